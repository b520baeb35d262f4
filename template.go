package followup

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"followup/lang"
	"followup/workday"
)

// MaxPlanYears is the longest a plan may run, from its first event to its
// last. A longer plan is a mistake in the offsets, not a sale.
const MaxPlanYears = 3

// maxPlanOffsets bounds the sum of a template's offsets: three years of
// weekdays. Past it a plan is too long on any calendar, so the template is
// refused before a date is laid, and scheduling never walks for centuries.
const maxPlanOffsets = MaxPlanYears * 261

// Template is a progress plan without dates: events a number of business
// days apart, laid onto the calendar forwards from a start or backwards from
// the buyer's delivery date.
type Template struct {
	Name        string // how a seller asks for it, e.g. "training"
	Title       string // a line about it, for the list of templates
	Description string
	Language    lang.Lang // the language its events are written in
	Events      []TemplateEvent
	Source      string // where it was read from: a file, or "built-in"
}

// TemplateEvent is one step of a template.
type TemplateEvent struct {
	Text string
	// Offset counts business days from the previous event; 0 is the same
	// day. The first event's offset counts from the plan's start.
	Offset     int
	Kind       EventKind // empty: guessed from Text when the plan is laid
	Owner      Owner
	Checkpoint bool
}

// TemplateProblem is one thing wrong with a template. Event is the event's
// number from 1, or 0 for the template itself; Field is the key at fault.
type TemplateProblem struct {
	Event   int
	Field   string
	Problem string
}

// templateName is what a template may be called: it is typed on the command
// line and in front matter, so lower-case words joined by hyphens.
var templateName = regexp.MustCompile(`^[a-z0-9æøå]+(?:[-_][a-z0-9æøå]+)*$`)

// Problems returns everything wrong with the template, so that its author
// can fix it all in one go.
func (t *Template) Problems() []TemplateProblem {
	var ps []TemplateProblem
	if !templateName.MatchString(t.Name) {
		ps = append(ps, TemplateProblem{0, "name", fmt.Sprintf("%q is not a template name: "+
			"use lower-case letters, digits and hyphens, such as training-programme", t.Name)})
	}
	if len(t.Events) == 0 {
		ps = append(ps, TemplateProblem{0, "events", "the template has no events: " +
			"list them under events:, each with text, offset, kind, owner and checkpoint"})
	}
	sum := 0
	for i, e := range t.Events {
		for _, p := range e.Problems() {
			ps = append(ps, TemplateProblem{i + 1, p.Field, p.Problem})
		}
		if i > 0 && e.Offset > 0 {
			sum += e.Offset
		}
	}
	if sum > maxPlanOffsets {
		ps = append(ps, TemplateProblem{0, "offset", fmt.Sprintf("the offsets add up to %d "+
			"business days, more than %d years: shorten them", sum, MaxPlanYears)})
	}
	return ps
}

// Problems returns what is wrong with one event, field by field.
func (e TemplateEvent) Problems() []TemplateProblem {
	var ps []TemplateProblem
	if strings.TrimSpace(e.Text) == "" {
		ps = append(ps, TemplateProblem{0, "text", "the event has no text: say what happens"})
	}
	if e.Offset < 0 || e.Offset > maxPlanOffsets {
		ps = append(ps, TemplateProblem{0, "offset", fmt.Sprintf("%d is out of range: "+
			"give the business days after the previous event, from 0 (the same day) to %d",
			e.Offset, maxPlanOffsets)})
	}
	if e.Kind != "" && !slices.Contains(EventKinds, e.Kind) {
		ps = append(ps, TemplateProblem{0, "kind", fmt.Sprintf("%q is not a kind of event: "+
			"use one of %s, or leave it out to have it guessed", e.Kind, kindList())})
	}
	switch e.Owner {
	case Buyer, Seller, Both:
	case "":
		ps = append(ps, TemplateProblem{0, "owner",
			"the event has no owner: write buyer, seller or both (kjøper, selger, begge)"})
	default:
		ps = append(ps, TemplateProblem{0, "owner", fmt.Sprintf("%q is not an owner: "+
			"write buyer, seller or both (kjøper, selger, begge)", e.Owner)})
	}
	return ps
}

// EventKinds lists the kinds of plan event in the order a plan meets them.
var EventKinds = []EventKind{Interview, ProofStep, Cost, Value, Decision, Delivery, Other}

func kindList() string {
	words := make([]string, len(EventKinds))
	for i, k := range EventKinds {
		words[i] = string(k)
	}
	return strings.Join(words, ", ")
}

// Validate returns nil for a template that can be laid, and otherwise an
// [EINVALID] error that lists each problem with the event and field at fault.
func (t *Template) Validate() error {
	ps := t.Problems()
	if len(ps) == 0 {
		return nil
	}
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = t.describe(p)
	}
	return Errorf(EINVALID, "%s", strings.Join(lines, "\n"))
}

// describe writes a problem as a line naming the template, event and field.
func (t *Template) describe(p TemplateProblem) string {
	where := "template " + t.Name
	if t.Source != "" {
		where = t.Source + ": " + where
	}
	if p.Event > 0 {
		where += fmt.Sprintf(": event %d %q", p.Event, t.Events[p.Event-1].Text)
	}
	return fmt.Sprintf("%s: %s: %s", where, p.Field, p.Problem)
}

// Word returns the kind's name in the language, as a plan's Type column
// writes it: "kostnad" or "cost".
func (k EventKind) Word(lg lang.Lang) string {
	if lg == lang.English {
		return string(k)
	}
	return kindWordsNB[k]
}

var kindWordsNB = map[EventKind]string{
	Interview: "intervju", ProofStep: "bevis", Cost: "kostnad", Value: "verdi",
	Decision: "beslutning", Delivery: "levering", Other: "annet",
}

// FindTemplate returns the template called name, in any case. An unknown
// name is an [EINVALID] error that lists the names there are.
func FindTemplate(templates []*Template, name string) (*Template, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	names := make([]string, 0, len(templates))
	for _, t := range templates {
		if t.Name == want {
			return t, nil
		}
		names = append(names, t.Name)
	}
	slices.Sort(names)
	return nil, Errorf(EINVALID, "plan.template: there is no template called %q: "+
		"choose one of %s (followup templates lists them)", name, strings.Join(names, ", "))
}

// Forward lays the template forwards from start on the calendar: the first
// event on the first business day on or after start (plus its own offset),
// each next one its offset in business days after the one before. No event
// lands on a day the calendar closes.
func (t *Template) Forward(cal workday.Calendar, start time.Time) (*Plan, error) {
	if err := t.layable("start", start); err != nil {
		return nil, err
	}
	p := &Plan{Events: make([]Event, len(t.Events))}
	d := cal.OnOrAfter(workday.Day(start))
	for i, te := range t.Events {
		d = cal.Add(d, te.Offset)
		p.Events[i] = te.event(d)
	}
	return p, t.checkSpan(p)
}

// Backward lays the template backwards from the buyer's delivery date: the
// last event on the last business day on or before deliverBy, each earlier
// one the offset of the event after it in business days before that event.
func (t *Template) Backward(cal workday.Calendar, deliverBy time.Time) (*Plan, error) {
	if err := t.layable("deliver_by", deliverBy); err != nil {
		return nil, err
	}
	p := &Plan{Events: make([]Event, len(t.Events))}
	d := cal.OnOrBefore(workday.Day(deliverBy))
	for i := len(t.Events) - 1; i >= 0; i-- {
		p.Events[i] = t.Events[i].event(d)
		if i > 0 {
			d = cal.Add(d, -t.Events[i].Offset)
		}
	}
	return p, t.checkSpan(p)
}

// layable checks the template and the date it is laid from, named by key.
func (t *Template) layable(key string, d time.Time) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if y := d.Year(); y < workday.MinYear || y > workday.MaxYear {
		return Errorf(EINVALID, "plan.%s: %s is out of range: give a date from %d to %d",
			key, d.Format(time.DateOnly), workday.MinYear, workday.MaxYear)
	}
	return nil
}

// checkSpan refuses a plan that runs longer than [MaxPlanYears].
func (t *Template) checkSpan(p *Plan) error {
	first, last := p.Events[0].Date, p.Events[len(p.Events)-1].Date
	if !last.After(first.AddDate(MaxPlanYears, 0, 0)) {
		return nil
	}
	return Errorf(EINVALID, "plan.template: template %s runs from %s to %s, longer than "+
		"%d years: shorten the offsets of its events", t.Name, first.Format(time.DateOnly),
		last.Format(time.DateOnly), MaxPlanYears)
}

// event returns the plan event of a template event laid on d.
func (te TemplateEvent) event(d time.Time) Event {
	e := Event{Text: te.Text, Date: d, Checkpoint: te.Checkpoint, Owner: te.Owner, Kind: te.Kind}
	if e.Kind == "" {
		e.Kind, e.KindInferred = InferKind(te.Text), true
	}
	return e
}

// SchedulePlan lays the template as spec asks: forwards from spec.Start or
// backwards from spec.DeliverBy. Laid backwards, a plan that would have to
// start before letterDate is refused with the earliest delivery date that
// fits; a zero letterDate skips that test.
func SchedulePlan(spec *PlanSpec, t *Template, cal workday.Calendar,
	letterDate time.Time) (*Plan, error) {
	switch {
	case spec == nil:
		return nil, Errorf(EINVALID, "plan: no plan was asked for: give a template and a date")
	case !spec.Start.IsZero() && !spec.DeliverBy.IsZero():
		return nil, Errorf(EINVALID, "plan: give start or deliver_by, not both")
	case !spec.Start.IsZero():
		return t.Forward(cal, spec.Start)
	case spec.DeliverBy.IsZero():
		return nil, Errorf(EINVALID, "plan: give start (the first day) or deliver_by "+
			"(the day of delivery) to lay template %s", t.Name)
	}

	p, err := t.Backward(cal, spec.DeliverBy)
	if err != nil || letterDate.IsZero() || !p.Events[0].Date.Before(workday.Day(letterDate)) {
		return p, err
	}
	return nil, t.noRoom(cal, spec.DeliverBy, p.Events[0].Date, letterDate)
}

// noRoom explains a delivery date too early for the template.
func (t *Template) noRoom(cal workday.Calendar, deliverBy, first, letterDate time.Time) error {
	msg := fmt.Sprintf("plan.deliver_by: %s leaves no room: template %s would have to start "+
		"on %s, before the letter's date %s", deliverBy.Format(time.DateOnly), t.Name,
		first.Format(time.DateOnly), letterDate.Format(time.DateOnly))
	if earliest, err := t.Forward(cal, letterDate); err == nil {
		last := earliest.Events[len(earliest.Events)-1].Date
		msg += fmt.Sprintf(": set deliver_by to %s or later", last.Format(time.DateOnly))
	}
	return Errorf(EINVALID, "%s", msg)
}

// LayPlan lays the meeting's plan from its PlanSpec with one of the
// templates, on the calendar; a meeting whose plan is a table, or that asks
// for no plan, is left as it is. The letter's date bounds a plan laid
// backwards.
func (m *Meeting) LayPlan(templates []*Template, cal workday.Calendar) error {
	if m.Plan != nil || m.PlanSpec == nil {
		return nil
	}
	t, err := FindTemplate(templates, m.PlanSpec.Template)
	if err != nil {
		return err
	}
	p, err := SchedulePlan(m.PlanSpec, t, cal, m.Date)
	if err != nil {
		return err
	}
	m.Plan = p
	return nil
}
