// Package twiliofake is a local stand-in for Twilio's REST API, for tests and
// staging: it answers POST /2010-04-01/Accounts/{sid}/Messages.json the way
// Twilio does (201 with the message, or 4xx with Twilio's error body), keeps what
// it was asked to send, and can post signed status callbacks back.
package twiliofake

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Message is one message the fake accepted or refused.
type Message struct {
	SID            string
	To, From       string
	ServiceSID     string
	Body           string
	StatusCallback string
	// ErrorCode is set when the fake refused it.
	ErrorCode int
}

// Server is the fake. Create it with New; it closes with the test.
type Server struct {
	*httptest.Server
	AccountSID string
	// AuthToken is the token the fake expects and signs callbacks with.
	AuthToken string

	mu       sync.Mutex
	messages []Message
	optedOut map[string]bool
	failNext []int
}

// New starts a fake that accepts the given account SID and auth token.
func New(accountSID, authToken string) *Server {
	s := &Server{AccountSID: accountSID, AuthToken: authToken, optedOut: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// OptOut makes sends to number fail with 21610, as after the recipient texted STOP.
func (s *Server) OptOut(number string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.optedOut[number] = true
}

// FailNext makes the next send fail with Twilio error code (e.g. 30003 or 21211).
func (s *Server) FailNext(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failNext = append(s.failNext, code)
}

// Messages returns what the fake was asked to send, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Sent returns the accepted messages to number.
func (s *Server) Sent(to string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.To == to && m.ErrorCode == 0 {
			out = append(out, m)
		}
	}
	return out
}

type twilioError struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
}

func (s *Server) fail(w http.ResponseWriter, status, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(twilioError{Code: code, Message: msg, MoreInfo: fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code), Status: status})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	want := "/2010-04-01/Accounts/" + s.AccountSID + "/Messages.json"
	if r.Method != http.MethodPost || r.URL.Path != want {
		s.fail(w, http.StatusNotFound, 20404, "The requested resource "+r.URL.Path+" was not found")
		return
	}
	user, pass, ok := r.BasicAuth()
	if !ok || pass != s.AuthToken || (user != s.AccountSID && !strings.HasPrefix(user, "SK")) {
		s.fail(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, http.StatusBadRequest, 21100, "Invalid form")
		return
	}
	f := r.PostForm
	m := Message{To: f.Get("To"), From: f.Get("From"), ServiceSID: f.Get("MessagingServiceSid"),
		Body: f.Get("Body"), StatusCallback: f.Get("StatusCallback")}
	s.mu.Lock()
	defer s.mu.Unlock()
	code, status, msg := 0, 0, ""
	switch {
	case m.To == "":
		code, status, msg = 21604, 400, "A 'To' phone number is required."
	case m.From == "" && m.ServiceSID == "":
		code, status, msg = 21603, 400, "A 'From' phone number is required."
	case m.Body == "":
		code, status, msg = 21602, 400, "Message body is required."
	case utf8.RuneCountInString(m.Body) > 1600:
		code, status, msg = 21617, 400, "The concatenated message body exceeds the 1600 character limit."
	case s.optedOut[m.To]:
		code, status, msg = 21610, 400, "Attempt to send to unsubscribed recipient"
	case len(s.failNext) > 0:
		code, status, msg = s.failNext[0], 400, "Fake failure"
		s.failNext = s.failNext[1:]
	}
	if code != 0 {
		m.ErrorCode = code
		s.messages = append(s.messages, m)
		s.fail(w, status, code, msg)
		return
	}
	m.SID = "SM" + randomHex(16)
	s.messages = append(s.messages, m)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{
		"sid": m.SID, "account_sid": s.AccountSID, "to": m.To, "from": m.From, "messaging_service_sid": nilIfEmpty(m.ServiceSID),
		"body": m.Body, "status": "queued", "num_segments": "1", "direction": "outbound-api",
		"date_created": time.Now().UTC().Format(time.RFC1123Z), "api_version": "2010-04-01", "error_code": nil, "error_message": nil,
		"uri": "/2010-04-01/Accounts/" + s.AccountSID + "/Messages/" + m.SID + ".json",
	})
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Callback posts a signed status callback for a sent message to its
// StatusCallback URL, addressed through base (the server under test) but signed
// over the URL Twilio was given. It returns the HTTP status.
func (s *Server) Callback(base string, m Message, status string, errorCode int) (int, error) {
	if m.StatusCallback == "" {
		return 0, fmt.Errorf("message %s has no StatusCallback", m.SID)
	}
	form := url.Values{"MessageSid": {m.SID}, "SmsSid": {m.SID}, "MessageStatus": {status}, "SmsStatus": {status},
		"AccountSid": {s.AccountSID}, "To": {m.To}, "From": {m.From}, "ApiVersion": {"2010-04-01"}}
	if errorCode != 0 {
		form.Set("ErrorCode", fmt.Sprint(errorCode))
	}
	cb, err := url.Parse(m.StatusCallback)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequest(http.MethodPost, strings.TrimRight(base, "/")+cb.RequestURI(), strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", Sign(s.AuthToken, m.StatusCallback, form))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// Sign computes X-Twilio-Signature: base64(HMAC-SHA1(token, URL + sorted keys and values)).
func Sign(token, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		b.WriteString(k)
		b.WriteString(form.Get(k))
	}
	mac := hmac.New(sha1.New, []byte(token))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
