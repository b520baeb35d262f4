package csvio

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"followup"
)

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{
		{"navn", "adresse", "verdi"},
		{"Fjordkraft; Logistikk AS", "Havnegata 4\n0150 Oslo", Amount(125_000_050)},
		{"=HYPERLINK(\"x\")", "+47 900 00 000", "@sum"},
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	want := "\uFEFFnavn;adresse;verdi\r\n" +
		"\"Fjordkraft; Logistikk AS\";\"Havnegata 4\r\n0150 Oslo\";1250000,50\r\n" +
		"\"'=HYPERLINK(\"\"x\"\")\";'+47 900 00 000;'@sum\r\n"
	if got != want {
		t.Errorf("file:\n%q\nwant:\n%q", got, want)
	}

	// What the writer wrote reads back as it was given.
	s, err := Read("ut.csv", strings.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	gotRows := [][]string{s.Header}
	for _, r := range s.Rows {
		gotRows = append(gotRows, r.Cells)
	}
	rows[1][2] = "1250000,50"
	if !reflect.DeepEqual(gotRows, rows) {
		t.Errorf("read back %q, want %q", gotRows, rows)
	}
}

// cp1252 encodes text as Excel's "CSV (semikolonseparert)" saves it.
func cp1252(t *testing.T, s string) string {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadEncodingsAndSeparators(t *testing.T) {
	text := "Navn;Bransje\r\nÆrlig Øl & Ål AS;næringsmiddel\r\n"
	tests := []struct {
		name     string
		file     string
		comma    rune
		encoding string
	}{
		{"UTF-8 with BOM", bom + text, ';', "UTF-8"},
		{"UTF-8", text, ';', "UTF-8"},
		{"Windows-1252", cp1252(t, text), ';', "Windows-1252"},
		{"commas", strings.ReplaceAll(text, ";", ","), ',', "UTF-8"},
		{"commas in Windows-1252", cp1252(t, strings.ReplaceAll(text, ";", ",")), ',',
			"Windows-1252"},
		{"tabs", strings.ReplaceAll(text, ";", "\t"), '\t', "UTF-8"},
		{"LF line ends", strings.ReplaceAll(text, "\r\n", "\n"), ';', "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Read("kunder.csv", strings.NewReader(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if s.Comma != tt.comma || s.Encoding != tt.encoding {
				t.Errorf("separator %q, encoding %s; want %q, %s", s.Comma, s.Encoding,
					tt.comma, tt.encoding)
			}
			want := []Row{{Num: 2, Cells: []string{"Ærlig Øl & Ål AS", "næringsmiddel"}}}
			if !reflect.DeepEqual(s.Header, []string{"Navn", "Bransje"}) ||
				!reflect.DeepEqual(s.Rows, want) {
				t.Errorf("header %q, rows %+v; want %+v", s.Header, s.Rows, want)
			}
		})
	}
}

func TestReadRowNumbers(t *testing.T) {
	// Row 3 is blank, row 4 has a cell over two lines, row 6 is left empty by Excel.
	file := "navn;adresse\nA;x\n\nB;\"Gata 1\n0150 Oslo\"\nC;y\n;\n"
	s, err := Read("f.csv", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, r := range s.Rows {
		got = append(got, r.Num)
	}
	if want := []int{2, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("row numbers %v, want %v", got, want)
	}
}

func TestReadBadFiles(t *testing.T) {
	tests := []struct {
		name, file string
		parts      []string
	}{
		{"empty", "", []string{"f.csv is empty", "first row"}},
		{"only blank cells", ";;\n;;\n", []string{"f.csv is empty"}},
		{"UTF-16", "\xFF\xFEn\x00", []string{"UTF-16", "CSV UTF-8"}},
		{"stray quote", "navn\nA\n\"B\"x\n", []string{"f.csv row 3 is not valid CSV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("f.csv", strings.NewReader(tt.file))
			wantInvalid(t, err, tt.parts...)
		})
	}
}

func wantInvalid(t *testing.T, err error, parts ...string) {
	t.Helper()
	if code := followup.ErrorCode(err); code != followup.EINVALID {
		t.Fatalf("error %v has code %q, want invalid", err, code)
	}
	for _, p := range parts {
		if msg := followup.ErrorMessage(err); !strings.Contains(msg, p) {
			t.Errorf("message %q does not say %q", msg, p)
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		bad  string // a part of the error; "" when the amount is good
	}{
		{"125000", 12_500_000, ""},
		{"125 000,50", 12_500_050, ""},
		{"125\u00A0000,5", 12_500_050, ""},
		{"125\u202F000", 12_500_000, ""},
		{"kr 125 000,-", 12_500_000, ""},
		{"125.000,00 kr", 12_500_000, ""},
		{"1.250.000", 125_000_000, ""},
		{"NOK 99,99", 9_999, ""},
		{"125000.50", 12_500_050, ""},
		{"0", 0, ""},
		{"12,345", 0, "two decimals"},
		{"-5", 0, "negative"},
		{"12,5,0", 0, "more than one decimal comma"},
		{"1.2.3", 0, "kroner such as"},
		{"tolv", 0, "kroner such as"},
		{"", 0, "kroner such as"},
		{"99999999999999999999", 0, "kroner such as"},
		{"92233720368547758", 0, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseAmount(tt.in)
			if tt.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tt.bad) {
					t.Errorf("ParseAmount(%q) = %d, %v; want an error saying %q", tt.in, got,
						err, tt.bad)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseAmount(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseDay(t *testing.T) {
	apr30 := time.Date(2002, 4, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
		bad  string
	}{
		{"30.04.2002", apr30, ""},
		{"30.4.2002", apr30, ""},
		{"2002-04-30", apr30, ""},
		{"30.04.2002 00:00", apr30, ""},
		{"30.04.2002 00:00:00", apr30, ""},
		{"31.04.2002", time.Time{}, "not a date"},
		{"30.04.02", time.Time{}, "four"},
		{"04/30/2002", time.Time{}, "DD.MM.YYYY"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDay(tt.in)
			if tt.bad != "" {
				if err == nil || !strings.Contains(err.Error(), tt.bad) {
					t.Errorf("ParseDay(%q) = %v, %v; want an error saying %q", tt.in, got, err,
						tt.bad)
				}
				return
			}
			if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("ParseDay(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	at := time.Date(2002, 1, 10, 9, 5, 7, 0, time.FixedZone("CET", 3600))
	tests := []struct{ name, got, want string }{
		{"day", Day(at), "10.01.2002"},
		{"zero day", Day(time.Time{}), ""},
		{"time in UTC", Time(at), "10.01.2002 08:05:07"},
		{"amount", Amount(125_000_000), "1250000,00"},
		{"small amount", Amount(5), "0,05"},
		{"no id", ID(0), ""},
		{"flag", Bool(true), "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
