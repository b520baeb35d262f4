package followup_test

import (
	"strings"
	"testing"
	"time"

	"followup"
	"followup/workday"
)

var (
	plainCal     = workday.Calendar{}
	summerCal    = workday.Calendar{SkipSummer: true}
	christmasCal = workday.Calendar{SkipChristmas: true}
)

// offsetsTemplate returns a template of one event per offset, the last a
// delivery, each owned by both sides.
func offsetsTemplate(offsets ...int) *followup.Template {
	t := &followup.Template{Name: "test"}
	for i, off := range offsets {
		kind := followup.Other
		if i == len(offsets)-1 {
			kind = followup.Delivery
		}
		t.Events = append(t.Events, followup.TemplateEvent{
			Text: "steg " + string(rune('A'+i%26)), Offset: off, Kind: kind, Owner: followup.Both,
		})
	}
	return t
}

func dates(p *followup.Plan) []string {
	out := make([]string, len(p.Events))
	for i, e := range p.Events {
		out[i] = e.Date.Format(time.DateOnly)
	}
	return out
}

func TestForward(t *testing.T) {
	cases := []struct {
		name    string
		cal     workday.Calendar
		start   time.Time
		offsets []int
		want    string
	}{
		{"same day", plainCal, workday.Date(2026, 3, 2), []int{0, 0, 1},
			"2026-03-02 2026-03-02 2026-03-03"},
		{"first offset counts from the start", plainCal, workday.Date(2026, 3, 2), []int{2, 1},
			"2026-03-04 2026-03-05"},
		{"across Easter", plainCal, workday.Date(2026, 4, 1), []int{0, 1, 1},
			"2026-04-01 2026-04-07 2026-04-08"},
		{"start on Maundy Thursday", plainCal, workday.Date(2026, 4, 2), []int{0, 1},
			"2026-04-07 2026-04-08"},
		{"start on a Saturday", plainCal, workday.Date(2026, 3, 7), []int{0},
			"2026-03-09"},
		{"across 17 May", plainCal, workday.Date(2028, 5, 16), []int{0, 1},
			"2028-05-16 2028-05-18"},
		{"across Ascension and Whitsun", plainCal, workday.Date(2026, 5, 13), []int{0, 1, 6},
			"2026-05-13 2026-05-15 2026-05-26"},
		{"summer kept", plainCal, workday.Date(2026, 7, 3), []int{0, 1},
			"2026-07-03 2026-07-06"},
		{"summer skipped", summerCal, workday.Date(2026, 7, 3), []int{0, 1},
			"2026-07-03 2026-07-27"},
		{"start in the skipped summer", summerCal, workday.Date(2026, 7, 15), []int{0},
			"2026-07-27"},
		{"Christmas Eve is open", plainCal, workday.Date(2026, 12, 22), []int{0, 1, 1},
			"2026-12-22 2026-12-23 2026-12-24"},
		{"Christmas skipped", christmasCal, workday.Date(2026, 12, 22), []int{0, 1, 1},
			"2026-12-22 2026-12-23 2027-01-04"},
		{"year boundary", plainCal, workday.Date(2026, 12, 30), []int{0, 1, 1},
			"2026-12-30 2026-12-31 2027-01-04"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := offsetsTemplate(tc.offsets...).Forward(tc.cal, tc.start)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(dates(p), " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			assertBusinessDays(t, tc.cal, p)
		})
	}
}

func TestBackward(t *testing.T) {
	cases := []struct {
		name      string
		cal       workday.Calendar
		deliverBy time.Time
		offsets   []int
		want      string
	}{
		{"same day", plainCal, workday.Date(2026, 3, 4), []int{0, 1, 0},
			"2026-03-03 2026-03-04 2026-03-04"},
		{"first offset is not used", plainCal, workday.Date(2026, 3, 4), []int{9, 1},
			"2026-03-03 2026-03-04"},
		{"across Easter", plainCal, workday.Date(2026, 4, 7), []int{0, 1, 1},
			"2026-03-31 2026-04-01 2026-04-07"},
		{"deliver on Easter Monday", plainCal, workday.Date(2026, 4, 6), []int{0, 1},
			"2026-03-31 2026-04-01"},
		{"across 17 May", plainCal, workday.Date(2028, 5, 18), []int{0, 1},
			"2028-05-16 2028-05-18"},
		{"deliver on 17 May", plainCal, workday.Date(2028, 5, 17), []int{0, 1},
			"2028-05-15 2028-05-16"},
		{"summer skipped", summerCal, workday.Date(2026, 7, 27), []int{0, 1},
			"2026-07-03 2026-07-27"},
		{"deliver in the skipped summer", summerCal, workday.Date(2026, 7, 20), []int{0, 2},
			"2026-07-01 2026-07-03"},
		{"Christmas skipped", christmasCal, workday.Date(2027, 1, 4), []int{0, 2, 1},
			"2026-12-21 2026-12-23 2027-01-04"},
		{"year boundary", plainCal, workday.Date(2027, 1, 4), []int{0, 1, 1},
			"2026-12-30 2026-12-31 2027-01-04"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := offsetsTemplate(tc.offsets...).Backward(tc.cal, tc.deliverBy)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(dates(p), " "); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
			assertBusinessDays(t, tc.cal, p)
		})
	}
}

func assertBusinessDays(t *testing.T, cal workday.Calendar, p *followup.Plan) {
	t.Helper()
	for i, e := range p.Events {
		if !cal.IsBusinessDay(e.Date) {
			t.Errorf("event %d lands on %s, which is closed", i+1, e.Date.Format(time.DateOnly))
		}
	}
}

func TestForwardBackwardRoundTrip(t *testing.T) {
	tmpl := offsetsTemplate(0, 3, 0, 7, 1, 10, 4, 2, 15, 5)
	for _, cal := range []workday.Calendar{plainCal, summerCal, christmasCal} {
		fwd, err := tmpl.Forward(cal, workday.Date(2026, 11, 2))
		if err != nil {
			t.Fatal(err)
		}
		last := fwd.Events[len(fwd.Events)-1].Date
		back, err := tmpl.Backward(cal, last)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := strings.Join(dates(back), " "), strings.Join(dates(fwd), " "); got != want {
			t.Errorf("%+v: got %s, want %s", cal, got, want)
		}
	}
}

func TestLaidEvents(t *testing.T) {
	tmpl := &followup.Template{Name: "kinds", Events: []followup.TemplateEvent{
		{Text: "Kostnadsestimat", Owner: followup.Seller, Checkpoint: true},
		{Text: "Noe annet", Offset: 1, Kind: followup.Delivery, Owner: followup.Buyer},
	}}
	p, err := tmpl.Forward(plainCal, workday.Date(2026, 3, 2))
	if err != nil {
		t.Fatal(err)
	}
	got, want := p.Events[0], followup.Event{Text: "Kostnadsestimat",
		Date: workday.Date(2026, 3, 2), Checkpoint: true, Owner: followup.Seller,
		Kind: followup.Cost, KindInferred: true}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if e := p.Events[1]; e.Kind != followup.Delivery || e.KindInferred {
		t.Errorf("got kind %s inferred %v, want delivery as given", e.Kind, e.KindInferred)
	}
}

func TestScheduleErrors(t *testing.T) {
	long := offsetsTemplate(0, 260, 260, 260) // 780 business days: over 3 years
	cases := []struct {
		name  string
		tmpl  *followup.Template
		spec  followup.PlanSpec
		now   time.Time
		wants []string
	}{
		{"longer than three years", long, followup.PlanSpec{Start: workday.Date(2026, 1, 5)},
			time.Time{}, []string{"plan.template", "longer than 3 years"}},
		{"offsets over the limit", offsetsTemplate(0, 500, 500), followup.PlanSpec{
			Start: workday.Date(2026, 1, 5)}, time.Time{}, []string{"offset", "more than 3 years"}},
		{"deliver_by leaves no room", offsetsTemplate(0, 10, 10),
			followup.PlanSpec{DeliverBy: workday.Date(2026, 3, 10)}, workday.Date(2026, 3, 2),
			[]string{"plan.deliver_by: 2026-03-10 leaves no room", "start on 2026-02-10",
				"set deliver_by to 2026-03-30 or later"}},
		{"no date", offsetsTemplate(0), followup.PlanSpec{}, time.Time{},
			[]string{"give start (the first day) or deliver_by"}},
		{"both dates", offsetsTemplate(0), followup.PlanSpec{Start: workday.Date(2026, 1, 5),
			DeliverBy: workday.Date(2026, 2, 5)}, time.Time{}, []string{"not both"}},
		{"year out of range", offsetsTemplate(0), followup.PlanSpec{
			Start: workday.Date(2301, 1, 5)}, time.Time{}, []string{"plan.start", "out of range"}},
		{"negative offset", offsetsTemplate(0, -2), followup.PlanSpec{
			Start: workday.Date(2026, 1, 5)}, time.Time{},
			[]string{`event 2 "steg B": offset: -2 is out of range`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := followup.SchedulePlan(&tc.spec, tc.tmpl, plainCal, tc.now)
			if got, want := followup.ErrorCode(err), followup.EINVALID; got != want {
				t.Fatalf("got code %q (%v), want %q", got, err, want)
			}
			for _, w := range tc.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got %q, want it to contain %q", err, w)
				}
			}
		})
	}
}

func TestDeliverByWithRoom(t *testing.T) {
	spec := followup.PlanSpec{DeliverBy: workday.Date(2026, 3, 30)}
	p, err := followup.SchedulePlan(&spec, offsetsTemplate(0, 10, 10), plainCal,
		workday.Date(2026, 3, 2))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(dates(p), " "), "2026-03-02 2026-03-16 2026-03-30"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestTemplateProblems(t *testing.T) {
	tmpl := &followup.Template{Name: "Bad Name", Source: "x.yaml", Events: []followup.TemplateEvent{
		{Text: "", Owner: followup.Both},
		{Text: "B", Offset: 1, Kind: "party", Owner: "nobody"},
		{Text: "C", Offset: 1},
	}}
	err := tmpl.Validate()
	if err == nil {
		t.Fatal("got no error, want one")
	}
	for _, want := range []string{
		`x.yaml: template Bad Name: name: "Bad Name" is not a template name`,
		`event 1 "": text: the event has no text`,
		`event 2 "B": kind: "party" is not a kind of event`,
		`event 2 "B": owner: "nobody" is not an owner`,
		`event 3 "C": owner: the event has no owner`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got %q, want it to contain %q", err, want)
		}
	}
	if err := (&followup.Template{Name: "empty"}).Validate(); err == nil ||
		!strings.Contains(err.Error(), "events: the template has no events") {
		t.Errorf("got %v, want an error about no events", err)
	}
}

func TestFindTemplate(t *testing.T) {
	ts := []*followup.Template{{Name: "training"}, {Name: "software-evaluation"}}
	got, err := followup.FindTemplate(ts, " Training ")
	if err != nil || got != ts[0] {
		t.Errorf("got %v, %v; want the training template", got, err)
	}
	_, err = followup.FindTemplate(ts, "golf")
	want := `plan.template: there is no template called "golf": choose one of ` +
		"software-evaluation, training"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestMeetingLayPlan(t *testing.T) {
	ts := []*followup.Template{offsetsTemplate(0, 5, 5)}
	m := &followup.Meeting{Date: workday.Date(2026, 3, 2),
		PlanSpec: &followup.PlanSpec{Template: "test", Start: workday.Date(2026, 3, 3)}}
	if err := m.LayPlan(ts, plainCal); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(dates(m.Plan), " "), "2026-03-03 2026-03-10 2026-03-17"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}

	table := &followup.Plan{}
	m = &followup.Meeting{Plan: table, PlanSpec: &followup.PlanSpec{Template: "none"}}
	if err := m.LayPlan(ts, plainCal); err != nil || m.Plan != table {
		t.Errorf("got %v and a new plan, want the table kept", err)
	}
	m = &followup.Meeting{PlanSpec: &followup.PlanSpec{Template: "none"}}
	if err := m.LayPlan(ts, plainCal); followup.ErrorCode(err) != followup.EINVALID {
		t.Errorf("got %v, want an EINVALID error for an unknown template", err)
	}
}

// fortyEvents is a 40-event template of 1 to 10 business days a step: about
// a year of plan.
func fortyEvents() *followup.Template {
	offsets := make([]int, 40)
	for i := range offsets {
		offsets[i] = 1 + (i*7)%10
	}
	return offsetsTemplate(offsets...)
}

func BenchmarkPlanForward(b *testing.B) {
	tmpl := fortyEvents()
	start := workday.Date(2026, 1, 5)
	for _, cal := range []workday.Calendar{plainCal, {SkipSummer: true, SkipChristmas: true}} {
		b.Run(calName(cal), func(b *testing.B) {
			for b.Loop() {
				if _, err := tmpl.Forward(cal, start); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPlanBackward(b *testing.B) {
	tmpl := fortyEvents()
	deliverBy := workday.Date(2026, 12, 18)
	for _, cal := range []workday.Calendar{plainCal, {SkipSummer: true, SkipChristmas: true}} {
		b.Run(calName(cal), func(b *testing.B) {
			for b.Loop() {
				if _, err := tmpl.Backward(cal, deliverBy); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func calName(c workday.Calendar) string {
	if c == plainCal {
		return "holidays"
	}
	return "holidays_summer_christmas"
}
