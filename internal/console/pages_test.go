package console_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
)

// route fills a route's parameters with things that exist.
func route(path, entry string, msgID uint64) string {
	r := strings.NewReplacer(":id", "1", ":mid", strconv.FormatUint(msgID, 10), ":eid", entry, "*", "style.css")
	return r.Replace(path)
}

// lineAnswer is the message ID of the line's answer on thread 2.
func lineAnswer(t *testing.T, e *env) uint64 {
	t.Helper()
	th, err := e.store.Thread(2)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range th.Messages {
		if m.Kind == "answer" {
			return m.ID
		}
	}
	t.Fatal("no line answer on thread 2")
	return 0
}

// TestEveryPageRenders walks every page a logged-in operator can open.
func TestEveryPageRenders(t *testing.T) {
	e := setup(t, "http://localhost")
	taught, err := e.lib.Teach(library.Lesson{Question: "do you do pen tests?", Answer: "No, I answer SOC 2 and ISO 27001 questions.", Author: "operator"})
	if err != nil {
		t.Fatal(err)
	}
	b := e.browser(t)
	b.login()
	pages := map[string]string{
		"/console":                          "Queue",
		"/console/threads":                  "All threads",
		"/console/threads?q=soc&status=bot": "#2",
		"/console/threads?q=%231":           "#1",
		"/console/threads/1":                "Reply by SMS",
		"/console/threads/2":                "Flag as wrong",
		"/console/threads/1/teach":          "Save as knowledge",
		"/console/knowledge":                "do you do pen tests?",
		"/console/knowledge/isms":           "Phrasings",
		"/console/knowledge/" + taught.ID:   "Delete",
		"/console/settings":                 "Office hours",
	}
	for path, want := range pages {
		resp, body := b.get(path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, want) || !strings.Contains(body, "</html>") {
			t.Errorf("GET %s: %d, want 200 with %q", path, resp.StatusCode, want)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
			t.Errorf("GET %s: Content-Type %q", path, ct)
		}
	}
	for _, path := range []string{"/console/threads/99", "/console/threads/abc", "/console/knowledge/nope"} {
		if resp, body := b.get(path); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "</html>") {
			t.Errorf("GET %s: %d, want a 404 page", path, resp.StatusCode)
		}
	}
	for _, asset := range []string{"/console/static/style.css", "/console/static/console.js"} {
		if resp, _ := b.get(asset); resp.StatusCode != 200 {
			t.Errorf("GET %s: %d", asset, resp.StatusCode)
		}
	}
}

// TestEveryRouteNeedsASession tries every console route without logging in.
func TestEveryRouteNeedsASession(t *testing.T) {
	e := setup(t, "http://localhost")
	msg := lineAnswer(t, e)
	anon := e.browser(t)
	n := 0
	for _, r := range e.echo.Routes() {
		if !strings.HasPrefix(r.Path, "/console") || strings.HasPrefix(r.Path, "/console/login") || strings.HasPrefix(r.Path, "/console/static") {
			continue
		}
		n++
		resp, _ := anon.do(r.Method, route(r.Path, "isms", msg), url.Values{"body": {"hi"}, "csrf": {"x"}})
		if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/console/login") {
			t.Errorf("%s %s without a session: %d to %q, want 303 to the login page", r.Method, r.Path, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
	if n < 15 {
		t.Errorf("walked %d routes, expected the whole console", n)
	}
	if len(e.fake.Messages()) != 0 {
		t.Error("an unauthenticated request sent an SMS")
	}
	if th, _ := e.store.Thread(1); th.Status != domain.StatusEscalated {
		t.Errorf("an unauthenticated request changed thread 1 to %s", th.Status)
	}
}

// TestEveryChangeNeedsTheCSRFToken posts to every state-changing route with a
// session but without (or with a wrong) token.
func TestEveryChangeNeedsTheCSRFToken(t *testing.T) {
	e := setup(t, "http://localhost")
	msg := lineAnswer(t, e)
	b := e.browser(t)
	real := b.login()
	n := 0
	for _, r := range e.echo.Routes() {
		if r.Method != http.MethodPost || !strings.HasPrefix(r.Path, "/console") || r.Path == "/console/login" {
			continue
		}
		n++
		for _, tok := range []string{"", "forged-" + real[:8]} {
			form := url.Values{"body": {"hi"}, "question": {"q?"}, "answer": {"a"}, "action": {"pause"}}
			if tok != "" {
				form.Set("csrf", tok)
			}
			resp, _ := b.do("POST", route(r.Path, "isms", msg), form)
			if resp.StatusCode != http.StatusForbidden {
				t.Errorf("POST %s with csrf %q: %d, want 403", r.Path, tok, resp.StatusCode)
			}
		}
	}
	if n < 12 {
		t.Errorf("checked %d POST routes, expected every one", n)
	}
	if len(e.fake.Messages()) != 0 {
		t.Error("a request without the CSRF token sent an SMS")
	}
	if s, _ := e.asst.Settings(); s.Paused {
		t.Error("a request without the CSRF token paused the line")
	}
	// Still logged in: the session survived the refusals.
	if resp, _ := b.get("/console"); resp.StatusCode != 200 {
		t.Errorf("queue after refusals: %d", resp.StatusCode)
	}
}

func TestLogin(t *testing.T) {
	e := setup(t, "https://sms.example.com")
	b := e.browser(t)
	_, page := b.get("/console/login")
	form := url.Values{"csrf": {csrf(t, page)}, "token": {"wrong"}}
	if resp, body := b.do("POST", "/console/login", form); resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "not right") {
		t.Errorf("wrong token: %d", resp.StatusCode)
	}
	// Without the form's token (a forged cross-site login).
	if resp, _ := b.do("POST", "/console/login", url.Values{"token": {token}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("login without csrf: %d, want 403", resp.StatusCode)
	}
	// With the password instead of the token.
	_, page = b.get("/console/login")
	resp, _ := b.do("POST", "/console/login", url.Values{"csrf": {csrf(t, page)}, "password": {password}, "next": {"/console/settings"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console/settings" {
		t.Fatalf("password login: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	var sess *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "sideguy_session" {
			sess = c
		}
	}
	if sess == nil || !sess.HttpOnly || !sess.Secure || sess.SameSite != http.SameSiteStrictMode {
		t.Errorf("session cookie = %+v, want HttpOnly, Secure (https public URL), SameSite=Strict", sess)
	}
	// Logout invalidates the session, even for someone who kept the cookie.
	_, page = b.get("/console")
	stolen := &http.Cookie{Name: "sideguy_session", Value: sess.Value}
	b.do("POST", "/console/logout", url.Values{"csrf": {csrf(t, page)}})
	req, _ := http.NewRequest("GET", e.srv.URL+"/console", nil)
	req.AddCookie(stolen)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if r, err := noFollow.Do(req); err != nil || r.StatusCode != http.StatusSeeOther {
		t.Errorf("old session after logout: %v %v, want a redirect to login", r.StatusCode, err)
	}
	// An open redirect through next is refused.
	b2 := e.browser(t)
	_, page = b2.get("/console/login")
	resp, _ = b2.do("POST", "/console/login", url.Values{"csrf": {csrf(t, page)}, "token": {token}, "next": {"https://evil.example.com/console"}})
	if resp.Header.Get("Location") != "/console" {
		t.Errorf("next to another site: redirected to %q", resp.Header.Get("Location"))
	}
}

func TestSessionsExpireWhenIdle(t *testing.T) {
	e := setup(t, "http://localhost")
	b := e.browser(t)
	b.login()
	e.clock.Advance(59 * time.Minute)
	if resp, _ := b.get("/console"); resp.StatusCode != 200 {
		t.Fatalf("after 59 minutes: %d, want still logged in", resp.StatusCode)
	}
	e.clock.Advance(61 * time.Minute)
	if resp, _ := b.get("/console"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after an idle hour: %d, want logged out", resp.StatusCode)
	}
}

func TestFailedLoginsAreThrottled(t *testing.T) {
	e := setup(t, "http://localhost")
	b := e.browser(t)
	for i := range 5 {
		_, page := b.get("/console/login")
		if resp, _ := b.do("POST", "/console/login", url.Values{"csrf": {csrf(t, page)}, "token": {"guess"}}); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, resp.StatusCode)
		}
	}
	_, page := b.get("/console/login")
	if resp, _ := b.do("POST", "/console/login", url.Values{"csrf": {csrf(t, page)}, "token": {token}}); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("6th attempt, even with the right token: %d, want 429", resp.StatusCode)
	}
	e.clock.Advance(time.Minute)
	_, page = b.get("/console/login")
	if resp, _ := b.do("POST", "/console/login", url.Values{"csrf": {csrf(t, page)}, "token": {token}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a minute later: %d, want logged in", resp.StatusCode)
	}
}

// TestTextersMessagesAreInert: a texted <script> or <img onerror> is text in
// every page, and the policy forbids inline script anyway.
func TestTextersMessagesAreInert(t *testing.T) {
	e := setup(t, "http://localhost")
	b := e.browser(t)
	b.login()
	for _, path := range []string{"/console", "/console/threads", "/console/threads/1", "/console/threads/1/teach", "/console/threads?q=script"} {
		resp, body := b.get(path)
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "onerror=\"alert") {
			t.Errorf("%s renders the texter's markup raw", path)
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s does not show the texter's words as text", path)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("%s has an inline script", path)
		}
	}
}

func TestReplyTeachAndSettingsFromTheConsole(t *testing.T) {
	e := setup(t, "http://localhost")
	b := e.browser(t)
	tok := b.login()
	resp, _ := b.do("POST", "/console/threads/1/reply", url.Values{"csrf": {tok}, "body": {"PJ here: it depends on scope. Happy to help."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reply: %d", resp.StatusCode)
	}
	if sent := e.fake.Sent("+14155550001"); len(sent) != 1 {
		t.Fatalf("fake Twilio got %+v", sent)
	}
	_, page := b.get("/console/threads/1")
	if !strings.Contains(page, "PJ here: it depends on scope") || !strings.Contains(page, "Sent (GSM-7, 1 segment)") {
		t.Error("the reply is not in the transcript, or the page does not confirm it")
	}
	// Too long: refused with the draft kept.
	resp, body := b.do("POST", "/console/threads/1/reply", url.Values{"csrf": {tok}, "body": {strings.Repeat("x", 1700)}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "1600") {
		t.Errorf("1700 characters: %d", resp.StatusCode)
	}
	// Save as knowledge, prefilled with the question and the reply.
	_, form := b.get("/console/threads/1/teach")
	if !strings.Contains(form, "how much does soc 2 cost?") || !strings.Contains(form, "PJ here: it depends on scope") {
		t.Error("teach form not prefilled")
	}
	resp, _ = b.do("POST", "/console/threads/1/teach", url.Values{"csrf": {tok}, "question": {"how much does a soc 2 audit cost?"},
		"answer": {"PJ here: it depends on scope. Text me yours and I'll give you a range."}, "phrasings": {"soc 2 price?\nwhat does soc2 cost"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("teach: %d", resp.StatusCode)
	}
	if dec, _ := e.decider.Decide("how much does a soc 2 audit cost?"); dec.Entry == nil || !strings.HasPrefix(dec.Entry.Answer, "PJ here") {
		t.Errorf("the next texter does not get the taught answer: %+v", dec)
	}
	// Flag the line's answer on thread 2: flagged, and back in the queue.
	msg := lineAnswer(t, e)
	b.do("POST", "/console/threads/2/messages/"+strconv.FormatUint(msg, 10)+"/flag", url.Values{"csrf": {tok}})
	if th, _ := e.store.Thread(2); th.Status != domain.StatusEscalated {
		t.Errorf("flagged thread status %s, want escalated", th.Status)
	}
	// Pause the line: every text goes to the operator.
	b.do("POST", "/console/settings", url.Values{"csrf": {tok}, "action": {"pause"}})
	reply, err := e.asst.Handle(t.Context(), domain.Inbound{SID: "SMp", From: "+14155550009", Body: "what is an isms?"})
	if err != nil || !strings.Contains(strings.Join(reply.Messages, " "), "PJ is answering texts personally") {
		t.Errorf("while paused: %v %v", reply, err)
	}
	resp, body = b.do("POST", "/console/settings", url.Values{"csrf": {tok}, "action": {"hours"}, "hours": {"Mon-Fri 9-5"}})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "office hours") {
		t.Errorf("bad hours: %d", resp.StatusCode)
	}
	b.do("POST", "/console/settings", url.Values{"csrf": {tok}, "action": {"hours"}, "hours": {"Mon-Fri 09:00-17:00 America/Los_Angeles"}})
	if got := e.asst.HoursInForce(); got != "Mon-Fri 09:00-17:00 America/Los_Angeles" {
		t.Errorf("hours in force = %q", got)
	}
}
