package decide_test

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/loadtest"
)

// BenchmarkDecide times the decision on the load test's mix of texts
// (loadtest.Questions: in-scope questions with shorthand and typos, ones that
// go to the operator, small talk), one question per iteration, in turn.
// Turn is what the assistant calls on a texter's first text; Decide is the
// single-question decision under it.
func BenchmarkDecide(b *testing.B) {
	d := newDecider(b)
	qs := loadtest.Questions
	// The mix must exercise both paths: answers and hand-offs.
	answered := 0
	for _, q := range qs {
		dec, err := d.Turn(q, domain.Context{})
		if err != nil {
			b.Fatal(err)
		}
		if dec.Action == domain.ActionAnswer {
			answered++
		}
	}
	if answered == 0 || answered == len(qs) {
		b.Fatalf("%d of %d questions answered: the mix is not a mix", answered, len(qs))
	}
	// Turn and Decide repeat the mix, as a busy line hears the same texts
	// again: the normaliser and the search remember recent texts. TurnNew
	// sends every text new (loadtest.Vary, the load test's --vary), so each
	// decision is made in full.
	b.Run("TurnNew", func(b *testing.B) {
		b.ReportAllocs()
		var n uint64
		for b.Loop() {
			n++
			if _, err := d.Turn(loadtest.Vary(qs[n%uint64(len(qs))], n), domain.Context{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Turn", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := d.Turn(qs[i%len(qs)], domain.Context{}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("Decide", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := d.Decide(qs[i%len(qs)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// BenchmarkDecideModel times the first-text decision as the service makes it,
// with the model learned from the development set, beside the same decision
// without it: the model checks every confident match and answers what the
// words leave unsure, so this is its cost on the webhook's path. Texts are
// sent new each time (loadtest.Vary), so each decision is made in full.
// Learning the model (seconds) is not timed.
func BenchmarkDecideModel(b *testing.B) {
	m := learnDev(b, knowledgetest.New(b))
	// Each side has an engine of its own: the normaliser and the index
	// remember recent texts, and the side run second must not find the
	// first side's texts there.
	without, with := knowledgetest.New(b), knowledgetest.New(b)
	qs := loadtest.Questions
	for _, c := range []struct {
		name string
		d    *decide.Decider
	}{
		{"Without", decide.New(without.Index, without.Norm, decide.DefaultThresholds())},
		{"With", decide.New(with.Index, with.Norm, decide.DefaultThresholds(), decide.WithModel(m))},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var n uint64
			for b.Loop() {
				n++
				if _, err := c.d.Turn(loadtest.Vary(qs[n%uint64(len(qs))], n), domain.Context{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
