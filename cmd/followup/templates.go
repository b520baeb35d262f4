package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"followup"
	"followup/notes"
)

// templatesCmd lists the plan templates, or prints one.
type templatesCmd struct {
	List templatesListCmd `cmd:"" default:"withargs" help:"List the plan templates (the default)."`
	Show templatesShowCmd `cmd:"" help:"Print one plan template, event by event."`
}

// templatesListCmd lists the plan templates.
type templatesListCmd struct {
	Templates string `type:"path" env:"FOLLOWUP_TEMPLATES" placeholder:"DIR" help:"A folder of your own plan templates (*.yaml) beside the built-in ones (env FOLLOWUP_TEMPLATES)."`
}

func (c *templatesListCmd) Run(m *Main) error {
	ts, err := notes.LoadTemplates(c.Templates)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tEVENTS\tCHECKPOINTS\tLANGUAGE\tSOURCE\tTITLE")
	for _, t := range ts {
		fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\n", t.Name, len(t.Events), checkpoints(t),
			t.Language, t.Source, t.Title)
	}
	return w.Flush()
}

// templatesShowCmd prints one plan template.
type templatesShowCmd struct {
	Name      string `arg:"" help:"The template's name."`
	Templates string `type:"path" env:"FOLLOWUP_TEMPLATES" placeholder:"DIR" help:"A folder of your own plan templates (*.yaml) beside the built-in ones (env FOLLOWUP_TEMPLATES)."`
}

func (c *templatesShowCmd) Run(m *Main) error {
	ts, err := notes.LoadTemplates(c.Templates)
	if err != nil {
		return err
	}
	t, err := followup.FindTemplate(ts, c.Name)
	if err != nil {
		return followup.Errorf(followup.EINVALID, "%s",
			strings.TrimPrefix(followup.ErrorMessage(err), "plan.template: "))
	}

	fmt.Fprintf(m.Stdout, "%s: %s\n", t.Name, t.Title)
	if t.Description != "" {
		fmt.Fprintln(m.Stdout, t.Description)
	}
	fmt.Fprintf(m.Stdout, "Language %s, from %s.\n\n", t.Language, t.Source)

	if err := writeTemplateEvents(m.Stdout, t); err != nil {
		return err
	}
	span := 0
	for _, e := range t.Events[1:] {
		span += e.Offset
	}
	fmt.Fprintf(m.Stdout, "\n%d events, %d checkpoints, %d business days from the first "+
		"to the last. Offsets count business days after the event before.\n",
		len(t.Events), checkpoints(t), span)
	return nil
}

// writeTemplateEvents writes a template's events as a table; a kind the
// template leaves out is shown as guessed, with a ?.
func writeTemplateEvents(out io.Writer, t *followup.Template) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "#\tOFFSET\tCHECKPOINT\tKIND\tOWNER\tEVENT")
	for i, e := range t.Events {
		kind := string(e.Kind)
		if kind == "" {
			kind = string(followup.InferKind(e.Text)) + "?"
		}
		fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\n", i+1, e.Offset, mark(e.Checkpoint), kind,
			e.Owner, e.Text)
	}
	return w.Flush()
}

func checkpoints(t *followup.Template) int {
	n := 0
	for _, e := range t.Events {
		if e.Checkpoint {
			n++
		}
	}
	return n
}

func mark(checkpoint bool) string {
	if checkpoint {
		return "*"
	}
	return ""
}
