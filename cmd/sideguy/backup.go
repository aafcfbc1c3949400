package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/sideguy/sideguy-text/internal/store"
)

// backup writes a consistent copy of the database to FILE: a hot copy through
// the running server's API, or straight from the file when no server runs.
func (m *Main) backup(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("backup", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	srv := m.addServerFlags(fl)
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
	n, via, err := backupFromAPI(ctx, srv, f)
	if errors.Is(err, errNoServer) {
		if _, serr := f.Seek(0, io.SeekStart); serr != nil {
			return serr
		}
		if terr := f.Truncate(0); terr != nil {
			return terr
		}
		path := srv.dbPath()
		if _, serr := os.Stat(path); serr != nil {
			f.Close()
			return fmt.Errorf("no server answers at %s and no database at %s", srv.base, path)
		}
		n, err = store.CopyFile(path, f)
		via = "from " + path
		if errors.Is(err, bolterrors.ErrTimeout) {
			err = fmt.Errorf("%s is locked by a running server that does not answer at %s: pass --url", path, srv.base)
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

func backupFromAPI(ctx context.Context, srv *serverFlags, w io.Writer) (int64, string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	resp, err := srv.get(ctx, "/api/v1/backup")
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	n, err := io.Copy(w, resp.Body)
	if err != nil {
		return n, "", fmt.Errorf("download backup: %w", err)
	}
	return n, "hot copy from the running server", nil
}
