package sqlstore_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/sqlstore"
)

// fill makes a database that has a row in every table.
func fill(t *testing.T, db *sqlstore.DB) fixture {
	t.Helper()
	ctx := context.Background()
	f := seed(t, db)
	grade := followup.GradePlan // a grade the database would not give by default
	_, err := db.UpdateDeal(ctx, f.deal.ID, followup.DealUpdate{Grade: &grade})
	must(t, err)
	m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
	must(t, db.CreateMeeting(ctx, m))
	l := &followup.LetterRecord{DealID: f.deal.ID, MeetingID: m.ID, Kind: followup.SponsorLetter,
		Language: lang.Norwegian, Text: "Hei Ola,\n\nTakk for et godt møte."}
	must(t, db.CreateLetter(ctx, l))
	p := plan(f.deal.ID)
	must(t, db.SavePlanVersion(ctx, p))
	_, err = db.AgreePlanVersion(ctx, p.ID, time.Time{})
	must(t, err)
	call := &followup.FollowUp{OwnerID: f.seller.ID, Kind: followup.FollowUpCall,
		Due: day(2002, 1, 23), Purpose: "ringe Ola"}
	_, err = db.MarkLetterSent(ctx, l.ID, time.Time{}, call)
	must(t, err)
	_, err = db.MoveFollowUp(ctx, call.ID, day(2002, 1, 24), "Ola er bortreist")
	must(t, err)
	story := &followup.ReferenceStory{Customer: "Nordlys Transport", Pain: "tapte ordrer",
		ContactID: f.sponsor.ID}
	must(t, db.CreateReferenceStory(ctx, story))
	must(t, db.CreateProofItem(ctx, &followup.ProofItem{DealID: f.deal.ID,
		Kind: followup.ProofReferenceCall, ReferenceID: story.ID, Date: day(2002, 2, 13)}))
	must(t, db.CreateQuote(ctx, &followup.Quote{DealID: f.deal.ID, Amount: 5,
		QuotedAt: time.Date(2002, 3, 1, 12, 0, 0, 0, time.UTC), OverrideBy: f.manager.ID,
		OverrideReason: "tidlig"}))
	must(t, db.CreateValueItem(ctx, &followup.ValueItem{DealID: f.deal.ID,
		Kind: followup.MoreProfit, Description: "bedre margin", Amount: 10}))
	must(t, db.SetPasswordHash(ctx, f.manager.ID, "$argon2id$x"))
	must(t, db.SetSetting(ctx, followup.SettingStageProbabilities, `{"pain":10}`))
	// A contact who gives access to one created after them.
	late := &followup.Contact{OrganisationID: f.org.ID, Name: "Nils Nyansatt"}
	must(t, db.CreateContact(ctx, late))
	_, err = db.UpdateContact(ctx, f.decisionMaker.ID, followup.ContactUpdate{AccessToID: &late.ID})
	must(t, err)
	return f
}

func TestSnapshotRoundTrip(t *testing.T) {
	for _, from := range engines {
		for _, to := range engines {
			t.Run(from+" to "+to, func(t *testing.T) {
				src := mustOpenDB(t, from)
				dst := mustOpenDB(t, to)
				fill(t, src)
				roundTrip(t, src, dst)
			})
		}
	}
}

// roundTrip exports src, passes the snapshot through JSON, imports it into
// dst and checks that dst exports the same rows plus the import's audit row.
func roundTrip(t *testing.T, src, dst *sqlstore.DB) {
	ctx := context.Background()
	want, err := src.Export(ctx)
	must(t, err)
	b, err := json.Marshal(want)
	must(t, err)
	var decoded followup.Snapshot
	must(t, json.Unmarshal(b, &decoded))
	must(t, dst.Import(ctx, &decoded))

	got, err := dst.Export(ctx)
	must(t, err)
	last := got.Audit[len(got.Audit)-1]
	if last.Entity != "snapshot" || last.Action != "import" {
		t.Errorf("last audit row = %+v, want the import", last)
	}
	got.Audit = got.Audit[:len(got.Audit)-1]
	compareSnapshots(t, got, want)

	// New rows are numbered after the imported ones.
	u := &followup.User{Name: "Ny Selger"}
	must(t, dst.CreateUser(ctx, u))
	if want := int64(len(want.Users) + 1); u.ID != want {
		t.Errorf("new user after import has id %d, want %d", u.ID, want)
	}
	err = dst.Import(ctx, want)
	wantCode(t, err, followup.ECONFLICT, "already holds", "new, empty database")
}

// compareSnapshots reports each part of the snapshots that differs.
// PostgreSQL keeps the audit log's JSON as jsonb, which spaces and orders it
// its own way: the audit rows are compared by what their JSON says.
func compareSnapshots(t *testing.T, got, want *followup.Snapshot) {
	t.Helper()
	normalizeAudit(t, got.Audit)
	normalizeAudit(t, want.Audit)
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for i := range gv.NumField() {
		name := gv.Type().Field(i).Name
		if !reflect.DeepEqual(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			g, _ := json.MarshalIndent(gv.Field(i).Interface(), "", " ")
			w, _ := json.MarshalIndent(wv.Field(i).Interface(), "", " ")
			t.Errorf("%s after round trip:\n%s\nwant:\n%s", name, g, w)
		}
	}
	if len(want.Meetings) == 0 || len(want.FollowUps[0].Moves) == 0 ||
		len(want.Plans[0].Plan.Events) == 0 || len(want.Audit) == 0 {
		t.Errorf("snapshot lacks children: %+v", want)
	}
	if len(want.Deals) == 0 || want.Deals[0].Grade == followup.GradeProspect {
		t.Errorf("snapshot lacks a deal graded past prospect: %+v", want.Deals)
	}
}

// normalizeAudit rewrites each entry's JSON in one canonical form.
func normalizeAudit(t *testing.T, entries []*followup.AuditEntry) {
	t.Helper()
	canon := func(s string) string {
		if s == "" {
			return ""
		}
		var v any
		must(t, json.Unmarshal([]byte(s), &v))
		b, err := json.Marshal(v)
		must(t, err)
		return string(b)
	}
	for _, e := range entries {
		e.Before, e.After = canon(e.Before), canon(e.After)
	}
}

// A snapshot's deal with a grade off the ladder is refused on every engine,
// and the import stores nothing.
func TestImportRefusesUnknownGrade(t *testing.T) {
	forEachEngine(t, func(t *testing.T, dst *sqlstore.DB) {
		ctx := context.Background()
		src := mustOpenDB(t, "sqlite")
		fill(t, src)
		s, err := src.Export(ctx)
		must(t, err)
		s.Deals[0].Grade = "hopeful"
		wantCode(t, dst.Import(ctx, s), followup.EINVALID, s.Deals[0].Title,
			"not one of those allowed")
		deals, err := dst.ListDeals(ctx, followup.DealFilter{})
		if must(t, err); len(deals) != 0 {
			t.Errorf("a refused import stored %d deals", len(deals))
		}
	})
}
