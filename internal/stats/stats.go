// Package stats summarises what texters asked that went to the operator, so the
// operator knows what to write or teach next.
package stats

import (
	"sort"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Question is one question (as texters worded it, grouped) and how often it
// went to the operator.
type Question struct {
	Text    string    `json:"text"`
	Count   int       `json:"count"`
	Threads []uint64  `json:"threads"`
	Last    time.Time `json:"last"`
	Reason  string    `json:"reason"`
}

// Reason is why escalations happened, and how often.
type Reason struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// Report is what went to the operator in a period.
type Report struct {
	Since     time.Time  `json:"since"`
	Total     int        `json:"total"`
	Questions []Question `json:"questions"`
	Reasons   []Reason   `json:"reasons"`
}

// Normalizer groups different spellings of one question.
type Normalizer interface {
	Normalize(text string) string
}

// Escalations summarises escalations: the most frequent questions first (at
// most limit), then why the line passed them on.
func Escalations(list []domain.Escalation, since time.Time, norm Normalizer, limit int) Report {
	rep := Report{Since: since, Total: len(list), Questions: []Question{}, Reasons: []Reason{}}
	groups := map[string]*Question{}
	reasons := map[string]int{}
	for _, e := range list {
		key := strings.Trim(norm.Normalize(e.Question), " .")
		if key == "" {
			key = "(empty)"
		}
		q, ok := groups[key]
		if !ok {
			q = &Question{Text: strings.TrimSpace(e.Question)}
			groups[key] = q
		}
		q.Count++
		if !containsID(q.Threads, e.Thread) {
			q.Threads = append(q.Threads, e.Thread)
		}
		if e.At.After(q.Last) {
			q.Last, q.Reason = e.At, e.Reason
		}
		r := e.Reason
		if i := strings.Index(r, " ("); i > 0 {
			r = r[:i]
		}
		if strings.HasPrefix(r, "the knowledge base does not cover") {
			r = "the knowledge base does not cover it"
		}
		reasons[r]++
	}
	for _, q := range groups {
		rep.Questions = append(rep.Questions, *q)
	}
	sort.Slice(rep.Questions, func(i, j int) bool {
		a, b := rep.Questions[i], rep.Questions[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Last.After(b.Last)
	})
	if limit > 0 && len(rep.Questions) > limit {
		rep.Questions = rep.Questions[:limit]
	}
	for r, n := range reasons {
		rep.Reasons = append(rep.Reasons, Reason{Reason: r, Count: n})
	}
	sort.Slice(rep.Reasons, func(i, j int) bool {
		if rep.Reasons[i].Count != rep.Reasons[j].Count {
			return rep.Reasons[i].Count > rep.Reasons[j].Count
		}
		return rep.Reasons[i].Reason < rep.Reasons[j].Reason
	})
	return rep
}

func containsID(ids []uint64, id uint64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
