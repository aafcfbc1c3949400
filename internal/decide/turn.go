package decide

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/rx"
	"github.com/sideguy/sideguy-text/internal/search"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// turnPatterns recognise the shapes of a conversation.
type turnPatterns struct {
	otherWay *rx.Regexp
	// ellipsis starts a follow-up that names only what changes: "and cc8?",
	// "what about privacy".
	ellipsis *rx.Regexp
	// anaphor points back at the previous answer's subject: "does soc 2 need
	// one", "is that a soc 2 thing too".
	anaphor *rx.Regexp
	// pronoun stands for something named before: "is it certifiable",
	// "does soc 2 need one", "is that a soc 2 thing".
	pronoun *rx.Regexp
	// why asks the reason for the previous answer and nothing else.
	why *rx.Regexp
	// split cuts between questions; cutAt, when it matched, is the group
	// where the next question starts (its question word is kept).
	split   *rx.Regexp
	mapping *rx.Regexp
	// details asks what a single control holds: beyond what the sources say.
	details *rx.Regexp
	// judged asks whether leaving a control out, or covering it some way,
	// is enough: a judgement on the texter's own scope.
	judged *rx.Regexp
	// whatIs asks what a series is, rather than where it maps.
	whatIs *rx.Regexp
	iso    *rx.Regexp
	// seriesWord names the Common Criteria as a series ("which common
	// criteria series, CC5 or CC6?").
	seriesWord *rx.Regexp
	// newNumber asks what an old ID is called in the current edition.
	newNumber *rx.Regexp
	// oldNumber asks what a current ID was called in the 2013 edition.
	oldNumber *rx.Regexp
	// addressed speaks to the line or its answers: "you", "your answer".
	addressed *rx.Regexp
	// sameAs asks whether two things are the same.
	sameAs *rx.Regexp
	// edition2013 names the old edition.
	edition2013 *rx.Regexp
	// past asks how things were before.
	past *rx.Regexp
	// aboutWhat asks what a control or domain is about or covers.
	aboutWhat *rx.Regexp
	// elaborate asks what the words of an answer mean, or for examples.
	elaborate *rx.Regexp
	// backRef points a later part of a text back at an earlier one.
	backRef *rx.Regexp
	// whoIssues asks who issues or signs the report just talked of.
	whoIssues *rx.Regexp
	// justISO names ISO 27001 and nothing else ("ok so what is iso then"),
	// normalised.
	justISO *rx.Regexp
}

func newTurnPatterns() turnPatterns {
	const qword = `what|whats|what's|wat|how|hows|which|is|are|do|does|did|can|could|should|would|will|why|who|where|when`
	return turnPatterns{
		justISO:     rx.MustCompile(`^\W*((ok|okay|so|and|but|then|hmm)\s+)*((what|wat)\s+(is|s|about)\s+|how\s+about\s+)?iso27001(\s+(then|though|tho|too))?[\s.]*$`),
		whoIssues:   rx.MustCompile(`(?i)\bwho\b.{0,30}\b(issues?|issued|issuing|signs?|signed|signing|writes?|writing|produces?|prepares?|hands? out|puts? out)\b.{0,20}\b(it|that|the report|that report|the attestation|them)\b|\bwho\s+(issues|signs|writes)\s*(it|them)?\W*(then|tho|though)?\W*$`),
		otherWay:    rx.MustCompile(`(?i)\b(other|opposite) (direction|way)\b|\bthe reverse\b|\breversed?\b|\bvice versa\b|\bother way (a)?round\b|\bgoing back\b|\bthe converse\b|\bflip (it|side|that)\b`),
		ellipsis:    rx.MustCompile(`(?i)^\W*(ok|okay|so|and|also|but|cool|great|thanks|thx)?\W*(and|also|what about|how about|same for|same with|and for|what of|plus|then)\b`),
		anaphor:     rx.MustCompile(`(?i)\b(that|this|it|its|it's|one|ones|those|these|them|they|there|then|same)\b`),
		pronoun:     rx.MustCompile(`(?i)\b(it|its|they|them|those|these|either|neither)\b|\b(that|this|which|either|the other|each) one\b|\bone\s*\?*\s*$|\b(is|does|do|for|about|with|of|on|in|need|needs|cover|covers|require|requires|mean|means|like)\s+(that|this)\b|\b(that|this)\s*\?*\s*$`),
		why:         rx.MustCompile(`(?i)^\W*(ok|okay|so|and|but|hmm)?\W*(why|how come)\b(\s+(that|this|that one|this one|is that|is it|so|though|tho|exactly|not|the other))*\W*$`),
		split:       rx.MustCompile(`(?i)\?+\s*|\n+|;\s+|\s+\+\s+|\.\s+(?:also|and|plus)\b|,?\s+(?:and also|also|plus|and|&)\s*,?\s+(?:separately|secondly|second|additionally|then)?\s*,?\s*(` + qword + `)\b`),
		mapping:     rx.MustCompile(`(?i)\b(map|maps|mapping|mapped|equivalent|equal|correspond\w*|counterparts?|matches|same as|translate\w*|line up)\b`),
		details:     rx.MustCompile(`(?i)\bhow many\b|\brequire[sd]?\b|\brequirements?\b|\bpoints? of focus\b|\bevidence\b|\btest(ed|ing|s)?\b|\blist (all|every|the)\b|\bexactly\b|\bis\s+(the|a|an)\s+\w+(\s+\w+)?\s+(control|criterion)\b|\bwording\b|\b(say|says|said|want|wants|expect|expects|look for|looks for|ask for|asks for|asking for|specifically)\b|\bfull text\b|\bimplement\w*\b|\bpass\b|\bfail\w*\b|\b(check|checks|checking|verify|verifies|inspect|inspects|examine|examines|look at|looks at)\b|\bmakes? (you|us|me|them) do\b|\bneeds?\s+(you|us|me|them)\s+to\s+do\b|\b(have|need) to do\b`),
		judged:      rx.MustCompile(`(?i)\b(skip\w*|exclud\w*|omit\w*|leave out|leaving out|left out|drop|dropping|enough|sufficient|adequate|good enough|get away)\b`),
		whatIs:      rx.MustCompile(`(?i)^\W*(what|wat|whats|what's|wht)\b|\bwhat\s*(is|are|'s|s|r)\b|\bwhats\b|\bmeaning\b|\bstands? for\b`),
		seriesWord:  rx.MustCompile(`(?i)\bcommon criteria\b|\bseries\b`),
		addressed:   rx.MustCompile(`(?i)\b(you|your|youre|you're|ur|u|bot|sideguy|pj|answer|answers|reply|replies|response|responses)\b`),
		oldNumber:   rx.MustCompile(`(?i)\b(number|numbered|id|equivalent|called|named|known as)\b.{0,25}\b(2013|old|previous|prior|last)\b|\b(2013|old|previous|prior)\s+((control|clause|annex a)\s+)?(number|numbering|id|equivalent|version of (it|this|that))\b|\bwhat\s+(was|were)\s+(it|that|this|they|those)\b.{0,25}\b2013\b|\b(used to be|was it|formerly)\b.{0,25}\b(2013|called|numbered)\b`),
		newNumber:   rx.MustCompile(`(?i)\b(what|which)('s|s|\s+is|\s+are|\s+would be)?\b.{0,25}\b(number|id|equivalent|called)\b.{0,25}\b(2022|new|current|now)\b|\b(2022|new|current)\s+((control|criterion)\s+)?(number|id|equivalent)\b|\b(renamed|became|become|maps? to|now called|replaced|replaces|superseded|supersedes|successor)\b`),
		sameAs:      rx.MustCompile(`(?i)\bsame\s+(\w+\s+)?as\b|\bsame\s+(control|thing|one)\b|\bidentical\b|\bequal\b|\bone\s*-?\s*(to|2)\s*-?\s*one\b|\b1\s*(:|to|-)\s*1\b`),
		edition2013: rx.MustCompile(`(?i)\b2013\b|\bold(er)? (edition|version)\b`),
		past:        rx.MustCompile(`(?i)\b(always|used to|originally|previously|back then|before that|older|old version|old edition|earlier version|previous version|last version|in the past)\b`),
		aboutWhat:   rx.MustCompile(`(?i)\b(about|cover|covers|covered|covering|called|named|deal with|dealt with|for)\s*\W*$|\bwhat\s+(did|does|do|was)\b.{0,40}\b(cover|covered|about|include|included|contain|contained)\b|\bwhat\s+(is|was|were|are)\s+\S+\s+(about|for|called)\b|\b(topic|subject|domain name|name of)\b`),
		elaborate:   rx.MustCompile(`(?i)["\x{201c}\x{201d}]|\b(besides|apart from|except|mean|means|meaning|meant|concretely|concrete|specifically|elaborate|example|examples|e\.?g|like what|such as|in practice|in plain|unpack|expand on)\b`),
		backRef:     rx.MustCompile(`(?i)\b(that|this|it|its|it's|those|these|them|they|same|one who|one that|ones)\b|\bthe\s+\w+\s+one\b`),
		iso:         rx.MustCompile(`(?i)\biso\b|27001|\bannex\b|\bmaps?\b|\bmapping\b|\bequivalent\b`),
	}
}

// otherDirection pairs entries that answer the two directions of a move.
func otherDirection(id string) string {
	switch id {
	case "soc2-to-iso":
		return "iso-to-soc2"
	case "iso-to-soc2":
		return "soc2-to-iso"
	case "soc2-only":
		return "iso-only"
	case "iso-only":
		return "soc2-only"
	}
	return ""
}

// reasons are the entries that give the reason for another's advice, for a
// bare "why?" after it: ISO first, because ISO -> SOC 2 is the easier way.
var reasons = map[string]string{"which-first": "easier-direction"}

// history pairs entries with the one that tells how it was in the old
// edition, for "was it always 93?" after Annex A.
var history = map[string]string{"annex-a": "iso-2013"}

// Turn decides on one text in a conversation. Beyond Decide it answers control
// IDs by their row, two questions in one text, and follow-ups that lean on the
// previous answer ("and privacy?", "what about the other direction?").
func (d *Decider) Turn(text string, c domain.Context) (domain.Decision, error) {
	text = strings.TrimSpace(text)
	gen := d.index.Generation()
	if dec, ok := d.recent.get(gen, text, c); ok {
		return dec, nil
	}
	// Voice typing's "see see six point one" is CC6.1.
	written := d.spoken.Rewrite(text)
	dec, err := d.decideTurn(written, c)
	if err == nil {
		d.recent.put(gen, text, c, dec)
	}
	return dec, err
}

// decideTurn is Turn without the memo and the spoken rewrites.
func (d *Decider) decideTurn(text string, c domain.Context) (domain.Decision, error) {
	if c.Previous != "" {
		if rest, ok := d.withoutEcho(text, c.Previous); ok {
			return d.echoTurn(text, rest, c)
		}
	}
	return d.ownTurn(text, c)
}

// echoTurn decides on a text that quotes the last answer back ("'ops and
// change controls' - and how does security line up?"): the quoted words
// only say which answer the texter is on, and read as the question they
// pull it back to that answer. The text without them is read when the whole
// text gets no answer or that same answer again, and its reading is kept
// when it answers with another entry or is small talk ("80%, huh. cool").
func (d *Decider) echoTurn(text, rest string, c domain.Context) (domain.Decision, error) {
	rules, err := d.rulesTurn(text, c)
	if err != nil {
		return rules, err
	}
	if rules.Action != domain.ActionSmallTalk && (!answered(rules) || answersOnly(rules, c.Previous)) {
		dec, err := d.ownTurn(rest, c)
		if err != nil || dec.Action == domain.ActionSmallTalk || (answered(dec) && !answersOnly(dec, c.Previous)) {
			return dec, err
		}
	}
	return d.learned(text, rules, c), nil
}

// answered reports whether a decision answers from the knowledge base.
func answered(dec domain.Decision) bool {
	return dec.Action == domain.ActionAnswer && dec.Entry != nil
}

// answersOnly reports whether a decision answers with one entry, id.
func answersOnly(dec domain.Decision, id string) bool {
	return answered(dec) && len(dec.Entries) <= 1 && dec.Entry.ID == id
}

// ownTurn is decideTurn on a text with nothing quoted back: the rules, then
// the learned model's check.
func (d *Decider) ownTurn(text string, c domain.Context) (domain.Decision, error) {
	dec, err := d.rulesTurn(text, c)
	if err != nil {
		return dec, err
	}
	return d.learned(text, dec, c), nil
}

// rulesTurn is ownTurn without the learned model.
func (d *Decider) rulesTurn(text string, c domain.Context) (domain.Decision, error) {
	if q := forwardedQuestion(text); q != "" {
		// "Customer asked: "is there anything SOC 2 covers that ISO
		// doesn't?" what do we say": the quoted question is the question.
		text = q
	}
	if m := trailingQuote.FindStringSubmatch(text); m != nil && len(strings.Fields(m[1])) >= 3 {
		// "what's in the other 20%? customer asked "so what's missing"":
		// the texter's own question, then whose question it was.
		text = m[1]
	}
	if c.Previous != "" && d.turn.otherWay.MatchString(text) && len(strings.Fields(text)) <= 10 {
		if other := otherDirection(c.Previous); other != "" {
			if e, ok := d.index.Entry(other); ok {
				return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
					Reason: "follow-up: the other direction of " + c.Previous}, nil
			}
		}
	}
	dec, err := d.single(text, true)
	if err != nil {
		return dec, err
	}
	if strings.HasPrefix(dec.Reason, disputeReason) && c.Previous == "" && c.PreviousQuestion == "" &&
		len(strings.Fields(text)) > 12 && !d.turn.addressed.MatchString(text) && d.disputeLate(text) {
		// "A sales rep told us ISO 27001 is a CPA firm's report. That doesn't
		// sound right to me?": a thread's first text has no answer of the
		// line's to dispute; this one tells what someone said first, does not
		// speak to the line and asks no person to look.
		if dec, err = d.single(text, false); err != nil {
			return dec, err
		}
	}
	if dec.Action == domain.ActionSmallTalk || isPersonRequest(dec) {
		return dec, nil
	}
	if c.Previous == "attestation" && d.turn.justISO.MatchString(d.norm.Normalize(text)) {
		// "ok so what is iso then" after whether SOC 2 is a certification:
		// the same answer says what ISO 27001 is beside it.
		if e, ok := d.index.Entry("attestation"); ok {
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
				Reason: "follow-up: ISO 27001 beside the attestation"}, nil
		}
	}
	if c.Previous == "attestation" && whatIsItThen.MatchString(text) {
		// "so what is it then" after "SOC 2 isn't a certification": the
		// same answer says what it is, an attestation by a CPA firm.
		if e, ok := d.index.Entry("attestation"); ok {
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
				Reason: "follow-up: what SOC 2 is, if not a certification"}, nil
		}
	}
	if (c.Previous == "attestation" || c.Previous == "type-1-2") && d.turn.whoIssues.MatchString(text) &&
		!d.turn.iso.MatchString(text) && !strings.Contains(strings.ToLower(text), "cert") && len(strings.Fields(text)) <= 12 &&
		!strings.HasPrefix(dec.Reason, "out of scope") {
		// "who issues it then" after what a SOC 2 report is: the
		// attestation's answer says, a CPA firm.
		if e, ok := d.index.Entry("attestation"); ok {
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
				Reason: "follow-up: who issues the report " + c.Previous + " talked of"}, nil
		}
	}
	if parts := d.splitQuestions(text); len(parts) > 1 && !strings.HasPrefix(dec.Reason, bothFrameworksIDs) {
		multi, ok, err := d.several(parts, dec)
		if err != nil {
			return dec, err
		}
		if ok {
			return multi, nil
		}
	}
	if c.Previous == "" || strings.HasPrefix(dec.Reason, "out of scope") {
		return dec, nil
	}
	if c.Previous == "common-criteria" && dec.Action == domain.ActionAnswer && dec.Entry.ID == "row-security" &&
		strings.HasPrefix(dec.Reason, "control ID CC") && !d.turn.iso.MatchString(text) {
		// "and cc8?" after the Common Criteria: the series, as before.
		return d.controlDecisionFor(text, dec, d.controls.find(text), true), nil
	}
	if id, ok := history[c.Previous]; ok && d.turn.past.MatchString(text) && len(strings.Fields(text)) <= 10 {
		// "was it always 93" after Annex A: the 2013 edition's count.
		if e, ok := d.index.Entry(id); ok {
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
				Reason: "follow-up: how " + c.Previous + " was before"}, nil
		}
	}
	dec, err = d.inConversation(text, dec, c)
	if err != nil {
		return dec, err
	}
	if dec.Action == domain.ActionAnswer && len(dec.Entries) <= 1 && dec.Entry.ID == c.Previous && len(dec.ControlIDs) == 0 &&
		d.turn.elaborate.MatchString(text) {
		// The texter has this answer and asks what its words mean ("'the
		// auditor's evidence format' means what, concretely?"): past what it
		// says.
		return domain.Decision{Action: domain.ActionEscalate, Score: dec.Score, Candidate: dec.Entry.ID,
			Reason: "asks past the answer just sent (" + c.Previous + ")"}, nil
	}
	return dec, nil
}

// inConversation reads a text that follows an answer: as a follow-up when
// it is not answered on its own, or with the previous question when it
// points back.
func (d *Decider) inConversation(text string, dec domain.Decision, c domain.Context) (domain.Decision, error) {
	switch {
	case dec.Action != domain.ActionAnswer:
		fu, ok, err := d.followUp(text, dec, c)
		if err != nil || ok {
			return fu, err
		}
	case dec.Entry.ID != "about" && len(dec.ControlIDs) == 0 && d.turn.pronoun.MatchString(text):
		// Answered on its own words, but it points back: "is it certifiable
		// on its own" after ISO 27701 is not asking about SOC 2. Read with
		// the previous question, or kept when it stays on the last answer,
		// or names its own subject ("what is that isms thing").
		own, err := d.index.Search(text)
		if err != nil {
			return dec, err
		}
		for _, cand := range own.Candidates {
			if cand.Entry.ID == dec.Entry.ID && d.namesOwnSubject(text, cand, own.Named) {
				return dec, nil
			}
		}
		fu, ok, err := d.followUp(text, dec, c)
		if err != nil || ok {
			return fu, err
		}
		if dec.Entry.ID != c.Previous && !d.family.related(dec.Entry.ID, c.Previous) {
			return domain.Decision{Action: domain.ActionEscalate, Score: dec.Score, Candidate: dec.Entry.ID,
				Reason: "points back at " + c.Previous + ", and read with it the knowledge base does not answer"}, nil
		}
	}
	return dec, nil
}

// single decides on one question: the knowledge base, and control IDs by
// their row.
func (d *Decider) single(text string, disputes bool) (domain.Decision, error) {
	dec, err := d.decide(text, disputes)
	if err != nil || dec.Action == domain.ActionSmallTalk || isPersonRequest(dec) {
		return dec, err
	}
	if refs := d.controls.find(text); len(refs) > 0 {
		return d.controlDecision(text, dec, refs), nil
	}
	return dec, nil
}

// followUp reads a text the line could not answer on its own as a follow-up
// to the previous answer: "does soc 2 need one?" after the ISMS, "and cc8?"
// after CC6, "which one is required" after the five categories. The text is
// read with the previous question, and the entry that answers both must know
// what the text itself asks: every topic word of it, and a word that picks
// the entry unless the text points back ("one", "that") or only names what
// changes ("and ...", "what about ...").
func (d *Decider) followUp(text string, standalone domain.Decision, c domain.Context) (domain.Decision, bool, error) {
	if d.turn.why.MatchString(text) {
		if id, ok := reasons[c.Previous]; ok {
			if e, ok := d.index.Entry(id); ok {
				return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: standalone.Score, Candidate: e.ID,
					Reason: "follow-up: why " + c.Previous}, true, nil
			}
		}
		return domain.Decision{}, false, nil
	}
	if standalone.Action == domain.ActionClarify {
		// A menu offering the entry just answered with: the conversation
		// has already chosen it.
		for _, o := range standalone.Options {
			if o.ID == c.Previous {
				return domain.Decision{Action: domain.ActionAnswer, Entry: o, Score: standalone.Score, Candidate: o.ID,
					Reason: "follow-up: the menu's option " + o.ID + " was the last answer"}, true, nil
			}
		}
	}
	if c.PreviousQuestion == "" {
		return domain.Decision{}, false, nil
	}
	both := c.PreviousQuestion + " " + text
	combined, err := d.single(both, true)
	if err != nil || len(combined.Entries) > 1 {
		return domain.Decision{}, false, err
	}
	own, err := d.index.Search(text)
	if err != nil {
		return domain.Decision{}, false, err
	}
	hasID := len(d.controls.find(text)) > 0
	elliptic := d.turn.ellipsis.MatchString(text)
	// "and cc8?": the ID is what the text asks.
	pointsBack := d.turn.anaphor.MatchString(text) || elliptic || hasID
	// The words of the previous question that picked its answer: what "it"
	// or "that" stands for, which the answer to the follow-up must know.
	prev, err := d.index.Search(c.PreviousQuestion)
	if err != nil {
		return domain.Decision{}, false, err
	}
	var subject []string
	for _, cand := range prev.Candidates {
		if cand.Entry.ID == c.Previous {
			subject = cand.Picks
		}
	}
	onSubject := func(id string) bool {
		if len(subject) == 0 || elliptic || hasID || !d.turn.pronoun.MatchString(text) {
			// "what about iso 27001" changes the subject; an ID is its own.
			return true
		}
		for _, cand := range prev.Candidates {
			if cand.Entry.ID == id {
				return intersects(cand.Known, subject)
			}
		}
		return false
	}
	knows := func(id string) bool {
		if !onSubject(id) {
			return false
		}
		for _, cand := range own.Candidates {
			if cand.Entry.ID == id {
				// Every topic word of the text: a follow-up has few, and the
				// one the entry lacks is what it asks ("what about disaster
				// recovery testing").
				return len(cand.Known) == len(own.Topic) && len(own.Topic) > 0 && (cand.Specific > 0 || pointsBack)
			}
		}
		// Only pointing words ("why that one"): nothing to know. An ID the
		// row decision read is the text's whole question.
		return hasID && len(own.Unknown) == 0
	}
	switch {
	case combined.Action == domain.ActionAnswer:
		if combined.Entry.ID == c.Previous && newSubject(own.Topic, prev.Topic) {
			// "tsc cats" then "security one?": the text asks on one of
			// the things the last answer listed, not for that answer
			// again, when it has an answer of its own.
			if alone := d.learned(text, standalone, domain.Context{}); alone.Action == domain.ActionAnswer {
				return domain.Decision{}, false, nil
			}
		}
		if knows(combined.Entry.ID) {
			combined.Reason = "follow-up to " + c.Previous + ": " + combined.Reason
			return combined, true, nil
		}
	case strings.HasPrefix(combined.Reason, "ambiguous") && pointsBack && knows(c.Previous):
		// Read with the previous question, the text fits the last answer as
		// well as another entry: the conversation is on the last answer's
		// subject ("is soc 2 a certification?" "what about iso 27001").
		res, err := d.index.Search(both)
		if err != nil || len(res.Candidates) == 0 {
			return domain.Decision{}, false, err
		}
		top := res.Candidates[0]
		for _, cand := range res.Candidates {
			if cand.Entry.ID == c.Previous && top.Score-cand.Score < d.limits.MinMargin &&
				cand.Score >= d.limits.MinScore && cand.Coverage >= d.limits.MinCoverage {
				return domain.Decision{Action: domain.ActionAnswer, Entry: cand.Entry, Score: round(cand.Score), Candidate: cand.Entry.ID,
					Reason: "follow-up to " + c.Previous + ": ties broken by the conversation"}, true, nil
			}
		}
	}
	return domain.Decision{}, false, nil
}

func isPersonRequest(d domain.Decision) bool {
	return d.Action == domain.ActionEscalate &&
		(strings.HasPrefix(d.Reason, "asked for a person") || strings.HasPrefix(d.Reason, "said the answer is wrong"))
}

// controlDecision routes quoted IDs to their rows and names them in the
// answer; a request for an exact mapping goes to the operator with the IDs.
func (d *Decider) controlDecision(text string, dec domain.Decision, refs []controlRef) domain.Decision {
	return d.controlDecisionFor(text, dec, refs, false)
}

// controlDecisionFor is controlDecision; series reads a Common Criteria ID
// as the series whatever the text asks.
func (d *Decider) controlDecisionFor(text string, dec domain.Decision, refs []controlRef, series bool) domain.Decision {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	if strings.HasPrefix(dec.Reason, "out of scope: exact mapping") || (len(refs) > 1 && mapsTo.MatchString(text) && crossFramework(refs)) ||
		(hasAnnexA(refs) && isoInSOC2.MatchString(strings.ToLower(text))) {
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "exact control mapping requested for " + strings.Join(ids, ", ")}
	}
	if dec.Action == domain.ActionEscalate && strings.HasPrefix(dec.Reason, "out of scope") {
		dec.ControlIDs = ids
		return dec
	}
	if refs[0].Entry == "iso-2013" && (d.turn.newNumber.MatchString(text) || (editionsPaired(refs) && (d.turn.sameAs.MatchString(text) || renumbered.MatchString(text)))) {
		// "A.12.3.1 - what's its number in 2022": a control-level mapping
		// between editions, which the sources do not give.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "the 2022 number of " + strings.Join(ids, ", ") + " goes beyond the sources"}
	}
	if hasAnnexA(refs) && refs[0].Entry != "iso-2013" && d.turn.oldNumber.MatchString(askingSentence(text)) {
		// "A.5.15 in 2022, what was that numbered in 2013": the same
		// mapping the other way round.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "the 2013 number of " + strings.Join(ids, ", ") + " goes beyond the sources"}
	}
	if crossFramework(refs) && d.turn.sameAs.MatchString(text) && allControlLevel(refs) {
		// "is A.8.13 the same control as A1.2?": control by control.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "exact control mapping requested for " + strings.Join(ids, ", ")}
	}
	if refs[0].Entry == "iso-2013" && d.turn.aboutWhat.MatchString(text) {
		// "in the 2013 annex a, what was A.9 about?": the sources name the
		// old edition's size, not its domains.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "what " + strings.Join(ids, ", ") + " covered in the 2013 edition goes beyond the sources"}
	}
	if unknown := d.unknownBesideIDs(text); len(unknown) > 0 && refs[0].Entry != "iso-2013" {
		// "is cc6.1 about mfa": the row does not say.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: unknownWords + strings.Join(unknown, ", ") + " (with " + strings.Join(ids, ", ") + ")"}
	}
	asked := askingSentence(text)
	if themeCount(refs, text) {
		// "how many controls are under A.5": the theme's note counts them.
		if e, ok := d.index.Entry("annex-a"); ok {
			notes := make([]string, len(refs))
			for i, r := range refs {
				notes[i] = r.Note
			}
			return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID, Text: strings.Join(notes, " "),
				ControlIDs: ids, Reason: "control count of " + strings.Join(ids, ", ")}
		}
	}
	if d.turn.details.MatchString(namingAsk.ReplaceAllString(asked, " ")) || strings.Contains(strings.ToLower(text), "how many") || (d.turn.judged.MatchString(asked) && len(d.controls.find(asked)) > 0) {
		// What a control requires, how many points it has: the sources do not say.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "details of " + strings.Join(ids, ", ") + " go beyond the crosswalk"}
	}
	if crossFramework(refs) && !allControlLevel(refs) && !mapsTo.MatchString(text) {
		// "A1.2 is from ISO or from SOC 2? I confuse it with the A.5 of
		// ISO": each ID said for what it is, SOC 2's first.
		return d.eachID(refs, ids, d.askedApart(text))
	}
	ref := refs[0]
	if rows := soc2Rows(refs); rows > 1 && !d.turn.iso.MatchString(text) && !d.turn.mapping.MatchString(text) {
		// "criteria starting CC, A1 and C1: what do the prefixes mean?": the
		// categories themselves.
		ref = controlRef{ID: ref.ID, Entry: "tsc-categories"}
	} else if hasAnnexA(refs) && !hasSOC2(refs) && d.turn.edition2013.MatchString(text) && ref.Entry == "annex-a" {
		// "A.8 in the 2013 version and A.8 in 2022, same thing?": the
		// editions differ.
		ref = controlRef{ID: ref.ID, Entry: "iso-2013"}
	}
	if ref.Entry == "row-security" && !d.turn.iso.MatchString(text) && !d.turn.mapping.MatchString(text) &&
		(series || !strings.Contains(ref.ID, ".") || d.turn.whatIs.MatchString(lastSentence(text)) || d.ccSeries(text) > 2 || d.turn.seriesWord.MatchString(text)) {
		// "what's cc3", "cc8 is change mgmt iirc", "cc1-9 names": the series
		// itself, not where it maps.
		ref.Entry = "common-criteria"
	}
	e, ok := d.index.Entry(ref.Entry)
	if !ok {
		dec.ControlIDs = ids
		return dec
	}
	answer := ref.Note
	if answer == "" {
		answer = e.Answer
	}
	switch ref.Entry {
	case "iso-2013", "annex-a":
		// The note says it all; the entry adds the wider picture if asked for more.
	case "iso-clauses":
		answer += " SOC 2 doesn't require this management system; ISO does."
	case "common-criteria":
		answer += " " + e.Answer
	default:
		answer += " " + e.Answer
	}
	return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID, Text: answer,
		ControlIDs: ids, Reason: "control ID " + ref.ID}
}

// askedApart reports whether a text asks about its IDs in questions of
// their own, "what's CC8 and what's clause 10?", rather than one ID set
// beside the other ("what's A1 in soc 2? not the ISO A.5 stuff").
func (d *Decider) askedApart(text string) bool {
	parts := d.splitQuestions(text)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		first := strings.Trim(strings.NewReplacer("'", "", "\u2019", "").Replace(strings.Fields(strings.ToLower(p))[0]), ",:")
		if len(d.controls.find(p)) == 0 || !askCues[first] {
			return false
		}
	}
	return true
}

// eachID answers with what each of a text's IDs is, SOC 2's first: two
// frameworks' IDs set side by side, neither asked to map to the other. When
// the text asks about each in a question of its own (two), the reply answers
// from both entries, and the decision says so.
func (d *Decider) eachID(refs []controlRef, ids []string, two bool) domain.Decision {
	var soc, iso []string
	entry, isoEntry := "", ""
	for _, r := range refs {
		if r.Note == "" {
			continue
		}
		switch r.Entry {
		case "annex-a", "iso-2013", "iso-clauses":
			iso = append(iso, r.Note)
			if isoEntry == "" {
				isoEntry = r.Entry
			}
		default:
			soc = append(soc, r.Note)
			if entry == "" {
				entry = r.Entry
			}
		}
	}
	if entry == "row-security" && two {
		// "what's CC8 and what's clause 10": a CC ID's note names it
		// within the Common Criteria.
		entry = "common-criteria"
	}
	e, ok := d.index.Entry(entry)
	ie, iok := d.index.Entry(isoEntry)
	if !ok || !iok || len(iso) == 0 {
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids, Reason: bothFrameworksIDs + strings.Join(ids, ", ")}
	}
	dec := domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
		Text: strings.Join(append(soc, iso...), " "), ControlIDs: ids, Reason: bothFrameworksIDs + strings.Join(ids, ", ")}
	if two {
		dec.Entries = []*domain.Entry{e, ie}
	}
	return dec
}

// mapsTo asks how one thing maps onto another; "the same as" between two
// frameworks' IDs may only ask which is which.
var mapsTo = rx.MustCompile(`(?i)\b(map|maps|mapping|mapped|equivalent|correspond\w*|counterparts?|matches|translate\w*|line up|lines up)\b|\bone\s*-?\s*(to|2)\s*-?\s*one\b|\b1\s*(:|to|-)\s*1\b`)

// quotedQuestion is a question in double quotes.
var quotedQuestion = rx.MustCompile(`["\x{201c}]([^"\x{201c}\x{201d}]{12,}?\?)\s*["\x{201d}]`)

// forwardedQuestion is the question a text quotes, when it quotes exactly
// one of four words or more: someone else's question passed on, asking
// what to tell them. Else "".
func forwardedQuestion(text string) string {
	ms := quotedQuestion.FindAllStringSubmatchIndex(text, -1)
	if len(ms) != 1 {
		return ""
	}
	q := text[ms[0][2]:ms[0][3]]
	if len(strings.Fields(q)) < 4 {
		return ""
	}
	if after := text[ms[0][1]:]; strings.Contains(after, "?") && len(strings.Fields(after)) >= 4 && !replyAsk.MatchString(after) {
		// "Our auditor asked "ISO first or SOC 2 first?" Honestly, which
		// direction is less work?": the texter asks a question of their own.
		return ""
	}
	return strings.TrimSpace(q)
}

// namingAsk asks what an ID is or is called, "exactly" or not: "clause 6
// is what exactly", "what is that series called exactly".
var namingAsk = rx.MustCompile(`(?i)\b(is|are|covers?|means?|falls? under)\s+what,?\s+exactly\b|\bcalled,?\s+exactly\b`)

// whatIsItThen asks what a thing is after being told what it is not.
var whatIsItThen = rx.MustCompile(`(?i)^\W*(?:(?:ok|okay|so|then|hmm|wait|but)\W+)*what(?:\s+is|'s|\x{2019}s|s)\s+it\s+then\W*$|^\W*(?:(?:ok|okay|so|hmm|wait|but)\W+)*then\s+what(?:\s+is|'s|\x{2019}s|s)\s+it\W*$`)

// replyAsk asks what to tell whoever asked the quoted question.
var replyAsk = rx.MustCompile(`(?i)\b(say|said|tell|answer|respond|reply|put|write|explain|told)\b`)

// trailingQuote is a question followed by someone's words in quotes, told
// as where the question came from.
var trailingQuote = rx.MustCompile(`(?i)^([^"\x{201c}]*\?)\s*(?:\w+\s+){0,3}(?:asked|asks|said|says|wrote|writes|wants to know|wanted to know)\s*[:,]?\s*["\x{201c}][^"\x{201c}\x{201d}]*["\x{201d}]?\W*$`)

// bothFrameworksIDs starts the reason of an answer saying what each of two
// frameworks' IDs is: read whole, it already answers each part.
const bothFrameworksIDs = "IDs of both frameworks: "

// unknownBesideIDs lists the topic words of a text no entry knows, but for
// the pieces of control IDs ("14.2.1" of A.14.2.1, the "c" of C1.1).
func (d *Decider) unknownBesideIDs(text string) []string {
	res, err := d.index.Search(text)
	if err != nil {
		return nil
	}
	var out []string
	for _, w := range res.Unknown {
		// A letter or two is the ID's own prefix ("what's the C stand for").
		if !strings.ContainsAny(w, "0123456789") && len(w) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// themeCount reports whether a text asks how many controls a 2022 Annex A
// theme (A.5-A.8) has, which Annex A's answer gives.
func themeCount(refs []controlRef, text string) bool {
	t := strings.ToLower(text)
	if !strings.Contains(t, "how many") || strings.Contains(t, "2013") {
		return false
	}
	for _, r := range refs {
		if r.Entry != "annex-a" || strings.Count(r.ID, ".") != 1 {
			return false
		}
	}
	return len(refs) > 0
}

// namesOwnSubject reports whether a text that points back names the
// subject its answer is picked by: a part it names ("what is that isms
// thing"), the clauses or the Common Criteria ("what are those clauses
// 4-10 you mentioned"), or, after "and"/"what about", a SOC 2 category ("ok
// what about the confidentiality one"; "is that a privacy thing?" asks
// about the last answer).
func (d *Decider) namesOwnSubject(text string, cand search.Candidate, named []string) bool {
	if intersects(cand.Picks, named) || contains(cand.Picks, "claus") || contains(cand.Picks, "commoncriteria") {
		return true
	}
	if !d.turn.ellipsis.MatchString(text) {
		return false
	}
	for _, t := range cand.Picks {
		if categories[t] {
			return true
		}
	}
	return false
}

// formatOnly is a part that says only how to answer.
var formatOnly = rx.MustCompile(`(?i)^\W*(the\s+|a\s+|in\s+)?(short|quick|brief|straight|simple|plain|honest)?\s*(version|answer|terms|english|words|summary|one\s*-?\s*liner|tl;?dr)?\s*(pls|please|plz|thx|thanks)?\W*$|^\W*(tl;?dr|eli5|1 line|one line|one liner|short version|quick version|yes or no|y/n)\W*(pls|please)?\W*$`)

// outOfScope reports whether a scope rule fires on a text.
func (d *Decider) outOfScope(text string) bool {
	return d.scopeCatches(d.norm.Normalize(text))
}

// newSubject reports whether a follow-up's topic words name a SOC 2
// category (security among them) or a part of a framework its previous
// question did not.
func newSubject(topic, previous []string) bool {
	for _, t := range topic {
		if (categories[t] || parts[t] || t == "secur") && !slices.Contains(previous, t) {
			return true
		}
	}
	return false
}

// namesSubject reports whether a text names a SOC 2 category or a part of
// a framework (the ISMS, the SoA, Annex A, ...).
func (d *Decider) namesSubject(text string) (bool, error) {
	res, err := d.index.Search(text)
	if err != nil {
		return false, fmt.Errorf("names subject: %w", err)
	}
	for _, t := range res.Topic {
		if categories[t] || parts[t] {
			return true, nil
		}
	}
	return false, nil
}

// crossFramework reports whether the IDs are of both frameworks: "does cc6.1
// map to a.5.15" asks for a control-to-control mapping.
func crossFramework(refs []controlRef) bool {
	iso, soc := false, false
	for _, r := range refs {
		if r.Entry == "annex-a" || r.Entry == "iso-2013" || r.Entry == "iso-clauses" {
			iso = true
		} else {
			soc = true
		}
	}
	return iso && soc
}

// intersects reports whether two sorted term lists share a term.
func intersects(a, b []string) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// allControlLevel reports whether every ID is a single control or
// criterion (A.8.13, A1.2), not a series or theme (A1, A.8).
func allControlLevel(refs []controlRef) bool {
	for _, r := range refs {
		if strings.Count(r.ID, ".") < 1 || (strings.HasPrefix(strings.ToUpper(r.ID), "A.") && strings.Count(r.ID, ".") < 2) {
			return false
		}
	}
	return true
}

// renumbered asks whether a control got a new number.
var renumbered = rx.MustCompile(`(?i)\b(renumber\w*|re-number\w*)\b|\bnow\s+a\.\d`)

// editionsPaired reports whether a text's IDs set a 2013 control beside a
// 2022 one ("A.12.3.1 vs A.8.13"): whether one became the other is a
// control-level mapping between the editions.
func editionsPaired(refs []controlRef) bool {
	old, current := false, false
	for _, r := range refs {
		switch {
		case r.Entry == "iso-2013" && strings.Count(r.ID, ".") >= 2:
			old = true
		case r.Entry == "annex-a" && strings.Count(r.ID, ".") >= 2:
			current = true
		}
	}
	return old && current
}

// soc2Rows counts the SOC 2 categories a text's IDs fall in.
func soc2Rows(refs []controlRef) int {
	seen := map[string]bool{}
	for _, r := range refs {
		switch r.Entry {
		case "row-security", "row-availability", "row-confidentiality", "row-processing-integrity", "row-privacy", "common-criteria":
			e := r.Entry
			if e == "common-criteria" {
				e = "row-security"
			}
			seen[e] = true
		}
	}
	return len(seen)
}

// hasSOC2 reports whether any ID is a SOC 2 criterion.
func hasSOC2(refs []controlRef) bool { return soc2Rows(refs) > 0 }

// hasAnnexA reports whether an Annex A control or theme is among the IDs.
func hasAnnexA(refs []controlRef) bool {
	for _, r := range refs {
		if r.Entry == "annex-a" || r.Entry == "iso-2013" {
			return true
		}
	}
	return false
}

// splitQuestions cuts a text into its questions. A question word after "and"
// or "also" starts the next question and stays with it.
func (d *Decider) splitQuestions(text string) []string {
	var parts []string
	add := func(p string) {
		p = strings.Trim(strings.TrimSpace(p), ",")
		if len(strings.Fields(p)) >= 2 {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	from := 0
	for _, m := range d.turn.split.FindAllStringSubmatchIndex(text, -1) {
		if m[2] >= 0 && modalBefore(text[:m[0]]) {
			// "one who can also do the iso certification": one question.
			continue
		}
		if strings.TrimSpace(text[m[0]:m[1]]) == "+" && strings.Count(text[:m[0]], "(") > strings.Count(text[:m[0]], ")") {
			// "soc 2 type ii (security + availability)": one list.
			continue
		}
		if m[2] >= 0 && bareAlso(text[m[0]:m[2]]) && auxCues[strings.ToLower(text[m[2]:m[3]])] {
			// "NIST mapping also is there with SOC 2": the sentence goes on.
			continue
		}
		add(text[from:m[0]])
		from = m[1]
		if m[2] >= 0 {
			from = m[2]
		}
	}
	add(text[from:])
	if len(parts) > maxParts {
		// A text with many questions is answered on its first few; the rest
		// goes to the operator with it. Deciding on each of a hundred parts
		// would let one long text hold the line for seconds.
		parts = append(parts[:maxParts-1], strings.Join(parts[maxParts-1:], " "))
	}
	return parts
}

// bareAlso reports whether a split's joining words are "also" or "plus"
// without "and": before an auxiliary verb they go on with the sentence.
func bareAlso(join string) bool {
	j := strings.Trim(strings.ToLower(join), " ,")
	return j == "also" || j == "plus"
}

// modalBefore reports whether text ends in a modal verb or "to", after which
// "and" or "also" goes on with the verb ("can also do"), not a new question.
func modalBefore(text string) bool {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return false
	}
	switch strings.Trim(f[len(f)-1], ",") {
	case "can", "could", "would", "will", "should", "may", "might", "must", "to", "shall":
		return true
	}
	return false
}

// maxParts is the most questions one text is split into.
const maxParts = 3

// several answers a text that asks two (or more) things: every part the line
// can answer, and, when some part it cannot, a partial answer that sends the
// rest to the operator. A confident answer to the whole text stands unless
// the parts answer apart what it answered together.
func (d *Decider) several(parts []string, whole domain.Decision) (domain.Decision, bool, error) {
	var answered []*domain.Entry
	seen := map[string]bool{}
	unanswered := 0
	minScore := 1.0
	// last is what became of the part before: a part that points back is
	// told by its answer, and leans on it when it went to the operator.
	const (
		none = iota
		wasAnswered
		wasEscalated
	)
	last := none
	for i, p := range parts {
		if formatOnly.MatchString(p) {
			// "... line up with iso 27001? short version": how to answer.
			continue
		}
		if tells(p) || bulletNote(p) {
			// "we just raised our series a and customers ask about
			// security. soc 2 or iso?": the situation, not a question.
			last = none
			continue
		}
		if i > 0 && d.turn.mapping.MatchString(p) && len(d.controls.find(p)) == 0 &&
			(len(d.controls.find(parts[i-1])) > 0 || (last == wasAnswered && d.turn.iso.MatchString(p))) {
			// "CC7: which category, and what's the broad Annex A
			// counterpart?", "which category is that and what's the iso
			// equivalent?": the ISO side of the part before, which its answer
			// gives, unless the part names a subject of its own ("what's CC8
			// and how does processing integrity map to iso").
			own, err := d.namesSubject(p)
			if err != nil {
				return whole, false, err
			}
			if !own {
				continue
			}
		}
		if i > 0 && last == none && d.turn.backRef.MatchString(p) && len(d.controls.find(p)) == 0 {
			// "customer mentioned processing integrity. how does that work
			// on the iso side": asks about the situation told before it,
			// which the whole text's reading weighs.
			return whole, false, nil
		}
		if last == wasAnswered && d.turn.backRef.MatchString(p) && len(d.controls.find(p)) == 0 && !d.outOfScope(p) {
			// "P4 = privacy right? does 27001 cover it": on the part
			// before, whose answer tells it.
			continue
		}
		pd, err := d.single(p, true)
		if err != nil {
			return whole, false, err
		}
		if pd.Action == domain.ActionAnswer && pd.Reason == confidentMatch && d.model != nil && d.limits.MinLearned < 1 {
			// A part's confident match gets the model's check too: "do we
			// need one for the close", after what a bridge letter is, shares
			// words with the move from ISO, which texts like it never got.
			pd = d.vetted(p, pd, domain.Context{})
		}
		if pd.Action == domain.ActionAnswer && last == wasEscalated {
			dep, err := d.dependent(p)
			if err != nil {
				return whole, false, err
			}
			if dep {
				pd = escalate("leans on a part that goes to the operator", pd.Candidate)
			}
		}
		last = wasAnswered
		if pd.Action == domain.ActionEscalate {
			last = wasEscalated
		}
		switch {
		case pd.Action == domain.ActionAnswer && len(pd.Entries) > 0:
			for _, e := range pd.Entries {
				if !seen[e.ID] {
					seen[e.ID] = true
					answered = append(answered, e)
				}
			}
		case pd.Action == domain.ActionAnswer && !seen[pd.Entry.ID]:
			seen[pd.Entry.ID] = true
			answered = append(answered, pd.Entry)
			minScore = min(minScore, pd.Score)
		case pd.Action == domain.ActionAnswer, pd.Action == domain.ActionSmallTalk:
		default:
			unanswered++
		}
	}
	if whole.Action == domain.ActionAnswer && len(answered) >= 2 && !d.answersPart(whole, answered) && minScore <= whole.Score &&
		!strings.HasPrefix(whole.Reason, "control ID") {
		// The whole text reads as one question, answered with an entry
		// neither part asked for, at least as confidently.
		return whole, false, nil
	}
	switch {
	case len(answered) >= 2:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Entries: answered, Score: whole.Score,
			Candidate: answered[0].ID, Reason: "two questions in one text", Partial: unanswered > 0}, true, nil
	case len(answered) == 1 && unanswered > 0 && whole.Action != domain.ActionAnswer:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Entries: answered, Score: whole.Score,
			Candidate: answered[0].ID, Reason: "answered one part; the rest goes to the operator", Partial: true}, true, nil
	case len(answered) == 1 && whole.Action != domain.ActionAnswer && (strings.HasPrefix(whole.Reason, "the 2022 number") || strings.HasPrefix(whole.Reason, "exact control mapping")):
		// "where did A.12.3.1 go? whats its 2022 number": what the whole
		// text asks of its IDs stands.
		return whole, false, nil
	case len(answered) == 1 && whole.Action != domain.ActionAnswer:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Score: whole.Score,
			Candidate: answered[0].ID, Reason: "one question among small talk"}, true, nil
	}
	return whole, false, nil
}

// dependent reports whether a part of a text leans on the part before it:
// it points back ("how does that work on the iso side", "same 80% overlap?")
// or does not ask and names neither framework, a part of one nor a control
// ID ("easier than texting" after "can we hop on a call?"). When the part before goes to the
// operator, such a part read alone answers a question the texter did not ask.
func (d *Decider) dependent(part string) (bool, error) {
	if d.turn.backRef.MatchString(part) {
		return true, nil
	}
	if len(d.controls.find(part)) > 0 || asks(part) {
		return false, nil
	}
	res, err := d.index.Search(part)
	if err != nil {
		return false, err
	}
	return len(res.Named) == 0, nil
}

// answersPart reports whether the whole text's answer is one of the parts'
// answers or related to one.
func (d *Decider) answersPart(whole domain.Decision, parts []*domain.Entry) bool {
	for _, e := range parts {
		if e.ID == whole.Entry.ID || d.family.related(e.ID, whole.Entry.ID) {
			return true
		}
	}
	return false
}

// askCues are words that make a sentence a question wherever they are, and
// (auxiliaries) when they start it.
var askCues, auxCues = map[string]bool{
	"what": true, "whats": true, "wat": true, "which": true, "how": true, "hows": true, "why": true,
	"who": true, "whos": true, "whose": true, "where": true, "when": true, "whether": true,
}, map[string]bool{
	"is": true, "are": true, "do": true, "does": true, "did": true, "can": true, "could": true,
	"should": true, "would": true, "will": true, "has": true, "have": true, "any": true, "isnt": true,
	"arent": true, "dont": true, "doesnt": true, "cant": true, "if": true, "tell": true, "explain": true,
}

// bulletNote reports whether a part is a bullet of pasted notes that does
// not ask ("- soc2 type 2" over "how long does it have to be?"): what the
// question is about, not a question of its own.
func bulletNote(part string) bool {
	p := strings.TrimSpace(part)
	bullet := strings.HasPrefix(p, "-") || strings.HasPrefix(p, "*") || strings.HasPrefix(p, "•")
	if !bullet || strings.Contains(p, "?") {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(p)) {
		if askCues[strings.Trim(strings.ReplaceAll(w, "'", ""), ",.:")] {
			return false
		}
	}
	return true
}

// tells reports whether a part of a text states rather than asks: a sentence
// with no question mark, no question word and no auxiliary to start it ("we
// have soc 2 type 2", "customers keep asking about security").
func tells(part string) bool {
	if strings.ContainsAny(part, "?") {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(part), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	})
	if len(words) < 4 {
		// "isms", "annex a themes": short, and asking by naming.
		return false
	}
	switch words[len(words)-1] {
	case "right", "correct", "yeah", "yes", "no", "true", "ok", "okay", "innit", "eh":
		// "A.7.4 falls under the Physical theme, right": a tag question.
		return false
	}
	for _, w := range words {
		if askCues[strings.ReplaceAll(w, "'", "")] {
			return false
		}
	}
	// Each sentence of the part may start by asking: "Audit is in 3 weeks.
	// Will we pass a Type 1".
	for _, sentence := range sentenceEnd.Split(strings.ToLower(part), -1) {
		first := strings.FieldsFunc(sentence, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
		})
		for len(first) > 1 && leadIns[first[0]] {
			// "so is PJ an auditor": the sentence asks after its lead-in.
			first = first[1:]
		}
		if len(first) > 0 {
			if w := strings.ReplaceAll(first[0], "'", ""); auxCues[w] || requests[w] {
				return false
			}
		}
	}
	return true
}

// leadIns open a sentence without asking or telling anything.
var leadIns = map[string]bool{"so": true, "ok": true, "okay": true, "and": true, "but": true, "wait": true,
	"hmm": true, "hm": true, "then": true, "also": true, "well": true, "right": true, "oh": true}

// sentenceEnd ends a sentence inside a part of a text.
var sentenceEnd = rx.MustCompile(`[.!]+["'\x{201d}]*\s+|\n+`)

// requests start a sentence that asks by telling the line what to do: "list
// the iso clauses pls".
var requests = map[string]bool{
	"list": true, "name": true, "define": true, "describe": true, "explain": true, "give": true,
	"show": true, "summarize": true, "summarise": true, "compare": true, "outline": true, "pls": true,
	"please": true, "plz": true, "clarify": true, "remind": true,
}

// ccSeries counts the Common Criteria series a text names, ranges written out
// ("cc1-9" names nine).
func (d *Decider) ccSeries(text string) int {
	n := 0
	for _, t := range textnorm.Tokens(d.norm.Normalize(text)) {
		if len(t) == 3 && strings.HasPrefix(t, "cc") && t[2] >= '1' && t[2] <= '9' {
			n++
		}
	}
	return n
}

// lastSentence is the last sentence of a text with words in it: the question,
// after what a texter tells of their situation.
func lastSentence(text string) string {
	t := strings.TrimRight(text, " ?!.\t\n")
	if i := strings.LastIndexAny(t, ".?!\n"); i >= 0 && i+1 < len(t) && (t[i] != '.' || t[i+1] == ' ') {
		return t[i+1:]
	}
	return t
}

// askingSentence is the sentence of a text that asks: the last with a question
// word in it or an auxiliary to start it, else the last. "The auditor says
// those IDs are obsolete. What changed?" asks what changed, not what a
// control says.
func askingSentence(text string) string {
	var sentences []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '?' || c == '!' || c == '\n' || (c == '.' && (i+1 == len(text) || text[i+1] == ' ')):
			if s := strings.TrimSpace(text[start:i]); s != "" {
				sentences = append(sentences, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		sentences = append(sentences, s)
	}
	if len(sentences) < 2 {
		return text
	}
	for i := len(sentences) - 1; i >= 0; i-- {
		if !tells(sentences[i]) && asks(sentences[i]) {
			return sentences[i]
		}
	}
	return sentences[len(sentences)-1]
}

// asks reports whether a sentence has a question word in it or an auxiliary
// to start it.
func asks(sentence string) bool {
	words := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	})
	for i, w := range words {
		w = strings.ReplaceAll(w, "'", "")
		if askCues[w] || (i == 0 && auxCues[w]) {
			return true
		}
	}
	return false
}
