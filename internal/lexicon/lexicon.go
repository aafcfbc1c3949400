// Package lexicon holds the English words a question is read against beside
// the knowledge base: common words, and those of them that name a subject.
package lexicon

import (
	_ "embed"
	"sort"
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
// everyday word: common, and naming no subject. Its lists are sorted words
// in one string each, found by binary search: tens of thousands of words
// without a pointer apiece for the garbage collector to trace.
type Lexicon struct {
	common, topics, words list
}

// list is a sorted word list: the words of text at the offsets.
type list struct {
	text string
	offs []uint32 // start of each word; the word runs to the next space
}

// New reads the embedded word lists.
func New() *Lexicon {
	return &Lexicon{common: newList(commonText), topics: newList(topicsText), words: newList(wordsText)}
}

func newList(text string) list {
	words := strings.Fields(text)
	sort.Strings(words)
	var b strings.Builder
	offs := make([]uint32, 0, len(words))
	prev := ""
	for _, w := range words {
		if w == prev {
			continue
		}
		prev = w
		offs = append(offs, uint32(b.Len()))
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return list{text: b.String(), offs: offs}
}

// at is the i-th word.
func (l list) at(i int) string {
	start := l.offs[i]
	end := strings.IndexByte(l.text[start:], ' ')
	return l.text[start : int(start)+end]
}

// has reports whether w is on the list.
func (l list) has(w string) bool {
	i := sort.Search(len(l.offs), func(i int) bool { return l.at(i) >= w })
	return i < len(l.offs) && l.at(i) == w
}

// Common reports whether w (lower case) is a common English word.
func (l *Lexicon) Common(w string) bool { return l.common.has(w) }

// Known reports whether w (lower case) is an English word, common or not:
// spelled right, whatever it means.
func (l *Lexicon) Known(w string) bool { return l.common.has(w) || l.words.has(w) }

// Topic reports whether w (lower case) can name the subject of a question.
func (l *Lexicon) Topic(w string) bool { return l.topics.has(w) }

// Everyday reports whether w (lower case) is a common word that names no
// subject: "inside", "plain", "older", "jump", "perfect".
func (l *Lexicon) Everyday(w string) bool { return l.common.has(w) && !l.topics.has(w) }

// Words calls f with every common word, in order.
func (l *Lexicon) Words(f func(w string)) {
	for i := range l.common.offs {
		f(l.common.at(i))
	}
}
