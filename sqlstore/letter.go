package sqlstore

import (
	"context"
	"strings"
	"time"

	"followup"
)

var (
	_ followup.LetterService = (*DB)(nil)
	_ followup.LetterService = (*Tx)(nil)
)

const letterColumns = `id, deal_id, meeting_id, kind, language, version, status, body,
	created_at, sent_at, confirmed_at, disputed_at, dispute_note`

func scanLetter(s scanner) (*followup.LetterRecord, error) {
	var l followup.LetterRecord
	err := s.Scan(&l.ID, &l.DealID, idCol{&l.MeetingID}, &l.Kind, &l.Language, &l.Version,
		&l.Status, &l.Text, timeCol{&l.CreatedAt}, timeCol{&l.SentAt},
		timeCol{&l.ConfirmedAt}, timeCol{&l.DisputedAt}, &l.DisputeNote)
	return &l, err
}

// CreateLetter stores l as a draft and sets its ID and version: one more than
// the last letter of the same deal and meeting.
func (db *DB) CreateLetter(ctx context.Context, l *followup.LetterRecord) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateLetter(ctx, l) })
}

// CreateLetter stores l as a draft and sets its ID and version: one more than
// the last letter of the same deal and meeting.
func (tx *Tx) CreateLetter(ctx context.Context, l *followup.LetterRecord) error {
	if err := l.Validate(); err != nil {
		return err
	}
	if err := tx.lockDeal(ctx, l.DealID); err != nil {
		return err
	}
	if err := tx.checkMeetingOfDeal(ctx, l.MeetingID, l.DealID); err != nil {
		return err
	}
	const last = `SELECT COALESCE(MAX(version), 0) FROM letters
		WHERE deal_id = $1 AND meeting_id IS NOT DISTINCT FROM $2`
	err := tx.q.QueryRowContext(ctx, last, l.DealID, idArg(l.MeetingID)).Scan(&l.Version)
	if err != nil {
		return tx.db.fault("count letters", err)
	}
	l.Version++
	l.CreatedAt = tx.db.now()
	if err := tx.insertLetter(ctx, l); err != nil {
		return err
	}
	return tx.audit(ctx, "letter", l.ID, "create", nil, l)
}

func (tx *Tx) insertLetter(ctx context.Context, l *followup.LetterRecord) error {
	err := tx.insert(ctx, "letters", &l.ID, []string{"deal_id", "meeting_id", "kind",
		"language", "version", "status", "body", "created_at", "sent_at", "confirmed_at",
		"disputed_at", "dispute_note"},
		l.DealID, idArg(l.MeetingID), string(l.Kind), string(l.Language), l.Version,
		string(l.Status), l.Text, timeArg(l.CreatedAt), timeArg(l.SentAt),
		timeArg(l.ConfirmedAt), timeArg(l.DisputedAt), l.DisputeNote)
	if err != nil {
		return tx.writeError("create letter", err)
	}
	return nil
}

// checkMeetingOfDeal refuses a meeting that does not exist or belongs to
// another deal; 0 means no meeting.
func (tx *Tx) checkMeetingOfDeal(ctx context.Context, meetingID, dealID int64) error {
	if meetingID == 0 {
		return nil
	}
	var got int64
	err := tx.q.QueryRowContext(ctx, `SELECT deal_id FROM meetings WHERE id = $1`,
		meetingID).Scan(&got)
	if err := tx.oneRow(err, "meeting", meetingID); err != nil {
		return err
	}
	if got != dealID {
		return followup.Errorf(followup.EINVALID,
			"meeting %d belongs to deal %d, not to deal %d", meetingID, got, dealID)
	}
	return nil
}

// FindLetterByID returns the letter with the id.
func (db *DB) FindLetterByID(ctx context.Context, id int64) (*followup.LetterRecord, error) {
	return db.reader().FindLetterByID(ctx, id)
}

// FindLetterByID returns the letter with the id.
func (tx *Tx) FindLetterByID(ctx context.Context, id int64) (*followup.LetterRecord, error) {
	l, err := scanLetter(tx.q.QueryRowContext(ctx,
		`SELECT `+letterColumns+` FROM letters WHERE id = $1`, id))
	if err := tx.oneRow(err, "letter", id); err != nil {
		return nil, err
	}
	return l, nil
}

func (tx *Tx) dealLetters(ctx context.Context, dealID int64) ([]*followup.LetterRecord, error) {
	all, err := queryAll(ctx, tx.q, scanLetter,
		`SELECT `+letterColumns+` FROM letters WHERE deal_id = $1 ORDER BY id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read letters", err)
	}
	return all, nil
}

// MarkLetterSent marks a draft sent at the time (now when zero). When call is
// not nil it is stored in the same transaction, its Source set to the letter
// and its deal to the letter's when unset.
func (db *DB) MarkLetterSent(ctx context.Context, id int64, at time.Time,
	call *followup.FollowUp) (*followup.LetterRecord, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.LetterRecord, error) {
		return tx.MarkLetterSent(ctx, id, at, call)
	})
}

// MarkLetterSent marks a draft sent at the time (now when zero). When call is
// not nil it is stored in the same transaction, its Source set to the letter
// and its deal to the letter's when unset.
func (tx *Tx) MarkLetterSent(ctx context.Context, id int64, at time.Time,
	call *followup.FollowUp) (*followup.LetterRecord, error) {
	l, err := tx.markLetter(ctx, id, followup.LetterSent, func(l *followup.LetterRecord) {
		l.SentAt = tx.at(at)
	})
	if err != nil || call == nil {
		return l, err
	}
	if call.DealID == 0 {
		call.DealID = l.DealID
	}
	call.Source = followup.LetterSource(l.ID)
	return l, tx.CreateFollowUp(ctx, call)
}

// MarkLetterConfirmed records that the buyer confirmed the letter at the time
// (now when zero).
func (db *DB) MarkLetterConfirmed(ctx context.Context, id int64,
	at time.Time) (*followup.LetterRecord, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.LetterRecord, error) {
		return tx.MarkLetterConfirmed(ctx, id, at)
	})
}

// MarkLetterConfirmed records that the buyer confirmed the letter at the time
// (now when zero).
func (tx *Tx) MarkLetterConfirmed(ctx context.Context, id int64,
	at time.Time) (*followup.LetterRecord, error) {
	return tx.markLetter(ctx, id, followup.LetterConfirmed, func(l *followup.LetterRecord) {
		l.ConfirmedAt = tx.at(at)
	})
}

// MarkLetterDisputed records that the buyer asked for changes at the time
// (now when zero), and which.
func (db *DB) MarkLetterDisputed(ctx context.Context, id int64, at time.Time,
	note string) (*followup.LetterRecord, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.LetterRecord, error) {
		return tx.MarkLetterDisputed(ctx, id, at, note)
	})
}

// MarkLetterDisputed records that the buyer asked for changes at the time
// (now when zero), and which.
func (tx *Tx) MarkLetterDisputed(ctx context.Context, id int64, at time.Time,
	note string) (*followup.LetterRecord, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return nil, followup.Errorf(followup.EINVALID,
			"a disputed letter needs a note: say what the buyer wants changed")
	}
	return tx.markLetter(ctx, id, followup.LetterDisputed, func(l *followup.LetterRecord) {
		l.DisputedAt = tx.at(at)
		l.DisputeNote = note
	})
}

// markLetter moves the letter to status next, after set has changed its times.
func (tx *Tx) markLetter(ctx context.Context, id int64, next followup.LetterStatus,
	set func(*followup.LetterRecord)) (*followup.LetterRecord, error) {
	before, err := tx.FindLetterByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := before.Status.CanBecome(next); err != nil {
		return nil, followup.Errorf(followup.ECONFLICT, "letter %d: %s", id,
			followup.ErrorMessage(err))
	}
	l := *before
	l.Status = next
	set(&l)
	const q = `UPDATE letters SET status = $2, sent_at = $3, confirmed_at = $4,
		disputed_at = $5, dispute_note = $6 WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, string(l.Status), timeArg(l.SentAt),
		timeArg(l.ConfirmedAt), timeArg(l.DisputedAt), l.DisputeNote)
	if err != nil {
		return nil, tx.writeError("mark letter "+string(next), err)
	}
	return &l, tx.audit(ctx, "letter", id, string(next), letterForLog(before), letterForLog(&l))
}

// letterForLog returns the letter without its text: a change of status need
// not copy the whole letter into the log twice.
func letterForLog(l *followup.LetterRecord) *followup.LetterRecord {
	c := *l
	c.Text = ""
	return &c
}

// at returns t in UTC to the microsecond, or now when t is zero.
func (tx *Tx) at(t time.Time) time.Time {
	if t.IsZero() {
		return tx.db.now()
	}
	return t.UTC().Truncate(time.Microsecond)
}
