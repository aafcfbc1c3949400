package console_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/console"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/library"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/server"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

const (
	token      = "operator-token-1"
	password   = "correct horse battery"
	accountSID = "AC0123456789abcdef0123456789abcdef"
	authToken  = "0123456789abcdef0123456789abcdef"
	hostile    = `<script>alert("pwned")</script> how much does soc 2 cost? <img src=x onerror="alert(1)">`
)

// clock is a time the test moves.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// env is the console on a real server over a bbolt file, sending through a
// fake Twilio; thread 1 holds a hostile question and a line answer.
type env struct {
	srv     *httptest.Server
	echo    *echo.Echo
	store   *store.Store
	fake    *twiliofake.Server
	decider *decide.Decider
	asst    *assistant.Assistant
	lib     *library.Library
	clock   *clock
}

func setup(t *testing.T, publicURL string) *env {
	t.Helper()
	e := &env{clock: &clock{now: time.Date(2026, 11, 26, 17, 0, 0, 0, time.UTC)}}
	var err error
	if e.store, err = store.Open(filepath.Join(t.TempDir(), "sideguy.db"), store.Options{Now: e.clock.Now}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.store.Close() })
	e.fake = twiliofake.New(accountSID, authToken)
	t.Cleanup(e.fake.Close)
	send, err := sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100", APIURL: e.fake.URL})
	if err != nil {
		t.Fatal(err)
	}
	eng := knowledgetest.New(t)
	entries, ix := eng.Entries, eng.Index
	quiet := slog.New(slog.DiscardHandler)
	e.decider = decide.New(ix, eng.Norm, decide.DefaultThresholds())
	if e.asst, err = assistant.New(assistant.Config{Store: e.store, Decider: e.decider, Sender: send, Now: e.clock.Now, Logger: quiet}); err != nil {
		t.Fatal(err)
	}
	if e.lib, err = library.Open(entries, e.store, ix, e.clock.Now, quiet); err != nil {
		t.Fatal(err)
	}
	hash, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	c, err := console.New(console.Config{Store: e.store, Operator: e.asst, Library: e.lib, Token: token, PasswordHash: string(hash),
		PublicURL: publicURL, Idle: time.Hour, Now: e.clock.Now, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	srv := server.New(server.Config{Logger: quiet, Routes: []server.Routes{c}})
	e.echo = srv.Echo()
	e.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(e.srv.Close)
	// Thread 1: a hostile question the line escalated; thread 2: a line answer.
	for i, q := range []string{hostile, "how much do soc 2 and iso 27001 overlap?"} {
		in := domain.Inbound{SID: "SM" + string(rune('a'+i)), From: "+1415555000" + string(rune('1'+i)), Body: q}
		if _, err := e.asst.Handle(t.Context(), in); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

// browser is a client with its own cookie jar that does not follow redirects.
type browser struct {
	t      *testing.T
	e      *env
	client *http.Client
}

func (e *env) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, client: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *browser) do(method, path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.e.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.client.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp, string(data)
}

func (b *browser) get(path string) (*http.Response, string) { return b.do("GET", path, nil) }

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf reads the token out of a page's form.
func csrf(t *testing.T, page string) string {
	t.Helper()
	m := csrfField.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf field in page:\n%s", page)
	}
	return m[1]
}

// login logs in with the form as served and returns a page's CSRF token.
func (b *browser) login() string {
	b.t.Helper()
	_, page := b.get("/console/login")
	resp, _ := b.do("POST", "/console/login", url.Values{"csrf": {csrf(b.t, page)}, "token": {token}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console" {
		b.t.Fatalf("login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	_, page = b.get("/console")
	return csrf(b.t, page)
}
