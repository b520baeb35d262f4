package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"followup"
)

// Ensure the store implements the services.
var (
	_ followup.UserService = (*DB)(nil)
	_ followup.UserService = (*Tx)(nil)
	_ followup.TeamService = (*DB)(nil)
	_ followup.TeamService = (*Tx)(nil)
)

const userColumns = `id, name, email, title, role, team_id, quota, password_hash,
	created_at, updated_at`

func scanUser(s scanner) (*followup.User, error) {
	var u followup.User
	err := s.Scan(&u.ID, &u.Name, textCol{&u.Email}, &u.Title, &u.Role, idCol{&u.TeamID},
		&u.Quota, textCol{&u.PasswordHash}, timeCol{&u.CreatedAt}, timeCol{&u.UpdatedAt})
	return &u, err
}

// auditUser returns the user as the audit log keeps it: without the hash.
func auditUser(u *followup.User) *followup.User {
	c := *u
	if c.PasswordHash != "" {
		c.PasswordHash = "(set)"
	}
	return &c
}

// CreateUser stores u and sets its ID and times.
func (db *DB) CreateUser(ctx context.Context, u *followup.User) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateUser(ctx, u) })
}

// CreateUser stores u and sets its ID and times.
func (tx *Tx) CreateUser(ctx context.Context, u *followup.User) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if err := tx.checkEmailFree(ctx, u.Email, 0); err != nil {
		return err
	}
	u.CreatedAt = tx.db.now()
	u.UpdatedAt = u.CreatedAt
	if err := tx.insertUser(ctx, u); err != nil {
		return err
	}
	return tx.audit(ctx, "user", u.ID, "create", nil, auditUser(u))
}

func (tx *Tx) insertUser(ctx context.Context, u *followup.User) error {
	err := tx.insert(ctx, "users", &u.ID, []string{"name", "email", "title", "role", "team_id",
		"quota", "password_hash", "created_at", "updated_at"},
		u.Name, textArg(u.Email), u.Title, string(u.Role), idArg(u.TeamID), u.Quota,
		textArg(u.PasswordHash), timeArg(u.CreatedAt), timeArg(u.UpdatedAt))
	if err != nil {
		return tx.writeError("create user "+u.Name, err)
	}
	return nil
}

// checkEmailFree returns an ECONFLICT error when another user than self has
// the e-mail.
func (tx *Tx) checkEmailFree(ctx context.Context, email string, self int64) error {
	if email == "" {
		return nil
	}
	var id int64
	err := tx.q.QueryRowContext(ctx, `SELECT id FROM users WHERE email = $1`, email).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows) || id == self:
		return nil
	case err != nil:
		return tx.db.fault("read user", err)
	}
	return followup.Errorf(followup.ECONFLICT, "e-mail %s is already used by user %d", email, id)
}

// FindUserByID returns the user with the id.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*followup.User, error) {
	return db.reader().FindUserByID(ctx, id)
}

// FindUserByID returns the user with the id.
func (tx *Tx) FindUserByID(ctx context.Context, id int64) (*followup.User, error) {
	u, err := scanUser(tx.q.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err := tx.oneRow(err, "user", id); err != nil {
		return nil, err
	}
	return u, nil
}

// FindUserByEmail returns the user with the e-mail, in any case.
func (db *DB) FindUserByEmail(ctx context.Context, email string) (*followup.User, error) {
	return db.reader().FindUserByEmail(ctx, email)
}

// FindUserByEmail returns the user with the e-mail, in any case.
func (tx *Tx) FindUserByEmail(ctx context.Context, email string) (*followup.User, error) {
	email = followup.NormalizeEmail(email)
	u, err := scanUser(tx.q.QueryRowContext(ctx,
		`SELECT `+userColumns+` FROM users WHERE email = $1`, email))
	if err := tx.oneRow(err, "user with e-mail", email); err != nil {
		return nil, err
	}
	return u, nil
}

// FindUserByName returns the one user with the exact name (spaces trimmed).
// Two users of the name are an ECONFLICT error asking for the e-mail instead.
func (db *DB) FindUserByName(ctx context.Context, name string) (*followup.User, error) {
	return db.reader().FindUserByName(ctx, name)
}

// FindUserByName returns the one user with the exact name (spaces trimmed).
// Two users of the name are an ECONFLICT error asking for the e-mail instead.
func (tx *Tx) FindUserByName(ctx context.Context, name string) (*followup.User, error) {
	name = strings.TrimSpace(name)
	users, err := queryAll(ctx, tx.q, scanUser,
		`SELECT `+userColumns+` FROM users WHERE name = $1 ORDER BY id LIMIT 2`, name)
	switch {
	case err != nil:
		return nil, tx.db.fault("read user", err)
	case len(users) == 0:
		return nil, followup.Errorf(followup.ENOTFOUND, "no user is named %q", name)
	case len(users) > 1:
		return nil, followup.Errorf(followup.ECONFLICT,
			"users %d and %d are both named %q: name the user by e-mail instead",
			users[0].ID, users[1].ID, name)
	}
	return users[0], nil
}

// ListUsers returns the users that match f, by name.
func (db *DB) ListUsers(ctx context.Context, f followup.UserFilter) ([]*followup.User, error) {
	return db.reader().ListUsers(ctx, f)
}

// ListUsers returns the users that match f, by name.
func (tx *Tx) ListUsers(ctx context.Context, f followup.UserFilter) ([]*followup.User, error) {
	var w filter
	if f.TeamID != 0 {
		w.add("team_id = ?", f.TeamID)
	}
	if f.Role != "" {
		w.add("role = ?", string(f.Role))
	}
	q := `SELECT ` + userColumns + ` FROM users` + w.where() + ` ORDER BY name, id`
	users, err := queryAll(ctx, tx.q, scanUser, q, w.args...)
	if err != nil {
		return nil, tx.db.fault("list users", err)
	}
	return users, nil
}

// UpdateUser changes the user's fields and returns the user as stored.
func (db *DB) UpdateUser(ctx context.Context,
	id int64, up followup.UserUpdate) (*followup.User, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.User, error) { return tx.UpdateUser(ctx, id, up) })
}

// UpdateUser changes the user's fields and returns the user as stored.
func (tx *Tx) UpdateUser(ctx context.Context,
	id int64, up followup.UserUpdate) (*followup.User, error) {
	before, err := tx.FindUserByID(ctx, id)
	if err != nil {
		return nil, err
	}
	u := *before
	up.Apply(&u)
	if err := u.Validate(); err != nil {
		return nil, err
	}
	if err := tx.checkEmailFree(ctx, u.Email, id); err != nil {
		return nil, err
	}
	u.UpdatedAt = tx.db.now()
	const q = `UPDATE users SET name = $2, email = $3, title = $4, role = $5, team_id = $6,
		quota = $7, updated_at = $8 WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, u.Name, textArg(u.Email), u.Title, u.Role,
		idArg(u.TeamID), u.Quota, u.UpdatedAt)
	if err != nil {
		return nil, tx.writeError("update user "+u.Name, err)
	}
	return &u, tx.audit(ctx, "user", id, "update", auditUser(before), auditUser(&u))
}

// SetPasswordHash replaces the user's password hash; "" removes it.
func (db *DB) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.SetPasswordHash(ctx, id, hash) })
}

// SetPasswordHash replaces the user's password hash; "" removes it. The audit
// log records that it changed, never the hash.
func (tx *Tx) SetPasswordHash(ctx context.Context, id int64, hash string) error {
	before, err := tx.FindUserByID(ctx, id)
	if err != nil {
		return err
	}
	const q = `UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`
	if _, err := tx.q.ExecContext(ctx, q, id, textArg(hash), tx.db.now()); err != nil {
		return tx.db.fault("set password", err)
	}
	after := *before
	after.PasswordHash = hash
	return tx.audit(ctx, "user", id, "password", auditUser(before), auditUser(&after))
}

const teamColumns = `id, name, created_at`

func scanTeam(s scanner) (*followup.Team, error) {
	var t followup.Team
	err := s.Scan(&t.ID, &t.Name, timeCol{&t.CreatedAt})
	return &t, err
}

// CreateTeam stores t and sets its ID.
func (db *DB) CreateTeam(ctx context.Context, t *followup.Team) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateTeam(ctx, t) })
}

// CreateTeam stores t and sets its ID. A second team of the name is an
// ECONFLICT error.
func (tx *Tx) CreateTeam(ctx context.Context, t *followup.Team) error {
	if err := t.Validate(); err != nil {
		return err
	}
	old, err := tx.FindTeamByName(ctx, t.Name)
	switch {
	case err == nil:
		return followup.Errorf(followup.ECONFLICT,
			"team name %q is already used by team %d", t.Name, old.ID)
	case followup.ErrorCode(err) != followup.ENOTFOUND:
		return err
	}
	t.CreatedAt = tx.db.now()
	if err := tx.insertTeam(ctx, t); err != nil {
		return err
	}
	return tx.audit(ctx, "team", t.ID, "create", nil, t)
}

func (tx *Tx) insertTeam(ctx context.Context, t *followup.Team) error {
	err := tx.insert(ctx, "teams", &t.ID, []string{"name", "created_at"},
		t.Name, timeArg(t.CreatedAt))
	if err != nil {
		return tx.writeError("create team "+t.Name, err)
	}
	return nil
}

// FindTeamByName returns the team with the exact name.
func (db *DB) FindTeamByName(ctx context.Context, name string) (*followup.Team, error) {
	return db.reader().FindTeamByName(ctx, name)
}

// FindTeamByName returns the team with the exact name.
func (tx *Tx) FindTeamByName(ctx context.Context, name string) (*followup.Team, error) {
	name = strings.TrimSpace(name)
	t, err := scanTeam(tx.q.QueryRowContext(ctx,
		`SELECT `+teamColumns+` FROM teams WHERE name = $1`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, followup.Errorf(followup.ENOTFOUND, "no team is named %q", name)
	}
	if err != nil {
		return nil, tx.db.fault("read team", err)
	}
	return t, nil
}

// ListTeams returns every team, by name.
func (db *DB) ListTeams(ctx context.Context) ([]*followup.Team, error) {
	return db.reader().ListTeams(ctx)
}

// ListTeams returns every team, by name.
func (tx *Tx) ListTeams(ctx context.Context) ([]*followup.Team, error) {
	teams, err := queryAll(ctx, tx.q, scanTeam,
		`SELECT `+teamColumns+` FROM teams ORDER BY name, id`)
	if err != nil {
		return nil, tx.db.fault("list teams", err)
	}
	return teams, nil
}
