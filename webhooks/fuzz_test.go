package webhooks_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/webhooks"
)

// newFuzzStack is the whole service (see newStack) with the bbolt file on
// /dev/shm when there is one, so that fsync does not set the fuzzer's pace, and
// a client time-out, so a request that hangs fails the input.
func newFuzzStack(tb testing.TB, keywords assistant.KeywordReplies) *stack {
	dir, err := os.MkdirTemp("/dev/shm", "sideguy-fuzz-")
	if err == nil {
		tb.Cleanup(func() { os.RemoveAll(dir) })
	} else {
		dir = ""
	}
	return newStack(tb, keywords, func(o *options) { o.dataDir, o.timeout = dir, 10*time.Second })
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
