package followup

import (
	"strings"
	"time"
)

// Role says what a user may do.
type Role string

// The roles of users.
const (
	RoleSeller  Role = "seller"  // records meetings, sends letters, makes the calls
	RoleManager Role = "manager" // reads the team's pipeline and scorecards
	RoleAdmin   Role = "admin"   // keeps users, teams and settings
)

// Roles lists every role, for messages and flags.
var Roles = []Role{RoleSeller, RoleManager, RoleAdmin}

// Valid reports whether r is one of [Roles].
func (r Role) Valid() bool {
	for _, v := range Roles {
		if r == v {
			return true
		}
	}
	return false
}

// User is a person who signs in: a seller, a sales manager or an admin. A user
// made by importing notes has no e-mail and no password until someone sets them.
type User struct {
	ID           int64
	Name         string
	Email        string // lower case; empty when not known
	Title        string // for signatures, e.g. "Kundeansvarlig"
	Role         Role
	TeamID       int64 // 0 when the user is in no team
	Quota        int64 // the yearly sales quota, in øre
	PasswordHash string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate checks the user's fields and normalizes the e-mail to lower case.
func (u *User) Validate() error {
	u.Name = strings.TrimSpace(u.Name)
	u.Email = NormalizeEmail(u.Email)
	if u.Name == "" {
		return Errorf(EINVALID, "a user needs a name")
	}
	if u.Role == "" {
		u.Role = RoleSeller
	}
	if !u.Role.Valid() {
		return Errorf(EINVALID, "role %q is unknown: use seller, manager or admin", u.Role)
	}
	if u.Email != "" && !strings.Contains(u.Email, "@") {
		return Errorf(EINVALID, "e-mail %q has no @: write it as name@example.no", u.Email)
	}
	if u.Quota < 0 {
		return Errorf(EINVALID, "quota %d is negative: give it in øre, 0 or more", u.Quota)
	}
	return nil
}

// UserFilter narrows a list of users. Zero fields match every user.
type UserFilter struct {
	TeamID int64
	Role   Role
}

// UserUpdate holds the changes to a user. Nil fields stay as they are; an
// empty Email removes the e-mail, a zero TeamID takes the user out of a team.
type UserUpdate struct {
	Name   *string
	Email  *string
	Title  *string
	Role   *Role
	TeamID *int64
	Quota  *int64
}

// Apply copies the update's fields onto u.
func (up UserUpdate) Apply(u *User) {
	setIf(&u.Name, up.Name)
	setIf(&u.Email, up.Email)
	setIf(&u.Title, up.Title)
	setIf(&u.Role, up.Role)
	setIf(&u.TeamID, up.TeamID)
	setIf(&u.Quota, up.Quota)
}

// Team is a group of sellers with a manager, the unit of the pipeline and the
// scorecard's medians.
type Team struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}

// Validate checks the team's fields.
func (t *Team) Validate() error {
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" {
		return Errorf(EINVALID, "a team needs a name")
	}
	return nil
}

// NormalizeEmail trims an e-mail address and writes it in lower case, so that
// one address is one user however it is typed.
func NormalizeEmail(s string) string {
	return strings.ToLower(strings.TrimSpace(s))
}

// setIf sets *dst to *src when src is not nil.
func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}
