package followup

import (
	"strings"
	"time"
)

// ReferenceStory is a customer who had the same pain and will say so: the
// library a seller picks from for the proof section.
type ReferenceStory struct {
	ID             int64
	Customer       string
	Industry       string
	Pain           string
	Reasons        string
	Result         string // what the customer got
	MeasuredResult string // the result in figures, e.g. "30 % fewer hours on reports"
	ContactID      int64  // the contact who takes calls; 0 when none
	CreatedAt      time.Time
}

// Validate checks the story's fields.
func (r *ReferenceStory) Validate() error {
	r.Customer = strings.TrimSpace(r.Customer)
	if r.Customer == "" {
		return Errorf(EINVALID, "a reference story needs the customer's name")
	}
	if strings.TrimSpace(r.Pain) == "" {
		return Errorf(EINVALID, "reference story of %s needs the pain they had", r.Customer)
	}
	return nil
}

// ReferenceFilter narrows a search for reference stories. Zero fields match
// every story; text fields match a part of the field, in any case.
type ReferenceFilter struct {
	Industry string
	Pain     string
}

// ValueKind says how a value item pays back.
type ValueKind string

// The kinds of value.
const (
	MoreRevenue ValueKind = "more-revenue"
	LowerCost   ValueKind = "lower-cost"
	AvoidedCost ValueKind = "avoided-cost"
	MoreProfit  ValueKind = "more-profit"
)

// ValueItem is one line of a deal's value worksheet: a yearly gain owned by a
// named executive at the buyer.
type ValueItem struct {
	ID          int64
	DealID      int64
	Kind        ValueKind
	Description string
	Amount      int64  // yearly, in øre
	Executive   string // who owns the gain at the buyer
	CreatedAt   time.Time
}

// Validate checks the value item's fields.
func (v *ValueItem) Validate() error {
	switch v.Kind {
	case MoreRevenue, LowerCost, AvoidedCost, MoreProfit:
	default:
		return Errorf(EINVALID, "value kind %q is unknown: use more-revenue, lower-cost, "+
			"avoided-cost or more-profit", v.Kind)
	}
	switch {
	case v.DealID == 0:
		return Errorf(EINVALID, "a value item needs a deal")
	case strings.TrimSpace(v.Description) == "":
		return Errorf(EINVALID, "a value item needs a description")
	case v.Amount < 0:
		return Errorf(EINVALID, "value item %q has a negative amount", v.Description)
	}
	return nil
}
