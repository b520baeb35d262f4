package main

import (
	"context"
	"fmt"
	"os"

	"followup/sqlstore"
)

// backupCmd copies a SQLite database while it is in use.
type backupCmd struct {
	File  string `arg:"" name:"FILE" help:"The copy to write, e.g. followup-backup.db."`
	Force bool   `help:"Replace FILE when it exists."`
}

// Run copies the database without opening it as a store: a store would
// first bring the schema up to date, and a backup taken before an upgrade
// must be the database as the old version left it.
func (c *backupCmd) Run(ctx context.Context, m *Main, g *cli) error {
	if err := sqlstore.Backup(ctx, g.DB, c.File, c.Force); err != nil {
		return err
	}
	size := ""
	if info, err := os.Stat(c.File); err == nil {
		size = fmt.Sprintf(" (%d KiB)", (info.Size()+1023)/1024)
	}
	fmt.Fprintf(m.Stdout, "Backed up the database to %s%s.\n", c.File, size)
	return nil
}
