package decide

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sideguy/sideguy-text/internal/classify"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/lexicon"
	"github.com/sideguy/sideguy-text/internal/rx"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// Thresholds decide when the best entry is good enough to send.
type Thresholds struct {
	// MinScore is the lowest confidence (0 to 1) that answers.
	MinScore float64
	// MinMargin is how far ahead of the runner-up the best entry must be.
	MinMargin float64
	// MinCoverage is the least weighted share of the question the entry must know.
	MinCoverage float64
	// MinMatch is how closely the question must resemble one of the entry's
	// phrasings: words its answer merely mentions do not make it the answer.
	MinMatch float64
	// MinLearned is the least probability with which the learned model
	// answers a text the knowledge base's words leave unsure (1 turns the
	// model off).
	MinLearned float64
}

// DefaultThresholds were set on knowledge/eval/dev.yaml (see TestDevSet) and
// checked on question sets written apart from it. They sit on a plateau:
// MinScore anywhere in 0.5-0.6 and MinMargin in 0.03-0.04 give the same
// decisions there; MinCoverage is the one that matters (0.7 lets wrong answers
// through, 0.8 escalates good ones). MinMatch 0.4 is below every right answer
// on dev.yaml (the lowest match 0.44) and above questions that only share an
// answer's side words ("how big should our soc 2 scope be", 0.34). Score is the
// mean of Match and Coverage, both shares on an absolute scale, so one
// threshold means the same for every question; the margin is taken against the
// best entry whose answer is not related (family.go).
func DefaultThresholds() Thresholds {
	return Thresholds{MinScore: 0.6, MinMargin: 0.04, MinCoverage: 0.75, MinMatch: 0.4, MinLearned: 0.4}
}

// Decider makes decisions on questions. It is safe for concurrent use.
type Decider struct {
	index  *search.Index
	norm   *textnorm.Normalizer
	limits Thresholds
	human  []rule
	scope  []rule
	family family
	// smallTalk are the words a greeting, thanks or "ok" is made of.
	smallTalk map[string]bool
	controls  controlPatterns
	turn      turnPatterns
	// selfRef names the line itself: only a question that does is about it.
	selfRef *rx.Regexp
	// anchors are the frameworks and their parts as normalised: a text
	// naming one is not small talk.
	anchors map[string]bool
	// lexicon tells everyday words from those that name a subject.
	lexicon *lexicon.Lexicon
	// spoken writes out what voice typing spells ("see see six point one").
	spoken *textnorm.Spoken
	// model, when set, answers texts the entries' words leave unsure.
	model *classify.Model
	// recent remembers the latest turns' decisions: a busy line hears the
	// same texts again ("thanks", "what is soc 2", a flood of one text).
	recent decisions
}

// New builds a Decider over an index.
func New(index *search.Index, norm *textnorm.Normalizer, limits Thresholds, opts ...Option) *Decider {
	d := &Decider{index: index, norm: norm, spoken: textnorm.NewSpoken(), limits: limits, human: humanRules(), scope: scopeRules(),
		family: newFamily(relatedPairs), lexicon: index.Lexicon(), anchors: anchorTokens(), smallTalk: smallTalkWords(), controls: newControlPatterns(), turn: newTurnPatterns(),
		selfRef: rx.MustCompile(`\b(this|these|you|your|yours|sideguy|pj|zonis|line|number|bot|texting|text|texts|here|answers|talking|chatting|speaking)\b`)}
	for _, o := range opts {
		o(d)
	}
	return d
}

// Decide answers or escalates one question.
func (d *Decider) Decide(question string) (domain.Decision, error) {
	return d.decide(question, true)
}

// decide is Decide; disputes false reads a text that says something is
// wrong as telling its situation, not disputing an answer (a thread's first
// text, which has no answer to dispute).
func (d *Decider) decide(question string, disputes bool) (domain.Decision, error) {
	q := strings.TrimSpace(question)
	if q == "" {
		return escalate("empty message", ""), nil
	}
	norm := d.norm.Normalize(q)
	for _, r := range d.human {
		if r.matches(norm) && (disputes || r.name != disputeReason) {
			return escalate(r.name, ""), nil
		}
	}
	res, err := d.index.Search(q)
	if err != nil {
		return domain.Decision{}, fmt.Errorf("decide: %w", err)
	}
	// The operator taught the line this very question: their answer stands,
	// even on topics the shipped knowledge must not touch (prices, auditors).
	if dec, ok := d.taught(res); ok {
		return dec, nil
	}
	if d.isSmallTalk(q, norm) {
		return domain.Decision{Action: domain.ActionSmallTalk, Talk: talkKind(norm), Reason: "small talk"}, nil
	}
	asked := askedPart(norm)
	for _, r := range d.scope {
		target := norm
		if r.asked && asked != "" {
			target = asked
		}
		if r.matches(target) {
			return escalate("out of scope: "+r.name, ""), nil
		}
	}
	if len(res.Candidates) == 0 {
		return escalate("no matching entry", ""), nil
	}
	best, rival := d.pick(res)
	def := d.definition(norm, res)
	dec := domain.Decision{Score: round(best.Score), Candidate: best.Entry.ID}
	switch {
	case aboutLine.MatchString(norm):
		// "what can i ask here", "how does this work": what the line is for,
		// though every word of it is everyday.
		if e, ok := d.index.Entry("about"); ok {
			dec.Action, dec.Entry, dec.Candidate, dec.Reason = domain.ActionAnswer, e, e.ID, "asks what this line is for"
		} else {
			dec.Action, dec.Reason = domain.ActionEscalate, "asks what this line is for"
		}
	case best.Entry.ID == "about" && (!d.selfRef.MatchString(norm) || !aboutAsk.MatchString(norm)):
		// "who audits iso 27001" is not about the line.
		dec.Action, dec.Reason = domain.ActionEscalate, notThisLine
	case !namesOwnPart(best.Entry.ID, res.Normalized):
		// "how much do they overlap, or are they two separate projects":
		// ISO 27701's answer is for a question on ISO 27701.
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("best entry %s %s", best.Entry.ID, partNotNamed)
	case d.missesPart(res, best) != "":
		// "do we need a separate soa for each site?" is on the SoA, whatever
		// else the other words pick.
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("best entry %s does not know the %s the question asks about", best.Entry.ID, d.missesPart(res, best))
	case def != nil:
		// "can someone explain what an isms is in normal human words": what
		// a part is, in everyday words around it.
		dec.Action, dec.Entry, dec.Candidate, dec.Reason = domain.ActionAnswer, def, def.ID, "what "+def.ID+" is, asked in everyday words"
	case best.Coverage < d.limits.MinCoverage:
		dec.Action, dec.Reason = domain.ActionEscalate, unknownWords+strings.Join(res.Unknown, ", ")
		if len(res.Unknown) == 0 {
			dec.Reason = fmt.Sprintf("best entry %s covers too little of the question (%.2f)", best.Entry.ID, best.Coverage)
		}
	case best.Specific == 0:
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("too general: nothing in the question picks %s over the rest", best.Entry.ID)
		if opts, ok := d.comparison(res); ok {
			// "soc 2 vs iso": how alike they are, or the short verdict.
			dec.Action, dec.Options, dec.Reason = domain.ActionClarify, opts, "names the two frameworks and nothing else: which reading"
			if e := d.onlyReading(res.Normalized); e != nil {
				// "27k only stuff vs soc2": what one has that the other lacks.
				dec.Action, dec.Entry, dec.Candidate, dec.Options, dec.Reason = domain.ActionAnswer, e, e.ID, nil, "names the two frameworks, and what one alone has: "+e.ID
			} else if e := comparisonReading(res.Normalized, opts); e != nil {
				// "how much of soc 2 and iso is the same work": that reading.
				dec.Action, dec.Entry, dec.Candidate, dec.Options, dec.Reason = domain.ActionAnswer, e, e.ID, nil, "names the two frameworks, and how they compare: "+e.ID
			}
		}
	case best.Match < d.limits.MinMatch:
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("not confident: the question is like none of %s's phrasings (%.2f)", best.Entry.ID, best.Match)
	case best.Score < d.limits.MinScore:
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("not confident: best entry %s scores %.2f", best.Entry.ID, best.Score)
	case rival != nil && best.Score-rival.Score < d.limits.MinMargin:
		dec.Action, dec.Reason = domain.ActionEscalate, fmt.Sprintf("ambiguous: %s and %s score alike", best.Entry.ID, rival.Entry.ID)
		if rival.Score >= d.limits.MinScore && rival.Coverage >= d.limits.MinCoverage && rival.Specific > 0 &&
			distinct(best, *rival) {
			// Both would do on their own, each for its own words: ask which
			// one the texter meant.
			dec.Action, dec.Options = domain.ActionClarify, []*domain.Entry{best.Entry, rival.Entry}
		}
	default:
		dec.Action, dec.Entry, dec.Reason = domain.ActionAnswer, best.Entry, confidentMatch
		if second, ok := d.secondPart(res, best); ok {
			dec.Entries, dec.Reason = []*domain.Entry{best.Entry, second.Entry}, "two parts of one question"
		}
	}
	return dec, nil
}

// confidentMatch is the reason of an answer whose entry the words pick
// clearly.
const confidentMatch = "confident match"

// anchorTokens are the normalised tokens that name a framework or a part of
// one.
func anchorTokens() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields("soc2 soc1 soc3 iso27001 iso27701 tsc annexa isms soa processingintegrity commoncriteria type1 type2 soc2toiso isotosoc2 soc2oriso soc2only isoonly") {
		m[t] = true
	}
	return m
}

// socPrivacy names SOC 2's side of privacy: the framework, its criteria or
// the P series.
var socPrivacy = rx.MustCompile(`\b(soc2|tsc|p\s*series|p[1-8](\.\d+)?|criteria|criterion|category|categories)\b`)

// privacyAddOn names ISO 27001's privacy add-on without its number.
var privacyAddOn = rx.MustCompile(`\bprivacy\s+(add\s*on|addon|extension|bolt\s*on)\b|\b(add\s*on|addon|extension|bolt\s*on)\s+(for|to|of)\s+privacy\b`)

// aboutAsk asks what or who the line is: "who is this", "what can i ask
// here", "is this pj". "i'm not asking you to write it" is not one.
var aboutAsk = rx.MustCompile(`\b(who|whose|whom|what is this|what s this|whats this|what is sideguy|what are you|are you|is this|how does this|how do you|what can i|what do you|sideguy|pj|this line|this number|this service|this thing|this bot|what can you)\b`)

// aboutLine is a whole text asking what the line is for or how it works.
var aboutLine = rx.MustCompile(`^\W*((ok|so|hi|hey|hello)\s+)*(what can i (ask|text|send)( you| here| about| this number)?|how does (this|this line|this number|this service|it) work|what (do|can) you (do|cover|answer|help with)|what can you help (me |us )?with|what is this (line|number|service) for)\s*(\.\s*)*$`)

// notThisLine is the reason of an escalation whose best entry is the one on
// this line, for a question that asks who but not about it.
const notThisLine = "asks who, but not about this line"

// partEntries are the entries that say what a part of a framework is, by
// the part's analysed term.
var partEntries = map[string]string{"ism": "isms", "soa": "soa", "iso27701": "iso-27701", "annexa": "annex-a",
	"commoncriteria": "common-criteria"}

// definitionCue asks what something is.
var definitionCue = rx.MustCompile(`\b(what is|what are|what means|explain|define|meaning of|tell me about)\b(\s+\S+){0,4}?\s+(isms|soa|iso27701|annexa|commoncriteria)\b|\b(isms|soa|iso27701|annexa|commoncriteria)\b.{0,20}\b(mean|means|meaning|stand for|stands for)\b`)

// definitionNot are words that make a question more than what a part is:
// whether one needs it, what to add, where it maps.
var definitionNot = rx.MustCompile(`\b(need|needs|needed|require|requires|required|have to|has to|must|add|adding|cover|covers|map|maps|mapping|vs|versus|compare|difference|different|audit|audits|cost|long)\b`)

// definition is the entry that says what a part is, for a question that asks
// what it is and says nothing else a knowledge entry knows: one part named,
// no move, no word no entry knows, and every other topic word an everyday
// one ("what means ISMS, i dont understand this abbreviation"). Else nil.
func (d *Decider) definition(norm string, res search.Result) *domain.Entry {
	if len(res.Unknown) > 0 || !definitionCue.MatchString(norm) || definitionNot.MatchString(norm) {
		return nil
	}
	part := ""
	for _, t := range res.Named {
		switch {
		case t == "soc2" || t == "iso27001":
		case partEntries[t] != "" && part == "":
			part = t
		default:
			return nil
		}
	}
	if part == "" {
		return nil
	}
	for _, t := range res.Topic {
		if t == part || t == "soc2" || t == "iso27001" {
			continue
		}
		for _, c := range res.Candidates {
			if contains(c.Known, t) {
				return nil
			}
		}
	}
	e, ok := d.index.Entry(partEntries[part])
	if !ok {
		return nil
	}
	return e
}

// pick chooses the entry to answer with among candidates (best first) and the
// rival it must beat by the margin: the best candidate whose answer is not
// related to it, and that does not answer the opposite move to the one asked.
// On a near-tie between a summary entry and a related specific one, the
// specific one is chosen, when the question picks it among the summary's other
// parts ("privacy" picks the privacy row; "map" picks no row).
func (d *Decider) pick(res search.Result) (best search.Candidate, rival *search.Candidate) {
	cands := res.Candidates
	best = cands[0]
	if _, row := rowCategories[best.Entry.ID]; row && !rowNamed(cands, best) {
		// "how do the soc 2 categories match up to annex a": every word that
		// picks the privacy row picks another row too; the question names
		// no one row.
		for _, c := range cands[1:] {
			if _, r := rowCategories[c.Entry.ID]; !r || rowNamed(cands, c) {
				best = c
				break
			}
		}
	}
	if best.Entry.ID != "iso-2013" && (contains(res.Terms, "2013") || oldEdition.MatchString(res.Normalized)) && editionChange.MatchString(res.Normalized) {
		// "certified under 2013, how is the 2022 annex a laid out
		// differently?": what changed between the editions.
		for _, c := range cands {
			if c.Entry.ID == "iso-2013" {
				best = c
				break
			}
		}
	}
	if best.Entry.ID == "row-privacy" && (contains(res.Named, "iso27701") || privacyAddOn.MatchString(res.Normalized)) && !socPrivacy.MatchString(res.Normalized) {
		// "27701... isn't that just 27001 wearing a privacy hat?": on ISO
		// 27701, not on where SOC 2's Privacy category maps.
		for _, c := range cands {
			if c.Entry.ID == "iso-27701" {
				best = c
				break
			}
		}
	}
	if summaries[best.Entry.ID] {
		// "where do the soc 2 privacy criteria end up on the iso side": the
		// row of the one category the question names, when it is sure.
		var named []search.Candidate
		for _, c := range cands {
			if cat, ok := rowCategories[c.Entry.ID]; ok && contains(res.Topic, cat) {
				named = append(named, c)
			}
		}
		if len(named) == 1 && named[0].Score >= d.limits.MinScore && named[0].Coverage >= d.limits.MinCoverage &&
			named[0].Match >= d.limits.MinMatch && d.family.related(best.Entry.ID, named[0].Entry.ID) {
			best = named[0]
		}
	}
	if len(cands) > 1 {
		next := cands[1]
		if summaries[best.Entry.ID] && !summaries[next.Entry.ID] && d.family.related(best.Entry.ID, next.Entry.ID) &&
			best.Score-next.Score < d.limits.MinMargin && !d.siblingTie(cands, best, next) {
			best = next
		}
	}

	for i := range cands {
		c := &cands[i]
		if c.Entry.ID == best.Entry.ID || d.family.related(best.Entry.ID, c.Entry.ID) || (c.Opposed && !best.Opposed) {
			continue
		}
		if cat, ok := rowCategories[c.Entry.ID]; ok && !contains(res.Topic, cat) && len(res.Unknown) == 0 {
			continue
		}
		if c.Score > best.Score {
			// A summary the chosen entry was preferred to, and its other relatives.
			continue
		}
		return best, c
	}
	return best, nil
}

// editionChange asks how the editions differ.
var editionChange = rx.MustCompile(`\b(differ\w*|chang\w*|laid out|layout|reorgani[sz]\w*|restructur\w*|structure)\b`)

// oldEdition names ISO 27001's previous edition without its year.
var oldEdition = rx.MustCompile(`\b(old|older|previous|earlier|prior|original)\s+(iso27001\s+)?(version|edition|annexa)\b`)

// rowWords name the rows as a kind ("the categories", "the criteria"), as
// analysed terms: they name no one row.
var rowWords = map[string]bool{"categori": true, "criteria": true, "criterion": true, "tsc": true}

// rowNamed reports whether a question picks a category row by a word of its
// own: one that no other row among the candidates knows ("uptime" picks
// Availability; "categories" and "annex a" pick every row).
func rowNamed(cands []search.Candidate, row search.Candidate) bool {
	for _, p := range row.Picks {
		if rowWords[p] {
			continue
		}
		shared := false
		for _, c := range cands {
			if _, r := rowCategories[c.Entry.ID]; !r || c.Entry.ID == row.Entry.ID {
				continue
			}
			if contains(c.Picks, p) {
				shared = true
				break
			}
		}
		if !shared {
			return true
		}
	}
	return false
}

// secondPart finds the entry that answers the rest of a question naming two
// parts of one summary ("privacy and availability in iso?"): a sibling of the
// best entry under the summary, confident on its own, that knows the topic
// words the best entry does not, so that the two know them all.
func (d *Decider) secondPart(res search.Result, best search.Candidate) (search.Candidate, bool) {
	if len(best.Known) == len(res.Topic) || summaries[best.Entry.ID] {
		return best, false
	}
	var second search.Candidate
	found := false
	for _, c := range res.Candidates {
		if c.Entry.ID == best.Entry.ID || summaries[c.Entry.ID] || d.family.related(best.Entry.ID, c.Entry.ID) ||
			!d.siblings(best.Entry.ID, c.Entry.ID) {
			continue
		}
		if c.Score < d.limits.MinScore || c.Match < d.limits.MinMatch || c.Specific == 0 || !distinct(best, c) {
			continue
		}
		if len(union(best.Known, c.Known)) == len(res.Topic) && namesCategory(c, best) {
			if found {
				// Two siblings know the rest alike ("any match" is in every
				// row): the question names neither.
				return best, false
			}
			second, found = c, true
		}
	}
	if found {
		return second, true
	}
	return best, false
}

// namesCategory reports whether the question names the category (or part)
// that second knows and best does not: "privacy and availability in iso?"
// names both rows; "telehealth, uptime is everything" names one.
func namesCategory(second, best search.Candidate) bool {
	for _, t := range second.Known {
		if (categories[t] || parts[t]) && !contains(best.Known, t) {
			return true
		}
	}
	return false
}

// siblings reports whether two entries are parts of one summary.
func (d *Decider) siblings(a, b string) bool {
	for sum := range summaries {
		if d.family.related(sum, a) && d.family.related(sum, b) {
			return true
		}
	}
	return false
}

// union merges two sorted term lists.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range append(append([]string{}, a...), b...) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// siblingTie reports whether another part of the summary scores as well as
// part: then the question names none of them in particular.
func (d *Decider) siblingTie(cands []search.Candidate, summary, part search.Candidate) bool {
	for _, c := range cands {
		if c.Entry.ID == summary.Entry.ID || c.Entry.ID == part.Entry.ID || summaries[c.Entry.ID] ||
			!d.family.related(summary.Entry.ID, c.Entry.ID) {
			continue
		}
		if part.Score-c.Score < d.limits.MinMargin {
			return true
		}
	}
	return false
}

// distinct reports whether two entries are two readings of a question: each
// knows a word of it the other does not. Entries that match on the same words
// tie by accident, and a menu of them would be silly.
func distinct(a, b search.Candidate) bool {
	return !subset(a.Known, b.Known) && !subset(b.Known, a.Known)
}

// subset reports whether every term of a (sorted) is in b (sorted).
func subset(a, b []string) bool {
	j := 0
	for _, t := range a {
		for j < len(b) && b[j] < t {
			j++
		}
		if j == len(b) || b[j] != t {
			return false
		}
	}
	return true
}

// unknownWords starts the reason of an escalation for topic words no entry
// knows.
const unknownWords = "the knowledge base does not cover "

// taughtMatch is how closely a question must match a taught entry for the
// operator's answer to be sent ahead of every other rule.
const taughtMatch = 0.9

// taught answers with an operator-taught entry when the question is (nearly)
// the question it was taught on, and clearly ahead of any other entry.
func (d *Decider) taught(res search.Result) (domain.Decision, bool) {
	if len(res.Candidates) == 0 {
		return domain.Decision{}, false
	}
	best := res.Candidates[0]
	if !best.Entry.Taught || best.Match < taughtMatch || best.Coverage < taughtMatch {
		return domain.Decision{}, false
	}
	if len(res.Candidates) > 1 && best.Score-res.Candidates[1].Score < d.limits.MinMargin {
		return domain.Decision{}, false
	}
	return domain.Decision{Action: domain.ActionAnswer, Entry: best.Entry, Score: round(best.Score),
		Candidate: best.Entry.ID, Reason: "taught by the operator"}, true
}

func escalate(reason, candidate string) domain.Decision {
	return domain.Decision{Action: domain.ActionEscalate, Reason: reason, Candidate: candidate}
}

func round(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// askedPart is the sentence of a normalised text that asks (the last with
// a question word in it, or starting with an auxiliary), with what follows
// it ("... how much of what we have counts. ballpark?"), when the text has
// sentences before it that tell a situation and the question does not point
// back at them ("is that normal?"). Otherwise it is "": the whole text is the
// question.
func askedPart(norm string) string {
	if !strings.Contains(norm, " . ") {
		return ""
	}
	var sentences []string
	for _, s := range strings.Split(norm, " . ") {
		if s = strings.Trim(s, " ."); s != "" {
			sentences = append(sentences, s)
		}
	}
	if len(sentences) < 2 {
		return ""
	}
	ask := -1
	for i := len(sentences) - 1; i >= 0; i-- {
		if asksOutright(sentences[i]) {
			ask = i
			break
		}
	}
	if ask < 0 {
		// No sentence asks in so many words ("we take card payments,
		// does soc 2 cover pci too? asking for my son"): the whole text.
		return ""
	}
	words := strings.Fields(sentences[ask])
	if bare(words) {
		// "I heard PCI DSS overlaps with SOC 2 a lot too. how much?": the
		// question is the story's.
		return ""
	}
	for i, w := range words {
		if w == "then" && i > 0 && words[i-1] == "back" {
			// "how was it laid out back then": a time, not a pointer.
			continue
		}
		if w == "this" && i+1 < len(words) && timeWords[words[i+1]] {
			// "if we can only do one this year, which?": a time too.
			continue
		}
		if w == "so" && i+1 < len(words) {
			// "so what is the isms part exactly": a start, not "is that so".
			continue
		}
		if pointers[w] || (len(words) <= 3 && (tags[w] || auxCues[words[0]] && subjects[words[len(words)-1]])) {
			// "is that normal?", or "true?" after the claim it asks about.
			return ""
		}
	}
	// Questions asked one after another are all asked: "does gdpr map to
	// the soc2 p series . are we covered for eu".
	for ask > 0 && asksOutright(sentences[ask-1]) {
		ask--
	}
	return strings.Join(sentences[ask:], " . ")
}

// asksOutright reports whether a sentence asks, in so many words.
func asksOutright(sentence string) bool {
	for j, w := range strings.Fields(sentence) {
		if askCues[w] || (j == 0 && auxCues[w]) {
			return true
		}
	}
	return false
}

// bare reports whether a sentence is only question words ("how much?",
// "why not?", "which one?"), asking about what came before it.
func bare(words []string) bool {
	for _, w := range words {
		if !askCues[w] && !bareWords[w] {
			return false
		}
	}
	return true
}

// bareWords finish a question word without a subject of their own.
var bareWords = map[string]bool{"much": true, "many": true, "come": true, "exactly": true, "though": true,
	"not": true, "one": true, "ones": true, "else": true, "then": true}

// timeWords follow "this" when it names a time rather than pointing back.
var timeWords = map[string]bool{"year": true, "quarter": true, "month": true, "week": true,
	"sprint": true, "spring": true, "summer": true, "fall": true, "autumn": true, "winter": true}

// subjects end a short question that asks whether what was said before it
// holds for the texter: "would we?", "can i?".
var subjects = map[string]bool{"we": true, "i": true, "you": true, "they": true, "he": true, "she": true}

// tags are the words of a short question that asks whether what was said
// before it holds: "true?", "right?", "correct?".
var tags = map[string]bool{"true": true, "right": true, "correct": true, "accurate": true, "legit": true, "yes": true, "no": true, "really": true}

// pointers are the words with which a question points back at what the
// text told before it.
var pointers = map[string]bool{"it": true, "that": true, "this": true, "those": true, "these": true,
	"them": true, "they": true, "their": true, "there": true, "then": true, "so": true, "still": true}

// parts are the parts of a framework that a question can ask about (and the
// SOC 2 categories), as analysed terms: an entry that knows none of one the question names answers
// something else. (The frameworks themselves, the TSC and the moves are
// named by most questions and known by most entries.)
var parts = map[string]bool{"ism": true, "soa": true, "annexa": true, "iso27701": true, "type1": true, "type2": true}

// categories are the SOC 2 categories, as analysed terms: an entry that
// knows none of those a question names answers something else; one that
// knows one of two may answer a part ("privacy and availability in iso?").
var categories = map[string]bool{"avail": true, "confidenti": true, "processingintegr": true, "privaci": true}

// missesPart returns a part of a framework (isms, soa, annexa, ...) that the
// question asks about and the best entry does not know, or "".
func (d *Decider) missesPart(res search.Result, best search.Candidate) string {
	missed, knowsCategory := "", false
	for _, t := range res.Topic {
		switch {
		case contains(best.Known, t):
			knowsCategory = knowsCategory || categories[t]
		case parts[t]:
			return t
		case categories[t] && missed == "":
			missed = t
		}
	}
	if knowsCategory {
		return ""
	}
	return missed
}

// contains reports whether a sorted term list holds t.
func contains(list []string, t string) bool {
	i := sort.SearchStrings(list, t)
	return i < len(list) && list[i] == t
}
