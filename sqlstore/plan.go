package sqlstore

import (
	"context"
	"time"

	"followup"
)

var (
	_ followup.PlanService = (*DB)(nil)
	_ followup.PlanService = (*Tx)(nil)
)

const planColumns = `id, deal_id, meeting_id, version, title, footer, created_at, agreed_at`

func scanPlan(s scanner) (*followup.PlanVersion, error) {
	var p followup.PlanVersion
	err := s.Scan(&p.ID, &p.DealID, idCol{&p.MeetingID}, &p.Version, &p.Plan.Title,
		&p.Plan.Footer, timeCol{&p.CreatedAt}, timeCol{&p.AgreedAt})
	return &p, err
}

// SavePlanVersion stores p as the deal's next version and sets its ID and
// Version.
func (db *DB) SavePlanVersion(ctx context.Context, p *followup.PlanVersion) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.SavePlanVersion(ctx, p) })
}

// SavePlanVersion stores p as the deal's next version and sets its ID and
// Version.
func (tx *Tx) SavePlanVersion(ctx context.Context, p *followup.PlanVersion) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if err := tx.lockDeal(ctx, p.DealID); err != nil {
		return err
	}
	if err := tx.checkMeetingOfDeal(ctx, p.MeetingID, p.DealID); err != nil {
		return err
	}
	const last = `SELECT COALESCE(MAX(version), 0) FROM plans WHERE deal_id = $1`
	if err := tx.q.QueryRowContext(ctx, last, p.DealID).Scan(&p.Version); err != nil {
		return tx.db.fault("count plan versions", err)
	}
	p.Version++
	p.CreatedAt = tx.db.now()
	if err := tx.insertPlan(ctx, p); err != nil {
		return err
	}
	return tx.audit(ctx, "plan", p.ID, "create", nil, p)
}

// insertPlan inserts p's row, keeping its ID when set, and its events.
func (tx *Tx) insertPlan(ctx context.Context, p *followup.PlanVersion) error {
	err := tx.insert(ctx, "plans", &p.ID, []string{"deal_id", "meeting_id", "version", "title",
		"footer", "created_at", "agreed_at"},
		p.DealID, idArg(p.MeetingID), p.Version, p.Plan.Title, p.Plan.Footer,
		timeArg(p.CreatedAt), timeArg(p.AgreedAt))
	if err != nil {
		return tx.writeError("save plan", err)
	}
	return tx.insertEvents(ctx, p.ID, p.Plan.Events)
}

func (tx *Tx) insertEvents(ctx context.Context, planID int64, events []followup.Event) error {
	const q = `INSERT INTO plan_events (plan_id, position, text, event_date, kind, kind_inferred,
		owner, checkpoint, outcome, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`
	for i, e := range events {
		_, err := tx.q.ExecContext(ctx, q, planID, i, e.Text, dateArg(e.Date), string(e.Kind),
			e.KindInferred, string(e.Owner), e.Checkpoint, string(e.Outcome), e.Note)
		if err != nil {
			return tx.writeError("save plan event "+e.Text, err)
		}
	}
	return nil
}

// FindPlanVersion returns the plan version with the id, with its events.
func (db *DB) FindPlanVersion(ctx context.Context, id int64) (*followup.PlanVersion, error) {
	return db.reader().FindPlanVersion(ctx, id)
}

// FindPlanVersion returns the plan version with the id, with its events.
func (tx *Tx) FindPlanVersion(ctx context.Context, id int64) (*followup.PlanVersion, error) {
	p, err := scanPlan(tx.q.QueryRowContext(ctx,
		`SELECT `+planColumns+` FROM plans WHERE id = $1`, id))
	if err := tx.oneRow(err, "plan version", id); err != nil {
		return nil, err
	}
	const q = `SELECT plan_id, ` + eventColumns + ` FROM plan_events
		WHERE plan_id = $1 ORDER BY position`
	return p, tx.attachEvents(ctx, []*followup.PlanVersion{p}, q, id)
}

// dealPlans returns the deal's plan versions with their events, by version.
func (tx *Tx) dealPlans(ctx context.Context, dealID int64) ([]*followup.PlanVersion, error) {
	plans, err := queryAll(ctx, tx.q, scanPlan,
		`SELECT `+planColumns+` FROM plans WHERE deal_id = $1 ORDER BY version`, dealID)
	if err != nil {
		return nil, tx.db.fault("read plans", err)
	}
	q := `SELECT e.plan_id, ` + prefixed("e", eventColumns) + ` FROM plan_events e
		JOIN plans p ON p.id = e.plan_id
		WHERE p.deal_id = $1 ORDER BY e.plan_id, e.position`
	return plans, tx.attachEvents(ctx, plans, q, dealID)
}

const eventColumns = `text, event_date, kind, kind_inferred, owner, checkpoint, outcome, note`

// attachEvents runs q, which returns (plan_id, eventColumns) rows in position
// order, and appends each event to its plan.
func (tx *Tx) attachEvents(ctx context.Context, plans []*followup.PlanVersion,
	q string, args ...any) error {
	byID := make(map[int64]*followup.PlanVersion, len(plans))
	for _, p := range plans {
		byID[p.ID] = p
	}
	rows, err := tx.q.QueryContext(ctx, q, args...)
	if err != nil {
		return tx.db.fault("read plan events", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e followup.Event
		err := rows.Scan(&id, &e.Text, dateCol{&e.Date}, &e.Kind, &e.KindInferred, &e.Owner,
			&e.Checkpoint, &e.Outcome, &e.Note)
		if err != nil {
			return tx.db.fault("read plan events", err)
		}
		if p := byID[id]; p != nil {
			p.Plan.Events = append(p.Plan.Events, e)
		}
	}
	return rows.Err()
}

// AgreePlanVersion records that the buyer agreed to the version at the time
// (now when zero). A version agreed before is an ECONFLICT error.
func (db *DB) AgreePlanVersion(ctx context.Context,
	id int64, at time.Time) (*followup.PlanVersion, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.PlanVersion, error) {
		return tx.AgreePlanVersion(ctx, id, at)
	})
}

// AgreePlanVersion records that the buyer agreed to the version at the time
// (now when zero). A version agreed before is an ECONFLICT error.
func (tx *Tx) AgreePlanVersion(ctx context.Context,
	id int64, at time.Time) (*followup.PlanVersion, error) {
	before, err := tx.FindPlanVersion(ctx, id)
	if err != nil {
		return nil, err
	}
	if !before.AgreedAt.IsZero() {
		return nil, followup.Errorf(followup.ECONFLICT, "plan version %d of deal %d was "+
			"agreed already, on %s", before.Version, before.DealID,
			before.AgreedAt.Format(dayLayout))
	}
	p := *before
	p.AgreedAt = tx.at(at)
	_, err = tx.q.ExecContext(ctx, `UPDATE plans SET agreed_at = $2 WHERE id = $1`, id, p.AgreedAt)
	if err != nil {
		return nil, tx.db.fault("agree plan", err)
	}
	return &p, tx.audit(ctx, "plan", id, "agree", before, &p)
}

// SetEventOutcome marks checkpoint number n (from 1) of the plan go or stop,
// with a note; [followup.Pending] clears the mark.
func (db *DB) SetEventOutcome(ctx context.Context, planID int64, n int, o followup.Outcome,
	note string) (*followup.PlanVersion, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.PlanVersion, error) {
		return tx.SetEventOutcome(ctx, planID, n, o, note)
	})
}

// SetEventOutcome marks checkpoint number n (from 1) of the plan go or stop,
// with a note; [followup.Pending] clears the mark.
func (tx *Tx) SetEventOutcome(ctx context.Context, planID int64, n int, o followup.Outcome,
	note string) (*followup.PlanVersion, error) {
	if o != followup.Go && o != followup.Stop && o != followup.Pending {
		return nil, followup.Errorf(followup.EINVALID, "outcome %q is unknown: use go or stop", o)
	}
	before, err := tx.FindPlanVersion(ctx, planID)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > len(before.Plan.Events) {
		return nil, followup.Errorf(followup.EINVALID, "plan version %d has events 1 to %d, "+
			"not %d", before.Version, len(before.Plan.Events), n)
	}
	if !before.Plan.Events[n-1].Checkpoint {
		return nil, followup.Errorf(followup.EINVALID, "event %d (%s) is not a checkpoint: "+
			"only checkpoints are marked go or stop", n, before.Plan.Events[n-1].Text)
	}
	after := *before
	after.Plan.Events = append([]followup.Event(nil), before.Plan.Events...)
	after.Plan.Events[n-1].Outcome, after.Plan.Events[n-1].Note = o, note
	const q = `UPDATE plan_events SET outcome = $3, note = $4 WHERE plan_id = $1 AND position = $2`
	if _, err := tx.q.ExecContext(ctx, q, planID, n-1, string(o), note); err != nil {
		return nil, tx.db.fault("mark plan event", err)
	}
	return &after, tx.audit(ctx, "plan", planID, "outcome", before, &after)
}
