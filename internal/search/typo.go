package search

import (
	"slices"
	"strings"
)

// dictWord is a knowledge-base word typos are corrected to.
type dictWord struct {
	word  string
	runes []rune
	freq  int
	// stem is its analysed term ("" for a stop word).
	stem string
}

// rebuildDict groups the typo-correction words by length, with their stems,
// so a correction only measures words of about the right length. The caller
// holds mu (or is New).
func (ix *Index) rebuildDict() {
	ix.dict = map[int][]dictWord{}
	ix.near = map[string][]dictWord{}
	for w, freq := range ix.words {
		r := []rune(w)
		if len(r) < 4 {
			continue
		}
		dw := dictWord{word: w, runes: r, freq: freq, stem: ix.term(w)}
		ix.dict[len(r)] = append(ix.dict[len(r)], dw)
		if len(r) < longWord {
			for _, k := range deletes(w) {
				ix.near[k] = append(ix.near[k], dw)
			}
			ix.near[w] = append(ix.near[w], dw)
		}
	}
	for _, ws := range ix.dict {
		// A fixed order: ties go to the same word every time.
		slices.SortFunc(ws, func(a, b dictWord) int {
			switch {
			case a.word < b.word:
				return -1
			case a.word > b.word:
				return 1
			}
			return 0
		})
	}
}

// correct replaces words the knowledge base does not know with a known word one
// or two edits away (two only for long words), so "overlp" finds "overlap".
// Sentence dots are kept.
func (ix *Index) correct(norm string) string {
	toks := strings.Fields(norm)
	var scratch [3][maxWordLen + 1]int
	for i, w := range toks {
		if len(w) == 3 && ix.words[w] == 0 && !ix.lex.Known(w) && !ix.everyday[w] {
			if c := ix.swapped(w); c != "" {
				toks[i] = c
			}
			continue
		}
		if w == "." || len(w) < 4 || ix.words[w] > 0 || hasDigit(w) || !ix.correctable(w) || ix.lex.Known(w) {
			continue
		}
		if fix, ok := ix.fixes.Get(w); ok {
			if fix != "" {
				toks[i] = fix
			}
			continue
		}
		rw := []rune(w)
		if len(rw) > maxWordLen {
			continue
		}
		// A word whose stem an entry knows is only respelled ("managment"
		// as "management", for the phrase), never made another word
		// ("testing" is not "texting").
		stem := ""
		if ix.knownStem(w) {
			stem = ix.term(w)
		}
		maxDist := 1
		if len(w) >= longWord {
			maxDist = 2
		}
		best, bestDist, bestFreq := "", maxDist+1, 0
		try := func(cand dictWord) {
			if stem != "" && cand.stem != stem {
				return
			}
			d := distance(rw, cand.runes, maxDist, len(w) >= vowelSwapLen, &scratch)
			if d > maxDist {
				return
			}
			if d < bestDist || (d == bestDist && (cand.freq > bestFreq || (cand.freq == bestFreq && cand.word < best))) {
				best, bestDist, bestFreq = cand.word, d, cand.freq
			}
		}
		if maxDist == 1 && len(rw)+1 < longWord {
			// Every word one edit away shares the word or one of its
			// deletions with the word's own deletions (an edit costs at
			// least what it costs in plain edit distance).
			for _, c := range ix.near[w] {
				try(c)
			}
			for _, k := range deletes(w) {
				for _, c := range ix.near[k] {
					try(c)
				}
			}
		} else {
			for n := len(rw) - maxDist; n <= len(rw)+maxDist; n++ {
				for _, c := range ix.dict[n] {
					try(c)
				}
			}
		}
		if best == "" && stem == "" {
			// Not a knowledge-base word: maybe a common one mistyped
			// ("undrestand"), one edit away, which then weighs as what it is.
			best = ix.closestEnglish(rw, &scratch)
		}
		ix.fixes.Put(w, best)
		if best != "" {
			toks[i] = best
		}
	}
	return joinTokens(toks)
}

// longWord is the length from which two edits make a typo.
const longWord = 8

// deletes are w with one letter left out, each.
func deletes(w string) []string {
	r := []rune(w)
	out := make([]string, 0, len(r))
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// maxWordLen is the longest word typo correction looks at.
const maxWordLen = 40

// vowelSwapLen is the least length of a word in which a vowel typed for
// another is one edit ("comman" for "common"): in shorter words it changes
// the word too much.
const vowelSwapLen = 6

// distance is the optimal-string-alignment edit distance (insertions, deletions,
// substitutions and swaps of neighbours), capped at limit+1. Substituting a
// letter for one that is not next to it on the keyboard costs 2: "share" is not
// a typo of "shape", but "tyoe" is one of "type". With vowels, a vowel for
// another costs 1 (texters spell by ear). The rows are scratch's, so a
// distance allocates nothing; both words are at most maxWordLen long.
func distance(ra, rb []rune, limit int, vowels bool, scratch *[3][maxWordLen + 1]int) int {
	if len(ra) > maxWordLen || len(rb) > maxWordLen {
		return limit + 1
	}
	prev2, prev, cur := scratch[0][:len(rb)+1], scratch[1][:len(rb)+1], scratch[2][:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 0
			if ra[i-1] != rb[j-1] {
				cost = substitution(ra[i-1], rb[j-1])
				if vowels && isVowel(ra[i-1]) && isVowel(rb[j-1]) {
					cost = 1
				}
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// keyboard rows, for which keys are neighbours.
var keyboard = [...]string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyPos is a key's row and column, plus one (0: not a key), by ASCII code.
var keyPos = func() (pos [128][2]int8) {
	for row, keys := range keyboard {
		for col, k := range keys {
			pos[k] = [2]int8{int8(row + 1), int8(col + 1)}
		}
	}
	return pos
}()

// substitution is the cost of typing a instead of b: 1 for keys next to each
// other (on the row, or the rows above and below), 2 otherwise.
func substitution(a, b rune) int {
	if a >= 128 || b >= 128 || keyPos[a][0] == 0 || keyPos[b][0] == 0 {
		return 2
	}
	pa, pb := keyPos[a], keyPos[b]
	dr, dc := abs(int(pa[0])-int(pb[0])), int(pa[1])-int(pb[1])
	if dr == 0 && abs(dc) == 1 {
		return 1
	}
	// Staggered rows: a key touches the two keys below it (q: a; w: a, s).
	if dr == 1 && (dc == 0 || (pa[0] < pb[0] && dc == 1) || (pa[0] > pb[0] && dc == -1)) {
		return 1
	}
	return 2
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// knownStem reports whether an entry knows w's stem though no text spells w
// so.
func (ix *Index) knownStem(w string) bool {
	for t := range ix.terms(w) {
		if ix.df[t] > 0 {
			return true
		}
	}
	return false
}

// correctable reports whether w may be a typo of a knowledge-base word: not a
// stop word, filler or an everyday word.
func (ix *Index) correctable(w string) bool {
	return !ix.everyday[w] && len(ix.terms(w)) > 0
}

// closestEnglish is the common English word one edit from rw, or "". Ties
// go to the first in alphabetical order.
func (ix *Index) closestEnglish(rw []rune, scratch *[3][maxWordLen + 1]int) string {
	w := string(rw)
	best, bestDist := "", 2
	try := func(c string) {
		if d := distance(rw, []rune(c), 1, len(rw) >= vowelSwapLen, scratch); d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	ix.english.near(w, try)
	for _, k := range deletes(w) {
		ix.english.near(k, try)
	}
	if bestDist > 1 {
		return ""
	}
	return best
}
