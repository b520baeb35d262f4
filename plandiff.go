package followup

import (
	"fmt"
	"strings"
)

// ChangeKind says how an event changed from one version of a plan to the next.
type ChangeKind string

// The kinds of change between two versions of a plan.
const (
	EventAdded        ChangeKind = "added"
	EventRemoved      ChangeKind = "removed"
	EventRenamed      ChangeKind = "renamed"
	EventMoved        ChangeKind = "moved"
	CheckpointChanged ChangeKind = "checkpoint"
	OwnerChanged      ChangeKind = "owner"
	OutcomeChanged    ChangeKind = "outcome"
)

// PlanChange is one change to one event. Old is the event in the old
// version and New in the new one; the one that does not exist (for an
// added or removed event) is the zero Event, and its row is 0.
type PlanChange struct {
	Kind           ChangeKind
	Old, New       Event
	OldRow, NewRow int // the event's row in each version, from 1
}

// DiffPlans returns what changed from the older version of a plan to the
// newer one, in the order of the rows.
//
// Events are matched first by their text, ignoring case and spacing, in the
// order of the rows (a longest common subsequence), so an event keeps its
// identity when others are added or removed around it. Between two such
// matches, an old and a new event that share a date are the same event
// renamed; the events left over there are paired by their place, first with
// first, and are renamed (and perhaps moved). What is still left was added
// or removed. A matched pair may change its text, date, checkpoint flag,
// owner and outcome: each is a change of its own.
func DiffPlans(older, newer *Plan) []PlanChange {
	var o, n []Event
	if older != nil {
		o = older.Events
	}
	if newer != nil {
		n = newer.Events
	}

	var changes []PlanChange
	i, j := 0, 0
	for _, a := range anchors(o, n) {
		changes = append(changes, diffGap(o, n, i, a[0], j, a[1])...)
		changes = append(changes, diffPair(o, n, a[0], a[1])...)
		i, j = a[0]+1, a[1]+1
	}
	return append(changes, diffGap(o, n, i, len(o), j, len(n))...)
}

// eventKey is what an event's text is matched by.
func eventKey(e Event) string {
	return strings.Join(strings.Fields(strings.ToLower(e.Text)), " ")
}

// anchors returns the index pairs of the longest common subsequence of the
// two lists of events, matched by their keys.
func anchors(o, n []Event) [][2]int {
	ok, nk := eventKeys(o), eventKeys(n)
	lcs := lcsTable(ok, nk)
	var pairs [][2]int
	for i, j := 0, 0; i < len(o) && j < len(n); {
		switch {
		case ok[i] == nk[j]:
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pairs
}

func eventKeys(events []Event) []string {
	keys := make([]string, len(events))
	for i, e := range events {
		keys[i] = eventKey(e)
	}
	return keys
}

// lcsTable returns the table whose [i][j] is the length of the longest
// common subsequence of a[i:] and b[j:].
func lcsTable(a, b []string) [][]int {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	return lcs
}

// diffGap compares the unmatched events o[i0:i1] and n[j0:j1] between two
// anchors: pairs by date, then by place, and the rest added or removed.
func diffGap(o, n []Event, i0, i1, j0, j1 int) []PlanChange {
	pair := make(map[int]int) // new index to old index
	used := make(map[int]bool)
	for j := j0; j < j1; j++ {
		for i := i0; i < i1; i++ {
			if !used[i] && o[i].Date.Equal(n[j].Date) {
				pair[j], used[i] = i, true
				break
			}
		}
	}
	var leftOld []int
	for i := i0; i < i1; i++ {
		if !used[i] {
			leftOld = append(leftOld, i)
		}
	}
	for j := j0; j < j1 && len(leftOld) > 0; j++ {
		if _, ok := pair[j]; !ok {
			pair[j], used[leftOld[0]] = leftOld[0], true
			leftOld = leftOld[1:]
		}
	}
	return gapChanges(o, n, i0, i1, j0, j1, pair, used)
}

// gapChanges lists a gap's changes in row order: each removed old event
// where it stood, then the new events, paired or added.
func gapChanges(o, n []Event, i0, i1, j0, j1 int, pair map[int]int,
	used map[int]bool) []PlanChange {
	var changes []PlanChange
	for i := i0; i < i1; i++ {
		if !used[i] {
			changes = append(changes, PlanChange{Kind: EventRemoved, Old: o[i], OldRow: i + 1})
		}
	}
	for j := j0; j < j1; j++ {
		if i, ok := pair[j]; ok {
			changes = append(changes, diffPair(o, n, i, j)...)
			continue
		}
		changes = append(changes, PlanChange{Kind: EventAdded, New: n[j], NewRow: j + 1})
	}
	return changes
}

// diffPair returns the changes between two versions of one event.
func diffPair(o, n []Event, i, j int) []PlanChange {
	a, b := o[i], n[j]
	c := PlanChange{Old: a, New: b, OldRow: i + 1, NewRow: j + 1}
	var changes []PlanChange
	add := func(k ChangeKind) {
		c.Kind = k
		changes = append(changes, c)
	}
	if strings.TrimSpace(a.Text) != strings.TrimSpace(b.Text) {
		add(EventRenamed)
	}
	if !a.Date.Equal(b.Date) {
		add(EventMoved)
	}
	if a.Checkpoint != b.Checkpoint {
		add(CheckpointChanged)
	}
	if a.Owner != b.Owner {
		add(OwnerChanged)
	}
	if a.Outcome != b.Outcome {
		add(OutcomeChanged)
	}
	return changes
}

// String describes the change on one line, naming the event by its row,
// its text and its line in the notes file.
func (c PlanChange) String() string {
	switch c.Kind {
	case EventAdded:
		return fmt.Sprintf("added: %s on %s%s", c.name(c.New, c.NewRow), isoDate(c.New),
			checkpointNote(c.New))
	case EventRemoved:
		return fmt.Sprintf("removed: %s, was on %s", c.name(c.Old, c.OldRow), isoDate(c.Old))
	case EventRenamed:
		return fmt.Sprintf("renamed: %s is now %q", c.name(c.Old, c.OldRow), c.New.Text)
	case EventMoved:
		return fmt.Sprintf("moved: %s from %s to %s, %s", c.name(c.New, c.NewRow),
			isoDate(c.Old), isoDate(c.New), dayShift(c.Old, c.New))
	case CheckpointChanged:
		if c.New.Checkpoint {
			return fmt.Sprintf("checkpoint: %s is now a checkpoint", c.name(c.New, c.NewRow))
		}
		return fmt.Sprintf("checkpoint: %s is no longer a checkpoint", c.name(c.New, c.NewRow))
	case OwnerChanged:
		return fmt.Sprintf("owner: %s from %s to %s", c.name(c.New, c.NewRow),
			orNone(string(c.Old.Owner)), orNone(string(c.New.Owner)))
	}
	return fmt.Sprintf("outcome: %s from %s to %s", c.name(c.New, c.NewRow),
		orPending(c.Old.Outcome), orPending(c.New.Outcome))
}

// name names an event by its row, text and line.
func (c PlanChange) name(e Event, row int) string {
	s := fmt.Sprintf("row %d %q", row, e.Text)
	if e.Line > 0 {
		s += fmt.Sprintf(" (line %d)", e.Line)
	}
	return s
}

func isoDate(e Event) string { return e.Date.Format("2006-01-02") }

func checkpointNote(e Event) string {
	if e.Checkpoint {
		return ", a checkpoint"
	}
	return ""
}

// dayShift says how far an event moved in calendar days.
func dayShift(a, b Event) string {
	days := daysBetween(a.Date, b.Date)
	switch {
	case days == 1:
		return "1 day later"
	case days == -1:
		return "1 day earlier"
	case days < 0:
		return fmt.Sprintf("%d days earlier", -days)
	}
	return fmt.Sprintf("%d days later", days)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func orPending(o Outcome) string {
	if o == Pending {
		return "pending"
	}
	return string(o)
}
