package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"followup"
	"followup/lang"
	"followup/notes"
	"followup/render"
	"followup/sqlstore"
	"followup/workday"
)

// letterCmd composes and renders the follow-up letter of a meeting.
type letterCmd struct {
	Notes     string `arg:"" optional:"" type:"path" help:"The notes file (Markdown with a YAML front matter); or give --deal."`
	Deal      int64  `placeholder:"ID" help:"Render the letter of a stored deal's newest meeting instead of a notes file (uses --db)."`
	Meeting   int64  `placeholder:"ID" help:"With --deal: the meeting whose letter to render (default the newest)."`
	Annotated bool   `help:"Show each section under its method label (for review and training)."`
	Format    string `default:"text" help:"Output format: text, markdown or html."`
	Lang      string `name:"lang" placeholder:"nb|en" help:"Write the letter in this language instead of the file's."`
	Output    string `short:"o" type:"path" placeholder:"FILE" help:"Write to FILE instead of standard output."`
	Draft     bool   `help:"Print the letter even when the checks find errors."`
}

func (c *letterCmd) Run(ctx context.Context, m *Main, g *cli) error {
	format, err := render.ParseFormat(c.Format)
	if err != nil {
		return err
	}
	meeting, err := c.meeting(ctx, m, g)
	if err != nil {
		return err
	}
	if c.Lang != "" {
		if meeting.Language, err = lang.Parse(c.Lang); err != nil {
			return followup.Errorf(followup.EINVALID, "--lang: %v", err)
		}
	}

	findings := followup.Check(meeting)
	for _, f := range findings {
		fmt.Fprintln(m.Stderr, f)
	}
	if followup.HasErrors(findings) && !c.Draft {
		fmt.Fprintln(m.Stderr, "followup: the letter has errors; fix them, or print a draft with --draft")
		return exitStatus(1)
	}

	mode := render.Buyer
	if c.Annotated {
		mode = render.Annotated
	}
	var out bytes.Buffer
	if err := render.Letter(&out, followup.ComposeLetter(meeting), format, mode); err != nil {
		return err
	}
	return m.writeOutput(c.Output, out.Bytes())
}

// meeting reads the meeting to write the letter of: from the notes file,
// or from the store with --deal. Exactly one of the two is given.
func (c *letterCmd) meeting(ctx context.Context, m *Main, g *cli) (*followup.Meeting, error) {
	switch {
	case c.Meeting != 0 && c.Deal == 0:
		return nil, followup.Errorf(followup.EINVALID,
			"--meeting goes with --deal: followup letter --deal ID --meeting ID")
	case c.Notes != "" && c.Deal != 0:
		return nil, followup.Errorf(followup.EINVALID,
			"give a notes file or --deal, not both")
	case c.Notes == "" && c.Deal == 0:
		return nil, followup.Errorf(followup.EINVALID, "give a notes file "+
			"(followup letter NOTES.md) or a stored deal (followup letter --deal ID)")
	case c.Deal != 0:
		var mt *followup.Meeting
		err := m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
			var err error
			mt, err = storedMeeting(ctx, db, c.Deal, c.Meeting)
			return err
		})
		return mt, err
	}
	meeting, err := notes.ReadFile(c.Notes)
	if err != nil {
		return nil, err
	}
	if err := layPlan(meeting); err != nil {
		return nil, inFile(c.Notes, err)
	}
	return meeting, nil
}

// writeOutput writes b to the named file, or to standard output when the
// name is empty. A file is written whole or not at all: a failed write leaves
// any earlier file of that name as it was.
func (m *Main) writeOutput(name string, b []byte) error {
	if name == "" {
		_, err := m.Stdout.Write(b)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return followup.Errorf(followup.EINVALID, "-o %s: cannot write there: %v", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return followup.Errorf(followup.EINVALID, "-o %s: %v", name, err)
	}
	if err := tmp.Close(); err != nil {
		return followup.Errorf(followup.EINVALID, "-o %s: %v", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// storedMeeting rebuilds a stored meeting as the letter needs it: who, when
// and where from the notes file it was imported from (or, for a meeting
// typed in, from the deal's people), and the sections and plan as stored.
func storedMeeting(ctx context.Context, db *sqlstore.DB, dealID,
	meetingID int64) (*followup.Meeting, error) {
	d, err := db.FindDealDetail(ctx, dealID)
	if err != nil {
		return nil, fieldError("--deal", err)
	}
	rec, err := pickMeeting(ctx, db, d, meetingID)
	if err != nil {
		return nil, err
	}
	mt := meetingFront(d, rec)
	mt.Letter, mt.Language, mt.Held, mt.Place = rec.Letter, rec.Language, rec.Held, rec.Place
	mt.Participants, mt.Sections = rec.Participants, rec.Sections

	if err := storedPlan(mt, d, rec); err != nil {
		return nil, err
	}
	return mt, nil
}

// storedPlan gives the meeting the newest plan version stored with it, or
// lays the plan its front matter asks for when none is stored.
func storedPlan(mt *followup.Meeting, d *followup.DealDetail,
	rec *followup.MeetingRecord) error {
	var stored *followup.PlanVersion
	for _, p := range d.Plans {
		if p.MeetingID == rec.ID {
			stored = p
		}
	}
	if stored == nil {
		if err := layPlanOrNil(mt); err != nil {
			return inFile(fmt.Sprintf("meeting %d", rec.ID), err)
		}
		return nil
	}
	plan := stored.Plan
	plan.Events = append([]followup.Event(nil), plan.Events...)
	if mt.Plan != nil {
		keepLines(&plan, mt.Plan)
	}
	mt.Plan, mt.PlanSpec = &plan, nil
	if !stored.AgreedAt.IsZero() {
		mt.PlanAgreed = workday.Day(stored.AgreedAt)
	}
	return nil
}

// keepLines gives the stored plan's events the lines of the notes file's
// table where the rows are the same, so that findings point into the file.
func keepLines(stored, written *followup.Plan) {
	stored.Line = written.Line
	for i := range stored.Events {
		if i >= len(written.Events) {
			return
		}
		e, w := &stored.Events[i], written.Events[i]
		if e.Text == w.Text && e.Date.Equal(w.Date) {
			e.Line = w.Line
		}
	}
}

// layPlanOrNil lays a plan the front matter asks for; nil when there is none.
func layPlanOrNil(mt *followup.Meeting) error {
	if mt.PlanSpec == nil {
		return nil
	}
	return layPlan(mt)
}

// pickMeeting returns the deal's meeting with the id, or its newest meeting
// when id is 0.
func pickMeeting(ctx context.Context, db *sqlstore.DB, d *followup.DealDetail,
	id int64) (*followup.MeetingRecord, error) {
	if id == 0 {
		if len(d.Meetings) == 0 {
			return nil, followup.Errorf(followup.EINVALID, "deal %d has no meetings yet: "+
				"import its notes with followup import NOTES.md --deal %d", d.Deal.ID, d.Deal.ID)
		}
		return d.Meetings[len(d.Meetings)-1], nil // by the day held, the newest last
	}
	for _, r := range d.Meetings {
		if r.ID == id {
			return r, nil
		}
	}
	r, err := db.FindMeetingByID(ctx, id)
	if err != nil {
		return nil, fieldError("--meeting", err)
	}
	return nil, followup.Errorf(followup.EINVALID, "--meeting %d is a meeting of deal %d, "+
		"not of deal %d: followup deal %d lists its meetings", id, r.DealID, d.Deal.ID, d.Deal.ID)
}

// meetingFront returns the front matter of a stored meeting: parsed from its
// notes file, or made from the deal's owner, organisation and the contact
// whose buying role fits the letter.
func meetingFront(d *followup.DealDetail, rec *followup.MeetingRecord) *followup.Meeting {
	if rec.NotesFile != "" {
		mt, err := notes.Parse(fmt.Sprintf("meeting %d", rec.ID), []byte(rec.NotesFile))
		if err == nil {
			return mt
		}
	}
	mt := &followup.Meeting{Date: rec.Held,
		Seller: followup.Person{Name: d.Owner.Name, Title: d.Owner.Title},
		To:     followup.Person{Company: d.Organisation.Name, Address: d.Organisation.Address}}
	names := make(map[int64]string, len(d.Contacts))
	for _, c := range d.Contacts {
		names[c.ID] = c.Name
	}
	for _, c := range d.Contacts {
		if c.Role == followup.RecipientRole(rec.Letter) {
			mt.To.Name, mt.To.Title = c.Name, c.Title
			mt.DecisionMaker = names[c.AccessToID]
		}
	}
	return mt
}
