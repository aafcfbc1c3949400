package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/store"
)

func TestBackupIsAConsistentCopy(t *testing.T) {
	dir := t.TempDir()
	s := open(t, filepath.Join(dir, "sideguy.db"))
	defer s.Close()
	inbound(t, s, "SM1", "+15550001111", "first", true)
	var buf bytes.Buffer
	if _, err := s.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(dir, "restored", "sideguy.db")
	os.MkdirAll(filepath.Dir(restored), 0o755)
	if err := os.WriteFile(restored, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	r := open(t, restored)
	defer r.Close()
	th, err := r.Thread(1)
	if err != nil || th.Phone != "+15550001111" || len(th.Messages) != 2 {
		t.Errorf("restored thread = %+v, %v", th, err)
	}
}

func TestEraseForgetsTheTexter(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	inbound(t, s, "SM1", "+15550001111", "my secret question", true)
	inbound(t, s, "SM2", "+15550002222", "other texter", false)
	if err := s.Erase(1); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Thread(1); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("thread 1 after erase: %v", err)
	}
	esc, _ := s.Escalations(time.Time{})
	if len(esc) != 0 {
		t.Errorf("escalation log still holds %+v", esc)
	}
	if th, _ := s.Thread(2); len(th.Messages) != 2 {
		t.Error("erasing one texter touched another")
	}
	// The number starts afresh.
	inbound(t, s, "SM3", "+15550001111", "hello again", false)
	threads, _ := s.Threads("")
	if len(threads) != 2 {
		t.Errorf("%d threads after the texter came back, want 2", len(threads))
	}
	if err := s.Erase(99); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("erase unknown: %v", err)
	}
}

func TestRetentionErasesOldWordsKeepsCounts(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	inbound(t, s, "SM1", "+15550001111", "old question", true)
	n, err := s.Retain(clock.Add(time.Hour))
	if err != nil || n != 2 {
		t.Fatalf("Retain = %d, %v; want 2 messages erased", n, err)
	}
	th, _ := s.Thread(1)
	if len(th.Messages) != 2 || th.MessageCount != 2 {
		t.Errorf("counts changed: %d messages, count %d", len(th.Messages), th.MessageCount)
	}
	for _, m := range th.Messages {
		if m.Body != "" || !m.Erased {
			t.Errorf("message kept its words: %+v", m)
		}
	}
	if th.LastMessage != "" || th.EscalatedQuestion != "" {
		t.Errorf("thread kept old words: %+v", th)
	}
	if _, dup, _ := s.ProcessInbound("SM1", "+15550001111", func(*domain.Thread, *domain.Budget) (domain.Reply, error) {
		return domain.Reply{}, nil
	}); dup {
		t.Error("an old MessageSid reply was kept past retention")
	}
	// Newer messages are left alone.
	if n, _ := s.Retain(clock.Add(-time.Hour)); n != 0 {
		t.Errorf("erased %d messages newer than the cut-off", n)
	}
}

func TestCopyFileWhenNoServerRuns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sideguy.db")
	s := open(t, path)
	inbound(t, s, "SM1", "+15550001111", "q", false)
	s.Close()
	var buf bytes.Buffer
	if n, err := store.CopyFile(path, &buf); err != nil || n == 0 {
		t.Fatalf("CopyFile = %d, %v", n, err)
	}
}
