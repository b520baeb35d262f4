package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"followup"
	"followup/sqlstore"
)

// TestConcurrentWritersSQLite has 8 writers each make many small write
// transactions that read before they write, while a reader reads: none may
// fail with "database is locked".
func TestConcurrentWritersSQLite(t *testing.T) {
	const writers, each = 8, 40
	db := mustOpenDB(t, "sqlite")
	f := seed(t, db)
	ctx := context.Background()

	var wg sync.WaitGroup
	errs := make(chan error, writers*each+1)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				errs <- db.WithTx(ctx, func(tx *sqlstore.Tx) error {
					if _, err := tx.FindDealByID(ctx, f.deal.ID); err != nil {
						return err
					}
					return tx.CreateFollowUp(ctx, &followup.FollowUp{DealID: f.deal.ID,
						OwnerID: f.seller.ID, Kind: followup.FollowUpMail,
						Due: day(2002, 2, 1+i%20), Purpose: fmt.Sprintf("skriver %d, nr %d", w, i)})
				})
			}
		})
	}
	wg.Go(func() {
		for range each {
			if _, err := db.Agenda(ctx, followup.AgendaQuery{SellerID: f.seller.ID,
				Date: day(2002, 3, 1)}); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent write: %v", err)
		}
	}
	a, err := db.Agenda(ctx, followup.AgendaQuery{SellerID: f.seller.ID, Date: day(2002, 3, 1)})
	must(t, err)
	if got, want := len(a.Due), writers*each; got != want {
		t.Errorf("follow-ups stored = %d, want %d", got, want)
	}
}

// TestConcurrentProcessesSQLite opens the same file twice, as two followup
// processes would, and writes through both at once.
func TestConcurrentProcessesSQLite(t *testing.T) {
	dsn := newDSN(t, "sqlite")
	ctx := context.Background()
	var dbs []*sqlstore.DB
	for range 2 {
		db, err := sqlstore.Open(ctx, dsn)
		must(t, err)
		t.Cleanup(func() { db.Close() })
		dbs = append(dbs, db)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*4*25)
	for p, db := range dbs {
		for w := range 4 {
			wg.Go(func() {
				for i := range 25 {
					errs <- db.CreateTeam(ctx, &followup.Team{Name: fmt.Sprintf("lag %d-%d-%d", p, w, i)})
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("write from two processes: %v", err)
		}
	}
	teams, err := dbs[0].ListTeams(ctx)
	must(t, err)
	if len(teams) != 200 {
		t.Errorf("teams = %d, want 200", len(teams))
	}
}
