package followup

import (
	"strings"
	"time"

	"followup/lang"
	"followup/workday"
)

// RequiredSections returns the sections a letter of the meeting's kind cannot
// be sent without. The bargain for access belongs in a sponsor letter only
// while access to the decision-maker is not yet granted.
func (m *Meeting) RequiredSections() []SectionKind {
	if m.Letter == DecisionMakerLetter {
		return []SectionKind{Pain, Reasons, Vision, Agreement}
	}
	if m.AccessGranted {
		return []SectionKind{Pain, Reasons, Vision, Agreement, Proof}
	}
	return []SectionKind{Pain, Reasons, Vision, Agreement, Access, Proof}
}

// belongsInLetter reports whether a section of the kind is part of the
// meeting's letter. Proof and access never go to a decision-maker: proof
// events live in the plan there, and access is what the meeting was.
func (m *Meeting) belongsInLetter(kind SectionKind) bool {
	switch {
	case m.Letter == DecisionMakerLetter:
		return kind != Access && kind != Proof
	case kind == Access:
		return !m.AccessGranted
	}
	return true
}

// ComposeLetter writes the follow-up letter for a meeting: the opening, each
// section as a sentence or as written, the next steps with the follow-up call,
// and, for a decision-maker, the proposed plan. Sections that are missing are
// left out; [Check] reports them.
func ComposeLetter(m *Meeting) *Letter {
	lg := m.Language
	toPower := m.Letter == DecisionMakerLetter
	l := &Letter{
		Kind:      m.Letter,
		Language:  lg,
		From:      m.Seller,
		To:        m.To,
		PlaceDate: lg.PlaceDate(m.Place, m.Date),
		Opening: lg.Opening(lang.Opening{
			ToDecisionMaker: toPower,
			SellerCompany:   m.Seller.Company,
			Others:          m.Participants,
			Held:            m.held(),
			Date:            m.Date,
		}),
		Closing: lg.Closing(),
		Parts:   m.composeParts(),
	}
	if toPower && m.Plan != nil {
		l.Plan = ComposePlanTable(m.Plan, lg, m.To.Company, !m.PlanAgreed.IsZero(),
			m.FollowUp, m.Date)
	}
	return l
}

// composeParts writes the parts of the letter: each section that belongs in
// it, in the method's order, and the next steps. A letter without any has
// none.
func (m *Meeting) composeParts() []LetterPart {
	// Room for a part a section, and the next steps, in one allocation.
	parts := make([]LetterPart, 0, min(len(m.Sections)+1, len(SectionKinds)))
	for _, kind := range SectionKinds {
		if kind == NextSteps || !m.belongsInLetter(kind) {
			continue
		}
		if s, ok := m.Section(kind); ok && !s.IsEmpty() {
			parts = append(parts, m.composePart(s))
		}
	}
	if next, ok := m.composeNextSteps(); ok {
		parts = append(parts, next)
	}
	if len(parts) == 0 {
		return nil
	}
	return parts
}

// composePart turns one section into a part of the letter: a list becomes
// one sentence under the section's lead-in, prose stays as written.
func (m *Meeting) composePart(s Section) LetterPart {
	lg := m.Language
	text := s.Prose
	if s.IsList() {
		text = lg.ListSentence(string(s.Kind), m.Letter == DecisionMakerLetter, s.Items)
	}
	return LetterPart{Kind: s.Kind, Label: lg.Label(string(s.Kind)), Text: text}
}

// composeNextSteps writes the next-steps part. To a decision-maker it always
// introduces the plan, names the reviewers and the call; to a sponsor it holds
// the seller's own words and the call, when there are any.
func (m *Meeting) composeNextSteps() (LetterPart, bool) {
	lg := m.Language
	part := LetterPart{Kind: NextSteps, Label: lg.Label(string(NextSteps))}
	var room [2]string
	paragraphs := room[:0]
	if s, ok := m.Section(NextSteps); ok && !s.IsEmpty() {
		paragraphs = append(paragraphs, m.composePart(s).Text)
	}

	switch {
	case m.Letter == DecisionMakerLetter && m.Plan != nil:
		paragraphs = append(paragraphs, lg.PlanIntro(m.Reviewers, m.FollowUp, m.Date))
	case !m.FollowUp.IsZero():
		paragraphs = append(paragraphs, lg.CallSentence(m.FollowUp, m.Date))
	}
	if len(paragraphs) == 0 {
		return part, false
	}
	part.Text = strings.Join(paragraphs, "\n\n")
	return part, true
}

// ComposePlanTable lays a plan out for reading in the language: each event
// with its ISO week, short date, checkpoint mark and owner, under a title for
// the buyer's company and over a footer that counts the checkpoints in words
// and names the follow-up call, unless the seller wrote a footer of their own.
func ComposePlanTable(p *Plan, lg lang.Lang, company string, agreed bool,
	call, letterDate time.Time) *PlanTable {
	t := &PlanTable{
		Title:   p.Title,
		Label:   lg.Label("plan"),
		Columns: lg.PlanColumns(),
		Rows:    make([][]string, len(p.Events)),
		Footer:  p.Footer, // the seller's own words; the checks compare its count with the rows
	}
	if t.Title == "" {
		t.Title = lg.PlanTitle(company, agreed)
	}
	if t.Footer == "" {
		t.Footer = lg.PlanFooter(p.Checkpoints(), call, letterDate)
	}

	// The rows share one array of cells: a plan costs a few allocations, not
	// one a row.
	cells := make([]string, planColumns*len(p.Events))
	for i, e := range p.Events {
		_, week := workday.ISOWeek(e.Date)
		mark := ""
		if e.Checkpoint {
			mark = "*"
		}
		row := cells[i*planColumns : (i+1)*planColumns : (i+1)*planColumns]
		row[0], row[1], row[2] = e.Text, lg.Week(week), lg.ShortDate(e.Date)
		row[3], row[4] = mark, lg.Owner(string(e.Owner))
		t.Rows[i] = row
	}
	return t
}

// planColumns is the number of columns of a composed plan: event, week, date,
// checkpoint and owner.
const planColumns = 5

// held returns the meeting's date, which defaults to the letter's.
func (m *Meeting) held() time.Time {
	if m.Held.IsZero() {
		return m.Date
	}
	return m.Held
}
