package workday

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

var (
	plain     = Calendar{}
	summer    = Calendar{SkipSummer: true}
	christmas = Calendar{SkipChristmas: true}
	both      = Calendar{SkipSummer: true, SkipChristmas: true}
)

func TestAdd(t *testing.T) {
	tests := []struct {
		name string
		cal  Calendar
		from time.Time
		n    int
		want time.Time
	}{
		{"zero steps", plain, Date(2026, time.April, 4), 0, Date(2026, time.April, 4)},
		{"over Easter", plain, Date(2026, time.April, 1), 1, Date(2026, time.April, 7)},
		{"back over Easter", plain, Date(2026, time.April, 7), -1, Date(2026, time.April, 1)},
		{"ten days through Easter", plain, Date(2026, time.March, 30), 10,
			Date(2026, time.April, 16)},
		{"from Easter Saturday", plain, Date(2026, time.April, 4), 1, Date(2026, time.April, 7)},
		{"back from Easter Saturday", plain, Date(2026, time.April, 4), -1,
			Date(2026, time.April, 1)},
		{"over 1 May", plain, Date(2026, time.April, 30), 1, Date(2026, time.May, 4)},
		{"over Ascension", plain, Date(2026, time.May, 13), 1, Date(2026, time.May, 15)},
		{"back over Ascension", plain, Date(2026, time.May, 15), -1, Date(2026, time.May, 13)},
		{"over 17 May on a Wednesday", plain, Date(2028, time.May, 16), 1,
			Date(2028, time.May, 18)},
		{"over Whitsun", plain, Date(2026, time.May, 22), 1, Date(2026, time.May, 26)},
		{"back over Whitsun", plain, Date(2026, time.May, 26), -1, Date(2026, time.May, 22)},
		{"over Whit Monday on 17 May", plain, Date(2027, time.May, 14), 1,
			Date(2027, time.May, 18)},
		{"julaften is open", plain, Date(2026, time.December, 23), 1,
			Date(2026, time.December, 24)},
		{"over Christmas", plain, Date(2026, time.December, 24), 1,
			Date(2026, time.December, 28)},
		{"to nyttårsaften", plain, Date(2026, time.December, 23), 5,
			Date(2026, time.December, 31)},
		{"over the year boundary", plain, Date(2026, time.December, 31), 1,
			Date(2027, time.January, 4)},
		{"back over the year boundary", plain, Date(2027, time.January, 4), -1,
			Date(2026, time.December, 31)},
		{"skip Christmas", christmas, Date(2026, time.December, 23), 1,
			Date(2027, time.January, 4)},
		{"back over skipped Christmas", christmas, Date(2027, time.January, 4), -1,
			Date(2026, time.December, 23)},
		{"skip Christmas in 2027", christmas, Date(2027, time.December, 23), 1,
			Date(2028, time.January, 3)},
		{"skip summer", summer, Date(2026, time.July, 3), 1, Date(2026, time.July, 27)},
		{"back over skipped summer", summer, Date(2026, time.July, 27), -1,
			Date(2026, time.July, 3)},
		{"summer open without the option", plain, Date(2026, time.July, 3), 1,
			Date(2026, time.July, 6)},
		{"summer of a year with week 53", summer, Date(2020, time.July, 3), 1,
			Date(2020, time.July, 27)},
		// 2026 has 253 business days; 2 January is one, 15 fall in the summer weeks and 5
		// from julaften to New Year, so 23 December is the 232nd after 2 January.
		{"both skips, year-long", both, Date(2026, time.January, 2), 232,
			Date(2026, time.December, 23)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.Add(tt.from, tt.n); !got.Equal(tt.want) {
				t.Errorf("%+v.Add(%s, %d) = %s, want %s",
					tt.cal, day(tt.from), tt.n, day(got), day(tt.want))
			}
		})
	}
}

func TestBetween(t *testing.T) {
	tests := []struct {
		name string
		cal  Calendar
		a, b time.Time
		want int
	}{
		{"same day", plain, Date(2026, time.April, 1), Date(2026, time.April, 1), 0},
		{"over Easter", plain, Date(2026, time.April, 1), Date(2026, time.April, 7), 1},
		{"backwards over Easter", plain, Date(2026, time.April, 7), Date(2026, time.April, 1), -1},
		{"from a Saturday", plain, Date(2026, time.April, 4), Date(2026, time.April, 7), 1},
		{"to a Sunday", plain, Date(2026, time.April, 1), Date(2026, time.April, 5), 0},
		{"Christmas week", plain, Date(2026, time.December, 23), Date(2027, time.January, 4), 6},
		{"Christmas skipped", christmas, Date(2026, time.December, 23),
			Date(2027, time.January, 4), 1},
		{"summer skipped", summer, Date(2026, time.July, 3), Date(2026, time.July, 27), 1},
		{"summer open", plain, Date(2026, time.July, 3), Date(2026, time.July, 27), 16},
		// 2026 and 2027 have 261 weekdays each; 8 and 6 of their holidays fall on one.
		{"the whole of 2026", plain, Date(2025, time.December, 31), Date(2026, time.December, 31),
			253},
		{"across several years", plain, Date(2025, time.December, 31),
			Date(2027, time.December, 31), 253 + 255},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.Between(tt.a, tt.b); got != tt.want {
				t.Errorf("%+v.Between(%s, %s) = %d, want %d",
					tt.cal, day(tt.a), day(tt.b), got, tt.want)
			}
		})
	}
}

func TestOnOrAfterBefore(t *testing.T) {
	tests := []struct {
		name                  string
		cal                   Calendar
		date                  time.Time
		wantAfter, wantBefore time.Time
	}{
		{"business day", plain, Date(2026, time.April, 7),
			Date(2026, time.April, 7), Date(2026, time.April, 7)},
		{"Good Friday", plain, Date(2026, time.April, 3),
			Date(2026, time.April, 7), Date(2026, time.April, 1)},
		{"New Year's Day", plain, Date(2027, time.January, 1),
			Date(2027, time.January, 4), Date(2026, time.December, 31)},
		{"julaften with Christmas skipped", christmas, Date(2026, time.December, 24),
			Date(2027, time.January, 4), Date(2026, time.December, 23)},
		{"mid-July with summer skipped", summer, Date(2026, time.July, 15),
			Date(2026, time.July, 27), Date(2026, time.July, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cal.OnOrAfter(tt.date); !got.Equal(tt.wantAfter) {
				t.Errorf("OnOrAfter(%s) = %s, want %s", day(tt.date), day(got), day(tt.wantAfter))
			}
			if got := tt.cal.OnOrBefore(tt.date); !got.Equal(tt.wantBefore) {
				t.Errorf("OnOrBefore(%s) = %s, want %s", day(tt.date), day(got), day(tt.wantBefore))
			}
			if got, want := tt.cal.Next(tt.date), tt.cal.Add(tt.date, 1); !got.Equal(want) {
				t.Errorf("Next(%s) = %s, want %s", day(tt.date), day(got), day(want))
			}
		})
	}
}

func TestISOWeek(t *testing.T) {
	tests := []struct {
		name               string
		date               time.Time
		wantYear, wantWeek int
	}{
		{"last day of 2020", Date(2020, time.December, 31), 2020, 53},
		{"first Sunday of 2021", Date(2021, time.January, 3), 2020, 53},
		{"first Monday of 2021", Date(2021, time.January, 4), 2021, 1},
		{"last day of 2026", Date(2026, time.December, 31), 2026, 53},
		{"first day of 2027", Date(2027, time.January, 1), 2026, 53},
		{"30 December 2024", Date(2024, time.December, 30), 2025, 1},
		{"mid-February", Date(2026, time.February, 13), 2026, 7},
		{"first summer week", Date(2026, time.July, 6), 2026, 28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			year, week := ISOWeek(tt.date)
			if year != tt.wantYear || week != tt.wantWeek {
				t.Errorf("ISOWeek(%s) = %d-W%d, want %d-W%d",
					day(tt.date), year, week, tt.wantYear, tt.wantWeek)
			}
		})
	}
}

// slowIsBusinessDay is the rule written out plainly, to check the cached day sets against.
func slowIsBusinessDay(c Calendar, d time.Time, holidays map[time.Time]bool) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || holidays[d] {
		return false
	}
	if _, week := d.ISOWeek(); c.SkipSummer && week >= 28 && week <= 30 {
		return false
	}
	_, m, dd := d.Date()
	return !c.SkipChristmas || !(m == time.December && dd >= 24 || m == time.January && dd == 1)
}

func TestIsBusinessDayAgreesWithTheRule(t *testing.T) {
	holidays := map[time.Time]bool{}
	for y := MinYear - 1; y <= MaxYear+1; y++ {
		for _, h := range Holidays(y) {
			holidays[h.Date] = true
		}
	}

	for _, c := range []Calendar{plain, summer, christmas, both} {
		for d := Date(MinYear-1, time.December, 1); d.Year() <= MaxYear+1; d = d.AddDate(0, 0, 1) {
			got, want := c.IsBusinessDay(d), slowIsBusinessDay(c, d, holidays)
			if got != want {
				t.Fatalf("%+v.IsBusinessDay(%s) = %t, want %t", c, day(d), got, want)
			}
		}
	}
}

func TestAddAndBetweenAreInverse(t *testing.T) {
	r := rand.New(rand.NewPCG(1947, 17))
	for i := 0; i < 20000; i++ {
		c := Calendar{SkipSummer: r.IntN(2) == 0, SkipChristmas: r.IntN(2) == 0}
		d := c.OnOrAfter(Date(MinYear, time.January, 1+r.IntN(300*365)))
		n := r.IntN(801) - 400

		got := c.Add(d, n)
		if between := c.Between(d, got); between != n {
			t.Fatalf("%+v: Between(%s, Add(%s, %d) = %s) = %d, want %d",
				c, day(d), day(d), n, day(got), between, n)
		}
		if n != 0 && !c.IsBusinessDay(got) {
			t.Fatalf("%+v.Add(%s, %d) = %s, not a business day", c, day(d), n, day(got))
		}
	}
}

func TestAddBeyondTheCachedYears(t *testing.T) {
	// 2201-01-01 is a Thursday and a holiday; the year after MaxYear is computed, not cached.
	got := plain.Add(Date(MaxYear, time.December, 31), 1)
	if want := Date(MaxYear+1, time.January, 2); !got.Equal(want) {
		t.Errorf("Add(%d-12-31, 1) = %s, want %s", MaxYear, day(got), day(want))
	}
}

func TestConcurrentFirstUse(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for y := MinYear; y <= MaxYear; y++ {
				both.Add(Date(y, time.March, 1), 40)
				HolidaysOn(Date(y, time.May, 17))
			}
		})
	}
	wg.Wait()
}
