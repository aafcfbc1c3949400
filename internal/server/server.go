package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Routes is something that adds its routes to the server.
type Routes interface {
	Register(e *echo.Echo)
}

// Config configures the server.
type Config struct {
	Logger *slog.Logger
	// BodyLimit caps request bodies (Twilio's are a few KiB).
	BodyLimit string
	Routes    []Routes
	// Middleware runs on every request, after the body limit.
	Middleware []echo.MiddlewareFunc
	// Ready reports whether the service can take texts (the store is writable);
	// GET /readyz answers 503 when it cannot.
	Ready func() error
}

// Server is the HTTP service.
type Server struct {
	echo *echo.Echo
	http *http.Server
	log  *slog.Logger
}

// New builds the server and its routes.
func New(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.BodyLimit == "" {
		cfg.BodyLimit = "64K"
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = errorHandler(cfg.Logger)
	e.Use(middleware.Recover())
	e.Use(middleware.BodyLimit(cfg.BodyLimit))
	e.Use(requestLog(cfg.Logger))
	e.Use(cfg.Middleware...)
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	e.GET("/readyz", func(c echo.Context) error {
		if cfg.Ready != nil {
			if err := cfg.Ready(); err != nil {
				cfg.Logger.Error("not ready", "err", err)
				return c.String(http.StatusServiceUnavailable, "not ready: the database is not writable\n")
			}
		}
		return c.String(http.StatusOK, "ready\n")
	})
	for _, r := range cfg.Routes {
		r.Register(e)
	}
	s := &Server{echo: e, log: cfg.Logger}
	s.http = &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
	}
	return s
}

// Handler returns the server's HTTP handler, for tests.
func (s *Server) Handler() http.Handler { return s.echo }

// Echo returns the router, so tests can walk every route.
func (s *Server) Echo() *echo.Echo { return s.echo }

// Serve answers on l until ctx ends, then finishes requests in flight.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(l) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.http.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// errorHandler answers every error as {"error": "..."} with the right status;
// internal errors are logged and not shown.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		status, msg := http.StatusInternalServerError, "internal error"
		var he *echo.HTTPError
		switch {
		case errors.As(err, &he):
			status = he.Code
			msg = fmt.Sprint(he.Message)
			if status == http.StatusRequestEntityTooLarge {
				msg = "request body too large"
			}
		case errors.Is(err, domain.ErrNotFound):
			status, msg = http.StatusNotFound, "not found"
		case errors.Is(err, domain.ErrInvalid):
			status, msg = http.StatusBadRequest, strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error())
		case errors.Is(err, domain.ErrOptedOut):
			status, msg = http.StatusConflict, "the texter has opted out; nothing was sent"
		case errors.Is(err, domain.ErrNoSender):
			status, msg = http.StatusServiceUnavailable, err.Error()
		default:
			log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
		}
		if err := c.JSON(status, map[string]string{"error": msg}); err != nil {
			log.Error("write error response", "err", err)
		}
	}
}

func requestLog(log *slog.Logger) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			start := time.Now()
			err := next(c)
			if err != nil {
				c.Error(err)
			}
			log.Debug("request", "method", c.Request().Method, "path", c.Request().URL.Path,
				"status", c.Response().Status, "duration", time.Since(start))
			return nil
		}
	}
}
