package lang_test

import (
	"math"
	"testing"

	"followup/lang"
)

func TestNumberWords(t *testing.T) {
	nb := []string{"null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
		"elleve", "tolv", "13"}
	en := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "13"}
	for n := range nb {
		t.Run(en[n], func(t *testing.T) {
			if got := lang.Norwegian.Number(n); got != nb[n] {
				t.Errorf("nb Number(%d) = %q, want %q", n, got, nb[n])
			}
			if got := lang.English.Number(n); got != en[n] {
				t.Errorf("en Number(%d) = %q, want %q", n, got, en[n])
			}
		})
	}
}

func TestNumberDigits(t *testing.T) {
	tests := []struct {
		name   string
		n      int
		nb, en string
	}{
		{"hundreds", 999, "999", "999"},
		{"thousand", 1000, "1 000", "1,000"},
		{"ten thousands", 12345, "12 345", "12,345"},
		{"million", 1000000, "1 000 000", "1,000,000"},
		{"minus one", -1, "-1", "-1"},
		{"minus thirteen", -13, "-13", "-13"},
		{"minus thousand", -1000, "-1 000", "-1,000"},
		{"largest", math.MaxInt64, "9 223 372 036 854 775 807", "9,223,372,036,854,775,807"},
		{"smallest", math.MinInt64, "-9 223 372 036 854 775 808",
			"-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.Norwegian.Number(tt.n); got != tt.nb {
				t.Errorf("nb Number(%d) = %q, want %q", tt.n, got, tt.nb)
			}
			if got := lang.English.Number(tt.n); got != tt.en {
				t.Errorf("en Number(%d) = %q, want %q", tt.n, got, tt.en)
			}
		})
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name string
		lang lang.Lang
		n    int
		want string
	}{
		{"nb none", lang.Norwegian, 0, "null milepæler"},
		{"nb one", lang.Norwegian, 1, "én milepæl"},
		{"nb eight", lang.Norwegian, 8, "åtte milepæler"},
		{"nb thirteen", lang.Norwegian, 13, "13 milepæler"},
		{"nb thousand", lang.Norwegian, 1000, "1 000 milepæler"},
		{"nb minus one", lang.Norwegian, -1, "-1 milepæler"},
		{"en one", lang.English, 1, "one checkpoint"},
		{"en eight", lang.English, 8, "eight checkpoints"},
		{"en thousand", lang.English, 1000, "1,000 checkpoints"},
		{"unknown is Norwegian", lang.Lang("de"), 2, "to milepæler"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			singular, plural := "milepæl", "milepæler"
			if tt.lang == lang.English {
				singular, plural = "checkpoint", "checkpoints"
			}
			if got := tt.lang.Count(tt.n, singular, plural); got != tt.want {
				t.Errorf("Count(%d) = %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}

func TestAmount(t *testing.T) {
	tests := []struct {
		name   string
		ore    int64
		nb, en string
	}{
		{"zero", 0, "kr 0", "NOK 0"},
		{"only øre", 5, "kr 0,05", "NOK 0.05"},
		{"half a krone", 50, "kr 0,50", "NOK 0.50"},
		{"one krone", 100, "kr 1", "NOK 1"},
		{"hundreds", 99900, "kr 999", "NOK 999"},
		{"thousand", 100000, "kr 1 000", "NOK 1,000"},
		{"whole kroner", 12500000, "kr 125 000", "NOK 125,000"},
		{"with øre", 12500050, "kr 125 000,50", "NOK 125,000.50"},
		{"million", 100000000, "kr 1 000 000", "NOK 1,000,000"},
		{"negative", -120000, "kr -1 200", "NOK -1,200"},
		{"negative with øre", -120001, "kr -1 200,01", "NOK -1,200.01"},
		{"smallest", math.MinInt64, "kr -92 233 720 368 547 758,08",
			"NOK -92,233,720,368,547,758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lang.Norwegian.Amount(tt.ore); got != tt.nb {
				t.Errorf("nb Amount(%d) = %q, want %q", tt.ore, got, tt.nb)
			}
			if got := lang.English.Amount(tt.ore); got != tt.en {
				t.Errorf("en Amount(%d) = %q, want %q", tt.ore, got, tt.en)
			}
		})
	}
}

func TestNumberAllocations(t *testing.T) {
	tests := []struct {
		name string
		max  float64
		fn   func()
	}{
		{"Number in words", 0, func() { _ = lang.Norwegian.Number(7) }},
		{"Number in digits", 1, func() { _ = lang.Norwegian.Number(125000) }},
		{"Count in words", 1, func() { _ = lang.English.Count(3, "day", "days") }},
		{"Count in digits", 1, func() { _ = lang.English.Count(30, "day", "days") }},
		{"Amount", 1, func() { _ = lang.Norwegian.Amount(12500050) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := testing.AllocsPerRun(100, tt.fn); got > tt.max {
				t.Errorf("%v allocations, want at most %v", got, tt.max)
			}
		})
	}
}

func BenchmarkAmount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = lang.Norwegian.Amount(12500050)
	}
}

func BenchmarkCount(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = lang.Norwegian.Count(8, "milepæl", "milepæler")
	}
}
