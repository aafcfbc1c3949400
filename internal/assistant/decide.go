package assistant

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// decide answers from the knowledge base or hands the thread to the operator.
func (a *Assistant) decide(t *domain.Thread, in domain.Inbound, now time.Time, when string) domain.Reply {
	body := strings.TrimSpace(in.Body)
	if !hasWords(body) {
		text := textEmpty
		if len(in.Media) > 0 {
			text = textMediaOnly
		}
		return a.introduce(t, now, "prompt", "", text)
	}
	dec, err := a.decider.Decide(body)
	if err != nil {
		a.log.Error("decision failed; escalating", "thread", t.ID, "err", err)
		dec = domain.Decision{Action: domain.ActionEscalate, Reason: "decision failed"}
	}
	if dec.Action == domain.ActionAnswer && dec.Entry != nil {
		a.log.Info("answered", "thread", t.ID, "entry", dec.Entry.ID, "score", dec.Score)
		return a.introduce(t, now, "answer", dec.Entry.ID, dec.Entry.Answer)
	}
	t.Escalate(now, body, dec.Reason)
	a.log.Info("escalated", "thread", t.ID, "reason", dec.Reason, "candidate", dec.Candidate)
	return a.introduce(t, now, "escalate", "", EscalationText(dec.Reason, when))
}

// pausedReply escalates every question while the operator has paused the line.
func (a *Assistant) pausedReply(t *domain.Thread, in domain.Inbound, now time.Time, when string) domain.Reply {
	body := strings.TrimSpace(in.Body)
	if !hasWords(body) && len(in.Media) == 0 {
		return a.introduce(t, now, "prompt", "", textEmpty)
	}
	t.Escalate(now, body, "the line is paused")
	return a.introduce(t, now, "escalate", "", EscalationText("paused", when))
}

// Reply is the SMS the line sends for a decision, as `sideguy ask` shows it.
func Reply(dec domain.Decision) string {
	if dec.Action == domain.ActionAnswer && dec.Entry != nil {
		return dec.Entry.Answer
	}
	return EscalationText(dec.Reason, "")
}

// EscalationText tells the texter a person will follow up, fitted to why;
// when says when ("" for no promise, " on Monday").
func EscalationText(reason, when string) string {
	switch {
	case strings.HasPrefix(reason, "asked for a person"):
		return fmt.Sprintf(textAskedForPerson, when)
	case strings.HasPrefix(reason, "said the answer is wrong"):
		return fmt.Sprintf(textSaidWrong, when)
	case reason == "paused":
		return fmt.Sprintf(textPaused, when)
	default:
		return fmt.Sprintf(textEscalated, when)
	}
}

// introduce sends the line's first reply on a thread with a word on what the
// line is: a separate short text when the two do not fit in two segments together.
func (a *Assistant) introduce(t *domain.Thread, now time.Time, kind, entry, text string) domain.Reply {
	if t.Introduced {
		return send(t, now, kind, entry, text)
	}
	t.Introduced = true
	if joined := textIntro + " " + text; gsm.Measure(joined).Segments <= 2 {
		return send(t, now, kind, entry, joined)
	}
	reply := send(t, now, "intro", "", textIntro)
	more := send(t, now, kind, entry, text)
	reply.Messages = append(reply.Messages, more.Messages...)
	return reply
}

func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
