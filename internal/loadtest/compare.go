package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// The product goals a comparison checks.
const (
	// GoalThroughputRatio: the full service at max throughput does at least
	// this share of what the bare baseline does.
	GoalThroughputRatio = 0.30
	// GoalP99Ratio: at the open-loop rate, the full service's p99 is at most
	// this many times the durable baseline's.
	GoalP99Ratio = 3.0
)

// Starter starts a system by kind (Bare, Durable or Full).
type Starter func(ctx context.Context, kind string) (*System, error)

// CompareConfig is one comparison: every system at Concurrency (max
// throughput), then every system at Rate (open loop), each on a fresh start.
type CompareConfig struct {
	Concurrency      int
	Rate             float64
	Duration, Warmup time.Duration
	Start            Starter
	// Vary sends every text new (Config.Vary).
	Vary bool
	// Progress, when set, is told what runs.
	Progress io.Writer
}

// Comparison is the result of Compare.
type Comparison struct {
	Concurrency     int      `json:"concurrency"`
	Rate            float64  `json:"rate"`
	DurationSeconds float64  `json:"duration_seconds"`
	WarmupSeconds   float64  `json:"warmup_seconds"`
	CPUs            int      `json:"cpus"`
	Vary            bool     `json:"vary"`
	Results         []Result `json:"results"`
	// ThroughputRatio is full / bare throughput at Concurrency.
	ThroughputRatio float64 `json:"full_over_bare_throughput"`
	ThroughputGoal  float64 `json:"full_over_bare_throughput_goal_min"`
	ThroughputMet   bool    `json:"full_over_bare_throughput_met"`
	// P99Ratio is full / durable p99 at Rate.
	P99Ratio float64 `json:"full_over_durable_p99_at_rate"`
	P99Goal  float64 `json:"full_over_durable_p99_at_rate_goal_max"`
	P99Met   bool    `json:"full_over_durable_p99_at_rate_met"`
}

// Compare runs the comparison.
func Compare(ctx context.Context, cfg CompareConfig) (Comparison, error) {
	cmp := Comparison{Concurrency: cfg.Concurrency, Rate: cfg.Rate, DurationSeconds: cfg.Duration.Seconds(),
		WarmupSeconds: cfg.Warmup.Seconds(), CPUs: runtime.NumCPU(), Vary: cfg.Vary, ThroughputGoal: GoalThroughputRatio, P99Goal: GoalP99Ratio}
	if cfg.Concurrency <= 0 || cfg.Rate <= 0 {
		return cmp, errors.New("loadtest: a comparison needs a concurrency and a rate")
	}
	byKey := map[string]Result{}
	for _, load := range []Config{{Concurrency: cfg.Concurrency, Vary: cfg.Vary}, {Rate: cfg.Rate, Vary: cfg.Vary}} {
		for _, kind := range Kinds {
			load.Duration, load.Warmup = cfg.Duration, cfg.Warmup
			r, err := Measure(ctx, cfg.Start, kind, load, cfg.Progress)
			if err != nil {
				return cmp, err
			}
			cmp.Results = append(cmp.Results, r)
			byKey[r.Mode+"/"+kind] = r
		}
	}
	bare, full := byKey["closed/"+Bare], byKey["closed/"+Full]
	if bare.Throughput > 0 {
		cmp.ThroughputRatio = full.Throughput / bare.Throughput
	}
	durable, fullAt := byKey["open/"+Durable], byKey["open/"+Full]
	if durable.P99Ms > 0 {
		cmp.P99Ratio = fullAt.P99Ms / durable.P99Ms
	}
	// Failed requests are in the table; throughput counts only good replies.
	cmp.ThroughputMet = cmp.ThroughputRatio >= GoalThroughputRatio
	cmp.P99Met = cmp.P99Ratio > 0 && cmp.P99Ratio <= GoalP99Ratio
	return cmp, nil
}

// Measure starts a fresh system of kind, drives it with load (Target, keys and
// token filled in), and stops it.
func Measure(ctx context.Context, start Starter, kind string, load Config, progress io.Writer) (Result, error) {
	if progress != nil {
		what := fmt.Sprintf("concurrency %d", load.Concurrency)
		if load.Rate > 0 {
			what = fmt.Sprintf("%g req/s", load.Rate)
		}
		fmt.Fprintf(progress, "%-8s %s for %s (+%s warm-up)...\n", kind, what, load.Duration, load.Warmup)
	}
	sys, err := start(ctx, kind)
	if err != nil {
		return Result{}, err
	}
	load.Target, load.PublicURL, load.AuthToken = sys.URL, sys.PublicURL, sys.AuthToken
	before, load1 := sys.LogLines(), loadAverage()
	cpu0, ok0 := sys.CPU()
	r, err := Run(ctx, load)
	r.System = kind
	r.ServerLogLines = sys.LogLines() - before
	if cpu1, ok1 := sys.CPU(); ok0 && ok1 && r.ended > 0 {
		r.ServerCPUMsPerRequest = math.Round(float64(cpu1-cpu0)/float64(r.ended)/1e3) / 1e3
	}
	if load1 != "" {
		r.LoadAverage = load1 + "->" + loadAverage()
	}
	if cerr := sys.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("stop %s: %w", kind, cerr)
	}
	return r, err
}

// WriteResults prints results as a table.
func WriteResults(w io.Writer, results []Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "system\tload\trequests\tok\tnon-200\terrors\ttry-again\tdropped\treq/s\tp50 ms\tp99 ms\tmax ms\tserver cpu ms/req\tmachine load avg\t")
	for _, r := range results {
		cpu := "-"
		if r.ServerCPUMsPerRequest > 0 {
			cpu = fmt.Sprintf("%.3f", r.ServerCPUMsPerRequest)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%s\t%s\t\n", r.System, r.Describe(), r.Requests, r.OK,
			r.Non200, r.Errors, r.TryAgain, r.Dropped, r.Throughput, r.P50Ms, r.P99Ms, r.MaxMs, cpu, r.LoadAverage)
	}
	tw.Flush()
	for _, r := range results {
		var notes []string
		if r.FirstError != "" {
			notes = append(notes, "first error: "+r.FirstError)
		}
		if r.Errors > 0 {
			notes = append(notes, "failed requests count in the latencies at the time they failed (a timeout at 15 s), so an overloaded server's p99 and max are lower bounds")
		}
		if r.Silent > 0 {
			notes = append(notes, fmt.Sprintf("%d answered with no message (<Response/>)", r.Silent))
		}
		if r.ServerLogLines > 0 {
			notes = append(notes, fmt.Sprintf("the server logged %d lines", r.ServerLogLines))
		}
		if len(notes) > 0 {
			fmt.Fprintf(w, "  %s %s: %s\n", r.System, r.Describe(), strings.Join(notes, "; "))
		}
	}
}

// WriteTable prints the comparison: raw numbers, then the ratios against the goals.
func (c Comparison) WriteTable(w io.Writer) {
	texts := "the question mix, repeated"
	if c.Vary {
		texts = "every text new (--vary)"
	}
	fmt.Fprintf(w, "%d CPUs; each system started fresh; %gs measured after %gs warm-up; req/s counts 200 TwiML replies; texts: %s\n\n",
		c.CPUs, c.DurationSeconds, c.WarmupSeconds, texts)
	WriteResults(w, c.Results)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "full / bare throughput at c=%d:        %.3f  (goal >= %.2f: %s)\n", c.Concurrency, c.ThroughputRatio,
		c.ThroughputGoal, verdict(c.ThroughputMet, c.ThroughputRatio/c.ThroughputGoal, true))
	fmt.Fprintf(w, "full / durable p99 at %g req/s:       %.2f   (goal <= %.1f: %s)\n", c.Rate, c.P99Ratio,
		c.P99Goal, verdict(c.P99Met, c.P99Ratio/c.P99Goal, false))
}

// verdict says met or missed, and by how much (f is the value over the goal).
func verdict(met bool, f float64, atLeast bool) string {
	if met {
		return "met"
	}
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return "MISSED"
	}
	if atLeast {
		return fmt.Sprintf("MISSED: %.0f%% of the goal", f*100)
	}
	return fmt.Sprintf("MISSED: %.1fx the goal", f)
}
