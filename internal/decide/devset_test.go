package decide_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/eval"
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

// TestDevSet keeps the line's accuracy on the committed development set from
// sliding back. The floors are what the decision reached when it was tuned.
func TestDevSet(t *testing.T) {
	cases, err := eval.Load(os.DirFS("../../knowledge/eval"), "dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 100 {
		t.Fatalf("development set has %d questions, want at least 100", len(cases))
	}
	rep, err := eval.Run(newDecider(t), cases)
	if err != nil {
		t.Fatal(err)
	}
	logReport(t, rep)
	// Reached with DefaultThresholds: 115 of 120 in-scope questions answered
	// with an accepted entry, no wrong answer, all 50 out-of-scope ones escalated.
	const (
		minInScopeCorrect = 115.0 / 120
		maxWrong          = 0
		minOutOfScopeHeld = 50.0 / 50
	)
	if got := rep.InScope.Rate(rep.InScope.Correct); got < minInScopeCorrect {
		t.Errorf("in-scope questions answered correctly: %.3f, want at least %.3f", got, minInScopeCorrect)
	}
	if got := rep.OutOfScope.Rate(rep.OutOfScope.Correct); got < minOutOfScopeHeld {
		t.Errorf("out-of-scope questions escalated: %.3f, want at least %.3f", got, minOutOfScopeHeld)
	}
	if got := rep.InScope.Wrong + rep.OutOfScope.Wrong; got > maxWrong {
		t.Errorf("wrong answers: %d, want at most %d", got, maxWrong)
	}
}

// logReport logs the summary and, with SIDEGUY_EVAL_VERBOSE set, every question
// the line escalated or answered wrongly.
func logReport(t *testing.T, rep eval.Report) {
	t.Helper()
	t.Log("\n" + rep.Summary())
	if os.Getenv("SIDEGUY_EVAL_VERBOSE") != "" {
		for _, o := range rep.Outcomes {
			if o.Result == "escalated" || o.Result == "wrong" {
				t.Logf("%-9s %-60q want %-25s got %s %s (%.2f) %s", o.Result, o.Case.Text, o.Case.Expect, o.Decision.Action, o.Decision.Candidate, o.Decision.Score, o.Decision.Reason)
			}
		}
	}
}

// TestExtraSet reports on a question set outside the repository, named by
// SIDEGUY_EVAL_FILE (same format as dev.yaml), to check that tuning generalises.
// It only reports; it fails on nothing but unreadable input.
func TestExtraSet(t *testing.T) {
	path := os.Getenv("SIDEGUY_EVAL_FILE")
	if path == "" {
		t.Skip("set SIDEGUY_EVAL_FILE to a question set to run it")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := eval.Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Run(newDecider(t), cases)
	if err != nil {
		t.Fatal(err)
	}
	logReport(t, rep)
}
