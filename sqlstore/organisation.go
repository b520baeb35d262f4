package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"followup"
)

var (
	_ followup.OrganisationService = (*DB)(nil)
	_ followup.OrganisationService = (*Tx)(nil)
)

const organisationColumns = `id, name, address, industry, owner_id, created_at, updated_at`

func scanOrganisation(s scanner) (*followup.Organisation, error) {
	var o followup.Organisation
	err := s.Scan(&o.ID, &o.Name, listCol{&o.Address}, &o.Industry, idCol{&o.OwnerID},
		timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt})
	return &o, err
}

// FindOrCreateOrganisation looks o up by name (see [followup.OrganisationKey]).
// When found, o is overwritten with the stored organisation and created is
// false; otherwise o is stored as given.
func (db *DB) FindOrCreateOrganisation(ctx context.Context,
	o *followup.Organisation) (bool, error) {
	return inTx(ctx, db, func(tx *Tx) (bool, error) { return tx.FindOrCreateOrganisation(ctx, o) })
}

// FindOrCreateOrganisation looks o up by name (see [followup.OrganisationKey]).
// When found, o is overwritten with the stored organisation and created is
// false; otherwise o is stored as given.
func (tx *Tx) FindOrCreateOrganisation(ctx context.Context,
	o *followup.Organisation) (bool, error) {
	if err := o.Validate(); err != nil {
		return false, err
	}
	key := followup.OrganisationKey(o.Name)
	old, err := scanOrganisation(tx.q.QueryRowContext(ctx,
		`SELECT `+organisationColumns+` FROM organisations WHERE name_key = $1`, key))
	if err == nil {
		*o = *old
		return false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, tx.db.fault("read organisation", err)
	}
	return true, tx.createOrganisation(ctx, o)
}

func (tx *Tx) createOrganisation(ctx context.Context, o *followup.Organisation) error {
	o.CreatedAt = tx.db.now()
	o.UpdatedAt = o.CreatedAt
	if err := tx.insertOrganisation(ctx, o); err != nil {
		return err
	}
	return tx.audit(ctx, "organisation", o.ID, "create", nil, o)
}

func (tx *Tx) insertOrganisation(ctx context.Context, o *followup.Organisation) error {
	err := tx.insert(ctx, "organisations", &o.ID, []string{"name", "name_key", "address",
		"industry", "owner_id", "created_at", "updated_at"},
		o.Name, followup.OrganisationKey(o.Name), listArg(o.Address), o.Industry,
		idArg(o.OwnerID), timeArg(o.CreatedAt), timeArg(o.UpdatedAt))
	if err != nil {
		return tx.writeError("create organisation "+o.Name, err)
	}
	return nil
}

// FindOrganisationByID returns the organisation with the id.
func (db *DB) FindOrganisationByID(ctx context.Context, id int64) (*followup.Organisation, error) {
	return db.reader().FindOrganisationByID(ctx, id)
}

// FindOrganisationByID returns the organisation with the id.
func (tx *Tx) FindOrganisationByID(ctx context.Context, id int64) (*followup.Organisation, error) {
	o, err := scanOrganisation(tx.q.QueryRowContext(ctx,
		`SELECT `+organisationColumns+` FROM organisations WHERE id = $1`, id))
	if err := tx.oneRow(err, "organisation", id); err != nil {
		return nil, err
	}
	return o, nil
}

// ListOrganisations returns every organisation, by name.
func (db *DB) ListOrganisations(ctx context.Context) ([]*followup.Organisation, error) {
	return db.reader().ListOrganisations(ctx)
}

// ListOrganisations returns every organisation, by name.
func (tx *Tx) ListOrganisations(ctx context.Context) ([]*followup.Organisation, error) {
	all, err := queryAll(ctx, tx.q, scanOrganisation,
		`SELECT `+organisationColumns+` FROM organisations ORDER BY name_key, id`)
	if err != nil {
		return nil, tx.db.fault("list organisations", err)
	}
	return all, nil
}

// UpdateOrganisation changes the organisation's fields. A new name that
// another organisation has is an ECONFLICT error.
func (db *DB) UpdateOrganisation(ctx context.Context, id int64,
	up followup.OrganisationUpdate) (*followup.Organisation, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.Organisation, error) {
		return tx.UpdateOrganisation(ctx, id, up)
	})
}

// UpdateOrganisation changes the organisation's fields. A new name that
// another organisation has is an ECONFLICT error.
func (tx *Tx) UpdateOrganisation(ctx context.Context, id int64,
	up followup.OrganisationUpdate) (*followup.Organisation, error) {
	before, err := tx.FindOrganisationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	o := *before
	up.Apply(&o)
	if err := o.Validate(); err != nil {
		return nil, err
	}
	key := followup.OrganisationKey(o.Name)
	if err := tx.checkOrganisationNameFree(ctx, key, o.Name, id); err != nil {
		return nil, err
	}
	address := listArg(o.Address)
	o.UpdatedAt = tx.db.now()
	const q = `UPDATE organisations SET name = $2, name_key = $3, address = $4, industry = $5,
		owner_id = $6, updated_at = $7 WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, o.Name, key, address, o.Industry, idArg(o.OwnerID),
		o.UpdatedAt)
	if err != nil {
		return nil, tx.writeError("update organisation "+o.Name, err)
	}
	return &o, tx.audit(ctx, "organisation", id, "update", before, &o)
}

func (tx *Tx) checkOrganisationNameFree(ctx context.Context, key, name string, self int64) error {
	var id int64
	err := tx.q.QueryRowContext(ctx,
		`SELECT id FROM organisations WHERE name_key = $1`, key).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows) || id == self:
		return nil
	case err != nil:
		return tx.db.fault("read organisation", err)
	}
	return followup.Errorf(followup.ECONFLICT,
		"organisation name %q is already used by organisation %d", name, id)
}

const contactColumns = `id, organisation_id, name, title, email, phone, role, access_to_id,
	created_at, updated_at`

func scanContact(s scanner) (*followup.Contact, error) {
	var c followup.Contact
	err := s.Scan(&c.ID, &c.OrganisationID, &c.Name, &c.Title, &c.Email, &c.Phone, &c.Role,
		idCol{&c.AccessToID}, timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt})
	return &c, err
}

// CreateContact stores c and sets its ID and times.
func (db *DB) CreateContact(ctx context.Context, c *followup.Contact) error {
	return db.WithTx(ctx, func(tx *Tx) error { return tx.CreateContact(ctx, c) })
}

// CreateContact stores c and sets its ID and times.
func (tx *Tx) CreateContact(ctx context.Context, c *followup.Contact) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := tx.checkAccessTo(ctx, c); err != nil {
		return err
	}
	c.CreatedAt = tx.db.now()
	c.UpdatedAt = c.CreatedAt
	if err := tx.insertContact(ctx, c, c.AccessToID); err != nil {
		return err
	}
	return tx.audit(ctx, "contact", c.ID, "create", nil, c)
}

// insertContact inserts c with accessTo as its access reference: an import
// sets references after every contact is in.
func (tx *Tx) insertContact(ctx context.Context, c *followup.Contact, accessTo int64) error {
	err := tx.insert(ctx, "contacts", &c.ID, []string{"organisation_id", "name", "title",
		"email", "phone", "role", "access_to_id", "created_at", "updated_at"},
		c.OrganisationID, c.Name, c.Title, c.Email, c.Phone, string(c.Role), idArg(accessTo),
		timeArg(c.CreatedAt), timeArg(c.UpdatedAt))
	if err != nil {
		return tx.writeError("create contact "+c.Name, err)
	}
	return nil
}

// checkAccessTo refuses a contact who gives access to a person at another
// organisation, or to one who does not exist.
func (tx *Tx) checkAccessTo(ctx context.Context, c *followup.Contact) error {
	if c.AccessToID == 0 {
		return nil
	}
	other, err := tx.FindContactByID(ctx, c.AccessToID)
	if err != nil {
		return err
	}
	if other.OrganisationID != c.OrganisationID {
		return followup.Errorf(followup.EINVALID, "%s can give access only to people at "+
			"the same organisation, and %s is at another", c.Name, other.Name)
	}
	return nil
}

// UpdateContact changes the contact's fields.
func (db *DB) UpdateContact(ctx context.Context, id int64,
	up followup.ContactUpdate) (*followup.Contact, error) {
	return inTx(ctx, db, func(tx *Tx) (*followup.Contact, error) {
		return tx.UpdateContact(ctx, id, up)
	})
}

// UpdateContact changes the contact's fields.
func (tx *Tx) UpdateContact(ctx context.Context, id int64,
	up followup.ContactUpdate) (*followup.Contact, error) {
	before, err := tx.FindContactByID(ctx, id)
	if err != nil {
		return nil, err
	}
	c := *before
	up.Apply(&c)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := tx.checkAccessTo(ctx, &c); err != nil {
		return nil, err
	}
	c.UpdatedAt = tx.db.now()
	const q = `UPDATE contacts SET name = $2, title = $3, email = $4, phone = $5, role = $6,
		access_to_id = $7, updated_at = $8 WHERE id = $1`
	_, err = tx.q.ExecContext(ctx, q, id, c.Name, c.Title, c.Email, c.Phone, string(c.Role),
		idArg(c.AccessToID), c.UpdatedAt)
	if err != nil {
		return nil, tx.writeError("update contact "+c.Name, err)
	}
	return &c, tx.audit(ctx, "contact", id, "update", before, &c)
}

// FindContactByID returns the contact with the id.
func (db *DB) FindContactByID(ctx context.Context, id int64) (*followup.Contact, error) {
	return db.reader().FindContactByID(ctx, id)
}

// FindContactByID returns the contact with the id.
func (tx *Tx) FindContactByID(ctx context.Context, id int64) (*followup.Contact, error) {
	c, err := scanContact(tx.q.QueryRowContext(ctx,
		`SELECT `+contactColumns+` FROM contacts WHERE id = $1`, id))
	if err := tx.oneRow(err, "contact", id); err != nil {
		return nil, err
	}
	return c, nil
}

// FindContactByName returns the organisation's contact with the name, in any
// case and with spaces collapsed.
func (db *DB) FindContactByName(ctx context.Context,
	orgID int64, name string) (*followup.Contact, error) {
	return db.reader().FindContactByName(ctx, orgID, name)
}

// FindContactByName returns the organisation's contact with the name, in any
// case and with spaces collapsed.
func (tx *Tx) FindContactByName(ctx context.Context,
	orgID int64, name string) (*followup.Contact, error) {
	contacts, err := tx.ListContacts(ctx, orgID)
	if err != nil {
		return nil, err
	}
	key := followup.OrganisationKey(name)
	for _, c := range contacts {
		if followup.OrganisationKey(c.Name) == key {
			return c, nil
		}
	}
	return nil, followup.Errorf(followup.ENOTFOUND,
		"organisation %d has no contact named %q", orgID, strings.TrimSpace(name))
}

// ListContacts returns the organisation's contacts, oldest first.
func (db *DB) ListContacts(ctx context.Context, orgID int64) ([]*followup.Contact, error) {
	return db.reader().ListContacts(ctx, orgID)
}

// ListContacts returns the organisation's contacts, oldest first.
func (tx *Tx) ListContacts(ctx context.Context, orgID int64) ([]*followup.Contact, error) {
	all, err := queryAll(ctx, tx.q, scanContact,
		`SELECT `+contactColumns+` FROM contacts WHERE organisation_id = $1 ORDER BY id`, orgID)
	if err != nil {
		return nil, tx.db.fault("list contacts", err)
	}
	return all, nil
}
