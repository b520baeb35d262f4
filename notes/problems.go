package notes

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"followup"
)

// maxProblems caps a report, so that a file that is wrong throughout (say a
// spreadsheet saved as notes) gives a screenful and not a book.
const maxProblems = 50

// problem is one thing wrong with a notes file, at a line.
type problem struct {
	line int
	msg  string
}

// maxStored bounds the problems kept, so that a hostile file cannot make a
// message of hundreds of megabytes; the rest are only counted.
const maxStored = 1000

// problems collects what is wrong with one file, so that a seller can fix
// everything in one go instead of one error per run.
type problems struct {
	name    string
	list    []problem
	dropped int
}

// add records a problem at a line of the file.
func (p *problems) add(line int, format string, args ...any) {
	if len(p.list) >= maxStored {
		p.dropped++
		return
	}
	p.list = append(p.list, problem{line: line, msg: fmt.Sprintf(format, args...)})
}

// count returns how many problems were found.
func (p *problems) count() int { return len(p.list) + p.dropped }

// err returns nil when nothing was recorded, and otherwise one error that
// lists the problems in line order, one a line, each as NAME:LINE: message.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	sort.SliceStable(p.list, func(i, j int) bool { return p.list[i].line < p.list[j].line })

	var b strings.Builder
	for i, pr := range p.list {
		if i == maxProblems {
			fmt.Fprintf(&b, "\n%s:%d: and %d more problems", p.name, pr.line, p.count()-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s:%d: %s", p.name, pr.line, pr.msg)
	}
	return followup.Errorf(followup.EINVALID, "%s", b.String())
}

// maxQuote is how much of a seller's text a message repeats.
const maxQuote = 60

// quote returns s quoted for a message, shortened when long.
func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuote {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s)
	return fmt.Sprintf("%q", string(r[:maxQuote])+"…")
}
