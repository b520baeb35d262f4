package lang

import (
	"strings"
	"time"
)

// This file holds the default phrases of followup's letters: the words a
// seller would otherwise type after every meeting. Sections are named by the
// domain's section keys ("pain", "reasons", ...), since lang knows nothing of
// the domain.

// phrasebook is one language's fixed phrases.
type phrasebook struct {
	labels         map[string]string
	sponsorLeadIns map[string]string
	powerLeadIns   map[string]string
	closing        string
	owners         map[string]string
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
	labels: map[string]string{
		"pain":       "Smerte",
		"reasons":    "Årsak",
		"vision":     "Visjon",
		"agreement":  "Enighet om å gå videre",
		"access":     "Kjøpslåing om tilgang",
		"proof":      "Forslag til bevisføring",
		"next-steps": "Fremdrift",
		"plan":       "Fremdriftsplan",
	},
	sponsorLeadIns: map[string]string{
		"pain":       "du fortalte meg at ",
		"reasons":    "som årsaker pekte du på at ",
		"vision":     "du sa at du trenger ",
		"agreement":  "vi ble enige om at ",
		"access":     "du nevnte at ",
		"proof":      "for å vise at det vi sier holder, foreslår jeg ",
		"next-steps": "videre foreslår jeg ",
	},
	powerLeadIns: map[string]string{
		"pain":       "i møtet bekreftet du at ",
		"reasons":    "du bekreftet at årsakene er at ",
		"vision":     "du sa at dere trenger ",
		"agreement":  "vi er enige om at ",
		"access":     "du nevnte at ",
		"proof":      "for å vise at det vi sier holder, foreslår jeg ",
		"next-steps": "i tillegg foreslår jeg ",
	},
	closing:     "Med vennlig hilsen",
	owners:      map[string]string{"buyer": "kjøper", "seller": "selger", "both": "begge"},
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
	labels: map[string]string{
		"pain":       "Pain",
		"reasons":    "Reasons",
		"vision":     "Vision",
		"agreement":  "Agreement to proceed",
		"access":     "Bargain for access",
		"proof":      "Proposed proof",
		"next-steps": "Next steps",
		"plan":       "Progress plan",
	},
	sponsorLeadIns: map[string]string{
		"pain":       "you told me that ",
		"reasons":    "the reasons you gave were that ",
		"vision":     "you said that you need ",
		"agreement":  "we agreed that ",
		"access":     "you mentioned that ",
		"proof":      "to show that what we say holds, I propose ",
		"next-steps": "as next steps, I propose ",
	},
	powerLeadIns: map[string]string{
		"pain":       "in our meeting you confirmed that ",
		"reasons":    "you confirmed that the reasons are that ",
		"vision":     "you said that you need ",
		"agreement":  "we agree that ",
		"access":     "you mentioned that ",
		"proof":      "to show that what we say holds, I propose ",
		"next-steps": "in addition, I propose ",
	},
	closing:     "Kind regards",
	owners:      map[string]string{"buyer": "buyer", "seller": "seller", "both": "both"},
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

func (l Lang) book() *phrasebook {
	if l.usesEnglish() {
		return &english
	}
	return &norwegian
}

// Label returns the method's name for a section ("Smerte", "Pain"), shown in
// annotated letters. An unknown key comes back unchanged.
func (l Lang) Label(section string) string {
	if s, ok := l.book().labels[section]; ok {
		return s
	}
	return section
}

// LeadIn returns the words that turn a section's list of points into one
// sentence, in second person: what the sponsor told the seller, or what the
// decision-maker confirmed. It is lower-case; the sentence's first letter is
// raised where it is used. An unknown key gives "".
func (l Lang) LeadIn(section string, toDecisionMaker bool) string {
	if toDecisionMaker {
		return l.book().powerLeadIns[section]
	}
	return l.book().sponsorLeadIns[section]
}

// ListSentence composes a section written as points into one sentence: the
// lead-in, the points joined, and a full stop.
func (l Lang) ListSentence(section string, toDecisionMaker bool, items []string) string {
	s := UpperFirst(l.LeadIn(section, toDecisionMaker) + l.Join(items))
	return EndSentence(s)
}

// EndSentence adds a full stop unless s already ends a sentence.
func EndSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}

// Closing returns the words above the signature, without a comma:
// "Med vennlig hilsen" or "Kind regards".
func (l Lang) Closing() string { return l.book().closing }

// PlaceDate returns the letter's place and date line: "Oslo, 10.01.2002".
func (l Lang) PlaceDate(place string, date time.Time) string {
	if place == "" {
		return l.Date(date)
	}
	return place + ", " + l.Date(date)
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
	with := ""
	if people := o.Others; len(people) > 0 {
		if b.meetingYou != "" {
			people = append([]string{b.meetingYou}, people...)
		}
		with = fill(b.meetingWith, l.Join(people))
	}
	when := l.meetingWhen(o.Held, o.Date)
	if o.ToDecisionMaker {
		return fill(b.openPower, when, with)
	}
	return fill(b.openSponsor, when, with, o.SellerCompany)
}

// meetingWhen says when the meeting was, seen from the letter's date.
func (l Lang) meetingWhen(held, date time.Time) string {
	switch date.Sub(held).Round(time.Hour) {
	case 0:
		return l.book().today
	case 24 * time.Hour:
		return l.book().yesterday
	}
	return fill(l.book().onDate, l.DayMonth(held))
}

// CallDay names the day of a follow-up call as seen from the letter's date:
// "den 23." in the same month, "den 3. februar" in another month, with the year
// when it differs ("on the 23rd", "on 3 February").
func (l Lang) CallDay(call, letterDate time.Time) string {
	b := l.book()
	switch {
	case call.Year() == letterDate.Year() && call.Month() == letterDate.Month():
		return fill(b.callDay, l.DayOfMonth(call.Day()))
	case call.Year() == letterDate.Year():
		return fill(b.callDate, l.DayMonth(call))
	}
	return fill(b.callDate, l.LongDate(call))
}

// CallSentence returns the seller's promise to call: "Jeg ringer deg den 14.
// for å høre hva du synes." It names the call as [Lang.CallDay] does.
func (l Lang) CallSentence(call, letterDate time.Time) string {
	return fill(l.book().callSentence, l.CallDay(call, letterDate))
}

// PlanIntro returns the decision-maker letter's next steps: it introduces the
// plan below, asks the recipient and the reviewers to look at it, and names
// the follow-up call. A zero call leaves the call out.
func (l Lang) PlanIntro(reviewers []string, call, letterDate time.Time) string {
	b := l.book()
	who := l.Join(append([]string{b.you}, reviewers...))
	switch {
	case len(reviewers) > 0 && !call.IsZero():
		return b.planIntro + fill(b.reviewAndCall, who, l.CallDay(call, letterDate))
	case len(reviewers) > 0:
		return b.planIntro + fill(b.review, who)
	case !call.IsZero():
		return b.planIntro + " " + l.CallSentence(call, letterDate)
	}
	return b.planIntro
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
func (l Lang) Owner(owner string) string { return l.book().owners[owner] }

// PlanFooter returns the words under a plan: how many checkpoints it has, in
// words, and the follow-up call. A zero call leaves the call out.
func (l Lang) PlanFooter(checkpoints int, call, letterDate time.Time) string {
	b := l.book()
	count := b.footerNone
	if checkpoints > 0 {
		count = fill(b.footerCount, l.Count(checkpoints, b.checkpoint, b.checkpoints))
	}
	if call.IsZero() {
		return count + b.footerDraft
	}
	return count + fill(b.footerCall, l.CallDay(call, letterDate))
}

// fill puts the args into the {} holes of pattern, in order. Phrases keep
// their holes in the phrasebook so each sentence is written once per language.
func fill(pattern string, args ...string) string {
	var b strings.Builder
	b.Grow(len(pattern) + 48)
	for _, a := range args {
		i := strings.Index(pattern, "{}")
		if i < 0 {
			break
		}
		b.WriteString(pattern[:i])
		b.WriteString(a)
		pattern = pattern[i+2:]
	}
	b.WriteString(pattern)
	return b.String()
}
