package main

import (
	"strings"
	"testing"
)

func TestHolidays(t *testing.T) {
	stdout, _, status := run(t, "holidays", "2027")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{
		"2027-01-01 fredag 1. nyttårsdag\n",
		"2027-03-25 torsdag Skjærtorsdag\n",
		"2027-05-17 mandag Grunnlovsdag\n",
		"2027-05-17 mandag 2. pinsedag\n",
		"2027-12-26 søndag 2. juledag\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in:\n%s", want, stdout)
		}
	}
	if n := strings.Count(stdout, "\n"); n != 12 {
		t.Errorf("%d holidays in 2027, want 12", n)
	}
}

func TestHolidaysRange(t *testing.T) {
	for _, year := range []string{"1899", "2201", "abc"} {
		_, stderr, status := run(t, "holidays", year)
		if status != 2 || stderr == "" {
			t.Errorf("holidays %s: status %d, stderr %q; want 2 and a message", year, status, stderr)
		}
	}
}
