package sender_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

const (
	accountSID = "AC0123456789abcdef0123456789abcdef"
	authToken  = "0123456789abcdef0123456789abcdef"
)

func newSender(t *testing.T, fake *twiliofake.Server, mutate func(*sender.Config)) *sender.Twilio {
	t.Helper()
	cfg := sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100",
		StatusCallback: "https://sms.example.com/webhooks/twilio/status", APIURL: fake.URL}
	if mutate != nil {
		mutate(&cfg)
	}
	s, err := sender.NewTwilio(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSendsThroughTheRESTAPI(t *testing.T) {
	fake := twiliofake.New(accountSID, authToken)
	defer fake.Close()
	s := newSender(t, fake, nil)
	sent, err := s.Send(context.Background(), "+14155550123", "Hi, PJ here.")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sent.SID, "SM") || sent.Status != "queued" {
		t.Errorf("sent = %+v, want Twilio's SID and queued", sent)
	}
	got := fake.Messages()
	if len(got) != 1 || got[0].To != "+14155550123" || got[0].From != "+18005550100" || got[0].Body != "Hi, PJ here." ||
		got[0].StatusCallback != "https://sms.example.com/webhooks/twilio/status" {
		t.Errorf("fake received %+v", got)
	}
}

func TestMessagingServiceAndAPIKey(t *testing.T) {
	fake := twiliofake.New(accountSID, "apisecret0123456789")
	defer fake.Close()
	s := newSender(t, fake, func(c *sender.Config) {
		c.From, c.MessagingServiceSID = "", "MG0123456789abcdef0123456789abcdef"
		c.AuthToken, c.APIKey, c.APISecret = "", "SK0123456789abcdef0123456789abcdef", "apisecret0123456789"
	})
	if _, err := s.Send(context.Background(), "+14155550123", "hello"); err != nil {
		t.Fatal(err)
	}
	if m := fake.Messages()[0]; m.ServiceSID != "MG0123456789abcdef0123456789abcdef" || m.From != "" {
		t.Errorf("fake received %+v, want the Messaging Service and no From", m)
	}
}

func TestTwilioErrorsComeBackWithTheirCode(t *testing.T) {
	fake := twiliofake.New(accountSID, authToken)
	defer fake.Close()
	s := newSender(t, fake, nil)
	fake.OptOut("+14155550999")
	_, err := s.Send(context.Background(), "+14155550999", "hello")
	var se *domain.SendError
	if !errors.As(err, &se) || se.Code != domain.ErrorCodeOptedOut || se.Status != 400 || !strings.Contains(se.Message, "unsubscribed") {
		t.Errorf("send to opted-out: %v, want SendError 21610", err)
	}
	_, err = s.Send(context.Background(), "+14155550123", strings.Repeat("x", 1601))
	if !errors.As(err, &se) || se.Code != 21617 {
		t.Errorf("1601 characters: %v, want 21617", err)
	}
	bad := newSender(t, fake, func(c *sender.Config) { c.AuthToken = "wrongtoken" })
	if _, err := bad.Send(context.Background(), "+14155550123", "x"); !errors.As(err, &se) || se.Code != 20003 {
		t.Errorf("wrong credentials: %v, want 20003", err)
	}
}

func TestTimeoutAndNoRedirects(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2 * time.Second)
	}))
	defer slow.Close()
	s, err := sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100",
		APIURL: slow.URL, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if _, err := s.Send(context.Background(), "+14155550123", "x"); err == nil {
		t.Error("a hung API did not fail the send")
	}
	if time.Since(start) > 1500*time.Millisecond {
		t.Errorf("send waited %s despite a 200ms timeout", time.Since(start))
	}
	hits := 0
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		http.Redirect(w, r, "/elsewhere", http.StatusTemporaryRedirect)
	}))
	defer redirect.Close()
	s, _ = sender.NewTwilio(sender.Config{AccountSID: accountSID, AuthToken: authToken, From: "+18005550100", APIURL: redirect.URL})
	s.Send(context.Background(), "+14155550123", "x")
	if hits != 1 {
		t.Errorf("the sender followed a redirect (%d requests)", hits)
	}
}

func TestConfigErrors(t *testing.T) {
	for name, cfg := range map[string]sender.Config{
		"no account":     {AuthToken: authToken, From: "+1800"},
		"no from":        {AccountSID: accountSID, AuthToken: authToken},
		"no credentials": {AccountSID: accountSID, From: "+1800"},
		"half API key":   {AccountSID: accountSID, From: "+1800", APIKey: "SK1"},
		"bad URL":        {AccountSID: accountSID, AuthToken: authToken, From: "+1800", APIURL: "not a url"},
	} {
		if _, err := sender.NewTwilio(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
