package decide

import (
	"strings"

	"github.com/sideguy/sideguy-text/internal/rx"
)

// ownPart lists, for an entry on one part of a framework, the normalised
// words that name the part: a question naming none of them is not on it.
var ownPart = map[string][]string{
	"iso-27701": {"iso27701", "privacy", "personaldata", "pims", "extension", "extensions", "addon"},
	"soa":       {"soa", "applicability", "applicable"},
}

// partNames names, for each SOC 2 category row of the crosswalk, the
// category in a texter's words: its name, its IDs, or what its answer is
// about; for the crosswalk, a SOC 2 side or a mapping. A question naming none
// of these is not on the row ("will iso alone be
// enough, or will they still insist on soc 2?" is no question on privacy,
// however much "enough" sounds like one of its phrasings).
var partNames = map[string]*rx.Regexp{
	"row-privacy":              rx.MustCompile(`\b(privacy|private|personal\w*|personaldata|pii|p|p[1-8](\.\d+)*|notice|choice|consent|retention|retain\w*|dispos\w*|collection|gdpr|ccpa|iso27701|data subjects?)\b`),
	"row-availability":         rx.MustCompile(`\b(avail\w*|uptime|a1(\.\d+)*|backups?|back ups?|recover\w*|continuity|capacity|redundan\w*|downtime|disasters?|dr|resilien\w*|outages?|sla|slas|bcp|failover|ict)\b`),
	"row-security":             rx.MustCompile(`\b(secur\w*|cc|cc\d+(\.\d+)*|commoncriteria|common|access\w*|change\w*|ops|operations?|operational|logical|physical|environment|risks?|monitor\w*|comms|communications?|incidents?|vendors?|hr|people|technological|organizational|infosec)\b`),
	"row-confidentiality":      rx.MustCompile(`\b(confidential\w*|c1(\.\d+)*|c|classif\w*|dlp|mask\w*|secrets?|sensitive|ndas?|leak\w*|encrypt\w*|handling)\b`),
	"crosswalk":                rx.MustCompile(`\b(soc2|tsc|criteria|criterion|categor\w*|commoncriteria|processingintegrity|availability|confidentiality|privacy|security|cc\d*|map\w*|crosswalk|line up|lines up|lining up|correspond\w*|equivalent\w*|match\w*|translat\w*|side by side|compare\w*|vs|versus)\b`),
	"row-processing-integrity": rx.MustCompile(`\b(processing|process|integrity|processingintegrity|pi|pi1(\.\d+)*|accura\w*|complete\w*|valid\w*|transactions?|calculat\w*|correct\w*|errors?|orders?|payments?|payroll|billing|invoic\w*)\b`),
}

// partNotNamed ends the reason of an escalation whose best entry is on a part
// the text does not name.
const partNotNamed = "is on a part the question does not name"

// pointsBack reports whether a short normalised text points back at
// something said before it ("it", "that", "those").
func pointsBack(norm string) bool {
	words := strings.Fields(norm)
	if len(words) > 8 {
		return false
	}
	for _, w := range words {
		if pointers[w] && w != "so" && w != "still" {
			return true
		}
	}
	return false
}

// namesOwnPart reports whether a normalised question names the part an
// entry is on (true for entries on no one part).
func namesOwnPart(id, norm string) bool {
	if re, ok := partNames[id]; ok {
		// "why is it the biggest gap": the row is the one pointed back at.
		return re.MatchString(norm) || pointsBack(norm)
	}
	words, ok := ownPart[id]
	if !ok {
		return true
	}
	for _, t := range strings.Fields(norm) {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}
