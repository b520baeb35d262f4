package lang

import "strings"

// Join lists items the way a sentence does: nb "a, b og c", en "a, b and c", with no comma
// before the last word in either language. One item stands alone, two read "a og b", and none
// give "". When any item holds a comma of its own, items are parted with "; " instead
// ("a, x; b og c"), so the reader can still tell where one item ends.
func (l Lang) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}

	sep, last, size := l.separators(items)
	var sb strings.Builder
	sb.Grow(size)
	for i, item := range items {
		sb.WriteString(joiner(i, len(items), sep, last))
		sb.WriteString(item)
	}
	return sb.String()
}

// appendJoin appends items to b as [Lang.Join] lists them, so that a sentence that holds a list
// is written in one piece.
func (l Lang) appendJoin(b []byte, items []string) []byte {
	sep, last, _ := l.separators(items)
	for i, item := range items {
		b = append(b, joiner(i, len(items), sep, last)...)
		b = append(b, item...)
	}
	return b
}

// separators returns what parts the items of a list and what comes before the last, and the
// length of the list joined.
func (l Lang) separators(items []string) (sep, last string, size int) {
	sep, last = ", ", " og "
	if l.usesEnglish() {
		last = " and "
	}
	for _, item := range items {
		size += len(item)
		if strings.IndexByte(item, ',') >= 0 {
			sep = "; "
		}
	}
	if n := len(items); n > 1 {
		size += len(last) + len(sep)*(n-2)
	}
	return sep, last, size
}

// joiner returns what goes before the item at i of a list of n.
func joiner(i, n int, sep, last string) string {
	switch {
	case i == 0:
		return ""
	case i == n-1:
		return last
	}
	return sep
}
