package notes

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"followup"
	"followup/lang"
)

func TestFrontMatterKeys(t *testing.T) {
	tests := []struct {
		name  string
		extra string // front-matter lines before baseFront
		check func(m *followup.Meeting) (got, want any)
	}{
		{"language defaults to nb", "",
			func(m *followup.Meeting) (any, any) { return m.Language, lang.Norwegian }},
		{"language en", "language: en\n",
			func(m *followup.Meeting) (any, any) { return m.Language, lang.English }},
		{"language English", "language: English\n",
			func(m *followup.Meeting) (any, any) { return m.Language, lang.English }},
		{"meeting defaults to date", "",
			func(m *followup.Meeting) (any, any) { return m.Held, day(2002, 1, 10) }},
		{"meeting dotted", "meeting: 09.01.2002\n",
			func(m *followup.Meeting) (any, any) { return m.Held, day(2002, 1, 9) }},
		{"place", "place: Bergen\n",
			func(m *followup.Meeting) (any, any) { return m.Place, "Bergen" }},
		{"deal", "deal: Salgsprogram 2002\n",
			func(m *followup.Meeting) (any, any) { return m.Deal, "Salgsprogram 2002" }},
		{"decision maker", "decision_maker: Ole Olsen\n",
			func(m *followup.Meeting) (any, any) { return m.DecisionMaker, "Ole Olsen" }},
		{"access granted true", "access_granted: true\n",
			func(m *followup.Meeting) (any, any) { return m.AccessGranted, true }},
		{"access granted ja", "access_granted: ja\n",
			func(m *followup.Meeting) (any, any) { return m.AccessGranted, true }},
		{"access granted No", "access_granted: No\n",
			func(m *followup.Meeting) (any, any) { return m.AccessGranted, false }},
		{"amount agreed yes", "amount_agreed: yes\n",
			func(m *followup.Meeting) (any, any) { return m.AmountAgreed, true }},
		{"participants list", "participants:\n  - Lars Larsen\n  - Per Persen\n",
			func(m *followup.Meeting) (any, any) {
				return strings.Join(m.Participants, ";"), "Lars Larsen;Per Persen"
			}},
		{"reviewers one name", "reviewers: Lars Larsen\n",
			func(m *followup.Meeting) (any, any) { return strings.Join(m.Reviewers, ";"), "Lars Larsen" }},
		{"follow up", "follow_up: 2002-01-14\n",
			func(m *followup.Meeting) (any, any) { return m.FollowUp, day(2002, 1, 14) }},
		{"follow up spelt with a hyphen", "Follow-Up: 14.01.2002\n",
			func(m *followup.Meeting) (any, any) { return m.FollowUp, day(2002, 1, 14) }},
		{"plan agreed date", "plan_agreed: 2002-01-25\n",
			func(m *followup.Meeting) (any, any) { return m.PlanAgreed, day(2002, 1, 25) }},
		{"plan agreed false", "plan_agreed: false\n",
			func(m *followup.Meeting) (any, any) { return m.PlanAgreed.IsZero(), true }},
		{"plan start", "plan:\n  template: standard\n  start: 2002-02-04\n",
			func(m *followup.Meeting) (any, any) {
				return fmt.Sprintf("%s %s %v", m.PlanSpec.Template, m.PlanSpec.Start.Format("2006-01-02"),
					m.PlanSpec.DeliverBy.IsZero()), "standard 2002-02-04 true"
			}},
		{"plan deliver by", "plan:\n  template: kort\n  deliver_by: 22.03.2002\n",
			func(m *followup.Meeting) (any, any) {
				return m.PlanSpec.DeliverBy.Equal(day(2002, 3, 22)) && m.PlanSpec.Start.IsZero(), true
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, doc(tt.extra, "# Smerte\n- noe\n"))
			got, want := tt.check(m)
			if got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestFrontMatterPeople(t *testing.T) {
	data := "---\nletter: beslutningstager\ndate: 2002-01-20\n" +
		"seller:\n  name: Jens Kanden\n  title: Partner\n  company: HandsOn AS\n" +
		"to:\n  name: Ole Olsen\n  title: Daglig leder\n  company: ABC AS\n" +
		"  address: Oslogata 99\n---\n"
	m := mustParse(t, []byte(data))
	if got, want := m.Letter, followup.DecisionMakerLetter; got != want {
		t.Errorf("letter: got %s, want %s", got, want)
	}
	if got, want := m.To.Address, []string{"Oslogata 99"}; !slices.Equal(got, want) {
		t.Errorf("address: got %q, want %q", got, want)
	}
	if got, want := m.Seller.Title, "Partner"; got != want {
		t.Errorf("seller title: got %q, want %q", got, want)
	}
	if got, want := m.To.Title, "Daglig leder"; got != want {
		t.Errorf("to title: got %q, want %q", got, want)
	}
}

func TestFileForms(t *testing.T) {
	plain := string(doc("", "# Smerte\n- noe\n"))
	tests := []struct {
		name string
		data string
	}{
		{"LF", plain},
		{"CRLF", strings.ReplaceAll(plain, "\n", "\r\n")},
		{"byte-order mark", "\ufeff" + plain},
		{"no final newline", strings.TrimSuffix(plain, "\n")},
		{"decision_maker letter", strings.Replace(plain, "sponsor", "decision_maker", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustParse(t, []byte(tt.data))
			pain, ok := m.Section(followup.Pain)
			if !ok || pain.Line != 11 || !slices.Equal(pain.Items, []string{"noe"}) {
				t.Errorf("got pain %+v, want item \"noe\" on line 11", pain)
			}
			if m.Seller.Company != "HandsOn AS" {
				t.Errorf("got seller company %q, want \"HandsOn AS\"", m.Seller.Company)
			}
		})
	}
}
