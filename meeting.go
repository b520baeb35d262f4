package followup

import (
	"time"

	"followup/lang"
)

// LetterKind says to whom a follow-up letter goes, and so which sections it needs.
type LetterKind string

// The two kinds of follow-up letter.
const (
	SponsorLetter       LetterKind = "sponsor"        // to a person who can give access
	DecisionMakerLetter LetterKind = "decision-maker" // to the person who can say yes
)

// SectionKind names a part of a meeting's notes, in the method's words.
type SectionKind string

// The sections a meeting's notes may have. The progress plan is not among
// them: it is a table, read into [Plan].
const (
	Pain      SectionKind = "pain"       // smerte
	Reasons   SectionKind = "reasons"    // årsak
	Vision    SectionKind = "vision"     // visjon
	Agreement SectionKind = "agreement"  // enighet om å gå videre
	Access    SectionKind = "access"     // kjøpslåing om tilgang
	Proof     SectionKind = "proof"      // forslag til bevisføring
	NextSteps SectionKind = "next-steps" // fremdrift
)

// SectionKinds lists the sections in the order a letter presents them.
var SectionKinds = []SectionKind{Pain, Reasons, Vision, Agreement, Access, Proof, NextSteps}

// Section is one section of a meeting's notes as the seller wrote it: either
// a list of points, which a letter joins into one sentence, or prose, which a
// letter keeps as written.
type Section struct {
	Kind    SectionKind
	Heading string   // the heading as written, for messages
	Line    int      // the heading's line in the notes file; 0 when not from a file
	Items   []string // the points, when the section is a list
	Prose   string   // the text, when the section is prose
}

// IsList reports whether the section was written as a list of points.
func (s Section) IsList() bool { return len(s.Items) > 0 }

// IsEmpty reports whether the section holds no words.
func (s Section) IsEmpty() bool { return len(s.Items) == 0 && s.Prose == "" }

// Person is a named person at a company: the seller or the letter's recipient.
type Person struct {
	Name    string
	Title   string
	Company string
	Address []string // street and postcode lines, recipients only
}

// PlanSpec asks for a plan laid from a template: forwards from Start, or
// backwards from DeliverBy. Exactly one of the two dates is set.
type PlanSpec struct {
	Template  string
	Start     time.Time
	DeliverBy time.Time
}

// Meeting is what a seller recorded of one meeting with a buyer: who was there,
// what the buyer said, section by section, and what happens next. A follow-up
// letter is composed from one Meeting.
//
// Dates are calendar days: midnight UTC, see [workday.Date].
type Meeting struct {
	Letter   LetterKind
	Language lang.Lang
	Date     time.Time // the letter's date
	Held     time.Time // the meeting's date; the letter's date when not given
	Place    string    // where the letter is written, e.g. "Oslo"

	Seller Person
	To     Person
	Deal   string // the deal's title; empty means the organisation's one open deal

	DecisionMaker string // sponsor letters: who the sponsor can give access to
	AccessGranted bool   // sponsor letters: access to the decision-maker was granted

	Participants []string  // who else was in the meeting
	Reviewers    []string  // who reviews the plan with the recipient
	FollowUp     time.Time // the follow-up call; zero when none is planned

	PlanSpec     *PlanSpec // a plan from a template, when asked for
	Plan         *Plan     // the plan, from a table or laid from PlanSpec
	PlanAgreed   time.Time // when the buyer agreed to the plan; zero when not agreed
	AmountAgreed bool      // the buyer agreed to the investment's amount

	Sections []Section // in the order they were written
}

// Section returns the meeting's section of the kind, and whether there is one.
func (m *Meeting) Section(kind SectionKind) (Section, bool) {
	for _, s := range m.Sections {
		if s.Kind == kind {
			return s, true
		}
	}
	return Section{}, false
}
