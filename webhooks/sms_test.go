package webhooks_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/twilio/twilio-go/client"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/webhooks"
)

// TestSignatureVector checks our signer and twilio-go's validator against the
// test vector in twilio-go's own tests.
func TestSignatureVector(t *testing.T) {
	const (
		token = "12345"
		u     = "https://mycompany.com/myapp.php?foo=1&bar=2"
		want  = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
	)
	form := url.Values{"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+12349013030"}, "Digits": {"1234"},
		"From": {"+12349013030"}, "To": {"+18005551212"}}
	if got := sign(token, u, form); got != want {
		t.Errorf("sign = %q, want %q", got, want)
	}
	v := client.NewRequestValidator(token)
	params := map[string]string{}
	for k := range form {
		params[k] = form.Get(k)
	}
	if !v.Validate(u, params, want) {
		t.Error("twilio-go rejects its own test vector")
	}
}

func TestRejectsForgedAndMissingSignatures(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	form := text("SM0001", "+15550000001", "how much do soc 2 and iso overlap")
	tests := []struct {
		name string
		sig  string
	}{
		{"missing", ""},
		{"wrong token", sign("not-the-token", s.url+webhooks.SMSPath, form)},
		{"other URL", sign(authToken, "https://evil.example.com"+webhooks.SMSPath, form)},
		{"garbage", "bm90IGEgc2lnbmF0dXJl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _ := s.postSigned(t, webhooks.SMSPath, form, tt.sig)
			if code != http.StatusForbidden {
				t.Errorf("status = %d, want 403", code)
			}
		})
	}
	// A signature over other fields than those sent is forged too.
	tampered := text("SM0001", "+15550000001", "something else")
	code, _ := s.postSigned(t, webhooks.SMSPath, tampered, sign(authToken, s.url+webhooks.SMSPath, form))
	if code != http.StatusForbidden {
		t.Errorf("tampered body: status = %d, want 403", code)
	}
	threads, err := s.store.Threads("")
	if err != nil {
		t.Fatal(err)
	}
	if len(threads) != 0 {
		t.Errorf("rejected webhooks stored %d threads, want none", len(threads))
	}
}

// TestSignatureWithQueryString: the signed URL includes the query string, and
// query fields are not mixed into the signed POST fields.
func TestSignatureWithQueryString(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	path := webhooks.SMSPath + "?source=twilio&x=1"
	form := text("SM0002", "+15550000002", "what is an isms")
	code, body := s.postSigned(t, path, form, sign(authToken, s.url+path, form))
	if code != http.StatusOK {
		t.Fatalf("status = %d (%s), want 200", code, body)
	}
}

func TestAnswersAndIntroducesTheLine(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	code, body := s.post(t, text("SM0100", "+15550000100", "how much do soc2 and iso 27001 overlap?"))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	got := messages(t, body)
	joined := strings.Join(got, " ")
	if !strings.Contains(joined, "automated line") {
		t.Errorf("first reply does not say it is an automated line: %q", got)
	}
	if !strings.Contains(joined, "80%") {
		t.Errorf("reply does not answer the overlap question: %q", got)
	}
	_, body = s.post(t, text("SM0101", "+15550000100", "what is an isms?"))
	if second := strings.Join(messages(t, body), " "); strings.Contains(second, "automated line") {
		t.Errorf("second reply repeats the introduction: %q", second)
	}
	th := s.thread(t, "+15550000100")
	if th.Status != domain.StatusBot || len(th.Messages) < 4 {
		t.Errorf("thread = %s with %d messages, want bot with every text stored", th.Status, len(th.Messages))
	}
	if th.Messages[0].Direction != domain.In || th.Messages[0].SID != "SM0100" {
		t.Errorf("first message = %+v, want the inbound text with its MessageSid", th.Messages[0])
	}
}

func TestRetriedMessageSidIsProcessedOnce(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	form := text("SM0200", "+15550000200", "which direction is easier, soc 2 to iso or iso to soc 2?")
	_, first := s.post(t, form)
	_, again := s.post(t, form)
	if first != again {
		t.Errorf("retry got a different reply:\n%s\n%s", first, again)
	}
	th := s.thread(t, "+15550000200")
	in := 0
	for _, m := range th.Messages {
		if m.Direction == domain.In {
			in++
		}
	}
	if in != 1 {
		t.Errorf("stored %d inbound messages, want 1", in)
	}
}

func TestConcurrentCopiesOfOneMessageSid(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	form := text("SM0300", "+15550000300", "how much does a soc 2 audit cost?")
	const copies = 12
	replies := make([]string, copies)
	var wg sync.WaitGroup
	for i := range copies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, replies[i] = s.post(t, form)
		}()
	}
	wg.Wait()
	for i, r := range replies {
		if r != replies[0] {
			t.Errorf("copy %d got %q, want %q", i, r, replies[0])
		}
	}
	th := s.thread(t, "+15550000300")
	if th.MessageCount != len(th.Messages) || countDir(th, domain.In) != 1 {
		t.Errorf("thread has %d inbound messages, want 1", countDir(th, domain.In))
	}
	if th.Status != domain.StatusEscalated {
		t.Errorf("status = %s, want escalated (a price question)", th.Status)
	}
}

func countDir(th domain.Thread, d domain.Direction) int {
	n := 0
	for _, m := range th.Messages {
		if m.Direction == d {
			n++
		}
	}
	return n
}

func TestEscalationAndHold(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550000400"
	_, body := s.post(t, text("SM0400", phone, "can you recommend a cheap soc 2 auditor?"))
	got := strings.Join(messages(t, body), " ")
	if !strings.Contains(got, "PJ") || !strings.Contains(got, "text you back") {
		t.Errorf("escalation reply %q does not say a person will text back", got)
	}
	th := s.thread(t, phone)
	if th.Status != domain.StatusEscalated || th.EscalatedAt == nil || th.EscalatedQuestion != "can you recommend a cheap soc 2 auditor?" {
		t.Fatalf("thread = %+v, want escalated with the question", th)
	}
	// While escalated, a question the line can answer is answered, and the
	// thread stays in the operator's queue for the first one.
	_, body = s.post(t, text("SM0401", phone, "also, how much do soc 2 and iso overlap?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "80%") {
		t.Errorf("answerable question while held got %q, want the line's answer", got)
	}
	th = s.thread(t, phone)
	if th.Status != domain.StatusEscalated || th.EscalatedQuestion != "can you recommend a cheap soc 2 auditor?" {
		t.Errorf("after an answer while held: status %s, question %q; want still escalated with the first question", th.Status, th.EscalatedQuestion)
	}
	// Part of a text answered, the rest with PJ as the thread already is.
	_, body = s.post(t, text("SM0405", phone, "how much does soc 2 cost? and what is an isms?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "information security management system") {
		t.Errorf("two questions while held, one answerable, got %q; want that answer", got)
	}
	_, body = s.post(t, text("SM0406", phone, "MORE"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "other part") || !strings.Contains(got, "PJ") {
		t.Errorf("MORE after it got %q, want the word on the other part", got)
	}
	// Anything else: one short acknowledgement, then silence; every text
	// is stored.
	_, body = s.post(t, text("SM0402", phone, "hello?"))
	if ack := messages(t, body); len(ack) != 1 || !strings.Contains(ack[0], "PJ has it") {
		t.Errorf("first unanswerable text while held got %q, want one acknowledgement", ack)
	}
	_, body = s.post(t, text("SM0404", phone, "and which auditor would you pick?"))
	if got := messages(t, body); got != nil {
		t.Errorf("second unanswerable text while held got %q, want no reply", got)
	}
	th = s.thread(t, phone)
	if countDir(th, domain.In) != 6 {
		t.Errorf("stored %d inbound texts, want 6", countDir(th, domain.In))
	}
	// Once resolved, a new text goes back to the line.
	if _, err := s.store.UpdateThread(th.ID, func(t *domain.Thread) error { t.Resolve(t.UpdatedAt); return nil }); err != nil {
		t.Fatal(err)
	}
	_, body = s.post(t, text("SM0403", phone, "how much do soc 2 and iso 27001 overlap?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "80%") {
		t.Errorf("after resolve got %q, want the line's answer", got)
	}
	if th = s.thread(t, phone); th.Status != domain.StatusBot {
		t.Errorf("status after a new text on a resolved thread = %s, want bot", th.Status)
	}
}

// After "that's wrong" or a request for PJ the line stays out, even for a
// question it could answer.
func TestDisputedThreadStaysWithPJ(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550000450"
	s.post(t, text("SM0450", phone, "is soc 2 a certification?"))
	s.post(t, text("SM0451", phone, "that's wrong, my auditor called it a certification"))
	if th := s.thread(t, phone); th.Status != domain.StatusEscalated {
		t.Fatalf("status after the dispute = %s, want escalated", th.Status)
	}
	_, body := s.post(t, text("SM0452", phone, "is soc 2 a certification?"))
	if got := strings.Join(messages(t, body), " "); strings.Contains(got, "attestation") || !strings.Contains(got, "PJ") {
		t.Errorf("the disputed question asked again got %q, want only the acknowledgement", got)
	}
}

func TestAskingForAPersonEscalatesAtOnce(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	for i, q := range []string{"human", "agent", "can I talk to PJ?", "that's wrong", "Human please"} {
		t.Run(q, func(t *testing.T) {
			phone := "+1555000050" + string(rune('0'+i))
			s.post(t, text("SM050"+string(rune('0'+i)), phone, q))
			if th := s.thread(t, phone); th.Status != domain.StatusEscalated {
				t.Errorf("%q: status = %s, want escalated", q, th.Status)
			}
		})
	}
}

func TestOddMessagesGetSensibleReplies(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	media := text("SM0600", "+15550000600", "")
	media.Set("NumMedia", "1")
	media.Set("MediaUrl0", "https://api.twilio.com/media/ME1")
	media.Set("MediaContentType0", "image/jpeg")
	tests := []struct {
		name string
		form url.Values
		want string
	}{
		{"empty", text("SM0601", "+15550000601", ""), "empty"},
		{"spaces", text("SM0602", "+15550000602", "   \n "), "empty"},
		{"media only", media, "pictures"},
		{"emoji only", text("SM0603", "+15550000603", "👍🏽💬"), "Got it"},
		{"unicode question", text("SM0604", "+15550000604", "¿Cuánto se superponen SOC 2 e ISO 27001? 日本語"), "PJ"},
		{"very long", text("SM0605", "+15550000605", strings.Repeat("soc 2 iso overlap ", 90)), ""},
		{"control characters", text("SM0606", "+15550000606", "soc2\x00\x01\x7f iso?"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := s.post(t, tt.form)
			if code != http.StatusOK {
				t.Fatalf("status = %d (%s), want 200", code, body)
			}
			got := strings.Join(messages(t, body), " ")
			if got == "" || !strings.Contains(got, tt.want) {
				t.Errorf("reply %q, want one mentioning %q", got, tt.want)
			}
		})
	}
	th := s.thread(t, "+15550000600")
	if len(th.Messages) == 0 || len(th.Messages[0].Media) != 1 {
		t.Errorf("media URL not stored: %+v", th.Messages)
	}
}

func TestBadRequests(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	noFrom := text("SM0700", "", "hi")
	code, _ := s.post(t, noFrom)
	if code != http.StatusBadRequest {
		t.Errorf("no From: status = %d, want 400", code)
	}
	big := text("SM0701", "+15550000701", strings.Repeat("x", 70<<10))
	if code, _ := s.post(t, big); code != http.StatusRequestEntityTooLarge {
		t.Errorf("70 KiB body: status = %d, want 413", code)
	}
}
