package console

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// throttle limits failed logins per client address and overall, with
// golang.org/x/time/rate token buckets.
type throttle struct {
	mu     sync.Mutex
	perIP  map[string]*ipLimiter
	global *rate.Limiter
	now    func() time.Time
}

type ipLimiter struct {
	lim  *rate.Limiter
	seen time.Time
}

// Failed logins allowed: 5 in a burst per address, then one every 12 s; 30 in
// a burst overall, then one every 2 s.
func newThrottle(now func() time.Time) *throttle {
	return &throttle{perIP: map[string]*ipLimiter{}, global: rate.NewLimiter(rate.Every(2*time.Second), 30), now: now}
}

func (t *throttle) limiter(ip string) *rate.Limiter {
	now := t.now()
	l, ok := t.perIP[ip]
	if !ok {
		if len(t.perIP) > 10000 {
			for k, v := range t.perIP {
				if now.Sub(v.seen) > 10*time.Minute {
					delete(t.perIP, k)
				}
			}
		}
		l = &ipLimiter{lim: rate.NewLimiter(rate.Every(12*time.Second), 5)}
		t.perIP[ip] = l
	}
	l.seen = now
	return l.lim
}

// allowed reports whether ip may try to log in now.
func (t *throttle) allowed(ip string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	return t.limiter(ip).TokensAt(now) >= 1 && t.global.TokensAt(now) >= 1
}

// failed spends a token for a failed attempt from ip.
func (t *throttle) failed(ip string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.limiter(ip).AllowN(now, 1)
	t.global.AllowN(now, 1)
}
