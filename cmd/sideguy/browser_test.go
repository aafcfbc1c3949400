package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

// chromium finds the browser: $SIDEGUY_CHROMIUM, or Debian's chromium.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("SIDEGUY_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("SIDEGUY_REQUIRE_BROWSER") != "" {
		t.Fatal("no Chromium found, and SIDEGUY_REQUIRE_BROWSER is set (CI installs Debian's chromium)")
	}
	t.Skip("no Chromium on this machine: install Debian's chromium to run the browser test (CI does)")
	return ""
}

// TestConsoleInABrowser drives the console in headless Chromium: log in, open
// the queue, open a thread whose question holds <script>, reply (the fake
// Twilio receives the SMS), save it as knowledge, and a new texter then gets
// that answer from the line. With SIDEGUY_SCREENSHOT=FILE it saves the queue
// as a PNG (the README's picture).
func TestConsoleInABrowser(t *testing.T) {
	browserPath := chromium(t)
	const (
		accountSID = "AC0123456789abcdef0123456789abcdef"
		public     = "http://sms.example.test"
		hostileQ   = `how much does a soc 2 audit cost? <script>window.pwned=1</script><img src=x onerror="window.pwned=2">`
		reply      = "PJ here: it depends on scope and the auditor. Text me your scope and I'll give you a range."
	)
	fake := twiliofake.New(accountSID, authToken)
	defer fake.Close()
	env := map[string]string{
		"SIDEGUY_DATA_DIR": t.TempDir(), "SIDEGUY_PUBLIC_URL": public,
		"TWILIO_AUTH_TOKEN": authToken, "SIDEGUY_OPERATOR_TOKEN": opToken,
		"TWILIO_ACCOUNT_SID": accountSID, "TWILIO_FROM_NUMBER": "+18005550100", "SIDEGUY_TWILIO_API_URL": fake.URL,
		"SIDEGUY_HOURS": "Mon-Fri 09:00-17:00 America/Los_Angeles",
	}
	srv := startServe(t, env)
	post := func(sid, from, body string) string {
		t.Helper()
		form := map[string]string{"MessageSid": sid, "From": from, "Body": body}
		_, out := srv.textAs(t, public, form)
		return out
	}
	post("SMb1", "+14155553001", "which direction is easier, soc 2 to iso or back?")
	post("SMb2", "+14155553002", "can you recommend a soc 2 auditor in Austin?")
	post("SMb3", "+14155553003", hostileQ)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1100, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}
	value := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return v
	}
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	do("log in and open the queue",
		chromedp.Navigate(srv.base+"/console"),
		chromedp.WaitVisible(chromedp.CSS("#token")),
		chromedp.SendKeys(chromedp.CSS("#token"), opToken),
		chromedp.Submit(chromedp.CSS("#token")),
		chromedp.WaitVisible(chromedp.CSS("#queue")),
	)
	queue := text("#queue")
	if !strings.Contains(queue, "#2") || !strings.Contains(queue, "#3") || !strings.Contains(queue, "<script>window.pwned=1</script>") {
		t.Errorf("queue shows %q, want threads #2 and #3 with the question as text", queue)
	}
	if out := os.Getenv("SIDEGUY_SCREENSHOT"); out != "" {
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	do("open the hostile thread",
		chromedp.Click(chromedp.CSS(`a[href="/console/threads/3"]`)),
		chromedp.WaitVisible(chromedp.CSS("#transcript")),
	)
	if pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.pwned`)); err != nil || pwned != "undefined" {
		t.Errorf("the texter's markup ran in the console (typeof window.pwned = %q, %v)", pwned, err)
	}
	if tr := text("#transcript"); !strings.Contains(tr, `<img src=x onerror="window.pwned=2">`) {
		t.Errorf("transcript %q does not show the question as text", tr)
	}
	do("type a reply", chromedp.SendKeys(chromedp.CSS("#body"), reply))
	if counter := text("#counter"); !strings.Contains(counter, "GSM-7") || !strings.Contains(counter, "1 segment") {
		t.Errorf("live counter says %q, want GSM-7 and 1 segment", counter)
	}
	do("send the reply",
		chromedp.Submit(chromedp.CSS("#body")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if flash, tr := text(".flash"), text("#transcript"); !strings.Contains(flash, "Sent") || !strings.Contains(tr, reply) {
		t.Errorf("after sending: flash %q, transcript %q", flash, tr)
	}
	if sent := fake.Sent("+14155553003"); len(sent) != 1 || sent[0].Body != reply {
		t.Fatalf("fake Twilio received %+v, want the reply", sent)
	}

	do("open save as knowledge",
		chromedp.Click(chromedp.CSS("#teach")),
		chromedp.WaitVisible(chromedp.CSS("#question")),
	)
	if q, a := value("#question"), value("#answer"); q != hostileQ || a != reply {
		t.Errorf("teach form prefilled with %q / %q", q, a)
	}
	do("save as knowledge",
		chromedp.SetValue(chromedp.CSS("#question"), "how much does a soc 2 audit cost?"),
		chromedp.Submit(chromedp.CSS("#question")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	if flash := text(".flash"); !strings.Contains(flash, "Saved as knowledge") {
		t.Errorf("after saving: %q", flash)
	}
	if got := post("SMb4", "+14155553004", "how much does a soc 2 audit cost?"); !strings.Contains(got, "it depends on scope and the auditor") {
		t.Errorf("a new texter got %s, want the taught answer", got)
	}
}
