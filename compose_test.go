package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/workday"
)

func TestComposeSponsorLetter(t *testing.T) {
	m := sponsorMeeting()
	m.Sections[0].Items = []string{"salget svinger", "budsjettet sprekker", "ingen vet hvorfor"}
	l := followup.ComposeLetter(m)

	if got, want := l.PlaceDate, "Oslo, 10.01.2002"; got != want {
		t.Errorf("PlaceDate = %q, want %q", got, want)
	}
	if got, want := l.Closing, "Med vennlig hilsen"; got != want {
		t.Errorf("Closing = %q, want %q", got, want)
	}
	if !strings.Contains(l.Opening, "HandsOn AS") || !strings.HasPrefix(l.Opening, "Takk for møtet i dag") {
		t.Errorf("Opening = %q, want thanks for today's meeting and the seller's company", l.Opening)
	}
	var kinds []string
	for _, p := range l.Parts {
		kinds = append(kinds, string(p.Kind))
	}
	if got, want := strings.Join(kinds, " "), "pain reasons vision agreement access proof next-steps"; got != want {
		t.Errorf("parts = %s, want %s", got, want)
	}
	if got, want := l.Parts[0].Text,
		"Du fortalte meg at salget svinger, budsjettet sprekker og ingen vet hvorfor."; got != want {
		t.Errorf("pain = %q, want %q", got, want)
	}
	if got, want := l.Parts[3].Text, "Vi ser videre på det."; got != want {
		t.Errorf("prose agreement = %q, want it kept as written: %q", got, want)
	}
	if got, want := l.Parts[6].Text, "Jeg ringer deg den 14. for å høre hva du synes."; got != want {
		t.Errorf("next steps = %q, want %q", got, want)
	}
	if l.Plan != nil {
		t.Error("a sponsor letter carries no plan")
	}
}

func TestComposeDecisionMakerLetter(t *testing.T) {
	m := sponsorMeeting()
	m.Letter = followup.DecisionMakerLetter
	m.Language = lang.English
	m.Date, m.FollowUp = workday.Date(2002, 1, 21), workday.Date(2002, 2, 4)
	m.Held = workday.Date(2002, 1, 20)
	m.Participants, m.Reviewers = []string{"Lars Larsen"}, []string{"Lars Larsen"}
	m.Plan = &followup.Plan{Events: []followup.Event{
		{Text: "Interviews", Date: workday.Date(2002, 2, 11), Checkpoint: true, Owner: followup.Both},
		{Text: "Cost estimate", Date: workday.Date(2002, 2, 27), Checkpoint: true, Owner: followup.Seller},
		{Text: "Start", Date: workday.Date(2002, 3, 8), Owner: followup.Seller},
	}}
	l := followup.ComposeLetter(m)

	for _, p := range l.Parts {
		if p.Kind == followup.Access || p.Kind == followup.Proof {
			t.Errorf("a decision-maker letter has no %s part", p.Kind)
		}
	}
	next := l.Parts[len(l.Parts)-1]
	if next.Kind != followup.NextSteps ||
		!strings.Contains(next.Text, "Could you and Lars Larsen look it over? I will call you on 4 February") {
		t.Errorf("next steps = %q, want the reviewers and the call", next.Text)
	}
	if !strings.Contains(l.Opening, "yesterday with Lars Larsen") {
		t.Errorf("Opening = %q, want yesterday's meeting with Lars Larsen", l.Opening)
	}
	if l.Plan == nil {
		t.Fatal("no plan in a decision-maker letter")
	}
	if got, want := strings.Join(l.Plan.Rows[0], "|"), "Interviews|week 7|11 Feb|*|both"; got != want {
		t.Errorf("plan row = %q, want %q", got, want)
	}
	if !strings.HasPrefix(l.Plan.Footer, "At two checkpoints") || l.Plan.Title != "Draft progress plan for ABC AS" {
		t.Errorf("plan title %q, footer %q", l.Plan.Title, l.Plan.Footer)
	}
}

func TestComposePlanTableKeepsHandWrittenFooter(t *testing.T) {
	p := &followup.Plan{Footer: "Ved én milepæl stopper vi opp.", Events: []followup.Event{
		{Text: "Workshop", Date: workday.Date(2002, 2, 11), Checkpoint: true, Owner: followup.Both},
	}}
	table := followup.ComposePlanTable(p, lang.Norwegian, "ABC AS", true, time.Time{},
		workday.Date(2002, 1, 20))
	if table.Footer != p.Footer || table.Title != "Fremdriftsplan for ABC AS" {
		t.Errorf("footer %q, title %q; want the seller's footer and an agreed plan's title",
			table.Footer, table.Title)
	}
}
