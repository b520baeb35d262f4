package main

import (
	"fmt"

	"followup"
	"followup/notes"
)

// gateCmd applies the quote gate to a notes file: may a quote go out yet?
type gateCmd struct {
	Notes string `arg:"" help:"The notes file with the plan, its outcomes, plan_agreed and amount_agreed."`
}

func (c *gateCmd) Run(m *Main) error {
	meeting, err := notes.ReadFile(c.Notes)
	if err != nil {
		return err
	}
	if err := layPlan(meeting); err != nil {
		return inFile(c.Notes, err)
	}

	g := followup.QuoteGate(meeting)
	switch {
	case g.Allowed:
		fmt.Fprintln(m.Stdout, "Quote allowed: the buyer agreed to the plan on "+
			meeting.Language.Date(meeting.PlanAgreed)+" and to the amount, and every "+
			"checkpoint up to the cost is go.")
		return nil
	case g.Ended:
		fmt.Fprintln(m.Stdout, "No quote: a checkpoint was marked stop, and the deal ends.")
	default:
		fmt.Fprintf(m.Stdout, "No quote yet: %s missing.\n", countMissing(len(g.Missing)))
	}
	for _, item := range g.Missing {
		fmt.Fprintln(m.Stdout, "- "+item.String())
	}
	return exitStatus(1)
}

func countMissing(n int) string {
	if n == 1 {
		return "1 thing is"
	}
	return fmt.Sprintf("%d things are", n)
}
