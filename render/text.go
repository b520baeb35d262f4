package render

import (
	"bytes"
	"strings"

	"followup"
)

// textDoc lays out plain text: blocks separated by one blank line, prose
// filled to [lineWidth].
type textDoc struct {
	b *bytes.Buffer
}

// block starts a new block, with a blank line after the one before.
func (d textDoc) block() {
	if d.b.Len() > 0 {
		d.b.WriteByte('\n')
	}
}

// line writes s as one line of its own.
func (d textDoc) line(s string) {
	d.b.WriteString(s)
	d.b.WriteByte('\n')
}

// lines writes a block of one line per field.
func (d textDoc) lines(ls []string) {
	if len(ls) == 0 {
		return
	}
	d.block()
	for _, l := range ls {
		d.line(l)
	}
}

// prose writes each paragraph of s as a block filled to the line width.
// label, when given, heads the first paragraph.
func (d textDoc) prose(s, label string) {
	eachParagraph(s, func(p string) {
		d.block()
		if label != "" {
			d.line(label)
			label = ""
		}
		d.b.Write(fill(d.b.AvailableBuffer(), p, lineWidth))
		d.b.WriteByte('\n')
	})
}

// writeTextLetter lays l out as plain text.
func writeTextLetter(b *bytes.Buffer, l *followup.Letter, m Mode) {
	d := textDoc{b}
	if c := oneLine(l.From.Company); c != "" {
		d.block()
		d.line(c)
		d.line(strings.Repeat("=", runes(c)))
	}
	d.lines(recipient(l.To))
	d.lines(lines(l.PlaceDate))
	d.prose(l.Opening, "")

	for _, p := range l.Parts {
		d.prose(p.Text, textLabel(p.Label, m))
	}
	if l.Plan != nil {
		d.plan(l.Plan, textLabel(l.Plan.Label, m))
	}

	d.lines(lines(l.Closing))
	d.lines(signature(l.From))
}

// textLabel returns the label of a part as the annotated letter shows it,
// "[SMERTE]", and nothing for the buyer's letter.
func textLabel(label string, m Mode) string {
	if m != Annotated || strings.TrimSpace(label) == "" {
		return ""
	}
	return "[" + strings.ToUpper(oneLine(label)) + "]"
}

// writeTextPlanPage lays out a plan on its own.
func writeTextPlanPage(b *bytes.Buffer, p *followup.PlanTable) {
	textDoc{b}.plan(p, "")
}

// plan writes the plan's title, its table and its footer, under label when
// one is given.
func (d textDoc) plan(p *followup.PlanTable, label string) {
	d.lines(lines(label, p.Title))
	if g := newGrid(p); len(g.head) > 0 {
		d.block()
		d.table(g)
	}
	d.prose(p.Footer, "")
}

// table writes g in aligned columns: the header, a rule of dashes under each
// column, then the rows. A cell wider than [cellWidth] wraps within its column,
// its lines after the first indented, and the row's other cells stay on its
// first line.
func (d textDoc) table(g grid) {
	widths := make([]int, len(g.head))
	for _, r := range append(g.rows, g.head) {
		for c, s := range r {
			if runes(s) > cellWidth {
				r[c] = hanging(s) // the grid's cells are its own
			}
			widths[c] = max(widths[c], widest(r[c]))
		}
	}
	rest := make([]string, len(widths)) // what is left to write of each cell

	d.row(g.head, rest, widths, g.mark)
	for c, w := range widths {
		if c > 0 {
			d.repeat(' ', 2)
		}
		d.repeat('-', w)
	}
	d.b.WriteByte('\n')
	for _, r := range g.rows {
		d.row(r, rest, widths, g.mark)
	}
}

// widest returns the width of the widest line of s.
func widest(s string) int {
	w := 0
	for line := range strings.Lines(s) {
		w = max(w, runes(strings.TrimSuffix(line, "\n")))
	}
	return w
}

// row writes one table row: cells padded to their widths, two spaces between
// columns, wrapped cells continued on the lines below, no trailing spaces.
// rest is room for the cells' lines still to write.
func (d textDoc) row(cells, rest []string, widths []int, mark []bool) {
	copy(rest, cells)
	for more := true; more; {
		start := d.b.Len()
		more = false
		for c, w := range widths {
			var line string
			line, rest[c], _ = strings.Cut(rest[c], "\n")
			more = more || rest[c] != ""
			if c > 0 {
				d.repeat(' ', 2)
			}
			pad := w - runes(line)
			if mark[c] {
				d.repeat(' ', pad/2)
				pad -= pad / 2
			}
			d.b.WriteString(line)
			d.repeat(' ', pad)
		}
		d.trimLine(start)
		d.b.WriteByte('\n')
	}
}

// hanging fills s to [cellWidth] and indents the lines after the first, so
// that a wrapped cell does not read as the start of the next row.
func hanging(s string) string {
	lines := fill(make([]byte, 0, len(s)+len(s)/4), s, cellWidth-len(indent))
	return string(bytes.ReplaceAll(lines, []byte("\n"), []byte("\n"+indent)))
}

// indent starts the continued lines of a wrapped cell.
const indent = "  "

// repeat writes n times the byte c, a space or a dash.
func (d textDoc) repeat(c byte, n int) { repeat(d.b, c, n) }

// trimLine drops the spaces at the end of the line that began at start.
func (d textDoc) trimLine(start int) {
	line := d.b.Bytes()[start:]
	d.b.Truncate(start + len(bytes.TrimRight(line, " ")))
}
