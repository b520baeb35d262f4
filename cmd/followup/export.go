package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"followup"
	"followup/csvio"
	"followup/lang"
	"followup/sqlstore"
)

// exportCmd writes the whole database out.
type exportCmd struct {
	Format string `enum:"json,csv" default:"json" help:"json (all of it) or csv (Excel tables)."`
	Out    string `placeholder:"DIR" help:"The folder to write to (JSON: else standard output)."`
}

// Run reads every row at one moment and writes it as JSON or CSV.
//
// SECURITY: the JSON holds the users' password hashes, so that an import
// loses nothing; files are written readable by their owner only.
func (c *exportCmd) Run(ctx context.Context, m *Main, g *cli) error {
	if c.Format == "csv" && c.Out == "" {
		return followup.Errorf(followup.EINVALID, "--format csv writes one file per table: "+
			"name a folder for them with --out DIR")
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		s, err := db.Export(ctx)
		if err != nil {
			return err
		}
		if c.Format == "csv" {
			return m.exportCSV(s, c.Out)
		}
		return m.exportJSON(s, c.Out)
	})
}

// exportJSON writes s as followup.json in dir, or to standard output.
func (m *Main) exportJSON(s *followup.Snapshot, dir string) error {
	f := newExportFile(s, m.Now().UTC().Truncate(time.Second))
	if dir == "" {
		return writeExportJSON(m.Stdout, f)
	}
	path := filepath.Join(dir, "followup.json")
	err := writeFileAtomic(dir, "followup.json", func(w io.Writer) error {
		return writeExportJSON(w, f)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Wrote %s: %s.\n", path, snapshotSummary(s))
	return nil
}

// writeExportJSON writes f as indented JSON, with & < > as they are.
func writeExportJSON(w io.Writer, f *exportFile) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

// exportCSV writes each table of s as NAME.csv in dir.
func (m *Main) exportCSV(s *followup.Snapshot, dir string) error {
	for _, t := range csvio.Tables(s) {
		err := writeFileAtomic(dir, t.Name+".csv", func(w io.Writer) error {
			return writeTable(w, t)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Wrote %s: %s.\n", filepath.Join(dir, t.Name+".csv"),
			plural(len(t.Rows), "row"))
	}
	return nil
}

func writeTable(w io.Writer, t csvio.Table) error {
	cw, err := csvio.NewWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// writeFileAtomic writes name in dir through a temporary file that is renamed
// into place once complete, so a failed export never leaves half a file
// under the real name. The folder is made when missing.
func writeFileAtomic(dir, name string, write func(io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return followup.Errorf(followup.EINVALID, "--out %s cannot be made: %v", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+name+".*")
	if err != nil {
		return followup.Errorf(followup.EINVALID, "cannot write in --out %s: %v", dir, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	bw := bufio.NewWriter(tmp)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", filepath.Join(dir, name), err)
	}
	return nil
}

// snapshotSummary counts the main rows of s for people.
func snapshotSummary(s *followup.Snapshot) string {
	return fmt.Sprintf("%d users, %d organisations, %d contacts, %d deals, %d meetings, "+
		"%d letters, %d plans, %d follow-ups, %d audit entries", len(s.Users),
		len(s.Organisations), len(s.Contacts), len(s.Deals), len(s.Meetings), len(s.Letters),
		len(s.Plans), len(s.FollowUps), len(s.Audit))
}

// importJSONCmd loads an export into an empty database.
type importJSONCmd struct {
	File string `arg:"" name:"FILE" help:"A file export --format json wrote; - for standard input."`
}

// Run reads the whole file before it touches the database, then stores
// every row in one transaction: all of it, or nothing.
func (c *importJSONCmd) Run(ctx context.Context, m *Main, g *cli) error {
	s, err := m.readExportFile(c.File)
	if err != nil {
		return err
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		if err := db.Import(ctx, s); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Imported %s into %s.\n", snapshotSummary(s), db.Name())
		return nil
	})
}

// readExportFile reads and checks a JSON export.
func (m *Main) readExportFile(path string) (*followup.Snapshot, error) {
	var r io.Reader = m.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, followup.Errorf(followup.EINVALID, "cannot read %s: %v", path,
				unwrapPathError(err))
		}
		defer f.Close()
		r = f
	}
	dec := json.NewDecoder(bufio.NewReader(r))
	dec.DisallowUnknownFields() // a field we do not know would be lost without a word
	var f exportFile
	if err := dec.Decode(&f); err != nil {
		return nil, followup.Errorf(followup.EINVALID, "%s is not a followup JSON export: %v",
			path, err)
	}
	if f.Format != exportFormat || f.Version < 1 {
		return nil, followup.Errorf(followup.EINVALID, "%s is not a followup JSON export: "+
			"make one with followup export --format json", path)
	}
	if f.Version > exportVersion {
		return nil, followup.Errorf(followup.EINVALID, "%s is version %d of the export, newer "+
			"than this followup reads (%d): import it with a newer followup", path, f.Version,
			exportVersion)
	}
	return f.snapshot(), nil
}

// unwrapPathError drops the path an *os.PathError repeats.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// The JSON export's form. A change that an older followup cannot read raises
// exportVersion: version 2 gave deals their grade.
const (
	exportFormat  = "followup-export"
	exportVersion = 2
)

// exportFile is the JSON export: the [followup.Snapshot] under stable
// snake_case names. Times are RFC 3339 in UTC, calendar days YYYY-MM-DD,
// amounts in øre, a reference to nothing null.
type exportFile struct {
	Format           string             `json:"format"`
	Version          int                `json:"version"`
	ExportedAt       jsonTime           `json:"exported_at"`
	Teams            []teamJSON         `json:"teams"`
	Users            []userJSON         `json:"users"`
	Organisations    []organisationJSON `json:"organisations"`
	Contacts         []contactJSON      `json:"contacts"`
	Deals            []dealJSON         `json:"deals"`
	Meetings         []meetingJSON      `json:"meetings"`
	Letters          []letterJSON       `json:"letters"`
	Plans            []planJSON         `json:"plans"`
	FollowUps        []followUpJSON     `json:"follow_ups"`
	ReferenceStories []referenceJSON    `json:"reference_stories"`
	ProofItems       []proofJSON        `json:"proof_items"`
	Quotes           []quoteJSON        `json:"quotes"`
	ValueItems       []valueJSON        `json:"value_items"`
	Settings         map[string]string  `json:"settings"`
	Audit            []auditJSON        `json:"audit"`
}

func newExportFile(s *followup.Snapshot, now time.Time) *exportFile {
	settings := s.Settings
	if settings == nil {
		settings = map[string]string{}
	}
	return &exportFile{
		Format: exportFormat, Version: exportVersion, ExportedAt: jsonTime(now),
		Teams: mapAll(s.Teams, toTeamJSON), Users: mapAll(s.Users, toUserJSON),
		Organisations: mapAll(s.Organisations, toOrganisationJSON),
		Contacts:      mapAll(s.Contacts, toContactJSON), Deals: mapAll(s.Deals, toDealJSON),
		Meetings: mapAll(s.Meetings, toMeetingJSON), Letters: mapAll(s.Letters, toLetterJSON),
		Plans: mapAll(s.Plans, toPlanJSON), FollowUps: mapAll(s.FollowUps, toFollowUpJSON),
		ReferenceStories: mapAll(s.ReferenceStories, toReferenceJSON),
		ProofItems:       mapAll(s.ProofItems, toProofJSON), Quotes: mapAll(s.Quotes, toQuoteJSON),
		ValueItems: mapAll(s.ValueItems, toValueJSON), Settings: settings,
		Audit: mapAll(s.Audit, toAuditJSON),
	}
}

func (f *exportFile) snapshot() *followup.Snapshot {
	return &followup.Snapshot{
		Teams: mapAll(f.Teams, teamJSON.domain), Users: mapAll(f.Users, userJSON.domain),
		Organisations:    mapAll(f.Organisations, organisationJSON.domain),
		Contacts:         mapAll(f.Contacts, contactJSON.domain),
		Deals:            mapAll(f.Deals, dealJSON.domain),
		Meetings:         mapAll(f.Meetings, meetingJSON.domain),
		Letters:          mapAll(f.Letters, letterJSON.domain),
		Plans:            mapAll(f.Plans, planJSON.domain),
		FollowUps:        mapAll(f.FollowUps, followUpJSON.domain),
		ReferenceStories: mapAll(f.ReferenceStories, referenceJSON.domain),
		ProofItems:       mapAll(f.ProofItems, proofJSON.domain),
		Quotes:           mapAll(f.Quotes, quoteJSON.domain),
		ValueItems:       mapAll(f.ValueItems, valueJSON.domain),
		Settings:         f.Settings, Audit: mapAll(f.Audit, auditJSON.domain),
	}
}

// mapAll applies fn to every item; the result is never nil, so that an empty
// list is written as [] and not null.
func mapAll[T, U any](items []T, fn func(T) U) []U {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, fn(it))
	}
	return out
}

// orNil returns nil for an empty list, the way the domain keeps "none".
func orNil(items []string) []string {
	if len(items) == 0 {
		return nil
	}
	return items
}

// orEmpty returns [] for a nil list, so that JSON shows a list.
func orEmpty(items []string) []string {
	if items == nil {
		return []string{}
	}
	return items
}

// jsonTime is a time written in RFC 3339 in UTC; the zero time is null.
type jsonTime time.Time

// MarshalJSON implements json.Marshaler.
func (t jsonTime) MarshalJSON() ([]byte, error) {
	if time.Time(t).IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(time.Time(t).UTC().Format(time.RFC3339Nano))
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *jsonTime) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = jsonTime{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return fmt.Errorf("time %q is not RFC 3339, as in 2002-01-10T09:00:00Z", s)
	}
	*t = jsonTime(v.UTC())
	return nil
}

// jsonDay is a calendar day written YYYY-MM-DD; the zero time is null.
type jsonDay time.Time

// MarshalJSON implements json.Marshaler.
func (d jsonDay) MarshalJSON() ([]byte, error) {
	if time.Time(d).IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(time.Time(d).Format(time.DateOnly))
}

// UnmarshalJSON implements json.Unmarshaler.
func (d *jsonDay) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = jsonDay{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("day %q is not written YYYY-MM-DD", s)
	}
	*d = jsonDay(v)
	return nil
}

// jsonRef is a reference by id; 0, a reference to nothing, is null.
type jsonRef int64

// MarshalJSON implements json.Marshaler.
func (r jsonRef) MarshalJSON() ([]byte, error) {
	if r == 0 {
		return []byte("null"), nil
	}
	return json.Marshal(int64(r))
}

// UnmarshalJSON implements json.Unmarshaler.
func (r *jsonRef) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = 0
		return nil
	}
	return json.Unmarshal(b, (*int64)(r))
}

type teamJSON struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	CreatedAt jsonTime `json:"created_at"`
}

func toTeamJSON(t *followup.Team) teamJSON {
	return teamJSON{ID: t.ID, Name: t.Name, CreatedAt: jsonTime(t.CreatedAt)}
}

func (j teamJSON) domain() *followup.Team {
	return &followup.Team{ID: j.ID, Name: j.Name, CreatedAt: time.Time(j.CreatedAt)}
}

type userJSON struct {
	ID           int64         `json:"id"`
	Name         string        `json:"name"`
	Email        string        `json:"email"`
	Title        string        `json:"title"`
	Role         followup.Role `json:"role"`
	TeamID       jsonRef       `json:"team_id"`
	Quota        int64         `json:"quota"`
	PasswordHash string        `json:"password_hash"`
	CreatedAt    jsonTime      `json:"created_at"`
	UpdatedAt    jsonTime      `json:"updated_at"`
}

func toUserJSON(u *followup.User) userJSON {
	return userJSON{ID: u.ID, Name: u.Name, Email: u.Email, Title: u.Title, Role: u.Role,
		TeamID: jsonRef(u.TeamID), Quota: u.Quota, PasswordHash: u.PasswordHash,
		CreatedAt: jsonTime(u.CreatedAt), UpdatedAt: jsonTime(u.UpdatedAt)}
}

func (j userJSON) domain() *followup.User {
	return &followup.User{ID: j.ID, Name: j.Name, Email: j.Email, Title: j.Title, Role: j.Role,
		TeamID: int64(j.TeamID), Quota: j.Quota, PasswordHash: j.PasswordHash,
		CreatedAt: time.Time(j.CreatedAt), UpdatedAt: time.Time(j.UpdatedAt)}
}

type organisationJSON struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	Address   []string `json:"address"`
	Industry  string   `json:"industry"`
	OwnerID   jsonRef  `json:"owner_id"`
	CreatedAt jsonTime `json:"created_at"`
	UpdatedAt jsonTime `json:"updated_at"`
}

func toOrganisationJSON(o *followup.Organisation) organisationJSON {
	return organisationJSON{ID: o.ID, Name: o.Name, Address: orEmpty(o.Address),
		Industry: o.Industry, OwnerID: jsonRef(o.OwnerID), CreatedAt: jsonTime(o.CreatedAt),
		UpdatedAt: jsonTime(o.UpdatedAt)}
}

func (j organisationJSON) domain() *followup.Organisation {
	return &followup.Organisation{ID: j.ID, Name: j.Name, Address: orNil(j.Address),
		Industry: j.Industry, OwnerID: int64(j.OwnerID), CreatedAt: time.Time(j.CreatedAt),
		UpdatedAt: time.Time(j.UpdatedAt)}
}

type contactJSON struct {
	ID             int64               `json:"id"`
	OrganisationID int64               `json:"organisation_id"`
	Name           string              `json:"name"`
	Title          string              `json:"title"`
	Email          string              `json:"email"`
	Phone          string              `json:"phone"`
	Role           followup.BuyingRole `json:"role"`
	AccessToID     jsonRef             `json:"access_to_id"`
	CreatedAt      jsonTime            `json:"created_at"`
	UpdatedAt      jsonTime            `json:"updated_at"`
}

func toContactJSON(c *followup.Contact) contactJSON {
	return contactJSON{ID: c.ID, OrganisationID: c.OrganisationID, Name: c.Name,
		Title: c.Title, Email: c.Email, Phone: c.Phone, Role: c.Role,
		AccessToID: jsonRef(c.AccessToID), CreatedAt: jsonTime(c.CreatedAt),
		UpdatedAt: jsonTime(c.UpdatedAt)}
}

func (j contactJSON) domain() *followup.Contact {
	return &followup.Contact{ID: j.ID, OrganisationID: j.OrganisationID, Name: j.Name,
		Title: j.Title, Email: j.Email, Phone: j.Phone, Role: j.Role,
		AccessToID: int64(j.AccessToID), CreatedAt: time.Time(j.CreatedAt),
		UpdatedAt: time.Time(j.UpdatedAt)}
}

type dealJSON struct {
	ID             int64               `json:"id"`
	OrganisationID int64               `json:"organisation_id"`
	OwnerID        int64               `json:"owner_id"`
	Title          string              `json:"title"`
	Value          int64               `json:"value"`
	Currency       string              `json:"currency"`
	CloseDate      jsonDay             `json:"close_date"`
	Status         followup.DealStatus `json:"status"`
	StatusReason   string              `json:"status_reason"`
	Grade          followup.Grade      `json:"grade"`
	CreatedAt      jsonTime            `json:"created_at"`
	UpdatedAt      jsonTime            `json:"updated_at"`
}

func toDealJSON(d *followup.Deal) dealJSON {
	return dealJSON{ID: d.ID, OrganisationID: d.OrganisationID, OwnerID: d.OwnerID,
		Title: d.Title, Value: d.Value, Currency: d.Currency, CloseDate: jsonDay(d.CloseDate),
		Status: d.Status, StatusReason: d.StatusReason, Grade: d.Grade,
		CreatedAt: jsonTime(d.CreatedAt), UpdatedAt: jsonTime(d.UpdatedAt)}
}

// domain returns the deal. A deal without a grade, as every deal of a
// version 1 export is, is a prospect: the grade the database gave each deal
// it held when grades came.
func (j dealJSON) domain() *followup.Deal {
	grade := j.Grade
	if grade == "" {
		grade = followup.GradeProspect
	}
	return &followup.Deal{ID: j.ID, OrganisationID: j.OrganisationID, OwnerID: j.OwnerID,
		Title: j.Title, Value: j.Value, Currency: j.Currency, CloseDate: time.Time(j.CloseDate),
		Status: j.Status, StatusReason: j.StatusReason, Grade: grade,
		CreatedAt: time.Time(j.CreatedAt), UpdatedAt: time.Time(j.UpdatedAt)}
}

type meetingJSON struct {
	ID           int64               `json:"id"`
	DealID       int64               `json:"deal_id"`
	Held         jsonDay             `json:"held"`
	Letter       followup.LetterKind `json:"letter"`
	Language     lang.Lang           `json:"language"`
	Place        string              `json:"place"`
	Participants []string            `json:"participants"`
	Sections     []sectionJSON       `json:"sections"`
	NotesFile    string              `json:"notes_file"`
	NotesHash    string              `json:"notes_hash"`
	CreatedAt    jsonTime            `json:"created_at"`
}

type sectionJSON struct {
	Kind    followup.SectionKind `json:"kind"`
	Heading string               `json:"heading"`
	Line    int                  `json:"line"`
	Items   []string             `json:"items"`
	Prose   string               `json:"prose"`
}

func toMeetingJSON(m *followup.MeetingRecord) meetingJSON {
	return meetingJSON{ID: m.ID, DealID: m.DealID, Held: jsonDay(m.Held), Letter: m.Letter,
		Language: m.Language, Place: m.Place, Participants: orEmpty(m.Participants),
		Sections: mapAll(m.Sections, func(s followup.Section) sectionJSON {
			return sectionJSON{Kind: s.Kind, Heading: s.Heading, Line: s.Line,
				Items: orEmpty(s.Items), Prose: s.Prose}
		}),
		NotesFile: m.NotesFile, NotesHash: m.NotesHash, CreatedAt: jsonTime(m.CreatedAt)}
}

func (j meetingJSON) domain() *followup.MeetingRecord {
	m := &followup.MeetingRecord{ID: j.ID, DealID: j.DealID, Held: time.Time(j.Held),
		Letter: j.Letter, Place: j.Place, Participants: orNil(j.Participants),
		NotesFile: j.NotesFile, NotesHash: j.NotesHash, CreatedAt: time.Time(j.CreatedAt)}
	m.Language = j.Language
	for _, s := range j.Sections {
		m.Sections = append(m.Sections, followup.Section{Kind: s.Kind, Heading: s.Heading,
			Line: s.Line, Items: orNil(s.Items), Prose: s.Prose})
	}
	return m
}

type letterJSON struct {
	ID          int64                 `json:"id"`
	DealID      int64                 `json:"deal_id"`
	MeetingID   jsonRef               `json:"meeting_id"`
	Kind        followup.LetterKind   `json:"kind"`
	Language    lang.Lang             `json:"language"`
	Version     int                   `json:"version"`
	Status      followup.LetterStatus `json:"status"`
	Text        string                `json:"text"`
	CreatedAt   jsonTime              `json:"created_at"`
	SentAt      jsonTime              `json:"sent_at"`
	ConfirmedAt jsonTime              `json:"confirmed_at"`
	DisputedAt  jsonTime              `json:"disputed_at"`
	DisputeNote string                `json:"dispute_note"`
}

func toLetterJSON(l *followup.LetterRecord) letterJSON {
	return letterJSON{ID: l.ID, DealID: l.DealID, MeetingID: jsonRef(l.MeetingID),
		Kind: l.Kind, Language: l.Language, Version: l.Version, Status: l.Status,
		Text: l.Text, CreatedAt: jsonTime(l.CreatedAt), SentAt: jsonTime(l.SentAt),
		ConfirmedAt: jsonTime(l.ConfirmedAt), DisputedAt: jsonTime(l.DisputedAt),
		DisputeNote: l.DisputeNote}
}

func (j letterJSON) domain() *followup.LetterRecord {
	return &followup.LetterRecord{ID: j.ID, DealID: j.DealID, MeetingID: int64(j.MeetingID),
		Kind: j.Kind, Language: j.Language, Version: j.Version, Status: j.Status,
		Text: j.Text, CreatedAt: time.Time(j.CreatedAt), SentAt: time.Time(j.SentAt),
		ConfirmedAt: time.Time(j.ConfirmedAt), DisputedAt: time.Time(j.DisputedAt),
		DisputeNote: j.DisputeNote}
}

// planJSON is a plan version. The Line fields of plans and events say where a
// notes file had them and are not stored, so they do not travel.
type planJSON struct {
	ID        int64       `json:"id"`
	DealID    int64       `json:"deal_id"`
	MeetingID jsonRef     `json:"meeting_id"`
	Version   int         `json:"version"`
	Title     string      `json:"title"`
	Events    []eventJSON `json:"events"`
	Footer    string      `json:"footer"`
	CreatedAt jsonTime    `json:"created_at"`
	AgreedAt  jsonTime    `json:"agreed_at"`
}

type eventJSON struct {
	Text         string             `json:"text"`
	Date         jsonDay            `json:"date"`
	Checkpoint   bool               `json:"checkpoint"`
	Owner        followup.Owner     `json:"owner"`
	Kind         followup.EventKind `json:"kind"`
	KindInferred bool               `json:"kind_inferred"`
	Outcome      followup.Outcome   `json:"outcome"`
	Note         string             `json:"note"`
}

func toPlanJSON(p *followup.PlanVersion) planJSON {
	return planJSON{ID: p.ID, DealID: p.DealID, MeetingID: jsonRef(p.MeetingID),
		Version: p.Version, Title: p.Plan.Title, Footer: p.Plan.Footer,
		Events: mapAll(p.Plan.Events, func(e followup.Event) eventJSON {
			return eventJSON{Text: e.Text, Date: jsonDay(e.Date), Checkpoint: e.Checkpoint,
				Owner: e.Owner, Kind: e.Kind, KindInferred: e.KindInferred, Outcome: e.Outcome,
				Note: e.Note}
		}),
		CreatedAt: jsonTime(p.CreatedAt), AgreedAt: jsonTime(p.AgreedAt)}
}

func (j planJSON) domain() *followup.PlanVersion {
	p := &followup.PlanVersion{ID: j.ID, DealID: j.DealID, MeetingID: int64(j.MeetingID),
		Version: j.Version, Plan: followup.Plan{Title: j.Title, Footer: j.Footer},
		CreatedAt: time.Time(j.CreatedAt), AgreedAt: time.Time(j.AgreedAt)}
	for _, e := range j.Events {
		p.Plan.Events = append(p.Plan.Events, followup.Event{Text: e.Text,
			Date: time.Time(e.Date), Checkpoint: e.Checkpoint, Owner: e.Owner, Kind: e.Kind,
			KindInferred: e.KindInferred, Outcome: e.Outcome, Note: e.Note})
	}
	return p
}

type followUpJSON struct {
	ID        int64                 `json:"id"`
	DealID    int64                 `json:"deal_id"`
	OwnerID   int64                 `json:"owner_id"`
	Kind      followup.FollowUpKind `json:"kind"`
	Due       jsonDay               `json:"due"`
	Purpose   string                `json:"purpose"`
	Source    string                `json:"source"`
	DoneAt    jsonTime              `json:"done_at"`
	Outcome   string                `json:"outcome"`
	CreatedAt jsonTime              `json:"created_at"`
	Moves     []moveJSON            `json:"moves"`
}

type moveJSON struct {
	ID      int64    `json:"id"`
	From    jsonDay  `json:"from"`
	To      jsonDay  `json:"to"`
	Reason  string   `json:"reason"`
	MovedAt jsonTime `json:"moved_at"`
}

func toFollowUpJSON(f *followup.FollowUp) followUpJSON {
	return followUpJSON{ID: f.ID, DealID: f.DealID, OwnerID: f.OwnerID, Kind: f.Kind,
		Due: jsonDay(f.Due), Purpose: f.Purpose, Source: f.Source, DoneAt: jsonTime(f.DoneAt),
		Outcome: f.Outcome, CreatedAt: jsonTime(f.CreatedAt),
		Moves: mapAll(f.Moves, func(m followup.FollowUpMove) moveJSON {
			return moveJSON{ID: m.ID, From: jsonDay(m.From), To: jsonDay(m.To),
				Reason: m.Reason, MovedAt: jsonTime(m.MovedAt)}
		})}
}

func (j followUpJSON) domain() *followup.FollowUp {
	f := &followup.FollowUp{ID: j.ID, DealID: j.DealID, OwnerID: j.OwnerID, Kind: j.Kind,
		Due: time.Time(j.Due), Purpose: j.Purpose, Source: j.Source, DoneAt: time.Time(j.DoneAt),
		Outcome: j.Outcome, CreatedAt: time.Time(j.CreatedAt)}
	for _, m := range j.Moves {
		f.Moves = append(f.Moves, followup.FollowUpMove{ID: m.ID, From: time.Time(m.From),
			To: time.Time(m.To), Reason: m.Reason, MovedAt: time.Time(m.MovedAt)})
	}
	return f
}

type referenceJSON struct {
	ID             int64    `json:"id"`
	Customer       string   `json:"customer"`
	Industry       string   `json:"industry"`
	Pain           string   `json:"pain"`
	Reasons        string   `json:"reasons"`
	Result         string   `json:"result"`
	MeasuredResult string   `json:"measured_result"`
	ContactID      jsonRef  `json:"contact_id"`
	CreatedAt      jsonTime `json:"created_at"`
}

func toReferenceJSON(r *followup.ReferenceStory) referenceJSON {
	return referenceJSON{ID: r.ID, Customer: r.Customer, Industry: r.Industry, Pain: r.Pain,
		Reasons: r.Reasons, Result: r.Result, MeasuredResult: r.MeasuredResult,
		ContactID: jsonRef(r.ContactID), CreatedAt: jsonTime(r.CreatedAt)}
}

func (j referenceJSON) domain() *followup.ReferenceStory {
	return &followup.ReferenceStory{ID: j.ID, Customer: j.Customer, Industry: j.Industry,
		Pain: j.Pain, Reasons: j.Reasons, Result: j.Result, MeasuredResult: j.MeasuredResult,
		ContactID: int64(j.ContactID), CreatedAt: time.Time(j.CreatedAt)}
}

type proofJSON struct {
	ID          int64              `json:"id"`
	DealID      int64              `json:"deal_id"`
	Kind        followup.ProofKind `json:"kind"`
	Description string             `json:"description"`
	Who         string             `json:"who"`
	Customer    string             `json:"customer"`
	ReferenceID jsonRef            `json:"reference_id"`
	Date        jsonDay            `json:"date"`
	Outcome     string             `json:"outcome"`
	CreatedAt   jsonTime           `json:"created_at"`
}

func toProofJSON(p *followup.ProofItem) proofJSON {
	return proofJSON{ID: p.ID, DealID: p.DealID, Kind: p.Kind, Description: p.Description,
		Who: p.Who, Customer: p.Customer, ReferenceID: jsonRef(p.ReferenceID),
		Date: jsonDay(p.Date), Outcome: p.Outcome, CreatedAt: jsonTime(p.CreatedAt)}
}

func (j proofJSON) domain() *followup.ProofItem {
	return &followup.ProofItem{ID: j.ID, DealID: j.DealID, Kind: j.Kind,
		Description: j.Description, Who: j.Who, Customer: j.Customer,
		ReferenceID: int64(j.ReferenceID), Date: time.Time(j.Date), Outcome: j.Outcome,
		CreatedAt: time.Time(j.CreatedAt)}
}

type quoteJSON struct {
	ID             int64    `json:"id"`
	DealID         int64    `json:"deal_id"`
	Amount         int64    `json:"amount"`
	QuotedAt       jsonTime `json:"quoted_at"`
	OverrideReason string   `json:"override_reason"`
	OverrideBy     jsonRef  `json:"override_by"`
	CreatedAt      jsonTime `json:"created_at"`
}

func toQuoteJSON(q *followup.Quote) quoteJSON {
	return quoteJSON{ID: q.ID, DealID: q.DealID, Amount: q.Amount,
		QuotedAt: jsonTime(q.QuotedAt), OverrideReason: q.OverrideReason,
		OverrideBy: jsonRef(q.OverrideBy), CreatedAt: jsonTime(q.CreatedAt)}
}

func (j quoteJSON) domain() *followup.Quote {
	return &followup.Quote{ID: j.ID, DealID: j.DealID, Amount: j.Amount,
		QuotedAt: time.Time(j.QuotedAt), OverrideReason: j.OverrideReason,
		OverrideBy: int64(j.OverrideBy), CreatedAt: time.Time(j.CreatedAt)}
}

type valueJSON struct {
	ID          int64              `json:"id"`
	DealID      int64              `json:"deal_id"`
	Kind        followup.ValueKind `json:"kind"`
	Description string             `json:"description"`
	Amount      int64              `json:"amount"`
	Executive   string             `json:"executive"`
	CreatedAt   jsonTime           `json:"created_at"`
}

func toValueJSON(v *followup.ValueItem) valueJSON {
	return valueJSON{ID: v.ID, DealID: v.DealID, Kind: v.Kind, Description: v.Description,
		Amount: v.Amount, Executive: v.Executive, CreatedAt: jsonTime(v.CreatedAt)}
}

func (j valueJSON) domain() *followup.ValueItem {
	return &followup.ValueItem{ID: j.ID, DealID: j.DealID, Kind: j.Kind,
		Description: j.Description, Amount: j.Amount, Executive: j.Executive,
		CreatedAt: time.Time(j.CreatedAt)}
}

// auditJSON is an audit entry. Before and after are JSON texts, written in
// one canonical form (keys sorted, no spaces), because PostgreSQL keeps them
// as jsonb and gives them back in an order of its own.
type auditJSON struct {
	ID       int64    `json:"id"`
	At       jsonTime `json:"at"`
	UserID   jsonRef  `json:"user_id"`
	Actor    string   `json:"actor"`
	Entity   string   `json:"entity"`
	EntityID int64    `json:"entity_id"`
	Action   string   `json:"action"`
	Before   string   `json:"before"`
	After    string   `json:"after"`
}

func toAuditJSON(e *followup.AuditEntry) auditJSON {
	return auditJSON{ID: e.ID, At: jsonTime(e.At), UserID: jsonRef(e.UserID), Actor: e.Actor,
		Entity: e.Entity, EntityID: e.EntityID, Action: e.Action,
		Before: canonicalJSON(e.Before), After: canonicalJSON(e.After)}
}

func (j auditJSON) domain() *followup.AuditEntry {
	return &followup.AuditEntry{ID: j.ID, At: time.Time(j.At), UserID: int64(j.UserID),
		Actor: j.Actor, Entity: j.Entity, EntityID: j.EntityID, Action: j.Action,
		Before: j.Before, After: j.After}
}

// canonicalJSON rewrites a JSON text with sorted keys and no spaces, keeping
// numbers as written. A text that is not JSON is returned as it is.
func canonicalJSON(s string) string {
	if s == "" {
		return ""
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		return s
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return s
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// importCSVCmd reads organisations, contacts or deals from a spreadsheet.
type importCSVCmd struct {
	Kind string `arg:"" name:"KIND" enum:"organisations,contacts,deals" help:"What the file lists."`
	File string `arg:"" name:"FILE" help:"A CSV file as Excel saves it, in UTF-8 or Windows-1252."`
}

// csvCounts counts what an import did.
type csvCounts struct {
	created, updated, unchanged int
	organisations               int // organisations made for contacts and deals
}

// Run reads and checks the whole file, then stores every row in one
// transaction: a bad row stores nothing. Rows that match a stored record
// (an organisation by name, a contact by organisation and name, a deal by
// organisation and title) update its filled-in fields, so importing the
// same file twice changes nothing.
func (c *importCSVCmd) Run(ctx context.Context, m *Main, g *cli) error {
	f, err := os.Open(c.File)
	if err != nil {
		return followup.Errorf(followup.EINVALID, "cannot read %s: %v", c.File,
			unwrapPathError(err))
	}
	defer f.Close()
	sheet, err := csvio.Read(filepath.Base(c.File), f)
	if err != nil {
		return err
	}
	imp, ignored, err := csvImporter(c.Kind, sheet)
	if err != nil {
		return err
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		var n csvCounts
		err := db.WithTx(ctx, func(tx *sqlstore.Tx) error {
			n = csvCounts{}
			return imp(ctx, tx, &n)
		})
		if err != nil {
			return err
		}
		m.reportCSV(sheet, c.Kind, ignored, n)
		return nil
	})
}

// csvImporter reads the sheet's rows of the kind and returns the function
// that stores them, with the headers no field matched.
func csvImporter(kind string, s *csvio.Sheet) (func(context.Context, *sqlstore.Tx,
	*csvCounts) error, []string, error) {
	switch kind {
	case "organisations":
		rows, ignored, err := csvio.ReadOrganisations(s)
		return func(ctx context.Context, tx *sqlstore.Tx, n *csvCounts) error {
			return eachRow(rows, func(r csvio.OrganisationRow) error {
				return importOrganisation(ctx, tx, r, n)
			})
		}, ignored, err
	case "contacts":
		rows, ignored, err := csvio.ReadContacts(s)
		return func(ctx context.Context, tx *sqlstore.Tx, n *csvCounts) error {
			return importContacts(ctx, tx, rows, n)
		}, ignored, err
	default:
		rows, ignored, err := csvio.ReadDeals(s)
		return func(ctx context.Context, tx *sqlstore.Tx, n *csvCounts) error {
			return eachRow(rows, func(r csvio.DealRow) error { return importDeal(ctx, tx, r, n) })
		}, ignored, err
	}
}

// eachRow calls fn for every row and stops at the first error.
func eachRow[R any](rows []R, fn func(R) error) error {
	for _, r := range rows {
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

func (m *Main) reportCSV(s *csvio.Sheet, kind string, ignored []string, n csvCounts) {
	fmt.Fprintf(m.Stdout, "Read %s (%s, separated by %q): %s %d created, %d updated, "+
		"%d unchanged.\n", s.Name, s.Encoding, s.Comma, kind, n.created, n.updated, n.unchanged)
	if n.organisations > 0 {
		fmt.Fprintf(m.Stdout, "Made %s they belong to.\n",
			plural(n.organisations, "new organisation"))
	}
	if len(ignored) > 0 {
		fmt.Fprintf(m.Stdout, "Ignored columns followup does not know: %s.\n",
			strings.Join(ignored, ", "))
	}
}

// plural returns "1 row" or "n rows".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// rowError puts the file and row in front of a store's error.
func rowError(p csvio.Place, err error) error {
	var fe *followup.Error
	if !errors.As(err, &fe) || fe.Code == followup.EINTERNAL {
		return err
	}
	return &followup.Error{Code: fe.Code, Err: fe.Err,
		Message: fmt.Sprintf("%s row %d: %s", p.File, p.Row, fe.Message)}
}

// findUserRef finds the user a cell names by e-mail or by name; 0 for a blank cell.
func findUserRef(ctx context.Context, tx *sqlstore.Tx, p csvio.Place, key,
	ref string) (int64, error) {
	if ref == "" {
		return 0, nil
	}
	var u *followup.User
	var err error
	if strings.Contains(ref, "@") {
		u, err = tx.FindUserByEmail(ctx, ref)
	} else {
		u, err = tx.FindUserByName(ctx, ref)
	}
	switch followup.ErrorCode(err) {
	case "":
		return u.ID, nil
	case followup.ENOTFOUND:
		return 0, p.Errorf(key, "no user is %q: add them with followup user add, or "+
			"write a user's e-mail (followup user list)", ref)
	case followup.ECONFLICT:
		return 0, p.Errorf(key, "%s", followup.ErrorMessage(err))
	}
	return 0, err
}

// findOrganisation returns the organisation of the name, made when missing.
func findOrganisation(ctx context.Context, tx *sqlstore.Tx, p csvio.Place, name string,
	n *csvCounts) (*followup.Organisation, error) {
	o := &followup.Organisation{Name: name}
	created, err := tx.FindOrCreateOrganisation(ctx, o)
	if err != nil {
		return nil, rowError(p, err)
	}
	if created {
		n.organisations++
	}
	return o, nil
}

func importOrganisation(ctx context.Context, tx *sqlstore.Tx, r csvio.OrganisationRow,
	n *csvCounts) error {
	owner, err := findUserRef(ctx, tx, r.Place, "owner", r.Owner)
	if err != nil {
		return err
	}
	o := &followup.Organisation{Name: r.Name, Address: r.Address, Industry: r.Industry,
		OwnerID: owner}
	created, err := tx.FindOrCreateOrganisation(ctx, o)
	if err != nil {
		return rowError(r.Place, err)
	}
	if created {
		n.created++
		return nil
	}
	var up followup.OrganisationUpdate
	changed := setText(&up.Industry, o.Industry, r.Industry)
	if len(r.Address) > 0 && !slices.Equal(r.Address, o.Address) {
		up.Address, changed = &r.Address, true
	}
	if owner != 0 && owner != o.OwnerID {
		up.OwnerID, changed = &owner, true
	}
	return countUpdate(n, changed, func() error {
		_, err := tx.UpdateOrganisation(ctx, o.ID, up)
		return rowError(r.Place, err)
	})
}

// setText points *dst at given when it is filled in and differs from
// stored, and reports whether it did.
func setText(dst **string, stored, given string) bool {
	if given == "" || given == stored {
		return false
	}
	*dst = &given
	return true
}

// countUpdate runs update when something changed, and counts the row.
func countUpdate(n *csvCounts, changed bool, update func() error) error {
	if !changed {
		n.unchanged++
		return nil
	}
	if err := update(); err != nil {
		return err
	}
	n.updated++
	return nil
}

// importContacts stores the contacts, then links who gives access to whom,
// so that a row may name a contact further down the file.
func importContacts(ctx context.Context, tx *sqlstore.Tx, rows []csvio.ContactRow,
	n *csvCounts) error {
	orgs := make([]int64, len(rows))
	for i, r := range rows {
		o, err := findOrganisation(ctx, tx, r.Place, r.Organisation, n)
		if err != nil {
			return err
		}
		orgs[i] = o.ID
		if err := importContact(ctx, tx, o.ID, r, n); err != nil {
			return err
		}
	}
	for i, r := range rows {
		if err := linkAccess(ctx, tx, orgs[i], r); err != nil {
			return err
		}
	}
	return nil
}

func importContact(ctx context.Context, tx *sqlstore.Tx, orgID int64, r csvio.ContactRow,
	n *csvCounts) error {
	stored, err := tx.FindContactByName(ctx, orgID, r.Name)
	if followup.ErrorCode(err) == followup.ENOTFOUND {
		c := &followup.Contact{OrganisationID: orgID, Name: r.Name, Title: r.Title,
			Email: r.Email, Phone: r.Phone, Role: r.Role}
		n.created++
		return rowError(r.Place, tx.CreateContact(ctx, c))
	}
	if err != nil {
		return rowError(r.Place, err)
	}
	var up followup.ContactUpdate
	changed := setText(&up.Title, stored.Title, r.Title)
	changed = setText(&up.Email, stored.Email, followup.NormalizeEmail(r.Email)) || changed
	changed = setText(&up.Phone, stored.Phone, r.Phone) || changed
	if r.Role != "" && r.Role != stored.Role {
		up.Role, changed = &r.Role, true
	}
	return countUpdate(n, changed, func() error {
		_, err := tx.UpdateContact(ctx, stored.ID, up)
		return rowError(r.Place, err)
	})
}

// linkAccess records the contact the row's contact gives access to.
func linkAccess(ctx context.Context, tx *sqlstore.Tx, orgID int64, r csvio.ContactRow) error {
	if r.AccessTo == "" {
		return nil
	}
	to, err := tx.FindContactByName(ctx, orgID, r.AccessTo)
	if followup.ErrorCode(err) == followup.ENOTFOUND {
		return r.Errorf("access to", "%s has no contact %q: add a row for them, or correct "+
			"the name", r.Organisation, r.AccessTo)
	}
	if err != nil {
		return rowError(r.Place, err)
	}
	from, err := tx.FindContactByName(ctx, orgID, r.Name)
	if err != nil {
		return rowError(r.Place, err)
	}
	if from.AccessToID == to.ID {
		return nil
	}
	_, err = tx.UpdateContact(ctx, from.ID, followup.ContactUpdate{AccessToID: &to.ID})
	return rowError(r.Place, err)
}

func importDeal(ctx context.Context, tx *sqlstore.Tx, r csvio.DealRow, n *csvCounts) error {
	owner, err := findUserRef(ctx, tx, r.Place, "owner", r.Owner)
	if err != nil {
		return err
	}
	o, err := findOrganisation(ctx, tx, r.Place, r.Organisation, n)
	if err != nil {
		return err
	}
	same, err := tx.ListDeals(ctx, followup.DealFilter{OrganisationID: o.ID, Title: r.Title})
	if err != nil {
		return err
	}
	switch len(same) {
	case 0:
		d := &followup.Deal{OrganisationID: o.ID, OwnerID: owner, Title: r.Title,
			Value: r.Value, Currency: r.Currency, CloseDate: r.CloseDate, Status: r.Status,
			StatusReason: r.Reason}
		n.created++
		return rowError(r.Place, tx.CreateDeal(ctx, d))
	case 1:
		return updateDeal(ctx, tx, same[0], owner, r, n)
	}
	return r.Errorf("title", "%s has %d deals titled %q: give them different titles "+
		"before importing", r.Organisation, len(same), r.Title)
}

// updateDeal changes the stored deal d where the row's cells differ.
func updateDeal(ctx context.Context, tx *sqlstore.Tx, d *followup.Deal, owner int64,
	r csvio.DealRow, n *csvCounts) error {
	var up followup.DealUpdate
	changed := setText(&up.Currency, d.Currency, strings.ToUpper(r.Currency))
	changed = setText(&up.StatusReason, d.StatusReason, r.Reason) || changed
	if owner != d.OwnerID {
		up.OwnerID, changed = &owner, true
	}
	if r.HasValue && r.Value != d.Value {
		up.Value, changed = &r.Value, true
	}
	if !r.CloseDate.IsZero() && !r.CloseDate.Equal(d.CloseDate) {
		up.CloseDate, changed = &r.CloseDate, true
	}
	if r.Status != "" && r.Status != d.Status {
		up.Status, changed = &r.Status, true
	}
	return countUpdate(n, changed, func() error {
		_, err := tx.UpdateDeal(ctx, d.ID, up)
		return rowError(r.Place, err)
	})
}
