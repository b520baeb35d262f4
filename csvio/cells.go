package csvio

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Layouts of days and times in the files followup writes.
const (
	dayLayout  = "02.01.2006"
	timeLayout = "02.01.2006 15:04:05"
)

// Day formats a calendar day as DD.MM.YYYY, or "" for the zero time.
func Day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dayLayout)
}

// Time formats a time in UTC as DD.MM.YYYY HH:MM:SS, or "" for the zero time.
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

// Amount formats øre as kroner with a decimal comma and two decimals, e.g.
// 125000050 as "1250000,50".
func Amount(ore int64) string {
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	return fmt.Sprintf("%s%d,%02d", sign, ore/100, ore%100)
}

// ID formats a reference, or "" for 0 (none).
func ID(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// Bool formats a flag as "ja" or "".
func Bool(b bool) string {
	if b {
		return "ja"
	}
	return ""
}

// errAmountForm tells how an amount is written.
var errAmountForm = errors.New("write kroner such as 125 000,50 or 125000")

// thousandsDots matches a whole number with dots between groups of three
// digits, such as 1.250.000: Norwegian thousands separators.
var thousandsDots = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)

// ParseAmount reads an amount in kroner and returns it in øre. It takes a
// decimal comma or point, spaces (also non-breaking) or dots between thousands,
// and "kr", "NOK" or ",-" around the figure: "kr 125 000,50", "125.000,-".
func ParseAmount(s string) (int64, error) {
	s = trimCurrency(s)
	if strings.HasPrefix(s, "-") {
		return 0, errors.New("it is negative: give 0 or more")
	}
	whole, frac, err := splitDecimal(s)
	if err != nil {
		return 0, err
	}
	if len(frac) > 2 {
		return 0, errors.New("it has more than two decimals: give whole øre")
	}
	frac += strings.Repeat("0", 2-len(frac))
	kr, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || !allDigits(whole) || !allDigits(frac) {
		return 0, errAmountForm
	}
	if kr > (math.MaxInt64-99)/100 {
		return 0, errors.New("it is too large")
	}
	ore, _ := strconv.ParseInt(frac, 10, 64)
	return kr*100 + ore, nil
}

// trimCurrency takes away spaces, the currency and a trailing ",-".
func trimCurrency(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00A0', '\u202F', '\u2009', '\t':
			return -1
		}
		return r
	}, s)
	lower := strings.ToLower(s)
	for _, c := range []string{"kr.", "kr", "nok"} {
		if strings.HasPrefix(lower, c) {
			s, lower = s[len(c):], lower[len(c):]
		}
		if strings.HasSuffix(lower, c) {
			s, lower = s[:len(s)-len(c)], lower[:len(lower)-len(c)]
		}
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, ",-"), ".-")
	return s
}

// splitDecimal splits a figure into whole kroner and the decimals. A comma is
// the decimal mark, dots then being thousands separators; without a comma, dots
// between groups of three are thousands separators and a single other dot is
// the decimal mark.
func splitDecimal(s string) (whole, frac string, err error) {
	switch {
	case s == "":
		return "", "", errAmountForm
	case strings.Count(s, ",") > 1:
		return "", "", errors.New("it has more than one decimal comma: " + errAmountForm.Error())
	case strings.Contains(s, ","):
		whole, frac, _ = strings.Cut(s, ",")
		if strings.Contains(whole, ".") && !thousandsDots.MatchString(whole) {
			return "", "", errAmountForm
		}
		return strings.ReplaceAll(whole, ".", ""), frac, nil
	case thousandsDots.MatchString(s):
		return strings.ReplaceAll(s, ".", ""), "", nil
	case strings.Count(s, ".") > 1:
		return "", "", errAmountForm
	}
	whole, frac, _ = strings.Cut(s, ".")
	return whole, frac, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// dayForms are the forms [ParseDay] reads.
var dayForms = []string{"2.1.2006", "2006-01-02"}

// ParseDay reads a calendar day written DD.MM.YYYY (or D.M.YYYY) or
// YYYY-MM-DD, and returns it at midnight UTC. A time of day after the date,
// which Excel adds to a cell formatted as a time, is dropped.
func ParseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if date, clock, ok := strings.Cut(s, " "); ok && isClock(strings.TrimSpace(clock)) {
		s = date
	}
	for _, layout := range dayForms {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if twoDigitYear.MatchString(s) {
		return time.Time{}, errors.New("the year has two digits: write it with four, " +
			"as in 30.04.2002")
	}
	return time.Time{}, errors.New("it is not a date: write it as DD.MM.YYYY, e.g. 30.04.2002")
}

var (
	twoDigitYear = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.\d{2}$`)
	clockForm    = regexp.MustCompile(`^\d{1,2}:\d{2}(:\d{2})?$`)
)

func isClock(s string) bool { return clockForm.MatchString(s) }
