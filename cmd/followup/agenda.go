package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"followup"
	"followup/sqlstore"
	"followup/workday"
)

// agendaCmd shows what is due: the open follow-ups due on the day and
// before, oldest first, and the open deals that have no follow-up at all.
type agendaCmd struct {
	Seller string `placeholder:"NAME|EMAIL|ID" help:"Only this seller's agenda (default: every seller's, one after the other)."`
	Date   string `placeholder:"DATE" help:"The day, as YYYY-MM-DD or DD.MM.YYYY (default today)."`
}

func (c *agendaCmd) Run(ctx context.Context, m *Main, g *cli) error {
	day := workday.Day(m.Now())
	if c.Date != "" {
		var err error
		if day, err = flagDate("--date", c.Date); err != nil {
			return err
		}
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		q := followup.AgendaQuery{Date: day}
		if c.Seller != "" {
			u, err := findSeller(ctx, db, "--seller", c.Seller)
			if err != nil {
				return err
			}
			q.SellerID = u.ID
		}
		a, err := db.Agenda(ctx, q)
		if err != nil {
			return err
		}
		sellers, err := agendaSellers(ctx, db, a)
		if err != nil {
			return err
		}
		return writeAgenda(m.Stdout, a, sellers)
	})
}

// sellerAgenda is one seller's part of an agenda.
type sellerAgenda struct {
	name      string
	due       []followup.AgendaItem
	unplanned []unplannedDeal
}

// unplannedDeal is an open deal with no open follow-up, with its
// organisation's name.
type unplannedDeal struct {
	deal         *followup.Deal
	organisation string
}

// agendaSellers splits the agenda by seller, sellers by name.
func agendaSellers(ctx context.Context, db *sqlstore.DB, a *followup.Agenda) ([]*sellerAgenda,
	error) {
	users, err := db.ListUsers(ctx, followup.UserFilter{})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*sellerAgenda, len(users))
	var order []*sellerAgenda
	for _, u := range users {
		byID[u.ID] = &sellerAgenda{name: u.Name}
		order = append(order, byID[u.ID])
	}
	for _, it := range a.Due {
		s := byID[it.FollowUp.OwnerID]
		s.due = append(s.due, it)
	}
	if err := addUnplanned(ctx, db, a.Unplanned, byID); err != nil {
		return nil, err
	}
	kept := order[:0]
	for _, s := range order {
		if len(s.due) > 0 || len(s.unplanned) > 0 {
			kept = append(kept, s)
		}
	}
	return kept, nil
}

// addUnplanned adds each deal without a follow-up to its owner's part, with
// the name of its organisation.
func addUnplanned(ctx context.Context, db *sqlstore.DB, deals []*followup.Deal,
	byID map[int64]*sellerAgenda) error {
	orgs := map[int64]string{}
	for _, d := range deals {
		if _, ok := orgs[d.OrganisationID]; !ok {
			o, err := db.FindOrganisationByID(ctx, d.OrganisationID)
			if err != nil {
				return err
			}
			orgs[d.OrganisationID] = o.Name
		}
		s := byID[d.OwnerID]
		s.unplanned = append(s.unplanned, unplannedDeal{d, orgs[d.OrganisationID]})
	}
	return nil
}

// writeAgenda writes each seller's follow-ups and deals without one.
func writeAgenda(w io.Writer, a *followup.Agenda, sellers []*sellerAgenda) error {
	fmt.Fprintf(w, "Agenda for %s %s\n", a.Date.Weekday(), isoDay(a.Date))
	if len(sellers) == 0 {
		fmt.Fprintln(w, "\nNothing is due, and every open deal has a follow-up.")
		return nil
	}
	for _, s := range sellers {
		fmt.Fprintf(w, "\n%s\n", s.name)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		if len(s.due) == 0 {
			fmt.Fprintln(tw, "  nothing due")
		} else {
			fmt.Fprintln(tw, "  ID\tDUE\tOVERDUE\tKIND\tDEAL\tFOR")
		}
		for _, it := range s.due {
			f := it.FollowUp
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%d %s (%s)\t%s\n", f.ID, isoDay(f.Due),
				overdue(f.Due, a.Date), f.Kind, f.DealID, it.DealTitle, it.Organisation,
				f.Purpose)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		writeUnplanned(w, s.unplanned)
	}
	return nil
}

func writeUnplanned(w io.Writer, deals []unplannedDeal) {
	if len(deals) == 0 {
		return
	}
	fmt.Fprintln(w, "  Deals with no open follow-up:")
	for _, d := range deals {
		fmt.Fprintf(w, "    %d %q (%s)\n", d.deal.ID, d.deal.Title, d.organisation)
	}
}

// overdue says how many days a follow-up due on due is late on day.
func overdue(due, day time.Time) string {
	n := int(day.Sub(due).Hours()+12) / 24
	switch {
	case n <= 0:
		return "today"
	case n == 1:
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}

// doneCmd marks a follow-up done.
type doneCmd struct {
	ID      int64  `arg:"" name:"ID" help:"The follow-up's number (followup agenda lists them)."`
	Outcome string `required:"" placeholder:"TEXT" help:"What came of it, e.g. \"letter confirmed\" or \"no answer\"."`
}

func (c *doneCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		f, err := db.CompleteFollowUp(ctx, c.ID, m.Now(), c.Outcome)
		if err != nil {
			return flagMessage(err, "a done follow-up needs an outcome", "--outcome")
		}
		fmt.Fprintf(m.Stdout, "follow-up %d done at %s: %s\n", f.ID, clock(f.DoneAt), f.Outcome)
		return nil
	})
}

// moveCmd moves a follow-up to another day.
type moveCmd struct {
	ID     int64  `arg:"" name:"ID" help:"The follow-up's number (followup agenda lists them)."`
	To     string `required:"" placeholder:"DATE" help:"The new day, as YYYY-MM-DD or DD.MM.YYYY."`
	Reason string `required:"" placeholder:"TEXT" help:"Why it moves."`
}

func (c *moveCmd) Run(ctx context.Context, m *Main, g *cli) error {
	to, err := flagDate("--to", c.To)
	if err != nil {
		return err
	}
	if strings.TrimSpace(c.Reason) == "" {
		return followup.Errorf(followup.EINVALID, "--reason is empty: say why the follow-up moves")
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		f, err := db.MoveFollowUp(ctx, c.ID, to, c.Reason)
		if err != nil {
			return err
		}
		mv := f.Moves[len(f.Moves)-1]
		fmt.Fprintf(m.Stdout, "follow-up %d moved from %s to %s: %s\n", f.ID, isoDay(mv.From),
			isoDay(mv.To), mv.Reason)
		if warning := moveWarning(to, workday.Day(m.Now())); warning != "" {
			fmt.Fprintln(m.Stderr, "warning: "+warning)
		}
		return nil
	})
}

// moveWarning says what is odd about a day to move a follow-up to, naming
// the next business day; "" when nothing is.
func moveWarning(to, today time.Time) string {
	var cal workday.Calendar
	switch {
	case to.Before(today):
		next := cal.OnOrAfter(today)
		return fmt.Sprintf("--to %s is in the past (today is %s), so the follow-up is "+
			"overdue at once; the first business day from today is %s %s", isoDay(to),
			isoDay(today), next.Weekday(), isoDay(next))
	case !cal.IsBusinessDay(to):
		why := "a " + to.Weekday().String()
		if names := workday.HolidaysOn(to); len(names) > 0 {
			why = strings.Join(names, " and ") + ", a public holiday"
		}
		next := cal.Next(to)
		return fmt.Sprintf("--to %s is %s; the next business day is %s %s", isoDay(to), why,
			next.Weekday(), isoDay(next))
	}
	return ""
}
