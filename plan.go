package followup

import "time"

// Owner says who carries out a plan event.
type Owner string

// The owners of plan events.
const (
	Buyer  Owner = "buyer"
	Seller Owner = "seller"
	Both   Owner = "both"
)

// EventKind says what a plan event is for. The quote gate and the checks
// reason about kinds, not about the words of an event.
type EventKind string

// The kinds of plan event.
const (
	Interview EventKind = "interview"
	ProofStep EventKind = "proof"
	Cost      EventKind = "cost"
	Value     EventKind = "value"
	Decision  EventKind = "decision"
	Delivery  EventKind = "delivery"
	Other     EventKind = "other"
)

// Outcome is what came of a checkpoint: go on, or stop the deal.
type Outcome string

// The outcomes of a checkpoint. The zero value means it has not happened yet.
const (
	Pending Outcome = ""
	Go      Outcome = "go"
	Stop    Outcome = "stop"
)

// Event is one dated step of a progress plan.
type Event struct {
	Text         string
	Date         time.Time
	Checkpoint   bool // either side may stop after it (marked * in the plan)
	Owner        Owner
	Kind         EventKind
	KindInferred bool // Kind was guessed from Text; shown so the seller can correct it
	Outcome      Outcome
	Note         string
	Line         int // the row's line in the notes file; 0 when not from a file
}

// Plan is a progress plan (fremdriftsplan): dated events from today to delivery.
type Plan struct {
	Title  string  // e.g. "Utkast til fremdriftsplan for ABC AS"; may be empty
	Events []Event // in date order as written
	Footer string  // a footer written by hand under the table, if any
	Line   int     // the plan heading's line in the notes file
}

// Checkpoints counts the plan's checkpoints.
func (p *Plan) Checkpoints() int {
	n := 0
	for _, e := range p.Events {
		if e.Checkpoint {
			n++
		}
	}
	return n
}
