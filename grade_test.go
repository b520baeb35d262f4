package followup_test

import (
	"strings"
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

func TestDealValidateGrade(t *testing.T) {
	tests := []struct {
		name  string
		grade followup.Grade
		want  followup.Grade // the grade after Validate, when valid
		err   string         // a part of the error message, or "" for none
	}{
		{"none is a prospect", "", followup.GradeProspect, ""},
		{"a rung of the ladder stays", followup.GradePower, followup.GradePower, ""},
		{"a closed grade stays", followup.GradeWalked, followup.GradeWalked, ""},
		{"unknown", "hopeful", "", `grade "hopeful" of deal "Lager" is unknown: use ` +
			"prospect, pain, sponsor, power, plan, proven, quoted, won, lost or walked"},
		{"written in capitals", "Power", "", `grade "Power"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := followup.Deal{OrganisationID: 1, OwnerID: 2, Title: "Lager", Grade: tt.grade}
			err := d.Validate()
			if tt.err != "" {
				code, msg := followup.ErrorCode(err), followup.ErrorMessage(err)
				if code != followup.EINVALID || !strings.Contains(msg, tt.err) {
					t.Fatalf("Validate = %v (%s), want %s naming %q", err, code,
						followup.EINVALID, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Validate = %v, want nil", err)
			}
			if got, want := d.Grade, tt.want; got != want {
				t.Errorf("grade after Validate = %q, want %q", got, want)
			}
		})
	}
}

func TestDealUpdateGrade(t *testing.T) {
	d := followup.Deal{Grade: followup.GradePain}
	followup.DealUpdate{}.Apply(&d)
	if got, want := d.Grade, followup.GradePain; got != want {
		t.Errorf("an update without a grade made it %q, want %q", got, want)
	}
	plan := followup.GradePlan
	followup.DealUpdate{Grade: &plan}.Apply(&d)
	if got, want := d.Grade, followup.GradePlan; got != want {
		t.Errorf("grade after update = %q, want %q", got, want)
	}
}
