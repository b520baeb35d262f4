package sqlstore_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/sqlstore"
)

func TestOpenRefusesBadDSN(t *testing.T) {
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "notes.db")
	must(t, os.WriteFile(notSQLite, []byte("# Smerte\n- for mange feilplukk\n"), 0o644))

	tests := []struct {
		name  string
		dsn   string
		code  string
		parts []string
	}{
		{"empty", "", followup.EINVALID, []string{"--db", "sqlite:PATH"}},
		{"unknown scheme", "mysql://root@localhost/followup", followup.EINVALID,
			[]string{"--db", "postgres://"}},
		{"no suffix", "followup", followup.EINVALID, []string{"--db", "ending in .db"}},
		{"sqlite without path", "sqlite:", followup.EINVALID, []string{"names no file"}},
		{"postgres without database", "postgres://anna:secret@localhost:5432",
			followup.EINVALID, []string{"names no database"}},
		{"postgres bad URL", "postgres://anna:secret@local host:x/db", followup.EINVALID,
			[]string{"not a valid URL"}},
		{"missing folder", "sqlite:" + filepath.Join(dir, "nowhere", "f.db"),
			followup.EINVALID, []string{"does not exist"}},
		{"folder", "sqlite:" + dir, followup.EINVALID, []string{"is a folder"}},
		{"not a SQLite file", "sqlite:" + notSQLite, followup.EINVALID,
			[]string{notSQLite, "is not a SQLite database"}},
		{"postgres down", "postgres://anna:secret@127.0.0.1:1/followup?connect_timeout=2",
			followup.EINTERNAL, []string{"cannot reach PostgreSQL", "anna@127.0.0.1:1/followup"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sqlstore.Open(context.Background(), tt.dsn)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) = nil error, want %s", tt.dsn, tt.code)
			}
			wantCode(t, err, tt.code, tt.parts...)
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func TestOpenAcceptsDSNForms(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{
		"sqlite:" + filepath.Join(dir, "a.db"),
		filepath.Join(dir, "b.db"),
		"sqlite://" + filepath.Join(dir, "c.sqlite"),
	} {
		db, err := sqlstore.Open(context.Background(), dsn)
		if err != nil {
			t.Fatalf("Open(%q): %v", dsn, err)
		}
		if got, want := db.Engine(), "sqlite"; got != want {
			t.Errorf("Open(%q).Engine() = %q, want %q", dsn, got, want)
		}
		db.Close()
	}
}

func TestMigrations(t *testing.T) {
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			ctx := context.Background()
			dsn := newDSN(t, engine)
			db, err := sqlstore.Open(ctx, dsn)
			must(t, err)
			must(t, db.CreateTeam(ctx, &followup.Team{Name: "Salg Vest"}))
			db.Close()

			// Opening again applies nothing and keeps the data.
			db, err = sqlstore.Open(ctx, dsn)
			must(t, err)
			teams, err := db.ListTeams(ctx)
			must(t, err)
			if len(teams) != 1 {
				t.Fatalf("teams after reopening = %d, want 1", len(teams))
			}
			write, _ := db.SQL()
			_, err = write.Exec(`INSERT INTO schema_migrations (version, name, applied_at)
				VALUES ($1, $2, $3)`, sqlstore.SchemaVersion()+1, "9999_future.sql", "2030-01-01")
			must(t, err)
			db.Close()

			_, err = sqlstore.Open(ctx, dsn)
			wantCode(t, err, followup.EINVALID, "newer than this followup knows", "upgrade followup")
		})
	}
}

func TestUsers(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)

		got, err := db.FindUserByEmail(ctx, " KARI@selger.NO ")
		must(t, err)
		if !reflect.DeepEqual(got, f.seller) {
			t.Errorf("FindUserByEmail = %+v, want %+v", got, f.seller)
		}
		if got.Email != "kari@selger.no" {
			t.Errorf("e-mail stored as %q, want lower case", got.Email)
		}
		got, err = db.FindUserByID(ctx, f.manager.ID)
		must(t, err)
		if !reflect.DeepEqual(got, f.manager) {
			t.Errorf("FindUserByID = %+v, want %+v", got, f.manager)
		}
		got, err = db.FindUserByName(ctx, "Kari Nordmann")
		must(t, err)
		if got.ID != f.seller.ID {
			t.Errorf("FindUserByName = user %d, want %d", got.ID, f.seller.ID)
		}
		_, err = db.FindUserByID(ctx, 999)
		wantCode(t, err, followup.ENOTFOUND, "user 999")
		_, err = db.FindUserByName(ctx, "Nobody")
		wantCode(t, err, followup.ENOTFOUND, "Nobody")

		// An imported seller has no e-mail and no password; two may share a name.
		twin := &followup.User{Name: "Kari Nordmann"}
		must(t, db.CreateUser(ctx, twin))
		if twin.Role != followup.RoleSeller {
			t.Errorf("default role = %q, want seller", twin.Role)
		}
		_, err = db.FindUserByName(ctx, "Kari Nordmann")
		wantCode(t, err, followup.ECONFLICT, "both named", "e-mail")

		dup := &followup.User{Name: "Kari Annen", Email: "kari@selger.no"}
		err = db.CreateUser(ctx, dup)
		wantCode(t, err, followup.ECONFLICT, "e-mail kari@selger.no is already used by user 1")
	})
}

func TestUserListUpdateAndPassword(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		admin := &followup.User{Name: "Anne Admin", Role: followup.RoleAdmin}
		must(t, db.CreateUser(ctx, admin))

		tests := []struct {
			name   string
			filter followup.UserFilter
			want   []string
		}{
			{"all by name", followup.UserFilter{}, []string{"Anne Admin", "Kari Nordmann", "Per Leder"}},
			{"team", followup.UserFilter{TeamID: f.team.ID}, []string{"Kari Nordmann", "Per Leder"}},
			{"role", followup.UserFilter{Role: followup.RoleManager}, []string{"Per Leder"}},
		}
		for _, tt := range tests {
			users, err := db.ListUsers(ctx, tt.filter)
			must(t, err)
			var got []string
			for _, u := range users {
				got = append(got, u.Name)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: ListUsers = %v, want %v", tt.name, got, tt.want)
			}
		}

		title, email := "Salgssjef", "anne@selger.no"
		u, err := db.UpdateUser(ctx, admin.ID, followup.UserUpdate{Title: &title, Email: &email})
		must(t, err)
		if u.Title != title || u.Email != email || u.Name != "Anne Admin" {
			t.Errorf("UpdateUser = %+v", u)
		}
		taken := "PER@selger.no"
		_, err = db.UpdateUser(ctx, admin.ID, followup.UserUpdate{Email: &taken})
		wantCode(t, err, followup.ECONFLICT, "e-mail per@selger.no is already used by user 2")
		badRole := followup.Role("boss")
		_, err = db.UpdateUser(ctx, admin.ID, followup.UserUpdate{Role: &badRole})
		wantCode(t, err, followup.EINVALID, "boss")

		must(t, db.SetPasswordHash(ctx, admin.ID, "$argon2id$v=19$m=16,t=1,p=1$c2FsdA$aGFzaA"))
		got, err := db.FindUserByID(ctx, admin.ID)
		must(t, err)
		if got.PasswordHash == "" {
			t.Error("password hash not stored")
		}
		entries, err := db.ListAudit(ctx, followup.AuditFilter{Entity: "user", EntityID: admin.ID})
		must(t, err)
		for _, e := range entries {
			if strings.Contains(e.Before+e.After, "argon2id") {
				t.Errorf("audit %s shows the password hash: %s", e.Action, e.After)
			}
		}
		if got, want := auditActions(t, db, "user", admin.ID),
			[]string{"create", "update", "password"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit actions = %v, want %v", got, want)
		}
	})
}

func TestTeams(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		must(t, db.CreateTeam(ctx, &followup.Team{Name: "Salg Nord"}))

		err := db.CreateTeam(ctx, &followup.Team{Name: " Salg Øst "})
		wantCode(t, err, followup.ECONFLICT, `team name "Salg Øst" is already used by team 1`)
		err = db.CreateTeam(ctx, &followup.Team{Name: " "})
		wantCode(t, err, followup.EINVALID, "name")

		got, err := db.FindTeamByName(ctx, "Salg Øst")
		must(t, err)
		if !reflect.DeepEqual(got, f.team) {
			t.Errorf("FindTeamByName = %+v, want %+v", got, f.team)
		}
		_, err = db.FindTeamByName(ctx, "Salg Sør")
		wantCode(t, err, followup.ENOTFOUND, "Salg Sør")
		teams, err := db.ListTeams(ctx)
		must(t, err)
		if len(teams) != 2 || teams[0].Name != "Salg Nord" {
			t.Errorf("ListTeams = %+v, want Salg Nord then Salg Øst", teams)
		}
	})
}

func TestOrganisations(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)

		again := &followup.Organisation{Name: "  fjordkraft   LOGISTIKK as", Industry: "other"}
		created, err := db.FindOrCreateOrganisation(ctx, again)
		must(t, err)
		if created || !reflect.DeepEqual(again, f.org) {
			t.Errorf("FindOrCreateOrganisation = %v, %+v; want the stored %+v", created, again, f.org)
		}
		other := &followup.Organisation{Name: "Bergen Bryggeri AS"}
		created, err = db.FindOrCreateOrganisation(ctx, other)
		must(t, err)
		if !created || other.ID == 0 {
			t.Errorf("FindOrCreateOrganisation(new) = %v, id %d", created, other.ID)
		}

		industry := "drikkevarer"
		addr := []string{"Bryggen 1", "5003 Bergen"}
		o, err := db.UpdateOrganisation(ctx, other.ID,
			followup.OrganisationUpdate{Industry: &industry, Address: &addr})
		must(t, err)
		got, err := db.FindOrganisationByID(ctx, other.ID)
		must(t, err)
		if !reflect.DeepEqual(got, o) || got.Industry != industry {
			t.Errorf("FindOrganisationByID = %+v, want %+v", got, o)
		}
		taken := "FJORDKRAFT Logistikk AS"
		_, err = db.UpdateOrganisation(ctx, other.ID, followup.OrganisationUpdate{Name: &taken})
		wantCode(t, err, followup.ECONFLICT, "already used by organisation 1")

		all, err := db.ListOrganisations(ctx)
		must(t, err)
		if len(all) != 2 || all[0].ID != other.ID {
			t.Errorf("ListOrganisations = %d rows, first %d; want Bergen first", len(all), all[0].ID)
		}
		if got, want := auditActions(t, db, "organisation", other.ID),
			[]string{"create", "update"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit actions = %v, want %v", got, want)
		}
	})
}

func TestContacts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)

		got, err := db.FindContactByName(ctx, f.org.ID, "ola  BERG")
		must(t, err)
		if !reflect.DeepEqual(got, f.sponsor) {
			t.Errorf("FindContactByName = %+v, want %+v", got, f.sponsor)
		}
		if got.AccessToID != f.decisionMaker.ID {
			t.Errorf("sponsor gives access to %d, want %d", got.AccessToID, f.decisionMaker.ID)
		}
		_, err = db.FindContactByName(ctx, f.org.ID, "Nils")
		wantCode(t, err, followup.ENOTFOUND, "Nils")

		coach := followup.BuyingCoach
		phone := "+47 911 11 111"
		c, err := db.UpdateContact(ctx, f.sponsor.ID,
			followup.ContactUpdate{Role: &coach, Phone: &phone})
		must(t, err)
		got, err = db.FindContactByID(ctx, f.sponsor.ID)
		must(t, err)
		if !reflect.DeepEqual(got, c) || got.Role != coach {
			t.Errorf("after update = %+v, want %+v", got, c)
		}

		elsewhere := &followup.Organisation{Name: "Annet AS"}
		_, err = db.FindOrCreateOrganisation(ctx, elsewhere)
		must(t, err)
		stranger := &followup.Contact{OrganisationID: elsewhere.ID, Name: "Siri Holm",
			AccessToID: f.decisionMaker.ID}
		wantCode(t, db.CreateContact(ctx, stranger), followup.EINVALID, "same organisation")
		bad := &followup.Contact{OrganisationID: f.org.ID, Name: "Siri", Role: "boss"}
		wantCode(t, db.CreateContact(ctx, bad), followup.EINVALID, "boss")

		all, err := db.ListContacts(ctx, f.org.ID)
		must(t, err)
		if len(all) != 2 || all[0].ID != f.decisionMaker.ID {
			t.Errorf("ListContacts = %d, want the decision-maker then the sponsor", len(all))
		}
	})
}

func TestDeals(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		if f.deal.Currency != "NOK" || f.deal.Status != followup.DealOpen ||
			f.deal.Grade != followup.GradeProspect {
			t.Errorf("defaults = %s %s %s, want NOK open prospect", f.deal.Currency,
				f.deal.Status, f.deal.Grade)
		}
		got, err := db.FindDealByID(ctx, f.deal.ID)
		must(t, err)
		if !reflect.DeepEqual(got, f.deal) {
			t.Errorf("FindDealByID = %+v, want %+v", got, f.deal)
		}

		other := &followup.Deal{OrganisationID: f.org.ID, OwnerID: f.manager.ID,
			Title: "Fraktavtale", Currency: "eur", Grade: followup.GradeSponsor}
		must(t, db.CreateDeal(ctx, other))
		got, err = db.FindDealByID(ctx, other.ID)
		if must(t, err); !reflect.DeepEqual(got, other) {
			t.Errorf("FindDealByID = %+v, want %+v", got, other)
		}
		missing := &followup.Deal{OrganisationID: 77, OwnerID: f.seller.ID, Title: "X"}
		wantCode(t, db.CreateDeal(ctx, missing), followup.ENOTFOUND, "organisation 77")

		lost := followup.DealLost
		_, err = db.UpdateDeal(ctx, other.ID, followup.DealUpdate{Status: &lost})
		wantCode(t, err, followup.EINVALID, "give the reason")
		reason := "valgte en konkurrent"
		closed, err := db.UpdateDeal(ctx, other.ID,
			followup.DealUpdate{Status: &lost, StatusReason: &reason})
		must(t, err)
		if closed.Status != lost || closed.Currency != "EUR" ||
			closed.Grade != followup.GradeSponsor {
			t.Errorf("UpdateDeal = %+v, want it lost in EUR, its grade kept", closed)
		}
		testDealGradeUpdate(t, db, other.ID)

		tests := []struct {
			name   string
			filter followup.DealFilter
			want   []int64
		}{
			{"all, newest first", followup.DealFilter{}, []int64{other.ID, f.deal.ID}},
			{"seller", followup.DealFilter{OwnerID: f.seller.ID}, []int64{f.deal.ID}},
			{"status", followup.DealFilter{Status: followup.DealLost}, []int64{other.ID}},
			{"organisation and open", followup.DealFilter{OrganisationID: f.org.ID,
				Status: followup.DealOpen}, []int64{f.deal.ID}},
			{"title", followup.DealFilter{Title: "Fraktavtale"}, []int64{other.ID}},
			{"page", followup.DealFilter{Limit: 1, Offset: 1}, []int64{f.deal.ID}},
		}
		for _, tt := range tests {
			deals, err := db.ListDeals(ctx, tt.filter)
			must(t, err)
			var got []int64
			for _, d := range deals {
				got = append(got, d.ID)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s: ListDeals = %v, want %v", tt.name, got, tt.want)
			}
		}
	})
}

// testDealGradeUpdate gives the lost deal its closed grade, then refuses a
// grade off the ladder, in an update and in a new deal.
func testDealGradeUpdate(t *testing.T, db *sqlstore.DB, id int64) {
	t.Helper()
	ctx := context.Background()
	lost := followup.GradeLost
	updated, err := db.UpdateDeal(ctx, id, followup.DealUpdate{Grade: &lost})
	must(t, err)
	got, err := db.FindDealByID(ctx, id)
	must(t, err)
	if got.Grade != lost || !reflect.DeepEqual(got, updated) {
		t.Errorf("after the update FindDealByID = %+v, want %+v at grade %s", got, updated, lost)
	}

	hopeful := followup.Grade("hopeful")
	_, err = db.UpdateDeal(ctx, id, followup.DealUpdate{Grade: &hopeful})
	wantCode(t, err, followup.EINVALID, `grade "hopeful"`, "prospect, pain", "lost or walked")
	got, err = db.FindDealByID(ctx, id)
	if must(t, err); got.Grade != lost {
		t.Errorf("a refused update left grade %q, want %q", got.Grade, lost)
	}
	bad := &followup.Deal{OrganisationID: got.OrganisationID, OwnerID: got.OwnerID,
		Title: "Uklar", Grade: hopeful}
	wantCode(t, db.CreateDeal(ctx, bad), followup.EINVALID, `grade "hopeful" of deal "Uklar"`)
}

func TestMeetings(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		must(t, db.CreateMeeting(ctx, m))
		if m.NotesHash != followup.NotesHash(m.NotesFile) {
			t.Errorf("notes hash = %q, want the file's", m.NotesHash)
		}

		got, err := db.FindMeetingByID(ctx, m.ID)
		must(t, err)
		if !reflect.DeepEqual(got, m) {
			t.Errorf("FindMeetingByID =\n%+v\nwant\n%+v", got, m)
		}
		got, err = db.FindMeetingByNotesHash(ctx, m.NotesHash)
		must(t, err)
		if got.ID != m.ID {
			t.Errorf("FindMeetingByNotesHash = %d, want %d", got.ID, m.ID)
		}

		again := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		wantCode(t, db.CreateMeeting(ctx, again), followup.ECONFLICT,
			"imported before, as meeting 1 of deal 1")
		noDeal := meeting(99, day(2002, 1, 9), "noe annet")
		wantCode(t, db.CreateMeeting(ctx, noDeal), followup.ENOTFOUND, "deal 99")
		actions, want := auditActions(t, db, "meeting", m.ID), []string{"create"}
		if !reflect.DeepEqual(actions, want) {
			t.Errorf("audit actions = %v, want %v", actions, want)
		}
	})
}

func TestSearchMeetings(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		old := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		newer := meeting(f.deal.ID, day(2002, 2, 14), "fakturaene kommer sent")
		newest := meeting(f.deal.ID, day(2002, 3, 1), "lageret er fullt")
		for _, m := range []*followup.MeetingRecord{old, newer, newest} {
			must(t, db.CreateMeeting(ctx, m))
		}

		tests := []struct {
			query string
			limit int
			want  []int64
		}{
			{"lageret", 0, []int64{newest.ID, old.ID}},
			{"Lageret ordrer", 0, []int64{old.ID}},
			{"feilplukk", 2, []int64{newest.ID, newer.ID}},
			{"sanntid", 0, []int64{newest.ID, newer.ID, old.ID}},
			{"ukjentord", 0, nil},
			{`"lageret" OR`, 0, nil}, // operators are words, not syntax
		}
		for _, tt := range tests {
			hits, err := db.SearchMeetings(ctx, tt.query, tt.limit)
			must(t, err)
			var got []int64
			for _, h := range hits {
				got = append(got, h.MeetingID)
				if h.DealTitle != f.deal.Title || h.DealID != f.deal.ID {
					t.Errorf("hit %+v, want deal %q", h, f.deal.Title)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SearchMeetings(%q, %d) = %v, want %v", tt.query, tt.limit, got, tt.want)
			}
		}
		_, err := db.SearchMeetings(ctx, " - ", 10)
		wantCode(t, err, followup.EINVALID, "no words")
	})
}

func TestLetters(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		must(t, db.CreateMeeting(ctx, m))

		first := &followup.LetterRecord{DealID: f.deal.ID, MeetingID: m.ID,
			Kind: followup.SponsorLetter, Language: lang.Norwegian, Text: "Hei Ola,\n\nTakk for møtet."}
		must(t, db.CreateLetter(ctx, first))
		second := *first
		second.ID = 0
		must(t, db.CreateLetter(ctx, &second))
		loose := &followup.LetterRecord{DealID: f.deal.ID, Kind: followup.DecisionMakerLetter,
			Language: lang.English, Text: "Dear Ingrid"}
		must(t, db.CreateLetter(ctx, loose))
		if first.Version != 1 || second.Version != 2 || loose.Version != 1 {
			t.Errorf("versions = %d, %d, %d; want 1, 2, 1", first.Version, second.Version, loose.Version)
		}
		if first.Status != followup.LetterDraft {
			t.Errorf("new letter status = %q, want draft", first.Status)
		}
		got, err := db.FindLetterByID(ctx, first.ID)
		must(t, err)
		if !reflect.DeepEqual(got, first) {
			t.Errorf("FindLetterByID = %+v, want %+v", got, first)
		}

		_, err = db.MarkLetterConfirmed(ctx, first.ID, time.Time{})
		wantCode(t, err, followup.ECONFLICT, "letter 1", "draft")
		call := &followup.FollowUp{OwnerID: f.seller.ID, Kind: followup.FollowUpCall,
			Due: day(2002, 1, 23), Purpose: "høre om brevet stemmer"}
		sentAt := time.Date(2002, 1, 10, 15, 30, 0, 0, time.UTC)
		sent, err := db.MarkLetterSent(ctx, first.ID, sentAt, call)
		must(t, err)
		if sent.Status != followup.LetterSent || !sent.SentAt.Equal(sentAt) {
			t.Errorf("MarkLetterSent = %s at %v", sent.Status, sent.SentAt)
		}
		stored, err := db.FindFollowUpByID(ctx, call.ID)
		must(t, err)
		if stored.Source != "letter:1" || stored.DealID != f.deal.ID {
			t.Errorf("scheduled call = %+v, want source letter:1 on the deal", stored)
		}
		_, err = db.MarkLetterSent(ctx, first.ID, time.Time{}, nil)
		wantCode(t, err, followup.ECONFLICT, "already sent")

		_, err = db.MarkLetterDisputed(ctx, first.ID, time.Time{}, " ")
		wantCode(t, err, followup.EINVALID, "note")
		disputed, err := db.MarkLetterDisputed(ctx, first.ID, time.Time{}, "feil dato for besøket")
		must(t, err)
		confirmed, err := db.MarkLetterConfirmed(ctx, first.ID, time.Time{})
		must(t, err)
		if disputed.DisputeNote == "" || confirmed.Status != followup.LetterConfirmed ||
			confirmed.ConfirmedAt.IsZero() || confirmed.DisputedAt.IsZero() {
			t.Errorf("after dispute and confirmation = %+v", confirmed)
		}
		if got, want := auditActions(t, db, "letter", first.ID),
			[]string{"create", "sent", "disputed", "confirmed"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit actions = %v, want %v", got, want)
		}
	})
}

func TestPlans(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		v1 := plan(f.deal.ID)
		must(t, db.SavePlanVersion(ctx, v1))
		v2 := plan(f.deal.ID)
		v2.Plan.Events[2].Date = day(2002, 3, 8)
		must(t, db.SavePlanVersion(ctx, v2))
		if v1.Version != 1 || v2.Version != 2 {
			t.Errorf("versions = %d, %d; want 1, 2", v1.Version, v2.Version)
		}
		got, err := db.FindPlanVersion(ctx, v2.ID)
		must(t, err)
		if !reflect.DeepEqual(got, v2) {
			t.Errorf("FindPlanVersion =\n%+v\nwant\n%+v", got, v2)
		}

		agreed, err := db.AgreePlanVersion(ctx, v2.ID, time.Time{})
		must(t, err)
		if agreed.AgreedAt.IsZero() {
			t.Error("agreed plan has no agreed time")
		}
		_, err = db.AgreePlanVersion(ctx, v2.ID, time.Time{})
		wantCode(t, err, followup.ECONFLICT, "agreed already")

		marked, err := db.SetEventOutcome(ctx, v2.ID, 1, followup.Go, "referansen var fornøyd")
		must(t, err)
		if e := marked.Plan.Events[0]; e.Outcome != followup.Go || e.Note == "" {
			t.Errorf("event 1 = %+v, want go with a note", e)
		}
		_, err = db.SetEventOutcome(ctx, v2.ID, 3, followup.Go, "")
		wantCode(t, err, followup.EINVALID, "not a checkpoint")
		_, err = db.SetEventOutcome(ctx, v2.ID, 4, followup.Go, "")
		wantCode(t, err, followup.EINVALID, "events 1 to 3")
		_, err = db.SetEventOutcome(ctx, v2.ID, 1, "maybe", "")
		wantCode(t, err, followup.EINVALID, "maybe")
		empty := &followup.PlanVersion{DealID: f.deal.ID}
		wantCode(t, db.SavePlanVersion(ctx, empty), followup.EINVALID, "no events")
	})
}

func TestFollowUps(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		fu := &followup.FollowUp{DealID: f.deal.ID, OwnerID: f.seller.ID,
			Kind: followup.FollowUpCall, Due: day(2002, 1, 23), Purpose: "avtale referansebesøk"}
		must(t, db.CreateFollowUp(ctx, fu))

		_, err := db.MoveFollowUp(ctx, fu.ID, day(2002, 1, 25), "")
		wantCode(t, err, followup.EINVALID, "reason")
		_, err = db.MoveFollowUp(ctx, fu.ID, day(2002, 1, 23), "syk")
		wantCode(t, err, followup.EINVALID, "already")
		moved, err := db.MoveFollowUp(ctx, fu.ID, day(2002, 1, 25), "kunden er på reise")
		must(t, err)
		got, err := db.FindFollowUpByID(ctx, fu.ID)
		must(t, err)
		if !reflect.DeepEqual(got, moved) {
			t.Errorf("FindFollowUpByID =\n%+v\nwant\n%+v", got, moved)
		}
		if len(got.Moves) != 1 || !got.Moves[0].From.Equal(day(2002, 1, 23)) ||
			!got.Due.Equal(day(2002, 1, 25)) {
			t.Errorf("after move = %+v", got)
		}

		_, err = db.CompleteFollowUp(ctx, fu.ID, time.Time{}, "")
		wantCode(t, err, followup.EINVALID, "outcome")
		done, err := db.CompleteFollowUp(ctx, fu.ID, time.Time{}, "besøk avtalt")
		must(t, err)
		if done.Open() || done.Outcome != "besøk avtalt" {
			t.Errorf("CompleteFollowUp = %+v", done)
		}
		_, err = db.CompleteFollowUp(ctx, fu.ID, time.Time{}, "igjen")
		wantCode(t, err, followup.ECONFLICT, "done already")
		_, err = db.MoveFollowUp(ctx, fu.ID, day(2002, 2, 1), "for sent")
		wantCode(t, err, followup.ECONFLICT, "done already")
		bad := &followup.FollowUp{DealID: f.deal.ID, OwnerID: f.seller.ID, Kind: "fax",
			Due: day(2002, 1, 23), Purpose: "x"}
		wantCode(t, db.CreateFollowUp(ctx, bad), followup.EINVALID, "fax")
		if got, want := auditActions(t, db, "follow_up", fu.ID),
			[]string{"create", "move", "done"}; !reflect.DeepEqual(got, want) {
			t.Errorf("audit actions = %v, want %v", got, want)
		}
	})
}

func TestAgenda(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		quiet := &followup.Deal{OrganisationID: f.org.ID, OwnerID: f.seller.ID, Title: "Stille avtale"}
		must(t, db.CreateDeal(ctx, quiet))
		closed := &followup.Deal{OrganisationID: f.org.ID, OwnerID: f.seller.ID,
			Title: "Vunnet", Status: followup.DealWon}
		must(t, db.CreateDeal(ctx, closed))
		add := func(owner int64, due time.Time, purpose string) *followup.FollowUp {
			fu := &followup.FollowUp{DealID: f.deal.ID, OwnerID: owner,
				Kind: followup.FollowUpCall, Due: due, Purpose: purpose}
			must(t, db.CreateFollowUp(ctx, fu))
			return fu
		}
		today := add(f.seller.ID, day(2002, 1, 23), "i dag")
		overdue := add(f.seller.ID, day(2002, 1, 14), "forfalt")
		add(f.seller.ID, day(2002, 1, 24), "i morgen")
		add(f.manager.ID, day(2002, 1, 23), "lederens")
		doneOne := add(f.seller.ID, day(2002, 1, 10), "gjort")
		_, err := db.CompleteFollowUp(ctx, doneOne.ID, time.Time{}, "ferdig")
		must(t, err)

		a, err := db.Agenda(ctx, followup.AgendaQuery{SellerID: f.seller.ID, Date: day(2002, 1, 23)})
		must(t, err)
		var got []string
		for _, it := range a.Due {
			got = append(got, it.FollowUp.Purpose)
			if it.DealTitle != f.deal.Title || it.Organisation != f.org.Name {
				t.Errorf("item names %q at %q", it.DealTitle, it.Organisation)
			}
			if want := it.FollowUp.ID == overdue.ID; it.Overdue != want {
				t.Errorf("%s: overdue = %v, want %v", it.FollowUp.Purpose, it.Overdue, want)
			}
		}
		if want := []string{overdue.Purpose, today.Purpose}; !reflect.DeepEqual(got, want) {
			t.Errorf("due = %v, want %v", got, want)
		}
		if len(a.Unplanned) != 1 || a.Unplanned[0].ID != quiet.ID {
			t.Errorf("unplanned = %+v, want only %q", a.Unplanned, quiet.Title)
		}

		everyone, err := db.Agenda(ctx, followup.AgendaQuery{Date: day(2002, 1, 23)})
		must(t, err)
		if len(everyone.Due) != 3 {
			t.Errorf("every seller's agenda has %d items, want 3", len(everyone.Due))
		}
	})
}

func TestEvidenceAndReferences(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		story := &followup.ReferenceStory{Customer: "Nordlys Transport", Industry: "Logistikk",
			Pain: "Mistet ordrer i høysesongen", Result: "Færre feil",
			MeasuredResult: "40 % færre feilplukk", ContactID: f.sponsor.ID}
		must(t, db.CreateReferenceStory(ctx, story))
		must(t, db.CreateReferenceStory(ctx, &followup.ReferenceStory{Customer: "Bakeriet",
			Industry: "mat", Pain: "svinn"}))
		wantCode(t, db.CreateReferenceStory(ctx, &followup.ReferenceStory{Customer: "X"}),
			followup.EINVALID, "pain")

		tests := []struct {
			name   string
			filter followup.ReferenceFilter
			want   int
		}{
			{"all", followup.ReferenceFilter{}, 2},
			{"industry in any case", followup.ReferenceFilter{Industry: "LOGISTIKK"}, 1},
			{"pain with æøå", followup.ReferenceFilter{Pain: "HØYSESONG"}, 1},
			{"no match", followup.ReferenceFilter{Pain: "regnskap"}, 0},
		}
		for _, tt := range tests {
			got, err := db.ListReferenceStories(ctx, tt.filter)
			must(t, err)
			if len(got) != tt.want {
				t.Errorf("%s: %d stories, want %d", tt.name, len(got), tt.want)
			}
		}

		proof := &followup.ProofItem{DealID: f.deal.ID, Kind: followup.ProofReferenceCall,
			Who: "Geir Lund", Customer: story.Customer, ReferenceID: story.ID,
			Date: day(2002, 2, 13), Description: "Telefon med referansen"}
		must(t, db.CreateProofItem(ctx, proof))
		_, err := db.SetProofOutcome(ctx, proof.ID, "overbevist")
		must(t, err)
		wantCode(t, db.CreateProofItem(ctx, &followup.ProofItem{DealID: f.deal.ID, Kind: "rumour"}),
			followup.EINVALID, "rumour")

		quote := &followup.Quote{DealID: f.deal.ID, Amount: 120_000_000,
			QuotedAt: time.Date(2002, 3, 1, 10, 0, 0, 0, time.UTC)}
		must(t, db.CreateQuote(ctx, quote))
		early := &followup.Quote{DealID: f.deal.ID, Amount: 1, QuotedAt: quote.QuotedAt,
			OverrideBy: f.manager.ID}
		wantCode(t, db.CreateQuote(ctx, early), followup.EINVALID, "reason")
		early.OverrideReason = "kunden krevde pris før budsjettmøtet"
		must(t, db.CreateQuote(ctx, early))

		value := &followup.ValueItem{DealID: f.deal.ID, Kind: followup.LowerCost,
			Description: "Færre feilplukk", Amount: 80_000_000, Executive: "Ingrid Dahl"}
		must(t, db.CreateValueItem(ctx, value))

		d, err := db.FindDealDetail(ctx, f.deal.ID)
		must(t, err)
		if len(d.ProofItems) != 1 || d.ProofItems[0].Outcome != "overbevist" {
			t.Errorf("proof items = %+v", d.ProofItems)
		}
		if len(d.Quotes) != 2 || d.Quotes[0].Premature() || !d.Quotes[1].Premature() {
			t.Errorf("quotes = %+v, want one through the gate and one premature", d.Quotes)
		}
		if len(d.ValueItems) != 1 || !reflect.DeepEqual(d.ValueItems[0], value) {
			t.Errorf("value items = %+v, want %+v", d.ValueItems, value)
		}
	})
}

func TestDealDetail(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "lageret taper ordrer")
		must(t, db.CreateMeeting(ctx, m))
		l := &followup.LetterRecord{DealID: f.deal.ID, MeetingID: m.ID,
			Kind: followup.SponsorLetter, Language: lang.Norwegian, Text: "Hei Ola"}
		must(t, db.CreateLetter(ctx, l))
		p := plan(f.deal.ID)
		p.MeetingID = m.ID
		must(t, db.SavePlanVersion(ctx, p))
		_, err := db.AgreePlanVersion(ctx, p.ID, time.Time{})
		must(t, err)
		call := &followup.FollowUp{OwnerID: f.seller.ID, Kind: followup.FollowUpCall,
			Due: day(2002, 1, 23), Purpose: "ringe Ola"}
		_, err = db.MarkLetterSent(ctx, l.ID, time.Time{}, call)
		must(t, err)

		d, err := db.FindDealDetail(ctx, f.deal.ID)
		must(t, err)
		if !reflect.DeepEqual(d.Deal, f.deal) || !reflect.DeepEqual(d.Organisation, f.org) ||
			d.Owner.ID != f.seller.ID {
			t.Errorf("detail deal, organisation or owner differ: %+v", d)
		}
		if len(d.Contacts) != 2 || len(d.Meetings) != 1 || len(d.Letters) != 1 ||
			len(d.Plans) != 1 || len(d.FollowUps) != 1 {
			t.Fatalf("detail counts: %d contacts, %d meetings, %d letters, %d plans, %d follow-ups",
				len(d.Contacts), len(d.Meetings), len(d.Letters), len(d.Plans), len(d.FollowUps))
		}
		if !reflect.DeepEqual(d.Meetings[0], m) {
			t.Errorf("detail meeting =\n%+v\nwant\n%+v", d.Meetings[0], m)
		}
		if d.Letters[0].Status != followup.LetterSent || len(d.Plans[0].Plan.Events) != 3 {
			t.Errorf("letter %s, plan events %d", d.Letters[0].Status, len(d.Plans[0].Plan.Events))
		}
		if d.AgreedPlan() == nil || d.AgreedPlan().ID != p.ID {
			t.Errorf("AgreedPlan = %+v, want version %d", d.AgreedPlan(), p.Version)
		}
		_, err = db.FindDealDetail(ctx, 404)
		wantCode(t, err, followup.ENOTFOUND, "deal 404")
	})
}

func TestSettings(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		_, err := db.Setting(ctx, followup.SettingStalledDays)
		wantCode(t, err, followup.ENOTFOUND, "stalled_days")
		must(t, db.SetSetting(ctx, followup.SettingStalledDays, "14"))
		must(t, db.SetSetting(ctx, followup.SettingStalledDays, "21"))
		must(t, db.SetSetting(ctx, followup.SettingLetterhead, "Selger AS\nOslo"))
		wantCode(t, db.SetSetting(ctx, " ", "x"), followup.EINVALID, "key")

		v, err := db.Setting(ctx, followup.SettingStalledDays)
		must(t, err)
		if v != "21" {
			t.Errorf("stalled_days = %q, want 21", v)
		}
		all, err := db.Settings(ctx)
		must(t, err)
		want := map[string]string{"stalled_days": "21", "letterhead": "Selger AS\nOslo"}
		if !reflect.DeepEqual(all, want) {
			t.Errorf("Settings = %v, want %v", all, want)
		}
		entries, err := db.ListAudit(ctx, followup.AuditFilter{Entity: "setting", Limit: 2})
		must(t, err)
		if len(entries) != 2 || !strings.Contains(entries[1].Before, `"14"`) ||
			!strings.Contains(entries[1].After, `"21"`) {
			t.Errorf("setting audit = %+v, want the change from 14 to 21", entries)
		}
	})
}

func TestAuditRecordsActor(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		ctx = followup.NewContextWithActor(ctx, followup.Actor{UserID: f.manager.ID, Name: "Per Leder"})
		value := int64(99_000_000)
		_, err := db.UpdateDeal(ctx, f.deal.ID, followup.DealUpdate{Value: &value})
		must(t, err)

		entries, err := db.ListAudit(ctx, followup.AuditFilter{Entity: "deal", EntityID: f.deal.ID})
		must(t, err)
		if len(entries) != 2 {
			t.Fatalf("deal audit rows = %d, want create and update", len(entries))
		}
		upd, create := entries[0], entries[1]
		if create.Actor != "system" || create.UserID != 0 || create.Before != "" {
			t.Errorf("create row = %+v, want by system with no before", create)
		}
		if upd.Actor != "Per Leder" || upd.UserID != f.manager.ID || upd.Action != "update" {
			t.Errorf("update row = %+v, want by Per Leder", upd)
		}
		var before, after followup.Deal
		must(t, json.Unmarshal([]byte(upd.Before), &before))
		must(t, json.Unmarshal([]byte(upd.After), &after))
		if before.Value != 125_000_000 || after.Value != value {
			t.Errorf("before/after values = %d/%d", before.Value, after.Value)
		}
		if upd.At.IsZero() || !upd.At.After(create.At) {
			t.Errorf("audit times %v then %v", create.At, upd.At)
		}
	})
}

func TestRollbackLeavesNothing(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		err := db.WithTx(ctx, func(tx *sqlstore.Tx) error {
			u := &followup.User{Name: "Halvveis", Email: "halv@selger.no"}
			must(t, tx.CreateUser(ctx, u))
			o := &followup.Organisation{Name: "Halvferdig AS"}
			_, err := tx.FindOrCreateOrganisation(ctx, o)
			must(t, err)
			must(t, tx.CreateDeal(ctx, &followup.Deal{OrganisationID: o.ID, OwnerID: u.ID,
				Title: "Aldri"}))
			if _, err := tx.FindUserByEmail(ctx, "halv@selger.no"); err != nil {
				t.Errorf("the transaction does not see its own user: %v", err)
			}
			return errStop
		})
		if err != errStop {
			t.Fatalf("WithTx = %v, want the callback's error", err)
		}
		snap, err := db.Export(ctx)
		must(t, err)
		if n := len(snap.Users) + len(snap.Organisations) + len(snap.Deals) + len(snap.Audit); n != 0 {
			t.Errorf("after rollback %d rows remain: %+v", n, snap)
		}

		// A failure inside a service method rolls back its earlier steps too.
		f := seed(t, db)
		m := meeting(f.deal.ID, day(2002, 1, 9), "x")
		m.Sections[1].Kind = m.Sections[0].Kind
		m.Sections = append(m.Sections, followup.Section{Kind: followup.Proof})
		before, err := db.ListAudit(ctx, followup.AuditFilter{})
		must(t, err)
		err = db.WithTx(ctx, func(tx *sqlstore.Tx) error {
			must(t, tx.CreateMeeting(ctx, m))
			return tx.CreateMeeting(ctx, meeting(f.deal.ID, day(2002, 1, 9), "x")) // same notes
		})
		wantCode(t, err, followup.ECONFLICT, "imported before")
		after, err := db.ListAudit(ctx, followup.AuditFilter{})
		must(t, err)
		if len(after) != len(before) {
			t.Errorf("audit rows %d after a rolled-back import, want %d", len(after), len(before))
		}
		if hits, _ := db.SearchMeetings(ctx, "feilplukk", 0); len(hits) != 0 {
			t.Errorf("search finds %d meetings of a rolled-back transaction", len(hits))
		}
	})
}
