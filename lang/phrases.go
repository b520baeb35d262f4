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
	when := l.meetingWhen(o.Held, o.Date)
	if l.usesEnglish() {
		with := ""
		if len(o.Others) > 0 {
			with = " with " + l.Join(o.Others)
		}
		if o.ToDecisionMaker {
			return "Thank you for the meeting " + when + with + ". Below I sum up " +
				"what we agreed and propose a plan for the way ahead."
		}
		return "Thank you for the meeting " + when + with + " and for your interest in " +
			o.SellerCompany + ". In this letter I sum up how I understood our meeting " +
			"and propose how we can move on."
	}
	with := ""
	if len(o.Others) > 0 {
		with = " med " + l.Join(append([]string{"deg"}, o.Others...))
	}
	if o.ToDecisionMaker {
		return "Takk for møtet " + when + with + ". Nedenfor oppsummerer jeg det vi " +
			"kom fram til, og foreslår en plan for veien videre."
	}
	return "Takk for møtet " + when + with + " og for interessen for " + o.SellerCompany +
		". I dette brevet oppsummerer jeg hvordan jeg forsto møtet, og foreslår " +
		"hvordan vi kan gå videre."
}

// meetingWhen says when the meeting was, seen from the letter's date.
func (l Lang) meetingWhen(held, date time.Time) string {
	days := int(date.Sub(held).Hours() / 24)
	switch {
	case days == 0 && l.usesEnglish():
		return "today"
	case days == 0:
		return "i dag"
	case days == 1 && l.usesEnglish():
		return "yesterday"
	case days == 1:
		return "i går"
	case l.usesEnglish():
		return "on " + l.DayMonth(held)
	}
	return l.DayMonth(held)
}

// CallDay names the day of a follow-up call as seen from the letter's date:
// "den 23." in the same month, "den 3. februar" in another month, with the year
// when it differs ("on the 23rd", "on 3 February").
func (l Lang) CallDay(call, letterDate time.Time) string {
	var s string
	switch {
	case call.Year() == letterDate.Year() && call.Month() == letterDate.Month():
		s = l.DayOfMonth(call.Day())
	case call.Year() == letterDate.Year():
		s = l.dayMonthPhrase(l.DayMonth(call))
	default:
		s = l.dayMonthPhrase(l.LongDate(call))
	}
	if l.usesEnglish() {
		return "on " + s
	}
	return s
}

func (l Lang) dayMonthPhrase(date string) string {
	if l.usesEnglish() {
		return date
	}
	return "den " + date
}

// CallSentence returns the seller's promise to call: "Jeg ringer deg den 14.
// for å høre hva du synes." It names the call as [Lang.CallDay] does.
func (l Lang) CallSentence(call, letterDate time.Time) string {
	if l.usesEnglish() {
		return "I will call you " + l.CallDay(call, letterDate) + " to hear what you think."
	}
	return "Jeg ringer deg " + l.CallDay(call, letterDate) + " for å høre hva du synes."
}

// PlanIntro returns the decision-maker letter's next steps: it introduces the
// plan below, asks the recipient and the reviewers to look at it, and names
// the follow-up call. A zero call leaves the call out.
func (l Lang) PlanIntro(reviewers []string, call, letterDate time.Time) string {
	var b strings.Builder
	if l.usesEnglish() {
		b.WriteString("Based on what we agreed, I propose the progress plan below.")
		switch {
		case len(reviewers) > 0 && !call.IsZero():
			b.WriteString(" Could " + l.withYou(reviewers) + " look it over? I will call you " +
				l.CallDay(call, letterDate) + " to hear what you think.")
		case len(reviewers) > 0:
			b.WriteString(" Could " + l.withYou(reviewers) + " look it over?")
		case !call.IsZero():
			b.WriteString(" " + l.CallSentence(call, letterDate))
		}
		return b.String()
	}
	b.WriteString("Basert på det vi er enige om, foreslår jeg fremdriftsplanen nedenfor.")
	switch {
	case len(reviewers) > 0 && !call.IsZero():
		b.WriteString(" Kan " + l.withYou(reviewers) + " se gjennom den, så ringer jeg deg " +
			l.CallDay(call, letterDate) + " for å høre hva dere synes.")
	case len(reviewers) > 0:
		b.WriteString(" Kan " + l.withYou(reviewers) + " se gjennom den?")
	case !call.IsZero():
		b.WriteString(" " + l.CallSentence(call, letterDate))
	}
	return b.String()
}

// withYou joins the recipient, as the subject "du"/"you", with others.
func (l Lang) withYou(others []string) string {
	you := "du"
	if l.usesEnglish() {
		you = "you"
	}
	return l.Join(append([]string{you}, others...))
}

// PlanTitle returns the heading of a plan for the buyer's company: a draft
// until the buyer has agreed to it.
func (l Lang) PlanTitle(company string, agreed bool) string {
	switch {
	case l.usesEnglish() && agreed:
		return "Progress plan for " + company
	case l.usesEnglish():
		return "Draft progress plan for " + company
	case agreed:
		return "Fremdriftsplan for " + company
	}
	return "Utkast til fremdriftsplan for " + company
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
	var b strings.Builder
	if l.usesEnglish() {
		if checkpoints == 0 {
			b.WriteString("The plan has no checkpoints yet.")
		} else {
			b.WriteString("At " + l.Count(checkpoints, "checkpoint", "checkpoints") +
				" (marked *) either side can decide whether to go on or stop.")
		}
		b.WriteString(" This is a first draft")
		if !call.IsZero() {
			b.WriteString("; I will call you " + l.CallDay(call, letterDate) + " to follow up")
		}
		b.WriteString(".")
		return b.String()
	}
	if checkpoints == 0 {
		b.WriteString("Planen har ingen milepæler ennå.")
	} else {
		b.WriteString("Ved " + l.Count(checkpoints, "milepæl", "milepæler") +
			" (merket med *) kan begge parter vurdere om vi skal gå videre eller avslutte.")
	}
	b.WriteString(" Dette er et første utkast")
	if !call.IsZero() {
		b.WriteString(", og jeg ringer deg " + l.CallDay(call, letterDate) + " for å følge opp")
	}
	b.WriteString(".")
	return b.String()
}
