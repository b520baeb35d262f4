package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/workday"
)

// gateMeeting returns the plan meeting with everything the gate asks for:
// the plan and amount agreed and every checkpoint up to the value event go.
func gateMeeting() *followup.Meeting {
	m := planMeeting()
	m.PlanAgreed = workday.Date(2002, 1, 24)
	m.AmountAgreed = true
	for i := range 4 {
		m.Plan.Events[i].Outcome = followup.Go
	}
	return m
}

// zeroDay is a date not given.
var zeroDay time.Time

func TestQuoteGate(t *testing.T) {
	cases := []struct {
		name    string
		change  func(*followup.Meeting)
		allowed bool
		ended   bool
		want    []string // each a part of one missing item, in order
	}{
		{"allowed", func(*followup.Meeting) {}, true, false, nil},
		{"checkpoints after the value event may wait", func(m *followup.Meeting) {
			m.Plan.Events[4].Outcome = followup.Pending
		}, true, false, nil},
		{"plan not agreed", func(m *followup.Meeting) { m.PlanAgreed = zeroDay },
			false, false, []string{"plan_agreed: the buyer has not agreed to the plan; " +
				"once the buyer accepts it, set plan_agreed: to that day"}},
		{"amount not agreed", func(m *followup.Meeting) { m.AmountAgreed = false },
			false, false, []string{"amount_agreed: the buyer has not agreed to the amount; " +
				"agree the investment's amount with the buyer, then set amount_agreed: true"}},
		{"checkpoint pending", func(m *followup.Meeting) {
			m.Plan.Events[1].Outcome = followup.Pending
		}, false, false, []string{`Fremdriftsplan "Salgsworkshop for ledelsen" (line 40): the ` +
			`checkpoint on 2002-02-20 is not marked go; once it has happened, write go ` +
			`(gå videre) or stop (avslutt)`}},
		{"cost event pending", func(m *followup.Meeting) {
			m.Plan.Events[2].Outcome = followup.Pending
		}, false, false, []string{`"Kostnadsestimat" (line 47): the checkpoint and cost event ` +
			`on 2002-02-27 is not marked go`}},
		{"cost event that is no checkpoint", func(m *followup.Meeting) {
			m.Plan.Events[2].Checkpoint, m.Plan.Events[2].Outcome = false, followup.Pending
		}, false, false, []string{`"Kostnadsestimat" (line 47): the cost event on 2002-02-27 ` +
			`is not marked go`}},
		{"value event pending", func(m *followup.Meeting) {
			m.Plan.Events[3].Outcome = followup.Pending
		}, false, false, []string{`"Vurdere avkastning" (line 47): the checkpoint and value ` +
			`event on 2002-02-27 is not marked go`}},
		{"no value event: the cost event is the last", func(m *followup.Meeting) {
			m.Plan.Events[3].Kind, m.Plan.Events[3].Outcome = followup.Other, followup.Pending
		}, false, false, []string{`"Vurdere avkastning" (line 47): the checkpoint on ` +
			`2002-02-27 is not marked go`}},
		{"a plan laid from a template has no outcome column", func(m *followup.Meeting) {
			m.Plan.Events[0].Outcome, m.Plan.Events[0].Line = followup.Pending, 0
		}, false, false, []string{`Fremdriftsplan "Telefonintervjuer med nøkkelselgere": the ` +
			`checkpoint on 2002-02-11 is not marked go; write the plan as a table with an ` +
			`Utfall/Outcome column`}},
		{"no cost event", func(m *followup.Meeting) {
			m.Plan.Events[2].Kind = followup.Other
		}, false, false, []string{"Fremdriftsplan: the plan has no cost event"}},
		{"no plan", func(m *followup.Meeting) { m.Plan = nil },
			false, false, []string{"plan: there is no plan"}},
		{"everything missing", func(m *followup.Meeting) {
			m.PlanAgreed, m.AmountAgreed = zeroDay, false
			m.Plan.Events[0].Outcome = followup.Pending
		}, false, false, []string{"plan_agreed:", "amount_agreed:",
			`"Telefonintervjuer med nøkkelselgere"`}},
		{"stop ends the deal", func(m *followup.Meeting) {
			m.Plan.Events[1].Outcome = followup.Stop
		}, false, true, []string{`Fremdriftsplan "Salgsworkshop for ledelsen" (line 40): was ` +
			`marked stop: the deal ends here; record the deal as lost or walked`}},
		{"stop after the cost still ends the deal", func(m *followup.Meeting) {
			m.Plan.Events[4].Outcome = followup.Stop
		}, false, true, []string{`"Godkjenning av planen" (line 48): was marked stop`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := gateMeeting()
			tc.change(m)
			got := followup.QuoteGate(m)
			if got.Allowed != tc.allowed || got.Ended != tc.ended {
				t.Errorf("got allowed %v ended %v, want %v and %v", got.Allowed, got.Ended,
					tc.allowed, tc.ended)
			}
			if len(got.Missing) != len(tc.want) {
				t.Fatalf("got %d items, want %d: %v", len(got.Missing), len(tc.want), got.Missing)
			}
			for i, w := range tc.want {
				if s := got.Missing[i].String(); !strings.Contains(s, w) {
					t.Errorf("item %d:\ngot  %s\nwant it to contain %s", i+1, s, w)
				}
			}
		})
	}
}
