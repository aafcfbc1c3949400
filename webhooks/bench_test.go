package webhooks_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/internal/loadtest"
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

// BenchmarkWebhook times the whole inbound path through a real HTTP server on
// a loopback port: signature check, de-duplication, the bbolt transaction,
// the decision and the TwiML reply. Every text comes from a new number with a
// new MessageSid (so no hold, no limit, no stored reply short-cuts the work),
// cycling through loadtest.Questions. A reply that is not a 200 with TwiML
// fails the benchmark; nothing is timed against a limit.
func BenchmarkWebhook(b *testing.B) {
	s := newBenchStack(b)
	var n atomic.Uint64
	b.Run("Serial", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := s.postText(n.Add(1)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := s.postText(n.Add(1)); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

// postText posts text n, signed, and checks the reply.
func (s *stack) postText(n uint64) error {
	form := loadtest.Form(0, n, loadtest.Questions[n%uint64(len(loadtest.Questions))])
	req, err := http.NewRequest(http.MethodPost, s.url+webhooks.SMSPath, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sign(authToken, s.url+webhooks.SMSPath, form))
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<Message>") || strings.Contains(string(body), "went wrong") {
		return fmt.Errorf("text %d: %d %s", n, resp.StatusCode, body)
	}
	return nil
}

// newBenchStack is newStack (stack_test.go) for a benchmark: the same service
// on a real HTTP server, bbolt in a temporary directory, the shipped knowledge
// and a fake Twilio REST API. newStack takes a *testing.T, so it is mirrored
// here; keep the two alike (or make newStack take a testing.TB and use it).
func newBenchStack(tb testing.TB) *stack {
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
	clk := &clock{now: time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC)}
	st, err := store.Open(filepath.Join(tb.TempDir(), "sideguy.db"), store.Options{Now: clk.Now})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	s := &stack{store: st, index: ix, clock: clk}
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
		Keywords: assistant.KeywordsByTwilio, Logger: quiet, Now: s.clock.Now, Sender: send, OperatorPhone: operatorPhone,
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
	// Enough kept-alive connections for RunParallel's goroutines.
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 64
	s.client = &http.Client{Transport: tr, Timeout: 15 * time.Second}
	tb.Cleanup(tr.CloseIdleConnections)
	return s
}
