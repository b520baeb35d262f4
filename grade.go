package followup

import "strings"

// Grade is how far a deal has come, judged by evidence and never by the
// seller's say-so. The ladder runs from prospect to quoted while a deal is
// open; won, lost and walked are the grades of a closed deal.
//
// Only the ladder lives here. The rules that derive a deal's grade from its
// meetings, letters, plans and quotes, and that mark a deal stalled or a plan
// slipped, belong to the pipeline work; until then a stored deal keeps the
// grade it was given.
type Grade string

// The grades of the ladder, lowest first.
const (
	GradeProspect Grade = "prospect" // the deal exists
	GradePain     Grade = "pain"     // a meeting recorded pain, reasons and vision
	GradeSponsor  Grade = "sponsor"  // the buyer confirmed a sponsor letter
	GradePower    Grade = "power"    // a decision-maker meeting and letter with a plan
	GradePlan     Grade = "plan"     // the buyer accepted a plan
	GradeProven   Grade = "proven"   // every checkpoint before the cost step is go
	GradeQuoted   Grade = "quoted"   // a quote went out through the gate
	GradeWon      Grade = "won"
	GradeLost     Grade = "lost"
	GradeWalked   Grade = "walked"
)

// Grades lists every grade in the ladder's order: the open grades from
// prospect to quoted, then the closed ones.
var Grades = []Grade{
	GradeProspect, GradePain, GradeSponsor, GradePower, GradePlan, GradeProven, GradeQuoted,
	GradeWon, GradeLost, GradeWalked,
}

// DefaultProbabilities are the chances of winning, in per cent, that the
// forecast gives each grade unless an admin sets others.
var DefaultProbabilities = map[Grade]int{
	GradeProspect: 0,
	GradePain:     10,
	GradeSponsor:  25,
	GradePower:    40,
	GradePlan:     60,
	GradeProven:   75,
	GradeQuoted:   90,
	GradeWon:      100,
	GradeLost:     0,
	GradeWalked:   0,
}

// Rank returns the grade's place in [Grades], from 0, or -1 when the grade
// is unknown. Ranks order the ladder: a higher rank is further along.
func (g Grade) Rank() int {
	for i, v := range Grades {
		if g == v {
			return i
		}
	}
	return -1
}

// Valid reports whether g is one of [Grades].
func (g Grade) Valid() bool { return g.Rank() >= 0 }

// gradeList names the grades in the ladder's order for a message that asks
// for one of them: "prospect, pain, …, lost or walked".
func gradeList() string {
	names := make([]string, len(Grades))
	for i, g := range Grades {
		names[i] = string(g)
	}
	last := len(names) - 1
	return strings.Join(names[:last], ", ") + " or " + names[last]
}

// Closed reports whether g is the grade of a closed deal: won, lost or walked.
func (g Grade) Closed() bool {
	return g == GradeWon || g == GradeLost || g == GradeWalked
}

// DefaultProbability returns the grade's chance of winning in per cent, from
// [DefaultProbabilities]; 0 for an unknown grade.
func (g Grade) DefaultProbability() int { return DefaultProbabilities[g] }

// Weigh returns value (in øre) weighted by the grade's default probability,
// rounded down to whole øre.
func (g Grade) Weigh(value int64) int64 {
	return value * int64(g.DefaultProbability()) / 100
}

// PipelineSum is one cell of the pipeline: a seller's open deals at one grade.
type PipelineSum struct {
	SellerID int64
	Grade    Grade
	Deals    int   // how many open deals
	Value    int64 // their value in øre
	Weighted int64 // Value weighted by the grade's default probability, in øre
}
