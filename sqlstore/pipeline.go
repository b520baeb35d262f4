package sqlstore

import (
	"context"
	"sort"

	"followup"
)

// PipelineSums returns the open deals of a team's sellers (every seller when
// teamID is 0) counted and summed per seller and grade, by seller and then
// up the ladder. Only cells with deals are returned. A team that does not
// exist is an ENOTFOUND error.
func (db *DB) PipelineSums(ctx context.Context, teamID int64) ([]followup.PipelineSum, error) {
	return db.reader().PipelineSums(ctx, teamID)
}

// PipelineSums returns the open deals of a team's sellers (every seller when
// teamID is 0) counted and summed per seller and grade, by seller and then
// up the ladder. Only cells with deals are returned. A team that does not
// exist is an ENOTFOUND error.
func (tx *Tx) PipelineSums(ctx context.Context, teamID int64) ([]followup.PipelineSum, error) {
	if teamID != 0 {
		var id int64
		err := tx.q.QueryRowContext(ctx, `SELECT id FROM teams WHERE id = $1`, teamID).Scan(&id)
		if err := tx.oneRow(err, "team", teamID); err != nil {
			return nil, err
		}
	}
	q, args := pipelineQuery(teamID)
	sums, err := queryAll(ctx, tx.q, scanPipelineSum, q, args...)
	if err != nil {
		return nil, tx.db.fault("sum the pipeline", err)
	}
	sort.SliceStable(sums, func(i, j int) bool {
		if sums[i].SellerID != sums[j].SellerID {
			return sums[i].SellerID < sums[j].SellerID
		}
		return sums[i].Grade.Rank() < sums[j].Grade.Rank()
	})
	return sums, nil
}

// pipelineQuery returns the query of the pipeline sums and its arguments.
//
// NOTE: status = 'open' is written as a literal: both engines use the partial
// index deals_pipeline only when they can see that the query's condition is
// the index's own.
func pipelineQuery(teamID int64) (string, []any) {
	q := `SELECT d.owner_id, d.grade, COUNT(*), COALESCE(SUM(d.value), 0)
		FROM deals d WHERE d.status = 'open'`
	var args []any
	if teamID != 0 {
		q += ` AND d.owner_id IN (SELECT u.id FROM users u WHERE u.team_id = $1)`
		args = append(args, teamID)
	}
	return q + ` GROUP BY d.owner_id, d.grade`, args
}

func scanPipelineSum(s scanner) (followup.PipelineSum, error) {
	var p followup.PipelineSum
	err := s.Scan(&p.SellerID, &p.Grade, &p.Deals, &p.Value)
	p.Weighted = p.Grade.Weigh(p.Value)
	return p, err
}
