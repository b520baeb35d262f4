package main

import (
	"context"
	"fmt"
	"time"

	"followup"
	"followup/notes"
	"followup/sqlstore"
	"followup/workday"
)

// sentCmd marks a letter sent and puts its follow-up call on the seller's
// agenda, in one transaction.
type sentCmd struct {
	Letter int64 `arg:"" name:"LETTER-ID" help:"The letter's number (followup deal ID lists them)."`
}

// callDaysWithoutDate is how many business days after sending the call comes
// when the meeting's notes give no follow_up date: soon enough that the
// buyer still remembers the meeting.
const callDaysWithoutDate = 3

func (c *sentCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		l, err := db.FindLetterByID(ctx, c.Letter)
		if err != nil {
			return err
		}
		if l.Status != followup.LetterDraft {
			return alreadySent(l)
		}
		now := m.Now()
		call, fromNotes, err := letterCall(ctx, db, l, workday.Day(now))
		if err != nil {
			return err
		}
		if _, err := db.MarkLetterSent(ctx, l.ID, now, call); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "letter %d marked sent at %s\n", l.ID, clock(now))
		fmt.Fprintf(m.Stdout, "scheduled call %d on %s for %s: %s\n", call.ID, isoDay(call.Due),
			ownerName(ctx, db, call.OwnerID), call.Purpose)
		if !fromNotes {
			fmt.Fprintf(m.Stderr, "note: the meeting's notes give no follow_up date, so the "+
				"call is %d business days from today; move it with followup move %d\n",
				callDaysWithoutDate, call.ID)
		} else if call.Due.Before(workday.Day(now)) {
			fmt.Fprintf(m.Stderr, "warning: the call's day %s has passed, so it is overdue; "+
				"make it now, or move it with followup move %d\n", isoDay(call.Due), call.ID)
		}
		return nil
	})
}

// alreadySent refuses to send a letter twice, saying when it went and
// where it is now.
func alreadySent(l *followup.LetterRecord) error {
	now := ""
	if l.Status != followup.LetterSent {
		now = fmt.Sprintf(", and the buyer has %s it since", l.Status)
	}
	return followup.Errorf(followup.ECONFLICT, "letter %d was sent already, on %s%s: "+
		"nothing to do", l.ID, clock(l.SentAt), now)
}

// letterCall returns the follow-up call that sending the letter schedules:
// on the follow_up day of its meeting's notes, with the recipient, on the
// deal owner's agenda. fromNotes is false when the notes give no day.
func letterCall(ctx context.Context, db *sqlstore.DB, l *followup.LetterRecord,
	today time.Time) (call *followup.FollowUp, fromNotes bool, err error) {
	deal, err := db.FindDealByID(ctx, l.DealID)
	if err != nil {
		return nil, false, err
	}
	var mt *followup.Meeting
	if l.MeetingID != 0 {
		r, err := db.FindMeetingByID(ctx, l.MeetingID)
		if err != nil {
			return nil, false, err
		}
		mt, _ = notes.Parse(fmt.Sprintf("meeting %d", r.ID), []byte(r.NotesFile))
	}
	call = &followup.FollowUp{DealID: deal.ID, OwnerID: deal.OwnerID,
		Kind: followup.FollowUpCall, Purpose: callPurpose(l, mt)}
	if mt != nil && !mt.FollowUp.IsZero() {
		call.Due = mt.FollowUp
		return call, true, nil
	}
	call.Due = workday.Calendar{}.Add(today, callDaysWithoutDate)
	return call, false, nil
}

// callPurpose says what the call after a letter is for.
func callPurpose(l *followup.LetterRecord, mt *followup.Meeting) string {
	who := "the buyer"
	if mt != nil && mt.To.Name != "" {
		who = mt.To.Name
	}
	if l.Kind == followup.DecisionMakerLetter {
		return fmt.Sprintf("call %s: is the plan in letter %d agreed?", who, l.ID)
	}
	return fmt.Sprintf("call %s: is letter %d right, and when do we meet the "+
		"decision-maker?", who, l.ID)
}

// ownerName returns the user's name, or their number when it cannot be read.
func ownerName(ctx context.Context, db *sqlstore.DB, id int64) string {
	if u, err := db.FindUserByID(ctx, id); err == nil {
		return u.Name
	}
	return fmt.Sprintf("user %d", id)
}

// confirmedCmd records that the buyer confirmed a letter.
type confirmedCmd struct {
	Letter int64 `arg:"" name:"LETTER-ID" help:"The letter's number."`
}

func (c *confirmedCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		l, err := db.MarkLetterConfirmed(ctx, c.Letter, m.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "letter %d confirmed by the buyer at %s\n", l.ID,
			clock(l.ConfirmedAt))
		return nil
	})
}

// disputedCmd records that the buyer asked for changes to a letter.
type disputedCmd struct {
	Letter int64  `arg:"" name:"LETTER-ID" help:"The letter's number."`
	Note   string `required:"" placeholder:"TEXT" help:"What the buyer wants changed."`
}

func (c *disputedCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		l, err := db.MarkLetterDisputed(ctx, c.Letter, m.Now(), c.Note)
		if err != nil {
			return flagMessage(err, "a disputed letter needs a note", "--note")
		}
		fmt.Fprintf(m.Stdout, "letter %d disputed at %s: %s\n", l.ID, clock(l.DisputedAt),
			l.DisputeNote)
		return nil
	})
}

// flagMessage names the flag in a store's message about an empty value that
// the flag gives.
func flagMessage(err error, start, flag string) error {
	msg := followup.ErrorMessage(err)
	if followup.ErrorCode(err) != followup.EINVALID || len(msg) < len(start) ||
		msg[:len(start)] != start {
		return err
	}
	return followup.Errorf(followup.EINVALID, "%s: %s", flag, msg)
}
