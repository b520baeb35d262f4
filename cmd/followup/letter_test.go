package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The project's examples render to complete letters in every format, for
// the buyer and annotated, and stay as reviewed in the golden files.
func TestLetterGolden(t *testing.T) {
	examples, err := filepath.Glob("../../examples/*.md")
	if err != nil || len(examples) < 4 {
		t.Fatalf("examples: %v, %d files", err, len(examples))
	}
	formats := map[string]string{"text": "txt", "markdown": "md", "html": "html"}
	for _, path := range examples {
		base := strings.TrimSuffix(filepath.Base(path), ".md")
		for format, ext := range formats {
			for _, mode := range []string{"buyer", "annotated"} {
				name := base + "." + mode + "." + ext
				t.Run(name, func(t *testing.T) {
					args := []string{"letter", path, "--format", format}
					if mode == "annotated" {
						args = append(args, "--annotated")
					}
					stdout, stderr, status := run(t, args...)
					if status != 0 {
						t.Fatalf("status %d: %s", status, stderr)
					}
					golden(t, filepath.Join("letters", name), stdout)
				})
			}
		}
	}
}

func TestLetterSponsorText(t *testing.T) {
	stdout, stderr, status := run(t, "letter", "../../examples/abc-sponsor.md")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{
		"Lars Larsen", "Oslo, 10.01.2002", "Du fortalte meg at ", "Med vennlig hilsen\n",
		"Jens Kanden", "Jeg ringer deg den 14.",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("letter lacks %q", want)
		}
	}
	if strings.Contains(stdout, "[SMERTE]") || strings.Contains(stdout, "Med vennlig hilsen,") {
		t.Errorf("buyer letter shows a method label or a comma after the closing:\n%s", stdout)
	}
	// The article's slip: the 13th after 10 January 2002 is a Sunday.
	if !strings.Contains(stderr, `"torsdag 13.": 13.01.2002 is a Sunday`) {
		t.Errorf("no warning about torsdag 13. on stderr:\n%s", stderr)
	}
}

func TestLetterDecisionMaker(t *testing.T) {
	stdout, stderr, status := run(t, "letter", "../../examples/abc-decision-maker.md")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{
		"ringer jeg deg den 23.", "Lars Larsen", "uke 7", "10. feb.", "åtte milepæler",
		"Utkast til fremdriftsplan for ABC AS",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("letter lacks %q:\n%s", want, stdout)
		}
	}
	// The article dates this letter on a Sunday.
	if !strings.Contains(stderr, "warning: date: the letter's date, 20.01.2002, falls on a Sunday") {
		t.Errorf("no warning about the Sunday letter date:\n%s", stderr)
	}
}

func TestLetterEnglish(t *testing.T) {
	stdout, _, status := run(t, "letter", "../../examples/abc-decision-maker.en.md")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	for _, want := range []string{"Oslo, 20 January 2002", "Kind regards\n",
		"I will call you on the 23rd", "eight checkpoints"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("letter lacks %q:\n%s", want, stdout)
		}
	}
}

func TestLetterLangOverride(t *testing.T) {
	stdout, _, status := run(t, "letter", "../../examples/abc-sponsor.md", "--lang", "en")
	if status != 0 || !strings.Contains(stdout, "Kind regards") {
		t.Errorf("status %d; --lang en did not give an English letter:\n%s", status, stdout)
	}
	_, stderr, status := run(t, "letter", "../../examples/abc-sponsor.md", "--lang", "de")
	if status != 2 || !strings.Contains(stderr, "--lang") {
		t.Errorf("status %d, stderr %q; want 2 naming --lang", status, stderr)
	}
}

func TestLetterRefusesErrors(t *testing.T) {
	path := writeFile(t, "no-pain.md", sponsorWithout("# Smerte"))

	_, stderr, status := run(t, "letter", path)
	if status != 1 || !strings.Contains(stderr, "Smerte") || !strings.Contains(stderr, "--draft") {
		t.Errorf("status %d, stderr %q; want 1, the missing Smerte and a hint of --draft",
			status, stderr)
	}
	stdout, _, status := run(t, "letter", path, "--draft")
	if status != 0 || !strings.Contains(stdout, "Med vennlig hilsen") {
		t.Errorf("--draft: status %d, want the letter:\n%s", status, stdout)
	}
}

func TestLetterOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "letter.html")
	_, stderr, status := run(t, "letter", "../../examples/abc-sponsor.md", "--format", "html", "-o", out)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(strings.ToLower(string(b)), "<!doctype html>") {
		t.Errorf("-o did not write the HTML page: %v", err)
	}
}

func TestLetterBadFormat(t *testing.T) {
	_, stderr, status := run(t, "letter", "../../examples/abc-sponsor.md", "--format", "pdf")
	if status != 2 || !strings.Contains(stderr, "markdown") {
		t.Errorf("status %d, stderr %q; want 2 and the accepted formats", status, stderr)
	}
}
