package assistant

import (
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/rx"
)

// keyword is a consent keyword's meaning.
type keyword int

const (
	kwNone keyword = iota
	kwOptOut
	kwOptIn
	kwHelp
)

// keywordOf maps Twilio's and the carriers' consent keywords, matched when
// they are the whole message, in any case.
func keywordOf(word string) keyword {
	switch word {
	case "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT":
		return kwOptOut
	case "START", "UNSTOP", "YES":
		return kwOptIn
	case "HELP", "INFO":
		return kwHelp
	}
	return kwNone
}

// plainOptOut catches revoking consent "by any reasonable means" (FCC, 2025).
func plainOptOutPattern() *rx.Regexp {
	return rx.MustCompile(`(?i)^\W*(please\W+)?(opt\W*(me\W*)?out|unsubscribe( me)?|remove me|leave me alone|stop|no more)\W*(please)?\W*$|` +
		`(?i)\b(stop|quit|cease|no more|don'?t|do not|never)\W+(texting|messaging|sending|contacting|text|message|txt|msg)\w*\W+(me|us|this number|here|again)\b|` +
		`(?i)\b(stop|quit)\W+(sending|texting)\W+(me\W+)?(texts|messages|sms)\b|` +
		`(?i)\b(remove|take)\W+(me|my number|this number)\W+(from|off)\W+(your|this|the)\W+(list|texts|messages)\b|` +
		`(?i)\b(unsubscribe|opt)\W+(me\W+)?(out\W+)?(from|of)\W+(this|these|your|the)\W+(texts|messages|list|line|number)\b`)
}

// classify finds a consent keyword in a text.
func classify(body string) keyword {
	word := strings.ToUpper(strings.Trim(strings.TrimSpace(body), ".!?,;: \t\r\n"))
	return keywordOf(word)
}

// consent records opt-outs and opt-ins and answers HELP, as configured.
func (a *Assistant) consent(t *domain.Thread, in domain.Inbound, now time.Time) (domain.Reply, bool) {
	// Twilio's Advanced Opt-Out already answered; record, add nothing.
	if in.OptOutType == "record-only" {
		// A number the line does not answer: keep its consent, say nothing.
		switch {
		case classify(in.Body) == kwOptOut || a.plainOptOut.MatchString(in.Body):
			optOut(t, now)
		case classify(in.Body) == kwOptIn:
			optIn(t, now)
		}
		return domain.Reply{}, true
	}
	if in.OptOutType != "" {
		switch strings.ToUpper(in.OptOutType) {
		case "STOP":
			optOut(t, now)
		case "START":
			optIn(t, now)
		}
		return domain.Reply{}, true
	}
	kw := classify(in.Body)
	if kw == kwOptIn && strings.EqualFold(strings.Trim(strings.TrimSpace(in.Body), ".!"), "YES") && !t.OptedOut {
		kw = kwNone // YES opts back in only from an opted-out number
	}
	byApp := a.keywords == KeywordsByApp
	switch kw {
	case kwOptOut:
		was := t.OptedOut
		optOut(t, now)
		if byApp && !was {
			return send(t, now, "keyword", "", textStopped), true
		}
		return domain.Reply{}, true
	case kwOptIn:
		optIn(t, now)
		if byApp {
			return send(t, now, "keyword", "", textStarted), true
		}
		return domain.Reply{}, true
	case kwHelp:
		if byApp {
			return send(t, now, "keyword", "", textHelp), true
		}
		return domain.Reply{}, true
	}
	if a.plainOptOut.MatchString(in.Body) {
		was := t.OptedOut
		optOut(t, now)
		if !was {
			// Twilio does not see this as STOP, so the confirmation is ours to send.
			return send(t, now, "keyword", "", textStopped), true
		}
		return domain.Reply{}, true
	}
	return domain.Reply{}, false
}

func optOut(t *domain.Thread, now time.Time) {
	if !t.OptedOut {
		t.OptedOut = true
		t.OptedOutAt = &now
	}
}

func optIn(t *domain.Thread, now time.Time) {
	if t.OptedOut {
		t.OptedOut = false
		t.OptedInAt = &now
	}
}
