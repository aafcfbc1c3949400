package main

import (
	"fmt"
	"strconv"
	"strings"

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

// loadEngine loads the knowledge base (embedded, or dir) and indexes it; the
// decision answers at minConfidence and above (0: the default).
func loadEngine(dir string, minConfidence float64) (*engine, error) {
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
	th := decide.DefaultThresholds()
	if minConfidence > 0 {
		th.MinScore = minConfidence
	}
	return &engine{source: source, entries: entries, norm: norm, index: ix, decider: decide.New(ix, norm, th)}, nil
}

// parseConfidence reads a confidence threshold: a number above 0 and at
// most 1, or "" for the default (0).
func parseConfidence(name, v string) (float64, error) {
	if strings.TrimSpace(v) == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f <= 0 || f > 1 {
		return 0, fmt.Errorf("%s is %q: want a number above 0 and at most 1, like 0.6 (see `sideguy eval --sweep`)", name, v)
	}
	return f, nil
}

func (e *engine) Close() error { return e.index.Close() }
