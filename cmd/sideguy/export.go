package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
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
	base := fl.String("url", "http://"+localAddr(m.env("SIDEGUY_ADDR", ":8080")), "the running server")
	token := fl.String("token", m.env("SIDEGUY_OPERATOR_TOKEN", ""), "operator token (SIDEGUY_OPERATOR_TOKEN)")
	dataDir := fl.String("data-dir", m.env("SIDEGUY_DATA_DIR", "./data"), "database directory, when no server runs")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("usage: sideguy kb export [--url URL] DIR")
	}
	entries, via, err := m.taughtFromAPI(ctx, *base, *token)
	if errors.Is(err, syscall.ECONNREFUSED) {
		entries, via, err = taughtFromDB(filepath.Join(*dataDir, dbFile))
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

func (m *Main) taughtFromAPI(ctx context.Context, base, token string) ([]domain.Entry, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/knowledge?taught=1", nil)
	if err != nil {
		return nil, "", fmt.Errorf("server URL: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) {
			return nil, "", fmt.Errorf("no server at %s: %w", base, syscall.ECONNREFUSED)
		}
		return nil, "", fmt.Errorf("ask the server: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("the server at %s answered %s (is SIDEGUY_OPERATOR_TOKEN set?)", base, resp.Status)
	}
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
