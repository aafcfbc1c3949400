package domain

// Action is what the line does with a question.
type Action string

const (
	// ActionAnswer replies with one knowledge entry.
	ActionAnswer Action = "answer"
	// ActionEscalate hands the question to the operator.
	ActionEscalate Action = "escalate"
	// ActionClarify asks which of two entries the texter meant.
	ActionClarify Action = "clarify"
	// ActionSmallTalk answers a greeting, thanks or "ok" in kind.
	ActionSmallTalk Action = "smalltalk"
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

	// Entries are all the entries answered (two questions in one text).
	Entries []*Entry `json:"-"`
	// Options are the entries a clarification offers.
	Options []*Entry `json:"-"`
	// Text, when set, is the reply to send instead of the entries' answers
	// (a control ID named in front of its row's answer).
	Text string `json:"-"`
	// ControlIDs are the criteria and control IDs the text quoted.
	ControlIDs []string `json:"control_ids,omitempty"`
	// Partial means part of the text was answered and the rest goes to the operator.
	Partial bool `json:"partial,omitempty"`
	// Talk says what kind of small talk it was (greeting, thanks, ack, bye).
	Talk string `json:"talk,omitempty"`
}

// AnsweredIDs lists the ids of the entries a decision answers with.
func (d Decision) AnsweredIDs() []string {
	var ids []string
	for _, e := range d.Entries {
		ids = append(ids, e.ID)
	}
	if len(ids) == 0 && d.Entry != nil {
		ids = append(ids, d.Entry.ID)
	}
	return ids
}

// Context is what a conversation knows before a text: the entry the line last
// answered with (recently) and the text it answered.
type Context struct {
	Previous         string
	PreviousQuestion string
}
