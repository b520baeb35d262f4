package lang

import (
	"bytes"
	"strings"
	"time"
)

// This file holds the default phrases of followup's letters: the words a
// seller would otherwise type after every meeting. Sections are named by the
// domain's section keys ("pain", "reasons", ...), since lang knows nothing of
// the domain.

// phrasebook is one language's fixed phrases.
type phrasebook struct {
	labels         [numKeys]string // by section key, and the plan's
	sponsorLeadIns [numKeys]string
	powerLeadIns   [numKeys]string
	closing        string
	owners         [numOwners]string // buyer, seller, both
	planColumns    []string

	// Sentences with {} holes, filled in order by fill.
	openSponsor, openPower   string // when, with, (seller's company)
	meetingWith              string // " med {}" : who else was in the meeting
	meetingYou               string // the recipient among them, or "" to leave out
	today, yesterday, onDate string // when the meeting was; onDate holds a date
	callDay, callDate        string // "den {}" for a day of this month, another date
	callSentence             string // day
	planIntro                string
	reviewAndCall, review    string // who, (day)
	you                      string // the recipient as subject
	checkpoint, checkpoints  string
	footerCount, footerNone  string // count
	footerDraft, footerCall  string // (day)
	planTitle, planTitleOK   string // company
}

var norwegian = phrasebook{
	labels: [numKeys]string{
		keyPain:      "Smerte",
		keyReasons:   "Årsak",
		keyVision:    "Visjon",
		keyAgreement: "Enighet om å gå videre",
		keyAccess:    "Kjøpslåing om tilgang",
		keyProof:     "Forslag til bevisføring",
		keyNextSteps: "Fremdrift",
		keyPlan:      "Fremdriftsplan",
	},
	sponsorLeadIns: [numKeys]string{
		keyPain:      "du fortalte meg at ",
		keyReasons:   "som årsaker pekte du på at ",
		keyVision:    "du sa at du trenger ",
		keyAgreement: "vi ble enige om at ",
		keyAccess:    "du nevnte at ",
		keyProof:     "for å vise at det vi sier holder, foreslår jeg ",
		keyNextSteps: "videre foreslår jeg ",
	},
	powerLeadIns: [numKeys]string{
		keyPain:      "i møtet bekreftet du at ",
		keyReasons:   "du bekreftet at årsakene er at ",
		keyVision:    "du sa at dere trenger ",
		keyAgreement: "vi er enige om at ",
		keyAccess:    "du nevnte at ",
		keyProof:     "for å vise at det vi sier holder, foreslår jeg ",
		keyNextSteps: "i tillegg foreslår jeg ",
	},
	closing:     "Med vennlig hilsen",
	owners:      [numOwners]string{ownerBuyer: "kjøper", ownerSeller: "selger", ownerBoth: "begge"},
	planColumns: []string{"Begivenhet", "Uke", "Dato", "Milepæl", "Eier"},

	openSponsor: "Takk for møtet {}{} og for interessen for {}. I dette brevet oppsummerer jeg " +
		"hvordan jeg forsto møtet, og foreslår hvordan vi kan gå videre.",
	openPower: "Takk for møtet {}{}. Nedenfor oppsummerer jeg det vi kom fram til, og foreslår " +
		"en plan for veien videre.",
	meetingWith:   " med {}",
	meetingYou:    "deg",
	today:         "i dag",
	yesterday:     "i går",
	onDate:        "{}",
	callDay:       "{}",
	callDate:      "den {}",
	callSentence:  "Jeg ringer deg {} for å høre hva du synes.",
	planIntro:     "Basert på det vi er enige om, foreslår jeg fremdriftsplanen nedenfor.",
	reviewAndCall: " Kan {} se gjennom den, så ringer jeg deg {} for å høre hva dere synes.",
	review:        " Kan {} se gjennom den?",
	you:           "du",
	checkpoint:    "milepæl",
	checkpoints:   "milepæler",
	footerCount: "Ved {} (merket med *) kan begge parter vurdere om vi skal gå videre eller " +
		"avslutte.",
	footerNone:  "Planen har ingen milepæler ennå.",
	footerDraft: " Dette er et første utkast.",
	footerCall:  " Dette er et første utkast, og jeg ringer deg {} for å følge opp.",
	planTitle:   "Utkast til fremdriftsplan for {}",
	planTitleOK: "Fremdriftsplan for {}",
}

var english = phrasebook{
	labels: [numKeys]string{
		keyPain:      "Pain",
		keyReasons:   "Reasons",
		keyVision:    "Vision",
		keyAgreement: "Agreement to proceed",
		keyAccess:    "Bargain for access",
		keyProof:     "Proposed proof",
		keyNextSteps: "Next steps",
		keyPlan:      "Progress plan",
	},
	sponsorLeadIns: [numKeys]string{
		keyPain:      "you told me that ",
		keyReasons:   "the reasons you gave were that ",
		keyVision:    "you said that you need ",
		keyAgreement: "we agreed that ",
		keyAccess:    "you mentioned that ",
		keyProof:     "to show that what we say holds, I propose ",
		keyNextSteps: "as next steps, I propose ",
	},
	powerLeadIns: [numKeys]string{
		keyPain:      "in our meeting you confirmed that ",
		keyReasons:   "you confirmed that the reasons are that ",
		keyVision:    "you said that you need ",
		keyAgreement: "we agree that ",
		keyAccess:    "you mentioned that ",
		keyProof:     "to show that what we say holds, I propose ",
		keyNextSteps: "in addition, I propose ",
	},
	closing:     "Kind regards",
	owners:      [numOwners]string{ownerBuyer: "buyer", ownerSeller: "seller", ownerBoth: "both"},
	planColumns: []string{"Event", "Week", "Date", "Checkpoint", "Owner"},

	openSponsor: "Thank you for the meeting {}{} and for your interest in {}. In this letter I " +
		"sum up how I understood our meeting and propose how we can move on.",
	openPower: "Thank you for the meeting {}{}. Below I sum up what we agreed and propose a " +
		"plan for the way ahead.",
	meetingWith:   " with {}",
	today:         "today",
	yesterday:     "yesterday",
	onDate:        "on {}",
	callDay:       "on {}",
	callDate:      "on {}",
	callSentence:  "I will call you {} to hear what you think.",
	planIntro:     "Based on what we agreed, I propose the progress plan below.",
	reviewAndCall: " Could {} look it over? I will call you {} to hear what you think.",
	review:        " Could {} look it over?",
	you:           "you",
	checkpoint:    "checkpoint",
	checkpoints:   "checkpoints",
	footerCount:   "At {} (marked *) either side can decide whether to go on or stop.",
	footerNone:    "The plan has no checkpoints yet.",
	footerDraft:   " This is a first draft.",
	footerCall:    " This is a first draft; I will call you {} to follow up.",
	planTitle:     "Draft progress plan for {}",
	planTitleOK:   "Progress plan for {}",
}

// The keys of a phrasebook's tables: the sections, as the domain names them,
// and the plan.
const (
	keyPain      = iota // "pain"
	keyReasons          // "reasons"
	keyVision           // "vision"
	keyAgreement        // "agreement"
	keyAccess           // "access"
	keyProof            // "proof"
	keyNextSteps        // "next-steps"
	keyPlan             // "plan"
	numKeys
)

// key returns the key of a section's name in a phrasebook's tables. A switch
// finds it faster than a map.
func key(section string) (int, bool) {
	switch section {
	case "pain":
		return keyPain, true
	case "reasons":
		return keyReasons, true
	case "vision":
		return keyVision, true
	case "agreement":
		return keyAgreement, true
	case "access":
		return keyAccess, true
	case "proof":
		return keyProof, true
	case "next-steps":
		return keyNextSteps, true
	case "plan":
		return keyPlan, true
	}
	return 0, false
}

// The owners of a plan's events, in a phrasebook's table.
const (
	ownerBuyer = iota
	ownerSeller
	ownerBoth
	numOwners
)

func (l Lang) book() *phrasebook {
	if l.usesEnglish() {
		return &english
	}
	return &norwegian
}

// Label returns the method's name for a section ("Smerte", "Pain"), shown in
// annotated letters. An unknown key comes back unchanged.
func (l Lang) Label(section string) string {
	if k, ok := key(section); ok {
		return l.book().labels[k]
	}
	return section
}

// LeadIn returns the words that turn a section's list of points into one
// sentence, in second person: what the sponsor told the seller, or what the
// decision-maker confirmed. It is lower-case; the sentence's first letter is
// raised where it is used. An unknown key gives "".
func (l Lang) LeadIn(section string, toDecisionMaker bool) string {
	k, ok := key(section)
	switch {
	case !ok:
		return ""
	case toDecisionMaker:
		return l.book().powerLeadIns[k]
	}
	return l.book().sponsorLeadIns[k]
}

// ListSentence composes a section written as points into one sentence: the
// lead-in, the points joined, and a full stop.
func (l Lang) ListSentence(section string, toDecisionMaker bool, items []string) string {
	var buf [512]byte // room for the longest of usual sentences
	b := append(buf[:0], l.LeadIn(section, toDecisionMaker)...)
	b = l.appendJoin(b, items)
	return string(endSentence(upperFirst(b)))
}

// EndSentence adds a full stop unless s already ends a sentence.
func EndSentence(s string) string {
	s = strings.TrimSpace(s)
	if !needsStop(s) {
		return s
	}
	return s + "."
}

// endSentence is [EndSentence] on the bytes of a sentence being written.
func endSentence(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if !needsStop(b) {
		return b
	}
	return append(b, '.')
}

// needsStop reports whether the trimmed text s wants a full stop at its end.
func needsStop[T string | []byte](s T) bool {
	return len(s) > 0 && strings.IndexByte(".!?:", s[len(s)-1]) < 0
}

// Closing returns the words above the signature, without a comma:
// "Med vennlig hilsen" or "Kind regards".
func (l Lang) Closing() string { return l.book().closing }

// PlaceDate returns the letter's place and date line: "Oslo, 10.01.2002".
func (l Lang) PlaceDate(place string, date time.Time) string {
	if place == "" {
		return l.Date(date)
	}
	var buf [64]byte
	b := append(buf[:0], place...)
	b = append(b, ", "...)
	return string(l.appendDate(b, date))
}

// Opening is what the first paragraph of a letter is made from.
type Opening struct {
	ToDecisionMaker bool
	SellerCompany   string
	Others          []string  // the other people in the meeting, not the recipient
	Held, Date      time.Time // the meeting's and the letter's dates
}

// Opening returns the letter's first paragraph: thanks for the meeting, and
// what the letter is for.
func (l Lang) Opening(o Opening) string {
	b := l.book()
	pattern := b.openSponsor
	if o.ToDecisionMaker {
		pattern = b.openPower
	}
	var buf [512]byte
	s, pattern, ok := hole(buf[:0], pattern)
	if ok {
		s = l.appendMeetingWhen(s, o.Held, o.Date)
	}
	if s, pattern, ok = hole(s, pattern); ok && len(o.Others) > 0 {
		var room [8]string // the people of most meetings, without an allocation
		people := o.Others
		if b.meetingYou != "" {
			people = append(append(room[:0], b.meetingYou), o.Others...)
		}
		var rest string // of the words that name who was in the meeting
		if s, rest, ok = hole(s, b.meetingWith); ok {
			s = l.appendJoin(s, people)
		}
		s = append(s, rest...)
	}
	if !o.ToDecisionMaker {
		if s, pattern, ok = hole(s, pattern); ok {
			s = append(s, o.SellerCompany...)
		}
	}
	return string(append(s, pattern...))
}

// appendMeetingWhen appends to b when the meeting was, seen from the
// letter's date.
func (l Lang) appendMeetingWhen(b []byte, held, date time.Time) []byte {
	switch date.Sub(held).Round(time.Hour) {
	case 0:
		return append(b, l.book().today...)
	case 24 * time.Hour:
		return append(b, l.book().yesterday...)
	}
	b, rest, ok := hole(b, l.book().onDate)
	if ok {
		_, month, day := held.Date()
		b = l.appendDayMonth(b, day, l.Month(month))
	}
	return append(b, rest...)
}

// CallDay names the day of a follow-up call as seen from the letter's date:
// "den 23." in the same month, "den 3. februar" in another month, with the year
// when it differs ("on the 23rd", "on 3 February").
func (l Lang) CallDay(call, letterDate time.Time) string {
	var buf [48]byte
	return string(l.appendCallDay(buf[:0], call, letterDate))
}

// appendCallDay appends the day of a call to b as [Lang.CallDay] names it.
func (l Lang) appendCallDay(b []byte, call, letterDate time.Time) []byte {
	year, month, day := call.Date()
	sameYear := year == letterDate.Year()
	sameMonth := sameYear && month == letterDate.Month()
	pattern := l.book().callDate
	if sameMonth {
		pattern = l.book().callDay
	}
	b, rest, ok := hole(b, pattern)
	switch {
	case !ok:
	case sameMonth:
		b = l.appendDayOfMonth(b, day)
	case sameYear:
		b = l.appendDayMonth(b, day, l.Month(month))
	default:
		b = l.appendLongDate(b, call)
	}
	return append(b, rest...)
}

// CallSentence returns the seller's promise to call: "Jeg ringer deg den 14.
// for å høre hva du synes." It names the call as [Lang.CallDay] does.
func (l Lang) CallSentence(call, letterDate time.Time) string {
	var buf [128]byte
	return string(l.appendCallSentence(buf[:0], call, letterDate))
}

// appendCallSentence appends the sentence [Lang.CallSentence] writes to b.
func (l Lang) appendCallSentence(b []byte, call, letterDate time.Time) []byte {
	b, rest, ok := hole(b, l.book().callSentence)
	if ok {
		b = l.appendCallDay(b, call, letterDate)
	}
	return append(b, rest...)
}

// PlanIntro returns the decision-maker letter's next steps: it introduces the
// plan below, asks the recipient and the reviewers to look at it, and names
// the follow-up call. A zero call leaves the call out.
func (l Lang) PlanIntro(reviewers []string, call, letterDate time.Time) string {
	b := l.book()
	var buf [256]byte
	s := append(buf[:0], b.planIntro...)
	if len(reviewers) == 0 {
		if !call.IsZero() {
			s = l.appendCallSentence(append(s, ' '), call, letterDate)
		}
		return string(s)
	}

	pattern := b.reviewAndCall
	if call.IsZero() {
		pattern = b.review
	}
	s, pattern, ok := hole(s, pattern)
	if ok {
		var room [8]string // the reviewers of most plans, without an allocation
		s = l.appendJoin(s, append(append(room[:0], b.you), reviewers...))
	}
	if !call.IsZero() {
		if s, pattern, ok = hole(s, pattern); ok {
			s = l.appendCallDay(s, call, letterDate)
		}
	}
	return string(append(s, pattern...))
}

// PlanTitle returns the heading of a plan for the buyer's company: a draft
// until the buyer has agreed to it.
func (l Lang) PlanTitle(company string, agreed bool) string {
	if agreed {
		return fill(l.book().planTitleOK, company)
	}
	return fill(l.book().planTitle, company)
}

// PlanColumns returns the headers of a plan table: event, week, date,
// checkpoint and owner.
func (l Lang) PlanColumns() []string { return l.book().planColumns }

// Owner returns the word for who carries out a plan event ("buyer", "seller",
// "both" in, "kjøper", "selger", "begge" out). An unknown owner gives "".
func (l Lang) Owner(owner string) string {
	switch owner {
	case "buyer":
		return l.book().owners[ownerBuyer]
	case "seller":
		return l.book().owners[ownerSeller]
	case "both":
		return l.book().owners[ownerBoth]
	}
	return ""
}

// PlanFooter returns the words under a plan: how many checkpoints it has, in
// words, and the follow-up call. A zero call leaves the call out.
func (l Lang) PlanFooter(checkpoints int, call, letterDate time.Time) string {
	b := l.book()
	var buf [256]byte
	s := buf[:0]
	var rest string
	var ok bool
	if checkpoints > 0 {
		if s, rest, ok = hole(s, b.footerCount); ok {
			s = l.appendCount(s, checkpoints, b.checkpoint, b.checkpoints)
		}
		s = append(s, rest...)
	} else {
		s = append(s, b.footerNone...)
	}
	if call.IsZero() {
		return string(append(s, b.footerDraft...))
	}
	if s, rest, ok = hole(s, b.footerCall); ok {
		s = l.appendCallDay(s, call, letterDate)
	}
	return string(append(s, rest...))
}

// fill puts the args into the {} holes of pattern, in order. Phrases keep
// their holes in the phrasebook so each sentence is written once per language.
func fill(pattern string, args ...string) string {
	var buf [256]byte
	return string(appendFill(buf[:0], pattern, args...))
}

// appendFill appends pattern to b with its holes filled as [fill] fills them.
func appendFill(b []byte, pattern string, args ...string) []byte {
	for _, a := range args {
		before, after, ok := strings.Cut(pattern, "{}")
		if !ok {
			break
		}
		b = append(append(b, before...), a...)
		pattern = after
	}
	return append(b, pattern...)
}

// hole appends pattern to b up to its first {} hole, for a hole that is
// filled by appending to b. It returns b, the pattern after the hole, and
// whether there was one; without, b is as it came and the pattern whole, as
// [fill] leaves a pattern that has fewer holes than args.
func hole(b []byte, pattern string) ([]byte, string, bool) {
	before, after, ok := strings.Cut(pattern, "{}")
	if !ok {
		return b, pattern, false
	}
	return append(b, before...), after, true
}
