package followup

import (
	"testing"
	"time"
)

func TestLetterStatusCanBecome(t *testing.T) {
	tests := []struct {
		from, to LetterStatus
		ok       bool
	}{
		{LetterDraft, LetterSent, true},
		{LetterDraft, LetterConfirmed, false},
		{LetterSent, LetterSent, false},
		{LetterSent, LetterConfirmed, true},
		{LetterSent, LetterDisputed, true},
		{LetterDisputed, LetterConfirmed, true},
		{LetterConfirmed, LetterDisputed, false},
		{LetterConfirmed, LetterDraft, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+" to "+string(tt.to), func(t *testing.T) {
			err := tt.from.CanBecome(tt.to)
			if got := err == nil; got != tt.ok {
				t.Fatalf("CanBecome = %v, want ok %v", err, tt.ok)
			}
			if err != nil && ErrorCode(err) != ECONFLICT {
				t.Errorf("code = %q, want %q", ErrorCode(err), ECONFLICT)
			}
		})
	}
}

func TestDealValidate(t *testing.T) {
	valid := func() Deal { return Deal{OrganisationID: 1, OwnerID: 2, Title: " Lager "} }
	tests := []struct {
		name   string
		change func(d *Deal)
		want   string // the error message, or "" for none
	}{
		{"defaults", func(d *Deal) {}, ""},
		{"no title", func(d *Deal) { d.Title = " " }, "a deal needs a title"},
		{"no owner", func(d *Deal) { d.OwnerID = 0 },
			`deal "Lager" needs an owner: the seller who works it`},
		{"bad currency", func(d *Deal) { d.Currency = "kroner" },
			`currency "KRONER" is not a three-letter code such as NOK`},
		{"lost without reason", func(d *Deal) { d.Status = DealLost },
			`deal "Lager" is lost: give the reason`},
		{"walked with reason", func(d *Deal) {
			d.Status, d.StatusReason = DealWalked, "ingen smerte"
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := valid()
			tt.change(&d)
			if got := ErrorMessage(d.Validate()); got != tt.want {
				t.Fatalf("Validate = %q, want %q", got, tt.want)
			}
			if tt.want == "" && (d.Currency != DefaultCurrency || d.Title != "Lager") {
				t.Errorf("after Validate: currency %q, title %q", d.Currency, d.Title)
			}
		})
	}
}

func TestOrganisationKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Fjordkraft Logistikk AS", "  fjordkraft   LOGISTIKK as "},
		{"Ærø Øl AS", "ÆRØ ØL AS"},
	}
	for _, tt := range tests {
		if got, want := OrganisationKey(tt.a), OrganisationKey(tt.b); got != want {
			t.Errorf("OrganisationKey(%q) = %q, OrganisationKey(%q) = %q; want equal",
				tt.a, got, tt.b, want)
		}
	}
}

func TestNotesHashAndSearchText(t *testing.T) {
	m := MeetingRecord{DealID: 1, Held: time.Date(2002, 1, 9, 0, 0, 0, 0, time.UTC),
		Letter: SponsorLetter, Language: "nb", NotesFile: "# Smerte\n",
		Sections: []Section{{Kind: Pain, Items: []string{"a", "b"}}, {Kind: Vision, Prose: "c"}}}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.NotesHash != NotesHash("# Smerte\n") || len(m.NotesHash) != 64 {
		t.Errorf("NotesHash = %q", m.NotesHash)
	}
	if got, want := m.SearchText(), "a\nb\nc\n"; got != want {
		t.Errorf("SearchText = %q, want %q", got, want)
	}
}
