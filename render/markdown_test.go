package render

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
)

func TestEscapeInline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Takk for møtet.", "Takk for møtet."},
		{"pipe", "a | b", `a \| b`},
		{"emphasis", "*viktig*", `\*viktig\*`},
		{"lone asterisk", "3 * 4", "3 * 4"},
		{"mark alone", "*", "*"},
		{"underscore in word", "snake_case", "snake_case"},
		{"underscore emphasis", "_nor this_", `\_nor this\_`},
		{"code", "`go test`", "\\`go test\\`"},
		{"link", "[no](link)", `\[no\](link)`},
		{"tag", "<script>", `\<script>`},
		{"closing tag", "</b>", `\</b>`},
		{"less than", "x < 5", "x < 5"},
		{"backslash", `C:\temp`, `C:\\temp`},
		{"strikethrough", "~~gone~~", `\~\~gone\~\~`},
		{"heading sign inside", "sak #12", "sak #12"},
		{"percent and dash", "10 % - 20 %", "10 % - 20 %"},
		{"ampersand", "Tags & Co, AT&T", "Tags & Co, AT&T"},
		{"entity", "&amp; &#38; &#x26;", `\&amp; \&#38; \&#x26;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeInline(tt.in); got != tt.want {
				t.Errorf("escapeInline(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEscapeLineStart(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Takk", "Takk"},
		{"heading", "# Hei", `\# Hei`},
		{"heading without space", "#12 er saken", `\#12 er saken`},
		{"quote", "> sitat", `\> sitat`},
		{"dash item", "- punkt", `\- punkt`},
		{"plus item", "+ punkt", `\+ punkt`},
		{"star item", "* punkt", `\* punkt`},
		{"dash in word", "-20 %", "-20 %"},
		{"ordered item", "1. etasje", `1\. etasje`},
		{"ordered item with paren", "12) punkt", `12\) punkt`},
		{"number alone", "2002.", `2002\.`},
		{"date", "10.01.2002 var dagen", "10.01.2002 var dagen"},
		{"number and word", "13 deltakere", "13 deltakere"},
		{"rule", "---", `\---`},
		{"spaced rule", "- - -", `\- - -`},
		{"heading underline", "===", `\===`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeLineStart(tt.in, true); got != tt.want {
				t.Errorf("escapeLineStart(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestEscapeLineWithin checks the lines after a paragraph's first, where only
// a list that starts at 1 can begin.
func TestEscapeLineWithin(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"date", "23. januar", "23. januar"},
		{"first item", "1. punkt", `1\. punkt`},
		{"ten", "10. punkt", "10. punkt"},
		{"dash item", "- punkt", `\- punkt`},
		{"heading", "# Hei", `\# Hei`},
		{"heading underline", "===", `\===`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := escapeLineStart(tt.in, false); got != tt.want {
				t.Errorf("escapeLineStart(%q, false) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// toHTML converts Markdown as GitHub does and parses the result.
func toHTML(t *testing.T, md string) *html.Node {
	t.Helper()
	var b bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	if err := gm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestMarkdownReadsAsWritten converts the letters to HTML with a Markdown
// engine and checks that the only markup is the renderer's own: the words
// of the letter, however much they look like markup, come out as text.
func TestMarkdownReadsAsWritten(t *testing.T) {
	tests := []struct {
		mode Mode
		want map[string]int // elements and how many of them
	}{
		{Buyer, map[string]int{"h3": 0, "strong": 2, "table": 1, "tr": 3, "td": 6, "br": 4}},
		{Annotated, map[string]int{"h3": 2, "strong": 2, "table": 1, "tr": 3, "td": 6}},
	}
	absent := []string{"h1", "h2", "ul", "ol", "li", "blockquote", "em", "code", "pre", "a",
		"hr", "script", "b", "i", "del"}
	for _, tt := range tests {
		doc := toHTML(t, render(t, hostile(), Markdown, tt.mode))
		for tag, want := range tt.want {
			if got := len(elements(doc, tag, "")); got != want {
				t.Errorf("mode %d: %d <%s>, want %d", tt.mode, got, tag, want)
			}
		}
		for _, tag := range absent {
			if got := len(elements(doc, tag, "")); got != 0 {
				t.Errorf("mode %d: %d <%s> made from the letter's text", tt.mode, got, tag)
			}
		}

		text := strings.Join(strings.Fields(textOf(doc)), " ")
		for _, s := range []string{
			"Tags & <Co>", "# Not a heading", "<script>alert(1)</script>", "1. etasje",
			"- not a list", "# Hello", "> not a quote, *not emphasis*, _nor this_, " +
				"`no code`, [no](link)", "<script>alert('x')</script>", "2002. The year; " +
				"a | b; snake_case stays; 3 * 4 = 12.", "---", "Plan <i>|</i>",
			"Event | what", "a | b <em>c</em>", "# d", "+ not a list either",
		} {
			if !strings.Contains(text, s) {
				t.Errorf("mode %d: the text %q did not survive: %s", tt.mode, s, text)
			}
		}
	}
}

func TestMarkdownStrongEdges(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "HandsOn AS", "**HandsOn AS**\n"},
		{"star at the end", "Plan *", `**Plan \***` + "\n"},
		{"star at the start", "* Plan", `**\* Plan**` + "\n"},
		{"underscore alone", "_", `**\_**` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			mdDoc{&b}.strong(tt.in)
			if got := b.String(); got != tt.want {
				t.Errorf("strong(%q) = %q, want %q", tt.in, got, tt.want)
			}
			doc := toHTML(t, b.String())
			if got := textOf(only(t, doc, "strong", "")); got != tt.in {
				t.Errorf("reads as %q, want %q", got, tt.in)
			}
		})
	}
}

func TestMarkdownLayout(t *testing.T) {
	out := render(t, nbDecisionMaker(), Markdown, Annotated)
	for _, want := range []string{
		"**HandsOn AS**\n\n",
		"Ole Olsen\\\nDaglig leder\\\nABC AS\\\nOslogata 99\\\n0123 Oslo\n\nOslo, 21.01.2002\n",
		"### Smerte\n\nDu bekreftet",
		"### Fremdriftsplan\n\n**Utkast til fremdriftsplan for ABC AS**\n\n| Begivenhet",
		"| :-----: |",
		"Med vennlig hilsen\n\nJens Kanden\\\nPartner\\\nHandsOn AS\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(render(t, nbDecisionMaker(), Markdown, Buyer), "###") {
		t.Error("the buyer's letter has headings")
	}
}

// FuzzMarkdownProse checks that a paragraph of any text reads, once a
// Markdown engine has read it, as the same words.
func FuzzMarkdownProse(f *testing.F) {
	for _, s := range []string{
		"# Hello", "> quote", "1. one", "2) two", "- item", "* item", "+ item", "---",
		"a *b* c", "_a_", "`code`", "[a](b)", "<b>bold</b>", "a | b", "&amp;", "x\\",
		"~~gone~~", "***", "a  \nb", "23. januar og 1. februar", "![img](x.png)",
	} {
		f.Add(s)
	}
	gm := proseEngine()
	f.Fuzz(func(t *testing.T, s string) { checkProse(t, gm, s) })
}

// TestMarkdownProseRandom runs the check of [FuzzMarkdownProse] on a fixed
// sample of short texts made of markup characters.
func TestMarkdownProseRandom(t *testing.T) {
	signs := []string{"#", ">", "1", "2", ".", ")", "-", "+", "*", "_", "`", "[", "]", "(",
		"<", "&", ";", "|", "~", "\\", "!", "=", ":", "/", " ", " ", "a", "b", "é"}
	gm := proseEngine()
	r := rand.New(rand.NewPCG(12, 2002))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.IntN(24) {
			b.WriteString(signs[r.IntN(len(signs))])
		}
		checkProse(t, gm, b.String())
	}
}

// proseEngine reads Markdown as GitHub does, without turning bare addresses
// into links.
func proseEngine() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
}

// checkProse writes s as a paragraph of Markdown, reads it back with gm, and
// checks that the words are those of s.
func checkProse(t *testing.T, gm goldmark.Markdown, s string) {
	t.Helper()
	if !utf8.ValidString(s) || strings.ContainsRune(s, '\ufffd') {
		return
	}
	want := strings.Join(strings.Fields(s), " ")
	if want == "" || strings.ContainsFunc(want, unicode.IsControl) {
		return
	}
	var md, out bytes.Buffer
	mdDoc{&md}.prose(s)
	if err := gm.Convert(md.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(textOf(doc)), " "); got != want {
		t.Errorf("%q\nwrote %q\nreads %q", want, md.String(), got)
	}
}
