package console

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"sync"
	"time"
)

// session is one logged-in operator.
type session struct {
	csrf     string
	lastSeen time.Time
	created  time.Time
	// flash is a one-time message for the next page.
	flash string
}

// sessions holds logged-in operators in memory: a restart logs them out.
type sessions struct {
	mu     sync.Mutex
	byID   map[string]*session
	idle   time.Duration
	maxAge time.Duration
	now    func() time.Time
}

func newSessions(idle, maxAge time.Duration, now func() time.Time) *sessions {
	return &sessions{byID: map[string]*session{}, idle: idle, maxAge: maxAge, now: now}
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error()) // the OS has no randomness left; nothing is safe
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// create starts a session and returns its id.
func (s *sessions) create() (string, *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for id, ss := range s.byID { // drop expired sessions while we are here
		if s.expired(ss, now) {
			delete(s.byID, id)
		}
	}
	id := randomToken()
	ss := &session{csrf: randomToken(), lastSeen: now, created: now}
	s.byID[id] = ss
	return id, ss
}

func (s *sessions) expired(ss *session, now time.Time) bool {
	return now.Sub(ss.lastSeen) > s.idle || now.Sub(ss.created) > s.maxAge
}

// get returns the live session with id and marks it used.
func (s *sessions) get(id string) (*session, bool) {
	if id == "" {
		return nil, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.byID[id]
	if !ok {
		return nil, false
	}
	now := s.now()
	if s.expired(ss, now) {
		delete(s.byID, id)
		return nil, false
	}
	ss.lastSeen = now
	return ss, true
}

// delete ends a session.
func (s *sessions) delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, id)
}

// takeFlash returns and clears the session's one-time message.
func (s *sessions) takeFlash(ss *session) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := ss.flash
	ss.flash = ""
	return f
}

func (s *sessions) setFlash(ss *session, msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss.flash = msg
}

// sameToken compares two secrets in constant time.
func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
