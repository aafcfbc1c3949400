package assistant

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/hours"
	"github.com/sideguy/sideguy-text/internal/phone"
	"github.com/sideguy/sideguy-text/internal/rx"
)

// KeywordReplies says who answers STOP, START and HELP.
type KeywordReplies string

const (
	// KeywordsByTwilio leaves the replies to Twilio's opt-out handling; we record.
	KeywordsByTwilio KeywordReplies = "twilio"
	// KeywordsByApp makes the line answer them itself.
	KeywordsByApp KeywordReplies = "app"
)

// Decider decides on one text in a conversation.
type Decider interface {
	Turn(text string, c domain.Context) (domain.Decision, error)
}

// Entries looks up knowledge entries (for MORE and menu choices).
type Entries interface {
	Entry(id string) (*domain.Entry, bool)
}

// Notifier is told when a thread may need the operator's attention.
type Notifier interface {
	Poke()
}

// Config holds what the conversation needs.
type Config struct {
	Store    domain.ThreadStore
	Decider  Decider
	Keywords KeywordReplies
	// Sender sends operator replies; required for them.
	Sender domain.Sender
	// OperatorPhone is the operator's own number (E.164): its texts are commands.
	OperatorPhone string
	// Hours are the operator's office hours; nil when not configured.
	Hours *hours.Schedule
	// Notifier hears about escalations; optional.
	Notifier Notifier
	// Entries looks entries up by id (the search index).
	Entries Entries
	// Limits protect against abuse and cost; zero values mean no limit.
	Limits Limits
	// Observer hears what happens, for metrics; optional.
	Observer Observer
	// Now is the clock; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger
}

// Limits bound what the line sends.
type Limits struct {
	// RatePerHour is the most replies one number gets in an hour; beyond it the
	// line records but stays silent, after one notice.
	RatePerHour int
	// DailyCap is the most automatic replies a day (UTC), all numbers together.
	DailyCap int
	// Countries are the regions the line answers; nil answers all.
	Countries *phone.Countries
}

// Observer is told what the line does (metrics).
type Observer interface {
	Inbound()
	Outbound(kind string, n int)
	Decision(action string)
	Escalated()
	LimitHit(limit string)
	TwilioError(code int)
}

// Assistant runs conversations. It is safe for concurrent use.
type Assistant struct {
	store         domain.ThreadStore
	decider       Decider
	keywords      KeywordReplies
	sender        domain.Sender
	operatorPhone string
	hours         *hours.Schedule
	notifier      Notifier
	entries       Entries
	conv          conversationPatterns
	limits        Limits
	observe       Observer
	now           func() time.Time
	log           *slog.Logger
	// inflight makes a copy of a MessageSid wait for the first one's reply.
	inflight singleflight.Group
	// plainOptOut matches opt-outs in plain words ("please stop texting me").
	plainOptOut *rx.Regexp
	// commandRe reads the operator's "#12 …" commands.
	commandRe *rx.Regexp
}

// New builds an Assistant.
func New(cfg Config) (*Assistant, error) {
	if cfg.Store == nil || cfg.Decider == nil {
		return nil, fmt.Errorf("assistant: store and decider are required")
	}
	switch cfg.Keywords {
	case "":
		cfg.Keywords = KeywordsByTwilio
	case KeywordsByTwilio, KeywordsByApp:
	default:
		return nil, fmt.Errorf("assistant: keyword replies %q: want twilio or app", cfg.Keywords)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Observer == nil {
		cfg.Observer = noObserver{}
	}
	return &Assistant{store: cfg.Store, decider: cfg.Decider, keywords: cfg.Keywords, now: cfg.Now, log: cfg.Logger,
		sender: cfg.Sender, operatorPhone: cfg.OperatorPhone, hours: cfg.Hours, notifier: cfg.Notifier,
		entries: cfg.Entries, conv: newConversationPatterns(), limits: cfg.Limits, observe: cfg.Observer,
		plainOptOut: plainOptOutPattern(), commandRe: commandPattern()}, nil
}

// Handle processes one inbound text and returns what to text back. The order
// of handling is the product's contract and lives here, in one place:
//
//  1. signature: checked by the webhook before Handle is called;
//  2. de-duplication: one run per MessageSid; a retry gets the stored reply, and
//     a copy arriving while the first is in flight waits for it;
//  3. store the message (in the same transaction as everything below);
//  4. consent keywords (STOP, START, HELP and plain-language opt-outs);
//  5. hold: a thread waiting for the operator gets no answers from the line;
//  6. decision: answer from the knowledge base or escalate.
//
// Texts from the operator's own phone are commands (see operatorText), never
// questions, so the operator's notifications cannot loop.
func (a *Assistant) Handle(ctx context.Context, in domain.Inbound) (domain.Reply, error) {
	if strings.TrimSpace(in.From) == "" {
		return domain.Reply{}, fmt.Errorf("inbound text without a sender: %w", domain.ErrInvalid)
	}
	run := func() (any, error) {
		if a.operatorPhone != "" && in.From == a.operatorPhone && in.OptOutType == "" {
			return a.operatorText(ctx, in)
		}
		settings, err := a.store.Settings()
		if err != nil {
			return domain.Reply{}, err
		}
		// The decision is the expensive part: make it here, in the request's own
		// goroutine, so texts are decided in parallel; inside the commit it is
		// used when the conversation's context is still the same.
		pre := a.predecide(in)
		// Where the number is from, worked out before the commit, where the
		// texts of all senders wait their turn.
		allowed, region := a.limits.Countries.Allows(in.From)
		queued := false
		reply, dup, err := a.store.ProcessInbound(in.SID, in.From, func(t *domain.Thread, b *domain.Budget) (domain.Reply, error) {
			was := t.Status
			reply := a.converse(t, in, settings, b, pre, allowed, region)
			queued = t.Status == domain.StatusEscalated && was != domain.StatusEscalated
			return reply, nil
		})
		if dup {
			a.log.InfoContext(ctx, "repeated MessageSid: sending the stored reply", "sid", in.SID)
		}
		if err == nil && !dup {
			a.observe.Inbound()
			if reply.Decision != nil {
				a.observe.Decision(string(reply.Decision.Action))
			}
			a.observe.Outbound("reply", len(reply.Messages))
			if queued {
				a.observe.Escalated()
				a.poke()
			}
		}
		return reply, err
	}
	var v any
	var err error
	if in.SID == "" {
		v, err = run()
	} else {
		v, err, _ = a.inflight.Do(in.SID, run)
	}
	if err != nil {
		return domain.Reply{}, err
	}
	return v.(domain.Reply), nil
}

// converse runs steps 3 to 6 on the sender's thread, inside the store's
// transaction, then keeps the reply within the limits.
func (a *Assistant) converse(t *domain.Thread, in domain.Inbound, settings domain.Settings, b *domain.Budget, pre *predecision, allowed bool, region string) domain.Reply {
	now := a.now().UTC()
	// 3. Store the message.
	t.Record(domain.Message{Direction: domain.In, Body: in.Body, At: now, SID: in.SID, Media: in.Media})
	// A number from a country the line does not serve is recorded, its consent
	// kept, and never answered: SMS pumping targets such numbers.
	if !allowed {
		t.Blocked, t.Region = "country", region
		a.consent(t, domain.Inbound{Body: in.Body, OptOutType: nonEmpty(in.OptOutType, "record-only")}, now)
		a.observe.LimitHit("country")
		return domain.Reply{}
	}
	t.Blocked = ""
	switch t.Status {
	case domain.StatusResolved:
		t.Status = domain.StatusBot
	case domain.StatusAnswered:
		// The person who answered owns the conversation: back to their queue,
		// quietly, since they are already talking with the texter.
		if !t.OptedOut && classify(in.Body) == kwNone && !a.plainOptOut.MatchString(in.Body) {
			t.Escalate(now, in.Body, reasonAfterOperator)
			t.HoldAcked = true
		}
	}
	// 4. Consent keywords.
	if reply, handled := a.consent(t, in, now); handled {
		return reply
	}
	if t.OptedOut {
		return domain.Reply{}
	}
	// Past the hourly or daily limit the line records but stays silent.
	if reply, limited := a.gate(t, b, now); limited {
		return reply
	}
	// 5. Hold while the operator has the thread. A question the line can
	// answer outright is still answered while the thread waits for the
	// operator's reply, unless the operator is already talking with the
	// texter; the thread stays in the queue for what was escalated.
	when := a.schedule(settings).Expect(now, settings.AwayUntil)
	if t.Status == domain.StatusEscalated {
		if !settings.Paused && !operatorTalking(t) {
			if reply, ok := a.answerWhileHeld(t, in, now, when, pre); ok {
				return reply
			}
		}
		return a.hold(t, now, when)
	}
	// 6. Decide (unless the operator paused the line).
	if settings.Paused {
		return a.pausedReply(t, in, now, when)
	}
	return a.decide(t, in, now, when, pre)
}

// schedule is the office hours in force: the console's setting, else the
// configured ones (nil when neither says).
func (a *Assistant) schedule(s domain.Settings) *hours.Schedule {
	if s.Hours != "" {
		if sch, err := hours.Parse(s.Hours); err == nil {
			return sch
		}
	}
	return a.hours
}

// send records outbound texts on the thread and returns them as the reply.
func send(t *domain.Thread, now time.Time, kind, entry string, bodies ...string) domain.Reply {
	for _, b := range bodies {
		t.Record(domain.Message{Direction: domain.Out, Body: b, At: now, Kind: kind, Entry: entry})
	}
	return domain.Reply{Messages: bodies}
}

// operatorTalking reports whether the conversation is the operator's: they
// replied on the thread since it was escalated or put it back in the queue
// themselves, or the texter asked for them or disputed the line's answer.
func operatorTalking(t *domain.Thread) bool {
	if t.EscalationReason == reasonAfterOperator || t.EscalationReason == domain.ReasonReopened {
		return true
	}
	if strings.HasPrefix(t.EscalationReason, "asked for a person") || strings.HasPrefix(t.EscalationReason, "said the answer is wrong") {
		// The texter asked for PJ, or said the line was wrong: the line
		// leaves the conversation to PJ.
		return true
	}
	for i := len(t.Messages) - 1; i >= 0; i-- {
		m := t.Messages[i]
		if t.EscalatedAt != nil && m.At.Before(*t.EscalatedAt) {
			break
		}
		if m.Author == domain.AuthorOperator {
			return true
		}
	}
	return false
}

// answerWhileHeld answers a text on a thread that waits for the operator when
// the knowledge base answers it, or part of it (saying PJ has the rest); ok
// is false otherwise (the text is held with the rest).
func (a *Assistant) answerWhileHeld(t *domain.Thread, in domain.Inbound, now time.Time, when string, pre *predecision) (domain.Reply, bool) {
	body := strings.TrimSpace(in.Body)
	if a.conv.more.MatchString(body) && t.MoreText != "" {
		// The rest of an answer sent while waiting.
		return a.more(t, now), true
	}
	if !hasWords(body) || a.conv.more.MatchString(body) {
		return domain.Reply{}, false
	}
	dec, err := a.decision(body, contextFor(t, now), pre)
	if err != nil {
		a.log.Error("decision failed; holding the text", "thread", t.ID, "err", err)
		return domain.Reply{}, false
	}
	if dec.Action != domain.ActionAnswer || dec.Entry == nil {
		return domain.Reply{}, false
	}
	a.log.Info("answered while the thread waits for the operator", "thread", t.ID, "entries", strings.Join(dec.AnsweredIDs(), ","), "reason", dec.Reason)
	t.Menu, t.MenuAt = nil, nil
	reply := a.answer(t, now, body, dec)
	if dec.Partial {
		// The rest waits with the thread, which PJ already has.
		reply = a.appendText(t, reply, fmt.Sprintf(textPartial, when))
	}
	return a.withDecision(reply, dec), true
}

// reasonAfterOperator is why a thread the operator answered goes back to
// their queue.
const reasonAfterOperator = "new text after the operator's reply"

// hold acknowledges, once, a text on a thread that waits for the operator.
func (a *Assistant) hold(t *domain.Thread, now time.Time, when string) domain.Reply {
	if t.HoldAcked {
		return domain.Reply{}
	}
	t.HoldAcked = true
	return send(t, now, "hold", "", fmt.Sprintf(textHold, when))
}
