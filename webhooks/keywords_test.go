package webhooks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/assistant"
)

// step is one inbound text and what the texter should get back: nothing (""),
// or a reply containing want.
type step struct {
	body, optOutType string
	want             string
	optedOut         bool
}

func TestKeywords(t *testing.T) {
	tests := []struct {
		name  string
		mode  assistant.KeywordReplies
		steps []step
	}{
		{"twilio mode: STOP is recorded, Twilio replies", assistant.KeywordsByTwilio, []step{
			{body: "STOP", optedOut: true},
			{body: "how much do soc 2 and iso overlap?", optedOut: true},
			{body: "HELP", optedOut: true},
			{body: "start", optedOut: false},
			{body: "how much do soc 2 and iso overlap?", want: "80%"},
		}},
		{"twilio mode: every opt-out word", assistant.KeywordsByTwilio, []step{
			{body: "stopall", optedOut: true}, {body: "UNSTOP"},
			{body: "Unsubscribe", optedOut: true}, {body: "yes"},
			{body: "CANCEL", optedOut: true}, {body: "START"},
			{body: "end", optedOut: true}, {body: "START"},
			{body: "QUIT", optedOut: true}, {body: "START"},
			{body: "revoke", optedOut: true}, {body: "START"},
			{body: " OptOut ", optedOut: true}, {body: "START"},
		}},
		{"twilio mode: Advanced Opt-Out's OptOutType gets no reply of ours", assistant.KeywordsByTwilio, []step{
			{body: "stop please", optOutType: "STOP", optedOut: true},
			{body: "help", optOutType: "HELP", optedOut: true},
			{body: "start", optOutType: "START"},
		}},
		{"app mode: we answer", assistant.KeywordsByApp, []step{
			{body: "HELP", want: "Reply STOP to opt out"},
			{body: "info", want: "Msg & data rates may apply"},
			{body: "STOP", want: "opted out", optedOut: true},
			{body: "stop", optedOut: true}, // one confirmation only
			{body: "how much do soc 2 and iso overlap?", optedOut: true},
			{body: "HELP", want: "SideGuy Text", optedOut: true}, // HELP is answered even after STOP
			{body: "YES", want: "opted back in"},
			{body: "how much do soc 2 and iso overlap?", want: "80%"},
		}},
		{"app mode: START confirms", assistant.KeywordsByApp, []step{
			{body: "END", want: "opted out", optedOut: true},
			{body: "Start", want: "opted back in"},
		}},
		{"app mode: OptOutType still means Twilio answered", assistant.KeywordsByApp, []step{
			{body: "STOP", optOutType: "STOP", optedOut: true},
		}},
		{"plain-language opt-out, either mode", assistant.KeywordsByTwilio, []step{
			{body: "please stop texting me", want: "opted out", optedOut: true},
			{body: "hello?", optedOut: true},
		}},
		{"plain-language opt-out in app mode", assistant.KeywordsByApp, []step{
			{body: "Remove me from your list", want: "opted out", optedOut: true},
		}},
		{"YES from a subscribed number is just a text", assistant.KeywordsByTwilio, []step{
			{body: "yes", want: "PJ"},
		}},
		{"keywords inside a question are not keywords", assistant.KeywordsByApp, []step{
			{body: "what does iso 27001 require that soc 2 does not? stop guessing, help me", want: "automated line"},
		}},
	}
	// One stack per mode; each case texts from its own number.
	stacks := map[assistant.KeywordReplies]*stack{
		assistant.KeywordsByTwilio: newStack(t, assistant.KeywordsByTwilio),
		assistant.KeywordsByApp:    newStack(t, assistant.KeywordsByApp),
	}
	for n, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stacks[tt.mode]
			phone := fmt.Sprintf("+155500099%02d", n)
			for i, st := range tt.steps {
				form := text(fmt.Sprintf("SMkw%d-%d", n, i), phone, st.body)
				if st.optOutType != "" {
					form.Set("OptOutType", st.optOutType)
				}
				_, body := s.post(t, form)
				got := strings.Join(messages(t, body), " ")
				switch {
				case st.want == "" && got != "":
					t.Errorf("step %d %q: got reply %q, want none", i, st.body, got)
				case st.want != "" && !strings.Contains(got, st.want):
					t.Errorf("step %d %q: got %q, want a reply containing %q", i, st.body, got, st.want)
				}
				th := s.thread(t, phone)
				if th.OptedOut != st.optedOut {
					t.Errorf("step %d %q: opted out = %v, want %v", i, st.body, th.OptedOut, st.optedOut)
				}
				if th.OptedOut && th.OptedOutAt == nil {
					t.Errorf("step %d: opt-out stored without its time", i)
				}
			}
		})
	}
}
