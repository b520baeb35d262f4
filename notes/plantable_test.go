package notes

import (
	"strings"
	"testing"

	"followup"
)

func TestParsePlanTable(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(p *followup.Plan) (got, want any)
	}{
		{"title above", "Utkast til fremdriftsplan for ABC AS\n\n" + planHeader +
			"| Demo | 2002-02-04 | * | selger |\n",
			func(p *followup.Plan) (any, any) { return p.Title, "Utkast til fremdriftsplan for ABC AS" }},
		{"bold title", "**Utkast**\n" + planHeader + "| Demo | 2002-02-04 | * | selger |\n",
			func(p *followup.Plan) (any, any) { return p.Title, "Utkast" }},
		{"caption above", "Tabell: Plan for ABC\n" + planHeader + "| Demo | 2002-02-04 | * | |\n",
			func(p *followup.Plan) (any, any) { return p.Title, "Plan for ABC" }},
		{"caption below", planHeader + "| Demo | 2002-02-04 | * | |\nTable: Plan for ABC\n\nEtter.\n",
			func(p *followup.Plan) (any, any) { return p.Title + "/" + p.Footer, "Plan for ABC/Etter." }},
		{"footer", planHeader + "| Demo | 2002-02-04 | * | |\n\n" +
			"Åtte milepæler.\nVi ringer.\n\nSlutt.\n",
			func(p *followup.Plan) (any, any) { return p.Footer, "Åtte milepæler. Vi ringer.\n\nSlutt." }},
		{"line", planHeader + "| Demo | 2002-02-04 | * | |\n",
			func(p *followup.Plan) (any, any) { return p.Line, 7 }},
		{"row line", "Tittel\n\n" + planHeader + "| Demo | 2002-02-04 | * | |\n",
			func(p *followup.Plan) (any, any) { return p.Events[0].Line, 11 }},
		{"escaped pipe", planHeader + `| Demo A \| B | 2002-02-04 | * | |` + "\n",
			func(p *followup.Plan) (any, any) { return p.Events[0].Text, "Demo A | B" }},
		{"no outer pipes", "Begivenhet | Dato | Milepæl | Eier\n--- | :---: | ---: | :---\n" +
			"Demo | 04.02.2002 | ja | kjøper\n",
			func(p *followup.Plan) (any, any) {
				e := p.Events[0]
				return e.Text + e.Date.Format("2006-01-02") + string(e.Owner), "Demo2002-02-04buyer"
			}},
		{"English headers any case", "| EVENT | date | Checkpoint | owner |\n|---|---|---|---|\n" +
			"| Demo | 2002-02-04 | x | both |\n",
			func(p *followup.Plan) (any, any) { return p.Events[0].Checkpoint, true }},
		{"hendelse", "| Hendelse | Dato | Milepæl | Eier |\n|---|---|---|---|\n" +
			"| Demo | 2002-02-04 | | |\n",
			func(p *followup.Plan) (any, any) { return p.Events[0].Owner, followup.Owner("") }},
		{"empty checkpoint", planHeader + "| Demo | 2002-02-04 |  | begge |\n",
			func(p *followup.Plan) (any, any) { return p.Events[0].Checkpoint, false }},
		{"kind given", "| Event | Date | Checkpoint | Owner | Type |\n|-|-|-|-|-|\n" +
			"| Møte | 2002-02-04 | * | seller | bevisføring |\n",
			func(p *followup.Plan) (any, any) {
				e := p.Events[0]
				return string(e.Kind) + " " + boolText(e.KindInferred), "proof false"
			}},
		{"kind empty is inferred", "| Event | Date | Checkpoint | Owner | Kind |\n|-|-|-|-|-|\n" +
			"| Kick-off | 2002-02-04 | * | seller |  |\n",
			func(p *followup.Plan) (any, any) {
				e := p.Events[0]
				return string(e.Kind) + " " + boolText(e.KindInferred), "delivery true"
			}},
		{"outcome and note", "| Event | Date | Checkpoint | Owner | Utfall | Notat |\n" +
			"|-|-|-|-|-|-|\n| Demo | 2002-02-04 | * | seller | Gå videre | gikk fint |\n" +
			"| Pris | 2002-02-05 | * | seller | stop | for dyrt |\n",
			func(p *followup.Plan) (any, any) {
				a, b := p.Events[0], p.Events[1]
				return string(a.Outcome) + a.Note + string(b.Outcome) + b.Note, "gogikk fintstopfor dyrt"
			}},
		{"header only", planHeader,
			func(p *followup.Plan) (any, any) { return len(p.Events), 0 }},
		{"CR line ends", strings.ReplaceAll(planHeader+"| Demo | 2002-02-04 | * | |\n", "\n", "\r\n"),
			func(p *followup.Plan) (any, any) { return p.Events[0].Owner, followup.Owner("") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParsePlanTable("plan.md", strings.Split(tt.text, "\n"), 7)
			if err != nil {
				t.Fatal(err)
			}
			got, want := tt.check(p)
			if got != want {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// boolText spells a bool for compact comparisons.
func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestParsePlanTableErrors(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		wants []string
	}{
		{"empty", nil, []string{"plan.md:5:", "no table"}},
		{"not UTF-8", []string{"| a\xff |"}, []string{"plan.md:5:", "UTF-8"}},
		{"bad date", []string{"| Begivenhet | Dato | Milepæl | Eier |", "|-|-|-|-|",
			"| Demo | 2002-2-4 | * | |"}, []string{"plan.md:7:", `"Demo"`, "YYYY-MM-DD"}},
		{"separator too short", []string{"| Begivenhet | Dato | Milepæl | Eier |", "|-|-|"},
			[]string{"plan.md:6:", "2 cells"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePlanTable("plan.md", tt.lines, 5)
			wantInvalid(t, err, "plan.md", tt.wants...)
		})
	}
}
