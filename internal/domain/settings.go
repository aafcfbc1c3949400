package domain

import "time"

// Settings are the operator's switches, kept in the store.
type Settings struct {
	// AwayUntil, when in the future, says the operator is away until then.
	AwayUntil *time.Time `json:"away_until,omitempty"`
	// LastNotifiedAt is when the operator's phone last got a notification.
	LastNotifiedAt *time.Time `json:"last_notified_at,omitempty"`
}
