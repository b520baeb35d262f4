package main

import (
	"context"
	"strconv"
	"strings"

	"followup"
	"followup/sqlstore"
)

// openStore opens the store that --db names, on the program's clock, so that
// every time the store records is the one Main.Now gives.
func (m *Main) openStore(ctx context.Context, dsn string) (*sqlstore.DB, error) {
	db, err := sqlstore.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	db.Now = m.Now
	return db, nil
}

// withStore opens the store, runs fn on it as the actor, and closes it.
func (m *Main) withStore(ctx context.Context, dsn, actor string,
	fn func(ctx context.Context, db *sqlstore.DB) error) error {
	db, err := m.openStore(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(followup.NewContextWithActor(ctx, followup.Actor{Name: actor}), db)
}

// cliActor is who the audit log names for a change made on the command line.
const cliActor = "followup cli"

// findSeller finds a user named on the command line by number, e-mail or name.
func findSeller(ctx context.Context, db *sqlstore.DB, flag, s string) (*followup.User, error) {
	s = strings.TrimSpace(s)
	var u *followup.User
	var err error
	if id, convErr := strconv.ParseInt(s, 10, 64); convErr == nil {
		u, err = db.FindUserByID(ctx, id)
	} else if strings.Contains(s, "@") {
		u, err = db.FindUserByEmail(ctx, s)
	} else {
		u, err = db.FindUserByName(ctx, s)
	}
	if followup.ErrorCode(err) == followup.ENOTFOUND {
		return nil, followup.Errorf(followup.ENOTFOUND, "%s %q: %s; give a seller's name, "+
			"e-mail or number", flag, s, followup.ErrorMessage(err))
	}
	return u, err
}
