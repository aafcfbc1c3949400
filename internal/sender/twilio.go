package sender

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/twilio/twilio-go"
	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Config says how to reach Twilio.
type Config struct {
	AccountSID string
	// AuthToken, or APIKey and APISecret, authenticate the requests.
	AuthToken string
	APIKey    string
	APISecret string
	// From is the sending number, or MessagingServiceSID the Messaging Service.
	From                string
	MessagingServiceSID string
	// StatusCallback is the URL Twilio posts delivery status to.
	StatusCallback string
	// APIURL replaces https://api.twilio.com (a local fake in tests, a mock in staging).
	APIURL string
	// Timeout bounds one request; 10 s (the SDK's default) when zero.
	Timeout time.Duration
}

// Twilio sends through Twilio's REST API.
type Twilio struct {
	rest *twilio.RestClient
	cfg  Config
}

// NewTwilio builds a sender. It needs an account SID, credentials, and a
// number or Messaging Service to send from.
func NewTwilio(cfg Config) (*Twilio, error) {
	if cfg.AccountSID == "" {
		return nil, errors.New("sender: TWILIO_ACCOUNT_SID is required")
	}
	if cfg.From == "" && cfg.MessagingServiceSID == "" {
		return nil, errors.New("sender: TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID is required")
	}
	user, pass := cfg.AccountSID, cfg.AuthToken
	if cfg.APIKey != "" || cfg.APISecret != "" {
		if cfg.APIKey == "" || cfg.APISecret == "" {
			return nil, errors.New("sender: TWILIO_API_KEY and TWILIO_API_SECRET go together")
		}
		user, pass = cfg.APIKey, cfg.APISecret
	}
	if pass == "" {
		return nil, errors.New("sender: TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET) is required")
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	// Our own HTTP client: the SDK's defaults (timeout, no redirects) kept, and
	// requests sent to APIURL when set.
	httpClient := &http.Client{
		Timeout: cfg.Timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	if cfg.APIURL != "" {
		base, err := url.Parse(cfg.APIURL)
		if err != nil || base.Scheme == "" || base.Host == "" {
			return nil, fmt.Errorf("sender: SIDEGUY_TWILIO_API_URL %q is not an absolute URL", cfg.APIURL)
		}
		httpClient.Transport = rewriteHost{base: base, next: http.DefaultTransport}
	}
	base := &client.Client{Credentials: client.NewCredentials(user, pass), HTTPClient: httpClient}
	base.SetAccountSid(cfg.AccountSID)
	rest := twilio.NewRestClientWithParams(twilio.ClientParams{Client: base})
	return &Twilio{rest: rest, cfg: cfg}, nil
}

// Send implements domain.Sender. Twilio's refusals come back as *domain.SendError.
func (t *Twilio) Send(ctx context.Context, to, body string) (domain.Sent, error) {
	if err := ctx.Err(); err != nil {
		return domain.Sent{}, err
	}
	p := &openapi.CreateMessageParams{}
	p.SetTo(to).SetBody(body)
	if t.cfg.MessagingServiceSID != "" {
		p.SetMessagingServiceSid(t.cfg.MessagingServiceSID)
	} else {
		p.SetFrom(t.cfg.From)
	}
	if t.cfg.StatusCallback != "" {
		p.SetStatusCallback(t.cfg.StatusCallback)
	}
	msg, err := t.rest.Api.CreateMessage(p)
	if err != nil {
		var rest *client.TwilioRestError
		if errors.As(err, &rest) {
			return domain.Sent{}, &domain.SendError{Code: rest.Code, Message: rest.Message, Status: rest.Status}
		}
		return domain.Sent{}, &domain.SendError{Message: err.Error()}
	}
	var sent domain.Sent
	if msg.Sid != nil {
		sent.SID = *msg.Sid
	}
	if msg.Status != nil {
		sent.Status = *msg.Status
	}
	if msg.ErrorCode != nil && *msg.ErrorCode != 0 {
		return sent, &domain.SendError{Code: *msg.ErrorCode, Message: "Twilio accepted the message with an error"}
	}
	return sent, nil
}

// rewriteHost sends every request to base instead of Twilio's host, keeping the path.
type rewriteHost struct {
	base *url.URL
	next http.RoundTripper
}

func (r rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme = r.base.Scheme
	out.URL.Host = r.base.Host
	if p := r.base.Path; p != "" && p != "/" {
		out.URL.Path = p + req.URL.Path
	}
	out.Host = r.base.Host
	return r.next.RoundTrip(out)
}

// Log is the development sender: it sends nothing, logs the message, and
// reports it as stored.
type Log struct {
	Logger *slog.Logger
	// Now makes the fake SIDs unique.
	Now func() time.Time
}

// StatusNotSent marks a message that the development sender only logged.
const StatusNotSent = "not-sent"

// Send implements domain.Sender.
func (l Log) Send(_ context.Context, to, body string) (domain.Sent, error) {
	sid := fmt.Sprintf("DEV%d", l.Now().UnixNano())
	l.Logger.Warn("development mode: SMS not sent (no Twilio credentials)", "to", to, "sid", sid, "chars", len([]rune(body)))
	l.Logger.Debug("development SMS body", "sid", sid, "body", body)
	return domain.Sent{SID: sid, Status: StatusNotSent}, nil
}
