package sqlstore_test

import (
	"context"
	"reflect"
	"testing"

	"followup"
	"followup/sqlstore"
)

// setGrade sets a deal's grade in SQL, past the store's checks.
func setGrade(t *testing.T, db *sqlstore.DB, dealID int64, g followup.Grade) {
	t.Helper()
	write, _ := db.SQL()
	_, err := write.Exec(`UPDATE deals SET grade = $1 WHERE id = $2`, string(g), dealID)
	must(t, err)
}

// addDeal stores an open deal of the seller at the organisation with a grade.
func addDeal(t *testing.T, db *sqlstore.DB, f fixture, seller *followup.User, title string,
	value int64, g followup.Grade) *followup.Deal {
	t.Helper()
	d := &followup.Deal{OrganisationID: f.org.ID, OwnerID: seller.ID, Title: title, Value: value,
		Grade: g}
	must(t, db.CreateDeal(context.Background(), d))
	return d
}

func TestPipelineSums(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db) // Kari's deal "Lagerstyring Oslo": 1 250 000 kr, a prospect
		west := &followup.Team{Name: "Salg Vest"}
		must(t, db.CreateTeam(ctx, west))
		odd := &followup.User{Name: "Odd Vik", Role: followup.RoleSeller, TeamID: west.ID}
		must(t, db.CreateUser(ctx, odd))
		empty := &followup.Team{Name: "Salg Nord"}
		must(t, db.CreateTeam(ctx, empty))

		addDeal(t, db, f, f.seller, "Plukkroboter", 40_000_000, followup.GradePlan)
		addDeal(t, db, f, f.seller, "Lagerhall Drammen", 60_000_000, followup.GradePlan)
		addDeal(t, db, f, f.seller, "Skanning", 10_000_000, followup.GradePain)
		won := addDeal(t, db, f, f.seller, "Truckflåte", 90_000_000, followup.GradeQuoted)
		status := followup.DealWon
		_, err := db.UpdateDeal(ctx, won.ID, followup.DealUpdate{Status: &status})
		must(t, err)
		addDeal(t, db, f, odd, "Kjølelager Bergen", 20_000_000, followup.GradeSponsor)

		kari := []followup.PipelineSum{
			{SellerID: f.seller.ID, Grade: followup.GradeProspect, Deals: 1,
				Value: 125_000_000, Weighted: 0},
			{SellerID: f.seller.ID, Grade: followup.GradePain, Deals: 1,
				Value: 10_000_000, Weighted: 1_000_000},
			{SellerID: f.seller.ID, Grade: followup.GradePlan, Deals: 2,
				Value: 100_000_000, Weighted: 60_000_000},
		}
		oddSums := []followup.PipelineSum{{SellerID: odd.ID, Grade: followup.GradeSponsor,
			Deals: 1, Value: 20_000_000, Weighted: 5_000_000}}
		tests := []struct {
			name   string
			teamID int64
			want   []followup.PipelineSum
		}{
			{"one team, closed deals left out", f.team.ID, kari},
			{"every team", 0, append(append([]followup.PipelineSum(nil), kari...), oddSums...)},
			{"another team", west.ID, oddSums},
			{"a team without deals", empty.ID, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := db.PipelineSums(ctx, tt.teamID)
				must(t, err)
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("PipelineSums(%d) =\n%+v\nwant\n%+v", tt.teamID, got, tt.want)
				}
			})
		}
	})
}

func TestPipelineSumsUnknownTeam(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		_, err := db.PipelineSums(context.Background(), 4711)
		wantCode(t, err, followup.ENOTFOUND, "team 4711")
	})
}

func TestDealGradeColumn(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		f := seed(t, db)
		write, _ := db.SQL()
		var got string
		must(t, write.QueryRow(`SELECT grade FROM deals WHERE id = $1`, f.deal.ID).Scan(&got))
		if want := string(followup.GradeProspect); got != want {
			t.Errorf("a new deal's grade = %q, want %q", got, want)
		}
		for _, g := range followup.Grades {
			setGrade(t, db, f.deal.ID, g)
		}
		_, err := write.Exec(`UPDATE deals SET grade = 'hopeful' WHERE id = $1`, f.deal.ID)
		if err == nil {
			t.Error("grade 'hopeful' was stored; want the ladder's check to refuse it")
		}
	})
}
