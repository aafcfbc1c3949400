package search

import (
	"sort"

	"github.com/sideguy/sideguy-text/internal/lexicon"
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

// englishIndex finds common English words by themselves and by each of
// their one-letter deletions, for typo correction: a table of key hashes
// (sorted) pointing into the word list, with no pointer per entry for the
// garbage collector to trace.
type englishIndex struct {
	keys  []uint64 // sorted hashes of the words and their deletions
	words []uint32 // for each key, the word's number in the lexicon
	lex   *lexicon.Lexicon
	all   []string // the words by number (shared strings of the lexicon)
}

// buildEnglish indexes the common English words for typo correction.
func (ix *Index) buildEnglish() {
	type pair struct {
		key  uint64
		word uint32
	}
	var pairs []pair
	var all []string
	ix.lex.Words(func(w string) {
		if len([]rune(w)) < 4 {
			return
		}
		n := uint32(len(all))
		all = append(all, w)
		pairs = append(pairs, pair{hashKey(w), n})
		for _, k := range deletes(w) {
			pairs = append(pairs, pair{hashKey(k), n})
		}
	})
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].key != pairs[j].key {
			return pairs[i].key < pairs[j].key
		}
		return pairs[i].word < pairs[j].word
	})
	e := englishIndex{keys: make([]uint64, len(pairs)), words: make([]uint32, len(pairs)), lex: ix.lex, all: all}
	for i, p := range pairs {
		e.keys[i], e.words[i] = p.key, p.word
	}
	ix.english = e
}

// near calls f with every word indexed under key k (a word or a deletion).
// A hash can collide: callers measure the distance of what they get.
func (e englishIndex) near(k string, f func(w string)) {
	h := hashKey(k)
	i := sort.Search(len(e.keys), func(i int) bool { return e.keys[i] >= h })
	for ; i < len(e.keys) && e.keys[i] == h; i++ {
		f(e.all[e.words[i]])
	}
}

// hashKey is FNV-1a of s.
func hashKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
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
