package followup

import (
	"regexp"
	"strings"
)

// The rules below say what a meeting's notes tell about the buyer's people
// and the proof on offer, so that importing the notes keeps the deal's
// contacts and proof items in step with what the seller wrote.

// RecipientRole returns the buying role of a letter's recipient: a sponsor
// letter goes to a sponsor, a decision-maker letter to the decision-maker.
func RecipientRole(k LetterKind) BuyingRole {
	if k == DecisionMakerLetter {
		return BuyingDecisionMaker
	}
	return BuyingSponsor
}

// NamedContact is a person at the buyer whom a meeting's notes name, with
// the buying role the notes give them.
type NamedContact struct {
	Name      string
	Title     string
	Role      BuyingRole // BuyingUnknown when the notes only say they took part
	AccessTo  string     // the person they can give access to; "" when none
	Recipient bool       // the letter goes to them: the notes give their title in full
}

// TitleFor returns the title a stored contact gets from the notes: the
// recipient block's title replaces the stored one, while a title given in
// passing (the decision-maker a sponsor names, a participant) only fills
// in a title that is missing. A title that differs only in case is kept, so
// that importing two letters by turns does not flip it back and forth.
func (c NamedContact) TitleFor(stored string) string {
	switch {
	case c.Title == "" || strings.EqualFold(c.Title, stored):
		return stored
	case c.Recipient || stored == "":
		return c.Title
	}
	return stored
}

// MeetingContacts returns the people at the buyer whom the notes name, each
// once and in this order: the recipient, the decision-maker a sponsor letter
// names (the recipient gives access to them), then the participants and the
// reviewers. The seller is left out: the seller is no contact of the buyer.
func MeetingContacts(m *Meeting) []NamedContact {
	var all []NamedContact
	to := NamedContact{Name: m.To.Name, Title: m.To.Title, Role: RecipientRole(m.Letter),
		Recipient: true}
	if m.Letter == SponsorLetter && m.DecisionMaker != "" {
		name, title := SplitNameTitle(m.DecisionMaker)
		to.AccessTo = name
		all = append(all, to, NamedContact{Name: name, Title: title, Role: BuyingDecisionMaker})
	} else {
		all = append(all, to)
	}
	for _, p := range append(append([]string(nil), m.Participants...), m.Reviewers...) {
		name, title := SplitNameTitle(p)
		all = append(all, NamedContact{Name: name, Title: title})
	}

	seen := map[string]bool{OrganisationKey(m.Seller.Name): true, "": true}
	unique := all[:0]
	for _, c := range all {
		if key := OrganisationKey(c.Name); !seen[key] {
			seen[key] = true
			unique = append(unique, c)
		}
	}
	return unique
}

// SplitNameTitle splits a person as notes write one, "Ole Olsen, daglig
// leder", into the name and the title; without a comma it is all name.
func SplitNameTitle(s string) (name, title string) {
	name, title, _ = strings.Cut(s, ",")
	return strings.Join(strings.Fields(name), " "), strings.TrimSpace(title)
}

// MergeBuyingRole returns the role a stored contact gets when notes name
// them with a role: a role the notes state wins, and notes that only list
// the person as present keep the stored role.
func MergeBuyingRole(stored, named BuyingRole) BuyingRole {
	if named == BuyingUnknown {
		return stored
	}
	return named
}

// ProofFromNotes returns the proof item that a sponsor letter's proof
// section offers: its kind read from the words, the person and reference
// customer when the text names them, and the day a weekday and date in the
// text points to. It returns nil for a decision-maker letter, whose proof
// lives in the plan, and for notes without a proof section.
func ProofFromNotes(m *Meeting) *ProofItem {
	s, ok := m.Section(Proof)
	if m.Letter != SponsorLetter || !ok || s.IsEmpty() {
		return nil
	}
	text := strings.Join(sectionTexts(s), " ")
	p := &ProofItem{Kind: ProofKindOf(text), Description: strings.Join(sectionTexts(s), "\n")}
	p.Who, p.Customer = proofParties(text)
	for _, ref := range findDateRefs(text) {
		if d, ok := ref.resolve(m.held()); ok {
			p.Date = d
			break
		}
	}
	return p
}

// proofWords are the words that tell the kinds of proof apart, the more
// particular kinds first: "visit the reference and talk to them" is a visit.
var proofWords = []struct {
	kind  ProofKind
	words *regexp.Regexp
}{
	{ProofSiteVisit, regexp.MustCompile(`(?i)besøk|visit`)},
	{ProofWorkshop, regexp.MustCompile(`(?i)workshop|arbeidsmøte`)},
	{ProofDemo, regexp.MustCompile(`(?i)\bdemo|demonstr`)},
	{ProofTrial, regexp.MustCompile(`(?i)prøveperiode|\bpilot|\btrial|\bprøve ut`)},
	{ProofReferenceCall, regexp.MustCompile(`(?i)referanse|reference|snakke|ringe|samtale|` +
		`telefon|\btalk|\bspeak|\bcall`)},
}

// ProofKindOf reads the kind of proof a text describes; [ProofOther] when
// its words name none.
func ProofKindOf(text string) ProofKind {
	for _, pw := range proofWords {
		if pw.words.MatchString(text) {
			return pw.kind
		}
	}
	return ProofOther
}

// A company as notes name one: capitalised words ending in a company form,
// and a person: two or three capitalised words just before it, with an
// optional title between commas ("Kasper Kaspersen, sales director, at").
var (
	companyName = `((?:\p{Lu}[\p{L}\d&.-]*\s+){1,4}(?:AS|ASA|ANS|DA|SA|AB|Ltd|Inc|GmbH|Oy)\b)`
	proofParty  = regexp.MustCompile(`(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})` +
		`(?:,[^,.;]{1,60},?)?\s+(?:i|hos|fra|på|at|from|of|in)\s+` + companyName)
	companyOnly = regexp.MustCompile(companyName)
)

// proofParties finds the person who gives the proof and their company.
func proofParties(text string) (who, customer string) {
	if g := proofParty.FindStringSubmatch(text); g != nil {
		return g[1], strings.Join(strings.Fields(g[2]), " ")
	}
	if g := companyOnly.FindStringSubmatch(text); g != nil {
		return "", strings.Join(strings.Fields(g[1]), " ")
	}
	return "", ""
}
