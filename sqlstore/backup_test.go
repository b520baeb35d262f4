package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"followup"
	"followup/sqlstore"
)

// The copy is the database as it was when the backup began, whole, while a
// writer goes on adding a team and its seller in one transaction at a time.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dsn := newDSN(t, "sqlite")
	db, err := sqlstore.Open(ctx, dsn)
	must(t, err)
	defer db.Close()

	var committed atomic.Int64
	addTeam := func(i int) error {
		return db.WithTx(ctx, func(tx *sqlstore.Tx) error {
			team := &followup.Team{Name: fmt.Sprintf("Lag %d", i)}
			if err := tx.CreateTeam(ctx, team); err != nil {
				return err
			}
			return tx.CreateUser(ctx, &followup.User{Name: fmt.Sprintf("Selger %d", i),
				TeamID: team.ID})
		})
	}
	for i := range 200 {
		must(t, addTeam(i))
		committed.Add(1)
	}

	stop, underWay := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(underWay)
		for i := 200; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := addTeam(i); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			if committed.Add(1) == 220 {
				underWay <- struct{}{}
			}
		}
	})
	<-underWay
	before := committed.Load()
	out := filepath.Join(t.TempDir(), "kopi.db")
	err = sqlstore.Backup(ctx, dsn, out, false)
	during := committed.Load()
	close(stop)
	wg.Wait()
	must(t, err)
	t.Logf("teams committed: %d before the backup, %d when it ended", before, during)

	teams, users := checkCopy(t, out)
	if teams < before || teams > committed.Load() || users != teams {
		t.Errorf("copy has %d teams and %d users; want as many of each, at least the %d "+
			"committed before the backup and at most the %d in the end", teams, users, before,
			committed.Load())
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("copy's mode %v (%v), want 0600: it holds password hashes", info.Mode(), err)
	}
}

// checkCopy opens the copy on its own, checks its integrity and that every
// team has its seller, and returns the counts of teams and users.
func checkCopy(t *testing.T, path string) (teams, users int64) {
	t.Helper()
	c, err := sql.Open("sqlite", path)
	must(t, err)
	defer c.Close()
	var check, mode string
	must(t, c.QueryRow(`PRAGMA integrity_check`).Scan(&check))
	must(t, c.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	if check != "ok" || mode == "wal" {
		t.Errorf("copy: integrity %q, journal mode %q; want ok and a file of its own", check, mode)
	}
	must(t, c.QueryRow(`SELECT COUNT(*) FROM teams`).Scan(&teams))
	must(t, c.QueryRow(`SELECT COUNT(*) FROM users`).Scan(&users))
	c.Close()

	// The copy opens as a store of the same schema.
	db, err := sqlstore.Open(context.Background(), "sqlite:"+path)
	must(t, err)
	defer db.Close()
	return teams, users
}

func TestBackupRefuses(t *testing.T) {
	ctx := context.Background()
	dsn := newDSN(t, "sqlite")
	src, err := sqlstore.Open(ctx, dsn)
	must(t, err)
	src.Close()
	path := strings.TrimPrefix(dsn, "sqlite:")
	dir := t.TempDir()
	existing := filepath.Join(dir, "finnes.db")
	must(t, os.WriteFile(existing, []byte("old"), 0o644))
	notSQLite := filepath.Join(dir, "tekst.db")
	must(t, os.WriteFile(notSQLite, []byte("dette er ingen database"), 0o644))

	tests := []struct {
		name, dsn, out string
		parts          []string
	}{
		{"existing file", dsn, existing, []string{"finnes.db exists", "--force"}},
		{"the database itself", dsn, path, []string{"is the database itself"}},
		{"a folder", dsn, dir, []string{"is a folder"}},
		{"no such folder", dsn, filepath.Join(dir, "nei", "kopi.db"),
			[]string{"cannot write backup", "folder exists"}},
		{"no database", "sqlite:" + filepath.Join(dir, "borte.db"), filepath.Join(dir, "k.db"),
			[]string{"borte.db does not exist"}},
		{"not SQLite", "sqlite:" + notSQLite, filepath.Join(dir, "k.db"),
			[]string{"is not a SQLite database"}},
		{"PostgreSQL", "postgres://salg:hemmelig@127.0.0.1:1/followup", filepath.Join(dir, "k.db"),
			[]string{"is PostgreSQL", "pg_dump --format=custom", "postgres://salg@127.0.0.1:1"}},
		{"bad dsn", "mysql://x", filepath.Join(dir, "k.db"), []string{"--db"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := sqlstore.Backup(ctx, tt.dsn, tt.out, false)
			wantCode(t, err, followup.EINVALID, tt.parts...)
			if strings.Contains(followup.ErrorMessage(err), "hemmelig") {
				t.Errorf("message %q shows the password", followup.ErrorMessage(err))
			}
		})
	}
	if b, _ := os.ReadFile(existing); string(b) != "old" {
		t.Errorf("a refused backup changed the existing file")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("refused backups left %v", leftovers)
	}

	must(t, sqlstore.Backup(ctx, dsn, existing, true))
	checkCopy(t, existing)
}
