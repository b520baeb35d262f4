package render

import (
	"followup"
	"io"
	"testing"
)

// benchLetter is the decision-maker letter with two parts of the sponsor
// letter added: about 3 KB of text, a plan of nine rows.
func benchLetter() *followup.Letter {
	l := nbDecisionMaker()
	sponsor := nbSponsor()
	l.Parts = append(l.Parts, sponsor.Parts[4], sponsor.Parts[5])
	return l
}

// BenchmarkLetter renders benchLetter in each format. The bars: 50,000
// letters a second as text or Markdown and 10,000 as HTML, on one core.
func BenchmarkLetter(b *testing.B) {
	l := benchLetter()
	for _, f := range []Format{Text, Markdown, HTML} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(render(b, l, f, Buyer))))
			for b.Loop() {
				if err := Letter(io.Discard, l, f, Buyer); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
		})
	}
}
