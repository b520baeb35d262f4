package workday

import "time"

// Calendar decides which days are business days: weekdays that are not Norwegian public
// holidays, less the optional closures. The zero value closes only weekends and holidays.
type Calendar struct {
	// SkipSummer also closes ISO weeks 28 to 30, the common summer holiday.
	SkipSummer bool
	// SkipChristmas also closes 24 December to 1 January inclusive.
	SkipChristmas bool
}

// variant numbers the combinations of a Calendar's options, to index per-year tables.
type variant int

const (
	skipSummer variant = 1 << iota
	skipChristmas
)

func (c Calendar) variant() variant {
	var v variant
	if c.SkipSummer {
		v |= skipSummer
	}
	if c.SkipChristmas {
		v |= skipChristmas
	}
	return v
}

// IsBusinessDay reports whether d is a business day under c.
func (c Calendar) IsBusinessDay(d time.Time) bool {
	year, yday := dayOf(d)
	return yearOf(year).open[c.variant()].has(yday)
}

// OnOrAfter returns d if it is a business day, else the next business day, as midnight UTC.
func (c Calendar) OnOrAfter(d time.Time) time.Time {
	if c.IsBusinessDay(d) {
		return Day(d)
	}
	return c.Next(d)
}

// OnOrBefore returns d if it is a business day, else the business day before it, as midnight
// UTC.
func (c Calendar) OnOrBefore(d time.Time) time.Time {
	if c.IsBusinessDay(d) {
		return Day(d)
	}
	return c.Add(d, -1)
}

// Next returns the first business day strictly after d.
func (c Calendar) Next(d time.Time) time.Time {
	return c.Add(d, 1)
}

// Add returns the day n business days after d, or before it when n is negative. d itself
// need not be a business day: from a Saturday, 1 is the next business day and -1 the last one
// before. Add(d, 0) returns d unchanged. Add does not allocate for years in the cached range.
func (c Calendar) Add(d time.Time, n int) time.Time {
	if n == 0 {
		return d
	}

	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	v := c.variant()
	y, yday := dayOf(d)
	yr := yearOf(y)
	for n > 0 {
		yday += step
		if yday > yr.days {
			y, yday = y+1, 1
			yr = yearOf(y)
		} else if yday < 1 {
			y = y - 1
			yr = yearOf(y)
			yday = yr.days
		}
		if yr.open[v].has(yday) {
			n--
		}
	}
	return fromYearDay(y, yday)
}

// Between returns the number of business days in (a, b]: after a, up to and including b.
// When b is before a it returns minus the business days in (b, a], so that
// Between(d, c.Add(d, n)) == n for a business day d.
func (c Calendar) Between(a, b time.Time) int {
	ya, da := dayOf(a)
	yb, db := dayOf(b)
	if ya > yb || (ya == yb && da > db) {
		return -c.Between(b, a)
	}

	v := c.variant()
	if ya == yb {
		return yearOf(ya).open[v].count(da+1, db)
	}
	first := yearOf(ya)
	n := first.open[v].count(da+1, first.days)
	for y := ya + 1; y < yb; y++ {
		n += yearOf(y).open[v].count(1, 366)
	}
	return n + yearOf(yb).open[v].count(1, db)
}
