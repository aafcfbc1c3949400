package decide

import (
	"regexp"
	"strings"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// turnPatterns recognise the shapes of a conversation.
type turnPatterns struct {
	otherWay *regexp.Regexp
	followUp *regexp.Regexp
	split    *regexp.Regexp
	mapping  *regexp.Regexp
	// details asks what a single control holds: beyond what the sources say.
	details *regexp.Regexp
	// whatIs asks what a series is, rather than where it maps.
	whatIs *regexp.Regexp
	iso    *regexp.Regexp
}

func newTurnPatterns() turnPatterns {
	return turnPatterns{
		otherWay: regexp.MustCompile(`(?i)\b(other|opposite) (direction|way)\b|\bthe reverse\b|\breversed?\b|\bvice versa\b|\bother way (a)?round\b|\bgoing back\b`),
		followUp: regexp.MustCompile(`(?i)^\s*(and|also|what about|how about|same for|same with|and for|what of|plus|ok and|ok what about|but)\b|^\s*\S+(\s+\S+){0,3}\s*\?*\s*$`),
		split:    regexp.MustCompile(`\?+\s+|\?+$|\n+|;\s+|\.\s+(?i:also|and|plus)\b|\s+(?i:also|and also|plus),?\s+(?i:what|how|which|is|are|do|does|can|should|why|who)\b`),
		mapping:  regexp.MustCompile(`(?i)\b(map|maps|mapping|mapped|equivalent|equal|correspond\w*|matches|same as|translate\w*|line up)\b`),
		details:  regexp.MustCompile(`(?i)\bhow many\b|\brequire[sd]?\b|\brequirements?\b|\bpoints? of focus\b|\bevidence\b|\btest(ed|ing|s)?\b|\blist (all|every|the)\b|\bexactly\b|\bwording\b|\bfull text\b|\bimplement\w*\b|\bpass\b|\bfail\w*\b`),
		whatIs:   regexp.MustCompile(`(?i)^\W*(what|wat|whats|what's|wht)\b`),
		iso:      regexp.MustCompile(`(?i)\biso\b|27001|\bannex\b|\bmaps?\b|\bmapping\b|\bequivalent\b`),
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

// Turn decides on one text in a conversation. Beyond Decide it answers control
// IDs by their row, two questions in one text, and follow-ups that lean on the
// previous answer ("and privacy?", "what about the other direction?").
func (d *Decider) Turn(text string, c domain.Context) (domain.Decision, error) {
	text = strings.TrimSpace(text)
	if c.Previous != "" && d.turn.otherWay.MatchString(text) && len(strings.Fields(text)) <= 10 {
		if other := otherDirection(c.Previous); other != "" {
			if e, ok := d.index.Entry(other); ok {
				return domain.Decision{Action: domain.ActionAnswer, Entry: e, Score: 1, Candidate: e.ID,
					Reason: "follow-up: the other direction of " + c.Previous}, nil
			}
		}
	}
	dec, err := d.Decide(text)
	if err != nil {
		return dec, err
	}
	if dec.Action == domain.ActionSmallTalk || isPersonRequest(dec) {
		return dec, nil
	}
	if refs := d.controls.find(text); len(refs) > 0 {
		return d.controlDecision(text, dec, refs), nil
	}
	if parts := d.splitQuestions(text); len(parts) > 1 {
		if multi, ok := d.several(parts, dec); ok {
			return multi, nil
		}
	}
	if dec.Action != domain.ActionAnswer && c.Previous != "" && d.turn.followUp.MatchString(text) {
		combined, err := d.Decide(c.PreviousQuestion + " " + text)
		if err == nil && combined.Action == domain.ActionAnswer && combined.Entry.ID != c.Previous {
			combined.Reason = "follow-up to " + c.Previous
			return combined, nil
		}
	}
	return dec, nil
}

func isPersonRequest(d domain.Decision) bool {
	return d.Action == domain.ActionEscalate &&
		(strings.HasPrefix(d.Reason, "asked for a person") || strings.HasPrefix(d.Reason, "said the answer is wrong"))
}

// controlDecision routes quoted IDs to their rows and names them in the
// answer; a request for an exact mapping goes to the operator with the IDs.
func (d *Decider) controlDecision(text string, dec domain.Decision, refs []controlRef) domain.Decision {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	if strings.HasPrefix(dec.Reason, "out of scope: exact mapping") || (len(refs) > 1 && d.turn.mapping.MatchString(text)) ||
		(d.turn.mapping.MatchString(text) && crossFramework(refs, text)) {
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "exact control mapping requested for " + strings.Join(ids, ", ")}
	}
	if dec.Action == domain.ActionEscalate && strings.HasPrefix(dec.Reason, "out of scope") {
		dec.ControlIDs = ids
		return dec
	}
	if d.turn.details.MatchString(text) {
		// What a control requires, how many points it has: the sources do not say.
		return domain.Decision{Action: domain.ActionEscalate, ControlIDs: ids,
			Reason: "details of " + strings.Join(ids, ", ") + " go beyond the crosswalk"}
	}
	ref := refs[0]
	if ref.Entry == "row-security" && d.turn.whatIs.MatchString(text) && !d.turn.iso.MatchString(text) {
		// "what's cc3": the series itself, not where it maps.
		ref.Entry = "common-criteria"
	}
	e, ok := d.index.Entry(ref.Entry)
	if !ok {
		dec.ControlIDs = ids
		return dec
	}
	answer := ref.Note
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

// crossFramework reports whether a mapping question names the other framework
// than its ID's: "cc6.1 in iso", "a.8.13 in soc 2".
func crossFramework(refs []controlRef, text string) bool {
	s := strings.ToLower(text)
	iso := strings.Contains(s, "iso") || strings.Contains(s, "27001") || strings.Contains(s, "annex")
	soc := strings.Contains(s, "soc") || strings.Contains(s, "tsc") || strings.Contains(s, "trust services")
	for _, r := range refs {
		isoID := r.Entry == "annex-a" || r.Entry == "iso-2013" || r.Entry == "iso-clauses"
		if (isoID && soc) || (!isoID && iso) {
			return true
		}
	}
	return false
}

// splitQuestions cuts a text into its questions.
func (d *Decider) splitQuestions(text string) []string {
	var parts []string
	for _, p := range d.turn.split.Split(text, -1) {
		if p = strings.TrimSpace(p); len(strings.Fields(p)) >= 2 {
			parts = append(parts, p)
		}
	}
	return parts
}

// several answers a text that asks two (or more) things: every part the line
// can answer, and, when some part it cannot, a partial answer that sends the
// rest to the operator.
func (d *Decider) several(parts []string, whole domain.Decision) (domain.Decision, bool) {
	var answered []*domain.Entry
	seen := map[string]bool{}
	unanswered := 0
	for _, p := range parts {
		pd, err := d.Decide(p)
		if err != nil {
			return whole, false
		}
		switch {
		case pd.Action == domain.ActionAnswer && !seen[pd.Entry.ID]:
			seen[pd.Entry.ID] = true
			answered = append(answered, pd.Entry)
		case pd.Action == domain.ActionAnswer, pd.Action == domain.ActionSmallTalk:
		default:
			unanswered++
		}
	}
	switch {
	case len(answered) >= 2:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Entries: answered, Score: whole.Score,
			Candidate: answered[0].ID, Reason: "two questions in one text", Partial: unanswered > 0}, true
	case len(answered) == 1 && unanswered > 0 && whole.Action != domain.ActionAnswer:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Entries: answered, Score: whole.Score,
			Candidate: answered[0].ID, Reason: "answered one part; the rest goes to the operator", Partial: true}, true
	case len(answered) == 1 && whole.Action != domain.ActionAnswer:
		return domain.Decision{Action: domain.ActionAnswer, Entry: answered[0], Score: whole.Score,
			Candidate: answered[0].ID, Reason: "one question among small talk"}, true
	}
	return whole, false
}
