package sqlstore

import (
	"context"

	"followup"
)

// UpdateMeetingNotes replaces the notes of meeting id with those of m: the
// date held, letter kind, language, place, participants, sections and notes
// file. It is what importing a changed notes file of the same meeting does,
// so that the meeting keeps its number, its letters and its plans. Notes that
// another meeting was imported from are an ECONFLICT error naming it.
func (db *DB) UpdateMeetingNotes(ctx context.Context, id int64,
	m *followup.MeetingRecord) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.UpdateMeetingNotes(ctx, id, m) })
}

// UpdateMeetingNotes replaces the notes of meeting id with those of m; see
// [DB.UpdateMeetingNotes]. m's ID, deal and creation time become the stored
// meeting's.
func (tx *Tx) UpdateMeetingNotes(ctx context.Context, id int64,
	m *followup.MeetingRecord) error {
	before, err := tx.FindMeetingByID(ctx, id)
	if err != nil {
		return err
	}
	m.ID, m.DealID, m.CreatedAt = id, before.DealID, before.CreatedAt
	if m.NotesFile != "" {
		m.NotesHash = followup.NotesHash(m.NotesFile)
	}
	if err := m.Validate(); err != nil {
		return err
	}
	if m.NotesHash != before.NotesHash {
		if err := tx.checkNotesNew(ctx, m.NotesHash); err != nil {
			return err
		}
	}

	const q = `UPDATE meetings SET held = $2, letter_kind = $3, language = $4, place = $5,
		participants = $6, notes_file = $7, notes_hash = $8, search_text = $9 WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, dateArg(m.Held), string(m.Letter),
		string(m.Language), m.Place, listArg(m.Participants), m.NotesFile,
		textArg(m.NotesHash), m.SearchText())
	if err != nil {
		return tx.writeError("update meeting", err)
	}
	if err := tx.replaceSections(ctx, id, m.Sections); err != nil {
		return err
	}
	loggedBefore, loggedAfter := *before, *m
	loggedBefore.NotesFile, loggedAfter.NotesFile = "", "" // the log keeps the hashes
	return tx.audit(ctx, "meeting", id, "update", &loggedBefore, &loggedAfter)
}

// replaceSections replaces the meeting's sections with those given.
func (tx *Tx) replaceSections(ctx context.Context, meetingID int64,
	sections []followup.Section) error {
	_, err := tx.q.ExecContext(ctx, `DELETE FROM meeting_sections WHERE meeting_id = $1`,
		meetingID)
	if err != nil {
		return tx.db.fault("replace notes sections", err)
	}
	return tx.insertSections(ctx, meetingID, sections)
}
