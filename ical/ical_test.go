package ical_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"

	"followup"
	"followup/ical"
	"followup/lang"
	"followup/workday"
)

var stamp = time.Date(2002, 1, 20, 14, 30, 0, 0, time.UTC)

// articlePlan is a part of the article's plan, with a long event whose line
// must fold inside a Norwegian letter, and text that needs escaping.
func articlePlan() *followup.Plan {
	return &followup.Plan{Events: []followup.Event{
		{Text: "Telefonintervjuer med nøkkelselgere", Date: workday.Date(2002, 2, 11),
			Checkpoint: true, Owner: followup.Both, Kind: followup.Interview},
		{Text: "Oppsummering for toppledelsen, som også deltar på en salgsworkshop; " +
			"æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ æøå ÆØÅ\\slutt", Date: workday.Date(2002, 2, 20),
			Checkpoint: true, Owner: followup.Both, Kind: followup.ProofStep, Note: "Ta med\r\ncase"},
		{Text: "Kostnadsestimat", Date: workday.Date(2002, 2, 28), Checkpoint: true,
			Owner: followup.Seller, Kind: followup.Cost},
		{Text: "Oppstart", Date: workday.Date(2002, 12, 31), Owner: followup.Seller,
			Kind: followup.Delivery},
	}}
}

func write(t *testing.T, p *followup.Plan, o ical.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := ical.WritePlan(&b, p, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// wantEvent is what an event must read as once parsed.
type wantEvent struct {
	summary    string
	start, end time.Time
}

func TestWritePlanParses(t *testing.T) {
	o := ical.Options{Name: "Utkast til fremdriftsplan for ABC AS", Language: lang.Norwegian,
		Stamp: stamp, Key: "ABC AS", FollowUp: workday.Date(2002, 1, 23), CallWith: "Ole Olsen"}
	text := write(t, articlePlan(), o)

	cal, err := goical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		t.Fatalf("the file does not parse: %v\n%s", err, text)
	}
	var again bytes.Buffer // the encoder checks required and single properties
	if err := goical.NewEncoder(&again).Encode(cal); err != nil {
		t.Errorf("the parsed calendar is not valid: %v", err)
	}
	if got, _ := cal.Props.Text(goical.PropVersion); got != "2.0" {
		t.Errorf("got VERSION %q, want 2.0", got)
	}

	want := []wantEvent{
		{"Milepæl: Telefonintervjuer med nøkkelselgere", workday.Date(2002, 2, 11),
			workday.Date(2002, 2, 12)},
		{"Milepæl: " + articlePlan().Events[1].Text, workday.Date(2002, 2, 20),
			workday.Date(2002, 2, 21)},
		{"Milepæl: Kostnadsestimat", workday.Date(2002, 2, 28), workday.Date(2002, 3, 1)},
		{"Oppstart", workday.Date(2002, 12, 31), workday.Date(2003, 1, 1)},
		{"Ring Ole Olsen om fremdriftsplanen", workday.Date(2002, 1, 23),
			workday.Date(2002, 1, 24)},
	}
	events := cal.Events()
	if len(events) != len(want) {
		t.Fatalf("got %d events, want %d", len(events), len(want))
	}
	uids := map[string]bool{}
	for i, e := range events {
		checkEvent(t, i, e, want[i])
		uid, _ := e.Props.Text(goical.PropUID)
		if uids[uid] {
			t.Errorf("event %d: UID %s is used twice", i+1, uid)
		}
		uids[uid] = true
	}
	desc, _ := events[1].Props.Text(goical.PropDescription)
	if want := "Eier: begge\nType: bevis\nEtter denne milepælen kan begge parter gå videre " +
		"eller avslutte.\nTa med\ncase"; desc != want {
		t.Errorf("got description %q, want %q", desc, want)
	}
}

// checkEvent checks one parsed event: an all-day event on its day, with the
// stamp and the summary.
func checkEvent(t *testing.T, i int, e goical.Event, want wantEvent) {
	t.Helper()
	if got, _ := e.Props.Text(goical.PropSummary); got != want.summary {
		t.Errorf("event %d: got summary %q, want %q", i+1, got, want.summary)
	}
	for _, name := range []string{goical.PropDateTimeStart, goical.PropDateTimeEnd} {
		if got := e.Props.Get(name).ValueType(); got != goical.ValueDate {
			t.Errorf("event %d: got %s of type %q, want DATE", i+1, name, got)
		}
	}
	start, err := e.DateTimeStart(time.UTC)
	if err != nil || !start.Equal(want.start) {
		t.Errorf("event %d: got start %v (%v), want %v", i+1, start, err, want.start)
	}
	end, err := e.DateTimeEnd(time.UTC)
	if err != nil || !end.Equal(want.end) {
		t.Errorf("event %d: got end %v (%v), want %v", i+1, end, err, want.end)
	}
	if got, err := e.Props.DateTime(goical.PropDateTimeStamp, nil); err != nil || !got.Equal(stamp) {
		t.Errorf("event %d: got DTSTAMP %v (%v), want %v", i+1, got, err, stamp)
	}
}

func TestWritePlanLines(t *testing.T) {
	text := write(t, articlePlan(), ical.Options{Stamp: stamp})
	if !strings.HasSuffix(text, "END:VCALENDAR\r\n") {
		t.Errorf("the file does not end with END:VCALENDAR and CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	folded := 0
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare line break: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets, over 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("no line was folded; the long event should be")
	}
	for _, want := range []string{
		`salgsworkshop\; æøå`, `ÆØÅ\\slutt`, `toppledelsen\, som`, "DESCRIPTION:Eier: begge\\nType",
		"DTSTART;VALUE=DATE:20021231", "DTEND;VALUE=DATE:20030101", "DTSTAMP:20020120T143000Z",
	} {
		if !strings.Contains(strings.ReplaceAll(text, "\r\n ", ""), want) {
			t.Errorf("the file has no %q", want)
		}
	}
}

func TestWritePlanUIDs(t *testing.T) {
	uids := func(p *followup.Plan, key string) []string {
		cal, err := goical.NewDecoder(strings.NewReader(write(t, p, ical.Options{Stamp: stamp,
			Key: key}))).Decode()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range cal.Events() {
			uid, _ := e.Props.Text(goical.PropUID)
			out = append(out, uid)
		}
		return out
	}
	first := uids(articlePlan(), "ABC AS")
	moved := articlePlan()
	moved.Events[2].Date = workday.Date(2002, 3, 4)
	if got, want := strings.Join(uids(moved, "ABC AS"), " "), strings.Join(first, " "); got != want {
		t.Errorf("a moved event changed UIDs: got %s, want %s", got, want)
	}
	if other := uids(articlePlan(), "XYZ AS"); other[0] == first[0] {
		t.Errorf("another plan's key gave the same UID %s", other[0])
	}
	twice := &followup.Plan{Events: []followup.Event{{Text: "Møte", Date: workday.Date(2002, 2, 1)},
		{Text: "Møte", Date: workday.Date(2002, 2, 8)}}}
	if got := uids(twice, ""); got[0] == got[1] {
		t.Errorf("two events of one text got the same UID %s", got[0])
	}
}

func TestWritePlanEnglish(t *testing.T) {
	text := write(t, articlePlan(), ical.Options{Language: lang.English, Stamp: stamp,
		FollowUp: workday.Date(2002, 1, 23)})
	for _, want := range []string{"SUMMARY:Checkpoint: Telefonintervjuer",
		"SUMMARY:Follow-up call about the progress plan", "DESCRIPTION:Owner: both\\nKind: interview",
		"PRODID:-//followup//progress plan//EN"} {
		if !strings.Contains(text, want) {
			t.Errorf("the file has no %q", want)
		}
	}
}

func TestWritePlanErrors(t *testing.T) {
	if err := ical.WritePlan(io.Discard, nil, ical.Options{Stamp: stamp}); followup.ErrorCode(err) !=
		followup.EINVALID {
		t.Errorf("got %v, want EINVALID for no plan", err)
	}
	if err := ical.WritePlan(io.Discard, articlePlan(), ical.Options{}); err == nil {
		t.Error("got no error for a missing stamp")
	}
}

func BenchmarkPlanICS(b *testing.B) {
	p := &followup.Plan{}
	d := workday.Date(2026, 1, 5)
	for i := range 40 {
		p.Events = append(p.Events, followup.Event{Text: "Hendelse i planen for ABC AS, nummer " +
			string(rune('A'+i%26)), Date: d.AddDate(0, 0, 7*i), Checkpoint: i%2 == 0,
			Owner: followup.Both, Kind: followup.Other})
	}
	o := ical.Options{Name: "Plan", Stamp: stamp, Key: "ABC AS", FollowUp: d, CallWith: "Ole Olsen"}
	b.ReportAllocs()
	for b.Loop() {
		if err := ical.WritePlan(io.Discard, p, o); err != nil {
			b.Fatal(err)
		}
	}
}
