package sqlstore

import (
	"context"
	"time"

	"followup"
)

// DealLine is a deal as a list of deals shows it: with the names of its
// organisation and owner, and the day of its next open follow-up.
type DealLine struct {
	Deal         *followup.Deal
	Organisation string
	Owner        string
	NextFollowUp time.Time // zero when the deal has no open follow-up
}

// ListDealLines returns the deals that match f as lines of a list, by
// number, in one query.
func (db *DB) ListDealLines(ctx context.Context, f followup.DealFilter) ([]DealLine, error) {
	return db.reader().ListDealLines(ctx, f)
}

// ListDealLines returns the deals that match f as lines of a list, by number.
func (tx *Tx) ListDealLines(ctx context.Context, f followup.DealFilter) ([]DealLine, error) {
	var w filter
	if f.OwnerID != 0 {
		w.add("d.owner_id = ?", f.OwnerID)
	}
	if f.OrganisationID != 0 {
		w.add("d.organisation_id = ?", f.OrganisationID)
	}
	if f.Status != "" {
		w.add("d.status = ?", string(f.Status))
	}
	if f.Title != "" {
		w.add("d.title = ?", f.Title)
	}
	q := `SELECT ` + prefixed("d", dealColumns) + `, o.name, u.name,
		(SELECT MIN(f.due) FROM follow_ups f WHERE f.deal_id = d.id AND f.done_at IS NULL)
		FROM deals d
		JOIN organisations o ON o.id = d.organisation_id
		JOIN users u ON u.id = d.owner_id` + w.where() + ` ORDER BY d.id` +
		w.page(f.Limit, f.Offset)
	lines, err := queryAll(ctx, tx.q, scanDealLine, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("list deals", err)
	}
	return lines, nil
}

func scanDealLine(s scanner) (DealLine, error) {
	var d followup.Deal
	var l DealLine
	err := s.Scan(append(dealFields(&d), &l.Organisation, &l.Owner,
		dateCol{&l.NextFollowUp})...)
	l.Deal = &d
	return l, err
}
