package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver

	"followup"
)

// dialect names an engine and holds what differs between them.
type dialect string

const (
	sqliteDialect   dialect = "sqlite"
	postgresDialect dialect = "postgres"
)

// target is a parsed DSN.
type target struct {
	dialect dialect
	path    string // SQLite: the file
	url     string // PostgreSQL: the URL as given
	name    string // for messages: the path, or the URL without a password
}

// dsnForms is the list of DSN forms, for messages.
const dsnForms = "use sqlite:PATH (e.g. sqlite:followup.db), a path ending in .db, " +
	"or a postgres://USER@HOST:PORT/NAME URL"

// parseDSN reads a --db value.
func parseDSN(dsn string) (target, error) {
	dsn = strings.TrimSpace(dsn)
	lower := strings.ToLower(dsn)
	switch {
	case dsn == "":
		return target{}, followup.Errorf(followup.EINVALID, "--db is empty: %s", dsnForms)
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		return parsePostgresDSN(dsn)
	case strings.HasPrefix(lower, "sqlite:"):
		return sqliteTarget(dsn, strings.TrimPrefix(dsn[len("sqlite:"):], "//"))
	case !strings.Contains(dsn, "://") && hasSQLiteSuffix(lower):
		return sqliteTarget(dsn, dsn)
	}
	return target{}, followup.Errorf(followup.EINVALID,
		"--db %q is not a database followup knows: %s", redactDSN(dsn), dsnForms)
}

func hasSQLiteSuffix(path string) bool {
	for _, ext := range []string{".db", ".sqlite", ".sqlite3"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

func sqliteTarget(dsn, path string) (target, error) {
	if path == "" {
		return target{}, followup.Errorf(followup.EINVALID,
			"--db %q names no file: write sqlite:PATH, e.g. sqlite:followup.db", dsn)
	}
	if strings.ContainsAny(path, "?#") {
		return target{}, followup.Errorf(followup.EINVALID,
			"--db path %q has a ? or # in it: use a file name without them", path)
	}
	return target{dialect: sqliteDialect, path: path, name: path}, nil
}

func parsePostgresDSN(dsn string) (target, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return target{}, followup.Errorf(followup.EINVALID,
			"--db %q is not a valid URL (%v): %s", redactDSN(dsn), unwrapURLError(err), dsnForms)
	}
	if strings.TrimPrefix(u.Path, "/") == "" && u.Query().Get("dbname") == "" {
		return target{}, followup.Errorf(followup.EINVALID,
			"--db %q names no database: add it to the path, as in postgres://USER@HOST/followup",
			redactURL(u))
	}
	q := u.Query()
	if q.Get("connect_timeout") == "" {
		q.Set("connect_timeout", "10") // a server that does not answer fails in seconds
		u.RawQuery = q.Encode()
	}
	return target{dialect: postgresDialect, url: u.String(), name: redactURL(u)}, nil
}

// unwrapURLError drops the URL from a parse error: it may hold a password.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// redactURL returns u without its password.
func redactURL(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	q := c.Query()
	if q.Has("password") {
		q.Del("password")
		c.RawQuery = q.Encode()
	}
	return c.String()
}

// redactDSN returns a DSN fit for a message: a URL without its password.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		if i := strings.Index(dsn, "@"); i >= 0 {
			return "…" + dsn[i:]
		}
		return dsn
	}
	return redactURL(u)
}

// sqliteParams are the settings of every SQLite connection: WAL so readers
// never wait for the writer, foreign keys checked, a busy wait instead of an
// instant failure, NORMAL sync (safe in WAL), and times that sort as text.
const sqliteParams = "_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_time_format=sqlite"

// sqliteReaders is the size of the read pool: modernc's reads do not scale
// past a core or two, and more connections only add waiting.
const sqliteReaders = 4

func openSQLite(ctx context.Context, t target) (*DB, error) {
	if err := checkSQLiteFile(t.path); err != nil {
		return nil, err
	}
	// A write transaction begins IMMEDIATE: one that reads first and then
	// upgrades to a write lock fails at once, whatever the busy timeout.
	write, err := sql.Open("sqlite", t.path+"?"+sqliteParams+"&_txlock=immediate")
	if err != nil {
		return nil, sqliteOpenError(t, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	// The read pool cannot write, so that a write can never bypass the writer.
	read, err := sql.Open("sqlite", t.path+"?"+sqliteParams+"&_pragma=query_only(1)")
	if err != nil {
		write.Close()
		return nil, sqliteOpenError(t, err)
	}
	read.SetMaxOpenConns(sqliteReaders)
	read.SetMaxIdleConns(sqliteReaders)

	db := &DB{write: write, read: read, dialect: sqliteDialect, name: t.name, Now: time.Now}
	if err := write.PingContext(ctx); err != nil {
		db.Close()
		return nil, sqliteOpenError(t, err)
	}
	return db, nil
}

// sqliteHeader begins every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkSQLiteFile refuses a path that cannot become or is not a SQLite database.
func checkSQLiteFile(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); err != nil {
			return followup.Errorf(followup.EINVALID,
				"--db %s: folder %s does not exist: create it or choose another path", path, dir)
		}
		return nil
	}
	if err != nil {
		return followup.Errorf(followup.EINVALID, "--db %s cannot be read: %v", path, err)
	}
	if info.IsDir() {
		return followup.Errorf(followup.EINVALID,
			"--db %s is a folder: name a file in it, e.g. %s", path,
			filepath.Join(path, "followup.db"))
	}
	if info.Size() == 0 {
		return nil // SQLite makes an empty file a new database
	}
	return checkSQLiteHeader(path)
}

func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return followup.Errorf(followup.EINVALID, "--db %s cannot be read: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return followup.Errorf(followup.EINVALID,
			"--db %s is not a SQLite database: check the path, or move the file away "+
				"to let followup create a new database there", path)
	}
	return nil
}

func sqliteOpenError(t target, err error) error {
	return &followup.Error{
		Code: followup.EINVALID,
		Message: fmt.Sprintf("cannot open SQLite database %s: check that the file is a "+
			"SQLite database and that you may read and write it and its folder", t.name),
		Err: err,
	}
}

func openPostgres(ctx context.Context, t target) (*DB, error) {
	pool, err := sql.Open("pgx", t.url)
	if err != nil {
		return nil, followup.Errorf(followup.EINVALID, "--db %s cannot be used: %v", t.name, err)
	}
	pool.SetMaxOpenConns(16)
	pool.SetMaxIdleConns(8)
	pool.SetConnMaxIdleTime(5 * time.Minute)

	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, &followup.Error{
			Code: followup.EINTERNAL,
			Message: fmt.Sprintf("cannot reach PostgreSQL at %s: check that the server runs, "+
				"that host and port are right, and that the user may log in to the database",
				t.name),
			Err: err,
		}
	}
	return &DB{write: pool, read: pool, dialect: postgresDialect, name: t.name, Now: time.Now}, nil
}

// readTxOptions are the options of a transaction that reads one moment.
func (d dialect) readTxOptions() *sql.TxOptions {
	if d == postgresDialect {
		return &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true}
	}
	return &sql.TxOptions{ReadOnly: true} // a deferred BEGIN: a snapshot in WAL mode
}
