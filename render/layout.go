package render

import (
	"bytes"
	"strings"
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

// byteKind sorts the bytes of UTF-8 text for [fill], so that one look-up
// both ends a word and counts its runes.
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
	col := 0
	for i := 0; ; {
		for i < len(s) && wordBreak[s[i]] {
			i++
		}
		if i == len(s) {
			return dst
		}
		start, n := i, 0
		for ; i < len(s); i++ {
			k := byteKind[s[i]]
			if k == kindBreak {
				break
			}
			n += int(k)
		}

		switch {
		case col == 0:
		case col+1+n > width:
			dst = append(dst, '\n')
			col = 0
		default:
			dst = append(dst, ' ')
			col++
		}
		dst = append(dst, s[start:i]...)
		col += n
	}
}

// oneLine returns s with its runs of white space made single spaces and its
// ends trimmed: a field of a block (a name, an address line, a cell) must not
// break the block's lines.
func oneLine(s string) string {
	clean := len(s) == 0 || !wordBreak[s[0]] && !wordBreak[s[len(s)-1]]
	for i := 0; clean && i < len(s); i++ {
		c := s[i]
		clean = c == ' ' && s[i+1] != ' ' || !wordBreak[c]
	}
	if clean {
		return s
	}
	return string(fill(make([]byte, 0, len(s)), s, len(s)+1))
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
		line := s[i : i+j]
		switch {
		case strings.TrimSpace(line) != "" && start < 0:
			start, end = i, i+j
		case strings.TrimSpace(line) != "":
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

// paragraphs returns the paragraphs of s, as [eachParagraph] finds them.
func paragraphs(s string) []string {
	var ps []string
	eachParagraph(s, func(p string) { ps = append(ps, p) })
	return ps
}

// lines returns the fields of a block, one line each, leaving out the empty
// ones so that a missing title or address leaves no gap.
func lines(fields ...string) []string {
	ls := make([]string, 0, len(fields))
	for _, f := range fields {
		if f = oneLine(f); f != "" {
			ls = append(ls, f)
		}
	}
	return ls
}

// recipient returns the lines of the recipient block: name, title, company
// and the address.
func recipient(p followup.Person) []string {
	fs := make([]string, 0, 3+len(p.Address))
	fs = append(fs, p.Name, p.Title, p.Company)
	return lines(append(fs, p.Address...)...)
}

// signature returns the lines under the closing: the seller's name, title and
// company.
func signature(p followup.Person) []string {
	return lines(p.Name, p.Title, p.Company)
}

// grid is a plan table made regular: every row as wide as the widest, every
// cell on one line, and the columns to centre marked.
type grid struct {
	head []string
	rows [][]string
	mark []bool // columns that only hold a mark such as "*": centred
}

// newGrid reads p into a grid. A column whose cells are all marks or empty
// (the checkpoints' "*") reads best centred.
func newGrid(p *followup.PlanTable) grid {
	n := len(p.Columns)
	for _, r := range p.Rows {
		n = max(n, len(r))
	}

	// One backing array for every cell, and one for the rows.
	cells := make([]string, n*(1+len(p.Rows)))
	g := grid{head: regular(cells[:n:n], p.Columns), rows: make([][]string, len(p.Rows))}
	for i, r := range p.Rows {
		at := n * (i + 1)
		g.rows[i] = regular(cells[at:at+n:at+n], r)
	}

	g.mark = make([]bool, n)
	for c := range g.mark {
		g.mark[c] = len(g.rows) > 0
		for _, r := range g.rows {
			g.mark[c] = g.mark[c] && isMark(r[c])
		}
	}
	return g
}

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

// repeat writes n times the byte c, a space or a dash, to b.
func repeat(b *bytes.Buffer, c byte, n int) {
	run := blanks
	if c == '-' {
		run = dashes
	}
	for ; n > len(run); n -= len(run) {
		b.WriteString(run)
	}
	b.WriteString(run[:max(n, 0)])
}

// Runs of spaces and dashes to pad and rule tables with.
const (
	blanks = "                                                                "
	dashes = "----------------------------------------------------------------"
)
