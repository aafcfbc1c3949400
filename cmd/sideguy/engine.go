package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/sideguy/sideguy-text/internal/classify"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/eval"
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
	// model is what the decision learned (nil when it is off).
	model *classify.Model
}

// tuning overrides the decision's default thresholds; 0 keeps a default.
type tuning struct {
	// MinConfidence is the least confidence that answers.
	MinConfidence float64
	// MinLearned is the least probability with which the learned model
	// answers what the entries' words leave unsure; 1 turns the model off.
	MinLearned float64
	// training, when set, is what the model learns from instead of the
	// shipped development set (eval --folds).
	training []eval.Case
	// model, when set, is used as learned already (eval --sweep learns once
	// for every threshold).
	model *classify.Model
}

// loadEngine loads the knowledge base (embedded, or dir), indexes it and
// learns from the development set.
func loadEngine(dir string, tu tuning) (*engine, error) {
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
	if tu.MinConfidence > 0 {
		th.MinScore = tu.MinConfidence
	}
	if tu.MinLearned > 0 {
		th.MinLearned = tu.MinLearned
	}
	var opts []decide.Option
	var model *classify.Model
	if th.MinLearned < 1 {
		if model = tu.model; model == nil {
			if model, err = learnModel(entries, norm, tu.training); err != nil {
				ix.Close()
				return nil, err
			}
		}
		opts = append(opts, decide.WithModel(model))
	}
	return &engine{source: source, entries: entries, norm: norm, index: ix, decider: decide.New(ix, norm, th, opts...), model: model}, nil
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

// tuningFlags registers --min-confidence and --min-learned; the returned
// function reads them once the flags are parsed.
func (m *Main) tuningFlags(fl *flag.FlagSet) func() (tuning, error) {
	conf := fl.String("min-confidence", m.env("SIDEGUY_MIN_CONFIDENCE", ""), "answer at this confidence (0-1) and above; default "+defaultConfidence())
	learned := fl.String("min-learned", m.env("SIDEGUY_MIN_LEARNED", ""), "let the learned model answer unsure texts at this probability (0-1) and above, 1 for never; default "+defaultLearned())
	return func() (tuning, error) {
		var tu tuning
		var err error
		if tu.MinConfidence, err = parseConfidence("--min-confidence", *conf); err != nil {
			return tu, err
		}
		tu.MinLearned, err = parseConfidence("--min-learned", *learned)
		return tu, err
	}
}

// defaultLearned is the learned model's default threshold, as text.
func defaultLearned() string {
	return strconv.FormatFloat(decide.DefaultThresholds().MinLearned, 'f', -1, 64)
}

func (e *engine) Close() error { return e.index.Close() }
