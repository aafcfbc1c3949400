package assistant

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
	"github.com/sideguy/sideguy-text/internal/rx"
)

const textUsage = "SideGuy commands: #12 your answer (text thread 12) | #12 done | #12 bot (hand back to the line) | queue | away until mon | back"

// commandPattern splits "#12 rest" into the thread number and the rest.
func commandPattern() *rx.Regexp {
	return rx.MustCompile(`(?s)^\s*#\s*(\d+)\s*[:\-]?\s*(.*?)\s*$`)
}

// operatorText handles a text from the operator's own phone: a command, never
// a texter's question, so notifications cannot loop.
func (a *Assistant) operatorText(ctx context.Context, in domain.Inbound) (domain.Reply, error) {
	if in.SID != "" {
		if reply, seen, err := a.store.Processed(in.SID); err != nil {
			return domain.Reply{}, err
		} else if seen {
			return reply, nil
		}
	}
	now := a.now().UTC()
	if err := a.store.RecordOperator(domain.Message{Direction: domain.In, Body: in.Body, At: now, SID: in.SID}); err != nil {
		return domain.Reply{}, fmt.Errorf("record operator text: %w", err)
	}
	text := a.command(ctx, strings.TrimSpace(in.Body), now)
	reply := domain.Reply{Messages: []string{text}}
	if err := a.store.RecordOperator(domain.Message{Direction: domain.Out, Body: text, At: a.now().UTC(), Kind: "command"}); err != nil {
		return domain.Reply{}, fmt.Errorf("record operator reply: %w", err)
	}
	if in.SID != "" {
		if err := a.store.MarkProcessed(in.SID, reply); err != nil {
			return domain.Reply{}, err
		}
	}
	return reply, nil
}

// command runs one operator command and says what happened.
func (a *Assistant) command(ctx context.Context, body string, now time.Time) string {
	lower := strings.ToLower(body)
	switch {
	case lower == "queue" || lower == "q" || lower == "list":
		return a.queueText(now)
	case lower == "back" || lower == "im back" || lower == "i'm back":
		st, err := a.Back()
		if err != nil {
			return "Couldn't save that: " + err.Error()
		}
		return "Welcome back. Texters are told to expect you" + a.schedule(st).Expect(now, nil) + "."
	case strings.HasPrefix(lower, "away"):
		st, err := a.Away(strings.TrimSpace(strings.TrimPrefix(lower, "away")))
		if err != nil {
			return "Not set: " + strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error())
		}
		until := *st.AwayUntil
		return "Away until " + until.Format("Mon Jan 2 15:04 MST") + ". Texters will hear you'll reply" + a.schedule(st).Expect(now, &until) + ". Text BACK to undo."
	}
	m := a.commandRe.FindStringSubmatch(body)
	if m == nil {
		return textUsage
	}
	id, err := strconv.ParseUint(m[1], 10, 64)
	if err != nil || id == 0 {
		return textUsage
	}
	rest := m[2]
	switch strings.ToLower(strings.TrimRight(rest, ".! ")) {
	case "":
		return fmt.Sprintf("#%d what? Text #%d your answer, #%d done or #%d bot.", id, id, id, id)
	case "done", "resolve", "resolved", "close":
		if _, err = a.Resolve(id); err == nil {
			return fmt.Sprintf("#%d resolved.", id)
		}
	case "bot", "line", "hand back":
		if _, err = a.HandBack(id); err == nil {
			return fmt.Sprintf("#%d handed back to the line.", id)
		}
	case "reopen":
		if _, err = a.Reopen(id); err == nil {
			return fmt.Sprintf("#%d is back in the queue.", id)
		}
	default:
		var t domain.Thread
		var sent domain.Message
		if t, sent, err = a.OperatorReply(ctx, id, rest); err == nil {
			info := gsm.Measure(sent.Body) // what went out, after composing for SMS
			return fmt.Sprintf("Sent to #%d (%s): %d segment(s), %s.", id, t.Phone, info.Segments, info.Encoding)
		}
	}
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return fmt.Sprintf("There's no thread #%d. Text QUEUE to see what waits.", id)
	case errors.Is(err, domain.ErrOptedOut):
		return fmt.Sprintf("Not sent: #%d has opted out of texts.", id)
	case errors.Is(err, domain.ErrInvalid):
		return "Not sent: " + strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error()) + "."
	default:
		return fmt.Sprintf("Not sent to #%d: %v", id, err)
	}
}

// queueText lists the waiting threads, longest-waiting first, within two segments.
func (a *Assistant) queueText(now time.Time) string {
	threads, err := a.store.Threads(domain.StatusEscalated)
	if err != nil {
		return "Couldn't read the queue: " + err.Error()
	}
	if len(threads) == 0 {
		return "Queue is empty. Nice."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d waiting:", len(threads))
	for i, t := range threads {
		line := fmt.Sprintf(" #%d %s %q;", t.ID, age(now, t.EscalatedAt), gsm.Shorten(gsm.Transliterate(t.EscalatedQuestion), 40))
		if b.Len()+len(line) > 290 {
			fmt.Fprintf(&b, " +%d more", len(threads)-i)
			break
		}
		b.WriteString(line)
	}
	return strings.TrimSuffix(b.String(), ";")
}

// age is how long ago t was, briefly: 5m, 3h, 2d.
func age(now time.Time, t *time.Time) string {
	if t == nil {
		return ""
	}
	d := now.Sub(*t)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}
