package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/sideguy/sideguy-text/internal/store"
)

// backup writes a consistent copy of the database to FILE: a hot copy through
// the running server's API, or straight from the file when no server runs.
func (m *Main) backup(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("backup", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	base := fl.String("url", "http://"+localAddr(m.env("SIDEGUY_ADDR", ":8080")), "the running server")
	token := fl.String("token", m.env("SIDEGUY_OPERATOR_TOKEN", ""), "operator token (SIDEGUY_OPERATOR_TOKEN)")
	dataDir := fl.String("data-dir", m.env("SIDEGUY_DATA_DIR", "./data"), "database directory, when no server runs")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return errors.New("usage: sideguy backup [--url URL] FILE")
	}
	dst := fl.Arg(0)
	tmp := dst + ".partial"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", tmp, err)
	}
	defer os.Remove(tmp)
	n, via, err := m.backupFromAPI(ctx, *base, *token, f)
	if errors.Is(err, errNoServer) {
		if _, serr := f.Seek(0, io.SeekStart); serr != nil {
			return serr
		}
		if terr := f.Truncate(0); terr != nil {
			return terr
		}
		path := filepath.Join(*dataDir, dbFile)
		if _, serr := os.Stat(path); serr != nil {
			f.Close()
			return fmt.Errorf("no server answers at %s and no database at %s", *base, path)
		}
		n, err = store.CopyFile(path, f)
		via = "from " + path
		if errors.Is(err, bolterrors.ErrTimeout) {
			err = fmt.Errorf("%s is locked by a running server that does not answer at %s: pass --url", path, *base)
		}
	}
	if err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return fmt.Errorf("rename to %s: %w", dst, err)
	}
	fmt.Fprintf(m.Stdout, "backed up %d bytes (%s) to %s\n", n, via, dst)
	return nil
}

var errNoServer = errors.New("no server")

func (m *Main) backupFromAPI(ctx context.Context, base, token string, w io.Writer) (int64, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/backup", nil)
	if err != nil {
		return 0, "", fmt.Errorf("server URL: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", errNoServer
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, "", fmt.Errorf("the server at %s answered %s (is SIDEGUY_OPERATOR_TOKEN set?)", base, resp.Status)
	}
	n, err := io.Copy(w, resp.Body)
	if err != nil {
		return n, "", fmt.Errorf("download backup: %w", err)
	}
	return n, "hot copy from the running server", nil
}
