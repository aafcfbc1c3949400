package decide_test

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/classify"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/eval"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/knowledge"
)

func newDecider(t testing.TB) *decide.Decider {
	t.Helper()
	e := knowledgetest.New(t)
	return decide.New(e.Index, e.Norm, decide.DefaultThresholds())
}

// learnDev trains the model on the shipped development set, as the service
// does at start-up.
func learnDev(tb testing.TB, e knowledgetest.Engine) *classify.Model {
	tb.Helper()
	cases, err := eval.Load(knowledge.Eval(), "dev.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	m, err := decide.Learn(cases, e.Norm, func(id string) bool { _, ok := e.Index.Entry(id); return ok })
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
