package followup

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"followup/lang"
)

// MeetingRecord is a stored meeting: its notes by section, and the notes file
// it was imported from, kept so that importing the same file again changes
// nothing.
type MeetingRecord struct {
	ID           int64
	DealID       int64
	Held         time.Time // the meeting's date
	Letter       LetterKind
	Language     lang.Lang
	Place        string
	Participants []string
	Sections     []Section // in the order they were written
	NotesFile    string    // the notes file's text as imported; empty when typed in
	NotesHash    string    // [NotesHash] of NotesFile; empty when there is none
	CreatedAt    time.Time
}

// Validate checks the meeting's fields and fills in the hash of its notes file.
func (m *MeetingRecord) Validate() error {
	switch {
	case m.DealID == 0:
		return Errorf(EINVALID, "a meeting needs a deal")
	case m.Held.IsZero():
		return Errorf(EINVALID, "a meeting needs the date it was held")
	case m.Letter != SponsorLetter && m.Letter != DecisionMakerLetter:
		return Errorf(EINVALID, "letter kind %q is unknown: use sponsor or decision-maker",
			m.Letter)
	case m.Language != lang.Norwegian && m.Language != lang.English:
		return Errorf(EINVALID, "language %q is unknown: use nb or en", m.Language)
	}
	if m.NotesFile != "" && m.NotesHash == "" {
		m.NotesHash = NotesHash(m.NotesFile)
	}
	return nil
}

// SearchText returns the words of the meeting's notes as one text, the way
// full-text search indexes them.
func (m *MeetingRecord) SearchText() string {
	var b strings.Builder
	for _, s := range m.Sections {
		for _, it := range s.Items {
			b.WriteString(it)
			b.WriteString("\n")
		}
		if s.Prose != "" {
			b.WriteString(s.Prose)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// NotesHash returns the hex SHA-256 of a notes file's text: the same file
// gives the same hash, so a second import can find the first.
func NotesHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// MeetingHit is one meeting found by a full-text search.
type MeetingHit struct {
	MeetingID int64
	DealID    int64
	Held      time.Time
	DealTitle string
}

// LetterStatus is where a letter is on its way to the buyer's agreement.
type LetterStatus string

// The statuses of letters.
const (
	LetterDraft     LetterStatus = "draft"
	LetterSent      LetterStatus = "sent"
	LetterConfirmed LetterStatus = "confirmed" // the buyer agreed it says what was said
	LetterDisputed  LetterStatus = "disputed"  // the buyer asked for changes
)

// CanBecome returns nil when a letter of status s may be marked next, and an
// [ECONFLICT] error saying why not otherwise. A draft is sent first; the buyer
// then confirms or disputes it, and a disputed letter may still be confirmed.
func (s LetterStatus) CanBecome(next LetterStatus) error {
	ok := false
	switch next {
	case LetterSent:
		ok = s == LetterDraft
	case LetterConfirmed:
		ok = s == LetterSent || s == LetterDisputed
	case LetterDisputed:
		ok = s == LetterSent
	}
	if ok {
		return nil
	}
	if s == LetterDraft {
		return Errorf(ECONFLICT, "the letter is a draft: mark it sent before it is %s", next)
	}
	return Errorf(ECONFLICT, "the letter is already %s: it cannot be marked %s", s, next)
}

// LetterRecord is a stored letter: the text as rendered for the buyer and
// where it is on its way.
type LetterRecord struct {
	ID          int64
	DealID      int64
	MeetingID   int64 // the meeting it was composed from; 0 when none
	Kind        LetterKind
	Language    lang.Lang
	Version     int // 1 for the first letter of a meeting, counted by the store
	Status      LetterStatus
	Text        string // the buyer's letter, as sent
	CreatedAt   time.Time
	SentAt      time.Time
	ConfirmedAt time.Time
	DisputedAt  time.Time
	DisputeNote string // what the buyer asked to change
}

// Validate checks the letter's fields; a new letter is a draft.
func (l *LetterRecord) Validate() error {
	if l.Status == "" {
		l.Status = LetterDraft
	}
	switch {
	case l.DealID == 0:
		return Errorf(EINVALID, "a letter needs a deal")
	case l.Kind != SponsorLetter && l.Kind != DecisionMakerLetter:
		return Errorf(EINVALID, "letter kind %q is unknown: use sponsor or decision-maker", l.Kind)
	case l.Language != lang.Norwegian && l.Language != lang.English:
		return Errorf(EINVALID, "language %q is unknown: use nb or en", l.Language)
	case l.Status != LetterDraft:
		return Errorf(EINVALID, "a new letter is a draft, not %s", l.Status)
	case strings.TrimSpace(l.Text) == "":
		return Errorf(EINVALID, "the letter has no text")
	}
	return nil
}

// PlanVersion is one version of a deal's progress plan. Each change by the
// buyer makes a new version; the buyer agrees to one.
type PlanVersion struct {
	ID        int64
	DealID    int64
	MeetingID int64 // the meeting it came with; 0 when none
	Version   int   // 1, 2, ... per deal, counted by the store
	Plan      Plan  // events in order; Line fields are not stored
	CreatedAt time.Time
	AgreedAt  time.Time // zero while not agreed
}

// Validate checks the plan version's fields.
func (p *PlanVersion) Validate() error {
	if p.DealID == 0 {
		return Errorf(EINVALID, "a plan needs a deal")
	}
	if len(p.Plan.Events) == 0 {
		return Errorf(EINVALID, "the plan has no events: add at least the decision and delivery")
	}
	for i, e := range p.Plan.Events {
		if strings.TrimSpace(e.Text) == "" || e.Date.IsZero() {
			return Errorf(EINVALID, "plan event %d needs a text and a date", i+1)
		}
	}
	return nil
}

// ProofKind says how a claim is proved to the buyer.
type ProofKind string

// The kinds of proof.
const (
	ProofReferenceCall ProofKind = "reference-call"
	ProofSiteVisit     ProofKind = "site-visit"
	ProofWorkshop      ProofKind = "workshop"
	ProofDemo          ProofKind = "demo"
	ProofTrial         ProofKind = "trial"
	ProofOther         ProofKind = "other"
)

// ProofKinds lists every kind of proof.
var ProofKinds = []ProofKind{
	ProofReferenceCall, ProofSiteVisit, ProofWorkshop, ProofDemo, ProofTrial, ProofOther,
}

// ProofItem is one piece of proof offered on a deal, such as a call with a
// named person at a reference customer on a given day.
type ProofItem struct {
	ID          int64
	DealID      int64
	Kind        ProofKind
	Description string
	Who         string    // the person who gives the proof, e.g. the reference's contact
	Customer    string    // the reference customer, when there is one
	ReferenceID int64     // the reference story used; 0 when none
	Date        time.Time // when it happens; zero when not yet set
	Outcome     string    // what came of it; empty until it happened
	CreatedAt   time.Time
}

// Validate checks the proof item's fields.
func (p *ProofItem) Validate() error {
	if p.DealID == 0 {
		return Errorf(EINVALID, "a proof item needs a deal")
	}
	for _, k := range ProofKinds {
		if p.Kind == k {
			return nil
		}
	}
	return Errorf(EINVALID, "proof kind %q is unknown: use reference-call, site-visit, "+
		"workshop, demo, trial or other", p.Kind)
}

// Quote is a priced offer recorded on a deal: through the quote gate, or past
// it by a manager's override.
type Quote struct {
	ID             int64
	DealID         int64
	Amount         int64 // in øre
	QuotedAt       time.Time
	OverrideReason string // why a manager let it out before the gate opened
	OverrideBy     int64  // the manager; 0 when the gate was open
	CreatedAt      time.Time
}

// Premature reports whether the quote went out by override, before the buyer
// had agreed to everything.
func (q *Quote) Premature() bool { return q.OverrideBy != 0 }

// Validate checks the quote's fields.
func (q *Quote) Validate() error {
	switch {
	case q.DealID == 0:
		return Errorf(EINVALID, "a quote needs a deal")
	case q.Amount <= 0:
		return Errorf(EINVALID, "the quote's amount must be above 0 øre")
	case q.QuotedAt.IsZero():
		return Errorf(EINVALID, "the quote needs the time it was given")
	case (q.OverrideBy == 0) != (strings.TrimSpace(q.OverrideReason) == ""):
		return Errorf(EINVALID, "an override needs both the manager and a written reason")
	}
	return nil
}
