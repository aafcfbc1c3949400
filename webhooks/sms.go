package webhooks

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/twilio/twilio-go/client"
	"github.com/twilio/twilio-go/twiml"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// SMSPath is where Twilio posts inbound texts.
const SMSPath = "/webhooks/twilio/sms"

// maxMedia bounds how many attachments are read from one message (Twilio allows 10).
const maxMedia = 10

// Assistant handles one inbound text.
type Assistant interface {
	Handle(ctx context.Context, in domain.Inbound) (domain.Reply, error)
}

// Deliveries records Twilio's status callbacks.
type Deliveries interface {
	ApplyStatus(sid, status string, errorCode int) (domain.Thread, bool, error)
}

// Config configures the webhook.
type Config struct {
	Assistant Assistant
	// Deliveries receives status callbacks; without it they are only checked and logged.
	Deliveries Deliveries
	// Errors counts error codes in status callbacks (metrics); optional.
	Errors func(code int)
	// PublicURL is the base URL Twilio calls (scheme and host, maybe a path),
	// used to check signatures.
	PublicURL string
	// AuthToken signs Twilio's requests.
	AuthToken string
	// SkipSignature turns checks off, for local development only.
	SkipSignature bool
	Logger        *slog.Logger
}

// Handler serves Twilio's webhooks.
type Handler struct {
	assistant  Assistant
	deliveries Deliveries
	errors     func(code int)
	publicURL  string
	validator  *client.RequestValidator
	log        *slog.Logger
}

// New builds a Handler.
func New(cfg Config) (*Handler, error) {
	if cfg.Assistant == nil {
		return nil, errors.New("webhooks: assistant is required")
	}
	h := &Handler{assistant: cfg.Assistant, deliveries: cfg.Deliveries, errors: cfg.Errors, publicURL: strings.TrimRight(cfg.PublicURL, "/"), log: cfg.Logger}
	if h.log == nil {
		h.log = slog.Default()
	}
	if !cfg.SkipSignature {
		if cfg.AuthToken == "" || h.publicURL == "" {
			return nil, errors.New("webhooks: the auth token and public URL are needed to check signatures")
		}
		v := client.NewRequestValidator(cfg.AuthToken)
		h.validator = &v
	}
	return h, nil
}

// Register adds the webhook routes to e.
func (h *Handler) Register(e *echo.Echo) {
	e.POST(SMSPath, h.SMS)
	e.POST(StatusPath, h.Status)
}

// SMS handles an inbound text.
func (h *Handler) SMS(c echo.Context) error {
	r := c.Request()
	// Read only the body's fields: echo's FormParams would mix in the query string.
	if err := r.ParseForm(); err != nil {
		return c.String(http.StatusBadRequest, "malformed form body\n")
	}
	if !h.signed(r) {
		h.log.Warn("rejected webhook: missing or wrong X-Twilio-Signature", "path", r.URL.Path, "remote", c.RealIP())
		return c.String(http.StatusForbidden, "invalid Twilio signature\n")
	}
	in := inbound(r)
	reply, err := h.assistant.Handle(r.Context(), in)
	switch {
	case errors.Is(err, domain.ErrInvalid):
		return c.String(http.StatusBadRequest, err.Error()+"\n")
	case err != nil:
		// Nothing was stored, so nothing is lost if the texter sends it again;
		// Twilio would not retry a 5xx, and the texter would hear nothing.
		h.log.Error("could not process inbound text", "sid", in.SID, "err", err)
		reply = domain.Reply{Messages: []string{textTryAgain}}
	}
	return TwiML(c, reply)
}

const textTryAgain = "Sorry, something went wrong on my side and your text didn't go through. Please send it again in a minute."

// signed reports whether the request carries Twilio's signature over the public
// URL and the POST fields (or checks are off).
func (h *Handler) signed(r *http.Request) bool {
	if h.validator == nil {
		return true
	}
	sig := r.Header.Get("X-Twilio-Signature")
	if sig == "" {
		return false
	}
	params := make(map[string]string, len(r.PostForm))
	for k, vs := range r.PostForm {
		if len(vs) > 0 {
			params[k] = vs[0]
		}
	}
	return h.validator.Validate(h.publicURL+r.URL.RequestURI(), params, sig)
}

func inbound(r *http.Request) domain.Inbound {
	f := r.PostForm
	in := domain.Inbound{
		SID:        first(f.Get("MessageSid"), f.Get("SmsMessageSid"), f.Get("SmsSid")),
		From:       phone(f.Get("From")),
		To:         strings.TrimSpace(f.Get("To")),
		Body:       f.Get("Body"),
		OptOutType: f.Get("OptOutType"),
	}
	n, _ := strconv.Atoi(f.Get("NumMedia"))
	for i := 0; i < min(n, maxMedia); i++ {
		if u := f.Get(fmt.Sprintf("MediaUrl%d", i)); u != "" {
			in.Media = append(in.Media, u)
		}
	}
	return in
}

// phone trims a number and restores the leading + that a form encoder which
// did not escape it turned into a space ("+1555…" arrives as " 1555…").
func phone(raw string) string {
	p := strings.TrimSpace(raw)
	if strings.HasPrefix(raw, " ") && p != "" && strings.Trim(p, "0123456789") == "" {
		return "+" + p
	}
	return p
}

func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// TwiML writes a messaging response: one <Message> per text, <Response/> for none.
func TwiML(c echo.Context, reply domain.Reply) error {
	var verbs []twiml.Element
	for _, m := range reply.Messages {
		verbs = append(verbs, &twiml.MessagingMessage{Body: m})
	}
	doc, err := twiml.Messages(verbs)
	if err != nil {
		return fmt.Errorf("render TwiML: %w", err)
	}
	// Not c.XMLBlob: it adds a second XML declaration, which Twilio rejects (12100).
	return c.Blob(http.StatusOK, echo.MIMETextXMLCharsetUTF8, []byte(doc))
}
