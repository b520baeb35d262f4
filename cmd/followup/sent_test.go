package main

import (
	"context"
	"strings"
	"testing"

	"followup"
	"followup/workday"
)

func TestSent(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		importExamples(t, dsn)
		stdout := runOK(t, dsn, "sent", "1")
		want := "letter 1 marked sent at 2002-01-10 09:00\n" +
			"scheduled call 1 on 2002-01-14 for Jens Kanden: call Lars Larsen: is letter 1 " +
			"right, and when do we meet the decision-maker?\n"
		if stdout != want {
			t.Errorf("sent said\n%s\nwant\n%s", stdout, want)
		}

		d := dealDetail(t, dsn, 1)
		l := d.Letters[0]
		if l.Status != followup.LetterSent || !l.SentAt.Equal(testNow) {
			t.Errorf("letter 1 is %s, sent %v; want sent at %v", l.Status, l.SentAt, testNow)
		}
		if len(d.FollowUps) != 1 {
			t.Fatalf("%d follow-ups, want the call", len(d.FollowUps))
		}
		f := d.FollowUps[0]
		if f.Kind != followup.FollowUpCall || !f.Due.Equal(workday.Date(2002, 1, 14)) ||
			f.OwnerID != d.Owner.ID || f.Source != followup.LetterSource(1) {
			t.Errorf("call = %+v; want a call on 2002-01-14 by the seller from letter 1", f)
		}

		runFails(t, dsn, 2, []string{"letter 1 was sent already, on 2002-01-10 09:00",
			"nothing to do"}, "sent", "1")
		runOK(t, dsn, "confirmed", "1")
		runFails(t, dsn, 2, []string{"buyer has confirmed it since"}, "sent", "1")
		if n := len(dealDetail(t, dsn, 1).FollowUps); n != 1 {
			t.Errorf("%d follow-ups after sending twice, want 1", n)
		}
	})
}

func TestSentWithoutFollowUpDate(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	notes := strings.Replace(readExample(t, "abc-sponsor.md"), "follow_up: 2002-01-14\n", "", 1)
	runOK(t, dsn, "import", writeFile(t, "no-call.md", notes))
	stdout, stderr, status := run(t, "--db", dsn, "sent", "1")
	// Three business days after Thursday 10 January 2002.
	if status != 0 || !strings.Contains(stdout, "scheduled call 1 on 2002-01-15") ||
		!strings.Contains(stderr, "no follow_up date") {
		t.Errorf("status %d\n%s%s\nwant the call three business days on, and why", status,
			stdout, stderr)
	}
}

func TestSentDecisionMakerLetter(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	stdout := runOK(t, dsn, "sent", "2")
	if !strings.Contains(stdout, "on 2002-01-23 for Jens Kanden: call Ole Olsen: is the plan "+
		"in letter 2 agreed?") {
		t.Errorf("sent said %q; want the call on the 23rd with Ole Olsen", stdout)
	}
}

func TestConfirmedAndDisputed(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	importExamples(t, dsn)
	runFails(t, dsn, 2, []string{"letter 1", "draft", "mark it sent"}, "confirmed", "1")
	runOK(t, dsn, "sent", "1")
	runOK(t, dsn, "sent", "2")

	stdout := runOK(t, dsn, "disputed", "2", "--note", "Planen må starte en uke senere")
	if want := "letter 2 disputed at 2002-01-10 09:00: Planen må starte en uke senere\n"; stdout !=
		want {
		t.Errorf("disputed said %q, want %q", stdout, want)
	}
	stdout = runOK(t, dsn, "confirmed", "2")
	if want := "letter 2 confirmed by the buyer at 2002-01-10 09:00\n"; stdout != want {
		t.Errorf("confirmed said %q, want %q", stdout, want)
	}
	db := openTestDB(t, dsn)
	l, err := db.FindLetterByID(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if l.Status != followup.LetterConfirmed || l.DisputeNote != "Planen må starte en uke senere" {
		t.Errorf("letter 2 = %s with note %q", l.Status, l.DisputeNote)
	}

	tests := []struct {
		name  string
		args  []string
		parts []string
	}{
		{"no note", []string{"disputed", "1"}, []string{"--note"}},
		{"an empty note", []string{"disputed", "1", "--note", " "}, []string{"--note",
			"say what the buyer wants changed"}},
		{"disputed after confirmed", []string{"disputed", "2", "--note", "x"}, []string{
			"letter 2", "already confirmed"}},
		{"unknown letter", []string{"sent", "99"}, []string{"letter 99 does not exist"}},
		{"unknown letter confirmed", []string{"confirmed", "99"}, []string{"letter 99"}},
		{"unknown letter disputed", []string{"disputed", "99", "--note", "x"},
			[]string{"letter 99"}},
		{"not a number", []string{"sent", "første"}, []string{"LETTER-ID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runFails(t, dsn, 2, tt.parts, tt.args...) })
	}
}
