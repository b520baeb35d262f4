package render

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"followup"
)

// Widths of text output, in runes: the body of a letter, and the widest a
// plan's cell may grow before its text wraps within the column.
const (
	lineWidth = 72
	cellWidth = 50
)

// wordBreak marks the bytes that separate words. Only ASCII white space counts:
// a no-break space (as in "kr 125 000") is written to hold words together.
var wordBreak = [256]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

// byteKind sorts the bytes of UTF-8 text for [fillWords], so that one
// look-up both ends a word and counts its runes.
var byteKind = func() (k [256]uint8) {
	for b := range k {
		switch {
		case wordBreak[b]:
			k[b] = kindBreak
		case b&0xC0 != 0x80: // not a continuation byte: the start of a rune
			k[b] = kindStart
		}
	}
	return k
}()

// The kinds of byte in [byteKind]; a continuation byte is 0.
const (
	kindStart = 1
	kindBreak = 2
)

// runes counts the runes of s: the width of s in a monospaced font, near
// enough for the letters of Norwegian and English.
func runes(s string) int { return utf8.RuneCountInString(s) }

// fill appends s to dst as lines of at most width runes, words kept whole
// and separated by one space, lines by "\n", with no newline after the last.
// A word wider than width gets a line of its own.
func fill(dst []byte, s string, width int) []byte {
	if filled, ok := fillPlain(dst, s, width); ok {
		return filled
	}
	return fillWords(dst, s, width)
}

// fillWords is [fill] word by word, for text that [fillPlain] does not take.
//
// Most of a paragraph is still words parted by single spaces: fillWords
// copies each such run of s once, as a line or more, rather than word by word.
func fillWords(dst []byte, s string, width int) []byte {
	col := 0         // runes on the line being written
	from, to := 0, 0 // s[from:to] is still to be copied as it stands
	for i := 0; ; {
		for i < len(s) && wordBreak[s[i]] {
			i++
		}
		if i == len(s) {
			return append(dst, s[from:to]...)
		}
		start := i
		end, n := word(s, start)

		switch {
		case col == 0:
			dst = append(dst, s[from:to]...)
			from = start
		case col+1+n > width:
			dst = append(append(dst, s[from:to]...), '\n')
			from, col = start, 0
		case start == to+1 && s[to] == ' ':
			col++ // one space, as written: the run goes on
		default:
			dst = append(append(dst, s[from:to]...), ' ')
			from = start
			col++
		}
		i, to = end, end
		col += n
	}
}

// word reads the word that starts at s[i]: it returns the index after its
// end and its runes.
func word(s string, i int) (end, n int) {
	for ; i < len(s); i++ {
		k := byteKind[s[i]]
		if k == kindBreak {
			break
		}
		n += int(k)
	}
	return i, n
}

// oneLine returns s with its runs of white space made single spaces and its
// ends trimmed: a field of a block (a name, an address line, a cell) must not
// break the block's lines.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return string(fill(make([]byte, 0, len(s)), s, len(s)+1))
}

// isOneLine reports whether s is one line as [oneLine] returns it.
func isOneLine(s string) bool {
	if s == "" {
		return true
	}
	if wordBreak[s[0]] || wordBreak[s[len(s)-1]] {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		// Every word break is a control character or a space: one test
		// passes the rest.
		if c := s[i]; c <= ' ' && wordBreak[c] && (c != ' ' || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// eachParagraph calls fn with each paragraph of s: the runs of lines between
// blank lines, trimmed, their inner line breaks kept for the caller to reflow.
func eachParagraph(s string, fn func(p string)) {
	start := -1 // byte index of the paragraph being read, -1 between paragraphs
	end := 0    // byte index just after its last line that is not blank
	for i := 0; i <= len(s); {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			j = len(s) - i
		}
		switch blank := isBlank(s[i : i+j]); {
		case !blank && start < 0:
			start, end = i, i+j
		case !blank:
			end = i + j
		case start >= 0:
			fn(strings.TrimSpace(s[start:end]))
			start = -1
		}
		i += j + 1
	}
	if start >= 0 {
		fn(strings.TrimSpace(s[start:end]))
	}
}

// isBlank reports whether line is empty or white space only.
func isBlank(line string) bool {
	for i := range len(line) {
		if c := line[i]; c != ' ' && c != '\t' && c != '\r' {
			return strings.TrimSpace(line[i:]) == ""
		}
	}
	return true
}

// paragraphs returns the paragraphs of s, as [eachParagraph] finds them.
func paragraphs(s string) []string {
	var ps []string
	eachParagraph(s, func(p string) { ps = append(ps, p) })
	return ps
}

// recipient returns the fields of the recipient block: name, title, company
// and the address, in room, which holds a usual address.
func recipient(p followup.Person, room *[8]string) []string {
	return append(append(room[:0], p.Name, p.Title, p.Company), p.Address...)
}

// grid is a plan table made regular: every row as wide as the widest, every
// cell on one line, and the columns to centre marked. When the plan is
// regular already, the grid holds the plan's own cells: they are only read.
type grid struct {
	head   []string
	rows   [][]string
	sizes  []int  // the runes of each cell: the header's, then row by row
	marked []bool // the cells that may hold a byte their format escapes
	mark   []bool // columns that only hold a mark such as "*": centred
	room   *gridRoom
}

// gridRoom holds the measures of a grid, and the widths of its columns, from
// one table to the next: a letter measures its plan without allocating.
type gridRoom struct {
	sizes  []int
	marked []bool
	mark   []bool
	widths []int
}

// gridRooms keeps the rooms of grids that are done.
var gridRooms = sync.Pool{New: func() any { return new(gridRoom) }}

// release gives the grid's room back for the next table. The grid, and what
// it measured, must not be used after.
func (g *grid) release() {
	// NOTE: the room of an unusually large table is dropped, not kept.
	if cap(g.room.sizes) <= 1<<12 {
		gridRooms.Put(g.room)
	}
}

// ints returns s with room for n ints, their values left as they were.
func ints(s []int, n int) []int { return slices.Grow(s[:0], n)[:n] }

// cells returns the cells of row i, the header being row 0, and their sizes.
func (g *grid) cells(i int) ([]string, []int) {
	n := len(g.head)
	sizes := g.sizes[n*i : n*(i+1)]
	if i == 0 {
		return g.head, sizes
	}
	return g.rows[i-1], sizes
}

// cell returns the cell at i of the cells in order, the header's first.
func (g *grid) cell(i int) string {
	n := len(g.head)
	if i < n {
		return g.head[i]
	}
	return g.rows[i/n-1][i%n]
}

// The measures of the cells of a grid that a renderer asks for.
const (
	measureSizes  = iota // text needs the cells' widths in runes
	measureMarkup        // Markdown needs their widths, and which may hold markup
	measureHTML          // HTML needs to know which hold a byte it escapes
)

// newGrid reads p into a grid, its cells measured as asked. A column whose
// cells are all marks or empty (the checkpoints' "*") reads best centred.
func newGrid(p *followup.PlanTable, measures int) grid {
	n := len(p.Columns)
	for _, r := range p.Rows {
		n = max(n, len(r))
	}

	room, size := gridRooms.Get().(*gridRoom), n*(1+len(p.Rows))
	room.sizes = ints(room.sizes, size)
	room.marked = slices.Grow(room.marked[:0], size)[:size]
	room.mark = slices.Grow(room.mark[:0], n)[:n]
	g := grid{head: p.Columns, rows: p.Rows, sizes: room.sizes, marked: room.marked,
		mark: room.mark, room: room}
	if !g.survey(measures) {
		// One backing array for every cell, and one for the rows.
		cells := make([]string, n*(1+len(p.Rows)))
		g.head, g.rows = regular(cells[:n:n], p.Columns), make([][]string, len(p.Rows))
		for i, r := range p.Rows {
			at := n * (i + 1)
			g.rows[i] = regular(cells[at:at+n:at+n], r)
		}
		g.survey(measures)
	}

	for c := range g.mark {
		g.mark[c] = len(g.rows) > 0
		for _, r := range g.rows {
			g.mark[c] = g.mark[c] && isMark(r[c])
		}
	}
	return g
}

// survey measures the cells of g as asked. It reports whether the grid is
// regular: every row as wide as the header, every cell on one line as
// [oneLine] leaves it.
func (g *grid) survey(measures int) bool {
	regular := true
	for i := 0; i <= len(g.rows); i++ {
		cells, sizes := g.cells(i)
		if len(cells) != len(sizes) {
			return false
		}
		marked := g.marked[len(g.head)*i:]
		for c, s := range cells {
			var line, wide bool
			switch measures {
			case measureMarkup:
				line, wide, marked[c] = tableShape(s, cellMarkup)
			case measureHTML:
				line, _, marked[c] = tableShape(s, cellHTML)
			default:
				line, wide = shape(s)
				marked[c] = false
			}
			regular = regular && line
			sizes[c] = len(s)
			if wide {
				sizes[c] = runes(s)
			}
		}
	}
	return regular
}

// tableShape is [shape] for a format that also asks whether s holds a byte
// of a kind it escapes, marked, which is cellMarkup or cellHTML: one look-up
// a byte answers all three.
func tableShape(s string, marked uint8) (line, wide, has bool) {
	var k, pairs, last uint8 // pairs: the kinds two bytes together share
	for i := range len(s) {
		b := cellKinds[s[i]]
		k |= b
		pairs |= last & b
		last = b
	}
	line = k&cellBreak == 0 && pairs&cellSpace == 0 &&
		(k&cellSpace == 0 || s[0] != ' ' && s[len(s)-1] != ' ')
	return line, k&cellWide != 0, k&marked != 0
}

// The kinds of byte in a cell, see [cellKinds].
const (
	cellSpace  = 1 << iota // " "
	cellBreak              // a word break other than a space
	cellMarkup             // a byte that may be Markdown markup
	cellHTML               // a byte that template.HTMLEscapeString escapes
	cellWide               // a byte of a rune of more than one byte
)

// cellKinds sorts the bytes of a cell for [tableShape].
var cellKinds = func() (k [256]uint8) {
	for b := range k {
		switch {
		case b == ' ':
			k[b] = cellSpace
		case wordBreak[b]:
			k[b] = cellBreak
		case b >= utf8.RuneSelf:
			k[b] = cellWide
		}
		if markup[b] {
			k[b] |= cellMarkup
		}
		if htmlCell[b] {
			k[b] |= cellHTML
		}
	}
	return k
}()

// isMark reports whether a cell is empty or a single sign such as "*" or "✓":
// one rune that is neither a letter nor a digit.
func isMark(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// regular fills row with cells, each on one line; the cells missing at the
// end are left empty.
func regular(row, cells []string) []string {
	for i, c := range cells {
		row[i] = oneLine(c)
	}
	return row
}

// appendRun appends n times the byte c, a space or a dash, to line.
func appendRun(line []byte, c byte, n int) []byte {
	run := blanks
	if c == '-' {
		run = dashes
	}
	for ; n > len(run); n -= len(run) {
		line = append(line, run...)
	}
	return append(line, run[:max(n, 0)]...)
}

// Runs of spaces and dashes to pad and rule tables with.
const (
	blanks = "                                                                "
	dashes = "----------------------------------------------------------------"
)
