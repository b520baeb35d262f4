package main

import (
	"fmt"

	"followup"
	"followup/notes"
)

// checkCmd prints what the method's checks find in a notes file.
type checkCmd struct {
	Notes string `arg:"" type:"path" help:"The notes file (Markdown with a YAML front matter)."`
}

func (c *checkCmd) Run(m *Main) error {
	meeting, err := notes.ReadFile(c.Notes)
	if err != nil {
		return err
	}
	if err := layPlan(meeting); err != nil {
		return inFile(c.Notes, err)
	}
	findings := followup.Check(meeting)
	for _, f := range findings {
		fmt.Fprintln(m.Stdout, f)
	}
	fmt.Fprintln(m.Stderr, summary(findings))
	if followup.HasErrors(findings) {
		return exitStatus(1)
	}
	return nil
}

// summary counts the findings and says whether the letter can go.
func summary(findings []followup.Finding) string {
	errs, warns := 0, 0
	for _, f := range findings {
		if f.Severity == followup.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	verdict := "the letter can be sent"
	if errs > 0 {
		verdict = "the letter cannot be sent until the errors are fixed"
	}
	return fmt.Sprintf("%d errors, %d warnings: %s", errs, warns, verdict)
}
