// Package lang writes Norwegian (bokmål) and English the way a buyer expects
// to read them: dates, month and weekday names, number words, amounts, list
// joins and the default phrases of followup's letters.
package lang

import (
	"fmt"
	"strings"
)

// Lang is a language a letter can be written in.
type Lang string

// The languages of followup.
const (
	Norwegian Lang = "nb"
	English   Lang = "en"
)

// Parse reads a language code as a seller would write it.
func Parse(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "nb", "no", "nob", "norsk", "bokmål", "norwegian":
		return Norwegian, nil
	case "en", "eng", "english", "engelsk":
		return English, nil
	}
	return "", fmt.Errorf("unknown language %q: use nb (Norwegian bokmål) or en (English)", s)
}

// String returns the language's code.
func (l Lang) String() string { return string(l) }
