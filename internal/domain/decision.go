package domain

// Action is what the line does with a question.
type Action string

const (
	// ActionAnswer replies with one knowledge entry.
	ActionAnswer Action = "answer"
	// ActionEscalate hands the question to the operator.
	ActionEscalate Action = "escalate"
)

// Decision is the outcome of deciding on one question.
type Decision struct {
	Action Action `json:"action"`
	// Entry is set when Action is ActionAnswer.
	Entry *Entry `json:"-"`
	// Score is the confidence in the best entry, from 0 to 1.
	Score float64 `json:"score"`
	// Reason says briefly why, for the operator and for tuning.
	Reason string `json:"reason"`
	// Candidate is the best entry found, even when escalating.
	Candidate string `json:"candidate,omitempty"`
}
