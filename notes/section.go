package notes

import (
	"strings"
)

// readSection reads a section's lines: as a list of items when every line
// that is not blank is a list item or a continuation of one, else as prose.
// A section with no words gives neither.
func readSection(lines []string) (items []string, prose string) {
	if isList(lines) {
		return listItems(lines), ""
	}
	return nil, proseText(lines)
}

// isList reports whether lines are a list: each line that is not blank is an
// item, or is indented deeper than the first item and continues an item.
func isList(lines []string) bool {
	base := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := indent(l)
		if base < 0 {
			if _, ok := itemText(l, false); !ok || !firstNumberIsOne(l) {
				return false
			}
			base = ind
			continue
		}
		if _, ok := itemText(l, false); !ok && ind <= base {
			return false
		}
	}
	return base >= 0
}

// firstNumberIsOne reports whether a list's first line, when numbered, is
// numbered 1. As in CommonMark, "13. februar" alone starts no list: a
// Norwegian date begins many sentences.
func firstNumberIsOne(l string) bool {
	s := strings.TrimLeft(l, " \t0")
	if s == "" || s[0] < '1' || s[0] > '9' {
		return true
	}
	return strings.HasPrefix(s, "1.") || strings.HasPrefix(s, "1)")
}

// listItems returns the items of a list. A line indented deeper than the
// first item continues the item before it, unless it starts with a bullet
// (- * +): a nested list is flattened into items of its own. Numbers are
// not taken as items there, since a continued line may begin with a date
// such as "10. januar".
func listItems(lines []string) []string {
	var items [][]string // each item's lines, joined at the end
	base := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := indent(l)
		if base < 0 {
			base = ind
		}
		if text, ok := itemText(l, ind > base); ok {
			items = append(items, []string{text})
		} else if len(items) > 0 {
			items[len(items)-1] = append(items[len(items)-1], strings.TrimSpace(l))
		}
	}

	joined := make([]string, len(items))
	for i, parts := range items {
		joined[i] = strings.Join(parts, " ")
	}
	return tidyItems(joined)
}

// tidyItems trims items, drops one trailing period (the letter adds its own
// punctuation; an ellipsis is kept) and drops empty items.
func tidyItems(items []string) []string {
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		if strings.HasSuffix(it, ".") && !strings.HasSuffix(it, "..") {
			it = strings.TrimSpace(strings.TrimSuffix(it, "."))
		}
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

// itemText returns the text of a list item line and whether l is one:
// "- ", "* ", "+ " or a number with "." or ")". With bulletsOnly, numbered
// items do not count.
func itemText(l string, bulletsOnly bool) (string, bool) {
	s := strings.TrimLeft(l, " \t")
	n := 0
	switch {
	case s == "":
		return "", false
	case s[0] == '-' || s[0] == '*' || s[0] == '+':
		n = 1
	case !bulletsOnly:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) || (s[n] != '.' && s[n] != ')') {
			return "", false
		}
		n++
	}
	if n == 0 {
		return "", false
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return "", false
	}
	return strings.TrimSpace(s[n:]), true
}

// indent returns the width of l's leading space, a tab counting as four.
func indent(l string) int {
	w := 0
	for _, c := range l {
		switch c {
		case ' ':
			w++
		case '\t':
			w += 4
		default:
			return w
		}
	}
	return w
}

// proseText joins the lines of each paragraph with one space and the
// paragraphs with a blank line.
func proseText(lines []string) string {
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" {
			cur = append(cur, t)
		} else {
			flush()
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}
