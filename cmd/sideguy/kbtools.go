package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/eval"
	"github.com/sideguy/sideguy-text/internal/stats"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/textnorm"
	"github.com/sideguy/sideguy-text/knowledge"
)

// devSet finds the development set that goes with a knowledge directory:
// DIR/eval/dev.yaml or DIR/../eval/dev.yaml, else the embedded one.
func devSet(dir string) (fs.FS, string) {
	if dir == "" {
		return knowledge.Eval(), "dev.yaml"
	}
	for _, d := range []string{filepath.Join(dir, "eval"), filepath.Join(dir, "..", "eval")} {
		if _, err := os.Stat(filepath.Join(d, "dev.yaml")); err == nil {
			return os.DirFS(d), "dev.yaml"
		}
	}
	return nil, ""
}

// coverageWarnings runs the development set and warns about entries no
// question reaches and entries that compete for the same questions.
func coverageWarnings(ctx context.Context, dir string, ids []string) ([]string, error) {
	fsys, name := devSet(dir)
	if fsys == nil {
		return []string{"warning: no development set found next to the knowledge; reach and competition not checked"}, nil
	}
	cases, err := eval.Load(fsys, name)
	if err != nil {
		return nil, err
	}
	rep, err := runEval(ctx, dir, tuning{}, cases)
	if err != nil {
		return nil, err
	}
	reached := map[string]bool{}
	compete := map[[2]string]int{}
	pair := func(a, b string) [2]string {
		if a > b {
			a, b = b, a
		}
		return [2]string{a, b}
	}
	for _, o := range rep.Outcomes {
		for _, id := range o.Entries {
			reached[id] = true
			if o.Result == eval.Wrong && o.Case.InScope() {
				wants := strings.FieldsFunc(o.Case.Expect, func(r rune) bool { return r == '|' || r == '&' })
				if slices.Contains(wants, id) {
					// The right entry among a wrong pair: it competes with
					// nothing, least of all itself.
					continue
				}
				for _, want := range wants {
					compete[pair(want, id)]++
				}
			}
		}
		if o.Action == domain.ActionClarify && len(o.Decision.Options) >= 2 {
			compete[pair(o.Decision.Options[0].ID, o.Decision.Options[1].ID)]++
		}
	}
	var warnings []string
	for _, id := range ids {
		if !reached[id] && !strings.HasPrefix(id, domain.TaughtPrefix) {
			warnings = append(warnings, fmt.Sprintf("warning: %s: no development question reaches this entry; add phrasings or dev questions", id))
		}
	}
	var pairs [][2]string
	for p := range compete {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if compete[pairs[i]] != compete[pairs[j]] {
			return compete[pairs[i]] > compete[pairs[j]]
		}
		return pairs[i][0] < pairs[j][0]
	})
	for _, p := range pairs {
		warnings = append(warnings, fmt.Sprintf("warning: %s and %s compete for the same questions (%d in the development set)", p[0], p[1], compete[p]))
	}
	return warnings, nil
}

// kbStats lists what texters asked that went to the operator most often:
// through the running server's API, or from the database when none runs.
func (m *Main) kbStats(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("kb stats", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	srv := m.addServerFlags(fl)
	days := fl.Int("days", 30, "look back this many days")
	limit := fl.Int("limit", 20, "show at most this many questions")
	asJSON := fl.Bool("json", false, "print JSON")
	if err := fl.Parse(args); err != nil {
		return err
	}
	rep, via, err := statsFromAPI(ctx, srv, *days, *limit)
	if errors.Is(err, errNoServer) {
		rep, via, err = statsFromDB(srv.dbPath(), *days, *limit)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return m.printJSON(rep)
	}
	fmt.Fprintf(m.Stdout, "%d texts went to the operator since %s (%s)\n", rep.Total, rep.Since.Format("2006-01-02"), via)
	for _, q := range rep.Questions {
		fmt.Fprintf(m.Stdout, "%4d  %-60s  %s\n", q.Count, q.Text, q.Reason)
	}
	if len(rep.Reasons) > 0 {
		fmt.Fprintln(m.Stdout, "\nwhy:")
		for _, r := range rep.Reasons {
			fmt.Fprintf(m.Stdout, "%4d  %s\n", r.Count, r.Reason)
		}
	}
	return nil
}

func statsFromAPI(ctx context.Context, srv *serverFlags, days, limit int) (stats.Report, string, error) {
	var rep stats.Report
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	resp, err := srv.get(ctx, fmt.Sprintf("/api/v1/stats/escalations?days=%d&limit=%d", days, limit))
	if err != nil {
		return rep, "", err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&rep); err != nil {
		return rep, "", fmt.Errorf("read the server's answer: %w", err)
	}
	return rep, "from the running server", nil
}

func statsFromDB(path string, days, limit int) (stats.Report, string, error) {
	if _, err := os.Stat(path); err != nil {
		return stats.Report{}, "", fmt.Errorf("no server answers and no database at %s: %w", path, err)
	}
	st, err := store.Open(path, store.Options{LockTimeout: time.Second})
	if err != nil {
		return stats.Report{}, "", err
	}
	defer st.Close()
	since := time.Now().Add(-time.Duration(days) * 24 * time.Hour)
	list, err := st.Escalations(since)
	if err != nil {
		return stats.Report{}, "", err
	}
	return stats.Escalations(list, since, textnorm.New(), limit), "from " + path, nil
}
