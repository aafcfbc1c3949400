package store

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Escalations returns the escalations logged since since, oldest first.
func (s *Store) Escalations(since time.Time) ([]domain.Escalation, error) {
	var out []domain.Escalation
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketEscalations).ForEach(func(k, v []byte) error {
			var e domain.Escalation
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode escalation: %w", err)
			}
			if !e.At.Before(since) {
				out = append(out, e)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list escalations: %w", err)
	}
	return out, nil
}
