package followup

import "fmt"

// Severity says whether a finding stops a letter from being sent.
type Severity string

// The severities of findings.
const (
	SeverityError   Severity = "error"   // the letter cannot be sent
	SeverityWarning Severity = "warning" // the letter can be sent, but should be looked at
)

// Finding is one thing the method's checks found in a meeting's notes: where,
// what is wrong, and how to fix it.
type Finding struct {
	Severity Severity
	Field    string // the section or front-matter field, e.g. "Smerte" or "follow_up"
	Line     int    // the line in the notes file, when known
	Problem  string
	Fix      string
}

// String formats the finding as one line: severity, field, problem and fix.
func (f Finding) String() string {
	where := f.Field
	if f.Line > 0 {
		where = fmt.Sprintf("%s (line %d)", f.Field, f.Line)
	}
	return fmt.Sprintf("%s: %s: %s; %s", f.Severity, where, f.Problem, f.Fix)
}

// HasErrors reports whether any finding is an error.
func HasErrors(findings []Finding) bool {
	for _, f := range findings {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}
