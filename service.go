package followup

import (
	"context"
	"time"
)

// The services below are what the web app and the CLI need from storage.
// Package sqlstore implements each of them on SQLite and PostgreSQL. Every
// method that changes something writes an audit row in the same transaction,
// recorded as made by [ActorFromContext]. A record that does not exist is an
// [ENOTFOUND] error; a clash with a stored record, such as an e-mail used
// twice, is an [ECONFLICT] error naming the field.

// UserService keeps the users who sign in.
type UserService interface {
	// CreateUser stores u and sets its ID and times.
	CreateUser(ctx context.Context, u *User) error
	// FindUserByID returns the user with the id.
	FindUserByID(ctx context.Context, id int64) (*User, error)
	// FindUserByEmail returns the user with the e-mail, in any case.
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	// FindUserByName returns the one user with the exact name; two users of
	// the name are an ECONFLICT error asking for the e-mail instead.
	FindUserByName(ctx context.Context, name string) (*User, error)
	// ListUsers returns the users that match f, by name.
	ListUsers(ctx context.Context, f UserFilter) ([]*User, error)
	// UpdateUser changes the user's fields and returns the user as stored.
	UpdateUser(ctx context.Context, id int64, up UserUpdate) (*User, error)
	// SetPasswordHash replaces the user's password hash; "" removes it.
	SetPasswordHash(ctx context.Context, id int64, hash string) error
}

// TeamService keeps the teams of sellers.
type TeamService interface {
	// CreateTeam stores t and sets its ID.
	CreateTeam(ctx context.Context, t *Team) error
	// FindTeamByName returns the team with the exact name.
	FindTeamByName(ctx context.Context, name string) (*Team, error)
	// ListTeams returns every team, by name.
	ListTeams(ctx context.Context) ([]*Team, error)
}

// OrganisationService keeps the buyers' organisations and their people.
type OrganisationService interface {
	// FindOrCreateOrganisation looks o up by name (see [OrganisationKey]). When
	// found, o is overwritten with the stored organisation and created is
	// false; otherwise o is stored as given.
	FindOrCreateOrganisation(ctx context.Context, o *Organisation) (created bool, err error)
	// FindOrganisationByID returns the organisation with the id.
	FindOrganisationByID(ctx context.Context, id int64) (*Organisation, error)
	// ListOrganisations returns every organisation, by name.
	ListOrganisations(ctx context.Context) ([]*Organisation, error)
	// UpdateOrganisation changes the organisation's fields.
	UpdateOrganisation(ctx context.Context, id int64, up OrganisationUpdate) (*Organisation, error)

	// CreateContact stores c and sets its ID and times.
	CreateContact(ctx context.Context, c *Contact) error
	// UpdateContact changes the contact's fields.
	UpdateContact(ctx context.Context, id int64, up ContactUpdate) (*Contact, error)
	// FindContactByID returns the contact with the id.
	FindContactByID(ctx context.Context, id int64) (*Contact, error)
	// FindContactByName returns the contact of the organisation with the
	// name, in any case.
	FindContactByName(ctx context.Context, orgID int64, name string) (*Contact, error)
	// ListContacts returns the organisation's contacts, oldest first.
	ListContacts(ctx context.Context, orgID int64) ([]*Contact, error)
}

// DealService keeps deals.
type DealService interface {
	// CreateDeal stores d and sets its ID and times.
	CreateDeal(ctx context.Context, d *Deal) error
	// FindDealByID returns the deal with the id.
	FindDealByID(ctx context.Context, id int64) (*Deal, error)
	// ListDeals returns the deals that match f, newest first.
	ListDeals(ctx context.Context, f DealFilter) ([]*Deal, error)
	// UpdateDeal changes the deal's fields, for instance to close it.
	UpdateDeal(ctx context.Context, id int64, up DealUpdate) (*Deal, error)
	// FindDealDetail returns the deal with everything that belongs to it, read
	// at one moment.
	FindDealDetail(ctx context.Context, id int64) (*DealDetail, error)
}

// MeetingService keeps meetings and their notes.
type MeetingService interface {
	// CreateMeeting stores m with its sections and sets its ID. Notes already
	// imported (the same [NotesHash]) are an ECONFLICT error naming the meeting.
	CreateMeeting(ctx context.Context, m *MeetingRecord) error
	// FindMeetingByID returns the meeting with its sections.
	FindMeetingByID(ctx context.Context, id int64) (*MeetingRecord, error)
	// FindMeetingByNotesHash returns the meeting imported from the notes
	// file with the hash.
	FindMeetingByNotesHash(ctx context.Context, hash string) (*MeetingRecord, error)
	// SearchMeetings returns up to limit meetings whose notes have every word
	// of query, in any case, the most recently stored first.
	SearchMeetings(ctx context.Context, query string, limit int) ([]MeetingHit, error)
}

// LetterService keeps follow-up letters and their way to the buyer's agreement.
type LetterService interface {
	// CreateLetter stores l as a draft and sets its ID and version: one more
	// than the last letter of the same deal and meeting.
	CreateLetter(ctx context.Context, l *LetterRecord) error
	// FindLetterByID returns the letter with the id.
	FindLetterByID(ctx context.Context, id int64) (*LetterRecord, error)
	// MarkLetterSent marks a draft sent at the time. When call is not nil it
	// is stored in the same transaction, its Source set to the letter.
	MarkLetterSent(ctx context.Context, id int64, at time.Time, call *FollowUp) (*LetterRecord, error)
	// MarkLetterConfirmed records that the buyer confirmed the letter.
	MarkLetterConfirmed(ctx context.Context, id int64, at time.Time) (*LetterRecord, error)
	// MarkLetterDisputed records that the buyer asked for changes, and which.
	MarkLetterDisputed(ctx context.Context, id int64, at time.Time, note string) (*LetterRecord, error)
}

// PlanService keeps the versions of progress plans.
type PlanService interface {
	// SavePlanVersion stores p as the deal's next version and sets its ID
	// and Version.
	SavePlanVersion(ctx context.Context, p *PlanVersion) error
	// FindPlanVersion returns the plan version with the id, with its events.
	FindPlanVersion(ctx context.Context, id int64) (*PlanVersion, error)
	// AgreePlanVersion records that the buyer agreed to the version at the time.
	AgreePlanVersion(ctx context.Context, id int64, at time.Time) (*PlanVersion, error)
	// SetEventOutcome marks event number n (from 1) of the plan go or stop,
	// with a note.
	SetEventOutcome(ctx context.Context, planID int64, n int, o Outcome,
		note string) (*PlanVersion, error)
}

// FollowUpService keeps follow-ups and the agenda made of them.
type FollowUpService interface {
	// CreateFollowUp stores f and sets its ID.
	CreateFollowUp(ctx context.Context, f *FollowUp) error
	// FindFollowUpByID returns the follow-up with its moves.
	FindFollowUpByID(ctx context.Context, id int64) (*FollowUp, error)
	// CompleteFollowUp marks an open follow-up done at the time with the outcome.
	CompleteFollowUp(ctx context.Context, id int64, at time.Time, outcome string) (*FollowUp, error)
	// MoveFollowUp moves an open follow-up to another day, for the reason.
	MoveFollowUp(ctx context.Context, id int64, to time.Time, reason string) (*FollowUp, error)
	// Agenda returns the seller's agenda for the day.
	Agenda(ctx context.Context, q AgendaQuery) (*Agenda, error)
}

// EvidenceService keeps what backs a deal: proof, quotes and value.
type EvidenceService interface {
	// CreateProofItem stores p and sets its ID.
	CreateProofItem(ctx context.Context, p *ProofItem) error
	// SetProofOutcome records what came of the proof item.
	SetProofOutcome(ctx context.Context, id int64, outcome string) (*ProofItem, error)
	// CreateQuote stores q and sets its ID. The quote gate is the caller's:
	// the store records what it is given.
	CreateQuote(ctx context.Context, q *Quote) error
	// CreateValueItem stores v and sets its ID.
	CreateValueItem(ctx context.Context, v *ValueItem) error
}

// ReferenceService keeps the library of reference stories.
type ReferenceService interface {
	// CreateReferenceStory stores r and sets its ID.
	CreateReferenceStory(ctx context.Context, r *ReferenceStory) error
	// ListReferenceStories returns the stories that match f, by customer.
	ListReferenceStories(ctx context.Context, f ReferenceFilter) ([]*ReferenceStory, error)
}

// SettingService keeps the settings an admin sets.
type SettingService interface {
	// Setting returns the value of the key; an unset key is an ENOTFOUND error.
	Setting(ctx context.Context, key string) (string, error)
	// Settings returns every setting.
	Settings(ctx context.Context) (map[string]string, error)
	// SetSetting sets the key to the value.
	SetSetting(ctx context.Context, key, value string) error
}

// AuditService reads the audit log.
type AuditService interface {
	// ListAudit returns the entries that match f, newest first.
	ListAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, error)
}

// SnapshotService moves a whole database in and out.
type SnapshotService interface {
	// Export returns every row, read at one moment.
	Export(ctx context.Context) (*Snapshot, error)
	// Import stores every row of s, keeping their IDs, in one transaction.
	// The database must be empty.
	Import(ctx context.Context, s *Snapshot) error
}
