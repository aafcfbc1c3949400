package search

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

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
	// soa, annexa, ...), and the move its asking sentence names (isoonly,
	// ...).
	Named      []string
	Candidates []Candidate
}

// Search scores the entries that best fit question, best first. The result
// is shared: callers must not change it.
func (ix *Index) Search(question string) (Result, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if res, ok := ix.recent.Get(question); ok {
		return res, nil
	}
	res, err := ix.search(question)
	if err == nil {
		ix.recent.Put(question, res)
	}
	return res, err
}

// search is Search without the memo; the caller holds mu for reading.
func (ix *Index) search(question string) (Result, error) {
	norm := ix.norm.Normalize(question)
	fixed := ix.correct(norm)
	if flat := joinTokens(textnorm.Tokens(fixed)); flat != norm {
		if fixed == norm && strings.Count(norm, " .") == 1 && strings.HasSuffix(norm, " .") {
			// Only the closing dot ("...?") goes: nothing else to read anew.
			norm = flat
		} else {
			// A corrected word may complete a phrase ("information security
			// managment system"), and a dot between sentences no longer
			// stands between a move's two halves, so normalise again.
			norm = ix.norm.Normalize(flat)
		}
	}
	res := Result{Normalized: norm}
	q := ix.terms(norm)
	// In a text that tells its situation before it asks ("we're a 12 person
	// saas, closed our soc 2 in march. what's new work for iso?"), the words
	// of the situation are told, not asked: they weigh less, and words no
	// entry knows much less. The frameworks and the move count in full: "we
	// have soc 2" says which way the move goes.
	told, subject, unresolved, askedSubject, background := ix.situation(fixed, q)
	// "clauses 4-10 summary", "isms overview": asking for the short form
	// of a subject it names, not for the bottom line.
	names := false
	for t := range q {
		if ix.subjects[t] && ix.df[t] > 0 {
			names = true
			break
		}
	}
	qs := make([]qterm, 0, len(q))
	var qw float64
	for t := range q {
		base := ix.weight(t)
		w := base
		if names && ix.forms[t] {
			base, w = 0, 0
		}
		aside := false
		switch {
		case !told[t]:
		case unresolved && ix.df[t] == 0 && w > genericWeight:
			// "does iso require that?" after "a customer wants us to
			// encrypt everything at rest": what it points at is what no
			// entry knows, and it weighs in full.
		case ix.df[t] == 0 || ix.generic[t] || isNumber(t):
			if w > genericWeight {
				aside = true
				w *= unknownFactor
			}
			w *= toldFactor
		case subject[t]:
			w *= subjectBoost
		case len(subject) > 0 || askedSubject || (!ix.anchors[t] && !ix.directions[t]):
			// The frameworks and the move say what is asked, unless the
			// question points at a subject the situation named.
			w *= toldFactor
		}
		if told[t] && background {
			w *= backgroundFactor
		}
		qt := qterm{t: t, w: w, base: base, id: ix.termID(t), opposite: -1}
		if o := ix.opposite[t]; o != "" {
			qt.opposite = ix.termID(o)
		}
		res.Terms = append(res.Terms, t)
		if ix.df[t] == 0 && w == ix.maxWeight() {
			res.Unknown = append(res.Unknown, t)
		}
		if w > 0 && !ix.generic[t] {
			// A small figure alone ("a team of 5") picks no entry; 114,
			// 2013 or 20% do.
			qt.pick = 2*ix.df[t] < len(ix.entries) && !smallNumber(t)
			if !aside && (!told[t] || subject[t]) {
				// The situation's words are not what the text asks about
				// (but for the subject it points back at).
				res.Topic = append(res.Topic, t)
				qt.topic = true
			}
		}
		if ix.anchors[t] || (ix.directions[t] && !told[t]) {
			res.Named = append(res.Named, t)
		}
		qs = append(qs, qt)
	}
	// Summed in a fixed order: sums in map order differ in the last bits, and
	// two entries that tie would swap places from one run to the next.
	sort.Slice(qs, func(i, j int) bool { return qs[i].t < qs[j].t })
	for _, qt := range qs {
		qw += qt.w * qt.w
	}
	sort.Strings(res.Topic)
	sort.Strings(res.Named)
	sort.Strings(res.Terms)
	sort.Strings(res.Unknown)
	if len(q) == 0 {
		return res, nil
	}
	// The question's terms are already analysed: bleve is asked for them
	// as they are, not to analyse the text again.
	terms := make([]query.Query, 0, len(q))
	for t := range q {
		tq := bleve.NewTermQuery(t)
		tq.SetField("text")
		terms = append(terms, tq)
	}
	mq := bleve.NewDisjunctionQuery(terms...)
	// Every entry sharing a term with the question is scored, so the runner-up
	// is the real runner-up. Bleve's own scores are not used: no scoring, no
	// stored fields (the document ID is the entry's).
	req := bleve.NewSearchRequestOptions(mq, len(ix.entries), 0, false)
	req.Score = "none"
	hits, err := ix.bleve.Search(req)
	if err != nil {
		return res, fmt.Errorf("search %q: %w", norm, err)
	}
	res.Candidates = make([]Candidate, 0, len(hits.Hits))
	for _, h := range hits.Hits {
		if it, ok := ix.entries[h.ID]; ok {
			res.Candidates = append(res.Candidates, ix.score(qs, qw, it))
		}
	}
	sort.SliceStable(res.Candidates, func(i, j int) bool {
		if res.Candidates[i].Score != res.Candidates[j].Score {
			return res.Candidates[i].Score > res.Candidates[j].Score
		}
		// Without bleve's order, ties are broken by ID: the same question
		// always gets the same answer.
		return res.Candidates[i].Entry.ID < res.Candidates[j].Entry.ID
	})
	return res, nil
}

// qterm is a term of the question with what scoring needs of it.
type qterm struct {
	t string
	// w is its weight in this question (a situation's words weigh less);
	// base its weight in any text, as the phrasings are weighed.
	w, base float64
	// topic: it says what the question is on; pick: it is weighted, not an
	// everyday word, and fewer than half the entries know it.
	topic, pick bool
	// id is its number (-1 when no entry knows it); opposite is the other
	// way's direction token's, for a direction token (else -1).
	id, opposite int32
}

// score rates one entry against the question's terms; qw is the sum of their
// squared weights.
func (ix *Index) score(qs []qterm, qw float64, it *indexed) Candidate {
	c := Candidate{Entry: it.entry}
	var covered float64
	for _, qt := range qs {
		if it.vocabBits.has(qt.id) {
			covered += qt.w * qt.w
			if qt.pick {
				c.Specific++
				c.Picks = append(c.Picks, qt.t)
			}
			if qt.topic {
				c.Known = append(c.Known, qt.t)
			}
		} else if it.vocabBits.has(qt.opposite) {
			c.Opposed = true
		}
	}
	sort.Strings(c.Known)
	sort.Strings(c.Picks)
	if qw == 0 {
		return c
	}
	c.Coverage = math.Sqrt(covered / qw)
	for i := range it.phrasings {
		p := &it.phrasings[i]
		if p.norm2 == 0 {
			continue
		}
		var dot float64
		for _, qt := range qs {
			if p.bits.has(qt.id) {
				dot += qt.base * qt.w
			}
		}
		c.Match = math.Max(c.Match, dot/math.Sqrt(p.norm2*qw))
	}
	c.Score = 0.5*c.Match + 0.5*c.Coverage
	return c
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
//
// background is set when the asking sentence names its own subject and points
// at nothing ("how does PI carry over into Annex A?"): the situation is only
// background to it.
func (ix *Index) situation(fixed string, q termSet) (told, subject termSet, unresolved, askedSubject, background bool) {
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
		return nil, nil, false, false, false
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
	pointed := pointsBack
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
	return told, subject, unresolved, askedSubject, askedSubject && !pointed
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
