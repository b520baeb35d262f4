package render_test

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"followup"
	"followup/notes"
	"followup/render"
)

// BenchmarkExampleLetters composes and renders each of the project's example
// letters, the whole path from parsed notes to the bytes a buyer gets:
// letters per second per core is 1e9 / ns/op when run with -cpu 1.
func BenchmarkExampleLetters(b *testing.B) {
	paths, err := filepath.Glob("../examples/*.md")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no examples: %v", err)
	}
	for _, path := range paths {
		m, err := notes.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".md")
		for _, f := range []render.Format{render.Text, render.Markdown, render.HTML} {
			b.Run(name+"/"+string(f), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					l := followup.ComposeLetter(m)
					if err := render.Letter(io.Discard, l, f, render.Buyer); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
			})
		}
	}
}
