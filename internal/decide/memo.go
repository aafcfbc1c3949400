package decide

import (
	"sync"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// memo is a small bounded map of recent decisions, for one generation of the
// index: when an entry is taught, changed or removed, it starts afresh.
type memo struct {
	mu  sync.Mutex
	gen uint64
	m   map[memoKey]domain.Decision
}

type memoKey struct {
	text string
	ctx  domain.Context
}

// memoSize bounds the memo; when full it starts afresh.
const memoSize = 1024

// memoTextLen is the longest text remembered: long texts rarely repeat.
const memoTextLen = 320

func (m *memo) get(gen uint64, text string, c domain.Context) (domain.Decision, bool) {
	if len(text) > memoTextLen {
		return domain.Decision{}, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gen != gen {
		return domain.Decision{}, false
	}
	d, ok := m.m[memoKey{text, c}]
	return d, ok
}

// put remembers a decision made on generation gen. The decision is shared:
// whoever gets it must not change what its slices hold.
func (m *memo) put(gen uint64, text string, c domain.Context, d domain.Decision) {
	if len(text) > memoTextLen {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.gen != gen || m.m == nil || len(m.m) >= memoSize {
		if gen < m.gen {
			return // decided on an older generation than the memo holds
		}
		m.gen, m.m = gen, make(map[memoKey]domain.Decision, 64)
	}
	m.m[memoKey{text, c}] = d
}
