package search

import (
	"github.com/sideguy/sideguy-text/internal/lexicon"
	"slices"
	"strings"
)

// plainTerms are the analysed terms of the lexicon's everyday words, leaving
// out any term a subject word shares ("requir" of "required" stays a topic,
// whatever "requirement" is).
func plainTerms(ix *Index) termSet {
	lex := ix.lex
	plain, topic := termSet{}, termSet{}
	lex.Words(func(w string) {
		for t := range ix.terms(w) {
			if lex.Everyday(w) {
				plain[t] = true
			} else if lex.Topic(w) {
				topic[t] = true
			}
		}
	})
	for t := range topic {
		delete(plain, t)
	}
	return plain
}

// buildEnglish indexes the common English words for typo correction.
func (ix *Index) buildEnglish() {
	ix.englishNear = map[string][]dictWord{}
	ix.lex.Words(func(w string) {
		r := []rune(w)
		if len(r) < 4 {
			return
		}
		dw := dictWord{word: w, runes: r, freq: 1}
		for _, k := range deletes(w) {
			ix.englishNear[k] = append(ix.englishNear[k], dw)
		}
		ix.englishNear[w] = append(ix.englishNear[w], dw)
	})
	for _, ws := range ix.englishNear {
		slices.SortFunc(ws, func(a, b dictWord) int { return strings.Compare(a.word, b.word) })
	}
}

// swapped is a three-letter word with two neighbouring letters swapped that
// is a common English word ("teh", "adn"), or "".
func (ix *Index) swapped(w string) string {
	r := []rune(w)
	if len(r) != 3 {
		return ""
	}
	for i := 0; i < 2; i++ {
		s := []rune(w)
		s[i], s[i+1] = s[i+1], s[i]
		if c := string(s); c != w && ix.lex.Common(c) {
			return c
		}
	}
	return ""
}

// Lexicon is the English word lists the index reads questions with.
func (ix *Index) Lexicon() *lexicon.Lexicon { return ix.lex }
