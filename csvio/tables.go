package csvio

import (
	"sort"
	"strconv"
	"strings"

	"followup"
)

// Table is one table of an export: a file name without ".csv", the header
// and the rows as text.
type Table struct {
	Name   string
	Header []string
	Rows   [][]string
}

// Tables returns every table of s, one per table of the database, for
// reading in a spreadsheet. Children get tables of their own
// (meeting_sections, plan_events, follow_up_moves). Next to each reference by
// id stands a name a person knows, in the form the import reads: a user's
// e-mail (or name when none), an organisation's name.
//
// NOTE: the JSON export is the one that keeps everything. These tables leave
// out the password hashes (a spreadsheet is no place for them) and the notes
// files as imported, whose sections are in meeting_sections.
func Tables(s *followup.Snapshot) []Table {
	n := newNames(s)
	tables := []Table{
		teamsTable(s), usersTable(s, n), organisationsTable(s, n), contactsTable(s, n),
		dealsTable(s, n), meetingsTable(s), sectionsTable(s), lettersTable(s), plansTable(s),
		eventsTable(s), followUpsTable(s), movesTable(s), referencesTable(s), proofTable(s),
		quotesTable(s), valueTable(s), settingsTable(s), auditTable(s),
	}
	return tables
}

// names finds the names to show beside ids.
type names struct {
	teams, users, orgs, contacts map[int64]string
}

func newNames(s *followup.Snapshot) names {
	n := names{teams: map[int64]string{}, users: map[int64]string{},
		orgs: map[int64]string{}, contacts: map[int64]string{}}
	for _, t := range s.Teams {
		n.teams[t.ID] = t.Name
	}
	for _, u := range s.Users {
		n.users[u.ID] = UserRef(u)
	}
	for _, o := range s.Organisations {
		n.orgs[o.ID] = o.Name
	}
	for _, c := range s.Contacts {
		n.contacts[c.ID] = c.Name
	}
	return n
}

// UserRef returns how a file names a user: the e-mail, or the name when the
// user has none.
func UserRef(u *followup.User) string {
	if u.Email != "" {
		return u.Email
	}
	return u.Name
}

func teamsTable(s *followup.Snapshot) Table {
	t := Table{Name: "teams", Header: []string{"id", "name", "created_at"}}
	for _, v := range s.Teams {
		t.Rows = append(t.Rows, []string{ID(v.ID), v.Name, Time(v.CreatedAt)})
	}
	return t
}

func usersTable(s *followup.Snapshot, n names) Table {
	t := Table{Name: "users", Header: []string{"id", "name", "email", "title", "role",
		"team_id", "team", "quota", "has_password", "created_at", "updated_at"}}
	for _, v := range s.Users {
		t.Rows = append(t.Rows, []string{ID(v.ID), v.Name, v.Email, v.Title, string(v.Role),
			ID(v.TeamID), n.teams[v.TeamID], Amount(v.Quota), Bool(v.PasswordHash != ""),
			Time(v.CreatedAt), Time(v.UpdatedAt)})
	}
	return t
}

func organisationsTable(s *followup.Snapshot, n names) Table {
	t := Table{Name: "organisations", Header: []string{"id", "name", "address", "industry",
		"owner_id", "owner", "created_at", "updated_at"}}
	for _, v := range s.Organisations {
		t.Rows = append(t.Rows, []string{ID(v.ID), v.Name, strings.Join(v.Address, "\n"),
			v.Industry, ID(v.OwnerID), n.users[v.OwnerID], Time(v.CreatedAt), Time(v.UpdatedAt)})
	}
	return t
}

func contactsTable(s *followup.Snapshot, n names) Table {
	t := Table{Name: "contacts", Header: []string{"id", "organisation_id", "organisation",
		"name", "title", "email", "phone", "role", "access_to_id", "access_to", "created_at",
		"updated_at"}}
	for _, v := range s.Contacts {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.OrganisationID), n.orgs[v.OrganisationID],
			v.Name, v.Title, v.Email, v.Phone, string(v.Role), ID(v.AccessToID),
			n.contacts[v.AccessToID], Time(v.CreatedAt), Time(v.UpdatedAt)})
	}
	return t
}

func dealsTable(s *followup.Snapshot, n names) Table {
	t := Table{Name: "deals", Header: []string{"id", "organisation_id", "organisation",
		"owner_id", "owner", "title", "value", "currency", "close_date", "status",
		"status_reason", "grade", "created_at", "updated_at"}}
	for _, v := range s.Deals {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.OrganisationID), n.orgs[v.OrganisationID],
			ID(v.OwnerID), n.users[v.OwnerID], v.Title, Amount(v.Value), v.Currency,
			Day(v.CloseDate), string(v.Status), v.StatusReason, string(v.Grade),
			Time(v.CreatedAt), Time(v.UpdatedAt)})
	}
	return t
}

func meetingsTable(s *followup.Snapshot) Table {
	t := Table{Name: "meetings", Header: []string{"id", "deal_id", "held", "letter",
		"language", "place", "participants", "notes_hash", "created_at"}}
	for _, v := range s.Meetings {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), Day(v.Held), string(v.Letter),
			string(v.Language), v.Place, strings.Join(v.Participants, "\n"), v.NotesHash,
			Time(v.CreatedAt)})
	}
	return t
}

func sectionsTable(s *followup.Snapshot) Table {
	t := Table{Name: "meeting_sections", Header: []string{"meeting_id", "position", "kind",
		"heading", "items", "prose"}}
	for _, m := range s.Meetings {
		for i, v := range m.Sections {
			t.Rows = append(t.Rows, []string{ID(m.ID), strconv.Itoa(i + 1), string(v.Kind),
				v.Heading, strings.Join(v.Items, "\n"), v.Prose})
		}
	}
	return t
}

func lettersTable(s *followup.Snapshot) Table {
	t := Table{Name: "letters", Header: []string{"id", "deal_id", "meeting_id", "kind",
		"language", "version", "status", "created_at", "sent_at", "confirmed_at", "disputed_at",
		"dispute_note", "text"}}
	for _, v := range s.Letters {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), ID(v.MeetingID),
			string(v.Kind), string(v.Language), strconv.Itoa(v.Version), string(v.Status),
			Time(v.CreatedAt), Time(v.SentAt), Time(v.ConfirmedAt), Time(v.DisputedAt),
			v.DisputeNote, v.Text})
	}
	return t
}

func plansTable(s *followup.Snapshot) Table {
	t := Table{Name: "plans", Header: []string{"id", "deal_id", "meeting_id", "version",
		"title", "footer", "created_at", "agreed_at"}}
	for _, v := range s.Plans {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), ID(v.MeetingID),
			strconv.Itoa(v.Version), v.Plan.Title, v.Plan.Footer, Time(v.CreatedAt),
			Time(v.AgreedAt)})
	}
	return t
}

func eventsTable(s *followup.Snapshot) Table {
	t := Table{Name: "plan_events", Header: []string{"plan_id", "position", "text", "date",
		"checkpoint", "owner", "kind", "kind_inferred", "outcome", "note"}}
	for _, p := range s.Plans {
		for i, v := range p.Plan.Events {
			t.Rows = append(t.Rows, []string{ID(p.ID), strconv.Itoa(i + 1), v.Text, Day(v.Date),
				Bool(v.Checkpoint), string(v.Owner), string(v.Kind), Bool(v.KindInferred),
				string(v.Outcome), v.Note})
		}
	}
	return t
}

func followUpsTable(s *followup.Snapshot) Table {
	t := Table{Name: "follow_ups", Header: []string{"id", "deal_id", "owner_id", "kind", "due",
		"purpose", "source", "done_at", "outcome", "created_at"}}
	for _, v := range s.FollowUps {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), ID(v.OwnerID), string(v.Kind),
			Day(v.Due), v.Purpose, v.Source, Time(v.DoneAt), v.Outcome, Time(v.CreatedAt)})
	}
	return t
}

func movesTable(s *followup.Snapshot) Table {
	t := Table{Name: "follow_up_moves", Header: []string{"id", "follow_up_id", "from", "to",
		"reason", "moved_at"}}
	for _, f := range s.FollowUps {
		for _, v := range f.Moves {
			t.Rows = append(t.Rows, []string{ID(v.ID), ID(f.ID), Day(v.From), Day(v.To),
				v.Reason, Time(v.MovedAt)})
		}
	}
	return t
}

func referencesTable(s *followup.Snapshot) Table {
	t := Table{Name: "reference_stories", Header: []string{"id", "customer", "industry",
		"pain", "reasons", "result", "measured_result", "contact_id", "created_at"}}
	for _, v := range s.ReferenceStories {
		t.Rows = append(t.Rows, []string{ID(v.ID), v.Customer, v.Industry, v.Pain, v.Reasons,
			v.Result, v.MeasuredResult, ID(v.ContactID), Time(v.CreatedAt)})
	}
	return t
}

func proofTable(s *followup.Snapshot) Table {
	t := Table{Name: "proof_items", Header: []string{"id", "deal_id", "kind", "description",
		"who", "customer", "reference_id", "date", "outcome", "created_at"}}
	for _, v := range s.ProofItems {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), string(v.Kind), v.Description,
			v.Who, v.Customer, ID(v.ReferenceID), Day(v.Date), v.Outcome, Time(v.CreatedAt)})
	}
	return t
}

func quotesTable(s *followup.Snapshot) Table {
	t := Table{Name: "quotes", Header: []string{"id", "deal_id", "amount", "quoted_at",
		"override_reason", "override_by", "created_at"}}
	for _, v := range s.Quotes {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), Amount(v.Amount),
			Time(v.QuotedAt), v.OverrideReason, ID(v.OverrideBy), Time(v.CreatedAt)})
	}
	return t
}

func valueTable(s *followup.Snapshot) Table {
	t := Table{Name: "value_items", Header: []string{"id", "deal_id", "kind", "description",
		"amount", "executive", "created_at"}}
	for _, v := range s.ValueItems {
		t.Rows = append(t.Rows, []string{ID(v.ID), ID(v.DealID), string(v.Kind), v.Description,
			Amount(v.Amount), v.Executive, Time(v.CreatedAt)})
	}
	return t
}

func settingsTable(s *followup.Snapshot) Table {
	t := Table{Name: "settings", Header: []string{"key", "value"}}
	keys := make([]string, 0, len(s.Settings))
	for k := range s.Settings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Rows = append(t.Rows, []string{k, s.Settings[k]})
	}
	return t
}

func auditTable(s *followup.Snapshot) Table {
	t := Table{Name: "audit_log", Header: []string{"id", "at", "user_id", "actor", "entity",
		"entity_id", "action", "before", "after"}}
	for _, v := range s.Audit {
		t.Rows = append(t.Rows, []string{ID(v.ID), Time(v.At), ID(v.UserID), v.Actor, v.Entity,
			ID(v.EntityID), v.Action, v.Before, v.After})
	}
	return t
}
