package webhooks_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/assistant"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/phone"
)

func TestBurstFromOneNumber(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio, func(o *options) { o.limits.RatePerHour = 5 })
	const from = "+14155550777"
	replies := 0
	notices := 0
	for i := range 12 {
		got := s.say(t, fmt.Sprintf("SMburst%02d", i), from, "how much do soc 2 and iso overlap?")
		switch {
		case strings.Contains(got, "pause my replies"):
			notices++
		case got != "":
			replies++
		}
	}
	if replies != 5 || notices != 1 {
		t.Errorf("12 texts in a burst got %d replies and %d notices, want 5 and 1", replies, notices)
	}
	if th := s.thread(t, from); countDir(th, domain.In) != 12 {
		t.Errorf("stored %d of the 12 texts", countDir(th, domain.In))
	}
	// An hour later the number is answered again.
	s.clock.Advance(61 * time.Minute)
	if got := s.say(t, "SMburst99", from, "what is an isms?"); got == "" || strings.Contains(got, "pause") {
		t.Errorf("an hour later got %q, want an answer", got)
	}
}

func TestTextsFromCountriesNotServed(t *testing.T) {
	countries, err := phone.ParseCountries("US,CA")
	if err != nil {
		t.Fatal(err)
	}
	s := newStack(t, assistant.KeywordsByApp, func(o *options) { o.limits.Countries = countries })
	for i, from := range []string{"+447700900123", "+18765550123", "+4915123456789"} {
		if got := s.say(t, fmt.Sprintf("SMc%d", i), from, "how much do soc 2 and iso overlap?"); got != "" {
			t.Errorf("%s got %q, want no reply", from, got)
		}
		th := s.thread(t, from)
		if th.Blocked != "country" || countDir(th, domain.In) != 1 || th.Status == domain.StatusEscalated {
			t.Errorf("%s: thread %+v, want the text recorded, blocked, not queued", from, th)
		}
	}
	// HELP from such a number is recorded, not answered: it would cost money.
	if got := s.say(t, "SMc9", "+447700900123", "HELP"); got != "" {
		t.Errorf("HELP from the UK got %q", got)
	}
	if got := s.say(t, "SMc10", "+447700900123", "STOP"); got != "" || !s.thread(t, "+447700900123").OptedOut {
		t.Error("STOP from the UK was not recorded silently")
	}
	if got := s.say(t, "SMc11", "+14155550123", "how much do soc 2 and iso overlap?"); got == "" {
		t.Error("a US number got no answer")
	}
}

func TestDailyCap(t *testing.T) {
	s := newStack(t, assistant.KeywordsByTwilio, func(o *options) { o.limits.DailyCap = 3 })
	answered := 0
	for i := range 6 {
		if s.say(t, fmt.Sprintf("SMd%d", i), fmt.Sprintf("+1415555100%d", i), "what is an isms?") != "" {
			answered++
		}
	}
	if answered != 3 {
		t.Errorf("%d automatic replies with a daily cap of 3", answered)
	}
	s.clock.Advance(24 * time.Hour)
	if s.say(t, "SMd9", "+14155551009", "what is an isms?") == "" {
		t.Error("no reply the next day")
	}
}
