package search

// fillerWords carry no topic in a texted question: who is asking, politeness,
// and verbs of wanting. They weigh nothing when scoring coverage.
var fillerWords = []string{
	"we", "our", "us", "i", "my", "me", "you", "your", "company", "startup", "team",
	"customer", "customers", "client", "clients", "prospect", "prospects", "enterprise", "buyer", "buyers",
	"asked", "asking", "ask", "asks", "want", "wants", "wanted", "need", "needs", "needed",
	"please", "thanks", "thank", "hey", "hi", "hello", "quick", "question", "q",
	"know", "tell", "explain", "wondering", "curious", "get", "got", "like", "just", "really",
	"actually", "basically", "exactly", "roughly", "pretty", "much", "thing", "things", "stuff",
	"yeah", "ok", "okay", "so", "also", "anyway", "already", "now", "currently", "year", "years",
	"can", "could", "would", "should", "will", "do", "does", "did", "is", "are", "was", "be",
	"say", "said", "mean", "means", "think", "guess", "help", "hoping", "sure", "wonder",
}
