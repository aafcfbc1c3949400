package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// sidRecord remembers a processed MessageSid and what we replied.
type sidRecord struct {
	Thread uint64       `json:"thread"`
	Reply  domain.Reply `json:"reply"`
	At     string       `json:"at"`
}

// ProcessInbound implements domain.ThreadStore. Concurrent calls are
// committed together (see committer.go): one fsync for all that arrived while
// the previous commit ran, none of them waiting when the line is quiet.
func (s *Store) ProcessInbound(sid, phone string, fn func(t *domain.Thread, b *domain.Budget) (domain.Reply, error)) (domain.Reply, bool, error) {
	r := &inbound{sid: sid, phone: phone, fn: fn, done: make(chan struct{})}
	select {
	case s.queue <- r:
	case <-s.quit:
		return domain.Reply{}, false, fmt.Errorf("process inbound %s: %w", sid, errClosed)
	}
	<-r.done
	if r.err != nil {
		return domain.Reply{}, false, fmt.Errorf("process inbound %s: %w", sid, r.err)
	}
	return r.reply, r.dup, nil
}

// processIn handles one inbound text inside a write transaction.
func (s *Store) processIn(tx *bolt.Tx, r *inbound) error {
	sids := tx.Bucket(bucketSIDs)
	if r.sid != "" {
		if v := sids.Get([]byte(r.sid)); v != nil {
			var rec sidRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode sid %s: %w", r.sid, err)
			}
			r.reply, r.dup = rec.Reply, true
			return nil
		}
	}
	t, err := s.threadByPhone(tx, r.phone)
	if err != nil {
		return err
	}
	budget, err := s.budget(tx)
	if err != nil {
		return err
	}
	sent := budget.Sent
	if r.reply, err = r.fn(t, &budget); err != nil {
		return err
	}
	if budget.Sent != sent {
		if err := s.putBudget(tx, budget); err != nil {
			return err
		}
	}
	if err := s.putThread(tx, t); err != nil {
		return err
	}
	if r.sid == "" {
		return nil
	}
	rec, err := json.Marshal(sidRecord{Thread: t.ID, Reply: r.reply, At: s.now().UTC().Format(timeFormat)})
	if err != nil {
		return fmt.Errorf("encode sid record: %w", err)
	}
	return sids.Put([]byte(r.sid), rec)
}

const timeFormat = "2006-01-02T15:04:05.999999999Z07:00"

// threadByPhone loads the phone's thread, or starts a new one.
func (s *Store) threadByPhone(tx *bolt.Tx, phone string) (*domain.Thread, error) {
	if id := tx.Bucket(bucketPhones).Get([]byte(phone)); id != nil {
		t, err := getThread(tx, bytesToID(id))
		if err != nil {
			return nil, err
		}
		return &t, nil
	}
	id, err := tx.Bucket(bucketThreads).NextSequence()
	if err != nil {
		return nil, fmt.Errorf("next thread id: %w", err)
	}
	now := s.now().UTC()
	if err := tx.Bucket(bucketPhones).Put([]byte(phone), itob(id)); err != nil {
		return nil, fmt.Errorf("index phone: %w", err)
	}
	return &domain.Thread{ID: id, Phone: phone, Status: domain.StatusBot, CreatedAt: now, UpdatedAt: now}, nil
}

func bytesToID(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

func getThread(tx *bolt.Tx, id uint64) (domain.Thread, error) {
	v := tx.Bucket(bucketThreads).Get(itob(id))
	if v == nil {
		return domain.Thread{}, fmt.Errorf("thread %d: %w", id, domain.ErrNotFound)
	}
	var t domain.Thread
	if err := json.Unmarshal(v, &t); err != nil {
		return domain.Thread{}, fmt.Errorf("decode thread %d: %w", id, err)
	}
	return t, nil
}

// putThread writes the thread and the messages recorded on it.
func (s *Store) putThread(tx *bolt.Tx, t *domain.Thread) error {
	msgs := tx.Bucket(bucketMessages)
	for _, m := range t.Pending() {
		seq, err := msgs.NextSequence()
		if err != nil {
			return fmt.Errorf("next message id: %w", err)
		}
		m.ID = seq
		v, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode message: %w", err)
		}
		if err := msgs.Put(append(itob(t.ID), itob(seq)...), v); err != nil {
			return fmt.Errorf("write message: %w", err)
		}
	}
	esc := tx.Bucket(bucketEscalations)
	for _, e := range t.Escalations() {
		seq, err := esc.NextSequence()
		if err != nil {
			return fmt.Errorf("next escalation id: %w", err)
		}
		e.Thread = t.ID
		v, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode escalation: %w", err)
		}
		if err := esc.Put(itob(seq), v); err != nil {
			return fmt.Errorf("log escalation: %w", err)
		}
	}
	t.ClearPending()
	saved := *t
	saved.Messages = nil
	v, err := json.Marshal(saved)
	if err != nil {
		return fmt.Errorf("encode thread %d: %w", t.ID, err)
	}
	if err := tx.Bucket(bucketThreads).Put(itob(t.ID), v); err != nil {
		return fmt.Errorf("write thread %d: %w", t.ID, err)
	}
	return nil
}

// Threads implements domain.ThreadStore: escalated threads longest-waiting
// first, the others most recently active first.
func (s *Store) Threads(status domain.Status) ([]domain.Thread, error) {
	var out []domain.Thread
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketThreads).ForEach(func(k, v []byte) error {
			var t domain.Thread
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode thread %d: %w", bytesToID(k), err)
			}
			if status == "" || t.Status == status {
				out = append(out, t)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list threads: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.Status == domain.StatusEscalated) != (b.Status == domain.StatusEscalated) {
			return a.Status == domain.StatusEscalated
		}
		if a.Status == domain.StatusEscalated && a.EscalatedAt != nil && b.EscalatedAt != nil && !a.EscalatedAt.Equal(*b.EscalatedAt) {
			return a.EscalatedAt.Before(*b.EscalatedAt)
		}
		if !a.UpdatedAt.Equal(b.UpdatedAt) {
			return a.UpdatedAt.After(b.UpdatedAt)
		}
		return a.ID < b.ID
	})
	return out, nil
}

// Thread implements domain.ThreadStore.
func (s *Store) Thread(id uint64) (domain.Thread, error) {
	var t domain.Thread
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if t, err = getThread(tx, id); err != nil {
			return err
		}
		t.Messages, err = messages(tx, id)
		return err
	})
	return t, err
}

func messages(tx *bolt.Tx, id uint64) ([]domain.Message, error) {
	prefix := itob(id)
	out := []domain.Message{}
	c := tx.Bucket(bucketMessages).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var m domain.Message
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, fmt.Errorf("decode message of thread %d: %w", id, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// UpdateThread implements domain.ThreadStore.
func (s *Store) UpdateThread(id uint64, fn func(t *domain.Thread) error) (domain.Thread, error) {
	var t domain.Thread
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if t, err = getThread(tx, id); err != nil {
			return err
		}
		if err := fn(&t); err != nil {
			return err
		}
		if err := s.putThread(tx, &t); err != nil {
			return err
		}
		t.Messages, err = messages(tx, id)
		return err
	})
	if err != nil {
		return domain.Thread{}, fmt.Errorf("update thread %d: %w", id, err)
	}
	return t, nil
}

// ThreadByPhone implements domain.ThreadStore.
func (s *Store) ThreadByPhone(phone string) (domain.Thread, bool, error) {
	var t domain.Thread
	ok := false
	err := s.db.View(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketPhones).Get([]byte(phone))
		if id == nil {
			return nil
		}
		var err error
		t, err = getThread(tx, bytesToID(id))
		ok = err == nil
		return err
	})
	return t, ok, err
}
