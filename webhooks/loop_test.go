package webhooks_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/webhooks"
)

// flush runs the notifier as its loop would.
func (s *stack) flush(t *testing.T) time.Duration {
	t.Helper()
	wait, err := s.notifier.Flush(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return wait
}

func TestOperatorAnswersFromThePhone(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const texter = "+15550001000"
	s.post(t, text("SMl1", texter, "can you recommend a soc 2 auditor?"))
	s.flush(t)
	notes := s.fake.Sent(operatorPhone)
	if len(notes) != 1 || !strings.Contains(notes[0].Body, "#1") || !strings.Contains(notes[0].Body, s.url+"/console/threads/1") ||
		!strings.Contains(notes[0].Body, "recommend a soc 2 auditor") {
		t.Fatalf("operator notification = %+v", notes)
	}

	_, body := s.post(t, text("SMop1", operatorPhone, "#1 Honestly, I don't refer auditors by text, but happy to talk scope."))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "Sent to #1") {
		t.Errorf("operator got %q, want a confirmation", got)
	}
	sent := s.fake.Sent(texter)
	if len(sent) != 1 || !strings.HasPrefix(sent[0].Body, "Honestly, I don't refer auditors") {
		t.Fatalf("texter got %+v", sent)
	}
	if sent[0].StatusCallback != s.url+webhooks.StatusPath {
		t.Errorf("StatusCallback = %q", sent[0].StatusCallback)
	}
	th := s.thread(t, texter)
	if th.Status != domain.StatusAnswered {
		t.Errorf("status = %s, want answered", th.Status)
	}

	// The person who answered owns the conversation: a new text goes back to
	// the queue, not to the line, and gets no automatic reply.
	_, body = s.post(t, text("SMl2", texter, "thanks! and how much do soc 2 and iso overlap?"))
	if got := messages(t, body); got != nil {
		t.Errorf("new text on an answered thread got %q from the line", got)
	}
	if th = s.thread(t, texter); th.Status != domain.StatusEscalated {
		t.Errorf("status = %s, want escalated", th.Status)
	}
	// Nor does a later question the line could answer.
	_, body = s.post(t, text("SMl3", texter, "what is an isms?"))
	if got := messages(t, body); got != nil {
		t.Errorf("a question on a thread the operator is answering got %q from the line", got)
	}

	_, body = s.post(t, text("SMop2", operatorPhone, "queue"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "1 waiting") || !strings.Contains(got, "#1") {
		t.Errorf("queue = %q", got)
	}
	_, body = s.post(t, text("SMop3", operatorPhone, "#1 done"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "#1 resolved") {
		t.Errorf("done = %q", got)
	}
	if th = s.thread(t, texter); th.Status != domain.StatusResolved {
		t.Errorf("status = %s, want resolved", th.Status)
	}
	_, body = s.post(t, text("SMop4", operatorPhone, "#1 bot"))
	if th = s.thread(t, texter); th.Status != domain.StatusBot {
		t.Errorf("status after #1 bot = %s, want bot", th.Status)
	}
	for cmd, want := range map[string]string{
		"#99 hello":                       "no thread #99",
		"what's up":                       "SideGuy commands",
		"#1 " + strings.Repeat("x", 1700): "1600",
	} {
		_, body = s.post(t, text("SMop-"+cmd[:4]+want[:3], operatorPhone, cmd))
		if got := strings.Join(messages(t, body), " "); !strings.Contains(got, want) {
			t.Errorf("operator %q got %q, want %q", cmd[:min(len(cmd), 20)], got, want)
		}
	}
	// The operator's texts never become a thread, so notifications cannot loop.
	threads, _ := s.store.Threads("")
	for _, th := range threads {
		if th.Phone == operatorPhone {
			t.Errorf("the operator's phone has a thread: %+v", th)
		}
	}
	// A retried operator command is not run twice.
	before := len(s.fake.Sent(texter))
	s.post(t, text("SMop9", operatorPhone, "#1 One more thing."))
	s.post(t, text("SMop9", operatorPhone, "#1 One more thing."))
	if got := len(s.fake.Sent(texter)) - before; got != 1 {
		t.Errorf("a retried #1 command sent %d texts, want 1", got)
	}
}

func TestReplyFromPhoneToOptedOutTexter(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	s.post(t, text("SMo1", "+15550002000", "human please"))
	s.post(t, text("SMo2", "+15550002000", "STOP"))
	_, body := s.post(t, text("SMo3", operatorPhone, "#1 sorry to see you go"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "opted out") {
		t.Errorf("operator got %q, want it refused for opt-out", got)
	}
	if n := len(s.fake.Sent("+15550002000")); n != 0 {
		t.Errorf("%d texts sent to an opted-out number", n)
	}
}

func TestNotificationsAreThrottledIntoADigest(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	s.post(t, text("SMn1", "+15550003001", "how much does soc 2 cost?"))
	s.flush(t)
	if n := len(s.fake.Sent(operatorPhone)); n != 1 {
		t.Fatalf("%d notifications after the first escalation, want 1", n)
	}
	// A burst within the interval: nothing now, one digest when it ends.
	s.clock.Advance(time.Minute)
	for i, q := range []string{"talk to a human", "do you know a good pen tester?", "agent"} {
		s.post(t, text("SMn2"+string(rune('a'+i)), "+1555000310"+string(rune('0'+i)), q))
	}
	if wait := s.flush(t); wait != 4*time.Minute {
		t.Errorf("next notification in %s, want 4m", wait)
	}
	if n := len(s.fake.Sent(operatorPhone)); n != 1 {
		t.Fatalf("%d notifications during the interval, want still 1", n)
	}
	s.clock.Advance(4 * time.Minute)
	s.flush(t)
	notes := s.fake.Sent(operatorPhone)
	if len(notes) != 2 {
		t.Fatalf("%d notifications, want 2 (one, then one digest)", len(notes))
	}
	digest := notes[1].Body
	for _, want := range []string{"3 questions waiting", "#2", "#3", "#4", s.url + "/console"} {
		if !strings.Contains(digest, want) {
			t.Errorf("digest %q lacks %q", digest, want)
		}
	}
	if strings.Contains(digest, "#1 ") {
		t.Errorf("digest repeats thread #1: %q", digest)
	}
	// At most one per thread: nothing new, nothing sent.
	s.clock.Advance(time.Hour)
	s.post(t, text("SMn9", "+15550003001", "hello? still there?"))
	s.flush(t)
	if n := len(s.fake.Sent(operatorPhone)); n != 2 {
		t.Errorf("%d notifications, want no more for threads already notified", n)
	}
}

func TestStatusCallbacks(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const texter = "+15550004000"
	s.post(t, text("SMs1", texter, "human"))
	s.post(t, text("SMs2", operatorPhone, "#1 Hi, PJ here."))
	sent := s.fake.Sent(texter)
	if len(sent) != 1 {
		t.Fatalf("sent %d", len(sent))
	}
	status := func() domain.Message {
		th := s.thread(t, texter)
		for _, m := range th.Messages {
			if m.SID == sent[0].SID {
				return m
			}
		}
		t.Fatalf("reply %s not on the thread", sent[0].SID)
		return domain.Message{}
	}
	if m := status(); m.Status != "queued" {
		t.Errorf("status after sending = %q, want queued", m.Status)
	}
	// Out of order: delivered arrives before sent.
	for _, st := range []string{"delivered", "sent", "queued"} {
		if code, err := s.fake.Callback(s.url, sent[0], st, 0); err != nil || code != http.StatusOK {
			t.Fatalf("callback %s: %d %v", st, code, err)
		}
	}
	if m := status(); m.Status != "delivered" {
		t.Errorf("status = %q, want delivered (a final status is never overwritten)", m.Status)
	}
	if th := s.thread(t, texter); th.DeliveryProblem {
		t.Error("delivered reply flagged as a problem")
	}

	// A failed reply is flagged on the thread.
	s.post(t, text("SMs3", operatorPhone, "#1 One more thing."))
	second := s.fake.Sent(texter)[1]
	s.fake.Callback(s.url, second, "sent", 0)
	s.fake.Callback(s.url, second, "undelivered", 30003)
	th := s.thread(t, texter)
	if !th.DeliveryProblem {
		t.Error("undelivered reply not flagged on the thread")
	}
	for _, m := range th.Messages {
		if m.SID == second.SID && (m.Status != "undelivered" || m.ErrorCode != 30003) {
			t.Errorf("message = %+v, want undelivered with 30003", m)
		}
	}

	// Unknown SIDs get 200; forged callbacks get 403.
	ghost := second
	ghost.SID = "SMdoesnotexist"
	if code, _ := s.fake.Callback(s.url, ghost, "delivered", 0); code != http.StatusOK {
		t.Errorf("unknown SID: %d, want 200", code)
	}
	form := text("x", texter, "")
	if code, _ := s.postSigned(t, webhooks.StatusPath, form, "forged"); code != http.StatusForbidden {
		t.Errorf("forged callback: %d, want 403", code)
	}
}

func TestOfficeHoursWording(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio, func(o *options) { o.hours = "Mon-Fri 09:00-17:00 America/Los_Angeles" })
	// Thursday 10:00 in LA: today.
	_, body := s.post(t, text("SMh1", "+15550005001", "how much does iso cost?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "text you back here today") {
		t.Errorf("Thursday morning: %q", got)
	}
	// Friday 18:00 in LA: Monday.
	s.clock.Advance(32 * time.Hour)
	_, body = s.post(t, text("SMh2", "+15550005002", "how much does iso cost?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "text you back here on Monday") {
		t.Errorf("Friday evening: %q", got)
	}
	// The hold acknowledgement says the same.
	_, body = s.post(t, text("SMh3", "+15550005002", "hello?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "on Monday") {
		t.Errorf("hold on Friday evening: %q", got)
	}
	// Away until Tuesday, set from the phone.
	_, body = s.post(t, text("SMh4", operatorPhone, "away until tue"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "Away until Tue") {
		t.Errorf("away: %q", got)
	}
	_, body = s.post(t, text("SMh5", "+15550005003", "how much does iso cost?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "on Tuesday") {
		t.Errorf("while away: %q", got)
	}
	s.post(t, text("SMh6", operatorPhone, "back"))
	_, body = s.post(t, text("SMh7", "+15550005004", "how much does iso cost?"))
	if got := strings.Join(messages(t, body), " "); !strings.Contains(got, "on Monday") {
		t.Errorf("after back: %q", got)
	}
}
