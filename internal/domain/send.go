package domain

import (
	"context"
	"fmt"
)

// Sent is what Twilio said about a message it accepted.
type Sent struct {
	SID    string
	Status string
}

// Sender sends one SMS.
type Sender interface {
	Send(ctx context.Context, to, body string) (Sent, error)
}

// SendError is Twilio's refusal to send, with its error code.
type SendError struct {
	Code    int
	Message string
	// Status is the HTTP status Twilio answered with (0 when the request failed).
	Status int
}

// ErrorCodeOptedOut is Twilio's "the recipient has opted out" (21610).
const ErrorCodeOptedOut = 21610

func (e *SendError) Error() string {
	if e.Code == 0 {
		return "send SMS: " + e.Message
	}
	return fmt.Sprintf("send SMS: Twilio error %d: %s", e.Code, e.Message)
}
