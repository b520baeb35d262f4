// Package csvio reads and writes followup's CSV files in the forms Norwegian
// Excel opens and saves: the tables an export writes, and the organisations,
// contacts and deals an import reads.
//
// What it writes: UTF-8 with a byte-order mark (so Excel takes it for UTF-8),
// cells separated by ";" (Excel's separator where the decimal mark is a
// comma), lines ended by CRLF, calendar days as DD.MM.YYYY, times as
// DD.MM.YYYY HH:MM:SS in UTC, amounts in kroner with a decimal comma and no
// thousands separator ("1250000,50"), so that Excel reads them as numbers.
//
// What it reads: ";", "," or tab separators, found from the header line;
// UTF-8 with or without a byte-order mark, or else Windows-1252 (what
// "CSV (semikolonseparert)" saves); amounts such as "125 000,50",
// "kr 125.000,-" or "125000.50"; days as DD.MM.YYYY or YYYY-MM-DD. Rows are
// numbered as Excel numbers them: the header is row 1.
package csvio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"followup"
)

// bom is the byte-order mark that tells Excel a CSV file is UTF-8.
const bom = "\uFEFF"

// Writer writes a CSV file for Excel.
type Writer struct {
	w *csv.Writer
}

// NewWriter writes the byte-order mark to w and returns a Writer on it.
func NewWriter(w io.Writer) (*Writer, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, fmt.Errorf("write byte-order mark: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	return &Writer{w: cw}, nil
}

// Write writes one row. A cell that Excel would run as a formula gets an
// apostrophe in front, which [Read] takes away again.
func (w *Writer) Write(cells []string) error {
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = guardFormula(c)
	}
	return w.w.Write(safe)
}

// Flush writes out what is buffered and returns any error of the writes.
func (w *Writer) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

// formulaStarts are the first characters that make Excel read a cell as a
// formula.
const formulaStarts = "=+-@\t\r"

// SECURITY: text from buyers' notes ends up in these files; a cell such as
// "=HYPERLINK(...)" must stay text when a seller opens the file.
func guardFormula(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// unguardFormula takes away the apostrophe [guardFormula] put in front.
func unguardFormula(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}

// Sheet is a CSV file as read: the header and the rows with their numbers.
type Sheet struct {
	Name     string // the file's name, for messages
	Header   []string
	Rows     []Row
	Comma    rune   // the separator found
	Encoding string // "UTF-8" or "Windows-1252"
}

// Row is one row of a [Sheet] below the header.
type Row struct {
	Num   int // as Excel numbers rows: the header is row 1
	Cells []string
}

// Read reads a whole CSV file. name is used in messages. A file that cannot
// be read as CSV is an EINVALID error naming the file and the row.
func Read(name string, r io.Reader) (*Sheet, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	text, enc, err := decode(name, raw)
	if err != nil {
		return nil, err
	}
	s := &Sheet{Name: name, Comma: sniffComma(text), Encoding: enc}
	if err := s.parse(text); err != nil {
		return nil, err
	}
	if len(s.Header) == 0 {
		return nil, followup.Errorf(followup.EINVALID,
			"%s is empty: the first row must name the columns", name)
	}
	return s, nil
}

// decode returns the text of a CSV file and the encoding it was in: valid
// UTF-8 is UTF-8, anything else is taken for Windows-1252.
func decode(name string, raw []byte) (string, string, error) {
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return "", "", followup.Errorf(followup.EINVALID, "%s is UTF-16 (Excel's \"Unicode "+
			"text\"): save it as \"CSV UTF-8\" or \"CSV (semikolonseparert)\"", name)
	}
	raw = bytes.TrimPrefix(raw, []byte(bom))
	if utf8.Valid(raw) {
		return string(raw), "UTF-8", nil
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("decode %s as Windows-1252: %w", name, err)
	}
	return string(text), "Windows-1252", nil
}

// sniffComma returns the separator the header line uses most: ";", ","
// or tab, outside quotes. A tie or a line of one column gives ";".
func sniffComma(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			return mostUsed(counts)
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
		}
	}
	return mostUsed(counts)
}

func mostUsed(counts map[rune]int) rune {
	best := ';'
	for _, c := range []rune{',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// parse reads the header and the rows, numbering rows as Excel does: blank
// lines count, and a cell with line breaks stays one row.
func (s *Sheet) parse(text string) error {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = s.Comma
	r.FieldsPerRecord = -1
	num, nextLine := 0, 1
	for {
		cells, err := r.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			num += 1 + max(pe.StartLine-nextLine, 0)
			return followup.Errorf(followup.EINVALID, "%s row %d is not valid CSV (%v): "+
				"save the file again from Excel as CSV", s.Name, num, pe.Err)
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", s.Name, err)
		}
		line, _ := r.FieldPos(0)
		num += 1 + max(line-nextLine, 0) // blank lines before it are rows of their own
		nextLine = line + 1 + strings.Count(strings.Join(cells, ""), "\n")
		s.add(num, cells)
	}
}

// add keeps a row: the first is the header; rows with only blank cells,
// which Excel leaves below a table, are dropped.
func (s *Sheet) add(num int, cells []string) {
	blank := true
	for i, c := range cells {
		cells[i] = unguardFormula(strings.TrimSpace(c))
		blank = blank && cells[i] == ""
	}
	switch {
	case s.Header == nil && !blank:
		s.Header = cells
	case s.Header != nil && !blank:
		s.Rows = append(s.Rows, Row{Num: num, Cells: cells})
	}
}
