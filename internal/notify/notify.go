package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// Store is what the notifier reads and marks.
type Store interface {
	Threads(status domain.Status) ([]domain.Thread, error)
	UpdateThread(id uint64, fn func(t *domain.Thread) error) (domain.Thread, error)
	Settings() (domain.Settings, error)
	UpdateSettings(fn func(s *domain.Settings) error) (domain.Settings, error)
	RecordOperator(m domain.Message) error
}

// Config configures a Notifier.
type Config struct {
	Store  Store
	Sender domain.Sender
	// Phone is the operator's number; without it nothing is sent.
	Phone string
	// PublicURL prefixes the links to threads.
	PublicURL string
	// Sent counts notifications sent and Twilio's error codes (metrics); optional.
	Sent   func(n int)
	Failed func(code int)
	// Interval is the least time between two notifications (default 5m).
	Interval time.Duration
	// Gather is how long Run waits after an escalation before texting, so a
	// burst that arrives together goes out as one digest (default 3s, or a
	// quarter of a shorter interval).
	Gather time.Duration
	Now    func() time.Time
	Logger *slog.Logger
}

// Notifier sends the operator's notifications. Which threads still need one
// is read from the store (escalated, not yet notified), so nothing is lost
// across a restart.
type Notifier struct {
	cfg  Config
	wake chan struct{}
}

// New builds a Notifier.
func New(cfg Config) *Notifier {
	if cfg.Interval <= 0 {
		cfg.Interval = 5 * time.Minute
	}
	if cfg.Gather <= 0 {
		cfg.Gather = min(3*time.Second, cfg.Interval/4)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	return &Notifier{cfg: cfg, wake: make(chan struct{}, 1)}
}

// Poke says a thread may be waiting; it never blocks.
func (n *Notifier) Poke() {
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

// Run sends notifications until ctx ends. It starts with a flush, so threads
// that were waiting when the server stopped are not forgotten.
func (n *Notifier) Run(ctx context.Context) {
	timer := time.NewTimer(0)
	defer timer.Stop()
	due := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-n.wake:
			// Gather what else arrives, unless a flush is already due sooner.
			if at := time.Now().Add(n.cfg.Gather); due.IsZero() || at.Before(due) {
				reset(timer, n.cfg.Gather)
				due = at
			}
			continue
		case <-timer.C:
		}
		due = time.Time{}
		wait, err := n.Flush(ctx)
		if err != nil {
			n.cfg.Logger.Error("notify operator", "err", err)
			wait = n.cfg.Interval
		}
		if wait > 0 {
			reset(timer, wait)
			due = time.Now().Add(wait)
		}
	}
}

func reset(t *time.Timer, d time.Duration) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
	t.Reset(d)
}

// Flush sends what is due now: one text for one waiting thread, a digest for
// several. It returns how long until the next text may go (0: nothing pending).
func (n *Notifier) Flush(ctx context.Context) (time.Duration, error) {
	if n.cfg.Phone == "" || n.cfg.Sender == nil {
		return 0, nil
	}
	waiting, err := n.pending()
	if err != nil || len(waiting) == 0 {
		return 0, err
	}
	settings, err := n.cfg.Store.Settings()
	if err != nil {
		return 0, err
	}
	now := n.cfg.Now().UTC()
	if last := settings.LastNotifiedAt; last != nil {
		if next := last.Add(n.cfg.Interval); now.Before(next) {
			return next.Sub(now), nil
		}
	}
	body := gsm.Compose(n.compose(waiting))
	sent, sendErr := n.cfg.Sender.Send(ctx, n.cfg.Phone, body)
	rec := domain.Message{Direction: domain.Out, Body: body, At: now, Kind: "notification", SID: sent.SID, Status: sent.Status}
	var twErr *domain.SendError
	if errors.As(sendErr, &twErr) {
		rec.Status, rec.ErrorCode, rec.ErrorMessage = "failed", twErr.Code, twErr.Message
		if n.cfg.Failed != nil {
			n.cfg.Failed(twErr.Code)
		}
	} else if sendErr != nil {
		rec.Status, rec.ErrorMessage = "failed", sendErr.Error()
	}
	if err := n.cfg.Store.RecordOperator(rec); err != nil {
		return 0, err
	}
	// Count the attempt even when it failed, so a broken phone number is not
	// retried on every escalation; the threads stay pending for the next one.
	if _, err := n.cfg.Store.UpdateSettings(func(s *domain.Settings) error { s.LastNotifiedAt = &now; return nil }); err != nil {
		return 0, err
	}
	if sendErr != nil {
		return n.cfg.Interval, fmt.Errorf("notification not sent: %w", sendErr)
	}
	for _, t := range waiting {
		if _, err := n.cfg.Store.UpdateThread(t.ID, func(t *domain.Thread) error { t.NotifiedAt = &now; return nil }); err != nil {
			return 0, err
		}
	}
	if n.cfg.Sent != nil {
		n.cfg.Sent(1)
	}
	n.cfg.Logger.Info("notified the operator", "threads", len(waiting), "sid", sent.SID)
	return 0, nil
}

func (n *Notifier) pending() ([]domain.Thread, error) {
	threads, err := n.cfg.Store.Threads(domain.StatusEscalated)
	if err != nil {
		return nil, err
	}
	var out []domain.Thread
	for _, t := range threads {
		if t.NotifiedAt == nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// compose writes the notification: GSM-7, within two segments.
func (n *Notifier) compose(waiting []domain.Thread) string {
	if len(waiting) == 1 {
		t := waiting[0]
		return fmt.Sprintf("SideGuy #%d waiting: %q %s/console/threads/%d", t.ID,
			gsm.Shorten(gsm.Transliterate(t.EscalatedQuestion), 120), n.cfg.PublicURL, t.ID)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "SideGuy: %d questions waiting.", len(waiting))
	shown := 0
	for _, t := range waiting {
		line := fmt.Sprintf(" #%d %q", t.ID, gsm.Shorten(gsm.Transliterate(t.EscalatedQuestion), 40))
		if b.Len()+len(line) > 230 {
			break
		}
		b.WriteString(line)
		shown++
	}
	if shown < len(waiting) {
		fmt.Fprintf(&b, " +%d more", len(waiting)-shown)
	}
	fmt.Fprintf(&b, " %s/console", n.cfg.PublicURL)
	return b.String()
}
