package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"followup"
)

// Backup writes a consistent copy of the SQLite database that dsn names to
// path, while other connections and processes go on writing: the copy is the
// database as it was when the copy began. It neither creates nor migrates
// the database, so a copy taken before an upgrade is the old database as it
// was. An existing path is refused unless overwrite is set.
//
// The copy is made with VACUUM INTO, which reads in one transaction (in WAL
// mode without holding up writers) and writes a compact file with no WAL of
// its own. It goes to a temporary name beside path and is renamed into place
// once complete, so path never holds half a copy.
//
// A PostgreSQL dsn is an EINVALID error that says how to use pg_dump instead.
func Backup(ctx context.Context, dsn, path string, overwrite bool) error {
	t, err := parseDSN(dsn)
	if err != nil {
		return err
	}
	if t.dialect == postgresDialect {
		return followup.Errorf(followup.EINVALID, "--db %s is PostgreSQL: followup backup "+
			"copies SQLite files only; back it up with pg_dump, e.g. "+
			"pg_dump --format=custom --file=followup.dump %q", t.name, t.name)
	}
	if err := checkBackupPaths(t.path, path, overwrite); err != nil {
		return err
	}
	tmp, err := reserveTemp(path)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // fails harmlessly once renamed

	if err := vacuumInto(ctx, t, tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return syncDir(filepath.Dir(path))
}

// checkBackupPaths refuses a source that is no SQLite database and a target
// that exists (unless overwrite is set) or is the source itself.
func checkBackupPaths(src, dst string, overwrite bool) error {
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return followup.Errorf(followup.EINVALID, "--db %s does not exist: name the database "+
			"file to back up", src)
	}
	if err := checkSQLiteHeader(src); err != nil {
		return err
	}
	absSrc, err1 := filepath.Abs(src)
	absDst, err2 := filepath.Abs(dst)
	if err := errors.Join(err1, err2); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if absSrc == absDst {
		return followup.Errorf(followup.EINVALID, "backup %s is the database itself: "+
			"name another file", dst)
	}
	info, err := os.Stat(dst)
	switch {
	case err == nil && info.IsDir():
		return followup.Errorf(followup.EINVALID, "backup %s is a folder: name a file in it, "+
			"e.g. %s", dst, filepath.Join(dst, "followup-backup.db"))
	case err == nil && !overwrite:
		return followup.Errorf(followup.EINVALID, "backup %s exists: name a new file, or "+
			"add --force to replace it", dst)
	}
	return nil
}

// reserveTemp makes an empty file beside path, readable by its owner only
// (the copy holds password hashes), and returns its name.
func reserveTemp(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", followup.Errorf(followup.EINVALID, "cannot write backup %s: %v: check "+
			"that its folder exists and that you may write there", path, unwrapPath(err))
	}
	return f.Name(), f.Close()
}

// vacuumInto copies the database t into the empty file tmp.
func vacuumInto(ctx context.Context, t target, tmp string) error {
	// A connection of its own: the store's read pool is query-only, which
	// VACUUM INTO refuses, and its writer must not wait for a copy.
	conn, err := sql.Open("sqlite", t.path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		return sqliteOpenError(t, err)
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if _, err := conn.ExecContext(ctx, `VACUUM INTO $1`, tmp); err != nil {
		return &followup.Error{Code: followup.EINTERNAL,
			Message: fmt.Sprintf("backup of %s failed", t.name), Err: err}
	}
	return nil
}

// unwrapPath drops the path an *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}

// syncDir makes a rename in dir durable. Some systems cannot sync a folder;
// the copy is complete either way, so that failure is ignored.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	d.Sync()
	return d.Close()
}
