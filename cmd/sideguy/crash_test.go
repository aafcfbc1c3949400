package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestMain lets this test binary run `sideguy serve` as a child process (for
// the crash test): with SIDEGUY_CHILD_SERVE set it serves instead of testing.
func TestMain(m *testing.M) {
	if os.Getenv("SIDEGUY_CHILD_SERVE") != "" {
		main := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
			OnListen: func(addr string) { fmt.Printf("LISTENING %s\n", addr) }}
		os.Exit(main.Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}))
	}
	os.Exit(m.Run())
}

// child is a `sideguy serve` in its own process.
type child struct {
	cmd  *exec.Cmd
	base string
}

func startChild(t *testing.T, env []string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, "SIDEGUY_CHILD_SERVE=1", "SIDEGUY_LOG_LEVEL=error")...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "LISTENING "); ok {
				addr <- a
			}
		}
	}()
	select {
	case a := <-addr:
		return &child{cmd: cmd, base: "http://" + a}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child server did not start")
	}
	return nil
}

// TestCrashKeepsEveryAcknowledgedText kills the server with SIGKILL under
// concurrent signed load, restarts it on the same data, and checks that every
// text that got a 200 is there, and none twice.
func TestCrashKeepsEveryAcknowledgedText(t *testing.T) {
	env := []string{"SIDEGUY_DATA_DIR=" + t.TempDir(), "SIDEGUY_PUBLIC_URL=" + publicURL,
		"TWILIO_AUTH_TOKEN=" + authToken, "SIDEGUY_OPERATOR_TOKEN=" + opToken, "SIDEGUY_RATE_PER_HOUR=0", "SIDEGUY_DAILY_CAP=0"}
	c := startChild(t, env)
	questions := []string{"how much do soc 2 and iso overlap?", "what is an isms", "how much does soc 2 cost",
		"soc2 -> iso gaps?", "thanks!", "what is cc6.1", "human please"}
	var (
		mu      sync.Mutex
		acked   = map[string]bool{}
		stop    atomic.Bool
		wg      sync.WaitGroup
		client  = &http.Client{Timeout: 5 * time.Second}
		started = time.Now()
	)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				sid := fmt.Sprintf("SMcrash%02d%06d", g, i)
				form := url.Values{"MessageSid": {sid}, "AccountSid": {"AC1"}, "From": {fmt.Sprintf("+1415555%04d", (g*131+i)%40)},
					"To": {"+18005550100"}, "Body": {questions[(g+i)%len(questions)]}}
				req, _ := http.NewRequest("POST", c.base+"/webhooks/twilio/sms", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("X-Twilio-Signature", sign(authToken, publicURL+"/webhooks/twilio/sms", form))
				resp, err := client.Do(req)
				if err != nil {
					continue // the server is gone
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					mu.Lock()
					acked[sid] = true
					mu.Unlock()
				}
			}
		}()
	}
	// Let it work, then pull the plug mid-stream.
	for time.Since(started) < 20*time.Second {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 300 {
			break
		}
	}
	if err := c.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	c.cmd.Wait()
	stop.Store(true)
	wg.Wait()
	mu.Lock()
	total := len(acked)
	mu.Unlock()
	if total < 50 {
		t.Fatalf("only %d texts were acknowledged before the kill; the load did not run", total)
	}

	c = startChild(t, env)
	defer func() { c.cmd.Process.Kill(); c.cmd.Wait() }()
	r := &running{base: c.base}
	var list threadList
	if code := r.api(t, "GET", "/api/v1/threads", &list); code != 200 {
		t.Fatalf("list threads after restart: %d", code)
	}
	seen := map[string]int{}
	for _, th := range list.Threads {
		var full struct {
			Messages []struct{ Direction, Sid string }
		}
		r.api(t, "GET", fmt.Sprintf("/api/v1/threads/%d", th.ID), &full)
		for _, m := range full.Messages {
			if m.Direction == "in" {
				seen[m.Sid]++
			}
		}
	}
	lost := 0
	for sid := range acked {
		if seen[sid] == 0 {
			lost++
		}
	}
	twice := 0
	for _, n := range seen {
		if n > 1 {
			twice++
		}
	}
	t.Logf("%d texts acknowledged before SIGKILL, %d stored after restart", total, len(seen))
	if lost > 0 || twice > 0 {
		t.Errorf("after the crash: %d acknowledged texts lost, %d stored twice", lost, twice)
	}
}
