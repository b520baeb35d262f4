package notes

import (
	"errors"
	"os"
	"strings"
	"testing"

	"followup"
)

// checkFuzzError fails when err is not an EINVALID followup.Error whose
// lines each start with name and a line number.
func checkFuzzError(t *testing.T, err error, name string) {
	var fe *followup.Error
	if !errors.As(err, &fe) || fe.Code != followup.EINVALID {
		t.Fatalf("got %v (%T), want an EINVALID *followup.Error", err, err)
	}
	for _, l := range strings.Split(fe.Message, "\n") {
		if !hasLinePrefix(l, name) {
			t.Fatalf("message line %q does not start with %s:LINE: ", l, name)
		}
	}
}

// FuzzParse feeds notes.Parse arbitrary files; its seed corpus is in
// testdata/fuzz/FuzzParse, with the two examples among the seeds.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/abc-sponsor.md", "testdata/abc-decision-maker.md"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("f.md", data)
		if err != nil {
			checkFuzzError(t, err, "f.md")
			return
		}
		if m == nil {
			t.Fatal("got no meeting and no error")
		}
		if m.Letter == "" || m.Date.IsZero() || m.Seller.Name == "" || m.To.Company == "" {
			t.Fatalf("accepted a meeting without a required key: %+v", m)
		}
	})
}

// FuzzParsePlanTable feeds ParsePlanTable arbitrary text, split into lines.
func FuzzParsePlanTable(f *testing.F) {
	f.Add(planHeader + "| Demo | 2002-02-04 | * | selger |\n")
	f.Fuzz(func(t *testing.T, text string) {
		plan, err := ParsePlanTable("p.md", strings.Split(text, "\n"), 1)
		if err != nil {
			checkFuzzError(t, err, "p.md")
			return
		}
		for _, e := range plan.Events {
			if e.Text == "" || e.Date.IsZero() || e.Kind == "" {
				t.Fatalf("accepted an incomplete event: %+v", e)
			}
		}
	})
}
