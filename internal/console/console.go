package console

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
)

//go:embed templates/*.html static/*
var files embed.FS

// Prefix is where the console lives.
const Prefix = "/console"

// Operator is what the console does to threads and settings.
type Operator interface {
	OperatorReply(ctx context.Context, threadID uint64, body string) (domain.Thread, domain.Message, error)
	Resolve(threadID uint64) (domain.Thread, error)
	Reopen(threadID uint64) (domain.Thread, error)
	HandBack(threadID uint64) (domain.Thread, error)
	Flag(threadID, msgID uint64) (domain.Thread, error)
	Settings() (domain.Settings, error)
	Away(until string) (domain.Settings, error)
	Back() (domain.Settings, error)
	SetHours(spec string) (domain.Settings, error)
	SetPaused(paused bool) (domain.Settings, error)
	HoursInForce() string
	Expectation() (string, error)
}

// Reader reads threads.
type Reader interface {
	Threads(status domain.Status) ([]domain.Thread, error)
	Thread(id uint64) (domain.Thread, error)
}

// Library is the live knowledge base.
type Library interface {
	Items() []library.Item
	Item(id string) (library.Item, error)
	Teach(ls library.Lesson) (domain.Entry, error)
	Edit(id string, ls library.Lesson) (domain.Entry, error)
	SetEnabled(id string, enabled bool) (library.Item, error)
	Delete(id string) error
}

// Config configures the console.
type Config struct {
	Store    Reader
	Operator Operator
	Library  Library
	// Token is the operator token; PasswordHash an optional bcrypt hash.
	Token        string
	PasswordHash string
	// PublicURL decides whether cookies are Secure (https).
	PublicURL string
	// Idle logs a session out after this long unused (default 2h).
	Idle     time.Duration
	Location *time.Location
	// Erase removes a texter's data on request; optional.
	Erase func(threadID uint64) error
	// Limits are shown on the settings page.
	Limits LimitsInfo
	Now    func() time.Time
	Logger *slog.Logger
}

// LimitsInfo describes the abuse and cost limits in force.
type LimitsInfo struct {
	RatePerHour int
	DailyCap    int
	Countries   string
	// SentToday counts today's automatic replies.
	SentToday func() (int, error)
}

// Console serves the operator's pages.
type Console struct {
	cfg      Config
	pages    map[string]*template.Template
	static   fs.FS
	assetTag map[string]string
	sessions *sessions
	throttle *throttle
	secure   bool
	log      *slog.Logger
}

// New parses the templates once; a broken template fails here, at start.
func New(cfg Config) (*Console, error) {
	if cfg.Token == "" {
		return nil, errors.New("console: operator token is required")
	}
	if cfg.Store == nil || cfg.Operator == nil || cfg.Library == nil {
		return nil, errors.New("console: store, operator and library are required")
	}
	if cfg.Idle <= 0 {
		cfg.Idle = 2 * time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	static, err := fs.Sub(files, "static")
	if err != nil {
		return nil, fmt.Errorf("console assets: %w", err)
	}
	c := &Console{cfg: cfg, static: static, assetTag: map[string]string{},
		sessions: newSessions(cfg.Idle, 7*24*time.Hour, cfg.Now), throttle: newThrottle(cfg.Now),
		secure: strings.HasPrefix(strings.ToLower(cfg.PublicURL), "https://"), log: cfg.Logger}
	if err := c.hashAssets(); err != nil {
		return nil, err
	}
	if c.pages, err = c.parse(); err != nil {
		return nil, err
	}
	return c, nil
}

// hashAssets tags each asset with its content hash, for cache-safe URLs.
func (c *Console) hashAssets() error {
	return fs.WalkDir(c.static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(c.static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		c.assetTag[p] = hex.EncodeToString(sum[:6])
		return nil
	})
}

func (c *Console) parse() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"asset": func(name string) string { return Prefix + "/static/" + name + "?v=" + c.assetTag[name] },
		"when":  func(t time.Time) string { return t.In(c.cfg.Location).Format("Jan 2 15:04") },
		"whenp": func(t *time.Time) string {
			if t == nil {
				return ""
			}
			return t.In(c.cfg.Location).Format("Jan 2 15:04")
		},
		"age":      func(t *time.Time) string { return age(c.cfg.Now(), t) },
		"short":    func(s string, n int) string { return shorten(s, n) },
		"failed":   domain.FailedStatus,
		"segments": segmentsLabel,
	}
	pages := map[string]*template.Template{}
	// Each page is parsed with the layout.
	for _, name := range []string{"login", "queue", "thread", "threads", "teach", "knowledge", "entry", "settings", "error"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("console template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// Register adds the console's routes to e.
func (c *Console) Register(e *echo.Echo) {
	g := e.Group(Prefix, c.headers)
	g.GET("/static/*", c.asset)
	g.GET("/login", c.loginForm)
	g.POST("/login", c.login)
	auth := g.Group("", c.requireSession, c.checkCSRF)
	auth.GET("", c.queue)
	auth.GET("/", c.queue)
	auth.POST("/logout", c.logout)
	auth.GET("/threads", c.threads)
	auth.GET("/threads/:id", c.thread)
	auth.POST("/threads/:id/reply", c.reply)
	auth.POST("/threads/:id/resolve", c.change("Resolved.", c.cfg.Operator.Resolve))
	auth.POST("/threads/:id/reopen", c.change("Back in the queue.", c.cfg.Operator.Reopen))
	auth.POST("/threads/:id/bot", c.change("Handed back to the line.", c.cfg.Operator.HandBack))
	auth.POST("/threads/:id/messages/:mid/flag", c.flag)
	auth.POST("/threads/:id/erase", c.erase)
	auth.GET("/threads/:id/teach", c.teachForm)
	auth.POST("/threads/:id/teach", c.teach)
	auth.GET("/knowledge", c.knowledge)
	auth.GET("/knowledge/:eid", c.entry)
	auth.POST("/knowledge/:eid", c.editEntry)
	auth.POST("/knowledge/:eid/enable", c.switchEntry(true))
	auth.POST("/knowledge/:eid/disable", c.switchEntry(false))
	auth.POST("/knowledge/:eid/delete", c.deleteEntry)
	auth.GET("/settings", c.settings)
	auth.POST("/settings", c.saveSettings)
}

// headers sets a strict content security policy (no inline script) and friends.
func (c *Console) headers(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		h := ec.Response().Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		if ec.Path() != Prefix+"/static/*" {
			h.Set("Cache-Control", "no-store")
		}
		return next(ec)
	}
}

func (c *Console) asset(ec echo.Context) error {
	name := ec.Param("*")
	data, err := fs.ReadFile(c.static, name)
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound, "no such asset")
	}
	if ec.QueryParam("v") == c.assetTag[name] {
		ec.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	ctype := "application/octet-stream"
	switch {
	case strings.HasSuffix(name, ".css"):
		ctype = "text/css; charset=utf-8"
	case strings.HasSuffix(name, ".js"):
		ctype = "text/javascript; charset=utf-8"
	case strings.HasSuffix(name, ".svg"):
		ctype = "image/svg+xml"
	}
	return ec.Blob(http.StatusOK, ctype, data)
}

// page is what every template gets.
type page struct {
	Title  string
	Nav    string
	CSRF   string
	Flash  string
	Error  string
	Data   any
	Status int
}

func (c *Console) render(ec echo.Context, name string, p page) error {
	if p.Status == 0 {
		p.Status = http.StatusOK
	}
	if ss, ok := ec.Get("session").(*session); ok {
		p.CSRF = ss.csrf
		if p.Flash == "" {
			p.Flash = c.sessions.takeFlash(ss)
		}
	}
	var b strings.Builder
	if err := c.pages[name].ExecuteTemplate(&b, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return ec.HTML(p.Status, b.String())
}

// back redirects after a change, with a message for the next page.
func (c *Console) back(ec echo.Context, to, flash string) error {
	if ss, ok := ec.Get("session").(*session); ok && flash != "" {
		c.sessions.setFlash(ss, flash)
	}
	return ec.Redirect(http.StatusSeeOther, to)
}

// safeNext keeps a post-login redirect inside the console.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.IsAbs() || u.Host != "" || !strings.HasPrefix(u.Path, Prefix) || strings.HasPrefix(next, "//") {
		return Prefix
	}
	return u.RequestURI()
}
