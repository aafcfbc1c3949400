package main

import (
	"context"

	"flag"
	"fmt"
	"github.com/labstack/echo/v4"
	"log/slog"
	"net"
	"path/filepath"
	"time"

	"github.com/sideguy/sideguy-text/internal/api"
	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/console"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
	"github.com/sideguy/sideguy-text/internal/metrics"
	"github.com/sideguy/sideguy-text/internal/notify"
	"github.com/sideguy/sideguy-text/internal/sender"
	"github.com/sideguy/sideguy-text/internal/server"
	"github.com/sideguy/sideguy-text/internal/store"
	"github.com/sideguy/sideguy-text/webhooks"
)

// dbFile is the database's name inside the data directory.
const dbFile = "sideguy.db"

// serve runs the service until ctx ends.
func (m *Main) serve(ctx context.Context, args []string) error {
	start := time.Now()
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	cfg, err := m.loadConfig(fl, args)
	if err != nil {
		return err
	}
	log := newLogger(cfg.LogFormat, cfg.LogLevel, m.Stderr)
	if cfg.Dev {
		log.Warn("DEVELOPMENT MODE: Twilio signatures are NOT checked; anyone who can reach this port can post texts. Never expose it.")
		if cfg.OperatorToken == "" {
			if cfg.OperatorToken, err = newToken(); err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "operator token (dev): %s\n", cfg.OperatorToken)
		}
	}
	eng, err := loadEngine(cfg.Knowledge, tuning{MinConfidence: cfg.MinConfidence, MinLearned: cfg.MinLearned})
	if err != nil {
		return err
	}
	defer eng.Close()
	dbPath := filepath.Join(cfg.DataDir, dbFile)
	st, err := store.Open(dbPath, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	send, err := newSender(cfg, log)
	if err != nil {
		return err
	}
	met := metrics.New(st, nil)
	notifier := notify.New(notify.Config{Store: st, Sender: send, Phone: cfg.OperatorPhone, PublicURL: cfg.PublicURL,
		Interval: cfg.NotifyInterval, Logger: log, Sent: func(n int) { met.Outbound("notification", n) }, Failed: met.TwilioError})
	asst, err := assistant.New(assistant.Config{Store: st, Decider: eng.decider, Keywords: cfg.KeywordReplies, Logger: log,
		Sender: send, OperatorPhone: cfg.OperatorPhone, Hours: cfg.Hours, Notifier: notifier, Entries: eng.index,
		Limits: assistant.Limits{RatePerHour: cfg.RatePerHour, DailyCap: cfg.DailyCap, Countries: cfg.Countries}, Observer: met})
	if err != nil {
		return err
	}
	hooks, err := webhooks.New(webhooks.Config{Assistant: asst, Deliveries: st, PublicURL: cfg.PublicURL, AuthToken: cfg.AuthToken,
		SkipSignature: cfg.Dev, Logger: log, Errors: met.TwilioError})
	if err != nil {
		return err
	}
	lib, err := library.Open(eng.entries, st, eng.index, nil, log)
	if err != nil {
		return err
	}
	operatorAPI, err := api.New(api.Config{Store: st, Operator: asst, Library: lib, Token: cfg.OperatorToken,
		Escalations: st, Normalizer: eng.norm, Maintenance: st})
	if err != nil {
		return err
	}
	if cfg.OperatorPhone == "" {
		log.Warn("SIDEGUY_OPERATOR_PHONE is not set: no notifications, no answering from the phone")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go notifier.Run(ctx)
	if cfg.DebugAddr != "" {
		if err := serveDebug(ctx, cfg.DebugAddr, log); err != nil {
			return err
		}
	}
	if cfg.RetentionDays > 0 {
		go retain(ctx, st, cfg.RetentionDays, log)
	}
	loc := time.UTC
	if cfg.Hours != nil {
		loc = cfg.Hours.Location()
	}
	operatorConsole, err := console.New(console.Config{Store: st, Operator: asst, Library: lib, Token: cfg.OperatorToken,
		PasswordHash: cfg.PasswordHash, PublicURL: cfg.PublicURL, Idle: cfg.SessionIdle, Location: loc, Logger: log,
		Erase: st.Erase, Limits: console.LimitsInfo{RatePerHour: cfg.RatePerHour, DailyCap: cfg.DailyCap,
			Countries: cfg.Countries.String(), SentToday: st.SentToday}})
	if err != nil {
		return err
	}
	srv := server.New(server.Config{Logger: log, Routes: []server.Routes{hooks, operatorAPI, operatorConsole, met},
		Middleware: []echo.MiddlewareFunc{met.Webhooks}, Ready: st.Writable})
	l, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("sideguy ready", "addr", l.Addr().String(), "public_url", cfg.PublicURL, "data", dbPath,
		"knowledge", eng.source, "entries", eng.index.Len(), "keyword_replies", string(cfg.KeywordReplies),
		"startup", time.Since(start).Round(time.Millisecond).String(), "version", version())
	if m.OnListen != nil {
		m.OnListen(l.Addr().String())
	}
	if err := srv.Serve(ctx, l); err != nil {
		return err
	}
	log.Info("sideguy stopped")
	return nil
}

// newSender is Twilio's REST API when sending is configured; in development
// without credentials, a sender that only logs and stores; otherwise nil, and
// replies are refused with a clear error.
func newSender(cfg config, log *slog.Logger) (domain.Sender, error) {
	if cfg.canSend() {
		return sender.NewTwilio(sender.Config{
			AccountSID: cfg.AccountSID, AuthToken: cfg.AuthToken, APIKey: cfg.APIKey, APISecret: cfg.APISecret,
			From: cfg.FromNumber, MessagingServiceSID: cfg.MessagingServiceSID, APIURL: cfg.TwilioAPIURL,
			StatusCallback: cfg.PublicURL + webhooks.StatusPath,
		})
	}
	if cfg.Dev {
		log.Warn("development mode without Twilio credentials: outbound SMS are logged and stored, not sent")
		return sender.Log{Logger: log, Now: time.Now}, nil
	}
	log.Warn("sending SMS is not configured (TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID): operator replies and notifications are off")
	return nil, nil
}

// retain erases message bodies older than the retention period, at start and
// then every hour.
func retain(ctx context.Context, st *store.Store, days int, log *slog.Logger) {
	for {
		before := time.Now().Add(-time.Duration(days) * 24 * time.Hour)
		if n, err := st.Retain(before); err != nil {
			log.Error("retention", "err", err)
		} else if n > 0 {
			log.Info("retention erased old message bodies", "messages", n, "older_than_days", days)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Hour):
		}
	}
}
