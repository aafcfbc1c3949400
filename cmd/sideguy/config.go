package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/hours"
	"github.com/sideguy/sideguy-text/internal/phone"
	"github.com/sideguy/sideguy-text/knowledge"
)

// config is everything serve reads from the environment and flags, read once.
type config struct {
	Dev            bool
	Addr           string
	DataDir        string
	Knowledge      string
	PublicURL      string
	AuthToken      string
	OperatorToken  string
	KeywordReplies assistant.KeywordReplies
	LogFormat      string
	LogLevel       slog.Level

	// Sending SMS (operator replies, notifications).
	AccountSID          string
	APIKey, APISecret   string
	FromNumber          string
	MessagingServiceSID string
	TwilioAPIURL        string
	OperatorPhone       string
	NotifyInterval      time.Duration
	Hours               *hours.Schedule

	// The console.
	PasswordHash string
	SessionIdle  time.Duration

	// Limits and housekeeping.
	RatePerHour   int
	DailyCap      int
	Countries     *phone.Countries
	RetentionDays int
	// MinConfidence is the least confidence that answers (0: the default).
	MinConfidence float64
	// MinLearned is the least probability with which the learned model
	// answers (0: the default; 1: never).
	MinLearned float64
	// DebugAddr, when set, serves Go's profiler (net/http/pprof) there;
	// meant for loopback.
	DebugAddr string
}

// canSend reports whether Twilio sending is configured.
func (c config) canSend() bool {
	return c.AccountSID != "" && (c.FromNumber != "" || c.MessagingServiceSID != "") &&
		(c.AuthToken != "" || (c.APIKey != "" && c.APISecret != ""))
}

// env returns the variable or def when it is unset or empty.
func (m *Main) env(name, def string) string {
	if v := strings.TrimSpace(m.Getenv(name)); v != "" {
		return v
	}
	return def
}

// loadConfig reads the environment, then flags, and validates the result.
func (m *Main) loadConfig(fl *flag.FlagSet, args []string) (config, error) {
	c := config{
		Addr:           m.env("SIDEGUY_ADDR", ":8080"),
		DataDir:        m.env("SIDEGUY_DATA_DIR", "./data"),
		Knowledge:      m.env("SIDEGUY_KNOWLEDGE_DIR", ""),
		PublicURL:      strings.TrimRight(m.env("SIDEGUY_PUBLIC_URL", ""), "/"),
		AuthToken:      m.env("TWILIO_AUTH_TOKEN", ""),
		OperatorToken:  m.env("SIDEGUY_OPERATOR_TOKEN", ""),
		KeywordReplies: assistant.KeywordReplies(strings.ToLower(m.env("SIDEGUY_KEYWORD_REPLIES", "twilio"))),
		LogFormat:      m.env("SIDEGUY_LOG_FORMAT", ""),

		AccountSID:          m.env("TWILIO_ACCOUNT_SID", ""),
		APIKey:              m.env("TWILIO_API_KEY", ""),
		APISecret:           m.env("TWILIO_API_SECRET", ""),
		FromNumber:          m.env("TWILIO_FROM_NUMBER", ""),
		MessagingServiceSID: m.env("TWILIO_MESSAGING_SERVICE_SID", ""),
		TwilioAPIURL:        m.env("SIDEGUY_TWILIO_API_URL", ""),
		OperatorPhone:       m.env("SIDEGUY_OPERATOR_PHONE", ""),
		DebugAddr:           m.env("SIDEGUY_DEBUG_ADDR", ""),
	}
	interval, err := time.ParseDuration(m.env("SIDEGUY_NOTIFY_INTERVAL", "5m"))
	if err != nil || interval <= 0 {
		return c, fmt.Errorf("SIDEGUY_NOTIFY_INTERVAL %q: want a duration like 5m", m.env("SIDEGUY_NOTIFY_INTERVAL", ""))
	}
	c.NotifyInterval = interval
	c.PasswordHash = m.env("SIDEGUY_OPERATOR_PASSWORD_HASH", "")
	if c.PasswordHash != "" && !strings.HasPrefix(c.PasswordHash, "$2") {
		return c, errors.New("SIDEGUY_OPERATOR_PASSWORD_HASH: want a bcrypt hash ($2a$/$2b$...; make one with `sideguy hash-password`)")
	}
	idle, err := time.ParseDuration(m.env("SIDEGUY_SESSION_IDLE", "2h"))
	if err != nil || idle <= 0 {
		return c, fmt.Errorf("SIDEGUY_SESSION_IDLE %q: want a duration like 2h", m.env("SIDEGUY_SESSION_IDLE", ""))
	}
	c.SessionIdle = idle
	for _, v := range []struct {
		name string
		def  int
		dst  *int
	}{{"SIDEGUY_RATE_PER_HOUR", 20, &c.RatePerHour}, {"SIDEGUY_DAILY_CAP", 500, &c.DailyCap}, {"SIDEGUY_RETENTION_DAYS", 0, &c.RetentionDays}} {
		raw := m.env(v.name, strconv.Itoa(v.def))
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 {
			return c, fmt.Errorf("%s %q: want a whole number (0 for no limit)", v.name, raw)
		}
		*v.dst = n
	}
	if list := m.env("SIDEGUY_COUNTRIES", "US,CA"); !strings.EqualFold(list, "all") {
		if c.Countries, err = phone.ParseCountries(list); err != nil {
			return c, fmt.Errorf("SIDEGUY_COUNTRIES: %w", err)
		}
	}
	if spec := m.env("SIDEGUY_HOURS", ""); spec != "" {
		if c.Hours, err = hours.Parse(spec); err != nil {
			return c, fmt.Errorf("SIDEGUY_HOURS: %w", err)
		}
	}
	if c.OperatorPhone != "" && !e164(c.OperatorPhone) {
		return c, fmt.Errorf("SIDEGUY_OPERATOR_PHONE %q: want an E.164 number like +14155550100", c.OperatorPhone)
	}
	if (c.APIKey == "") != (c.APISecret == "") {
		return c, errors.New("TWILIO_API_KEY and TWILIO_API_SECRET go together")
	}
	fl.BoolVar(&c.Dev, "dev", false, "development mode: no signature checks, generated operator token")
	fl.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (SIDEGUY_ADDR)")
	fl.StringVar(&c.DataDir, "data-dir", c.DataDir, "directory for the database (SIDEGUY_DATA_DIR)")
	fl.StringVar(&c.Knowledge, "knowledge", c.Knowledge, "load knowledge files from this directory instead of the embedded copy")
	if err := fl.Parse(args); err != nil {
		return c, err
	}
	if c.LogFormat == "" {
		c.LogFormat = "json"
		if c.Dev {
			c.LogFormat = "text"
		}
	}
	if c.MinConfidence, err = parseConfidence("SIDEGUY_MIN_CONFIDENCE", m.env("SIDEGUY_MIN_CONFIDENCE", "")); err != nil {
		return c, err
	}
	if c.MinLearned, err = parseConfidence("SIDEGUY_MIN_LEARNED", m.env("SIDEGUY_MIN_LEARNED", "")); err != nil {
		return c, err
	}
	if err := c.LogLevel.UnmarshalText([]byte(m.env("SIDEGUY_LOG_LEVEL", "info"))); err != nil {
		return c, fmt.Errorf("SIDEGUY_LOG_LEVEL: %w", err)
	}
	if c.KeywordReplies != assistant.KeywordsByTwilio && c.KeywordReplies != assistant.KeywordsByApp {
		return c, fmt.Errorf("SIDEGUY_KEYWORD_REPLIES is %q: want twilio or app", c.KeywordReplies)
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return c, fmt.Errorf("SIDEGUY_LOG_FORMAT is %q: want json or text", c.LogFormat)
	}
	if c.Dev {
		if c.PublicURL == "" {
			c.PublicURL = "http://" + localAddr(c.Addr)
		}
		return c, nil
	}
	var missing []string
	for _, v := range []struct{ name, value string }{
		{"SIDEGUY_PUBLIC_URL", c.PublicURL}, {"TWILIO_AUTH_TOKEN", c.AuthToken}, {"SIDEGUY_OPERATOR_TOKEN", c.OperatorToken},
	} {
		if v.value == "" {
			missing = append(missing, v.name)
		}
	}
	if len(missing) > 0 {
		return c, fmt.Errorf("missing configuration: %s (set them, or run `sideguy serve --dev` to try it locally)", strings.Join(missing, ", "))
	}
	u, err := url.Parse(c.PublicURL)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return c, fmt.Errorf("SIDEGUY_PUBLIC_URL %q: want an absolute URL like https://sms.example.com", c.PublicURL)
	}
	return c, nil
}

// e164 reports whether s looks like an E.164 phone number.
func e164(s string) bool {
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return false
	}
	return strings.Trim(s[1:], "0123456789") == ""
}

// newToken makes a random operator token for development mode.
func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate operator token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// knowledgeFS is the embedded knowledge base, or dir when given. A directory
// holding an entries/ folder (like the repository's knowledge/) works too.
func knowledgeFS(dir string) (fs.FS, string, error) {
	if dir == "" {
		return knowledge.Entries(), "embedded", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", fmt.Errorf("knowledge directory: %w", err)
	}
	if !st.IsDir() {
		return nil, "", errors.New("knowledge directory: " + dir + " is not a directory")
	}
	if st, err := os.Stat(filepath.Join(dir, "entries")); err == nil && st.IsDir() {
		dir = filepath.Join(dir, "entries")
	}
	return os.DirFS(dir), dir, nil
}

func newLogger(format string, level slog.Level, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// localAddr is addr as a local client reaches it: ":8080" is "localhost:8080".
func localAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
