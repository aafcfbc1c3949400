package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/sideguy/sideguy-text/internal/kb"
)

const kbUsage = "usage: sideguy kb check [--knowledge DIR] | sideguy kb export [--url URL] DIR | sideguy kb stats [--url URL] [--days N]"

// kb runs knowledge-base tools: `kb check` and `kb export`.
func (m *Main) kb(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return errors.New(kbUsage)
	}
	switch args[0] {
	case "check":
		return m.kbCheck(ctx, args)
	case "stats":
		return m.kbStats(ctx, args[1:])
	case "export":
		return m.kbExport(ctx, args[1:])
	}
	return errors.New(kbUsage)
}

func (m *Main) kbCheck(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("kb check", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	dir := fl.String("knowledge", m.env("SIDEGUY_KNOWLEDGE_DIR", ""), "check this directory instead of the embedded copy")
	if err := fl.Parse(args[1:]); err != nil {
		return err
	}
	fsys, source, err := knowledgeFS(*dir)
	if err != nil {
		return err
	}
	res, err := kb.Check(fsys)
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintln(m.Stdout, p.String())
	}
	if errs := res.Errors(); len(errs) > 0 {
		fmt.Fprintf(m.Stdout, "%s: %d problem(s) in the knowledge base\n", source, len(errs))
		return errSilent
	}
	ids := make([]string, len(res.Entries))
	for i, e := range res.Entries {
		ids[i] = e.ID
	}
	warnings, err := coverageWarnings(ctx, *dir, ids)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(m.Stdout, w)
	}
	fmt.Fprintf(m.Stdout, "%s: %d entries, no errors, %d warning(s)\n", source, len(res.Entries), len(warnings))
	return nil
}
