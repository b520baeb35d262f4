package followup_test

import (
	"reflect"
	"testing"

	"followup"
	"followup/lang"
	"followup/workday"
)

func TestRecipientRole(t *testing.T) {
	tests := []struct {
		kind followup.LetterKind
		want followup.BuyingRole
	}{
		{followup.SponsorLetter, followup.BuyingSponsor},
		{followup.DecisionMakerLetter, followup.BuyingDecisionMaker},
	}
	for _, tt := range tests {
		if got := followup.RecipientRole(tt.kind); got != tt.want {
			t.Errorf("RecipientRole(%s) = %s, want %s", tt.kind, got, tt.want)
		}
	}
}

func TestSplitNameTitle(t *testing.T) {
	tests := []struct {
		name, in, wantName, wantTitle string
	}{
		{"name and title", "Ole Olsen, daglig leder", "Ole Olsen", "daglig leder"},
		{"name only", "  Lars   Larsen ", "Lars Larsen", ""},
		{"title with comma", "Kari Dahl, leder, salg", "Kari Dahl", "leder, salg"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, title := followup.SplitNameTitle(tt.in)
			if name != tt.wantName || title != tt.wantTitle {
				t.Errorf("got %q, %q; want %q, %q", name, title, tt.wantName, tt.wantTitle)
			}
		})
	}
}

func TestMeetingContacts(t *testing.T) {
	tests := []struct {
		name    string
		meeting *followup.Meeting
		want    []followup.NamedContact
	}{
		{
			name:    "sponsor letter names the decision-maker",
			meeting: sponsorMeeting(),
			want: []followup.NamedContact{
				{Name: "Lars Larsen", Title: "Salgsdirektør", Role: followup.BuyingSponsor,
					AccessTo: "Ole Olsen", Recipient: true},
				{Name: "Ole Olsen", Role: followup.BuyingDecisionMaker},
			},
		},
		{
			name: "decision-maker letter with participants, reviewers and the seller",
			meeting: &followup.Meeting{
				Letter: followup.DecisionMakerLetter,
				Seller: followup.Person{Name: "Jens Kanden"},
				To:     followup.Person{Name: "Ole Olsen", Title: "Daglig leder"},
				Participants: []string{"Lars Larsen", "jens  kanden",
					"Kari Dahl, økonomisjef"},
				Reviewers: []string{"Lars Larsen", "Ole Olsen"},
			},
			want: []followup.NamedContact{
				{Name: "Ole Olsen", Title: "Daglig leder", Role: followup.BuyingDecisionMaker,
					Recipient: true},
				{Name: "Lars Larsen"},
				{Name: "Kari Dahl", Title: "økonomisjef"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := followup.MeetingContacts(tt.meeting)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestNamedContactTitleFor(t *testing.T) {
	tests := []struct {
		name      string
		contact   followup.NamedContact
		stored    string
		wantTitle string
	}{
		{"the recipient's title replaces",
			followup.NamedContact{Title: "Daglig leder", Recipient: true}, "Økonomisjef",
			"Daglig leder"},
		{"a title in passing fills in",
			followup.NamedContact{Title: "daglig leder"}, "", "daglig leder"},
		{"a title in passing keeps the stored one",
			followup.NamedContact{Title: "Managing Director"}, "Daglig leder", "Daglig leder"},
		{"only the case differs",
			followup.NamedContact{Title: "daglig leder", Recipient: true}, "Daglig leder",
			"Daglig leder"},
		{"no title in the notes",
			followup.NamedContact{Recipient: true}, "Daglig leder", "Daglig leder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.contact.TitleFor(tt.stored); got != tt.wantTitle {
				t.Errorf("got %q, want %q", got, tt.wantTitle)
			}
		})
	}
}

func TestMergeBuyingRole(t *testing.T) {
	tests := []struct {
		name                string
		stored, named, want followup.BuyingRole
	}{
		{"notes state a role", followup.BuyingUnknown, followup.BuyingSponsor,
			followup.BuyingSponsor},
		{"notes change the role", followup.BuyingSponsor, followup.BuyingDecisionMaker,
			followup.BuyingDecisionMaker},
		{"a participant keeps the stored role", followup.BuyingSponsor, followup.BuyingUnknown,
			followup.BuyingSponsor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := followup.MergeBuyingRole(tt.stored, tt.named); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProofKindOf(t *testing.T) {
	tests := []struct {
		text string
		want followup.ProofKind
	}{
		{"Du kan snakke med salgsdirektøren i TTT AS", followup.ProofReferenceCall},
		{"A call with their sales director", followup.ProofReferenceCall},
		{"Vi besøker lageret deres og snakker med sjefen", followup.ProofSiteVisit},
		{"En workshop med salgsledelsen", followup.ProofWorkshop},
		{"We show a demo of the tool", followup.ProofDemo},
		{"En pilot på tre selgere i fire uker", followup.ProofTrial},
		{"Vi sender et notat", followup.ProofOther},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := followup.ProofKindOf(tt.text); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestProofFromNotes(t *testing.T) {
	withProof := func(language lang.Lang, text string) *followup.Meeting {
		m := withoutProof()
		m.Language = language
		m.Sections = append(m.Sections, followup.Section{Kind: followup.Proof, Prose: text})
		return m
	}
	tests := []struct {
		name    string
		meeting *followup.Meeting
		want    *followup.ProofItem
	}{
		{
			name: "Norwegian reference call",
			meeting: withProof(lang.Norwegian, "Jeg har avtalt at du kan snakke med "+
				"salgsdirektør Kasper Kaspersen i TTT AS torsdag 17. De forteller gjerne."),
			want: &followup.ProofItem{Kind: followup.ProofReferenceCall,
				Who: "Kasper Kaspersen", Customer: "TTT AS", Date: workday.Date(2002, 1, 17)},
		},
		{
			name: "English reference call with the title between commas",
			meeting: withProof(lang.English, "I have arranged for you to talk to Kasper "+
				"Kaspersen, sales director at TTT AS, on Thursday the 17th."),
			want: &followup.ProofItem{Kind: followup.ProofReferenceCall,
				Who: "Kasper Kaspersen", Customer: "TTT AS", Date: workday.Date(2002, 1, 17)},
		},
		{
			name:    "a company without a person and no date",
			meeting: withProof(lang.Norwegian, "Et besøk hos Fjord Lager ASA."),
			want: &followup.ProofItem{Kind: followup.ProofSiteVisit,
				Customer: "Fjord Lager ASA"},
		},
		{name: "no proof section", meeting: withoutProof()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := followup.ProofFromNotes(tt.meeting)
			if got == nil || tt.want == nil {
				if (got == nil) != (tt.want == nil) {
					t.Fatalf("got %+v, want %+v", got, tt.want)
				}
				return
			}
			got.Description = ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestProofFromNotesDecisionMaker(t *testing.T) {
	m := sponsorMeeting()
	m.Letter = followup.DecisionMakerLetter
	if got := followup.ProofFromNotes(m); got != nil {
		t.Errorf("got %+v; a decision-maker letter's proof lives in the plan", got)
	}
}

// withoutProof returns a sponsor meeting whose notes have no proof section.
func withoutProof() *followup.Meeting {
	m := sponsorMeeting()
	kept := m.Sections[:0]
	for _, s := range m.Sections {
		if s.Kind != followup.Proof {
			kept = append(kept, s)
		}
	}
	m.Sections = kept
	return m
}
