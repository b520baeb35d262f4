package lang_test

import (
	"fmt"
	"testing"

	"followup/lang"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name   string
		items  []string
		nb, en string
	}{
		{"nil", nil, "", ""},
		{"empty", []string{}, "", ""},
		{"one", []string{"Kari"}, "Kari", "Kari"},
		{"two", []string{"Kari", "Ola"}, "Kari og Ola", "Kari and Ola"},
		{"three", []string{"Kari", "Ola", "Per"}, "Kari, Ola og Per", "Kari, Ola and Per"},
		{"four", []string{"a", "b", "c", "d"}, "a, b, c og d", "a, b, c and d"},
		{"one with comma", []string{"Oslo, Norge"}, "Oslo, Norge", "Oslo, Norge"},
		{"two with comma", []string{"a, x", "b"}, "a, x og b", "a, x and b"},
		{"three with comma", []string{"a, x", "b", "c"}, "a, x; b og c", "a, x; b and c"},
		{"comma in last item", []string{"a", "b", "c, d"}, "a; b og c, d", "a; b and c, d"},
		{"og inside items", []string{"salg og service", "drift", "kurs og opplæring"},
			"salg og service, drift og kurs og opplæring",
			"salg og service, drift and kurs og opplæring"},
		{"and inside items", []string{"sales and service", "support", "training"},
			"sales and service, support og training",
			"sales and service, support and training"},
		{"empty items kept", []string{"", "b", ""}, ", b og ", ", b and "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.Norwegian.Join(tt.items); got != tt.nb {
				t.Errorf("nb Join(%q) = %q, want %q", tt.items, got, tt.nb)
			}
			if got := lang.English.Join(tt.items); got != tt.en {
				t.Errorf("en Join(%q) = %q, want %q", tt.items, got, tt.en)
			}
		})
	}
}

func TestJoinUnknownLanguage(t *testing.T) {
	got, want := lang.Lang("xx").Join([]string{"a", "b"}), "a og b"
	if got != want {
		t.Errorf("Join = %q, want %q", got, want)
	}
}

func TestJoinAllocations(t *testing.T) {
	items := []string{"Kari Nordmann", "Ola Hansen", "Per Olsen"}
	if got := testing.AllocsPerRun(100, func() { _ = lang.Norwegian.Join(items) }); got > 1 {
		t.Errorf("%v allocations, want at most 1", got)
	}
}

func BenchmarkJoin(b *testing.B) {
	items := []string{"Kari Nordmann", "Ola Hansen", "Per Olsen"}
	b.ReportAllocs()
	for b.Loop() {
		_ = lang.Norwegian.Join(items)
	}
}

func ExampleLang_Join() {
	people := []string{"Kari", "Ola", "Per"}
	fmt.Println(lang.Norwegian.Join(people))
	fmt.Println(lang.English.Join(people))
	fmt.Println(lang.Norwegian.Join([]string{"Kari, salg", "Ola", "Per"}))
	// Output:
	// Kari, Ola og Per
	// Kari, Ola and Per
	// Kari, salg; Ola og Per
}
