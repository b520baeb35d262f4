package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"followup"
	"followup/auth"
)

// Hashes in tests are cheap; the real costs are auth.DefaultParams.
func init() {
	auth.Params = auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
}

// runIn runs followup like run, with stdin as its standard input.
func runIn(t testing.TB, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errs bytes.Buffer
	m := &Main{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errs,
		Now:    func() time.Time { return time.Date(2002, 1, 10, 9, 0, 0, 0, time.UTC) },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	status = m.Run(context.Background(), args)
	return out.String(), errs.String(), status
}

// wantRun fails the test unless the command ends with status and its output
// holds every one of parts.
func wantRun(t *testing.T, status int, parts []string, stdin string, args ...string) string {
	t.Helper()
	stdout, stderr, got := runIn(t, stdin, args...)
	if got != status {
		t.Fatalf("followup %s: status %d, want %d\nstdout: %s\nstderr: %s",
			strings.Join(args, " "), got, status, stdout, stderr)
	}
	for _, p := range parts {
		if !strings.Contains(stdout+stderr, p) {
			t.Errorf("followup %s does not say %q\nstdout: %s\nstderr: %s",
				strings.Join(args, " "), p, stdout, stderr)
		}
	}
	return stdout
}

func TestUsersAndTeams(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		db := []string{"--db", dsn}
		wantRun(t, 0, []string{"No teams"}, "", append(db, "team", "list")...)
		wantRun(t, 0, []string{"Added team 1: Salg Øst."}, "",
			append(db, "team", "add", "Salg Øst")...)
		wantRun(t, 2, []string{"team", "Salg Øst"}, "", append(db, "team", "add", "Salg Øst")...)

		wantRun(t, 0, []string{"Added user 1: Kari Nordmann <kari@selger.no>, seller.",
			"followup user passwd kari@selger.no"}, "",
			append(db, "user", "add", "--name", "Kari Nordmann", "--email", "Kari@Selger.no",
				"--title", "Kundeansvarlig", "--team", "Salg Øst", "--quota", "4 000 000")...)
		wantRun(t, 0, []string{"Added user 2: Per Leder <per@selger.no>, manager."}, "",
			append(db, "user", "add", "--name", "Per Leder", "--email", "per@selger.no",
				"--role", "manager")...)

		out := wantRun(t, 0, nil, "", append(db, "user", "list")...)
		for _, want := range []string{
			"Kari Nordmann  kari@selger.no  Kundeansvarlig  seller   Salg Øst  kr 4 000 000  no",
			"Per Leder      per@selger.no   -               manager  -         kr 0          no",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("user list:\n%s\nwant a line %q", out, want)
			}
		}
		out = wantRun(t, 0, nil, "", append(db, "user", "list", "--team", "Salg Øst")...)
		if strings.Contains(out, "Per Leder") || !strings.Contains(out, "Kari") {
			t.Errorf("user list --team:\n%s\nwant Kari only", out)
		}
		wantRun(t, 0, []string{"1   Salg Øst  1"}, "", append(db, "team", "list")...)
	})
}

func TestUserAddRefuses(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		db := []string{"--db", dsn}
		wantRun(t, 0, nil, "", append(db, "user", "add", "--name", "Kari Nordmann",
			"--email", "kari@selger.no")...)
		tests := []struct {
			name  string
			args  []string
			parts []string
		}{
			{"e-mail used twice", []string{"--name", "Kari N", "--email", "KARI@selger.no"},
				[]string{"e-mail kari@selger.no is already used"}},
			{"no such team", []string{"--name", "Ola", "--email", "o@s.no", "--team", "Vest"},
				[]string{`--team "Vest" does not exist`, "followup team add"}},
			{"bad quota", []string{"--name", "Ola", "--email", "o@s.no", "--quota", "mye"},
				[]string{`--quota "mye"`, "kroner"}},
			{"bad role", []string{"--name", "Ola", "--email", "o@s.no", "--role", "boss"},
				[]string{"--role", "seller"}},
			{"e-mail without @", []string{"--name", "Ola", "--email", "ola.no"},
				[]string{"e-mail \"ola.no\" has no @"}},
			{"no e-mail", []string{"--name", "Ola"}, []string{"--email"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				wantRun(t, 2, tt.parts, "", append(append(db, "user", "add"), tt.args...)...)
			})
		}
		users, err := openTestDB(t, dsn).ListUsers(context.Background(),
			followup.UserFilter{})
		if err != nil || len(users) != 1 {
			t.Errorf("users after refusals: %d (%v), want 1", len(users), err)
		}
	})
}

// A seller an import made by name gets the e-mail instead of a twin.
func TestUserAddGivesImportedSellerAnEmail(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		store := openTestDB(t, dsn)
		ctx := context.Background()
		imported := &followup.User{Name: "Kari Nordmann"}
		if err := store.CreateUser(ctx, imported); err != nil {
			t.Fatal(err)
		}
		store.Close()

		wantRun(t, 0, []string{"Gave an e-mail to user 1: Kari Nordmann <kari@selger.no>"}, "",
			"--db", dsn, "user", "add", "--name", "Kari Nordmann", "--email", "kari@selger.no",
			"--title", "Kundeansvarlig")
		u, err := openTestDB(t, dsn).FindUserByName(ctx, "Kari Nordmann")
		if err != nil || u.ID != 1 || u.Email != "kari@selger.no" || u.Title != "Kundeansvarlig" {
			t.Errorf("user = %+v (%v), want user 1 with the e-mail and title", u, err)
		}
	})
}

func TestUserPasswd(t *testing.T) {
	eachEngine(t, func(t *testing.T, dsn string) {
		db := []string{"--db", dsn}
		wantRun(t, 0, nil, "", append(db, "user", "add", "--name", "Kari Nordmann",
			"--email", "kari@selger.no")...)
		passwd := append(db, "user", "passwd", "KARI@selger.no")

		wantRun(t, 2, []string{"the password has 9 characters: use at least 10"},
			"kort-ord!\n", passwd...)
		wantRun(t, 2, []string{"no password on standard input"}, "", passwd...)
		wantRun(t, 2, []string{"no user has the e-mail ola@selger.no", "followup user list"},
			"lang-nok-passord\n", append(db, "user", "passwd", "ola@selger.no")...)
		wantRun(t, 0, []string{"Set the password of Kari Nordmann <kari@selger.no>."},
			"sommer i Lofoten\r\nignored second line\n", passwd...)

		u, err := openTestDB(t, dsn).FindUserByEmail(context.Background(), "kari@selger.no")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(u.PasswordHash, "$argon2id$v=19$m=64,t=1,p=1$") {
			t.Errorf("hash %q is not an argon2id PHC string of the test's costs", u.PasswordHash)
		}
		for pw, want := range map[string]bool{"sommer i Lofoten": true, "sommer i lofoten": false} {
			if ok, err := auth.CheckPassword(u.PasswordHash, pw); err != nil || ok != want {
				t.Errorf("CheckPassword(%q) = %v, %v; want %v", pw, ok, err, want)
			}
		}
		wantRun(t, 0, []string{"set"}, "", append(db, "user", "list")...)
	})
}
