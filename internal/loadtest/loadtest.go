// Package loadtest measures how much inbound SMS traffic a server takes: it
// posts signed Twilio webhooks over loopback from many simulated texters (every
// text from a new number, so no hold or per-number limit gets in the way) and
// reports throughput and latency. It can also start the systems it compares:
// two baselines (an echo server answering a constant TwiML, and the same with
// one bbolt write per request) and the real `sideguy serve` as a child process.
package loadtest

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

// SMSPath is where Twilio posts inbound texts (webhooks.SMSPath).
const SMSPath = "/webhooks/twilio/sms"

// Questions is the mix of texts the simulated texters send: questions the
// knowledge base answers, written the way people text (shorthand, typos), and
// ones the line must hand to the operator (prices, timelines, auditors,
// neighbouring frameworks, legal, asking for a person), plus small talk.
var Questions = []string{
	// In scope.
	"how much overlap is there between soc 2 and iso 27001",
	"soc2 -> iso27001 whats net new",
	"we have soc 2 type 2, customer wants iso, what else do we need",
	"whats an isms",
	"typ 1 vs typ 2 soc2",
	"what does cc7 cover",
	"how many people controls in annex a",
	"does iso 27001 cover soc 2 availability",
	"we're iso 27001 certified and a customer now wants a soc 2 report. how much can we reuse?",
	"is a.12.3.1 still valid",
	"tl;dr soc2 vs iso27001?",
	// Out of scope: the operator answers these.
	"how much does a soc 2 audit cost",
	"how long does iso 27001 take",
	"can you recommend an auditor for soc 2",
	"whats the difference between soc 1 and soc 2",
	"does soc 2 cover hipaa",
	"which annex a control maps to cc6.1 exactly",
	"can we set up a call tuesday",
	"can someone call me back",
	// Small talk.
	"thanks!",
}

// Config says what to drive and how hard.
type Config struct {
	// Target is the server's base URL, e.g. http://127.0.0.1:8080.
	Target string
	// PublicURL is the base URL signatures are computed over (the server's
	// SIDEGUY_PUBLIC_URL); Target when empty.
	PublicURL string
	// AuthToken signs the webhooks.
	AuthToken string
	// Rate, when above 0, sends that many requests per second on a fixed
	// schedule whatever the server does (open loop); latency counts from the
	// moment a request was due, so a server that falls behind shows it.
	Rate float64
	// Concurrency, used when Rate is 0, is how many texters send one request
	// after another as fast as they are answered (closed loop).
	Concurrency int
	// Duration is how long the measurement lasts; Warmup runs the same load
	// before it, uncounted.
	Duration, Warmup time.Duration
	// Timeout bounds one request (Twilio waits 15 s).
	Timeout time.Duration
	// Questions are the bodies sent, in turn; Questions above when empty.
	Questions []string
	// Vary makes every text new: the letters of each question in a case
	// of their own (Vary), so nothing the server remembers of a text it has
	// seen helps, and every decision is made in full.
	Vary bool
	// MaxInFlight bounds open-loop requests in flight; beyond it a due request
	// is dropped and counted (default 4096).
	MaxInFlight int
}

// Result is one measurement.
type Result struct {
	System      string  `json:"system,omitempty"`
	Mode        string  `json:"mode"` // "closed" (concurrency) or "open" (rate)
	Concurrency int     `json:"concurrency,omitempty"`
	Rate        float64 `json:"rate,omitempty"`
	Seconds     float64 `json:"seconds"`
	// Requests were due in the measured window; each ends as exactly one of
	// OK, TryAgain, Non200, Errors or Dropped.
	Requests int64 `json:"requests"`
	// OK answered 200 with TwiML (Silent of them with no message at all).
	OK     int64 `json:"ok"`
	Silent int64 `json:"silent"`
	// TryAgain answered 200 with the apology the webhook sends when it could
	// not process the text: a failure Twilio does not see.
	TryAgain int64 `json:"try_again"`
	Non200   int64 `json:"non_200"`
	// Errors are transport errors, timeouts and 200s that are not TwiML.
	Errors  int64 `json:"errors"`
	Dropped int64 `json:"dropped,omitempty"`
	// Throughput is OK responses per second of the measured window.
	Throughput float64 `json:"throughput"`
	// Latencies of every request that ended (OK or not), in milliseconds.
	P50Ms      float64       `json:"p50_ms"`
	P99Ms      float64       `json:"p99_ms"`
	MaxMs      float64       `json:"max_ms"`
	Statuses   map[int]int64 `json:"statuses,omitempty"`
	FirstError string        `json:"first_error,omitempty"`
	// ServerLogLines is what the server wrote to stderr during the
	// measurement, when this package started it.
	ServerLogLines int64 `json:"server_log_lines,omitempty"`
	// ServerCPUMsPerRequest is the CPU time the server's process used per
	// request, warm-up included, when it runs as a child process on Linux: a
	// cost that a busy machine distorts far less than latency.
	ServerCPUMsPerRequest float64 `json:"server_cpu_ms_per_request,omitempty"`
	// LoadAverage is the machine's 1-minute load average before and after.
	LoadAverage string `json:"load_average,omitempty"`

	// ended counts every request that ended, warm-up included.
	ended int64
}

// Describe is the mode in words: "c=32" or "200/s".
func (r Result) Describe() string {
	if r.Mode == "open" {
		return strconv.FormatFloat(r.Rate, 'f', -1, 64) + "/s"
	}
	return "c=" + strconv.Itoa(r.Concurrency)
}

// outcome is how one request ended.
type outcome int

const (
	outOK outcome = iota
	outSilent
	outTryAgain
	outNon200
	outError
)

// tally collects outcomes and latencies; one per goroutine group.
type tally struct {
	mu        sync.Mutex
	counts    [outError + 1]int64
	statuses  map[int]int64
	latencies []time.Duration
	firstErr  string
}

func (t *tally) add(o outcome, status int, d time.Duration, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.counts[o]++
	if status != 0 {
		t.statuses[status]++
	}
	t.latencies = append(t.latencies, d)
	if err != nil && t.firstErr == "" {
		t.firstErr = err.Error()
	}
}

// texter makes the webhooks: each from a new number with a new MessageSid.
type texter struct {
	smsURL, signURL, token string
	questions              []string
	run                    uint64 // random per run, so runs against one server do not collide
	seq                    atomic.Uint64
	vary                   bool
}

func newTexter(cfg Config) (*texter, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	public := cfg.PublicURL
	if public == "" {
		public = cfg.Target
	}
	qs := cfg.Questions
	if len(qs) == 0 {
		qs = Questions
	}
	return &texter{smsURL: strings.TrimRight(cfg.Target, "/") + SMSPath, signURL: strings.TrimRight(public, "/") + SMSPath,
		token: cfg.AuthToken, questions: qs, run: binary.BigEndian.Uint64(b[:]), vary: cfg.Vary}, nil
}

// usAreaCodes are area codes of the continental US: +1 also covers Canada and
// the Caribbean, and the line may refuse some of those.
var usAreaCodes = [...]int{201, 202, 206, 212, 213, 303, 305, 312, 404, 415, 503, 512, 617, 646, 702, 718, 720, 805, 917, 972}

// numbersPerArea are the subscriber numbers used per area code: exchanges
// 200-999, lines 0000-9999.
const numbersPerArea = 800 * 10_000

// Form is what Twilio posts for text n of a run: n picks the sender (a US
// number, never the same twice in 160 million texts), the SID and the body.
func Form(run, n uint64, body string) url.Values {
	k := (run + n) % (uint64(len(usAreaCodes)) * numbersPerArea)
	r := k % numbersPerArea
	from := fmt.Sprintf("+1%d%03d%04d", usAreaCodes[k/numbersPerArea], 200+r/10_000, r%10_000)
	sid := fmt.Sprintf("SM%016x%016x", run, n)
	return url.Values{
		"MessageSid": {sid}, "SmsMessageSid": {sid}, "SmsSid": {sid},
		"AccountSid": {"AC00000000000000000000000000000000"}, "MessagingServiceSid": {"MG00000000000000000000000000000000"},
		"From": {from}, "To": {"+18005550100"}, "Body": {body},
		"NumMedia": {"0"}, "NumSegments": {"1"}, "SmsStatus": {"received"}, "ApiVersion": {"2010-04-01"},
		"FromCountry": {"US"}, "FromState": {"CA"}, "FromCity": {"SAN FRANCISCO"}, "FromZip": {"94103"},
		"ToCountry": {"US"}, "ToState": {"CA"}, "ToCity": {""}, "ToZip": {""},
	}
}

// request builds the next signed webhook.
func (tx *texter) request(ctx context.Context) (*http.Request, error) {
	n := tx.seq.Add(1)
	body := tx.questions[int(n%uint64(len(tx.questions)))]
	if tx.vary {
		body = Vary(body, tx.run+n)
	}
	form := Form(tx.run, n, body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, tx.smsURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", twiliofake.Sign(tx.token, tx.signURL, form))
	req.Header.Set("User-Agent", "TwilioProxy/1.1 (sideguy loadtest)")
	return req, nil
}

// tryAgain is the start of the reply the webhook sends when it failed.
const tryAgain = "something went wrong on my side"

// send posts one webhook and classifies the answer.
func send(client *http.Client, req *http.Request) (outcome, int, error) {
	resp, err := client.Do(req)
	if err != nil {
		return outError, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return outError, resp.StatusCode, fmt.Errorf("read reply: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return outNon200, resp.StatusCode, fmt.Errorf("status %d: %.200s", resp.StatusCode, body)
	}
	s := string(body)
	switch {
	case !strings.Contains(s, "<Response"):
		return outError, resp.StatusCode, fmt.Errorf("200 without TwiML: %.200s", s)
	case strings.Contains(s, tryAgain):
		return outTryAgain, resp.StatusCode, errors.New("the server answered with its try-again apology")
	case !strings.Contains(s, "<Message"):
		return outSilent, resp.StatusCode, nil
	}
	return outOK, resp.StatusCode, nil
}

// Vary writes text with each letter's case picked by n's hash: the same
// question, but a text the line has not seen (a question with ten letters or
// more has over a thousand spellings; small talk like "thanks!" fewer).
func Vary(text string, n uint64) string {
	h := n*0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019
	b := []byte(text)
	for i, c := range b {
		if ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') {
			h ^= h >> 31
			h *= 0xBF58476D1CE4E5B9
			if h>>63 == 1 {
				b[i] = c ^ 0x20
			}
		}
	}
	return string(b)
}

// NewClient is an HTTP client for conns connections to one loopback server.
func NewClient(conns int, timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:        conns,
			MaxIdleConnsPerHost: conns,
			MaxConnsPerHost:     conns,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
			ForceAttemptHTTP2:   false,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Run drives cfg.Target and measures.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Target == "" {
		return Result{}, errors.New("loadtest: no target")
	}
	if cfg.AuthToken == "" {
		return Result{}, errors.New("loadtest: no auth token to sign with")
	}
	if cfg.Duration <= 0 {
		return Result{}, errors.New("loadtest: duration must be positive")
	}
	if cfg.Rate < 0 || math.IsNaN(cfg.Rate) || math.IsInf(cfg.Rate, 0) {
		return Result{}, fmt.Errorf("loadtest: bad rate %v", cfg.Rate)
	}
	if cfg.Rate == 0 && cfg.Concurrency <= 0 {
		return Result{}, errors.New("loadtest: give a rate or a concurrency")
	}
	if cfg.MaxInFlight <= 0 {
		cfg.MaxInFlight = 4096
	}
	tx, err := newTexter(cfg)
	if err != nil {
		return Result{}, err
	}
	warm, measured := &tally{statuses: map[int]int64{}}, &tally{statuses: map[int]int64{}}
	var res Result
	if cfg.Rate > 0 {
		res = Result{Mode: "open", Rate: cfg.Rate}
		// Connections: enough for the requests in flight, within the fd limit.
		client := NewClient(min(cfg.MaxInFlight, 1024), cfg.Timeout)
		defer client.CloseIdleConnections()
		res.Dropped = openLoop(ctx, client, tx, cfg, warm, measured)
	} else {
		res = Result{Mode: "closed", Concurrency: cfg.Concurrency}
		client := NewClient(cfg.Concurrency, cfg.Timeout)
		defer client.CloseIdleConnections()
		closedLoop(ctx, client, tx, cfg, warm, measured)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Seconds = cfg.Duration.Seconds()
	c := measured.counts
	res.OK, res.Silent, res.TryAgain, res.Non200, res.Errors = c[outOK]+c[outSilent], c[outSilent], c[outTryAgain], c[outNon200], c[outError]
	res.Requests = res.OK + res.TryAgain + res.Non200 + res.Errors + res.Dropped
	res.Throughput = float64(res.OK) / res.Seconds
	res.Statuses, res.FirstError = measured.statuses, measured.firstErr
	if res.FirstError == "" {
		res.FirstError = warm.firstErr
	}
	for _, n := range warm.counts {
		res.ended += n
	}
	for _, n := range measured.counts {
		res.ended += n
	}
	lat := measured.latencies
	slices.Sort(lat)
	res.P50Ms, res.P99Ms = ms(quantile(lat, 0.50)), ms(quantile(lat, 0.99))
	if len(lat) > 0 {
		res.MaxMs = ms(lat[len(lat)-1])
	}
	return res, nil
}

// closedLoop runs cfg.Concurrency texters, each sending its next text as soon
// as the last is answered. A request counts when it starts in the window.
func closedLoop(ctx context.Context, client *http.Client, tx *texter, cfg Config, warm, measured *tally) {
	start := time.Now()
	from, end := start.Add(cfg.Warmup), start.Add(cfg.Warmup+cfg.Duration)
	var wg sync.WaitGroup
	for range cfg.Concurrency {
		wg.Go(func() {
			for ctx.Err() == nil {
				t0 := time.Now()
				if !t0.Before(end) {
					return
				}
				into := measured
				if t0.Before(from) {
					into = warm
				}
				req, err := tx.request(ctx)
				if err != nil {
					into.add(outError, 0, 0, err)
					return
				}
				o, status, err := send(client, req)
				into.add(o, status, time.Since(t0), err)
			}
		})
	}
	wg.Wait()
}

// openLoop sends cfg.Rate requests a second on a fixed schedule; latency runs
// from the moment each was due. It returns the measured requests dropped
// because MaxInFlight were already in flight.
func openLoop(ctx context.Context, client *http.Client, tx *texter, cfg Config, warm, measured *tally) int64 {
	start := time.Now()
	from, end := start.Add(cfg.Warmup), start.Add(cfg.Warmup+cfg.Duration)
	var wg sync.WaitGroup
	var inflight atomic.Int64
	var dropped int64
	timer := time.NewTimer(0)
	defer timer.Stop()
	<-timer.C
	for i := 0; ; i++ {
		due := start.Add(time.Duration(float64(i) * float64(time.Second) / cfg.Rate))
		if !due.Before(end) {
			break
		}
		if d := time.Until(due); d > 0 {
			timer.Reset(d)
			select {
			case <-timer.C:
			case <-ctx.Done():
				wg.Wait()
				return dropped
			}
		}
		into := measured
		if due.Before(from) {
			into = warm
		}
		if inflight.Load() >= int64(cfg.MaxInFlight) {
			if into == measured {
				dropped++
			}
			continue
		}
		inflight.Add(1)
		wg.Go(func() {
			defer inflight.Add(-1)
			req, err := tx.request(ctx)
			if err != nil {
				into.add(outError, 0, time.Since(due), err)
				return
			}
			o, status, err := send(client, req)
			into.add(o, status, time.Since(due), err)
		})
	}
	wg.Wait()
	return dropped
}

// quantile is the q-quantile of sorted (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return math.Round(float64(d)/1e3) / 1e3 }
