package decide

import (
	"slices"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/rx"
	"github.com/sideguy/sideguy-text/internal/search"
)

// comparisonReadings are the two readings of a text that only sets the two
// frameworks side by side ("soc 2 vs iso", "soc2 or iso 27001?"): how much
// they overlap, and the bottom line.
var comparisonReadings = [2]string{"overlap", "bottom-line"}

// alikeCue asks how much of the two frameworks is the same; unlikeCue how
// they differ, which the bottom line says (overlap, gaps, which way is easier).
var (
	alikeCue  = rx.MustCompile(`\b(overlap\w*|same|common|shared?|carr(y|ies) over|transfers? over|reuse\w*|in both|both need)\b`)
	unlikeCue = rx.MustCompile(`\b(difference|differences|different|differ|differs|diff)\b`)
)

// onlyCue names what one framework alone has: "27k only stuff", "soc2-only".
var onlyCue = rx.MustCompile(`\b(iso27001|soc2)\s+(only|hyphenonly)\b`)

// onlyReading is the entry on what one framework alone has, for a text
// that names it "X only", or nil.
func (d *Decider) onlyReading(norm string) *domain.Entry {
	m := onlyCue.FindAllStringSubmatch(norm, -1)
	if len(m) != 1 {
		return nil
	}
	id := "iso-only"
	if m[0][1] == "soc2" {
		id = "soc2-only"
	}
	e, _ := d.index.Entry(id)
	return e
}

// comparisonReading is the one of the comparison's readings (opts) that a
// text's words ask for, or nil when they ask for either or both.
func comparisonReading(norm string, opts []*domain.Entry) *domain.Entry {
	alike, unlike := alikeCue.MatchString(norm), unlikeCue.MatchString(norm)
	if alike == unlike {
		return nil
	}
	want := comparisonReadings[1]
	if alike {
		want = comparisonReadings[0]
	}
	for _, e := range opts {
		if e.ID == want {
			return e
		}
	}
	return nil
}

// comparison offers comparisonReadings for a question that names SOC 2 and
// ISO 27001 and says nothing either does not know: no word unknown, and both
// entries cover the question and resemble it.
func (d *Decider) comparison(res search.Result) ([]*domain.Entry, bool) {
	if len(res.Unknown) > 0 || !slices.Contains(res.Named, "soc2") || !slices.Contains(res.Named, "iso27001") {
		return nil, false
	}
	var opts []*domain.Entry
	for _, id := range comparisonReadings {
		for _, c := range res.Candidates {
			if c.Entry.ID == id && c.Coverage >= d.limits.MinCoverage && c.Match >= d.limits.MinMatch {
				opts = append(opts, c.Entry)
			}
		}
	}
	return opts, len(opts) == len(comparisonReadings)
}
