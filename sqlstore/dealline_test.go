package sqlstore_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"followup"
	"followup/sqlstore"
)

func TestListDealLines(t *testing.T) {
	forEachEngine(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		f := seed(t, db)
		won := &followup.Deal{OrganisationID: f.org.ID, OwnerID: f.manager.ID,
			Title: "Vunnet", Status: followup.DealWon}
		must(t, db.CreateDeal(ctx, won))
		for _, due := range []time.Time{day(2002, 1, 25), day(2002, 1, 14)} {
			must(t, db.CreateFollowUp(ctx, &followup.FollowUp{DealID: f.deal.ID,
				OwnerID: f.seller.ID, Kind: followup.FollowUpCall, Due: due, Purpose: "ring"}))
		}
		done := &followup.FollowUp{DealID: f.deal.ID, OwnerID: f.seller.ID,
			Kind: followup.FollowUpCall, Due: day(2002, 1, 11), Purpose: "gjort"}
		must(t, db.CreateFollowUp(ctx, done))
		_, err := db.CompleteFollowUp(ctx, done.ID, time.Time{}, "ferdig")
		must(t, err)

		tests := []struct {
			name string
			f    followup.DealFilter
			want []string // title, organisation, owner, next follow-up
		}{
			{"all", followup.DealFilter{}, []string{
				"Lagerstyring Oslo|Fjordkraft Logistikk AS|Kari Nordmann|2002-01-14",
				"Vunnet|Fjordkraft Logistikk AS|Per Leder|"}},
			{"by owner", followup.DealFilter{OwnerID: f.manager.ID}, []string{
				"Vunnet|Fjordkraft Logistikk AS|Per Leder|"}},
			{"by status", followup.DealFilter{Status: followup.DealOpen}, []string{
				"Lagerstyring Oslo|Fjordkraft Logistikk AS|Kari Nordmann|2002-01-14"}},
			{"by title", followup.DealFilter{Title: "Ingen slik"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				lines, err := db.ListDealLines(ctx, tt.f)
				must(t, err)
				var got []string
				for _, l := range lines {
					next := ""
					if !l.NextFollowUp.IsZero() {
						next = l.NextFollowUp.Format("2006-01-02")
					}
					got = append(got, l.Deal.Title+"|"+l.Organisation+"|"+l.Owner+"|"+next)
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("got %q\nwant %q", got, tt.want)
				}
			})
		}
		lines, err := db.ListDealLines(ctx, followup.DealFilter{Status: followup.DealOpen})
		must(t, err)
		if len(lines) == 1 && !reflect.DeepEqual(lines[0].Deal, f.deal) {
			t.Errorf("deal = %+v, want %+v", lines[0].Deal, f.deal)
		}
	})
}
