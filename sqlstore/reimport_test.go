package sqlstore_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/sqlstore"
)

func TestUpdateMeetingNotes(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		must(t, db.CreateMeeting(ctx, m))
		other := meeting(f.deal.ID, day(2002, 1, 16), "andre notater")
		must(t, db.CreateMeeting(ctx, other))

		changed := meeting(0, day(2002, 1, 9), "lageret mister kunder")
		changed.Language = lang.English
		changed.Participants = []string{"Ola Berg"}
		changed.Sections = changed.Sections[:2]
		must(t, db.UpdateMeetingNotes(ctx, m.ID, changed))

		got, err := db.FindMeetingByID(ctx, m.ID)
		must(t, err)
		if !reflect.DeepEqual(got, changed) {
			t.Errorf("after update =\n%+v\nwant\n%+v", got, changed)
		}
		if got.DealID != f.deal.ID || !got.CreatedAt.Equal(m.CreatedAt) {
			t.Errorf("deal %d, created %v; want the meeting's own", got.DealID, got.CreatedAt)
		}
		byHash, err := db.FindMeetingByNotesHash(ctx, followup.NotesHash(changed.NotesFile))
		must(t, err)
		if byHash.ID != m.ID {
			t.Errorf("new hash finds meeting %d, want %d", byHash.ID, m.ID)
		}
		_, err = db.FindMeetingByNotesHash(ctx, m.NotesHash)
		wantCode(t, err, followup.ENOTFOUND)
		hits, err := db.SearchMeetings(ctx, "kunder", 0)
		must(t, err)
		if len(hits) != 1 || hits[0].MeetingID != m.ID {
			t.Errorf("search for a new word = %+v, want meeting %d", hits, m.ID)
		}
		if got, want := auditActions(t, db, "meeting", m.ID),
			[]string{"create", "update"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit actions = %v, want %v", got, want)
		}
	})
}

func TestUpdateMeetingNotesRefuses(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		must(t, db.CreateMeeting(ctx, m))
		other := meeting(f.deal.ID, day(2002, 1, 16), "andre notater")
		must(t, db.CreateMeeting(ctx, other))

		tests := []struct {
			name   string
			id     int64
			change func(*followup.MeetingRecord)
			code   string
			parts  []string
		}{
			{"another meeting's notes", m.ID, func(r *followup.MeetingRecord) {
				r.NotesFile = other.NotesFile
			}, followup.ECONFLICT, []string{"meeting 2"}},
			{"no such meeting", 99, func(*followup.MeetingRecord) {}, followup.ENOTFOUND,
				[]string{"meeting 99"}},
			{"no date held", m.ID, func(r *followup.MeetingRecord) { r.Held = time.Time{} },
				followup.EINVALID, []string{"date"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				r := meeting(0, day(2002, 1, 9), "noe nytt")
				tt.change(r)
				wantCode(t, db.UpdateMeetingNotes(ctx, tt.id, r), tt.code, tt.parts...)
			})
		}
		got, err := db.FindMeetingByID(ctx, m.ID)
		must(t, err)
		if !reflect.DeepEqual(got, m) {
			t.Errorf("a refused update changed the meeting:\n%+v\nwant\n%+v", got, m)
		}
	})
}
