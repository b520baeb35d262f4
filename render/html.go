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

// htmlPage is what the templates read: flat strings, the paragraphs already
// split, so that the template's escaper has little to reflect on.
type htmlPage struct {
	Lang       string
	Title      string
	Annotated  bool
	Letterhead string
	To         []string
	PlaceDate  string
	Opening    []string
	Parts      []htmlPart
	Plan       *htmlPlan
	Closing    string
	From       []string
}

// htmlPart is one part of a letter; Label is empty in the buyer's letter.
type htmlPart struct {
	Label string
	Paras []string
}

// htmlPlan is a plan table; Label is empty unless the letter is annotated.
// Marks names the columns to centre as classes of the table ("mark-4"), so
// that cells need no class of their own.
type htmlPlan struct {
	Label  string
	Title  string
	Marks  string
	Head   template.HTML // the header's cells, see [htmlRows]
	Body   template.HTML // the rows, see [htmlRows]
	Footer []string
}

// maxMarkColumn is the last column the stylesheet can centre: its rules name
// .mark-1 to .mark-8.
const maxMarkColumn = 8

// writeHTMLLetter lays l out as a standalone, printable HTML page.
func writeHTMLLetter(b *bytes.Buffer, l *followup.Letter, m Mode) error {
	page := htmlPage{
		Lang:       htmlLang(l.Language),
		Title:      letterTitle(l),
		Annotated:  m == Annotated,
		Letterhead: oneLine(l.From.Company),
		To:         recipient(l.To),
		PlaceDate:  oneLine(l.PlaceDate),
		Opening:    paragraphs(l.Opening),
		Parts:      make([]htmlPart, 0, len(l.Parts)),
		Closing:    oneLine(l.Closing),
		From:       signature(l.From),
	}
	for _, p := range l.Parts {
		part := htmlPart{Paras: paragraphs(p.Text)}
		if len(part.Paras) == 0 {
			continue
		}
		if m == Annotated {
			part.Label = oneLine(p.Label)
		}
		page.Parts = append(page.Parts, part)
	}
	if l.Plan != nil {
		page.Plan = newHTMLPlan(l.Plan)
		if m == Annotated {
			page.Plan.Label = oneLine(l.Plan.Label)
		}
	}
	return pages.ExecuteTemplate(b, "letter", &page)
}

// writeHTMLPlan lays out a plan on its own as a printable HTML page.
func writeHTMLPlan(b *bytes.Buffer, p *followup.PlanTable, lg lang.Lang) error {
	page := htmlPage{
		Lang:  htmlLang(lg),
		Title: firstOf(oneLine(p.Title), "followup"),
		Plan:  newHTMLPlan(p),
	}
	return pages.ExecuteTemplate(b, "plan-page", &page)
}

// newHTMLPlan reads a plan table for the template.
func newHTMLPlan(p *followup.PlanTable) *htmlPlan {
	g := newGrid(p)
	var marks []string
	for c, m := range g.mark {
		if m && c < maxMarkColumn {
			marks = append(marks, "mark-"+strconv.Itoa(c+1))
		}
	}
	return &htmlPlan{
		Title:  oneLine(p.Title),
		Marks:  strings.Join(marks, " "),
		Head:   htmlRows("th", g.head),
		Body:   htmlRows("td", g.rows...),
		Footer: paragraphs(p.Footer),
	}
}

// htmlRows returns rows of table cells as HTML, one tr element a line, each
// cell in a cell element: th for the header, td for the body.
//
// SECURITY: this is the one place where render writes HTML itself, and it
// writes no text that template.HTMLEscapeString has not escaped: the escaper
// the template applies to text between tags. A plan's cells are most of the
// values of a letter, and each value the template escapes costs a reflective
// call: given as one piece, a letter renders in half the time.
func htmlRows(cell string, rows ...[]string) template.HTML {
	open, end := "<td>", "</td>"
	if cell == "th" {
		open, end = `<th scope="col">`, "</th>"
	}
	var b strings.Builder
	b.Grow(256 * len(rows))
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString(open)
			b.WriteString(template.HTMLEscapeString(c))
			b.WriteString(end)
		}
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
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
	ls := lines(firstOf(oneLine(l.To.Company), l.To.Name), l.PlaceDate)
	return firstOf(strings.Join(ls, " – "), "followup")
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
