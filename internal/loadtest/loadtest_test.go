package loadtest_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twilio/twilio-go/client"

	"github.com/sideguy/sideguy-text/internal/loadtest"
	"github.com/sideguy/sideguy-text/internal/phone"
)

// The bare baseline, driven for a second at a low rate: every request is due,
// sent and counted, with no failures. Nothing here depends on how fast the
// machine is.
func TestBareBaselineCounts(t *testing.T) {
	for _, kind := range []string{loadtest.Bare, loadtest.Durable} {
		t.Run(kind, func(t *testing.T) {
			sys, err := loadtest.StartBaseline(kind)
			if err != nil {
				t.Fatal(err)
			}
			defer sys.Close()
			res, err := loadtest.Run(context.Background(), loadtest.Config{Target: sys.URL, PublicURL: sys.PublicURL,
				AuthToken: sys.AuthToken, Rate: 20, Duration: time.Second, Warmup: 200 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			if res.Requests != 20 {
				t.Errorf("requests = %d, want the 20 due in 1 s at 20/s", res.Requests)
			}
			if res.OK != res.Requests || res.Non200+res.Errors+res.TryAgain+res.Dropped+res.Silent != 0 || res.Statuses[200] != res.OK {
				t.Errorf("result = %+v, want every request answered 200 with a message", res)
			}
			if res.Throughput <= 0 || res.P50Ms <= 0 || res.P99Ms < res.P50Ms || res.MaxMs < res.P99Ms {
				t.Errorf("throughput %.1f, p50 %.3f, p99 %.3f, max %.3f: not counted", res.Throughput, res.P50Ms, res.P99Ms, res.MaxMs)
			}
			if err := sys.Close(); err != nil {
				t.Error(err)
			}
		})
	}
}

// The webhooks are what Twilio would post: signed over the public URL (not
// the address they are sent to), each from a new number with a new SID, and
// the closed loop counts what the server answers, failures included.
func TestSignedTextsFromNewNumbers(t *testing.T) {
	const token, public = "abc123", "https://sms.example.com"
	validator := client.NewRequestValidator(token)
	var mu sync.Mutex
	from, sids := map[string]bool{}, map[string]bool{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		params := map[string]string{}
		for k := range r.PostForm {
			params[k] = r.PostForm.Get(k)
		}
		if !validator.Validate(public+r.URL.RequestURI(), params, r.Header.Get("X-Twilio-Signature")) {
			http.Error(w, "bad signature", http.StatusForbidden)
			return
		}
		mu.Lock()
		dup := from[params["From"]] || sids[params["MessageSid"]]
		from[params["From"]], sids[params["MessageSid"]] = true, true
		n := len(sids)
		mu.Unlock()
		switch {
		case dup:
			http.Error(w, "seen before", http.StatusConflict)
		case n%10 == 0:
			w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Response><Message>Sorry, something went wrong on my side and your text didn't go through.</Message></Response>`))
		default:
			w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>`))
		}
	}))
	defer srv.Close()
	res, err := loadtest.Run(context.Background(), loadtest.Config{Target: srv.URL, PublicURL: public, AuthToken: token,
		Concurrency: 4, Duration: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Non200 != 0 || res.Errors != 0 {
		t.Fatalf("result = %+v: refused (bad signature or repeated number)", res)
	}
	if res.Requests == 0 || res.TryAgain == 0 || res.OK+res.TryAgain != res.Requests {
		t.Errorf("result = %+v, want every reply counted, apologies as failures", res)
	}

	// A wrong token is refused, and counted as non-200s.
	res, err = loadtest.Run(context.Background(), loadtest.Config{Target: srv.URL, PublicURL: public, AuthToken: "wrong",
		Concurrency: 2, Duration: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests == 0 || res.Non200 != res.Requests || res.Statuses[403] != res.Requests || !strings.Contains(res.FirstError, "403") {
		t.Errorf("with a wrong token: %+v", res)
	}
}

// Every texter has a US number of its own, which a line limited to the US
// answers, across the area codes.
func TestFormNumbers(t *testing.T) {
	seen := map[string]bool{}
	for i := range uint64(400) {
		f := loadtest.Form(12345, i*400_009, "hi") // up to 160 million, every area code
		from := f.Get("From")
		if seen[from] {
			t.Fatalf("%s twice", from)
		}
		seen[from] = true
		if region := phone.Region(from); region != "US" {
			t.Errorf("%s reads as %q, want US", from, region)
		}
	}
	if a, b := loadtest.Form(0, 7, "x").Get("From"), loadtest.Form(0, 7+8_000_000, "x").Get("From"); a[:5] == b[:5] {
		t.Errorf("%s and %s share an area code", a, b)
	}
}

// With Vary every text is new as sent, and still the same question once its
// case is set aside.
func TestVaryMakesEveryTextNew(t *testing.T) {
	var mu sync.Mutex
	bodies := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		mu.Lock()
		bodies[r.PostForm.Get("Body")]++
		mu.Unlock()
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>`))
	}))
	defer srv.Close()
	qs := []string{"how much overlap is there between soc 2 and iso 27001", "whats the difference between type 1 and type 2"}
	res, err := loadtest.Run(context.Background(), loadtest.Config{Target: srv.URL, AuthToken: "abc123",
		Concurrency: 2, Duration: 200 * time.Millisecond, Questions: qs, Vary: true})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if res.Requests < 10 || len(bodies) != int(res.Requests) {
		t.Fatalf("%d requests, %d different bodies: want every body new", res.Requests, len(bodies))
	}
	for b := range bodies {
		if l := strings.ToLower(b); l != qs[0] && l != qs[1] {
			t.Errorf("body %q is not one of the questions", b)
		}
	}
}
