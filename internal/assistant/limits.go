package assistant

import (
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
)

const textRateLimited = "You've sent a lot of texts in the last hour, so I'll pause my replies for a bit. Everything you send is still saved for PJ."

// gate keeps the line within its limits before it decides: the hourly limit per
// number (one notice, then silence) and the daily cap on automatic replies.
// It counts the reply it lets through.
func (a *Assistant) gate(t *domain.Thread, b *domain.Budget, now time.Time) (domain.Reply, bool) {
	recent := t.RecentReplies[:0]
	for _, at := range t.RecentReplies {
		if now.Sub(at) < time.Hour {
			recent = append(recent, at)
		}
	}
	t.RecentReplies = recent
	if rate := a.limits.RatePerHour; rate > 0 && len(recent) >= rate {
		a.observe.LimitHit("rate")
		if t.LimitNotice {
			return domain.Reply{}, true
		}
		t.LimitNotice = true
		a.log.Warn("hourly reply limit reached for a number; staying silent", "thread", t.ID)
		return a.count(b, send(t, now, "limit", "", textRateLimited)), true
	}
	t.LimitNotice = false
	if cap := a.limits.DailyCap; cap > 0 && b.Sent >= cap {
		a.observe.LimitHit("daily")
		a.log.Warn("daily cap on automatic replies reached; staying silent", "cap", cap)
		return domain.Reply{}, true
	}
	t.RecentReplies = append(t.RecentReplies, now)
	b.Sent++
	return domain.Reply{}, false
}

func (a *Assistant) count(b *domain.Budget, r domain.Reply) domain.Reply {
	b.Sent += len(r.Messages)
	return r
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// noObserver hears nothing.
type noObserver struct{}

func (noObserver) Inbound()                    {}
func (noObserver) Outbound(kind string, n int) {}
func (noObserver) Decision(action string)      {}
func (noObserver) Escalated()                  {}
func (noObserver) LimitHit(limit string)       {}
func (noObserver) TwilioError(code int)        {}
