package lang_test

import (
	"testing"
	"time"

	"followup/lang"
)

func TestCallDay(t *testing.T) {
	letter := day(2002, 1, 20)
	cases := []struct {
		name string
		lg   lang.Lang
		call time.Time
		want string
	}{
		{"same month nb", lang.Norwegian, day(2002, 1, 23), "den 23."},
		{"same month en", lang.English, day(2002, 1, 23), "on the 23rd"},
		{"next month nb", lang.Norwegian, day(2002, 2, 1), "den 1. februar"},
		{"next month en", lang.English, day(2002, 2, 1), "on 1 February"},
		{"next year nb", lang.Norwegian, day(2003, 1, 2), "den 2. januar 2003"},
		{"next year en", lang.English, day(2003, 1, 2), "on 2 January 2003"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.lg.CallDay(tc.call, letter); got != tc.want {
				t.Errorf("CallDay = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestListSentence(t *testing.T) {
	cases := []struct {
		name    string
		lg      lang.Lang
		section string
		power   bool
		items   []string
		want    string
	}{
		{"sponsor pain", lang.Norwegian, "pain", false, []string{"a", "b", "c"},
			"Du fortalte meg at a, b og c."},
		{"decision-maker pain", lang.Norwegian, "pain", true, []string{"a"},
			"I møtet bekreftet du at a."},
		{"item with its own stop", lang.English, "vision", false, []string{"a", "b!"},
			"You said that you need a and b!"},
		{"items with commas", lang.English, "reasons", true, []string{"a, so x", "b"},
			"You confirmed that the reasons are that a, so x and b."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.lg.ListSentence(tc.section, tc.power, tc.items); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPlanIntroAndFooter(t *testing.T) {
	letter, call := day(2002, 1, 20), day(2002, 1, 23)
	cases := []struct {
		name, got, want string
	}{
		{"intro nb", lang.Norwegian.PlanIntro([]string{"Lars Larsen"}, call, letter),
			"Basert på det vi er enige om, foreslår jeg fremdriftsplanen nedenfor. Kan du og " +
				"Lars Larsen se gjennom den, så ringer jeg deg den 23. for å høre hva dere synes."},
		{"intro without reviewers", lang.Norwegian.PlanIntro(nil, call, letter),
			"Basert på det vi er enige om, foreslår jeg fremdriftsplanen nedenfor. " +
				"Jeg ringer deg den 23. for å høre hva du synes."},
		{"intro without call en", lang.English.PlanIntro([]string{"A", "B"}, time.Time{}, letter),
			"Based on what we agreed, I propose the progress plan below. Could you, A and B " +
				"look it over?"},
		{"footer nb", lang.Norwegian.PlanFooter(8, call, letter),
			"Ved åtte milepæler (merket med *) kan begge parter vurdere om vi skal gå videre " +
				"eller avslutte. Dette er et første utkast, og jeg ringer deg den 23. for å følge opp."},
		{"footer one en", lang.English.PlanFooter(1, time.Time{}, letter),
			"At one checkpoint (marked *) either side can decide whether to go on or stop. " +
				"This is a first draft."},
		{"footer none nb", lang.Norwegian.PlanFooter(0, time.Time{}, letter),
			"Planen har ingen milepæler ennå. Dette er et første utkast."},
		{"opening nb", lang.Norwegian.Opening(lang.Opening{ToDecisionMaker: true,
			Others: []string{"Lars Larsen"}, Held: letter, Date: letter}),
			"Takk for møtet i dag med deg og Lars Larsen. Nedenfor oppsummerer jeg det vi kom " +
				"fram til, og foreslår en plan for veien videre."},
		{"opening a week later en", lang.English.Opening(lang.Opening{SellerCompany: "HandsOn AS",
			Held: day(2002, 1, 3), Date: letter}),
			"Thank you for the meeting on 3 January and for your interest in HandsOn AS. In this " +
				"letter I sum up how I understood our meeting and propose how we can move on."},
		{"place and date", lang.Norwegian.PlaceDate("Oslo", letter), "Oslo, 20.01.2002"},
		{"no place", lang.English.PlaceDate("", letter), "20 January 2002"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got  %q\nwant %q", tc.got, tc.want)
			}
		})
	}
}
