package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"followup"
	"followup/sqlstore"
)

// pgEnv names the PostgreSQL server that the store's commands are also
// tested on.
const pgEnv = "FOLLOWUP_TEST_POSTGRES"

// eachEngine runs fn as a subtest per engine, each with the DSN of a new,
// empty database: SQLite always, PostgreSQL when pgEnv names a server.
func eachEngine(t *testing.T, fn func(t *testing.T, dsn string)) {
	t.Helper()
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) { fn(t, newTestDSN(t, engine)) })
	}
}

// newTestDSN returns the --db of a new, empty database on the engine: a file in a
// temporary folder, or a database made on the test server for the test and
// dropped at its end unless it failed.
func newTestDSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return "sqlite:" + filepath.Join(t.TempDir(), "followup.db")
	}
	server := os.Getenv(pgEnv)
	if server == "" {
		t.Skipf("%s is not set: run bash scripts/test.sh to test on PostgreSQL too", pgEnv)
	}
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	name := "followup_cmd_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() { dropTestDatabase(t, server, name) })
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", pgEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

func dropTestDatabase(t testing.TB, server, name string) {
	if t.Failed() {
		t.Logf("kept PostgreSQL database %s of the failed test", name)
		return
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Error(err)
		return
	}
	defer admin.Close()
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
		t.Errorf("drop database %s: %v", name, err)
	}
}

// runOK runs followup with --db first and fails the test unless it exits 0.
func runOK(t testing.TB, dsn string, args ...string) string {
	t.Helper()
	stdout, stderr, status := run(t, append([]string{"--db", dsn}, args...)...)
	if status != 0 {
		t.Fatalf("followup %s: status %d\n%s", strings.Join(args, " "), status, stderr)
	}
	return stdout
}

// runFails runs followup with --db first and fails the test unless it exits
// with the status and says every one of parts on stderr.
func runFails(t testing.TB, dsn string, status int, parts []string, args ...string) {
	t.Helper()
	_, stderr, got := run(t, append([]string{"--db", dsn}, args...)...)
	if got != status {
		t.Errorf("followup %s: status %d, want %d\n%s", strings.Join(args, " "), got, status,
			stderr)
	}
	for _, p := range parts {
		if !strings.Contains(stderr, p) {
			t.Errorf("followup %s: stderr does not say %q:\n%s", strings.Join(args, " "), p,
				stderr)
		}
	}
}

// openTestDB opens the database for a test to look into.
func openTestDB(t testing.TB, dsn string) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// example returns the path of one of the project's example notes files.
func example(name string) string { return filepath.Join("..", "..", "examples", name) }

// testNow is the clock of run: Thursday 10 January 2002, 09:00 UTC.
var testNow = time.Date(2002, 1, 10, 9, 0, 0, 0, time.UTC)

func TestStoreBadDB(t *testing.T) {
	dir := t.TempDir()
	notSQLite := writeFile(t, "notes.db", "# Smerte\n- for mange feilplukk\n")
	tests := []struct {
		name  string
		dsn   string
		parts []string
	}{
		{"unknown scheme", "mysql://root@localhost/followup",
			[]string{"--db", "mysql://root@localhost/followup", "postgres://"}},
		{"no form followup knows", "followup", []string{"--db", "sqlite:PATH"}},
		{"malformed URL", "postgres://anna:secret@local host:x/db", []string{"--db",
			"not a valid URL"}},
		{"no database in the URL", "postgres://anna@localhost:5432", []string{"names no database"}},
		{"a file that is not SQLite", "sqlite:" + notSQLite,
			[]string{notSQLite, "is not a SQLite database"}},
		{"a folder", "sqlite:" + dir, []string{"is a folder"}},
		{"PostgreSQL down", "postgres://anna:secret@127.0.0.1:1/followup?connect_timeout=2",
			[]string{"cannot reach PostgreSQL", "127.0.0.1:1"}},
	}
	commands := [][]string{{"deals"}, {"import", example("abc-sponsor.md")}, {"agenda"},
		{"letter", "--deal", "1"}}
	for _, tt := range tests {
		for _, cmd := range commands {
			t.Run(tt.name+"/"+cmd[0], func(t *testing.T) {
				_, stderr, status := run(t, append(append([]string{}, cmd...), "--db", tt.dsn)...)
				if status != 2 {
					t.Errorf("status %d, want 2", status)
				}
				for _, p := range tt.parts {
					if !strings.Contains(stderr, p) {
						t.Errorf("stderr does not say %q:\n%s", p, stderr)
					}
				}
				if strings.Contains(stderr, "secret") || strings.Count(stderr, "\n") > 1 {
					t.Errorf("want one line without the password:\n%s", stderr)
				}
			})
		}
	}
}

func TestStoreDBFlagBeforeOrAfter(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	runOK(t, dsn, "import", example("abc-sponsor.md"))
	tests := []struct {
		name string
		args []string
	}{
		{"before the subcommand", []string{"--db", dsn, "deals"}},
		{"after the subcommand", []string{"deals", "--db", dsn}},
		{"with =, after", []string{"deals", "--db=" + dsn}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, status := run(t, tt.args...)
			if status != 0 || !strings.Contains(stdout, "ABC AS") {
				t.Errorf("status %d, stdout %q, stderr %q; want the deal", status, stdout, stderr)
			}
		})
	}
	t.Run("from FOLLOWUP_DB", func(t *testing.T) {
		t.Setenv("FOLLOWUP_DB", dsn)
		stdout, _, status := run(t, "deals")
		if status != 0 || !strings.Contains(stdout, "ABC AS") {
			t.Errorf("status %d, stdout %q; want the deal", status, stdout)
		}
	})
}

func TestStoreClockAndActor(t *testing.T) {
	dsn := newTestDSN(t, "sqlite")
	runOK(t, dsn, "import", example("abc-sponsor.md"))
	db := openTestDB(t, dsn)
	entries, err := db.ListAudit(context.Background(), followup.AuditFilter{Entity: "deal"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || !entries[0].At.Equal(testNow) || entries[0].Actor != importActor {
		t.Errorf("audit of the deal = %+v; want one row at %v by %q", entries, testNow,
			importActor)
	}
}
