package rx

import (
	"regexp"
	"regexp/syntax"
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

// FindStringSubmatch is regexp's, skipped when nothing can match.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.MayMatch(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}
