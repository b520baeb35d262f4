package notes

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLargeInputs runs files near MaxSize whose shapes once cost quadratic
// time or huge messages; each must end in a meeting or an EINVALID error.
func TestLargeInputs(t *testing.T) {
	var aliases strings.Builder
	aliases.WriteString("a: &a0 [x, x, x, x]\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&aliases, "b%d: &a%d [*a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"long list item", doc("", "# Smerte\n- a\n"+strings.Repeat("  b\n", MaxSize/5))},
		{"many headings", doc("", strings.Repeat("# Smerte\n", MaxSize/10))},
		{"many rows", doc("", "# Plan\n"+planHeader+strings.Repeat("| a | x | y | z |\n", MaxSize/20))},
		{"wide header", doc("", "# Plan\n"+strings.Repeat("|", MaxSize-200))},
		{"deep YAML", []byte("---\na: " + strings.Repeat("[", MaxSize/2) + "\n---\n")},
		{"YAML aliases", []byte("---\n" + aliases.String() + "---\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.md", tt.data)
			if err != nil {
				checkFuzzError(t, err, "t.md")
				if n := len(err.Error()); n > 64<<10 {
					t.Errorf("got a message of %d bytes, want it short", n)
				}
			}
		})
	}
}

func BenchmarkParseExample(b *testing.B) {
	data, err := os.ReadFile("testdata/abc-decision-maker.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("t.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
