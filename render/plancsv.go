package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"followup"
)

// PlanCSVHeader is the header row of a plan written as CSV.
var PlanCSVHeader = []string{"event", "date", "iso_week", "kind", "owner", "checkpoint",
	"outcome"}

// PlanCSV writes the plan as CSV for a spreadsheet: the header, then one row
// per event with its text, ISO date (2002-02-13), ISO week (2002-W07), kind,
// owner, checkpoint (yes or no) and outcome (go, stop, or empty while
// pending). Codes stay in English so that a sheet reads the same whatever
// the letter's language. Lines end in CRLF, as RFC 4180 has it.
func PlanCSV(w io.Writer, p *followup.Plan) error {
	if p == nil {
		return followup.Errorf(followup.EINVALID, "render plan: there is no plan to render")
	}
	b := bufs.Get().(*bytes.Buffer)
	defer func() {
		if b.Cap() <= 1<<20 {
			b.Reset()
			bufs.Put(b)
		}
	}()
	b.Reset()

	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	cw.Write(PlanCSVHeader)
	for _, e := range p.Events {
		cw.Write(csvRow(e))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("render plan csv: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("render plan csv: %w", err)
	}
	return nil
}

// csvRow returns an event's cells.
func csvRow(e followup.Event) []string {
	year, week := e.Date.ISOWeek() // ISO 8601, as workday.ISOWeek
	checkpoint := "no"
	if e.Checkpoint {
		checkpoint = "yes"
	}
	return []string{safeCell(e.Text), e.Date.Format("2006-01-02"), isoWeek(year, week),
		string(e.Kind), string(e.Owner), checkpoint, string(e.Outcome)}
}

// isoWeek writes an ISO week as ISO 8601 does: 2002-W07.
func isoWeek(year, week int) string {
	w := strconv.Itoa(week)
	if week < 10 {
		w = "0" + w
	}
	return strconv.Itoa(year) + "-W" + w
}

// safeCell keeps a spreadsheet from running a cell as a formula.
//
// SECURITY: the buyer edits the plan's text, and a sheet runs a cell that
// starts with = + - @ (or a tab or carriage return before one) as a formula;
// a leading apostrophe makes it plain text.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
