package eval

import (
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Escalate is the expectation that the operator, not the line, answers.
const Escalate = "escalate"

// Case is one question and what should happen to it.
type Case struct {
	Text string `yaml:"text"`
	Kind string `yaml:"kind"`
	// Expect is an entry id, ids joined by "|", or "escalate".
	Expect string `yaml:"expect"`
}

// InScope reports whether some entry should answer the case.
func (c Case) InScope() bool { return c.Expect != Escalate }

// Accepts reports whether answering with entry id is right for the case.
func (c Case) Accepts(id string) bool {
	for _, want := range strings.Split(c.Expect, "|") {
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
		if strings.TrimSpace(c.Text) == "" && c.Expect != Escalate {
			return nil, fmt.Errorf("question set %s: question %d has no text", name, i+1)
		}
		if c.Expect == "" {
			return nil, fmt.Errorf("question set %s: question %d (%q) has no expect", name, i+1, c.Text)
		}
	}
	return f.Questions, nil
}

// Decider is what the evaluation runs: the line's decision on one question.
type Decider interface {
	Decide(question string) (domain.Decision, error)
}

// Outcome is what happened to one case.
type Outcome struct {
	Case     Case
	Decision domain.Decision
	// Result is "correct", "escalated" (an in-scope question the line passed on),
	// "wrong" (answered with the wrong entry, or answered an out-of-scope one) or
	// "held" (an out-of-scope question rightly escalated).
	Result string
}

// Tally counts outcomes.
type Tally struct {
	Total     int `json:"total"`
	Correct   int `json:"correct"`
	Escalated int `json:"escalated"`
	Wrong     int `json:"wrong"`
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
	Outcomes []Outcome
	// InScope counts questions some entry should answer.
	InScope Tally
	// OutOfScope counts questions that must escalate; Correct means escalated.
	OutOfScope Tally
	ByKind     map[string]Tally
}

// Accuracy is the share of all questions handled right: in-scope ones answered
// with an accepted entry and out-of-scope ones escalated.
func (r Report) Accuracy() float64 {
	n := r.InScope.Total + r.OutOfScope.Total
	if n == 0 {
		return 0
	}
	return float64(r.InScope.Correct+r.OutOfScope.Correct) / float64(n)
}

// Wrong lists the outcomes that answered wrongly.
func (r Report) Wrong() []Outcome {
	var out []Outcome
	for _, o := range r.Outcomes {
		if o.Result == "wrong" {
			out = append(out, o)
		}
	}
	return out
}

// Run decides every case.
func Run(d Decider, cases []Case) (Report, error) {
	rep := Report{ByKind: map[string]Tally{}}
	for _, c := range cases {
		dec, err := d.Decide(c.Text)
		if err != nil {
			return Report{}, fmt.Errorf("decide %q: %w", c.Text, err)
		}
		o := Outcome{Case: c, Decision: dec}
		answered := dec.Action == domain.ActionAnswer && dec.Entry != nil
		tally := &rep.OutOfScope
		if c.InScope() {
			tally = &rep.InScope
		}
		kind := rep.ByKind[c.Kind]
		switch {
		case c.InScope() && answered && c.Accepts(dec.Entry.ID):
			o.Result = "correct"
			tally.Correct++
			kind.Correct++
		case !c.InScope() && !answered:
			o.Result = "held"
			tally.Correct++
			kind.Correct++
		case answered:
			o.Result = "wrong"
			tally.Wrong++
			kind.Wrong++
		default:
			o.Result = "escalated"
			tally.Escalated++
			kind.Escalated++
		}
		tally.Total++
		kind.Total++
		rep.ByKind[c.Kind] = kind
		rep.Outcomes = append(rep.Outcomes, o)
	}
	return rep, nil
}

// Summary is a human-readable report.
func (r Report) Summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "in scope:     %3d questions, %3d answered correctly (%.1f%%), %3d escalated, %d answered wrongly\n",
		r.InScope.Total, r.InScope.Correct, 100*r.InScope.Rate(r.InScope.Correct), r.InScope.Escalated, r.InScope.Wrong)
	fmt.Fprintf(&b, "out of scope: %3d questions, %3d escalated (%.1f%%), %d answered with knowledge\n",
		r.OutOfScope.Total, r.OutOfScope.Correct, 100*r.OutOfScope.Rate(r.OutOfScope.Correct), r.OutOfScope.Wrong)
	fmt.Fprintf(&b, "overall accuracy %.1f%%\n", 100*r.Accuracy())
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t := r.ByKind[k]
		fmt.Fprintf(&b, "  %-13s %3d: %3d right, %3d escalated, %d wrong\n", k, t.Total, t.Correct, t.Escalated, t.Wrong)
	}
	for _, o := range r.Wrong() {
		fmt.Fprintf(&b, "WRONG %q: answered %s, want %s (score %.2f)\n", o.Case.Text, o.Decision.Entry.ID, o.Case.Expect, o.Decision.Score)
	}
	return b.String()
}
