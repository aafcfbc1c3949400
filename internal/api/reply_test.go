package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestReplyReachesTheTexter(t *testing.T) {
	e := setup(t)
	code, body := doBody(t, e, "POST", "/api/v1/threads/1/reply", "Bearer "+token, `{"body": "Hi, PJ here. Happy to help with that."}`)
	if code != http.StatusOK {
		t.Fatalf("reply: %d %v", code, body)
	}
	msg := body["message"].(map[string]any)
	if msg["encoding"] != "GSM-7" || msg["segments"] != 1.0 || !strings.HasPrefix(msg["sid"].(string), "SM") || msg["status"] != "queued" {
		t.Errorf("message = %v, want encoding, segments, Twilio's SID and status", msg)
	}
	thread := body["thread"].(map[string]any)
	if thread["status"] != "answered" {
		t.Errorf("thread status = %v, want answered", thread["status"])
	}
	sent := e.fake.Sent("+15550000001")
	if len(sent) != 1 || sent[0].Body != "Hi, PJ here. Happy to help with that." {
		t.Errorf("fake Twilio got %+v", sent)
	}
	_, q := do(t, e, "GET", "/api/v1/threads?status=escalated", "Bearer "+token)
	for _, th := range q["threads"].([]any) {
		if th.(map[string]any)["id"] == 1.0 {
			t.Error("an answered thread is still in the escalated queue")
		}
	}
	// The reply is on the thread, with its SID.
	_, full := do(t, e, "GET", "/api/v1/threads/1", "Bearer "+token)
	msgs := full["messages"].([]any)
	last := msgs[len(msgs)-1].(map[string]any)
	if last["direction"] != "out" || last["author"] != "operator" || last["sid"] != sent[0].SID {
		t.Errorf("last message = %v", last)
	}
	// Unicode costs more, and the response says so.
	_, body = doBody(t, e, "POST", "/api/v1/threads/1/reply", "Bearer "+token, `{"body": "Thanks! 🙏"}`)
	if m := body["message"].(map[string]any); m["encoding"] != "UCS-2" {
		t.Errorf("emoji reply encoding = %v, want UCS-2", m["encoding"])
	}
}

func TestReplyIsCheckedBeforeSending(t *testing.T) {
	e := setup(t)
	long := strings.Repeat("a", 1700)
	tests := []struct {
		name, body string
		want       int
	}{
		{"empty", `{"body": ""}`, http.StatusBadRequest},
		{"spaces", `{"body": "   "}`, http.StatusBadRequest},
		{"1700 characters", fmt.Sprintf(`{"body": %q}`, long), http.StatusBadRequest},
		{"not JSON", `body=hi`, http.StatusBadRequest},
	}
	for _, tt := range tests {
		code, body := doBody(t, e, "POST", "/api/v1/threads/1/reply", "Bearer "+token, tt.body)
		if code != tt.want || body["error"] == nil {
			t.Errorf("%s: %d %v, want %d with an error", tt.name, code, body, tt.want)
		}
	}
	if code, _ := doBody(t, e, "POST", "/api/v1/threads/77/reply", "Bearer "+token, `{"body": "hi"}`); code != http.StatusNotFound {
		t.Errorf("unknown thread: %d, want 404", code)
	}
	if n := len(e.fake.Messages()); n != 0 {
		t.Errorf("refused replies reached Twilio: %d messages", n)
	}
	code, body := doBody(t, e, "POST", "/api/v1/threads/1/reply", "Bearer "+token, fmt.Sprintf(`{"body": %q}`, strings.Repeat("a", 1600)))
	if code != http.StatusOK {
		t.Errorf("1600 characters: %d %v, want it sent", code, body)
	}
}

func TestReplyToOptedOutTexter(t *testing.T) {
	e := setup(t)
	// Twilio knows the number opted out (STOP reached Twilio, not us): 21610.
	e.fake.OptOut("+15550000002")
	code, body := doBody(t, e, "POST", "/api/v1/threads/2/reply", "Bearer "+token, `{"body": "hello"}`)
	if code != http.StatusConflict {
		t.Fatalf("reply to 21610: %d %v, want 409", code, body)
	}
	_, th := do(t, e, "GET", "/api/v1/threads/2", "Bearer "+token)
	if th["opted_out"] != true {
		t.Errorf("21610 did not mark the texter opted out: %v", th)
	}
	msgs := th["messages"].([]any)
	if last := msgs[len(msgs)-1].(map[string]any); last["error_code"] != 21610.0 || last["status"] != "failed" {
		t.Errorf("the refused reply was not kept with its error: %v", last)
	}
	// Now we know: the next reply is refused before anything is sent.
	before := len(e.fake.Messages())
	if code, _ := doBody(t, e, "POST", "/api/v1/threads/2/reply", "Bearer "+token, `{"body": "hello again"}`); code != http.StatusConflict {
		t.Errorf("second reply: %d, want 409", code)
	}
	if len(e.fake.Messages()) != before {
		t.Error("a reply to a known opted-out number reached Twilio")
	}
}

func TestOtherTwilioErrorsAreShown(t *testing.T) {
	e := setup(t)
	e.fake.FailNext(21211)
	code, body := doBody(t, e, "POST", "/api/v1/threads/1/reply", "Bearer "+token, `{"body": "hello"}`)
	if code != http.StatusBadGateway || body["code"] != 21211.0 || !strings.Contains(body["error"].(string), "Twilio") {
		t.Errorf("Twilio error: %d %v, want 502 naming it", code, body)
	}
	_, list := do(t, e, "GET", "/api/v1/threads?status=escalated", "Bearer "+token)
	for _, th := range list["threads"].([]any) {
		m := th.(map[string]any)
		if m["id"] == 1.0 && m["delivery_problem"] != true {
			t.Errorf("thread 1 not flagged with a delivery problem: %v", m)
		}
	}
}

func TestStatusChanges(t *testing.T) {
	e := setup(t)
	for _, step := range []struct{ path, want string }{
		{"/api/v1/threads/3/reopen", "escalated"},
		{"/api/v1/threads/3/bot", "bot"},
		{"/api/v1/threads/3/resolve", "resolved"},
		{"/api/v1/threads/3/reopen", "escalated"},
	} {
		code, body := do(t, e, "POST", step.path, "Bearer "+token)
		if code != http.StatusOK || body["status"] != step.want {
			t.Errorf("POST %s: %d %v, want status %s", step.path, code, body["status"], step.want)
		}
	}
	if code, _ := do(t, e, "POST", "/api/v1/threads/99/bot", "Bearer "+token); code != http.StatusNotFound {
		t.Errorf("unknown thread: %d", code)
	}
}

func TestAwaySwitch(t *testing.T) {
	e := setup(t)
	code, body := doBody(t, e, "POST", "/api/v1/settings/away", "Bearer "+token, `{"until": "mon"}`)
	if code != http.StatusOK || body["away_until"] == nil || body["texters_expect_reply"] != "on Monday" {
		t.Errorf("away until mon: %d %v", code, body)
	}
	if code, body := doBody(t, e, "POST", "/api/v1/settings/away", "Bearer "+token, `{"until": "someday"}`); code != http.StatusBadRequest {
		t.Errorf("bad away: %d %v", code, body)
	}
	code, body = do(t, e, "DELETE", "/api/v1/settings/away", "Bearer "+token)
	if code != http.StatusOK || body["away_until"] != nil {
		t.Errorf("back: %d %v", code, body)
	}
}
