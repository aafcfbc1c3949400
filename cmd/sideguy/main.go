// Command sideguy is SideGuy Text: the SMS question-and-answer line. It serves
// Twilio's webhooks and the operator API, answers questions from the command
// line, and checks the knowledge base.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// The live heap is small (the knowledge index and a few buffers), so
		// collecting less often costs little memory and saves CPU on every
		// request: 20% more webhooks per second under load (README, Load).
		debug.SetGCPercent(defaultGOGC)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	os.Exit(m.Run(ctx, os.Args[1:]))
}

// defaultGOGC is the garbage collector's target when GOGC is not set.
const defaultGOGC = 400

// Main runs one subcommand. Its fields are the process's surroundings, so tests
// can run the whole program in process.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// OnListen, when set, is told the address serve listens on.
	OnListen func(addr string)
}

const usage = `sideguy: SideGuy Text, the SMS question-and-answer line

Usage:
  sideguy serve [--dev] [--addr ADDR] [--data-dir DIR] [--knowledge DIR]
  sideguy ask [--json] [--knowledge DIR] "question"
  sideguy eval [--json] [-v] [--sweep | --folds N] [--min-confidence X] [--min-learned X] [--knowledge DIR] FILE
  sideguy kb check [--knowledge DIR]
  sideguy kb export [--url URL] DIR
  sideguy kb stats [--url URL] [--days N] [--json]
  sideguy healthcheck [--url URL]
  sideguy backup [--url URL] FILE
  sideguy loadtest [--compare] [--baseline bare|durable|full | --target URL] [--concurrency C | --rate N] [--duration D] [--json]
  sideguy hash-password              (reads a password on stdin, prints SIDEGUY_OPERATOR_PASSWORD_HASH)
  sideguy version

Configuration comes from the environment; see README.md.
`

// Run runs the subcommand in args and returns the exit code.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = m.serve(ctx, args[1:])
	case "ask":
		err = m.ask(args[1:])
	case "backup":
		err = m.backup(ctx, args[1:])
	case "eval":
		err = m.evalCmd(ctx, args[1:])
	case "kb":
		err = m.kb(ctx, args[1:])
	case "hash-password":
		err = m.hashPassword()
	case "healthcheck":
		err = m.healthcheck(ctx, args[1:])
	case "loadtest":
		err = m.loadtest(ctx, args[1:])
	case "version", "--version", "-v":
		fmt.Fprintln(m.Stdout, version())
	case "help", "--help", "-h":
		fmt.Fprint(m.Stdout, usage)
	default:
		fmt.Fprintf(m.Stderr, "sideguy: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		if err != errSilent {
			fmt.Fprintf(m.Stderr, "sideguy %s: %v\n", args[0], err)
		}
		return 1
	}
	return 0
}

// errSilent fails a command that already said why.
var errSilent = fmt.Errorf("failed")

// printJSON writes v to standard output as indented JSON, "->" and "<" as
// they are.
func (m *Main) printJSON(v any) error {
	enc := json.NewEncoder(m.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
