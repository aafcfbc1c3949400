package webhooks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// say texts the line and returns the reply's texts, checking each fits two
// segments.
func (s *stack) say(t *testing.T, sid, phone, body string) string {
	t.Helper()
	_, twiml := s.post(t, text(sid, phone, body))
	msgs := messages(t, twiml)
	for _, m := range msgs {
		if n := gsm.Measure(m).Segments; n > 2 {
			t.Errorf("reply to %q takes %d segments: %q", body, n, m)
		}
	}
	return strings.Join(msgs, " ")
}

func TestFirstReplyFitsTwoSegmentsAndMoreSendsTheRest(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550006001"
	first := s.say(t, "SMc1", phone, "what does iso 27001 require that soc 2 doesn't?")
	if !strings.Contains(first, "automated line") || !strings.HasSuffix(first, "Reply MORE for the rest.") {
		t.Fatalf("first reply %q: want the introduction, and the rest held for MORE", first)
	}
	if gsm.Measure(first).Encoding != gsm.GSM7 {
		t.Errorf("first reply is %s", gsm.Measure(first).Encoding)
	}
	rest := s.say(t, "SMc2", phone, "MORE")
	if rest == "" || strings.Contains(rest, "automated line") {
		t.Fatalf("MORE got %q", rest)
	}
	whole := strings.TrimSuffix(first, gsm.MoreSuffix) + " " + rest
	if !strings.Contains(whole, "management reviews") {
		t.Errorf("first part and MORE together lose the answer's end: %q", whole)
	}
	// MORE again: the entry's longer detail, then nothing more.
	detail := s.say(t, "SMc3", phone, "more")
	if detail == "" {
		t.Error("MORE after the whole answer sent nothing")
	}
	for i := 0; i < 4 && !strings.Contains(detail, "That's all I have"); i++ {
		detail = s.say(t, "SMc4"+string(rune('a'+i)), phone, "more")
	}
	if !strings.Contains(detail, "That's all I have") {
		t.Errorf("MORE never ran out: %q", detail)
	}
}

func TestSmallTalkIsAnsweredNotEscalated(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550006002"
	for i, greeting := range []string{"hi", "thanks!", "ok", "👍", "good morning"} {
		reply := s.say(t, "SMt"+string(rune('a'+i)), phone, greeting)
		if reply == "" || strings.Contains(reply, "passed") {
			t.Errorf("%q got %q, want a short friendly reply", greeting, reply)
		}
	}
	if th := s.thread(t, phone); th.Status != domain.StatusBot {
		t.Errorf("small talk left the thread %s, want bot", th.Status)
	}
}

func TestFollowUpsUseTheLastAnswer(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550006003"
	s.say(t, "SMf1", phone, "we have soc 2, what's net new for iso 27001?")
	other := s.say(t, "SMf2", phone, "what about the other direction?")
	th := s.thread(t, phone)
	last := th.Messages[len(th.Messages)-1]
	if last.Entry != "iso-to-soc2" {
		t.Errorf("the other direction answered with %q (%q), want iso-to-soc2", last.Entry, other)
	}
	// Much later, the context has gone: no guessing.
	s.clock.Advance(2 * time.Hour)
	s.say(t, "SMf3", phone, "what about the other direction?")
	if th := s.thread(t, phone); th.Messages[len(th.Messages)-1].Entry == "soc2-to-iso" {
		t.Error("a follow-up two hours later still used the old context")
	}
}

func TestControlIDsAreNamed(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	tests := []struct{ q, want, entry string }{
		{"cc6.1 is what area?", "CC6.1", "row-security"},
		{"what area is a1.2 in", "A1.2", "row-availability"},
		{"what theme is A.8.13", "A.8.13", "annex-a"},
		{"is a.12.3.1 still a thing", "A.12.3.1", "iso-2013"},
	}
	for i, tt := range tests {
		phone := "+1555000610" + string(rune('0'+i))
		reply := s.say(t, "SMid"+string(rune('a'+i)), phone, tt.q)
		th := s.thread(t, phone)
		if !strings.Contains(reply, tt.want) || th.Messages[len(th.Messages)-1].Entry != tt.entry {
			t.Errorf("%q: got %q from %q, want %s named from %s", tt.q, reply, th.Messages[len(th.Messages)-1].Entry, tt.want, tt.entry)
		}
	}
	// An exact mapping is not invented: it goes to PJ with the IDs on the thread.
	const phone = "+15550006199"
	reply := s.say(t, "SMid9", phone, "which annex a control maps to cc6.1 exactly?")
	th := s.thread(t, phone)
	if th.Status != domain.StatusEscalated || len(th.ControlIDs) == 0 || th.ControlIDs[0] != "CC6.1" || !strings.Contains(reply, "PJ") {
		t.Errorf("exact mapping: status %s, ids %v, reply %q", th.Status, th.ControlIDs, reply)
	}
}

func TestTwoQuestionsInOneText(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550006004"
	s.say(t, "SMq1", phone, "what is an isms? and what's a soc 2 type 2?")
	th := s.thread(t, phone)
	var entries string
	for _, m := range th.Messages {
		if m.Kind == "answer" {
			entries = m.Entry
		}
	}
	if !strings.Contains(entries, "isms") || !strings.Contains(entries, "type-1-2") {
		t.Errorf("answered %q, want both isms and type-1-2", entries)
	}
	// One the line knows and one it must not answer: it answers one, says so,
	// and passes the rest to PJ.
	const other = "+15550006005"
	reply := s.say(t, "SMq2", other, "what is an isms? also how much does an iso audit cost?")
	if th := s.thread(t, other); th.Status != domain.StatusEscalated || !strings.Contains(reply+" "+th.MoreText, "other part") {
		t.Errorf("partial: status %s, reply %q", th.Status, reply)
	}
}

func TestClarifyingMenu(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	for _, e := range []domain.Entry{
		{ID: "taught-1-zebra-alpha", Question: "what is the sideguy zebra alpha", Answer: "Zebra alpha is A.", Taught: true, Source: "test"},
		{ID: "taught-2-zebra-omega", Question: "what is the sideguy zebra omega", Answer: "Zebra omega is B.", Taught: true, Source: "test"},
	} {
		if err := s.index.Put(e); err != nil {
			t.Fatal(err)
		}
	}
	const phone = "+15550006006"
	menu := s.say(t, "SMm1", phone, "sideguy zebra alpha or omega?")
	if !strings.Contains(menu, "Did you mean 1)") || !strings.Contains(menu, "Reply 1 or 2") {
		t.Fatalf("got %q, want a menu", menu)
	}
	if got := s.say(t, "SMm2", phone, "2"); !strings.Contains(got, "Zebra") {
		t.Errorf("choice 2 got %q", got)
	}
	th := s.thread(t, phone)
	picked := th.Messages[len(th.Messages)-1].Entry
	if picked != "taught-1-zebra-alpha" && picked != "taught-2-zebra-omega" {
		t.Errorf("choice answered with %q", picked)
	}
	// A menu expires.
	s.say(t, "SMm3", phone, "sideguy zebra alpha or omega?")
	s.clock.Advance(time.Hour)
	s.say(t, "SMm4", phone, "1")
	if th := s.thread(t, phone); strings.HasPrefix(th.Messages[len(th.Messages)-1].Entry, "taught-") {
		t.Error("an expired menu still answered 1")
	}
}

func TestOperatorRepliesAreComposedForSMS(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	s.say(t, "SMo1", "+15550006007", "human please")
	s.say(t, "SMo2", operatorPhone, "#1 SOC 2 → ISO: it’s mostly the ISMS — and PI…")
	sent := s.fake.Sent("+15550006007")
	if len(sent) != 1 || sent[0].Body != `SOC 2 -> ISO: it's mostly the ISMS - and PI...` {
		t.Errorf("sent %+v, want the reply transliterated to GSM-7", sent)
	}
}

// A text that only sets SOC 2 and ISO 27001 side by side gets a menu of its
// two readings from the shipped knowledge, not a guess and not a hand-off;
// "2" gets the bottom line.
func TestComparisonMenu(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio)
	const phone = "+15550006016"
	menu := s.say(t, "SMc1", phone, "soc 2 vs iso 27001??")
	if !strings.Contains(menu, "1) How much do SOC 2 and ISO 27001 overlap or 2) What's the bottom line on SOC 2 vs ISO 27001? Reply 1 or 2.") {
		t.Fatalf("got %q, want the two readings", menu)
	}
	if th := s.thread(t, phone); th.Status == domain.StatusEscalated {
		t.Error("a menu also went to the operator")
	}
	got := s.say(t, "SMc2", phone, "2")
	th := s.thread(t, phone)
	if picked := th.Messages[len(th.Messages)-1].Entry; picked != "bottom-line" || !strings.Contains(got, "80% overlap") {
		t.Errorf("choice 2 answered %q with %q", picked, got)
	}
	// One framework alone is not a comparison.
	s.say(t, "SMc3", "+15550006017", "iso")
	if th := s.thread(t, "+15550006017"); th.Status != domain.StatusEscalated {
		t.Errorf("'iso' alone: status %s", th.Status)
	}
}
