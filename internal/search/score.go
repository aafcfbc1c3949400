package search

import (
	"fmt"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"

	"github.com/sideguy/sideguy-text/internal/domain"
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

// Search scores the entries that best fit question, best first. The result
// is shared: callers must not change it.
func (ix *Index) Search(question string) (Result, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if res, ok := ix.recent.get(question); ok {
		return res, nil
	}
	res, err := ix.search(question)
	if err == nil {
		ix.recent.put(question, res)
	}
	return res, err
}

// search is Search without the memo; the caller holds mu for reading.
func (ix *Index) search(question string) (Result, error) {
	norm := ix.norm.Normalize(question)
	if fixed := ix.correct(norm); fixed != norm {
		// A corrected word may complete a phrase ("information security
		// managment system"), so normalise again.
		norm = ix.norm.Normalize(fixed)
	}
	res := Result{Normalized: norm}
	q := ix.terms(norm)
	qs := make([]qterm, 0, len(q))
	var qw float64
	for t := range q {
		w := ix.weight(t)
		qw += w * w
		qt := qterm{t: t, w2: w * w, opposite: ix.opposite[t]}
		res.Terms = append(res.Terms, t)
		if ix.df[t] == 0 && w == ix.maxWeight() {
			res.Unknown = append(res.Unknown, t)
		}
		if w > 0 && !ix.generic[t] {
			res.Topic = append(res.Topic, t)
			qt.topic = true
			qt.pick = 2*ix.df[t] < len(ix.entries)
		}
		if ix.anchors[t] {
			res.Named = append(res.Named, t)
		}
		qs = append(qs, qt)
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
			res.Candidates = append(res.Candidates, ix.score(qs, qw, q, it))
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
	// w2 is its squared weight.
	w2 float64
	// topic: it says what the question is on (weighted, not an everyday
	// word); pick: and fewer than half the entries know it.
	topic, pick bool
	// opposite is the other way's direction token, for a direction token.
	opposite string
}

// score rates one entry against the question's terms; qw is the sum of their
// squared weights and q their set.
func (ix *Index) score(qs []qterm, qw float64, q termSet, it *indexed) Candidate {
	c := Candidate{Entry: it.entry}
	var covered float64
	for _, qt := range qs {
		if it.vocab[qt.t] {
			covered += qt.w2
			if qt.topic {
				c.Known = append(c.Known, qt.t)
				if qt.pick {
					c.Specific++
					c.Picks = append(c.Picks, qt.t)
				}
			}
		} else if qt.opposite != "" && it.vocab[qt.opposite] {
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
			if p.terms[qt.t] {
				dot += qt.w2
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
