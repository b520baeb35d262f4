package main

import (
	"regexp"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		stdout, stderr, status := run(t, "--db", dsn, "gen", "--sellers", "2", "--deals", "60",
			"--seed", "3")
		if status != 0 {
			t.Fatalf("gen: status %d, stderr:\n%s", status, stderr)
		}
		for _, want := range []string{`Making 60 deals for 2 sellers`, `\bdeals +60\b`,
			`rows/s`, `leveringstid`} {
			if !regexp.MustCompile(want).MatchString(stdout) {
				t.Errorf("gen printed\n%s\nwant it to say %q", stdout, want)
			}
		}
		if !strings.Contains(stderr, "gen: loading") || !strings.Contains(stderr, "60 of 60") {
			t.Errorf("gen's progress was\n%s\nwant the deals loaded, to the last", stderr)
		}

		stdout, stderr, status = run(t, "--db", dsn, "deals", "--status", "open")
		if status != 0 || stdout == "" {
			t.Errorf("deals after gen: status %d, stdout %q, stderr %q", status, stdout, stderr)
		}
	})
}

func TestGenRefuses(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	if _, stderr, status := run(t, "--db", dsn, "gen", "--deals", "20"); status != 0 {
		t.Fatalf("first gen: status %d, stderr:\n%s", status, stderr)
	}
	tests := []struct {
		name  string
		args  []string
		parts []string
	}{
		{"a database with deals", []string{"--db", dsn, "gen"},
			[]string{"already has deals (20)", "fresh one with --db"}},
		{"no sellers", []string{"--db", newTestDSN(t, "sqlite"), "gen", "--sellers", "0"},
			[]string{"--sellers 0", "1 to 10000"}},
		{"negative deals", []string{"--db", newTestDSN(t, "sqlite"), "gen", "--deals=-5"},
			[]string{"--deals -5"}},
		{"a seed that is no number", []string{"gen", "--seed", "many"}, []string{"--seed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := run(t, tt.args...)
			if status != 2 {
				t.Errorf("status %d, want 2", status)
			}
			if stdout != "" {
				t.Errorf("a refused gen printed %q; want nothing on standard output", stdout)
			}
			for _, p := range tt.parts {
				if !strings.Contains(stderr, p) {
					t.Errorf("stderr %q does not say %q", stderr, p)
				}
			}
		})
	}
}
