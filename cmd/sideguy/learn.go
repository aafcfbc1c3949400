package main

import (
	"fmt"

	"github.com/sideguy/sideguy-text/internal/classify"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/eval"
	"github.com/sideguy/sideguy-text/internal/textnorm"
	"github.com/sideguy/sideguy-text/knowledge"
)

// trainingSet is the question set the line learns from: the development
// set, never the check or held-out sets it is measured on.
const trainingSet = "dev.yaml"

// learnModel trains the model that answers what the entries' words leave
// unsure on the texts of cases answered by these entries (nil: the shipped
// development set).
func learnModel(entries []domain.Entry, norm *textnorm.Normalizer, cases []eval.Case) (*classify.Model, error) {
	source := "the given texts"
	if cases == nil {
		var err error
		if cases, err = eval.Load(knowledge.Eval(), trainingSet); err != nil {
			return nil, fmt.Errorf("learn: %w", err)
		}
		source = trainingSet
	}
	known := map[string]bool{}
	for _, e := range entries {
		known[e.ID] = true
	}
	m, err := decide.Learn(cases, norm, func(id string) bool { return known[id] })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return m, nil
}
