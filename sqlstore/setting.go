package sqlstore

import (
	"context"
	"strings"

	"followup"
)

var (
	_ followup.SettingService = (*DB)(nil)
	_ followup.SettingService = (*Tx)(nil)
	_ followup.AuditService   = (*DB)(nil)
	_ followup.AuditService   = (*Tx)(nil)
)

// Setting returns the value of the key; an unset key is an ENOTFOUND error.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	return db.reader().Setting(ctx, key)
}

// Setting returns the value of the key; an unset key is an ENOTFOUND error.
func (tx *Tx) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := tx.q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if err := tx.oneRow(err, "setting", key); err != nil {
		return "", err
	}
	return v, nil
}

// Settings returns every setting.
func (db *DB) Settings(ctx context.Context) (map[string]string, error) {
	return db.reader().Settings(ctx)
}

// Settings returns every setting.
func (tx *Tx) Settings(ctx context.Context) (map[string]string, error) {
	type kv struct{ k, v string }
	rows, err := queryAll(ctx, tx.q, func(s scanner) (kv, error) {
		var r kv
		return r, s.Scan(&r.k, &r.v)
	}, `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		return nil, tx.db.fault("read settings", err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r.k] = r.v
	}
	return m, nil
}

// SetSetting sets the key to the value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, key, value) })
}

// SetSetting sets the key to the value.
func (tx *Tx) SetSetting(ctx context.Context, key, value string) error {
	key = strings.TrimSpace(key)
	if key == "" {
		return followup.Errorf(followup.EINVALID, "a setting needs a key")
	}
	old, err := tx.Setting(ctx, key)
	var before any
	switch {
	case err == nil:
		before = map[string]string{key: old}
	case followup.ErrorCode(err) != followup.ENOTFOUND:
		return err
	}
	const q = `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
	if _, err := tx.q.ExecContext(ctx, q, key, value, tx.db.now()); err != nil {
		return tx.db.fault("set setting "+key, err)
	}
	return tx.audit(ctx, "setting", 0, "set", before, map[string]string{key: value})
}
