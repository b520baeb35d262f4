// Command followup turns the notes of a sales meeting into the follow-up
// letter, the progress plan and the calls that keep a deal moving.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/alecthomas/kong"

	"followup"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(NewMain().Run(ctx, os.Args[1:]))
}

// Main is the followup program: its streams and its clock. Tests run the real
// program through it with their own streams and a fixed clock.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	Logger *slog.Logger
}

// NewMain returns a Main on the process's streams and the wall clock.
func NewMain() *Main {
	return &Main{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Now:    time.Now,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
}

// cli is followup's command line: global flags and one field per subcommand,
// each implemented in its own file.
type cli struct {
	DB string `name:"db" env:"FOLLOWUP_DB" default:"sqlite:followup.db" placeholder:"DSN" help:"Database: sqlite:PATH or a postgres:// URL."`

	Letter    letterCmd    `cmd:"" help:"Compose the follow-up letter from a notes file or a stored meeting."`
	Check     checkCmd     `cmd:"" help:"Check a notes file against the method's rules."`
	Holidays  holidaysCmd  `cmd:"" help:"List Norway's public holidays of a year."`
	Plan      planCmd      `cmd:"" help:"Print a progress plan from notes or a template, or compare two versions."`
	Templates templatesCmd `cmd:"" help:"List the plan templates, or show one."`
	Gate      gateCmd      `cmd:"" help:"Apply the quote gate: may a quote go out yet?"`

	Import    importCmd    `cmd:"" help:"Store notes files: the deal, the buyer's people, the meeting, a draft letter and the plan."`
	Deals     dealsCmd     `cmd:"" help:"List deals with their owner, value and next follow-up."`
	Deal      dealCmd      `cmd:"" help:"Show everything about one deal."`
	Sent      sentCmd      `cmd:"" help:"Mark a letter sent and schedule its follow-up call."`
	Confirmed confirmedCmd `cmd:"" help:"Record that the buyer confirmed a letter."`
	Disputed  disputedCmd  `cmd:"" help:"Record that the buyer asked for changes to a letter."`
	Agenda    agendaCmd    `cmd:"" help:"Show the follow-ups due and overdue, and the deals with none."`
	Done      doneCmd      `cmd:"" help:"Mark a follow-up done, with its outcome."`
	Move      moveCmd      `cmd:"" help:"Move a follow-up to another day, with a reason."`

	User       userCmd       `cmd:"" help:"Add and list users, and set their passwords."`
	Team       teamCmd       `cmd:"" help:"Add and list teams of sellers."`
	Export     exportCmd     `cmd:"" help:"Write the whole database as JSON, or as CSV files for Excel."`
	ImportJSON importJSONCmd `cmd:"" name:"import-json" help:"Load a JSON export into an empty database."`
	ImportCSV  importCSVCmd  `cmd:"" name:"import-csv" help:"Read organisations, contacts or deals from a CSV file."`
	Backup     backupCmd     `cmd:"" help:"Copy a SQLite database while it is in use."`
	Gen        genCmd        `cmd:"" help:"Fill a new database with made-up deals, for trials and benchmarks."`
}

// exitStatus ends a command with a status but no further message: the
// command has already said what there is to say.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// kongExit carries an exit request from the flag parser (after --help, say)
// out of it without ending the process, so tests can run Main.
type kongExit int

// Run runs followup with the arguments (without the program name) and
// returns the exit status: 0 done, 1 the answer is no (a letter with errors),
// 2 the input or the set-up is wrong.
func (m *Main) Run(ctx context.Context, args []string) (status int) {
	var c cli
	parser, err := kong.New(&c,
		kong.Name("followup"),
		kong.Description("The follow-up system for solution sellers."),
		kong.Writers(m.Stdout, m.Stderr),
		kong.Exit(func(code int) { panic(kongExit(code)) }),
		kong.BindTo(ctx, (*context.Context)(nil)),
		kong.Bind(m),
	)
	if err != nil {
		panic(err) // the command line's own definition is wrong: a programming error
	}
	defer func() {
		if r := recover(); r != nil {
			code, ok := r.(kongExit)
			if !ok {
				panic(r)
			}
			status = int(code)
		}
	}()

	kctx, err := parser.Parse(args)
	if err != nil {
		fmt.Fprintf(m.Stderr, "followup: %v\nRun 'followup --help' for the commands and flags.\n", err)
		return 2
	}
	return m.exitCode(kctx.Run(&c))
}

// exitCode reports err to the user, once, and maps it to the exit status.
func (m *Main) exitCode(err error) int {
	var status exitStatus
	switch {
	case err == nil:
		return 0
	case errors.As(err, &status):
		return int(status)
	case followup.ErrorCode(err) == followup.EINTERNAL:
		m.Logger.Error("command failed", "error", err)
	}
	fmt.Fprintf(m.Stderr, "followup: %s\n", followup.ErrorMessage(err))
	return 2
}
