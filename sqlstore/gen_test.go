package sqlstore_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"followup"
	"followup/sqlstore"
)

// genOptions are small options for the generator's tests, laid around the
// day of the article's meeting.
func genOptions(seed uint64) sqlstore.GenOptions {
	return sqlstore.GenOptions{Sellers: 3, Deals: 400, Seed: seed,
		Today: time.Date(2002, 1, 10, 0, 0, 0, 0, time.UTC)}
}

// mustGenerate fills db with o and returns what it made.
func mustGenerate(t testing.TB, db *sqlstore.DB, o sqlstore.GenOptions) *sqlstore.GenStats {
	t.Helper()
	stats, err := db.Generate(context.Background(), o)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return stats
}

// count runs a query of one number.
func count(t testing.TB, q *sql.DB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := q.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestGenerateCounts(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		var steps []sqlstore.GenProgress
		o := genOptions(7)
		o.Progress = func(p sqlstore.GenProgress) { steps = append(steps, p) }
		stats := mustGenerate(t, db, o)
		_, read := db.SQL()

		for _, c := range stats.Tables {
			if got := count(t, read, `SELECT COUNT(*) FROM `+c.Table); got != c.Rows {
				t.Errorf("%s has %d rows, stats say %d", c.Table, got, c.Rows)
			}
		}
		tests := []struct {
			name     string
			query    string
			min, max int64
		}{
			{"deals", `SELECT COUNT(*) FROM deals`, 400, 400},
			{"one team", `SELECT COUNT(*) FROM teams`, 1, 1},
			{"admin, manager, sellers", `SELECT COUNT(*) FROM users`, 5, 5},
			{"sellers have quotas", `SELECT COUNT(*) FROM users WHERE role = 'seller' AND quota > 0`,
				3, 3},
			{"a meeting or more per deal", `SELECT COUNT(DISTINCT deal_id) FROM meetings`, 400, 400},
			{"about four follow-ups per deal", `SELECT COUNT(*) FROM follow_ups`, 1400, 1800},
			{"about a kilobyte of notes", `SELECT CAST(AVG(LENGTH(search_text)) AS integer) FROM meetings`,
				800, 1300},
			{"every grade", `SELECT COUNT(DISTINCT grade) FROM deals`, 10, 10},
			{"sponsors give access", `SELECT COUNT(*) FROM contacts
				WHERE role = 'sponsor' AND access_to_id IS NULL`, 0, 0},
			{"plans with events", `SELECT COUNT(*) FROM plans p
				WHERE NOT EXISTS (SELECT 1 FROM plan_events e WHERE e.plan_id = p.id)`, 0, 0},
		}
		for _, tt := range tests {
			if got := count(t, read, tt.query); got < tt.min || got > tt.max {
				t.Errorf("%s: %d, want %d to %d", tt.name, got, tt.min, tt.max)
			}
		}
		last := steps[len(steps)-1]
		if last.Deals != 400 || last.Rows != stats.Rows {
			t.Errorf("last progress %+v, want all 400 deals and %d rows", last, stats.Rows)
		}
	})
}

func TestGenerateSearch(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		mustGenerate(t, db, genOptions(7))
		_, read := db.SQL()
		meetings := count(t, read, `SELECT COUNT(*) FROM meetings`)

		hits, err := db.SearchMeetings(ctx, sqlstore.GenCommonWord, 10_000)
		must(t, err)
		if share := float64(len(hits)) / float64(meetings); share < 0.35 || share > 0.6 {
			t.Errorf("%q is in %d of %d meetings (%.2f), want about half",
				sqlstore.GenCommonWord, len(hits), meetings, share)
		}
		hits, err = db.SearchMeetings(ctx, sqlstore.GenRareWord, 10)
		must(t, err)
		if len(hits) != 1 || hits[0].DealID != 1 {
			t.Errorf("%q found %+v, want the first meeting of deal 1 only",
				sqlstore.GenRareWord, hits)
		}
	})
}

func TestGenerateUsableStore(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		o := genOptions(7)
		mustGenerate(t, db, o)

		detail, err := db.FindDealDetail(ctx, 400)
		must(t, err)
		if len(detail.Meetings) == 0 || len(detail.FollowUps) == 0 || len(detail.Contacts) < 2 {
			t.Errorf("deal 400 has %d meetings, %d follow-ups, %d contacts; want some of each",
				len(detail.Meetings), len(detail.FollowUps), len(detail.Contacts))
		}
		sums, err := db.PipelineSums(ctx, 1)
		must(t, err)
		_, read := db.SQL()
		open := count(t, read, `SELECT COUNT(*) FROM deals WHERE status = 'open'`)
		var summed int64
		for _, s := range sums {
			summed += int64(s.Deals)
		}
		if summed != open || open == 0 {
			t.Errorf("pipeline sums count %d deals, want the %d open ones", summed, open)
		}

		// New rows are numbered past the generated ones.
		team := &followup.Team{Name: "Salg Nytt"}
		must(t, db.CreateTeam(ctx, team))
		if team.ID != 2 {
			t.Errorf("a new team got number %d, want 2", team.ID)
		}
		f := &followup.FollowUp{DealID: 1, OwnerID: detail.Deal.OwnerID,
			Kind: followup.FollowUpCall, Due: o.Today, Purpose: "Ring etter prøven"}
		must(t, db.CreateFollowUp(ctx, f))
	})
}

func TestGenerateKeepsSchema(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		fresh := mustOpenDB(t, db.Engine())
		mustGenerate(t, db, genOptions(7))
		if got, want := schemaOf(t, db), schemaOf(t, fresh); !reflect.DeepEqual(got, want) {
			t.Errorf("schema after gen differs from a new database's:\ngot  %q\nwant %q",
				got, want)
		}
		_, read := db.SQL()
		if db.Engine() == "sqlite" {
			if n := count(t, read, `SELECT COUNT(*) FROM pragma_foreign_key_check`); n != 0 {
				t.Errorf("%d rows break a foreign key", n)
			}
		}
		write, _ := db.SQL()
		_, err := write.Exec(`INSERT INTO follow_ups (deal_id, owner_id, kind, due, purpose,
			created_at) VALUES (999999, 1, 'call', '2002-01-10', 'x', '2002-01-10')`)
		if err == nil {
			t.Error("a follow-up of a deal that does not exist was stored: " +
				"foreign keys are not checked after gen")
		}
	})
}

// schemaOf lists the database's indexes, triggers and constraints with
// their definitions, in a stable order.
func schemaOf(t *testing.T, db *sqlstore.DB) []string {
	t.Helper()
	q := `SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master
		WHERE type IN ('index', 'trigger') ORDER BY type, name`
	if db.Engine() == "postgres" {
		q = `SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes
			WHERE schemaname = current_schema()
			UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
			FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
			ORDER BY 1`
	}
	_, read := db.SQL()
	rows, err := read.Query(q)
	must(t, err)
	defer rows.Close()
	var all []string
	for rows.Next() {
		var s string
		must(t, rows.Scan(&s))
		all = append(all, s)
	}
	must(t, rows.Err())
	return all
}

func TestGenerateIsDeterministic(t *testing.T) {
	first := mustOpenDB(t, "sqlite")
	mustGenerate(t, first, genOptions(7))
	want := genDigest(t, first)

	for _, engine := range engines {
		t.Run(engine, func(t *testing.T) {
			db := mustOpenDB(t, engine)
			mustGenerate(t, db, genOptions(7))
			if got := genDigest(t, db); got != want {
				t.Errorf("the same seed made other rows on %s", engine)
			}
		})
	}
	t.Run("another seed", func(t *testing.T) {
		db := mustOpenDB(t, "sqlite")
		mustGenerate(t, db, genOptions(8))
		if got := genDigest(t, db); got == want {
			t.Error("seeds 7 and 8 made the same rows")
		}
	})
}

// genDigest returns the database's rows as JSON, without the audit log's
// times, with each deal's grade.
func genDigest(t *testing.T, db *sqlstore.DB) string {
	t.Helper()
	s, err := db.Export(context.Background())
	must(t, err)
	s.Audit = nil
	_, read := db.SQL()
	rows, err := read.Query(`SELECT grade FROM deals ORDER BY id`)
	must(t, err)
	defer rows.Close()
	var grades []string
	for rows.Next() {
		var g string
		must(t, rows.Scan(&g))
		grades = append(grades, g)
	}
	b, err := json.Marshal(struct {
		S      *followup.Snapshot
		Grades []string
	}{s, grades})
	must(t, err)
	return string(b)
}

func TestGenerateRefusesStoredData(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		seed(t, db)
		_, err := db.Generate(context.Background(), genOptions(7))
		wantCode(t, err, followup.EINVALID, "already has deals (1)", "fresh", "--db")
		_, read := db.SQL()
		if n := count(t, read, `SELECT COUNT(*) FROM deals`); n != 1 {
			t.Errorf("%d deals after a refused gen, want the 1 that was there", n)
		}
	})
	t.Run("a team only", func(t *testing.T) {
		db := mustOpenDB(t, "sqlite")
		must(t, db.CreateTeam(context.Background(), &followup.Team{Name: "Salg Øst"}))
		_, err := db.Generate(context.Background(), genOptions(7))
		wantCode(t, err, followup.EINVALID, "teams, users or organisations", "--db")
	})
}

func TestGenerateRefusesBadOptions(t *testing.T) {
	tests := []struct {
		name           string
		sellers, deals int
		parts          []string
	}{
		{"no sellers", 0, 10, []string{"--sellers 0", "1 to 10000"}},
		{"too many sellers", 10_001, 10, []string{"--sellers 10001"}},
		{"no deals", 10, 0, []string{"--deals 0", "1 to 10000000"}},
		{"too many deals", 10, 10_000_001, []string{"--deals 10000001"}},
	}
	db := mustOpenDB(t, "sqlite")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := genOptions(1)
			o.Sellers, o.Deals = tt.sellers, tt.deals
			_, err := db.Generate(context.Background(), o)
			wantCode(t, err, followup.EINVALID, tt.parts...)
		})
	}
}

// TestGenerateAgendaSize checks the shape of one seller's day at the size of
// the benchmarks: 2,500 deals a seller, as 500,000 deals over 200 sellers.
func TestGenerateAgendaSize(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 2,500 deals")
	}
	db := mustOpenDB(t, "sqlite")
	o := sqlstore.GenOptions{Sellers: 1, Deals: 2500, Seed: 3,
		Today: time.Date(2002, 1, 10, 0, 0, 0, 0, time.UTC)}
	mustGenerate(t, db, o)
	a, err := db.Agenda(context.Background(), followup.AgendaQuery{SellerID: 3, Date: o.Today})
	must(t, err)
	if n := len(a.Due); n < 70 || n > 140 {
		t.Errorf("the seller's agenda has %d follow-ups due, want about 100", n)
	}
	if n := len(a.Unplanned); n < 10 || n > 80 {
		t.Errorf("the seller has %d deals without a next step, want about 40", n)
	}
	overdue := 0
	for _, it := range a.Due {
		if it.Overdue {
			overdue++
		}
		if strings.TrimSpace(it.Organisation) == "" || it.DealTitle == "" {
			t.Fatalf("agenda item %+v lacks its deal or organisation", it)
		}
	}
	if overdue == 0 || overdue == len(a.Due) {
		t.Errorf("%d of %d follow-ups overdue, want some due today and some overdue",
			overdue, len(a.Due))
	}
}
