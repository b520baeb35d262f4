package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"followup"
	"followup/lang"
	"followup/notes"
	"followup/render"
)

// letterCmd composes and renders the follow-up letter of a meeting.
type letterCmd struct {
	Notes     string `arg:"" type:"path" help:"The notes file (Markdown with a YAML front matter)."`
	Annotated bool   `help:"Show each section under its method label (for review and training)."`
	Format    string `default:"text" help:"Output format: text, markdown or html."`
	Lang      string `name:"lang" placeholder:"nb|en" help:"Write the letter in this language instead of the file's."`
	Output    string `short:"o" type:"path" placeholder:"FILE" help:"Write to FILE instead of standard output."`
	Draft     bool   `help:"Print the letter even when the checks find errors."`
}

func (c *letterCmd) Run(m *Main) error {
	format, err := render.ParseFormat(c.Format)
	if err != nil {
		return err
	}
	meeting, err := notes.ReadFile(c.Notes)
	if err != nil {
		return err
	}
	if err := layPlan(meeting); err != nil {
		return inFile(c.Notes, err)
	}
	if c.Lang != "" {
		if meeting.Language, err = lang.Parse(c.Lang); err != nil {
			return followup.Errorf(followup.EINVALID, "--lang: %v", err)
		}
	}

	findings := followup.Check(meeting)
	for _, f := range findings {
		fmt.Fprintln(m.Stderr, f)
	}
	if followup.HasErrors(findings) && !c.Draft {
		fmt.Fprintln(m.Stderr, "followup: the letter has errors; fix them, or print a draft with --draft")
		return exitStatus(1)
	}

	mode := render.Buyer
	if c.Annotated {
		mode = render.Annotated
	}
	var out bytes.Buffer
	if err := render.Letter(&out, followup.ComposeLetter(meeting), format, mode); err != nil {
		return err
	}
	return m.writeOutput(c.Output, out.Bytes())
}

// writeOutput writes b to the named file, or to standard output when the
// name is empty. A file is written whole or not at all: a failed write leaves
// any earlier file of that name as it was.
func (m *Main) writeOutput(name string, b []byte) error {
	if name == "" {
		_, err := m.Stdout.Write(b)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return followup.Errorf(followup.EINVALID, "-o %s: cannot write there: %v", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return followup.Errorf(followup.EINVALID, "-o %s: %v", name, err)
	}
	if err := tmp.Close(); err != nil {
		return followup.Errorf(followup.EINVALID, "-o %s: %v", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
