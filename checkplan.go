package followup

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"followup/lang"
	"followup/workday"
)

// checkPlan applies the method's rules to the plan: it runs from the letter
// to delivery in date order, on business days, with the proof before the
// cost and the cost before the decision, an owner for every checkpoint, and
// a footer that counts the checkpoints right. Each finding names the row.
func (m *Meeting) checkPlan() []Finding {
	p := m.Plan
	if p == nil {
		return nil
	}
	if len(p.Events) == 0 {
		sev := SeverityWarning
		if m.Letter == DecisionMakerLetter {
			sev = SeverityError
		}
		return []Finding{{sev, m.Language.Label("plan"), p.Line, "the plan has no events",
			"write one row per event under the table's header, from now to delivery"}}
	}

	var fs []Finding
	fs = append(fs, m.checkPlanEnds()...)
	fs = append(fs, m.checkPlanOrder()...)
	fs = append(fs, m.checkPlanDays()...)
	fs = append(fs, m.checkCostAfterProof()...)
	fs = append(fs, m.checkCostBeforeDecision()...)
	fs = append(fs, m.checkOwners()...)
	fs = append(fs, m.checkFooterCount()...)
	return fs
}

// planFinding returns a warning about the event at index i of the plan.
func (m *Meeting) planFinding(i int, problem, fix string) Finding {
	e := m.Plan.Events[i]
	return Finding{SeverityWarning, m.Language.Label("plan"), e.Line,
		m.rowName(i) + " " + problem, fix}
}

// rowName names the event at index i as a finding shows it: its row and text.
func (m *Meeting) rowName(i int) string {
	return fmt.Sprintf("row %d %q", i+1, m.Plan.Events[i].Text)
}

// lastByDate returns the index of the latest event; of events on one day,
// the one written last.
func lastByDate(events []Event) int {
	last := 0
	for i, e := range events {
		if !e.Date.Before(events[last].Date) {
			last = i
		}
	}
	return last
}

// checkPlanEnds reports a plan that does not run to delivery, or that starts
// before the letter is written.
func (m *Meeting) checkPlanEnds() []Finding {
	var fs []Finding
	lg := m.Language
	if last := lastByDate(m.Plan.Events); m.Plan.Events[last].Kind != Delivery {
		e := m.Plan.Events[last]
		fs = append(fs, m.planFinding(last, fmt.Sprintf("ends the plan, and it is %s, not the "+
			"delivery", kindPhrase(e)), "add the delivery as the last row (e.g. the start of "+
			"the work), or name this row's kind "+Delivery.Word(lg)+" in a Type column"))
	}

	first := 0
	for i, e := range m.Plan.Events {
		if e.Date.Before(m.Plan.Events[first].Date) {
			first = i
		}
	}
	if e := m.Plan.Events[first]; !m.Date.IsZero() && e.Date.Before(m.Date) {
		start := workday.Calendar{}.OnOrAfter(m.Date)
		fs = append(fs, m.planFinding(first, "on "+lg.Date(e.Date)+" comes before the "+
			"letter's date, "+lg.Date(m.Date), "move it to "+lg.Date(start)+" or later"))
	}
	return fs
}

// kindPhrase names an event's kind for a message, saying when it was guessed.
func kindPhrase(e Event) string {
	s := "a " + string(e.Kind) + " event"
	if e.Kind == Interview || e.Kind == Other {
		s = "an " + string(e.Kind) + " event"
	}
	if e.KindInferred {
		s += " (guessed from its words)"
	}
	return s
}

// checkPlanOrder reports each event dated before the event above it.
func (m *Meeting) checkPlanOrder() []Finding {
	var fs []Finding
	lg := m.Language
	events := m.Plan.Events
	for i := 1; i < len(events); i++ {
		prev := events[i-1]
		if events[i].Date.Before(prev.Date) {
			fs = append(fs, m.planFinding(i, fmt.Sprintf("on %s goes back in time from the row "+
				"above, %q on %s", lg.Date(events[i].Date), prev.Text, lg.Date(prev.Date)),
				"put the rows in date order, or correct the date"))
		}
	}
	return fs
}

// checkPlanDays reports each event dated on a weekend or a public holiday.
func (m *Meeting) checkPlanDays() []Finding {
	var fs []Finding
	for i, e := range m.Plan.Events {
		if f, ok := m.closedDay(m.Language.Label("plan"), m.rowName(i), e.Date); ok {
			f.Line = e.Line
			fs = append(fs, f)
		}
	}
	return fs
}

// before reports whether event i comes before event j: by date, and on one
// day by the order of the rows.
func before(events []Event, i, j int) bool {
	a, b := events[i].Date, events[j].Date
	return a.Before(b) || (a.Equal(b) && i < j)
}

// firstOfKind returns the index of the first event of the kind, or -1.
func firstOfKind(events []Event, k EventKind) int {
	for i, e := range events {
		if e.Kind == k {
			return i
		}
	}
	return -1
}

// checkCostAfterProof reports a cost event that comes before the last proof
// event: the buyer should see the proof before the price.
func (m *Meeting) checkCostAfterProof() []Finding {
	events := m.Plan.Events
	cost, proof := firstOfKind(events, Cost), lastOfKind(events, ProofStep)
	if cost < 0 || proof < 0 || !before(events, cost, proof) {
		return nil
	}
	lg := m.Language
	return []Finding{m.planFinding(cost, fmt.Sprintf("on %s comes before the proof %q on %s",
		lg.Date(events[cost].Date), events[proof].Text, lg.Date(events[proof].Date)),
		"move the cost step after the proof: the buyer should see the proof before the cost")}
}

// checkCostBeforeDecision reports a decision-maker's plan with no cost event
// before its first decision: the buyer cannot decide without the cost.
func (m *Meeting) checkCostBeforeDecision() []Finding {
	if m.Letter != DecisionMakerLetter {
		return nil
	}
	events := m.Plan.Events
	cost, decision := firstOfKind(events, Cost), firstOfKind(events, Decision)
	lg := m.Language
	switch {
	case cost < 0 && decision < 0:
		return []Finding{{SeverityWarning, lg.Label("plan"), m.Plan.Line,
			"the plan has no cost event and no decision",
			"add a cost estimate and, after it, the buyer's decision (Type " +
				Cost.Word(lg) + " and " + Decision.Word(lg) + ")"}}
	case cost < 0:
		return []Finding{m.planFinding(decision, "is a decision, but no cost event comes "+
			"before it", "add a cost estimate before the decision (Type "+Cost.Word(lg)+")")}
	case decision >= 0 && before(events, decision, cost):
		return []Finding{m.planFinding(decision, fmt.Sprintf("on %s is a decision before the "+
			"cost event %q on %s", lg.Date(events[decision].Date), events[cost].Text,
			lg.Date(events[cost].Date)), "move the cost estimate before the decision")}
	}
	return nil
}

// checkOwners reports each checkpoint without an owner.
func (m *Meeting) checkOwners() []Finding {
	var fs []Finding
	for i, e := range m.Plan.Events {
		if e.Checkpoint && e.Owner == "" {
			fs = append(fs, m.planFinding(i, "is a checkpoint without an owner",
				"write kjøper, selger or begge (buyer, seller, both) in its Eier/Owner column: "+
					"someone has to call go or stop"))
		}
	}
	return fs
}

// checkFooterCount reports a footer written by hand whose count of
// checkpoints disagrees with the rows marked *.
func (m *Meeting) checkFooterCount() []Finding {
	said, phrase, ok := footerCount(m.Plan.Footer)
	if !ok || said == m.Plan.Checkpoints() {
		return nil
	}
	lg := m.Language
	n := m.Plan.Checkpoints()
	return []Finding{{SeverityWarning, lg.Label("plan"), m.Plan.Line,
		fmt.Sprintf("the footer says %q, but %d rows are marked *", phrase, n),
		fmt.Sprintf("write %q in the footer, or mark the checkpoints with *",
			lg.Count(n, checkpointNoun(lg, false), checkpointNoun(lg, true)))}}
}

func checkpointNoun(lg lang.Lang, plural bool) string {
	switch {
	case lg == lang.English && plural:
		return "checkpoints"
	case lg == lang.English:
		return "checkpoint"
	case plural:
		return "milepæler"
	}
	return "milepæl"
}

// checkpointStems start the words a footer counts checkpoints with.
var checkpointStems = []string{"milepæl", "checkpoint", "sjekkpunkt", "beslutningspunkt"}

// footerCount finds the first count of checkpoints in a footer, in digits or
// in words of either language ("åtte milepæler", "8 checkpoints"), within
// three words before the noun; "go/no-go" is one word. It returns the count and the words it read.
func footerCount(footer string) (int, string, bool) {
	words := strings.FieldsFunc(strings.ToLower(footer), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != '-'
	})
	for i, w := range words {
		if !hasStem(w) {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if n, ok := countWord(words[j]); ok {
				return n, strings.Join(words[j:i+1], " "), true
			}
		}
		return 0, "", false
	}
	return 0, "", false
}

func hasStem(w string) bool {
	for _, s := range checkpointStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// countWord reads a number in digits or in words, Norwegian or English.
func countWord(w string) (int, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return n, true
	}
	n, ok := numberWords[w]
	return n, ok
}

// numberWords maps the number words of both languages, with the other
// spellings Norwegian allows, to their values. English "no" is left out: a
// footer's "go/no-go checkpoints" is not a count of none.
var numberWords = func() map[string]int {
	words := map[string]int{"en": 1, "ett": 1, "ei": 1, "syv": 7, "tjue": 20,
		"ingen": 0, "twenty": 20}
	for n := 0; n <= 12; n++ {
		words[lang.Norwegian.Number(n)] = n
		words[lang.English.Number(n)] = n
	}
	return words
}()
