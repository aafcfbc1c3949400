package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Backup writes a consistent copy of the whole database to w while the store
// keeps serving (a read transaction sees one point in time).
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("back up: %w", err)
	}
	return n, nil
}

// Erase removes everything kept about one texter: the thread, its messages,
// its number, the MessageSids it sent and its entries in the escalation log.
func (s *Store) Erase(threadID uint64) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		t, err := getThread(tx, threadID)
		if err != nil {
			return err
		}
		prefix := itob(threadID)
		msgs := tx.Bucket(bucketMessages)
		var keys [][]byte
		c := msgs.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			keys = append(keys, bytes.Clone(k))
			var m domain.Message
			if json.Unmarshal(v, &m) == nil && m.SID != "" {
				if err := tx.Bucket(bucketOutSIDs).Delete([]byte(m.SID)); err != nil {
					return err
				}
			}
		}
		for _, k := range keys {
			if err := msgs.Delete(k); err != nil {
				return err
			}
		}
		if err := deleteWhere(tx.Bucket(bucketSIDs), func(v []byte) bool {
			var rec sidRecord
			return json.Unmarshal(v, &rec) == nil && rec.Thread == threadID
		}); err != nil {
			return err
		}
		if err := deleteWhere(tx.Bucket(bucketEscalations), func(v []byte) bool {
			var e domain.Escalation
			return json.Unmarshal(v, &e) == nil && e.Thread == threadID
		}); err != nil {
			return err
		}
		if err := tx.Bucket(bucketPhones).Delete([]byte(t.Phone)); err != nil {
			return err
		}
		return tx.Bucket(bucketThreads).Delete(itob(threadID))
	})
}

func deleteWhere(b *bolt.Bucket, match func(v []byte) bool) error {
	var keys [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if match(v) {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// Retain erases the words of every message older than before, keeping the
// messages (direction, time, status) so counts stay right. It also forgets
// old MessageSid replies and blanks old questions in the escalation log and
// on threads. It returns how many messages it erased.
func (s *Store) Retain(before time.Time) (int, error) {
	erased := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMessages, bucketOperator} {
			bucket := tx.Bucket(b)
			var updates [][2][]byte
			if err := bucket.ForEach(func(k, v []byte) error {
				var m domain.Message
				if err := json.Unmarshal(v, &m); err != nil {
					return err
				}
				if !m.At.Before(before) || m.Erased {
					return nil
				}
				m.Body, m.Media, m.Erased = "", nil, true
				nv, err := json.Marshal(m)
				if err != nil {
					return err
				}
				updates = append(updates, [2][]byte{bytes.Clone(k), nv})
				return nil
			}); err != nil {
				return fmt.Errorf("retention: %w", err)
			}
			for _, u := range updates {
				if err := bucket.Put(u[0], u[1]); err != nil {
					return err
				}
			}
			erased += len(updates)
		}
		if err := deleteWhere(tx.Bucket(bucketSIDs), func(v []byte) bool {
			var rec sidRecord
			if json.Unmarshal(v, &rec) != nil {
				return false
			}
			at, err := time.Parse(timeFormat, rec.At)
			return err == nil && at.Before(before)
		}); err != nil {
			return err
		}
		esc := tx.Bucket(bucketEscalations)
		var escUpdates [][2][]byte
		if err := esc.ForEach(func(k, v []byte) error {
			var e domain.Escalation
			if json.Unmarshal(v, &e) == nil && e.At.Before(before) && e.Question != "" {
				e.Question = ""
				nv, _ := json.Marshal(e)
				escUpdates = append(escUpdates, [2][]byte{bytes.Clone(k), nv})
			}
			return nil
		}); err != nil {
			return err
		}
		for _, u := range escUpdates {
			if err := esc.Put(u[0], u[1]); err != nil {
				return err
			}
		}
		threads := tx.Bucket(bucketThreads)
		var thUpdates [][2][]byte
		if err := threads.ForEach(func(k, v []byte) error {
			var t domain.Thread
			if json.Unmarshal(v, &t) != nil || !t.UpdatedAt.Before(before) || (t.LastMessage == "" && t.LastInbound == "" && t.EscalatedQuestion == "") {
				return nil
			}
			t.LastMessage, t.LastInbound, t.EscalatedQuestion, t.LastQuestion, t.MoreText = "", "", "", "", ""
			nv, _ := json.Marshal(t)
			thUpdates = append(thUpdates, [2][]byte{bytes.Clone(k), nv})
			return nil
		}); err != nil {
			return err
		}
		for _, u := range thUpdates {
			if err := threads.Put(u[0], u[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("retention: %w", err)
	}
	return erased, nil
}

// CopyFile writes a consistent copy of the database at path (not open
// elsewhere) to w, for backups while no server runs.
func CopyFile(path string, w io.Writer) (int64, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var n int64
	err = db.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}
