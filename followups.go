package followup

import (
	"fmt"
	"strings"
	"time"
)

// FollowUpKind says how the seller follows up.
type FollowUpKind string

// The kinds of follow-up.
const (
	FollowUpCall    FollowUpKind = "call"
	FollowUpMail    FollowUpKind = "mail"
	FollowUpMeeting FollowUpKind = "meeting"
)

// FollowUp is a call, mail or meeting a seller owes a deal by a due date.
// It is open until it is done with an outcome; it can be moved with a reason.
type FollowUp struct {
	ID        int64
	DealID    int64
	OwnerID   int64 // the seller who does it
	Kind      FollowUpKind
	Due       time.Time // a calendar day
	Purpose   string    // what it is for, e.g. "hear whether the letter is right"
	Source    string    // what made it, see [LetterSource]; empty when added by hand
	DoneAt    time.Time // zero while open
	Outcome   string    // e.g. "letter confirmed", "no answer"
	CreatedAt time.Time
	Moves     []FollowUpMove // oldest first
}

// Open reports whether the follow-up is still to be done.
func (f *FollowUp) Open() bool { return f.DoneAt.IsZero() }

// Validate checks the follow-up's fields.
func (f *FollowUp) Validate() error {
	switch {
	case f.DealID == 0:
		return Errorf(EINVALID, "a follow-up needs a deal")
	case f.OwnerID == 0:
		return Errorf(EINVALID, "a follow-up needs an owner: the seller who does it")
	case f.Kind != FollowUpCall && f.Kind != FollowUpMail && f.Kind != FollowUpMeeting:
		return Errorf(EINVALID, "follow-up kind %q is unknown: use call, mail or meeting", f.Kind)
	case f.Due.IsZero():
		return Errorf(EINVALID, "a follow-up needs a due date")
	case strings.TrimSpace(f.Purpose) == "":
		return Errorf(EINVALID, "a follow-up needs a purpose: say what it is for")
	}
	return nil
}

// LetterSource returns the [FollowUp.Source] of a follow-up scheduled by
// sending the letter with the id.
func LetterSource(letterID int64) string { return fmt.Sprintf("letter:%d", letterID) }

// FollowUpMove records that a follow-up was moved from one day to another.
type FollowUpMove struct {
	ID      int64
	From    time.Time
	To      time.Time
	Reason  string
	MovedAt time.Time
}

// AgendaQuery asks for one seller's agenda on one day.
type AgendaQuery struct {
	SellerID int64     // 0 means every seller
	Date     time.Time // the day; follow-ups due before it are overdue
}

// Agenda is what a seller has to do on a day: the open follow-ups due that
// day or before, oldest first, and the open deals that have no open follow-up.
type Agenda struct {
	Date      time.Time
	Due       []AgendaItem
	Unplanned []*Deal
}

// AgendaItem is one open follow-up on an agenda, with the names to show.
type AgendaItem struct {
	FollowUp     *FollowUp // without its moves
	DealTitle    string
	Organisation string
	Overdue      bool // due before the agenda's day
}
