package decide

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/sideguy/sideguy-text/internal/classify"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/eval"
	"github.com/sideguy/sideguy-text/internal/rx"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// Option configures a Decider.
type Option func(*Decider)

// WithModel lets a model learned from labelled texts answer what the
// knowledge base's own words leave unsure (see learned).
func WithModel(m *classify.Model) Option {
	return func(d *Decider) { d.model = m }
}

// Learn trains a model on labelled texts: a question set's texts whose right
// answers are entries known here, an escalation or small talk. A follow-up
// is learned with the words of the text it followed (see features), and
// each single text once more as if it followed another, unrelated one: a
// question earlier on the thread must not sway a new one. On the development
// set's cross-validation (eval --folds 8), learning follow-ups and the
// second reading answered 46 more texts right for 3 more wrong, single texts
// gaining most.
func Learn(cases []eval.Case, norm *textnorm.Normalizer, known func(id string) bool) (*classify.Model, error) {
	type labelled struct {
		text, before string
		labels       []string
	}
	var items []labelled
	var singles []int
	for _, c := range cases {
		var labels []string
		for _, l := range strings.FieldsFunc(c.Expect, func(r rune) bool { return r == '|' || r == '&' }) {
			if l = strings.TrimSpace(l); l == eval.Escalate || l == eval.SmallTalk || known(l) {
				labels = append(labels, l)
			}
		}
		if len(labels) == 0 {
			continue
		}
		it := labelled{text: c.Text, labels: labels}
		if n := len(c.Before); n > 0 {
			it.before = c.Before[n-1]
		} else {
			singles = append(singles, len(items))
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("learn: no question is answered by this knowledge base")
	}
	examples := make([]classify.Example, len(items), len(items)+len(singles))
	normalized := make([]string, len(items))
	// Normalising thousands of texts is most of start-up: on every core.
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(items); i += workers {
				normalized[i] = norm.Normalize(items[i].text)
				f := classify.Features(normalized[i])
				if items[i].before != "" {
					f = append(f, previousFeatures(norm.Normalize(items[i].before))...)
				}
				// Hashed at once: the strings of seventeen thousand
				// examples would be most of start-up's memory.
				examples[i] = classify.Example{Labels: items[i].labels, Hashed: classify.Hash(f)}
			}
		}()
	}
	wg.Wait()
	for j, i := range singles {
		// A fixed, scattered pick: the same model from the same texts.
		other := normalized[singles[(j*7919+13)%len(singles)]]
		f := append(slices.Clone(examples[i].Hashed), classify.Hash(previousFeatures(other))...)
		examples = append(examples, classify.Example{Labels: items[i].labels, Hashed: f})
	}
	return classify.Train(examples, classify.DefaultOptions()), nil
}

// features are what the model reads of a text: its own (classify.Features)
// and, when it follows another question on the thread, that one's words.
func features(norm *textnorm.Normalizer, text, previous string) []string {
	f := classify.Features(norm.Normalize(text))
	if previous == "" {
		return f
	}
	return append(f, previousFeatures(norm.Normalize(previous))...)
}

// previousFeatures are the words of the (normalised) question a text
// followed, marked apart from the text's own.
func previousFeatures(normalized string) []string {
	words := strings.Fields(normalized)
	out := make([]string, 0, len(words)+1)
	for _, w := range words {
		out = append(out, "p:"+w)
	}
	return append(out, "p:^")
}

// maxEscalateChance is how likely the model may find it that the text must
// escalate and still answer it: on the development set, trained on some of
// its sets and tested on the rest, the answers it took away at 0.2 were
// about half of them wrong.
const maxEscalateChance = 0.2

// maxEscalateChanceAgreeing is maxEscalateChance when the model's entry is
// the one the words scored best: two readings agree, and on the development
// set's cross-validation (eval --folds 8) answering those at up to 0.3 was
// right 36 times in 40.
const maxEscalateChanceAgreeing = 0.3

// chance is the probability a model's guesses give a class.
func chance(guesses []classify.Guess, class string) float64 {
	for _, g := range guesses {
		if g.Class == class {
			return g.P
		}
	}
	return 0
}

// unsureReasons begin the reasons of escalations made only because no entry
// matched the text's words well enough (a follow-up's words read with the
// question before them included): none of them says the text must go
// to a person (out of scope, a dispute, a person asked for, an exact control
// mapping, a control's details). A best entry scoring under MinScore is not
// among them: that threshold is the operator's to raise.
var unsureReasons = []string{"not confident: the question is like none", "ambiguous:", "too general", "best entry ", unknownWords,
	notThisLine, "no matching entry", "points back at "}

// situational are the scope rules whose words also tell a texter's
// situation: "I'm in a meeting", "if we can only afford one", "our legal
// team asked", "by q3". The model may answer past them, surer than past an
// unsure escalation (minSituational, and escalate under
// maxEscalateSituational): on the development set's cross-validation
// (eval --folds 8) that answered 8 more texts right and none wrong, and
// adding other frameworks or the rest of the scope rules answered
// out-of-scope texts ("whats in the iso 27002 annex").
var situational = []string{"out of scope: price", "out of scope: scheduling", "out of scope: legal", "out of scope: timeline"}

// plainAsk words ask for a price or a duration in so many words ("type 1
// vs type 2, which is cheaper", "how long"): no situation, whatever the
// model reads.
var plainAsk = rx.MustCompile(`\b(cost|costs|costing|price|prices|pricing|priced|cheap|cheaper|cheapest|expensive|fee|fees|quote|quotes|how much|how long|how fast|how quickly|how soon|liable|liability|lawsuit|sue)\b`)

const (
	minSituational         = 0.6
	maxEscalateSituational = 0.1
)

// unsure reports whether an escalation was made only for want of a match.
func unsure(dec domain.Decision) bool {
	if dec.Action != domain.ActionEscalate || len(dec.ControlIDs) > 0 || dec.Partial {
		return false
	}
	for _, p := range unsureReasons {
		if strings.HasPrefix(dec.Reason, p) {
			return true
		}
	}
	return false
}

// situation reports whether an escalation was made by a situational scope
// rule alone (no control IDs, nothing answered) on a text that does not ask
// for a price or a duration in so many words.
func (d *Decider) situation(text string, dec domain.Decision) bool {
	if dec.Action != domain.ActionEscalate || len(dec.ControlIDs) > 0 || dec.Partial {
		return false
	}
	for _, p := range situational {
		if strings.HasPrefix(dec.Reason, p) {
			return !plainAsk.MatchString(d.norm.Normalize(text))
		}
	}
	return false
}

// learned answers an unsure escalation with the entry the model, trained on
// texts people wrote and their right answers, is confident of:
// texts whose words the entries' phrasings do not share ("sock two type
// too", a long story around the question) but like texts the model has
// seen answered. The model knows which texts must escalate too, so its
// verdict "escalate" keeps the escalation. It may also answer, surer, past a
// situational scope rule ("what are the tsc categories, I'm in a meeting").
func (d *Decider) learned(text string, dec domain.Decision, c domain.Context) domain.Decision {
	if d.model == nil || d.limits.MinLearned >= 1 {
		return dec
	}
	if dec.Action == domain.ActionAnswer && dec.Reason == confidentMatch {
		return d.vetted(text, dec, c)
	}
	past := d.situation(text, dec)
	if !past && !unsure(dec) {
		return dec
	}
	guesses := d.model.Predict(features(d.norm, text, c.PreviousQuestion))
	if len(guesses) == 0 {
		return dec
	}
	if past && (guesses[0].P < max(minSituational, d.limits.MinLearned) || chance(guesses, eval.Escalate) >= maxEscalateSituational) {
		return dec
	}
	if !past && !d.confident(guesses, dec.Candidate) {
		return dec
	}
	if guesses[0].Class == dec.Candidate && (strings.HasSuffix(dec.Reason, partNotNamed) || dec.Reason == notThisLine) {
		// The words' best entry was set aside because the text never names
		// what it is on ("the high-level layout of annex a" is no mapping,
		// "who signs it off" is not about this line):
		// the model's liking it is no reason to answer it after all.
		return dec
	}
	e, ok := d.index.Entry(guesses[0].Class)
	if !ok {
		// "escalate", "smalltalk", or an entry since removed.
		return dec
	}
	return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: round(guesses[0].P), Candidate: e.ID,
		Reason: fmt.Sprintf("learned from texts like it (%.2f; the words alone: %s)", guesses[0].P, dec.Reason)}
}

// maxVetoChance is how likely the model may find the entry the words answer
// with confidently and still be overruled. On the development set's
// cross-validation (eval --folds 8, 10,960 texts) overruling at 0.01 took
// away 13 of 86 wrong answers for 5 right ones, and answering the model's
// own guess where it is confident (see confident) won back 9 of those
// (6908 -> 6912 of 7229 in scope right, 86 -> 74 wrong); at 0.02 and 0.03
// each wrong answer taken away cost a right one.
const maxVetoChance = 0.01

// vetted returns a confident match unless the model, trained on what people
// wrote, finds its entry all but impossible for the text (under
// maxVetoChance): then the model's own answer when it is confident of one,
// else an escalation. "what does soc 2 cover that iso 27001 basically
// doesn't have an answer for" shares most of its words with the bottom
// line's phrasings, and is asking what SOC 2 alone has.
func (d *Decider) vetted(text string, dec domain.Decision, c domain.Context) domain.Decision {
	guesses := d.model.Predict(features(d.norm, text, c.PreviousQuestion))
	p := chance(guesses, dec.Entry.ID)
	if len(guesses) == 0 || p >= maxVetoChance {
		return dec
	}
	if d.confident(guesses, "") {
		if e, ok := d.index.Entry(guesses[0].Class); ok {
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: round(guesses[0].P), Candidate: e.ID,
				Reason: fmt.Sprintf("learned from texts like it (%.2f), over the words' %s (%.3f)", guesses[0].P, dec.Entry.ID, p)}
		}
	}
	return escalate(fmt.Sprintf("the words' %s is one texts like it never got (%.3f)", dec.Entry.ID, p), dec.Entry.ID)
}

// confident reports whether the model's first guess may answer: at
// MinLearned, or at half of it when the words' best entry (candidate) is the
// same one, and in either case unlikely to be a text that must escalate.
func (d *Decider) confident(guesses []classify.Guess, candidate string) bool {
	top, esc := guesses[0], chance(guesses, eval.Escalate)
	if top.Class == candidate && top.P >= d.limits.MinLearned/2 && esc < maxEscalateChanceAgreeing {
		return true
	}
	return top.P >= d.limits.MinLearned && esc < maxEscalateChance
}
