package followup_test

import (
	"testing"

	"followup"
)

func TestGradeLadder(t *testing.T) {
	tests := []struct {
		name        string
		grade       followup.Grade
		rank        int
		closed      bool
		probability int
	}{
		{"prospect is the bottom", followup.GradeProspect, 0, false, 0},
		{"pain", followup.GradePain, 1, false, 10},
		{"sponsor", followup.GradeSponsor, 2, false, 25},
		{"power", followup.GradePower, 3, false, 40},
		{"plan", followup.GradePlan, 4, false, 60},
		{"proven", followup.GradeProven, 5, false, 75},
		{"quoted is the top of the open grades", followup.GradeQuoted, 6, false, 90},
		{"won", followup.GradeWon, 7, true, 100},
		{"lost", followup.GradeLost, 8, true, 0},
		{"walked", followup.GradeWalked, 9, true, 0},
		{"unknown", followup.Grade("hopeful"), -1, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := tt.grade.Rank(), tt.rank; got != want {
				t.Errorf("Rank() = %d, want %d", got, want)
			}
			if got, want := tt.grade.Valid(), tt.rank >= 0; got != want {
				t.Errorf("Valid() = %v, want %v", got, want)
			}
			if got, want := tt.grade.Closed(), tt.closed; got != want {
				t.Errorf("Closed() = %v, want %v", got, want)
			}
			if got, want := tt.grade.DefaultProbability(), tt.probability; got != want {
				t.Errorf("DefaultProbability() = %d, want %d", got, want)
			}
		})
	}
}

func TestGradesHaveProbabilities(t *testing.T) {
	if got, want := len(followup.DefaultProbabilities), len(followup.Grades); got != want {
		t.Errorf("%d default probabilities, want one per grade (%d)", got, want)
	}
	for i := 1; i < len(followup.Grades); i++ {
		prev, g := followup.Grades[i-1], followup.Grades[i]
		if !g.Closed() && g.DefaultProbability() <= prev.DefaultProbability() {
			t.Errorf("open grade %s (%d %%) is not above %s (%d %%)",
				g, g.DefaultProbability(), prev, prev.DefaultProbability())
		}
	}
}

func TestGradeWeigh(t *testing.T) {
	tests := []struct {
		name  string
		grade followup.Grade
		value int64
		want  int64
	}{
		{"prospect counts nothing", followup.GradeProspect, 125_000_000, 0},
		{"plan counts 60 per cent", followup.GradePlan, 125_000_000, 75_000_000},
		{"rounds down to whole øre", followup.GradeSponsor, 3, 0},
		{"won counts in full", followup.GradeWon, 99, 99},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.grade.Weigh(tt.value); got != tt.want {
				t.Errorf("%s.Weigh(%d) = %d, want %d", tt.grade, tt.value, got, tt.want)
			}
		})
	}
}
