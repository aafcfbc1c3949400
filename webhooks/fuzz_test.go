package webhooks_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/notify"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/server"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/textnorm"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
	"github.com/sideguy/sideguy-text/knowledge"
	"github.com/sideguy/sideguy-text/webhooks"
)

// newFuzzStack is newStack (stack_test.go) for a fuzz target, built once
// before f.Fuzz: newStack takes the *testing.T of one test and registers its
// cleanups there, so it is mirrored here on a testing.TB. Keep the two alike
// (or make newStack take a testing.TB and use it here). The one difference:
// the bbolt file is on /dev/shm when there is one, so that fsync does not set
// the pace of the fuzzer.
func newFuzzStack(tb testing.TB, keywords assistant.KeywordReplies) *stack {
	tb.Helper()
	entries, err := kb.Load(knowledge.Entries())
	if err != nil {
		tb.Fatal(err)
	}
	norm := textnorm.New()
	ix, err := search.New(entries, norm)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	dir, err := os.MkdirTemp("/dev/shm", "sideguy-fuzz-")
	if err == nil {
		tb.Cleanup(func() { os.RemoveAll(dir) })
	} else {
		dir = tb.TempDir()
	}
	st, err := store.Open(filepath.Join(dir, "sideguy.db"), store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	s := &stack{store: st, index: ix, clock: &clock{now: time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)}}
	srv := httptest.NewUnstartedServer(nil)
	s.url = "http://" + srv.Listener.Addr().String()
	s.fake = twiliofake.New(accountSID, authToken)
	tb.Cleanup(s.fake.Close)
	send, err := sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100",
		APIURL: s.fake.URL, StatusCallback: s.url + webhooks.StatusPath})
	if err != nil {
		tb.Fatal(err)
	}
	quiet := slog.New(slog.DiscardHandler)
	s.notifier = notify.New(notify.Config{Store: st, Sender: send, Phone: operatorPhone, PublicURL: s.url,
		Interval: 5 * time.Minute, Now: s.clock.Now, Logger: quiet})
	asst, err := assistant.New(assistant.Config{Store: st, Decider: decide.New(ix, norm, decide.DefaultThresholds()),
		Keywords: keywords, Logger: quiet, Now: s.clock.Now, Sender: send, OperatorPhone: operatorPhone,
		Notifier: s.notifier, Entries: ix})
	if err != nil {
		tb.Fatal(err)
	}
	h, err := webhooks.New(webhooks.Config{Assistant: asst, Deliveries: st, PublicURL: s.url + "/", AuthToken: authToken, Logger: quiet})
	if err != nil {
		tb.Fatal(err)
	}
	srv.Config.Handler = server.New(server.Config{Logger: quiet, Routes: []server.Routes{h}}).Handler()
	srv.Start()
	tb.Cleanup(srv.Close)
	s.client = srv.Client()
	// A request that hangs fails the input instead of stalling the fuzzer.
	s.client.Timeout = 10 * time.Second
	return s
}

// postRaw posts body as it is to the SMS webhook, with sig unless it is "".
func (s *stack) postRaw(body []byte, sig string) (int, http.Header, []byte, error) {
	req, err := http.NewRequest(http.MethodPost, s.url+webhooks.SMSPath, bytes.NewReader(body))
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if sig != "" {
		req.Header.Set("X-Twilio-Signature", sig)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	reply, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, reply, err
}

// checkTwiML fails unless reply is one XML declaration and a <Response> root
// holding only <Message> elements of text.
func checkTwiML(reply []byte) error {
	if n := bytes.Count(reply, []byte("<?xml")); n != 1 {
		return fmt.Errorf("%d XML declarations, want 1", n)
	}
	dec := xml.NewDecoder(bytes.NewReader(reply))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && tok.Name.Local == "Response":
				roots++
			case depth == 2 && tok.Name.Local == "Message":
			default:
				return fmt.Errorf("unexpected <%s> at depth %d", tok.Name.Local, depth)
			}
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth != 2 && len(bytes.TrimSpace(tok)) > 0 {
				return fmt.Errorf("text %q outside <Message>", tok)
			}
		}
	}
	if roots != 1 {
		return fmt.Errorf("%d <Response> roots, want 1", roots)
	}
	return nil
}

// maxSMS is the longest body Twilio delivers (1600 characters; bytes here).
const maxSMS = 1600

// textTryAgain starts the reply the webhook sends when the assistant fails.
const textTryAgain = "Sorry, something went wrong on my side"

// FuzzSMSWebhook posts arbitrary form bodies to the SMS webhook of the whole
// service, signed as Twilio signs them (or not signed), and checks the answer:
// never a 5xx, never a failure of the service, a 403 for every unsigned body
// and never for a signed one, and TwiML with every 200.
//
// freshSID and freshFrom put a MessageSid (and a From) never used before in
// front of the body, so that texts are not replays of a stored reply, or not
// held on a thread that waits for the operator; app picks the stack where the
// line answers STOP, START and HELP itself. The stacks live as long as the
// fuzzing process, so an input can meet the threads earlier ones left.
func FuzzSMSWebhook(f *testing.F) {
	seeds := []struct {
		body                             string
		signed, freshSID, freshFrom, app bool
	}{
		{text("SM0001", "+15550000001", "how much do soc 2 and iso overlap?").Encode(), true, true, false, false},
		{text("SM0002", "+15550000002", "what is an isms").Encode(), false, false, false, false},
		{text("SM0003", "+15550000003", "Does CC6.1 map to A.8.13 exactly? also what is an isms").Encode(), true, true, true, false},
		{text("SM0004", "+15550000004", "STOP").Encode(), true, true, false, true},
		{text("SM0005", "+15550000004", "start").Encode(), true, true, false, true},
		{text("SM0006", "+15550000006", "HELP").Encode(), true, false, false, false},
		{text("SM0007", "+15550000007", "MORE").Encode(), true, true, false, false},
		{text("SM0008", operatorPhone, "#1 Thanks, it's about 80% <&> “quoted”").Encode(), true, true, false, false},
		{text("SM0009", operatorPhone, "away until mon 9am").Encode(), true, true, false, false},
		{text("SM0010", operatorPhone, "queue").Encode(), true, true, false, false},
		{text("SM0011", "+15550000011", "can someone call me back").Encode(), true, true, true, false},
		{text("SM0012", "+15550000012", "\x00\x01\x1b\ufffe\xff <Response/> ]]> &amp;").Encode(), true, true, true, false},
		{"MessageSid=SM0013&From=+15550000013&Body=soc+2+vs+iso&NumMedia=2&MediaUrl0=https://x/1&MediaUrl1=", true, true, false, false},
		{"MessageSid=SM0014&From=%2B15550000014&Body=hi&OptOutType=STOP", true, true, false, false},
		{"From=%2B15550000015&Body=no+sid", true, false, false, false},
		{"MessageSid=SM0016&Body=no+sender", true, false, false, false},
		{"MessageSid=SM0017&From=+&Body=blank", true, false, false, false},
		{"%zz=1&From=%2B15550000018", true, false, false, false},
		{"a=1;b=2&From=%2B15550000019", true, false, false, false},
		{"", true, false, false, false},
		{"", false, false, false, false},
		{"&&&=&=%20", true, true, true, false},
	}
	for _, s := range seeds {
		f.Add([]byte(s.body), s.signed, s.freshSID, s.freshFrom, s.app)
	}
	stacks := map[bool]*stack{
		false: newFuzzStack(f, assistant.KeywordsByTwilio),
		true:  newFuzzStack(f, assistant.KeywordsByApp),
	}
	run := fmt.Sprintf("%d", time.Now().UnixNano()%1e9)
	n := 0
	f.Fuzz(func(t *testing.T, raw []byte, signed, freshSID, freshFrom, app bool) {
		s := stacks[app]
		n++
		var prefix string
		if freshSID {
			prefix += fmt.Sprintf("MessageSid=SMfuzz%sx%d&", run, n)
		}
		if freshFrom {
			prefix += fmt.Sprintf("From=%%2B1555%07d&", n%10_000_000)
		}
		body := append([]byte(prefix), raw...)
		form, parseErr := url.ParseQuery(string(body))
		if len(form.Get("Body")) > maxSMS {
			// Twilio posts at most 1600 characters, and the line decides
			// every question of a text: a long one costs seconds.
			return
		}
		sig := ""
		if signed {
			sig = sign(authToken, s.url+webhooks.SMSPath, form)
		}
		code, header, reply, err := s.postRaw(body, sig)
		if err != nil {
			t.Fatalf("post %q: %v", body, err)
		}
		if code >= 500 {
			t.Fatalf("post %q (signed %v): %d %s", body, signed, code, reply)
		}
		switch {
		case parseErr != nil || len(body) > 64<<10:
			// A malformed or oversized body is refused before the signature.
			if code != http.StatusBadRequest && code != http.StatusRequestEntityTooLarge {
				t.Errorf("post %q (malformed: %v): %d %s, want 400", body, parseErr, code, reply)
			}
		case !signed:
			if code != http.StatusForbidden {
				t.Errorf("unsigned post %q: %d %s, want 403", body, code, reply)
			}
		case strings.TrimSpace(form.Get("From")) == "":
			if code != http.StatusBadRequest {
				t.Errorf("signed post %q without a sender: %d %s, want 400", body, code, reply)
			}
		case code != http.StatusOK:
			t.Errorf("signed post %q: %d %s, want 200", body, code, reply)
		}
		if code != http.StatusOK {
			return
		}
		if ct := header.Get("Content-Type"); ct != "text/xml; charset=UTF-8" {
			t.Errorf("post %q: Content-Type %q, want text/xml; charset=UTF-8", body, ct)
		}
		if err := checkTwiML(reply); err != nil {
			t.Errorf("post %q: reply is not TwiML (%v): %s", body, err, reply)
		}
		if bytes.Contains(reply, []byte(textTryAgain)) {
			t.Errorf("post %q: the service failed on it: %s", body, reply)
		}
	})
}
