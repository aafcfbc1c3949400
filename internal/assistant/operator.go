package assistant

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
	"github.com/sideguy/sideguy-text/internal/hours"
)

// MaxReplyChars is the longest body Twilio sends as one message (error 21617).
const MaxReplyChars = 1600

// OperatorReply sends a person's reply to a thread's texter and records it. The
// body is checked before anything is sent: empty or over 1600 characters is
// domain.ErrInvalid; an opted-out texter is domain.ErrOptedOut. A refusal from
// Twilio is kept on the message and returned as *domain.SendError (21610 also
// marks the texter opted out and returns domain.ErrOptedOut).
func (a *Assistant) OperatorReply(ctx context.Context, threadID uint64, body string) (domain.Thread, domain.Message, error) {
	body = gsm.Compose(strings.TrimSpace(body))
	if body == "" {
		return domain.Thread{}, domain.Message{}, fmt.Errorf("the reply is empty: %w", domain.ErrInvalid)
	}
	if n := utf8.RuneCountInString(body); n > MaxReplyChars {
		return domain.Thread{}, domain.Message{}, fmt.Errorf("the reply is %d characters; one SMS carries at most %d: %w", n, MaxReplyChars, domain.ErrInvalid)
	}
	if a.sender == nil {
		return domain.Thread{}, domain.Message{}, domain.ErrNoSender
	}
	now := a.now().UTC()
	// Record first, so the reply is never lost even if sending hangs or the
	// process dies; the outcome is filled in after.
	t, err := a.store.UpdateThread(threadID, func(t *domain.Thread) error {
		if t.OptedOut {
			return domain.ErrOptedOut
		}
		t.Record(domain.Message{Direction: domain.Out, Body: body, At: now, Kind: "reply", Author: domain.AuthorOperator, Status: "sending"})
		return nil
	})
	if err != nil {
		return domain.Thread{}, domain.Message{}, err
	}
	msg := t.Messages[len(t.Messages)-1]
	sent, sendErr := a.sender.Send(ctx, t.Phone, body)
	var twErr *domain.SendError
	t, err = a.store.UpdateMessage(threadID, msg.ID, func(t *domain.Thread, m *domain.Message) error {
		m.SID = sent.SID
		switch {
		case errors.As(sendErr, &twErr):
			m.Status, m.ErrorCode, m.ErrorMessage = "failed", twErr.Code, twErr.Message
			if twErr.Code == domain.ErrorCodeOptedOut {
				optOut(t, now)
			}
			t.DeliveryProblem = true
		case sendErr != nil:
			m.Status, m.ErrorMessage = "failed", sendErr.Error()
			t.DeliveryProblem = true
		default:
			m.Status = sent.Status
			t.LastSentID = m.ID
			t.DeliveryProblem = false
			t.Answered(now)
		}
		t.LastMessage = body
		return nil
	})
	if err != nil {
		return domain.Thread{}, domain.Message{}, fmt.Errorf("record reply outcome: %w", err)
	}
	for _, m := range t.Messages {
		if m.ID == msg.ID {
			msg = m
		}
	}
	if twErr != nil {
		a.observe.TwilioError(twErr.Code)
	}
	if sendErr == nil {
		a.observe.Outbound("operator", 1)
	}
	switch {
	case twErr != nil && twErr.Code == domain.ErrorCodeOptedOut:
		a.log.Warn("reply refused: texter opted out (21610)", "thread", threadID)
		return t, msg, fmt.Errorf("%w (Twilio 21610)", domain.ErrOptedOut)
	case sendErr != nil:
		a.log.Error("reply not sent", "thread", threadID, "err", sendErr)
		return t, msg, sendErr
	}
	a.log.Info("operator replied", "thread", threadID, "sid", msg.SID)
	return t, msg, nil
}

// Resolve closes a thread.
func (a *Assistant) Resolve(threadID uint64) (domain.Thread, error) {
	return a.store.UpdateThread(threadID, func(t *domain.Thread) error { t.Resolve(a.now().UTC()); return nil })
}

// Reopen puts a thread back in the operator's queue.
func (a *Assistant) Reopen(threadID uint64) (domain.Thread, error) {
	t, err := a.store.UpdateThread(threadID, func(t *domain.Thread) error { t.Reopen(a.now().UTC()); return nil })
	if err == nil {
		a.poke()
	}
	return t, err
}

// HandBack gives a thread back to the line.
func (a *Assistant) HandBack(threadID uint64) (domain.Thread, error) {
	return a.store.UpdateThread(threadID, func(t *domain.Thread) error { t.HandBack(a.now().UTC()); return nil })
}

func (a *Assistant) poke() {
	if a.notifier != nil {
		a.notifier.Poke()
	}
}

// Settings returns the operator's settings.
func (a *Assistant) Settings() (domain.Settings, error) { return a.store.Settings() }

// SetHours replaces the office hours ("" goes back to the configured ones).
func (a *Assistant) SetHours(spec string) (domain.Settings, error) {
	spec = strings.TrimSpace(spec)
	if spec != "" {
		if _, err := hours.Parse(spec); err != nil {
			return domain.Settings{}, fmt.Errorf("%v: %w", err, domain.ErrInvalid)
		}
	}
	return a.store.UpdateSettings(func(s *domain.Settings) error { s.Hours = spec; return nil })
}

// SetPaused pauses the line (every text goes to the operator) or resumes it.
func (a *Assistant) SetPaused(paused bool) (domain.Settings, error) {
	return a.store.UpdateSettings(func(s *domain.Settings) error { s.Paused = paused; return nil })
}

// HoursInForce describes the office hours texters are promised against.
func (a *Assistant) HoursInForce() string {
	s, err := a.store.Settings()
	if err == nil && s.Hours != "" {
		return s.Hours
	}
	return a.hours.String()
}

// Flag marks a line answer as wrong and puts the thread back in the queue, so
// the operator can set the texter straight.
func (a *Assistant) Flag(threadID, msgID uint64) (domain.Thread, error) {
	now := a.now().UTC()
	t, err := a.store.UpdateMessage(threadID, msgID, func(t *domain.Thread, m *domain.Message) error {
		if m.Direction != domain.Out {
			return fmt.Errorf("only the line's answers can be flagged: %w", domain.ErrInvalid)
		}
		m.Flagged = true
		reason := "answer flagged as wrong"
		if m.Entry != "" {
			reason += " (" + m.Entry + ")"
		}
		if t.Status != domain.StatusEscalated {
			question := t.EscalatedQuestion
			t.Escalate(now, question, reason)
			t.EscalationReason = reason
		}
		return nil
	})
	if err == nil {
		a.poke()
	}
	return t, err
}

// Away records that the operator is away until the day named in until ("mon",
// "tomorrow", "12/1", "2026-12-01") or an RFC 3339 time.
func (a *Assistant) Away(until string) (domain.Settings, error) {
	now := a.now()
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(until))
	if err != nil {
		if t, err = hours.ParseAway(until, now, a.hours); err != nil {
			return domain.Settings{}, fmt.Errorf("%v: %w", err, domain.ErrInvalid)
		}
	}
	if !t.After(now) {
		return domain.Settings{}, fmt.Errorf("away until %s is in the past: %w", t.Format(time.RFC3339), domain.ErrInvalid)
	}
	return a.store.UpdateSettings(func(s *domain.Settings) error { s.AwayUntil = &t; return nil })
}

// Back clears the away switch.
func (a *Assistant) Back() (domain.Settings, error) {
	return a.store.UpdateSettings(func(s *domain.Settings) error { s.AwayUntil = nil; return nil })
}

// Expectation is what a texter escalated now is told about when a person replies.
func (a *Assistant) Expectation() (string, error) {
	s, err := a.store.Settings()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(a.schedule(s).Expect(a.now(), s.AwayUntil)), nil
}
