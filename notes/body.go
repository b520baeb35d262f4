package notes

import (
	"strings"

	"followup"
)

// planKind stands for the plan heading among the section kinds: the plan is
// a table, read into followup.Plan, not a followup.Section.
const planKind followup.SectionKind = "plan"

// headingKinds maps each accepted heading, folded by fold, to its kind.
var headingKinds = map[string]followup.SectionKind{
	"smerte": followup.Pain, "pain": followup.Pain,
	"årsak": followup.Reasons, "årsaker": followup.Reasons,
	"reasons": followup.Reasons, "reason": followup.Reasons,
	"visjon": followup.Vision, "vision": followup.Vision,
	"enighet om å gå videre": followup.Agreement, "enighet": followup.Agreement,
	"agreement": followup.Agreement, "agreement to proceed": followup.Agreement,
	"kjøpslåing om tilgang": followup.Access, "kjøpslåing": followup.Access,
	"access": followup.Access, "bargain for access": followup.Access,
	"forslag til bevisføring": followup.Proof, "bevisføring": followup.Proof,
	"proof": followup.Proof, "proposed proof": followup.Proof,
	"fremdrift": followup.NextSteps, "next steps": followup.NextSteps,
	"fremdriftsplan": planKind, "plan": planKind, "progress plan": planKind,
}

// acceptedHeadings lists the headings for messages, one pair a section.
const acceptedHeadings = "Smerte/Pain, Årsak/Reasons, Visjon/Vision, " +
	"Enighet om å gå videre/Agreement, Kjøpslåing om tilgang/Access, " +
	"Forslag til bevisføring/Proof, Fremdrift/Next steps, Fremdriftsplan/Plan"

// block is a heading and the lines under it, up to the next heading.
type block struct {
	heading string
	line    int
	body    []string
}

// readBody reads the Markdown under the front matter into m's sections and
// plan; first is the file line of body[0].
func readBody(p *problems, body []string, first int, m *followup.Meeting) {
	seen := map[followup.SectionKind]int{}
	for _, b := range splitBlocks(p, body, first) {
		kind, ok := headingKinds[fold(b.heading)]
		if !ok {
			p.add(b.line, "unknown heading %s: the accepted headings are %s",
				quote(b.heading), acceptedHeadings)
			continue
		}
		if prev, dup := seen[kind]; dup {
			p.add(b.line, "heading %s is given twice, on lines %d and %d: merge the two "+
				"into one section", quote(b.heading), prev, b.line)
			continue
		}
		seen[kind] = b.line

		if kind == planKind {
			m.Plan = parsePlan(p, b.body, b.line+1, b.line)
			continue
		}
		items, prose := readSection(b.body)
		m.Sections = append(m.Sections, followup.Section{
			Kind: kind, Heading: b.heading, Line: b.line, Items: items, Prose: prose,
		})
	}
}

// splitBlocks cuts the body at its headings. Text before the first heading
// belongs to no section, and is reported.
func splitBlocks(p *problems, body []string, first int) []block {
	var blocks []block
	stray := false
	for i, l := range body {
		if h, ok := headingText(l); ok {
			blocks = append(blocks, block{heading: h, line: first + i})
			continue
		}
		if len(blocks) > 0 {
			blocks[len(blocks)-1].body = append(blocks[len(blocks)-1].body, l)
			continue
		}
		if strings.TrimSpace(l) != "" && !stray {
			p.add(first+i, "text before the first heading belongs to no section: put it under "+
				"a heading such as # Smerte, or remove it")
			stray = true
		}
	}
	return blocks
}

// headingText returns the text of an ATX heading (# to ######, with at most
// three spaces before it and any closing #s removed), and whether l is one.
func headingText(l string) (string, bool) {
	s := strings.TrimLeft(l, " ")
	if len(l)-len(s) > 3 {
		return "", false
	}
	n := len(s) - len(strings.TrimLeft(s, "#"))
	if n == 0 || n > 6 {
		return "", false
	}
	rest := s[n:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}

	rest = strings.TrimSpace(rest)
	if t := strings.TrimRight(rest, "#"); t == "" {
		rest = ""
	} else if strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t") {
		rest = strings.TrimSpace(t)
	}
	return rest, true
}

// fold folds case, spacing, a trailing colon and a decomposed å, so
// that "  ÅRSAK: " finds årsak.
func fold(h string) string {
	h = strings.ReplaceAll(h, "a\u030a", "å")
	h = strings.ReplaceAll(h, "A\u030a", "å")
	h = strings.TrimSuffix(strings.TrimSpace(strings.ToLower(h)), ":")
	return strings.Join(strings.Fields(h), " ")
}
