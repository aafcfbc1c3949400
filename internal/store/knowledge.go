package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

var (
	bucketTaught   = []byte("taught_entries")
	bucketDisabled = []byte("disabled_entries")
)

// TaughtEntries returns the entries the operator taught, by id.
func (s *Store) TaughtEntries() ([]domain.Entry, error) {
	var out []domain.Entry
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTaught).ForEach(func(k, v []byte) error {
			var e domain.Entry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode taught entry %s: %w", k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list taught entries: %w", err)
	}
	return out, nil
}

// PutTaught stores a taught entry, replacing one with the same id.
func (s *Store) PutTaught(e domain.Entry) error {
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode taught entry: %w", err)
	}
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketTaught).Put([]byte(e.ID), v) })
}

// DeleteTaught removes a taught entry.
func (s *Store) DeleteTaught(id string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTaught)
		if b.Get([]byte(id)) == nil {
			return fmt.Errorf("taught entry %s: %w", id, domain.ErrNotFound)
		}
		return b.Delete([]byte(id))
	})
}

// NextTaughtID returns a fresh number for a taught entry's id.
func (s *Store) NextTaughtID() (uint64, error) {
	var n uint64
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.Bucket(bucketTaught).NextSequence()
		return err
	})
	return n, err
}

// DisabledEntries returns the ids of entries switched off, with when.
func (s *Store) DisabledEntries() (map[string]time.Time, error) {
	out := map[string]time.Time{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDisabled).ForEach(func(k, v []byte) error {
			t, _ := time.Parse(time.RFC3339Nano, string(v))
			out[string(k)] = t
			return nil
		})
	})
	return out, err
}

// SetEntryEnabled switches an entry on or off.
func (s *Store) SetEntryEnabled(id string, enabled bool) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDisabled)
		if enabled {
			return b.Delete([]byte(id))
		}
		return b.Put([]byte(id), []byte(s.now().UTC().Format(time.RFC3339Nano)))
	})
}
