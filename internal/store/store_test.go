package store_test

import (
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/store"
)

var clock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

func open(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// inbound records one text and a reply, as the assistant does.
func inbound(t *testing.T, s *store.Store, sid, phone, body string, escalate bool) domain.Reply {
	t.Helper()
	reply, _, err := s.ProcessInbound(sid, phone, func(th *domain.Thread, _ *domain.Budget) (domain.Reply, error) {
		th.Record(domain.Message{Direction: domain.In, Body: body, At: clock, SID: sid})
		th.Record(domain.Message{Direction: domain.Out, Body: "re: " + body, At: clock})
		if escalate {
			th.Escalate(clock, body, "test")
		}
		return domain.Reply{Messages: []string{"re: " + body}}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return reply
}

func TestEverythingSurvivesReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sideguy.db")
	s := open(t, path)
	inbound(t, s, "SM1", "+15550001111", "first", false)
	inbound(t, s, "SM2", "+15550001111", "second", true)
	inbound(t, s, "SM3", "+15550002222", "other texter", false)
	if _, err := s.UpdateThread(2, func(th *domain.Thread) error { th.Resolve(clock); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = open(t, path)
	defer s.Close()
	th, err := s.Thread(1)
	if err != nil {
		t.Fatal(err)
	}
	if th.Phone != "+15550001111" || th.Status != domain.StatusEscalated || th.EscalatedQuestion != "second" {
		t.Errorf("thread 1 after reopening = %+v", th)
	}
	if len(th.Messages) != 4 || th.Messages[0].Body != "first" || th.Messages[3].Body != "re: second" {
		t.Errorf("messages after reopening = %+v, want the four in order", th.Messages)
	}
	if !th.Messages[0].At.Equal(clock) || th.Messages[0].SID != "SM1" {
		t.Errorf("message time or sid lost: %+v", th.Messages[0])
	}
	if th2, _ := s.Thread(2); th2.Status != domain.StatusResolved {
		t.Errorf("thread 2 status = %s, want resolved", th2.Status)
	}
	// The processed MessageSid and its reply survive too.
	reply, dup, err := s.ProcessInbound("SM2", "+15550001111", func(*domain.Thread, *domain.Budget) (domain.Reply, error) {
		t.Error("a processed MessageSid was processed again after reopening")
		return domain.Reply{}, nil
	})
	if err != nil || !dup || len(reply.Messages) != 1 || reply.Messages[0] != "re: second" {
		t.Errorf("retry after reopening = %+v dup=%v err=%v, want the stored reply", reply, dup, err)
	}
	// New threads keep counting from where they were.
	inbound(t, s, "SM4", "+15550003333", "third texter", false)
	if th3, err := s.Thread(3); err != nil || th3.Phone != "+15550003333" {
		t.Errorf("thread 3 = %+v, %v", th3, err)
	}
}

func TestListOrdersTheQueueByWait(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	for i, phone := range []string{"+15550000001", "+15550000002", "+15550000003"} {
		inbound(t, s, "SMq"+phone, phone, "q", false)
		at := clock.Add(time.Duration(3-i) * time.Minute) // the last escalated waits longest
		if _, err := s.UpdateThread(uint64(i+1), func(th *domain.Thread) error { th.Escalate(at, "q", "test"); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	inbound(t, s, "SMbot", "+15550000004", "bot", false)
	got, err := s.Threads(domain.StatusEscalated)
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for _, th := range got {
		ids = append(ids, th.ID)
	}
	if len(ids) != 3 || ids[0] != 3 || ids[1] != 2 || ids[2] != 1 {
		t.Errorf("escalated queue = %v, want [3 2 1] (longest waiting first)", ids)
	}
	if bots, _ := s.Threads(domain.StatusBot); len(bots) != 1 || bots[0].ID != 4 {
		t.Errorf("bot threads = %+v, want thread 4", bots)
	}
}

func TestUnknownThread(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	if _, err := s.Thread(99); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Thread(99) error = %v, want ErrNotFound", err)
	}
	if _, err := s.UpdateThread(99, func(*domain.Thread) error { return nil }); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("UpdateThread(99) error = %v, want ErrNotFound", err)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sideguy.db")
	s := open(t, path)
	defer s.Close()
	start := time.Now()
	_, err := store.Open(path, store.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, domain.ErrLocked) {
		t.Fatalf("second open error = %v, want ErrLocked", err)
	}
	if time.Since(start) > 10*time.Second {
		t.Errorf("second open hung")
	}
}

func TestRefusesAnotherSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sideguy.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("meta"))
		if err != nil {
			return err
		}
		return b.Put([]byte("schema"), []byte("7"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(path, store.Options{}); err == nil {
		t.Fatal("opened a database of schema version 7")
	}
}

func TestConcurrentTextsFromManyTexters(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			phone := "+1555100" + string(rune('0'+i/10)) + string(rune('0'+i%10))
			for j := range 5 {
				inbound(t, s, phone+"-"+string(rune('a'+j)), phone, "q", false)
			}
		}()
	}
	wg.Wait()
	threads, err := s.Threads("")
	if err != nil {
		t.Fatal(err)
	}
	if len(threads) != 20 {
		t.Fatalf("%d threads, want 20", len(threads))
	}
	for _, th := range threads {
		full, _ := s.Thread(th.ID)
		if len(full.Messages) != 10 || th.MessageCount != 10 {
			t.Errorf("thread %d has %d messages (count %d), want 10", th.ID, len(full.Messages), th.MessageCount)
		}
	}
}

// Settings are read from memory after the first time; what the operator
// changes is read at once, across a restart too, and a caller changing its
// copy changes nothing.
func TestSettingsStayCurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s := open(t, path)
	if st, err := s.Settings(); err != nil || st.Paused || st.AwayUntil != nil {
		t.Fatalf("fresh settings = %+v, %v", st, err)
	}
	until := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if _, err := s.UpdateSettings(func(st *domain.Settings) error { st.Paused, st.AwayUntil = true, &until; return nil }); err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings()
	if err != nil || !st.Paused || st.AwayUntil == nil || !st.AwayUntil.Equal(until) {
		t.Fatalf("after the update: %+v, %v", st, err)
	}
	*st.AwayUntil = until.Add(48 * time.Hour)
	if again, _ := s.Settings(); !again.AwayUntil.Equal(until) {
		t.Errorf("a caller's change reached the store: away until %v", again.AwayUntil)
	}
	if _, err := s.UpdateSettings(func(*domain.Settings) error { return errors.New("no") }); err == nil {
		t.Fatal("a failed update succeeded")
	}
	if again, _ := s.Settings(); !again.Paused {
		t.Error("a failed update changed the settings")
	}
	s.Close()
	s = open(t, path)
	defer s.Close()
	if again, _ := s.Settings(); !again.Paused || !again.AwayUntil.Equal(until) {
		t.Errorf("after a restart: %+v", again)
	}
}
