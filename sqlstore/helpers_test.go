package sqlstore_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"followup"
	"followup/lang"
	"followup/sqlstore"
)

// pgEnv names the PostgreSQL server the suite also runs on.
const pgEnv = "FOLLOWUP_TEST_POSTGRES"

// engines are the engines every contract test runs on.
var engines = []string{"sqlite", "postgres"}

// forEachEngine runs fn as a subtest per engine, each with a fresh database.
func forEachEngine(t *testing.T, fn func(t *testing.T, db *sqlstore.DB)) {
	t.Helper()
	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			fn(t, mustOpenDB(t, engine))
		})
	}
}

// mustOpenDB opens a new, empty database on the engine with a clock that
// starts at 2002-01-10 09:00 UTC and moves one second per reading.
func mustOpenDB(t testing.TB, engine string) *sqlstore.DB {
	t.Helper()
	db, err := sqlstore.Open(context.Background(), newDSN(t, engine))
	if err != nil {
		t.Fatalf("open %s: %v", engine, err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = tickingClock(time.Date(2002, 1, 10, 9, 0, 0, 0, time.UTC))
	return db
}

// newDSN returns the address of a new, empty database on the engine: a file
// in a temporary folder, or a database created on the test server for this
// test, dropped at the end unless the test failed.
func newDSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == "sqlite" {
		return "sqlite:" + filepath.Join(t.TempDir(), "followup.db")
	}
	server := os.Getenv(pgEnv)
	if server == "" {
		t.Skipf("%s is not set: run `bash scripts/test.sh`, or start a server with "+
			"`eval \"$(bash scripts/pg.sh start)\"`, to run this on PostgreSQL too", pgEnv)
	}
	name := "followup_test_" + randomHex(t, 6)
	admin := mustSQL(t, server)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() { dropDatabase(t, server, name) })
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", pgEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

// dropDatabase drops the test's database, or keeps it and says so when the
// test failed, for inspection.
func dropDatabase(t testing.TB, server, name string) {
	if t.Failed() {
		t.Logf("kept PostgreSQL database %s of the failed test", name)
		return
	}
	admin := mustSQL(t, server)
	if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
		t.Errorf("drop database %s: %v", name, err)
	}
}

// mustSQL opens a plain connection pool on the server, closed at the end of the test.
func mustSQL(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatalf("open %s: %v", pgEnv, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func randomHex(t testing.TB, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// tickingClock returns a clock that starts at start and moves one second each
// time it is read, so that times are fixed and yet distinct.
func tickingClock(start time.Time) func() time.Time {
	var n atomic.Int64
	return func() time.Time { return start.Add(time.Duration(n.Add(1)-1) * time.Second) }
}

// day returns a calendar day as midnight UTC.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// wantCode fails the test unless err is a followup.Error with the code and a
// message that holds every one of parts.
func wantCode(t *testing.T, err error, code string, parts ...string) {
	t.Helper()
	if got := followup.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
	msg := followup.ErrorMessage(err)
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("message %q does not say %q", msg, p)
		}
	}
}

// must fails the test at once when err is not nil.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// fixture is a small world: a team, a seller, a manager, a buyer with a
// sponsor and a decision-maker, and one open deal.
type fixture struct {
	team          *followup.Team
	seller        *followup.User
	manager       *followup.User
	org           *followup.Organisation
	sponsor       *followup.Contact
	decisionMaker *followup.Contact
	deal          *followup.Deal
}

func seed(t testing.TB, db *sqlstore.DB) fixture {
	t.Helper()
	ctx := context.Background()
	var f fixture
	f.team = &followup.Team{Name: "Salg Øst"}
	must(t, db.CreateTeam(ctx, f.team))
	f.seller = &followup.User{Name: "Kari Nordmann", Email: "Kari@Selger.no",
		Title: "Kundeansvarlig", Role: followup.RoleSeller, TeamID: f.team.ID, Quota: 400_000_000}
	must(t, db.CreateUser(ctx, f.seller))
	f.manager = &followup.User{Name: "Per Leder", Email: "per@selger.no",
		Role: followup.RoleManager, TeamID: f.team.ID}
	must(t, db.CreateUser(ctx, f.manager))
	f.org = &followup.Organisation{Name: "Fjordkraft Logistikk AS",
		Address: []string{"Havnegata 4", "0150 Oslo"}, Industry: "logistikk", OwnerID: f.seller.ID}
	_, err := db.FindOrCreateOrganisation(ctx, f.org)
	must(t, err)
	f.decisionMaker = &followup.Contact{OrganisationID: f.org.ID, Name: "Ingrid Dahl",
		Title: "Administrerende direktør", Role: followup.BuyingDecisionMaker}
	must(t, db.CreateContact(ctx, f.decisionMaker))
	f.sponsor = &followup.Contact{OrganisationID: f.org.ID, Name: "Ola Berg",
		Title: "Lagersjef", Email: "ola@fjordkraft.no", Phone: "+47 900 00 000",
		Role: followup.BuyingSponsor, AccessToID: f.decisionMaker.ID}
	must(t, db.CreateContact(ctx, f.sponsor))
	f.deal = &followup.Deal{OrganisationID: f.org.ID, OwnerID: f.seller.ID,
		Title: "Lagerstyring Oslo", Value: 125_000_000, CloseDate: day(2002, 4, 30)}
	must(t, db.CreateDeal(ctx, f.deal))
	return f
}

// meeting returns a sponsor meeting on the deal with four sections.
func meeting(dealID int64, held time.Time, pain string) *followup.MeetingRecord {
	return &followup.MeetingRecord{
		DealID: dealID, Held: held, Letter: followup.SponsorLetter, Language: lang.Norwegian,
		Place: "Oslo", Participants: []string{"Ola Berg", "Kari Nordmann"},
		Sections: []followup.Section{
			{Kind: followup.Pain, Heading: "Smerte", Line: 12, Items: []string{pain,
				"for mange feilplukk"}},
			{Kind: followup.Reasons, Heading: "Årsak", Line: 16,
				Items: []string{"papirlister", "ingen strekkoder"}},
			{Kind: followup.Vision, Heading: "Visjon", Line: 20,
				Prose: "Du sa at dere trenger å se lagerstatus i sanntid."},
			{Kind: followup.Agreement, Heading: "Enighet om å gå videre", Line: 24,
				Prose: "Vi møtes igjen når du har snakket med direktøren."},
		},
		NotesFile: "---\nletter: sponsor\n---\n# Smerte\n- " + pain + "\n",
	}
}

// plan returns a three-event plan with two checkpoints.
func plan(dealID int64) *followup.PlanVersion {
	return &followup.PlanVersion{DealID: dealID, Plan: followup.Plan{
		Title: "Utkast til fremdriftsplan", Footer: "to milepæler",
		Events: []followup.Event{
			{Text: "Referansebesøk", Date: day(2002, 2, 13), Checkpoint: true,
				Owner: followup.Both, Kind: followup.ProofStep},
			{Text: "Kostnadsoverslag", Date: day(2002, 2, 20), Checkpoint: true,
				Owner: followup.Seller, Kind: followup.Cost, KindInferred: true},
			{Text: "Beslutning", Date: day(2002, 3, 1), Owner: followup.Buyer,
				Kind: followup.Decision},
		},
	}}
}

// auditActions returns the actions of the entity's audit rows, oldest first.
func auditActions(t *testing.T, db *sqlstore.DB, entity string, id int64) []string {
	t.Helper()
	entries, err := db.ListAudit(context.Background(),
		followup.AuditFilter{Entity: entity, EntityID: id})
	must(t, err)
	var actions []string
	for i := len(entries) - 1; i >= 0; i-- {
		actions = append(actions, entries[i].Action)
	}
	return actions
}

var errStop = errors.New("stop here")
