package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"followup"
)

// importLines returns what an import printed, without the file names.
func importLines(stdout string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if _, rest, ok := strings.Cut(l, ".md: "); ok {
			lines = append(lines, rest)
		}
	}
	return lines
}

func TestImportExamples(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		stdout := runOK(t, dsn, "import", example("abc-sponsor.md"),
			example("abc-decision-maker.md"))
		want := []string{
			`created user 1 "Jens Kanden" (seller, no password yet)`,
			`created organisation 1 "ABC AS"`,
			`created deal 1 "ABC AS" for Jens Kanden`,
			`created contact 1 "Ole Olsen" (decision-maker)`,
			`created contact 2 "Lars Larsen" (sponsor, gives access to Ole Olsen)`,
			`created meeting 1 of 2002-01-10 with 6 sections`,
			`created letter 1 (sponsor, version 1, draft)`,
			`created proof item 1 (reference-call with Kasper Kaspersen at TTT AS on 2002-01-13)`,
			`created meeting 2 of 2002-01-20 with 4 sections`,
			`created letter 2 (decision-maker, version 1, draft)`,
			`created plan version 1 (11 events, 8 checkpoints)`,
		}
		if got := importLines(stdout); !reflect.DeepEqual(got, want) {
			t.Errorf("import said\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		d := dealDetail(t, dsn, 1)
		checkImportedDeal(t, d)
	})
}

// dealDetail reads a deal with everything it holds.
func dealDetail(t *testing.T, dsn string, id int64) *followup.DealDetail {
	t.Helper()
	d, err := openTestDB(t, dsn).FindDealDetail(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// checkImportedDeal checks the deal the two Norwegian examples make.
func checkImportedDeal(t *testing.T, d *followup.DealDetail) {
	t.Helper()
	if d.Owner.Name != "Jens Kanden" || d.Owner.PasswordHash != "" ||
		d.Owner.Role != followup.RoleSeller || d.Owner.Title != "Partner" {
		t.Errorf("owner = %+v; want the seller Jens Kanden, Partner, with no password", d.Owner)
	}
	if got, want := d.Organisation.Address, []string{"Oslogata 99", "0123 Oslo"}; !reflect.
		DeepEqual(got, want) {
		t.Errorf("address = %q, want %q", got, want)
	}
	var roles []string
	for _, c := range d.Contacts {
		roles = append(roles, c.Name+":"+string(c.Role))
	}
	if want := []string{"Ole Olsen:decision-maker", "Lars Larsen:sponsor"}; !reflect.
		DeepEqual(roles, want) {
		t.Errorf("contacts = %q, want %q", roles, want)
	}
	if len(d.Contacts) == 2 && d.Contacts[1].AccessToID != d.Contacts[0].ID {
		t.Errorf("Lars Larsen gives access to contact %d, want Ole Olsen", d.Contacts[1].AccessToID)
	}
	if len(d.Meetings) != 2 || len(d.Letters) != 2 || len(d.Plans) != 1 ||
		len(d.ProofItems) != 1 {
		t.Fatalf("%d meetings, %d letters, %d plans, %d proof items; want 2, 2, 1, 1",
			len(d.Meetings), len(d.Letters), len(d.Plans), len(d.ProofItems))
	}
	if m := d.Meetings[0]; m.NotesHash == "" || !strings.Contains(m.NotesFile, "Lars Larsen") {
		t.Errorf("meeting 1 keeps no notes file: hash %q", m.NotesHash)
	}
	if l := d.Letters[0]; l.Status != followup.LetterDraft ||
		!strings.Contains(l.Text, "Med vennlig hilsen") || strings.Contains(l.Text, "[SMERTE]") {
		t.Errorf("letter 1 = %s:\n%s\nwant the buyer's letter as a draft", l.Status, l.Text)
	}
	if p := d.Plans[0]; p.MeetingID != 2 || len(p.Plan.Events) != 11 || !p.AgreedAt.IsZero() {
		t.Errorf("plan = meeting %d, %d events, agreed %v", p.MeetingID, len(p.Plan.Events),
			p.AgreedAt)
	}
	if p := d.ProofItems[0]; p.Kind != followup.ProofReferenceCall || p.Customer != "TTT AS" {
		t.Errorf("proof = %+v", p)
	}
}

func TestImportAgainChangesNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		runOK(t, dsn, "import", example("abc-sponsor.md"))
		before := auditCount(t, dsn)
		stdout := runOK(t, dsn, "import", example("abc-sponsor.md"))
		want := []string{"unchanged: imported before as meeting 1 of deal 1; nothing stored"}
		if got := importLines(stdout); !reflect.DeepEqual(got, want) {
			t.Errorf("second import said %q, want %q", got, want)
		}
		if after := auditCount(t, dsn); after != before {
			t.Errorf("the audit log grew from %d to %d rows", before, after)
		}
	})
}

// auditCount counts the rows of the audit log: every change writes one.
func auditCount(t *testing.T, dsn string) int {
	t.Helper()
	db := openTestDB(t, dsn)
	entries, err := db.ListAudit(context.Background(), followup.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return len(entries)
}

func TestImportChangedFile(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	sponsor := readExample(t, "abc-sponsor.md")
	dm := readExample(t, "abc-decision-maker.md")
	path := writeFile(t, "sponsor.md", sponsor)
	dmPath := writeFile(t, "dm.md", dm)
	runOK(t, dsn, "import", path, dmPath)

	tests := []struct {
		name string
		path string
		text string
		want []string
	}{
		{"a sponsor letter's pain changes", path,
			strings.Replace(sponsor, "kraftig opp og ned", "svært opp og ned", 1), []string{
				"updated meeting 1 of 2002-01-10: the notes changed (6 sections)",
				"created letter 3 (sponsor, version 2, draft)"}},
		{"a decision-maker letter's words change, not its plan", dmPath,
			strings.Replace(dm, "etter planen nedenfor", "etter planen under", 1), []string{
				"updated meeting 2 of 2002-01-20: the notes changed (4 sections)",
				"created letter 4 (decision-maker, version 2, draft)",
				"plan unchanged: still version 1"}},
		{"the plan moves a date", dmPath,
			strings.Replace(dm, "| 2002-02-10 |", "| 2002-02-11 |", 1), []string{
				"updated meeting 2 of 2002-01-20: the notes changed (4 sections)",
				"created letter 5 (decision-maker, version 3, draft)",
				"created plan version 2 (11 events, 8 checkpoints)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(tt.path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := importLines(runOK(t, dsn, "import", tt.path)); !reflect.DeepEqual(got,
				tt.want) {
				t.Errorf("import said\n%s\nwant\n%s", strings.Join(got, "\n"),
					strings.Join(tt.want, "\n"))
			}
		})
	}
	d := dealDetail(t, dsn, 1)
	if len(d.Meetings) != 2 || len(d.Letters) != 5 || len(d.Plans) != 2 || len(d.ProofItems) != 1 {
		t.Errorf("%d meetings, %d letters, %d plans, %d proof items; want 2, 5, 2, 1",
			len(d.Meetings), len(d.Letters), len(d.Plans), len(d.ProofItems))
	}
}

func readExample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(example(name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImportEnglishOfTheSameMeeting(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	runOK(t, dsn, "import", example("abc-sponsor.md"))
	got := importLines(runOK(t, dsn, "import", example("abc-sponsor.en.md")))
	want := []string{
		`updated organisation 1 "ABC AS": address Oslogata 99, 0123 Oslo, Norway`,
		`updated contact 2 "Lars Larsen": title "Sales and Marketing Director"`,
		"updated meeting 1 of 2002-01-10: the notes changed (6 sections)",
		"created letter 2 (sponsor, version 2, draft)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("import said\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	sponsor := readExample(t, "abc-sponsor.md")
	before, after, _ := strings.Cut(sponsor, "# Smerte\n")
	_, rest, _ := strings.Cut(after, "\n# ")
	noPain := writeFile(t, "no-pain.md", before+"# "+rest)
	broken := writeFile(t, "broken.md", strings.Replace(sponsor, "date: 2002-01-10",
		"date: 2002-13-45", 1))
	tests := []struct {
		name  string
		path  string
		parts []string
	}{
		{"fails its checks", noPain, []string{noPain, "fails its checks", "Smerte",
			"nothing of it was stored"}},
		{"cannot be parsed", broken, []string{broken, "2002-13-45"}},
		{"does not exist", "nowhere.md", []string{"nowhere.md", "does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dsn := newTestDSN(t, "sqlite")
			good := example("abc-decision-maker.md")
			_, stderr, status := run(t, "--db", dsn, "import", tt.path, good)
			if status != 2 {
				t.Errorf("status %d, want 2", status)
			}
			for _, p := range append(tt.parts, "1 of 2 files not imported") {
				if !strings.Contains(stderr, p) {
					t.Errorf("stderr does not say %q:\n%s", p, stderr)
				}
			}
			d := dealDetail(t, dsn, 1)
			if len(d.Meetings) != 1 || d.Meetings[0].Letter != followup.DecisionMakerLetter {
				t.Errorf("stored %d meetings; want only the good file's", len(d.Meetings))
			}
		})
	}
}

func TestImportChoosesTheDeal(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	sponsor := readExample(t, "abc-sponsor.md")
	withTitle := func(title string) string {
		return strings.Replace(sponsor, "follow_up:", "deal: "+title+"\nfollow_up:", 1)
	}
	lager := writeFile(t, "lager.md", withTitle("Lagerstyring"))
	runOK(t, dsn, "import", lager) // deal 1 "Lagerstyring"
	kurs := writeFile(t, "kurs.md", strings.Replace(withTitle("Salgskurs"), "- ingen klarer",
		"- ingen i ledelsen klarer", 1))
	runOK(t, dsn, "import", kurs) // deal 2 "Salgskurs"

	other := strings.Replace(sponsor, "company: ABC AS", "company: DEF AS", 1)
	runOK(t, dsn, "import", writeFile(t, "def.md", other)) // deal 3 with DEF AS

	changed := func(word string) string {
		return writeFile(t, word+".md", strings.Replace(sponsor, "kraftig", word, 1))
	}
	tests := []struct {
		name   string
		args   []string
		status int
		parts  []string
	}{
		{"two open deals and no title", []string{changed("sterkt")}, 2, []string{
			"ABC AS has 2 open deals", `2 "Salgskurs"`, `1 "Lagerstyring"`, "--deal ID",
			"deal: TITLE"}},
		{"--deal picks one", []string{changed("voldsomt"), "--deal", "2"}, 0, []string{
			"updated meeting 2 of 2002-01-10", "created letter 4 (sponsor, version 2, draft)"}},
		{"--deal of another organisation", []string{changed("brått"), "--deal", "3"}, 2,
			[]string{"--deal 3 is a deal with DEF AS", "notes are to ABC AS"}},
		{"--deal that does not exist", []string{changed("mye"), "--deal", "99"}, 2,
			[]string{"--deal: deal 99 does not exist"}},
		{"the title names a new deal", []string{writeFile(t, "ny.md", withTitle("Ny avtale"))},
			0, []string{`created deal 4 "Ny avtale" for Jens Kanden`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := run(t, append([]string{"--db", dsn, "import"},
				tt.args...)...)
			if status != tt.status {
				t.Errorf("status %d, want %d\n%s", status, tt.status, stderr)
			}
			for _, p := range tt.parts {
				if !strings.Contains(stdout+stderr, p) {
					t.Errorf("output does not say %q:\n%s%s", p, stdout, stderr)
				}
			}
		})
	}
}

func TestImportKnownSeller(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	db := openTestDB(t, dsn)
	seller := &followup.User{Name: "Jens Kanden", Email: "jens@handson.no",
		Role: followup.RoleSeller}
	if err := db.CreateUser(context.Background(), seller); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got := importLines(runOK(t, dsn, "import", example("abc-sponsor.md")))
	if len(got) == 0 || got[0] != `updated user 1 "Jens Kanden": title "Partner"` {
		t.Errorf("import said %q; want the known seller's title filled in first", got)
	}
}

func TestImportPlanFromTemplate(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	dm := readExample(t, "abc-decision-maker.md")
	table := dm[strings.Index(dm, "# Fremdriftsplan"):]
	dm = strings.Replace(strings.Replace(dm, table, "", 1), "follow_up:",
		"plan: {template: training, start: 2002-01-28}\nfollow_up:", 1)
	got := importLines(runOK(t, dsn, "import", writeFile(t, "template.md", dm)))
	if want := "created plan version 1 (11 events, 8 checkpoints)"; got[len(got)-1] != want {
		t.Errorf("import said %q, want last %q", got, want)
	}
	p := dealDetail(t, dsn, 1).Plans[0]
	if first := p.Plan.Events[0].Date; !first.Equal(time.Date(2002, 1, 28, 0, 0, 0, 0,
		time.UTC)) {
		t.Errorf("the laid plan starts on %v, want 2002-01-28", first)
	}
}

// cancelOnWrite cancels a context at the first thing written to it: an
// interrupt that comes as soon as the first file is stored.
type cancelOnWrite struct {
	cancel context.CancelFunc
	out    strings.Builder
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.cancel()
	return w.out.Write(p)
}

func TestImportInterrupted(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &cancelOnWrite{cancel: cancel}
	var stderr strings.Builder
	m := &Main{Stdout: stdout, Stderr: &stderr, Now: func() time.Time { return testNow },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	status := m.Run(ctx, []string{"--db", dsn, "import", example("abc-sponsor.md"),
		example("abc-decision-maker.md")})
	if status != 2 || !strings.Contains(stderr.String(), "abc-decision-maker.md was not stored") {
		t.Errorf("status %d, stderr %q; want 2 and which file was not stored", status,
			stderr.String())
	}
	if d := dealDetail(t, dsn, 1); len(d.Meetings) != 1 {
		t.Errorf("%d meetings stored, want the first file's only", len(d.Meetings))
	}
}

func TestImportPlanAgreed(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	dm := strings.Replace(readExample(t, "abc-decision-maker.md"), "follow_up:",
		"plan_agreed: 2002-01-22\nfollow_up:", 1)
	got := importLines(runOK(t, dsn, "import", writeFile(t, "agreed.md", dm)))
	if want := "plan version 1 agreed on 2002-01-22"; got[len(got)-1] != want {
		t.Errorf("import said %q, want last %q", got, want)
	}
	if p := dealDetail(t, dsn, 1).AgreedPlan(); p == nil || p.Version != 1 {
		t.Errorf("agreed plan = %+v, want version 1", p)
	}
}

// The proof that an import stores each file whole or not at all: a real
// followup process importing many files is killed with SIGKILL part of the
// way through, and the database it leaves holds whole files only. The same
// import run again then finishes the files that were left.
func TestImportKilledMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("builds followup and imports thousands of files")
	}
	bin := buildFollowup(t)
	files := writeNotesFiles(t, 2000)
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			delays := []time.Duration{0, 50 * time.Millisecond, 300 * time.Millisecond,
				time.Second}
			var dsn string
			for _, delay := range delays {
				dsn = newTestDSN(t, engine)
				printed := killImport(t, bin, dsn, files, delay)
				stored := checkWholeFiles(t, dsn)
				t.Logf("killed %v after the first file: %d files reported, %d stored", delay,
					printed, stored)
				if stored < printed || stored >= len(files) {
					t.Errorf("killed %v after the first file: %d files stored, %d reported; "+
						"want at least the reported and fewer than all %d", delay, stored,
						printed, len(files))
				}
			}
			finish := exec.Command(bin, append([]string{"--db", dsn, "import"}, files...)...)
			if out, err := finish.CombinedOutput(); err != nil {
				t.Fatalf("import again after the kill: %v\n%.2000s", err, out)
			}
			if stored := checkWholeFiles(t, dsn); stored != len(files) {
				t.Errorf("after the import ran again, %d files stored, want %d", stored,
					len(files))
			}
		})
	}
}

// buildFollowup builds the program into a temporary folder.
func buildFollowup(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "followup")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killImport starts an import of the files, waits until it reports its first
// stored file, lets it run for delay more, and kills it. It returns how many
// files the process reported stored.
func killImport(t *testing.T, bin, dsn string, files []string, delay time.Duration) int {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--db", dsn, "import"}, files...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	reported := make(chan int)
	go func() {
		n := 0
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if strings.Contains(lines.Text(), ": created meeting ") {
				if n++; n == 1 {
					close(first)
				}
			}
		}
		reported <- n
	}()
	select {
	case <-first:
	case <-time.After(2 * time.Minute):
		t.Fatalf("no file was stored in two minutes: %s", stderr.String())
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	n := <-reported
	if err := cmd.Wait(); err == nil {
		t.Fatalf("the import finished before it was killed; give it more files")
	}
	return n
}

// writeNotesFiles writes n notes files, each of its own buyer: sponsor
// letters with a proof section and decision-maker letters with a plan, by
// turns. It returns their paths.
func writeNotesFiles(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	paths := make([]string, n)
	for i := range paths {
		text := fmt.Sprintf(decisionMakerNotes, i%5, i, i, i, i, i)
		if i%2 == 0 {
			text = fmt.Sprintf(sponsorNotesFile, i%5, i, i, i, i, i, i)
		}
		paths[i] = filepath.Join(dir, fmt.Sprintf("n%04d.md", i))
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

const sponsorNotesFile = `---
letter: sponsor
date: 2002-01-10
place: Oslo
seller: {name: Selger %d, title: Rådgiver, company: HandsOn AS}
to: {name: Sponsor %04d, title: Salgssjef, company: Kunde %04d AS, address: [Storgata %d, 0155 Oslo]}
decision_maker: Direktør %04d, daglig leder
follow_up: 2002-01-14
---

# Smerte
- salget svinger fra måned til måned (%d)
- budsjettet holder ikke

# Årsak
- selgerne arbeider ulikt

# Visjon
- ett felles opplæringsprogram

# Enighet om å gå videre
Vi ser nærmere på programmet, og du tar oss med til direktøren om det passer.

# Kjøpslåing om tilgang
Direktøren vil ha bedre prognoser før neste styremøte.

# Forslag til bevisføring
Du kan snakke med salgssjef Kasper Kaspersen i Referanse %d AS tirsdag 15.
`

const decisionMakerNotes = `---
letter: decision-maker
date: 2002-01-10
place: Oslo
seller: {name: Selger %d, title: Rådgiver, company: HandsOn AS}
to: {name: Direktør %04d, title: Daglig leder, company: Kunde %04d AS, address: [Storgata %d, 0155 Oslo]}
participants: [Sponsor %04d]
follow_up: 2002-01-14
---

# Smerte
- lønnsomheten faller (%d)

# Årsak
- selgerne arbeider ulikt

# Visjon
- ett felles opplæringsprogram

# Enighet om å gå videre
Vi går videre etter planen nedenfor.

# Fremdriftsplan
| Begivenhet | Dato | Milepæl | Eier |
|---|---|---|---|
| Intervjuer med selgerne | 2002-01-21 | * | begge |
| Referansebesøk | 2002-01-28 | * | begge |
| Kostnadsestimat | 2002-02-04 | * | selger |
| Beslutning | 2002-02-11 | * | kjøper |
| Oppstart av programmet | 2002-02-18 |  | selger |
`

// wholeFileChecks are queries that count what would break the rule that a
// file is stored whole: each must count 0. Every generated file makes one
// organisation with two contacts, one deal, one meeting with its sections
// (six for a sponsor letter, four for a decision-maker letter), one letter,
// and a proof item (sponsor) or a plan of five events (decision-maker).
var wholeFileChecks = map[string]string{
	"deals without exactly one meeting": `SELECT COUNT(*) FROM deals d
		WHERE (SELECT COUNT(*) FROM meetings m WHERE m.deal_id = d.id) <> 1`,
	"organisations without exactly one deal": `SELECT COUNT(*) FROM organisations o
		WHERE (SELECT COUNT(*) FROM deals d WHERE d.organisation_id = o.id) <> 1`,
	"organisations without two contacts": `SELECT COUNT(*) FROM organisations o
		WHERE (SELECT COUNT(*) FROM contacts c WHERE c.organisation_id = o.id) <> 2`,
	"meetings with sections missing": `SELECT COUNT(*) FROM meetings m
		WHERE (SELECT COUNT(*) FROM meeting_sections s WHERE s.meeting_id = m.id) <>
		CASE m.letter_kind WHEN 'sponsor' THEN 6 ELSE 4 END`,
	"meetings without exactly one letter": `SELECT COUNT(*) FROM meetings m
		WHERE (SELECT COUNT(*) FROM letters l WHERE l.meeting_id = m.id) <> 1`,
	"meetings without their plan": `SELECT COUNT(*) FROM meetings m
		WHERE (SELECT COUNT(*) FROM plans p WHERE p.meeting_id = m.id) <>
		CASE m.letter_kind WHEN 'sponsor' THEN 0 ELSE 1 END`,
	"plans without five events": `SELECT COUNT(*) FROM plans p
		WHERE (SELECT COUNT(*) FROM plan_events e WHERE e.plan_id = p.id) <> 5`,
	"sponsor deals without one proof item": `SELECT COUNT(*) FROM meetings m
		WHERE m.letter_kind = 'sponsor'
		AND (SELECT COUNT(*) FROM proof_items p WHERE p.deal_id = m.deal_id) <> 1`,
	"orphan sections": `SELECT COUNT(*) FROM meeting_sections s
		WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = s.meeting_id)`,
	"orphan plan events": `SELECT COUNT(*) FROM plan_events e
		WHERE NOT EXISTS (SELECT 1 FROM plans p WHERE p.id = e.plan_id)`,
	"audit rows of records that are not there": `SELECT COUNT(*) FROM audit_log a
		WHERE NOT EXISTS (SELECT 1 FROM deals x WHERE a.entity = 'deal' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM meetings x WHERE a.entity = 'meeting' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM letters x WHERE a.entity = 'letter' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM plans x WHERE a.entity = 'plan' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM contacts x WHERE a.entity = 'contact' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM users x WHERE a.entity = 'user' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM proof_items x
				WHERE a.entity = 'proof_item' AND x.id = a.entity_id
			UNION ALL SELECT 1 FROM organisations x
				WHERE a.entity = 'organisation' AND x.id = a.entity_id)`,
	"records without their audit row": `SELECT COUNT(*) FROM meetings m
		WHERE NOT EXISTS (SELECT 1 FROM audit_log a
			WHERE a.entity = 'meeting' AND a.entity_id = m.id)`,
}

// checkWholeFiles fails the test when the database holds part of a file,
// and returns how many files it holds.
func checkWholeFiles(t *testing.T, dsn string) int {
	t.Helper()
	db := openTestDB(t, dsn)
	defer db.Close()
	_, read := db.SQL()
	for what, q := range wholeFileChecks {
		var n int
		if err := read.QueryRow(q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if n != 0 {
			t.Errorf("%d %s", n, what)
		}
	}
	var meetings int
	if err := read.QueryRow(`SELECT COUNT(*) FROM meetings`).Scan(&meetings); err != nil {
		t.Fatal(err)
	}
	return meetings
}
