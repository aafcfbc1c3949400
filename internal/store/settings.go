package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Settings returns the operator's settings.
func (s *Store) Settings() (domain.Settings, error) {
	// Every text reads the settings; they change when the operator changes
	// them, through UpdateSettings, which keeps the copy in memory current.
	if p := s.settings.Load(); p != nil {
		return cloneSettings(*p), nil
	}
	var st domain.Settings
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		st, err = getSettings(tx)
		return err
	})
	if err == nil {
		// Unless an update got there first: its copy is newer.
		kept := cloneSettings(st)
		s.settings.CompareAndSwap(nil, &kept)
	}
	return st, err
}

// cloneSettings copies settings, the times they point at included, so no
// caller can change the store's copy.
func cloneSettings(st domain.Settings) domain.Settings {
	if st.AwayUntil != nil {
		t := *st.AwayUntil
		st.AwayUntil = &t
	}
	if st.LastNotifiedAt != nil {
		t := *st.LastNotifiedAt
		st.LastNotifiedAt = &t
	}
	return st
}

func getSettings(tx *bolt.Tx) (domain.Settings, error) {
	var st domain.Settings
	if v := tx.Bucket(bucketMeta).Get(keySettings); v != nil {
		if err := json.Unmarshal(v, &st); err != nil {
			return st, fmt.Errorf("decode settings: %w", err)
		}
	}
	return st, nil
}

// UpdateSettings changes the settings in one transaction.
func (s *Store) UpdateSettings(fn func(st *domain.Settings) error) (domain.Settings, error) {
	var st domain.Settings
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if st, err = getSettings(tx); err != nil {
			return err
		}
		if err := fn(&st); err != nil {
			return err
		}
		v, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("encode settings: %w", err)
		}
		return tx.Bucket(bucketMeta).Put(keySettings, v)
	})
	if err != nil {
		return domain.Settings{}, fmt.Errorf("update settings: %w", err)
	}
	kept := cloneSettings(st)
	s.settings.Store(&kept)
	return st, nil
}

// RecordOperator keeps a text to or from the operator's phone.
func (s *Store) RecordOperator(m domain.Message) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOperator)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		m.ID = seq
		v, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode operator message: %w", err)
		}
		return b.Put(itob(seq), v)
	})
}

// OperatorMessages returns the latest texts to and from the operator's phone, oldest first.
func (s *Store) OperatorMessages(limit int) ([]domain.Message, error) {
	out := []domain.Message{}
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOperator).Cursor()
		for k, v := c.Last(); k != nil && len(out) < limit; k, v = c.Prev() {
			var m domain.Message
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("decode operator message: %w", err)
			}
			out = append([]domain.Message{m}, out...)
		}
		return nil
	})
	return out, err
}

// Processed returns the stored reply to a MessageSid handled before.
func (s *Store) Processed(sid string) (domain.Reply, bool, error) {
	var rec sidRecord
	found := false
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketSIDs).Get([]byte(sid))
		if v == nil {
			return nil
		}
		found = true
		return json.Unmarshal(v, &rec)
	})
	if err != nil {
		return domain.Reply{}, false, fmt.Errorf("look up sid %s: %w", sid, err)
	}
	return rec.Reply, found, nil
}

// MarkProcessed remembers a MessageSid handled outside ProcessInbound and its reply.
func (s *Store) MarkProcessed(sid string, reply domain.Reply) error {
	v, err := json.Marshal(sidRecord{Reply: reply, At: s.now().UTC().Format(timeFormat)})
	if err != nil {
		return fmt.Errorf("encode sid record: %w", err)
	}
	return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSIDs).Put([]byte(sid), v) })
}
