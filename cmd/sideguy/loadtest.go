package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/loadtest"
)

// loadtestUsage is the subcommand's help.
const loadtestUsage = `sideguy loadtest: post signed Twilio webhooks over loopback from many texters
(each text from a new number) and report throughput and latency.

  sideguy loadtest [--baseline bare|durable|full] [--concurrency C | --rate N] [--duration D]
  sideguy loadtest --target URL [--public-url URL] [--auth-token T] [--concurrency C | --rate N]
  sideguy loadtest --compare [--concurrency C] [--rate N] [--duration D]

Without --target it starts the system itself on loopback: bare (echo, constant
TwiML), durable (bare plus one bbolt write per request) or full (the real
sideguy serve, the default), each as a child process of this binary.
--compare runs bare, durable and full at --concurrency (default 32), then at
--rate (default 200 req/s), and checks the product goals.

`

// loadtest runs `sideguy loadtest`.
func (m *Main) loadtest(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	fl.Usage = func() { fmt.Fprint(m.Stderr, loadtestUsage); fl.PrintDefaults() }
	target := fl.String("target", "", "drive this running server (base URL, e.g. http://127.0.0.1:8080)")
	publicURL := fl.String("public-url", "", "the server's SIDEGUY_PUBLIC_URL, to sign over (default: --target)")
	authToken := fl.String("auth-token", m.env("TWILIO_AUTH_TOKEN", ""), "the server's TWILIO_AUTH_TOKEN, to sign with (TWILIO_AUTH_TOKEN)")
	rate := fl.Float64("rate", 0, "open loop: send this many requests per second, however the server copes")
	concurrency := fl.Int("concurrency", 32, "closed loop: this many texters, each sending as soon as answered (max throughput)")
	duration := fl.Duration("duration", 10*time.Second, "how long to measure")
	warmup := fl.Duration("warmup", time.Second, "load before measuring, not counted")
	baseline := fl.String("baseline", "", "start this system and drive it: bare, durable or full (default full)")
	compare := fl.Bool("compare", false, "run bare, durable and full one after another and compare them against the goals")
	asJSON := fl.Bool("json", false, "print the results as JSON")
	vary := fl.Bool("vary", false, "make every text new (each letter's case varied), so nothing the server remembers of earlier texts helps")
	inProcess := fl.Bool("in-process", false, "run the bare and durable baselines in this process instead of child processes")
	serveBaseline := fl.String("serve-baseline", "", "(used by loadtest itself) serve this baseline on --addr until interrupted")
	addr := fl.String("addr", "127.0.0.1:0", "(with --serve-baseline) address to listen on")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return errSilent
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })

	if *serveBaseline != "" {
		l, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		return loadtest.ServeBaseline(ctx, *serveBaseline, l)
	}
	if *duration <= 0 || *warmup < 0 {
		return errors.New("--duration must be positive and --warmup not negative")
	}
	if set["concurrency"] && *concurrency <= 0 {
		return errors.New("--concurrency must be positive")
	}
	exe, err := os.Executable()
	if err != nil && *target == "" {
		return fmt.Errorf("find this binary to start the systems under test: %w", err)
	}
	start := func(ctx context.Context, kind string) (*loadtest.System, error) {
		switch {
		case kind == loadtest.Full:
			return loadtest.StartFull(ctx, exe)
		case *inProcess:
			return loadtest.StartBaseline(kind)
		default:
			return loadtest.StartBaselineChild(ctx, exe, kind)
		}
	}

	if *compare {
		if *target != "" || *baseline != "" {
			return errors.New("--compare starts its own systems: leave out --target and --baseline")
		}
		if *rate == 0 {
			*rate = 200
		}
		if *rate < 0 {
			return errors.New("--rate must be positive")
		}
		cmp, err := loadtest.Compare(ctx, loadtest.CompareConfig{Concurrency: *concurrency, Rate: *rate,
			Duration: *duration, Warmup: *warmup, Start: start, Vary: *vary, Progress: m.Stderr})
		if err != nil {
			return err
		}
		if *asJSON {
			return m.printJSON(cmp)
		}
		cmp.WriteTable(m.Stdout)
		return nil
	}

	if *rate < 0 {
		return errors.New("--rate must be positive")
	}
	if *rate > 0 && set["concurrency"] {
		return errors.New("give --rate (open loop) or --concurrency (closed loop), not both")
	}
	load := loadtest.Config{Rate: *rate, Duration: *duration, Warmup: *warmup, Vary: *vary}
	if *rate == 0 {
		load.Concurrency = *concurrency
	}
	var res loadtest.Result
	switch {
	case *target != "":
		if *baseline != "" {
			return errors.New("give --target (a running server) or --baseline (start one), not both")
		}
		if *authToken == "" {
			return errors.New("--auth-token (or TWILIO_AUTH_TOKEN) is needed to sign the webhooks")
		}
		load.Target, load.PublicURL, load.AuthToken = strings.TrimRight(*target, "/"), *publicURL, *authToken
		fmt.Fprintf(m.Stderr, "driving %s for %s (+%s warm-up)...\n", load.Target, load.Duration, load.Warmup)
		if res, err = loadtest.Run(ctx, load); err != nil {
			return err
		}
		res.System = load.Target
	default:
		kind := *baseline
		if kind == "" {
			kind = loadtest.Full
		}
		if kind != loadtest.Bare && kind != loadtest.Durable && kind != loadtest.Full {
			return fmt.Errorf("--baseline %q: want bare, durable or full", kind)
		}
		if res, err = loadtest.Measure(ctx, start, kind, load, m.Stderr); err != nil {
			return err
		}
	}
	if *asJSON {
		return m.printJSON(res)
	}
	loadtest.WriteResults(m.Stdout, []loadtest.Result{res})
	return nil
}
