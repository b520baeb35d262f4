package render

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"followup"
	"followup/lang"
)

var update = flag.Bool("update", false, "rewrite golden files")

// extensions name the golden files by format.
var extensions = map[Format]string{Text: "txt", Markdown: "md", HTML: "html"}

var modes = []struct {
	name string
	mode Mode
}{{"buyer", Buyer}, {"annotated", Annotated}}

// render returns l rendered, failing the test on an error.
func render(t testing.TB, l *followup.Letter, f Format, m Mode) string {
	t.Helper()
	var b bytes.Buffer
	if err := Letter(&b, l, f, m); err != nil {
		t.Fatalf("Letter(%s): %v", f, err)
	}
	return b.String()
}

// golden compares got with the file testdata/name, or rewrites the file
// when the test runs with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./render/ -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output:\n%s", path, diff(string(want), got))
	}
}

// diff shows the first line where want and got part.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\nwant " + wl + "\ngot  " + gl
		}
	}
	return "(no line differs)"
}

func TestLetterGolden(t *testing.T) {
	for _, fx := range fixtures {
		for f, ext := range extensions {
			for _, m := range modes {
				name := fx.name + "." + m.name + "." + ext + ".golden"
				t.Run(name, func(t *testing.T) {
					golden(t, name, render(t, fx.letter(), f, m.mode))
				})
			}
		}
	}
}

func TestPlanGolden(t *testing.T) {
	plans := []struct {
		name string
		plan *followup.PlanTable
		lang lang.Lang
	}{
		{"nb-plan", nbPlan(), lang.Norwegian},
		{"en-plan", enDecisionMaker().Plan, lang.English},
	}
	for _, p := range plans {
		for f, ext := range extensions {
			name := p.name + "." + ext + ".golden"
			t.Run(name, func(t *testing.T) {
				var b bytes.Buffer
				if err := Plan(&b, p.plan, p.lang, f); err != nil {
					t.Fatal(err)
				}
				golden(t, name, b.String())
			})
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
	}{
		{"text", Text}, {"txt", Text}, {" TEXT ", Text},
		{"markdown", Markdown}, {"md", Markdown}, {"MD", Markdown},
		{"html", HTML}, {"HTML", HTML}, {"htm", HTML},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseFormatRejects(t *testing.T) {
	for _, in := range []string{"", "pdf", "markdow", "text/html"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseFormat(in)
			if got, want := followup.ErrorCode(err), followup.EINVALID; got != want {
				t.Fatalf("code = %q, want %q (err %v)", got, want, err)
			}
			for _, name := range []string{"text", "txt", "markdown", "md", "html"} {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("message %q does not list %q", err, name)
				}
			}
		})
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestLetterErrors(t *testing.T) {
	tests := []struct {
		name     string
		w        io.Writer
		l        *followup.Letter
		f        Format
		wantCode string
	}{
		{"no letter", &bytes.Buffer{}, nil, Text, followup.EINVALID},
		{"unknown format", &bytes.Buffer{}, nbSponsor(), "pdf", followup.EINVALID},
		{"writer fails", failWriter{}, nbSponsor(), HTML, followup.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Letter(tt.w, tt.l, tt.f, Buyer)
			if got := followup.ErrorCode(err); got != tt.wantCode {
				t.Errorf("code = %q, want %q (err %v)", got, tt.wantCode, err)
			}
		})
	}
}

func TestPlanErrors(t *testing.T) {
	var b bytes.Buffer
	if err := Plan(&b, nil, lang.Norwegian, Text); followup.ErrorCode(err) != followup.EINVALID {
		t.Errorf("nil plan: err = %v, want %s", err, followup.EINVALID)
	}
	if err := Plan(&b, nbPlan(), lang.Norwegian, "odt"); followup.ErrorCode(err) != followup.EINVALID {
		t.Errorf("unknown format: err = %v, want %s", err, followup.EINVALID)
	}
	if b.Len() != 0 {
		t.Errorf("a failed render wrote %q", b.String())
	}
}

// TestEveryFormatKeepsOrder checks, in every format and mode, that the blocks
// of the letter come in the order of a Norwegian business letter.
func TestEveryFormatKeepsOrder(t *testing.T) {
	l := nbDecisionMaker()
	order := []string{
		"HandsOn AS", "Ole Olsen", "Daglig leder", "Oslogata 99", "0123 Oslo",
		"Oslo, 21.01.2002", "Takk for møtet", "Du bekreftet", "Salgsresultatene",
		"Du trenger", "De samme", "Vi ble enige", "Ut fra det", "Utkast til fremdriftsplan",
		"Telefonintervjuer med sentrale", "Første treningsdag for hele", "Planen har sju",
		"Med vennlig hilsen", "Jens Kanden", "Partner",
	}
	for f := range extensions {
		for _, m := range modes {
			t.Run(string(f)+"/"+m.name, func(t *testing.T) {
				out := render(t, l, f, m.mode)
				at := 0
				for _, s := range order {
					i := strings.Index(out[at:], s)
					if i < 0 {
						t.Fatalf("%q missing, or not after the block before it", s)
					}
					at += i + len(s)
				}
			})
		}
	}
}

// TestNoTrailingSpaces checks every format: Markdown breaks lines with a
// backslash, never with spaces an editor would strip.
func TestNoTrailingSpaces(t *testing.T) {
	for _, fx := range fixtures {
		for f := range extensions {
			for _, m := range modes {
				out := render(t, fx.letter(), f, m.mode)
				for i, line := range strings.Split(out, "\n") {
					if strings.TrimRight(line, " \t") != line {
						t.Errorf("%s %s %s line %d ends in white space: %q",
							fx.name, f, m.name, i+1, line)
					}
				}
			}
		}
	}
}
