package csvio

import (
	"strings"
	"time"

	"followup"
)

// Headers of the columns an import reads, any case, in Norwegian or English.
var (
	organisationHeaders = []string{"organisasjon", "organisation", "organization", "firma",
		"bedrift", "selskap", "kunde", "company", "customer", "organisation_name"}
	ownerHeaders = []string{"eier", "owner", "selger", "seller", "ansvarlig",
		"kundeansvarlig", "account_owner"}
)

var organisationFields = []field{
	{"name", append([]string{"navn", "name"}, organisationHeaders...)},
	{"address", []string{"adresse", "address", "postadresse", "gateadresse", "street"}},
	{"postcode", []string{"postnummer", "postnr", "postcode", "postal_code", "zip"}},
	{"town", []string{"poststed", "sted", "town", "city"}},
	{"industry", []string{"bransje", "industry", "næring", "sector"}},
	{"owner", ownerHeaders},
}

// OrganisationRow is an organisation as a file gives it. Blank cells are
// empty fields: an import leaves what is stored for them as it is.
type OrganisationRow struct {
	Place
	Name     string
	Address  []string // street, postcode and town lines
	Industry string
	Owner    string // the owning user's e-mail or name
}

// ReadOrganisations reads organisations from s, which needs a column for the
// name. It returns the rows and the headers it did not know.
func ReadOrganisations(s *Sheet) ([]OrganisationRow, []string, error) {
	b, err := bind(s, organisationFields, "name")
	if err != nil {
		return nil, nil, err
	}
	var rows []OrganisationRow
	var ps problems
	for _, r := range s.Rows {
		ps.add(b.checkExtraCells(r))
		o := OrganisationRow{Place: b.place(r), Name: b.cell(r, "name"),
			Address: addressLines(b, r), Industry: b.cell(r, "industry"), Owner: b.cell(r, "owner")}
		if o.Name == "" {
			ps.add(o.Errorf("name", "the organisation has no name: fill it in or delete the row"))
		}
		rows = append(rows, o)
	}
	return rows, b.Ignored, ps.err()
}

// addressLines reads the address cell, one line per line break or comma,
// with a postcode and a town from columns of their own as the last line.
func addressLines(b *binding, r Row) []string {
	var lines []string
	for _, l := range strings.FieldsFunc(b.cell(r, "address"), func(c rune) bool {
		return c == '\n' || c == ','
	}) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if town := strings.TrimSpace(b.cell(r, "postcode") + " " + b.cell(r, "town")); town != "" {
		lines = append(lines, town)
	}
	return lines
}

var contactFields = []field{
	{"organisation", organisationHeaders},
	{"name", []string{"navn", "name", "kontaktperson", "kontakt", "contact", "full_name"}},
	{"first name", []string{"fornavn", "first_name", "given_name"}},
	{"last name", []string{"etternavn", "last_name", "surname", "family_name"}},
	{"title", []string{"tittel", "stilling", "stillingstittel", "title", "job_title",
		"position"}},
	{"email", []string{"e-post", "epostadresse", "email", "e-mail", "email_address"}},
	{"phone", []string{"telefon", "tlf", "mobil", "mobiltelefon", "phone", "mobile",
		"telephone"}},
	{"role", []string{"rolle", "kjøperrolle", "kjøpsrolle", "role", "buying_role"}},
	{"access to", []string{"tilgang_til", "gir_tilgang_til", "access_to", "gives_access_to"}},
}

// buyingRoleWords are the names of the buying roles, by [headerKey].
var buyingRoleWords = map[string]followup.BuyingRole{
	"sponsor": followup.BuyingSponsor, "decisionmaker": followup.BuyingDecisionMaker,
	"beslutningstaker": followup.BuyingDecisionMaker,
	"beslutningstager": followup.BuyingDecisionMaker,
	"powersponsor":     followup.BuyingDecisionMaker,
	"user":             followup.BuyingUser, "bruker": followup.BuyingUser,
	"technical": followup.BuyingTechnical, "teknisk": followup.BuyingTechnical,
	"coach": followup.BuyingCoach, "veileder": followup.BuyingCoach,
	"reference": followup.BuyingReference, "referanse": followup.BuyingReference,
}

// ContactRow is a contact as a file gives it. Blank cells are empty fields.
type ContactRow struct {
	Place
	Organisation string
	Name         string
	Title        string
	Email        string
	Phone        string
	Role         followup.BuyingRole
	AccessTo     string // the name of the contact of the same organisation this one gives access to
}

// ReadContacts reads contacts from s, which needs columns for the
// organisation and the name (or the first and last names).
func ReadContacts(s *Sheet) ([]ContactRow, []string, error) {
	b, err := bind(s, contactFields, "organisation")
	if err != nil {
		return nil, nil, err
	}
	if !b.has("name") && !b.has("first name") && !b.has("last name") {
		return nil, nil, followup.Errorf(followup.EINVALID,
			"%s has no column for the contact's name: name one \"navn\", or \"fornavn\" "+
				"and \"etternavn\"", s.Name)
	}
	var rows []ContactRow
	var ps problems
	for _, r := range s.Rows {
		c, err := readContact(b, r)
		ps.add(err)
		rows = append(rows, c)
	}
	return rows, b.Ignored, ps.err()
}

func readContact(b *binding, r Row) (ContactRow, error) {
	c := ContactRow{Place: b.place(r), Organisation: b.cell(r, "organisation"),
		Name: b.cell(r, "name"), Title: b.cell(r, "title"), Email: b.cell(r, "email"),
		Phone: b.cell(r, "phone"), AccessTo: b.cell(r, "access to")}
	if c.Name == "" {
		c.Name = strings.TrimSpace(b.cell(r, "first name") + " " + b.cell(r, "last name"))
	}
	if err := b.checkExtraCells(r); err != nil {
		return c, err
	}
	switch {
	case c.Organisation == "":
		return c, c.Errorf("organisation", "the contact has no organisation: fill it in")
	case c.Name == "":
		return c, c.Errorf("name", "the contact has no name: fill it in or delete the row")
	case c.Email != "" && !strings.Contains(c.Email, "@"):
		return c, c.Errorf("email", "%q has no @: write it as name@example.no", c.Email)
	}
	var err error
	c.Role, err = choice(b, r, "role", buyingRoleWords, "use sponsor, beslutningstaker "+
		"(decision-maker), bruker (user), teknisk (technical), coach or referanse (reference)")
	return c, err
}

var dealFields = []field{
	{"organisation", organisationHeaders},
	{"title", []string{"tittel", "avtale", "salgsmulighet", "title", "deal", "opportunity",
		"navn", "name"}},
	{"owner", ownerHeaders},
	{"value", []string{"verdi", "beløp", "belop", "value", "amount"}},
	{"currency", []string{"valuta", "currency"}},
	{"close date", []string{"forventet_avslutning", "avslutningsdato", "lukkedato",
		"close_date", "expected_close", "estimated_close"}},
	{"status", []string{"status"}},
	{"reason", []string{"årsak", "begrunnelse", "reason", "status_reason"}},
}

// dealStatusWords are the names of the deal statuses, by [headerKey].
var dealStatusWords = map[string]followup.DealStatus{
	"open": followup.DealOpen, "åpen": followup.DealOpen, "apen": followup.DealOpen,
	"won": followup.DealWon, "vunnet": followup.DealWon,
	"lost": followup.DealLost, "tapt": followup.DealLost,
	"walked": followup.DealWalked, "trukket": followup.DealWalked,
	"avbrutt": followup.DealWalked,
}

// DealRow is a deal as a file gives it. Blank cells are empty fields.
type DealRow struct {
	Place
	Organisation string
	Title        string
	Owner        string // the seller's e-mail or name
	Value        int64  // in øre
	HasValue     bool   // the value cell was filled in
	Currency     string
	CloseDate    time.Time
	Status       followup.DealStatus
	Reason       string
}

// ReadDeals reads deals from s, which needs columns for the organisation,
// the title and the owner.
func ReadDeals(s *Sheet) ([]DealRow, []string, error) {
	b, err := bind(s, dealFields, "organisation", "title", "owner")
	if err != nil {
		return nil, nil, err
	}
	var rows []DealRow
	var ps problems
	for _, r := range s.Rows {
		d, err := readDeal(b, r)
		ps.add(err)
		rows = append(rows, d)
	}
	return rows, b.Ignored, ps.err()
}

func readDeal(b *binding, r Row) (DealRow, error) {
	d := DealRow{Place: b.place(r), Organisation: b.cell(r, "organisation"),
		Title: b.cell(r, "title"), Owner: b.cell(r, "owner"), Currency: b.cell(r, "currency"),
		Reason: b.cell(r, "reason")}
	if err := b.checkExtraCells(r); err != nil {
		return d, err
	}
	for _, key := range []string{"organisation", "title", "owner"} {
		if b.cell(r, key) == "" {
			return d, d.Errorf(key, "the deal has no %s: fill it in", key)
		}
	}
	var err error
	if d.Value, d.HasValue, err = b.amount(r, "value"); err != nil {
		return d, err
	}
	if d.CloseDate, err = b.day(r, "close date"); err != nil {
		return d, err
	}
	d.Status, err = choice(b, r, "status", dealStatusWords,
		"use åpen (open), vunnet (won), tapt (lost) or trukket (walked)")
	if err != nil {
		return d, err
	}
	if (d.Status == followup.DealLost || d.Status == followup.DealWalked) && d.Reason == "" {
		return d, d.Errorf("reason", "the deal is %s: give the reason", d.Status)
	}
	return d, nil
}
