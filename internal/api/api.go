package api

import (
	"context"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/stats"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// Operator is what the operator can do to threads and settings.
type Operator interface {
	OperatorReply(ctx context.Context, threadID uint64, body string) (domain.Thread, domain.Message, error)
	Resolve(threadID uint64) (domain.Thread, error)
	Reopen(threadID uint64) (domain.Thread, error)
	HandBack(threadID uint64) (domain.Thread, error)
	Away(until string) (domain.Settings, error)
	Back() (domain.Settings, error)
	Expectation() (string, error)
}

// Reader reads threads and settings.
type Reader interface {
	Threads(status domain.Status) ([]domain.Thread, error)
	Thread(id uint64) (domain.Thread, error)
	Settings() (domain.Settings, error)
}

// API serves the operator's requests.
type API struct {
	store       Reader
	operator    Operator
	library     Library
	escalations EscalationLog
	maintenance Maintenance
	norm        stats.Normalizer
	now         func() time.Time
	token       []byte
}

// Maintenance is backup and erasure.
type Maintenance interface {
	Backup(w io.Writer) (int64, error)
	Erase(threadID uint64) error
}

// EscalationLog is the log of what went to the operator.
type EscalationLog interface {
	Escalations(since time.Time) ([]domain.Escalation, error)
}

// Config is what the API serves.
type Config struct {
	Store    Reader
	Operator Operator
	Library  Library
	// Maintenance backs the database up and erases texters; optional.
	Maintenance Maintenance
	// Escalations and Normalizer feed /api/v1/stats/escalations.
	Escalations EscalationLog
	Normalizer  stats.Normalizer
	Now         func() time.Time
	// Token is the operator's bearer token; required.
	Token string
}

// New builds the API.
func New(cfg Config) (*API, error) {
	if cfg.Token == "" {
		return nil, errors.New("api: operator token is required")
	}
	if cfg.Store == nil || cfg.Operator == nil || cfg.Library == nil {
		return nil, errors.New("api: store, operator and library are required")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &API{store: cfg.Store, operator: cfg.Operator, library: cfg.Library, escalations: cfg.Escalations, maintenance: cfg.Maintenance,
		norm: cfg.Normalizer, now: cfg.Now, token: []byte(cfg.Token)}, nil
}

// Register adds the routes to e.
func (a *API) Register(e *echo.Echo) {
	g := e.Group(Prefix, a.auth)
	g.GET("/threads", a.listThreads)
	g.GET("/threads/:id", a.getThread)
	g.POST("/threads/:id/reply", a.reply)
	g.POST("/threads/:id/resolve", a.change(a.operator.Resolve))
	g.POST("/threads/:id/reopen", a.change(a.operator.Reopen))
	g.POST("/threads/:id/bot", a.change(a.operator.HandBack))
	g.GET("/settings", a.settings)
	g.POST("/settings/away", a.away)
	g.DELETE("/settings/away", a.back)
	a.registerKnowledge(g)
	g.GET("/stats/escalations", a.escalationStats)
	g.GET("/backup", a.backup)
	g.POST("/threads/:id/erase", a.erase)
}

// backup streams a consistent copy of the database.
func (a *API) backup(c echo.Context) error {
	if a.maintenance == nil {
		return echo.NewHTTPError(http.StatusNotFound, "backups are not available")
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/octet-stream")
	w.Header().Set(echo.HeaderContentDisposition, `attachment; filename="sideguy.db"`)
	w.WriteHeader(http.StatusOK)
	_, err := a.maintenance.Backup(w)
	return err
}

// erase removes everything kept about one texter, on their request.
func (a *API) erase(c echo.Context) error {
	if a.maintenance == nil {
		return echo.NewHTTPError(http.StatusNotFound, "erasure is not available")
	}
	id, err := threadID(c)
	if err != nil {
		return err
	}
	if err := a.maintenance.Erase(id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"erased": id})
}

// escalationStats lists what went to the operator most often: ?days=30&limit=20.
func (a *API) escalationStats(c echo.Context) error {
	if a.escalations == nil || a.norm == nil {
		return echo.NewHTTPError(http.StatusNotFound, "statistics are not available")
	}
	days, limit := 30, 20
	if v := c.QueryParam("days"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusBadRequest, "days must be a positive number")
		}
		days = n
	}
	if v := c.QueryParam("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusBadRequest, "limit must be a positive number")
		}
		limit = n
	}
	since := a.now().Add(-time.Duration(days) * 24 * time.Hour)
	list, err := a.escalations.Escalations(since)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, stats.Escalations(list, since, a.norm, limit))
}

// auth checks the bearer token in constant time.
func (a *API) auth(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Request().Header.Get(echo.HeaderAuthorization)
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(token)), a.token) != 1 {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="sideguy"`)
			return echo.NewHTTPError(http.StatusUnauthorized, "missing or wrong operator token")
		}
		return next(c)
	}
}

// threadSummary is a thread as listed, with its last message.
type threadSummary struct {
	domain.Thread
	Messages []domain.Message `json:"messages,omitempty"`
}

func (a *API) listThreads(c echo.Context) error {
	status := domain.Status(c.QueryParam("status"))
	if status != "" && !status.Valid() {
		return echo.NewHTTPError(http.StatusBadRequest, "status must be escalated, bot or resolved")
	}
	threads, err := a.store.Threads(status)
	if err != nil {
		return err
	}
	out := make([]threadSummary, len(threads))
	for i, t := range threads {
		out[i] = threadSummary{Thread: t}
	}
	return c.JSON(http.StatusOK, map[string]any{"threads": out})
}

func (a *API) getThread(c echo.Context) error {
	id, err := threadID(c)
	if err != nil {
		return err
	}
	t, err := a.store.Thread(id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

// change runs a status change on the thread named in the path.
func (a *API) change(fn func(id uint64) (domain.Thread, error)) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := threadID(c)
		if err != nil {
			return err
		}
		t, err := fn(id)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, t)
	}
}

func threadID(c echo.Context) (uint64, error) {
	raw := strings.TrimPrefix(c.Param("id"), "#")
	id, err := strconv.ParseUint(raw, 10, 64)
	if err != nil || id == 0 {
		return 0, echo.NewHTTPError(http.StatusBadRequest, "thread id must be a positive number")
	}
	return id, nil
}
