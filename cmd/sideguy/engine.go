package main

import (
	"fmt"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// engine is the knowledge base, its index and the decision over it.
type engine struct {
	source  string
	entries []domain.Entry
	norm    *textnorm.Normalizer
	index   *search.Index
	decider *decide.Decider
}

// loadEngine loads the knowledge base (embedded, or dir) and indexes it.
func loadEngine(dir string) (*engine, error) {
	fsys, source, err := knowledgeFS(dir)
	if err != nil {
		return nil, err
	}
	entries, err := kb.Load(fsys)
	if err != nil {
		return nil, fmt.Errorf("load knowledge (%s): %w", source, err)
	}
	norm := textnorm.New()
	ix, err := search.New(entries, norm)
	if err != nil {
		return nil, fmt.Errorf("index knowledge: %w", err)
	}
	return &engine{source: source, entries: entries, norm: norm, index: ix, decider: decide.New(ix, norm, decide.DefaultThresholds())}, nil
}

func (e *engine) Close() error { return e.index.Close() }
