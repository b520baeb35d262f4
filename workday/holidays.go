package workday

import (
	"slices"
	"time"
)

// Holiday is one Norwegian public holiday: its date and its Norwegian name.
type Holiday struct {
	Date time.Time
	Name string
}

// lawOf1947 is the first year 1 and 17 May are public holidays: the law of 26 April 1947 made
// them "offentlige høytidsdager". Before it they are ordinary days on this calendar.
const lawOf1947 = 1947

// Easter returns Gregorian Easter Sunday of year. It uses the anonymous Gregorian computus
// (Meeus, Jones, Butcher) and is meaningful from 1583, the first full Gregorian year; earlier
// years get the proleptic Gregorian date.
func Easter(year int) time.Time {
	golden := year % 19 // the year's place in the 19-year lunar cycle
	century, rest := year/100, year%100
	leapSkips, quarter := century/4, century%4
	moonFix := (century + 8) / 25
	moonShift := (century - moonFix + 1) / 3
	epact := (19*golden + century - leapSkips - moonShift + 15) % 30
	weekday := (32 + 2*quarter + 2*(rest/4) - epact - rest%4) % 7
	late := (golden + 11*epact + 22*weekday) / 451
	monthDay := epact + weekday - 7*late + 114
	return Date(year, time.Month(monthDay/31), monthDay%31+1)
}

// Holidays returns the public holidays of year sorted by date. When two fall on one date
// (17 May 2027 is both Grunnlovsdag and 2. pinsedag), both are listed. Holidays on a Sunday
// are listed too. The slice is the caller's to keep.
func Holidays(year int) []Holiday {
	return slices.Clone(yearOf(year).holidays)
}

// HolidaysOn returns the names of the public holidays on d: none, one, or two when a fixed
// and a movable holiday meet.
func HolidaysOn(d time.Time) []string {
	year, yday := dayOf(d)
	y := yearOf(year)
	if !y.holiday.has(yday) {
		return nil
	}

	var names []string
	for i, h := range y.holidays {
		if y.holidayDays[i] == yday {
			names = append(names, h.Name)
		}
	}
	return names
}

// computeHolidays lists year's holidays. Ties on one date keep the order below, the order in
// which the church year and the law name them, so the fixed day comes first.
func computeHolidays(year int) []Holiday {
	easter := Easter(year)
	after := func(days int) time.Time { return easter.AddDate(0, 0, days) }
	list := []Holiday{
		{Date(year, time.January, 1), "1. nyttårsdag"},
		{after(-3), "Skjærtorsdag"},
		{after(-2), "Langfredag"},
		{easter, "1. påskedag"},
		{after(1), "2. påskedag"},
	}
	if year >= lawOf1947 {
		list = append(list,
			Holiday{Date(year, time.May, 1), "Offentlig høytidsdag"},
			Holiday{Date(year, time.May, 17), "Grunnlovsdag"})
	}
	list = append(list,
		Holiday{after(39), "Kristi himmelfartsdag"},
		Holiday{after(49), "1. pinsedag"},
		Holiday{after(50), "2. pinsedag"},
		Holiday{Date(year, time.December, 25), "1. juledag"},
		Holiday{Date(year, time.December, 26), "2. juledag"},
	)

	slices.SortStableFunc(list, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return list
}
