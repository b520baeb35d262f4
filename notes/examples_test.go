package notes

import (
	"slices"
	"testing"

	"followup"
)

func TestReadFileSponsorExample(t *testing.T) {
	m, err := ReadFile("testdata/abc-sponsor.md")
	if err != nil {
		t.Fatal(err)
	}

	checks := []struct {
		name      string
		got, want any
	}{
		{"letter", m.Letter, followup.SponsorLetter},
		{"language", m.Language.String(), "nb"},
		{"date", m.Date, day(2002, 1, 10)},
		{"held", m.Held, day(2002, 1, 10)},
		{"place", m.Place, "Oslo"},
		{"seller", m.Seller.Name + "/" + m.Seller.Title + "/" + m.Seller.Company,
			"Jens Kanden/Partner/HandsOn AS"},
		{"to", m.To.Name + "/" + m.To.Company, "Lars Larsen/ABC AS"},
		{"to title", m.To.Title, "Salgs- og markedsdirektør"},
		{"address", len(m.To.Address), 2},
		{"address 2", m.To.Address[1], "0123 Oslo"},
		{"decision maker", m.DecisionMaker, "Ole Olsen, daglig leder"},
		{"access granted", m.AccessGranted, false},
		{"follow up", m.FollowUp, day(2002, 1, 14)},
		{"plan", m.Plan == nil && m.PlanSpec == nil, true},
		{"sections", len(m.Sections), 6},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}

	kinds := []followup.SectionKind{followup.Pain, followup.Reasons, followup.Vision,
		followup.Agreement, followup.Access, followup.Proof}
	for i, s := range m.Sections {
		if s.Kind != kinds[i] {
			t.Errorf("section %d: got kind %s, want %s", i, s.Kind, kinds[i])
		}
	}
	pain, _ := m.Section(followup.Pain)
	want := "salget har ligget inntil 20 % under budsjett i enkelte kvartaler"
	if got := pain.Items[2]; got != want {
		t.Errorf("pain item 3: got %q, want %q", got, want)
	}
	if pain.Line != 23 || pain.Heading != "Smerte" {
		t.Errorf("pain heading: got %q on line %d, want \"Smerte\" on 23", pain.Heading, pain.Line)
	}
	proof, _ := m.Section(followup.Proof)
	if proof.IsList() || proof.Prose == "" {
		t.Errorf("proof: got items %q and prose %q, want prose", proof.Items, proof.Prose)
	}
}

func TestReadFileDecisionMakerExample(t *testing.T) {
	m, err := ReadFile("testdata/abc-decision-maker.md")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Letter, followup.DecisionMakerLetter; got != want {
		t.Errorf("letter: got %s, want %s", got, want)
	}
	if got, want := m.Reviewers, []string{"Lars Larsen"}; !slices.Equal(got, want) {
		t.Errorf("reviewers: got %q, want %q", got, want)
	}
	if got, want := m.FollowUp, day(2002, 1, 23); !got.Equal(want) {
		t.Errorf("follow up: got %v, want %v", got, want)
	}
	vision, _ := m.Section(followup.Vision)
	if got, want := len(vision.Items), 3; got != want {
		t.Errorf("vision items: got %d, want %d", got, want)
	}
	agree, _ := m.Section(followup.Agreement)
	if got, want := agree.Prose, "Vi er enige om å gå videre etter planen nedenfor."; got != want {
		t.Errorf("agreement: got %q, want %q", got, want)
	}
	if m.Plan == nil {
		t.Fatal("no plan")
	}
	if got, want := m.Plan.Line, 43; got != want {
		t.Errorf("plan line: got %d, want %d", got, want)
	}
	if got, want := m.Plan.Checkpoints(), 8; got != want {
		t.Errorf("checkpoints: got %d, want %d", got, want)
	}
	checkArticlePlan(t, m.Plan.Events)
}

// checkArticlePlan checks the eleven events of the article's plan.
func checkArticlePlan(t *testing.T, events []followup.Event) {
	t.Helper()
	want := []struct {
		date  string
		cp    bool
		owner followup.Owner
		kind  followup.EventKind
	}{
		{"2002-02-10", true, followup.Both, followup.Interview},
		{"2002-02-13", true, followup.Both, followup.Interview},
		{"2002-02-15", true, followup.Seller, followup.Interview},
		{"2002-02-20", true, followup.Both, followup.ProofStep},
		{"2002-02-27", true, followup.Seller, followup.Cost},
		{"2002-02-27", true, followup.Buyer, followup.Value},
		{"2002-03-03", true, followup.Both, followup.Other},
		{"2002-03-08", true, followup.Buyer, followup.Decision},
		{"2002-03-08", false, followup.Seller, followup.Delivery},
		{"2002-03-15", false, followup.Seller, followup.Delivery},
		{"2002-03-22", false, followup.Seller, followup.Delivery},
	}
	if len(events) != len(want) {
		t.Fatalf("got %d events, want %d", len(events), len(want))
	}
	for i, w := range want {
		e := events[i]
		got := e.Date.Format("2006-01-02")
		if got != w.date || e.Checkpoint != w.cp || e.Owner != w.owner || e.Kind != w.kind {
			t.Errorf("event %d %q: got %s %v %s %s, want %s %v %s %s", i+1, e.Text,
				got, e.Checkpoint, e.Owner, e.Kind, w.date, w.cp, w.owner, w.kind)
		}
		if !e.KindInferred || e.Line != 46+i {
			t.Errorf("event %d: got inferred %v line %d, want true and %d",
				i+1, e.KindInferred, e.Line, 46+i)
		}
	}
	if got, want := events[0].Text, "Telefonintervju med nøkkelselgere"; got != want {
		t.Errorf("event 1 text: got %q, want %q", got, want)
	}
}

func TestReadFileMissing(t *testing.T) {
	_, err := ReadFile("testdata/no-such-file.md")
	if got, want := followup.ErrorCode(err), followup.EINVALID; got != want {
		t.Fatalf("got code %q, want %q (%v)", got, want, err)
	}
}
