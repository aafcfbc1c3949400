package webhooks_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/hours"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/notify"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/server"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
	"github.com/sideguy/sideguy-text/webhooks"
)

const authToken = "12345abcdef" // letters and digits only, as twilio-go requires

// stack is the whole service on a real HTTP server with a bbolt file in a
// temporary directory and the shipped knowledge base, sending through a fake
// Twilio REST API, on a clock the test moves.
type stack struct {
	url      string
	store    *store.Store
	client   *http.Client
	fake     *twiliofake.Server
	notifier *notify.Notifier
	clock    *clock
	index    *search.Index
}

const (
	accountSID    = "AC0123456789abcdef0123456789abcdef"
	operatorPhone = "+14155550000"
)

// clock is a time the test sets and moves.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// options change a stack before it starts.
type options struct {
	hours  string
	limits assistant.Limits
	// dataDir holds the bbolt file (a temporary directory when empty).
	dataDir string
	// timeout bounds each request of the stack's client (none when zero).
	timeout time.Duration
}

func newStack(t testing.TB, keywords assistant.KeywordReplies, opts ...func(*options)) *stack {
	t.Helper()
	eng := knowledgetest.New(t)
	norm, ix := eng.Norm, eng.Index
	var o options
	for _, f := range opts {
		f(&o)
	}
	if o.dataDir == "" {
		o.dataDir = t.TempDir()
	}
	// Thursday 26 November 2026, 10:00 in Los Angeles.
	clk := &clock{now: time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)}
	st, err := store.Open(filepath.Join(o.dataDir, "sideguy.db"), store.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var schedule *hours.Schedule
	if o.hours != "" {
		if schedule, err = hours.Parse(o.hours); err != nil {
			t.Fatal(err)
		}
	}
	s := &stack{store: st, index: ix, clock: clk}
	// The public URL is the server's own address, known once it listens.
	srv := httptest.NewUnstartedServer(nil)
	s.url = "http://" + srv.Listener.Addr().String()
	s.fake = twiliofake.New(accountSID, authToken)
	t.Cleanup(s.fake.Close)
	send, err := sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100",
		APIURL: s.fake.URL, StatusCallback: s.url + webhooks.StatusPath})
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.DiscardHandler)
	s.notifier = notify.New(notify.Config{Store: st, Sender: send, Phone: operatorPhone, PublicURL: s.url,
		Interval: 5 * time.Minute, Now: s.clock.Now, Logger: quiet})
	asst, err := assistant.New(assistant.Config{Store: st, Decider: decide.New(ix, norm, decide.DefaultThresholds()),
		Keywords: keywords, Logger: quiet, Now: s.clock.Now, Sender: send, OperatorPhone: operatorPhone,
		Hours: schedule, Notifier: s.notifier, Entries: ix, Limits: o.limits})
	if err != nil {
		t.Fatal(err)
	}
	h, err := webhooks.New(webhooks.Config{Assistant: asst, Deliveries: st, PublicURL: s.url + "/", AuthToken: authToken, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Routes: []server.Routes{h}}).Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	s.client = srv.Client()
	s.client.Timeout = o.timeout
	return s
}

// sign computes X-Twilio-Signature as Twilio documents it (twiliofake.Sign:
// base64 of HMAC-SHA1 over the URL followed by each POST key and value, keys
// sorted); TestSignatureVector checks it against twilio-go's own vector.
func sign(token, fullURL string, form url.Values) string {
	return twiliofake.Sign(token, fullURL, form)
}

// text builds the form Twilio posts for an inbound SMS.
func text(sid, from, body string) url.Values {
	return url.Values{
		"MessageSid": {sid}, "SmsMessageSid": {sid}, "SmsSid": {sid}, "AccountSid": {"AC123"},
		"From": {from}, "To": {"+18005550100"}, "Body": {body}, "NumMedia": {"0"}, "NumSegments": {"1"},
		"SmsStatus": {"received"}, "ApiVersion": {"2010-04-01"}, "FromCountry": {"US"},
	}
}

// post sends a signed webhook and returns the status and body.
func (s *stack) post(t *testing.T, form url.Values) (int, string) {
	t.Helper()
	return s.postSigned(t, webhooks.SMSPath, form, sign(authToken, s.url+webhooks.SMSPath, form))
}

func (s *stack) postSigned(t *testing.T, path string, form url.Values, sig string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.url+path, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if sig != "" {
		req.Header.Set("X-Twilio-Signature", sig)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode == http.StatusOK && resp.Header.Get("Content-Type") != "text/xml; charset=UTF-8" {
		t.Errorf("Content-Type = %q, want text/xml; charset=UTF-8", resp.Header.Get("Content-Type"))
	}
	return resp.StatusCode, string(body)
}

// thread returns the only thread for phone.
func (s *stack) thread(t *testing.T, phone string) domain.Thread {
	t.Helper()
	threads, err := s.store.Threads("")
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range threads {
		if th.Phone == phone {
			full, err := s.store.Thread(th.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	t.Fatalf("no thread for %s", phone)
	return domain.Thread{}
}

// messages extracts the <Message> bodies of a TwiML reply.
func messages(t *testing.T, twiml string) []string {
	t.Helper()
	if strings.Count(twiml, "<?xml") != 1 {
		t.Errorf("reply has %d XML declarations, want 1: %s", strings.Count(twiml, "<?xml"), twiml)
	}
	if twiml == `<?xml version="1.0" encoding="UTF-8"?><Response/>` {
		return nil
	}
	var out []string
	rest := twiml
	for {
		i := strings.Index(rest, "<Message>")
		if i < 0 {
			break
		}
		j := strings.Index(rest, "</Message>")
		out = append(out, unescape(rest[i+len("<Message>"):j]))
		rest = rest[j+len("</Message>"):]
	}
	if out == nil {
		t.Fatalf("not a messaging response: %s", twiml)
	}
	return out
}

func unescape(s string) string {
	return strings.NewReplacer("&apos;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}
