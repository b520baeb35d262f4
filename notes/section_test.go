package notes

import (
	"slices"
	"testing"

	"followup"
)

func TestReadSection(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantItems []string
		wantProse string
	}{
		{"dash list", "- en\n- to\n", []string{"en", "to"}, ""},
		{"star and plus", "* en\n+ to\n", []string{"en", "to"}, ""},
		{"numbered", "1. en\n2) to\n", []string{"en", "to"}, ""},
		{"trailing period dropped", "- salget svinger.\n- mye...\n",
			[]string{"salget svinger", "mye..."}, ""},
		{"items trimmed", "-    en   \n", []string{"en"}, ""},
		{"continuation joined", "- salget svinger\n  fra måned til måned\n- to\n",
			[]string{"salget svinger fra måned til måned", "to"}, ""},
		{"continuation with a date", "- møte med Kasper\n  10. januar\n",
			[]string{"møte med Kasper 10. januar"}, ""},
		{"nested bullets flattened", "- en\n  - under\n- to\n", []string{"en", "under", "to"}, ""},
		{"loose list", "- en\n\n- to\n", []string{"en", "to"}, ""},
		{"indented list", "  - en\n  - to\n", []string{"en", "to"}, ""},
		{"empty items dropped", "- en\n-\n", []string{"en"}, ""},
		{"prose", "Lars vil se\nnærmere på det.\n", nil, "Lars vil se nærmere på det."},
		{"paragraphs", "Første avsnitt.\n\n\nAndre\navsnitt.\n", nil,
			"Første avsnitt.\n\nAndre avsnitt."},
		{"list then prose is prose", "- en\nTekst.\n", nil, "- en Tekst."},
		{"prose then list is prose", "Tekst:\n- en\n", nil, "Tekst: - en"},
		{"bold is not a bullet", "**Viktig** her\n", nil, "**Viktig** her"},
		{"a date starts prose", "13. februar møtes vi.\n", nil, "13. februar møtes vi."},
		{"numbered from 1 after all", "1. en\n13. to\n", []string{"en", "to"}, ""},
		{"empty", "\n  \n", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, doc("", "# Smerte\n"+tt.body))
			s, ok := m.Section(followup.Pain)
			if !ok {
				t.Fatal("no pain section")
			}
			if !slices.Equal(s.Items, tt.wantItems) {
				t.Errorf("items: got %q, want %q", s.Items, tt.wantItems)
			}
			if s.Prose != tt.wantProse {
				t.Errorf("prose: got %q, want %q", s.Prose, tt.wantProse)
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	tests := []struct {
		heading string
		want    followup.SectionKind
	}{
		{"# Smerte", followup.Pain},
		{"## PAIN", followup.Pain},
		{"### pain:", followup.Pain},
		{"# Årsaker", followup.Reasons},
		{"# A\u030arsak", followup.Reasons},
		{"# Reasons", followup.Reasons},
		{"# Reason:", followup.Reasons},
		{"# Visjon", followup.Vision},
		{"#   Vision   ##", followup.Vision},
		{"# Enighet", followup.Agreement},
		{"# Enighet  om å  gå videre", followup.Agreement},
		{"# Agreement to proceed", followup.Agreement},
		{"# Kjøpslåing", followup.Access},
		{"# Bargain for access", followup.Access},
		{"# ACCESS", followup.Access},
		{"# Bevisføring", followup.Proof},
		{"# Proposed proof", followup.Proof},
		{"# Forslag til bevisføring:", followup.Proof},
		{"# Fremdrift", followup.NextSteps},
		{"## Next Steps", followup.NextSteps},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			m := mustParse(t, doc("", tt.heading+"\ntekst\n"))
			if len(m.Sections) != 1 {
				t.Fatalf("got %d sections, want 1", len(m.Sections))
			}
			s := m.Sections[0]
			if s.Kind != tt.want || s.Line != 11 {
				t.Errorf("got %s on line %d, want %s on line 11", s.Kind, s.Line, tt.want)
			}
		})
	}
}

func TestHeadingKeptAsWritten(t *testing.T) {
	m := mustParse(t, doc("", "## Smerte: ##\n- a\n"))
	if got, want := m.Sections[0].Heading, "Smerte:"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNotHeadings(t *testing.T) {
	tests := []struct{ name, line string }{
		{"no space", "#Smerte"},
		{"seven marks", "####### Smerte"},
		{"indented four", "    # Smerte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, doc("", "# Visjon\n"+tt.line+"\n"))
			if len(m.Sections) != 1 || m.Sections[0].Prose == "" {
				t.Errorf("got %+v, want the line as the vision's prose", m.Sections)
			}
		})
	}
}

func TestPlanHeadings(t *testing.T) {
	for _, h := range []string{"# Fremdriftsplan", "## plan", "### Progress Plan:"} {
		t.Run(h, func(t *testing.T) {
			m := mustParse(t, doc("", h+"\n"+planHeader+"| Demo | 2002-02-04 | * | selger |\n"))
			if m.Plan == nil || len(m.Plan.Events) != 1 || len(m.Sections) != 0 {
				t.Fatalf("got plan %+v and sections %+v, want a plan of one event", m.Plan, m.Sections)
			}
		})
	}
}
