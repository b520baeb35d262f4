package render

import (
	"bytes"
	"embed"
	"html/template"
	"strconv"
	"strings"

	"followup"
	"followup/lang"
)

//go:embed letter.html
var templateFiles embed.FS

// pages holds the letter and plan pages, parsed once: a template that does
// not parse stops the program at start, not in the middle of a send.
var pages = template.Must(template.ParseFS(templateFiles, "letter.html"))

// htmlPage is what the templates read: the paragraphs already split, and
// the text between tags already escaped (see [escapeText]), so that the
// template has little to reflect on.
type htmlPage struct {
	Lang       string
	Title      string
	Annotated  bool
	Letterhead template.HTML
	To         []template.HTML
	PlaceDate  template.HTML
	Opening    []template.HTML
	Parts      []htmlPart
	Plan       *htmlPlan
	Closing    template.HTML
	From       []template.HTML
}

// htmlPart is one part of a letter; Label is empty in the buyer's letter.
type htmlPart struct {
	Label template.HTML
	Paras []template.HTML
}

// htmlPlan is a plan table; Label is empty unless the letter is annotated.
// Marks names the columns to centre as classes of the table ("mark-4"), so
// that cells need no class of their own.
type htmlPlan struct {
	Label  template.HTML
	Title  template.HTML
	Marks  string
	Head   template.HTML // the header's cells, see [htmlRows]
	Body   template.HTML // the rows, see [htmlRows]
	Footer []template.HTML
}

// maxMarkColumn is the last column the stylesheet can centre: its rules name
// .mark-1 to .mark-8.
const maxMarkColumn = 8

// writeHTMLLetter lays l out as a standalone, printable HTML page.
func writeHTMLLetter(b *bytes.Buffer, l *followup.Letter, m Mode) error {
	// One array holds the page's lines and paragraphs, each field a slice:
	// room for the usual address, signature and a paragraph or two a part.
	var t htmlTexts
	t.all = make([]template.HTML, 0, 8+2*len(l.Parts))
	var room [8]string
	page := htmlPage{
		Lang:       htmlLang(l.Language),
		Title:      letterTitle(l),
		Annotated:  m == Annotated,
		Letterhead: escapeText(oneLine(l.From.Company)),
		To:         t.lines(recipient(l.To, &room)...),
		PlaceDate:  escapeText(oneLine(l.PlaceDate)),
		Opening:    t.paragraphs(l.Opening),
		Parts:      make([]htmlPart, 0, len(l.Parts)),
		Closing:    escapeText(oneLine(l.Closing)),
		From:       t.lines(l.From.Name, l.From.Title, l.From.Company),
	}
	for _, p := range l.Parts {
		part := htmlPart{Paras: t.paragraphs(p.Text)}
		if len(part.Paras) == 0 {
			continue
		}
		if m == Annotated {
			part.Label = escapeText(oneLine(p.Label))
		}
		page.Parts = append(page.Parts, part)
	}
	if l.Plan != nil {
		page.Plan = newHTMLPlan(l.Plan, &t)
		if m == Annotated {
			page.Plan.Label = escapeText(oneLine(l.Plan.Label))
		}
	}
	return pages.ExecuteTemplate(b, "letter", &page)
}

// writeHTMLPlan lays out a plan on its own as a printable HTML page.
func writeHTMLPlan(b *bytes.Buffer, p *followup.PlanTable, lg lang.Lang) error {
	page := htmlPage{
		Lang:  htmlLang(lg),
		Title: firstOf(oneLine(p.Title), "followup"),
		Plan:  newHTMLPlan(p, &htmlTexts{}),
	}
	return pages.ExecuteTemplate(b, "plan-page", &page)
}

// htmlTexts holds the escaped lines and paragraphs of a page in one array.
type htmlTexts struct {
	all []template.HTML
}

// lines returns the fields of a block escaped, each made one line, leaving
// out the empty ones.
func (t *htmlTexts) lines(fields ...string) []template.HTML {
	start := len(t.all)
	for _, f := range fields {
		if f = oneLine(f); f != "" {
			t.all = append(t.all, escapeText(f))
		}
	}
	return t.all[start:len(t.all):len(t.all)]
}

// paragraphs escapes the paragraphs of s, as [eachParagraph] finds them, and
// returns them.
func (t *htmlTexts) paragraphs(s string) []template.HTML {
	start := len(t.all)
	eachParagraph(s, func(p string) { t.all = append(t.all, escapeText(p)) })
	if len(t.all) == start {
		return nil
	}
	return t.all[start:len(t.all):len(t.all)]
}

// newHTMLPlan reads a plan table for the template, its paragraphs into t.
func newHTMLPlan(p *followup.PlanTable, t *htmlTexts) *htmlPlan {
	g := newGrid(p, measureHTML)
	defer g.release()
	var marks []string
	for c, m := range g.mark {
		if m && c < maxMarkColumn {
			marks = append(marks, "mark-"+strconv.Itoa(c+1))
		}
	}
	return &htmlPlan{
		Title:  escapeText(oneLine(p.Title)),
		Marks:  strings.Join(marks, " "),
		Head:   htmlRows(&g, 0, 1),
		Body:   htmlRows(&g, 1, 1+len(g.rows)),
		Footer: t.paragraphs(p.Footer),
	}
}

// htmlRows returns rows from to end of g, the header being row 0, as HTML: one
// tr element a line, each cell in a cell element, th for the header and td
// for the body.
//
// SECURITY: this is where render writes the HTML of a table itself, and it
// writes no text that template.HTMLEscapeString has not escaped: the cells
// that hold none of the bytes it escapes are written as they are. A plan's
// cells are most of the values of a letter, and each value the template
// escapes costs a reflective call: given as one piece, a letter renders in
// half the time.
func htmlRows(g *grid, from, end int) template.HTML {
	start, next, stop := "<tr><td>", "</td><td>", "</td></tr>\n"
	if from == 0 {
		start, next, stop = `<tr><th scope="col">`, `</th><th scope="col">`, "</th></tr>\n"
	}
	size := 0
	for i := from; i < end; i++ {
		cells, _ := g.cells(i)
		size += len(start) + len(next)*len(cells) + len(stop) // more than enough
		for _, c := range cells {
			size += len(c)
		}
	}

	var b strings.Builder
	b.Grow(size)
	for i := from; i < end; i++ {
		cells, _ := g.cells(i)
		if len(cells) == 0 {
			b.WriteString("<tr></tr>\n")
			continue
		}
		marked := g.marked[len(g.head)*i:]
		b.WriteString(start)
		for c, s := range cells {
			if c > 0 {
				b.WriteString(next)
			}
			if marked[c] {
				s = template.HTMLEscapeString(s)
			}
			b.WriteString(s)
		}
		b.WriteString(stop)
	}
	return template.HTML(b.String())
}

// The bytes that html/template escapes in text between tags, and the bytes
// of those that template.HTMLEscapeString escapes, which leaves "+" alone.
const (
	htmlTextBytes = "\x00\"&'+<>"
	htmlCellBytes = "\x00\"&'<>"
)

// htmlCell marks the bytes of [htmlCellBytes].
var htmlCell = func() (m [256]bool) {
	for i := range len(htmlCellBytes) {
		m[htmlCellBytes[i]] = true
	}
	return m
}()

// htmlEscapes holds what each of [htmlTextBytes] is written as.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;",
	'+': "&#43;", '<': "&lt;", '>': "&gt;"}

// escapeText escapes s as the template escapes a string between tags: the
// bytes of [htmlTextBytes] become references, and every other byte, of a
// rune or not, stays as it is.
//
// SECURITY: the page's text is given to the template as HTML escaped here,
// so that the template spends no reflective call on escaping it again.
func escapeText(s string) template.HTML {
	i := indexHTML(s)
	if i < 0 {
		return template.HTML(s)
	}
	b := make([]byte, 0, len(s)+len(s)/8+8)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if e := htmlEscapes[s[i]]; e != "" {
			b = append(b, e...)
		} else {
			b = append(b, s[i])
		}
	}
	return template.HTML(b)
}

// indexHTML returns the index of the first byte of s that is one of
// [htmlTextBytes], or -1. A short string it reads byte by byte; in a long one
// it looks for each byte in turn, a search that runs many bytes at a time.
func indexHTML(s string) int {
	if len(s) < 64 {
		for i := range len(s) {
			if htmlEscapes[s[i]] != "" {
				return i
			}
		}
		return -1
	}
	return indexAny(s, htmlTextBytes)
}

// indexAny returns the index of the first byte of s that is one of set, or
// -1. It looks for each in turn.
func indexAny(s, set string) int {
	at := -1
	for i := range len(set) {
		if at >= 0 {
			s = s[:at]
		}
		if j := strings.IndexByte(s, set[i]); j >= 0 {
			at = j
		}
	}
	return at
}

// htmlLang returns the page's lang attribute. Any language but English is
// written as Norwegian, as package lang does.
func htmlLang(l lang.Lang) string {
	if l == lang.English {
		return string(lang.English)
	}
	return string(lang.Norwegian)
}

// letterTitle names the page by the recipient's company (or name) and the
// date, which is what tells one printed letter from the next.
func letterTitle(l *followup.Letter) string {
	who, date := oneLine(firstOf(oneLine(l.To.Company), l.To.Name)), oneLine(l.PlaceDate)
	switch {
	case who != "" && date != "":
		return who + " – " + date
	case who != "" || date != "":
		return who + date
	}
	return "followup"
}

// firstOf returns the first of ss that is not empty.
func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
