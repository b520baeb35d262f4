package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"followup"
	"followup/auth"
	"followup/csvio"
	"followup/lang"
	"followup/sqlstore"
)

// userCmd keeps the users who sign in.
type userCmd struct {
	Add    userAddCmd    `cmd:"" help:"Add a user, or give an e-mail to a seller an import made."`
	List   userListCmd   `cmd:"" help:"List the users."`
	Passwd userPasswdCmd `cmd:"" help:"Set a user's password, read from standard input."`
}

// userAddCmd adds a user.
type userAddCmd struct {
	Name  string `required:"" help:"The user's full name, as letters are signed."`
	Email string `required:"" help:"The e-mail the user signs in with."`
	Title string `help:"The title under the signature, e.g. Kundeansvarlig."`
	Role  string `enum:"seller,manager,admin" default:"seller" help:"seller, manager or admin."`
	Team  string `placeholder:"NAME" help:"The team (followup team add makes one)."`
	Quota string `placeholder:"KR" help:"The yearly sales quota in kroner, e.g. \"4 000 000\"."`
}

// Run adds the user. A seller that an import of notes made by name, with no
// e-mail yet, gets the e-mail and the other fields instead of a twin.
func (c *userAddCmd) Run(ctx context.Context, m *Main, g *cli) error {
	u := &followup.User{Name: c.Name, Email: c.Email, Title: c.Title,
		Role: followup.Role(c.Role)}
	if c.Quota != "" {
		q, err := csvio.ParseAmount(c.Quota)
		if err != nil {
			return followup.Errorf(followup.EINVALID, "--quota %q: %v", c.Quota, err)
		}
		u.Quota = q
	}
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		var adopted bool
		err := db.WithTx(ctx, func(tx *sqlstore.Tx) error {
			var err error
			if u.TeamID, err = teamID(ctx, tx, c.Team); err != nil {
				return err
			}
			adopted, err = addUser(ctx, tx, u, c.Quota != "")
			return err
		})
		if err != nil {
			return err
		}
		verb := "Added"
		if adopted {
			verb = "Gave an e-mail to"
		}
		fmt.Fprintf(m.Stdout, "%s user %d: %s <%s>, %s.\nSet a password with: "+
			"followup user passwd %s\n", verb, u.ID, u.Name, u.Email, u.Role, u.Email)
		return nil
	})
}

// teamID returns the id of the team named by --team, or 0 for none.
func teamID(ctx context.Context, tx *sqlstore.Tx, name string) (int64, error) {
	if strings.TrimSpace(name) == "" {
		return 0, nil
	}
	t, err := tx.FindTeamByName(ctx, strings.TrimSpace(name))
	if err != nil {
		return 0, teamNotFound(err, name)
	}
	return t.ID, nil
}

// teamNotFound explains a --team that names no team.
func teamNotFound(err error, name string) error {
	if followup.ErrorCode(err) != followup.ENOTFOUND {
		return err
	}
	return followup.Errorf(followup.ENOTFOUND, "--team %q does not exist: make it with "+
		"followup team add %q, or see followup team list", name, name)
}

// addUser stores u, or fills in the one user of u's name that has no e-mail.
// It reports whether it filled in such a user.
func addUser(ctx context.Context, tx *sqlstore.Tx, u *followup.User, hasQuota bool) (bool, error) {
	if err := u.Validate(); err != nil {
		return false, err
	}
	same, err := tx.FindUserByName(ctx, u.Name)
	switch code := followup.ErrorCode(err); {
	case code == followup.EINTERNAL:
		return false, err
	case code != "" || same.Email != "":
		// None of the name, several, or one with an e-mail: a new user.
		return false, tx.CreateUser(ctx, u)
	}
	up := followup.UserUpdate{Email: &u.Email, Role: &u.Role}
	if u.Title != "" {
		up.Title = &u.Title
	}
	if u.TeamID != 0 {
		up.TeamID = &u.TeamID
	}
	if hasQuota {
		up.Quota = &u.Quota
	}
	stored, err := tx.UpdateUser(ctx, same.ID, up)
	if err != nil {
		return false, err
	}
	*u = *stored
	return true, nil
}

// userListCmd lists users.
type userListCmd struct {
	Team string `placeholder:"NAME" help:"Only the users of this team."`
	Role string `enum:"seller,manager,admin," default:"" help:"Only users of this role."`
}

func (c *userListCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		f := followup.UserFilter{Role: followup.Role(c.Role)}
		teams, err := teamNames(ctx, db)
		if err != nil {
			return err
		}
		if c.Team != "" {
			t, err := db.FindTeamByName(ctx, strings.TrimSpace(c.Team))
			if err != nil {
				return teamNotFound(err, c.Team)
			}
			f.TeamID = t.ID
		}
		users, err := db.ListUsers(ctx, f)
		if err != nil {
			return err
		}
		if len(users) == 0 {
			fmt.Fprintln(m.Stdout, "No users. Add one with followup user add --name NAME "+
				"--email EMAIL.")
			return nil
		}
		return writeUsers(m.Stdout, users, teams)
	})
}

// teamNames returns the name of every team by id.
func teamNames(ctx context.Context, db *sqlstore.DB) (map[int64]string, error) {
	teams, err := db.ListTeams(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(teams))
	for _, t := range teams {
		names[t.ID] = t.Name
	}
	return names, nil
}

// writeUsers writes users as a table.
func writeUsers(w io.Writer, users []*followup.User, teams map[int64]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tE-MAIL\tTITLE\tROLE\tTEAM\tQUOTA\tPASSWORD")
	for _, u := range users {
		password := "no"
		if u.PasswordHash != "" {
			password = "set"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", u.ID, u.Name, dash(u.Email),
			dash(u.Title), u.Role, dash(teams[u.TeamID]), lang.Norwegian.Amount(u.Quota), password)
	}
	return tw.Flush()
}

// dash returns s, or "-" for an empty cell of a table.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// userPasswdCmd sets a user's password.
type userPasswdCmd struct {
	Email string `arg:"" name:"EMAIL" help:"The e-mail of the user."`
}

// Run reads the new password twice without echo from a terminal, or once
// from a line of piped standard input, and stores its argon2id hash.
func (c *userPasswdCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		u, err := db.FindUserByEmail(ctx, c.Email)
		if followup.ErrorCode(err) == followup.ENOTFOUND {
			return followup.Errorf(followup.ENOTFOUND, "no user has the e-mail %s: "+
				"followup user list shows the users", c.Email)
		}
		if err != nil {
			return err
		}
		password, err := m.readPassword(u)
		if err != nil {
			return err
		}
		if err := auth.CheckStrength(password); err != nil {
			return err
		}
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		if err := db.SetPasswordHash(ctx, u.ID, hash); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Set the password of %s <%s>.\n", u.Name, u.Email)
		return nil
	})
}

// readPassword reads a new password for u from standard input.
func (m *Main) readPassword(u *followup.User) (string, error) {
	if f, ok := m.Stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return m.promptPassword(int(f.Fd()), u)
	}
	line, err := bufio.NewReader(m.Stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password: %w", err)
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if line == "" {
		return "", followup.Errorf(followup.EINVALID, "no password on standard input: "+
			"run the command in a terminal, or pipe the password in on one line")
	}
	return line, nil
}

// promptPassword asks for the password twice on the terminal, without echo.
func (m *Main) promptPassword(fd int, u *followup.User) (string, error) {
	fmt.Fprintf(m.Stderr, "New password for %s (at least %d characters): ", u.Email,
		auth.MinPasswordLength)
	first, err := term.ReadPassword(fd)
	fmt.Fprintln(m.Stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	fmt.Fprint(m.Stderr, "The same again: ")
	second, err := term.ReadPassword(fd)
	fmt.Fprintln(m.Stderr)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	if string(first) != string(second) {
		return "", followup.Errorf(followup.EINVALID, "the two passwords differ: "+
			"run the command again and type the same password twice")
	}
	return string(first), nil
}

// teamCmd keeps the teams of sellers.
type teamCmd struct {
	Add  teamAddCmd  `cmd:"" help:"Add a team."`
	List teamListCmd `cmd:"" help:"List the teams and how many users each has."`
}

// teamAddCmd adds a team.
type teamAddCmd struct {
	Name string `arg:"" name:"NAME" help:"The team's name, e.g. \"Salg Øst\"."`
}

func (c *teamAddCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		t := &followup.Team{Name: c.Name}
		if err := db.CreateTeam(ctx, t); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Added team %d: %s.\n", t.ID, t.Name)
		return nil
	})
}

// teamListCmd lists the teams.
type teamListCmd struct{}

func (c *teamListCmd) Run(ctx context.Context, m *Main, g *cli) error {
	return m.withStore(ctx, g.DB, cliActor, func(ctx context.Context, db *sqlstore.DB) error {
		teams, err := db.ListTeams(ctx)
		if err != nil {
			return err
		}
		if len(teams) == 0 {
			fmt.Fprintln(m.Stdout, "No teams. Add one with followup team add NAME.")
			return nil
		}
		users, err := db.ListUsers(ctx, followup.UserFilter{})
		if err != nil {
			return err
		}
		members := map[int64]int{}
		for _, u := range users {
			members[u.TeamID]++
		}
		tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tUSERS")
		for _, t := range teams {
			fmt.Fprintf(tw, "%d\t%s\t%d\n", t.ID, t.Name, members[t.ID])
		}
		return tw.Flush()
	})
}
