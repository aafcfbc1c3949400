package eval

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// Expectations besides entry ids.
const (
	// Escalate is the expectation that the operator, not the line, answers.
	Escalate = "escalate"
	// SmallTalk is the expectation of a short friendly reply, no knowledge, no escalation.
	SmallTalk = "smalltalk"
)

// Case is one question and what should happen to it.
type Case struct {
	Text string `yaml:"text" json:"text"`
	Kind string `yaml:"kind" json:"kind"`
	// Before are earlier texts from the same texter, sent first.
	Before []string `yaml:"before,omitempty" json:"before,omitempty"`
	// Expect is an entry id, alternatives joined by "|", two questions' entries
	// joined by "&", "escalate" or "smalltalk".
	Expect string `yaml:"expect" json:"expect"`
}

// InScope reports whether some entry should answer the case.
func (c Case) InScope() bool { return c.Expect != Escalate && c.Expect != SmallTalk }

// Accepts reports whether answering with entry id is right for the case.
func (c Case) Accepts(id string) bool {
	for _, want := range strings.FieldsFunc(c.Expect, func(r rune) bool { return r == '|' || r == '&' }) {
		if strings.TrimSpace(want) == id {
			return true
		}
	}
	return false
}

type file struct {
	Questions []Case `yaml:"questions"`
}

// Load reads a question set.
func Load(fsys fs.FS, name string) ([]Case, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse question set %s: %w", name, err)
	}
	for i, c := range f.Questions {
		if c.Expect == "" {
			return nil, fmt.Errorf("question set %s: question %d (%q) has no expect", name, i+1, c.Text)
		}
	}
	return f.Questions, nil
}

// Line is the line under test: one text from a number, and what it did.
type Line func(ctx context.Context, phone, text string) (domain.Reply, error)

// Results of one case.
const (
	Correct   = "correct"   // the right entry (or small talk, or an escalation when expected)
	Escalated = "escalated" // an in-scope question (or small talk) passed to the operator
	Clarified = "clarified" // the line asked which of two entries was meant
	Wrong     = "wrong"     // a wrong entry, or knowledge sent for an out-of-scope question
	Missed    = "missed"    // an out-of-scope question answered with small talk, not escalated
)

// Outcome is what happened to one case.
type Outcome struct {
	Case     Case            `json:"case"`
	Result   string          `json:"result"`
	Action   domain.Action   `json:"action"`
	Entries  []string        `json:"entries,omitempty"`
	Reason   string          `json:"reason,omitempty"`
	Score    float64         `json:"score"`
	Replies  []string        `json:"replies"`
	Segments int             `json:"segments"`
	Decision domain.Decision `json:"-"`
}

// Tally counts outcomes.
type Tally struct {
	Total     int `json:"total"`
	Correct   int `json:"correct"`
	Escalated int `json:"escalated"`
	Clarified int `json:"clarified"`
	Wrong     int `json:"wrong"`
	Missed    int `json:"missed"`
}

func (t *Tally) add(result string) {
	t.Total++
	switch result {
	case Correct:
		t.Correct++
	case Escalated:
		t.Escalated++
	case Clarified:
		t.Clarified++
	case Wrong:
		t.Wrong++
	case Missed:
		t.Missed++
	}
}

// Rate returns n as a share of the total.
func (t Tally) Rate(n int) float64 {
	if t.Total == 0 {
		return 0
	}
	return float64(n) / float64(t.Total)
}

// Report is the result of a run.
type Report struct {
	Outcomes []Outcome `json:"-"`
	// InScope counts questions some entry should answer; OutOfScope those that
	// must escalate (Correct means escalated); SmallTalk greetings and thanks.
	InScope    Tally            `json:"in_scope"`
	OutOfScope Tally            `json:"out_of_scope"`
	SmallTalk  Tally            `json:"small_talk"`
	Overall    Tally            `json:"overall"`
	ByKind     map[string]Tally `json:"by_kind"`
	// Segments per reply to the asked question (not to earlier turns).
	MeanSegments float64   `json:"mean_segments"`
	MaxSegments  int       `json:"max_segments"`
	WrongCases   []Outcome `json:"wrong"`
}

// classify says how an outcome counts against its case.
func classify(c Case, action domain.Action, entries []string) string {
	answered := action == domain.ActionAnswer && len(entries) > 0
	switch {
	case c.Expect == SmallTalk:
		switch {
		case action == domain.ActionSmallTalk:
			return Correct
		case answered:
			return Wrong
		default:
			return Escalated
		}
	case c.Expect == Escalate:
		switch {
		case answered:
			return Wrong
		case action == domain.ActionSmallTalk, action == domain.ActionClarify:
			return Missed
		default:
			return Correct
		}
	}
	switch {
	case answered:
		for _, id := range entries {
			if !c.Accepts(id) {
				return Wrong
			}
		}
		return Correct
	case action == domain.ActionClarify:
		return Clarified
	default:
		return Escalated
	}
}

// Run sends every case, from a fresh number each, through the line.
func Run(ctx context.Context, line Line, cases []Case) (Report, error) {
	outcomes := make([]Outcome, 0, len(cases))
	for i, c := range cases {
		phone := fmt.Sprintf("+1555%07d", i+1)
		for _, b := range c.Before {
			if _, err := line(ctx, phone, b); err != nil {
				return Report{}, fmt.Errorf("case %d, earlier turn %q: %w", i+1, b, err)
			}
		}
		reply, err := line(ctx, phone, c.Text)
		if err != nil {
			return Report{}, fmt.Errorf("case %d %q: %w", i+1, c.Text, err)
		}
		o := Outcome{Case: c, Replies: reply.Messages}
		if d := reply.Decision; d != nil {
			o.Decision, o.Action, o.Entries, o.Reason, o.Score = *d, d.Action, d.AnsweredIDs(), d.Reason, d.Score
		} else {
			o.Action = "hold"
		}
		for _, m := range reply.Messages {
			o.Segments += gsm.Measure(m).Segments
		}
		o.Result = classify(c, o.Action, o.Entries)
		outcomes = append(outcomes, o)
	}
	return Summarize(outcomes), nil
}

// Summarize reports on outcomes (of one run, or of several put together).
func Summarize(outcomes []Outcome) Report {
	rep := Report{ByKind: map[string]Tally{}, Outcomes: outcomes}
	totalSegments, replies := 0, 0
	for _, o := range outcomes {
		for _, m := range o.Replies {
			rep.MaxSegments = max(rep.MaxSegments, gsm.Measure(m).Segments)
			replies++
		}
		totalSegments += o.Segments
		c := o.Case
		switch {
		case c.Expect == SmallTalk:
			rep.SmallTalk.add(o.Result)
		case c.InScope():
			rep.InScope.add(o.Result)
		default:
			rep.OutOfScope.add(o.Result)
		}
		rep.Overall.add(o.Result)
		k := rep.ByKind[c.Kind]
		k.add(o.Result)
		rep.ByKind[c.Kind] = k
		if o.Result == Wrong {
			rep.WrongCases = append(rep.WrongCases, o)
		}
	}
	if replies > 0 {
		rep.MeanSegments = math.Round(100*float64(totalSegments)/float64(replies)) / 100
	}
	return rep
}

// Summary is a human-readable report.
func (r Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "in scope:     %3d, %3d answered correctly (%.1f%%), %d escalated, %d clarification asked, %d answered wrongly\n",
		r.InScope.Total, r.InScope.Correct, 100*r.InScope.Rate(r.InScope.Correct), r.InScope.Escalated, r.InScope.Clarified, r.InScope.Wrong)
	fmt.Fprintf(&b, "out of scope: %3d, %3d escalated (%.1f%%), %d answered with knowledge, %d got small talk\n",
		r.OutOfScope.Total, r.OutOfScope.Correct, 100*r.OutOfScope.Rate(r.OutOfScope.Correct), r.OutOfScope.Wrong, r.OutOfScope.Missed)
	fmt.Fprintf(&b, "small talk:   %3d, %3d answered in kind, %d escalated, %d answered with knowledge\n",
		r.SmallTalk.Total, r.SmallTalk.Correct, r.SmallTalk.Escalated, r.SmallTalk.Wrong)
	fmt.Fprintf(&b, "overall:      %3d, %3d right (%.1f%%), %d wrong (%.1f%%), %d clarification asked\n",
		r.Overall.Total, r.Overall.Correct, 100*r.Overall.Rate(r.Overall.Correct), r.Overall.Wrong, 100*r.Overall.Rate(r.Overall.Wrong), r.Overall.Clarified)
	fmt.Fprintf(&b, "segments per reply: mean %.2f, max %d\n", r.MeanSegments, r.MaxSegments)
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t := r.ByKind[k]
		fmt.Fprintf(&b, "  %-13s %3d: %3d right, %3d escalated, %d clarify, %d wrong, %d missed\n", k, t.Total, t.Correct, t.Escalated, t.Clarified, t.Wrong, t.Missed)
	}
	for _, o := range r.WrongCases {
		fmt.Fprintf(&b, "WRONG %q: answered %s, want %s (score %.2f)\n", o.Case.Text, strings.Join(o.Entries, "&"), o.Case.Expect, o.Score)
	}
	return b.String()
}
