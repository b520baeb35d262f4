package notes

import (
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"followup"
)

// text reads a value that must be one piece of text. An empty value is "".
func (r *fmReader) text(key string, n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		r.p.add(r.line(n), "key %s: expected text, got %s: write it on the key's line",
			key, kindName(n))
		return "", false
	}
	if n.Tag == "!!null" && (n.Value == "~" || strings.EqualFold(n.Value, "null")) {
		return "", true
	}
	return strings.TrimSpace(n.Value), true
}

// optText reads an optional text key; absent is "".
func (r *fmReader) optText(f map[string]pair, key string) string {
	v, ok := f[key]
	if !ok {
		return ""
	}
	s, _ := r.text(key, v.val)
	return s
}

// optBool reads an optional yes-or-no key; absent is false.
func (r *fmReader) optBool(f map[string]pair, key string) bool {
	v, ok := f[key]
	if !ok {
		return false
	}
	b, known := boolWord(v.val)
	if !known {
		r.p.add(r.line(v.val), "key %s: expected true or false (also ja/nei or yes/no), got %s",
			key, kindName(v.val))
	}
	return b
}

// boolWord reads YAML's true and false and the words sellers use for them.
// YAML 1.2 reads yes and no as text, so they are taken here by hand.
func boolWord(n *yaml.Node) (value, known bool) {
	if n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(n.Value)) {
	case "true", "ja", "yes":
		return true, true
	case "false", "nei", "no":
		return false, true
	}
	return false, false
}

// date reads a date key. The YAML parser's own reading of timestamps is not
// used: it takes forms the letters do not, and misses DD.MM.YYYY.
func (r *fmReader) date(key string, n *yaml.Node) (time.Time, bool) {
	if n.Kind != yaml.ScalarNode {
		r.p.add(r.line(n), "key %s: expected a date as %s, got %s", key, dateForms, kindName(n))
		return time.Time{}, false
	}
	t, err := ParseDate(n.Value)
	if err != nil {
		r.p.add(r.line(n), "key %s: %s", key, followup.ErrorMessage(err))
		return time.Time{}, false
	}
	return t, true
}

// planAgreed reads plan_agreed: the day the buyer agreed, or false while the
// plan is a draft, which gives the zero time.
func (r *fmReader) planAgreed(n *yaml.Node) time.Time {
	if b, known := boolWord(n); known {
		if b {
			r.p.add(r.line(n), "key plan_agreed: write the day the buyer agreed to the plan "+
				"as %s, or false while it is a draft", dateForms)
		}
		return time.Time{}
	}
	t, _ := r.date("plan_agreed", n)
	return t
}

// lines reads a list of short texts (names, address lines) written either
// as a YAML list or as one text, whose lines then become the items.
func (r *fmReader) lines(key string, n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		s, _ := r.text(key, n)
		return splitNonEmpty(s)
	}
	if n.Kind != yaml.SequenceNode {
		r.p.add(r.line(n), "key %s: expected a list of lines (- text) or one text, got %s",
			key, kindName(n))
		return nil
	}

	var out []string
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode {
			r.p.add(r.line(item), "key %s: each item must be one text, got %s", key, kindName(item))
			continue
		}
		if s := strings.TrimSpace(item.Value); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitNonEmpty splits text into trimmed lines and drops the blank ones.
func splitNonEmpty(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// person reads the seller or the recipient: a mapping whose name and
// company are required. whose says whose they are in messages.
func (r *fmReader) person(f map[string]pair, key string, accepted []string,
	whose string) followup.Person {
	v, ok := f[key]
	if !ok {
		r.p.add(r.off, "missing key %s: add %s: with name: and company: indented under it "+
			"(%s name and company)", key, key, whose)
		return followup.Person{}
	}
	if v.val.Kind != yaml.MappingNode {
		r.p.add(r.line(v.val), "key %s: expected name:, title: and company: on indented lines "+
			"under it, got %s", key, kindName(v.val))
		return followup.Person{}
	}

	g := r.fields(key, v.val, accepted)
	var p followup.Person
	p.Name = r.required(g, key, "name", v.key, whose+" name")
	p.Company = r.required(g, key, "company", v.key, whose+" company")
	p.Title = r.optText(g, "title")
	if a, ok := g["address"]; ok {
		p.Address = r.lines(key+".address", a.val)
	}
	return p
}

// required reads a text key inside a mapping that must be there and not be
// empty; parent is the mapping's key, where a missing key is reported.
func (r *fmReader) required(g map[string]pair, where, key string, parent *yaml.Node,
	what string) string {
	v, ok := g[key]
	if !ok {
		r.p.add(r.line(parent), "%s has no %s: add %s: under %s (%s)", where, key, key, where, what)
		return ""
	}
	s, ok := r.text(path(where, key), v.val)
	if ok && s == "" {
		r.p.add(r.line(v.val), "key %s is empty: write %s", path(where, key), what)
	}
	return s
}

// planSpec reads plan: a template and exactly one of start and deliver_by.
func (r *fmReader) planSpec(v pair) *followup.PlanSpec {
	if v.val.Kind != yaml.MappingNode {
		r.p.add(r.line(v.val), "key plan: expected template: and start: or deliver_by: on "+
			"indented lines under it, got %s", kindName(v.val))
		return nil
	}
	g := r.fields("plan", v.val, planKeys)
	spec := &followup.PlanSpec{}
	spec.Template = r.required(g, "plan", "template", v.key, "the name of a plan template")

	s, hasStart := g["start"]
	d, hasDeliver := g["deliver_by"]
	switch {
	case hasStart && hasDeliver:
		r.p.add(r.line(d.key), "plan has both start (line %d) and deliver_by: keep one, "+
			"to lay the plan forwards or backwards", r.line(s.key))
	case hasStart:
		spec.Start, _ = r.date("plan.start", s.val)
	case hasDeliver:
		spec.DeliverBy, _ = r.date("plan.deliver_by", d.val)
	default:
		r.p.add(r.line(v.key), "plan has neither start nor deliver_by: add start: (the first "+
			"day) or deliver_by: (the delivery day) as %s", dateForms)
	}
	return spec
}
