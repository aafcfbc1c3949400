package decide_test

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/textnorm"
	"github.com/sideguy/sideguy-text/knowledge"
)

func newDecider(t testing.TB) *decide.Decider {
	t.Helper()
	entries, err := kb.Load(knowledge.Entries())
	if err != nil {
		t.Fatal(err)
	}
	norm := textnorm.New()
	ix, err := search.New(entries, norm)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return decide.New(ix, norm, decide.DefaultThresholds())
}
