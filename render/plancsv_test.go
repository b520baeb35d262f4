package render

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/workday"
)

// csvPlan is a plan of events across a year boundary, with a checkpoint
// marked go and a text that a spreadsheet would take for a formula.
func csvPlan() *followup.Plan {
	return &followup.Plan{Events: []followup.Event{
		{Text: "Intervjuer, med salgssjefer", Date: workday.Date(2026, 12, 30), Checkpoint: true,
			Owner: followup.Both, Kind: followup.Interview, Outcome: followup.Go},
		{Text: `Demo "på ekte"`, Date: workday.Date(2027, 1, 4), Checkpoint: true,
			Owner: followup.Seller, Kind: followup.ProofStep, KindInferred: true},
		{Text: "=SUM(A1:A9)", Date: workday.Date(2027, 1, 11), Owner: followup.Buyer,
			Kind: followup.Delivery, Outcome: followup.Stop},
	}}
}

func TestPlanCSV(t *testing.T) {
	var b bytes.Buffer
	if err := PlanCSV(&b, csvPlan()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "\r\n") || strings.Count(b.String(), "\r\n") != 4 {
		t.Errorf("got %q, want four lines ending in CRLF", b.String())
	}

	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"event", "date", "iso_week", "kind", "owner", "checkpoint", "outcome"},
		{"Intervjuer, med salgssjefer", "2026-12-30", "2026-W53", "interview", "both", "yes", "go"},
		{`Demo "på ekte"`, "2027-01-04", "2027-W01", "proof", "seller", "yes", ""},
		{"'=SUM(A1:A9)", "2027-01-11", "2027-W02", "delivery", "buyer", "no", "stop"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestPlanCSVNoPlan(t *testing.T) {
	err := PlanCSV(io.Discard, nil)
	if followup.ErrorCode(err) != followup.EINVALID {
		t.Errorf("got %v, want an EINVALID error", err)
	}
}

func TestSafeCell(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Intervju", "Intervju"},
		{"empty", "", ""},
		{"formula", "=1+1", "'=1+1"},
		{"plus", "+47 22 00 00 00", "'+47 22 00 00 00"},
		{"minus", "-kick-off", "'-kick-off"},
		{"at", "@sum", "'@sum"},
		{"inside", "a=b", "a=b"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := safeCell(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// benchPlan is a plan of forty events, one a week, every other a checkpoint.
func benchPlan() *followup.Plan {
	p := &followup.Plan{}
	d := workday.Date(2026, 1, 5)
	for i := range 40 {
		p.Events = append(p.Events, followup.Event{
			Text: "Hendelse nummer " + string(rune('A'+i%26)) + " i planen for ABC AS",
			Date: d.AddDate(0, 0, 7*i), Checkpoint: i%2 == 0, Owner: followup.Both,
			Kind: followup.Other,
		})
	}
	return p
}

// BenchmarkPlanRender renders a forty-event plan alone, as `followup plan`
// does, in each format; the table is composed once, as the command does.
func BenchmarkPlanRender(b *testing.B) {
	p := benchPlan()
	table := followup.ComposePlanTable(p, lang.Norwegian, "ABC AS", false,
		workday.Date(2026, 1, 8), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
	for _, f := range []Format{Text, Markdown, HTML} {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Plan(io.Discard, table, lang.Norwegian, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("csv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := PlanCSV(io.Discard, p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
