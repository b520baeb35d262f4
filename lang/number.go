package lang

import "strconv"

// Norwegian groups thousands with a space. It is a plain space (U+0020), not a no-break space:
// letters travel as plain-text mail and get pasted into spreadsheets and other mail clients,
// where a U+00A0 turns into a stray symbol or stops a figure from being read as a number.
const (
	thousandsNB = ' '
	thousandsEN = ','
	decimalNB   = ','
	decimalEN   = '.'
)

var (
	numberWordsNB = [13]string{"null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte",
		"ni", "ti", "elleve", "tolv"}
	numberWordsEN = [13]string{"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve"}
)

// Number writes n as running text does: in words from zero to twelve ("én" for 1 in Norwegian),
// in digits above with thousands grouped (nb "1 000", en "1,000"). A negative number is always
// in digits after a hyphen-minus ("-3"), which survives plain-text mail.
func (l Lang) Number(n int) string {
	if n >= 0 && n <= 12 {
		if l.usesEnglish() {
			return numberWordsEN[n]
		}
		return numberWordsNB[n]
	}
	var buf [32]byte
	return string(l.appendNumber(buf[:0], int64(n)))
}

// Count writes n followed by the singular noun when n is one and the plural otherwise:
// nb "én milepæl", "åtte milepæler"; en "one checkpoint", "eight checkpoints".
func (l Lang) Count(n int, singular, plural string) string {
	if n >= 0 && n <= 12 {
		return l.Number(n) + " " + noun(n, singular, plural)
	}
	var buf [64]byte
	return string(l.appendCount(buf[:0], n, singular, plural))
}

// appendCount appends n and its noun to b as [Lang.Count] writes them.
func (l Lang) appendCount(b []byte, n int, singular, plural string) []byte {
	if n >= 0 && n <= 12 {
		b = append(b, l.Number(n)...)
	} else {
		b = l.appendNumber(b, int64(n))
	}
	return append(append(b, ' '), noun(n, singular, plural)...)
}

// noun returns the singular for one of a thing and the plural otherwise.
func noun(n int, singular, plural string) string {
	if n == 1 {
		return singular
	}
	return plural
}

// Amount writes an amount given in øre as a buyer reads money: nb "kr 125 000", "kr 125 000,50";
// en "NOK 125,000", "NOK 125,000.50". Whole kroner show no decimals. A negative amount keeps the
// currency first and puts the sign on the figure ("kr -1 200", "NOK -1,200"), so a column of
// amounts starts alike on every line and the sign stays next to the digits it changes.
func (l Lang) Amount(ore int64) string {
	var buf [48]byte
	b := buf[:0]
	if l.usesEnglish() {
		b = append(b, "NOK "...)
	} else {
		b = append(b, "kr "...)
	}

	u := uint64(ore)
	if ore < 0 {
		b = append(b, '-')
		u = -u // wraps correctly even for the smallest int64
	}
	b = appendGrouped(b, u/100, l.thousandsSep())
	if rest := u % 100; rest != 0 {
		b = append(b, l.decimalMark())
		if rest < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendUint(b, rest, 10)
	}
	return string(b)
}

// appendNumber appends n in digits with thousands grouped and a leading '-' when negative.
func (l Lang) appendNumber(b []byte, n int64) []byte {
	u := uint64(n)
	if n < 0 {
		b = append(b, '-')
		u = -u
	}
	return appendGrouped(b, u, l.thousandsSep())
}

// appendGrouped appends u in decimal with sep between each group of three digits.
func appendGrouped(b []byte, u uint64, sep byte) []byte {
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], u, 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, c)
	}
	return b
}

func (l Lang) thousandsSep() byte {
	if l.usesEnglish() {
		return thousandsEN
	}
	return thousandsNB
}

func (l Lang) decimalMark() byte {
	if l.usesEnglish() {
		return decimalEN
	}
	return decimalNB
}
