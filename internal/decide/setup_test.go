package decide_test

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
)

func newDecider(t testing.TB) *decide.Decider {
	t.Helper()
	e := knowledgetest.New(t)
	return decide.New(e.Index, e.Norm, decide.DefaultThresholds())
}
