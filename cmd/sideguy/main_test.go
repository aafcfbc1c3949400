package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

const (
	publicURL = "https://sms.example.com" // as Twilio sees it, through a proxy
	authToken = "twiliotoken123"
	opToken   = "operator-token-123"
)

// safeBuffer is a bytes.Buffer that the server and the test can share.
type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func envFunc(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// running is a `sideguy serve` in this process.
type running struct {
	base   string
	stop   context.CancelFunc
	done   chan int
	stderr *safeBuffer
}

func startServe(t *testing.T, env map[string]string, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{stop: cancel, done: make(chan int, 1), stderr: &safeBuffer{}}
	addr := make(chan string, 1)
	m := &Main{Stdout: io.Discard, Stderr: r.stderr, Getenv: envFunc(env), OnListen: func(a string) { addr <- a }}
	go func() { r.done <- m.Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)) }()
	select {
	case a := <-addr:
		r.base = "http://" + a
	case code := <-r.done:
		t.Fatalf("serve exited with %d:\n%s", code, r.stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() { r.shutdown(t) })
	return r
}

func (r *running) shutdown(t *testing.T) {
	t.Helper()
	if r.stop == nil {
		return
	}
	r.stop()
	r.stop = nil
	if code := <-r.done; code != 0 {
		t.Errorf("serve exited with %d:\n%s", code, r.stderr)
	}
}

func sign(token, fullURL string, form url.Values) string {
	return twiliofake.Sign(token, fullURL, form)
}

func (r *running) text(t *testing.T, sid, from, body string, signed bool) (int, string) {
	t.Helper()
	fields := map[string]string{"MessageSid": sid, "From": from, "Body": body}
	if !signed {
		return r.textAs(t, "", fields)
	}
	return r.textAs(t, publicURL, fields)
}

// textAs posts an inbound text as Twilio would, signed over the public URL
// (unsigned when public is empty).
func (r *running) textAs(t *testing.T, public string, fields map[string]string) (int, string) {
	t.Helper()
	form := url.Values{"AccountSid": {"AC1"}, "To": {"+18005550100"}, "NumMedia": {"0"},
		"SmsStatus": {"received"}, "ApiVersion": {"2010-04-01"}}
	for k, v := range fields {
		form.Set(k, v)
	}
	req, _ := http.NewRequest("POST", r.base+"/webhooks/twilio/sms", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if public != "" {
		req.Header.Set("X-Twilio-Signature", sign(authToken, public+"/webhooks/twilio/sms", form))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (r *running) api(t *testing.T, method, path string, out any) int {
	t.Helper()
	req, _ := http.NewRequest(method, r.base+path, nil)
	req.Header.Set("Authorization", "Bearer "+opToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
	}
	return resp.StatusCode
}

type threadList struct {
	Threads []struct {
		ID          int     `json:"id"`
		Phone       string  `json:"phone"`
		Status      string  `json:"status"`
		EscalatedAt *string `json:"escalated_at"`
		LastMessage string  `json:"last_message"`
	} `json:"threads"`
}

// TestEndToEnd drives the real binary's serve command over HTTP as Twilio and
// the operator would, across a restart on the same data.
func TestEndToEnd(t *testing.T) {
	env := map[string]string{
		"SIDEGUY_DATA_DIR": t.TempDir(), "SIDEGUY_PUBLIC_URL": publicURL + "/",
		"TWILIO_AUTH_TOKEN": authToken, "SIDEGUY_OPERATOR_TOKEN": opToken,
	}
	srv := startServe(t, env)

	if resp, err := http.Get(srv.base + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	var hc bytes.Buffer
	if code := (&Main{Stdout: &hc, Stderr: &hc, Getenv: envFunc(map[string]string{})}).Run(context.Background(),
		[]string{"healthcheck", "--url", srv.base + "/healthz"}); code != 0 {
		t.Errorf("healthcheck exit %d: %s", code, hc.String())
	}

	code, body := srv.text(t, "SMe2e1", "+14155550001", "what does iso 27001 require that soc 2 doesn't?", true)
	if code != 200 || !strings.Contains(body, "ISMS") || !strings.HasPrefix(body, `<?xml version="1.0" encoding="UTF-8"?><Response><Message>`) {
		t.Errorf("answer: %d %s", code, body)
	}
	if code, _ := srv.text(t, "SMe2e2", "+14155550002", "hi", false); code != 403 {
		t.Errorf("unsigned webhook: %d, want 403", code)
	}
	_, escalation := srv.text(t, "SMe2e3", "+14155550003", "can you recommend a soc 2 auditor near Denver?", true)
	if !strings.Contains(escalation, "PJ") {
		t.Errorf("escalation reply: %s", escalation)
	}

	var queue threadList
	if code := srv.api(t, "GET", "/api/v1/threads?status=escalated", &queue); code != 200 {
		t.Fatalf("list: %d", code)
	}
	if len(queue.Threads) != 1 || queue.Threads[0].Phone != "+14155550003" || queue.Threads[0].EscalatedAt == nil {
		t.Fatalf("queue = %+v, want the auditor question", queue)
	}
	var noAuth map[string]string
	req, _ := http.NewRequest("GET", srv.base+"/api/v1/threads", nil)
	if resp, _ := http.DefaultClient.Do(req); resp.StatusCode != 401 {
		t.Errorf("API without token: %d", resp.StatusCode)
	} else {
		json.NewDecoder(resp.Body).Decode(&noAuth)
		if noAuth["error"] == "" {
			t.Errorf("401 without an error message")
		}
	}

	// What went to the operator, through the running server.
	var stats bytes.Buffer
	sm := &Main{Stdout: &stats, Stderr: &stats, Getenv: envFunc(env)}
	if code := sm.Run(context.Background(), []string{"kb", "stats", "--url", srv.base}); code != 0 ||
		!strings.Contains(stats.String(), "recommend a soc 2 auditor") || !strings.Contains(stats.String(), "from the running server") {
		t.Errorf("kb stats: %d %s", code, stats.String())
	}

	// A hot backup through the running server opens as a database.
	bak := filepath.Join(t.TempDir(), "backup.db")
	var bout bytes.Buffer
	bm := &Main{Stdout: &bout, Stderr: &bout, Getenv: envFunc(env)}
	if code := bm.Run(context.Background(), []string{"backup", "--url", srv.base, bak}); code != 0 || !strings.Contains(bout.String(), "hot copy") {
		t.Errorf("backup: %d %s", code, bout.String())
	}
	if st, err := store.Open(bak, store.Options{}); err != nil {
		t.Errorf("the backup does not open: %v", err)
	} else {
		if threads, _ := st.Threads(""); len(threads) != 2 {
			t.Errorf("backup holds %d threads, want 2", len(threads))
		}
		st.Close()
	}
	if resp, err := http.Get(srv.base + "/readyz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("readyz: %v %v", resp, err)
	}
	if resp, err := http.Get(srv.base + "/metrics"); err != nil || resp.StatusCode != 200 {
		t.Errorf("metrics: %v %v", resp, err)
	} else {
		body, _ := io.ReadAll(resp.Body)
		for _, want := range []string{"sideguy_messages_in_total 2", "sideguy_escalations_total 1", "sideguy_queue_length 1", "go_goroutines", "process_cpu_seconds_total"} {
			if !strings.Contains(string(body), want) {
				t.Errorf("metrics lack %q", want)
			}
		}
	}

	// A second server on the same data fails fast with a clear message.
	var out bytes.Buffer
	m2 := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(env)}
	start := time.Now()
	if code := m2.Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}); code == 0 || !strings.Contains(out.String(), "locked") {
		t.Errorf("second serve: exit %d, %s; want a failure naming the lock", code, out.String())
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("second serve took %s to fail", time.Since(start))
	}

	// Restart on the same data: threads, messages and processed sids survive.
	srv.shutdown(t)
	srv = startServe(t, env)
	_, again := srv.text(t, "SMe2e1", "+14155550001", "what does iso 27001 require that soc 2 doesn't?", true)
	if again != body {
		t.Errorf("retry after restart got %s, want the stored reply %s", again, body)
	}
	var all threadList
	srv.api(t, "GET", "/api/v1/threads", &all)
	if len(all.Threads) != 2 {
		t.Errorf("after restart: %d threads, want 2", len(all.Threads))
	}
	var resolved struct{ Status string }
	if code := srv.api(t, "POST", "/api/v1/threads/2/resolve", &resolved); code != 200 || resolved.Status != "resolved" {
		t.Errorf("resolve: %d %+v", code, resolved)
	}
	var thread struct {
		Messages []struct{ Direction, Body, At, Sid string }
	}
	srv.api(t, "GET", "/api/v1/threads/1", &thread)
	if len(thread.Messages) < 2 || thread.Messages[0].Sid != "SMe2e1" || thread.Messages[0].Direction != "in" {
		t.Errorf("thread 1 messages = %+v", thread.Messages)
	}
	if _, err := time.Parse(time.RFC3339, thread.Messages[0].At); err != nil {
		t.Errorf("message time %q is not RFC 3339", thread.Messages[0].At)
	}
}

func TestServeRefusesIncompleteConfig(t *testing.T) {
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(map[string]string{"TWILIO_AUTH_TOKEN": "x", "SIDEGUY_DATA_DIR": t.TempDir()})}
	if code := m.Run(context.Background(), []string{"serve"}); code == 0 {
		t.Fatal("serve started without configuration")
	}
	for _, name := range []string{"SIDEGUY_PUBLIC_URL", "SIDEGUY_OPERATOR_TOKEN"} {
		if !strings.Contains(out.String(), name) {
			t.Errorf("refusal %q does not name %s", out.String(), name)
		}
	}
	if strings.Contains(out.String(), "TWILIO_AUTH_TOKEN") {
		t.Errorf("refusal names TWILIO_AUTH_TOKEN, which is set: %s", out.String())
	}
	out.Reset()
	m.Getenv = envFunc(map[string]string{"SIDEGUY_KEYWORD_REPLIES": "carrier-pigeon"})
	if code := m.Run(context.Background(), []string{"serve", "--dev"}); code == 0 || !strings.Contains(out.String(), "SIDEGUY_KEYWORD_REPLIES") {
		t.Errorf("bad keyword mode: %s", out.String())
	}
}

func TestDevModeGeneratesAToken(t *testing.T) {
	env := map[string]string{"SIDEGUY_DATA_DIR": t.TempDir()}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := &safeBuffer{}, &safeBuffer{}
	addr := make(chan string, 1)
	m := &Main{Stdout: stdout, Stderr: stderr, Getenv: envFunc(env), OnListen: func(a string) { addr <- a }}
	done := make(chan int, 1)
	go func() { done <- m.Run(ctx, []string{"serve", "--dev", "--addr", "127.0.0.1:0"}) }()
	base := "http://" + <-addr
	token := strings.TrimSpace(strings.TrimPrefix(stdout.String(), "operator token (dev):"))
	if len(token) < 16 {
		t.Fatalf("no generated token printed: %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "signatures are NOT checked") {
		t.Errorf("no loud warning about signature checks: %s", stderr.String())
	}
	form := url.Values{"MessageSid": {"SMdev"}, "From": {"+14155550009"}, "Body": {"what is an isms?"}}
	resp, err := http.PostForm(base+"/webhooks/twilio/sms", form)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("unsigned text in dev mode: %v %v", resp, err)
	}
	req, _ := http.NewRequest("GET", base+"/api/v1/threads", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Errorf("API with the printed token: %v %v", resp, err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestAskJSON(t *testing.T) {
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(nil)}
	if code := m.Run(context.Background(), []string{"ask", "--json", "which", "direction", "is", "easier?"}); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	var res askResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if res.Action != "answer" || res.Entry != "easier-direction" || res.Reply == "" || res.Encoding != "GSM-7" || res.Segments > 2 {
		t.Errorf("ask = %+v", res)
	}
	out.Reset()
	m.Run(context.Background(), []string{"ask", "--json", "talk to a human"})
	res = askResult{}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || res.Action != "escalate" || res.Entry != "" {
		t.Errorf("ask human = %+v (%v)", res, err)
	}
}

func TestKBCheckWithADirectory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte("---\nid: bad\nquestion: q\nphrasings: [a, b, c]\nsource: s\nanswer: It’s fine\n---\n"), 0o644)
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(nil)}
	if code := m.Run(context.Background(), []string{"kb", "check", "--knowledge", dir}); code != 1 {
		t.Errorf("kb check on a bad file: exit %d, want 1", code)
	}
	if !strings.Contains(out.String(), "bad.md:6: error: answer has characters outside GSM-7") {
		t.Errorf("kb check output %q does not locate the problem", out.String())
	}
	out.Reset()
	if code := m.Run(context.Background(), []string{"kb", "check", "--knowledge", "../../knowledge"}); code != 0 {
		t.Errorf("kb check on the repository's knowledge: exit %d: %s", code, out.String())
	}
	// An entry no development question reaches is named in a warning.
	kdir := filepath.Join(t.TempDir(), "knowledge")
	os.MkdirAll(filepath.Join(kdir, "entries"), 0o755)
	os.MkdirAll(filepath.Join(kdir, "eval"), 0o755)
	shipped, _ := filepath.Glob("../../knowledge/entries/*.md")
	for _, f := range shipped {
		data, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(kdir, "entries", filepath.Base(f)), data, 0o644)
	}
	// The first 600 development questions reach every shipped entry, and
	// take a tenth of the whole set's time.
	writeDevPart(t, filepath.Join(kdir, "eval", "dev.yaml"), 600)
	os.WriteFile(filepath.Join(kdir, "entries", "lonely.md"), []byte("---\nid: lonely\nquestion: Do you like zebras?\nphrasings: [zebras please, zebra stripes, striped horses]\nsource: test\nanswer: I like zebras.\n---\n"), 0o644)
	out.Reset()
	if code := m.Run(context.Background(), []string{"kb", "check", "--knowledge", kdir}); code != 0 ||
		!strings.Contains(out.String(), "warning: lonely: no development question reaches this entry") {
		t.Errorf("kb check with an unreachable entry: exit %d: %s", code, out.String())
	}
}

// TestLoopEndToEnd closes the loop through a fake Twilio REST API: a burst of
// escalations becomes one notification, replies go out through the API and
// from the operator's phone, and status callbacks come back.
func TestLoopEndToEnd(t *testing.T) {
	const (
		accountSID = "AC0123456789abcdef0123456789abcdef"
		operator   = "+14155559999"
	)
	fake := twiliofake.New(accountSID, authToken)
	defer fake.Close()
	env := map[string]string{
		"SIDEGUY_DATA_DIR": t.TempDir(), "SIDEGUY_PUBLIC_URL": publicURL,
		"TWILIO_AUTH_TOKEN": authToken, "SIDEGUY_OPERATOR_TOKEN": opToken,
		"TWILIO_ACCOUNT_SID": accountSID, "TWILIO_FROM_NUMBER": "+18005550100", "SIDEGUY_TWILIO_API_URL": fake.URL,
		"SIDEGUY_OPERATOR_PHONE": operator, "SIDEGUY_NOTIFY_INTERVAL": "2s",
	}
	srv := startServe(t, env)
	for i, q := range []string{"how much does a soc 2 audit cost?", "can you recommend an auditor?", "talk to a human"} {
		srv.text(t, fmt.Sprintf("SMburst%d", i), fmt.Sprintf("+1415555100%d", i), q, true)
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(fake.Sent(operator)) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(3 * time.Second) // long enough for a second notification, if one were wrongly sent
	notes := fake.Sent(operator)
	if len(notes) != 1 || !strings.Contains(notes[0].Body, "3 questions waiting") {
		t.Fatalf("operator notifications = %+v, want one digest of 3", notes)
	}

	// A reply through the API.
	req, _ := http.NewRequest("POST", srv.base+"/api/v1/threads/1/reply", strings.NewReader(`{"body":"PJ here: pricing depends on scope. Happy to talk."}`))
	req.Header.Set("Authorization", "Bearer "+opToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("API reply: %v %v", resp, err)
	}
	if sent := fake.Sent("+14155551000"); len(sent) != 1 || !strings.HasPrefix(sent[0].Body, "PJ here") ||
		sent[0].StatusCallback != publicURL+"/webhooks/twilio/status" {
		t.Fatalf("texter 1 got %+v", sent)
	}
	// A refused 1700-character reply.
	req, _ = http.NewRequest("POST", srv.base+"/api/v1/threads/1/reply", strings.NewReader(`{"body":"`+strings.Repeat("a", 1700)+`"}`))
	req.Header.Set("Authorization", "Bearer "+opToken)
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 400 {
		t.Errorf("1700-character reply: %v %v, want 400", resp, err)
	}
	// A reply from the operator's phone.
	_, body := srv.text(t, "SMop1", operator, "#2 I don't refer auditors by text, sorry.", true)
	if !strings.Contains(body, "Sent to #2") {
		t.Errorf("operator's phone got %s", body)
	}
	sent := fake.Sent("+14155551001")
	if len(sent) != 1 {
		t.Fatalf("texter 2 got %+v", sent)
	}
	if n := len(fake.Sent("+14155551000")); n != 1 {
		t.Errorf("texter 1 got %d texts, want 1 (the refused reply must not be sent)", n)
	}
	// Status callbacks, out of order.
	for _, st := range []string{"delivered", "sent"} {
		if code, err := fake.Callback(srv.base, sent[0], st, 0); err != nil || code != 200 {
			t.Fatalf("callback %s: %d %v", st, code, err)
		}
	}
	var thread struct {
		Status   string
		Messages []struct{ Sid, Status string }
	}
	srv.api(t, "GET", "/api/v1/threads/2", &thread)
	if thread.Status != "answered" {
		t.Errorf("thread 2 status = %s, want answered", thread.Status)
	}
	found := false
	for _, m := range thread.Messages {
		if m.Sid == sent[0].SID {
			found = true
			if m.Status != "delivered" {
				t.Errorf("reply status = %s, want delivered", m.Status)
			}
		}
	}
	if !found {
		t.Error("the phone reply is not on thread 2")
	}
}

// TestTeachExportAndReload: a taught answer reaches the next texter, exports
// as a knowledge file through the running server (and from the database when
// it is stopped), and loading the exported files next to the shipped ones and
// the database's taught copy does not clash.
func TestTeachExportAndReload(t *testing.T) {
	dataDir := t.TempDir()
	env := map[string]string{
		"SIDEGUY_DATA_DIR": dataDir, "SIDEGUY_PUBLIC_URL": publicURL,
		"TWILIO_AUTH_TOKEN": authToken, "SIDEGUY_OPERATOR_TOKEN": opToken,
	}
	srv := startServe(t, env)
	const q = "do you do fractional ciso work?"
	if _, body := srv.text(t, "SMt1", "+14155552001", q, true); strings.Contains(body, "Not right now") {
		t.Fatalf("answered before teaching: %s", body)
	}
	req, _ := http.NewRequest("POST", srv.base+"/api/v1/knowledge", strings.NewReader(`{"question":"`+q+`","answer":"Not right now. I answer SOC 2 and ISO 27001 questions here, no meeting required."}`))
	req.Header.Set("Authorization", "Bearer "+opToken)
	req.Header.Set("Content-Type", "application/json")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 201 {
		t.Fatalf("teach: %v %v", resp, err)
	}
	if _, body := srv.text(t, "SMt2", "+14155552002", q, true); !strings.Contains(body, "Not right now") {
		t.Fatalf("next texter got %s, want the taught answer", body)
	}

	out := t.TempDir()
	var buf bytes.Buffer
	m := &Main{Stdout: &buf, Stderr: &buf, Getenv: envFunc(env)}
	if code := m.Run(context.Background(), []string{"kb", "export", "--url", srv.base, out}); code != 0 || !strings.Contains(buf.String(), "from the running server") {
		t.Fatalf("export through the API: %d %s", code, buf.String())
	}
	srv.shutdown(t)
	out2 := t.TempDir()
	buf.Reset()
	if code := m.Run(context.Background(), []string{"kb", "export", "--url", "http://127.0.0.1:1", out2}); code != 0 || !strings.Contains(buf.String(), "sideguy.db") {
		t.Fatalf("export from the database: %d %s", code, buf.String())
	}
	files, _ := filepath.Glob(filepath.Join(out2, "taught-*.md"))
	if len(files) != 1 {
		t.Fatalf("exported %v, want one file", files)
	}

	// The exported file next to the shipped ones passes kb check ...
	kdir := t.TempDir()
	shipped, _ := filepath.Glob("../../knowledge/entries/*.md")
	for _, f := range append(shipped, files...) {
		data, _ := os.ReadFile(f)
		os.WriteFile(filepath.Join(kdir, filepath.Base(f)), data, 0o644)
	}
	buf.Reset()
	if code := m.Run(context.Background(), []string{"kb", "check", "--knowledge", kdir}); code != 0 {
		t.Fatalf("kb check with the exported entry: %d %s", code, buf.String())
	}
	// ... and serving it with the same database (which still has the taught
	// copy) does not clash, and still answers.
	srv = startServe(t, env, "--knowledge", kdir)
	if _, body := srv.text(t, "SMt3", "+14155552003", q, true); !strings.Contains(body, "Not right now") {
		t.Errorf("after reload got %s", body)
	}
}

// askWith returns a function that runs `sideguy ask --json` on question with
// an environment and flags: the decision, the exit code and all output.
func askWith(question string) func(env map[string]string, args ...string) (askResult, int, string) {
	return func(env map[string]string, args ...string) (askResult, int, string) {
		var out bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(env)}
		code := m.Run(context.Background(), append(append([]string{"ask", "--json"}, args...), question))
		var res askResult
		json.Unmarshal(out.Bytes(), &res)
		return res, code, out.String()
	}
}

// The confidence threshold is configuration: a question answered at the
// default escalates when the operator asks for more confidence than it has,
// and a threshold that is not a share is refused with a clear error.
func TestMinConfidence(t *testing.T) {
	run := askWith("which direction is easier?")
	if res, _, _ := run(nil); res.Action != "answer" || res.Score >= 0.99 {
		t.Fatalf("default: %+v", res)
	}
	if res, _, out := run(map[string]string{"SIDEGUY_MIN_CONFIDENCE": "0.99"}); res.Action != "escalate" {
		t.Errorf("SIDEGUY_MIN_CONFIDENCE=0.99: %s", out)
	}
	if res, _, out := run(nil, "--min-confidence", "0.99"); res.Action != "escalate" {
		t.Errorf("--min-confidence 0.99: %s", out)
	}
	if _, code, out := run(map[string]string{"SIDEGUY_MIN_CONFIDENCE": "95"}); code == 0 || !strings.Contains(out, "at most 1") {
		t.Errorf("a threshold of 95: exit %d, %s", code, out)
	}
	serveRefuses(t, "SIDEGUY_MIN_CONFIDENCE", "high")
}

// serveRefuses checks that serve will not start with name=value, and says
// which setting is wrong.
func serveRefuses(t *testing.T, name, value string) {
	t.Helper()
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(map[string]string{name: value})}
	if code := m.Run(context.Background(), []string{"serve", "--dev", "--addr", "127.0.0.1:0"}); code == 0 || !strings.Contains(out.String(), name) {
		t.Errorf("serve with %s=%s: exit %d, %s", name, value, code, out.String())
	}
}

// The learned model answers what the entries' words leave unsure; its
// threshold is configuration, and 1 turns it off.
func TestMinLearned(t *testing.T) {
	run := askWith("so what exactly is an eye sms everybody keeps saying it on calls")
	if res, _, out := run(nil); res.Action != "answer" || res.Entry != "isms" || !strings.Contains(res.Reason, "learned") {
		t.Fatalf("default: %s", out)
	}
	if res, _, out := run(map[string]string{"SIDEGUY_MIN_LEARNED": "1"}); res.Action != "escalate" {
		t.Errorf("SIDEGUY_MIN_LEARNED=1: %s", out)
	}
	// A text the model answers with an entry the words did not pick (their
	// best was which-first): a threshold just above its probability
	// escalates it.
	run = askWith("which of the two is the lighter lift for a vendor, soc 2 first or iso first?")
	res, _, out := run(nil)
	if res.Action != "answer" || res.Entry != "bottom-line" || !strings.Contains(res.Reason, "best entry which-first") {
		t.Fatalf("default: %s (pick another text)", out)
	}
	above := strconv.FormatFloat(math.Min(1, res.Score+0.01), 'f', 2, 64)
	if res, _, out := run(nil, "--min-learned", above); res.Action != "escalate" {
		t.Errorf("--min-learned %s: %s", above, out)
	}
	if _, code, out := run(map[string]string{"SIDEGUY_MIN_LEARNED": "often"}); code == 0 || !strings.Contains(out, "--min-learned") {
		t.Errorf("a threshold of often: exit %d, %s", code, out)
	}
	serveRefuses(t, "SIDEGUY_MIN_LEARNED", "2")
}

// SIDEGUY_DEBUG_ADDR serves Go's profiler, on its own address only.
func TestDebugAddr(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	debug := l.Addr().String()
	l.Close()
	srv := startServe(t, map[string]string{"SIDEGUY_DATA_DIR": t.TempDir(), "SIDEGUY_DEBUG_ADDR": debug}, "--dev")
	resp, err := http.Get("http://" + debug + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("profiler index: %d", resp.StatusCode)
	}
	resp, err = http.Get(srv.base + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		t.Error("the profiler is served on the public address too")
	}
}
