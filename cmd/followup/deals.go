package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"followup"
	"followup/lang"
	"followup/render"
	"followup/sqlstore"
)

// dealsCmd lists deals, a line each.
type dealsCmd struct {
	Seller string `placeholder:"NAME|EMAIL|ID" help:"Only the deals this seller owns."`
	Status string `placeholder:"STATUS" help:"Only deals of this status: open, won, lost or walked."`
}

func (c *dealsCmd) Run(ctx context.Context, m *Main, g *cli) error {
	var f followup.DealFilter
	if c.Status != "" {
		f.Status = followup.DealStatus(strings.ToLower(strings.TrimSpace(c.Status)))
		if !f.Status.Valid() {
			return followup.Errorf(followup.EINVALID, "--status %q is unknown: use open, won, "+
				"lost or walked", c.Status)
		}
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		if c.Seller != "" {
			u, err := findSeller(ctx, db, "--seller", c.Seller)
			if err != nil {
				return err
			}
			f.OwnerID = u.ID
		}
		lines, err := db.ListDealLines(ctx, f)
		if err != nil {
			return err
		}
		if len(lines) == 0 {
			fmt.Fprintln(m.Stdout, "No deals match. Import a meeting's notes with "+
				"followup import NOTES.md to start one.")
			return nil
		}
		return writeDealLines(m.Stdout, lines)
	})
}

// writeDealLines writes deals as a table.
func writeDealLines(w io.Writer, lines []sqlstore.DealLine) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tORGANISATION\tTITLE\tOWNER\tSTATUS\tGRADE\tVALUE\tNEXT FOLLOW-UP")
	for _, l := range lines {
		next := "none"
		if !l.NextFollowUp.IsZero() {
			next = isoDay(l.NextFollowUp)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.Deal.ID, l.Organisation,
			l.Deal.Title, l.Owner, l.Deal.Status, l.Deal.Grade,
			amount(l.Deal.Value, l.Deal.Currency), next)
	}
	return tw.Flush()
}

// amount writes a deal's value the Norwegian way, "kr 125 000", or with its
// own currency code in front when that is not kroner.
func amount(ore int64, currency string) string {
	s := lang.Norwegian.Amount(ore)
	if currency != "" && currency != followup.DefaultCurrency {
		s = currency + strings.TrimPrefix(s, "kr")
	}
	return s
}

// dealCmd shows everything about one deal.
type dealCmd struct {
	ID int64 `arg:"" name:"ID" help:"The deal's number (followup deals lists them)."`
}

func (c *dealCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		d, err := db.FindDealDetail(ctx, c.ID)
		if err != nil {
			return err
		}
		var b strings.Builder
		writeDealDetail(&b, d)
		_, err = io.WriteString(m.Stdout, trimLines(b.String()))
		return err
	})
}

// writeDealDetail writes a deal and everything that belongs to it, a part
// under each heading.
func writeDealDetail(b *strings.Builder, d *followup.DealDetail) {
	writeDealHead(b, d)
	parts := []struct {
		heading string
		write   func(io.Writer, *followup.DealDetail) int
	}{
		{"Contacts", writeContacts},
		{"Meetings", writeMeetings},
		{"Letters", writeLetters},
		{"Plans", writePlans},
		{"Follow-ups", writeFollowUps},
		{"Proof", writeProof},
		{"Quotes", writeQuotes},
	}
	for _, p := range parts {
		fmt.Fprintf(b, "\n%s\n", p.heading)
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		if p.write(tw, d) == 0 {
			fmt.Fprintln(tw, "  none")
		}
		tw.Flush()
	}
}

func writeDealHead(b *strings.Builder, d *followup.DealDetail) {
	deal := d.Deal
	fmt.Fprintf(b, "Deal %d %q: %s, %s\n", deal.ID, deal.Title, deal.Status,
		amount(deal.Value, deal.Currency))
	if deal.StatusReason != "" {
		fmt.Fprintf(b, "Reason: %s\n", deal.StatusReason)
	}
	fmt.Fprintf(b, "Grade: %s\n", deal.Grade)
	if !deal.CloseDate.IsZero() {
		fmt.Fprintf(b, "Close (the seller's estimate): %s\n", isoDay(deal.CloseDate))
	}
	org := d.Organisation
	fmt.Fprintf(b, "Organisation: %d %s", org.ID, org.Name)
	if len(org.Address) > 0 {
		fmt.Fprintf(b, ", %s", strings.Join(org.Address, ", "))
	}
	fmt.Fprintf(b, "\nOwner: %s", d.Owner.Name)
	if d.Owner.Title != "" {
		fmt.Fprintf(b, ", %s", d.Owner.Title)
	}
	fmt.Fprintln(b)
}

func writeContacts(w io.Writer, d *followup.DealDetail) int {
	names := make(map[int64]string, len(d.Contacts))
	for _, c := range d.Contacts {
		names[c.ID] = c.Name
	}
	for _, c := range d.Contacts {
		role := string(c.Role)
		if role == "" {
			role = "-"
		}
		access := ""
		if c.AccessToID != 0 {
			access = "gives access to " + names[c.AccessToID]
		}
		fmt.Fprintf(w, "  %d\t%s\t%s\t%s\t%s\n", c.ID, c.Name, orDash(c.Title), role, access)
	}
	return len(d.Contacts)
}

func writeMeetings(w io.Writer, d *followup.DealDetail) int {
	for _, r := range d.Meetings {
		who := ""
		if len(r.Participants) > 0 {
			who = "with " + strings.Join(r.Participants, ", ")
		}
		fmt.Fprintf(w, "  %d\t%s\t%s letter\t%s\t%s\t%d sections\t%s\n", r.ID, isoDay(r.Held),
			r.Letter, r.Language, orDash(r.Place), len(r.Sections), who)
	}
	return len(d.Meetings)
}

func writeLetters(w io.Writer, d *followup.DealDetail) int {
	for _, l := range d.Letters {
		fmt.Fprintf(w, "  %d\tmeeting %d\t%s\tversion %d\t%s\n", l.ID, l.MeetingID, l.Kind,
			l.Version, letterState(l))
	}
	return len(d.Letters)
}

// letterState says where a letter is and since when.
func letterState(l *followup.LetterRecord) string {
	s := string(l.Status)
	if !l.SentAt.IsZero() {
		s += ", sent " + clock(l.SentAt)
	}
	if !l.ConfirmedAt.IsZero() {
		s += ", confirmed " + clock(l.ConfirmedAt)
	}
	if !l.DisputedAt.IsZero() {
		s += fmt.Sprintf(", disputed %s: %s", clock(l.DisputedAt), l.DisputeNote)
	}
	return s
}

func writeFollowUps(w io.Writer, d *followup.DealDetail) int {
	for _, f := range d.FollowUps {
		state := "open"
		if !f.Open() {
			state = fmt.Sprintf("done %s: %s", clock(f.DoneAt), f.Outcome)
		}
		moves := ""
		for _, mv := range f.Moves {
			moves += fmt.Sprintf("; moved from %s: %s", isoDay(mv.From), mv.Reason)
		}
		fmt.Fprintf(w, "  %d\t%s\tdue %s\t%s\t%s%s\n", f.ID, f.Kind, isoDay(f.Due), state,
			f.Purpose, moves)
	}
	return len(d.FollowUps)
}

func writeProof(w io.Writer, d *followup.DealDetail) int {
	for _, p := range d.ProofItems {
		fmt.Fprintf(w, "  %d\t%s\t%s\n", p.ID, describeProof(p), orDash(p.Outcome))
	}
	return len(d.ProofItems)
}

func writeQuotes(w io.Writer, d *followup.DealDetail) int {
	for _, q := range d.Quotes {
		gate := "through the gate"
		if q.Premature() {
			gate = fmt.Sprintf("override by user %d: %s", q.OverrideBy, q.OverrideReason)
		}
		fmt.Fprintf(w, "  %d\t%s\t%s\t%s\n", q.ID, amount(q.Amount, d.Deal.Currency),
			clock(q.QuotedAt), gate)
	}
	return len(d.Quotes)
}

// trimLines drops the spaces a table pads its last, empty cells with.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clock writes a time to the minute, in UTC as stored.
func clock(t time.Time) string { return t.UTC().Format("2006-01-02 15:04") }

// writePlans writes each plan version with its table, in the language of the
// meeting it came with. The table's lines pass through the part's tabwriter
// whole, since they hold no tabs.
func writePlans(w io.Writer, d *followup.DealDetail) int {
	languages := make(map[int64]lang.Lang, len(d.Meetings))
	for _, r := range d.Meetings {
		languages[r.ID] = r.Language
	}
	for _, p := range d.Plans {
		state := "draft"
		if !p.AgreedAt.IsZero() {
			state = "agreed " + clock(p.AgreedAt)
		}
		fmt.Fprintf(w, "  version %d (plan %d, meeting %d): %s\n", p.Version, p.ID,
			p.MeetingID, state)
		lg := languages[p.MeetingID]
		if lg == "" {
			lg = lang.Norwegian
		}
		t := followup.ComposePlanTable(&p.Plan, lg, d.Organisation.Name, !p.AgreedAt.IsZero(),
			time.Time{}, time.Time{})
		var table strings.Builder
		if err := render.Plan(&table, t, lg, render.Text); err != nil {
			fmt.Fprintf(w, "    (the plan cannot be shown: %v)\n", err)
			continue
		}
		for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	return len(d.Plans)
}
