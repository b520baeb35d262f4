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
	var buf [32]byte
	return string(l.appendDate(buf[:0], t))
}

// appendDate appends t to b as [Lang.Date] writes it.
func (l Lang) appendDate(b []byte, t time.Time) []byte {
	if l.usesEnglish() {
		return l.appendLongDate(b, t)
	}
	year, month, day := t.Date()
	b = appendPadded(b, day, 2)
	b = append(b, '.')
	b = appendPadded(b, int(month), 2)
	b = append(b, '.')
	return appendPadded(b, year, 4)
}

// LongDate writes t with the month's full name: nb "10. januar 2002", en "10 January 2002".
func (l Lang) LongDate(t time.Time) string {
	var buf [32]byte
	return string(l.appendLongDate(buf[:0], t))
}

// appendLongDate appends t to b as [Lang.LongDate] writes it.
func (l Lang) appendLongDate(b []byte, t time.Time) []byte {
	year, month, day := t.Date()
	b = l.appendDayMonth(b, day, l.Month(month))
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(year), 10)
}

// DayMonth writes t's day and full month name: nb "10. januar", "17. mai"; en "10 January".
func (l Lang) DayMonth(t time.Time) string {
	var buf [24]byte
	_, month, day := t.Date()
	return string(l.appendDayMonth(buf[:0], day, l.Month(month)))
}

// ShortDate writes t's day and abbreviated month: nb "10. jan.", "3. mars"; en "10 Jan".
func (l Lang) ShortDate(t time.Time) string {
	_, month, day := t.Date()
	return shortDates[l.index()][month-1][day-1]
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
	if week >= 1 && week < len(weekNames[0]) {
		return weekNames[l.index()][week]
	}
	var buf [24]byte
	return string(l.appendWeek(buf[:0], week))
}

// appendWeek appends the name of an ISO week to b as [Lang.Week] writes it.
func (l Lang) appendWeek(b []byte, week int) []byte {
	if l.usesEnglish() {
		b = append(b, "week "...)
	} else {
		b = append(b, "uke "...)
	}
	return strconv.AppendInt(b, int64(week), 10)
}

// shortDates holds the short date of every day of the year, and weekNames the
// name of every ISO week, in each language, as [Lang.ShortDate] and
// [Lang.Week] write them: a plan names both in every row, and reads them here
// rather than writing them anew.
var shortDates, weekNames = func() (dates [2][12][31]string, weeks [2][54]string) {
	for i, l := range [2]Lang{Norwegian, English} {
		for m := range 12 {
			for d := range 31 {
				dates[i][m][d] = string(l.appendDayMonth(nil, d+1, l.MonthAbbr(time.Month(m+1))))
			}
		}
		for w := 1; w < len(weeks[i]); w++ {
			weeks[i][w] = string(l.appendWeek(nil, w))
		}
	}
	return dates, weeks
}()

// index returns the language's place in the tables of this file: 0 for
// Norwegian, which any Lang but English is written as, and 1 for English.
func (l Lang) index() int {
	if l.usesEnglish() {
		return 1
	}
	return 0
}

// DayOfMonth names a day of the month on its own: nb "den 23.", en "the 23rd".
func (l Lang) DayOfMonth(day int) string {
	var buf [24]byte
	return string(l.appendDayOfMonth(buf[:0], day))
}

// appendDayOfMonth appends day to b as [Lang.DayOfMonth] names it.
func (l Lang) appendDayOfMonth(b []byte, day int) []byte {
	if !l.usesEnglish() {
		b = append(b, "den "...)
		b = strconv.AppendInt(b, int64(day), 10)
		return append(b, '.')
	}
	b = append(b, "the "...)
	b = strconv.AppendInt(b, int64(day), 10)
	return append(b, ordinalSuffix(day)...)
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

// upperFirst is [UpperFirst] on the bytes of a sentence being written: it
// changes b in place when the letter's two cases are as long, as they are in
// the languages of followup.
func upperFirst(b []byte) []byte {
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		return b
	}
	u := unicode.ToTitle(r)
	switch {
	case u == r:
		return b
	case utf8.RuneLen(u) == size:
		utf8.EncodeRune(b, u)
		return b
	}
	return append(utf8.AppendRune(make([]byte, 0, len(b)+utf8.UTFMax), u), b[size:]...)
}
