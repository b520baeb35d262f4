package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"followup"
	"followup/notes"
	"followup/render"
	"followup/sqlstore"
	"followup/workday"
)

// importCmd stores notes files: for each, the seller, the buyer's
// organisation and people, the deal, the meeting with its notes, a draft
// letter, the plan and the proof on offer.
//
// Each file is imported in a transaction of its own: a file is stored whole
// or not at all, and one bad file does not hold back the good ones beside it.
// A file imported before (the same text, by its hash) changes nothing. A
// changed file of a meeting already stored (the same deal, day and kind of
// letter) replaces that meeting's notes and adds a letter version, and a plan
// version when the plan changed, instead of a second meeting.
type importCmd struct {
	Files     []string `arg:"" name:"NOTES.md" type:"path" help:"Notes files (Markdown with a YAML front matter)."`
	Deal      int64    `placeholder:"ID" help:"Add the meetings to this deal instead of the one the notes name."`
	Templates string   `type:"path" env:"FOLLOWUP_TEMPLATES" placeholder:"DIR" help:"A folder of your own plan templates (*.yaml) (env FOLLOWUP_TEMPLATES)."`
}

// importActor is who the audit log names for what an import stores.
const importActor = "import"

func (c *importCmd) Run(ctx context.Context, m *Main, g *cli) error {
	if c.Deal < 0 {
		return followup.Errorf(followup.EINVALID, "--deal %d is not a deal number: "+
			"followup deals lists them", c.Deal)
	}
	return m.withStore(ctx, g.DB, importActor, func(ctx context.Context, db *sqlstore.DB) error {
		failed := 0
		for _, path := range c.Files {
			err := c.importFile(ctx, m, db, path)
			if err == nil {
				continue
			}
			if ctx.Err() != nil {
				fmt.Fprintf(m.Stderr, "followup: interrupted: %s was not stored, and the "+
					"files after it were not read; the files before it are stored\n", path)
				return exitStatus(2)
			}
			if followup.ErrorCode(err) == followup.EINTERNAL {
				return err
			}
			fmt.Fprintf(m.Stderr, "followup: %s\n", followup.ErrorMessage(namedFile(path, err)))
			failed++
		}
		if failed > 0 {
			fmt.Fprintf(m.Stderr, "followup: %d of %d files not imported; nothing of them "+
				"was stored\n", failed, len(c.Files))
			return exitStatus(2)
		}
		return nil
	})
}

// importFile reads, checks and stores one notes file in one transaction, and
// prints what it stored once the transaction is committed.
func (c *importCmd) importFile(ctx context.Context, m *Main, db *sqlstore.DB,
	path string) error {
	im, err := c.prepare(m, path)
	if err != nil {
		return err
	}
	err = db.WithTx(ctx, func(tx *sqlstore.Tx) error {
		im.tx, im.lines = tx, nil
		return im.run(ctx)
	})
	if err != nil {
		return err
	}
	for _, line := range im.lines {
		fmt.Fprintf(m.Stdout, "%s: %s\n", path, line)
	}
	return nil
}

// prepare reads and checks a notes file and composes its letter: all that
// needs no store. Warnings are printed; errors refuse the file.
func (c *importCmd) prepare(m *Main, path string) (*notesImport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, readFileError(path, err)
	}
	meeting, err := notes.Parse(path, data)
	if err != nil {
		return nil, err
	}
	if err := notes.LayPlan(meeting, c.Templates, workday.Calendar{}); err != nil {
		return nil, err
	}
	findings := followup.Check(meeting)
	if followup.HasErrors(findings) {
		return nil, checkError(path, findings)
	}
	for _, f := range findings {
		fmt.Fprintf(m.Stderr, "%s: %s\n", path, f)
	}
	var letter bytes.Buffer
	err = render.Letter(&letter, followup.ComposeLetter(meeting), render.Text, render.Buyer)
	if err != nil {
		return nil, err
	}
	return &notesImport{meeting: meeting, text: string(data), letter: letter.String(),
		dealID: c.Deal}, nil
}

func readFileError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return followup.Errorf(followup.EINVALID, "%s does not exist: check the path", path)
	}
	return followup.Errorf(followup.EINVALID, "%s cannot be read: %v", path, err)
}

// checkError refuses a file whose notes fail the method's checks, with every
// error found.
func checkError(path string, findings []followup.Finding) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s fails its checks, so nothing of it was stored; fix these and "+
		"import it again:", path)
	for _, f := range findings {
		if f.Severity == followup.SeverityError {
			b.WriteString("\n  " + f.String())
		}
	}
	return followup.Errorf(followup.EINVALID, "%s", b.String())
}

// namedFile makes sure a message about a file names it.
func namedFile(path string, err error) error {
	if strings.Contains(followup.ErrorMessage(err), path) {
		return err
	}
	return inFile(path, err)
}

// notesImport stores one checked notes file inside one transaction, and
// collects a line for each thing it created or changed.
type notesImport struct {
	tx      *sqlstore.Tx
	meeting *followup.Meeting
	text    string // the notes file as read
	letter  string // the buyer's letter composed from it
	dealID  int64  // --deal, or 0
	lines   []string

	seller   *followup.User
	org      *followup.Organisation
	deal     *followup.Deal
	detail   *followup.DealDetail    // what the deal held before; nil for a new deal
	record   *followup.MeetingRecord // the meeting as stored
	replaced bool                    // the meeting was stored before from other notes
}

func (im *notesImport) say(format string, args ...any) {
	im.lines = append(im.lines, fmt.Sprintf(format, args...))
}

// run stores the notes, step by step, unless they were imported before.
func (im *notesImport) run(ctx context.Context) error {
	old, err := im.tx.FindMeetingByNotesHash(ctx, followup.NotesHash(im.text))
	if err == nil {
		im.say("unchanged: imported before as meeting %d of deal %d; nothing stored",
			old.ID, old.DealID)
		return nil
	}
	if followup.ErrorCode(err) != followup.ENOTFOUND {
		return err
	}
	steps := []func(context.Context) error{im.storeSeller, im.storeOrganisation,
		im.storeDeal, im.storeContacts, im.storeMeeting, im.storeLetter, im.storePlan,
		im.storeProof}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// storeSeller finds the seller by name, or makes them a user: a seller with
// no e-mail and no password until someone sets them.
func (im *notesImport) storeSeller(ctx context.Context) error {
	s := im.meeting.Seller
	u, err := im.tx.FindUserByName(ctx, s.Name)
	switch followup.ErrorCode(err) {
	case "":
		im.seller = u
		if u.Title != "" || s.Title == "" {
			return nil
		}
		im.seller, err = im.tx.UpdateUser(ctx, u.ID, followup.UserUpdate{Title: &s.Title})
		im.say("updated user %d %q: title %q", u.ID, u.Name, s.Title)
		return err
	case followup.ENOTFOUND:
		im.seller = &followup.User{Name: s.Name, Title: s.Title, Role: followup.RoleSeller}
		if err := im.tx.CreateUser(ctx, im.seller); err != nil {
			return fieldError("seller", err)
		}
		im.say("created user %d %q (seller, no password yet)", im.seller.ID, s.Name)
		return nil
	}
	return fieldError("seller", err)
}

// storeOrganisation finds or makes the buyer's organisation and keeps its
// address as the notes give it.
func (im *notesImport) storeOrganisation(ctx context.Context) error {
	to := im.meeting.To
	im.org = &followup.Organisation{Name: to.Company, Address: to.Address,
		OwnerID: im.seller.ID}
	created, err := im.tx.FindOrCreateOrganisation(ctx, im.org)
	if err != nil {
		return fieldError("to.company", err)
	}
	if created {
		im.say("created organisation %d %q", im.org.ID, im.org.Name)
		return nil
	}
	var up followup.OrganisationUpdate
	if len(to.Address) > 0 && strings.Join(to.Address, "\n") != strings.Join(im.org.Address, "\n") {
		up.Address = &to.Address
	}
	if im.org.OwnerID == 0 {
		up.OwnerID = &im.seller.ID
	}
	if up.Address == nil && up.OwnerID == nil {
		return nil
	}
	if im.org, err = im.tx.UpdateOrganisation(ctx, im.org.ID, up); err != nil {
		return err
	}
	im.say("updated organisation %d %q: %s", im.org.ID, im.org.Name, changedOrgFields(up))
	return nil
}

func changedOrgFields(up followup.OrganisationUpdate) string {
	var fields []string
	if up.Address != nil {
		fields = append(fields, "address "+strings.Join(*up.Address, ", "))
	}
	if up.OwnerID != nil {
		fields = append(fields, "owner")
	}
	return strings.Join(fields, "; ")
}

// fieldError names the front matter's field in a message about it.
func fieldError(field string, err error) error {
	var e *followup.Error
	if !errors.As(err, &e) || e.Code == followup.EINTERNAL {
		return err
	}
	return &followup.Error{Code: e.Code, Message: field + ": " + e.Message, Err: e.Err}
}

// storeDeal finds the deal the notes belong to: --deal, else the open deal
// of the front matter's title, else the organisation's one open deal; and
// makes one when there is none.
func (im *notesImport) storeDeal(ctx context.Context) error {
	title := im.meeting.Deal
	switch {
	case im.dealID != 0:
		return im.givenDeal(ctx)
	case title != "":
		deals, err := im.tx.ListDeals(ctx, followup.DealFilter{OrganisationID: im.org.ID,
			Title: title, Status: followup.DealOpen})
		if err != nil {
			return err
		}
		if len(deals) == 0 {
			return im.createDeal(ctx, title)
		}
		return im.useDeal(ctx, deals[0])
	}
	deals, err := im.tx.ListDeals(ctx, followup.DealFilter{OrganisationID: im.org.ID,
		Status: followup.DealOpen})
	switch {
	case err != nil:
		return err
	case len(deals) == 0:
		return im.createDeal(ctx, im.org.Name)
	case len(deals) > 1:
		return followup.Errorf(followup.EINVALID, "%s has %d open deals (%s): add deal: "+
			"TITLE to the front matter, or import with --deal ID", im.org.Name, len(deals),
			listDeals(deals))
	}
	return im.useDeal(ctx, deals[0])
}

// givenDeal uses the deal of --deal, which must be with the notes' organisation.
func (im *notesImport) givenDeal(ctx context.Context) error {
	d, err := im.tx.FindDealByID(ctx, im.dealID)
	if err != nil {
		return fieldError("--deal", err)
	}
	if d.OrganisationID != im.org.ID {
		other, err := im.tx.FindOrganisationByID(ctx, d.OrganisationID)
		if err != nil {
			return err
		}
		return followup.Errorf(followup.EINVALID, "--deal %d is a deal with %s, but the "+
			"notes are to %s: give a deal of %s, or correct to.company", d.ID, other.Name,
			im.org.Name, im.org.Name)
	}
	return im.useDeal(ctx, d)
}

func (im *notesImport) createDeal(ctx context.Context, title string) error {
	im.deal = &followup.Deal{OrganisationID: im.org.ID, OwnerID: im.seller.ID, Title: title}
	if err := im.tx.CreateDeal(ctx, im.deal); err != nil {
		return fieldError("deal", err)
	}
	im.say("created deal %d %q for %s", im.deal.ID, title, im.seller.Name)
	return nil
}

// useDeal takes a stored deal and reads what it holds, to tell a changed
// file of a stored meeting from a new meeting.
func (im *notesImport) useDeal(ctx context.Context, d *followup.Deal) error {
	im.deal = d
	var err error
	im.detail, err = im.tx.FindDealDetail(ctx, d.ID)
	return err
}

// listDeals names deals for a message: 3 "ABC AS", 5 "Lager".
func listDeals(deals []*followup.Deal) string {
	names := make([]string, len(deals))
	for i, d := range deals {
		names[i] = fmt.Sprintf("%d %q", d.ID, d.Title)
	}
	return strings.Join(names, ", ")
}

// storeContacts keeps the buyer's people the notes name, with their roles.
// Those who give access to someone come last, so that the person they give
// access to is stored first.
func (im *notesImport) storeContacts(ctx context.Context) error {
	named := followup.MeetingContacts(im.meeting)
	ids := make(map[string]int64, len(named))
	for _, pass := range []bool{false, true} {
		for _, nc := range named {
			if (nc.AccessTo != "") != pass {
				continue
			}
			id, err := im.storeContact(ctx, nc, ids[followup.OrganisationKey(nc.AccessTo)])
			if err != nil {
				return err
			}
			ids[followup.OrganisationKey(nc.Name)] = id
		}
	}
	return nil
}

// storeContact creates or updates one person, and returns their number.
func (im *notesImport) storeContact(ctx context.Context, nc followup.NamedContact,
	accessTo int64) (int64, error) {
	c, err := im.tx.FindContactByName(ctx, im.org.ID, nc.Name)
	if followup.ErrorCode(err) == followup.ENOTFOUND {
		c = &followup.Contact{OrganisationID: im.org.ID, Name: nc.Name, Title: nc.Title,
			Role: nc.Role, AccessToID: accessTo}
		if err := im.tx.CreateContact(ctx, c); err != nil {
			return 0, err
		}
		im.say("created contact %d %q (%s)", c.ID, c.Name, describeContact(c, nc.AccessTo))
		return c.ID, nil
	}
	if err != nil {
		return 0, err
	}

	up, what := contactChanges(c, nc, accessTo)
	if len(what) == 0 {
		return c.ID, nil
	}
	if _, err := im.tx.UpdateContact(ctx, c.ID, up); err != nil {
		return 0, err
	}
	im.say("updated contact %d %q: %s", c.ID, c.Name, strings.Join(what, ", "))
	return c.ID, nil
}

// contactChanges returns what the notes change about a stored contact, and
// words for each change.
func contactChanges(c *followup.Contact, nc followup.NamedContact,
	accessTo int64) (followup.ContactUpdate, []string) {
	var up followup.ContactUpdate
	var what []string
	if role := followup.MergeBuyingRole(c.Role, nc.Role); role != c.Role {
		up.Role = &role
		what = append(what, "role "+string(role))
	}
	if title := nc.TitleFor(c.Title); title != c.Title {
		up.Title = &title
		what = append(what, fmt.Sprintf("title %q", title))
	}
	if accessTo != 0 && accessTo != c.AccessToID {
		up.AccessToID = &accessTo
		what = append(what, "gives access to "+nc.AccessTo)
	}
	return up, what
}

func describeContact(c *followup.Contact, accessTo string) string {
	role := string(c.Role)
	if role == "" {
		role = "no buying role yet"
	}
	if accessTo != "" {
		role += ", gives access to " + accessTo
	}
	return role
}

// storeMeeting stores the meeting with its notes. A meeting of the deal held
// the same day for the same kind of letter is the same meeting written anew:
// its notes are replaced.
func (im *notesImport) storeMeeting(ctx context.Context) error {
	mt := im.meeting
	held := mt.Held
	if held.IsZero() {
		held = mt.Date
	}
	im.record = &followup.MeetingRecord{DealID: im.deal.ID, Held: held, Letter: mt.Letter,
		Language: mt.Language, Place: mt.Place, Participants: mt.Participants,
		Sections: mt.Sections, NotesFile: im.text}
	if same := im.sameMeeting(held); same != nil {
		if err := im.tx.UpdateMeetingNotes(ctx, same.ID, im.record); err != nil {
			return err
		}
		im.replaced = true
		im.say("updated meeting %d of %s: the notes changed (%d sections)", same.ID,
			isoDay(held), len(mt.Sections))
		return nil
	}
	if err := im.tx.CreateMeeting(ctx, im.record); err != nil {
		return err
	}
	im.say("created meeting %d of %s with %d sections", im.record.ID, isoDay(held),
		len(mt.Sections))
	return nil
}

// sameMeeting returns the newest stored meeting of the deal held on the day
// for the same kind of letter, or nil.
func (im *notesImport) sameMeeting(held time.Time) *followup.MeetingRecord {
	if im.detail == nil {
		return nil
	}
	var same *followup.MeetingRecord
	for _, r := range im.detail.Meetings {
		if r.Held.Equal(held) && r.Letter == im.meeting.Letter {
			same = r
		}
	}
	return same
}

// storeLetter stores the buyer's letter as a draft: the first version of the
// meeting's letter, or the next one when the notes changed.
func (im *notesImport) storeLetter(ctx context.Context) error {
	l := &followup.LetterRecord{DealID: im.deal.ID, MeetingID: im.record.ID,
		Kind: im.meeting.Letter, Language: im.meeting.Language, Text: im.letter}
	if err := im.tx.CreateLetter(ctx, l); err != nil {
		return err
	}
	im.say("created letter %d (%s, version %d, draft)", l.ID, l.Kind, l.Version)
	return nil
}

// storePlan stores the notes' plan as the deal's next version, unless it is
// the plan the meeting already has; an agreed plan is marked agreed.
func (im *notesImport) storePlan(ctx context.Context) error {
	plan := im.meeting.Plan
	if plan == nil {
		return nil
	}
	if prev := im.meetingPlan(); prev != nil && samePlan(&prev.Plan, plan) {
		im.say("plan unchanged: still version %d", prev.Version)
		return nil
	}
	p := &followup.PlanVersion{DealID: im.deal.ID, MeetingID: im.record.ID, Plan: *plan}
	if err := im.tx.SavePlanVersion(ctx, p); err != nil {
		return err
	}
	im.say("created plan version %d (%d events, %d checkpoints)", p.Version,
		len(plan.Events), plan.Checkpoints())
	if agreed := im.meeting.PlanAgreed; !agreed.IsZero() {
		if _, err := im.tx.AgreePlanVersion(ctx, p.ID, agreed); err != nil {
			return err
		}
		im.say("plan version %d agreed on %s", p.Version, isoDay(agreed))
	}
	return nil
}

// meetingPlan returns the newest stored plan version of the meeting being
// replaced, or nil.
func (im *notesImport) meetingPlan() *followup.PlanVersion {
	if !im.replaced {
		return nil
	}
	var newest *followup.PlanVersion
	for _, p := range im.detail.Plans {
		if p.MeetingID == im.record.ID {
			newest = p
		}
	}
	return newest
}

// samePlan reports whether two plans have the same title, footer and events.
func samePlan(a, b *followup.Plan) bool {
	return a.Title == b.Title && a.Footer == b.Footer && len(followup.DiffPlans(a, b)) == 0
}

// storeProof stores the proof a sponsor letter offers, unless the deal has
// that proof already: the same words, or the same kind with the same person,
// customer and day (the same proof, written anew or in another language).
func (im *notesImport) storeProof(ctx context.Context) error {
	p := followup.ProofFromNotes(im.meeting)
	if p == nil {
		return nil
	}
	if im.detail != nil {
		for _, old := range im.detail.ProofItems {
			if sameProof(old, p) {
				return nil
			}
		}
	}
	p.DealID = im.deal.ID
	if err := im.tx.CreateProofItem(ctx, p); err != nil {
		return err
	}
	im.say("created proof item %d (%s)", p.ID, describeProof(p))
	return nil
}

func sameProof(a, b *followup.ProofItem) bool {
	if a.Description == b.Description {
		return true
	}
	named := a.Who != "" || a.Customer != ""
	return named && a.Kind == b.Kind && a.Who == b.Who && a.Customer == b.Customer &&
		a.Date.Equal(b.Date)
}

// describeProof sums a proof item up in a few words: reference-call with
// Kasper Kaspersen at TTT AS on 2002-01-13.
func describeProof(p *followup.ProofItem) string {
	s := string(p.Kind)
	if p.Who != "" {
		s += " with " + p.Who
	}
	if p.Customer != "" {
		s += " at " + p.Customer
	}
	if !p.Date.IsZero() {
		s += " on " + isoDay(p.Date)
	}
	return s
}

// isoDay writes a calendar day as YYYY-MM-DD, the form the command line reads.
func isoDay(t time.Time) string { return t.Format("2006-01-02") }
