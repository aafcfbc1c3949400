package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/library"
	"github.com/sideguy/sideguy-text/internal/store"
)

// kbExport writes the taught entries as knowledge files: through the running
// server's API, or straight from the database when no server runs.
func (m *Main) kbExport(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("kb export", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	srv := m.addServerFlags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("usage: sideguy kb export [--url URL] DIR")
	}
	entries, via, err := taughtFromAPI(ctx, srv)
	if errors.Is(err, errNoServer) {
		entries, via, err = taughtFromDB(srv.dbPath())
	}
	if err != nil {
		return err
	}
	paths, err := kb.Export(fl.Arg(0), entries)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(m.Stdout, p)
	}
	fmt.Fprintf(m.Stdout, "exported %d taught entries (%s) to %s\n", len(paths), via, fl.Arg(0))
	return nil
}

func taughtFromAPI(ctx context.Context, srv *serverFlags) ([]domain.Entry, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	resp, err := srv.get(ctx, "/api/v1/knowledge?taught=1")
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	var body struct {
		Entries []library.Item `json:"entries"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, "", fmt.Errorf("read the server's answer: %w", err)
	}
	out := make([]domain.Entry, len(body.Entries))
	for i, it := range body.Entries {
		out[i] = it.Entry
	}
	return out, "from the running server", nil
}

func taughtFromDB(path string) ([]domain.Entry, string, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, "", fmt.Errorf("no server answers and no database at %s: %w", path, err)
	}
	st, err := store.Open(path, store.Options{LockTimeout: time.Second})
	if err != nil {
		return nil, "", err
	}
	defer st.Close()
	entries, err := st.TaughtEntries()
	return entries, "from " + path, err
}
