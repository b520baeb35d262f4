package followup

import (
	"strings"
	"time"
)

// Organisation is a buyer's company.
type Organisation struct {
	ID        int64
	Name      string
	Address   []string // street, postcode and town, one line each
	Industry  string
	OwnerID   int64 // the user who owns the account; 0 when none
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the organisation's fields.
func (o *Organisation) Validate() error {
	o.Name = strings.TrimSpace(o.Name)
	if o.Name == "" {
		return Errorf(EINVALID, "an organisation needs a name")
	}
	return nil
}

// OrganisationUpdate holds the changes to an organisation. Nil fields stay as
// they are.
type OrganisationUpdate struct {
	Name     *string
	Address  *[]string
	Industry *string
	OwnerID  *int64
}

// Apply copies the update's fields onto o.
func (up OrganisationUpdate) Apply(o *Organisation) {
	setIf(&o.Name, up.Name)
	setIf(&o.Address, up.Address)
	setIf(&o.Industry, up.Industry)
	setIf(&o.OwnerID, up.OwnerID)
}

// OrganisationKey returns the form of an organisation's name that makes two
// names the same organisation: trimmed, inner spaces collapsed, lower case.
func OrganisationKey(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// BuyingRole is the part a contact plays in the buyer's decision.
type BuyingRole string

// The buying roles of the method. The zero value means not yet known.
const (
	BuyingUnknown       BuyingRole = ""
	BuyingSponsor       BuyingRole = "sponsor"        // can give access, cannot say yes
	BuyingDecisionMaker BuyingRole = "decision-maker" // can say yes
	BuyingUser          BuyingRole = "user"           // will use what we deliver
	BuyingTechnical     BuyingRole = "technical"      // judges the technical fit
	BuyingCoach         BuyingRole = "coach"          // helps us inside the buyer
	BuyingReference     BuyingRole = "reference"      // speaks for us as a reference customer
)

// BuyingRoles lists every known buying role.
var BuyingRoles = []BuyingRole{
	BuyingSponsor, BuyingDecisionMaker, BuyingUser, BuyingTechnical, BuyingCoach, BuyingReference,
}

// Valid reports whether r is unknown or one of [BuyingRoles].
func (r BuyingRole) Valid() bool {
	if r == BuyingUnknown {
		return true
	}
	for _, v := range BuyingRoles {
		if r == v {
			return true
		}
	}
	return false
}

// Contact is a person at an organisation.
type Contact struct {
	ID             int64
	OrganisationID int64
	Name           string
	Title          string
	Email          string
	Phone          string
	Role           BuyingRole
	AccessToID     int64 // the contact this one can give access to; 0 when none
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Validate checks the contact's fields.
func (c *Contact) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	c.Email = NormalizeEmail(c.Email)
	if c.Name == "" {
		return Errorf(EINVALID, "a contact needs a name")
	}
	if c.OrganisationID == 0 {
		return Errorf(EINVALID, "contact %q needs an organisation", c.Name)
	}
	if !c.Role.Valid() {
		return Errorf(EINVALID, "buying role %q of %s is unknown: use sponsor, "+
			"decision-maker, user, technical, coach or reference", c.Role, c.Name)
	}
	if c.AccessToID != 0 && c.AccessToID == c.ID {
		return Errorf(EINVALID, "contact %s cannot give access to themself", c.Name)
	}
	return nil
}

// ContactUpdate holds the changes to a contact. Nil fields stay as they are.
type ContactUpdate struct {
	Name       *string
	Title      *string
	Email      *string
	Phone      *string
	Role       *BuyingRole
	AccessToID *int64
}

// Apply copies the update's fields onto c.
func (up ContactUpdate) Apply(c *Contact) {
	setIf(&c.Name, up.Name)
	setIf(&c.Title, up.Title)
	setIf(&c.Email, up.Email)
	setIf(&c.Phone, up.Phone)
	setIf(&c.Role, up.Role)
	setIf(&c.AccessToID, up.AccessToID)
}

// DealStatus says whether a deal is still being worked and, if not, how it ended.
type DealStatus string

// The statuses of deals.
const (
	DealOpen   DealStatus = "open"
	DealWon    DealStatus = "won"
	DealLost   DealStatus = "lost"   // the buyer chose another or nothing
	DealWalked DealStatus = "walked" // we stopped: no pain, no access, no fit
)

// DealStatuses lists every status.
var DealStatuses = []DealStatus{DealOpen, DealWon, DealLost, DealWalked}

// Valid reports whether s is one of [DealStatuses].
func (s DealStatus) Valid() bool {
	for _, v := range DealStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// DefaultCurrency is the currency of a deal that names none.
const DefaultCurrency = "NOK"

// Deal is one sale being worked with one organisation.
type Deal struct {
	ID             int64
	OrganisationID int64
	OwnerID        int64 // the seller
	Title          string
	Value          int64 // in øre
	Currency       string
	CloseDate      time.Time // the seller's estimate; zero when none
	Status         DealStatus
	StatusReason   string // why it was lost or walked, or a note on a win
	Grade          Grade  // how far the deal has come on the ladder of [Grades]
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Validate checks the deal's fields and fills in the defaults: open, a
// prospect, in NOK.
func (d *Deal) Validate() error {
	d.Title = strings.TrimSpace(d.Title)
	d.Currency = strings.ToUpper(strings.TrimSpace(d.Currency))
	if d.Currency == "" {
		d.Currency = DefaultCurrency
	}
	if d.Status == "" {
		d.Status = DealOpen
	}
	if d.Grade == "" {
		d.Grade = GradeProspect
	}
	switch {
	case d.Title == "":
		return Errorf(EINVALID, "a deal needs a title")
	case d.OrganisationID == 0:
		return Errorf(EINVALID, "deal %q needs an organisation", d.Title)
	case d.OwnerID == 0:
		return Errorf(EINVALID, "deal %q needs an owner: the seller who works it", d.Title)
	case d.Value < 0:
		return Errorf(EINVALID, "value of deal %q is negative: give it in øre", d.Title)
	case len(d.Currency) != 3:
		return Errorf(EINVALID, "currency %q is not a three-letter code such as NOK", d.Currency)
	case !d.Status.Valid():
		return Errorf(EINVALID, "status %q is unknown: use open, won, lost or walked", d.Status)
	case !d.Grade.Valid():
		return Errorf(EINVALID, "grade %q of deal %q is unknown: use %s", d.Grade, d.Title,
			gradeList())
	}
	if (d.Status == DealLost || d.Status == DealWalked) && strings.TrimSpace(d.StatusReason) == "" {
		return Errorf(EINVALID, "deal %q is %s: give the reason", d.Title, d.Status)
	}
	return nil
}

// DealFilter narrows a list of deals. Zero fields match every deal.
type DealFilter struct {
	OwnerID        int64
	OrganisationID int64
	Status         DealStatus
	Title          string // the exact title
	Limit          int    // 0 means no limit
	Offset         int
}

// DealUpdate holds the changes to a deal. Nil fields stay as they are. A zero
// CloseDate removes the estimate.
type DealUpdate struct {
	Title        *string
	OwnerID      *int64
	Value        *int64
	Currency     *string
	CloseDate    *time.Time
	Status       *DealStatus
	StatusReason *string
	Grade        *Grade
}

// Apply copies the update's fields onto d.
func (up DealUpdate) Apply(d *Deal) {
	setIf(&d.Title, up.Title)
	setIf(&d.OwnerID, up.OwnerID)
	setIf(&d.Value, up.Value)
	setIf(&d.Currency, up.Currency)
	setIf(&d.CloseDate, up.CloseDate)
	setIf(&d.Status, up.Status)
	setIf(&d.StatusReason, up.StatusReason)
	setIf(&d.Grade, up.Grade)
}

// DealDetail is everything known about one deal, for `followup deal ID` and
// the deal's page. Lists are oldest first.
type DealDetail struct {
	Deal         *Deal
	Organisation *Organisation
	Owner        *User
	Contacts     []*Contact // the organisation's people
	Meetings     []*MeetingRecord
	Letters      []*LetterRecord
	Plans        []*PlanVersion // by version
	FollowUps    []*FollowUp    // with their moves, by due date
	ProofItems   []*ProofItem
	Quotes       []*Quote
	ValueItems   []*ValueItem
}

// AgreedPlan returns the newest plan version the buyer agreed to, or nil.
func (d *DealDetail) AgreedPlan() *PlanVersion {
	var agreed *PlanVersion
	for _, p := range d.Plans {
		if !p.AgreedAt.IsZero() && (agreed == nil || p.Version > agreed.Version) {
			agreed = p
		}
	}
	return agreed
}
