package sqlstore

import (
	"context"

	"followup"
)

var (
	_ followup.DealService = (*DB)(nil)
	_ followup.DealService = (*Tx)(nil)
)

// dealColumns are the columns scanDeal reads, in its order; ListDealLines
// reads them too, ahead of its own.
const dealColumns = `id, organisation_id, owner_id, title, value, currency, close_date,
	status, status_reason, grade, created_at, updated_at`

func scanDeal(s scanner) (*followup.Deal, error) {
	var d followup.Deal
	err := s.Scan(dealFields(&d)...)
	return &d, err
}

// dealFields returns where each of dealColumns is scanned to in d.
func dealFields(d *followup.Deal) []any {
	return []any{&d.ID, &d.OrganisationID, &d.OwnerID, &d.Title, &d.Value, &d.Currency,
		dateCol{&d.CloseDate}, &d.Status, &d.StatusReason, &d.Grade, timeCol{&d.CreatedAt},
		timeCol{&d.UpdatedAt}}
}

// CreateDeal stores d and sets its ID and times.
func (db *DB) CreateDeal(ctx context.Context, d *followup.Deal) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateDeal(ctx, d) })
}

// CreateDeal stores d and sets its ID and times.
func (tx *Tx) CreateDeal(ctx context.Context, d *followup.Deal) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if _, err := tx.FindOrganisationByID(ctx, d.OrganisationID); err != nil {
		return err
	}
	if _, err := tx.FindUserByID(ctx, d.OwnerID); err != nil {
		return err
	}
	d.CreatedAt = tx.db.now()
	d.UpdatedAt = d.CreatedAt
	if err := tx.insertDeal(ctx, d); err != nil {
		return err
	}
	return tx.audit(ctx, "deal", d.ID, "create", nil, d)
}

func (tx *Tx) insertDeal(ctx context.Context, d *followup.Deal) error {
	err := tx.insert(ctx, "deals", &d.ID, []string{"organisation_id", "owner_id", "title",
		"value", "currency", "close_date", "status", "status_reason", "grade", "created_at",
		"updated_at"},
		d.OrganisationID, d.OwnerID, d.Title, d.Value, d.Currency, dateArg(d.CloseDate),
		string(d.Status), d.StatusReason, string(d.Grade), timeArg(d.CreatedAt),
		timeArg(d.UpdatedAt))
	if err != nil {
		return tx.writeError("create deal "+d.Title, err)
	}
	return nil
}

// FindDealByID returns the deal with the id.
func (db *DB) FindDealByID(ctx context.Context, id int64) (*followup.Deal, error) {
	return db.reader().FindDealByID(ctx, id)
}

// FindDealByID returns the deal with the id.
func (tx *Tx) FindDealByID(ctx context.Context, id int64) (*followup.Deal, error) {
	d, err := scanDeal(tx.q.QueryRowContext(ctx,
		`SELECT `+dealColumns+` FROM deals WHERE id = $1`, id))
	if err := tx.oneRow(err, "deal", id); err != nil {
		return nil, err
	}
	return d, nil
}

// lockDeal checks that the deal exists and, on PostgreSQL, locks its row
// until the transaction ends, so that two writers do not count the same next
// version of a letter or plan. SQLite's writer holds the whole database.
func (tx *Tx) lockDeal(ctx context.Context, id int64) error {
	q := `SELECT id FROM deals WHERE id = $1`
	if tx.db.dialect == postgresDialect {
		q += ` FOR UPDATE`
	}
	var got int64
	return tx.oneRow(tx.q.QueryRowContext(ctx, q, id).Scan(&got), "deal", id)
}

// ListDeals returns the deals that match f, newest first.
func (db *DB) ListDeals(ctx context.Context, f followup.DealFilter) ([]*followup.Deal, error) {
	return db.reader().ListDeals(ctx, f)
}

// ListDeals returns the deals that match f, newest first.
func (tx *Tx) ListDeals(ctx context.Context, f followup.DealFilter) ([]*followup.Deal, error) {
	var w filter
	if f.OwnerID != 0 {
		w.add("owner_id = ?", f.OwnerID)
	}
	if f.OrganisationID != 0 {
		w.add("organisation_id = ?", f.OrganisationID)
	}
	if f.Status != "" {
		w.add("status = ?", string(f.Status))
	}
	if f.Title != "" {
		w.add("title = ?", f.Title)
	}
	q := `SELECT ` + dealColumns + ` FROM deals` + w.where() + ` ORDER BY id DESC` +
		w.page(f.Limit, f.Offset)
	deals, err := queryAll(ctx, tx.q, scanDeal, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("list deals", err)
	}
	return deals, nil
}

// UpdateDeal changes the deal's fields, for instance to close it with a reason.
func (db *DB) UpdateDeal(ctx context.Context,
	id int64, up followup.DealUpdate) (*followup.Deal, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.Deal, error) { return tx.UpdateDeal(ctx, id, up) })
}

// UpdateDeal changes the deal's fields, for instance to close it with a reason.
func (tx *Tx) UpdateDeal(ctx context.Context,
	id int64, up followup.DealUpdate) (*followup.Deal, error) {
	before, err := tx.FindDealByID(ctx, id)
	if err != nil {
		return nil, err
	}
	d := *before
	up.Apply(&d)
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if d.OwnerID != before.OwnerID {
		if _, err := tx.FindUserByID(ctx, d.OwnerID); err != nil {
			return nil, err
		}
	}
	d.UpdatedAt = tx.db.now()
	const q = `UPDATE deals SET owner_id = $2, title = $3, value = $4, currency = $5,
		close_date = $6, status = $7, status_reason = $8, grade = $9, updated_at = $10
		WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, d.OwnerID, d.Title, d.Value, d.Currency,
		dateArg(d.CloseDate), string(d.Status), d.StatusReason, string(d.Grade), d.UpdatedAt)
	if err != nil {
		return nil, tx.writeError("update deal "+d.Title, err)
	}
	return &d, tx.audit(ctx, "deal", id, "update", before, &d)
}

// FindDealDetail returns the deal with everything that belongs to it, read in
// one transaction so that the parts agree.
func (db *DB) FindDealDetail(ctx context.Context, id int64) (*followup.DealDetail, error) {
	var d *followup.DealDetail
	err := db.withReadTx(ctx, func(tx *Tx) error {
		var err error
		d, err = tx.FindDealDetail(ctx, id)
		return err
	})
	return d, err
}

// FindDealDetail returns the deal with everything that belongs to it.
func (tx *Tx) FindDealDetail(ctx context.Context, id int64) (*followup.DealDetail, error) {
	deal, err := tx.FindDealByID(ctx, id)
	if err != nil {
		return nil, err
	}
	d := &followup.DealDetail{Deal: deal}
	if d.Organisation, err = tx.FindOrganisationByID(ctx, deal.OrganisationID); err != nil {
		return nil, err
	}
	if d.Owner, err = tx.FindUserByID(ctx, deal.OwnerID); err != nil {
		return nil, err
	}
	if d.Contacts, err = tx.ListContacts(ctx, deal.OrganisationID); err != nil {
		return nil, err
	}
	return d, tx.loadDealRecords(ctx, d)
}

// loadDealRecords fills in the deal's meetings, letters, plans, follow-ups
// and evidence, a query or two each.
func (tx *Tx) loadDealRecords(ctx context.Context, d *followup.DealDetail) error {
	id := d.Deal.ID
	var err error
	if d.Meetings, err = tx.dealMeetings(ctx, id); err != nil {
		return err
	}
	if d.Letters, err = tx.dealLetters(ctx, id); err != nil {
		return err
	}
	if d.Plans, err = tx.dealPlans(ctx, id); err != nil {
		return err
	}
	if d.FollowUps, err = tx.dealFollowUps(ctx, id); err != nil {
		return err
	}
	if d.ProofItems, err = tx.dealProofItems(ctx, id); err != nil {
		return err
	}
	if d.Quotes, err = tx.dealQuotes(ctx, id); err != nil {
		return err
	}
	d.ValueItems, err = tx.dealValueItems(ctx, id)
	return err
}
