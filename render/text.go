package render

import (
	"bytes"
	"slices"
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

// lines writes a block of one line per field, each made one line, leaving
// out the empty ones so that a missing title or address leaves no gap.
func (d textDoc) lines(fields ...string) {
	started := false
	for _, f := range fields {
		if f = oneLine(f); f != "" {
			if !started {
				d.block()
				started = true
			}
			d.line(f)
		}
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
	var room [8]string
	d.lines(recipient(l.To, &room)...)
	d.lines(l.PlaceDate)
	d.prose(l.Opening, "")

	for _, p := range l.Parts {
		d.prose(p.Text, textLabel(p.Label, m))
	}
	if l.Plan != nil {
		d.plan(l.Plan, textLabel(l.Plan.Label, m))
	}

	d.lines(l.Closing)
	d.lines(l.From.Name, l.From.Title, l.From.Company)
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
	d.lines(label, p.Title)
	g := newGrid(p, measureSizes)
	defer g.release()
	if len(g.head) > 0 {
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
	t := measure(&g)
	for i := 0; i <= len(g.rows); i++ {
		cells, sizes := g.cells(i)
		d.row(&t, cells, sizes)
		if i == 0 {
			d.rule(t.widths)
		}
	}
}

// rule writes a rule of dashes under each column.
func (d textDoc) rule(widths []int) {
	line := d.b.AvailableBuffer()
	for c, w := range widths {
		if c > 0 {
			line = append(line, "  "...)
		}
		line = appendRun(line, '-', w)
	}
	d.b.Write(append(line, '\n'))
}

// textTable is a grid measured for plain text.
type textTable struct {
	widths  []int    // the width of each column
	mark    []bool   // the columns to centre
	wrapped []string // the cells wider than [cellWidth] once wrapped, in order
}

// measure finds the widths of the columns of g. A cell wider than
// [cellWidth] is as wide as its widest line once wrapped.
func measure(g *grid) textTable {
	g.room.widths = ints(g.room.widths, len(g.head))
	clear(g.room.widths)
	t := textTable{widths: g.room.widths, mark: g.mark}
	for i := 0; i <= len(g.rows); i++ {
		cells, sizes := g.cells(i)
		for c, w := range sizes {
			if wraps(w) {
				var text string
				text, w = hanging(cells[c])
				t.wrapped = append(t.wrapped, text)
			}
			t.widths[c] = max(t.widths[c], w)
		}
	}
	return t
}

// row writes one table row: cells padded to their widths, two spaces between
// columns, no trailing spaces. sizes holds the cells' runes.
func (d textDoc) row(t *textTable, cells []string, sizes []int) {
	if slices.ContainsFunc(sizes, wraps) {
		d.wrappedRow(t, cells, sizes)
		return
	}
	line := textLine{b: d.b.AvailableBuffer()}
	for c, s := range cells {
		line.cell(c, s, t.widths[c]-sizes[c], t.mark[c])
	}
	d.b.Write(append(line.b, '\n'))
}

// wraps reports whether a cell of the given runes wraps within its column.
func wraps(size int) bool { return size > cellWidth }

// wrappedRow writes a row with cells that wrap, taking them from t.wrapped:
// their lines after the first continue on the lines below, under the first.
func (d textDoc) wrappedRow(t *textTable, cells []string, sizes []int) {
	rest := make([]string, len(cells)) // what is left of the cells that wrap
	for c := range cells {
		if wraps(sizes[c]) {
			rest[c], t.wrapped = t.wrapped[0], t.wrapped[1:]
		}
	}
	for first, more := true, true; more; first = false {
		more = false
		line := textLine{b: d.b.AvailableBuffer()}
		for c, w := range t.widths {
			s, size := "", 0
			switch {
			case wraps(sizes[c]):
				s, rest[c], _ = strings.Cut(rest[c], "\n")
				size = runes(s)
				more = more || rest[c] != ""
			case first:
				s, size = cells[c], sizes[c]
			}
			line.cell(c, s, w-size, t.mark[c])
		}
		d.b.Write(append(line.b, '\n'))
	}
}

// textLine is a line of a table being written. The spaces that pad a cell
// are written only when text follows them, so that a line has none at its
// end: the text of a cell never ends with a space of its own.
type textLine struct {
	b   []byte
	pad int // the spaces owed before the next text
}

// cell adds the line of a cell in column c: after two spaces unless it is
// the first, and padded by pad spaces, centred when the column holds marks.
func (l *textLine) cell(c int, s string, pad int, mark bool) {
	pad = max(pad, 0)
	if c > 0 {
		l.pad += 2
	}
	left := 0
	if mark {
		left = pad / 2
	}
	if s == "" {
		l.pad += pad
		return
	}
	l.b = append(appendRun(l.b, ' ', l.pad+left), s...)
	l.pad = pad - left
}

// hanging fills a cell wider than [cellWidth] to the column and indents its
// lines after the first, so that it does not read as the start of the next
// row. It returns the cell so wrapped and the width of its widest line.
func hanging(s string) (string, int) {
	var room [256]byte
	lines := fill(room[:0], s, cellWidth-len(indent))
	var b strings.Builder
	b.Grow(len(lines) + bytes.Count(lines, []byte("\n"))*len(indent))
	for first := true; ; first = false {
		line, rest, more := bytes.Cut(lines, []byte("\n"))
		if !first {
			b.WriteString("\n" + indent)
		}
		b.Write(line)
		if !more {
			break
		}
		lines = rest
	}

	width := 0
	for line := range strings.Lines(b.String()) {
		width = max(width, runes(strings.TrimSuffix(line, "\n")))
	}
	return b.String(), width
}

// indent starts the continued lines of a wrapped cell.
const indent = "  "
