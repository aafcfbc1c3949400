package search

import "github.com/sideguy/sideguy-text/internal/lexicon"

// plainTerms are the analysed terms of the lexicon's everyday words, leaving
// out any term a subject word shares ("requir" of "required" stays a topic,
// whatever "requirement" is).
func plainTerms(ix *Index) termSet {
	lex := lexicon.New()
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
