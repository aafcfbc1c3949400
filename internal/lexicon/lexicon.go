// Package lexicon holds the English words a question is read against beside
// the knowledge base: common words, and those of them that name a subject.
package lexicon

import (
	_ "embed"
	"strings"
)

// common.txt is the common English words of SCOWL's size 10 and 20 lists
// (English, American, British and Canadian spellings; SCOWL-COPYRIGHT), lower
// case, letters only.
//
//go:embed common.txt
var commonText string

// topics.txt lists words that can name what a question is on (a subject the
// line may not know: passwords, contracts, prices, deadlines, what a framework
// requires). A common word on it is never an everyday word.
//
//go:embed topics.txt
var topicsText string

// words.txt is the rest of SCOWL's size 35 list: less common words, correctly
// spelled, so never taken for typos.
//
//go:embed words.txt
var wordsText string

// Lexicon answers whether a word is common English, and whether it is an
// everyday word: common, and naming no subject.
type Lexicon struct {
	common, topics, words map[string]bool
}

// New reads the embedded word lists.
func New() *Lexicon {
	return &Lexicon{common: set(commonText), topics: set(topicsText), words: set(wordsText)}
}

func set(text string) map[string]bool {
	words := strings.Fields(text)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Common reports whether w (lower case) is a common English word.
func (l *Lexicon) Common(w string) bool { return l.common[w] }

// Known reports whether w (lower case) is an English word, common or not:
// spelled right, whatever it means.
func (l *Lexicon) Known(w string) bool { return l.common[w] || l.words[w] }

// Topic reports whether w (lower case) can name the subject of a question.
func (l *Lexicon) Topic(w string) bool { return l.topics[w] }

// Everyday reports whether w (lower case) is a common word that names no
// subject: "inside", "plain", "older", "jump", "perfect".
func (l *Lexicon) Everyday(w string) bool { return l.common[w] && !l.topics[w] }

// Words calls f with every common word.
func (l *Lexicon) Words(f func(w string)) {
	for w := range l.common {
		f(w)
	}
}
