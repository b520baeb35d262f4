package auth

import (
	"strings"
	"testing"

	"followup"
)

// cheap are costs that keep the tests fast; real hashes use DefaultParams.
var cheap = Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func withParams(t *testing.T, p Argon2Params) {
	old := Params
	Params = p
	t.Cleanup(func() { Params = old })
}

func TestHashAndCheck(t *testing.T) {
	withParams(t, cheap)
	hash, err := HashPassword("fjordkraft-2002")
	if err != nil {
		t.Fatal(err)
	}
	if want := "$argon2id$v=19$m=64,t=1,p=1$"; !strings.HasPrefix(hash, want) {
		t.Errorf("hash = %q, want it to begin %q", hash, want)
	}
	again, err := HashPassword("fjordkraft-2002")
	if err != nil || again == hash {
		t.Errorf("second hash = %q (%v), want a new salt", again, err)
	}

	tests := []struct {
		name     string
		password string
		want     bool
	}{
		{"right", "fjordkraft-2002", true},
		{"wrong", "fjordkraft-2003", false},
		{"empty", "", false},
		{"other case", "FJORDKRAFT-2002", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckPassword(hash, tt.password)
			if err != nil || got != tt.want {
				t.Errorf("CheckPassword = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// A hash keeps its own costs: raising Params does not break old hashes.
func TestCheckUsesTheHashsCosts(t *testing.T) {
	withParams(t, cheap)
	hash, err := HashPassword("sommer i Lofoten")
	if err != nil {
		t.Fatal(err)
	}
	withParams(t, Argon2Params{Memory: 128, Time: 2, Threads: 1, SaltLen: 8, KeyLen: 16})
	ok, err := CheckPassword(hash, "sommer i Lofoten")
	if err != nil || !ok {
		t.Errorf("CheckPassword after a change of costs = %v, %v; want true", ok, err)
	}
}

func TestCheckPasswordBadHash(t *testing.T) {
	tests := []struct{ name, hash string }{
		{"empty", ""},
		{"bcrypt", "$2a$10$abcdefghijklmnopqrstuu"},
		{"argon2i", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5"},
		{"old version", "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5"},
		{"no costs", "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHQ$a2V5"},
		{"bad salt", "$argon2id$v=19$m=64,t=1,p=1$!!$a2V5"},
		{"no key", "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ok, err := CheckPassword(tt.hash, "whatever-it-is"); err == nil || ok {
				t.Errorf("CheckPassword(%q) = %v, %v; want an error", tt.hash, ok, err)
			}
		})
	}
}

func TestCheckStrength(t *testing.T) {
	tests := []struct {
		name, password string
		ok             bool
	}{
		{"ten letters", "abcdefghij", true},
		{"nine letters", "abcdefghi", false},
		{"ten with æøå counts runes", "æøåæøåæøåæ", true},
		{"spaces inside", "to ord her", true},
		{"trailing space", "abcdefghij ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckStrength(tt.password)
			if got := err == nil; got != tt.ok {
				t.Errorf("CheckStrength(%q) = %v, want ok %v", tt.password, err, tt.ok)
			}
			if err != nil && followup.ErrorCode(err) != followup.EINVALID {
				t.Errorf("code = %q, want invalid", followup.ErrorCode(err))
			}
		})
	}
}

func BenchmarkHashDefault(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("fjordkraft-2002"); err != nil {
			b.Fatal(err)
		}
	}
}
