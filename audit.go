package followup

import (
	"context"
	"time"
)

// AuditEntry is one change in the audit log: who made it, when, to what, and
// the record before and after as JSON (empty for a creation's before).
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64  // the user who made it; 0 when it was not a signed-in user
	Actor    string // a name for people: the user's name, or e.g. "import"
	Entity   string // e.g. "deal", "letter", "follow_up"
	EntityID int64
	Action   string // e.g. "create", "update", "sent", "move"
	Before   string
	After    string
}

// AuditFilter narrows a read of the audit log. Zero fields match every entry.
type AuditFilter struct {
	Entity   string
	EntityID int64
	Limit    int // 0 means no limit
}

// Actor is who makes a change, as the audit log records it.
type Actor struct {
	UserID int64
	Name   string
}

type actorKey struct{}

// NewContextWithActor returns a context that makes every change under it
// recorded as made by a.
func NewContextWithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFromContext returns the context's actor, or "system" when it has none.
func ActorFromContext(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Actor{Name: "system"}
}

// Keys of the settings that followup itself reads.
const (
	SettingLetterhead         = "letterhead"          // the sender's letterhead, as text
	SettingStageProbabilities = "stage_probabilities" // grade to percent, as JSON
	SettingStalledDays        = "stalled_days"        // days overdue before a deal is stalled
)

// Snapshot is every row of a database as plain values, for export and for
// import into an empty database. Children travel inside their parents:
// a meeting's sections, a plan's events, a follow-up's moves.
type Snapshot struct {
	Teams            []*Team
	Users            []*User
	Organisations    []*Organisation
	Contacts         []*Contact
	Deals            []*Deal
	Meetings         []*MeetingRecord
	Letters          []*LetterRecord
	Plans            []*PlanVersion
	FollowUps        []*FollowUp
	ReferenceStories []*ReferenceStory
	ProofItems       []*ProofItem
	Quotes           []*Quote
	ValueItems       []*ValueItem
	Settings         map[string]string
	Audit            []*AuditEntry
}
