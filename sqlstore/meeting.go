package sqlstore

import (
	"context"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"followup"
)

var (
	_ followup.MeetingService = (*DB)(nil)
	_ followup.MeetingService = (*Tx)(nil)
)

const meetingColumns = `id, deal_id, held, letter_kind, language, place, participants,
	notes_file, notes_hash, created_at`

func scanMeeting(s scanner) (*followup.MeetingRecord, error) {
	var m followup.MeetingRecord
	err := s.Scan(&m.ID, &m.DealID, dateCol{&m.Held}, &m.Letter, &m.Language, &m.Place,
		listCol{&m.Participants}, &m.NotesFile, textCol{&m.NotesHash}, timeCol{&m.CreatedAt})
	return &m, err
}

// CreateMeeting stores m with its sections and sets its ID. Notes already
// imported (the same [followup.NotesHash]) are an ECONFLICT error naming the
// meeting.
func (db *DB) CreateMeeting(ctx context.Context, m *followup.MeetingRecord) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateMeeting(ctx, m) })
}

// CreateMeeting stores m with its sections and sets its ID. Notes already
// imported (the same [followup.NotesHash]) are an ECONFLICT error naming the
// meeting.
func (tx *Tx) CreateMeeting(ctx context.Context, m *followup.MeetingRecord) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := tx.lockDeal(ctx, m.DealID); err != nil {
		return err
	}
	if err := tx.checkNotesNew(ctx, m.NotesHash); err != nil {
		return err
	}
	m.CreatedAt = tx.db.now()
	if err := tx.insertMeeting(ctx, m); err != nil {
		return err
	}
	logged := *m
	logged.NotesFile = "" // the file is in the meeting's row; the log keeps its hash
	return tx.audit(ctx, "meeting", m.ID, "create", nil, &logged)
}

// checkNotesNew returns an ECONFLICT error when notes with the hash were
// imported before.
func (tx *Tx) checkNotesNew(ctx context.Context, hash string) error {
	if hash == "" {
		return nil
	}
	old, err := tx.FindMeetingByNotesHash(ctx, hash)
	if followup.ErrorCode(err) == followup.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	return followup.Errorf(followup.ECONFLICT,
		"these notes were imported before, as meeting %d of deal %d", old.ID, old.DealID)
}

// insertMeeting inserts m's row, keeping its ID when set, and its sections.
func (tx *Tx) insertMeeting(ctx context.Context, m *followup.MeetingRecord) error {
	err := tx.insert(ctx, "meetings", &m.ID, []string{"deal_id", "held", "letter_kind",
		"language", "place", "participants", "notes_file", "notes_hash", "search_text",
		"created_at"},
		m.DealID, dateArg(m.Held), string(m.Letter), string(m.Language), m.Place,
		listArg(m.Participants), m.NotesFile, textArg(m.NotesHash), m.SearchText(),
		timeArg(m.CreatedAt))
	if err != nil {
		return tx.writeError("create meeting", err)
	}
	return tx.insertSections(ctx, m.ID, m.Sections)
}

func (tx *Tx) insertSections(ctx context.Context,
	meetingID int64, sections []followup.Section) error {
	const q = `INSERT INTO meeting_sections (meeting_id, position, kind, heading, line, items,
		prose) VALUES ($1, $2, $3, $4, $5, $6, $7)`
	for i, s := range sections {
		_, err := tx.q.ExecContext(ctx, q, meetingID, i, string(s.Kind), s.Heading, s.Line,
			listArg(s.Items), s.Prose)
		if err != nil {
			return tx.writeError("store notes section "+string(s.Kind), err)
		}
	}
	return nil
}

// FindMeetingByID returns the meeting with its sections.
func (db *DB) FindMeetingByID(ctx context.Context, id int64) (*followup.MeetingRecord, error) {
	return db.reader().FindMeetingByID(ctx, id)
}

// FindMeetingByID returns the meeting with its sections.
func (tx *Tx) FindMeetingByID(ctx context.Context, id int64) (*followup.MeetingRecord, error) {
	return tx.findMeeting(ctx, `id = $1`, id, "meeting")
}

// FindMeetingByNotesHash returns the meeting imported from the notes file
// with the hash.
func (db *DB) FindMeetingByNotesHash(ctx context.Context,
	hash string) (*followup.MeetingRecord, error) {
	return db.reader().FindMeetingByNotesHash(ctx, hash)
}

// FindMeetingByNotesHash returns the meeting imported from the notes file
// with the hash.
func (tx *Tx) FindMeetingByNotesHash(ctx context.Context,
	hash string) (*followup.MeetingRecord, error) {
	return tx.findMeeting(ctx, `notes_hash = $1`, hash, "meeting with notes hash")
}

func (tx *Tx) findMeeting(ctx context.Context, cond string, arg any,
	what string) (*followup.MeetingRecord, error) {
	m, err := scanMeeting(tx.q.QueryRowContext(ctx,
		`SELECT `+meetingColumns+` FROM meetings WHERE `+cond, arg))
	if err := tx.oneRow(err, what, arg); err != nil {
		return nil, err
	}
	const q = `SELECT meeting_id, ` + sectionColumns + ` FROM meeting_sections
		WHERE meeting_id = $1 ORDER BY position`
	if err := tx.attachSections(ctx, []*followup.MeetingRecord{m}, q, m.ID); err != nil {
		return nil, err
	}
	return m, nil
}

// dealMeetings returns the deal's meetings with their sections, by date held.
func (tx *Tx) dealMeetings(ctx context.Context, dealID int64) ([]*followup.MeetingRecord, error) {
	meetings, err := queryAll(ctx, tx.q, scanMeeting, `SELECT `+meetingColumns+
		` FROM meetings WHERE deal_id = $1 ORDER BY held, id`, dealID)
	if err != nil {
		return nil, tx.db.fault("read meetings", err)
	}
	q := `SELECT s.meeting_id, ` + prefixed("s", sectionColumns) + ` FROM meeting_sections s
		JOIN meetings m ON m.id = s.meeting_id
		WHERE m.deal_id = $1 ORDER BY s.meeting_id, s.position`
	return meetings, tx.attachSections(ctx, meetings, q, dealID)
}

const sectionColumns = `kind, heading, line, items, prose`

// attachSections runs q, which returns (meeting_id, sectionColumns) rows in
// position order, and appends each section to its meeting.
func (tx *Tx) attachSections(ctx context.Context, meetings []*followup.MeetingRecord,
	q string, args ...any) error {
	byID := make(map[int64]*followup.MeetingRecord, len(meetings))
	for _, m := range meetings {
		byID[m.ID] = m
	}
	rows, err := tx.q.QueryContext(ctx, q, args...)
	if err != nil {
		return tx.db.fault("read notes sections", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s followup.Section
		err := rows.Scan(&id, &s.Kind, &s.Heading, &s.Line, listCol{&s.Items}, &s.Prose)
		if err != nil {
			return tx.db.fault("read notes sections", err)
		}
		if m := byID[id]; m != nil {
			m.Sections = append(m.Sections, s)
		}
	}
	return rows.Err()
}

// SearchMeetings returns up to limit meetings whose notes have every word of
// query, the most recently stored first. limit 0 means 50.
func (db *DB) SearchMeetings(ctx context.Context,
	query string, limit int) ([]followup.MeetingHit, error) {
	return db.reader().SearchMeetings(ctx, query, limit)
}

// SearchMeetings returns up to limit meetings whose notes have every word of
// query, the most recently stored first. limit 0 means 50.
func (tx *Tx) SearchMeetings(ctx context.Context,
	query string, limit int) ([]followup.MeetingHit, error) {
	words := searchWords(query)
	if len(words) == 0 {
		return nil, followup.Errorf(followup.EINVALID,
			"search %q has no words: give at least one word to look for", query)
	}
	if limit <= 0 {
		limit = 50
	}
	q, args := tx.db.dialect.searchQuery(words, limit)
	hits, err := queryAll(ctx, tx.q, scanHit, q, args...)
	if err != nil {
		return nil, tx.db.fault("search meetings", err)
	}
	return hits, nil
}

func scanHit(s scanner) (followup.MeetingHit, error) {
	var h followup.MeetingHit
	err := s.Scan(&h.MeetingID, &h.DealID, dateCol{&h.Held}, &h.DealTitle)
	return h, err
}

// searchWords splits a query into words the way both engines' tokenizers do:
// at every character that is not a letter or a digit.
func searchWords(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// searchQuery returns the dialect's search query and its arguments: $1 the
// words, $2 the limit.
//
// NOTE: the order is by meeting number, newest stored first, because both
// engines' indexes can then stop at the limit. Ordering a common word's
// matches by date (or ranking them) read every match: 70 ms for 100,000
// matches in a trial, against 2 ms this way, and rare words stay under 1 ms.
//
// NOTE: PostgreSQL must plan each search for its own words. Walking the
// meetings newest first suits a common word, but for a rare one it reads the
// whole table (1.6 s at 880,000 meetings); finding a rare word's few matches
// through the index and sorting them suits it instead. The planner tells the
// two apart by the column's statistics (see migration 0002), but a cached
// prepared statement may fall back to one generic plan for every word, so
// the query runs unprepared (QueryExecModeExec) and is planned each time.
func (d dialect) searchQuery(words []string, limit int) (string, []any) {
	if d == postgresDialect {
		return `SELECT m.id, m.deal_id, m.held, d.title FROM meetings m
			JOIN deals d ON d.id = m.deal_id
			WHERE m.search @@ plainto_tsquery('simple', $1)
			ORDER BY m.id DESC LIMIT $2`,
			[]any{pgx.QueryExecModeExec, strings.Join(words, " "), limit}
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return `SELECT m.id, m.deal_id, m.held, d.title FROM (
			SELECT rowid AS id FROM meetings_fts WHERE meetings_fts MATCH $1
			ORDER BY rowid DESC LIMIT $2
		) f JOIN meetings m ON m.id = f.id
		JOIN deals d ON d.id = m.deal_id
		ORDER BY m.id DESC`, []any{strings.Join(quoted, " "), limit}
}
