package notes

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"followup"
	"followup/lang"
	"followup/workday"
)

// builtinFiles holds the templates that come with followup.
//
//go:embed templates/*.yaml
var builtinFiles embed.FS

// BuiltinSource is the Source of the templates that come with followup.
const BuiltinSource = "built-in"

// The keys of a template file and of each of its events.
var (
	templateKeys = []string{"name", "title", "description", "language", "events"}
	eventKeys    = []string{"text", "offset", "kind", "owner", "checkpoint"}
)

// builtins parses the embedded templates once.
var builtins = sync.OnceValues(func() ([]*followup.Template, error) {
	return readTemplateFS(builtinFiles, "templates", BuiltinSource)
})

// BuiltinTemplates returns the templates that come with followup, by name.
// The templates are shared: lay plans from them, do not change them.
func BuiltinTemplates() ([]*followup.Template, error) { return builtins() }

// LoadTemplates returns the built-in templates and those in the folder dir,
// sorted by name. A template in dir replaces a built-in one of its name. An
// empty dir gives the built-in templates alone.
func LoadTemplates(dir string) ([]*followup.Template, error) {
	ts, err := BuiltinTemplates()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return ts, nil
	}
	own, err := ReadTemplates(dir)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(own)
	for _, t := range ts {
		if !slices.ContainsFunc(own, func(o *followup.Template) bool { return o.Name == t.Name }) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b *followup.Template) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// ReadTemplates reads every template file (*.yaml, *.yml) in the folder
// dir, sorted by name. Every problem in every file is reported in one error.
func ReadTemplates(dir string) ([]*followup.Template, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, followup.Errorf(followup.EINVALID,
			"--templates %s: not a folder that can be read: give the folder of the "+
				"template files (*.yaml)", dir)
	}
	return readTemplateFS(os.DirFS(dir), ".", dir)
}

// readTemplateFS reads the template files of the folder root in fsys;
// prefix stands for the folder in messages and in each template's Source.
func readTemplateFS(fsys fs.FS, root, prefix string) ([]*followup.Template, error) {
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("read templates: %w", err)
	}
	var ts []*followup.Template
	var errs []error
	seen := map[string]string{}
	for _, file := range templateFiles(entries) {
		t, err := readTemplateFile(fsys, root, prefix, file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prefix == BuiltinSource {
			t.Source = BuiltinSource
		}
		if other, dup := seen[t.Name]; dup {
			errs = append(errs, followup.Errorf(followup.EINVALID, "%s: template %s is also "+
				"defined in %s: rename one of them", t.Source, t.Name, other))
			continue
		}
		seen[t.Name] = t.Source
		ts = append(ts, t)
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	slices.SortFunc(ts, func(a, b *followup.Template) int { return strings.Compare(a.Name, b.Name) })
	return ts, nil
}

// templateFiles returns the names of the template files among entries.
func templateFiles(entries []fs.DirEntry) []string {
	var files []string
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			files = append(files, e.Name())
		}
	}
	return files
}

// readTemplateFile reads and parses one template file.
func readTemplateFile(fsys fs.FS, root, prefix, file string) (*followup.Template, error) {
	name := filepath.Join(prefix, file)
	if prefix == BuiltinSource {
		name = BuiltinSource + " " + file
	}
	data, err := fs.ReadFile(fsys, filepath.ToSlash(filepath.Join(root, file)))
	if err != nil {
		return nil, &followup.Error{Code: followup.EINVALID,
			Message: name + ": cannot read the template file", Err: err}
	}
	if len(data) > MaxSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	return ParseTemplate(name, data)
}

// joinErrors makes one EINVALID error of many, one message a line.
func joinErrors(errs []error) error {
	msgs := make([]string, len(errs))
	for i, err := range errs {
		msgs[i] = followup.ErrorMessage(err)
	}
	return &followup.Error{Code: followup.EINVALID, Message: strings.Join(msgs, "\n"),
		Err: errors.Join(errs...)}
}

// tmplReader reads one template file's YAML nodes, recording problems at
// their lines.
type tmplReader struct {
	p      *problems
	events []map[string]int // the line of each field of each event
	lines  map[string]int   // the line of each top-level key
	root   int              // the line of the template's first key
}

// ParseTemplate parses a template file held in data; name stands for the
// file in messages and becomes the template's Source. A template without a
// name: key is named after the file. Every problem is reported, each as
// NAME:LINE: event N "text": field: message.
func ParseTemplate(name string, data []byte) (*followup.Template, error) {
	r := &tmplReader{p: &problems{name: name}, lines: map[string]int{}, root: 1}
	root, ok := r.decode(data)
	if !ok {
		return nil, r.p.err()
	}

	t := &followup.Template{Source: name, Language: lang.Norwegian, Name: defaultName(name)}
	r.readTemplate(root, t)
	if err := r.p.err(); err != nil {
		return nil, err
	}
	for _, pr := range t.Problems() {
		r.p.add(r.problemLine(pr), "%s", r.describe(t, pr))
	}
	if err := r.p.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// defaultName names a template after its file: training.yaml is training.
func defaultName(file string) string {
	base := filepath.Base(strings.TrimPrefix(file, BuiltinSource+" "))
	return strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base)))
}

// decode parses the YAML text and returns its top mapping.
func (r *tmplReader) decode(data []byte) (root *yaml.Node, ok bool) {
	defer func() {
		// NOTE: as with front matter, a broken file must not take the program down.
		if v := recover(); v != nil {
			r.p.add(1, "the template cannot be read as YAML: write one key: value a line")
			root, ok = nil, false
		}
	}()

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg, line := err.Error(), 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		r.p.add(line, "the template is not valid YAML (%s): write name:, title: and events: "+
			"with each event's keys indented under its -", strings.TrimPrefix(msg, "yaml: "))
		return nil, false
	}
	if len(doc.Content) == 0 || deref(doc.Content[0]).Kind != yaml.MappingNode {
		r.p.add(1, "the template must be a mapping of keys: name:, title:, description:, "+
			"language: and events:")
		return nil, false
	}
	root = deref(doc.Content[0])
	r.root = root.Line
	return root, true
}

// pairs returns a mapping's keys and values by key, reporting keys not among
// accepted and keys given twice; where names the mapping in messages.
func (r *tmplReader) pairs(where string, n *yaml.Node, accepted []string) map[string]pair {
	f := map[string]pair{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		key := normKey(k.Value)
		switch _, dup := f[key]; {
		case k.Kind != yaml.ScalarNode || !slices.Contains(accepted, key):
			r.p.add(k.Line, "%sunknown key %s: use %s", where, quote(k.Value),
				strings.Join(accepted, ", "))
		case dup:
			r.p.add(k.Line, "%skey %s is given twice: keep one", where, key)
		default:
			f[key] = pair{key: k, val: v}
		}
	}
	return f
}

// readTemplate reads the top mapping into t.
func (r *tmplReader) readTemplate(root *yaml.Node, t *followup.Template) {
	f := r.pairs("", root, templateKeys)
	for key, v := range f {
		r.lines[key] = v.val.Line
	}
	if v, ok := f["name"]; ok {
		t.Name, _ = r.scalar("", "name", v.val)
	}
	if v, ok := f["title"]; ok {
		t.Title, _ = r.scalar("", "title", v.val)
	}
	if v, ok := f["description"]; ok {
		t.Description, _ = r.scalar("", "description", v.val)
	}
	if v, ok := f["language"]; ok {
		if s, ok := r.scalar("", "language", v.val); ok {
			l, err := lang.Parse(s)
			if err != nil {
				r.p.add(v.val.Line, "language: %s is not a language of followup: write nb or en",
					quote(s))
			}
			t.Language = l
		}
	}
	if v, ok := f["events"]; ok {
		r.readEvents(v.val, t)
	}
}

// scalar reads a value that must be one piece of text; where prefixes messages.
func (r *tmplReader) scalar(where, key string, n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		r.p.add(n.Line, "%s%s: expected text, got %s", where, key, kindName(n))
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return strings.TrimSpace(n.Value), true
}

// readEvents reads the list of events.
func (r *tmplReader) readEvents(n *yaml.Node, t *followup.Template) {
	if n.Kind != yaml.SequenceNode {
		r.p.add(n.Line, "events: expected a list of events, each starting with - text:, got %s",
			kindName(n))
		return
	}
	for i, item := range n.Content {
		item = deref(item)
		where := fmt.Sprintf("event %d: ", i+1)
		lines := map[string]int{"": item.Line}
		r.events = append(r.events, lines)
		var e followup.TemplateEvent
		if item.Kind != yaml.MappingNode {
			r.p.add(item.Line, "%sexpected the keys %s, got %s", where,
				strings.Join(eventKeys, ", "), kindName(item))
			t.Events = append(t.Events, e)
			continue
		}
		if text, ok := eventText(item); ok {
			where = fmt.Sprintf("event %d %s: ", i+1, quote(text))
		}
		f := r.pairs(where, item, eventKeys)
		if v, ok := f["text"]; ok {
			e.Text, _ = r.scalar(where, "text", v.val)
		}
		for key, v := range f {
			lines[key] = v.val.Line
		}
		r.readEventFields(where, f, &e)
		t.Events = append(t.Events, e)
	}
}

// eventText returns an event's text, to name the event in messages about
// its other keys, and whether it has one.
func eventText(item *yaml.Node) (string, bool) {
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := deref(item.Content[i]), deref(item.Content[i+1])
		if normKey(k.Value) == "text" && v.Kind == yaml.ScalarNode {
			return strings.TrimSpace(v.Value), true
		}
	}
	return "", false
}

// readEventFields reads an event's offset, kind, owner and checkpoint. Words
// that are not known are kept as written, for the template's own checks to
// report with the words that are.
func (r *tmplReader) readEventFields(where string, f map[string]pair, e *followup.TemplateEvent) {
	if v, ok := f["offset"]; ok {
		e.Offset = r.offset(where, v.val)
	}
	if v, ok := f["kind"]; ok {
		if s, ok := r.scalar(where, "kind", v.val); ok {
			e.Kind, ok = kindWords[fold(s)]
			if !ok {
				e.Kind = followup.EventKind(s)
			}
		}
	}
	if v, ok := f["owner"]; ok {
		if s, ok := r.scalar(where, "owner", v.val); ok {
			e.Owner, ok = ownerWords[fold(s)]
			if !ok {
				e.Owner = followup.Owner(s)
			}
		}
	}
	if v, ok := f["checkpoint"]; ok {
		e.Checkpoint = r.checkpoint(where, v.val)
	}
}

// offset reads an event's offset: a whole number.
func (r *tmplReader) offset(where string, n *yaml.Node) int {
	off, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if n.Kind != yaml.ScalarNode || err != nil {
		r.p.add(n.Line, "%soffset: expected a whole number of business days after the "+
			"previous event (0 for the same day), got %s", where, kindName(n))
	}
	return off
}

// checkpoint reads an event's checkpoint flag: true or false, or a *.
func (r *tmplReader) checkpoint(where string, n *yaml.Node) bool {
	b, known := boolWord(n)
	if !known && strings.TrimSpace(n.Value) == "*" {
		b, known = true, true
	}
	if !known {
		r.p.add(n.Line, "%scheckpoint: expected true or false (also ja/nei, yes/no), got %s",
			where, kindName(n))
	}
	return b
}

// problemLine returns the line a template's own problem belongs on: its
// field's line, or its event's, or the template's.
func (r *tmplReader) problemLine(pr followup.TemplateProblem) int {
	if pr.Event == 0 {
		key := pr.Field
		if key == "offset" { // the offsets add up to too much: a problem of the list
			key = "events"
		}
		if l, ok := r.lines[key]; ok {
			return l
		}
		return r.root
	}
	lines := r.events[pr.Event-1]
	if l, ok := lines[pr.Field]; ok {
		return l
	}
	return lines[""]
}

// describe writes a template's own problem naming the event and the field.
func (r *tmplReader) describe(t *followup.Template, pr followup.TemplateProblem) string {
	if pr.Event == 0 {
		return pr.Field + ": " + pr.Problem
	}
	return fmt.Sprintf("event %d %s: %s: %s", pr.Event, quote(t.Events[pr.Event-1].Text),
		pr.Field, pr.Problem)
}

// LayPlan lays the meeting's plan from the template its front matter names
// (plan: {template: NAME, start: DATE}), with the built-in templates and
// those in the folder dir, on the calendar. A meeting with a plan table, or
// with no plan: key, is left as it is.
func LayPlan(m *followup.Meeting, dir string, cal workday.Calendar) error {
	if m.Plan != nil || m.PlanSpec == nil {
		return nil
	}
	ts, err := LoadTemplates(dir)
	if err != nil {
		return err
	}
	return m.LayPlan(ts, cal)
}
