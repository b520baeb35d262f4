package notes

import (
	"strings"
	"testing"
)

// people is the seller and the recipient, for front matters written whole.
const people = "seller:\n  name: Jens Kanden\n  company: HandsOn AS\n" +
	"to:\n  name: Lars Larsen\n  company: ABC AS\n"

// planHeader is a plan table's header and separator rows.
const planHeader = "| Begivenhet | Dato | Milepæl | Eier |\n|---|---|---|---|\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		data  string
		wants []string
	}{
		// The file as a whole.
		{"too large", strings.Repeat("x", MaxSize+1), []string{"t.md:1:", "1048577", "1048576"}},
		{"not UTF-8", string(doc("", "# Smerte\n- r\xe5d\n")), []string{"t.md:12:", "UTF-8"}},
		{"no front matter", "# Smerte\n- noe\n", []string{"t.md:1:", "front matter", "---"}},
		{"front matter not closed", "---\nletter: sponsor\n# Smerte\n",
			[]string{"t.md:1:", "not closed"}},
		{"YAML syntax", string(doc("place: [Oslo\n", "")), []string{"t.md:2:", "YAML"}},
		{"YAML tab", string(doc("place: Oslo\n\tdeal: x\n", "")), []string{"t.md:3:", "tabs"}},
		{"front matter a list", "---\n- letter\n---\n", []string{"t.md:2:", "key: value"}},

		// Keys.
		{"unknown key", string(doc("colour: red\n", "")),
			[]string{"t.md:2:", `"colour"`, "letter, language, date"}},
		{"unknown key under seller", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\n  phone: 123\n" +
			"to:\n  name: Lars\n  company: ABC AS\n---\n",
			[]string{"t.md:7:", `"phone"`, "under seller", "name, title, company"}},
		{"unknown key under to", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\n" +
			"to:\n  name: Lars\n  company: ABC AS\n  email: l@abc.no\n---\n",
			[]string{"t.md:10:", `"email"`, "under to", "address"}},
		{"unknown key under plan", string(doc("plan:\n  template: x\n  start: 2002-02-04\n"+
			"  end: 2002-03-01\n", "")),
			[]string{"t.md:5:", `"end"`, "under plan", "template, start, deliver_by"}},
		{"key twice", string(doc("place: Oslo\nplace: Bergen\n", "")),
			[]string{"t.md:3:", "place", "lines 2 and 3"}},
		{"list for text", string(doc("place:\n  - Oslo\n", "")),
			[]string{"t.md:3:", "place", "expected text", "a list"}},
		{"mapping for names", string(doc("participants:\n  a: b\n", "")),
			[]string{"t.md:3:", "participants", "list"}},
		{"list item not text", string(doc("reviewers:\n  - [a, b]\n", "")),
			[]string{"t.md:3:", "reviewers", "each item"}},
		{"bool yes-ish", string(doc("access_granted: kanskje\n", "")),
			[]string{"t.md:2:", "access_granted", "true or false", "ja/nei"}},
		{"bool list", string(doc("amount_agreed: [true]\n", "")),
			[]string{"t.md:2:", "amount_agreed", "true or false"}},
		{"date unreadable", string(doc("follow_up: 14/01/2002\n", "")),
			[]string{"t.md:2:", "follow_up", "YYYY-MM-DD", "DD.MM.YYYY"}},
		{"date impossible", string(doc("meeting: 2002-02-30\n", "")),
			[]string{"t.md:2:", "meeting", "not a day", "YYYY-MM-DD", "DD.MM.YYYY"}},
		{"date a list", string(doc("follow_up: [2002-01-14]\n", "")),
			[]string{"t.md:2:", "follow_up", "a list", "YYYY-MM-DD"}},
		{"date with a time", string(doc("meeting: 2002-01-10 10:00\n", "")),
			[]string{"t.md:2:", "meeting", "DD.MM.YYYY"}},
		{"unknown letter", "---\nletter: customer\ndate: 2002-01-10\n" + people + "---\n",
			[]string{"t.md:2:", "letter", "sponsor", "decision-maker"}},
		{"unknown language", string(doc("language: fr\n", "")),
			[]string{"t.md:2:", "language", "nb", "en"}},
		{"plan agreed true", string(doc("plan_agreed: true\n", "")),
			[]string{"t.md:2:", "plan_agreed", "false"}},
		{"plan agreed bad date", string(doc("plan_agreed: snart\n", "")),
			[]string{"t.md:2:", "plan_agreed", "YYYY-MM-DD"}},
		{"plan a text", string(doc("plan: standard\n", "")),
			[]string{"t.md:2:", "plan", "template"}},
		{"plan without template", string(doc("plan:\n  start: 2002-02-04\n", "")),
			[]string{"t.md:2:", "template"}},
		{"plan with start and deliver_by", string(doc("plan:\n  template: x\n"+
			"  start: 2002-02-04\n  deliver_by: 2002-03-01\n", "")),
			[]string{"t.md:5:", "start (line 4)", "deliver_by", "keep one"}},
		{"plan with neither", string(doc("plan:\n  template: x\n", "")),
			[]string{"t.md:2:", "start", "deliver_by"}},
		{"plan bad start", string(doc("plan:\n  template: x\n  start: 2002-13-01\n", "")),
			[]string{"t.md:4:", "plan.start", "not a day"}},

		// Required keys.
		{"missing letter", "---\ndate: 2002-01-10\n" + people + "---\n",
			[]string{"t.md:1:", "missing key letter", "letter: sponsor"}},
		{"missing date", "---\nletter: sponsor\n" + people + "---\n",
			[]string{"t.md:1:", "missing key date", "date:"}},
		{"missing seller", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"to:\n  name: Lars\n  company: ABC AS\n---\n",
			[]string{"t.md:1:", "missing key seller", "name:", "company:"}},
		{"missing to", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\n---\n",
			[]string{"t.md:1:", "missing key to", "recipient"}},
		{"seller without name", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  company: HandsOn AS\nto:\n  name: Lars\n  company: ABC AS\n---\n",
			[]string{"t.md:4:", "seller has no name", "add name:"}},
		{"seller without company", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\nto:\n  name: Lars\n  company: ABC AS\n---\n",
			[]string{"t.md:4:", "seller has no company", "add company:"}},
		{"seller a text", "---\nletter: sponsor\ndate: 2002-01-10\nseller: Jens\n" +
			"to:\n  name: Lars\n  company: ABC AS\n---\n",
			[]string{"t.md:4:", "key seller", "name:"}},
		{"recipient without name", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\nto:\n  company: ABC AS\n---\n",
			[]string{"t.md:7:", "to has no name", "recipient's name"}},
		{"recipient without company", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\nto:\n  name: Lars\n---\n",
			[]string{"t.md:7:", "to has no company", "recipient's company"}},
		{"recipient name empty", "---\nletter: sponsor\ndate: 2002-01-10\n" +
			"seller:\n  name: Jens\n  company: HandsOn AS\nto:\n  name:\n  company: ABC\n---\n",
			[]string{"t.md:8:", "to.name is empty"}},

		// Headings.
		{"text before the first heading", string(doc("", "Hei\n# Smerte\n- noe\n")),
			[]string{"t.md:11:", "before the first heading"}},
		{"unknown heading", string(doc("", "# Smerte\n- noe\n## Budsjett\ntekst\n")),
			[]string{"t.md:13:", `"Budsjett"`, "Smerte/Pain", "Fremdriftsplan/Plan"}},
		{"heading twice", string(doc("", "# Smerte\n- a\n\n### PAIN:\n- b\n")),
			[]string{"t.md:14:", `"PAIN:"`, "lines 11 and 14"}},
		{"plan twice", string(doc("", "# Plan\n"+planHeader+"# Fremdriftsplan\n"+planHeader)),
			[]string{"t.md:14:", "Fremdriftsplan", "lines 11 and 14"}},

		// The plan table.
		{"plan without a table", string(doc("", "# Fremdriftsplan\nsnart\n")),
			[]string{"t.md:11:", "no table"}},
		{"plan table and plan key", string(doc("plan:\n  template: x\n  start: 2002-02-04\n",
			"# Plan\n"+planHeader+"| a | 2002-02-04 | | |\n")),
			[]string{"t.md:14:", "line 2", "keep one"}},
		{"missing column", string(doc("", "# Plan\n| Begivenhet | Dato | Eier |\n|-|-|-|\n")),
			[]string{"t.md:12:", "Milepæl/Checkpoint", `"Begivenhet | Dato | Eier"`}},
		{"unknown column", string(doc("", "# Plan\n| Event | Date | Checkpoint | Owner | "+
			"Price |\n|-|-|-|-|-|\n")), []string{"t.md:12:", `"Price"`, "Utfall/Outcome"}},
		{"column twice", string(doc("", "# Plan\n| Event | Dato | Date | Checkpoint | Owner |\n")),
			[]string{"t.md:12:", `"Date"`, "twice"}},
		{"no separator", string(doc("", "# Plan\n"+
			"| Event | Date | Checkpoint | Owner |\n| a | 2002-02-04 | | |\n")),
			[]string{"t.md:13:", "separator"}},
		{"bad date", string(doc("", "# Plan\n"+planHeader+"| Demo | 30.02.2002 | * | selger |\n")),
			[]string{"t.md:14:", `"Demo"`, "Dato/Date", "not a day", "YYYY-MM-DD"}},
		{"empty date", string(doc("", "# Plan\n"+planHeader+"| Demo |  | * | selger |\n")),
			[]string{"t.md:14:", `"Demo"`, "Dato/Date", "DD.MM.YYYY"}},
		{"unknown owner", string(doc("", "# Plan\n"+planHeader+"| Demo | 2002-02-04 | * | kunde |\n")),
			[]string{"t.md:14:", `"Demo"`, `"kunde"`, "kjøper/buyer"}},
		{"unknown checkpoint", string(doc("", "# Plan\n"+planHeader+
			"| Demo | 2002-02-04 | kanskje | selger |\n")),
			[]string{"t.md:14:", `"Demo"`, "Milepæl/Checkpoint", `"kanskje"`}},
		{"unknown kind", string(doc("", "# Plan\n| Event | Date | Checkpoint | Owner | Kind |\n"+
			"|-|-|-|-|-|\n| Demo | 2002-02-04 | * | seller | fest |\n")),
			[]string{"t.md:14:", `"Demo"`, `"fest"`, "intervju/interview"}},
		{"unknown outcome", string(doc("", "# Plan\n| Event | Date | Checkpoint | Owner | "+
			"Outcome |\n|-|-|-|-|-|\n| Demo | 2002-02-04 | * | seller | kanskje |\n")),
			[]string{"t.md:14:", `"Demo"`, "Utfall/Outcome", "avslutt/stop"}},
		{"too few cells", string(doc("", "# Plan\n"+planHeader+"| Demo | 2002-02-04 | * |\n")),
			[]string{"t.md:14:", "Demo", "3 cells", "has 4"}},
		{"too many cells", string(doc("", "# Plan\n"+planHeader+"| Demo | 2002-02-04 | * | | x |\n")),
			[]string{"t.md:14:", "Demo", "5 cells"}},
		{"no event text", string(doc("", "# Plan\n"+planHeader+"|  | 2002-02-04 | * | |\n")),
			[]string{"t.md:14:", "no event"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse("t.md", []byte(tt.data))
			if err == nil {
				t.Fatalf("got meeting %+v and no error", m)
			}
			wantInvalid(t, err, "t.md", tt.wants...)
		})
	}
}

func TestParseErrorsCollected(t *testing.T) {
	data := doc("place: [Bergen]\naccess_granted: kanskje\n",
		"Innledning\n# Smerte\n- a\n# Budsjett\n# Plan\n"+planHeader+
			"| Demo | 2002-02-31 | * | selger |\n| Møte | 2002-03-01 | * | kunde |\n")
	_, err := Parse("t.md", data)
	wantInvalid(t, err, "t.md")

	msg := err.Error()
	got := strings.Split(msg, "\n")
	wantPrefixes := []string{"t.md:2:", "t.md:3:", "t.md:13:", "t.md:16:", "t.md:20:", "t.md:21:"}
	if len(got) != len(wantPrefixes) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(wantPrefixes), msg)
	}
	for i, w := range wantPrefixes {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("problem %d: got %q, want it to start %q", i+1, got[i], w)
		}
	}
}

func TestParseErrorsCapped(t *testing.T) {
	body := "# Plan\n" + planHeader + strings.Repeat("| a | x | | |\n", 200)
	_, err := Parse("t.md", doc("", body))
	wantInvalid(t, err, "t.md", "and 150 more problems")
	if got, want := strings.Count(err.Error(), "\n"), maxProblems; got != want {
		t.Errorf("got %d line breaks, want %d", got, want)
	}
}
