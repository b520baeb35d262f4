package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/notes"
	"followup/workday"
)

// planMeeting returns a decision-maker meeting whose plan breaks no rule: on
// business days, in order, proof before cost before decision, to delivery.
func planMeeting() *followup.Meeting {
	ev := func(text string, d int, month int, cp bool, o followup.Owner,
		k followup.EventKind) followup.Event {
		return followup.Event{Text: text, Date: workday.Date(2002, time.Month(month), d),
			Checkpoint: cp, Owner: o, Kind: k, Line: 40 + d%20}
	}
	return &followup.Meeting{
		Letter:   followup.DecisionMakerLetter,
		Language: lang.Norwegian,
		Date:     workday.Date(2002, 1, 21),
		FollowUp: workday.Date(2002, 1, 24),
		Seller:   followup.Person{Name: "Jens Kanden", Company: "HandsOn AS"},
		To:       followup.Person{Name: "Ole Olsen", Company: "ABC AS"},
		Sections: []followup.Section{
			{Kind: followup.Pain, Heading: "Smerte", Prose: "Salget svinger."},
			{Kind: followup.Reasons, Heading: "Årsak", Prose: "Selgerne kan ulikt."},
			{Kind: followup.Vision, Heading: "Visjon", Prose: "Én metode."},
			{Kind: followup.Agreement, Heading: "Enighet", Prose: "Vi går videre."},
		},
		Plan: &followup.Plan{Line: 30, Events: []followup.Event{
			ev("Telefonintervjuer med nøkkelselgere", 11, 2, true, followup.Both, followup.Interview),
			ev("Salgsworkshop for ledelsen", 20, 2, true, followup.Both, followup.ProofStep),
			ev("Kostnadsestimat", 27, 2, true, followup.Seller, followup.Cost),
			ev("Vurdere avkastning", 27, 2, true, followup.Buyer, followup.Value),
			ev("Godkjenning av planen", 8, 3, true, followup.Buyer, followup.Decision),
			ev("Oppstart", 11, 3, false, followup.Seller, followup.Delivery),
		}},
	}
}

func planFindings(m *followup.Meeting) []string {
	var out []string
	for _, f := range followup.Check(m) {
		if strings.HasPrefix(f.Field, m.Language.Label("plan")) {
			out = append(out, f.String())
		}
	}
	return out
}

func TestCheckPlan(t *testing.T) {
	cases := []struct {
		name   string
		change func(*followup.Meeting)
		want   []string // each a part of one finding, in order; none means no findings
	}{
		{"clean", func(*followup.Meeting) {}, nil},
		{"does not end with delivery", func(m *followup.Meeting) {
			m.Plan.Events = m.Plan.Events[:5]
		}, []string{`warning: Fremdriftsplan (line 48): row 5 "Godkjenning av planen" ends the ` +
			`plan, and it is a decision event, not the delivery; add the delivery`}},
		{"ends with a guessed kind", func(m *followup.Meeting) {
			m.Plan.Events[5].Kind, m.Plan.Events[5].KindInferred = followup.Other, true
		}, []string{`an other event (guessed from its words), not the delivery; add the ` +
			"delivery as the last row (e.g. the start of the work), or name this row's kind " +
			"levering in a Type column"}},
		{"starts before the letter", func(m *followup.Meeting) {
			m.Plan.Events[0].Date = workday.Date(2002, 1, 18)
		}, []string{`row 1 "Telefonintervjuer med nøkkelselgere" on 18.01.2002 comes before ` +
			`the letter's date, 21.01.2002; move it to 21.01.2002 or later`}},
		{"on a Sunday", func(m *followup.Meeting) {
			m.Plan.Events[0].Date = workday.Date(2002, 2, 10)
		}, []string{`warning: Fremdriftsplan (line 51): row 1 "Telefonintervjuer med ` +
			`nøkkelselgere", 10.02.2002, falls on a Sunday; move it to the next business day, ` +
			`Monday 11.02.2002`}},
		{"on a holiday", func(m *followup.Meeting) {
			m.Plan.Events[5].Date = workday.Date(2002, 3, 28)
		}, []string{`row 6 "Oppstart", 28.03.2002, falls on Skjærtorsdag, a public holiday; move it to the next ` +
			`business day, Tuesday 02.04.2002`}},
		{"cost before proof", func(m *followup.Meeting) {
			e := m.Plan.Events
			e[1].Text, e[1].Kind, e[2].Text, e[2].Kind = e[2].Text, e[2].Kind, e[1].Text, e[1].Kind
		}, []string{`row 2 "Kostnadsestimat" on 20.02.2002 comes before the proof ` +
			`"Salgsworkshop for ledelsen" on 27.02.2002; move the cost step after the proof`}},
		{"cost the same day as the proof, after it", func(m *followup.Meeting) {
			m.Plan.Events[1].Date = workday.Date(2002, 2, 27)
		}, nil},
		{"dates go backwards", func(m *followup.Meeting) {
			m.Plan.Events[1].Date = workday.Date(2002, 2, 8)
		}, []string{`row 2 "Salgsworkshop for ledelsen" on 08.02.2002 goes back in time from ` +
			`the row above, "Telefonintervjuer med nøkkelselgere" on 11.02.2002; put the rows ` +
			`in date order`}},
		{"checkpoint without owner", func(m *followup.Meeting) {
			m.Plan.Events[0].Owner = ""
		}, []string{`row 1 "Telefonintervjuer med nøkkelselgere" is a checkpoint without an ` +
			`owner; write kjøper, selger or begge`}},
		{"no owner is fine off a checkpoint", func(m *followup.Meeting) {
			m.Plan.Events[5].Owner = ""
		}, nil},
		{"no cost event", func(m *followup.Meeting) {
			m.Plan.Events = append(m.Plan.Events[:2], m.Plan.Events[3:]...)
		}, []string{`row 4 "Godkjenning av planen" is a decision, but no cost event comes ` +
			`before it; add a cost estimate before the decision (Type kostnad)`}},
		{"decision before cost", func(m *followup.Meeting) {
			e := m.Plan.Events
			d := e[4]
			d.Date = workday.Date(2002, 2, 22)
			m.Plan.Events = []followup.Event{e[0], e[1], d, e[2], e[3], e[5]}
		}, []string{`row 3 "Godkjenning av planen" on 22.02.2002 is a decision before the ` +
			`cost event "Kostnadsestimat" on 27.02.2002`}},
		{"no cost and no decision", func(m *followup.Meeting) {
			e := m.Plan.Events
			m.Plan.Events = []followup.Event{e[0], e[1], e[5]}
		}, []string{`warning: Fremdriftsplan (line 30): the plan has no cost event and no ` +
			`decision`}},
		{"no cost before a decision in a sponsor letter", func(m *followup.Meeting) {
			m.Letter = followup.SponsorLetter
			m.Plan.Events = append(m.Plan.Events[:2], m.Plan.Events[3:]...)
		}, nil},
		{"footer count in words disagrees", func(m *followup.Meeting) {
			m.Plan.Footer = "Ved sju milepæler kan begge parter si stopp."
		}, []string{`warning: Fremdriftsplan (line 30): the footer says "sju milepæler", but 5 ` +
			`rows are marked *; write "fem milepæler" in the footer`}},
		{"footer count in digits disagrees", func(m *followup.Meeting) {
			m.Plan.Footer = "The plan has 8 go/no-go checkpoints."
		}, []string{`the footer says "8 go/no-go checkpoints", but 5 rows are marked *`}},
		{"footer count in English words disagrees", func(m *followup.Meeting) {
			m.Language = lang.English
			m.Plan.Footer = "At four checkpoints either side may stop."
		}, []string{`Progress plan (line 30): the footer says "four checkpoints", but 5 rows ` +
			`are marked *; write "five checkpoints" in the footer`}},
		{"footer count agrees", func(m *followup.Meeting) {
			m.Plan.Footer = "Ved fem milepæler (merket *) kan vi stoppe."
		}, nil},
		{"footer with one checkpoint", func(m *followup.Meeting) {
			m.Plan.Footer = "Planen har én milepæl."
		}, []string{`the footer says "én milepæl", but 5 rows are marked *`}},
		{"footer without a count", func(m *followup.Meeting) {
			m.Plan.Footer = "Milepælene er merket med stjerne."
		}, nil},
		{"empty plan", func(m *followup.Meeting) { m.Plan.Events = nil },
			[]string{`error: Fremdriftsplan (line 30): the plan has no events`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := planMeeting()
			tc.change(m)
			got := planFindings(m)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tc.want),
					strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %d:\ngot  %s\nwant it to contain %s", i+1, got[i], w)
				}
			}
		})
	}
}

// TestCheckArticlePlan checks the plan of the article, whose interviews and
// next draft fall on Sundays.
func TestCheckArticlePlan(t *testing.T) {
	m, err := notes.ReadFile("examples/abc-decision-maker.md")
	if err != nil {
		t.Fatal(err)
	}
	got := planFindings(m)
	want := []string{
		`row 1 "Telefonintervjuer med nøkkelselgere", 10.02.2002, falls on a Sunday; ` +
			`move it to the next business day, Monday 11.02.2002`,
		`row 7 "Neste utkast til implementeringsplan", 03.03.2002, falls on a Sunday; ` +
			`move it to the next business day, Monday 04.03.2002`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("got %s, want it to contain %s", got[i], want[i])
		}
	}
}
