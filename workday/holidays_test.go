package workday

import (
	"slices"
	"testing"
	"time"
)

// gaussEaster is a second computus, Gauss's, with its two exceptions, to check Easter against
// an independent method.
func gaussEaster(year int) time.Time {
	k := year / 100
	p := (13 + 8*k) / 25
	q := k / 4
	m := (15 - p + k - q) % 30
	n := (4 + k - q) % 7
	d := (19*(year%19) + m) % 30
	e := (2*(year%4) + 4*(year%7) + 6*d + n) % 7

	switch {
	case d == 29 && e == 6:
		return Date(year, time.April, 19)
	case d == 28 && e == 6 && (11*m+11)%30 < 19:
		return Date(year, time.April, 18)
	}
	return Date(year, time.March, 22+d+e)
}

func TestEaster(t *testing.T) {
	// Dates checked against python-dateutil's easter() as well as gaussEaster.
	tests := []struct {
		name string
		year int
		want time.Time
	}{
		{"first Gregorian year", 1583, Date(1583, time.April, 10)},
		{"earliest possible date", 1818, Date(1818, time.March, 22)},
		{"first cached year", 1900, Date(1900, time.April, 15)},
		{"Gauss exception of 18 April", 1954, Date(1954, time.April, 18)},
		{"Gauss exception of 19 April", 1981, Date(1981, time.April, 19)},
		{"March in 2002", 2002, Date(2002, time.March, 31)},
		{"Ascension on 1 May", 2008, Date(2008, time.March, 23)},
		{"late April", 2011, Date(2011, time.April, 24)},
		{"2019", 2019, Date(2019, time.April, 21)},
		{"2024", 2024, Date(2024, time.March, 31)},
		{"2025", 2025, Date(2025, time.April, 20)},
		{"2026", 2026, Date(2026, time.April, 5)},
		{"2027", 2027, Date(2027, time.March, 28)},
		{"latest possible date", 2038, Date(2038, time.April, 25)},
		{"non-leap century", 2100, Date(2100, time.March, 28)},
		{"last cached year", 2200, Date(2200, time.April, 6)},
		{"beyond the cache", 2285, Date(2285, time.March, 22)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Easter(tt.year); !got.Equal(tt.want) {
				t.Errorf("Easter(%d) = %s, want %s", tt.year, day(got), day(tt.want))
			}
			if got := gaussEaster(tt.year); !got.Equal(tt.want) {
				t.Errorf("gaussEaster(%d) = %s, want %s", tt.year, day(got), day(tt.want))
			}
		})
	}
}

func TestEasterAgreesWithGauss(t *testing.T) {
	for year := 1583; year <= 4099; year++ {
		got, want := Easter(year), gaussEaster(year)
		if !got.Equal(want) {
			t.Fatalf("Easter(%d) = %s, gaussEaster says %s", year, day(got), day(want))
		}
		if got.Weekday() != time.Sunday {
			t.Fatalf("Easter(%d) = %s is a %s", year, day(got), got.Weekday())
		}
		if got.Before(Date(year, time.March, 22)) || got.After(Date(year, time.April, 25)) {
			t.Fatalf("Easter(%d) = %s is outside 22 March to 25 April", year, day(got))
		}
	}
}

// day formats a date for messages and fixtures.
func day(d time.Time) string { return d.Format("2006-01-02") }

// holidayLines renders holidays as "2006-01-02 name" for comparison with fixtures.
func holidayLines(hs []Holiday) []string {
	var lines []string
	for _, h := range hs {
		lines = append(lines, day(h.Date)+" "+h.Name)
	}
	return lines
}

func TestHolidays(t *testing.T) {
	tests := []struct {
		name string
		year int
		want []string
	}{
		{"2026", 2026, []string{
			"2026-01-01 1. nyttårsdag",
			"2026-04-02 Skjærtorsdag",
			"2026-04-03 Langfredag",
			"2026-04-05 1. påskedag",
			"2026-04-06 2. påskedag",
			"2026-05-01 Offentlig høytidsdag",
			"2026-05-14 Kristi himmelfartsdag",
			"2026-05-17 Grunnlovsdag",
			"2026-05-24 1. pinsedag",
			"2026-05-25 2. pinsedag",
			"2026-12-25 1. juledag",
			"2026-12-26 2. juledag",
		}},
		{"2027 with Whit Monday on 17 May", 2027, []string{
			"2027-01-01 1. nyttårsdag",
			"2027-03-25 Skjærtorsdag",
			"2027-03-26 Langfredag",
			"2027-03-28 1. påskedag",
			"2027-03-29 2. påskedag",
			"2027-05-01 Offentlig høytidsdag",
			"2027-05-06 Kristi himmelfartsdag",
			"2027-05-16 1. pinsedag",
			"2027-05-17 Grunnlovsdag",
			"2027-05-17 2. pinsedag",
			"2027-12-25 1. juledag",
			"2027-12-26 2. juledag",
		}},
		{"1946 before the law of 1947", 1946, []string{
			"1946-01-01 1. nyttårsdag",
			"1946-04-18 Skjærtorsdag",
			"1946-04-19 Langfredag",
			"1946-04-21 1. påskedag",
			"1946-04-22 2. påskedag",
			"1946-05-30 Kristi himmelfartsdag",
			"1946-06-09 1. pinsedag",
			"1946-06-10 2. pinsedag",
			"1946-12-25 1. juledag",
			"1946-12-26 2. juledag",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := holidayLines(Holidays(tt.year))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Holidays(%d):\ngot  %q\nwant %q", tt.year, got, tt.want)
			}
		})
	}
}

func TestHolidaysOn(t *testing.T) {
	tests := []struct {
		name string
		date time.Time
		want []string
	}{
		{"ordinary day", Date(2026, time.March, 3), nil},
		{"julaften", Date(2026, time.December, 24), nil},
		{"nyttårsaften", Date(2026, time.December, 31), nil},
		{"Easter Sunday", Date(2026, time.April, 5), []string{"1. påskedag"}},
		{"Ascension on 1 May 2008", Date(2008, time.May, 1),
			[]string{"Offentlig høytidsdag", "Kristi himmelfartsdag"}},
		{"Ascension on 17 May 2012", Date(2012, time.May, 17),
			[]string{"Grunnlovsdag", "Kristi himmelfartsdag"}},
		{"Whit Monday on 17 May 2027", Date(2027, time.May, 17),
			[]string{"Grunnlovsdag", "2. pinsedag"}},
		{"17 May 1946", Date(1946, time.May, 17), nil},
		{"1 May 1947", Date(1947, time.May, 1), []string{"Offentlig høytidsdag"}},
		{"outside the cached years", Date(2300, time.December, 26), []string{"2. juledag"}},
		{"evening in Oslo is that day",
			time.Date(2026, time.May, 17, 23, 30, 0, 0, time.FixedZone("CEST", 2*3600)),
			[]string{"Grunnlovsdag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HolidaysOn(tt.date); !slices.Equal(got, tt.want) {
				t.Errorf("HolidaysOn(%s) = %q, want %q", day(tt.date), got, tt.want)
			}
		})
	}
}

func TestHolidaysIsACopy(t *testing.T) {
	Holidays(2026)[0].Name = "changed"
	if got, want := Holidays(2026)[0].Name, "1. nyttårsdag"; got != want {
		t.Errorf("after changing a returned slice, Holidays(2026)[0].Name = %q, want %q", got, want)
	}
}

func TestDay(t *testing.T) {
	oslo := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"midnight UTC unchanged", Date(2026, time.March, 1), Date(2026, time.March, 1)},
		{"afternoon UTC", time.Date(2026, time.March, 1, 15, 4, 5, 6, time.UTC),
			Date(2026, time.March, 1)},
		{"just after midnight in Oslo", time.Date(2026, time.March, 2, 0, 30, 0, 0, oslo),
			Date(2026, time.March, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Day(tt.in)
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("Day(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
