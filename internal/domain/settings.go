package domain

import "time"

// Settings are the operator's switches, kept in the store.
type Settings struct {
	// AwayUntil, when in the future, says the operator is away until then.
	AwayUntil *time.Time `json:"away_until,omitempty"`
	// LastNotifiedAt is when the operator's phone last got a notification.
	LastNotifiedAt *time.Time `json:"last_notified_at,omitempty"`
	// Hours, when set, replaces the configured office hours (SIDEGUY_HOURS).
	Hours string `json:"hours,omitempty"`
	// Paused stops the line answering: every text goes to the operator.
	Paused bool `json:"paused,omitempty"`
}
