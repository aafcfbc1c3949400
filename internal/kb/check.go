package kb

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// Limits an entry must keep.
const (
	// MaxAnswerSeptets keeps an answer within two GSM-7 segments.
	MaxAnswerSeptets = 306
	// MinPhrasings is how many alternate phrasings each entry needs.
	MinPhrasings = 3
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkEntry returns what is wrong with one parsed entry.
func checkEntry(p parsed) []Problem {
	e := p.entry
	var probs []Problem
	add := func(field, format string, args ...any) {
		line := p.lines[field]
		if field == "detail" {
			line = p.bodyLine
		}
		probs = append(probs, Problem{File: e.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	required := []struct{ field, value string }{
		{"id", e.ID}, {"question", e.Question}, {"source", e.Source}, {"answer", e.Answer},
	}
	for _, r := range required {
		if r.value == "" {
			add(r.field, "%s is required", r.field)
		}
	}
	if e.ID != "" && !idPattern.MatchString(e.ID) {
		add("id", "id %q must be lower-case letters, digits and single dashes", e.ID)
	}
	switch {
	case len(e.Phrasings) >= MinPhrasings:
	case e.Author != "":
		// An exported taught entry: the operator's question is enough to load it.
		probs = append(probs, Problem{File: e.File, Line: p.lines["id"], Warning: true,
			Msg: fmt.Sprintf("taught entry has %d alternate phrasings; add %d or more so texters' own wording finds it", len(e.Phrasings), MinPhrasings)})
	default:
		add("phrasings", "needs at least %d phrasings, has %d", MinPhrasings, len(e.Phrasings))
	}
	if e.Answer != "" {
		if bad := nonGSM(e.Answer); bad != "" {
			add("answer", "answer has characters outside GSM-7's basic set: %s", bad)
		}
		if n := gsm.Measure(e.Answer).Units; n > MaxAnswerSeptets {
			add("answer", "answer is %d characters, more than %d (two SMS segments)", n, MaxAnswerSeptets)
		}
	}
	if bad := nonGSM(e.Detail); bad != "" {
		add("detail", "detail has characters outside GSM-7's basic set: %s", bad)
	}
	return probs
}

// nonGSM lists the characters of s outside the GSM-7 basic alphabet, quoted.
func nonGSM(s string) string {
	seen := map[rune]bool{}
	var bad []string
	for _, r := range s {
		if gsm.InBasic(r) || seen[r] {
			continue
		}
		seen[r] = true
		bad = append(bad, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	return strings.Join(bad, ", ")
}

// checkAll adds problems that span entries: duplicate ids.
func checkAll(entries []parsed) []Problem {
	var probs []Problem
	first := map[string]domain.Entry{}
	for _, p := range entries {
		id := p.entry.ID
		if id == "" {
			continue
		}
		if prev, ok := first[id]; ok {
			probs = append(probs, Problem{File: p.entry.File, Line: p.lines["id"],
				Msg: fmt.Sprintf("duplicate id %q (also in %s)", id, prev.File)})
			continue
		}
		first[id] = p.entry
	}
	return probs
}
