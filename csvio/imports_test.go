package csvio

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"followup"
)

func mustSheet(t *testing.T, name, text string) *Sheet {
	t.Helper()
	s, err := Read(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadOrganisations(t *testing.T) {
	tests := []struct {
		name, file string
		ignored    []string
	}{
		{"norsk", "Organisasjon;Adresse;Postnr;Poststed;Bransje;Eier;Notat\n" +
			"Fjordkraft Logistikk AS;Havnegata 4;0150;Oslo;logistikk;kari@selger.no;x\n",
			[]string{"Notat"}},
		{"english", "NAME,Address,Industry,Owner,Note\n" +
			"Fjordkraft Logistikk AS,\"Havnegata 4, 0150 Oslo\",logistikk,kari@selger.no,x\n",
			[]string{"Note"}},
		{"export", "id;name;address;industry;owner_id;owner;note\n" +
			"7;Fjordkraft Logistikk AS;\"Havnegata 4\n0150 Oslo\";logistikk;3;kari@selger.no;x\n",
			[]string{"id", "owner_id", "note"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, ignored, err := ReadOrganisations(mustSheet(t, "org.csv", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 {
				t.Fatalf("%d rows, want 1", len(rows))
			}
			got := rows[0]
			got.Place = Place{}
			want := OrganisationRow{Name: "Fjordkraft Logistikk AS",
				Address:  []string{"Havnegata 4", "0150 Oslo"},
				Industry: "logistikk", Owner: "kari@selger.no"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("row %+v, want %+v", got, want)
			}
			if !reflect.DeepEqual(ignored, tt.ignored) {
				t.Errorf("ignored %q, want %q", ignored, tt.ignored)
			}
		})
	}
}

func TestReadContacts(t *testing.T) {
	file := "Firma;Fornavn;Etternavn;Stilling;E-post;Tlf;Kjøperrolle;Gir tilgang til\n" +
		"Fjordkraft Logistikk AS;Ola;Berg;Lagersjef;Ola@Fjordkraft.no;+47 900 00 000;" +
		"Sponsor;Ingrid Dahl\n" +
		"Fjordkraft Logistikk AS;Ingrid;Dahl;Administrerende direktør;;;beslutningstaker;\n"
	rows, _, err := ReadContacts(mustSheet(t, "kontakter.csv", file))
	if err != nil {
		t.Fatal(err)
	}
	var got []ContactRow
	for _, r := range rows {
		if r.Place.Row == 0 {
			t.Errorf("row %+v has no row number", r)
		}
		r.Place = Place{}
		got = append(got, r)
	}
	want := []ContactRow{
		{Organisation: "Fjordkraft Logistikk AS", Name: "Ola Berg", Title: "Lagersjef",
			Email: "Ola@Fjordkraft.no", Phone: "+47 900 00 000", Role: followup.BuyingSponsor,
			AccessTo: "Ingrid Dahl"},
		{Organisation: "Fjordkraft Logistikk AS", Name: "Ingrid Dahl",
			Title: "Administrerende direktør", Role: followup.BuyingDecisionMaker},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadDeals(t *testing.T) {
	file := "Kunde;Avtale;Selger;Verdi;Valuta;Forventet avslutning;Status;Årsak\n" +
		"Fjordkraft Logistikk AS;Lagerstyring Oslo;Kari Nordmann;1 250 000,50;;30.04.2002;" +
		"Åpen;\n" +
		"Nordlys Transport;Ruteplan;kari@selger.no;;eur;2002-06-03;tapt;valgte en annen\n"
	rows, _, err := ReadDeals(mustSheet(t, "avtaler.csv", file))
	if err != nil {
		t.Fatal(err)
	}
	want := []DealRow{
		{Organisation: "Fjordkraft Logistikk AS", Title: "Lagerstyring Oslo",
			Owner: "Kari Nordmann", Value: 125_000_050, HasValue: true,
			CloseDate: time.Date(2002, 4, 30, 0, 0, 0, 0, time.UTC), Status: followup.DealOpen},
		{Organisation: "Nordlys Transport", Title: "Ruteplan", Owner: "kari@selger.no",
			Currency: "eur", CloseDate: time.Date(2002, 6, 3, 0, 0, 0, 0, time.UTC),
			Status: followup.DealLost, Reason: "valgte en annen"},
	}
	for i := range rows {
		rows[i].Place = Place{}
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows\n%+v\nwant\n%+v", rows, want)
	}
}

// Every bad row is named by its row and column, and all of them are reported.
func TestReadBadRows(t *testing.T) {
	tests := []struct {
		name  string
		read  func(*Sheet) error
		file  string
		parts []string
	}{
		{"no name column", readOrgs, "Bransje\nlogistikk\n",
			[]string{"f.csv has no column for the name", `"navn", "name" or`}},
		{"two name columns", readOrgs, "Navn;Name\nA;B\n",
			[]string{`two columns for name, "Navn" and "Name"`}},
		{"blank name", readOrgs, "Navn;Bransje\nA;x\n;y\n",
			[]string{`f.csv row 3, column "Navn": the organisation has no name`}},
		{"cell past the header", readOrgs, "Navn\nA;x\n",
			[]string{"f.csv row 2 has text in column 2"}},
		{"unknown role", readContacts, "Firma;Navn;Rolle\nA;Ola;sjef\nA;Kari;sponsor\nA;Per;x\n",
			[]string{`row 2, column "Rolle": "sjef" is unknown`, `row 4, column "Rolle"`}},
		{"e-mail without @", readContacts, "Firma;Navn;Epost\nA;Ola;ola.no\n",
			[]string{`row 2, column "Epost": "ola.no" has no @`}},
		{"no contact name", readContacts, "Firma;Tittel\nA;sjef\n",
			[]string{"no column for the contact's name"}},
		{"bad amount", readDeals, "Kunde;Avtale;Selger;Verdi\nA;B;C;12,5,0\n",
			[]string{`f.csv row 2, column "Verdi": "12,5,0" is not an amount`}},
		{"bad date", readDeals, "Kunde;Avtale;Selger;Lukkedato\nA;B;C;31.02.2002\n",
			[]string{`row 2, column "Lukkedato": "31.02.2002": it is not a date`}},
		{"lost without reason", readDeals, "Kunde;Avtale;Selger;Status\nA;B;C;tapt\n",
			[]string{`row 2, column "reason": the deal is lost: give the reason`}},
		{"no owner", readDeals, "Kunde;Avtale;Eier\nA;B;\n",
			[]string{`row 2, column "Eier": the deal has no owner`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(mustSheet(t, "f.csv", tt.file))
			wantInvalid(t, err, tt.parts...)
		})
	}
}

func readOrgs(s *Sheet) error {
	_, _, err := ReadOrganisations(s)
	return err
}

func readContacts(s *Sheet) error {
	_, _, err := ReadContacts(s)
	return err
}

func readDeals(s *Sheet) error {
	_, _, err := ReadDeals(s)
	return err
}

func TestManyProblemsAreCut(t *testing.T) {
	file := "Navn;Bransje\n" + strings.Repeat(";x\n", 12)
	err := readOrgs(mustSheet(t, "f.csv", file))
	wantInvalid(t, err, "12 rows cannot be read, so nothing was stored:\n  f.csv row 2,",
		"row 11,", "\n  … and 2 more")
}
