package webhooks_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/loadtest"
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

// newBenchStack is the whole service (see newStack) for a benchmark.
func newBenchStack(tb testing.TB) *stack {
	return newStack(tb, assistant.KeywordsByTwilio)
}
