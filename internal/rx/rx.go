package rx

import (
	"bytes"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// Regexp is a regular expression with a prefilter. It is safe for concurrent
// use.
type Regexp struct {
	*regexp.Regexp
	// need are sets of strings, lower-cased: every match contains one string
	// of each set. None when the expression has no such set (then it
	// always runs).
	need [][]string
	// needBytes are need as bytes; grams are the first three bytes (two
	// for a string of two) of each, hashed (gramHash).
	needBytes [][][]byte
	grams     [][]uint16
}

// MustCompile compiles pattern like regexp.MustCompile and works out its
// prefilter.
func MustCompile(pattern string) *Regexp {
	re := regexp.MustCompile(pattern)
	r := &Regexp{Regexp: re}
	if tree, err := syntax.Parse(pattern, syntax.Perl); err == nil {
		for _, set := range clauses(tree.Simplify()) {
			set = minimal(set)
			r.need = append(r.need, set)
			bs := make([][]byte, len(set))
			gs := make([]uint16, len(set))
			for i, n := range set {
				bs[i] = []byte(n)
				gs[i] = firstGram(bs[i])
			}
			r.needBytes = append(r.needBytes, bs)
			r.grams = append(r.grams, gs)
		}
	}
	return r
}

// Needs returns the sets of strings a match must contain one of each (for tests).
func (r *Regexp) Needs() [][]string { return r.need }

// MayMatch reports whether s could match: false only when it cannot.
func (r *Regexp) MayMatch(s string) bool {
	if r.need == nil {
		return true
	}
	if !isASCII(s) {
		// Case folding beyond ASCII (ſ for s, K for k) is not worth being
		// clever about: the expression decides.
		return true
	}
	// The text in lower case, on the stack when short (texts are).
	var buf [512]byte
	var lower []byte
	if len(s) <= len(buf) {
		lower = buf[:len(s)]
	} else {
		lower = make([]byte, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	// Which runs of two and three bytes the text holds: a needed string is
	// only looked for when its first bytes are there.
	var seen gramSet
	for i := 0; i+1 < len(lower); i++ {
		seen.add(gramHash(lower[i], lower[i+1], 0))
		if i+2 < len(lower) {
			seen.add(gramHash(lower[i], lower[i+1], lower[i+2]))
		}
	}
	for k, set := range r.needBytes {
		if !containsAny(lower, set, r.grams[k], &seen) {
			return false
		}
	}
	return true
}

func containsAny(s []byte, set [][]byte, grams []uint16, seen *gramSet) bool {
	for i, n := range set {
		if len(n) >= 2 && !seen.has(grams[i]) {
			continue
		}
		if bytes.Contains(s, n) {
			return true
		}
	}
	return false
}

// gramSet is a set of hashed runs of bytes (a Bloom filter of one hash: it
// may say a run is there when it is not, never the reverse).
type gramSet [gramBits / 64]uint64

const gramBits = 4096

// gramHash hashes two bytes, or three (c is 0 for two).
func gramHash(a, b, c byte) uint16 {
	return uint16((uint32(a)*961 + uint32(b)*31 + uint32(c)) % gramBits)
}

// firstGram is the hash of a needed string's first three bytes (two when it
// is that short; nothing looked up for one).
func firstGram(n []byte) uint16 {
	switch {
	case len(n) >= 3:
		return gramHash(n[0], n[1], n[2])
	case len(n) == 2:
		return gramHash(n[0], n[1], 0)
	}
	return 0
}

func (g *gramSet) add(h uint16)      { g[h/64] |= 1 << (h % 64) }
func (g *gramSet) has(h uint16) bool { return g[h/64]&(1<<(h%64)) != 0 }

// clauses works out the sets of strings every match of re contains one of
// each: a concatenation needs what each of its parts needs; anything else
// needs its one best set (required).
func clauses(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return clauses(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return clauses(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		if _, ok := exact(re); !ok {
			var out [][]string
			parts(re.Sub, func(set []string) {
				if len(set) > 0 && !slices.Contains(set, "") {
					out = append(out, set)
				}
			}, func(sub *syntax.Regexp) { out = append(out, clauses(sub)...) })
			return out
		}
	}
	if set, ok := required(re); ok {
		return [][]string{set}
	}
	return nil
}

// MatchString reports whether s contains a match.
func (r *Regexp) MatchString(s string) bool {
	return r.MayMatch(s) && r.Regexp.MatchString(s)
}

// ReplaceAllString is regexp's, skipped when nothing can match.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.MayMatch(src) {
		return src
	}
	return r.Regexp.ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp's, skipped when nothing can match.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !r.MayMatch(src) {
		return src
	}
	return r.Regexp.ReplaceAllStringFunc(src, repl)
}

// FindAllStringSubmatchIndex is regexp's, skipped when nothing can match.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// FindAllStringSubmatch is regexp's, skipped when nothing can match.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllString is regexp's, skipped when nothing can match.
func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindAllString(s, n)
}

// FindStringSubmatch is regexp's, skipped when nothing can match.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// FindString is regexp's, skipped when nothing can match.
func (r *Regexp) FindString(s string) string {
	if !r.MayMatch(s) {
		return ""
	}
	return r.Regexp.FindString(s)
}

// FindStringIndex is regexp's, skipped when nothing can match.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindStringIndex(s)
}

// required works out a set of strings one of which every match of re
// contains; ok is false when there is none (the expression can match
// without any literal, or an alternative has none).
func required(re *syntax.Regexp) (need []string, ok bool) {
	if set, ok := exact(re); ok {
		return set, !slices.Contains(set, "")
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil, false
	case syntax.OpConcat:
		// Any part's set will do: the one that rules out most texts. Runs of
		// parts that match a few strings exactly make one part: "ne" then
		// "cessary" or "eded" is "necessary" or "needed".
		var best []string
		found := false
		consider := func(set []string, ok bool) {
			if ok && !slices.Contains(set, "") && (!found || better(set, best)) {
				best, found = set, true
			}
		}
		parts(re.Sub, func(set []string) { consider(set, true) }, func(sub *syntax.Regexp) { consider(required(sub)) })
		return best, found
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			n, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, n...)
		}
		return all, len(all) > 0
	}
	// Any character, stars, large character classes: nothing required.
	return nil, false
}

// parts walks the parts of a concatenation: each run of parts that match a
// few strings exactly goes to run as the strings the run matches (a run that
// would match too many is cut in two), each other part to other.
func parts(subs []*syntax.Regexp, run func([]string), other func(*syntax.Regexp)) {
	cur := []string{""}
	for _, sub := range subs {
		if set, ok := exact(sub); ok {
			if next := product(cur, set); next != nil {
				cur = next
			} else {
				run(cur)
				cur = set
			}
			continue
		}
		run(cur)
		cur = []string{""}
		other(sub)
	}
	run(cur)
}

// maxExact bounds the sets exact works with.
const maxExact = 256

// exact returns the strings re matches, lower-cased, when they are few; ""
// stands for a match of nothing (an empty alternative, a word boundary).
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 && !isASCII(lit) {
			return nil, false
		}
		return []string{strings.ToLower(lit)}, true
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, true
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) >= 16 {
					return nil, false
				}
				set = append(set, strings.ToLower(string(r)))
			}
		}
		return dedupe(set), len(set) > 0
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok {
			return nil, false
		}
		return dedupe(append(set, "")), true
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok || len(all)+len(set) > maxExact {
				return nil, false
			}
			all = append(all, set...)
		}
		return dedupe(all), true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out = product(out, set); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product is every string of a followed by every string of b, or nil when
// there would be too many.
func product(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

func dedupe(set []string) []string {
	slices.Sort(set)
	return slices.Compact(set)
}

// better reports whether set a rules out more than set b: a longer shortest
// string, then fewer strings.
func better(a, b []string) bool {
	ma, mb := shortest(a), shortest(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func shortest(set []string) int {
	m := -1
	for _, s := range set {
		if n := utf8.RuneCountInString(s); m < 0 || n < m {
			m = n
		}
	}
	return m
}

// minimal drops strings that contain another of the set: a text that holds
// "costs" holds "cost".
func minimal(set []string) []string {
	var out []string
	for i, s := range set {
		redundant := false
		for j, t := range set {
			if i != j && strings.Contains(s, t) && (len(t) < len(s) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, s)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
