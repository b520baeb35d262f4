// Package sqlstore is followup's one store, on SQLite (the embedded default)
// and on PostgreSQL (for teams that share one database between several
// servers). It implements the service interfaces of package followup.
//
// One SQL text serves both engines where the SQL allows: both bind $1..$n by
// number. Calendar days are stored as YYYY-MM-DD text on SQLite and as date on
// PostgreSQL; times are UTC. Every change runs in one transaction with its
// audit row; on SQLite all writes go through a single connection, so writers
// queue in Go instead of failing with "database is locked".
//
// Methods on [DB] run each in their own transaction. To make several changes
// at once, such as an import of a notes file, use [DB.WithTx]: the methods of
// [Tx] are the same, bound to one transaction.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"followup"
)

// DB is an open store. It is safe for concurrent use.
type DB struct {
	write   *sql.DB // every write transaction; one connection on SQLite
	read    *sql.DB // reads outside a transaction; the same pool as write on PostgreSQL
	dialect dialect
	name    string // the DSN without a password, for messages

	// Now returns the current time. Tests set it to a fixed time.
	Now func() time.Time
}

// Open opens the store named by dsn and brings its schema up to date. dsn is
// "sqlite:PATH", a bare path ending in .db, or a postgres:// (postgresql://)
// URL. A bad dsn or a file that is not SQLite is an EINVALID error; a server
// that cannot be reached is an EINTERNAL error. Both name the database.
func Open(ctx context.Context, dsn string) (*DB, error) {
	target, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	var db *DB
	switch target.dialect {
	case sqliteDialect:
		db, err = openSQLite(ctx, target)
	default:
		db, err = openPostgres(ctx, target)
	}
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the store's connections.
func (db *DB) Close() error {
	err := db.write.Close()
	if db.read != db.write {
		err = errors.Join(err, db.read.Close())
	}
	return err
}

// Engine returns "sqlite" or "postgres".
func (db *DB) Engine() string { return string(db.dialect) }

// Name returns the database's address without a password, for messages.
func (db *DB) Name() string { return db.name }

// SQL returns the connection pools for bare queries, for benchmarks and bulk
// loads: write for changes (one connection on SQLite), read for queries.
func (db *DB) SQL() (write, read *sql.DB) { return db.write, db.read }

// now returns the current time in UTC to the microsecond, the precision both
// engines keep.
func (db *DB) now() time.Time {
	return db.Now().UTC().Truncate(time.Microsecond)
}

// Tx is a write transaction. Its methods are those of [DB], run inside it;
// a Tx from [DB.reader] only reads, with no transaction of its own.
type Tx struct {
	db *DB
	q  querier
}

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// WithTx runs fn in one write transaction: committed when fn returns nil,
// rolled back when it returns an error or panics. Reads through tx see the
// transaction's own writes.
//
// NOTE: inside fn, make changes through tx only. On SQLite the one write
// connection is fn's until it returns: a write through db would wait forever.
func (db *DB) WithTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return db.fault("begin transaction", err)
	}
	defer sqlTx.Rollback()

	if err := fn(&Tx{db: db, q: sqlTx}); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return db.fault("commit", err)
	}
	return nil
}

// withReadTx runs fn in a read-only transaction, so that it sees one moment.
func (db *DB) withReadTx(ctx context.Context, fn func(tx *Tx) error) error {
	sqlTx, err := db.read.BeginTx(ctx, db.dialect.readTxOptions())
	if err != nil {
		return db.fault("begin read", err)
	}
	defer sqlTx.Rollback()

	if err := fn(&Tx{db: db, q: sqlTx}); err != nil {
		return err
	}
	return sqlTx.Commit()
}

// reader returns a Tx that reads from the read pool without a transaction.
func (db *DB) reader() *Tx { return &Tx{db: db, q: db.read} }

// inTx runs fn in a write transaction and returns its value.
func inTx[T any](ctx context.Context, db *DB, fn func(tx *Tx) (T, error)) (T, error) {
	var v T
	err := db.WithTx(ctx, func(tx *Tx) error {
		var err error
		v, err = fn(tx)
		return err
	})
	return v, err
}

// fault wraps a driver error that is a fault of ours or of the server.
func (db *DB) fault(what string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", what, err)
	}
	var fe *followup.Error
	if errors.As(err, &fe) {
		return err
	}
	return &followup.Error{
		Code:    followup.EINTERNAL,
		Message: fmt.Sprintf("database %s failed to %s", db.name, what),
		Err:     err,
	}
}
