package notes

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"followup"
	"followup/lang"
)

// The keys accepted at the top of the front matter and inside its mappings,
// in the order messages list them.
var (
	topKeys = []string{"letter", "language", "date", "meeting", "place", "deal", "seller", "to",
		"decision_maker", "access_granted", "participants", "reviewers", "follow_up", "plan",
		"plan_agreed", "amount_agreed"}
	sellerKeys = []string{"name", "title", "company"}
	toKeys     = []string{"name", "title", "company", "address"}
	planKeys   = []string{"template", "start", "deliver_by"}
)

// fmReader reads the front matter's YAML nodes into a meeting, recording
// problems at the lines of the file, not of the YAML text.
type fmReader struct {
	p        *problems
	off      int // a YAML line plus off is a file line
	planLine int // the line of the plan key, 0 when absent
}

// pair is one key and its value in a YAML mapping.
type pair struct{ key, val *yaml.Node }

// readFrontMatter reads the front matter at the top of lines into m. It
// returns the body that follows, the file line the body starts on, and the
// line of the front matter's plan key (0 when absent).
func readFrontMatter(p *problems, lines []string, m *followup.Meeting) ([]string, int, int) {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		p.add(1, "the file has no front matter: start it with a line ---, then the keys "+
			"(letter:, date:, seller:, to: ...), then another line ---")
		return lines, 1, 0
	}
	end := 0
	for i := 1; i < len(lines) && end == 0; i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			end = i
		}
	}
	if end == 0 {
		p.add(1, "the front matter opened on this line is not closed: add a line --- after its last key")
		return nil, 0, 0
	}

	r := &fmReader{p: p, off: 1}
	if root, ok := r.decode(lines[1:end]); ok {
		r.readMeeting(root, m)
	}
	return lines[end+1:], end + 2, r.planLine
}

// yamlLine picks the line out of the YAML parser's messages.
var yamlLine = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)

// decode parses the front matter's YAML. It returns the top mapping (nil
// when the front matter is empty) and whether the YAML could be read.
func (r *fmReader) decode(lines []string) (root *yaml.Node, ok bool) {
	defer func() {
		// NOTE: the YAML parser has panicked on odd input in the past; a
		// notes file must never take the program down with it.
		if v := recover(); v != nil {
			r.p.add(r.off, "the front matter cannot be read as YAML: write one key: value a line")
			root, ok = nil, false
		}
	}()

	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &doc); err != nil {
		r.yamlError(err)
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	root = deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		r.p.add(r.line(root), "the front matter must be key: value lines, such as letter: sponsor")
		return nil, false
	}
	return root, true
}

// yamlError reports a YAML syntax error at its line in the file.
func (r *fmReader) yamlError(err error) {
	msg, line := err.Error(), r.off
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		line, msg = n+r.off, m[2]
	}
	msg = strings.ReplaceAll(strings.TrimPrefix(msg, "yaml: "), "\n", " ")
	hint := "indented"
	if strings.Contains(msg, "tab") {
		hint = "indented by spaces, not tabs"
	}
	r.p.add(line, "the front matter is not valid YAML (%s): write one key: value a line, "+
		"with the lines under seller:, to: and plan: %s", msg, hint)
}

// line returns a node's line in the file.
func (r *fmReader) line(n *yaml.Node) int { return n.Line + r.off }

// deref follows an alias to the node it stands for.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; i < 4 && n != nil && n.Kind == yaml.AliasNode; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	return n
}

// normKey folds the ways a seller may spell a key: Follow-Up is follow_up.
func normKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_")
}

// fields returns a mapping's values by key. It reports keys not among
// accepted and keys given twice; where names the mapping ("" for the top).
func (r *fmReader) fields(where string, n *yaml.Node, accepted []string) map[string]pair {
	f := map[string]pair{}
	if n == nil {
		return f
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		name := normKey(k.Value)
		if k.Kind != yaml.ScalarNode || !slices.Contains(accepted, name) {
			r.unknownKey(where, k, accepted)
			continue
		}
		if old, dup := f[name]; dup {
			r.p.add(r.line(k), "key %s is given twice, on lines %d and %d: keep one",
				path(where, name), r.line(old.key), r.line(k))
			continue
		}
		f[name] = pair{key: k, val: v}
	}
	return f
}

// unknownKey reports a key that is not accepted where it stands.
func (r *fmReader) unknownKey(where string, k *yaml.Node, accepted []string) {
	name := quote(k.Value)
	if k.Kind != yaml.ScalarNode {
		name = "written as " + kindName(k)
	}
	list := strings.Join(accepted, ", ")
	if where == "" {
		r.p.add(r.line(k), "unknown key %s: the front matter accepts %s", name, list)
		return
	}
	r.p.add(r.line(k), "unknown key %s under %s: %s accepts %s", name, where, where, list)
}

// path names a key inside a mapping, as in seller.name.
func path(where, key string) string {
	if where == "" {
		return key
	}
	return where + "." + key
}

// kindName says what a node is, for messages about wrong types.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping (indented keys)"
	case yaml.ScalarNode:
		return quote(n.Value)
	}
	return "something else"
}

// readMeeting reads the top mapping of the front matter into m.
func (r *fmReader) readMeeting(root *yaml.Node, m *followup.Meeting) {
	f := r.fields("", root, topKeys)
	r.readLetter(f, m)
	r.readDates(f, m)

	m.Place = r.optText(f, "place")
	m.Deal = r.optText(f, "deal")
	m.DecisionMaker = r.optText(f, "decision_maker")
	m.AccessGranted = r.optBool(f, "access_granted")
	m.AmountAgreed = r.optBool(f, "amount_agreed")
	if v, ok := f["participants"]; ok {
		m.Participants = r.lines("participants", v.val)
	}
	if v, ok := f["reviewers"]; ok {
		m.Reviewers = r.lines("reviewers", v.val)
	}

	m.Seller = r.person(f, "seller", sellerKeys, "the seller's")
	m.To = r.person(f, "to", toKeys, "the recipient's")
	if v, ok := f["plan"]; ok {
		r.planLine = r.line(v.key)
		m.PlanSpec = r.planSpec(v)
	}
}

// readLetter reads the letter kind, which is required, and the language.
func (r *fmReader) readLetter(f map[string]pair, m *followup.Meeting) {
	if v, ok := f["language"]; ok {
		if s, ok := r.text("language", v.val); ok {
			l, err := lang.Parse(s)
			if err != nil {
				r.p.add(r.line(v.val), "key language: %s is not a language of followup: "+
					"write nb (Norwegian bokmål) or en (English)", quote(s))
			}
			m.Language = l
		}
	}

	v, ok := f["letter"]
	if !ok {
		r.p.add(r.off, "missing key letter: add letter: sponsor or letter: decision-maker")
		return
	}
	s, ok := r.text("letter", v.val)
	if !ok {
		return
	}
	switch strings.ToLower(s) {
	case "sponsor":
		m.Letter = followup.SponsorLetter
	case "decision-maker", "decision_maker", "decision maker", "beslutningstager":
		m.Letter = followup.DecisionMakerLetter
	default:
		r.p.add(r.line(v.val), "key letter: %s is not a kind of letter: write sponsor or "+
			"decision-maker (also beslutningstager)", quote(s))
	}
}

// readDates reads the letter's date, which is required, the meeting's date,
// which defaults to it, and the dates of the call and of the agreed plan.
func (r *fmReader) readDates(f map[string]pair, m *followup.Meeting) {
	if v, ok := f["date"]; ok {
		m.Date, _ = r.date("date", v.val)
	} else {
		r.p.add(r.off, "missing key date: add date: with the letter's date as %s", dateForms)
	}
	m.Held = m.Date
	if v, ok := f["meeting"]; ok {
		m.Held, _ = r.date("meeting", v.val)
	}
	if v, ok := f["follow_up"]; ok {
		m.FollowUp, _ = r.date("follow_up", v.val)
	}
	if v, ok := f["plan_agreed"]; ok {
		m.PlanAgreed = r.planAgreed(v.val)
	}
}
