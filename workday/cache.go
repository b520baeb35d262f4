package workday

import (
	"math/bits"
	"sync"
	"time"
)

// dayset holds one bit per day of a year, indexed by the day of the year (1 to 366).
type dayset [6]uint64

func (s *dayset) set(yday int)      { s[yday/64] |= 1 << (yday % 64) }
func (s *dayset) has(yday int) bool { return s[yday/64]&(1<<(yday%64)) != 0 }

// count returns how many days from lo to hi inclusive are in the set.
func (s *dayset) count(lo, hi int) int {
	if lo > hi {
		return 0
	}

	n := 0
	for w := lo / 64; w <= hi/64; w++ {
		word := s[w]
		if w == lo/64 {
			word &= ^uint64(0) << (lo % 64)
		}
		if w == hi/64 {
			word &= ^uint64(0) >> (63 - hi%64)
		}
		n += bits.OnesCount64(word)
	}
	return n
}

// year is everything the calendar needs about one year, computed once.
type year struct {
	days        int // 365 or 366
	holidays    []Holiday
	holidayDays []int     // day of the year of each entry in holidays
	holiday     dayset    // days with at least one public holiday
	open        [4]dayset // business days, indexed by Calendar.variant
}

// cached holds the years the CLI accepts. A Once per year keeps the first use of a year cheap
// and makes every later lookup a load, safe from many goroutines.
var cached [MaxYear - MinYear + 1]struct {
	once sync.Once
	year year
}

// yearOf returns the facts of y, from the cache when y is in range.
func yearOf(y int) *year {
	if y < MinYear || y > MaxYear {
		return newYear(y)
	}

	c := &cached[y-MinYear]
	c.once.Do(func() { c.year = *newYear(y) })
	return &c.year
}

// newYear computes the holidays of y and its business days under every Calendar variant.
func newYear(y int) *year {
	r := &year{days: Date(y, time.December, 31).YearDay(), holidays: computeHolidays(y)}
	for _, h := range r.holidays {
		yday := h.Date.YearDay()
		r.holidayDays = append(r.holidayDays, yday)
		r.holiday.set(yday)
	}

	for yday := 1; yday <= r.days; yday++ {
		d := fromYearDay(y, yday)
		if isWeekend(d) || r.holiday.has(yday) {
			continue
		}
		for v := range r.open {
			if !closedBy(variant(v), d) {
				r.open[v].set(yday)
			}
		}
	}
	return r
}

func isWeekend(d time.Time) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// closedBy reports whether the optional closures of v close d, a weekday that is no holiday.
func closedBy(v variant, d time.Time) bool {
	if v&skipSummer != 0 {
		// Weeks 28 to 30 fall in July, where the ISO year is always the calendar year.
		if _, week := d.ISOWeek(); week >= 28 && week <= 30 {
			return true
		}
	}
	if v&skipChristmas != 0 {
		_, m, day := d.Date()
		if (m == time.December && day >= 24) || (m == time.January && day == 1) {
			return true
		}
	}
	return false
}
