package render

import (
	"slices"
	"strings"
	"testing"

	"followup"
)

func TestFill(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"fits", "en to tre", 9, []string{"en to tre"}},
		{"breaks between words", "en to tre", 8, []string{"en to", "tre"}},
		{"counts runes not bytes", "ærø åså", 7, []string{"ærø åså"}},
		{"long word alone", "a supercalifragilistic b", 6, []string{"a", "supercalifragilistic", "b"}},
		{"reflows white space", "  en\n to\t\ttre ", 20, []string{"en to tre"}},
		{"no-break space holds", "kr 125\u00a0000", 6, []string{"kr", "125\u00a0000"}},
		{"empty", " \n ", 10, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(fill(nil, tt.in, tt.width))
			var got []string
			if out != "" {
				got = strings.Split(out, "\n")
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("fill(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one", "a b", []string{"a b"}},
		{"two", "a\n\nb", []string{"a", "b"}},
		{"lines kept together", "a\nb\n\nc", []string{"a\nb", "c"}},
		{"blank lines with spaces", "\n  a \n \t\n\n b\r\n", []string{"a", "b"}},
		{"none", " \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paragraphs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ole Olsen", "Ole Olsen"},
		{" Ole  Olsen\n", "Ole Olsen"},
		{"Oslogata\t99", "Oslogata 99"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// textLines renders l as text and returns its lines.
func textLines(t *testing.T, l *followup.Letter, m Mode) []string {
	t.Helper()
	out := render(t, l, Text, m)
	if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Errorf("text should end in exactly one newline: %q", out[max(0, len(out)-20):])
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestTextLines(t *testing.T) {
	for _, fx := range fixtures {
		for _, m := range modes {
			t.Run(fx.name+"/"+m.name, func(t *testing.T) {
				out := textLines(t, fx.letter(), m.mode)
				inTable := false // tables may be wider: their cells wrap at 50 runes
				for i, line := range out {
					if strings.TrimRight(line, " ") != line {
						t.Errorf("line %d has trailing spaces: %q", i+1, line)
					}
					if line == "" {
						inTable = false
					}
					if i+1 < len(out) && strings.HasPrefix(out[i+1], "---") {
						inTable = true
					}
					if !inTable && runes(line) > lineWidth && strings.Contains(line, " ") {
						t.Errorf("line %d is %d runes wide: %q", i+1, runes(line), line)
					}
				}
			})
		}
	}
}

func TestTextLabels(t *testing.T) {
	labels := []string{"[SMERTE]", "[ÅRSAK]", "[VISJON]", "[ENIGHET OM Å GÅ VIDERE]",
		"[FREMDRIFT]", "[FREMDRIFTSPLAN]"}
	tests := []struct {
		mode Mode
		want int
	}{{Buyer, 0}, {Annotated, 1}}
	for _, tt := range tests {
		out := textLines(t, nbDecisionMaker(), tt.mode)
		for _, label := range labels {
			got := 0
			for _, line := range out {
				if line == label {
					got++
				}
			}
			if got != tt.want {
				t.Errorf("mode %d: %s appears %d times on a line of its own, want %d",
					tt.mode, label, got, tt.want)
			}
		}
	}
}

func TestTextLabelHeadsItsPart(t *testing.T) {
	out := textLines(t, nbDecisionMaker(), Annotated)
	i := slices.Index(out, "[SMERTE]")
	if i < 1 || out[i-1] != "" || !strings.HasPrefix(out[i+1], "Du bekreftet") {
		t.Errorf("the label should follow a blank line and head its text: %q", out[i-1:i+2])
	}
}

func TestTextBlocks(t *testing.T) {
	tests := []struct {
		name string
		l    *followup.Letter
		want []string // consecutive lines
	}{
		{"letterhead", nbSponsor(), []string{"HandsOn AS", "==========", ""}},
		{"address", nbSponsor(), []string{"", "Lars Larsen", "Salgs- og markedsdirektør",
			"ABC AS", "Oslogata 99", "0123 Oslo", "", "Oslo, 10.01.2002", ""}},
		{"no title leaves no gap", enDecisionMaker(), []string{"Ole Olsen", "ABC AS",
			"Oslogata 99", "0123 Oslo", "Norway", ""}},
		{"closing and signature", nbSponsor(), []string{"", "Med vennlig hilsen", "",
			"Jens Kanden", "Partner", "HandsOn AS"}},
		{"plan title above the table", nbDecisionMaker(), []string{
			"Utkast til fremdriftsplan for ABC AS", "", "Begivenhet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := strings.Join(textLines(t, tt.l, Buyer), "\n") + "\n"
			want := strings.Join(tt.want, "\n")
			if !strings.Contains(out, want) {
				t.Errorf("want the lines\n%s\nin\n%s", want, out)
			}
		})
	}
}

func TestTextTable(t *testing.T) {
	p := &followup.PlanTable{
		Columns: []string{"Event", "Week", "*", "Owner"},
		Rows: [][]string{
			{"Short event", "week 7", "*", "both"},
			{"An event whose text runs on well past the fifty runes a column may take",
				"week 8", "", "seller"},
		},
	}
	var b strings.Builder
	if err := Plan(&b, p, "en", Text); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	// The long event wraps within 50 runes; the column is as wide as its lines.
	sp := strings.Repeat(" ", 47)
	want := []string{
		"Event" + sp[5:] + "  Week    *  Owner",
		strings.Repeat("-", 47) + "  ------  -  ------",
		"Short event" + sp[11:] + "  week 7  *  both",
		"An event whose text runs on well past the fifty  week 8     seller",
		"  runes a column may take",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTextTableCentresMarks(t *testing.T) {
	p := &followup.PlanTable{
		Columns: []string{"Hva", "Milepæl"},
		Rows:    [][]string{{"a", "*"}, {"b", ""}},
	}
	var b strings.Builder
	if err := Plan(&b, p, "nb", Text); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Split(b.String(), "\n")[2], "a       *"; got != want {
		t.Errorf("row = %q, want %q", got, want)
	}
}
