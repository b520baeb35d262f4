package followup

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kindWords holds, for one kind of event, the words that reveal it. Inside
// words match anywhere in a word, because Norwegian glues words into
// compounds and inflects them at the end (salgsworkshopen, telefonintervju,
// prosjektoppstart). Start words match only at the start of a word, so that
// "start" does not fire in "restart", "sign" in "design", "trial" in
// "industrial", "pris" in "enterprise" or "roi" in "heroic"; they still match
// inflected forms such as "starts", "signing" and "costs".
type kindWords struct {
	kind   EventKind
	inside []string
	start  []string
}

// kindOrder lists the kinds in the order they are tried: the first kind with
// a matching word wins, so "Godkjenning av kostnadsestimat" is a decision.
var kindOrder = []kindWords{
	{Decision,
		[]string{"godkjen", "beslut", "signer", "kontrakt"},
		[]string{"approv", "decision", "decide", "sign", "contract"}},
	{Cost,
		[]string{"kostnad", "budsjett"},
		[]string{"pris", "cost", "estimat", "pricing", "price", "budget"}},
	{Value,
		[]string{"avkastning", "suksesskriter", "verdi", "gevinst"},
		[]string{"roi", "return", "value", "success criteria"}},
	{Interview,
		[]string{"intervju"},
		[]string{"interview"}},
	{ProofStep,
		[]string{"workshop", "referanse", "bevis", "pilot", "prøv", "besøk",
			"brukertest", "akseptansetest"},
		[]string{"demo", "test", "reference", "trial", "proof", "visit"}},
	{Delivery,
		[]string{"oppstart", "levering", "leveranse", "trening", "opplæring", "kurs",
			"go-live", "kick-off", "kickoff"},
		[]string{"deliver", "start", "training", "rollout", "roll-out", "launch"}},
}

// InferKind guesses an event's kind from the words of its text, in Norwegian
// or English, ignoring case. The first kind in the order decision, cost,
// value, interview, proof, delivery that has a matching word wins; an event
// with none is [Other]. A guess is only a guess: the seller can name the kind
// in the plan, and [Event.KindInferred] marks what was guessed.
func InferKind(text string) EventKind {
	lower := strings.ToLower(strings.ReplaceAll(text, "a\u030a", "å"))
	lower = strings.ReplaceAll(lower, "A\u030a", "å")
	for _, kw := range kindOrder {
		if containsAny(lower, kw.inside, false) || containsAny(lower, kw.start, true) {
			return kw.kind
		}
	}
	return Other
}

// containsAny reports whether text holds one of the words, at the start of a
// word when atStart is set.
func containsAny(text string, words []string, atStart bool) bool {
	for _, w := range words {
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			i += from
			if !atStart || startsWord(text, i) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// startsWord reports whether the byte offset i is not preceded by a letter or
// digit. A hyphen counts as a break, so "pre-start" starts a word at "start".
func startsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(last) && !unicode.IsDigit(last)
}
