package render

import (
	"slices"
	"strings"
	"testing"

	"followup"
	"followup/lang"

	"golang.org/x/net/html"
)

// elements returns the elements of doc with the tag and, when class is not
// empty, that class.
func elements(doc *html.Node, tag, class string) []*html.Node {
	var found []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == tag &&
			(class == "" || slices.Contains(strings.Fields(attr(n, "class")), class)) {
			found = append(found, n)
		}
	}
	return found
}

// attr returns the value of n's attribute key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text within n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// parseLetter renders l as HTML and parses it.
func parseLetter(t *testing.T, l *followup.Letter, m Mode) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(render(t, l, HTML, m)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// only returns the one element of doc with the tag and class.
func only(t *testing.T, doc *html.Node, tag, class string) *html.Node {
	t.Helper()
	es := elements(doc, tag, class)
	if len(es) != 1 {
		t.Fatalf("%d <%s class=%q>, want 1", len(es), tag, class)
	}
	return es[0]
}

func TestHTMLPage(t *testing.T) {
	tests := []struct {
		name      string
		l         *followup.Letter
		mode      Mode
		lang      string
		title     string
		labels    int
		rows      int // rows of the plan's body
		paragraph int // paragraphs in the parts
	}{
		{"nb sponsor buyer", nbSponsor(), Buyer, "nb", "ABC AS – Oslo, 10.01.2002", 0, 0, 7},
		{"nb sponsor annotated", nbSponsor(), Annotated, "nb", "ABC AS – Oslo, 10.01.2002",
			6, 0, 7},
		{"nb decision-maker buyer", nbDecisionMaker(), Buyer, "nb",
			"ABC AS – Oslo, 21.01.2002", 0, 9, 6},
		{"nb decision-maker annotated", nbDecisionMaker(), Annotated, "nb",
			"ABC AS – Oslo, 21.01.2002", 6, 9, 6},
		{"en decision-maker annotated", enDecisionMaker(), Annotated, "en",
			"ABC AS – Oslo, 21 January 2002", 6, 4, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseLetter(t, tt.l, tt.mode)
			if got := attr(only(t, doc, "html", ""), "lang"); got != tt.lang {
				t.Errorf("lang = %q, want %q", got, tt.lang)
			}
			if got := textOf(only(t, doc, "title", "")); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if got := len(elements(doc, "h2", "label")); got != tt.labels {
				t.Errorf("%d h2.label, want %d", got, tt.labels)
			}
			paras := 0
			for _, part := range elements(doc, "section", "part") {
				if attr(part, "class") == "part" {
					paras += len(elements(part, "p", ""))
				}
			}
			if paras != tt.paragraph {
				t.Errorf("%d paragraphs in the parts, want %d", paras, tt.paragraph)
			}
			checkPlan(t, doc, tt.rows)
		})
	}
}

// checkPlan checks the plan's table: a header, rows rows, the checkpoint
// column centred.
func checkPlan(t *testing.T, doc *html.Node, rows int) {
	t.Helper()
	tables := elements(doc, "table", "")
	if rows == 0 {
		if len(tables) != 0 {
			t.Errorf("%d tables in a letter with no plan", len(tables))
		}
		return
	}
	table := only(t, doc, "table", "")
	if got := len(elements(table, "tr", "")) - len(elements(only(t, table, "thead", ""),
		"tr", "")); got != rows {
		t.Errorf("%d rows in the plan's body, want %d", got, rows)
	}
	if got := len(elements(table, "th", "")); got != 5 {
		t.Errorf("%d header cells, want 5", got)
	}
	// The stylesheet centres the column that the table's class names.
	if got, want := attr(table, "class"), "mark-4"; got != want {
		t.Errorf("table class = %q, want %q: the checkpoint column centred", got, want)
	}
}

func TestHTMLHead(t *testing.T) {
	doc := parseLetter(t, nbSponsor(), Buyer)
	charset := false
	for _, m := range elements(doc, "meta", "") {
		charset = charset || strings.EqualFold(attr(m, "charset"), "utf-8")
	}
	if !charset {
		t.Error("no <meta charset=utf-8>")
	}
	style := textOf(only(t, doc, "style", ""))
	for _, rule := range []string{"@page", "size: A4", "@media print", "serif"} {
		if !strings.Contains(style, rule) {
			t.Errorf("the stylesheet has no %q", rule)
		}
	}
	if n := len(elements(doc, "link", "")) + len(elements(doc, "script", "")); n != 0 {
		t.Errorf("%d links or scripts: the page must stand alone", n)
	}
	if !strings.Contains(style, ".mark-4 tr > :nth-child(4)") {
		t.Error("the stylesheet does not centre the columns of marks")
	}
	if got := textOf(only(t, doc, "p", "date")); got != "Oslo, 10.01.2002" {
		t.Errorf("date = %q", got)
	}
	if !strings.HasPrefix(render(t, nbSponsor(), HTML, Buyer), "<!doctype html>\n") {
		t.Error("the page does not start with <!doctype html>")
	}
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name, tag, class string
		l                *followup.Letter
		want             string
	}{
		{"letterhead", "header", "letterhead", nbSponsor(), "HandsOn AS"},
		{"recipient", "p", "recipient", nbSponsor(),
			"Lars Larsen|Salgs- og markedsdirektør|ABC AS|Oslogata 99|0123 Oslo"},
		{"recipient without title", "p", "recipient", enDecisionMaker(),
			"Ole Olsen|ABC AS|Oslogata 99|0123 Oslo|Norway"},
		{"closing", "p", "closing", nbSponsor(), "Med vennlig hilsen"},
		{"signature", "p", "signature", enDecisionMaker(), "Jens Kanden|Partner|HandsOn AS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := only(t, parseLetter(t, tt.l, Buyer), tt.tag, tt.class)
			var parts []string
			for c := range n.ChildNodes() {
				if c.Type == html.TextNode {
					parts = append(parts, strings.TrimSpace(c.Data))
				}
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLEscapes(t *testing.T) {
	out := render(t, hostile(), HTML, Annotated)
	if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") {
		t.Fatalf("user text reached the page as markup:\n%s", out)
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"script", "b", "i", "em"} {
		if n := len(elements(doc, tag, "")); n != 0 {
			t.Errorf("%d <%s> made from the letter's text", n, tag)
		}
	}
	if got, want := textOf(only(t, doc, "title", "")),
		"<script>alert(1)</script> – Oslo, 21 January 2002"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got := textOf(only(t, doc, "caption", "")); got != "Plan <i>|</i>" {
		t.Errorf("caption = %q", got)
	}
	if !strings.Contains(textOf(doc), "<script>alert('x')</script>") {
		t.Error("the text that looks like a script is not shown as text")
	}
}

func TestHTMLPlanPage(t *testing.T) {
	var b strings.Builder
	if err := Plan(&b, nbPlan(), lang.Norwegian, HTML); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := textOf(only(t, doc, "title", "")); got != "Utkast til fremdriftsplan for ABC AS" {
		t.Errorf("title = %q", got)
	}
	if n := len(elements(doc, "h2", "label")); n != 0 {
		t.Errorf("%d labels on the plan's own page", n)
	}
	checkPlan(t, doc, 9)
	if got := len(elements(doc, "p", "footer")); got != 1 {
		t.Errorf("%d footers, want 1", got)
	}
}
