// Package memo holds small bounded caches of recent results: a map that
// starts afresh when it is full, safe for concurrent use.
package memo

import "sync"

// Map remembers up to Bound values (1024 when Bound is 0); the zero value is
// ready to use.
type Map[K comparable, V any] struct {
	Bound int

	mu sync.Mutex
	m  map[K]V
}

// Get returns the value remembered for k.
func (m *Map[K, V]) Get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[k]
	return v, ok
}

// Put remembers v for k; when the map is full, it forgets everything else
// first (cheaper than tracking what was used least, and as good for a cache
// of what just happened).
func (m *Map[K, V]) Put(k K, v V) {
	bound := m.Bound
	if bound <= 0 {
		bound = 1024
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m) >= bound {
		m.m = make(map[K]V, 64)
	}
	m.m[k] = v
}

// Reset forgets everything.
func (m *Map[K, V]) Reset() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m = nil
}
