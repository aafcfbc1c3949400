// Package metrics exposes the line's Prometheus metrics (messages, decisions,
// escalations, the queue, webhook latency, Twilio errors, limit hits, and the
// Go and process collectors) on its own registry.
package metrics

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Queue reads the operator's queue for the gauges.
type Queue interface {
	Threads(status domain.Status) ([]domain.Thread, error)
}

// Metrics holds the collectors. Build one with New; it is safe for concurrent use.
type Metrics struct {
	registry    *prometheus.Registry
	inbound     prometheus.Counter
	outbound    *prometheus.CounterVec
	decisions   *prometheus.CounterVec
	escalations prometheus.Counter
	limits      *prometheus.CounterVec
	twilioErrs  *prometheus.CounterVec
	latency     *prometheus.HistogramVec
}

// New registers the collectors; queue feeds the queue gauges and now the oldest wait.
func New(queue Queue, now func() time.Time) *Metrics {
	if now == nil {
		now = time.Now
	}
	r := prometheus.NewRegistry()
	m := &Metrics{
		registry: r,
		inbound: prometheus.NewCounter(prometheus.CounterOpts{Name: "sideguy_messages_in_total",
			Help: "Texts received from texters (retries not counted)."}),
		outbound: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sideguy_messages_out_total",
			Help: "Texts sent, by kind (reply: the line's TwiML replies; operator; notification)."}, []string{"kind"}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sideguy_decisions_total",
			Help: "The line's decisions, by action."}, []string{"action"}),
		escalations: prometheus.NewCounter(prometheus.CounterOpts{Name: "sideguy_escalations_total",
			Help: "Threads handed to the operator."}),
		limits: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sideguy_limit_hits_total",
			Help: "Texts the line did not answer because of a limit (rate, daily, country)."}, []string{"limit"}),
		twilioErrs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "sideguy_twilio_errors_total",
			Help: "Errors from Twilio's REST API and delivery callbacks, by error code."}, []string{"code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "sideguy_webhook_duration_seconds",
			Help: "Time to answer Twilio's webhooks.", Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}},
			[]string{"webhook", "code"}),
	}
	queueLen := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "sideguy_queue_length",
		Help: "Threads waiting for the operator."}, func() float64 {
		ts, err := queue.Threads(domain.StatusEscalated)
		if err != nil {
			return -1
		}
		return float64(len(ts))
	})
	oldest := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "sideguy_queue_oldest_wait_seconds",
		Help: "How long the longest-waiting thread has waited (0 when none waits)."}, func() float64 {
		ts, err := queue.Threads(domain.StatusEscalated)
		if err != nil || len(ts) == 0 || ts[0].EscalatedAt == nil {
			return 0
		}
		return now().Sub(*ts[0].EscalatedAt).Seconds()
	})
	r.MustRegister(m.inbound, m.outbound, m.decisions, m.escalations, m.limits, m.twilioErrs, m.latency, queueLen, oldest,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Inbound counts a text received.
func (m *Metrics) Inbound() { m.inbound.Inc() }

// Outbound counts n texts sent of a kind.
func (m *Metrics) Outbound(kind string, n int) {
	if n > 0 {
		m.outbound.WithLabelValues(kind).Add(float64(n))
	}
}

// Decision counts one decision.
func (m *Metrics) Decision(action string) { m.decisions.WithLabelValues(action).Inc() }

// Escalated counts a thread handed to the operator.
func (m *Metrics) Escalated() { m.escalations.Inc() }

// LimitHit counts a text a limit kept the line from answering.
func (m *Metrics) LimitHit(limit string) { m.limits.WithLabelValues(limit).Inc() }

// TwilioError counts an error Twilio reported.
func (m *Metrics) TwilioError(code int) { m.twilioErrs.WithLabelValues(strconv.Itoa(code)).Inc() }

// Register serves /metrics.
func (m *Metrics) Register(e *echo.Echo) {
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})))
}

// Webhooks times Twilio's webhooks (other requests pass untimed).
func (m *Metrics) Webhooks(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !strings.HasPrefix(c.Request().URL.Path, "/webhooks/") {
			return next(c)
		}
		start := time.Now()
		err := next(c)
		code := c.Response().Status
		if err != nil {
			if he, ok := err.(*echo.HTTPError); ok {
				code = he.Code
			} else {
				code = http.StatusInternalServerError
			}
		}
		name := c.Path()
		m.latency.WithLabelValues(name, strconv.Itoa(code)).Observe(time.Since(start).Seconds())
		return err
	}
}
