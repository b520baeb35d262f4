package main

import (
	"context"
	"strings"
	"testing"

	"followup"
)

// importExamples imports the two Norwegian examples into a new database:
// deal 1 with ABC AS, letters 1 (sponsor) and 2 (decision-maker).
func importExamples(t *testing.T, dsn string) {
	t.Helper()
	runOK(t, dsn, "import", example("abc-sponsor.md"), example("abc-decision-maker.md"))
}

func TestDeals(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	other := strings.NewReplacer("company: ABC AS", "company: DEF AS",
		"name: Jens Kanden", "name: Kari Selger").Replace(readExample(t, "abc-sponsor.md"))
	runOK(t, dsn, "import", writeFile(t, "def.md", other)) // deal 2, user 2
	db := openTestDB(t, dsn)
	value, grade := int64(12_500_000), followup.GradeSponsor
	if _, err := db.UpdateDeal(context.Background(), 1,
		followup.DealUpdate{Value: &value, Grade: &grade}); err != nil {
		t.Fatal(err)
	}
	runOK(t, dsn, "sent", "1")

	tests := []struct {
		name    string
		args    []string
		want    []string
		notWant []string
	}{
		{"every deal", nil, []string{
			"ID  ORGANISATION  TITLE   OWNER        STATUS  GRADE     VALUE       NEXT FOLLOW-UP",
			"1   ABC AS        ABC AS  Jens Kanden  open    sponsor   kr 125 000  2002-01-14",
			"2   DEF AS        DEF AS  Kari Selger  open    prospect  kr 0        none"}, nil},
		{"by seller's name", []string{"--seller", "Kari Selger"}, []string{"DEF AS"},
			[]string{"ABC AS"}},
		{"by seller's number", []string{"--seller", "1"}, []string{"ABC AS"},
			[]string{"DEF AS"}},
		{"open ones", []string{"--status", "open"}, []string{"ABC AS", "DEF AS"}, nil},
		{"won ones", []string{"--status", "WON"}, []string{"No deals match"}, []string{"ABC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout := runOK(t, dsn, append([]string{"deals"}, tt.args...)...)
			for _, w := range tt.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("deals lacks %q:\n%s", w, stdout)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(stdout, w) {
					t.Errorf("deals shows %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestDealsBadFlags(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	tests := []struct {
		name  string
		args  []string
		parts []string
	}{
		{"unknown status", []string{"--status", "maybe"}, []string{`--status "maybe"`,
			"open, won, lost or walked"}},
		{"unknown seller", []string{"--seller", "Nobody"}, []string{`--seller "Nobody"`,
			"no user is named"}},
		{"unknown e-mail", []string{"--seller", "x@y.no"}, []string{`--seller "x@y.no"`}},
		{"unknown number", []string{"--seller", "42"}, []string{`--seller "42"`,
			"user 42 does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runFails(t, dsn, 2, tt.parts, append([]string{"deals"}, tt.args...)...)
		})
	}
}

func TestDealsEmpty(t *testing.T) {
	stdout := runOK(t, newTestDSN(t, "sqlite"), "deals")
	if !strings.Contains(stdout, "No deals match") || !strings.Contains(stdout, "followup import") {
		t.Errorf("an empty store says %q; want a pointer to import", stdout)
	}
}

func TestDeal(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	runOK(t, dsn, "sent", "1")
	runOK(t, dsn, "disputed", "1", "--note", "Kvartalstallet er 18 %, ikke 20 %")
	runOK(t, dsn, "move", "1", "--to", "2002-01-15", "--reason", "Lars er bortreist")

	stdout := runOK(t, dsn, "deal", "1")
	for _, want := range []string{
		`Deal 1 "ABC AS": open, kr 0` + "\nGrade: prospect\n",
		"Organisation: 1 ABC AS, Oslogata 99, 0123 Oslo",
		"Owner: Jens Kanden, Partner",
		"Contacts\n  1  Ole Olsen    daglig leder",
		"sponsor         gives access to Ole Olsen",
		"  1  2002-01-10  sponsor letter",
		"  2  2002-01-20  decision-maker letter  nb  Oslo  4 sections  with Lars Larsen",
		"  1  meeting 1  sponsor         version 1  disputed, sent 2002-01-10 09:00, disputed " +
			"2002-01-10 09:00: Kvartalstallet er 18 %, ikke 20 %",
		"  2  meeting 2  decision-maker  version 1  draft",
		"version 1 (plan 1, meeting 2): draft",
		"Utkast til fremdriftsplan for ABC AS",
		"Telefonintervjuer med nøkkelselgere", "uke 6", "åtte milepæler",
		"  1  call  due 2002-01-15  open  call Lars Larsen: is letter 1 right, and when do we " +
			"meet the decision-maker?; moved from 2002-01-14: Lars er bortreist",
		"reference-call with Kasper Kaspersen at TTT AS on 2002-01-13",
		"Quotes\n  none",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("deal 1 lacks %q:\n%s", want, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line ends in a space: %q", line)
		}
	}
}

func TestDealUnknown(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	runFails(t, dsn, 2, []string{"deal 99 does not exist"}, "deal", "99")
	runFails(t, dsn, 2, []string{"ID"}, "deal", "abc")
}
