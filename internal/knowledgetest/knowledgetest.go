// Package knowledgetest builds the shipped knowledge base's index for tests:
// the real entries, normaliser and bleve index, closed when the test ends.
package knowledgetest

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/textnorm"
	"github.com/sideguy/sideguy-text/knowledge"
)

// Engine is the shipped knowledge, loaded and indexed.
type Engine struct {
	Entries []domain.Entry
	Norm    *textnorm.Normalizer
	Index   *search.Index
}

// New loads and indexes the shipped knowledge; the index is closed when tb
// ends.
func New(tb testing.TB) Engine {
	tb.Helper()
	entries, err := kb.Load(knowledge.Entries())
	if err != nil {
		tb.Fatal(err)
	}
	norm := textnorm.New()
	ix, err := search.New(entries, norm)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return Engine{Entries: entries, Norm: norm, Index: ix}
}
