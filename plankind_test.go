package followup

import "testing"

func TestInferKind(t *testing.T) {
	tests := []struct {
		text string
		want EventKind
	}{
		// The eleven events of the article's plan.
		{"Telefonintervju med nøkkelselgere", Interview},
		{"Telefonintervju med salgssjefer og teamledere", Interview},
		{"Telefonintervju med nøkkelkunder", Interview},
		{"Oppsummering for toppledelsen og deltakelse på salgsworkshop", ProofStep},
		{"Kostnadsestimat for salgsprogrammet", Cost},
		{"Vurdere suksesskriterier og avkastningskrav", Value},
		{"Videre utkast til implementeringsplan", Other},
		{"Endelig godkjenning av implementeringsplan", Decision},
		{"Oppstart tilpasning av programmet", Delivery},
		{"Første treningssesjon for salgs- og markedsledelsen", Delivery},
		{"Første treningssesjon for salgsstaben", Delivery},

		// Norwegian compounds and inflections.
		{"Kundebesøket hos TTT AS", ProofStep},
		{"Signering av kontrakt", Decision},
		{"Prisforhandling", Cost},
		{"Gjennomgang av budsjettet", Cost},
		{"Beregne gevinster", Value},
		{"Utprøving i én region", ProofStep},
		{"Salgskurs for nye selgere", Delivery},
		{"Prosjektoppstart", Delivery},
		{"Godkjenning av kostnadsestimat", Decision},

		// English.
		{"Phone interviews with key account managers", Interview},
		{"Workshop with the sales team", ProofStep},
		{"Reference call with TTT", ProofStep},
		{"Site visit in Bergen", ProofStep},
		{"Product demo", ProofStep},
		{"Two-week trial", ProofStep},
		{"Cost estimate for the programme", Cost},
		{"Pricing review", Cost},
		{"ROI and success criteria", Value},
		{"Agree the expected return", Value},
		{"Final approval", Decision},
		{"Board decision", Decision},
		{"Signing the contract", Decision},
		{"Kick-off", Delivery},
		{"First training session", Delivery},
		{"Go-live", Delivery},
		{"Rollout to all regions", Delivery},
		{"Next draft of the implementation plan", Other},
		{"", Other},

		// Words inside other words do not count for English keywords.
		{"Restart the engines", Other},
		{"Design review", Other},
		{"Enterprise architecture", Other},
		{"Industrial partners meet", Other},
		{"Heroic effort", Other},
		{"Latest news", Other},

		// Case does not matter.
		{"ENDELIG GODKJENNING", Decision},
		{"KOSTNAD", Cost},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := InferKind(tt.text); got != tt.want {
				t.Errorf("InferKind(%q): got %s, want %s", tt.text, got, tt.want)
			}
		})
	}
}
