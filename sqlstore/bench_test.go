package sqlstore

// The store's benchmarks run on a generated database, on SQLite and, when a
// server is at hand, on PostgreSQL. Each operation has two sub-benchmarks: the
// store's method, and "bare", the very queries the method ran (recorded once
// as it ran), sent through the driver and scanned into nothing but any
// values. The store's sub-benchmark reports its time as a multiple of the
// bare one's as x-bare.
//
//	go test -run '^$' -bench . ./sqlstore/                      # 5,000 deals
//	FOLLOWUP_BENCH_DEALS=500000 go test -run '^$' -bench . ./sqlstore/
//
// The database is generated once per engine per run, in a temporary folder
// (or a database made on the FOLLOWUP_TEST_POSTGRES server), and removed
// after. FOLLOWUP_BENCH_SQLITE and FOLLOWUP_BENCH_POSTGRES may instead name a
// database that `followup gen` made, which is then used as it is.

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"followup"
)

// Environment variables of the benchmarks.
const (
	benchDealsEnv    = "FOLLOWUP_BENCH_DEALS"    // deals to generate; 5,000 when unset
	benchSQLiteEnv   = "FOLLOWUP_BENCH_SQLITE"   // a generated SQLite database to use
	benchPostgresEnv = "FOLLOWUP_BENCH_POSTGRES" // a generated PostgreSQL database to use
	benchServerEnv   = "FOLLOWUP_TEST_POSTGRES"  // a server to generate one on
)

// benchDealsPerSeller keeps one seller's share as at full size: 500,000 deals
// over 200 sellers.
const benchDealsPerSeller = 2500

func BenchmarkStore(b *testing.B) {
	for _, engine := range []string{"sqlite", "postgres"} {
		b.Run(engine, func(b *testing.B) {
			w := benchWorldOf(b, engine)
			for _, op := range w.operations() {
				benchOperation(b, w, op)
			}
		})
	}
}

// benchWorld is a generated database and what the benchmarks read in it.
type benchWorld struct {
	db     *DB
	today  time.Time
	seller int64 // whose agenda is read
	team   int64 // whose pipeline is summed
	deal   int64 // the deal read with everything: one that was quoted
	deals  int   // in the database
}

// benchOp is one operation: the store's method, and how to record the
// queries it runs.
type benchOp struct {
	name  string
	inTx  bool // the method reads in one read transaction
	store func(ctx context.Context) (rows int, err error)
	run   func(ctx context.Context, tx *Tx) error // the method's body, on tx
}

func (w *benchWorld) operations() []benchOp {
	agenda := followup.AgendaQuery{SellerID: w.seller, Date: w.today}
	return []benchOp{
		{"agenda", true, func(ctx context.Context) (int, error) {
			a, err := w.db.Agenda(ctx, agenda)
			return benchLen(a, err, func(a *followup.Agenda) int { return len(a.Due) })
		}, func(ctx context.Context, tx *Tx) error { _, err := tx.Agenda(ctx, agenda); return err }},
		{"deal", true, func(ctx context.Context) (int, error) {
			d, err := w.db.FindDealDetail(ctx, w.deal)
			return benchLen(d, err, dealRecords)
		}, func(ctx context.Context, tx *Tx) error {
			_, err := tx.FindDealDetail(ctx, w.deal)
			return err
		}},
		w.pipelineOp("pipeline-team", w.team),
		w.pipelineOp("pipeline-all", 0),
		w.searchOp("search-rare", GenRareWord),
		w.searchOp("search-common", GenCommonWord),
	}
}

func (w *benchWorld) pipelineOp(name string, team int64) benchOp {
	return benchOp{name, false, func(ctx context.Context) (int, error) {
		sums, err := w.db.PipelineSums(ctx, team)
		return len(sums), err
	}, func(ctx context.Context, tx *Tx) error { _, err := tx.PipelineSums(ctx, team); return err }}
}

func (w *benchWorld) searchOp(name, word string) benchOp {
	return benchOp{name, false, func(ctx context.Context) (int, error) {
		hits, err := w.db.SearchMeetings(ctx, word, 50)
		return len(hits), err
	}, func(ctx context.Context, tx *Tx) error {
		_, err := tx.SearchMeetings(ctx, word, 50)
		return err
	}}
}

func benchLen[T any](v T, err error, n func(T) int) (int, error) {
	if err != nil {
		return 0, err
	}
	return n(v), nil
}

// dealRecords counts what came with a deal.
func dealRecords(d *followup.DealDetail) int {
	return len(d.Contacts) + len(d.Meetings) + len(d.Letters) + len(d.Plans) +
		len(d.FollowUps) + len(d.ProofItems) + len(d.Quotes) + len(d.ValueItems)
}

// benchOperation runs the bare queries, then the store's method, and reports
// the store's time as a multiple of the bare one's.
func benchOperation(b *testing.B, w *benchWorld, op benchOp) {
	ctx := context.Background()
	rows, err := op.store(ctx)
	if err != nil {
		b.Fatalf("%s: %v", op.name, err)
	}
	if rows == 0 {
		b.Fatalf("%s found nothing: the generated data does not fit the benchmark", op.name)
	}
	bare := w.record(b, op)
	var bareNs float64
	b.Run(op.name+"/bare", func(b *testing.B) {
		for b.Loop() {
			if err := bare.replay(ctx, w.db); err != nil {
				b.Fatal(err)
			}
		}
		bareNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run(op.name+"/store", func(b *testing.B) {
		for b.Loop() {
			if _, err := op.store(ctx); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows), "rows")
		if ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N); bareNs > 0 {
			b.ReportMetric(ns/bareNs, "x-bare")
		}
	})
}

// ---- Recording and replaying the store's queries

// recorder passes queries through and keeps each with its arguments.
type recorder struct {
	q     querier
	calls []recordedQuery
}

type recordedQuery struct {
	query string
	args  []any
	cols  int // columns of its result, counted on the first replay
}

func (r *recorder) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	r.calls = append(r.calls, recordedQuery{query: q, args: args})
	return r.q.ExecContext(ctx, q, args...)
}

func (r *recorder) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	r.calls = append(r.calls, recordedQuery{query: q, args: args})
	return r.q.QueryContext(ctx, q, args...)
}

func (r *recorder) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	r.calls = append(r.calls, recordedQuery{query: q, args: args})
	return r.q.QueryRowContext(ctx, q, args...)
}

// bareRun is the recorded queries of one run of a store method.
type bareRun struct {
	inTx  bool
	calls []recordedQuery
}

// record runs the operation's body once on a recording Tx, in a read
// transaction when the store's method reads in one.
func (w *benchWorld) record(b *testing.B, op benchOp) *bareRun {
	ctx := context.Background()
	rec := &recorder{q: w.db.read}
	var sqlTx *sql.Tx
	if op.inTx {
		var err error
		if sqlTx, err = w.db.read.BeginTx(ctx, w.db.dialect.readTxOptions()); err != nil {
			b.Fatal(err)
		}
		defer sqlTx.Rollback()
		rec.q = sqlTx
	}
	if err := op.run(ctx, &Tx{db: w.db, q: rec}); err != nil {
		b.Fatalf("record %s: %v", op.name, err)
	}
	return &bareRun{inTx: op.inTx, calls: rec.calls}
}

// replay sends the recorded queries through the driver, as the store did,
// and reads every row into any values.
func (r *bareRun) replay(ctx context.Context, db *DB) error {
	var q querier = db.read
	if r.inTx {
		tx, err := db.read.BeginTx(ctx, db.dialect.readTxOptions())
		if err != nil {
			return err
		}
		defer tx.Rollback()
		q = tx
	}
	for i := range r.calls {
		if err := r.calls[i].replay(ctx, q); err != nil {
			return err
		}
	}
	if tx, ok := q.(*sql.Tx); ok {
		return tx.Commit()
	}
	return nil
}

func (c *recordedQuery) replay(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, c.query, c.args...)
	if err != nil {
		return fmt.Errorf("%s: %w", c.query, err)
	}
	defer rows.Close()
	if c.cols == 0 {
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		c.cols = len(cols)
	}
	values := make([]any, c.cols)
	dest := make([]any, c.cols)
	for i := range values {
		dest[i] = &values[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ---- The generated database

// benchWorldOf opens the engine's benchmark database: the one its
// environment variable names, or one generated now and removed after.
func benchWorldOf(b *testing.B, engine string) *benchWorld {
	ctx := context.Background()
	dsn := os.Getenv(benchSQLiteEnv)
	if engine == "postgres" {
		dsn = os.Getenv(benchPostgresEnv)
	}
	generate := dsn == ""
	if generate {
		dsn = benchDSN(b, engine)
	}
	db, err := Open(ctx, dsn)
	if err != nil {
		b.Fatalf("open %s: %v", dsn, err)
	}
	b.Cleanup(func() { db.Close() })
	if generate {
		benchGenerate(b, db, benchDeals(b))
	}
	w := benchWorldIn(b, db)
	if want := os.Getenv(benchDealsEnv); !generate && want != "" && want != strconv.Itoa(w.deals) {
		b.Fatalf("%s has %d deals, but %s=%s", db.Name(), w.deals, benchDealsEnv, want)
	}
	return w
}

// benchDeals returns how many deals to generate: FOLLOWUP_BENCH_DEALS, or a
// number that keeps go test -bench quick.
func benchDeals(b *testing.B) int {
	s := os.Getenv(benchDealsEnv)
	if s == "" {
		return 5000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: give a number of deals, e.g. 500000", benchDealsEnv, s)
	}
	return n
}

// benchGenerate fills db with the deals, and logs how long it took.
func benchGenerate(b *testing.B, db *DB, deals int) {
	o := GenOptions{Sellers: max(1, deals/benchDealsPerSeller), Deals: deals, Seed: 1}
	stats, err := db.Generate(context.Background(), o)
	if err != nil {
		b.Fatalf("generate: %v", err)
	}
	b.Logf("generated %d deals, %d rows on %s in %.1f s (%.0f rows/s)", deals, stats.Rows,
		db.Engine(), stats.Elapsed.Seconds(), float64(stats.Rows)/stats.Elapsed.Seconds())
}

// benchDSN returns a new, empty database on the engine, removed after the
// benchmark; it skips PostgreSQL when no server is named.
func benchDSN(b *testing.B, engine string) string {
	if engine == "sqlite" {
		return "sqlite:" + filepath.Join(b.TempDir(), "bench.db")
	}
	server := os.Getenv(benchServerEnv)
	if server == "" {
		b.Skipf("%s and %s are not set: no PostgreSQL to benchmark on",
			benchPostgresEnv, benchServerEnv)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { admin.Close() })
	name := "followup_bench_" + benchRandomHex(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		b.Fatalf("create database %s: %v", name, err)
	}
	b.Cleanup(func() {
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			b.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		b.Fatalf("%s: %v", benchServerEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

func benchRandomHex(b *testing.B) string {
	buf := make([]byte, 6)
	if _, err := rand.Read(buf); err != nil {
		b.Fatal(err)
	}
	return hex.EncodeToString(buf)
}

// benchWorldIn finds what the benchmarks read in a generated database: the
// day it was laid around, the first seller and team, and the newest deal
// with a quote, which has something of every kind.
func benchWorldIn(b *testing.B, db *DB) *benchWorld {
	ctx := context.Background()
	note, err := db.Setting(ctx, GenSetting)
	if err != nil {
		b.Fatalf("%s was not made by followup gen: %v", db.Name(), err)
	}
	var gen struct {
		Today string
		Deals int
	}
	if err := json.Unmarshal([]byte(note), &gen); err != nil {
		b.Fatalf("read setting %s: %v", GenSetting, err)
	}
	w := &benchWorld{db: db, deals: gen.Deals}
	if w.today, err = time.Parse(dayLayout, gen.Today); err != nil {
		b.Fatalf("read setting %s: %v", GenSetting, err)
	}
	const q = `SELECT (SELECT MIN(id) FROM users WHERE role = 'seller'),
		(SELECT MIN(id) FROM teams), (SELECT MAX(deal_id) FROM quotes)`
	var deal sql.NullInt64
	if err := db.read.QueryRowContext(ctx, q).Scan(&w.seller, &w.team, &deal); err != nil {
		b.Fatal(err)
	}
	if w.deal = deal.Int64; !deal.Valid {
		w.deal = 1
	}
	return w
}
