package render

import (
	"followup"
	"followup/lang"
)

// The fixtures follow the case of ABC AS and HandsOn AS: a sponsor letter
// after the first meeting, then a decision-maker letter with a plan, in
// Norwegian and in English. They are built here, not read from notes, so the
// tests of layout do not hang on the composer.

var (
	jens = followup.Person{Name: "Jens Kanden", Title: "Partner", Company: "HandsOn AS"}
	lars = followup.Person{
		Name: "Lars Larsen", Title: "Salgs- og markedsdirektør", Company: "ABC AS",
		Address: []string{"Oslogata 99", "0123 Oslo"},
	}
	ole = followup.Person{
		Name: "Ole Olsen", Title: "Daglig leder", Company: "ABC AS",
		Address: []string{"Oslogata 99", "0123 Oslo"},
	}
)

// nbSponsor is a sponsor letter: six parts, one of two paragraphs, no plan.
func nbSponsor() *followup.Letter {
	return &followup.Letter{
		Kind: followup.SponsorLetter, Language: lang.Norwegian,
		From: jens, To: lars,
		PlaceDate: "Oslo, 10.01.2002",
		Opening: "Takk for at du tok deg tid til å møte meg i går. I dette brevet " +
			"oppsummerer jeg det vi snakket om, og foreslår hvordan vi kan gå videre.",
		Parts: []followup.LetterPart{
			{Kind: followup.Pain, Label: "Smerte", Text: "Du fortalte at salget svinger " +
				"kraftig fra måned til måned, at omsetningen er vanskelig å anslå på " +
				"forhånd, og at dere enkelte kvartaler har ligget opptil 20 % under budsjett."},
			{Kind: followup.Reasons, Label: "Årsak", Text: "Som årsaker nevnte du at " +
				"selgerne har svært ulik erfaring og kompetanse, slik at resultatene " +
				"varierer både mellom selgerne og for hver enkelt over tid. Produktene er " +
				"sammensatte og salgssyklusen lang. Samlet gjør dette det krevende å " +
				"vurdere salgspipen på en ensartet og pålitelig måte."},
			{Kind: followup.Vision, Label: "Visjon", Text: "Du ønsker et program som gir " +
				"alle selgerne et felles grunnlag og en metode å arbeide etter, og et " +
				"verktøy som lar deg følge opp og gradere både kvaliteten og mengden i " +
				"hver selgers pipeline og i teamets samlet."},
			{Kind: followup.Agreement, Label: "Enighet om å gå videre", Text: "Du vil se " +
				"nærmere på salgsprogrammet vårt. Kan vi vise at det løser problemene du " +
				"beskrev, introduserer du meg for daglig leder Ole Olsen."},
			{Kind: followup.Access, Label: "Kjøpslåing om tilgang", Text: "Du nevnte at " +
				"Ole Olsen ikke liker å måtte forklare styret at kvartalsbudsjettet ikke " +
				"nås, og at det har skjedd før. Et møte med ham gir oss sjansen til å vise " +
				"hvordan det kan unngås."},
			{Kind: followup.Proof, Label: "Forslag til bevisføring", Text: "Jeg har avtalt " +
				"at du kan snakke med Kasper Kaspersen, salgsdirektør i TTT AS, torsdag " +
				"17. januar. Han har stått i det samme og forteller gjerne hva programmet " +
				"har betydd for dem.\n\nEtter samtalen ringer jeg deg for å høre hva du " +
				"tenker om det han fortalte."},
		},
		Closing: "Med vennlig hilsen",
	}
}

// nbDecisionMaker is a decision-maker letter with a plan of nine rows, one of
// them too long for its column.
func nbDecisionMaker() *followup.Letter {
	return &followup.Letter{
		Kind: followup.DecisionMakerLetter, Language: lang.Norwegian,
		From: jens, To: ole,
		PlaceDate: "Oslo, 21.01.2002",
		Opening: "Takk for møtet i dag med deg, Lars Larsen og meg. Jeg mener vi fikk " +
			"brukt tiden godt, både for ABC og for HandsOn.",
		Parts: []followup.LetterPart{
			{Kind: followup.Pain, Label: "Smerte", Text: "Du bekreftet at den største " +
				"utfordringen er et overskudd som svikter og ikke lar seg forutsi, fordi " +
				"omsetningen svikter. Selskapet ligger nesten 10 % bak budsjett dette " +
				"kvartalet."},
			{Kind: followup.Reasons, Label: "Årsak", Text: "Salgsresultatene er svake og " +
				"ujevne. Produktene er kompliserte og salgssyklusen lang, og selgerne har " +
				"svært ulik kunnskap og ferdighet. Derfor lar salget seg ikke anslå presist."},
			{Kind: followup.Vision, Label: "Visjon", Text: "Du trenger et konkret og " +
				"forståelig program som trener både nye og erfarne selgere opp til et " +
				"felles nivå, med verktøy, metoder og prosesser som gir jevne resultater " +
				"over tid.\n\nDe samme verktøyene skal la salgsledelsen følge opp, måle " +
				"og sammenligne hver selger, slik at salget kan anslås hver måned."},
			{Kind: followup.Agreement, Label: "Enighet om å gå videre",
				Text: "Vi ble enige om å gå videre etter planen nedenfor."},
			{Kind: followup.NextSteps, Label: "Fremdrift", Text: "Ut fra det vi ble enige " +
				"om, foreslår jeg fremdriftsplanen nedenfor. Se gjerne på den sammen med " +
				"Lars Larsen, så ringer jeg deg den 23. for å høre hva dere synes."},
		},
		Plan:    nbPlan(),
		Closing: "Med vennlig hilsen",
	}
}

// nbPlan is the plan of [nbDecisionMaker].
func nbPlan() *followup.PlanTable {
	return &followup.PlanTable{
		Title:   "Utkast til fremdriftsplan for ABC AS",
		Label:   "Fremdriftsplan",
		Columns: []string{"Begivenhet", "Uke", "Dato", "Milepæl", "Ansvar"},
		Rows: [][]string{
			{"Telefonintervjuer med sentrale selgere", "uke 7", "11. feb.", "*", "begge"},
			{"Telefonintervjuer med salgssjefer og teamledere", "uke 7", "13. feb.", "*",
				"begge"},
			{"Samtaler med tre viktige kunder", "uke 7", "15. feb.", "*", "selger"},
			{"Gjennomgang for ledergruppen, som selv deltar på en halv dags " +
				"salgsworkshop for å se programmet i bruk", "uke 8", "20. feb.", "*", "begge"},
			{"Kostnadsanslag for salgsprogrammet", "uke 9", "27. feb.", "*", "selger"},
			{"Felles vurdering av suksesskriterier og avkastning", "uke 9", "27. feb.", "*",
				"begge"},
			{"Endelig godkjenning av implementeringsplanen", "uke 10", "8. mars", "*",
				"kjøper"},
			{"Første treningsdag for salgsledelsen", "uke 11", "15. mars", "", "selger"},
			{"Første treningsdag for hele salgsstaben", "uke 12", "22. mars", "", "selger"},
		},
		Footer: "Planen har sju milepæler (merket *) der begge parter kan velge å gå " +
			"videre eller stoppe. Dette er et første utkast: jeg ringer deg onsdag " +
			"23. januar for å høre hva du og Lars Larsen mener om den.",
	}
}

// enDecisionMaker is the decision-maker letter in English, to a recipient
// with no title, and a plan of four rows.
func enDecisionMaker() *followup.Letter {
	to := ole
	to.Title = ""
	to.Address = []string{"Oslogata 99", "0123 Oslo", "Norway"}
	return &followup.Letter{
		Kind: followup.DecisionMakerLetter, Language: lang.English,
		From: jens, To: to,
		PlaceDate: "Oslo, 21 January 2002",
		Opening: "Thank you for meeting Lars Larsen and me today. I believe the time was " +
			"well spent for ABC and for HandsOn alike.",
		Parts: []followup.LetterPart{
			{Kind: followup.Pain, Label: "Pain", Text: "You confirmed that your main " +
				"concern is a profit that falls short and cannot be predicted, because " +
				"revenue falls short. This quarter the company is almost 10 % behind budget."},
			{Kind: followup.Reasons, Label: "Reasons", Text: "Sales results are weak and " +
				"uneven: the products are complex, the sales cycle is long, and your " +
				"sellers differ widely in knowledge and skill."},
			{Kind: followup.Vision, Label: "Vision", Text: "You need a clear programme " +
				"that brings new and experienced sellers to one common level, and tools " +
				"that let sales management follow up, measure and forecast every month."},
			{Kind: followup.Agreement, Label: "Agreement to proceed",
				Text: "We agreed to go on along the plan below."},
			{Kind: followup.NextSteps, Label: "Next steps", Text: "Please look through " +
				"the plan with Lars Larsen. I will call you on the 23rd to hear what you " +
				"both think."},
		},
		Plan: &followup.PlanTable{
			Title:   "Draft progress plan for ABC AS",
			Label:   "Progress plan",
			Columns: []string{"Event", "Week", "Date", "Checkpoint", "Owner"},
			Rows: [][]string{
				{"Telephone interviews with key sellers", "week 7", "11 Feb", "*", "both"},
				{"Cost estimate for the sales programme", "week 9", "27 Feb", "*", "seller"},
				{"Final approval of the implementation plan", "week 10", "8 Mar", "*",
					"buyer"},
				{"First training day for the sales force", "week 12", "22 Mar", "", "seller"},
			},
			Footer: "The plan has three checkpoints (marked *) where either of us may " +
				"stop. I will call you on Wednesday 23 January.",
		},
		Closing: "Kind regards",
	}
}

// hostile is a letter whose text looks like markup in every format: it must
// come out as the words that were written.
func hostile() *followup.Letter {
	return &followup.Letter{
		Language: lang.English,
		From:     followup.Person{Name: "Eve <b>Bold</b>", Company: "Tags & <Co>"},
		To: followup.Person{Name: "# Not a heading", Company: "<script>alert(1)</script>",
			Address: []string{"1. etasje", "- not a list"}},
		PlaceDate: "Oslo, 21 January 2002",
		Opening:   "# Hello\n\n> not a quote, *not emphasis*, _nor this_, `no code`, [no](link)",
		Parts: []followup.LetterPart{
			{Label: "Pain | *label*", Text: "<script>alert('x')</script>\n\n" +
				"2002. The year; a | b; snake_case stays; 3 * 4 = 12.\n\n---"},
		},
		Plan: &followup.PlanTable{
			Title:   "Plan <i>|</i>",
			Label:   "Plan",
			Columns: []string{"Event | what", "Date", "*"},
			Rows:    [][]string{{"a | b <em>c</em>", "1 Feb", "*"}, {"# d", "2 Feb", ""}},
			Footer:  "+ not a list either",
		},
		Closing: "Kind regards",
	}
}

// fixtures are the letters of the golden files, by name.
var fixtures = []struct {
	name   string
	letter func() *followup.Letter
}{
	{"nb-sponsor", nbSponsor},
	{"nb-decision-maker", nbDecisionMaker},
	{"en-decision-maker", enDecisionMaker},
	{"hostile", hostile},
}
