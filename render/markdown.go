package render

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"followup"
)

// mdDoc lays out Markdown: blocks separated by one blank line, paragraphs
// filled to [lineWidth], every piece of the letter's text escaped so that it
// reads as written.
type mdDoc struct {
	b *bytes.Buffer
}

// block starts a new block, with a blank line after the one before.
func (d mdDoc) block() {
	if d.b.Len() > 0 {
		d.b.WriteByte('\n')
	}
}

// lines writes a block of one line per field, joined by hard line breaks (a
// backslash at the end of the line), as an address is written. Each field is
// made one line, and the empty ones are left out.
func (d mdDoc) lines(fields ...string) {
	started := false
	for _, f := range fields {
		if f = oneLine(f); f == "" {
			continue
		}
		if started {
			d.b.Truncate(d.b.Len() - 1)
			d.b.WriteString("\\\n")
		} else {
			d.block()
			started = true
		}
		d.line(escapeInline(f), true)
	}
}

// strong writes s as a paragraph of bold text.
func (d mdDoc) strong(s string) {
	if s = oneLine(s); s != "" {
		d.block()
		s = escapeInline(s)
		// The bold markers make the text's ends neighbours of an asterisk.
		if s[0] == '*' || s[0] == '_' {
			s = `\` + s
		}
		if c := s[len(s)-1]; (c == '*' || c == '_') && s[len(s)-2] != '\\' {
			s = s[:len(s)-1] + `\` + s[len(s)-1:]
		}
		d.b.WriteString("**")
		d.b.WriteString(s)
		d.b.WriteString("**\n")
	}
}

// heading writes s as a heading of the given level.
func (d mdDoc) heading(level int, s string) {
	if s = oneLine(s); s != "" {
		d.block()
		s = escapeInline(s)
		if strings.HasSuffix(s, "#") {
			// A heading's closing run of "#" would be dropped.
			s = s[:len(s)-1] + `\#`
		}
		d.b.WriteString("######"[:level])
		d.b.WriteByte(' ')
		d.b.WriteString(s)
		d.b.WriteByte('\n')
	}
}

// prose writes each paragraph of s filled to the line width. Escaping comes
// first and the line starts are checked after filling, since a line break
// can bring any word to the start of a line.
func (d mdDoc) prose(s string) {
	eachParagraph(s, func(p string) {
		d.block()
		if hasMarkup(p) {
			p = escapeInline(p)
		}
		filled := fill(d.b.AvailableBuffer(), p, lineWidth)
		if !startsBlock(filled) {
			d.b.Write(append(filled, '\n'))
			return
		}
		// The backslashes go in as the lines are written, from a copy: filled
		// is the buffer's own room.
		lines := string(filled)
		for first := true; lines != ""; first = false {
			var line string
			line, lines, _ = strings.Cut(lines, "\n")
			d.line(line, first)
		}
	})
}

// startsBlock reports whether a line of a filled paragraph needs a backslash
// at its start (see [escapeLineStart]).
func startsBlock(filled []byte) bool {
	for first := true; ; first = false {
		line, rest, more := bytes.Cut(filled, []byte("\n"))
		if lineStartEscape(line, first) >= 0 {
			return true
		}
		if !more {
			return false
		}
		filled = rest
	}
}

// line writes one line of escaped text, with a backslash where its start
// would begin a block (see [escapeLineStart]).
func (d mdDoc) line(s string, first bool) {
	if at := lineStartEscape(s, first); at >= 0 {
		d.b.WriteString(s[:at])
		d.b.WriteByte('\\')
		s = s[at:]
	}
	d.b.WriteString(s)
	d.b.WriteByte('\n')
}

// writeMarkdownLetter lays l out as Markdown.
func writeMarkdownLetter(b *bytes.Buffer, l *followup.Letter, m Mode) {
	d := mdDoc{b}
	d.strong(l.From.Company)
	var room [8]string
	d.lines(recipient(l.To, &room)...)
	d.lines(l.PlaceDate)
	d.prose(l.Opening)

	for _, p := range l.Parts {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		if m == Annotated {
			d.heading(3, p.Label)
		}
		d.prose(p.Text)
	}
	if l.Plan != nil {
		if m == Annotated {
			d.heading(3, l.Plan.Label)
		}
		d.strong(l.Plan.Title)
		d.table(l.Plan)
		d.prose(l.Plan.Footer)
	}

	d.lines(l.Closing)
	d.lines(l.From.Name, l.From.Title, l.From.Company)
}

// writeMarkdownPlanPage lays out a plan on its own, its title as the
// document's heading.
func writeMarkdownPlanPage(b *bytes.Buffer, p *followup.PlanTable) {
	d := mdDoc{b}
	d.heading(1, p.Title)
	d.table(p)
	d.prose(p.Footer)
}

// table writes p as a pipe table, padded so that it also reads well as plain
// text, with the columns of marks centred. A cell wider than [cellWidth] is
// not padded to: its row goes out of line rather than every other row.
func (d mdDoc) table(p *followup.PlanTable) {
	g := newGrid(p, measureMarkup)
	defer g.release()
	if len(g.head) == 0 {
		return
	}
	g = escapeGrid(g)
	g.room.widths = ints(g.room.widths, len(g.head))
	widths := g.room.widths
	clear(widths)
	for i := 0; i <= len(g.rows); i++ {
		_, sizes := g.cells(i)
		for c, w := range sizes {
			if i == 0 || w <= cellWidth {
				widths[c] = max(widths[c], 3, w)
			}
		}
	}

	d.block()
	for i := 0; i <= len(g.rows); i++ {
		cells, sizes := g.cells(i)
		d.row(cells, sizes, widths, g.mark)
		if i == 0 {
			d.rule(widths, g.mark)
		}
	}
}

// rule writes the line under the header of a pipe table: dashes, with a
// colon at each end for the columns to centre.
func (d mdDoc) rule(widths []int, mark []bool) {
	line := append(d.b.AvailableBuffer(), '|')
	for c, w := range widths {
		if mark[c] {
			line = append(appendRun(append(line, " :"...), '-', w-2), ": |"...)
		} else {
			line = append(appendRun(append(line, ' '), '-', w), " |"...)
		}
	}
	d.b.Write(append(line, '\n'))
}

// row writes one row of a pipe table; sizes holds the cells' runes. The
// line is laid out in spaces first, and each cell and bar set into it.
func (d mdDoc) row(cells []string, sizes, widths []int, mark []bool) {
	size := 1
	for c, s := range cells {
		size += len(s) + max(0, widths[c]-sizes[c]) + 3
	}
	line := appendRun(d.b.AvailableBuffer(), ' ', size)
	line[0] = '|'
	at := 0 // the bar before the cell
	for c, s := range cells {
		pad := max(0, widths[c]-sizes[c])
		left := 0
		if mark[c] {
			left = pad / 2
		}
		copy(line[at+2+left:], s)
		at += len(s) + pad + 3
		line[at] = '|'
	}
	d.b.Write(append(line, '\n'))
}

// escapeGrid returns g with its cells escaped as [escapeInline] escapes them:
// in cells of its own, if any cell needs a backslash.
func escapeGrid(g grid) grid {
	escaped := -1 // the first cell that needs a backslash
	for i, marked := range g.marked {
		if marked && nextEscape(g.cell(i), 0) < len(g.cell(i)) {
			escaped = i
			break
		}
	}
	if escaped < 0 {
		return g
	}

	n := len(g.head)
	cells := make([]string, len(g.sizes))
	e := grid{head: cells[:n:n], rows: make([][]string, len(g.rows)),
		sizes: slices.Clone(g.sizes), mark: g.mark, room: g.room}
	for i := range cells {
		cells[i] = g.cell(i)
		if i >= escaped {
			cells[i] = escapeInline(cells[i])
			e.sizes[i] = runes(cells[i])
		}
	}
	for i := range e.rows {
		e.rows[i] = cells[n*(i+1) : n*(i+2) : n*(i+2)]
	}
	return e
}

// escapeInline puts a backslash before each character of s that Markdown
// would read as markup within a line: code, links, tables, emphasis, raw HTML,
// character references.
// Characters that cannot be markup where they stand are left alone, so the
// text stays readable: an underscore inside a word, an asterisk between
// spaces, a "<" that opens no tag.
func escapeInline(s string) string {
	i := nextEscape(s, 0)
	if i == len(s) {
		return s
	}

	b := make([]byte, 0, len(s)+len(s)/8+1)
	from := 0
	for ; i < len(s); i = nextEscape(s, i+1) {
		b = append(append(b, s[from:i]...), '\\')
		from = i
	}
	return string(append(b, s[from:]...))
}

// nextEscape returns the index of the first byte of s from i on that needs a
// backslash, or len(s).
func nextEscape(s string, i int) int {
	for {
		for i < len(s) && !markup[s[i]] {
			i++
		}
		if i == len(s) || needsEscape(s, i) {
			return i
		}
		i++
	}
}

// markupChars are the bytes that may be markup within a line.
const markupChars = "\\`*_[]|<~&"

// markup marks the bytes of [markupChars].
var markup = func() (m [256]bool) {
	for i := range len(markupChars) {
		m[markupChars[i]] = true
	}
	return m
}()

// needsEscape reports whether the byte at i of s must be escaped.
func needsEscape(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	switch s[i] {
	case '\\', '`', '[', ']', '|', '~':
		return true
	case '*':
		// A "*" with white space (or nothing) on both sides neither opens nor
		// closes emphasis.
		return !(blank(before) && blank(after))
	case '_':
		// Nor does an "_" inside a word, as in snake_case.
		return !(blank(before) && blank(after)) && !(wordy(before) && wordy(after))
	case '<':
		// "<" starts a tag, a comment or an autolink only before these.
		return after == '/' || after == '!' || after == '?' || unicode.IsLetter(after)
	case '&':
		return entity(s[i+1:])
	}
	return false
}

// entity reports whether s starts with the rest of a character reference, as
// "amp;" or "#38;" after an "&", which Markdown would turn into its character.
func entity(s string) bool {
	for i := 0; i < len(s) && i < 32; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 0
		case c == '#' && i == 0, c >= '0' && c <= '9', c|0x20 >= 'a' && c|0x20 <= 'z':
		default:
			return false
		}
	}
	return false
}

// blank reports whether r is white space or stands for the edge of the text.
func blank(r rune) bool { return r == utf8.RuneError || unicode.IsSpace(r) }

// wordy reports whether r is a letter or digit.
func wordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escapeLineStart escapes what would make a line of text start a block of its
// own: a heading ("#"), a quote (">"), a list item ("-", "+", "*", "1." or
// "1)" before a space), or a rule or heading underline ("---", "===", "***").
// Within a paragraph (first is false) only a list that starts at 1 can begin,
// so "23. januar" brought to the start of a line by filling stays as it is.
// line is already escaped within, so it never starts with a raw "<" or "`".
func escapeLineStart(line string, first bool) string {
	if at := lineStartEscape(line, first); at >= 0 {
		return line[:at] + `\` + line[at:]
	}
	return line
}

// lineStartEscape returns where [escapeLineStart] puts its backslash, or -1.
func lineStartEscape[T string | []byte](line T, first bool) int {
	if len(line) == 0 {
		return -1
	}
	switch c := line[0]; {
	case c == '#' || c == '>':
		return 0
	case (c == '-' || c == '+' || c == '*') && (len(line) == 1 || line[1] == ' '):
		return 0
	case isDigit(line, 0) && (first || c == '1' && !isDigit(line, 1)):
		return ordinalEnd(line)
	case rule(line):
		return 0
	}
	return -1
}

// isDigit reports whether line has an ASCII digit at i.
func isDigit[T string | []byte](line T, i int) bool {
	return i < len(line) && line[i] >= '0' && line[i] <= '9'
}

// ordinalEnd returns the index of the "." or ")" of a line that starts like
// an item of an ordered list: up to nine digits, then "." or ")", then a space
// or the end; or -1.
func ordinalEnd[T string | []byte](line T) int {
	i := 0
	for i < 10 && isDigit(line, i) {
		i++
	}
	if i == 10 || i == len(line) || (line[i] != '.' && line[i] != ')') {
		return -1
	}
	if i+1 < len(line) && line[i+1] != ' ' {
		return -1
	}
	return i
}

// rule reports whether line is made of one of "-", "=", "_" or "*" and spaces
// only, which Markdown reads as a rule or as the underline of a heading.
func rule[T string | []byte](line T) bool {
	c := line[0]
	if strings.IndexByte("-=_*", c) < 0 {
		return false
	}
	for i := range len(line) {
		if line[i] != c && line[i] != ' ' {
			return false
		}
	}
	return true
}
