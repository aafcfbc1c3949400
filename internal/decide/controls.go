package decide

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sideguy/sideguy-text/internal/rx"
)

// controlRef is a criterion or control ID a texter quoted, and where it belongs.
type controlRef struct {
	// ID as written canonically: CC6.1, A1.2, PI1.3, P4, A.8.13, clause 6.
	ID string
	// Entry is the crosswalk row or fact entry the ID routes to.
	Entry string
	// Note names the ID's place, from the reference facts, said before the answer.
	Note string
}

// controlPatterns recognise IDs in lower-cased text. Order matters: ISO's
// "A.5" before SOC 2's "A1", 2013-style three-level IDs before 2022 ones.
type controlPatterns struct {
	iso2013, iso, clause, cc, avail, conf, pi, priv *rx.Regexp
}

func newControlPatterns() controlPatterns {
	return controlPatterns{
		iso2013: rx.MustCompile(`\b(?:annex\s*a\s*|a\s*\.\s*)(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{1,2})\b|\ba\s*\.\s*(9|1[0-8])(?:\s*\.\s*\d{1,2})*\b`),
		iso:     rx.MustCompile(`\b(?:annex\s*a\s*(?:control\s*)?|a\s*\.\s*)([5-8])(?:\s*\.\s*(\d{1,2}))?\b`),
		clause:  rx.MustCompile(`\bclauses?\s*(\d{1,2})\b`),
		cc:      rx.MustCompile(`\bcc\s*-?\s*([1-9])(?:\s*\.\s*(\d{1,2}))?\b`),
		avail:   rx.MustCompile(`\ba1(?:\s*\.\s*(\d{1,2}))?\b`),
		conf:    rx.MustCompile(`\bc1(?:\s*\.\s*(\d{1,2}))?\b`),
		pi:      rx.MustCompile(`\bpi\s*-?\s*1(?:\s*\.\s*(\d{1,2}))?\b`),
		priv:    rx.MustCompile(`\bp([1-8])(?:\s*\.\s*(\d{1,2}))?\b`),
	}
}

// clauseRange follows a clause number that starts a range: "4-10", "4 to 10".
var clauseRange = rx.MustCompile(`^\s*(?:-|–|to|through|thru)\s*\d`)

// isoInSOC2 asks where an Annex A control sits in SOC 2 ("a.8.13 in soc 2",
// "the soc 2 equivalent of a.5.15"): the crosswalk maps SOC 2 categories to
// Annex A themes, not themes back to one category.
var isoInSOC2 = rx.MustCompile(`(?:annex\s*a\s*|\ba\s*\.\s*)\d+(?:\s*\.\s*\d+)*\s+(?:\S+\s+){0,3}?(?:in|for|to|into|on|under|within)\s+(?:the\s+)?(?:soc\s*-?\s*(?:2|ii|two)\b|soc2|tsc\b|trust services)|(?:soc\s*-?\s*(?:2|ii|two)|soc2|tsc)\s+(?:\S+\s+){0,3}?(?:for|of|to)\s+(?:annex\s*a\s*|\ba\s*\.\s*)\d`)

// Names from the reference facts (AICPA TSC 2017, ISO/IEC 27001:2022).
func ccName(n int) string {
	return [...]string{"", "Control Environment", "Communication and Information", "Risk Assessment",
		"Monitoring Activities", "Control Activities", "Logical and Physical Access Controls",
		"System Operations", "Change Management", "Risk Mitigation"}[n]
}

func clauseName(n int) string {
	if n < 4 || n > 10 {
		return ""
	}
	return [...]string{4: "Context of the organization", 5: "Leadership", 6: "Planning", 7: "Support",
		8: "Operation", 9: "Performance evaluation", 10: "Improvement"}[n]
}

func themeName(n int) (string, int) {
	switch n {
	case 5:
		return "Organizational", 37
	case 6:
		return "People", 8
	case 7:
		return "Physical", 14
	default:
		return "Technological", 34
	}
}

func withPoint(series, point string) string {
	if point == "" {
		return series
	}
	return series + "." + point
}

// findControls returns the IDs quoted in text, first one first, each once.
func (p controlPatterns) find(text string) []controlRef {
	s := strings.ToLower(text)
	var refs []controlRef
	seen := map[string]bool{}
	add := func(at int, r controlRef) {
		if !seen[r.ID] {
			seen[r.ID] = true
			refs = append(refs, controlRef{ID: r.ID, Entry: r.Entry, Note: r.Note})
			_ = at
		}
	}
	taken := make([]bool, len(s)+1)
	mark := func(loc []int) bool {
		for i := loc[0]; i < loc[1]; i++ {
			if taken[i] {
				return false
			}
		}
		for i := loc[0]; i < loc[1]; i++ {
			taken[i] = true
		}
		return true
	}
	for _, m := range p.iso2013.FindAllStringSubmatchIndex(s, -1) {
		if !mark(m[:2]) {
			continue
		}
		id := "A." + strings.Join(strings.FieldsFunc(s[m[0]:m[1]], func(r rune) bool { return r < '0' || r > '9' }), ".")
		add(m[0], controlRef{ID: id, Entry: "iso-2013",
			Note: id + " is a 2013-edition ID: ISO 27001:2013 had 114 controls in 14 domains (A.5-A.18), and its IDs do not exist in the 2022 edition."})
	}
	for _, m := range p.iso.FindAllStringSubmatchIndex(s, -1) {
		if !mark(m[:2]) {
			continue
		}
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		point := ""
		if m[4] >= 0 {
			point = s[m[4]:m[5]]
		}
		theme, count := themeName(n)
		id := withPoint(fmt.Sprintf("A.%d", n), point)
		note := fmt.Sprintf("%s is ISO 27001:2022 Annex A's %s theme (A.%d, %d controls).", id, theme, n, count)
		if point != "" {
			note = fmt.Sprintf("%s is an ISO 27001:2022 Annex A control in the %s theme (A.%d, %d controls).", id, theme, n, count)
		}
		add(m[0], controlRef{ID: id, Entry: "annex-a", Note: note})
	}
	for _, m := range p.clause.FindAllStringSubmatchIndex(s, -1) {
		if clauseRange.MatchString(s[m[1]:]) {
			// "clauses 4-10" is the management system, not one clause.
			continue
		}
		n, _ := strconv.Atoi(s[m[2]:m[3]])
		if name := clauseName(n); name != "" && mark(m[:2]) {
			add(m[0], controlRef{ID: fmt.Sprintf("clause %d", n), Entry: "iso-clauses",
				Note: fmt.Sprintf("Clause %d is %s, one of ISO 27001's management-system clauses (4-10).", n, name)})
		}
	}
	soc := []struct {
		re     *rx.Regexp
		series func(m []int) string
		entry  string
		note   func(id, series string) string
	}{
		{p.cc, func(m []int) string { return "CC" + s[m[2]:m[3]] }, "row-security", func(id, series string) string {
			n, _ := strconv.Atoi(series[2:])
			if id == series {
				return fmt.Sprintf("%s is %s, in SOC 2's Security category (the Common Criteria).", id, ccName(n))
			}
			return fmt.Sprintf("%s is in %s, %s: SOC 2's Security category (the Common Criteria).", id, series, ccName(n))
		}},
		{p.avail, func([]int) string { return "A1" }, "row-availability", func(id, _ string) string {
			return id + " is SOC 2's Availability series (A1), not ISO's Annex A."
		}},
		{p.conf, func([]int) string { return "C1" }, "row-confidentiality", func(id, _ string) string {
			return id + " is SOC 2's Confidentiality series (C1)."
		}},
		{p.pi, func([]int) string { return "PI1" }, "row-processing-integrity", func(id, _ string) string {
			return id + " is SOC 2's Processing Integrity series (PI1)."
		}},
		{p.priv, func(m []int) string { return "P" + s[m[2]:m[3]] }, "row-privacy", func(id, _ string) string {
			return id + " is in SOC 2's Privacy category (P1-P8)."
		}},
	}
	for _, k := range soc {
		for _, m := range k.re.FindAllStringSubmatchIndex(s, -1) {
			if !mark(m[:2]) {
				continue
			}
			series := k.series(m)
			point := ""
			if last := len(m) - 2; last >= 2 && m[last] >= 0 {
				point = s[m[last]:m[last+1]]
			}
			id := withPoint(series, point)
			add(m[0], controlRef{ID: id, Entry: k.entry, Note: k.note(id, series)})
		}
	}
	return refs
}
