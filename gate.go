package followup

import (
	"fmt"
	"strings"
)

// GateItem is one thing that stands between a deal and its quote: a
// front-matter key, or an event of the plan.
type GateItem struct {
	Field   string // "plan", "plan_agreed", "amount_agreed", or the plan's label for an event
	Line    int    // the line in the notes file, when known
	Event   string // the event's text, for items about an event
	Problem string
	Fix     string
}

// String formats the item as one line: where, what is missing, and the fix.
func (g GateItem) String() string {
	where := g.Field
	if g.Event != "" {
		where = fmt.Sprintf("%s %q", where, g.Event)
	}
	if g.Line > 0 {
		where = fmt.Sprintf("%s (line %d)", where, g.Line)
	}
	return fmt.Sprintf("%s: %s; %s", where, g.Problem, g.Fix)
}

// GateResult is the quote gate's answer.
type GateResult struct {
	Allowed bool       // a quote may be written
	Ended   bool       // a checkpoint was marked stop: the deal ends without a quote
	Missing []GateItem // why not, when not allowed; the stops, when ended
}

// QuoteGate applies the quote gate to a meeting's notes. A quote is allowed
// only when the buyer has agreed to the plan and to the amount, and every
// checkpoint up to and including the cost event (and the value event, when
// the plan has one) is marked go; the cost and value events themselves must
// be go as well. A stop anywhere in the plan ends the deal: no quote.
func QuoteGate(m *Meeting) GateResult {
	if stops := m.gateStops(); len(stops) > 0 {
		return GateResult{Ended: true, Missing: stops}
	}

	var items []GateItem
	if m.Plan == nil || len(m.Plan.Events) == 0 {
		items = append(items, GateItem{Field: "plan", Problem: "there is no plan",
			Fix: "agree a progress plan with the buyer before any quote"})
	}
	if m.PlanAgreed.IsZero() {
		items = append(items, GateItem{Field: "plan_agreed",
			Problem: "the buyer has not agreed to the plan",
			Fix:     "once the buyer accepts it, set plan_agreed: to that day"})
	}
	if !m.AmountAgreed {
		items = append(items, GateItem{Field: "amount_agreed",
			Problem: "the buyer has not agreed to the amount",
			Fix:     "agree the investment's amount with the buyer, then set amount_agreed: true"})
	}
	if m.Plan != nil && len(m.Plan.Events) > 0 {
		items = append(items, m.gateEvents()...)
	}
	return GateResult{Allowed: len(items) == 0, Missing: items}
}

// gateStops returns an item for each event marked stop.
func (m *Meeting) gateStops() []GateItem {
	if m.Plan == nil {
		return nil
	}
	var items []GateItem
	for _, e := range m.Plan.Events {
		if e.Outcome == Stop {
			items = append(items, m.gateItem(e, "was marked stop: the deal ends here",
				"record the deal as lost or walked with the reason; no quote goes out"))
		}
	}
	return items
}

// gateEvents returns an item for each event before the quote that is not
// marked go: the checkpoints up to the last cost or value event, and those
// events themselves.
func (m *Meeting) gateEvents() []GateItem {
	events := m.Plan.Events
	cost, value := lastOfKind(events, Cost), lastOfKind(events, Value)
	var items []GateItem
	if cost < 0 {
		items = append(items, GateItem{Field: m.Language.Label("plan"),
			Problem: "the plan has no cost event, so the buyer has not seen the cost",
			Fix:     "add a cost estimate to the plan (Type kostnad) and have it marked go"})
	}
	end := max(cost, value)
	if end < 0 {
		return items
	}

	for i, e := range events {
		inScope := i <= end || !e.Date.After(events[end].Date)
		needed := (e.Checkpoint && inScope) || i == cost || i == value
		if !needed || e.Outcome == Go {
			continue
		}
		fix := "once it has happened, write go (gå videre) or stop (avslutt) in its " +
			"Utfall/Outcome column"
		if e.Line == 0 {
			fix = "write the plan as a table with an Utfall/Outcome column, and mark the " +
				"event go once it has happened"
		}
		items = append(items, m.gateItem(e, gateProblem(e, i == cost, i == value), fix))
	}
	return items
}

// gateProblem says why an event holds the quote back.
func gateProblem(e Event, isCost, isValue bool) string {
	var what []string
	if e.Checkpoint {
		what = append(what, "checkpoint")
	}
	if isCost {
		what = append(what, "cost event")
	}
	if isValue {
		what = append(what, "value event")
	}
	return fmt.Sprintf("the %s on %s is not marked go", strings.Join(what, " and "),
		e.Date.Format("2006-01-02"))
}

// gateItem returns an item about an event of the plan.
func (m *Meeting) gateItem(e Event, problem, fix string) GateItem {
	return GateItem{Field: m.Language.Label("plan"), Line: e.Line, Event: e.Text,
		Problem: problem, Fix: fix}
}

// lastOfKind returns the index of the last event of the kind, or -1.
func lastOfKind(events []Event, k EventKind) int {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == k {
			return i
		}
	}
	return -1
}
