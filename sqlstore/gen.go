package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"followup"
	"followup/lang"
)

// GenCommonWord is a word that [DB.Generate] puts in about every other
// meeting's notes, so that a search for it has a match in half the meetings.
const GenCommonWord = "leveringstid"

// GenRareWord is a word that [DB.Generate] puts in the notes of the first
// meeting of one deal in 5,000 (deal 1, 5001, ...), so a search for it has
// few matches, and at least one.
const GenRareWord = "karbonfangst"

// genRareWords are the rare words of the notes and how often they come: in
// the first meeting of every every-th deal, counted from the first.
var genRareWords = []struct {
	word, item string
	every      int
}{
	{GenRareWord, "anlegget for karbonfangst må få egen rapportering", 5000},
	{"snøskuter", "serviceteknikerne kjører snøskuter til de fjerneste anleggene", 9000},
	{"fyrlykt", "en gammel fyrlykt står på listen over utstyr som skal vedlikeholdes", 20000},
	{"tidevannskraft", "et forsøk med tidevannskraft trenger egne målinger", 40000},
}

// The limits of [GenOptions]: beyond them the names run out of variety.
const (
	genMaxSellers = 10_000
	genMaxDeals   = 10_000_000
)

// GenOptions says how much [DB.Generate] makes, and from what.
type GenOptions struct {
	Sellers int    // sellers, in teams of ten, each team with a manager
	Deals   int    // deals, spread evenly over the sellers
	Seed    uint64 // the same seed and Today make the same rows

	// Today is the day the data is laid around: deals of the last three
	// years, and follow-ups due in the weeks around it. Zero means the
	// store's clock.
	Today time.Time

	// Progress, when set, hears how far the work has come: at each step and
	// about every twentieth of the deals.
	Progress func(GenProgress)
}

// GenProgress tells how far [DB.Generate] has come.
type GenProgress struct {
	Step    string // what is being done, e.g. "loading" or "indexes"
	Deals   int    // deals written so far
	Rows    int64  // rows written so far, in every table
	Elapsed time.Duration
}

// GenCount is how many rows [DB.Generate] wrote to one table.
type GenCount struct {
	Table string
	Rows  int64
}

// GenStats is what [DB.Generate] made.
type GenStats struct {
	Tables  []GenCount // in the order they were filled
	Rows    int64      // in every table
	Elapsed time.Duration
}

// Generate fills an empty database with made-up but realistic Norwegian data,
// for trials and benchmarks: teams, sellers with quotas, organisations with
// addresses and people in buying roles, deals over every grade and status,
// meetings with about a kilobyte of notes each, letters, plans, follow-ups
// due around Today, proof, quotes and value. The same options make the same
// rows. A database with any team, user, organisation or deal is refused.
//
// Everything is written in one transaction, fast: on SQLite with prepared
// inserts while the secondary indexes, the search index and the foreign key
// checks are set aside; on PostgreSQL with COPY while the indexes and foreign
// keys are set aside. Both are rebuilt at the end, in the same transaction;
// PostgreSQL then vacuums the tables, after the commit.
//
// NOTE: on PostgreSQL the notes' search column, computed by the server as
// each meeting is copied in, bounds the speed: about 5,000 meetings a
// second, against some 400,000 rows a second for the other tables.
func (db *DB) Generate(ctx context.Context, o GenOptions) (*GenStats, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	if o.Today.IsZero() {
		o.Today = db.now()
	}
	g := newGenerator(o, db.dialect)
	g.actor, g.ranAt = followup.ActorFromContext(ctx), db.now()
	generate := db.generateSQLite
	if db.dialect == postgresDialect {
		generate = db.generatePostgres
	}
	if err := generate(ctx, g); err != nil {
		return nil, err
	}
	g.stats.Elapsed = time.Since(g.started)
	return g.stats, nil
}

func (o GenOptions) validate() error {
	switch {
	case o.Sellers < 1 || o.Sellers > genMaxSellers:
		return followup.Errorf(followup.EINVALID,
			"--sellers %d is out of range: give 1 to %d sellers", o.Sellers, genMaxSellers)
	case o.Deals < 1 || o.Deals > genMaxDeals:
		return followup.Errorf(followup.EINVALID,
			"--deals %d is out of range: give 1 to %d deals", o.Deals, genMaxDeals)
	}
	return nil
}

// genLoader writes generated rows into one engine, inside one transaction.
type genLoader interface {
	// counts runs a query of one row of integers.
	counts(ctx context.Context, query string, dest ...any) error
	// setAside drops what slows a bulk load and remembers how to rebuild it.
	setAside(ctx context.Context) error
	// load writes rows to table number t of genTables.
	load(ctx context.Context, t int, rows [][]any) error
	// rebuild brings back what setAside dropped, telling each step.
	rebuild(ctx context.Context, step func(string)) error
}

// run checks that the database is empty, then loads every batch and rebuilds
// what was set aside.
func (g *generator) run(ctx context.Context, l genLoader, name string) error {
	if err := g.checkEmpty(ctx, l, name); err != nil {
		return err
	}
	g.report("setting indexes aside")
	if err := l.setAside(ctx); err != nil {
		return err
	}
	if err := g.pump(ctx, l); err != nil {
		return err
	}
	return l.rebuild(ctx, g.report)
}

// checkEmpty refuses a database that holds anything gen would clash with.
func (g *generator) checkEmpty(ctx context.Context, l genLoader, name string) error {
	var deals, others int64
	const q = `SELECT (SELECT COUNT(*) FROM deals), (SELECT COUNT(*) FROM teams) +
		(SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM organisations)`
	if err := l.counts(ctx, q, &deals, &others); err != nil {
		return fmt.Errorf("count rows: %w", err)
	}
	switch {
	case deals > 0:
		return followup.Errorf(followup.EINVALID, "database %s already has deals (%d): gen fills "+
			"only a new, empty database; give it a fresh one with --db", name, deals)
	case others > 0:
		return followup.Errorf(followup.EINVALID, "database %s already has teams, users or "+
			"organisations: gen fills only a new, empty database; give it a fresh one with --db",
			name)
	}
	return nil
}

// pump makes batches in one goroutine and loads them in this one, so that
// making the text and writing it share the machine's cores.
func (g *generator) pump(ctx context.Context, l genLoader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan *genBatch, 2)
	made := make(chan error, 1)
	go func() {
		made <- g.produce(ctx, batches)
		close(batches)
	}()

	var err error
	for b := range batches {
		if err == nil {
			err = g.write(ctx, l, b)
		}
		if err != nil {
			cancel() // and drain, so that the producer can stop
		}
	}
	if perr := <-made; err == nil {
		err = perr
	}
	return err
}

// write loads one batch, table by table, and reports progress.
func (g *generator) write(ctx context.Context, l genLoader, b *genBatch) error {
	for t, rows := range b.rows {
		if len(rows) == 0 {
			continue
		}
		if err := l.load(ctx, t, rows); err != nil {
			return fmt.Errorf("load %s: %w", genTables[t].name, err)
		}
		g.stats.Tables[t].Rows += int64(len(rows))
		g.stats.Rows += int64(len(rows))
	}
	g.dealsDone += b.deals
	if g.dealsDone >= g.nextReport {
		g.report("loading")
		g.nextReport += max(1, g.Deals/20)
	}
	return nil
}

// report tells the caller's Progress, if any, where the work is.
func (g *generator) report(step string) {
	if g.Progress == nil {
		return
	}
	g.Progress(GenProgress{Step: step, Deals: g.dealsDone, Rows: g.stats.Rows,
		Elapsed: time.Since(g.started)})
}

// ---- SQLite

// generateSQLite runs the generator on the one write connection, with foreign
// key checks off, a large page cache and, when no other connection has the
// database open, a rollback journal instead of the write-ahead log; it puts
// all three back afterwards.
//
// NOTE: the rollback journal keeps only the pages a transaction changes that
// existed before it, which for an empty database are a few: the rows are
// written once, into the database file. Through the write-ahead log they
// would be written twice, once to the log and once more at the checkpoint.
func (db *DB) generateSQLite(ctx context.Context, g *generator) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return db.fault("open a connection", err)
	}
	defer conn.Close()
	// PRAGMA foreign_keys cannot change inside a transaction: it is set on
	// the connection, and must be put back before the connection is reused.
	const off = `PRAGMA foreign_keys = OFF; PRAGMA cache_size = -262144;
		PRAGMA journal_mode = DELETE`
	const on = `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000`
	if _, err := conn.ExecContext(ctx, off); err != nil {
		return db.fault("prepare the connection", err)
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), on); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn }) // drop it from the pool
		}
	}()
	return db.generateSQLiteTx(ctx, conn, g)
}

func (db *DB) generateSQLiteTx(ctx context.Context, conn *sql.Conn, g *generator) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return db.fault("begin transaction", err)
	}
	defer tx.Rollback()
	l := &sqliteGen{tx: tx}
	defer l.close()
	if err := g.run(ctx, l, db.name); err != nil {
		return db.fault("generate", err)
	}
	g.report("committing")
	if err := tx.Commit(); err != nil {
		return db.fault("commit", err)
	}
	return nil
}

// sqliteGen loads rows with prepared INSERTs of many rows each.
type sqliteGen struct {
	tx       *sql.Tx
	stmts    map[[2]int]*sql.Stmt // by table and rows per statement
	indexes  []string             // CREATE INDEX statements set aside
	triggers []string             // CREATE TRIGGER statements set aside
}

func (l *sqliteGen) counts(ctx context.Context, query string, dest ...any) error {
	return l.tx.QueryRowContext(ctx, query).Scan(dest...)
}

// setAside drops the secondary indexes and the triggers that keep the search
// index in step: both are cheaper to build once at the end than row by row.
func (l *sqliteGen) setAside(ctx context.Context) error {
	q := `SELECT type, name, sql FROM sqlite_master
		WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN (` +
		genTableList + `)`
	rows, err := l.tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	var drops []string
	for rows.Next() {
		var kind, name, ddl string
		if err := rows.Scan(&kind, &name, &ddl); err != nil {
			rows.Close()
			return err
		}
		if kind == "index" {
			l.indexes = append(l.indexes, ddl)
		} else {
			l.triggers = append(l.triggers, ddl)
		}
		drops = append(drops, `DROP `+strings.ToUpper(kind)+` "`+name+`"`)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	return execAll(ctx, l.tx, drops)
}

// sqliteRowsPerInsert is how many rows one INSERT writes: one statement of
// many rows costs the driver and database/sql about what one of a single row
// costs, and far less per row.
const sqliteRowsPerInsert = 64

func (l *sqliteGen) load(ctx context.Context, t int, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), sqliteRowsPerInsert)
		stmt, err := l.insert(ctx, t, n)
		if err != nil {
			return err
		}
		args := make([]any, 0, n*len(rows[0]))
		for _, row := range rows[:n] {
			args = append(args, row...)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// insert returns the prepared INSERT of n rows into table number t.
func (l *sqliteGen) insert(ctx context.Context, t, n int) (*sql.Stmt, error) {
	if stmt := l.stmts[[2]int{t, n}]; stmt != nil {
		return stmt, nil
	}
	// NOTE: anonymous ? parameters, not $N: SQLite looks each $N up in a list
	// of names, which makes binding hundreds of them quadratic.
	table := genTables[t]
	row := `(?` + strings.Repeat(`, ?`, len(table.cols)-1) + `)`
	q := `INSERT INTO ` + table.name + ` (` + strings.Join(table.cols, ", ") + `) VALUES ` +
		row + strings.Repeat(`, `+row, n-1)
	stmt, err := l.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if l.stmts == nil {
		l.stmts = make(map[[2]int]*sql.Stmt)
	}
	l.stmts[[2]int{t, n}] = stmt
	return stmt, nil
}

// rebuild builds the indexes, then the search index from the notes in one
// pass, then puts back the triggers that keep it in step from now on.
func (l *sqliteGen) rebuild(ctx context.Context, step func(string)) error {
	step("indexes")
	if err := execAll(ctx, l.tx, l.indexes); err != nil {
		return err
	}
	step("search index")
	if err := execAll(ctx, l.tx, ftsRebuild); err != nil {
		return err
	}
	return execAll(ctx, l.tx, l.triggers)
}

// ftsRebuild builds the search index from the notes. A larger buffer of
// words in memory (hashsize, 1 MB by default) halves the time, for FTS5 then
// writes fewer and larger segments and merges them less; it is put back.
var ftsRebuild = []string{
	`INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('hashsize', 134217728)`,
	`INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild')`,
	`INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('hashsize', 1048576)`,
}

func (l *sqliteGen) close() {
	for _, s := range l.stmts {
		if s != nil {
			s.Close()
		}
	}
}

// execAll runs each statement in turn.
func execAll(ctx context.Context, q querier, statements []string) error {
	for _, s := range statements {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// ---- PostgreSQL

// generatePostgres runs the generator in one transaction on one connection,
// through pgx itself, for COPY.
func (db *DB) generatePostgres(ctx context.Context, g *generator) error {
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return db.fault("open a connection", err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("connection is a %T, not pgx's", dc)
		}
		return g.runPostgres(ctx, c.Conn(), db.name)
	})
	if err != nil {
		return db.fault("generate", err)
	}
	return nil
}

// runPostgres runs the generator in a transaction on conn, then vacuums.
func (g *generator) runPostgres(ctx context.Context, conn *pgx.Conn, name string) error {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if err := g.run(ctx, &postgresGen{tx: tx}, name); err != nil {
		return err
	}
	g.report("committing")
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	// VACUUM cannot run in a transaction: it comes after, and so does not
	// undo the load when it fails. It marks the new pages visible to all,
	// which the index-only scans of the pipeline's sums need.
	g.report("vacuum and statistics")
	_, err = conn.Exec(ctx, `VACUUM (ANALYZE) `+genTableNames)
	return err
}

// postgresGen loads rows with COPY.
type postgresGen struct {
	tx      pgx.Tx
	indexes []string // CREATE INDEX statements set aside
	foreign []string // ALTER TABLE ... ADD CONSTRAINT statements set aside
}

func (l *postgresGen) counts(ctx context.Context, query string, dest ...any) error {
	return l.tx.QueryRow(ctx, query).Scan(dest...)
}

// setAside drops the foreign keys and the indexes that back no constraint:
// COPY checking each foreign key row by row is several times slower, and an
// index built once at the end costs less than one kept up row by row.
func (l *postgresGen) setAside(ctx context.Context) error {
	drops, err := l.collect(ctx, pgForeignKeys, func(table, name, def string) string {
		l.foreign = append(l.foreign, `ALTER TABLE `+table+` ADD CONSTRAINT `+name+` `+def)
		return `ALTER TABLE ` + table + ` DROP CONSTRAINT ` + name
	})
	if err != nil {
		return err
	}
	more, err := l.collect(ctx, pgIndexes, func(_, name, def string) string {
		l.indexes = append(l.indexes, def)
		return `DROP INDEX ` + name
	})
	if err != nil {
		return err
	}
	return l.execAll(ctx, append(drops, more...))
}

// pgForeignKeys lists the schema's foreign keys: table, name, definition.
const pgForeignKeys = `SELECT conrelid::regclass::text, quote_ident(conname),
		pg_get_constraintdef(oid)
	FROM pg_constraint WHERE contype = 'f'
	AND connamespace = current_schema()::regnamespace ORDER BY oid`

// pgIndexes lists the indexes of the generator's tables that back no
// constraint: table, name, definition.
var pgIndexes = `SELECT t.relname::text, i.indexrelid::regclass::text,
		pg_get_indexdef(i.indexrelid)
	FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
	WHERE t.relnamespace = current_schema()::regnamespace
	AND t.relname IN (` + genTableList + `)
	AND NOT EXISTS (SELECT 1 FROM pg_constraint c
		WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
	ORDER BY i.indexrelid`

// collect runs a query of three texts per row and returns what fn makes of each.
func (l *postgresGen) collect(ctx context.Context, query string,
	fn func(a, b, c string) string) ([]string, error) {
	rows, err := l.tx.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, b, c string
		if err := rows.Scan(&a, &b, &c); err != nil {
			return nil, err
		}
		out = append(out, fn(a, b, c))
	}
	return out, rows.Err()
}

func (l *postgresGen) load(ctx context.Context, t int, rows [][]any) error {
	table := genTables[t]
	_, err := l.tx.CopyFrom(ctx, pgx.Identifier{table.name}, table.cols, pgx.CopyFromRows(rows))
	return err
}

// rebuild builds the indexes and checks the foreign keys once each, and sets
// the tables' numbering past the rows written.
func (l *postgresGen) rebuild(ctx context.Context, step func(string)) error {
	step("indexes")
	stmts := append([]string{`SET LOCAL maintenance_work_mem = '512MB'`}, l.indexes...)
	if err := l.execAll(ctx, stmts); err != nil {
		return err
	}
	step("foreign keys")
	if err := l.execAll(ctx, l.foreign); err != nil {
		return err
	}
	var seqs []string
	for _, t := range idTables {
		seqs = append(seqs, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
			COALESCE(MAX(id), 0) + 1, false) FROM `+t)
	}
	return l.execAll(ctx, seqs)
}

func (l *postgresGen) execAll(ctx context.Context, statements []string) error {
	for _, s := range statements {
		if _, err := l.tx.Exec(ctx, s); err != nil {
			return fmt.Errorf("%s: %w", firstLine(s), err)
		}
	}
	return nil
}

// ---- Tables

// genTable is a table the generator fills, with the columns it writes.
type genTable struct {
	name string
	cols []string
}

// The tables, numbered in the order they are filled.
const (
	gTeams = iota
	gUsers
	gRefs
	gSettings
	gAudit
	gOrgs
	gContacts
	gDeals
	gMeetings
	gSections
	gLetters
	gPlans
	gEvents
	gFollowUps
	gMoves
	gProofs
	gQuotes
	gValues
	genTableCount
)

var genTables = [genTableCount]genTable{
	gTeams: {"teams", []string{"id", "name", "created_at"}},
	gUsers: {"users", []string{"id", "name", "email", "title", "role", "team_id", "quota",
		"created_at", "updated_at"}},
	gRefs: {"reference_stories", []string{"id", "customer", "industry", "pain", "reasons",
		"result", "measured_result", "contact_id", "created_at"}},
	gSettings: {"settings", []string{"key", "value", "updated_at"}},
	gAudit: {"audit_log", []string{"at", "user_id", "actor", "entity", "entity_id", "action",
		"before", "after"}},
	gOrgs: {"organisations", []string{"id", "name", "name_key", "address", "industry",
		"owner_id", "created_at", "updated_at"}},
	gContacts: {"contacts", []string{"id", "organisation_id", "name", "title", "email",
		"phone", "role", "access_to_id", "created_at", "updated_at"}},
	gDeals: {"deals", []string{"id", "organisation_id", "owner_id", "title", "value",
		"currency", "close_date", "status", "status_reason", "grade", "created_at",
		"updated_at"}},
	gMeetings: {"meetings", []string{"id", "deal_id", "held", "letter_kind", "language",
		"place", "participants", "search_text", "created_at"}},
	gSections: {"meeting_sections", []string{"meeting_id", "position", "kind", "heading",
		"line", "items", "prose"}},
	gLetters: {"letters", []string{"id", "deal_id", "meeting_id", "kind", "language",
		"version", "status", "body", "created_at", "sent_at", "confirmed_at", "disputed_at",
		"dispute_note"}},
	gPlans: {"plans", []string{"id", "deal_id", "meeting_id", "version", "title", "footer",
		"created_at", "agreed_at"}},
	gEvents: {"plan_events", []string{"plan_id", "position", "text", "event_date", "kind",
		"kind_inferred", "owner", "checkpoint", "outcome", "note"}},
	gFollowUps: {"follow_ups", []string{"id", "deal_id", "owner_id", "kind", "due",
		"purpose", "source", "done_at", "outcome", "created_at"}},
	gMoves: {"follow_up_moves", []string{"id", "follow_up_id", "from_date", "to_date",
		"reason", "moved_at"}},
	gProofs: {"proof_items", []string{"id", "deal_id", "kind", "description", "who",
		"customer", "reference_id", "proof_date", "outcome", "created_at"}},
	gQuotes: {"quotes", []string{"id", "deal_id", "amount", "quoted_at", "override_reason",
		"override_by", "created_at"}},
	gValues: {"value_items", []string{"id", "deal_id", "kind", "description", "amount",
		"executive", "created_at"}},
}

// genTableNames and genTableList are the tables' names, as a list of names
// and as a list of SQL texts for the catalog queries.
var genTableNames, genTableList = func() (string, string) {
	names := make([]string, len(genTables))
	texts := make([]string, len(genTables))
	for i, t := range genTables {
		names[i], texts[i] = t.name, `'`+t.name+`'`
	}
	return strings.Join(names, ", "), strings.Join(texts, ", ")
}()

// genBatch is rows for every table, made together.
type genBatch struct {
	rows  [genTableCount][][]any
	deals int // deals in the batch
}

func (b *genBatch) add(t int, values ...any) { b.rows[t] = append(b.rows[t], values) }

// ---- The generator

// How many organisations and deals a batch holds.
const (
	genOrgBatch  = 5000
	genDealBatch = 2000
)

// Salts of the random streams, one per kind of thing made, so that each
// organisation's or deal's rows come from its own stream and can be made
// again alike wherever they are needed.
const (
	saltOrg uint64 = iota + 1
	saltContacts
	saltDeal
	saltPeople
)

// generator makes the rows. Every number in it derives from the options, and
// every row from the seed and the row's own index.
type generator struct {
	GenOptions
	dialect dialect
	today   time.Time // midnight
	teams   int
	orgs    int
	refs    int

	actor      followup.Actor // who ran it, for the audit log
	ranAt      time.Time      // when, by the store's clock
	started    time.Time      // when, by the wall clock, for the elapsed time
	stats      *GenStats
	dealsDone  int
	nextReport int
}

func newGenerator(o GenOptions, d dialect) *generator {
	g := &generator{GenOptions: o, dialect: d, started: time.Now()}
	y, m, day := o.Today.UTC().Date()
	g.today = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	g.teams = (o.Sellers + genTeamSize - 1) / genTeamSize
	g.orgs = max(1, o.Deals/2)
	g.refs = min(g.orgs, max(3, min(400, g.orgs/50)))
	g.stats = &GenStats{}
	for _, t := range genTables {
		g.stats.Tables = append(g.stats.Tables, GenCount{Table: t.name})
	}
	return g
}

// genTeamSize is how many sellers a team has, but the last.
const genTeamSize = 10

// rng returns the random stream of one thing: the salt names its kind, i its
// index.
func (g *generator) rng(salt uint64, i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.Seed^splitMix(salt), splitMix(uint64(i)^salt<<56)))
}

// splitMix scrambles a number, so that neighbouring indexes seed unrelated
// streams.
func splitMix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// produce sends every batch: people first, then organisations, then deals.
func (g *generator) produce(ctx context.Context, out chan<- *genBatch) error {
	send := func(b *genBatch) error {
		select {
		case out <- b:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := send(g.people()); err != nil {
		return err
	}
	for k := 0; k < g.orgs; k += genOrgBatch {
		if err := send(g.orgBatch(k, min(k+genOrgBatch, g.orgs))); err != nil {
			return err
		}
	}
	for i := 0; i < g.Deals; i += genDealBatch {
		if err := send(g.dealBatch(i, min(i+genDealBatch, g.Deals))); err != nil {
			return err
		}
	}
	return nil
}

// day returns a calendar day as the engine takes it in a bulk load.
func (g *generator) day(t time.Time) any {
	if g.dialect == postgresDialect {
		return t
	}
	return t.Format(dayLayout)
}

// dayAt returns the day n days from today.
func (g *generator) dayAt(n int) time.Time { return g.today.AddDate(0, 0, n) }

// at returns a time in working hours on the day.
func at(r *rand.Rand, day time.Time) time.Time {
	return day.Add(8*time.Hour + time.Duration(r.IntN(8*60))*time.Minute)
}

// between returns a day from a to b, both included; a when b is before a.
func between(r *rand.Rand, a, b time.Time) time.Time {
	n := int(b.Sub(a).Hours() / 24)
	if n <= 0 {
		return a
	}
	return a.AddDate(0, 0, r.IntN(n+1))
}

// workdays returns the day n weekdays after day.
func workdays(day time.Time, n int) time.Time {
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if wd := day.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return day
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// jsonList returns a list of texts as JSON.
func jsonList(items []string) string {
	b, _ := json.Marshal(items) // a []string always encodes
	return string(b)
}

// ---- People, teams and the reference library

// User numbers: the admin is 1, the managers follow, one per team, then the
// sellers.
func (g *generator) managerID(team int) int64 { return int64(2 + team) }
func (g *generator) sellerID(s int) int64     { return int64(2 + g.teams + s) }
func (g *generator) teamOf(s int) int         { return s / genTeamSize }

// people returns the teams, users, reference stories and the note of what
// was generated.
func (g *generator) people() *genBatch {
	b := &genBatch{}
	r := g.rng(saltPeople, 0)
	since := at(r, g.dayAt(-3*365-30))
	for t := 0; t < g.teams; t++ {
		b.add(gTeams, int64(t+1), teamName(t), since)
	}
	g.addUser(b, 0, 1, "Systemansvarlig", followup.RoleAdmin, nil, 0, since)
	for t := 0; t < g.teams; t++ {
		g.addUser(b, 1+t, g.managerID(t), "Salgssjef", followup.RoleManager, int64(t+1), 0,
			since)
	}
	for s := 0; s < g.Sellers; s++ {
		quota := int64(3_000_000+r.IntN(90)*100_000) * 100
		g.addUser(b, 1+g.teams+s, g.sellerID(s), sellerTitles[s%len(sellerTitles)],
			followup.RoleSeller, int64(g.teamOf(s)+1), quota, since)
	}
	for i := 0; i < g.refs; i++ {
		g.addReference(b, r, i, since)
	}
	g.addNote(b, since)
	return b
}

// addUser adds user number n (0 the admin, then managers, then sellers).
func (g *generator) addUser(b *genBatch, n int, id int64, title string,
	role followup.Role, team any, quota int64, since time.Time) {
	first, last := userName(n)
	email := asciiFold(first) + "." + asciiFold(last) + "@eksempel.no"
	name := first + " " + last
	b.add(gUsers, id, name, email, title, string(role), team, quota, since, since)
}

// addReference adds reference story i: a customer among the oldest
// organisations, its first contact taking the calls.
func (g *generator) addReference(b *genBatch, r *rand.Rand, i int, since time.Time) {
	org := g.orgs - 1 - i
	name, _ := orgName(org)
	b.add(gRefs, int64(i+1), name, pick(r, industries), pick(r, problems)+" hver uke",
		pick(r, reasons), lang.UpperFirst(pick(r, capabilities)),
		fmt.Sprintf("%d %% %s", 10+r.IntN(50), pick(r, measures)), contactID(org, 0), since)
}

// addNote records what was generated, in the settings and in the audit log.
func (g *generator) addNote(b *genBatch, since time.Time) {
	note, _ := json.Marshal(map[string]any{"seed": g.Seed, "sellers": g.Sellers,
		"deals": g.Deals, "today": g.today.Format(dayLayout)})
	b.add(gSettings, GenSetting, string(note), since)
	b.add(gAudit, g.ranAt, idArg(g.actor.UserID), g.actor.Name, "database", int64(0),
		"generate", nil, string(note))
}

// GenSetting is the key of the setting in which [DB.Generate] notes what it
// made: seed, sellers, deals and the day it laid the data around, as JSON.
const GenSetting = "generated"

// ---- Organisations and contacts

func (g *generator) orgBatch(from, to int) *genBatch {
	b := &genBatch{}
	for k := from; k < to; k++ {
		r := g.rng(saltOrg, k)
		name, town := orgName(k)
		since := at(r, g.dayAt(-3*365-r.IntN(400)))
		addr := jsonList([]string{pick(r, streets) + " " + strconv.Itoa(1+r.IntN(80)),
			town.postcode + " " + town.name})
		b.add(gOrgs, int64(k+1), name, followup.OrganisationKey(name), addr,
			pick(r, industries), g.sellerID(k%g.Sellers), since, since)
		for _, c := range g.contacts(k) {
			var access any
			if c.role == followup.BuyingSponsor {
				access = contactID(k, 0)
			}
			b.add(gContacts, c.id, int64(k+1), c.name, c.title, c.email, c.phone,
				string(c.role), access, since, since)
		}
	}
	return b
}

// genContact is a person at an organisation.
type genContact struct {
	id                        int64
	name, title, email, phone string
	role                      followup.BuyingRole
}

// contactID numbers contact j (of at most four) of organisation k.
func contactID(k, j int) int64 { return int64(k*4 + j + 1) }

// contacts returns organisation k's people: a decision-maker, a sponsor who
// can give access to them, and up to two more.
func (g *generator) contacts(k int) []genContact {
	r := g.rng(saltContacts, k)
	_, domain := orgName(k)
	roles := []followup.BuyingRole{followup.BuyingDecisionMaker, followup.BuyingSponsor,
		pick(r, otherRoles), pick(r, otherRoles)}
	cs := make([]genContact, 2+r.IntN(3))
	for j := range cs {
		first, last := pick(r, firstNames), pick(r, lastNames)
		cs[j] = genContact{id: contactID(k, j), name: first + " " + last,
			title: pick(r, contactTitles[roles[j]]), role: roles[j],
			email: asciiFold(first) + "." + asciiFold(last) + "@" + domain.slug + ".no",
			phone: fmt.Sprintf("+47 9%02d %02d %03d", r.IntN(100), r.IntN(100), r.IntN(1000))}
	}
	return cs
}

// ---- Deals

// genDeal is one deal being made, with what its children need to know.
type genDeal struct {
	i        int
	id       int64
	r        *rand.Rand
	org      int
	orgName  string
	town     string
	contacts []genContact
	seller   int
	status   followup.DealStatus
	grade    followup.Grade
	stage    int       // the rank of the highest grade the deal reached
	created  time.Time // a day
	end      time.Time // the day it closed, or today while open
	value    int64
	meetings []genMeeting
	plan     []genEvent // the last plan version's events; nil when it has none
}

// genMeeting is a meeting of a deal and the letter that came of it.
type genMeeting struct {
	id       int64
	held     time.Time
	kind     followup.LetterKind
	sections []followup.Section
	sent     time.Time // when its letter was sent; zero when none was
}

func (g *generator) dealBatch(from, to int) *genBatch {
	b := &genBatch{deals: to - from}
	for i := from; i < to; i++ {
		d := g.newDeal(i)
		g.addDeal(b, d)
		g.addMeetings(b, d)
		g.addPlan(b, d)
		g.addFollowUps(b, d)
		g.addEvidence(b, d)
	}
	return b
}

// newDeal lays out deal i: deals are created evenly over the last three
// years in the order of their numbers; most deals of the last year are
// still open, most older ones are closed.
func (g *generator) newDeal(i int) *genDeal {
	r := g.rng(saltDeal, i)
	d := &genDeal{i: i, id: int64(i + 1), r: r, org: i % g.orgs}
	d.seller = d.org % g.Sellers
	name, town := orgName(d.org)
	d.orgName, d.town = name, town.name
	d.contacts = g.contacts(d.org)
	const span = 3 * 365
	age := span - i*span/g.Deals - r.IntN(3)
	d.created = g.dayAt(-max(1, age))
	open := r.Float64() < 0.80
	if age > 365 {
		open = r.Float64() < 0.02
	}
	d.value = int64(50_000*math.Exp(r.Float64()*math.Log(100))) / 1000 * 1000 * 100
	if open {
		g.openDeal(d)
	} else {
		g.closeDeal(d, age)
	}
	return d
}

// openGrades are the grades of open deals, each with its weight out of 100.
var openGrades = []struct {
	grade  followup.Grade
	weight int
}{
	{followup.GradeProspect, 20}, {followup.GradePain, 25}, {followup.GradeSponsor, 20},
	{followup.GradePower, 15}, {followup.GradePlan, 10}, {followup.GradeProven, 6},
	{followup.GradeQuoted, 4},
}

func (g *generator) openDeal(d *genDeal) {
	d.status, d.end = followup.DealOpen, g.today
	n := d.r.IntN(100)
	for _, og := range openGrades {
		if n < og.weight {
			d.grade = og.grade
			break
		}
		n -= og.weight
	}
	d.stage = d.grade.Rank()
}

// closeDeal closes the deal some months after it began: won after it was
// quoted, lost at any grade, walked away from early.
func (g *generator) closeDeal(d *genDeal, age int) {
	r := d.r
	d.end = d.created.AddDate(0, 0, 30+r.IntN(270))
	if last := g.dayAt(-1); d.end.After(last) {
		d.end = last
	}
	if d.end.Before(d.created) {
		d.end = d.created
	}
	switch n := r.IntN(10); {
	case n < 4:
		d.status, d.stage = followup.DealWon, followup.GradeQuoted.Rank()
	case n < 8:
		d.status, d.stage = followup.DealLost, 1+r.IntN(6)
	default:
		d.status, d.stage = followup.DealWalked, r.IntN(4)
	}
	d.grade = followup.Grade(d.status)
}

func (g *generator) addDeal(b *genBatch, d *genDeal) {
	r := d.r
	title := pick(r, dealAreas) + " " + pick(r, []string{d.town, pick(r, dealScopes)})
	closeDate, reason := d.end, ""
	switch d.status {
	case followup.DealOpen:
		closeDate = g.dayAt(14 + r.IntN(226))
	case followup.DealWon:
		reason = "Kontrakt signert"
	case followup.DealLost:
		reason = pick(r, lostReasons)
	case followup.DealWalked:
		reason = pick(r, walkedReasons)
	}
	created, updated := at(r, d.created), at(r, d.end)
	if d.status == followup.DealOpen {
		updated = at(r, between(r, d.created, d.end))
	}
	if updated.Before(created) {
		updated = created
	}
	b.add(gDeals, d.id, int64(d.org+1), g.sellerID(d.seller), title, d.value, "NOK",
		g.day(closeDate), string(d.status), reason, string(d.grade), created, updated)
}

// ---- Meetings and letters

// meetingID numbers meeting j (of at most three) of deal i; its letter has
// the same number.
func meetingID(i, j int) int64 { return int64(i*3 + j + 1) }

// addMeetings adds the deal's meetings, each with its notes and its letter:
// a first meeting with the sponsor, then one or two with the decision-maker
// for deals that got that far.
func (g *generator) addMeetings(b *genBatch, d *genDeal) {
	r := d.r
	span := int(d.end.Sub(d.created).Hours() / 24)
	days := []int{span / 20}
	if d.stage >= followup.GradePower.Rank() {
		days = append(days, span*7/20)
		if d.stage >= followup.GradePlan.Rank() && r.IntN(10) < 3 {
			days = append(days, span*13/20)
		}
	}
	for j, n := range days {
		m := genMeeting{id: meetingID(d.i, j), held: d.created.AddDate(0, 0, n),
			kind: followup.SponsorLetter}
		if j > 0 {
			m.kind = followup.DecisionMakerLetter
		}
		m.sections = g.notes(d, j, m.kind)
		g.addMeeting(b, d, &m)
		if d.stage >= followup.GradePain.Rank() {
			g.addLetter(b, d, &m, j)
		}
		d.meetings = append(d.meetings, m)
	}
}

func (g *generator) addMeeting(b *genBatch, d *genDeal, m *genMeeting) {
	seller, _ := userName(1 + g.teams + d.seller)
	people := []string{d.contacts[1].name, seller}
	if m.kind == followup.DecisionMakerLetter {
		people = append([]string{d.contacts[0].name}, people...)
	}
	rec := followup.MeetingRecord{Sections: m.sections}
	b.add(gMeetings, m.id, d.id, g.day(m.held), string(m.kind), string(lang.Norwegian), d.town,
		jsonList(people), rec.SearchText(), at(d.r, m.held))
	for pos, s := range m.sections {
		items := "[]"
		if len(s.Items) > 0 {
			items = jsonList(s.Items)
		}
		b.add(gSections, m.id, int64(pos), string(s.Kind), s.Heading, int64(0), items, s.Prose)
	}
}

// addLetter adds the letter of meeting j. Letters behind the deal's grade
// were confirmed by the buyer; the newest one of an open deal may still be a
// draft, out with the buyer, or disputed.
func (g *generator) addLetter(b *genBatch, d *genDeal, m *genMeeting, j int) {
	r := d.r
	status := followup.LetterConfirmed
	confirmedBy := []int{followup.GradeSponsor.Rank(), followup.GradePlan.Rank(),
		followup.GradeQuoted.Rank()}[j]
	if d.stage < confirmedBy {
		status = pick(r, []followup.LetterStatus{followup.LetterDraft, followup.LetterSent,
			followup.LetterSent, followup.LetterDisputed})
		if d.status != followup.DealOpen {
			status = followup.LetterSent
		}
	}
	late := pick(r, []int{0, 0, 0, 0, 0, 0, 0, 1, 1, 3})
	written := at(r, g.notAfterToday(m.held.AddDate(0, 0, late)))
	var sent, confirmed, disputed any
	var note string
	if status != followup.LetterDraft {
		m.sent = written.Add(time.Duration(30+r.IntN(120)) * time.Minute)
		sent = m.sent
	}
	answer := at(r, g.notAfterToday(m.sent.AddDate(0, 0, 1+r.IntN(5))))
	switch status {
	case followup.LetterConfirmed:
		confirmed = answer
	case followup.LetterDisputed:
		disputed, note = answer, pick(r, disputeNotes)
	}
	b.add(gLetters, m.id, d.id, m.id, string(m.kind), string(lang.Norwegian), int64(1),
		string(status), g.letterBody(d, m, written), written, sent, confirmed, disputed, note)
}

// notAfterToday returns day, or today when day is later.
func (g *generator) notAfterToday(day time.Time) time.Time {
	if day.After(g.today) {
		return g.today
	}
	return day
}

// genSellerCompany is the company the generated sellers work for.
const genSellerCompany = "Nordlys Systemer AS"

// letterBody writes the letter of a meeting the way a seller would send it.
func (g *generator) letterBody(d *genDeal, m *genMeeting, written time.Time) string {
	nb := lang.Norwegian
	toDM := m.kind == followup.DecisionMakerLetter
	to := d.contacts[1]
	if toDM {
		to = d.contacts[0]
	}
	var b strings.Builder
	b.Grow(1500)
	b.WriteString(to.name + "\n" + to.title + "\n" + d.orgName + "\n\n")
	b.WriteString(nb.PlaceDate("Oslo", written) + "\n\n")
	b.WriteString(nb.Opening(lang.Opening{ToDecisionMaker: toDM, SellerCompany: genSellerCompany,
		Held: m.held, Date: written.Truncate(24 * time.Hour)}) + "\n\n")
	for _, s := range m.sections {
		if s.IsList() {
			b.WriteString(nb.ListSentence(string(s.Kind), toDM, s.Items))
		} else {
			b.WriteString(s.Prose)
		}
		b.WriteString("\n\n")
	}
	first, last := userName(1 + g.teams + d.seller)
	b.WriteString(nb.Closing() + "\n" + first + " " + last + "\n" +
		sellerTitles[d.seller%len(sellerTitles)] + "\n" + genSellerCompany + "\n")
	return b.String()
}

// ---- Notes

// notes writes the notes of meeting j: about a kilobyte in the method's
// sections, in varied words, with the common word in about every other one
// and the rare words where their turn comes.
func (g *generator) notes(d *genDeal, j int, kind followup.LetterKind) []followup.Section {
	r := d.r
	pain := painItems(r, 3+r.IntN(2))
	why := pickN(r, reasons, 2+r.IntN(3))
	vision := visionProse(r)
	addCommonWord(r, &pain, &why, &vision)
	if j == 0 {
		for _, w := range genRareWords {
			if d.i%w.every == 0 {
				pain = append(pain, w.item)
			}
		}
	}
	secs := []followup.Section{section(followup.Pain, pain, ""),
		section(followup.Reasons, why, "")}
	if d.stage == 0 {
		return append(secs, section(followup.Agreement, nil, agreementProse(r, d)))
	}
	secs = append(secs, section(followup.Vision, nil, vision),
		section(followup.Agreement, nil, agreementProse(r, d)))
	if kind == followup.SponsorLetter {
		return append(secs, section(followup.Access, nil, accessProse(r, d)),
			section(followup.Proof, g.proofItems(r), ""))
	}
	return append(secs, section(followup.NextSteps, nil, nextStepsProse(r, d)))
}

// addCommonWord puts GenCommonWord in half the notes, in one of three places.
func addCommonWord(r *rand.Rand, pain, why *[]string, vision *string) {
	switch r.IntN(6) {
	case 0:
		*pain = append(*pain, pick(r, commonPains))
	case 1:
		*why = append(*why, pick(r, commonReasons))
	case 2:
		*vision += " Kortere " + GenCommonWord + " er det viktigste for " + pick(r, roles) + "."
	}
}

func section(kind followup.SectionKind, items []string, prose string) followup.Section {
	return followup.Section{Kind: kind, Heading: lang.Norwegian.Label(string(kind)),
		Items: items, Prose: prose}
}

// painItems returns n points of pain, each made from a pattern and words.
func painItems(r *rand.Rand, n int) []string {
	items := make([]string, n)
	for i, pattern := range r.Perm(6)[:n] {
		switch pattern {
		case 0:
			items[i] = "for mye tid går med til " + pick(r, activities)
		case 1:
			items[i] = pick(r, metrics) + " har økt med " + strconv.Itoa(5+r.IntN(36)) +
				" prosent det siste året"
		case 2:
			items[i] = "kundene klager på " + pick(r, problems)
		case 3:
			items[i] = pick(r, problems) + " koster " + pick(r, roles) + " flere timer hver uke"
		case 4:
			items[i] = "ledelsen mangler tall for " + pick(r, areas)
		default:
			items[i] = "i fjor førte " + pick(r, problems) + " til tapte inntekter på rundt " +
				strconv.Itoa(1+r.IntN(12)) + " millioner kroner"
		}
	}
	return items
}

// pickN returns n different items of list, in random order.
func pickN(r *rand.Rand, list []string, n int) []string {
	n = min(n, len(list))
	out := make([]string, 0, n)
	for _, k := range r.Perm(len(list))[:n] {
		out = append(out, list[k])
	}
	return out
}

func visionProse(r *rand.Rand) string {
	caps := pickN(r, capabilities, 3)
	s := "Du sa at dere trenger å kunne " + caps[0] + " og " + caps[1] + ". I dag går " +
		strconv.Itoa(5+r.IntN(60)) + " timer i uken med til dette. Da vil " + pick(r, roles) +
		" " + pick(r, benefits) + "."
	return s + " Det viktigste for deg er å " + caps[2] + " innen " +
		lang.Norwegian.Month(time.Month(1+r.IntN(12))) + "."
}

func agreementProse(r *rand.Rand, d *genDeal) string {
	buyer := strings.ReplaceAll(pick(r, buyerSteps), "{dm}", d.contacts[0].name)
	return "Vi ble enige om at " + buyer + ", og at " + pick(r, sellerSteps) + " før " +
		lang.Norwegian.Weekday(time.Weekday(1+r.IntN(5))) + " neste uke."
}

func accessProse(r *rand.Rand, d *genDeal) string {
	dm := d.contacts[0]
	return "Du sa at du kan hjelpe meg med et møte med " + dm.name + ", " +
		strings.ToLower(dm.title) + ", hvis jeg først " + pick(r, bargains) + "."
}

// proofItems proposes proof at one of the reference customers.
func (g *generator) proofItems(r *rand.Rand) []string {
	ref := g.orgs - 1 - r.IntN(g.refs)
	customer, _ := orgName(ref)
	who := g.contacts(ref)[0].name
	items := []string{
		"en telefon med " + who + " hos " + customer + " om hvordan de løste det samme",
		"et besøk hos " + customer + " for å se løsningen i bruk",
		"en workshop med " + pick(r, roles) + " om hvordan dere kan " + pick(r, capabilities),
		"en demonstrasjon med deres egne tall",
		"en prøveperiode på fire uker for én avdeling",
	}
	return pickN(r, items, 2)
}

func nextStepsProse(r *rand.Rand, d *genDeal) string {
	nb := lang.Norwegian
	return "Jeg sender utkastet til fremdriftsplan til deg og " + d.contacts[1].name +
		" innen " + nb.Weekday(time.Weekday(1+r.IntN(5))) + ". Planen viser hver milepæl " +
		"fram til oppstart, og jeg ringer deg " + nb.Weekday(time.Weekday(1+r.IntN(5))) +
		" uken etter for å høre hva dere mener."
}

// ---- Plans

// genEvent is one event of a plan template: its text, kind, owner, whether
// it is a checkpoint, and how many weekdays after the decision-maker meeting
// it falls.
type genEvent struct {
	text       string
	kind       followup.EventKind
	owner      followup.Owner
	checkpoint bool
	after      int
	date       time.Time
}

var planTemplate = []genEvent{
	{"Intervju med {sponsor}", followup.Interview, followup.Seller, false, 3, time.Time{}},
	{"Referansebesøk hos {ref}", followup.ProofStep, followup.Both, true, 8, time.Time{}},
	{"Workshop med brukerne", followup.ProofStep, followup.Both, false, 12, time.Time{}},
	{"Kostnadsoverslag", followup.Cost, followup.Seller, true, 16, time.Time{}},
	{"Verdiberegning med økonomisjefen", followup.Value, followup.Both, true, 20, time.Time{}},
	{"Beslutningsmøte", followup.Decision, followup.Buyer, true, 25, time.Time{}},
	{"Kontraktsignering", followup.Other, followup.Both, false, 28, time.Time{}},
	{"Oppstart", followup.Delivery, followup.Seller, false, 40, time.Time{}},
}

// planID numbers version v (1 or 2) of deal i's plan.
func planID(i, v int) int64 { return int64(i*2 + v) }

// addPlan adds the plan of a deal that reached the decision-maker: a draft,
// and for deals past the plan grade a second version that the buyer agreed.
func (g *generator) addPlan(b *genBatch, d *genDeal) {
	if d.stage < followup.GradePower.Rank() || len(d.meetings) < 2 {
		return
	}
	r := d.r
	m := d.meetings[1]
	versions := 1
	if d.stage >= followup.GradePlan.Rank() && r.IntN(2) == 0 {
		versions = 2
	}
	events := g.planEvents(r, d, m.held)
	for v := 1; v <= versions; v++ {
		last := v == versions
		title := "Utkast til fremdriftsplan for " + d.orgName
		var agreed any
		created := at(r, g.notAfterToday(m.held.AddDate(0, 0, 3*(v-1))))
		if last && d.stage >= followup.GradePlan.Rank() {
			title = "Fremdriftsplan for " + d.orgName
			agreed = created.Add(time.Duration(24+r.IntN(96)) * time.Hour)
		}
		b.add(gPlans, planID(d.i, v), d.id, m.id, int64(v), title, "", created, agreed)
		g.addEvents(b, d, planID(d.i, v), events, last)
	}
	d.plan = events
}

// planEvents lays the template out from the meeting, leaving out the
// workshop or the value step now and then, as sellers do.
func (g *generator) planEvents(r *rand.Rand, d *genDeal, from time.Time) []genEvent {
	ref, _ := orgName(g.orgs - 1 - r.IntN(g.refs))
	var events []genEvent
	for _, e := range planTemplate {
		if (e.kind == followup.Value || e.text == "Workshop med brukerne") && r.IntN(4) == 0 {
			continue
		}
		e.text = strings.Replace(e.text, "{sponsor}", d.contacts[1].name, 1)
		e.text = strings.Replace(e.text, "{ref}", ref, 1)
		e.date = workdays(from, e.after)
		events = append(events, e)
	}
	return events
}

// addEvents adds a plan version's events. Only the last version has
// outcomes: checkpoints the deal has passed are go, the one a lost or walked
// deal stopped at is stop, and the rest wait.
func (g *generator) addEvents(b *genBatch, d *genDeal, planID int64, events []genEvent,
	last bool) {
	stopped := false
	for pos, e := range events {
		outcome, note := followup.Pending, ""
		if last && e.checkpoint && e.date.Before(g.today) {
			switch {
			case passed(d, e.kind):
				outcome, note = followup.Go, pick(d.r, goNotes)
			case !stopped && d.status != followup.DealOpen && d.status != followup.DealWon:
				outcome, note, stopped = followup.Stop, pick(d.r, lostReasons), true
			}
		}
		b.add(gEvents, planID, int64(pos), e.text, g.day(e.date), string(e.kind), false,
			string(e.owner), e.checkpoint, string(outcome), note)
	}
}

// passed reports whether a deal at its stage has passed a checkpoint of the kind.
func passed(d *genDeal, kind followup.EventKind) bool {
	switch kind {
	case followup.ProofStep:
		return d.stage >= followup.GradeProven.Rank()
	case followup.Cost, followup.Value:
		return d.stage >= followup.GradeQuoted.Rank()
	case followup.Decision:
		return d.status == followup.DealWon
	}
	return false
}

// ---- Follow-ups

// followUpID numbers follow-up j (of at most six) of deal i; its move, if
// any, has the same number.
func followUpID(i, j int) int64 { return int64(i*6 + j + 1) }

// addFollowUps adds two to six follow-ups, four on average, spread over the
// deal's life and done, but the last of an open deal: that one is open and
// due in the weeks around today. About one in eight open deals has it due
// today or overdue, and one in twenty has none open at all.
func (g *generator) addFollowUps(b *genBatch, d *genDeal) {
	r := d.r
	n := 2 + r.IntN(5)
	last := d.end
	if d.status == followup.DealOpen {
		last = g.dayAt(-1)
	}
	for j := 0; j < n; j++ {
		due := d.created.AddDate(0, 0, 1+(j+1)*int(last.Sub(d.created).Hours()/24)/(n+1))
		open := false
		if j == n-1 && d.status == followup.DealOpen {
			due, open = g.lastDue(r)
		}
		g.addFollowUp(b, d, j, due, open)
	}
}

// lastDue returns the due day of an open deal's last follow-up, and whether
// it is still open.
func (g *generator) lastDue(r *rand.Rand) (time.Time, bool) {
	switch n := r.IntN(100); {
	case n < 5:
		return g.dayAt(-1 - r.IntN(10)), false
	case n < 18:
		return g.dayAt(-r.IntN(21)), true
	default:
		return g.dayAt(1 + r.IntN(40)), true
	}
}

func (g *generator) addFollowUp(b *genBatch, d *genDeal, j int, due time.Time, open bool) {
	r := d.r
	id := followUpID(d.i, j)
	kind := pick(r, followUpKinds)
	source := ""
	if j == 0 && !d.meetings[0].sent.IsZero() {
		source = followup.LetterSource(d.meetings[0].id)
	}
	created := at(r, maxDay(d.created, due.AddDate(0, 0, -3-r.IntN(8))))
	var done any
	outcome := ""
	if !open {
		done = at(r, g.notAfterToday(due.AddDate(0, 0, r.IntN(3))))
		outcome = pick(r, outcomes)
	}
	b.add(gFollowUps, id, d.id, g.sellerID(d.seller), string(kind), g.day(due),
		pick(r, purposes), source, done, outcome, created)
	if r.IntN(100) < 8 {
		from := due.AddDate(0, 0, -2-r.IntN(9))
		b.add(gMoves, id, id, g.day(from), g.day(due), pick(r, moveReasons),
			at(r, from.AddDate(0, 0, -1)))
	}
}

var followUpKinds = []followup.FollowUpKind{followup.FollowUpCall, followup.FollowUpCall,
	followup.FollowUpCall, followup.FollowUpMail, followup.FollowUpMail, followup.FollowUpMeeting}

func maxDay(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// ---- Proof, quotes and value

// addEvidence adds what backs a deal that got far: proof once it met the
// decision-maker, value once proven, and a quote once quoted, now and then
// let out early by the manager.
func (g *generator) addEvidence(b *genBatch, d *genDeal) {
	if d.plan == nil {
		return
	}
	r := d.r
	proofDay := d.plan[1].date
	ref := r.IntN(g.refs)
	customer, _ := orgName(g.orgs - 1 - ref)
	outcome := ""
	if proofDay.Before(g.today) && d.stage >= followup.GradeProven.Rank() {
		outcome = pick(r, goNotes)
	}
	b.add(gProofs, d.id, d.id, string(pick(r, proofKinds)), "Samtale om "+pick(r, capabilities),
		g.contacts(g.orgs - 1 - ref)[0].name, customer, int64(ref+1), g.day(proofDay), outcome,
		at(r, d.meetings[1].held))
	if d.stage >= followup.GradeProven.Rank() {
		g.addValue(b, d, proofDay)
	}
	if d.stage >= followup.GradeQuoted.Rank() {
		g.addQuote(b, d, proofDay)
	}
}

func (g *generator) addValue(b *genBatch, d *genDeal, day time.Time) {
	r := d.r
	for j, k := range r.Perm(len(valueItems))[:2] {
		v := valueItems[k]
		amount := d.value * int64(20+r.IntN(60)) / 100 / 100_000 * 100_000
		b.add(gValues, int64(d.i*2+j+1), d.id, string(v.kind), v.text, amount,
			d.contacts[0].name, at(r, g.notAfterToday(day)))
	}
}

func (g *generator) addQuote(b *genBatch, d *genDeal, day time.Time) {
	r := d.r
	quoted := at(r, g.notAfterToday(workdays(day, 8)))
	reason, by := "", any(nil)
	if r.IntN(20) == 0 {
		reason, by = "Kunden krevde pris før verdiberegningen", g.managerID(g.teamOf(d.seller))
	}
	amount := d.value * int64(90+r.IntN(21)) / 100 / 100_000 * 100_000
	b.add(gQuotes, d.id, d.id, amount, quoted, reason, by, quoted)
}

var proofKinds = []followup.ProofKind{followup.ProofReferenceCall, followup.ProofReferenceCall,
	followup.ProofReferenceCall, followup.ProofSiteVisit, followup.ProofSiteVisit,
	followup.ProofDemo, followup.ProofWorkshop, followup.ProofTrial}

var valueItems = []struct {
	kind followup.ValueKind
	text string
}{
	{followup.LowerCost, "Færre timer på manuell registrering"},
	{followup.LowerCost, "Mindre svinn på lageret"},
	{followup.AvoidedCost, "Slipper bøter for sene leveranser"},
	{followup.AvoidedCost, "Slipper å bytte ut dagens system om to år"},
	{followup.MoreRevenue, "Flere ordre per selger"},
	{followup.MoreRevenue, "Raskere svar vinner flere anbud"},
	{followup.MoreProfit, "Bedre margin når prisene oppdateres i tide"},
}

// ---- Names

// orgPlace is where an organisation is, and the domain of its e-mail.
type orgPlace struct {
	postcode, name, slug string
}

// orgName returns organisation k's name and place. Names are made of a
// prefix, a trade, a word and a town, walked in a scrambled order so that
// neighbours differ; no two organisations get the same name.
func orgName(k int) (string, orgPlace) {
	size := len(orgPrefixes) * len(orgTrades) * len(orgWords) * len(towns)
	// 1,000,003 is prime and so shares no factor with size: multiplying by it
	// visits every combination once.
	p := int(uint64(k%size) * 1_000_003 % uint64(size))
	town := towns[p%len(towns)]
	p /= len(towns)
	word := orgWords[p%len(orgWords)]
	p /= len(orgWords)
	trade := orgTrades[p%len(orgTrades)]
	stem := orgPrefixes[p/len(orgTrades)] + trade
	name := stem
	if word != "" {
		name += " " + word
	}
	name += " " + town.name
	if round := k / size; round > 0 {
		name += " " + strconv.Itoa(round+1)
	}
	slug := asciiFold(stem) + "-" + asciiFold(town.name)
	return name + " AS", orgPlace{postcode: town.postcode, name: town.name, slug: slug}
}

// userName returns the name of user n (0 the admin, then managers and
// sellers). Names are walked in a scrambled order; past the list's size a
// middle initial keeps them apart.
func userName(n int) (first, last string) {
	size := len(firstNames) * len(lastNames)
	p := (n%size)*7919 + 11 // 7919 is prime and shares no factor with size
	p %= size
	first, last = firstNames[p%len(firstNames)], lastNames[p/len(firstNames)]
	if round := n / size; round > 0 {
		first += " " + string(rune('A'+(round-1)%26)) + "."
	}
	return first, last
}

func teamName(t int) string {
	name := "Salg " + regions[t%len(regions)]
	if round := t / len(regions); round > 0 {
		name += " " + strconv.Itoa(round+1)
	}
	return name
}

var asciiFolder = strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "é", "e", "Æ", "ae",
	"Ø", "o", "Å", "a", " ", "", ".", "")

// asciiFold writes a name in lower-case ASCII, for e-mail addresses.
func asciiFold(s string) string { return asciiFolder.Replace(strings.ToLower(s)) }

// ---- Words
//
// The words below are the generator's own: everyday Norwegian of B2B sales,
// varied enough that a full-text search has something to tell apart.

var regions = []string{"Øst", "Vest", "Nord", "Sør", "Midt", "Innlandet", "Agder", "Rogaland",
	"Trøndelag", "Nordland", "Troms", "Finnmark", "Vestland", "Møre", "Telemark", "Buskerud",
	"Østfold", "Akershus", "Oslo", "Vestfold"}

var firstNames = []string{"Kari", "Ingrid", "Anne", "Marit", "Liv", "Hanne", "Silje", "Ida",
	"Nora", "Emma", "Sofie", "Ingeborg", "Tone", "Hilde", "Randi", "Camilla", "Marte",
	"Solveig", "Astrid", "Guro", "Tuva", "Maja", "Eli", "Siri", "Heidi", "Kristin", "Mona",
	"Trine", "Lene", "Vigdis", "Ola", "Per", "Lars", "Jon", "Knut", "Arne", "Bjørn", "Hans",
	"Nils", "Erik", "Kjetil", "Tor", "Magnus", "Henrik", "Sindre", "Eirik", "Anders", "Morten",
	"Geir", "Terje", "Øystein", "Rune", "Trond", "Espen", "Håkon", "Sigurd", "Even", "Jørgen",
	"Vegard", "Aksel"}

var lastNames = []string{"Nordmann", "Hansen", "Johansen", "Olsen", "Larsen", "Andersen",
	"Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen",
	"Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen",
	"Halvorsen", "Henriksen", "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen",
	"Strand", "Solberg", "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken",
	"Kristoffersen", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde",
	"Solheim", "Berge", "Moe", "Nygård"}

var sellerTitles = []string{"Kundeansvarlig", "Salgskonsulent", "Key account manager",
	"Salgsrådgiver", "Løsningsrådgiver"}

var orgPrefixes = []string{"Fjord", "Nord", "Vest", "Sør", "Øst", "Berg", "Skog", "Havbris",
	"Lys", "Elv", "Fjell", "Sol", "Polar", "Kyst", "Dal", "Vik", "Nes", "Holm", "Stein", "Bjørk",
	"Furu", "Lyng", "Midnatt", "Vinter", "Sommer", "Storm", "Bølge", "Tind", "Myr", "Lunde",
	"Ørn", "Falk", "Elg", "Laks", "Sild", "Tare", "Nordlys", "Havørn", "Granit", "Kobber",
	"Jern", "Sølv", "Bre", "Foss", "Li", "Rein", "Ulv", "Gaupe"}

var orgTrades = []string{"kraft", "data", "bygg", "frakt", "mat", "tekst", "verk", "tre",
	"plast", "hus", "marin", "helse", "regnskap", "logistikk", "elektro", "metall", "energi",
	"transport", "eiendom", "handel", "teknikk", "service", "lab", "media"}

var orgWords = []string{"", "Gruppen", "Partner", "Norge", "Industri", "Service", "Drift",
	"Vekst"}

var towns = []orgPlace{{"0150", "Oslo", ""}, {"5003", "Bergen", ""}, {"7011", "Trondheim", ""},
	{"4006", "Stavanger", ""}, {"3015", "Drammen", ""}, {"1606", "Fredrikstad", ""},
	{"4610", "Kristiansand", ""}, {"4306", "Sandnes", ""}, {"9008", "Tromsø", ""},
	{"1706", "Sarpsborg", ""}, {"3724", "Skien", ""}, {"6002", "Ålesund", ""},
	{"3210", "Sandefjord", ""}, {"5527", "Haugesund", ""}, {"3110", "Tønsberg", ""},
	{"1530", "Moss", ""}, {"3915", "Porsgrunn", ""}, {"8006", "Bodø", ""},
	{"4836", "Arendal", ""}, {"2317", "Hamar", ""}, {"3256", "Larvik", ""},
	{"1767", "Halden", ""}, {"2609", "Lillehammer", ""}, {"6413", "Molde", ""},
	{"9405", "Harstad", ""}, {"2815", "Gjøvik", ""}, {"3611", "Kongsberg", ""},
	{"7713", "Steinkjer", ""}, {"8514", "Narvik", ""}, {"9510", "Alta", ""}}

var streets = []string{"Storgata", "Kirkegata", "Havnegata", "Industriveien", "Strandveien",
	"Sjøgata", "Jernbanegata", "Fjordveien", "Bryggen", "Kongens gate", "Dronningens gate",
	"Nygata", "Parkveien", "Skolegata", "Torget", "Elvegata", "Fabrikkveien", "Verftsgata",
	"Brugata", "Tollbugata"}

var industries = []string{"logistikk", "bygg og anlegg", "helse", "handel", "industri",
	"havbruk", "energi", "eiendom", "offentlig sektor", "transport", "finans", "IT",
	"næringsmidler", "reiseliv"}

var otherRoles = []followup.BuyingRole{followup.BuyingUser, followup.BuyingTechnical,
	followup.BuyingCoach, followup.BuyingUser, followup.BuyingReference}

var contactTitles = map[followup.BuyingRole][]string{
	followup.BuyingDecisionMaker: {"Administrerende direktør", "Daglig leder",
		"Økonomidirektør", "Driftsdirektør", "Konserndirektør"},
	followup.BuyingSponsor: {"Lagersjef", "Innkjøpssjef", "IT-sjef", "Driftsleder",
		"Økonomisjef", "Kvalitetssjef", "Logistikksjef"},
	followup.BuyingUser:      {"Controller", "Teamleder", "Regnskapsfører", "Planlegger"},
	followup.BuyingTechnical: {"Systemansvarlig", "IT-arkitekt", "Driftstekniker"},
	followup.BuyingCoach:     {"Prosjektleder", "Rådgiver", "Avdelingsleder"},
	followup.BuyingReference: {"Prosjektleder", "Driftsleder"},
}

var dealAreas = []string{"Lagerstyring", "Flåtestyring", "Fakturaflyt", "Kundeportal",
	"Timeføring", "Vedlikeholdssystem", "Prosjektstyring", "Innkjøpsløsning", "Rapportering",
	"Kvalitetssystem", "Ruteplanlegging", "Skiftplanlegging", "Dokumentarkiv", "Kassesystem",
	"Kundeservice", "Avvikssystem"}

var dealScopes = []string{"hovedkontoret", "region Vest", "alle avdelinger", "fase 2", "pilot",
	"nytt lager", "produksjonen", "butikkene"}

var lostReasons = []string{"Valgte en annen leverandør", "Styret stanset prosjektet",
	"Fikk ikke budsjett i år", "Beslutningstageren sluttet",
	"For dyrt i forhold til gevinsten", "Bygger løsningen selv"}

var walkedReasons = []string{"Fant ingen smerte verdt å løse",
	"Fikk ikke tilgang til beslutningstageren", "Løsningen passet ikke behovet",
	"Kunden ville bare ha en pris"}

var disputeNotes = []string{"Kunden vil endre beskrivelsen av årsakene",
	"Tallene for overtid er for høye", "Direktøren skal ikke være med på neste møte",
	"Datoen for referansebesøket passer ikke"}

var goNotes = []string{"Gikk greit", "Kunden var fornøyd", "Referansen bekreftet gevinsten",
	"Tallene holdt", "Ledergruppen sa ja til neste steg"}

var purposes = []string{"Ring og hør om brevet stemmer", "Avtal møte med beslutningstageren",
	"Send referanseliste", "Følg opp kostnadsoverslaget", "Bekreft dato for referansebesøket",
	"Hør hvordan styremøtet gikk", "Send oppdatert fremdriftsplan", "Sjekk status på budsjettet",
	"Avtal workshop med brukerne", "Ring etter beslutningsmøtet"}

var outcomes = []string{"brevet bekreftet", "ingen svar", "ønsker endringer", "møte avtalt",
	"sendte referanseliste", "venter på budsjett", "går videre"}

var moveReasons = []string{"kunden er på ferie", "beslutningstageren er syk",
	"styremøtet ble flyttet", "venter på tall fra økonomi", "kunden ba om en uke til"}

var activities = []string{"manuell registrering av ordre", "plukking på lageret",
	"kontroll av fakturaer", "rapporter til ledergruppen", "oppfølging av reklamasjoner",
	"vareopptelling", "planlegging av skift", "timeføring i regneark",
	"innkjøp av reservedeler", "avstemming av kontoer", "svar på kundehenvendelser",
	"behandling av avvik", "vedlikehold av maskinparken", "budsjettarbeid",
	"oppfølging av prosjekter", "ruteplanlegging for sjåførene", "kvalitetskontroll ved mottak",
	"arkivering av dokumenter", "lønnskjøring", "prising av tilbud", "opplæring av nyansatte",
	"godkjenning av bilag", "sporing av forsendelser", "registrering av vaktlister"}

var problems = []string{"feilleveranser", "forsinkede betalinger", "doble registreringer",
	"tapte ordre", "lange svartider", "manglende oversikt", "høy overtid", "kasserte varer",
	"gamle prislister", "purringer fra leverandører", "misfornøyde kunder", "tomme hyller",
	"feil i lønnsutbetalingen", "dårlig datakvalitet", "papirbaserte rutiner",
	"uklare ansvarsforhold", "avvik som ikke lukkes", "dyre hastebestillinger",
	"stillestående maskiner", "bøter for sene leveranser"}

var metrics = []string{"kostnadene", "svinnet", "overtiden", "antall reklamasjoner",
	"ledetiden", "lagerverdien", "kundefrafallet", "feilprosenten", "ventetiden",
	"sykefraværet", "fraktkostnadene", "antall hasteordre"}

var areas = []string{"marginen per kunde", "lønnsomheten per prosjekt",
	"omløpshastigheten på lageret", "kapasiteten neste kvartal", "salget per region",
	"tiden per oppdrag", "energiforbruket", "kvaliteten hos underleverandørene"}

var roles = []string{"lagersjefen", "økonomisjefen", "driftslederen", "innkjøpssjefen",
	"kundeservice", "prosjektlederne", "sjåførene", "daglig leder", "styret", "selgerne",
	"teknisk sjef", "personalavdelingen"}

var reasons = []string{"systemene ikke snakker sammen", "tallene ligger i mange regneark",
	"det ikke finnes noe felles kunderegister", "rutinene ikke er skrevet ned",
	"to nøkkelpersoner har sluttet", "leverandøren har sluttet å støtte dagens system",
	"varene ikke har strekkoder", "prisene legges inn for hånd",
	"avdelingene bruker hvert sitt verktøy", "rapportene lages på nytt hver måned",
	"bilag godkjennes på papir", "ingen får varsel når noe går galt",
	"lageret er fordelt på tre bygg", "ordrene kommer inn på e-post og telefon",
	"sjåførene ikke har nettbrett", "budsjettet lages uten historikk",
	"ingen eier prosessen", "integrasjonen mot regnskapet feiler jevnlig",
	"mange av de ansatte er nye", "sesongtoppene er vanskelige å forutse"}

var capabilities = []string{"se lagerstatus i sanntid", "få varsel før en vare går tom",
	"godkjenne fakturaer på mobilen", "følge hver ordre fra bestilling til levering",
	"hente nøkkeltall rett fra systemet", "planlegge skiftene en måned fram",
	"skanne varene ved mottak", "dele tall med styret hver uke",
	"spore hver reklamasjon til den er lukket", "sende purringer automatisk",
	"se marginen på hvert tilbud", "gi kundene egen innlogging", "registrere timer på stedet",
	"samle all dokumentasjon på ett sted", "finne ledig kapasitet med ett søk",
	"måle kvaliteten hos hver leverandør"}

var benefits = []string{"slippe å lete i flere systemer", "få tid til kundene igjen",
	"kunne svare kundene samme dag", "se avvik før de blir dyre", "ha tall å styre etter",
	"bruke mindre tid på kontroll", "kunne planlegge uken på mandag"}

var measures = []string{"færre timer på rapporter", "lavere svinn", "færre reklamasjoner",
	"kortere ledetid", "mindre overtid", "færre feilleveranser"}

var buyerSteps = []string{"du snakker med {dm} om et møte", "du samler tallene for siste kvartal",
	"du sjekker budsjettet for neste år", "dere går gjennom kravlisten internt",
	"du finner en dato for en workshop med brukerne"}

var sellerSteps = []string{"jeg sender en kort oversikt over løsningen",
	"jeg setter opp en demonstrasjon med deres egne data",
	"jeg lager et utkast til fremdriftsplan", "jeg ringer deg for å avtale neste møte",
	"jeg finner en referansekunde i samme bransje"}

var bargains = []string{"viser deg hvordan en kunde i samme bransje løste det samme",
	"lager en kort beregning av hva problemet koster dere i dag",
	"setter opp en prøveperiode for én avdeling", "tar med teknisk ansvarlig på neste møte",
	"skriver et notat du kan legge fram for ledergruppen"}

// The common word's phrases: each holds GenCommonWord as a word of its own.
var (
	commonPains = []string{GenCommonWord + " til kundene har passert to uker",
		"lang " + GenCommonWord + " gjør at dere taper anbud"}
	commonReasons = []string{GenCommonWord + " fra underleverandørene varierer fra uke til uke"}
)
