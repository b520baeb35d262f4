package notes

import (
	"strings"
	"unicode/utf8"

	"followup"
)

// column is a column of the plan table.
type column int

// The columns of the plan table; the first four are required.
const (
	colEvent column = iota
	colDate
	colCheckpoint
	colOwner
	colKind
	colOutcome
	colNote
	numColumns
	numRequired = colKind
)

// columnNames maps each accepted header, folded, to its column.
var columnNames = map[string]column{
	"begivenhet": colEvent, "hendelse": colEvent, "event": colEvent,
	"dato": colDate, "date": colDate,
	"milepæl": colCheckpoint, "checkpoint": colCheckpoint,
	"eier": colOwner, "owner": colOwner,
	"type": colKind, "kind": colKind,
	"utfall": colOutcome, "outcome": colOutcome,
	"notat": colNote, "note": colNote,
}

// columnLabels names the columns in messages.
var columnLabels = [numColumns]string{
	"Begivenhet/Event", "Dato/Date", "Milepæl/Checkpoint", "Eier/Owner",
	"Type/Kind", "Utfall/Outcome", "Notat/Note",
}

// acceptedColumns lists the headers for messages.
const acceptedColumns = "Begivenhet/Hendelse/Event, Dato/Date, Milepæl/Checkpoint, Eier/Owner " +
	"(these four required), Type/Kind, Utfall/Outcome and Notat/Note"

// The words accepted in the plan's cells, folded, and how messages list them.
var (
	checkpointWords = map[string]bool{"*": true, "ja": true, "yes": true, "x": true,
		"true": true, "": false, "nei": false, "no": false, "-": false}
	ownerWords = map[string]followup.Owner{"kjøper": followup.Buyer, "buyer": followup.Buyer,
		"selger": followup.Seller, "seller": followup.Seller, "begge": followup.Both,
		"both": followup.Both, "": ""}
	kindWords = map[string]followup.EventKind{
		"intervju": followup.Interview, "interview": followup.Interview,
		"bevis": followup.ProofStep, "bevisføring": followup.ProofStep, "proof": followup.ProofStep,
		"kostnad": followup.Cost, "cost": followup.Cost,
		"verdi": followup.Value, "value": followup.Value,
		"beslutning": followup.Decision, "decision": followup.Decision,
		"levering": followup.Delivery, "delivery": followup.Delivery,
		"annet": followup.Other, "other": followup.Other}
	outcomeWords = map[string]followup.Outcome{"gå videre": followup.Go, "go": followup.Go,
		"avslutt": followup.Stop, "stop": followup.Stop, "": followup.Pending}

	acceptedCheckpoints = "*, ja, yes or x for a checkpoint, or an empty cell"
	acceptedOwners      = "kjøper/buyer, selger/seller, begge/both, or an empty cell"
	acceptedKinds       = "intervju/interview, bevis/bevisføring/proof, kostnad/cost, " +
		"verdi/value, beslutning/decision, levering/delivery, annet/other, or an empty cell " +
		"to let followup guess"
	acceptedOutcomes = "gå videre/go, avslutt/stop, or an empty cell while pending"
)

// ParsePlanTable reads a progress plan written as a Markdown table: the lines
// of a plan section under its heading, lines[0] being line firstLine of the
// file called name. Title lines may stand before the table, and a caption
// (Table: ... or Tabell: ...) before or right after it; text after the table
// is the footer. The plan's Line is firstLine. Errors list every problem
// found, as [Parse] does.
func ParsePlanTable(name string, lines []string, firstLine int) (*followup.Plan, error) {
	p := &problems{name: name}
	clean := make([]string, len(lines))
	for i, l := range lines {
		clean[i] = strings.TrimSuffix(l, "\r")
		if !utf8.ValidString(clean[i]) {
			p.add(firstLine+i, "the line is not UTF-8 text: save the file as UTF-8")
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}

	plan := parsePlan(p, clean, firstLine, firstLine)
	if err := p.err(); err != nil {
		return nil, err
	}
	return plan, nil
}

// parsePlan reads a plan section's lines, lines[0] being file line first,
// into a plan whose Line is line. Problems go to p.
func parsePlan(p *problems, lines []string, first, line int) *followup.Plan {
	h := 0
	for h < len(lines) && !isRow(lines[h]) {
		h++
	}
	if h == len(lines) {
		p.add(line, "the plan has no table: write a Markdown table such as "+
			"| Begivenhet | Dato | Milepæl | Eier | with a row |---|---|---|---| under it")
		return nil
	}

	plan := &followup.Plan{Line: line, Title: titleText(lines[:h])}
	header := rowCells(lines[h])
	cols, headerOK := readHeader(p, header, first+h)
	next := h + 1
	if separator(p, lines[next:], len(header), first+next) {
		next++
	}

	end := next
	for end < len(lines) && isRow(lines[end]) {
		end++
	}
	for i := next; i < end && headerOK; i++ {
		if e, ok := readRow(p, cols, len(header), rowCells(lines[i]), first+i); ok {
			plan.Events = append(plan.Events, e)
		}
	}
	plan.Title, plan.Footer = trailer(lines[end:], plan.Title)
	return plan
}

// separator checks the row under the header, the first of lines, and says
// whether it is a separator row.
func separator(p *problems, lines []string, width, line int) bool {
	if len(lines) == 0 || !isSeparator(rowCells(lines[0])) {
		p.add(line, "the plan table needs a separator row under its header, such as "+
			"|---|---|---|---|")
		return false
	}
	if n := len(rowCells(lines[0])); n != width {
		p.add(line, "the plan table's separator row has %d cells but the header has %d: "+
			"give it one |---| per column", n, width)
	}
	return true
}

// splitRow splits a table line at its unescaped pipes; \| stands for a pipe
// inside a cell. The cells are trimmed, and the empty ones outside the
// leading and trailing pipes dropped.
func splitRow(l string) []string {
	s := strings.TrimSpace(l)
	var cells []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '|':
			b.WriteByte('|')
			i++
		case s[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// isRow reports whether a line is a table row: it has an unescaped pipe.
func isRow(l string) bool {
	for i := 0; i < len(l); i++ {
		if l[i] == '\\' && i+1 < len(l) && l[i+1] == '|' {
			i++ // an escaped pipe, as splitRow reads it
		} else if l[i] == '|' {
			return true
		}
	}
	return false
}

// rowCells returns a row's cells, without the empty ends that its leading
// and trailing pipes give.
func rowCells(l string) []string {
	cells := splitRow(l)
	s := strings.TrimSpace(l)
	if strings.HasPrefix(s, "|") && len(cells) > 0 {
		cells = cells[1:]
	}
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) && len(cells) > 0 {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// isSeparator reports whether cells form a separator row: dashes with an
// optional colon at either end, as in |---|:--:|.
func isSeparator(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return len(cells) > 0
}
