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

	sep, last := ", ", " og "
	if l.usesEnglish() {
		last = " and "
	}
	size := len(last) + len(sep)*(len(items)-2)
	for _, item := range items {
		size += len(item)
		if strings.IndexByte(item, ',') >= 0 {
			sep = "; "
		}
	}

	var sb strings.Builder
	sb.Grow(size)
	for i, item := range items {
		switch {
		case i == len(items)-1:
			sb.WriteString(last)
		case i > 0:
			sb.WriteString(sep)
		}
		sb.WriteString(item)
	}
	return sb.String()
}
