package api_test

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/api"
	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/library"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/server"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

const token = "operator-secret"

var clock = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

const (
	accountSID = "AC0123456789abcdef0123456789abcdef"
	authToken  = "0123456789abcdef0123456789abcdef"
)

// env is the API on a real server, over a bbolt file, sending through a fake Twilio.
type env struct {
	srv     *httptest.Server
	store   *store.Store
	fake    *twiliofake.Server
	decider *decide.Decider
}

func setup(t *testing.T) env {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "sideguy.db"), store.Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	fake := twiliofake.New(accountSID, authToken)
	t.Cleanup(fake.Close)
	send, err := sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100", APIURL: fake.URL})
	if err != nil {
		t.Fatal(err)
	}
	eng := knowledgetest.New(t)
	entries, ix := eng.Entries, eng.Index
	decider := decide.New(ix, eng.Norm, decide.DefaultThresholds())
	asst, err := assistant.New(assistant.Config{Store: st, Decider: decider, Sender: send,
		Now: func() time.Time { return clock }, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.Open(entries, st, ix, func() time.Time { return clock }, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	a, err := api.New(api.Config{Store: st, Operator: asst, Library: lib, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Routes: []server.Routes{a}}).Handler())
	t.Cleanup(srv.Close)
	for i, phone := range []string{"+15550000001", "+15550000002", "+15550000003"} {
		_, _, err := st.ProcessInbound("SM"+phone, phone, func(th *domain.Thread, _ *domain.Budget) (domain.Reply, error) {
			th.Record(domain.Message{Direction: domain.In, Body: "question " + phone, At: clock, SID: "SM" + phone})
			if i < 2 {
				th.Escalate(clock.Add(-time.Duration(i)*time.Hour), "question "+phone, "test")
			}
			return domain.Reply{}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return env{srv: srv, store: st, fake: fake, decider: decider}
}

func do(t *testing.T, e env, method, path, auth string) (int, map[string]any) {
	t.Helper()
	return doBody(t, e, method, path, auth, "")
}

func doBody(t *testing.T, e env, method, path, auth, payload string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, e.srv.URL+path, strings.NewReader(payload))
	if payload != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var body map[string]any
	if resp.StatusCode == http.StatusNoContent {
		return resp.StatusCode, nil
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("%s %s: not JSON: %s", method, path, raw)
	}
	return resp.StatusCode, body
}

func TestNeedsTheOperatorToken(t *testing.T) {
	srv := setup(t)
	for _, auth := range []string{"", "Bearer wrong", "Basic " + token, token, "Bearer " + token + "x"} {
		for _, route := range []struct{ method, path string }{
			{"GET", "/api/v1/threads"}, {"GET", "/api/v1/threads/1"}, {"POST", "/api/v1/threads/1/resolve"},
		} {
			code, body := do(t, srv, route.method, route.path, auth)
			if code != http.StatusUnauthorized || body["error"] == "" {
				t.Errorf("%s %s with %q: %d %v, want 401 with an error", route.method, route.path, auth, code, body)
			}
		}
	}
}

func TestListThreads(t *testing.T) {
	srv := setup(t)
	code, body := do(t, srv, "GET", "/api/v1/threads?status=escalated", "Bearer "+token)
	if code != http.StatusOK {
		t.Fatalf("status %d: %v", code, body)
	}
	threads := body["threads"].([]any)
	if len(threads) != 2 {
		t.Fatalf("%d escalated threads, want 2", len(threads))
	}
	first := threads[0].(map[string]any)
	if first["phone"] != "+15550000002" {
		t.Errorf("first in queue = %v, want the longest-waiting (+15550000002)", first["phone"])
	}
	for _, k := range []string{"id", "phone", "status", "escalated_at", "updated_at", "last_message"} {
		if _, ok := first[k]; !ok {
			t.Errorf("listed thread lacks %q: %v", k, first)
		}
	}
	if _, all := do(t, srv, "GET", "/api/v1/threads", "Bearer "+token); len(all["threads"].([]any)) != 3 {
		t.Errorf("all threads: %v", all)
	}
	if code, body := do(t, srv, "GET", "/api/v1/threads?status=sleeping", "Bearer "+token); code != http.StatusBadRequest || body["error"] == nil {
		t.Errorf("bad status filter: %d %v, want 400", code, body)
	}
}

func TestGetAndResolveThread(t *testing.T) {
	srv := setup(t)
	code, body := do(t, srv, "GET", "/api/v1/threads/1", "Bearer "+token)
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	msgs := body["messages"].([]any)
	m := msgs[0].(map[string]any)
	if m["direction"] != "in" || m["body"] != "question +15550000001" || m["sid"] != "SM+15550000001" || m["at"] != "2026-11-26T12:00:00Z" {
		t.Errorf("message = %v", m)
	}
	code, body = do(t, srv, "POST", "/api/v1/threads/1/resolve", "Bearer "+token)
	if code != http.StatusOK || body["status"] != "resolved" {
		t.Errorf("resolve: %d %v", code, body)
	}
	if _, q := do(t, srv, "GET", "/api/v1/threads?status=escalated", "Bearer "+token); len(q["threads"].([]any)) != 1 {
		t.Errorf("resolved thread still queued: %v", q)
	}
	for path, want := range map[string]int{
		"/api/v1/threads/99": http.StatusNotFound, "/api/v1/threads/abc": http.StatusBadRequest,
		"/api/v1/threads/0": http.StatusBadRequest, "/api/v1/threads/-1": http.StatusBadRequest,
	} {
		code, body := do(t, srv, "GET", path, "Bearer "+token)
		if msg, _ := body["error"].(string); code != want || msg == "" {
			t.Errorf("GET %s: %d %v, want %d", path, code, body, want)
		}
	}
	if code, _ := do(t, srv, "POST", "/api/v1/threads/42/resolve", "Bearer "+token); code != http.StatusNotFound {
		t.Errorf("resolve unknown: %d, want 404", code)
	}
}
