package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"followup"
	"followup/ical"
	"followup/lang"
	"followup/notes"
	"followup/render"
	"followup/workday"
)

// planCmd prints a progress plan, or compares two versions of one.
type planCmd struct {
	Show planShowCmd `cmd:"" default:"withargs" help:"Print the plan of a notes file, or lay a template (the default: followup plan NOTES.md)."`
	Diff planDiffCmd `cmd:"" help:"Show what changed between two versions of a plan."`
}

// planShowCmd prints the plan of a notes file, or a template laid on dates.
type planShowCmd struct {
	Notes         string `arg:"" optional:"" help:"The notes file, with a plan table or plan: in its front matter."`
	Template      string `placeholder:"NAME" help:"Lay this template instead of reading a notes file (followup templates lists them)."`
	Start         string `placeholder:"DATE" help:"With --template: the first day, as YYYY-MM-DD or DD.MM.YYYY."`
	DeliverBy     string `name:"deliver-by" placeholder:"DATE" help:"With --template: the day of delivery; the plan is laid backwards from it."`
	Date          string `placeholder:"DATE" help:"With --template: the letter's date, before which no plan may start (default today)."`
	Format        string `default:"text" help:"Output format: text, markdown, html, csv or ics."`
	Lang          string `name:"lang" placeholder:"nb|en" help:"Write the plan in this language instead of the file's or template's."`
	SkipSummer    bool   `help:"Lay no event in ISO weeks 28 to 30, the summer holiday."`
	SkipChristmas bool   `help:"Lay no event from 24 December to 1 January."`
	Templates     string `type:"path" env:"FOLLOWUP_TEMPLATES" placeholder:"DIR" help:"A folder of your own plan templates (*.yaml) beside the built-in ones (env FOLLOWUP_TEMPLATES)."`
	Output        string `short:"o" type:"path" placeholder:"FILE" help:"Write to FILE instead of standard output."`
}

// planSource is a plan with what its output needs to know about it.
type planSource struct {
	meeting *followup.Meeting
	title   string // the template's title for a plan laid without notes
}

func (c *planShowCmd) Run(m *Main) error {
	format := strings.ToLower(strings.TrimSpace(c.Format))
	if format != "csv" && format != "ics" {
		if _, err := render.ParseFormat(format); err != nil {
			return followup.Errorf(followup.EINVALID, "--format %q is not known: use text, "+
				"markdown, html, csv or ics", c.Format)
		}
	}
	cal := workday.Calendar{SkipSummer: c.SkipSummer, SkipChristmas: c.SkipChristmas}
	src, err := c.source(m, cal)
	if err != nil {
		return err
	}
	if c.Lang != "" {
		if src.meeting.Language, err = lang.Parse(c.Lang); err != nil {
			return followup.Errorf(followup.EINVALID, "--lang: %v", err)
		}
	}
	c.warn(m, src.meeting)

	var out bytes.Buffer
	if err := writePlan(&out, src, format, m.Now()); err != nil {
		return err
	}
	return m.writeOutput(c.Output, out.Bytes())
}

// source reads the notes file, or lays the template, into a meeting with a plan.
func (c *planShowCmd) source(m *Main, cal workday.Calendar) (planSource, error) {
	switch {
	case c.Notes != "" && c.Template != "":
		return planSource{}, followup.Errorf(followup.EINVALID,
			"give a notes file or --template, not both")
	case c.Notes == "" && c.Template == "":
		return planSource{}, followup.Errorf(followup.EINVALID, "give a notes file "+
			"(followup plan NOTES.md) or a template (followup plan --template NAME --start DATE)")
	case c.Template != "":
		return c.layTemplate(m, cal)
	case c.Start != "" || c.DeliverBy != "" || c.Date != "":
		return planSource{}, followup.Errorf(followup.EINVALID, "--start, --deliver-by and "+
			"--date go with --template; a notes file gives its dates in its front matter")
	}

	meeting, err := notes.ReadFile(c.Notes)
	if err != nil {
		return planSource{}, err
	}
	if err := notes.LayPlan(meeting, c.Templates, cal); err != nil {
		return planSource{}, inFile(c.Notes, err)
	}
	if meeting.Plan == nil {
		return planSource{}, followup.Errorf(followup.EINVALID, "%s has no plan: add a "+
			"Fremdriftsplan table, or plan: {template: NAME, start: DATE} to its front matter",
			c.Notes)
	}
	return planSource{meeting: meeting}, nil
}

// layTemplate lays the named template from --start or back from --deliver-by.
func (c *planShowCmd) layTemplate(m *Main, cal workday.Calendar) (planSource, error) {
	spec := &followup.PlanSpec{Template: c.Template}
	var err error
	if spec.Start, err = flagDate("--start", c.Start); err != nil {
		return planSource{}, err
	}
	if spec.DeliverBy, err = flagDate("--deliver-by", c.DeliverBy); err != nil {
		return planSource{}, err
	}
	letterDate := workday.Day(m.Now())
	if c.Date != "" {
		if letterDate, err = flagDate("--date", c.Date); err != nil {
			return planSource{}, err
		}
	}

	ts, err := notes.LoadTemplates(c.Templates)
	if err != nil {
		return planSource{}, err
	}
	t, err := followup.FindTemplate(ts, c.Template)
	if err != nil {
		return planSource{}, asFlagError(err)
	}
	p, err := followup.SchedulePlan(spec, t, cal, letterDate)
	if err != nil {
		return planSource{}, asFlagError(err)
	}
	meeting := &followup.Meeting{Letter: followup.DecisionMakerLetter, Language: t.Language,
		Date: letterDate, Plan: p}
	return planSource{meeting: meeting, title: t.Title}, nil
}

// inFile names the notes file in an error about its plan.
func inFile(path string, err error) error {
	var e *followup.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return &followup.Error{Code: e.Code, Message: path + ": " + e.Message, Err: e.Err}
}

// flagDate reads a date given on the command line; "" is the zero time.
func flagDate(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := notes.ParseDate(s)
	if err != nil {
		return time.Time{}, followup.Errorf(followup.EINVALID, "%s: %s", flag,
			followup.ErrorMessage(err))
	}
	return d, nil
}

// asFlagError names the command-line flags in a message that names the
// front matter's keys, for a plan laid from flags.
func asFlagError(err error) error {
	var e *followup.Error
	if !errors.As(err, &e) {
		return err
	}
	msg := strings.NewReplacer("plan.template:", "--template:", "plan.start:", "--start:",
		"plan.deliver_by:", "--deliver-by:", "set deliver_by to", "set --deliver-by to",
		"plan: give start (the first day) or deliver_by", "give --start (the first day) or "+
			"--deliver-by", "plan: give start or deliver_by", "give --start or --deliver-by").
		Replace(e.Message)
	return &followup.Error{Code: e.Code, Message: msg, Err: e.Err}
}

// warn prints the checks' findings about the plan, so that a seller who
// prints only the plan still sees a date on a holiday.
func (c *planShowCmd) warn(m *Main, meeting *followup.Meeting) {
	label := meeting.Language.Label("plan")
	for _, f := range followup.Check(meeting) {
		if f.Field == label {
			fmt.Fprintln(m.Stderr, f)
		}
	}
	for _, e := range meeting.Plan.Events {
		if e.KindInferred {
			fmt.Fprintln(m.Stderr, "note: the kinds marked ? were guessed from the events' "+
				"words; name the kind in a Type column to correct them")
			return
		}
	}
}

// writePlan lays the plan out in the format.
func writePlan(b *bytes.Buffer, src planSource, format string, now time.Time) error {
	mt := src.meeting
	switch format {
	case "csv":
		return render.PlanCSV(b, mt.Plan)
	case "ics":
		return ical.WritePlan(b, mt.Plan, ical.Options{
			Name: planTable(src).Title, Language: mt.Language, Stamp: now,
			Key: firstNonEmpty(mt.Deal, mt.To.Company, src.title), FollowUp: mt.FollowUp,
			CallWith: mt.To.Name,
		})
	}
	f, err := render.ParseFormat(format)
	if err != nil {
		return err
	}
	return render.Plan(b, planTable(src), mt.Language, f)
}

// planTable composes the plan as the letter shows it, with a column for the
// kinds when any was guessed, so that the seller can correct it.
func planTable(src planSource) *followup.PlanTable {
	mt := src.meeting
	lg := mt.Language
	t := followup.ComposePlanTable(mt.Plan, lg, mt.To.Company, !mt.PlanAgreed.IsZero(),
		mt.FollowUp, mt.Date)
	if src.title != "" && mt.Plan.Title == "" {
		t.Title = src.title
	}
	guessed := false
	for _, e := range mt.Plan.Events {
		guessed = guessed || e.KindInferred
	}
	if !guessed {
		return t
	}

	t.Columns = append(t.Columns[:len(t.Columns):len(t.Columns)], kindHeader(lg))
	for i, e := range mt.Plan.Events {
		word := e.Kind.Word(lg)
		if e.KindInferred {
			word += "?"
		}
		t.Rows[i] = append(t.Rows[i], word)
	}
	return t
}

func kindHeader(lg lang.Lang) string {
	if lg == lang.English {
		return "Kind"
	}
	return "Type"
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// planDiffCmd compares two versions of a plan.
type planDiffCmd struct {
	Old       string `arg:"" help:"The notes file with the older plan."`
	New       string `arg:"" help:"The notes file with the newer plan."`
	Templates string `type:"path" env:"FOLLOWUP_TEMPLATES" placeholder:"DIR" help:"A folder of your own plan templates (*.yaml) (env FOLLOWUP_TEMPLATES)."`
}

func (c *planDiffCmd) Run(m *Main) error {
	older, err := c.readPlan(c.Old)
	if err != nil {
		return err
	}
	newer, err := c.readPlan(c.New)
	if err != nil {
		return err
	}
	changes := followup.DiffPlans(older, newer)
	if len(changes) == 0 {
		fmt.Fprintf(m.Stdout, "The plans in %s and %s are the same.\n", c.Old, c.New)
		return nil
	}
	fmt.Fprintf(m.Stdout, "%s from %s to %s:\n", countChanges(len(changes)), c.Old, c.New)
	for _, ch := range changes {
		fmt.Fprintln(m.Stdout, "  "+ch.String())
	}
	return nil
}

func countChanges(n int) string {
	if n == 1 {
		return "1 change"
	}
	return fmt.Sprintf("%d changes", n)
}

// readPlan reads the plan of one notes file, laying its template if need be.
func (c *planDiffCmd) readPlan(path string) (*followup.Plan, error) {
	meeting, err := notes.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := notes.LayPlan(meeting, c.Templates, workday.Calendar{}); err != nil {
		return nil, inFile(path, err)
	}
	if meeting.Plan == nil {
		return nil, followup.Errorf(followup.EINVALID, "%s has no plan to compare: add a "+
			"Fremdriftsplan table", path)
	}
	return meeting.Plan, nil
}

// layPlan lays a meeting's plan from the template its front matter names,
// with the built-in templates and those in $FOLLOWUP_TEMPLATES, so that
// letter and check see the plan as the buyer will.
func layPlan(meeting *followup.Meeting) error {
	return notes.LayPlan(meeting, os.Getenv("FOLLOWUP_TEMPLATES"), workday.Calendar{})
}
