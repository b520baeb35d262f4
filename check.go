package followup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"followup/lang"
	"followup/workday"
)

// MaxCallDays is how long after the letter the follow-up call may come at the
// latest: later than that, the buyer has forgotten the meeting.
const MaxCallDays = 14

// Check applies the method's rules to a meeting's notes and returns every
// finding, errors first in the order of the letter. A letter with an error
// cannot be sent; warnings are for the seller to weigh.
func Check(m *Meeting) []Finding {
	var fs []Finding
	fs = append(fs, m.checkSections()...)
	fs = append(fs, m.checkDates()...)
	fs = append(fs, m.checkFollowUp()...)
	fs = append(fs, m.checkWeekdays()...)
	fs = append(fs, m.checkPrices()...)
	fs = append(fs, m.checkPlanPresence()...)
	fs = append(fs, m.checkPlan()...)

	errs := fs[:0:0]
	var warns []Finding
	for _, f := range fs {
		if f.Severity == SeverityError {
			errs = append(errs, f)
		} else {
			warns = append(warns, f)
		}
	}
	return append(errs, warns...)
}

// sectionName returns the name to use for a section in a finding: the heading
// as the seller wrote it, or the method's label in the letter's language.
func (m *Meeting) sectionName(kind SectionKind) (string, int) {
	if s, ok := m.Section(kind); ok {
		return s.Heading, s.Line
	}
	return m.Language.Label(string(kind)), 0
}

// checkSections reports required sections that are missing or empty, and
// sections the letter leaves out.
func (m *Meeting) checkSections() []Finding {
	var fs []Finding
	for _, kind := range m.RequiredSections() {
		s, ok := m.Section(kind)
		name, line := m.sectionName(kind)
		switch {
		case !ok:
			fs = append(fs, Finding{SeverityError, name, 0,
				"required in a " + string(m.Letter) + " letter but missing",
				fmt.Sprintf("add a section headed %q with %s", "# "+name, sectionHint[kind])})
		case s.IsEmpty():
			fs = append(fs, Finding{SeverityError, name, line, "the section is empty",
				"write " + sectionHint[kind] + " under the heading"})
		}
	}
	for _, s := range m.Sections {
		if m.belongsInLetter(s.Kind) {
			continue
		}
		problem, fix := "not part of a decision-maker letter and left out",
			"move proof events into the plan, or remove the section"
		if m.Letter == SponsorLetter {
			problem, fix = "left out because access_granted is true",
				"remove the section, or set access_granted: false"
		}
		fs = append(fs, Finding{SeverityWarning, s.Heading, s.Line, problem, fix})
	}
	if m.Letter == SponsorLetter && !m.AccessGranted && m.DecisionMaker == "" {
		fs = append(fs, Finding{SeverityWarning, "decision_maker", 0,
			"the sponsor letter does not say whom the sponsor can give access to",
			"add decision_maker: NAME, TITLE to the front matter"})
	}
	return fs
}

// sectionHint says in a few words what belongs in each section.
var sectionHint = map[SectionKind]string{
	Pain:      "the buyer's critical problem in the buyer's own words",
	Reasons:   "why the problem exists, as the buyer put it",
	Vision:    "the capabilities the buyer said they need",
	Agreement: "what both sides agreed to do next",
	Access:    "what the sponsor gets for a meeting with the decision-maker",
	Proof:     "the proof you offer, e.g. a reference call: who, where, when",
	NextSteps: "the next steps",
}

// checkDates reports a letter dated before its meeting, sent more than a day
// after it, or dated on a day the buyer's office is closed.
func (m *Meeting) checkDates() []Finding {
	var fs []Finding
	held := m.held()
	switch days := daysBetween(held, m.Date); {
	case days < 0:
		fs = append(fs, Finding{SeverityError, "date", 0,
			"the letter is dated " + m.Language.Date(m.Date) + ", before the meeting on " +
				m.Language.Date(held),
			"correct date or meeting"})
	case days > 1:
		fs = append(fs, Finding{SeverityWarning, "date", 0,
			fmt.Sprintf("the letter goes out %d days after the meeting; "+
				"the method sends it within 24 hours", days),
			"send follow-up letters the day of the meeting or the day after"})
	}
	if f, ok := m.closedDay("date", "the letter's date", m.Date); ok {
		fs = append(fs, f)
	}
	return fs
}

// checkFollowUp reports a follow-up call that is missing, too late, before
// the letter, or on a closed day.
func (m *Meeting) checkFollowUp() []Finding {
	if m.FollowUp.IsZero() {
		return []Finding{{SeverityWarning, "follow_up", 0,
			"no follow-up call is planned",
			fmt.Sprintf("add follow_up: DATE, at most %d days after the letter", MaxCallDays)}}
	}
	var fs []Finding
	lg := m.Language
	switch days := daysBetween(m.Date, m.FollowUp); {
	case days < 0:
		fs = append(fs, Finding{SeverityWarning, "follow_up", 0,
			"the call on " + lg.Date(m.FollowUp) + " comes before the letter's date",
			"set follow_up to a day after " + lg.Date(m.Date)})
	case days > MaxCallDays:
		fs = append(fs, Finding{SeverityWarning, "follow_up", 0,
			fmt.Sprintf("the call comes %d days after the letter, more than %d", days, MaxCallDays),
			"call by " + lg.Date(workday.Calendar{}.OnOrBefore(m.Date.AddDate(0, 0, MaxCallDays)))})
	}
	if f, ok := m.closedDay("follow_up", "the follow-up call", m.FollowUp); ok {
		fs = append(fs, f)
	}
	return fs
}

// closedDay reports a date that falls on a weekend or a public holiday,
// naming the holiday and the next business day.
func (m *Meeting) closedDay(field, what string, d time.Time) (Finding, bool) {
	cal := workday.Calendar{}
	if cal.IsBusinessDay(d) {
		return Finding{}, false
	}
	lg := m.Language
	why := "a " + d.Weekday().String()
	if names := workday.HolidaysOn(d); len(names) > 0 {
		why = strings.Join(names, " and ") + ", a public holiday"
	}
	next := cal.Next(d)
	return Finding{SeverityWarning, field, 0,
		fmt.Sprintf("%s, %s, falls on %s", what, lg.Date(d), why),
		fmt.Sprintf("move it to the next business day, %s %s", next.Weekday(), lg.Date(next))}, true
}

// A weekday followed by a day of the month, with an optional month and
// year: "torsdag 13.", "torsdag den 13. februar", "fredag 14.02.2002",
// "Thursday 13th", "Thursday the 13th of February", "Friday, 14 March".
var (
	weekdayNb = regexp.MustCompile(`(?i)\b(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)` +
		`\s+(?:den\s+)?(\d{1,2})\.(?:\s*(\d{1,2})\.(\d{4})?|\s+(\pL+)\.?(?:\s+(\d{4}))?)?`)
	weekdayEn = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|` +
		`sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:\s+(?:of\s+)?(\pL+)\.?` +
		`(?:,?\s+(\d{4}))?)?`)
)

// checkWeekdays reports a weekday named in the text that does not match the
// date beside it. A day without a month means the first such day on or after
// the meeting, as the buyer would read it.
func (m *Meeting) checkWeekdays() []Finding {
	var fs []Finding
	for _, s := range m.Sections {
		for _, text := range sectionTexts(s) {
			for _, ref := range findDateRefs(text) {
				if f, ok := m.checkDateRef(s, ref); ok {
					fs = append(fs, f)
				}
			}
		}
	}
	return fs
}

// dateRef is a weekday and a date as written in running text.
type dateRef struct {
	text    string
	weekday time.Weekday
	day     int
	month   time.Month // 0 when not written
	year    int        // 0 when not written
}

func findDateRefs(text string) []dateRef {
	var refs []dateRef
	for _, g := range weekdayNb.FindAllStringSubmatch(text, -1) {
		ref, ok := newDateRef(g[0], g[1], g[2], g[3], g[4])
		if g[5] != "" {
			ref, ok = newNamedMonthRef(g[0], g[1], g[2], g[5], g[6])
		}
		if ok {
			refs = append(refs, ref)
		}
	}
	for _, g := range weekdayEn.FindAllStringSubmatch(text, -1) {
		if ref, ok := newNamedMonthRef(g[0], g[1], g[2], g[3], g[4]); ok {
			refs = append(refs, ref)
		}
	}
	return refs
}

// newDateRef reads a reference with the month, if any, in digits.
func newDateRef(text, weekday, day, month, year string) (dateRef, bool) {
	wd, ok := lang.ParseWeekday(weekday)
	d, _ := strconv.Atoi(day)
	if !ok || d < 1 || d > 31 {
		return dateRef{}, false
	}
	ref := dateRef{text: strings.TrimSpace(text), weekday: wd, day: d}
	if month != "" {
		mo, _ := strconv.Atoi(month)
		if mo < 1 || mo > 12 {
			return dateRef{}, false
		}
		ref.month = time.Month(mo)
	}
	ref.year, _ = strconv.Atoi(year)
	return ref, true
}

// newNamedMonthRef reads a reference whose month, if any, is a word. A word
// that is not a month ends the reference at the day: "torsdag 13. kl. 10".
func newNamedMonthRef(text, weekday, day, month, year string) (dateRef, bool) {
	ref, ok := newDateRef(text, weekday, day, "", "")
	if !ok {
		return ref, false
	}
	if mo, isMonth := lang.ParseMonth(month); isMonth {
		ref.month = mo
		ref.year, _ = strconv.Atoi(year)
	} else if month != "" {
		ref.text = strings.TrimSpace(text[:strings.Index(text, day)+len(day)+1])
	}
	return ref, true
}

// resolve finds the date a reference means: the first date on or after from
// with its day (and month, when written); a written year is taken as it is.
func (r dateRef) resolve(from time.Time) (time.Time, bool) {
	if r.year != 0 && r.month != 0 {
		d := workday.Date(r.year, r.month, r.day)
		return d, d.Day() == r.day
	}
	for i := range 12 * 4 { // months, or years when the month is written
		first := workday.Date(from.Year(), from.Month()+time.Month(i), 1)
		if r.month != 0 {
			first = workday.Date(from.Year()+i, r.month, 1)
		}
		d := workday.Date(first.Year(), first.Month(), r.day)
		if d.Month() == first.Month() && !d.Before(from) {
			return d, true
		}
	}
	return time.Time{}, false
}

func (m *Meeting) checkDateRef(s Section, ref dateRef) (Finding, bool) {
	date, ok := ref.resolve(m.held())
	if !ok || date.Weekday() == ref.weekday {
		return Finding{}, false
	}
	lg := m.Language
	next := date
	for next.Weekday() != ref.weekday {
		next = next.AddDate(0, 0, 1)
	}
	return Finding{SeverityWarning, s.Heading, s.Line,
		fmt.Sprintf("%q: %s is a %s, not a %s", ref.text, lg.Date(date),
			date.Weekday(), ref.weekday),
		fmt.Sprintf("correct the weekday to %q, or the date (the next %s is %s)",
			lg.Weekday(date.Weekday()), lg.Weekday(ref.weekday), lg.Date(next))}, true
}

// Words and figures that give a price away. A letter is sent instead of a
// quote; the price comes last, through the quote gate.
var (
	priceWords = regexp.MustCompile(`(?i)(?:^|[^\pL])((?:pris)?tilbud(?:et|ene)?|pris(?:en|er|ene)?|` +
		`quote[sd]?|quotation|price[sd]?|pricing)(?:[^\pL]|$)`)
	amounts = regexp.MustCompile(`(?i)(?:\bkr\.?\s*\d[\d .]*(?:,\d+)?|\d[\d .]*(?:,\d+)?\s*(?:kr\b|kroner\b|,-)|` +
		`\bnok\s*\d|\d\s*nok\b|[$€£]\s*\d|\d\s*[$€£]|\b(?:usd|eur)\s*\d)`)
)

// checkPrices reports a price, an amount or a quote named in the letter.
func (m *Meeting) checkPrices() []Finding {
	var fs []Finding
	for _, s := range m.Sections {
		if !m.belongsInLetter(s.Kind) {
			continue
		}
		for _, text := range sectionTexts(s) {
			if loc := amounts.FindString(text); loc != "" {
				fs = append(fs, Finding{SeverityWarning, s.Heading, s.Line,
					fmt.Sprintf("names an amount (%q)", strings.TrimRight(loc, " .")),
					"leave amounts out of the letter; the cost step of the plan comes later"})
			}
			if g := priceWords.FindStringSubmatch(text); g != nil {
				fs = append(fs, Finding{SeverityWarning, s.Heading, s.Line,
					fmt.Sprintf("mentions %q", g[1]),
					"leave prices and quotes out of the letter; the quote comes last, " +
						"after the plan is agreed"})
			}
		}
	}
	return fs
}

// checkPlanPresence reports a decision-maker letter without a plan: the
// letter exists to propose one.
func (m *Meeting) checkPlanPresence() []Finding {
	if m.Letter != DecisionMakerLetter || m.Plan != nil || m.PlanSpec != nil {
		return nil
	}
	name := m.Language.Label("plan")
	return []Finding{{SeverityError, name, 0,
		"a decision-maker letter proposes a progress plan, and this one has none",
		fmt.Sprintf("add a %q table (event, date, checkpoint, owner), "+
			"or plan: {template: NAME, start: DATE} to the front matter", "# "+name)}}
}

// sectionTexts returns the words of a section, item by item.
func sectionTexts(s Section) []string {
	if s.IsList() {
		return s.Items
	}
	if s.Prose == "" {
		return nil
	}
	return []string{s.Prose}
}

// daysBetween counts calendar days from a to b.
func daysBetween(a, b time.Time) int {
	return int(b.Sub(a).Round(time.Hour).Hours() / 24)
}
