package render_test

import (
	"html/template"
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

// BenchmarkBaselineTemplate renders a 3 KB letter-shaped page through a bare
// html/template: the yardstick the letter benchmarks are read against on a
// shared machine, as a ratio measured in the same run (the bars: HTML at
// least 0.45 of it, text and Markdown at least 2.3 times it).
func BenchmarkBaselineTemplate(b *testing.B) {
	page := template.Must(template.New("letter").Parse(`<!doctype html><html lang="nb"><meta charset="utf-8">` +
		`<title>{{.Title}}</title><body>{{range .Lines}}<div>{{.}}</div>{{end}}` +
		`{{range .Paragraphs}}<p>{{.}}</p>{{end}}</body></html>`))
	data := struct {
		Title      string
		Lines      []string
		Paragraphs []string
	}{
		Title: "ABC AS",
		Lines: []string{"Ole Olsen", "Daglig leder", "ABC AS", "Oslogata 99", "0123 Oslo"},
	}
	for range 8 {
		data.Paragraphs = append(data.Paragraphs, strings.Repeat("Salget svinger mye fra måned til måned. ", 9))
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := page.Execute(io.Discard, data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "letters/s")
}
