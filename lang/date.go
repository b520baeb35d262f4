package lang

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// usesEnglish reports whether l writes English. Every formatter in this package asks this one
// question, so any value other than [English] (an empty or unknown Lang included) is written as
// Norwegian: Norwegian is followup's first language, and a letter in the seller's own language is
// a better fallback than an error in the middle of rendering.
func (l Lang) usesEnglish() bool { return l == English }

var (
	monthNamesNB = [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli",
		"august", "september", "oktober", "november", "desember"}
	monthNamesEN = [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}

	// Norwegian keeps a short name whole ("mars", "mai", "juni", "juli") and marks only a
	// shortened one with a period, so "mai" never reads as a cut-off word.
	monthAbbrNB = [12]string{"jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.",
		"sep.", "okt.", "nov.", "des."}
	monthAbbrEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec"}

	// Indexed by time.Weekday, which counts from Sunday.
	weekdayNamesNB = [7]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag",
		"lørdag"}
	weekdayNamesEN = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
		"Friday", "Saturday"}
)

// monthIndex turns m into an index of the month tables, clamping values outside January to
// December so a bad month shows as a wrong word rather than a panic in a letter.
func monthIndex(m time.Month) int {
	return min(max(int(m), 1), 12) - 1
}

// Date writes t as the date line of a letter: nb "10.01.2002", en "10 January 2002".
func (l Lang) Date(t time.Time) string {
	if l.usesEnglish() {
		return l.LongDate(t)
	}
	var buf [16]byte
	b := appendPadded(buf[:0], t.Day(), 2)
	b = append(b, '.')
	b = appendPadded(b, int(t.Month()), 2)
	b = append(b, '.')
	b = appendPadded(b, t.Year(), 4)
	return string(b)
}

// LongDate writes t with the month's full name: nb "10. januar 2002", en "10 January 2002".
func (l Lang) LongDate(t time.Time) string {
	var buf [32]byte
	b := l.appendDayMonth(buf[:0], t.Day(), l.Month(t.Month()))
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(t.Year()), 10)
	return string(b)
}

// DayMonth writes t's day and full month name: nb "10. januar", "17. mai"; en "10 January".
func (l Lang) DayMonth(t time.Time) string {
	var buf [24]byte
	return string(l.appendDayMonth(buf[:0], t.Day(), l.Month(t.Month())))
}

// ShortDate writes t's day and abbreviated month: nb "10. jan.", "3. mars"; en "10 Jan".
func (l Lang) ShortDate(t time.Time) string {
	var buf [16]byte
	return string(l.appendDayMonth(buf[:0], t.Day(), l.MonthAbbr(t.Month())))
}

// appendDayMonth appends a day and a month word; Norwegian puts a period after the day.
func (l Lang) appendDayMonth(b []byte, day int, month string) []byte {
	b = strconv.AppendInt(b, int64(day), 10)
	if !l.usesEnglish() {
		b = append(b, '.')
	}
	b = append(b, ' ')
	return append(b, month...)
}

// appendPadded appends n in decimal with leading zeros up to width digits.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	for d, p := 1, 10; d < width; d, p = d+1, p*10 {
		if n < p {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// Weekday names d in lower case in Norwegian ("mandag") and capitalised in English ("Monday").
func (l Lang) Weekday(d time.Weekday) string {
	i := (int(d)%7 + 7) % 7
	if l.usesEnglish() {
		return weekdayNamesEN[i]
	}
	return weekdayNamesNB[i]
}

// Month names m in full: nb "januar", en "January".
func (l Lang) Month(m time.Month) string {
	if l.usesEnglish() {
		return monthNamesEN[monthIndex(m)]
	}
	return monthNamesNB[monthIndex(m)]
}

// MonthAbbr gives m's short name: nb "jan.", "mai", "mars"; en "Jan", "May".
func (l Lang) MonthAbbr(m time.Month) string {
	if l.usesEnglish() {
		return monthAbbrEN[monthIndex(m)]
	}
	return monthAbbrNB[monthIndex(m)]
}

// Week names an ISO week number: nb "uke 7", en "week 7".
func (l Lang) Week(week int) string {
	var buf [24]byte
	b := buf[:0]
	if l.usesEnglish() {
		b = append(b, "week "...)
	} else {
		b = append(b, "uke "...)
	}
	return string(strconv.AppendInt(b, int64(week), 10))
}

// DayOfMonth names a day of the month on its own: nb "den 23.", en "the 23rd".
func (l Lang) DayOfMonth(day int) string {
	var buf [24]byte
	b := buf[:0]
	if !l.usesEnglish() {
		b = append(b, "den "...)
		b = strconv.AppendInt(b, int64(day), 10)
		return string(append(b, '.'))
	}
	b = append(b, "the "...)
	b = strconv.AppendInt(b, int64(day), 10)
	return string(append(b, ordinalSuffix(day)...))
}

// ordinalSuffix gives the English suffix of day: 1st, 2nd, 3rd, but 11th to 13th.
func ordinalSuffix(day int) string {
	if day < 0 {
		day = -day
	}
	if n := day % 100; n >= 11 && n <= 13 {
		return "th"
	}
	switch day % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// monthWords holds every spelling ParseMonth accepts, in lower case and without a period.
var monthWords = func() map[string]time.Month {
	words := make(map[string]time.Month, 60)
	for i := range 12 {
		m := time.Month(i + 1)
		for _, w := range []string{monthNamesNB[i], monthNamesEN[i], monthAbbrNB[i],
			monthAbbrEN[i]} {
			words[strings.TrimSuffix(strings.ToLower(w), ".")] = m
		}
	}
	words["sept"] = time.September
	return words
}()

// weekdayWords holds every weekday name ParseWeekday accepts, in lower case.
var weekdayWords = func() map[string]time.Weekday {
	words := make(map[string]time.Weekday, 14)
	for i := range 7 {
		words[weekdayNamesNB[i]] = time.Weekday(i)
		words[strings.ToLower(weekdayNamesEN[i])] = time.Weekday(i)
	}
	return words
}()

// ParseWeekday reads a weekday's full name in Norwegian or English, in any case
// ("mandag", "Monday", "LØRDAG").
func ParseWeekday(word string) (time.Weekday, bool) {
	d, ok := weekdayWords[strings.ToLower(strings.TrimSpace(word))]
	return d, ok
}

// ParseMonth reads a month's full name or abbreviation in Norwegian or English, in any case and
// with or without a closing period ("feb.", "februar", "Feb", "February", "mars", "Mar").
func ParseMonth(word string) (time.Month, bool) {
	w := strings.TrimSuffix(strings.TrimSpace(word), ".")
	m, ok := monthWords[strings.ToLower(w)]
	return m, ok
}

// UpperFirst returns s with its first letter in upper case ("øst" becomes "Øst"). It uses the
// title case of the letter, which differs from upper case only for a few digraphs.
func UpperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && size <= 1 {
		return s
	}
	u := unicode.ToTitle(r)
	if u == r {
		return s
	}
	return string(u) + s[size:]
}
