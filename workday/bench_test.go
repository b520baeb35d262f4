package workday

import (
	"testing"
	"time"
)

// BenchmarkAdd lays a 40-event plan of 1 to 10 business days a step through a year with
// Easter, Ascension, Whitsun, 17 May and Christmas, then lays it back again.
func BenchmarkAdd(b *testing.B) {
	steps := make([]int, 40)
	for i := range steps {
		steps[i] = 1 + (i*7)%10
	}
	start := Date(2026, time.January, 5)

	for _, c := range []Calendar{plain, both} {
		b.Run(name(c), func(b *testing.B) {
			for b.Loop() {
				d := start
				for _, n := range steps {
					d = c.Add(d, n)
				}
				for _, n := range steps {
					d = c.Add(d, -n)
				}
				if !d.Equal(start) {
					b.Fatalf("round trip ended on %s, want %s", day(d), day(start))
				}
			}
		})
	}
}

// BenchmarkHolidaysOn asks about every day of a year in turn, one day a call.
func BenchmarkHolidaysOn(b *testing.B) {
	days := make([]time.Time, 365)
	for i := range days {
		days[i] = Date(2027, time.January, 1+i)
	}

	i := 0
	for b.Loop() {
		HolidaysOn(days[i])
		i = (i + 1) % len(days)
	}
}

func name(c Calendar) string {
	if c == plain {
		return "plain"
	}
	return "skip_summer_and_christmas"
}
