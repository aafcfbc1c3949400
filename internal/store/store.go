package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// SchemaVersion is the layout of the buckets this code reads and writes.
const SchemaVersion = 1

var (
	bucketMeta        = []byte("meta")
	bucketThreads     = []byte("threads")
	bucketPhones      = []byte("phones")
	bucketMessages    = []byte("messages")
	bucketSIDs        = []byte("sids")
	bucketOutSIDs     = []byte("outbound_sids")
	bucketOrphans     = []byte("orphan_statuses")
	bucketOperator    = []byte("operator_messages")
	bucketEscalations = []byte("escalations")
	keySchema         = []byte("schema")
	keySettings       = []byte("settings")
)

// Store is the bbolt-backed domain.ThreadStore.
type Store struct {
	db  *bolt.DB
	now func() time.Time
	// queue feeds the committer; quit stops it and stopped says it has.
	queue   chan *inbound
	quit    chan struct{}
	stopped chan struct{}
	// settings is the latest settings, once read (Settings).
	settings atomic.Pointer[domain.Settings]
}

// Options tune Open.
type Options struct {
	// LockTimeout is how long to wait for another process to release the file.
	LockTimeout time.Duration
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Open opens (creating when needed) the database at path and checks its schema.
// When another process holds the file it fails with domain.ErrLocked.
func Open(path string, opts Options) (*Store, error) {
	if opts.LockTimeout == 0 {
		opts.LockTimeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	// The free list is not written on every commit (bbolt rebuilds it from
	// the pages when the file is opened, as etcd has it): one page less to
	// write and sync per commit. Commits stay durable either way.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.LockTimeout, NoFreelistSync: true, FreelistType: bolt.FreelistMapType})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w (is sideguy serve running? stop it or use its API)", path, domain.ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, now: opts.Now, queue: make(chan *inbound), quit: make(chan struct{}), stopped: make(chan struct{})}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	go s.commit()
	return s, nil
}

func (s *Store) init() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return fmt.Errorf("create meta bucket: %w", err)
		}
		if v := meta.Get(keySchema); v != nil {
			got, err := strconv.Atoi(string(v))
			if err != nil || got != SchemaVersion {
				return fmt.Errorf("database schema version %q, this sideguy reads version %d", v, SchemaVersion)
			}
		} else if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return fmt.Errorf("write schema version: %w", err)
		}
		for _, b := range [][]byte{bucketThreads, bucketPhones, bucketMessages, bucketSIDs, bucketOutSIDs, bucketOrphans, bucketOperator, bucketTaught, bucketDisabled, bucketEscalations} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return fmt.Errorf("create bucket %s: %w", b, err)
			}
		}
		return nil
	})
}

// Close stops taking texts and closes the database file.
func (s *Store) Close() error {
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
	<-s.stopped
	return s.db.Close()
}

// Writable checks that a write transaction can be committed.
func (s *Store) Writable() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("last_check"), []byte(s.now().UTC().Format(time.RFC3339Nano)))
	})
}

func itob(n uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, n)
	return b
}
