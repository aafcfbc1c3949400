package assistant

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
	"github.com/sideguy/sideguy-text/internal/rx"
)

// How long the conversation's memory lasts.
const (
	// followUpWindow is how long an answer stays the context for a follow-up.
	followUpWindow = 30 * time.Minute
	// menuWindow is how long "Reply 1 or 2" stays open.
	menuWindow = 30 * time.Minute
)

// conversationPatterns recognise MORE and menu choices.
type conversationPatterns struct {
	more, choice1, choice2 *rx.Regexp
}

func newConversationPatterns() conversationPatterns {
	return conversationPatterns{
		more:    rx.MustCompile(`(?i)^\W*(more|more please|tell me more|go on|continue|rest|the rest|next)\W*$`),
		choice1: rx.MustCompile(`(?i)^\W*(1|one|1\)|#1|option 1|the first( one)?|first( one)?)\W*$`),
		choice2: rx.MustCompile(`(?i)^\W*(2|two|2\)|#2|option 2|the second( one)?|second( one)?)\W*$`),
	}
}

// decide answers from the knowledge base, talks back, asks which, or hands the
// thread to the operator.
func (a *Assistant) decide(t *domain.Thread, in domain.Inbound, now time.Time, when string, pre *predecision) domain.Reply {
	body := strings.TrimSpace(in.Body)
	switch {
	case body == "" && len(in.Media) > 0:
		return a.introduce(t, now, "prompt", "", textMediaOnly)
	case body == "":
		return a.introduce(t, now, "prompt", "", textEmpty)
	case !hasWords(body):
		// An emoji or a "?" on its own: a nod, not a question.
		dec := domain.Decision{Action: domain.ActionSmallTalk, Talk: "ack", Reason: "no words"}
		return a.withDecision(a.introduce(t, now, "smalltalk", "", talkText("ack", t.Introduced)), dec)
	case a.conv.more.MatchString(body):
		return a.more(t, now)
	}
	if id := a.menuChoice(t, body, now); id != "" {
		if e, ok := a.entry(id); ok {
			dec := domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: id, Reason: "chosen from the menu"}
			return a.withDecision(a.answer(t, now, body, dec), dec)
		}
	}
	t.Menu, t.MenuAt = nil, nil
	dec, err := a.decision(body, contextFor(t, now), pre)
	if err != nil {
		a.log.Error("decision failed; escalating", "thread", t.ID, "err", err)
		dec = domain.Decision{Action: domain.ActionEscalate, Reason: "decision failed"}
	}
	var reply domain.Reply
	switch {
	case dec.Action == domain.ActionAnswer && dec.Entry != nil:
		a.log.Info("answered", "thread", t.ID, "entries", strings.Join(dec.AnsweredIDs(), ","), "score", dec.Score, "reason", dec.Reason)
		reply = a.answer(t, now, body, dec)
		if dec.Partial {
			t.Escalate(now, body, "part of the text needs a person")
			reply = a.appendText(t, reply, fmt.Sprintf(textPartial, when))
			a.log.Info("escalated the rest", "thread", t.ID)
		}
	case dec.Action == domain.ActionClarify && len(dec.Options) >= 2:
		reply = a.clarify(t, now, dec)
	case dec.Action == domain.ActionSmallTalk:
		reply = a.introduce(t, now, "smalltalk", "", talkText(dec.Talk, t.Introduced))
	default:
		t.Escalate(now, body, dec.Reason)
		t.ControlIDs = dec.ControlIDs
		a.log.Info("escalated", "thread", t.ID, "reason", dec.Reason, "candidate", dec.Candidate)
		reply = a.introduce(t, now, "escalate", "", EscalationText(dec.Reason, when))
	}
	return a.withDecision(reply, dec)
}

func (a *Assistant) withDecision(r domain.Reply, dec domain.Decision) domain.Reply {
	r.Decision = &dec
	return r
}

func (a *Assistant) entry(id string) (*domain.Entry, bool) {
	if a.entries == nil {
		return nil, false
	}
	return a.entries.Entry(id)
}

// answer sends the entries' answers (or the decision's own text), paged to
// two segments, and remembers them for follow-ups and MORE.
func (a *Assistant) answer(t *domain.Thread, now time.Time, question string, dec domain.Decision) domain.Reply {
	text := dec.Text
	if text == "" {
		entries := dec.Entries
		if len(entries) == 0 {
			entries = []*domain.Entry{dec.Entry}
		}
		parts := make([]string, len(entries))
		for i, e := range entries {
			parts[i] = e.Answer
		}
		text = strings.Join(parts, " ")
	}
	ids := strings.Join(dec.AnsweredIDs(), ",")
	t.LastEntry, t.LastQuestion, t.LastAnsweredAt = dec.Entry.ID, question, &now
	return a.introduce(t, now, "answer", ids, text)
}

// clarify asks which of two entries the texter meant, and remembers the menu.
func (a *Assistant) clarify(t *domain.Thread, now time.Time, dec domain.Decision) domain.Reply {
	one, two := dec.Options[0], dec.Options[1]
	q := func(e *domain.Entry, n int) string {
		return strings.TrimRight(gsm.Shorten(gsm.Compose(e.Question), n), "?")
	}
	text := fmt.Sprintf("Did you mean 1) %s or 2) %s? Reply 1 or 2.", q(one, 110), q(two, 110))
	t.Menu, t.MenuAt = []string{one.ID, two.ID}, &now
	return a.introduce(t, now, "clarify", one.ID+","+two.ID, text)
}

// menuChoice returns the entry a "1" or "2" picks from an open menu.
func (a *Assistant) menuChoice(t *domain.Thread, body string, now time.Time) string {
	if len(t.Menu) < 2 || t.MenuAt == nil || now.Sub(*t.MenuAt) > menuWindow {
		return ""
	}
	choice := ""
	switch {
	case a.conv.choice1.MatchString(body):
		choice = t.Menu[0]
	case a.conv.choice2.MatchString(body):
		choice = t.Menu[1]
	}
	if choice != "" {
		t.Menu, t.MenuAt = nil, nil
	}
	return choice
}

// more sends the next part of a long answer, or the last answer's detail.
func (a *Assistant) more(t *domain.Thread, now time.Time) domain.Reply {
	dec := domain.Decision{Action: domain.ActionAnswer, Reason: "MORE"}
	if t.MoreText != "" {
		rest := t.MoreText
		t.MoreText = ""
		if e, ok := a.entry(t.LastEntry); ok {
			dec.Entry = e
		}
		return a.withDecision(a.paged(t, now, "more", t.LastEntry, rest), dec)
	}
	if e, ok := a.entry(t.LastEntry); ok && e.Detail != "" && t.LastAnsweredAt != nil && now.Sub(*t.LastAnsweredAt) < followUpWindow {
		dec.Entry = e
		return a.withDecision(a.paged(t, now, "more", e.ID, gsm.Compose(strings.Join(strings.Fields(e.Detail), " "))), dec)
	}
	dec = domain.Decision{Action: domain.ActionSmallTalk, Talk: "more", Reason: "nothing more to send"}
	return a.withDecision(send(t, now, "smalltalk", "", textNoMore), dec)
}

// paged sends text within two segments, keeping the rest for MORE.
func (a *Assistant) paged(t *domain.Thread, now time.Time, kind, entry, text string) domain.Reply {
	first, rest := gsm.Page(gsm.Compose(text))
	t.MoreText = rest
	return send(t, now, kind, entry, first)
}

// appendText adds a sentence to the reply's last text, paging again.
func (a *Assistant) appendText(t *domain.Thread, r domain.Reply, extra string) domain.Reply {
	if len(r.Messages) == 0 {
		return r
	}
	last := r.Messages[len(r.Messages)-1]
	if strings.HasSuffix(last, gsm.MoreSuffix) {
		t.MoreText = strings.TrimSpace(t.MoreText + " " + extra)
		return r
	}
	joined := last + " " + extra
	first, rest := gsm.Page(gsm.Compose(joined))
	t.MoreText = rest
	r.Messages[len(r.Messages)-1] = first
	t.AmendLast(first)
	return r
}

// Reply is the SMS the line sends for a decision, as `sideguy ask` shows it.
func Reply(dec domain.Decision) string {
	switch {
	case dec.Action == domain.ActionAnswer && dec.Text != "":
		return dec.Text
	case dec.Action == domain.ActionAnswer && dec.Entry != nil:
		var parts []string
		for _, e := range append([]*domain.Entry{}, dec.Entries...) {
			parts = append(parts, e.Answer)
		}
		if len(parts) == 0 {
			parts = []string{dec.Entry.Answer}
		}
		return strings.Join(parts, " ")
	case dec.Action == domain.ActionClarify && len(dec.Options) >= 2:
		return fmt.Sprintf("Did you mean 1) %s or 2) %s? Reply 1 or 2.", strings.TrimRight(dec.Options[0].Question, "?"), strings.TrimRight(dec.Options[1].Question, "?"))
	case dec.Action == domain.ActionSmallTalk:
		return talkText(dec.Talk, true)
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
	case strings.HasPrefix(reason, "exact control mapping"):
		return fmt.Sprintf(textMapping, when)
	default:
		return fmt.Sprintf(textEscalated, when)
	}
}

// pausedReply escalates every question while the operator has paused the line.
func (a *Assistant) pausedReply(t *domain.Thread, in domain.Inbound, now time.Time, when string) domain.Reply {
	body := strings.TrimSpace(in.Body)
	if !hasWords(body) && len(in.Media) == 0 {
		return a.introduce(t, now, "prompt", "", textEmpty)
	}
	t.Escalate(now, body, "the line is paused")
	dec := domain.Decision{Action: domain.ActionEscalate, Reason: "the line is paused"}
	return a.withDecision(a.introduce(t, now, "escalate", "", EscalationText("paused", when)), dec)
}

// introduce sends the line's reply, with a word on what the line is in front
// of the first one on a thread; every text is composed for SMS and paged to
// two segments (the rest waits for MORE).
func (a *Assistant) introduce(t *domain.Thread, now time.Time, kind, entry, text string) domain.Reply {
	if !t.Introduced {
		t.Introduced = true
		text = textIntro + " " + text
	}
	return a.paged(t, now, kind, entry, text)
}

func hasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// contextFor is what the conversation knows for a follow-up: the last answer,
// while it is recent.
func contextFor(t *domain.Thread, now time.Time) domain.Context {
	if t.LastAnsweredAt != nil && now.Sub(*t.LastAnsweredAt) < followUpWindow {
		return domain.Context{Previous: t.LastEntry, PreviousQuestion: t.LastQuestion}
	}
	return domain.Context{}
}

// decision is the decider's reading of body in ctx: the one made before the
// commit when it assumed the same context, else made now.
func (a *Assistant) decision(body string, ctx domain.Context, pre *predecision) (domain.Decision, error) {
	if pre != nil && pre.ctx == ctx {
		return pre.dec, pre.err
	}
	return a.decider.Turn(body, ctx)
}

// predecision is a decision made before the commit, with the context it assumed.
type predecision struct {
	ctx domain.Context
	dec domain.Decision
	err error
}

// predecide decides on a text outside the store's transaction when the line is
// likely to answer it; nil when it is not (keywords, MORE, a thread the
// operator is talking on).
func (a *Assistant) predecide(in domain.Inbound) *predecision {
	body := strings.TrimSpace(in.Body)
	if !hasWords(body) || a.conv.more.MatchString(body) || classify(body) != kwNone {
		return nil
	}
	t, ok, err := a.store.ThreadByPhone(in.From)
	if err != nil {
		return nil
	}
	if ok && (t.OptedOut || (t.Status == domain.StatusEscalated && operatorTalking(&t)) || t.Status == domain.StatusAnswered || len(t.Menu) > 0) {
		return nil
	}
	ctx := contextFor(&t, a.now().UTC())
	dec, err := a.decider.Turn(body, ctx)
	return &predecision{ctx: ctx, dec: dec, err: err}
}
