package notes

import (
	"errors"
	"strings"
	"testing"
	"time"

	"followup"
)

// baseFront is a complete front matter; tests put their own keys before it,
// so that their first line is line 2 of the file.
const baseFront = `letter: sponsor
date: 2002-01-10
seller:
  name: Jens Kanden
  company: HandsOn AS
to:
  name: Lars Larsen
  company: ABC AS
`

// baseLines is how many lines baseFront takes.
const baseLines = 8

// doc returns a notes file with extra front-matter lines before baseFront,
// then body, whose first line is line 11 plus the count of extra lines.
func doc(extra, body string) []byte {
	return []byte("---\n" + extra + baseFront + "---\n" + body)
}

// day returns midnight UTC of a calendar day.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// mustParse parses data and fails the test on an error.
func mustParse(t *testing.T, data []byte) *followup.Meeting {
	t.Helper()
	m, err := Parse("t.md", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

// wantInvalid checks that err is an EINVALID followup.Error whose message
// holds every one of wants, and that each of its lines starts with NAME:LINE.
func wantInvalid(t *testing.T, err error, name string, wants ...string) {
	t.Helper()
	var fe *followup.Error
	if !errors.As(err, &fe) {
		t.Fatalf("got error %v (%T), want a *followup.Error", err, err)
	}
	if fe.Code != followup.EINVALID {
		t.Errorf("got code %q, want %q", fe.Code, followup.EINVALID)
	}
	for _, w := range wants {
		if !strings.Contains(fe.Message, w) {
			t.Errorf("message lacks %q:\n%s", w, fe.Message)
		}
	}
	for _, l := range strings.Split(fe.Message, "\n") {
		if !hasLinePrefix(l, name) {
			t.Errorf("message line %q does not start with %s:LINE: ", l, name)
		}
	}
}

// hasLinePrefix reports whether l starts with name, a colon, a line number
// and a colon and space.
func hasLinePrefix(l, name string) bool {
	rest, ok := strings.CutPrefix(l, name+":")
	if !ok {
		return false
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return n > 0 && strings.HasPrefix(rest[n:], ": ")
}
