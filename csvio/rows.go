package csvio

import (
	"fmt"
	"strings"
	"time"

	"followup"
)

// field is a column an import knows: a key and the headers, in Norwegian and
// English, that name it. Headers are compared by [headerKey].
type field struct {
	key     string
	headers []string
}

// headerKey is the form in which headers are compared: lower case without
// spaces and punctuation, so "E-post", "e_post" and "EPOST" are one header.
func headerKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '.', '/', '(', ')', '*', ':', '\u00A0':
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// Place is where a row stands in its file; it makes errors that name the
// row and the column as its header says.
type Place struct {
	File    string
	Row     int
	headers map[string]string // field key to the header as written
}

// Errorf returns an EINVALID error naming the file, the row and the column
// of the field key.
func (p Place) Errorf(key, format string, args ...any) error {
	col := p.headers[key]
	if col == "" {
		col = key
	}
	return followup.Errorf(followup.EINVALID, "%s row %d, column %q: %s", p.File, p.Row, col,
		fmt.Sprintf(format, args...))
}

// binding maps the fields of an import to the sheet's columns.
type binding struct {
	sheet   *Sheet
	index   map[string]int    // field key to column
	headers map[string]string // field key to header as written
	Ignored []string          // headers no field knows
}

// bind matches the sheet's header to fields. A field named by two columns, or
// a required field named by none, is an EINVALID error.
func bind(s *Sheet, fields []field, required ...string) (*binding, error) {
	b := &binding{sheet: s, index: map[string]int{}, headers: map[string]string{}}
	for i, h := range s.Header {
		f, ok := findField(fields, h)
		switch {
		case !ok:
			if h != "" {
				b.Ignored = append(b.Ignored, h)
			}
		case b.headers[f.key] != "":
			return nil, followup.Errorf(followup.EINVALID, "%s has two columns for %s, %q and "+
				"%q: remove one of them", s.Name, f.key, b.headers[f.key], h)
		default:
			b.index[f.key], b.headers[f.key] = i, h
		}
	}
	for _, key := range required {
		if _, ok := b.index[key]; !ok {
			f, _ := fieldByKey(fields, key)
			return nil, followup.Errorf(followup.EINVALID, "%s has no column for the %s: "+
				"name one %s", s.Name, key, orList(f.headers[:min(3, len(f.headers))]))
		}
	}
	return b, nil
}

func findField(fields []field, header string) (field, bool) {
	k := headerKey(header)
	for _, f := range fields {
		for _, h := range f.headers {
			if headerKey(h) == k {
				return f, true
			}
		}
	}
	return field{}, false
}

func fieldByKey(fields []field, key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

func orList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// has reports whether the sheet has a column for the field.
func (b *binding) has(key string) bool {
	_, ok := b.index[key]
	return ok
}

// cell returns the row's text in the field's column, "" when there is none.
func (b *binding) cell(r Row, key string) string {
	i, ok := b.index[key]
	if !ok || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// place returns where r stands, for errors.
func (b *binding) place(r Row) Place {
	return Place{File: b.sheet.Name, Row: r.Num, headers: b.headers}
}

// problems collects the errors of a file, so that one run shows several.
type problems struct {
	errs []string
}

// maxProblems is how many errors one run reports.
const maxProblems = 10

func (p *problems) add(err error) {
	if err != nil {
		p.errs = append(p.errs, followup.ErrorMessage(err))
	}
}

// err returns the problems as one EINVALID error, or nil when there are none.
func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	if len(p.errs) == 1 {
		return followup.Errorf(followup.EINVALID, "%s", p.errs[0])
	}
	shown := p.errs[:min(len(p.errs), maxProblems)]
	msg := fmt.Sprintf("%d rows cannot be read, so nothing was stored:\n  %s",
		len(p.errs), strings.Join(shown, "\n  "))
	if more := len(p.errs) - len(shown); more > 0 {
		msg += fmt.Sprintf("\n  … and %d more", more)
	}
	return followup.Errorf(followup.EINVALID, "%s", msg)
}

// checkExtraCells reports a row that has text beyond the header's columns.
func (b *binding) checkExtraCells(r Row) error {
	for i := len(b.sheet.Header); i < len(r.Cells); i++ {
		if r.Cells[i] != "" {
			return followup.Errorf(followup.EINVALID, "%s row %d has text in column %d, "+
				"which has no header: name the column or empty it", b.sheet.Name, r.Num, i+1)
		}
	}
	return nil
}

// amount reads the field as kroner and returns øre; ok is false when blank.
func (b *binding) amount(r Row, key string) (ore int64, ok bool, err error) {
	s := b.cell(r, key)
	if s == "" {
		return 0, false, nil
	}
	ore, err = ParseAmount(s)
	if err != nil {
		return 0, false, b.place(r).Errorf(key, "%q is not an amount: %v", s, err)
	}
	return ore, true, nil
}

// day reads the field as a calendar day; the zero time when blank.
func (b *binding) day(r Row, key string) (time.Time, error) {
	s := b.cell(r, key)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := ParseDay(s)
	if err != nil {
		return time.Time{}, b.place(r).Errorf(key, "%q: %v", s, err)
	}
	return t, nil
}

// choice reads the field as one of the values of words, matched by
// [headerKey]; "" when blank.
func choice[T ~string](b *binding, r Row, key string, words map[string]T,
	fix string) (T, error) {
	s := b.cell(r, key)
	if s == "" {
		return "", nil
	}
	if v, ok := words[headerKey(s)]; ok {
		return v, nil
	}
	return "", b.place(r).Errorf(key, "%q is unknown: %s", s, fix)
}
