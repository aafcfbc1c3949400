package textnorm

import (
	"regexp"
	"strings"
	"unicode"
)

// rewrite is one regular-expression substitution.
type rewrite struct {
	re   *regexp.Regexp
	repl string
}

func rw(pattern, repl string) rewrite {
	return rewrite{regexp.MustCompile(pattern), repl}
}

// Normalizer turns texts into canonical token strings. It is safe for concurrent
// use; build one with New and share it.
type Normalizer struct {
	chars    *strings.Replacer
	rewrites []rewrite
	dirs     []rewrite
}

// New builds a Normalizer.
func New() *Normalizer {
	return &Normalizer{
		chars: strings.NewReplacer(
			"’", "'", "‘", "'", "´", "'", "`", "'", "“", `"`, "”", `"`,
			"→", " to ", "⇒", " to ", "➡", " to ", "⟶", " to ", "➔", " to ", "->", " to ", "-->", " to ", "=>", " to ",
			"←", " from ", "<-", " from ", "<->", " and ", "↔", " and ", "vs.", " vs ", "v.", " vs ",
			"—", " - ", "–", " - ", "…", " ", "\u00a0", " ", "&", " and ", "w/", "with ",
		),
		rewrites: []rewrite{
			// Framework names, most specific first.
			rw(`\bsoc\s*-?\s*(?:1|i|one)\b`, " soc1 "),
			rw(`\bsoc\s*-?\s*(?:3|iii|three)\b`, " soc3 "),
			rw(`\bsoc\s*-?\s*(?:2|ii|two|to)\b|\bsco\s*-?\s*2\b|\bsoc2s\b`, " soc2 "),
			rw(`\biso\s*/?\s*(?:iec)?\s*-?\s*27701\b|\b27701\b`, " iso27701 "),
			rw(`\biso\s*/?\s*(?:iec)?\s*-?\s*(27002|27017|27018|22301|9001|14001|42001)\b`, " iso$1 "),
			rw(`\b(?:iso\s*/?\s*(?:iec)?\s*-?\s*)?(?:27001|27k1?|27 k)(?:\s*:\s*(?:2022|2013))?\b`, " iso27001 "),
			rw(`\biso\b`, " iso27001 "),
			rw(`\biso27001(?:\s+iso27001)+`, " iso27001 "),
			rw(`\btrust\s+services?\s+criteria\b|\btscs?\b`, " tsc "),
			rw(`\bannex\s*-?\s*a\b|\bannexa\b|\banex\s*a\b`, " annexa "),
			rw(`\binformation\s+security\s+management\s+systems?\b|\bisms\b`, " isms "),
			rw(`\bstatement\s+of\s+applicability\b|\bsoas?\b`, " soa "),
			rw(`\bprocessing\s+integrity\b|\bpi\b`, " processing integrity "),
			rw(`\bcommon\s+criteria\b`, " common criteria "),
			rw(`\btype\s*(?:2|ii|two)\b|\bt2\b`, " type2 "),
			rw(`\btype\s*(?:1|i|one)\b|\bt1\b`, " type1 "),
			rw(`\bvs\b|\bversus\b|\bv\b`, " vs "),
			// Texting shorthand.
			rw(`\bu\b`, " you "), rw(`\bur\b`, " your "), rw(`\br\b`, " are "),
			rw(`\bw\b`, " with "), rw(`\bb4\b`, " before "), rw(`\bpls\b|\bplz\b`, " please "),
			rw(`\bthx\b|\bty\b|\bthnx\b`, " thanks "), rw(`\bbtwn\b|\bbtw\b`, " between "),
			rw(`\bwhats\b`, " what is "), rw(`\bwhat's\b`, " what is "),
			rw(`\bdoesnt\b`, " does not "), rw(`\bdont\b`, " do not "), rw(`\bisnt\b`, " is not "),
			rw(`n't\b`, " not "), rw(`\bcan not\b|\bcannot\b`, " can not "),
		},
		dirs: []rewrite{
			// The direction of a move, as one token the index knows.
			rw(`\b(?:from\s+)?soc2\b(?:\s+(?:type[12]|report|cert\w*|audit|attestation|compliance|compliant))?\s+(?:to|then|into|toward|towards)\s+(?:an?\s+|the\s+)?iso27001\b`, " soc2 iso27001 soc2toiso "),
			rw(`\b(?:from\s+)?iso27001\b(?:\s+(?:cert\w*|audit|compliance|compliant))?\s+(?:to|then|into|toward|towards)\s+(?:an?\s+|the\s+)?soc2\b`, " iso27001 soc2 isotosoc2 "),
			rw(`\b(?:have|has|got|hold|holding|already|done|finished|passed|completed|with)\b[^.?!]{0,40}?\bsoc2\b[^.?!]{0,60}?\b(?:want|wants|need|needs|get|getting|add|adding|pursue|pursuing|next|going|go|move|moving|asking|asked|require|requires|requiring|require|for)\b[^.?!]{0,30}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\b(?:have|has|got|hold|holding|already|done|finished|passed|completed|with)\b[^.?!]{0,40}?\biso27001\b[^.?!]{0,60}?\b(?:want|wants|need|needs|get|getting|add|adding|pursue|pursuing|next|going|go|move|moving|asking|asked|require|requires|requiring|for)\b[^.?!]{0,30}?\bsoc2\b`, " $0 isotosoc2 "),
			// What one has that the other lacks.
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:that|which|but)\b[^.?!]{0,10}?\biso27001\b\s+(?:does|do|lacks|lack|is|are|has|have|can)\s*(?:not|missing)?`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:that|which|but)\b[^.?!]{0,10}?\bsoc2\b\s+(?:does|do|lacks|lack|is|are|has|have|can)\s*(?:not|missing)?`, " $0 isoonly "),
			rw(`\bin\s+soc2\s+but\s+not\s+(?:in\s+)?iso27001\b`, " $0 soc2only "),
			rw(`\bin\s+iso27001\s+but\s+not\s+(?:in\s+)?soc2\b`, " $0 isoonly "),
		},
	}
}

// Normalize returns text lower-cased, with punctuation dropped (but for the dots
// and percent signs of control IDs and figures) and texting spellings made canonical.
func (n *Normalizer) Normalize(text string) string {
	s := strings.ToLower(n.chars.Replace(text))
	s = cleanPunct(s)
	for _, r := range n.rewrites {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, r := range n.dirs {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	return strings.Join(strings.Fields(s), " ")
}

// cleanPunct keeps letters, digits, apostrophes inside words, the dot inside
// numbers and IDs (cc6.1, a.8.13), and %; everything else becomes a space.
func cleanPunct(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			b.WriteRune(r)
		case (r == '.' || r == '\'' || r == ':') && i > 0 && i+1 < len(rs) &&
			isAlnum(rs[i-1]) && isAlnum(rs[i+1]) && (r != '.' || unicode.IsDigit(rs[i+1])) && (r != ':' || unicode.IsDigit(rs[i+1])):
			b.WriteRune(r)
		case r == '?' || r == '!':
			b.WriteString(" . ")
		case r == '.':
			b.WriteString(" . ")
		default:
			b.WriteRune(' ')
		}
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Tokens splits a normalised text into words, dropping sentence dots.
func Tokens(normalized string) []string {
	var out []string
	for _, f := range strings.Fields(normalized) {
		if f != "." {
			out = append(out, f)
		}
	}
	return out
}
