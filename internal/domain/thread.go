package domain

import "time"

// Status is where a thread stands: who answers the next text.
type Status string

const (
	// StatusBot means the line answers.
	StatusBot Status = "bot"
	// StatusEscalated means the thread waits for the operator; the line stays quiet.
	StatusEscalated Status = "escalated"
	// StatusAnswered means a person replied; they own the conversation, so a new
	// text goes back to the queue instead of to the line.
	StatusAnswered Status = "answered"
	// StatusResolved means the operator closed it; a new text reopens it as bot.
	StatusResolved Status = "resolved"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusBot, StatusEscalated, StatusAnswered, StatusResolved:
		return true
	}
	return false
}

// Direction says whether a message came from the texter or went to them.
type Direction string

const (
	In  Direction = "in"
	Out Direction = "out"
)

// Message is one text in a thread.
type Message struct {
	// ID numbers the message within the store (unique across threads).
	ID        uint64    `json:"id"`
	Direction Direction `json:"direction"`
	Body      string    `json:"body"`
	At        time.Time `json:"at"`
	// SID is Twilio's MessageSid for inbound texts (and for sent ones, once known).
	SID string `json:"sid,omitempty"`
	// Media lists the URLs of pictures and files sent with an inbound text.
	Media []string `json:"media,omitempty"`
	// Kind says why an outbound message was sent (answer, escalate, hold, help, …).
	Kind string `json:"kind,omitempty"`
	// Entry is the knowledge entry an answer came from.
	Entry string `json:"entry,omitempty"`
	// Author is who wrote an outbound message: "line" or "operator".
	Author string `json:"author,omitempty"`
	// Flagged marks a line answer the operator found wrong.
	Flagged bool `json:"flagged,omitempty"`
	// Erased means retention removed the words; the message itself stays counted.
	Erased bool `json:"erased,omitempty"`

	// Delivery, for messages sent through Twilio's REST API: Twilio's
	// MessageStatus, and its error when it refused or could not deliver.
	Status       string `json:"status,omitempty"`
	ErrorCode    int    `json:"error_code,omitempty"`
	ErrorMessage string `json:"error_message,omitempty"`
}

// Authors of outbound messages.
const (
	AuthorLine     = "line"
	AuthorOperator = "operator"
)

// Thread is one texter's conversation with the line: one per phone number.
type Thread struct {
	ID        uint64    `json:"id"`
	Phone     string    `json:"phone"`
	Status    Status    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// EscalatedAt and EscalatedQuestion say when and why the thread went to the
	// operator; EscalationReason is the line's short explanation.
	EscalatedAt       *time.Time `json:"escalated_at"`
	EscalatedQuestion string     `json:"escalated_question,omitempty"`
	EscalationReason  string     `json:"escalation_reason,omitempty"`
	// HoldAcked records that the texter already got the one acknowledgement the
	// line sends while the thread waits for the operator.
	HoldAcked bool `json:"hold_acked,omitempty"`
	// Introduced records that the line has said what it is.
	Introduced bool `json:"introduced,omitempty"`

	// The conversation so far, for follow-ups, clarifications and MORE.
	LastEntry      string     `json:"last_entry,omitempty"`
	LastQuestion   string     `json:"last_question,omitempty"`
	LastAnsweredAt *time.Time `json:"last_answered_at,omitempty"`
	// Menu holds the entries a "Did you mean 1) or 2)" offered, until MenuAt expires.
	Menu   []string   `json:"menu,omitempty"`
	MenuAt *time.Time `json:"menu_at,omitempty"`
	// MoreText is the rest of a long answer, sent when the texter replies MORE.
	MoreText string `json:"more_text,omitempty"`
	// ControlIDs are criteria or control IDs the texter quoted when escalated.
	ControlIDs []string `json:"control_ids,omitempty"`

	// Limits: the line's recent replies (for the hourly limit), when the one
	// notice about it went out, and why the line does not answer at all
	// ("country": a number from a country the line does not serve).
	RecentReplies []time.Time `json:"recent_replies,omitempty"`
	LimitNotice   bool        `json:"limit_notice,omitempty"`
	Blocked       string      `json:"blocked,omitempty"`
	Region        string      `json:"region,omitempty"`

	// NotifiedAt is when the operator's phone was told this thread waits.
	NotifiedAt *time.Time `json:"notified_at,omitempty"`
	// DeliveryProblem flags a reply Twilio failed to deliver.
	DeliveryProblem bool `json:"delivery_problem"`
	// LastSentID is the latest message sent through Twilio's REST API.
	LastSentID uint64 `json:"last_sent_id,omitempty"`

	OptedOut   bool       `json:"opted_out"`
	OptedOutAt *time.Time `json:"opted_out_at,omitempty"`
	OptedInAt  *time.Time `json:"opted_in_at,omitempty"`

	LastMessage string `json:"last_message"`
	// LastInbound is the texter's latest text.
	LastInbound  string `json:"last_inbound,omitempty"`
	MessageCount int    `json:"message_count"`

	// Messages is filled only when a thread is read whole.
	Messages []Message `json:"messages,omitempty"`
	// pending holds messages added during processing, written by the store.
	pending []Message
	// escalations holds escalations made during processing, logged by the store.
	escalations []Escalation
}

// Escalation is one time a thread went to the operator, kept for statistics.
type Escalation struct {
	At       time.Time `json:"at"`
	Thread   uint64    `json:"thread"`
	Question string    `json:"question"`
	Reason   string    `json:"reason"`
}

// Record adds a message to the thread; the store writes it in the same
// transaction as the thread.
func (t *Thread) Record(m Message) {
	t.pending = append(t.pending, m)
	t.MessageCount++
	t.LastMessage = m.Body
	if m.Direction == In {
		t.LastInbound = m.Body
	}
	if m.At.After(t.UpdatedAt) {
		t.UpdatedAt = m.At
	}
}

// AmendLast replaces the body of the last message recorded since loading.
func (t *Thread) AmendLast(body string) {
	if n := len(t.pending); n > 0 {
		t.pending[n-1].Body = body
		t.LastMessage = body
	}
}

// Pending returns the messages recorded since the thread was loaded.
func (t *Thread) Pending() []Message { return t.pending }

// ClearPending forgets recorded messages and escalations once the store has
// written them.
func (t *Thread) ClearPending() { t.pending, t.escalations = nil, nil }

// Escalate hands the thread to the operator.
func (t *Thread) Escalate(now time.Time, question, reason string) {
	t.Status = StatusEscalated
	t.EscalatedAt = &now
	t.EscalatedQuestion = question
	t.EscalationReason = reason
	t.HoldAcked = false
	t.NotifiedAt = nil
	t.escalations = append(t.escalations, Escalation{At: now, Thread: t.ID, Question: question, Reason: reason})
}

// Escalations returns the escalations made since the thread was loaded.
func (t *Thread) Escalations() []Escalation { return t.escalations }

// ReasonReopened is the escalation reason of a thread the operator put back
// in their queue.
const ReasonReopened = "reopened by the operator"

// Reopen puts the thread back in the operator's queue.
func (t *Thread) Reopen(now time.Time) {
	question := t.EscalatedQuestion
	if question == "" {
		question = t.LastMessage
	}
	t.Escalate(now, question, ReasonReopened)
	t.UpdatedAt = now
}

// HandBack gives the thread back to the line.
func (t *Thread) HandBack(now time.Time) {
	t.Status = StatusBot
	t.EscalatedAt = nil
	t.HoldAcked = false
	t.UpdatedAt = now
}

// Answered records that a person replied.
func (t *Thread) Answered(now time.Time) {
	t.Status = StatusAnswered
	t.EscalatedAt = nil
	t.HoldAcked = false
	t.UpdatedAt = now
}

// Resolve closes the thread; the operator is done with it.
func (t *Thread) Resolve(now time.Time) {
	t.Status = StatusResolved
	t.EscalatedAt = nil
	t.HoldAcked = false
	t.UpdatedAt = now
}
