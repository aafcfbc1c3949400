package domain

import "errors"

var (
	// ErrNotFound means the thread (or other record) does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the request itself is wrong.
	ErrInvalid = errors.New("invalid input")
	// ErrLocked means another process holds the database.
	ErrLocked = errors.New("database is locked by another process")
)

// ErrOptedOut means the texter opted out: nothing may be sent to them.
var ErrOptedOut = errors.New("the texter has opted out")

// ErrNoSender means sending SMS is not configured.
var ErrNoSender = errors.New("sending SMS is not configured: set TWILIO_ACCOUNT_SID and TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID")
