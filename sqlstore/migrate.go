package sqlstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"followup"
)

// migrationFiles holds the schema's steps, one folder per engine with the same
// version numbers: NNNN_what.sql.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migration is one numbered step of the schema.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the dialect's steps in order.
func (d dialect) migrations() ([]migration, error) {
	dir := "migrations/" + string(d)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var steps []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		text, err := fs.ReadFile(migrationFiles, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		steps = append(steps, migration{version: v, name: e.Name(), sql: string(text)})
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].version < steps[j].version })
	return steps, nil
}

// SchemaVersion returns the newest schema version this build of followup knows.
func SchemaVersion() int {
	steps, _ := sqliteDialect.migrations()
	if len(steps) == 0 {
		return 0
	}
	return steps[len(steps)-1].version
}

// migrate brings the schema up to date, each step in its own transaction. A
// database whose schema is newer than this build is refused: an older binary
// would write rows that the newer schema does not expect.
func (db *DB) migrate(ctx context.Context) error {
	steps, err := db.dialect.migrations()
	if err != nil {
		return err
	}
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at text NOT NULL
	)`
	if _, err := db.write.ExecContext(ctx, create); err != nil {
		return db.fault("create schema_migrations", err)
	}
	for _, m := range steps {
		err := db.WithTx(ctx, func(tx *Tx) error { return tx.applyMigration(ctx, m, steps) })
		if err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies m unless it is applied already. It reads the newest
// version inside the transaction, so that two processes starting at once do
// not both apply a step.
func (tx *Tx) applyMigration(ctx context.Context, m migration, steps []migration) error {
	if tx.db.dialect == postgresDialect {
		const lock = `SELECT pg_advisory_xact_lock(7446811)` // any fixed number of ours
		if _, err := tx.q.ExecContext(ctx, lock); err != nil {
			return tx.db.fault("lock migrations", err)
		}
	}
	var newest int
	const q = `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`
	if err := tx.q.QueryRowContext(ctx, q).Scan(&newest); err != nil {
		return tx.db.fault("read schema version", err)
	}
	known := steps[len(steps)-1].version
	if newest > known {
		return followup.Errorf(followup.EINVALID, "database %s has schema version %d, "+
			"newer than this followup knows (%d): upgrade followup", tx.db.name, newest, known)
	}
	if m.version <= newest {
		return nil
	}
	if _, err := tx.q.ExecContext(ctx, m.sql); err != nil {
		return tx.db.fault("apply migration "+m.name, err)
	}
	const ins = `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`
	now := tx.db.now().Format("2006-01-02 15:04:05Z07:00")
	if _, err := tx.q.ExecContext(ctx, ins, m.version, m.name, now); err != nil {
		return tx.db.fault("record migration "+m.name, err)
	}
	return nil
}
