package rx

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

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
