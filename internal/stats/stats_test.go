package stats

import (
	"strings"
	"testing"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

func TestEscalations(t *testing.T) {
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	list := []domain.Escalation{
		{At: at, Thread: 1, Question: "How much does SOC 2 cost?", Reason: "out of scope: price"},
		{At: at.Add(time.Hour), Thread: 2, Question: "how much does soc2 cost", Reason: "out of scope: price"},
		{At: at.Add(2 * time.Hour), Thread: 3, Question: "how much does soc ii cost??", Reason: "out of scope: price"},
		{At: at.Add(3 * time.Hour), Thread: 4, Question: "do I need a CISO", Reason: "the knowledge base does not cover ciso"},
		{At: at.Add(4 * time.Hour), Thread: 4, Question: "human", Reason: "asked for a person"},
	}
	rep := Escalations(list, at, textnorm.New(), 10)
	if rep.Total != 5 || len(rep.Questions) != 3 {
		t.Fatalf("report = %+v", rep)
	}
	top := rep.Questions[0]
	if top.Count != 3 || !strings.Contains(strings.ToLower(top.Text), "cost") || len(top.Threads) != 3 {
		t.Errorf("top question = %+v, want the cost question three times", top)
	}
	if rep.Reasons[0].Reason != "out of scope: price" || rep.Reasons[0].Count != 3 {
		t.Errorf("reasons = %+v", rep.Reasons)
	}
	if got := Escalations(list, at, textnorm.New(), 1); len(got.Questions) != 1 {
		t.Errorf("limit not applied: %d", len(got.Questions))
	}
}
