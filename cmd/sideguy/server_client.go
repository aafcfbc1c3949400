package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"path/filepath"
)

// errNoServer means nothing answers at the server's URL: the command falls back
// to the database file.
var errNoServer = errors.New("no server answers")

// serverFlags are how a command reaches the running server (through its API),
// or its database when no server runs.
type serverFlags struct {
	base, token, dataDir string
}

// addServerFlags registers --url, --token and --data-dir, defaulting from the
// environment.
func (m *Main) addServerFlags(fl *flag.FlagSet) *serverFlags {
	s := &serverFlags{}
	fl.StringVar(&s.base, "url", "http://"+localAddr(m.env("SIDEGUY_ADDR", ":8080")), "the running server")
	fl.StringVar(&s.token, "token", m.env("SIDEGUY_OPERATOR_TOKEN", ""), "operator token (SIDEGUY_OPERATOR_TOKEN)")
	fl.StringVar(&s.dataDir, "data-dir", m.env("SIDEGUY_DATA_DIR", "./data"), "database directory, when no server runs")
	return s
}

// dbPath is the database file used when no server runs.
func (s *serverFlags) dbPath() string { return filepath.Join(s.dataDir, dbFile) }

// get asks the running server's API. It returns errNoServer when nothing
// answers, and an error naming the status when the server refuses. The caller
// closes the body.
func (s *serverFlags) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+path, nil)
	if err != nil {
		return nil, fmt.Errorf("server URL: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.base, errNoServer)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("the server at %s answered %s (is SIDEGUY_OPERATOR_TOKEN set?)", s.base, resp.Status)
	}
	return resp, nil
}
