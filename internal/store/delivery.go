package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// orphan is a status callback that arrived before we stored its message's SID.
type orphan struct {
	Status    string    `json:"status"`
	ErrorCode int       `json:"error_code,omitempty"`
	At        time.Time `json:"at"`
}

func messageKey(threadID, msgID uint64) []byte { return append(itob(threadID), itob(msgID)...) }

func getMessage(tx *bolt.Tx, key []byte) (domain.Message, error) {
	v := tx.Bucket(bucketMessages).Get(key)
	if v == nil {
		return domain.Message{}, fmt.Errorf("message %x: %w", key, domain.ErrNotFound)
	}
	var m domain.Message
	if err := json.Unmarshal(v, &m); err != nil {
		return domain.Message{}, fmt.Errorf("decode message: %w", err)
	}
	return m, nil
}

func putMessage(tx *bolt.Tx, key []byte, m domain.Message) error {
	v, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	return tx.Bucket(bucketMessages).Put(key, v)
}

// UpdateMessage changes one message of a thread (and the thread) in one
// transaction. An outbound message that gets a SID is indexed by it, and any
// status callback that arrived for that SID before is applied.
func (s *Store) UpdateMessage(threadID, msgID uint64, fn func(t *domain.Thread, m *domain.Message) error) (domain.Thread, error) {
	var t domain.Thread
	err := s.db.Update(func(tx *bolt.Tx) error {
		var err error
		if t, err = getThread(tx, threadID); err != nil {
			return err
		}
		key := messageKey(threadID, msgID)
		m, err := getMessage(tx, key)
		if err != nil {
			return err
		}
		if err := fn(&t, &m); err != nil {
			return err
		}
		if m.SID != "" && m.Direction == domain.Out {
			if err := tx.Bucket(bucketOutSIDs).Put([]byte(m.SID), key); err != nil {
				return fmt.Errorf("index sid: %w", err)
			}
			if v := tx.Bucket(bucketOrphans).Get([]byte(m.SID)); v != nil {
				var o orphan
				if err := json.Unmarshal(v, &o); err == nil {
					applyStatus(&t, &m, o.Status, o.ErrorCode)
				}
				if err := tx.Bucket(bucketOrphans).Delete([]byte(m.SID)); err != nil {
					return fmt.Errorf("drop orphan status: %w", err)
				}
			}
		}
		if err := putMessage(tx, key, m); err != nil {
			return err
		}
		if err := s.putThread(tx, &t); err != nil {
			return err
		}
		t.Messages, err = messages(tx, threadID)
		return err
	})
	if err != nil {
		return domain.Thread{}, fmt.Errorf("update message %d of thread %d: %w", msgID, threadID, err)
	}
	return t, nil
}

// ApplyStatus records a delivery status callback. It reports found false when
// no sent message has that SID; the status is then kept in case the message's
// SID is stored later (a callback can beat our own bookkeeping).
func (s *Store) ApplyStatus(sid, status string, errorCode int) (domain.Thread, bool, error) {
	var t domain.Thread
	found := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		key := tx.Bucket(bucketOutSIDs).Get([]byte(sid))
		if key == nil {
			o := orphan{Status: status, ErrorCode: errorCode, At: s.now().UTC()}
			if v := tx.Bucket(bucketOrphans).Get([]byte(sid)); v != nil {
				var prev orphan
				if json.Unmarshal(v, &prev) == nil {
					o.Status = domain.NextStatus(prev.Status, status)
					if o.Status == prev.Status && prev.ErrorCode != 0 {
						o.ErrorCode = prev.ErrorCode
					}
				}
			}
			v, err := json.Marshal(o)
			if err != nil {
				return err
			}
			return tx.Bucket(bucketOrphans).Put([]byte(sid), v)
		}
		found = true
		key = bytes.Clone(key)
		var err error
		if t, err = getThread(tx, bytesToID(key[:8])); err != nil {
			return err
		}
		m, err := getMessage(tx, key)
		if err != nil {
			return err
		}
		applyStatus(&t, &m, status, errorCode)
		if err := putMessage(tx, key, m); err != nil {
			return err
		}
		return s.putThread(tx, &t)
	})
	if err != nil {
		return domain.Thread{}, false, fmt.Errorf("apply status %s to %s: %w", status, sid, err)
	}
	return t, found, nil
}

// applyStatus moves a message's status forward and flags the thread when the
// latest sent message failed.
func applyStatus(t *domain.Thread, m *domain.Message, status string, errorCode int) {
	next := domain.NextStatus(m.Status, status)
	if next != m.Status {
		m.Status = next
		if errorCode != 0 {
			m.ErrorCode = errorCode
		}
	}
	if m.ID == t.LastSentID {
		t.DeliveryProblem = domain.FailedStatus(m.Status)
	}
}
