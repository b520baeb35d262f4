package sqlstore

import (
	"context"
	"strings"
	"time"

	"followup"
)

var (
	_ followup.FollowUpService = (*DB)(nil)
	_ followup.FollowUpService = (*Tx)(nil)
)

const followUpColumns = `id, deal_id, owner_id, kind, due, purpose, source, done_at, outcome,
	created_at`

func scanFollowUp(s scanner) (*followup.FollowUp, error) {
	var f followup.FollowUp
	err := s.Scan(&f.ID, &f.DealID, &f.OwnerID, &f.Kind, dateCol{&f.Due}, &f.Purpose,
		&f.Source, timeCol{&f.DoneAt}, &f.Outcome, timeCol{&f.CreatedAt})
	return &f, err
}

// CreateFollowUp stores f and sets its ID.
func (db *DB) CreateFollowUp(ctx context.Context, f *followup.FollowUp) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateFollowUp(ctx, f) })
}

// CreateFollowUp stores f and sets its ID.
func (tx *Tx) CreateFollowUp(ctx context.Context, f *followup.FollowUp) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindDealByID(ctx, f.DealID); err != nil {
		return err
	}
	if _, err := tx.FindUserByID(ctx, f.OwnerID); err != nil {
		return err
	}
	f.CreatedAt = tx.db.now()
	f.Moves = nil
	if err := tx.insertFollowUp(ctx, f); err != nil {
		return err
	}
	return tx.audit(ctx, "follow_up", f.ID, "create", nil, f)
}

// insertFollowUp inserts f's row, keeping its ID when set, and its moves.
func (tx *Tx) insertFollowUp(ctx context.Context, f *followup.FollowUp) error {
	err := tx.insert(ctx, "follow_ups", &f.ID, []string{"deal_id", "owner_id", "kind", "due",
		"purpose", "source", "done_at", "outcome", "created_at"},
		f.DealID, f.OwnerID, string(f.Kind), dateArg(f.Due), f.Purpose, f.Source,
		timeArg(f.DoneAt), f.Outcome, timeArg(f.CreatedAt))
	if err != nil {
		return tx.writeError("create follow-up", err)
	}
	for i := range f.Moves {
		if err := tx.insertMove(ctx, f.ID, &f.Moves[i]); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) insertMove(ctx context.Context, followUpID int64, m *followup.FollowUpMove) error {
	err := tx.insert(ctx, "follow_up_moves", &m.ID, []string{"follow_up_id", "from_date",
		"to_date", "reason", "moved_at"},
		followUpID, dateArg(m.From), dateArg(m.To), m.Reason, timeArg(m.MovedAt))
	if err != nil {
		return tx.writeError("move follow-up", err)
	}
	return nil
}

// FindFollowUpByID returns the follow-up with its moves.
func (db *DB) FindFollowUpByID(ctx context.Context, id int64) (*followup.FollowUp, error) {
	return db.reader().FindFollowUpByID(ctx, id)
}

// FindFollowUpByID returns the follow-up with its moves.
func (tx *Tx) FindFollowUpByID(ctx context.Context, id int64) (*followup.FollowUp, error) {
	f, err := scanFollowUp(tx.q.QueryRowContext(ctx,
		`SELECT `+followUpColumns+` FROM follow_ups WHERE id = $1`, id))
	if err := tx.oneRow(err, "follow-up", id); err != nil {
		return nil, err
	}
	const q = `SELECT follow_up_id, ` + moveColumns + ` FROM follow_up_moves
		WHERE follow_up_id = $1 ORDER BY id`
	return f, tx.attachMoves(ctx, []*followup.FollowUp{f}, q, id)
}

// dealFollowUps returns the deal's follow-ups with their moves, by due date.
func (tx *Tx) dealFollowUps(ctx context.Context, dealID int64) ([]*followup.FollowUp, error) {
	all, err := queryAll(ctx, tx.q, scanFollowUp, `SELECT `+followUpColumns+
		` FROM follow_ups WHERE deal_id = $1 ORDER BY due, id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read follow-ups", err)
	}
	q := `SELECT m.follow_up_id, ` + prefixed("m", moveColumns) + ` FROM follow_up_moves m
		JOIN follow_ups f ON f.id = m.follow_up_id
		WHERE f.deal_id = $1 ORDER BY m.id`
	return all, tx.attachMoves(ctx, all, q, dealID)
}

const moveColumns = `id, from_date, to_date, reason, moved_at`

// attachMoves runs q, which returns (follow_up_id, moveColumns) rows oldest
// first, and appends each move to its follow-up.
func (tx *Tx) attachMoves(ctx context.Context, all []*followup.FollowUp, q string,
	args ...any) error {
	byID := make(map[int64]*followup.FollowUp, len(all))
	for _, f := range all {
		byID[f.ID] = f
	}
	rows, err := tx.q.QueryContext(ctx, q, args...)
	if err != nil {
		return tx.db.fault("read follow-up moves", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var m followup.FollowUpMove
		err := rows.Scan(&id, &m.ID, dateCol{&m.From}, dateCol{&m.To}, &m.Reason,
			timeCol{&m.MovedAt})
		if err != nil {
			return tx.db.fault("read follow-up moves", err)
		}
		if f := byID[id]; f != nil {
			f.Moves = append(f.Moves, m)
		}
	}
	return rows.Err()
}

// openFollowUp returns the follow-up when it is still open, and an ECONFLICT
// error saying when it was done otherwise.
func (tx *Tx) openFollowUp(ctx context.Context, id int64) (*followup.FollowUp, error) {
	f, err := tx.FindFollowUpByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !f.Open() {
		return nil, followup.Errorf(followup.ECONFLICT, "follow-up %d was done already, on %s, "+
			"with the outcome %q", id, f.DoneAt.Format(dayLayout), f.Outcome)
	}
	return f, nil
}

// CompleteFollowUp marks an open follow-up done at the time (now when zero)
// with the outcome.
func (db *DB) CompleteFollowUp(ctx context.Context, id int64, at time.Time,
	outcome string) (*followup.FollowUp, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.FollowUp, error) {
		return tx.CompleteFollowUp(ctx, id, at, outcome)
	})
}

// CompleteFollowUp marks an open follow-up done at the time (now when zero)
// with the outcome.
func (tx *Tx) CompleteFollowUp(ctx context.Context, id int64, at time.Time,
	outcome string) (*followup.FollowUp, error) {
	outcome = strings.TrimSpace(outcome)
	if outcome == "" {
		return nil, followup.Errorf(followup.EINVALID,
			"a done follow-up needs an outcome, e.g. \"letter confirmed\" or \"no answer\"")
	}
	before, err := tx.openFollowUp(ctx, id)
	if err != nil {
		return nil, err
	}
	f := *before
	f.DoneAt, f.Outcome = tx.at(at), outcome
	const q = `UPDATE follow_ups SET done_at = $2, outcome = $3 WHERE id = $1`
	if _, err := tx.q.ExecContext(ctx, q, id, f.DoneAt, f.Outcome); err != nil {
		return nil, tx.db.fault("complete follow-up", err)
	}
	return &f, tx.audit(ctx, "follow_up", id, "done", before, &f)
}

// MoveFollowUp moves an open follow-up to another day, for the reason, and
// keeps the move.
func (db *DB) MoveFollowUp(ctx context.Context, id int64, to time.Time,
	reason string) (*followup.FollowUp, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.FollowUp, error) {
		return tx.MoveFollowUp(ctx, id, to, reason)
	})
}

// MoveFollowUp moves an open follow-up to another day, for the reason, and
// keeps the move.
func (tx *Tx) MoveFollowUp(ctx context.Context, id int64, to time.Time,
	reason string) (*followup.FollowUp, error) {
	reason = strings.TrimSpace(reason)
	switch {
	case to.IsZero():
		return nil, followup.Errorf(followup.EINVALID, "a move needs the day to move to")
	case reason == "":
		return nil, followup.Errorf(followup.EINVALID,
			"a move needs a reason: say why the follow-up moves")
	}
	before, err := tx.openFollowUp(ctx, id)
	if err != nil {
		return nil, err
	}
	to = time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	if to.Equal(before.Due) {
		return nil, followup.Errorf(followup.EINVALID,
			"follow-up %d is due on %s already: give another day", id, to.Format(dayLayout))
	}
	f := *before
	move := followup.FollowUpMove{From: before.Due, To: to, Reason: reason, MovedAt: tx.db.now()}
	if err := tx.insertMove(ctx, id, &move); err != nil {
		return nil, err
	}
	f.Due, f.Moves = to, append(append([]followup.FollowUpMove(nil), before.Moves...), move)
	const q = `UPDATE follow_ups SET due = $2 WHERE id = $1`
	if _, err := tx.q.ExecContext(ctx, q, id, dateArg(to)); err != nil {
		return nil, tx.db.fault("move follow-up", err)
	}
	return &f, tx.audit(ctx, "follow_up", id, "move", before, &f)
}

// Agenda returns the seller's agenda for the day (today when zero), read at
// one moment: open follow-ups due that day or before, oldest first, and open
// deals with no open follow-up.
func (db *DB) Agenda(ctx context.Context, q followup.AgendaQuery) (*followup.Agenda, error) {
	var a *followup.Agenda
	err := db.withReadTx(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.Agenda(ctx, q)
		return err
	})
	return a, err
}

// Agenda returns the seller's agenda for the day (today when zero): open
// follow-ups due that day or before, oldest first, and open deals with no
// open follow-up.
func (tx *Tx) Agenda(ctx context.Context, q followup.AgendaQuery) (*followup.Agenda, error) {
	day := q.Date
	if day.IsZero() {
		day = tx.db.now()
	}
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	a := &followup.Agenda{Date: day}
	var err error
	if a.Due, err = tx.agendaDue(ctx, q.SellerID, day); err != nil {
		return nil, err
	}
	if a.Unplanned, err = tx.unplannedDeals(ctx, q.SellerID); err != nil {
		return nil, err
	}
	return a, nil
}

func (tx *Tx) agendaDue(ctx context.Context,
	sellerID int64, day time.Time) ([]followup.AgendaItem, error) {
	var w filter
	w.add("f.due <= ?", dateArg(day))
	if sellerID != 0 {
		w.add("f.owner_id = ?", sellerID)
	}
	q := `SELECT ` + prefixed("f", followUpColumns) + `, d.title, o.name
		FROM follow_ups f
		JOIN deals d ON d.id = f.deal_id
		JOIN organisations o ON o.id = d.organisation_id` +
		w.where() + ` AND f.done_at IS NULL ORDER BY f.due, f.id`
	items, err := queryAll(ctx, tx.q, func(s scanner) (followup.AgendaItem, error) {
		var it followup.AgendaItem
		var f followup.FollowUp
		err := s.Scan(&f.ID, &f.DealID, &f.OwnerID, &f.Kind, dateCol{&f.Due}, &f.Purpose,
			&f.Source, timeCol{&f.DoneAt}, &f.Outcome, timeCol{&f.CreatedAt},
			&it.DealTitle, &it.Organisation)
		it.FollowUp, it.Overdue = &f, f.Due.Before(day)
		return it, err
	}, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("read agenda", err)
	}
	return items, nil
}

func (tx *Tx) unplannedDeals(ctx context.Context, sellerID int64) ([]*followup.Deal, error) {
	var w filter
	w.add("status = ?", string(followup.DealOpen))
	if sellerID != 0 {
		w.add("owner_id = ?", sellerID)
	}
	q := `SELECT ` + dealColumns + ` FROM deals` + w.where() + ` AND NOT EXISTS (
		SELECT 1 FROM follow_ups f WHERE f.deal_id = deals.id AND f.done_at IS NULL)
		ORDER BY id`
	deals, err := queryAll(ctx, tx.q, scanDeal, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("read deals without follow-up", err)
	}
	return deals, nil
}
