package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// run runs followup as a user would, with its own streams and a fixed clock,
// and returns what it printed and its exit status.
func run(t testing.TB, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errs bytes.Buffer
	m := &Main{
		Stdin:  strings.NewReader(""),
		Stdout: &out,
		Stderr: &errs,
		Now:    func() time.Time { return time.Date(2002, 1, 10, 9, 0, 0, 0, time.UTC) },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	status = m.Run(context.Background(), args)
	return out.String(), errs.String(), status
}

// golden compares got with the named file under testdata/, or rewrites the
// file when the tests run with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/followup/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/followup/ -update rewrites it)\ngot:\n%s",
			path, got)
	}
}

// writeFile writes a file in a fresh temporary folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUnknownCommand(t *testing.T) {
	_, stderr, status := run(t, "lettr", "x.md")
	if status != 2 || !strings.Contains(stderr, "followup --help") {
		t.Errorf("status %d, stderr %q; want 2 and a pointer to --help", status, stderr)
	}
}

func TestHelp(t *testing.T) {
	stdout, _, status := run(t, "--help")
	if status != 0 || !strings.Contains(stdout, "letter") {
		t.Errorf("status %d, stdout %q; want 0 and the commands", status, stdout)
	}
}
