package lang_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"followup/lang"
)

// day builds a calendar day at midnight UTC, the way followup keeps dates.
func day(year int, month time.Month, d int) time.Time {
	return time.Date(year, month, d, 0, 0, 0, 0, time.UTC)
}

func TestDates(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		date time.Time
		// Expected Date, LongDate, DayMonth and ShortDate.
		date1, long, dayMonth, short string
	}{
		{"nb two-digit day", lang.Norwegian, day(2002, time.January, 10),
			"10.01.2002", "10. januar 2002", "10. januar", "10. jan."},
		{"nb single-digit day", lang.Norwegian, day(2002, time.March, 3),
			"03.03.2002", "3. mars 2002", "3. mars", "3. mars"},
		{"nb national day", lang.Norwegian, day(2024, time.May, 17),
			"17.05.2024", "17. mai 2024", "17. mai", "17. mai"},
		{"nb last day of year", lang.Norwegian, day(2024, time.December, 31),
			"31.12.2024", "31. desember 2024", "31. desember", "31. des."},
		{"nb first day of year", lang.Norwegian, day(2025, time.January, 1),
			"01.01.2025", "1. januar 2025", "1. januar", "1. jan."},
		{"nb leap day", lang.Norwegian, day(2024, time.February, 29),
			"29.02.2024", "29. februar 2024", "29. februar", "29. feb."},
		{"nb early year padded", lang.Norwegian, day(987, time.June, 5),
			"05.06.0987", "5. juni 987", "5. juni", "5. juni"},
		{"en two-digit day", lang.English, day(2002, time.January, 10),
			"10 January 2002", "10 January 2002", "10 January", "10 Jan"},
		{"en single-digit day", lang.English, day(2002, time.March, 3),
			"3 March 2002", "3 March 2002", "3 March", "3 Mar"},
		{"en last day of year", lang.English, day(2024, time.December, 31),
			"31 December 2024", "31 December 2024", "31 December", "31 Dec"},
		{"en first day of year", lang.English, day(2025, time.January, 1),
			"1 January 2025", "1 January 2025", "1 January", "1 Jan"},
		{"unknown language is Norwegian", lang.Lang("sv"), day(2002, time.January, 10),
			"10.01.2002", "10. januar 2002", "10. januar", "10. jan."},
		{"empty language is Norwegian", lang.Lang(""), day(2024, time.May, 17),
			"17.05.2024", "17. mai 2024", "17. mai", "17. mai"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct{ fn, got, want string }{
				{"Date", tt.lang.Date(tt.date), tt.date1},
				{"LongDate", tt.lang.LongDate(tt.date), tt.long},
				{"DayMonth", tt.lang.DayMonth(tt.date), tt.dayMonth},
				{"ShortDate", tt.lang.ShortDate(tt.date), tt.short},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.fn, c.got, c.want)
				}
			}
		})
	}
}

func TestMonthNames(t *testing.T) {
	tests := []struct {
		month                          time.Month
		nbName, nbAbbr, enName, enAbbr string
	}{
		{time.January, "januar", "jan.", "January", "Jan"},
		{time.February, "februar", "feb.", "February", "Feb"},
		{time.March, "mars", "mars", "March", "Mar"},
		{time.April, "april", "apr.", "April", "Apr"},
		{time.May, "mai", "mai", "May", "May"},
		{time.June, "juni", "juni", "June", "Jun"},
		{time.July, "juli", "juli", "July", "Jul"},
		{time.August, "august", "aug.", "August", "Aug"},
		{time.September, "september", "sep.", "September", "Sep"},
		{time.October, "oktober", "okt.", "October", "Oct"},
		{time.November, "november", "nov.", "November", "Nov"},
		{time.December, "desember", "des.", "December", "Dec"},
	}
	for _, tt := range tests {
		t.Run(tt.month.String(), func(t *testing.T) {
			for _, c := range []struct{ fn, got, want string }{
				{"nb Month", lang.Norwegian.Month(tt.month), tt.nbName},
				{"nb MonthAbbr", lang.Norwegian.MonthAbbr(tt.month), tt.nbAbbr},
				{"en Month", lang.English.Month(tt.month), tt.enName},
				{"en MonthAbbr", lang.English.MonthAbbr(tt.month), tt.enAbbr},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.fn, c.got, c.want)
				}
			}
		})
	}
}

func TestMonthOutOfRange(t *testing.T) {
	// A corrupt month must not panic in the middle of a letter.
	if got, want := lang.Norwegian.Month(0), "januar"; got != want {
		t.Errorf("Month(0) = %q, want %q", got, want)
	}
	if got, want := lang.English.MonthAbbr(13), "Dec"; got != want {
		t.Errorf("MonthAbbr(13) = %q, want %q", got, want)
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		day    time.Weekday
		nb, en string
	}{
		{time.Monday, "mandag", "Monday"},
		{time.Tuesday, "tirsdag", "Tuesday"},
		{time.Wednesday, "onsdag", "Wednesday"},
		{time.Thursday, "torsdag", "Thursday"},
		{time.Friday, "fredag", "Friday"},
		{time.Saturday, "lørdag", "Saturday"},
		{time.Sunday, "søndag", "Sunday"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			if got := lang.Norwegian.Weekday(tt.day); got != tt.nb {
				t.Errorf("nb Weekday = %q, want %q", got, tt.nb)
			}
			if got := lang.English.Weekday(tt.day); got != tt.en {
				t.Errorf("en Weekday = %q, want %q", got, tt.en)
			}
		})
	}
}

func TestWeek(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		week int
		want string
	}{
		{"nb single digit", lang.Norwegian, 7, "uke 7"},
		{"nb last week", lang.Norwegian, 53, "uke 53"},
		{"en single digit", lang.English, 7, "week 7"},
		{"en first week", lang.English, 1, "week 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.lang.Week(tt.week); got != tt.want {
				t.Errorf("Week(%d) = %q, want %q", tt.week, got, tt.want)
			}
		})
	}
}

func TestDayOfMonthEnglish(t *testing.T) {
	suffix := map[int]string{1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
	for d := 1; d <= 31; d++ {
		want := "the " + strconv.Itoa(d) + "th"
		if s, ok := suffix[d]; ok {
			want = "the " + strconv.Itoa(d) + s
		}
		t.Run(strconv.Itoa(d), func(t *testing.T) {
			if got := lang.English.DayOfMonth(d); got != want {
				t.Errorf("DayOfMonth(%d) = %q, want %q", d, got, want)
			}
		})
	}
}

func TestDayOfMonth(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		day  int
		want string
	}{
		{"nb", lang.Norwegian, 23, "den 23."},
		{"nb first", lang.Norwegian, 1, "den 1."},
		{"en eleventh", lang.English, 11, "the 11th"},
		{"en twelfth", lang.English, 12, "the 12th"},
		{"en thirteenth", lang.English, 13, "the 13th"},
		{"en twenty-third", lang.English, 23, "the 23rd"},
		{"en hundred and eleventh", lang.English, 111, "the 111th"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.lang.DayOfMonth(tt.day); got != tt.want {
				t.Errorf("DayOfMonth(%d) = %q, want %q", tt.day, got, tt.want)
			}
		})
	}
}

func TestParseWeekday(t *testing.T) {
	tests := []struct {
		word   string
		want   time.Weekday
		wantOK bool
	}{
		{"mandag", time.Monday, true},
		{"Tirsdag", time.Tuesday, true},
		{"LØRDAG", time.Saturday, true},
		{"søndag", time.Sunday, true},
		{"Monday", time.Monday, true},
		{"wednesday", time.Wednesday, true},
		{" fredag ", time.Friday, true},
		{"man.", 0, false},
		{"someday", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := lang.ParseWeekday(tt.word)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseWeekday(%q) = %v, %v, want %v, %v",
					tt.word, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseMonth(t *testing.T) {
	tests := []struct {
		word   string
		want   time.Month
		wantOK bool
	}{
		{"feb.", time.February, true},
		{"feb", time.February, true},
		{"februar", time.February, true},
		{"Feb", time.February, true},
		{"February", time.February, true},
		{"mars", time.March, true},
		{"Mar", time.March, true},
		{"MARCH", time.March, true},
		{"mai", time.May, true},
		{"May", time.May, true},
		{"okt.", time.October, true},
		{"Oct", time.October, true},
		{"des.", time.December, true},
		{"Dec.", time.December, true},
		{"desember", time.December, true},
		{"sept", time.September, true},
		{"juni", time.June, true},
		{"Jun", time.June, true},
		{"", 0, false},
		{".", 0, false},
		{"smarch", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got, ok := lang.ParseMonth(tt.word)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ParseMonth(%q) = %v, %v, want %v, %v",
					tt.word, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestParseMonthRoundTrip(t *testing.T) {
	for m := time.January; m <= time.December; m++ {
		for _, l := range []lang.Lang{lang.Norwegian, lang.English} {
			for _, word := range []string{l.Month(m), l.MonthAbbr(m)} {
				if got, ok := lang.ParseMonth(word); !ok || got != m {
					t.Errorf("ParseMonth(%q) = %v, %v, want %v, true", word, got, ok, m)
				}
			}
		}
	}
}

func TestUpperFirst(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii", "mandag", "Mandag"},
		{"norwegian letter", "øst", "Øst"},
		{"ae", "ærlig", "Ærlig"},
		{"already upper", "Oslo", "Oslo"},
		{"digit first", "3. mars", "3. mars"},
		{"single letter", "å", "Å"},
		{"invalid utf-8", "\xffabc", "\xffabc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.UpperFirst(tt.in); got != tt.want {
				t.Errorf("UpperFirst(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateAllocations(t *testing.T) {
	d := day(2002, time.January, 10)
	for _, l := range []lang.Lang{lang.Norwegian, lang.English} {
		got := testing.AllocsPerRun(100, func() {
			_ = l.Date(d)
			_ = l.ShortDate(d)
			_ = l.DayOfMonth(23)
		})
		if got > 3 {
			t.Errorf("%s: %v allocations for three dates, want at most 3", l, got)
		}
	}
}

func BenchmarkDate(b *testing.B) {
	d := day(2002, time.January, 10)
	for _, l := range []lang.Lang{lang.Norwegian, lang.English} {
		b.Run(l.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = l.Date(d)
			}
		})
	}
}

func ExampleLang_Date() {
	meeting := time.Date(2002, time.January, 10, 0, 0, 0, 0, time.UTC)
	fmt.Println(lang.Norwegian.Date(meeting))
	fmt.Println(lang.Norwegian.ShortDate(meeting))
	fmt.Println(lang.English.Date(meeting))
	fmt.Println(lang.English.DayOfMonth(23))
	// Output:
	// 10.01.2002
	// 10. jan.
	// 10 January 2002
	// the 23rd
}
