package main

import (
	"strings"
	"testing"

	"followup/workday"
)

// twoSellers imports deal 1 of Jens Kanden with ABC AS, its letters 1 and 2
// sent (calls 1 on 2002-01-14 and 2 on 2002-01-23), and deal 2 of Kari
// Selger with DEF AS, which has no follow-up.
func twoSellers(t *testing.T, dsn string) {
	t.Helper()
	importExamples(t, dsn)
	other := strings.NewReplacer("company: ABC AS", "company: DEF AS",
		"name: Jens Kanden", "name: Kari Selger").Replace(readExample(t, "abc-sponsor.md"))
	runOK(t, dsn, "import", writeFile(t, "def.md", other))
	runOK(t, dsn, "sent", "1")
	runOK(t, dsn, "sent", "2")
}

func TestAgenda(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		twoSellers(t, dsn)
		tests := []struct {
			name string
			args []string
			want string
		}{
			{"every seller, a day with one overdue", []string{"--date", "2002-01-16"}, `
Agenda for Wednesday 2002-01-16

Jens Kanden
  ID  DUE         OVERDUE  KIND  DEAL               FOR
  1   2002-01-14  2 days   call  1 ABC AS (ABC AS)  call Lars Larsen: is letter 1 right, and when do we meet the decision-maker?

Kari Selger
  nothing due
  Deals with no open follow-up:
    2 "DEF AS" (DEF AS)
`},
			{"one seller, two due, oldest first", []string{"--seller", "Jens Kanden",
				"--date", "23.01.2002"}, `
Agenda for Wednesday 2002-01-23

Jens Kanden
  ID  DUE         OVERDUE  KIND  DEAL               FOR
  1   2002-01-14  9 days   call  1 ABC AS (ABC AS)  call Lars Larsen: is letter 1 right, and when do we meet the decision-maker?
  2   2002-01-23  today    call  1 ABC AS (ABC AS)  call Ole Olsen: is the plan in letter 2 agreed?
`},
			{"today from the clock", nil, `
Agenda for Thursday 2002-01-10

Kari Selger
  nothing due
  Deals with no open follow-up:
    2 "DEF AS" (DEF AS)
`},
			{"nothing at all", []string{"--seller", "1", "--date", "2002-01-11"}, `
Agenda for Friday 2002-01-11

Nothing is due, and every open deal has a follow-up.
`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got := runOK(t, dsn, append([]string{"agenda"}, tt.args...)...)
				if want := strings.TrimPrefix(tt.want, "\n"); got != want {
					t.Errorf("agenda =\n%s\nwant\n%s", got, want)
				}
			})
		}
	})
}

func TestAgendaBadFlags(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	runFails(t, dsn, 2, []string{"--date", "2002-02-30", "not a day"}, "agenda", "--date",
		"2002-02-30")
	runFails(t, dsn, 2, []string{"--seller", "Ingen"}, "agenda", "--seller", "Ingen")
}

func TestDone(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		twoSellers(t, dsn)
		stdout := runOK(t, dsn, "done", "1", "--outcome", "brevet bekreftet")
		if want := "follow-up 1 done at 2002-01-10 09:00: brevet bekreftet\n"; stdout != want {
			t.Errorf("done said %q, want %q", stdout, want)
		}
		agenda := runOK(t, dsn, "agenda", "--date", "2002-01-16")
		if strings.Contains(agenda, "is letter 1 right") {
			t.Errorf("a done follow-up is still on the agenda:\n%s", agenda)
		}
		tests := []struct {
			name  string
			args  []string
			parts []string
		}{
			{"done twice", []string{"done", "1", "--outcome", "igjen"}, []string{
				"follow-up 1 was done already"}},
			{"no outcome", []string{"done", "2"}, []string{"--outcome"}},
			{"empty outcome", []string{"done", "2", "--outcome", " "}, []string{"--outcome",
				"needs an outcome"}},
			{"unknown follow-up", []string{"done", "99", "--outcome", "x"}, []string{
				"follow-up 99 does not exist"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { runFails(t, dsn, 2, tt.parts, tt.args...) })
		}
	})
}

func TestMove(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	twoSellers(t, dsn)
	tests := []struct {
		name    string
		to      string
		warning string // "" for none
	}{
		{"a business day", "2002-01-15", ""},
		{"a Saturday", "2002-01-19", "--to 2002-01-19 is a Saturday; the next business " +
			"day is Monday 2002-01-21"},
		{"a public holiday", "17.05.2002", "--to 2002-05-17 is"},
		{"the past", "2002-01-08", "--to 2002-01-08 is in the past (today is 2002-01-10), so " +
			"the follow-up is overdue at once; the first business day from today is " +
			"Thursday 2002-01-10"},
	}
	from := "2002-01-14"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			to, err := flagDate("--to", tt.to)
			if err != nil {
				t.Fatal(err)
			}
			stdout, stderr, status := run(t, "--db", dsn, "move", "1", "--to", tt.to,
				"--reason", "kunden ba om det")
			want := "follow-up 1 moved from " + from + " to " + isoDay(to) + ": kunden ba om det\n"
			if status != 0 || stdout != want {
				t.Errorf("status %d, stdout %q; want 0 and %q\n%s", status, stdout, want, stderr)
			}
			if tt.warning == "" && stderr != "" || !strings.Contains(stderr, tt.warning) {
				t.Errorf("stderr = %q, want the warning %q", stderr, tt.warning)
			}
			from = isoDay(to)
		})
	}
	if d := dealDetail(t, dsn, 1); len(d.FollowUps[0].Moves) != len(tests) {
		t.Errorf("%d moves kept, want %d", len(d.FollowUps[0].Moves), len(tests))
	}
}

func TestMoveRefuses(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	twoSellers(t, dsn)
	tests := []struct {
		name  string
		args  []string
		parts []string
	}{
		{"no reason", []string{"move", "1", "--to", "2002-01-15"}, []string{"--reason"}},
		{"an empty reason", []string{"move", "1", "--to", "2002-01-15", "--reason", " "},
			[]string{"--reason is empty"}},
		{"no day", []string{"move", "1", "--reason", "syk"}, []string{"--to"}},
		{"not a day", []string{"move", "1", "--to", "i morgen", "--reason", "syk"},
			[]string{"--to", "not a date"}},
		{"the day it is due", []string{"move", "1", "--to", "2002-01-14", "--reason", "syk"},
			[]string{"due on 2002-01-14 already"}},
		{"unknown follow-up", []string{"move", "99", "--to", "2002-01-15", "--reason", "syk"},
			[]string{"follow-up 99 does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runFails(t, dsn, 2, tt.parts, tt.args...) })
	}
}

func TestMoveWarning(t *testing.T) {
	today := workday.Date(2002, 1, 10)
	tests := []struct {
		name string
		to   string
		want string
	}{
		{"a business day", "2002-01-11", ""},
		{"Christmas Day", "2002-12-25", "a public holiday; the next business day is " +
			"Friday 2002-12-27"},
		{"a Sunday", "2002-01-13", "--to 2002-01-13 is a Sunday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			to, _ := flagDate("--to", tt.to)
			got := moveWarning(to, today)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
