package search

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// Candidate is one entry and how well it fits a question.
type Candidate struct {
	Entry *domain.Entry
	// Match is the best cosine similarity between the question and one of the
	// entry's phrasings, with terms weighted by rarity (0 to 1).
	Match float64
	// Coverage is the weighted share of the question's terms the entry knows (0 to 1).
	Coverage float64
	// Score combines the two (0 to 1); comparable across questions.
	Score float64
	// Specific counts the question's terms the entry knows that fewer than
	// half the entries know: with none, the question only names the frameworks
	// (or other words every entry uses) and says nothing that picks this entry.
	Specific int
	// Known are the question's topic terms (weighted, not everyday words) the
	// entry knows, sorted: two entries that know the same ones are not two
	// readings of the question.
	Known []string
	// Picks are the Known terms fewer than half the entries know: the words
	// that pick this entry (Specific counts them).
	Picks []string
	// Opposed is set when the question names a move between the frameworks
	// (soc2toiso) and the entry knows only the opposite move: it answers the
	// other direction, not a second reading of this one.
	Opposed bool
}

// Result is what a search found.
type Result struct {
	Normalized string
	// Terms are the question's analysed terms after typo correction.
	Terms []string
	// Unknown are the topic terms no entry knows (everyday words left out).
	Unknown []string
	// Topic are the question's terms that say what it is on: weighted, and
	// not everyday words. A candidate's Known are those of them it knows.
	Topic []string
	// Named are the frameworks and parts of them the question names (isms,
	// soa, annexa, ...).
	Named      []string
	Candidates []Candidate
}

// Search scores the entries that best fit question, best first.
func (ix *Index) Search(question string) (Result, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	norm := ix.norm.Normalize(question)
	fixed := ix.correct(norm)
	if flat := joinTokens(textnorm.Tokens(fixed)); flat != norm {
		// A corrected word may complete a phrase ("information security
		// managment system"), so normalise again.
		norm = ix.norm.Normalize(flat)
	}
	res := Result{Normalized: norm}
	q := ix.terms(norm)
	// In a text that tells its situation before it asks ("we're a 12 person
	// saas, closed our soc 2 in march. what's new work for iso?"), the words
	// of the situation are told, not asked: they weigh less, and words no
	// entry knows much less. The frameworks and the move count in full: "we
	// have soc 2" says which way the move goes.
	told, subject, unresolved, askedSubject := ix.situation(fixed, q)
	aside := termSet{}
	w := make(map[string]float64, len(q))
	for t := range q {
		w[t] = ix.weight(t)
		switch {
		case !told[t]:
		case unresolved && ix.df[t] == 0 && w[t] > genericWeight:
			// "does iso require that?" after "a customer wants us to
			// encrypt everything at rest": what it points at is what no
			// entry knows, and it weighs in full.
		case ix.df[t] == 0 || ix.generic[t] || isNumber(t):
			if w[t] > genericWeight {
				aside[t] = true
				w[t] *= unknownFactor
			}
			w[t] *= toldFactor
		case subject[t]:
			w[t] *= subjectBoost
		case len(subject) > 0 || askedSubject || (!ix.anchors[t] && !ix.directions[t]):
			// The frameworks and the move say what is asked, unless the
			// question points at a subject the situation named.
			w[t] *= toldFactor
		}
	}
	topic := make(termSet, len(q))
	for t := range q {
		res.Terms = append(res.Terms, t)
		if ix.df[t] == 0 && w[t] == ix.maxWeight() {
			res.Unknown = append(res.Unknown, t)
		}
		if w[t] > 0 && !ix.generic[t] && !aside[t] && (!told[t] || subject[t]) {
			// The situation's words are not what the text asks about (but
			// for the subject it points back at).
			res.Topic = append(res.Topic, t)
			topic[t] = true
		}
		if ix.anchors[t] {
			res.Named = append(res.Named, t)
		}
	}
	sort.Strings(res.Topic)
	sort.Strings(res.Named)
	sort.Strings(res.Terms)
	sort.Strings(res.Unknown)
	if len(q) == 0 {
		return res, nil
	}
	mq := bleve.NewMatchQuery(norm)
	mq.SetField("text")
	// Every entry sharing a term with the question is scored, so the runner-up
	// is the real runner-up.
	req := bleve.NewSearchRequestOptions(mq, ix.docs, 0, false)
	// No stored fields: the entry is in the document ID ("<entry>#<n>"), and
	// loading every hit's stored document was most of the cost of a search.
	hits, err := ix.bleve.Search(req)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", norm, err)
	}
	seen := map[string]bool{}
	for _, h := range hits.Hits {
		id := entryOf(h.ID)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		res.Candidates = append(res.Candidates, ix.score(q, w, topic, ix.entries[id]))
	}
	sort.SliceStable(res.Candidates, func(i, j int) bool {
		return res.Candidates[i].Score > res.Candidates[j].Score
	})
	return res, nil
}

func (ix *Index) score(q termSet, weights map[string]float64, topic termSet, it *indexed) Candidate {
	c := Candidate{Entry: it.entry}
	var qw, covered float64
	for t := range q {
		w := weights[t]
		qw += w * w
		if it.vocab[t] {
			covered += w * w
			if w > 0 && !ix.generic[t] && !smallNumber(t) && 2*ix.df[t] < len(ix.entries) {
				// A small figure alone ("a team of 5") picks no entry; 114,
				// 2013 or 20% do.
				c.Specific++
				c.Picks = append(c.Picks, t)
			}
			if topic[t] {
				c.Known = append(c.Known, t)
			}
		}
		if o := ix.opposite[t]; o != "" && !it.vocab[t] && it.vocab[o] {
			c.Opposed = true
		}
	}
	sort.Strings(c.Known)
	sort.Strings(c.Picks)
	if qw == 0 {
		return c
	}
	c.Coverage = math.Sqrt(covered / qw)
	for _, p := range it.phrasings {
		var pw, dot float64
		for t := range p {
			w := ix.weight(t)
			pw += w * w
			if q[t] {
				dot += w * weights[t]
			}
		}
		if pw > 0 {
			c.Match = math.Max(c.Match, dot/math.Sqrt(pw*qw))
		}
	}
	c.Score = 0.5*c.Match + 0.5*c.Coverage
	return c
}

// correct replaces words the knowledge base does not know with a known word one
// or two edits away (two only for long words), so "overlp" finds "overlap".
// Sentence dots are kept.
func (ix *Index) correct(norm string) string {
	toks := strings.Fields(norm)
	for i, w := range toks {
		if w == "." || len(w) < 4 || ix.words[w] > 0 || hasDigit(w) || !ix.correctable(w) {
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
		if len(w) >= 8 {
			maxDist = 2
		}
		best, bestDist, bestFreq := "", maxDist+1, 0
		for cand, freq := range ix.words {
			if len(cand) < 4 || abs(len(cand)-len(w)) > maxDist {
				continue
			}
			d := distance(w, cand, maxDist, len(w) >= vowelSwapLen)
			if d > maxDist || (stem != "" && ix.term(cand) != stem) {
				continue
			}
			if d < bestDist || (d == bestDist && (freq > bestFreq || (freq == bestFreq && cand < best))) {
				best, bestDist, bestFreq = cand, d, freq
			}
		}
		if best != "" {
			toks[i] = best
		}
	}
	return joinTokens(toks)
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

func joinTokens(toks []string) string {
	out := ""
	for i, t := range toks {
		if i > 0 {
			out += " "
		}
		out += t
	}
	return out
}

func hasDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// vowelSwapLen is the least length of a word in which a vowel typed for
// another is one edit ("comman" for "common"): in shorter words it changes
// the word too much.
const vowelSwapLen = 6

// distance is the optimal-string-alignment edit distance (insertions, deletions,
// substitutions and swaps of neighbours), capped at limit+1. Substituting a
// letter for one that is not next to it on the keyboard costs 2: "share" is not
// a typo of "shape", but "tyoe" is one of "type". With vowels, a vowel for
// another costs 1 (texters spell by ear).
func distance(a, b string, limit int, vowels bool) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
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
var keyboard = []string{"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyPos maps a key to its row and column.
var keyPos = func() map[rune][2]int {
	m := map[rune][2]int{}
	for row, keys := range keyboard {
		for col, k := range keys {
			m[k] = [2]int{row, col}
		}
	}
	return m
}()

// substitution is the cost of typing a instead of b: 1 for keys next to each
// other (on the row, or the rows above and below), 2 otherwise.
func substitution(a, b rune) int {
	pa, oka := keyPos[a]
	pb, okb := keyPos[b]
	if !oka || !okb {
		return 2
	}
	dr, dc := abs(pa[0]-pb[0]), pa[1]-pb[1]
	if dr == 0 && abs(dc) == 1 {
		return 1
	}
	// Staggered rows: a key touches the two keys below it (q: a; w: a, s).
	if dr == 1 && (dc == 0 || (pa[0] < pb[0] && dc == 1) || (pa[0] > pb[0] && dc == -1)) {
		return 1
	}
	return 2
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// entryOf reads the entry ID out of a document ID ("overlap#3", "overlap#answer").
func entryOf(docID string) string {
	if i := strings.LastIndexByte(docID, '#'); i > 0 {
		return docID[:i]
	}
	return docID
}

// askWords start the sentence that asks, or are in it: what the text asks,
// where the sentences before tell the situation.
var askWords = map[string]bool{
	"what": true, "which": true, "how": true, "why": true, "who": true, "where": true, "when": true,
	"is": true, "are": true, "do": true, "does": true, "did": true, "can": true, "could": true,
	"should": true, "would": true, "will": true, "if": true, "whether": true,
}

// situation returns the terms of a text that has several sentences and that
// are only in sentences other than the one that asks (the last with a question
// word in it, else the last): what the texter tells of their situation. When
// the asking sentence points back ("does that carry over", "what even is it")
// and names no subject of its own, the one subject the situation names (the
// ISMS, Privacy, ...) is what it asks about (or two: "personal data" and
// "privacy").
func (ix *Index) situation(fixed string, q termSet) (told, subject termSet, unresolved, askedSubject bool) {
	var sentences [][]string
	var cur []string
	for _, f := range strings.Fields(fixed) {
		if f == "." {
			if len(cur) > 0 {
				sentences = append(sentences, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, f)
	}
	if len(cur) > 0 {
		sentences = append(sentences, cur)
	}
	if len(sentences) < 2 {
		return nil, nil, false, false
	}
	ask := len(sentences) - 1
search:
	for i := len(sentences) - 1; i >= 0; i-- {
		for j, w := range sentences[i] {
			if askWords[w] && (j == 0 || !auxiliary[w]) {
				ask = i
				break search
			}
		}
	}
	pointsBack := false
	for j, w := range sentences[ask] {
		if pronouns[w] && !(w == "it" && j+1 < len(sentences[ask]) && dummyIt[sentences[ask][j+1]]) {
			pointsBack = true
		}
	}
	asked := ix.terms(strings.Join(sentences[ask], " "))
	told = termSet{}
	var subjects []string
	for t := range q {
		if asked[t] {
			if ix.subjects[t] && ix.df[t] > 0 {
				// "will our privacy work carry over?" names its subject:
				// the move the situation tells is background.
				pointsBack, askedSubject = false, true
			}
			continue
		}
		told[t] = true
		if ix.subjects[t] && ix.df[t] > 0 {
			subjects = append(subjects, t)
		}
	}
	if pointsBack && len(subjects) > 0 && len(subjects) <= maxSubjects {
		subject = termSet{}
		for _, t := range subjects {
			subject[t] = true
		}
	}
	own := false
	for t := range asked {
		if ix.df[t] > 0 && !ix.generic[t] && ix.weight(t) > 0 {
			own = true
		}
	}
	if pointsBack && (len(subject) == 0 || !own) {
		// Pointing at no subject, or asking nothing of its own ("is that
		// normal?"), it may point at the move ("how big a lift is that");
		// else at what the situation says in words no entry knows.
		unresolved = true
		for t := range told {
			if ix.directions[t] {
				unresolved = false
			}
		}
	}
	return told, subject, unresolved, askedSubject
}

// maxSubjects is the most subjects a pointing question is read to ask about
// ("personal data" and "privacy" are one); more, and it is no telling which.
const maxSubjects = 2

// dummyIt are the words after an "it" that points at nothing: "is it true
// that ...", "is it worth doing".
var dummyIt = map[string]bool{
	"true": true, "possible": true, "worth": true, "ok": true, "better": true, "easier": true,
	"harder": true, "hard": true, "easy": true, "fine": true, "smart": true, "wise": true, "common": true,
	"likely": true, "realistic": true, "feasible": true, "enough": true, "right": true, "best": true,
}

// pronouns point back at something the texter named before.
var pronouns = map[string]bool{"it": true, "that": true, "this": true, "those": true, "these": true, "them": true,
	"one": true, "they": true, "their": true, "theirs": true}

// auxiliary are the ask words that ask only when they start the sentence
// ("is soc 2 enough" asks; "our scope is big" does not).
var auxiliary = map[string]bool{
	"is": true, "are": true, "do": true, "does": true, "did": true, "can": true, "could": true,
	"should": true, "would": true, "will": true, "if": true,
}

// smallNumber reports whether t is a bare number of one or two digits.
func smallNumber(t string) bool {
	if t == "" || len(t) > 2 {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
