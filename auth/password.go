// Package auth keeps followup's passwords: argon2id hashes in the PHC string
// form, and the rule a new password must meet. The CLI sets passwords; the
// web app checks them at sign-in.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"followup"
)

// MinPasswordLength is the fewest characters a password may have.
const MinPasswordLength = 10

// Argon2Params are the costs of an argon2id hash.
type Argon2Params struct {
	Memory  uint32 // in KiB
	Time    uint32 // passes over the memory
	Threads uint8
	SaltLen int // bytes
	KeyLen  uint32
}

// DefaultParams cost about a tenth of a second and 64 MiB on a small server,
// within the range RFC 9106 recommends for interactive sign-in.
var DefaultParams = Argon2Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}

// Params are the costs new hashes are made with. Tests lower them to keep fast;
// a hash keeps its own costs, so changing Params never locks anyone out.
var Params = DefaultParams

// phcB64 is the base64 of the PHC string format: standard alphabet, no padding.
var phcB64 = base64.RawStdEncoding

// CheckStrength returns an EINVALID error when password may not be used.
func CheckStrength(password string) error {
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLength {
		return followup.Errorf(followup.EINVALID,
			"the password has %d characters: use at least %d", n, MinPasswordLength)
	}
	if strings.TrimSpace(password) != password {
		return followup.Errorf(followup.EINVALID,
			"the password begins or ends with a space: remove it, spaces inside are fine")
	}
	return nil
}

// HashPassword returns the argon2id hash of password under [Params] as a PHC
// string: $argon2id$v=19$m=M,t=T,p=P$SALT$HASH.
func HashPassword(password string) (string, error) {
	p := Params
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("make salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		p.Memory, p.Time, p.Threads, phcB64.EncodeToString(salt), phcB64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches the PHC string hash. A hash
// that is not an argon2id PHC string is an error, not a mismatch.
func CheckPassword(hash, password string) (bool, error) {
	p, salt, key, err := parsePHC(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// parsePHC reads the costs, salt and key of an argon2id PHC string.
func parsePHC(hash string) (p Argon2Params, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, fmt.Errorf("password hash is not an argon2id PHC string")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, fmt.Errorf("password hash has argon2 version %q, want %d",
			parts[2], argon2.Version)
	}
	_, err = fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads)
	if err != nil || p.Memory == 0 || p.Time == 0 || p.Threads == 0 {
		return p, nil, nil, fmt.Errorf("password hash has bad costs %q", parts[3])
	}
	if salt, err = phcB64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, fmt.Errorf("password hash has a bad salt: %w", err)
	}
	if key, err = phcB64.DecodeString(parts[5]); err != nil || len(key) == 0 {
		return p, nil, nil, fmt.Errorf("password hash has a bad key")
	}
	p.SaltLen = len(salt)
	return p, salt, key, nil
}
