package sqlstore

import (
	"context"
	"strings"

	"followup"
)

var (
	_ followup.EvidenceService  = (*DB)(nil)
	_ followup.EvidenceService  = (*Tx)(nil)
	_ followup.ReferenceService = (*DB)(nil)
	_ followup.ReferenceService = (*Tx)(nil)
)

const proofColumns = `id, deal_id, kind, description, who, customer, reference_id, proof_date,
	outcome, created_at`

func scanProof(s scanner) (*followup.ProofItem, error) {
	var p followup.ProofItem
	err := s.Scan(&p.ID, &p.DealID, &p.Kind, &p.Description, &p.Who, &p.Customer,
		idCol{&p.ReferenceID}, dateCol{&p.Date}, &p.Outcome, timeCol{&p.CreatedAt})
	return &p, err
}

// CreateProofItem stores p and sets its ID.
func (db *DB) CreateProofItem(ctx context.Context, p *followup.ProofItem) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateProofItem(ctx, p) })
}

// CreateProofItem stores p and sets its ID.
func (tx *Tx) CreateProofItem(ctx context.Context, p *followup.ProofItem) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindDealByID(ctx, p.DealID); err != nil {
		return err
	}
	p.CreatedAt = tx.db.now()
	if err := tx.insertProof(ctx, p); err != nil {
		return err
	}
	return tx.audit(ctx, "proof_item", p.ID, "create", nil, p)
}

func (tx *Tx) insertProof(ctx context.Context, p *followup.ProofItem) error {
	err := tx.insert(ctx, "proof_items", &p.ID, []string{"deal_id", "kind", "description",
		"who", "customer", "reference_id", "proof_date", "outcome", "created_at"},
		p.DealID, string(p.Kind), p.Description, p.Who, p.Customer, idArg(p.ReferenceID),
		dateArg(p.Date), p.Outcome, timeArg(p.CreatedAt))
	if err != nil {
		return tx.writeError("create proof item", err)
	}
	return nil
}

// SetProofOutcome records what came of the proof item.
func (db *DB) SetProofOutcome(ctx context.Context,
	id int64, outcome string) (*followup.ProofItem, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.ProofItem, error) {
		return tx.SetProofOutcome(ctx, id, outcome)
	})
}

// SetProofOutcome records what came of the proof item.
func (tx *Tx) SetProofOutcome(ctx context.Context,
	id int64, outcome string) (*followup.ProofItem, error) {
	before, err := scanProof(tx.q.QueryRowContext(ctx,
		`SELECT `+proofColumns+` FROM proof_items WHERE id = $1`, id))
	if err := tx.oneRow(err, "proof item", id); err != nil {
		return nil, err
	}
	p := *before
	p.Outcome = strings.TrimSpace(outcome)
	const q = `UPDATE proof_items SET outcome = $2 WHERE id = $1`
	if _, err := tx.q.ExecContext(ctx, q, id, p.Outcome); err != nil {
		return nil, tx.db.fault("set proof outcome", err)
	}
	return &p, tx.audit(ctx, "proof_item", id, "outcome", before, &p)
}

func (tx *Tx) dealProofItems(ctx context.Context, dealID int64) ([]*followup.ProofItem, error) {
	all, err := queryAll(ctx, tx.q, scanProof,
		`SELECT `+proofColumns+` FROM proof_items WHERE deal_id = $1 ORDER BY id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read proof items", err)
	}
	return all, nil
}

const quoteColumns = `id, deal_id, amount, quoted_at, override_reason, override_by, created_at`

func scanQuote(s scanner) (*followup.Quote, error) {
	var q followup.Quote
	err := s.Scan(&q.ID, &q.DealID, &q.Amount, timeCol{&q.QuotedAt}, &q.OverrideReason,
		idCol{&q.OverrideBy}, timeCol{&q.CreatedAt})
	return &q, err
}

// CreateQuote stores q and sets its ID. The quote gate is the caller's: the
// store records what it is given.
func (db *DB) CreateQuote(ctx context.Context, q *followup.Quote) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateQuote(ctx, q) })
}

// CreateQuote stores q and sets its ID. The quote gate is the caller's: the
// store records what it is given.
func (tx *Tx) CreateQuote(ctx context.Context, q *followup.Quote) error {
	if err := q.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindDealByID(ctx, q.DealID); err != nil {
		return err
	}
	if q.OverrideBy != 0 {
		if _, err := tx.FindUserByID(ctx, q.OverrideBy); err != nil {
			return err
		}
	}
	q.QuotedAt = tx.at(q.QuotedAt)
	q.CreatedAt = tx.db.now()
	if err := tx.insertQuote(ctx, q); err != nil {
		return err
	}
	return tx.audit(ctx, "quote", q.ID, "create", nil, q)
}

func (tx *Tx) insertQuote(ctx context.Context, q *followup.Quote) error {
	err := tx.insert(ctx, "quotes", &q.ID, []string{"deal_id", "amount", "quoted_at",
		"override_reason", "override_by", "created_at"},
		q.DealID, q.Amount, timeArg(q.QuotedAt), q.OverrideReason, idArg(q.OverrideBy),
		timeArg(q.CreatedAt))
	if err != nil {
		return tx.writeError("create quote", err)
	}
	return nil
}

func (tx *Tx) dealQuotes(ctx context.Context, dealID int64) ([]*followup.Quote, error) {
	all, err := queryAll(ctx, tx.q, scanQuote,
		`SELECT `+quoteColumns+` FROM quotes WHERE deal_id = $1 ORDER BY id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read quotes", err)
	}
	return all, nil
}

const valueColumns = `id, deal_id, kind, description, amount, executive, created_at`

func scanValue(s scanner) (*followup.ValueItem, error) {
	var v followup.ValueItem
	err := s.Scan(&v.ID, &v.DealID, &v.Kind, &v.Description, &v.Amount, &v.Executive,
		timeCol{&v.CreatedAt})
	return &v, err
}

// CreateValueItem stores v and sets its ID.
func (db *DB) CreateValueItem(ctx context.Context, v *followup.ValueItem) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateValueItem(ctx, v) })
}

// CreateValueItem stores v and sets its ID.
func (tx *Tx) CreateValueItem(ctx context.Context, v *followup.ValueItem) error {
	if err := v.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindDealByID(ctx, v.DealID); err != nil {
		return err
	}
	v.CreatedAt = tx.db.now()
	if err := tx.insertValue(ctx, v); err != nil {
		return err
	}
	return tx.audit(ctx, "value_item", v.ID, "create", nil, v)
}

func (tx *Tx) insertValue(ctx context.Context, v *followup.ValueItem) error {
	err := tx.insert(ctx, "value_items", &v.ID, []string{"deal_id", "kind", "description",
		"amount", "executive", "created_at"},
		v.DealID, string(v.Kind), v.Description, v.Amount, v.Executive, timeArg(v.CreatedAt))
	if err != nil {
		return tx.writeError("create value item", err)
	}
	return nil
}

func (tx *Tx) dealValueItems(ctx context.Context, dealID int64) ([]*followup.ValueItem, error) {
	all, err := queryAll(ctx, tx.q, scanValue,
		`SELECT `+valueColumns+` FROM value_items WHERE deal_id = $1 ORDER BY id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read value items", err)
	}
	return all, nil
}

const referenceColumns = `id, customer, industry, pain, reasons, result, measured_result,
	contact_id, created_at`

func scanReference(s scanner) (*followup.ReferenceStory, error) {
	var r followup.ReferenceStory
	err := s.Scan(&r.ID, &r.Customer, &r.Industry, &r.Pain, &r.Reasons, &r.Result,
		&r.MeasuredResult, idCol{&r.ContactID}, timeCol{&r.CreatedAt})
	return &r, err
}

// CreateReferenceStory stores r and sets its ID.
func (db *DB) CreateReferenceStory(ctx context.Context, r *followup.ReferenceStory) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateReferenceStory(ctx, r) })
}

// CreateReferenceStory stores r and sets its ID.
func (tx *Tx) CreateReferenceStory(ctx context.Context, r *followup.ReferenceStory) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if r.ContactID != 0 {
		if _, err := tx.FindContactByID(ctx, r.ContactID); err != nil {
			return err
		}
	}
	r.CreatedAt = tx.db.now()
	if err := tx.insertReference(ctx, r); err != nil {
		return err
	}
	return tx.audit(ctx, "reference_story", r.ID, "create", nil, r)
}

func (tx *Tx) insertReference(ctx context.Context, r *followup.ReferenceStory) error {
	err := tx.insert(ctx, "reference_stories", &r.ID, []string{"customer", "industry", "pain",
		"reasons", "result", "measured_result", "contact_id", "created_at"},
		r.Customer, r.Industry, r.Pain, r.Reasons, r.Result, r.MeasuredResult,
		idArg(r.ContactID), timeArg(r.CreatedAt))
	if err != nil {
		return tx.writeError("create reference story", err)
	}
	return nil
}

// ListReferenceStories returns the stories that match f, by customer. Text
// matches any part of the field, in any case.
func (db *DB) ListReferenceStories(ctx context.Context,
	f followup.ReferenceFilter) ([]*followup.ReferenceStory, error) {
	return db.reader().ListReferenceStories(ctx, f)
}

// ListReferenceStories returns the stories that match f, by customer. Text
// matches any part of the field, in any case.
func (tx *Tx) ListReferenceStories(ctx context.Context,
	f followup.ReferenceFilter) ([]*followup.ReferenceStory, error) {
	all, err := queryAll(ctx, tx.q, scanReference,
		`SELECT `+referenceColumns+` FROM reference_stories ORDER BY customer, id`)
	if err != nil {
		return nil, tx.db.fault("list reference stories", err)
	}
	// The library is small; matching in Go folds case alike on both engines,
	// where SQL's lower() on SQLite knows only ASCII.
	var hits []*followup.ReferenceStory
	for _, r := range all {
		if containsFold(r.Industry, f.Industry) && containsFold(r.Pain, f.Pain) {
			hits = append(hits, r)
		}
	}
	return hits, nil
}

// containsFold reports whether s holds part, in any case.
func containsFold(s, part string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(strings.TrimSpace(part)))
}
