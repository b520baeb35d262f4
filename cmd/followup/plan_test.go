package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
)

const (
	article   = "../../examples/abc-decision-maker.md"
	articleEN = "../../examples/abc-decision-maker.en.md"
)

// The plan commands print what the golden files under testdata/plans hold;
// go test ./cmd/followup/ -update rewrites them after a change is reviewed.
func TestPlanGolden(t *testing.T) {
	cases := []struct {
		golden string
		args   []string
		status int
	}{
		{"abc-decision-maker.txt", []string{"plan", article}, 0},
		{"abc-decision-maker.md", []string{"plan", article, "--format", "markdown"}, 0},
		{"abc-decision-maker.html", []string{"plan", article, "--format", "html"}, 0},
		{"abc-decision-maker.csv", []string{"plan", article, "--format", "csv"}, 0},
		{"abc-decision-maker.ics", []string{"plan", article, "--format", "ics"}, 0},
		{"abc-decision-maker.en.txt", []string{"plan", articleEN}, 0},
		{"training-forward.txt", []string{"plan", "--template", "training",
			"--start", "2002-02-10"}, 0},
		{"training-backward.md", []string{"plan", "--template", "training",
			"--deliver-by", "26.04.2002", "--format", "md"}, 0},
		{"software-evaluation-summer.csv", []string{"plan", "--template", "software-evaluation",
			"--start", "2026-06-22", "--skip-summer", "--format", "csv"}, 0},
		{"software-evaluation-en-christmas.ics", []string{"plan", "--template",
			"software-evaluation-en", "--deliver-by", "2027-01-05", "--skip-christmas",
			"--date", "2026-11-02", "--format", "ics"}, 0},
		{"spec.txt", []string{"plan", "testdata/plans/spec.md"}, 0},
		{"spec-back.txt", []string{"plan", "show", "testdata/plans/spec-back.md"}, 0},
		{"diff.txt", []string{"plan", "diff", "testdata/plans/diff-old.md",
			"testdata/plans/diff-new.md"}, 0},
		{"diff-same.txt", []string{"plan", "diff", article, article}, 0},
		{"gate-allowed.txt", []string{"gate", "testdata/plans/gate-allowed.md"}, 0},
		{"gate-missing.txt", []string{"gate", "testdata/plans/gate-missing.md"}, 1},
		{"gate-stop.txt", []string{"gate", "testdata/plans/gate-stop.md"}, 1},
		{"gate-spec.txt", []string{"gate", "testdata/plans/spec.md"}, 1},
		{"templates.txt", []string{"templates"}, 0},
		{"templates-show-training.txt", []string{"templates", "show", "training"}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			stdout, stderr, status := run(t, tc.args...)
			if status != tc.status {
				t.Fatalf("got status %d, want %d: %s", status, tc.status, stderr)
			}
			golden(t, filepath.Join("plans", tc.golden), stdout)
		})
	}
}

// The article's interviews and next draft fall on Sundays: followup plan says
// so on standard error, with the next business day, and shows the guessed kinds.
func TestPlanWarnings(t *testing.T) {
	stdout, stderr, _ := run(t, "plan", article)
	for _, want := range []string{
		`row 1 "Telefonintervjuer med nøkkelselgere", 10.02.2002, falls on a Sunday; move it ` +
			"to the next business day, Monday 11.02.2002",
		`row 7 "Neste utkast til implementeringsplan", 03.03.2002, falls on a Sunday`,
		"the kinds marked ? were guessed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, want := range []string{"uke 7", "13. feb.", "kostnad?", "Type"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	letter, _, status := run(t, "letter", article)
	if status != 0 || !strings.Contains(letter, "13. feb.") || strings.Contains(letter, "kostnad?") {
		t.Errorf("status %d; the letter must show the plan without its kinds:\n%s", status, letter)
	}
}

func TestPlanErrors(t *testing.T) {
	dir := t.TempDir()
	long := "events:\n  - {text: A, owner: both}\n  - {text: B, offset: 260, owner: both}\n" +
		"  - {text: C, offset: 260, owner: both}\n  - {text: D, offset: 260, owner: both}\n"
	if err := os.WriteFile(filepath.Join(dir, "long.yaml"), []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, "bad.yaml"),
		[]byte("name: bad\nevents:\n  - text: A\n    owner: sjefen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unknown := writeFile(t, "unknown.md", strings.Replace(readFile(t, "testdata/plans/spec.md"),
		"template: training", "template: golf", 1))

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown template", []string{"plan", "--template", "golf", "--start", "2002-02-11"},
			`--template: there is no template called "golf": choose one of software-evaluation`},
		{"no room before the letter", []string{"plan", "--template", "training",
			"--deliver-by", "2002-02-01"}, "--deliver-by: 2002-02-01 leaves no room: template " +
			"training would have to start on 2001-12-19, before the letter's date 2002-01-10: " +
			"set --deliver-by to 2002-02-20 or later"},
		{"longer than three years", []string{"plan", "--templates", dir, "--template", "long",
			"--start", "2002-02-11"}, "longer than 3 years"},
		{"broken template file", []string{"plan", "--templates", broken, "--template", "bad",
			"--start", "2002-02-11"}, filepath.Join(broken, "bad.yaml") +
			`:4: event 1 "A": owner: "sjefen" is not an owner`},
		{"unknown template in notes", []string{"plan", unknown},
			unknown + `: plan.template: there is no template called "golf"`},
		{"unknown template in a letter", []string{"letter", unknown},
			unknown + `: plan.template: there is no template called "golf"`},
		{"notes and template", []string{"plan", article, "--template", "training"},
			"give a notes file or --template, not both"},
		{"neither", []string{"plan"}, "give a notes file (followup plan NOTES.md)"},
		{"no date", []string{"plan", "--template", "training"},
			"give --start (the first day) or --deliver-by"},
		{"two dates", []string{"plan", "--template", "training", "--start", "2002-02-11",
			"--deliver-by", "2002-06-28"}, "give --start or --deliver-by, not both"},
		{"bad date", []string{"plan", "--template", "training", "--start", "2002-02-30"},
			`--start: "2002-02-30" is not a day in the calendar`},
		{"dates with notes", []string{"plan", article, "--start", "2002-02-11"},
			"--start, --deliver-by and --date go with --template"},
		{"bad format", []string{"plan", article, "--format", "pdf"},
			`--format "pdf" is not known: use text, markdown, html, csv or ics`},
		{"no plan", []string{"plan", "../../examples/abc-sponsor.md"},
			"abc-sponsor.md has no plan"},
		{"show unknown template", []string{"templates", "show", "golf"},
			`followup: there is no template called "golf"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, status := run(t, tc.args...)
			if status != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("got status %d and\n%s\nwant 2 and %q", status, stderr, tc.want)
			}
		})
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A plan laid from the front matter's template is the plan of the letter.
func TestLetterWithPlanSpec(t *testing.T) {
	stdout, stderr, status := run(t, "letter", "testdata/plans/spec.md")
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	for _, want := range []string{"Telefonintervjuer med nøkkelselgere", "uke 7", "11. feb.",
		"Første kursdag for selgerne", "Ved åtte milepæler"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the letter lacks %q:\n%s", want, stdout)
		}
	}
	out, _, status := run(t, "check", "testdata/plans/spec.md")
	if status != 0 || strings.Contains(out, "Fremdriftsplan") {
		t.Errorf("status %d; a plan laid from a template must pass the checks:\n%s", status, out)
	}
}

// followup plan -o writes a calendar that an independent parser reads.
func TestPlanOutputICS(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plan.ics")
	_, stderr, status := run(t, "plan", "testdata/plans/spec.md", "--format", "ics", "-o", path)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ical.NewDecoder(f).Decode()
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if got, want := len(events), 12; got != want { // eleven events and the call
		t.Fatalf("got %d events, want %d", got, want)
	}
	last, _ := events[11].Props.Text(ical.PropSummary)
	if want := "Ring Ole Olsen om fremdriftsplanen"; last != want {
		t.Errorf("got %q, want %q", last, want)
	}
}

// A footer written by hand under the table must count the rows marked *.
func TestCheckPlanFooter(t *testing.T) {
	notes := writeFile(t, "footer.md", readFile(t, article)+
		"\nVed sju milepæler kan begge parter velge å stoppe.\n")
	stdout, _, status := run(t, "check", notes)
	want := `the footer says "sju milepæler", but 8 rows are marked *; write "åtte milepæler"`
	if status != 0 || !strings.Contains(stdout, want) {
		t.Errorf("got status %d and\n%s\nwant 0 and %q", status, stdout, want)
	}
}
