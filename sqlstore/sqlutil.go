package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"followup"
)

// dayLayout is how calendar days are stored on SQLite and bound on both engines.
const dayLayout = "2006-01-02"

// dateArg returns a calendar day as a query argument: YYYY-MM-DD, or NULL
// for the zero time. PostgreSQL reads the text into a date column.
func dateArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dayLayout)
}

// timeArg returns a time as a query argument in UTC, or NULL for the zero time.
func timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// idArg returns a reference as a query argument: NULL for 0.
func idArg(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// textArg returns a nullable text as a query argument: NULL for "".
func textArg(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// jsonArg returns v as JSON text, for a JSON column.
func jsonArg(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode json: %w", err)
	}
	return string(b), nil
}

// dateCol scans a calendar day, or NULL as the zero time: text on SQLite, a
// date on PostgreSQL.
type dateCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		y, m, d := v.Date()
		*c.t = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("scan date: unexpected %T", src)
	}
	return nil
}

func (c dateCol) parse(s string) error {
	if len(s) > len(dayLayout) {
		s = s[:len(dayLayout)]
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		return fmt.Errorf("scan date: %w", err)
	}
	*c.t = t
	return nil
}

// timeCol scans a time in UTC, or NULL as the zero time.
type timeCol struct{ t *time.Time }

// timeLayouts are the forms SQLite may hand back a time in, when the driver
// does not parse it itself (an expression has no declared type).
var timeLayouts = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	time.RFC3339Nano,
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
}

// Scan implements sql.Scanner.
func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
		return nil
	case time.Time:
		*c.t = v.UTC()
		return nil
	case []byte:
		return c.Scan(string(v))
	case string:
		for _, layout := range timeLayouts {
			if t, err := time.Parse(layout, v); err == nil {
				*c.t = t.UTC()
				return nil
			}
		}
		return fmt.Errorf("scan time: cannot read %q", v)
	}
	return fmt.Errorf("scan time: unexpected %T", src)
}

// idCol scans a nullable reference, NULL as 0.
type idCol struct{ id *int64 }

// Scan implements sql.Scanner.
func (c idCol) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.id = n.Int64
	return nil
}

// textCol scans a nullable text, NULL as "".
type textCol struct{ s *string }

// Scan implements sql.Scanner.
func (c textCol) Scan(src any) error {
	var n sql.NullString
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.s = n.String
	return nil
}

// jsonCol scans JSON text into v; NULL leaves v as it is.
type jsonCol struct{ v any }

// Scan implements sql.Scanner.
func (c jsonCol) Scan(src any) error {
	var b []byte
	switch s := src.(type) {
	case nil:
		return nil
	case string:
		b = []byte(s)
	case []byte:
		b = s
	default:
		return fmt.Errorf("scan json: unexpected %T", src)
	}
	if err := json.Unmarshal(b, c.v); err != nil {
		return fmt.Errorf("scan json: %w", err)
	}
	return nil
}

// scanner is what *sql.Row and *sql.Rows have in common.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, q querier, scan func(scanner) (T, error),
	query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		all = append(all, v)
	}
	return all, rows.Err()
}

// notFound returns the ENOTFOUND error for an entity and id.
func notFound(entity string, id any) error {
	return followup.Errorf(followup.ENOTFOUND, "%s %v does not exist", entity, id)
}

// oneRow maps sql.ErrNoRows to a not-found error and other errors to a fault.
func (tx *Tx) oneRow(err error, entity string, id any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return notFound(entity, id)
	}
	if err != nil {
		return tx.db.fault("read "+entity, err)
	}
	return nil
}

// writeError turns a constraint violation into an error for people, naming the
// entity; anything else is a fault. Most conflicts are found earlier with a
// better message; this is the net under those checks.
func (tx *Tx) writeError(what string, err error) error {
	switch constraintOf(err) {
	case "unique":
		return &followup.Error{Code: followup.ECONFLICT,
			Message: fmt.Sprintf("%s: a value that must be unique is already used", what), Err: err}
	case "foreign":
		return &followup.Error{Code: followup.EINVALID,
			Message: fmt.Sprintf("%s: it refers to a record that does not exist", what), Err: err}
	case "check":
		return &followup.Error{Code: followup.EINVALID,
			Message: fmt.Sprintf("%s: a value is not one of those allowed", what), Err: err}
	}
	return tx.db.fault(what, err)
}

// constraintOf names the kind of constraint err violates: unique, foreign,
// check, or "" when err is no constraint violation.
func constraintOf(err error) string {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return "unique"
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return "foreign"
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return "check"
		}
		return ""
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return "unique"
		case "23503":
			return "foreign"
		case "23514", "23502":
			return "check"
		}
	}
	return ""
}

// placeholders returns "$from, $from+1, ..." for n arguments.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	return b.String()
}

// filter builds a WHERE clause from the conditions that apply, so that the
// engine sees only those and can use its indexes. Each condition has one "?"
// that becomes the next $n.
type filter struct {
	conds []string
	args  []any
}

// add appends cond with its argument.
func (f *filter) add(cond string, arg any) {
	f.args = append(f.args, arg)
	f.conds = append(f.conds, strings.Replace(cond, "?", fmt.Sprintf("$%d", len(f.args)), 1))
}

// where returns " WHERE a AND b", or "" when there are no conditions.
func (f *filter) where() string {
	if len(f.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(f.conds, " AND ")
}

// page appends LIMIT and OFFSET when limit or offset is set.
func (f *filter) page(limit, offset int) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = 1 << 31
	}
	f.args = append(f.args, limit, offset)
	return fmt.Sprintf(" LIMIT $%d OFFSET $%d", len(f.args)-1, len(f.args))
}

// listArg returns a list of texts as JSON for a NOT NULL column: [] when empty.
func listArg(items []string) string {
	if len(items) == 0 {
		return "[]"
	}
	s, _ := jsonArg(items) // a []string always encodes
	return s
}

// listCol scans a JSON list of texts; an empty list becomes nil, so that a
// list reads back as it was stored.
type listCol struct{ v *[]string }

// Scan implements sql.Scanner.
func (c listCol) Scan(src any) error {
	var items []string
	if err := (jsonCol{&items}).Scan(src); err != nil {
		return err
	}
	if len(items) == 0 {
		items = nil
	}
	*c.v = items
	return nil
}

// insert adds one row to table and sets *id. When *id is already set, as in
// an import, the row keeps it; otherwise the database numbers the row.
func (tx *Tx) insert(ctx context.Context, table string, id *int64, cols []string,
	args ...any) error {
	if *id != 0 {
		cols = append([]string{"id"}, cols...)
		args = append([]any{*id}, args...)
	}
	q := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` +
		placeholders(1, len(cols)) + `) RETURNING id`
	return tx.q.QueryRowContext(ctx, q, args...).Scan(id)
}

// prefixed returns a column list with each column qualified by alias, for
// queries that join tables with columns of the same name.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = alias + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}
