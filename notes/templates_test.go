package notes_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"followup"
	"followup/notes"
	"followup/workday"
)

func TestBuiltinTemplates(t *testing.T) {
	ts, err := notes.BuiltinTemplates()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tmpl := range ts {
		names = append(names, tmpl.Name)
		if err := tmpl.Validate(); err != nil {
			t.Errorf("%s: %v", tmpl.Name, err)
		}
		if tmpl.Source != notes.BuiltinSource || tmpl.Title == "" {
			t.Errorf("%s: got source %q and title %q, want built-in and a title", tmpl.Name,
				tmpl.Source, tmpl.Title)
		}
		checkLaidTemplate(t, tmpl)
	}
	got, want := strings.Join(names, " "),
		"software-evaluation software-evaluation-en training training-en"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// checkLaidTemplate lays a template and checks it as a decision-maker's plan:
// a built-in template must pass the method's own checks.
func checkLaidTemplate(t *testing.T, tmpl *followup.Template) {
	t.Helper()
	p, err := tmpl.Forward(workday.Calendar{}, workday.Date(2026, 3, 2))
	if err != nil {
		t.Fatalf("%s: %v", tmpl.Name, err)
	}
	m := &followup.Meeting{Letter: followup.DecisionMakerLetter, Language: tmpl.Language,
		Date: workday.Date(2026, 2, 27), Plan: p}
	for _, f := range followup.Check(m) {
		if f.Field == m.Language.Label("plan") {
			t.Errorf("%s: %s", tmpl.Name, f)
		}
	}
}

func TestTrainingTemplate(t *testing.T) {
	ts, err := notes.BuiltinTemplates()
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := followup.FindTemplate(ts, "training")
	if err != nil {
		t.Fatal(err)
	}
	p, err := tmpl.Forward(workday.Calendar{}, workday.Date(2002, 2, 11))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(p.Events), 11; got != want {
		t.Errorf("got %d events, want %d", got, want)
	}
	if got, want := p.Checkpoints(), 8; got != want {
		t.Errorf("got %d checkpoints, want %d", got, want)
	}
}

func writeTemplate(t *testing.T, dir, file, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadTemplates(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "audit.yml", "title: Revisjon\nevents:\n"+
		"  - {text: Intervju, offset: 0, kind: intervju, owner: kjøper, checkpoint: ja}\n"+
		"  - {text: Levering, offset: 3, owner: selger}\n")
	writeTemplate(t, dir, "mine.yaml", "name: training\ntitle: Min egen\nlanguage: en\n"+
		"events:\n  - {text: Start, offset: 0, kind: delivery, owner: both, checkpoint: '*'}\n")
	writeTemplate(t, dir, "notes.txt", "not a template")

	ts, err := notes.LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*followup.Template{}
	for _, tmpl := range ts {
		byName[tmpl.Name] = tmpl
	}
	audit := byName["audit"]
	if audit == nil || audit.Source != filepath.Join(dir, "audit.yml") {
		t.Fatalf("got %+v, want the audit template read from its file", audit)
	}
	got, want := audit.Events[0], followup.TemplateEvent{Text: "Intervju",
		Kind: followup.Interview, Owner: followup.Buyer, Checkpoint: true}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if e := audit.Events[1]; e.Kind != "" || e.Offset != 3 || e.Owner != followup.Seller {
		t.Errorf("got %+v, want no kind, offset 3, seller", e)
	}
	if own := byName["training"]; own == nil || own.Title != "Min egen" ||
		!own.Events[0].Checkpoint {
		t.Errorf("got %+v, want the folder's training template to replace the built-in one", own)
	}
	if byName["software-evaluation"] == nil {
		t.Error("the built-in templates are missing")
	}
}

func TestTemplateErrors(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		wants []string
	}{
		{"not YAML", "name: [x\n", []string{"bad.yaml:", "is not valid YAML"}},
		{"not a mapping", "- a\n- b\n", []string{"bad.yaml:1: the template must be a mapping"}},
		{"unknown key", "name: x\nowner: me\nevents:\n  - {text: A, owner: both}\n",
			[]string{`bad.yaml:2: unknown key "owner": use name, title`}},
		{"no events", "name: x\n", []string{"bad.yaml:1: events: the template has no events"}},
		{"events not a list", "name: x\nevents: many\n",
			[]string{`bad.yaml:2: events: expected a list of events`}},
		{"offset not a number", "name: x\nevents:\n  - text: A\n    offset: tre\n    owner: both\n",
			[]string{`bad.yaml:4: event 1 "A": offset: expected a whole number of business days`}},
		{"negative offset", "events:\n  - text: A\n    owner: both\n  - text: B\n    offset: -1\n" +
			"    owner: both\n", []string{`bad.yaml:5: event 2 "B": offset: -1 is out of range`}},
		{"unknown kind", "events:\n  - text: A\n    kind: fest\n    owner: both\n",
			[]string{`bad.yaml:3: event 1 "A": kind: "fest" is not a kind of event`}},
		{"unknown owner", "events:\n  - text: A\n    owner: sjefen\n",
			[]string{`bad.yaml:3: event 1 "A": owner: "sjefen" is not an owner`}},
		{"missing owner", "events:\n  - text: A\n    offset: 0\n",
			[]string{`bad.yaml:2: event 1 "A": owner: the event has no owner`}},
		{"missing text", "events:\n  - owner: both\n",
			[]string{`bad.yaml:2: event 1 "": text: the event has no text`}},
		{"checkpoint not a flag", "events:\n  - text: A\n    owner: both\n    checkpoint: kanskje\n",
			[]string{`bad.yaml:4: event 1 "A": checkpoint: expected true or false`}},
		{"unknown event key", "events:\n  - text: A\n    owner: both\n    dato: 2002-01-01\n",
			[]string{`bad.yaml:4: event 1 "A": unknown key "dato": use text, offset`}},
		{"bad name", "name: Min Mal\nevents:\n  - {text: A, owner: both}\n",
			[]string{`bad.yaml:1: name: "Min Mal" is not a template name`}},
		{"too long", "events:\n  - {text: A, owner: both}\n  - {text: B, offset: 900, owner: both}\n",
			[]string{`bad.yaml:3: event 2 "B": offset: 900 is out of range`}},
		{"many problems", "events:\n  - {text: A, owner: x}\n  - {text: B, kind: y, owner: both}\n",
			[]string{`bad.yaml:2: event 1 "A": owner`, `bad.yaml:3: event 2 "B": kind`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := notes.ParseTemplate("bad.yaml", []byte(tc.text))
			if got, want := followup.ErrorCode(err), followup.EINVALID; got != want {
				t.Fatalf("got code %q (%v), want %q", got, err, want)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestReadTemplatesErrors(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "a.yaml", "name: same\nevents:\n  - {text: A, owner: both}\n")
	writeTemplate(t, dir, "b.yaml", "name: same\nevents:\n  - {text: B, owner: both}\n")
	writeTemplate(t, dir, "c.yaml", "events:\n  - {text: C, owner: nobody}\n")
	_, err := notes.ReadTemplates(dir)
	for _, want := range []string{
		filepath.Join(dir, "b.yaml") + ": template same is also defined in " +
			filepath.Join(dir, "a.yaml"),
		filepath.Join(dir, "c.yaml") + `:2: event 1 "C": owner: "nobody" is not an owner`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want it to contain %q", err, want)
		}
	}
	if _, err := notes.ReadTemplates(filepath.Join(dir, "none")); err == nil ||
		!strings.Contains(err.Error(), "not a folder") {
		t.Errorf("got %v, want an error about the folder", err)
	}
}

func TestLayPlan(t *testing.T) {
	m, err := notes.Parse("spec.md", []byte(strings.Join([]string{
		"---", "letter: decision-maker", "date: 2026-02-27",
		"seller: {name: S, company: HandsOn AS}", "to: {name: O, company: ABC AS}",
		"plan: {template: software-evaluation, deliver_by: 2026-06-30}", "---",
		"# Smerte", "Tregt.",
	}, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.LayPlan(m, "", workday.Calendar{}); err != nil {
		t.Fatal(err)
	}
	events := m.Plan.Events
	if got, want := events[len(events)-1].Date, workday.Date(2026, 6, 30); !got.Equal(want) {
		t.Errorf("got delivery on %v, want %v", got, want)
	}

	m.Plan, m.PlanSpec.DeliverBy = nil, workday.Date(2026, 3, 10)
	err = notes.LayPlan(m, "", workday.Calendar{})
	if err == nil || !strings.Contains(err.Error(), "plan.deliver_by: 2026-03-10 leaves no room") {
		t.Errorf("got %v, want an error about deliver_by", err)
	}
}
