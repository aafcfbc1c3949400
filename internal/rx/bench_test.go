package rx

import "testing"

// BenchmarkMayMatch times the prefilter of a rule with many words on texts
// as they come (mixed case) and normalised (lower case).
func BenchmarkMayMatch(b *testing.B) {
	r := MustCompile(`\b(cost|costs|costing|price|prices|pricing|priced|fee|fees|expensive|cheap|cheaper|cheapest|dollars?|usd|afford|affordable|spend|spending|invoice|rates?|charge|charges|budget|budgets|budgeting|quote|quotes|ballpark|roi|pay|paying)\b`)
	texts := []string{
		"We're ISO 27001 certified and a customer now wants a SOC 2 report. How much can we reuse?",
		"how much overlap is there between soc 2 and iso 27001",
		"whats the difference between type 1 and type 2 and which one do enterprise buyers want",
	}
	i := 0
	for b.Loop() {
		r.MayMatch(texts[i%len(texts)])
		i++
	}
}
