package main

import (
	"strings"
	"testing"
)

func TestCheckExamples(t *testing.T) {
	stdout, stderr, status := run(t, "check", "../../examples/abc-sponsor.md")
	if status != 0 {
		t.Fatalf("status %d; the example can be sent with warnings:\n%s%s", status, stdout, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, l := range lines {
		if !strings.HasPrefix(l, "warning: ") && !strings.HasPrefix(l, "error: ") {
			t.Errorf("finding %q does not start with its severity", l)
		}
	}
	if !strings.Contains(stdout, "Forslag til bevisføring") || !strings.Contains(stdout, "søndag") {
		t.Errorf("the torsdag 13. slip is not reported in its section:\n%s", stdout)
	}
}

func TestCheckStatus(t *testing.T) {
	cases := []struct {
		name   string
		notes  string
		status int
		want   string
	}{
		{"missing section", sponsorWithout("# Årsak"), 1, "error: Årsak"},
		{"unknown key", strings.Replace(sponsorNotes, "place: Oslo", "plass: Oslo", 1), 2, "plass"},
		{"impossible date", strings.Replace(sponsorNotes, "2002-01-10", "2002-02-30", 1), 2, "date"},
		{"not utf-8", strings.Replace(sponsorNotes, "Oslo", "Osl\xff", 1), 2, "UTF-8"},
		{"price", strings.Replace(sponsorNotes, "- salget svinger",
			"- tilbudet på kr 125 000 var for høyt\n- salget svinger", 1), 0, "warning: Smerte"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "notes.md", tc.notes)
			stdout, stderr, status := run(t, "check", path)
			if status != tc.status || !strings.Contains(stdout+stderr, tc.want) {
				t.Errorf("status %d, want %d with %q in:\n%s%s", status, tc.status, tc.want,
					stdout, stderr)
			}
		})
	}
}

func TestCheckMissingFile(t *testing.T) {
	_, stderr, status := run(t, "check", "does-not-exist.md")
	if status != 2 || !strings.Contains(stderr, "does-not-exist.md") {
		t.Errorf("status %d, stderr %q; want 2 naming the file", status, stderr)
	}
}

func sponsorWithout(heading string) string {
	before, after, _ := strings.Cut(sponsorNotes, heading+"\n")
	_, rest, _ := strings.Cut(after, "\n# ")
	return before + "# " + rest
}

const sponsorNotes = `---
letter: sponsor
language: nb
date: 2002-01-10
place: Oslo
seller: {name: Jens Kanden, title: Partner, company: HandsOn AS}
to:
  name: Lars Larsen
  title: Salgsdirektør
  company: ABC AS
  address: [Oslogata 99, 0123 Oslo]
decision_maker: Ole Olsen
follow_up: 2002-01-14
---
# Smerte
- salget svinger mye

# Årsak
- selgerne kan ulikt

# Visjon
- én felles metode

# Enighet om å gå videre
Vi ser videre på programmet.

# Kjøpslåing om tilgang
Daglig leder må forklare styret budsjettsvikten.

# Forslag til bevisføring
En samtale med en referansekunde mandag 14.
`
