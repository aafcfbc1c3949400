package decide

import (
	"strings"
	"unicode"

	"github.com/sideguy/sideguy-text/internal/rx"
)

// quoted finds words in quotes: straight or curly, single or double. A
// single quote opens only after a space or punctuation and closes only
// before one, so "doesn't" inside a quote does not end it.
var quoted = rx.MustCompile(`(^|[\s(:,-])(?:'(.+?)'|"(.+?)"|\x{2018}(.+?)\x{2019}|\x{201c}(.+?)\x{201d})([\s,.;:!?)-]|$)`)

// saidLeadIn introduces the line's own words: "you said", "when you say".
var saidLeadIn = rx.MustCompile(`(?i)\b(?:when\s+)?(?:you|u)\s+(?:just\s+)?(?:said|say|mentioned|mention|wrote|write|called it|put it)\s*[:,]?\s*$`)

// saidClause tells what the line said, in the texter's words: "you said
// those IDs don't exist in 2022 - so how ...". Group 1 is what was said;
// it ends where the texter's own sentence starts.
var saidClause = rx.MustCompile(`(?i)\b(?:you|u)\s+(?:just\s+)?(?:said|say|mentioned|mention|wrote)\s+(?:that\s+)?([^"\x{201c}]+?)(?:\s+-+\s+|\s*[.;!?]+(?:\s+|$)|,\s+(?:so|but|and|then|is|does|do|what|which|how|why|where|can|could)\b|$)`)

// acknowledged starts a text with a word or two of the last answer and a
// nod: "PI1, okay.", "80%, huh.", "A1 series ok."
var acknowledged = rx.MustCompile(`(?i)^\W*(\S+(?:\s+\S+)?)\s*[,.:;-]?\s+(ok|okay|k|huh|got it|gotcha|right|noted|i see|makes sense|cool|nice|understood)(?:[.,!;:]+\s*|\s*$)`)

// withoutEcho takes out of a text the words it repeats from the answer just
// sent: "'doesn't require that management layer' got it. and the reverse?"
// asks only "and the reverse?". The repeated words say which answer the
// texter is on, which the conversation already knows; read as the question
// they outweigh what is asked. ok is false when nothing was taken out, or
// nothing would be left to read.
func (d *Decider) withoutEcho(text, previous string) (string, bool) {
	if !quoted.MatchString(text) && !saidClause.MatchString(text) && !acknowledged.MatchString(text) {
		// Most texts tell nothing back: spare them normalising the answer.
		return text, false
	}
	e, ok := d.index.Entry(previous)
	if !ok {
		return text, false
	}
	answer := tokenSet(d.norm.Normalize(e.Answer))
	// echoes: at least half the words are the answer's, one of them a
	// word that carries meaning (a figure, an ID or a longer word).
	echoes := func(words string) bool {
		in, telling, n := 0, false, 0
		for _, t := range tokens(d.norm.Normalize(words)) {
			if t = strings.Trim(t, "."); t == "" {
				continue
			}
			n++
			if answer[t] {
				in++
				telling = telling || len(t) >= 5 || strings.ContainsFunc(t, unicode.IsDigit)
			}
		}
		return telling && 2*in >= n
	}
	var b strings.Builder
	changed := false
	last := 0
	for _, m := range quoted.FindAllStringSubmatchIndex(text, -1) {
		inner := ""
		for g := 2; g <= 5; g++ {
			if m[2*g] >= 0 {
				inner = text[m[2*g]:m[2*g+1]]
			}
		}
		if len(strings.Fields(inner)) < 2 || !echoes(inner) {
			continue
		}
		before := text[last:m[3]]
		before = before[:len(before)-len(saidLeadIn.FindString(before))]
		b.WriteString(before)
		b.WriteString(" ")
		last = m[12]
		changed = true
	}
	b.WriteString(text[last:])
	rest := b.String()
	if m := saidClause.FindStringSubmatchIndex(rest); m != nil && len(strings.Fields(rest[m[2]:m[3]])) >= 2 && echoes(rest[m[2]:m[3]]) {
		// Keep what ends the clause ("- so how", ", is that"): the
		// texter's own words start there.
		rest = rest[:m[0]] + " " + rest[m[3]:]
		changed = true
	}
	if m := acknowledged.FindStringSubmatchIndex(rest); m != nil && echoes(rest[m[2]:m[3]]) {
		nod := rest[m[4]:m[5]]
		rest = strings.TrimSpace(rest[m[1]:])
		if rest == "" {
			rest = nod
		}
		changed = true
	}
	rest = strings.TrimLeft(strings.TrimSpace(rest), "-,;:. ")
	if !changed || !strings.ContainsFunc(rest, unicode.IsLetter) {
		return text, false
	}
	return rest, true
}

// tokens are the words and numbers of a normalised text.
func tokens(norm string) []string {
	return strings.FieldsFunc(norm, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' && r != '.'
	})
}

// tokenSet is tokens as a set.
func tokenSet(norm string) map[string]bool {
	set := map[string]bool{}
	for _, t := range tokens(norm) {
		set[strings.Trim(t, ".")] = true
	}
	return set
}
