// Package notes reads notes files: the Markdown a seller writes after a
// meeting, with a YAML front matter for who, when and where, a section per
// part of the method, and an optional progress plan as a table.
//
// Parsing never stops at the first mistake: every problem found is reported
// in one [followup.Error], one a line, each as NAME:LINE: message.
package notes

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"followup"
	"followup/lang"
)

// MaxSize is the largest notes file read, in bytes. Notes of one meeting
// are a few kilobytes; anything near this size was not meant as notes.
const MaxSize = 1 << 20

// ReadFile reads and parses the notes file at path; messages name the file
// by path. A file that cannot be opened or read is reported without a line.
func ReadFile(path string) (*followup.Meeting, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()

	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	if len(data) > MaxSize {
		size := int64(len(data))
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		return nil, tooLarge(path, size)
	}
	return Parse(path, data)
}

// readError wraps a failure to read a file. The path is in the message
// already, so a path error gives only its cause.
func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &followup.Error{
		Code:    followup.EINVALID,
		Message: fmt.Sprintf("%s: cannot read the notes file", path),
		Err:     err,
	}
}

// tooLarge reports a file over MaxSize.
func tooLarge(name string, size int64) error {
	return followup.Errorf(followup.EINVALID,
		"%s:1: the file is %d bytes, over the limit of %d bytes (1 MiB) for notes: "+
			"keep one meeting's notes in a file", name, size, MaxSize)
}

// Parse parses a notes file held in data; name stands for the file in
// messages. It accepts a UTF-8 byte-order mark and CRLF line ends.
func Parse(name string, data []byte) (*followup.Meeting, error) {
	if len(data) > MaxSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	p := &problems{name: name}
	lines := splitLines(data)
	if !checkUTF8(p, lines) {
		return nil, p.err()
	}

	m := &followup.Meeting{Language: lang.Norwegian}
	body, bodyLine, planLine := readFrontMatter(p, lines, m)
	readBody(p, body, bodyLine, m)
	if m.Plan != nil && m.PlanSpec != nil {
		p.add(m.Plan.Line, "the notes have both a plan table and plan: in the front matter "+
			"(line %d): keep one of them", planLine)
	}

	if err := p.err(); err != nil {
		return nil, err
	}
	return m, nil
}

// splitLines drops a byte-order mark and splits data into lines without
// their line ends, LF or CRLF.
func splitLines(data []byte) []string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.TrimSuffix(s, "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// checkUTF8 reports each line that is not UTF-8, and whether all are.
func checkUTF8(p *problems, lines []string) bool {
	ok := true
	for i, l := range lines {
		if !utf8.ValidString(l) {
			p.add(i+1, "the line is not UTF-8 text: save the file as UTF-8")
			ok = false
		}
	}
	return ok
}
