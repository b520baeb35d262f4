// Package render lays out followup's letters and plans as plain text, Markdown
// and HTML. The domain writes every word; render only arranges them: line
// breaks, columns, headings, escaping and a printable page.
package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"followup"
	"followup/lang"
)

// Format is an output format for letters and plans.
type Format string

// The formats render writes.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// ParseFormat reads a format name as a user would type it: "text" or "txt",
// "markdown" or "md", "html"; any case.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	case "html", "htm":
		return HTML, nil
	}
	return "", followup.Errorf(followup.EINVALID,
		"format %q is not known: use text (or txt), markdown (or md) or html", s)
}

// Mode says who a letter is rendered for.
type Mode int

// The two renderings of a letter.
const (
	// Buyer is the letter as it is sent: the parts follow one another with no
	// labels of the method.
	Buyer Mode = iota
	// Annotated shows each part, and the plan, under the method's label, for
	// the seller's review and for training.
	Annotated
)

// bufs holds output buffers, so that a letter reaches the writer in one
// Write and rendering many letters does not grow a buffer each time.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Letter writes l to w in format f. The whole letter is laid out before the
// first byte is written, so a failure leaves w untouched.
func Letter(w io.Writer, l *followup.Letter, f Format, m Mode) error {
	if l == nil {
		return followup.Errorf(followup.EINVALID, "render letter: there is no letter to render")
	}
	return emit(w, f, "render letter", func(b *bytes.Buffer) error {
		switch f {
		case Text:
			writeTextLetter(b, l, m)
		case Markdown:
			writeMarkdownLetter(b, l, m)
		default:
			return writeHTMLLetter(b, l, m)
		}
		return nil
	})
}

// Plan writes the progress plan alone, as `followup plan` prints it. lg sets
// the language of the HTML page; text and Markdown need none.
func Plan(w io.Writer, p *followup.PlanTable, lg lang.Lang, f Format) error {
	if p == nil {
		return followup.Errorf(followup.EINVALID, "render plan: there is no plan to render")
	}
	return emit(w, f, "render plan", func(b *bytes.Buffer) error {
		switch f {
		case Text:
			writeTextPlanPage(b, p)
		case Markdown:
			writeMarkdownPlanPage(b, p)
		default:
			return writeHTMLPlan(b, p, lg)
		}
		return nil
	})
}

// emit checks f, lets fill lay the output out in a pooled buffer and writes
// the buffer to w.
func emit(w io.Writer, f Format, what string, fill func(*bytes.Buffer) error) error {
	switch f {
	case Text, Markdown, HTML:
	default:
		return followup.Errorf(followup.EINVALID,
			"%s: format %q is not known: use text, markdown or html", what, string(f))
	}

	b := bufs.Get().(*bytes.Buffer)
	defer func() {
		// NOTE: a buffer grown by an unusually large document is dropped, not
		// kept in the pool for ever.
		if b.Cap() <= 1<<20 {
			b.Reset()
			bufs.Put(b)
		}
	}()
	b.Reset()

	if err := fill(b); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
