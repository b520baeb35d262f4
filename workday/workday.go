// Package workday knows Norway's calendar of work: public holidays, business days, ISO weeks,
// and how to lay dates a number of business days forwards or backwards.
//
// Every date is a calendar day represented as a [time.Time] at midnight UTC. Functions that
// take a date read its own year, month and day, so a time in another zone means the day it
// shows there.
package workday

import "time"

// MinYear and MaxYear bound the years the command line accepts. Holidays of these years are
// cached; other years are computed on each use.
const MinYear, MaxYear = 1900, 2200

// Date returns the given calendar day as midnight UTC. Out-of-range months and days
// normalize as in [time.Date].
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// Day returns t's calendar day, read in t's own location, as midnight UTC.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// ISOWeek returns the ISO 8601 year and week of d. The ISO year differs from the calendar
// year in the days around New Year: 2021-01-03 is in week 53 of 2020.
func ISOWeek(d time.Time) (year, week int) {
	return d.ISOWeek()
}

// daysBefore holds the days of a common year before each month.
var daysBefore = [...]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

// dayOf returns d's calendar year and day of the year (1 to 366). It reads the date once,
// where Year and YearDay would read it twice: it is on the path of every Add.
func dayOf(d time.Time) (year, yday int) {
	year, month, day := d.Date()
	yday = daysBefore[month] + day
	if month > time.February && isLeap(year) {
		yday++
	}
	return year, yday
}

func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

// fromYearDay is the inverse of dayOf; time.Date carries the day past January.
func fromYearDay(year, yday int) time.Time {
	return Date(year, time.January, yday)
}
