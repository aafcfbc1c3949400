package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Result is what loading a knowledge directory found.
type Result struct {
	Entries  []domain.Entry
	Problems []Problem
}

// Errors returns the problems that are not warnings.
func (r Result) Errors() []Problem {
	var errs []Problem
	for _, p := range r.Problems {
		if !p.Warning {
			errs = append(errs, p)
		}
	}
	return errs
}

// Check reads every *.md file under fsys (README.md excepted) and reports each
// problem. Entries with problems are left out of Entries.
func Check(fsys fs.FS) (Result, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.EqualFold(path.Base(p), "README.md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return Result{}, fmt.Errorf("list knowledge files: %w", err)
	}
	sort.Strings(files)
	var res Result
	var all []parsed
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return Result{}, fmt.Errorf("read %s: %w", name, err)
		}
		p, prob := parseFile(name, data)
		if prob != nil {
			res.Problems = append(res.Problems, *prob)
			continue
		}
		probs := checkEntry(p)
		res.Problems = append(res.Problems, probs...)
		all = append(all, p)
	}
	res.Problems = append(res.Problems, checkAll(all)...)
	bad := map[string]bool{}
	for _, p := range res.Problems {
		if !p.Warning {
			bad[p.File] = true
		}
	}
	for _, p := range all {
		if !bad[p.entry.File] {
			res.Entries = append(res.Entries, p.entry)
		}
	}
	if len(files) == 0 {
		res.Problems = append(res.Problems, Problem{File: ".", Msg: "no knowledge files (*.md) found"})
	}
	return res, nil
}

// Load reads the knowledge base and fails on any problem, naming them all.
func Load(fsys fs.FS) ([]domain.Entry, error) {
	res, err := Check(fsys)
	if err != nil {
		return nil, err
	}
	if errs := res.Errors(); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, p := range errs {
			msgs[i] = p.String()
		}
		return nil, errors.New("knowledge base has problems:\n" + strings.Join(msgs, "\n"))
	}
	return res.Entries, nil
}
