package search

import "sync"

// memo is a small bounded map of recent search results.
type memo struct {
	mu sync.Mutex
	m  map[string]Result
}

// memoSize bounds the memo; when full it starts afresh.
const memoSize = 512

func (m *memo) get(q string) (Result, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.m[q]
	return r, ok
}

func (m *memo) put(q string, r Result) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m) >= memoSize {
		m.m = make(map[string]Result, 64)
	}
	m.m[q] = r
}

func (m *memo) reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m = nil
}
