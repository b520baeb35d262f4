package sqlstore

import (
	"context"
	"fmt"

	"followup"
)

// audit writes one row of the audit log in tx: who (from ctx) did action to
// the entity's row id, with the row before and after as JSON. A nil before or
// after is stored as NULL.
func (tx *Tx) audit(ctx context.Context, entity string, id int64, action string,
	before, after any) error {
	b, err := auditJSON(before)
	if err != nil {
		return err
	}
	a, err := auditJSON(after)
	if err != nil {
		return err
	}
	actor := followup.ActorFromContext(ctx)
	const q = `INSERT INTO audit_log (at, user_id, actor, entity, entity_id, action, before, after)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`
	_, err = tx.q.ExecContext(ctx, q, tx.db.now(), idArg(actor.UserID), actor.Name,
		entity, id, action, b, a)
	if err != nil {
		return tx.db.fault("write audit log", err)
	}
	return nil
}

// auditJSON encodes v for the audit log, or NULL for nil.
func auditJSON(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	s, err := jsonArg(v)
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	return s, nil
}

// ListAudit returns the audit entries that match f, newest first.
func (db *DB) ListAudit(ctx context.Context,
	f followup.AuditFilter) ([]*followup.AuditEntry, error) {
	return db.reader().ListAudit(ctx, f)
}

// ListAudit returns the audit entries that match f, newest first.
func (tx *Tx) ListAudit(ctx context.Context,
	f followup.AuditFilter) ([]*followup.AuditEntry, error) {
	var w filter
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.EntityID != 0 {
		w.add("entity_id = ?", f.EntityID)
	}
	q := `SELECT ` + auditColumns + ` FROM audit_log` + w.where() + ` ORDER BY id DESC` +
		w.page(f.Limit, 0)
	all, err := queryAll(ctx, tx.q, scanAudit, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("read audit log", err)
	}
	return all, nil
}

const auditColumns = `id, at, user_id, actor, entity, entity_id, action, before, after`

func scanAudit(s scanner) (*followup.AuditEntry, error) {
	var e followup.AuditEntry
	err := s.Scan(&e.ID, timeCol{&e.At}, idCol{&e.UserID}, &e.Actor, &e.Entity, &e.EntityID,
		&e.Action, textCol{&e.Before}, textCol{&e.After})
	return &e, err
}
