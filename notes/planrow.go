package notes

import (
	"strings"
	"time"

	"followup"
)

// readHeader maps the header's cells to columns, giving for each column its
// cell's index or -1. It reports unknown, repeated and missing columns, and
// says whether the header can be used.
func readHeader(p *problems, cells []string, line int) ([numColumns]int, bool) {
	var idx [numColumns]int
	for i := range idx {
		idx[i] = -1
	}
	var unknown []string
	ok := true
	for i, c := range cells {
		col, known := columnNames[fold(c)]
		switch {
		case !known:
			if len(unknown) <= 5 {
				unknown = append(unknown, quote(c))
			}
			ok = false
		case idx[col] >= 0:
			p.add(line, "column %s is given twice in the plan table: keep one", quote(c))
			ok = false
		default:
			idx[col] = i
		}
	}
	if len(unknown) > 0 {
		p.add(line, "unknown %s in the plan table: the accepted columns are %s",
			plural(unknown, "column"), acceptedColumns)
	}
	return idx, requiredColumns(p, idx, cells, line) && ok
}

// requiredColumns reports each required column the header lacks, and
// whether it has them all.
func requiredColumns(p *problems, idx [numColumns]int, cells []string, line int) bool {
	ok := true
	for col := colEvent; col < numRequired; col++ {
		if idx[col] < 0 {
			p.add(line, "the plan table has no %s column: its header is %s; add the column",
				columnLabels[col], quote(strings.Join(cells, " | ")))
			ok = false
		}
	}
	return ok
}

// plural names one or more quoted things, shortening a long list.
func plural(things []string, noun string) string {
	if len(things) == 1 {
		return noun + " " + things[0]
	}
	if len(things) > 5 {
		things = append(things[:5:5], "…")
	}
	return noun + "s " + strings.Join(things, ", ")
}

// tableRow is one row of the plan table being read.
type tableRow struct {
	p     *problems
	idx   [numColumns]int
	cells []string
	line  int
	name  string // the row in messages: plan row "the event's text"
}

// readRow reads one row of the plan table into an event, and says whether
// the row is free of problems.
func readRow(p *problems, idx [numColumns]int, width int, cells []string,
	line int) (followup.Event, bool) {
	if len(cells) != width {
		p.add(line, "the plan row %s has %d cells but the header has %d: give every row one "+
			"cell per column, empty ones too", quote(strings.Join(cells, " | ")), len(cells), width)
		return followup.Event{}, false
	}
	r := &tableRow{p: p, idx: idx, cells: cells, line: line}
	r.name = "plan row " + quote(r.cell(colEvent))
	before := p.count()

	e := followup.Event{Text: r.text(), Date: r.date(), Note: r.cell(colNote), Line: line}
	e.Checkpoint = lookup(r, colCheckpoint, checkpointWords, acceptedCheckpoints)
	e.Owner = lookup(r, colOwner, ownerWords, acceptedOwners)
	e.Outcome = lookup(r, colOutcome, outcomeWords, acceptedOutcomes)
	if r.cell(colKind) == "" {
		e.Kind, e.KindInferred = followup.InferKind(e.Text), true
	} else {
		e.Kind = lookup(r, colKind, kindWords, acceptedKinds)
	}
	return e, p.count() == before
}

// cell returns the row's cell in a column; "" when the table lacks it.
func (r *tableRow) cell(c column) string {
	if r.idx[c] < 0 || r.idx[c] >= len(r.cells) {
		return ""
	}
	return r.cells[r.idx[c]]
}

// text returns the event's text, reporting a row without one.
func (r *tableRow) text() string {
	t := r.cell(colEvent)
	if t == "" {
		r.p.add(r.line, "the plan row has no event: write what happens in the %s column",
			columnLabels[colEvent])
	}
	return t
}

// date returns the event's date, reporting one that cannot be read.
func (r *tableRow) date() time.Time {
	t, err := ParseDate(r.cell(colDate))
	if err != nil {
		r.p.add(r.line, "%s, column %s: %s", r.name, columnLabels[colDate],
			followup.ErrorMessage(err))
	}
	return t
}

// lookup reads a cell as one of the accepted words of its column, reporting
// a cell that is not one of them.
func lookup[T any](r *tableRow, c column, words map[string]T, accepted string) T {
	v, ok := words[fold(r.cell(c))]
	if !ok {
		r.p.add(r.line, "%s, column %s: %s is not accepted: write %s",
			r.name, columnLabels[c], quote(r.cell(c)), accepted)
	}
	return v
}

// titleText reads the lines above the table as the plan's title, dropping a
// caption's label and the emphasis a title is often written with.
func titleText(lines []string) string {
	t := strings.ReplaceAll(proseText(lines), "\n\n", " ")
	if c, ok := captionText(t); ok {
		t = c
	}
	return unemphasize(t)
}

// trailer splits the text under the table into the title, which a caption
// right under the table gives when there was no title above, and the footer.
func trailer(lines []string, title string) (string, string) {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && title == "" {
		if c, ok := captionText(lines[i]); ok {
			return unemphasize(c), proseText(lines[i+1:])
		}
	}
	return title, proseText(lines)
}

// captionText returns a caption's text and whether l is a caption: a line
// that starts with "Table:", "Tabell:" or ":".
func captionText(l string) (string, bool) {
	s := strings.TrimSpace(l)
	for _, label := range []string{"table:", "tabell:", ":"} {
		if len(s) >= len(label) && strings.EqualFold(s[:len(label)], label) {
			return strings.TrimSpace(s[len(label):]), true
		}
	}
	return "", false
}

// unemphasize drops one pair of Markdown emphasis marks around s.
func unemphasize(s string) string {
	for _, m := range []string{"**", "__", "*", "_"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	return s
}
