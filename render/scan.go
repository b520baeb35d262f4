package render

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// This file holds the scanner of the usual paragraph, the hot path of every
// letter: it reads eight bytes at a time, as one 64-bit word, where a line's
// bytes need no more than counting.

// fillPlain is [fill] for the usual paragraph: words parted by single
// spaces, each starting with a rune. It finds where each line ends and copies
// the line whole. For other text it reports false, and dst is as it came.
func fillPlain(dst []byte, s string, width int) ([]byte, bool) {
	if s != "" && plainKinds[s[0]] != plainRune {
		return dst, false
	}
	start := dst
	for {
		end, ok := lineEnd(s, width)
		if !ok {
			return start, false
		}
		dst = append(dst, s[:end]...)
		if end == len(s) {
			return dst, true
		}
		dst = append(dst, '\n')
		s = s[end+1:]
	}
}

// lineEnd returns where the first line of plain text s ends when it is
// filled to width runes: at the space that the line break replaces, or at
// the end of s. It reports false when s is not plain text as [fillPlain]
// takes it.
//
// While eight more runes fit on the line, it reads eight bytes at a time, as
// one word, as long as they are words and single spaces: it only counts
// their runes and notes their last space.
func lineEnd(s string, width int) (int, bool) {
	col, space := 0, -1 // the runes of the line so far; its last space
	i := 0
	for ; col+8 <= width && i+8 <= len(s); i += 8 {
		w := load8(s, i)
		spaces, conts := equal(w, ' '), continuations(w)
		// No control byte, no space before a space or inside a rune, and a
		// space at the end only before the start of a rune.
		odd := below(w, ' ') | spaces<<8&(spaces|conts)
		if odd != 0 || spaces>>63 != 0 && !spaceBefore(s, i+8) {
			break
		}
		col += 8 - bits.OnesCount64(conts)
		if spaces != 0 {
			space = i + (63-bits.LeadingZeros64(spaces))/8
		}
	}

	for ; i < len(s); i++ {
		switch plainKinds[s[i]] {
		case plainRune:
			col++
			if col > width && space >= 0 {
				return space, true
			}
		case plainSpace:
			if !spaceBefore(s, i+1) {
				return 0, false
			}
			if col >= width { // the line is full, or holds one wide word
				return i, true
			}
			col++
			space = i
		case plainOther:
			return 0, false
		}
	}
	return len(s), true
}

// spaceBefore reports whether a space may come before s[i]: a space parts
// two words, the second starting with a rune.
func spaceBefore(s string, i int) bool {
	return i < len(s) && plainKinds[s[i]] == plainRune
}

// hasMarkup reports whether s holds a byte that may be Markdown markup, see
// [markup]. It looks for each in turn: a search for one byte runs many bytes
// at a time.
func hasMarkup(s string) bool {
	for i := range len(markupChars) {
		if strings.IndexByte(s, markupChars[i]) >= 0 {
			return true
		}
	}
	return false
}

// shape reports whether s is one line as [oneLine] leaves it, and whether it
// holds a byte beyond ASCII. It reads eight bytes at a time where it can;
// text with control bytes, and short text, it reads byte by byte.
func shape(s string) (line, wide bool) {
	if len(s) < 8 {
		return shortShape(s)
	}
	var pairs, carry, controls, all uint64 // carry: a space at the end of the word before
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load8(s, i)
		spaces := equal(w, ' ')
		pairs |= spaces & (spaces<<8 | carry)
		carry = spaces >> 56
		controls |= below(w, ' ')
		all |= w
	}
	if i < len(s) { // the last bytes, in a word that overlaps the one before
		w := load8(s, len(s)-8)
		spaces := equal(w, ' ')
		pairs |= spaces & (spaces << 8)
		controls |= below(w, ' ')
		all |= w
	}
	if controls != 0 {
		return isOneLine(s), all&tops != 0
	}
	return pairs == 0 && s[0] != ' ' && s[len(s)-1] != ' ', all&tops != 0
}

// shortShape is [shape] for text shorter than a word, byte by byte.
func shortShape(s string) (line, wide bool) {
	line = s == "" || s[0] != ' ' && s[len(s)-1] != ' '
	var all, last byte
	for i := range len(s) {
		c := s[i]
		if c <= ' ' && wordBreak[c] && (c != ' ' || last == ' ') {
			line = false
		}
		all |= c
		last = c
	}
	return line, all >= utf8.RuneSelf
}

// The kinds of byte in plain text, see [plainKinds]; a continuation byte is 0.
const (
	plainRune  = 1
	plainSpace = 2
	plainOther = 3
)

// plainKinds sorts bytes for [lineEnd].
var plainKinds = func() (k [256]uint8) {
	for b := range k {
		switch {
		case b == ' ':
			k[b] = plainSpace
		case wordBreak[b]:
			k[b] = plainOther
		case b&0xC0 != 0x80: // not a continuation byte: the start of a rune
			k[b] = plainRune
		}
	}
	return k
}()

// Masks of the eight bytes of a word: their low seven bits, their top bit,
// and the lowest bit of each.
const (
	low7s = 0x7f7f7f7f7f7f7f7f
	tops  = 0x8080808080808080
	ones  = 0x0101010101010101
)

// load8 returns the eight bytes of s from i as a word, s[i] in its low byte.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// below marks with their top bit the bytes of w that are less than n, which
// is at most 0x80. Each byte adds within its own seven bits: no carry crosses
// into the next.
func below(w uint64, n byte) uint64 {
	return ^(w&low7s + (0x80-uint64(n))*ones | w) & tops
}

// equal marks with their top bit the bytes of w that are c.
func equal(w uint64, c byte) uint64 { return below(w^uint64(c)*ones, 1) }

// continuations marks with their top bit the bytes of w that continue a
// UTF-8 sequence: 10xxxxxx.
func continuations(w uint64) uint64 { return w & tops &^ (w << 1) }
