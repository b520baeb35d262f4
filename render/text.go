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
	d.tableLine(t, cells, sizes)
}

// wraps reports whether a cell of the given runes wraps within its column.
func wraps(size int) bool { return size > cellWidth }

// wrappedRow writes a row with cells that wrap, taking them from t.wrapped:
// their lines after the first continue on the lines below, under the first.
func (d textDoc) wrappedRow(t *textTable, cells []string, sizes []int) {
	var restRoom, textRoom [8]string
	var countRoom [8]int
	rest := ofLen(restRoom[:0], len(cells)) // what is left of the cells that wrap
	texts, counts := ofLen(textRoom[:0], len(cells)), ofLen(countRoom[:0], len(cells))
	for c := range cells {
		if wraps(sizes[c]) {
			rest[c], t.wrapped = t.wrapped[0], t.wrapped[1:]
		}
	}
	for first, more := true, true; more; first = false {
		more = false
		for c := range cells {
			texts[c], counts[c] = "", 0
			switch {
			case wraps(sizes[c]):
				texts[c], rest[c], _ = strings.Cut(rest[c], "\n")
				counts[c] = runes(texts[c])
				more = more || rest[c] != ""
			case first:
				texts[c], counts[c] = cells[c], sizes[c]
			}
		}
		d.tableLine(t, texts, counts)
	}
}

// ofLen returns s made n long, in its own array when that has room.
func ofLen[T any](s []T, n int) []T {
	if n <= cap(s) {
		return s[:n]
	}
	return make([]T, n)
}

// tableLine writes one line of a table: the text of each column padded to
// its width, two spaces between columns, centred where the column holds
// marks, and no spaces at its end. sizes holds the texts' runes. The line is
// laid out in spaces first, and the texts set into it.
func (d textDoc) tableLine(t *textTable, texts []string, sizes []int) {
	size := 0
	for c, s := range texts {
		size += len(s) + max(0, t.widths[c]-sizes[c]) + 2
	}
	line := appendRun(d.b.AvailableBuffer(), ' ', size)
	at, end := 0, 0 // where the column starts; where its text ends
	for c, s := range texts {
		pad := max(0, t.widths[c]-sizes[c])
		left := 0
		if t.mark[c] {
			left = pad / 2
		}
		if s != "" {
			end = at + left + copy(line[at+left:], s)
		}
		at += len(s) + pad + 2
	}
	d.b.Write(append(line[:end], '\n'))
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
