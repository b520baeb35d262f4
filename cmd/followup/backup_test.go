package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"followup"
	"followup/sqlstore"
)

// followup backup copies the database while another goroutine writes deals
// to it; the copy opens and holds every deal committed before it began.
func TestBackupWhileWriting(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	populate(t, dsn)
	db := openTestDB(t, dsn)
	ctx := context.Background()
	base, err := db.FindDealByID(ctx, 1)
	must(t, err)

	stop, underWay := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(underWay)
		for i := 1; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			d := &followup.Deal{OrganisationID: base.OrganisationID, OwnerID: base.OwnerID,
				Title: fmt.Sprintf("Tilleggsavtale %d", i)}
			if err := db.CreateDeal(ctx, d); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			if i == 20 {
				underWay <- struct{}{}
			}
		}
	})
	<-underWay
	before := countRows(t, db, "deals")
	out := filepath.Join(t.TempDir(), "kopi.db")
	wantRun(t, 0, []string{"Backed up the database to " + out}, "",
		"--db", dsn, "backup", out)
	close(stop)
	wg.Wait()

	copied := openTestDB(t, "sqlite:"+out)
	if got := countRows(t, copied, "deals"); got < before {
		t.Errorf("copy has %d deals, want at least the %d committed before the backup", got,
			before)
	}
	if _, err := copied.FindDealDetail(ctx, 1); err != nil {
		t.Errorf("copy's first deal: %v", err)
	}
}

func countRows(t *testing.T, db *sqlstore.DB, table string) int {
	t.Helper()
	_, read := db.SQL()
	var n int
	must(t, read.QueryRow(`SELECT COUNT(*) FROM `+table).Scan(&n))
	return n
}

func TestBackupRefuses(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	wantRun(t, 0, nil, "", "--db", dsn, "team", "add", "Salg Øst")
	existing := writeFile(t, "finnes.db", "old")
	wantRun(t, 2, []string{"finnes.db exists", "--force"}, "", "--db", dsn, "backup", existing)
	if b, _ := os.ReadFile(existing); string(b) != "old" {
		t.Errorf("refused backup changed the file: %q", b)
	}
	wantRun(t, 0, []string{"Backed up"}, "", "--db", dsn, "backup", "--force", existing)
	teams, err := openTestDB(t, "sqlite:"+existing).ListTeams(context.Background())
	if err != nil || len(teams) != 1 {
		t.Errorf("teams in the forced copy: %d (%v), want 1", len(teams), err)
	}

	wantRun(t, 2, []string{"is PostgreSQL", "pg_dump"}, "",
		"--db", "postgres://salg@127.0.0.1:1/followup", "backup", filepath.Join(t.TempDir(), "k"))
	wantRun(t, 2, []string{"does not exist"}, "",
		"--db", "sqlite:"+filepath.Join(t.TempDir(), "borte.db"), "backup",
		filepath.Join(t.TempDir(), "k.db"))
}
