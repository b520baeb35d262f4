// Package ical writes progress plans as iCalendar files (RFC 5545), so that
// the buyer and the seller can put the plan's events and the follow-up call
// in their own calendars.
//
// Every event is an all-day event. Its UID stays the same when the plan is
// written again, also after the event moves, so a calendar that imports the
// new file updates the event instead of adding a second one.
package ical

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"followup"
	"followup/lang"
)

// maxLine is the longest a content line may be, in octets, before it is
// folded (RFC 5545, 3.1). The CRLF is not counted.
const maxLine = 75

// Options says what a plan's calendar needs besides the plan.
type Options struct {
	Name     string    // the calendar's name, e.g. "Utkast til fremdriftsplan for ABC AS"
	Language lang.Lang // the language of summaries and descriptions
	// Stamp is when the file was made: every event's DTSTAMP. It comes from
	// the caller's clock, so that tests can fix it.
	Stamp time.Time
	// Key tells one plan's events from another's in their UIDs: the deal, or
	// the buyer's company. Plans with the same key and event texts share UIDs.
	Key      string
	FollowUp time.Time // the follow-up call; zero for none
	CallWith string    // whom the seller calls, e.g. "Ole Olsen"
}

// WritePlan writes the plan as an iCalendar file: one all-day event per plan
// event, checkpoints marked in the summary, and the follow-up call. The file
// is laid out whole before it is written, so a failure writes nothing.
func WritePlan(w io.Writer, p *followup.Plan, o Options) error {
	if p == nil {
		return followup.Errorf(followup.EINVALID, "render plan ics: there is no plan to render")
	}
	if o.Stamp.IsZero() {
		return followup.Errorf(followup.EINTERNAL, "render plan ics: no time stamp was given")
	}

	var b bytes.Buffer
	b.Grow(512 + 400*len(p.Events))
	c := &calendar{b: &b, stamp: o.Stamp.UTC().Format("20060102T150405Z")}
	c.begin(o)
	seen := map[string]int{}
	for _, e := range p.Events {
		key := strings.Join(strings.Fields(strings.ToLower(e.Text)), " ")
		seen[key]++
		c.event(uid(o.Key, key, seen[key]), e.Date, summary(e, o.Language),
			description(e, o.Language), e.Checkpoint)
	}
	if !o.FollowUp.IsZero() {
		c.event(uid(o.Key, "\x00follow-up call", 1), o.FollowUp, callSummary(o), "", false)
	}
	c.line("END:VCALENDAR")

	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("render plan ics: %w", err)
	}
	return nil
}

// calendar lays out the content lines of one calendar.
type calendar struct {
	b     *bytes.Buffer
	stamp string
}

// begin writes the calendar's own properties.
func (c *calendar) begin(o Options) {
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//followup//progress plan//" + strings.ToUpper(langCode(o.Language)))
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	if o.Name != "" {
		c.line("X-WR-CALNAME:" + escape(o.Name))
	}
}

// event writes one all-day event on day d.
func (c *calendar) event(uid string, d time.Time, summary, description string, checkpoint bool) {
	c.line("BEGIN:VEVENT")
	c.line("UID:" + uid)
	c.line("DTSTAMP:" + c.stamp)
	c.line("DTSTART;VALUE=DATE:" + d.Format("20060102"))
	c.line("DTEND;VALUE=DATE:" + d.AddDate(0, 0, 1).Format("20060102"))
	c.line("SUMMARY:" + escape(summary))
	if description != "" {
		c.line("DESCRIPTION:" + escape(description))
	}
	if checkpoint {
		c.line("CATEGORIES:CHECKPOINT")
	}
	// An all-day plan event does not make anyone busy for the whole day.
	c.line("TRANSP:TRANSPARENT")
	c.line("END:VEVENT")
}

// line writes one content line, folded to lines of at most [maxLine] octets
// without splitting a character, and ended with CRLF.
func (c *calendar) line(s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.b.WriteString(s[:cut])
		c.b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the space that starts a continuation counts
	}
	c.b.WriteString(s)
	c.b.WriteString("\r\n")
}

// escape writes s as an iCalendar TEXT value: backslash, semicolon, comma
// and line breaks escaped, other control characters (a CR too) dropped.
func escape(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	// The characters to escape are ASCII, so going byte by byte never
	// splits a character.
	b := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t' || (c >= ' ' && c != 0x7f):
			b = append(b, c)
		}
	}
	return string(b)
}

// needsEscape reports whether a character of TEXT is escaped or dropped.
func needsEscape(r rune) bool {
	return r == '\\' || r == ';' || r == ',' || r == 0x7f || (r < ' ' && r != '\t')
}

// uid makes an event's UID from the plan's key, the event's text and which
// occurrence of that text it is, so it survives a change of date.
func uid(key, text string, n int) string {
	sum := sha256.Sum256([]byte(key + "\x00" + text + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(sum[:16]) + "@followup"
}

// summary is an event's title in a calendar: its text, marked when it is a
// checkpoint.
func summary(e followup.Event, lg lang.Lang) string {
	if !e.Checkpoint {
		return e.Text
	}
	if lg == lang.English {
		return "Checkpoint: " + e.Text
	}
	return "Milepæl: " + e.Text
}

// description says who owns the event, its kind, and what a checkpoint means.
func description(e followup.Event, lg lang.Lang) string {
	var lines []string
	en := lg == lang.English
	if e.Owner != "" {
		lines = append(lines, pick(en, "Owner: ", "Eier: ")+lg.Owner(string(e.Owner)))
	}
	if e.Kind != "" {
		lines = append(lines, pick(en, "Kind: ", "Type: ")+e.Kind.Word(lg))
	}
	if e.Checkpoint {
		lines = append(lines, pick(en, "After this checkpoint either side may go on or stop.",
			"Etter denne milepælen kan begge parter gå videre eller avslutte."))
	}
	if e.Note != "" {
		lines = append(lines, e.Note)
	}
	return strings.Join(lines, "\n")
}

// callSummary is the title of the follow-up call.
func callSummary(o Options) string {
	en := o.Language == lang.English
	if o.CallWith == "" {
		return pick(en, "Follow-up call about the progress plan",
			"Oppfølgingssamtale om fremdriftsplanen")
	}
	return pick(en, "Call "+o.CallWith+" about the progress plan",
		"Ring "+o.CallWith+" om fremdriftsplanen")
}

func pick(english bool, en, nb string) string {
	if english {
		return en
	}
	return nb
}

// langCode returns the language code for PRODID: en or nb.
func langCode(l lang.Lang) string {
	if l == lang.English {
		return "en"
	}
	return "nb"
}
