package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
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
	verbose := fl.Bool("v", false, "list every question that was not answered right")
	dir := fl.String("knowledge", m.env("SIDEGUY_KNOWLEDGE_DIR", ""), "load knowledge files from this directory")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("usage: sideguy eval [--json] [-v] [--knowledge DIR] FILE")
	}
	file := fl.Arg(0)
	cases, err := eval.Load(os.DirFS(filepath.Dir(file)), filepath.Base(file))
	if err != nil {
		return err
	}
	rep, err := runEval(ctx, *dir, cases)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
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
func runEval(ctx context.Context, knowledgeDir string, cases []eval.Case) (eval.Report, error) {
	eng, err := loadEngine(knowledgeDir)
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
