package notes

import (
	"strings"
	"time"

	"followup"
)

// dateForms is how messages name the accepted ways to write a date.
const dateForms = "YYYY-MM-DD (2002-01-10) or DD.MM.YYYY (10.01.2002)"

// ParseDate reads a calendar day written as 2002-01-10 or 10.01.2002 (the
// day and month of the second form may also have one digit) and returns it
// as midnight UTC. A day that is not in the calendar, such as 2002-02-30, is
// refused. Errors are [followup.Error]s with code [followup.EINVALID].
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	y, m, d, ok := splitISO(s)
	if !ok {
		y, m, d, ok = splitDotted(s)
	}
	if !ok {
		return time.Time{}, followup.Errorf(followup.EINVALID,
			"%s is not a date: write %s", quote(s), dateForms)
	}

	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, followup.Errorf(followup.EINVALID,
			"%s is not a day in the calendar: write %s", quote(s), dateForms)
	}
	return t, nil
}

// splitISO splits YYYY-MM-DD into its numbers.
func splitISO(s string) (y, m, d int, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, 0, false
	}
	y, ok1 := digits(s[0:4], 4, 4)
	m, ok2 := digits(s[5:7], 2, 2)
	d, ok3 := digits(s[8:10], 2, 2)
	return y, m, d, ok1 && ok2 && ok3
}

// splitDotted splits D.M.YYYY or DD.MM.YYYY into its numbers.
func splitDotted(s string) (y, m, d int, ok bool) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	d, ok1 := digits(parts[0], 1, 2)
	m, ok2 := digits(parts[1], 1, 2)
	y, ok3 := digits(parts[2], 4, 4)
	return y, m, d, ok1 && ok2 && ok3
}

// digits reads an unsigned decimal of min to max ASCII digits. strconv would
// also take signs, which a date never has.
func digits(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
