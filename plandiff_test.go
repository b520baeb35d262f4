package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/workday"
)

// diffPlan returns a plan of events "text@MM-DD" with optional "*" after the
// date for a checkpoint, e.g. "Intervju@02-11*". Each event is owned by both.
func diffPlan(specs ...string) *followup.Plan {
	p := &followup.Plan{}
	for _, s := range specs {
		text, date, _ := strings.Cut(s, "@")
		cp := strings.HasSuffix(date, "*")
		d, err := time.Parse("2006-01-02", "2002-"+strings.TrimSuffix(date, "*"))
		if err != nil {
			panic(err)
		}
		p.Events = append(p.Events, followup.Event{Text: text, Date: workday.Day(d),
			Checkpoint: cp, Owner: followup.Both})
	}
	return p
}

func TestDiffPlans(t *testing.T) {
	base := []string{"Intervjuer@02-11*", "Workshop@02-20*", "Kostnadsestimat@02-27*",
		"Godkjenning@03-08*", "Oppstart@03-11"}
	cases := []struct {
		name string
		old  *followup.Plan // the older version
		new  *followup.Plan // the newer version
		want []string
	}{
		{"same", diffPlan(base...), diffPlan(base...), nil},
		{"a new case matches and renames", diffPlan(base...), diffPlan("intervjuer @02-11*",
			"Workshop@02-20*", "Kostnadsestimat@02-27*", "Godkjenning@03-08*", "Oppstart@03-11"),
			[]string{`renamed: row 1 "Intervjuer" is now "intervjuer "`}},
		{"added", diffPlan(base...), diffPlan("Intervjuer@02-11*", "Workshop@02-20*",
			"Referansebesøk@02-22*", "Kostnadsestimat@02-27*", "Godkjenning@03-08*",
			"Oppstart@03-11"),
			[]string{`added: row 3 "Referansebesøk" on 2002-02-22, a checkpoint`}},
		{"added at the end", diffPlan(base...), diffPlan(append(base[:5:5], "Trening@03-15")...),
			[]string{`added: row 6 "Trening" on 2002-03-15`}},
		{"removed", diffPlan(base...), diffPlan("Intervjuer@02-11*", "Kostnadsestimat@02-27*",
			"Godkjenning@03-08*", "Oppstart@03-11"),
			[]string{`removed: row 2 "Workshop", was on 2002-02-20`}},
		{"renamed on the same date", diffPlan(base...), diffPlan("Intervjuer@02-11*",
			"Salgsworkshop med ledelsen@02-20*", "Kostnadsestimat@02-27*", "Godkjenning@03-08*",
			"Oppstart@03-11"),
			[]string{`renamed: row 2 "Workshop" is now "Salgsworkshop med ledelsen"`}},
		{"renamed in place and moved", diffPlan(base...), diffPlan("Intervjuer@02-11*",
			"Salgsworkshop@02-21*", "Kostnadsestimat@02-27*", "Godkjenning@03-08*",
			"Oppstart@03-11"),
			[]string{`renamed: row 2 "Workshop" is now "Salgsworkshop"`,
				`moved: row 2 "Salgsworkshop" from 2002-02-20 to 2002-02-21, 1 day later`}},
		{"moved", diffPlan(base...), diffPlan("Intervjuer@02-11*", "Workshop@02-20*",
			"Kostnadsestimat@03-01*", "Godkjenning@03-08*", "Oppstart@03-11"),
			[]string{`moved: row 3 "Kostnadsestimat" from 2002-02-27 to 2002-03-01, 2 days later`}},
		{"moved earlier", diffPlan(base...), diffPlan("Intervjuer@02-08*", "Workshop@02-20*",
			"Kostnadsestimat@02-27*", "Godkjenning@03-08*", "Oppstart@03-11"),
			[]string{`moved: row 1 "Intervjuer" from 2002-02-11 to 2002-02-08, 3 days earlier`}},
		{"checkpoint set", diffPlan(base...), diffPlan("Intervjuer@02-11*", "Workshop@02-20*",
			"Kostnadsestimat@02-27*", "Godkjenning@03-08*", "Oppstart@03-11*"),
			[]string{`checkpoint: row 5 "Oppstart" is now a checkpoint`}},
		{"checkpoint cleared", diffPlan(base...), diffPlan("Intervjuer@02-11", "Workshop@02-20*",
			"Kostnadsestimat@02-27*", "Godkjenning@03-08*", "Oppstart@03-11"),
			[]string{`checkpoint: row 1 "Intervjuer" is no longer a checkpoint`}},
		{"one removed, another added", diffPlan(base...), diffPlan("Intervjuer@02-11*",
			"Kostnadsestimat@02-27*", "Godkjenning@03-08*", "Kontrakt@03-09*", "Oppstart@03-11"),
			[]string{`removed: row 2 "Workshop"`, `added: row 4 "Kontrakt" on 2002-03-09`}},
		{"from nothing", &followup.Plan{}, diffPlan("A@01-02", "B@01-03"),
			[]string{`added: row 1 "A"`, `added: row 2 "B"`}},
		{"to nothing", diffPlan("A@01-02"), nil, []string{`removed: row 1 "A"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			changes := followup.DiffPlans(tc.old, tc.new)
			if len(changes) != len(tc.want) {
				t.Fatalf("got %d changes, want %d: %v", len(changes), len(tc.want), changes)
			}
			for i, w := range tc.want {
				if got := changes[i].String(); !strings.Contains(got, w) {
					t.Errorf("change %d:\ngot  %s\nwant it to contain %s", i+1, got, w)
				}
			}
		})
	}
}

func TestDiffPlansOwnerAndOutcome(t *testing.T) {
	older, newer := diffPlan("A@01-02*"), diffPlan("A@01-02*")
	newer.Events[0].Owner, newer.Events[0].Outcome, newer.Events[0].Line = followup.Buyer,
		followup.Go, 12
	var got []string
	for _, c := range followup.DiffPlans(older, newer) {
		got = append(got, c.String())
	}
	want := []string{`owner: row 1 "A" (line 12) from both to buyer`,
		`outcome: row 1 "A" (line 12) from pending to go`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDiffPlansKinds(t *testing.T) {
	older := diffPlan("A@01-02", "B@01-03")
	newer := diffPlan("B@01-04", "C@01-05")
	var got []followup.ChangeKind
	for _, c := range followup.DiffPlans(older, newer) {
		got = append(got, c.Kind)
	}
	want := []followup.ChangeKind{followup.EventRemoved, followup.EventMoved, followup.EventAdded}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}
