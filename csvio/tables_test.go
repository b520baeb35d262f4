package csvio

import (
	"slices"
	"testing"
	"time"

	"followup"
)

// column returns the cells of the named column of t, a row each, and fails
// the test when t has no such column.
func column(t *testing.T, tb Table, name string) []string {
	t.Helper()
	for i, h := range tb.Header {
		if h != name {
			continue
		}
		var cells []string
		for _, r := range tb.Rows {
			if len(r) != len(tb.Header) {
				t.Fatalf("%s row %v has %d cells, want %d", tb.Name, r, len(r), len(tb.Header))
			}
			cells = append(cells, r[i])
		}
		return cells
	}
	t.Fatalf("%s has no column %q: %v", tb.Name, name, tb.Header)
	return nil
}

func TestDealsTableKeepsGrade(t *testing.T) {
	made := time.Date(2002, 1, 10, 9, 0, 0, 0, time.UTC)
	s := &followup.Snapshot{
		Users:         []*followup.User{{ID: 1, Name: "Kari Nordmann", Email: "kari@selger.no"}},
		Organisations: []*followup.Organisation{{ID: 1, Name: "Fjordkraft Logistikk AS"}},
		Deals: []*followup.Deal{
			{ID: 1, OrganisationID: 1, OwnerID: 1, Title: "Lagerstyring Oslo", Currency: "NOK",
				Status: followup.DealOpen, Grade: followup.GradePower, CreatedAt: made,
				UpdatedAt: made},
			{ID: 2, OrganisationID: 1, OwnerID: 1, Title: "Ruteplan", Currency: "NOK",
				Status: followup.DealLost, StatusReason: "valgte en annen",
				Grade: followup.GradeLost, CreatedAt: made, UpdatedAt: made},
		},
	}
	for _, tb := range Tables(s) {
		if tb.Name != "deals" {
			continue
		}
		tests := []struct {
			column string
			want   []string
		}{
			{"title", []string{"Lagerstyring Oslo", "Ruteplan"}},
			{"status", []string{"open", "lost"}},
			{"grade", []string{"power", "lost"}},
			{"created_at", []string{Time(made), Time(made)}},
		}
		for _, tt := range tests {
			t.Run(tt.column, func(t *testing.T) {
				if got := column(t, tb, tt.column); !slices.Equal(got, tt.want) {
					t.Errorf("%s = %q, want %q", tt.column, got, tt.want)
				}
			})
		}
		return
	}
	t.Fatal("Tables has no deals table")
}
