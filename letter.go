package followup

import "followup/lang"

// Letter is a follow-up letter composed from one meeting's notes: every
// sentence is written, every date formatted, ready to render as text,
// Markdown or HTML. Renderers add layout, never words.
type Letter struct {
	Kind      LetterKind
	Language  lang.Lang
	From      Person // the seller: letterhead and signature
	To        Person // the recipient block
	PlaceDate string // e.g. "Oslo, 10.01.2002"
	Opening   string // thanks for the meeting and says what the letter is for
	Parts     []LetterPart
	Plan      *PlanTable // decision-maker letters: the proposed plan, after the parts
	Closing   string     // "Med vennlig hilsen" or "Kind regards"
}

// LetterPart is one section of a letter. The buyer's letter shows only Text;
// the annotated letter shows Label above it.
type LetterPart struct {
	Kind  SectionKind
	Label string // the method's name for the section, in the letter's language
	Text  string // paragraphs separated by a blank line
}

// PlanTable is a progress plan laid out for reading: every cell already
// written in the plan's language ("uke 7", "13. feb.", "*", "begge").
type PlanTable struct {
	Title   string // e.g. "Utkast til fremdriftsplan for ABC AS"
	Label   string // the method's name, for annotated letters
	Columns []string
	Rows    [][]string
	Footer  string // the checkpoint count and the next call, in words
}
