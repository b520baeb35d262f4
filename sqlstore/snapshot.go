package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"followup"
)

var (
	_ followup.SnapshotService = (*DB)(nil)
	_ followup.SnapshotService = (*Tx)(nil)
)

// idTables are the tables whose rows are numbered, in the order an import
// fills them.
var idTables = []string{"teams", "users", "organisations", "contacts", "deals", "meetings",
	"letters", "plans", "follow_ups", "follow_up_moves", "reference_stories", "proof_items",
	"quotes", "value_items", "audit_log"}

// Export returns every row, read at one moment.
func (db *DB) Export(ctx context.Context) (*followup.Snapshot, error) {
	var s *followup.Snapshot
	err := db.withReadTx(ctx, func(tx *Tx) error {
		var err error
		s, err = tx.Export(ctx)
		return err
	})
	return s, err
}

// Export returns every row.
func (tx *Tx) Export(ctx context.Context) (*followup.Snapshot, error) {
	s := &followup.Snapshot{}
	var err error
	if err = tx.exportPeople(ctx, s); err != nil {
		return nil, err
	}
	if err = tx.exportRecords(ctx, s); err != nil {
		return nil, err
	}
	if s.Settings, err = tx.Settings(ctx); err != nil {
		return nil, err
	}
	s.Audit, err = exportAll(ctx, tx, scanAudit, `SELECT `+auditColumns+` FROM audit_log`)
	return s, err
}

// exportAll reads every row of a table in id order.
func exportAll[T any](ctx context.Context, tx *Tx, scan func(scanner) (T, error),
	query string) ([]T, error) {
	all, err := queryAll(ctx, tx.q, scan, query+` ORDER BY id`)
	if err != nil {
		return nil, tx.db.fault("export", err)
	}
	return all, nil
}

func (tx *Tx) exportPeople(ctx context.Context, s *followup.Snapshot) error {
	var err error
	if s.Teams, err = exportAll(ctx, tx, scanTeam, `SELECT `+teamColumns+` FROM teams`); err != nil {
		return err
	}
	if s.Users, err = exportAll(ctx, tx, scanUser, `SELECT `+userColumns+` FROM users`); err != nil {
		return err
	}
	s.Organisations, err = exportAll(ctx, tx, scanOrganisation,
		`SELECT `+organisationColumns+` FROM organisations`)
	if err != nil {
		return err
	}
	s.Contacts, err = exportAll(ctx, tx, scanContact, `SELECT `+contactColumns+` FROM contacts`)
	if err != nil {
		return err
	}
	s.ReferenceStories, err = exportAll(ctx, tx, scanReference,
		`SELECT `+referenceColumns+` FROM reference_stories`)
	return err
}

func (tx *Tx) exportRecords(ctx context.Context, s *followup.Snapshot) error {
	var err error
	if s.Deals, err = exportAll(ctx, tx, scanDeal, `SELECT `+dealColumns+` FROM deals`); err != nil {
		return err
	}
	if err = tx.exportMeetingsAndPlans(ctx, s); err != nil {
		return err
	}
	s.Letters, err = exportAll(ctx, tx, scanLetter, `SELECT `+letterColumns+` FROM letters`)
	if err != nil {
		return err
	}
	s.ProofItems, err = exportAll(ctx, tx, scanProof, `SELECT `+proofColumns+` FROM proof_items`)
	if err != nil {
		return err
	}
	s.Quotes, err = exportAll(ctx, tx, scanQuote, `SELECT `+quoteColumns+` FROM quotes`)
	if err != nil {
		return err
	}
	s.ValueItems, err = exportAll(ctx, tx, scanValue, `SELECT `+valueColumns+` FROM value_items`)
	return err
}

// exportMeetingsAndPlans reads the records that have children, with them.
func (tx *Tx) exportMeetingsAndPlans(ctx context.Context, s *followup.Snapshot) error {
	var err error
	s.Meetings, err = exportAll(ctx, tx, scanMeeting, `SELECT `+meetingColumns+` FROM meetings`)
	if err != nil {
		return err
	}
	err = tx.attachSections(ctx, s.Meetings, `SELECT meeting_id, `+sectionColumns+
		` FROM meeting_sections ORDER BY meeting_id, position`)
	if err != nil {
		return err
	}
	if s.Plans, err = exportAll(ctx, tx, scanPlan, `SELECT `+planColumns+` FROM plans`); err != nil {
		return err
	}
	err = tx.attachEvents(ctx, s.Plans, `SELECT plan_id, `+eventColumns+
		` FROM plan_events ORDER BY plan_id, position`)
	if err != nil {
		return err
	}
	s.FollowUps, err = exportAll(ctx, tx, scanFollowUp,
		`SELECT `+followUpColumns+` FROM follow_ups`)
	if err != nil {
		return err
	}
	return tx.attachMoves(ctx, s.FollowUps, `SELECT follow_up_id, `+moveColumns+
		` FROM follow_up_moves ORDER BY id`)
}

// Import stores every row of s, keeping their IDs, in one transaction, and
// logs one audit row for the import. The database must be empty.
func (db *DB) Import(ctx context.Context, s *followup.Snapshot) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.Import(ctx, s) })
}

// Import stores every row of s, keeping their IDs, and logs one audit row for
// the import. The database must be empty.
func (tx *Tx) Import(ctx context.Context, s *followup.Snapshot) error {
	if err := tx.checkEmpty(ctx); err != nil {
		return err
	}
	steps := []func(context.Context, *followup.Snapshot) error{
		tx.importPeople, tx.importRecords, tx.importRest,
	}
	for _, step := range steps {
		if err := step(ctx, s); err != nil {
			return err
		}
	}
	if err := tx.resetSequences(ctx); err != nil {
		return err
	}
	return tx.audit(ctx, "snapshot", 0, "import", nil, snapshotCounts(s))
}

// checkEmpty returns an ECONFLICT error when any table holds rows.
func (tx *Tx) checkEmpty(ctx context.Context) error {
	for _, t := range append([]string{"settings"}, idTables...) {
		var n int
		err := tx.q.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM `+t+
			` LIMIT 1) x`).Scan(&n)
		if err != nil {
			return tx.db.fault("count "+t, err)
		}
		if n > 0 {
			return followup.Errorf(followup.ECONFLICT, "database %s already holds %s: import "+
				"into a new, empty database", tx.db.name, strings.ReplaceAll(t, "_", " "))
		}
	}
	return nil
}

func (tx *Tx) importPeople(ctx context.Context, s *followup.Snapshot) error {
	if err := each(ctx, s.Teams, tx.insertTeam); err != nil {
		return err
	}
	if err := each(ctx, s.Users, tx.insertUser); err != nil {
		return err
	}
	if err := each(ctx, s.Organisations, tx.insertOrganisation); err != nil {
		return err
	}
	// A contact may give access to one stored after it: link them once all are in.
	err := each(ctx, s.Contacts, func(ctx context.Context, c *followup.Contact) error {
		return tx.insertContact(ctx, c, 0)
	})
	if err != nil {
		return err
	}
	return each(ctx, s.Contacts, func(ctx context.Context, c *followup.Contact) error {
		if c.AccessToID == 0 {
			return nil
		}
		_, err := tx.q.ExecContext(ctx, `UPDATE contacts SET access_to_id = $2 WHERE id = $1`,
			c.ID, c.AccessToID)
		if err != nil {
			return tx.writeError(fmt.Sprintf("link contact %d", c.ID), err)
		}
		return nil
	})
}

func (tx *Tx) importRecords(ctx context.Context, s *followup.Snapshot) error {
	if err := each(ctx, s.Deals, tx.insertDeal); err != nil {
		return err
	}
	if err := each(ctx, s.Meetings, tx.insertMeeting); err != nil {
		return err
	}
	if err := each(ctx, s.Letters, tx.insertLetter); err != nil {
		return err
	}
	if err := each(ctx, s.Plans, tx.insertPlan); err != nil {
		return err
	}
	return each(ctx, s.FollowUps, tx.insertFollowUp)
}

func (tx *Tx) importRest(ctx context.Context, s *followup.Snapshot) error {
	if err := each(ctx, s.ReferenceStories, tx.insertReference); err != nil {
		return err
	}
	if err := each(ctx, s.ProofItems, tx.insertProof); err != nil {
		return err
	}
	if err := each(ctx, s.Quotes, tx.insertQuote); err != nil {
		return err
	}
	if err := each(ctx, s.ValueItems, tx.insertValue); err != nil {
		return err
	}
	const q = `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)`
	for k, v := range s.Settings {
		if _, err := tx.q.ExecContext(ctx, q, k, v, tx.db.now()); err != nil {
			return tx.writeError("import setting "+k, err)
		}
	}
	return each(ctx, s.Audit, tx.insertAudit)
}

func (tx *Tx) insertAudit(ctx context.Context, e *followup.AuditEntry) error {
	err := tx.insert(ctx, "audit_log", &e.ID, []string{"at", "user_id", "actor", "entity",
		"entity_id", "action", "before", "after"},
		timeArg(e.At), idArg(e.UserID), e.Actor, e.Entity, e.EntityID, e.Action,
		textArg(e.Before), textArg(e.After))
	if err != nil {
		return tx.writeError("import audit entry", err)
	}
	return nil
}

// each calls fn for every item, and stops at the first error.
func each[T any](ctx context.Context, items []T, fn func(context.Context, T) error) error {
	for _, it := range items {
		if err := fn(ctx, it); err != nil {
			return err
		}
	}
	return nil
}

// resetSequences makes PostgreSQL number new rows after the imported ones.
// SQLite numbers a row one above the highest without being told.
func (tx *Tx) resetSequences(ctx context.Context) error {
	if tx.db.dialect != postgresDialect {
		return nil
	}
	for _, t := range idTables {
		q := `SELECT setval(pg_get_serial_sequence('` + t + `', 'id'),
			GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL) FROM ` + t
		if _, err := tx.q.ExecContext(ctx, q); err != nil {
			return tx.db.fault("reset numbering of "+t, err)
		}
	}
	return nil
}

// snapshotCounts returns how many rows of each kind s holds, for the log.
func snapshotCounts(s *followup.Snapshot) map[string]int {
	return map[string]int{
		"teams": len(s.Teams), "users": len(s.Users), "organisations": len(s.Organisations),
		"contacts": len(s.Contacts), "deals": len(s.Deals), "meetings": len(s.Meetings),
		"letters": len(s.Letters), "plans": len(s.Plans), "follow_ups": len(s.FollowUps),
		"reference_stories": len(s.ReferenceStories), "proof_items": len(s.ProofItems),
		"quotes": len(s.Quotes), "value_items": len(s.ValueItems),
		"settings": len(s.Settings), "audit": len(s.Audit),
	}
}
