package store

import (
	"errors"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// errClosed is returned for work handed to a closed store.
var errClosed = errors.New("store is closed")

// maxGroup bounds how many inbound texts share one commit.
const maxGroup = 128

// inbound is one ProcessInbound call waiting for its commit.
type inbound struct {
	sid, phone string
	fn         func(t *domain.Thread, b *domain.Budget) (domain.Reply, error)
	reply      domain.Reply
	dup        bool
	err        error
	done       chan struct{}
}

// commit runs inbound texts in write transactions, one group at a time. When
// the line is quiet a text is committed at once; texts that arrive while a
// commit (and its fsync) runs are gathered into the next one. This is group
// commit without bbolt's Batch timer (MaxBatchDelay), which would add up to
// 10 ms to every quiet request.
func (s *Store) commit() {
	defer close(s.stopped)
	for {
		var first *inbound
		select {
		case first = <-s.queue:
		case <-s.quit:
			return
		}
		group := []*inbound{first}
	gather:
		for len(group) < maxGroup {
			select {
			case r := <-s.queue:
				group = append(group, r)
			default:
				break gather
			}
		}
		s.commitGroup(group)
	}
}

// commitGroup commits a group in one transaction. If the transaction fails,
// each text is retried alone, so one bad text cannot fail the others; nothing
// is reported done before its commit.
func (s *Store) commitGroup(group []*inbound) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		for _, r := range group {
			r.reply, r.dup, r.err = domain.Reply{}, false, nil
			if err := s.processIn(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && len(group) > 1 {
		for _, r := range group {
			s.commitGroup([]*inbound{r})
		}
		return
	}
	for _, r := range group {
		r.err = err
		close(r.done)
	}
}

func budgetKey(day string) []byte { return []byte("sent:" + day) }

// budget loads today's count of automatic replies.
func (s *Store) budget(tx *bolt.Tx) (domain.Budget, error) {
	day := s.now().UTC().Format("2006-01-02")
	b := domain.Budget{Day: day}
	if v := tx.Bucket(bucketMeta).Get(budgetKey(day)); v != nil {
		n, err := strconv.Atoi(string(v))
		if err != nil {
			return b, fmt.Errorf("decode daily count: %w", err)
		}
		b.Sent = n
	}
	return b, nil
}

func (s *Store) putBudget(tx *bolt.Tx, b domain.Budget) error {
	return tx.Bucket(bucketMeta).Put(budgetKey(b.Day), []byte(strconv.Itoa(b.Sent)))
}

// SentToday is how many automatic replies went out today (UTC).
func (s *Store) SentToday() (int, error) {
	var b domain.Budget
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		b, err = s.budget(tx)
		return err
	})
	return b.Sent, err
}
