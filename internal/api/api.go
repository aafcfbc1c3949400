package api

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// API serves the operator's requests.
type API struct {
	store domain.ThreadStore
	token []byte
	now   func() time.Time
}

// New builds the API. token is the operator's bearer token and must not be empty.
func New(store domain.ThreadStore, token string, now func() time.Time) (*API, error) {
	if token == "" {
		return nil, errors.New("api: operator token is required")
	}
	if now == nil {
		now = time.Now
	}
	return &API{store: store, token: []byte(token), now: now}, nil
}

// Register adds the routes to e.
func (a *API) Register(e *echo.Echo) {
	g := e.Group(Prefix, a.auth)
	g.GET("/threads", a.listThreads)
	g.GET("/threads/:id", a.getThread)
	g.POST("/threads/:id/resolve", a.resolve)
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

func (a *API) resolve(c echo.Context) error {
	id, err := threadID(c)
	if err != nil {
		return err
	}
	t, err := a.store.UpdateThread(id, func(t *domain.Thread) error {
		t.Resolve(a.now().UTC())
		return nil
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

func threadID(c echo.Context) (uint64, error) {
	raw := strings.TrimPrefix(c.Param("id"), "#")
	id, err := strconv.ParseUint(raw, 10, 64)
	if err != nil || id == 0 {
		return 0, echo.NewHTTPError(http.StatusBadRequest, "thread id must be a positive number")
	}
	return id, nil
}
