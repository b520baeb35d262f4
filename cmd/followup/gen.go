package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"followup/sqlstore"
)

// genCmd fills a new database with made-up deals, for trials and benchmarks.
type genCmd struct {
	Sellers int    `default:"10" help:"How many sellers, in teams of ten with a manager each."`
	Deals   int    `default:"1000" help:"How many deals, spread evenly over the sellers."`
	Seed    uint64 `default:"1" help:"The same seed on the same day makes the same data."`
}

// genActor is who the audit log names for a generated database.
const genActor = "followup gen"

func (c *genCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, genActor, func(ctx context.Context, db *sqlstore.DB) error {
		stats, err := db.Generate(ctx, sqlstore.GenOptions{
			Sellers:  c.Sellers,
			Deals:    c.Deals,
			Seed:     c.Seed,
			Today:    m.Now(),
			Progress: c.progress(m, db.Name()),
		})
		if err != nil {
			return err
		}
		return writeGenStats(m.Stdout, stats)
	})
}

// progress returns a Progress that says what is made once the work begins
// (after the options and the database passed their checks), and then prints
// a line per step on standard error.
func (c *genCmd) progress(m *Main, dbName string) func(sqlstore.GenProgress) {
	started := false
	return func(p sqlstore.GenProgress) {
		if !started {
			started = true
			fmt.Fprintf(m.Stdout, "Making %d deals for %d sellers in %s (seed %d)\n",
				c.Deals, c.Sellers, dbName, c.Seed)
		}
		fmt.Fprintf(m.Stderr, "gen: %-22s %8d of %d deals, %10d rows, %7.1f s\n",
			p.Step, p.Deals, c.Deals, p.Rows, p.Elapsed.Seconds())
	}
}

// writeGenStats prints the rows made per table, and how fast.
func writeGenStats(w io.Writer, s *sqlstore.GenStats) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, t := range s.Tables {
		fmt.Fprintf(tw, "%s\t%d\t\n", t.Table, t.Rows)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	secs := max(s.Elapsed.Seconds(), time.Millisecond.Seconds())
	_, err := fmt.Fprintf(w, "Made %d rows in %.1f s (%.0f rows/s). Search the notes for %q "+
		"(in about every other meeting) or %q (in one deal in 5000).\n",
		s.Rows, s.Elapsed.Seconds(), float64(s.Rows)/secs, sqlstore.GenCommonWord,
		sqlstore.GenRareWord)
	return err
}
