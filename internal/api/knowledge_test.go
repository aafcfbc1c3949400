package api_test

import (
	"net/http"
	"strings"
	"testing"
)

const question = "how much does a soc 2 type 2 audit cost for a 20 person startup?"

func TestTaughtAnswerIsServedAtOnce(t *testing.T) {
	e := setup(t)
	if dec, _ := e.decider.Decide(question); dec.Action != "escalate" {
		t.Fatalf("before teaching: %s, want escalate", dec.Action)
	}
	code, body := doBody(t, e, "POST", "/api/v1/knowledge", "Bearer "+token,
		`{"question": "`+question+`", "answer": "Honestly it depends on scope and auditor; text me your scope and I’ll give you a range.", "thread": 1}`)
	if code != http.StatusCreated {
		t.Fatalf("teach: %d %v", code, body)
	}
	id := body["id"].(string)
	if !strings.HasPrefix(id, "taught-") || body["taught"] != true || body["author"] != "operator" || body["taught_at"] == nil {
		t.Errorf("taught entry = %v", body)
	}
	if !strings.Contains(body["answer"].(string), "I'll give you") {
		t.Errorf("curly quote not transliterated: %q", body["answer"])
	}
	dec, err := e.decider.Decide(question)
	if err != nil || dec.Action != "answer" || dec.Entry.ID != id {
		t.Fatalf("after teaching: %+v %v, want the taught answer", dec, err)
	}
	// Switched off, the line no longer uses it; switched on again, it does.
	if code, _ := do(t, e, "POST", "/api/v1/knowledge/"+id+"/disable", "Bearer "+token); code != 200 {
		t.Fatalf("disable: %d", code)
	}
	if dec, _ := e.decider.Decide(question); dec.Action != "escalate" {
		t.Errorf("disabled entry still answers: %+v", dec)
	}
	do(t, e, "POST", "/api/v1/knowledge/"+id+"/enable", "Bearer "+token)
	// Edited, the new words go out.
	code, body = doBody(t, e, "PUT", "/api/v1/knowledge/"+id, "Bearer "+token,
		`{"question": "`+question+`", "answer": "It depends on scope. Text me yours and I'll give you a range.", "phrasings": ["what does a soc 2 audit cost"]}`)
	if code != 200 {
		t.Fatalf("edit: %d %v", code, body)
	}
	if dec, _ := e.decider.Decide(question); dec.Entry == nil || !strings.HasPrefix(dec.Entry.Answer, "It depends on scope") {
		t.Errorf("edited answer not served: %+v", dec)
	}
	_, list := do(t, e, "GET", "/api/v1/knowledge?taught=1", "Bearer "+token)
	if n := len(list["entries"].([]any)); n != 1 {
		t.Errorf("%d taught entries listed, want 1", n)
	}
	if code, _ := do(t, e, "DELETE", "/api/v1/knowledge/"+id, "Bearer "+token); code != http.StatusNoContent {
		t.Errorf("delete: %d", code)
	}
	if dec, _ := e.decider.Decide(question); dec.Action != "escalate" {
		t.Errorf("deleted entry still answers: %+v", dec)
	}
}

func TestShippedEntriesCanOnlyBeSwitched(t *testing.T) {
	e := setup(t)
	if dec, _ := e.decider.Decide("what is an isms?"); dec.Entry == nil || dec.Entry.ID != "isms" {
		t.Fatalf("isms not answered before: %+v", dec)
	}
	if code, body := do(t, e, "POST", "/api/v1/knowledge/isms/disable", "Bearer "+token); code != 200 || body["enabled"] != false {
		t.Fatalf("disable shipped: %d %v", code, body)
	}
	if dec, _ := e.decider.Decide("what is an isms?"); dec.Entry != nil && dec.Entry.ID == "isms" {
		t.Error("a switched-off shipped entry still answers")
	}
	code, _ := doBody(t, e, "PUT", "/api/v1/knowledge/isms", "Bearer "+token, `{"question": "q", "answer": "a"}`)
	if code != http.StatusBadRequest {
		t.Errorf("edit shipped: %d, want 400", code)
	}
	if code, _ := do(t, e, "DELETE", "/api/v1/knowledge/isms", "Bearer "+token); code != http.StatusNotFound {
		t.Errorf("delete shipped: %d, want 404", code)
	}
}

func TestTeachValidation(t *testing.T) {
	e := setup(t)
	for name, payload := range map[string]string{
		"no question": `{"question": "", "answer": "yes"}`,
		"no answer":   `{"question": "is it?", "answer": "  "}`,
		"too long":    `{"question": "is it?", "answer": "` + strings.Repeat("word ", 70) + `"}`,
		"emoji":       `{"question": "is it?", "answer": "yes 👍"}`,
		"not JSON":    `question=x`,
	} {
		code, body := doBody(t, e, "POST", "/api/v1/knowledge", "Bearer "+token, payload)
		if code != http.StatusBadRequest || body["error"] == nil {
			t.Errorf("%s: %d %v, want 400 with a reason", name, code, body)
		}
	}
	if code, _ := do(t, e, "GET", "/api/v1/knowledge/nope", "Bearer "+token); code != http.StatusNotFound {
		t.Errorf("unknown entry: %d", code)
	}
}
