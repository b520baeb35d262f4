package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/workday"
)

// sponsorMeeting returns a complete sponsor meeting with nothing to report:
// a Thursday letter, a call the Monday after.
func sponsorMeeting() *followup.Meeting {
	return &followup.Meeting{
		Letter:   followup.SponsorLetter,
		Language: lang.Norwegian,
		Date:     workday.Date(2002, 1, 10),
		Place:    "Oslo",
		Seller:   followup.Person{Name: "Jens Kanden", Title: "Partner", Company: "HandsOn AS"},
		To: followup.Person{Name: "Lars Larsen", Title: "Salgsdirektør", Company: "ABC AS",
			Address: []string{"Oslogata 99", "0123 Oslo"}},
		DecisionMaker: "Ole Olsen",
		FollowUp:      workday.Date(2002, 1, 14),
		Sections: []followup.Section{
			{Kind: followup.Pain, Heading: "Smerte", Items: []string{"salget svinger"}},
			{Kind: followup.Reasons, Heading: "Årsak", Items: []string{"selgerne kan ulikt"}},
			{Kind: followup.Vision, Heading: "Visjon", Items: []string{"én metode"}},
			{Kind: followup.Agreement, Heading: "Enighet", Prose: "Vi ser videre på det."},
			{Kind: followup.Access, Heading: "Tilgang", Prose: "Styret venter svar."},
			{Kind: followup.Proof, Heading: "Bevis", Prose: "En samtale med TTT AS."},
		},
	}
}

func withProof(text string) func(*followup.Meeting) {
	return func(m *followup.Meeting) { m.Sections[5].Prose = text }
}

func TestCheck(t *testing.T) {
	cases := []struct {
		name   string
		change func(*followup.Meeting)
		want   []string // each a part of one finding; none means no findings
	}{
		{"clean", func(*followup.Meeting) {}, nil},
		{"missing section", func(m *followup.Meeting) { m.Sections = m.Sections[1:] },
			[]string{"error: Smerte: required in a sponsor letter but missing"}},
		{"empty section", func(m *followup.Meeting) { m.Sections[1].Items = nil },
			[]string{"error: Årsak: the section is empty"}},
		{"access granted needs no bargain", func(m *followup.Meeting) {
			m.AccessGranted = true
			m.Sections = append(m.Sections[:4], m.Sections[5])
		}, nil},
		{"bargain left out when access granted", func(m *followup.Meeting) { m.AccessGranted = true },
			[]string{"warning: Tilgang: left out because access_granted is true"}},
		{"weekday slip", withProof("Samtale torsdag 13."),
			[]string{`warning: Bevis: "torsdag 13.": 13.01.2002 is a Sunday, not a Thursday`,
				"the next torsdag is 17.01.2002"}},
		{"weekday right", withProof("Samtale søndag 13. eller mandag 14. januar"), nil},
		{"weekday with month", withProof("Samtale fredag 1. mars"), nil},
		{"weekday with wrong month", withProof("Samtale fredag 2. mars kl. 10"),
			[]string{`"fredag 2. mars": 02.03.2002 is a Saturday, not a Friday`}},
		{"weekday across the year", func(m *followup.Meeting) {
			m.Date, m.FollowUp = workday.Date(2002, 12, 27), workday.Date(2003, 1, 3)
			m.Sections[5].Prose = "Samtale fredag 3."
		}, nil},
		{"weekday in English", func(m *followup.Meeting) {
			m.Language = lang.English
			m.Sections[5].Prose = "A call on Thursday the 13th."
		}, []string{`"Thursday the 13th": 13 January 2002 is a Sunday, not a Thursday`}},
		{"weekday with digits", withProof("Samtale onsdag 13.02.2002"), nil},
		{"letter on a holiday", func(m *followup.Meeting) {
			m.Date, m.FollowUp = workday.Date(2002, 5, 17), workday.Date(2002, 5, 21)
		}, []string{"warning: date: the letter's date, 17.05.2002, falls on Grunnlovsdag, a public holiday",
			"next business day, Tuesday 21.05.2002"}},
		{"call on Easter Monday", func(m *followup.Meeting) {
			m.Date, m.FollowUp = workday.Date(2002, 3, 26), workday.Date(2002, 4, 1)
		}, []string{"follow_up: the follow-up call, 01.04.2002, falls on 2. påskedag, a public holiday"}},
		{"call too late", func(m *followup.Meeting) { m.FollowUp = workday.Date(2002, 1, 28) },
			[]string{"warning: follow_up: the call comes 18 days after the letter"}},
		{"letter late", func(m *followup.Meeting) { m.Held = workday.Date(2002, 1, 7) },
			[]string{"warning: date: the letter goes out 3 days after the meeting"}},
		{"letter before meeting", func(m *followup.Meeting) { m.Held = workday.Date(2002, 1, 11) },
			[]string{"error: date: the letter is dated 10.01.2002, before the meeting"}},
		{"amount", withProof("Programmet koster kr 125 000."),
			[]string{`warning: Bevis: names an amount ("kr 125 000`}},
		{"quote", withProof("Du får tilbudet i morgen."),
			[]string{`warning: Bevis: mentions "tilbudet"`}},
		{"no false price", withProof("Tilbakemeldingen kom, og 20 % av salget svikter."), nil},
		{"decision-maker without plan", func(m *followup.Meeting) {
			m.Letter = followup.DecisionMakerLetter
			m.Sections = m.Sections[:4]
		}, []string{"error: Fremdriftsplan: a decision-maker letter proposes a progress plan"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := sponsorMeeting()
			tc.change(m)
			var got []string
			for _, f := range followup.Check(m) {
				got = append(got, f.String())
			}
			all := strings.Join(got, "\n")
			if len(tc.want) == 0 && len(got) > 0 {
				t.Errorf("want no findings, got:\n%s", all)
			}
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("want a finding with %q, got:\n%s", w, all)
				}
			}
		})
	}
}

func TestCheckNoCall(t *testing.T) {
	m := sponsorMeeting()
	m.FollowUp = time.Time{}
	fs := followup.Check(m)
	if len(fs) != 1 || fs[0].Field != "follow_up" || fs[0].Severity != followup.SeverityWarning {
		t.Errorf("want one follow_up warning, got %v", fs)
	}
}

func TestCheckErrorsFirst(t *testing.T) {
	m := sponsorMeeting()
	m.Sections = m.Sections[1:]
	m.FollowUp = time.Time{}
	fs := followup.Check(m)
	if len(fs) < 2 || fs[0].Severity != followup.SeverityError ||
		fs[len(fs)-1].Severity != followup.SeverityWarning {
		t.Errorf("want errors before warnings, got %v", fs)
	}
	if !followup.HasErrors(fs) {
		t.Error("HasErrors = false with a missing section")
	}
}
