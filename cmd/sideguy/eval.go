package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/eval"
	"github.com/sideguy/sideguy-text/internal/store"
)

// evalCmd runs a question file through the same conversation the webhook
// uses (a throwaway database, the real index and decision) and reports.
func (m *Main) evalCmd(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	asJSON := fl.Bool("json", false, "print the report as JSON")
	verbose := fl.Bool("v", false, "list every question that was not answered right (with --folds: by the learned model)")
	dir := fl.String("knowledge", m.env("SIDEGUY_KNOWLEDGE_DIR", ""), "load knowledge files from this directory")
	readTuning := m.tuningFlags(fl)
	folds := fl.Int("folds", 0, "cross-validate the learned model: split FILE into this many parts and answer each with a model learned from the others, beside the rules alone")
	sweep := fl.Bool("sweep", false, "run the file at every confidence threshold from 0.40 to 0.90 and print what each gives (calibration)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("usage: sideguy eval [--json] [-v] [--sweep] [--folds N] [--min-confidence X] [--min-learned X] [--knowledge DIR] FILE")
	}
	tu, err := readTuning()
	if err != nil {
		return err
	}
	file := fl.Arg(0)
	cases, err := eval.Load(os.DirFS(filepath.Dir(file)), filepath.Base(file))
	if err != nil {
		return err
	}
	if *folds != 0 {
		return m.crossValidate(ctx, *dir, tu, cases, *folds, *asJSON, *verbose)
	}
	if *sweep {
		return m.sweep(ctx, *dir, tu, cases, *asJSON)
	}
	rep, err := runEval(ctx, *dir, tu, cases)
	if err != nil {
		return err
	}
	if *asJSON {
		return m.printJSON(rep)
	}
	fmt.Fprintf(m.Stdout, "%s: %d questions\n%s", file, len(cases), rep.Summary())
	if *verbose {
		printMisses(m.Stdout, rep)
	}
	return nil
}

func printMisses(w io.Writer, rep eval.Report) {
	for _, o := range rep.Outcomes {
		if o.Result != eval.Correct {
			fmt.Fprintf(w, "%-9s %-70q want %-28s got %s %s (%.2f) %s\n", o.Result, o.Case.Text, o.Case.Expect,
				o.Action, strings.Join(o.Entries, "&"), o.Score, o.Reason)
		}
	}
}

// runEval builds the line over a throwaway database and runs the cases.
func runEval(ctx context.Context, knowledgeDir string, tu tuning, cases []eval.Case) (eval.Report, error) {
	eng, err := loadEngine(knowledgeDir, tu)
	if err != nil {
		return eval.Report{}, err
	}
	defer eng.Close()
	tmp, err := os.MkdirTemp("", "sideguy-eval-")
	if err != nil {
		return eval.Report{}, fmt.Errorf("temporary database: %w", err)
	}
	defer os.RemoveAll(tmp)
	clock := time.Date(2026, 6, 9, 10, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	st, err := store.Open(filepath.Join(tmp, "eval.db"), store.Options{Now: now})
	if err != nil {
		return eval.Report{}, err
	}
	defer st.Close()
	asst, err := assistant.New(assistant.Config{Store: st, Decider: eng.decider, Entries: eng.index,
		Now: now, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return eval.Report{}, err
	}
	n := 0
	line := func(ctx context.Context, phone, text string) (domain.Reply, error) {
		n++
		clock = clock.Add(time.Minute)
		return asst.Handle(ctx, domain.Inbound{SID: fmt.Sprintf("SMeval%06d", n), From: phone, Body: text})
	}
	return eval.Run(ctx, line, cases)
}

// crossValidate measures the learned model on texts it has not learned from:
// the cases in n runs of consecutive questions (a file's sets are written
// one after another), each answered by a model learned from the other runs.
// The rules alone answer the whole file beside it.
func (m *Main) crossValidate(ctx context.Context, dir string, tu tuning, cases []eval.Case, n int, asJSON, verbose bool) error {
	if n < 2 || n > len(cases) {
		return fmt.Errorf("--folds %d: want 2 to %d parts", n, len(cases))
	}
	if tu.MinLearned >= 1 {
		return errors.New("--folds measures the learned model, and --min-learned 1 turns it off")
	}
	alone := tu
	alone.MinLearned = 1
	rules, err := runEval(ctx, dir, alone, cases)
	if err != nil {
		return err
	}
	var outcomes []eval.Outcome
	for i := range n {
		lo, hi := i*len(cases)/n, (i+1)*len(cases)/n
		part := tu
		part.training = append(slices.Clone(cases[:lo]), cases[hi:]...)
		rep, err := runEval(ctx, dir, part, cases[lo:hi])
		if err != nil {
			return fmt.Errorf("part %d of %d: %w", i+1, n, err)
		}
		outcomes = append(outcomes, rep.Outcomes...)
	}
	learned := eval.Summarize(outcomes)
	if asJSON {
		return m.printJSON(map[string]eval.Report{"rules": rules, "learned": learned})
	}
	fmt.Fprintf(m.Stdout, "%d questions in %d parts.\n\nThe rules alone:\n%s\nWith a model learned from the other parts:\n%s",
		len(cases), n, rules.Summary(), learned.Summary())
	if verbose {
		printMisses(m.Stdout, learned)
	}
	return nil
}

// defaultConfidence is the default threshold, as text.
func defaultConfidence() string {
	return strconv.FormatFloat(decide.DefaultThresholds().MinScore, 'f', -1, 64)
}

// sweepPoint is what one confidence threshold gives on a question file.
type sweepPoint struct {
	MinConfidence float64 `json:"min_confidence"`
	// InScopeRight is the share of in-scope questions answered right;
	// Wrong the share of all questions answered wrongly (out-of-scope ones
	// answered included); OutAnswered the out-of-scope questions answered
	// with knowledge.
	InScopeRight float64 `json:"in_scope_right"`
	Wrong        float64 `json:"wrong"`
	OutAnswered  int     `json:"out_of_scope_answered"`
}

// sweep runs the cases at each threshold: how confidence trades answers for
// mistakes on this file, which is how the default was chosen.
func (m *Main) sweep(ctx context.Context, dir string, tu tuning, cases []eval.Case, asJSON bool) error {
	// The model does not depend on the confidence threshold: learned once.
	base, err := loadEngine(dir, tu)
	if err != nil {
		return err
	}
	tu.model = base.model
	base.Close()
	var points []sweepPoint
	for i := 0; i <= 10; i++ {
		th := 0.40 + 0.05*float64(i)
		tu.MinConfidence = th
		rep, err := runEval(ctx, dir, tu, cases)
		if err != nil {
			return err
		}
		p := sweepPoint{MinConfidence: math.Round(th*100) / 100, OutAnswered: rep.OutOfScope.Wrong}
		if rep.InScope.Total > 0 {
			p.InScopeRight = float64(rep.InScope.Correct) / float64(rep.InScope.Total)
		}
		if rep.Overall.Total > 0 {
			p.Wrong = float64(rep.Overall.Wrong) / float64(rep.Overall.Total)
		}
		points = append(points, p)
	}
	if asJSON {
		return m.printJSON(points)
	}
	fmt.Fprintf(m.Stdout, "%d questions; default threshold %s (SIDEGUY_MIN_CONFIDENCE)\n", len(cases), defaultConfidence())
	fmt.Fprintf(m.Stdout, "%-15s %-16s %-12s %s\n", "min confidence", "in scope right", "wrong", "out of scope answered")
	for _, p := range points {
		fmt.Fprintf(m.Stdout, "%-15.2f %-16s %-12s %d\n", p.MinConfidence, fmt.Sprintf("%.1f%%", 100*p.InScopeRight),
			fmt.Sprintf("%.1f%%", 100*p.Wrong), p.OutAnswered)
	}
	return nil
}
