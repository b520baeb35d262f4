package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"followup"
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

// A letter rendered from the store reads as the one rendered from the file
// it was imported from, in every format, and says the same on stderr.
func TestLetterFromStore(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		importExamples(t, dsn)
		for meeting, file := range map[string]string{"1": "abc-sponsor.md",
			"2": "abc-decision-maker.md"} {
			for _, flags := range [][]string{{"--format", "text"}, {"--format", "html",
				"--annotated"}, {"--format", "markdown", "--lang", "en"}} {
				t.Run(file+strings.Join(flags, " "), func(t *testing.T) {
					wantOut, wantErr, wantStatus := run(t, append([]string{"letter",
						example(file)}, flags...)...)
					args := append([]string{"--db", dsn, "letter", "--deal", "1", "--meeting",
						meeting}, flags...)
					gotOut, gotErr, status := run(t, args...)
					if status != wantStatus || gotOut != wantOut || gotErr != wantErr {
						t.Errorf("from the store: status %d\n%s\n%s\nwant %d\n%s\n%s", status,
							gotOut, gotErr, wantStatus, wantOut, wantErr)
					}
				})
			}
		}
	})
}

func TestLetterFromStoreNewestMeeting(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	stdout := runOK(t, dsn, "letter", "--deal", "1")
	if !strings.Contains(stdout, "Ole Olsen") || !strings.Contains(stdout, "uke 7") {
		t.Errorf("the newest meeting's letter is the decision-maker's:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "brev.html")
	runOK(t, dsn, "letter", "--deal", "1", "--meeting", "1", "--format", "html", "-o", out)
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "Lars Larsen") {
		t.Errorf("-o wrote %q, %v", b, err)
	}
}

// A letter from the store follows the stored sections and plan, and is
// checked like a file: a stored meeting without pain cannot be sent.
func TestLetterFromStoreChecks(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	db := openTestDB(t, dsn)
	ctx := context.Background()
	m, err := db.FindMeetingByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	m.Sections = m.Sections[1:]
	m.NotesFile = strings.Replace(m.NotesFile, "# Smerte", "# Smerte (fjernet)", 1)
	if err := db.UpdateMeetingNotes(ctx, 1, m); err != nil {
		t.Fatal(err)
	}
	db.Close()
	runFails(t, dsn, 1, []string{"Smerte", "--draft"}, "letter", "--deal", "1", "--meeting", "1")
	stdout := runOK(t, dsn, "letter", "--deal", "1", "--meeting", "1", "--draft")
	if strings.Contains(stdout, "kraftig opp og ned") {
		t.Errorf("the letter shows the pain that is no longer stored:\n%s", stdout)
	}
}

// A meeting typed in without a notes file takes its people from the deal.
func TestLetterFromStoreWithoutNotesFile(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	db := openTestDB(t, dsn)
	ctx := context.Background()
	m, err := db.FindMeetingByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	typed := &followup.MeetingRecord{DealID: 1, Held: m.Held.AddDate(0, 0, 1),
		Letter: m.Letter, Language: m.Language, Place: "Bergen", Sections: m.Sections}
	if err := db.CreateMeeting(ctx, typed); err != nil {
		t.Fatal(err)
	}
	db.Close()
	stdout := runOK(t, dsn, "letter", "--deal", "1", "--meeting", "3", "--draft")
	for _, want := range []string{"Lars Larsen\nSalgs- og markedsdirektør\nABC AS\nOslogata 99",
		"Bergen, 11.01.2002", "Jens Kanden"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("letter lacks %q:\n%s", want, stdout)
		}
	}
}

func TestLetterFromStoreRefuses(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	other := strings.Replace(readExample(t, "abc-sponsor.md"), "company: ABC AS",
		"company: DEF AS", 1)
	runOK(t, dsn, "import", writeFile(t, "def.md", other)) // deal 2, meeting 3
	db := openTestDB(t, dsn)
	empty := &followup.Deal{OrganisationID: 1, OwnerID: 1, Title: "Tom"}
	if err := db.CreateDeal(context.Background(), empty); err != nil {
		t.Fatal(err)
	}
	db.Close()

	tests := []struct {
		name  string
		args  []string
		parts []string
	}{
		{"a file and --deal", []string{example("abc-sponsor.md"), "--deal", "1"},
			[]string{"not both"}},
		{"neither", nil, []string{"give a notes file", "--deal"}},
		{"--meeting without --deal", []string{"--meeting", "1"}, []string{"--meeting goes " +
			"with --deal"}},
		{"unknown deal", []string{"--deal", "99"}, []string{"--deal: deal 99 does not exist"}},
		{"unknown meeting", []string{"--deal", "1", "--meeting", "99"}, []string{
			"--meeting: meeting 99 does not exist"}},
		{"a meeting of another deal", []string{"--deal", "1", "--meeting", "3"}, []string{
			"--meeting 3 is a meeting of deal 2, not of deal 1"}},
		{"a deal without meetings", []string{"--deal", "3"}, []string{
			"deal 3 has no meetings yet", "followup import NOTES.md --deal 3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runFails(t, dsn, 2, tt.parts, append([]string{"letter"}, tt.args...)...)
		})
	}
}
