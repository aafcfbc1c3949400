package decide

import (
	"strconv"
	"strings"

	"github.com/sideguy/sideguy-text/internal/rx"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// rule escalates a question that matches it, whatever the index says.
type rule struct {
	name string
	re   *rx.Regexp
	// asked: only the sentence that asks, and what follows it, counts when
	// a text tells its situation first and the question does not point back
	// at it ("clean surveillance audits so far. what do we add for soc 2?";
	// "... how much of it counts. ballpark?" still asks a price).
	asked bool
	// holds, when set, must also accept a text the pattern matches.
	holds func(text string) bool
}

// matches reports whether the rule fires on text.
func (r rule) matches(text string) bool {
	return r.re.MatchString(text) && (r.holds == nil || r.holds(text))
}

func r(name, pattern string) rule { return rule{name: name, re: rx.MustCompile(pattern)} }

// disputeReason names the rule for a texter saying the line is wrong.
const disputeReason = "said the answer is wrong"

// disputeLate reports whether a text says something is wrong only after
// telling what someone said (not in its first 40 characters), and asks
// nobody to look at it.
func (d *Decider) disputeLate(text string) bool {
	norm := d.norm.Normalize(text)
	if lookAtIt.MatchString(norm) {
		return false
	}
	for _, r := range d.human {
		if r.name == disputeReason {
			loc := r.re.FindStringIndex(norm)
			return loc != nil && loc[0] >= 40
		}
	}
	return false
}

// lookAtIt asks a person to look at something.
var lookAtIt = rx.MustCompile(`\b(human|person|someone|somebody|people|talk to|speak to|review|look at|check)\b`)

// selfDeprecating is a texter calling their own question dumb: no dispute.
var selfDeprecating = rx.MustCompile(`\b(dumb|stupid|silly|basic|naive|noob)\s+(question|questions|one|q)\b`)

// disputed is the rule for a texter saying the line is wrong: it holds
// where the text says so near its start, in a short last sentence ("...
// who's right, you or him"), or is short.
func disputed(pattern string) rule {
	re := rx.MustCompile(pattern)
	return rule{name: disputeReason, re: re, holds: func(text string) bool {
		loc := re.FindStringIndex(text)
		if loc == nil || selfDeprecating.MatchString(text) {
			return false
		}
		last := text
		if i := strings.LastIndex(strings.TrimRight(text, " ."), " . "); i >= 0 {
			last = text[i+3:]
		}
		return loc[0] < 40 || len(strings.Fields(text)) <= 15 || (re.MatchString(last) && len(strings.Fields(last)) <= 12)
	}}
}

// mappingRule escalates a request for an exact control-by-control mapping,
// but not a question on why the old and new editions' numbers differ
// (the 2013 entry's).
func mappingRule(pattern string) rule {
	return rule{name: "exact mapping", re: rx.MustCompile(pattern), holds: func(text string) bool {
		return !editionsCompared.MatchString(text)
	}}
}

// askedRule is a rule on what the text asks, not on the situation it tells:
// audit events and dates are the texter's background as often as their
// question.
func askedRule(name, pattern string) rule {
	return rule{name: name, re: rx.MustCompile(pattern), asked: true}
}

// humanRules catch a texter asking for a person or saying the line is wrong.
// They run on the normalised text.
func humanRules() []rule {
	return []rule{
		// "human" and "a person" alone, or asked for: not "in normal human
		// words" or "is sideguy a company or a person".
		r("asked for a person", `^\W*(a\s+)?(human|humans|person|agent|operator)\W*(please|pls|plz)?\W*$|\b(agent|operator|representative|real person|actual person|real human|actual human|live human|someone real|somebody real|live person|customer service|support team)\b|\b(to|with|need|needs|want|wants|get|reach|is there|are you|r u|talking to)\s+(a\s+|an\s+|any\s+)?(human|humans|person)\b|\b(any|a|some)\s+(human|humans|person|real person|people)\s+(available|around|there|here|online|free)\b|\b(human|person)\s+(please|pls|plz)\b`),
		r("asked for a person", `\b(connect|put|transfer|forward|pass|escalate)\s+(me|us|this)\s+(to|through|with)\b|\b(get|have|reach|with|from)\s+pj\b.{0,25}\b(phone|call|directly|personally|live|in person|on the line)\b|\bpj\s+(directly|personally|himself|herself)\b|\bis\s+pj\s+(about|there|in)\b|\b(chat|talk|speak)\s+(with|to)\s+(him|her|pj|you)\s+(directly|personally|in person)\b`),
		r("asked for a person", `\b(talk|speak|chat|text|get)\s+(\w+\s+)?(to|with)\s+(pj|someone|somebody|a rep|the owner)\b|\bis (pj|there anyone|anyone|someone) there\b|\b(can|could|may)\s+(i|we)\s+(get|have)\s+(pj|a human|a person|someone)\b|\bpj\s+(around|about|available|free|online|in today)\b|\bcall me\b|\b(someone|somebody|pj)\s+(call|ring|phone|text|email|reach|contact)\b|\b(call|ring|phone)\s+(me|us)\b`),
		// A long text that says something is wrong in passing ("our sales
		// guy says we'll be soc 2 certified and i feel like that's wrong
		// ...") is telling its situation, not disputing an answer.
		disputed(`^\W*(wrong|incorrect|false|not true|nope wrong|no that is wrong)\s*[.!,:]|(?:^\W*(that|this|it|thats|its)|\b(that|this|it|you|(your|the|that|this)\s+((last|previous|earlier|first|second)\s+)?(answer|reply))\s+(is|are|was|were|seems|sounds|looks))\s*(wrong|incorrect|not right|not correct|not true|false|inaccurate|off|outdated|out of date|made up|nonsense|not accurate|mistaken)\b|\bwrong answer\b|\bnot what i (asked|meant|said)\b|\b(does|did) not answer\b|\bnot helpful\b|\b(is|are|was|does|did|do)\s+not\s+(really|even|actually|quite)\s+(answering|answer|helping|help)\b|\b(does|did|do|is|was) not help(ing|ful)?\b|\bnot answering\b|\b(does not|do not) (seem|look|sound) (right|correct|accurate)\b|\btake another look\b|\bare you sure\b|\b(not|different from) what (my|the|our|his|her) \w+ (said|says|told)\b|\bwho is right\b|\b(you|yours) or (him|her|them|theirs|mine)\b|\bcontradicts\b|\bthat is not true\b|\b(this|you|bot|line|thing|answers?|replies|reply|robot|ai)\b.{0,40}\b(useless|pointless|worthless|garbage|rubbish|not useful|no use|no help|not helping|a waste of time|dumb|stupid|terrible|awful|not much use|not any use|not of much use|not much help|not any help)\b|\bunhelpful\b|\b(useless|pointless|worthless|garbage|rubbish|terrible|awful|dumb|stupid)\s+(answer|answers|reply|replies|response|responses|bot|line|robot|ai)\b|\bmakes no sense\b|\bno that is not\b|^\W*(no\W+|hmm\W+|um\W+)?i do not think (that is|so)\b|\b(not|never)\s+(getting|understanding|get|understand|gets|understands)\s+(what|me|my|it|the question)\b`),
	}
}

// scopeRules catch questions the knowledge base must not answer even when its
// words match: prices, timelines, referrals, scheduling, other frameworks, law,
// exact control-by-control mappings, templates and how-to work, and staffing.
func scopeRules() []rule {
	const soc2IDs = `(?:cc\d\.\d+|a1\.\d+|c1\.\d+|pi1\.\d+|p\d\.\d+)`
	const ids = `(?:cc\d\.\d+|a1\.\d+|c1\.\d+|pi1\.\d+|p\d\.\d+|a\.\d+\.\d+(?:\.\d+)?)`
	const mapWords = `(?:map|maps|mapping|mappings|mapped|equivalent|equivalents|correspond|corresponds|corresponding|matches|match|same as|crosswalk)`
	return []rule{
		askedRule("price", `\b(cost|costs|costing|price|prices|pricing|priced|fee|fees|expensive|cheap|cheaper|cheapest|dollars?|usd|affordable|spend|spending|(an|the|their|auditor'?s?|audit|firm'?s?)\s+invoice|rates?|charge|charges|budget|budgets|budgeting|ballpark|roi|pay|paying)\b|\b(get|got|getting|rough|ballpark|price|any|their|auditors?|firms?)\s+quotes?\b|\bquotes?\s+(for|on)\b|\bquoted\s+(us|me)\b|\b(run|set)\s+(us|me|you|them)\s+back\b|\b(will|would|does|did|could|might|it|that|this|soc2|iso27001|gonna|going to|type[12])\s+(run|set)\s+(us|me|you|them)\b|\bafford\b\s*(?:it|this|that|them|a|an|the|soc2|iso27001|to|both)?\s*$|\bafford\s+(to\s+(\w+\s+)?)?(it|this|that|them|a|an|the|soc2|iso27001|both)\b|\$|£|\b\d+\s*k\b|\bhow much (is|does|do|will|would|should)\s+(it|a|an|the|soc2|iso27001|they|you|we|i)\b.{0,30}\b(run|cost|charge|take|pay|spend|budget)`),
		askedRule("timeline", `\bhow (long|fast|quickly|soon|often)\b|\b(timeline|timelines|timeframe|time frame|deadline|deadlines|duration|turnaround|eta)\b|\bhow many (days|weeks|months|years|hours)\b|\b(in|within|by|under|less than|more than|take|takes|taking|took|need|last|lasts)\s+((about|around|roughly|approximately|like|maybe|at least|up to|only|just)\s+)?(a|an|\d+|few|couple|couple of|several|one|two|three|four|five|six|nine|twelve)\s+(days?|weeks?|months?|years?)\b|\b(in|within)\s+(that|this|the|such a)\s+(time|timeframe|window|period|short time)\b|\bstart to finish\b|\b(minimum|maximum|min|max|shortest|longest)\s+(period|window|length|duration|time)\b|\b(same|one|single)\s+(week|month|day|quarter)\b|\bby\s+(q[1-4]|the end of|end of|next (week|month|quarter|year)|christmas|xmas|new year|year end|eoy|eoq|jan\w*|feb\w*|march|april|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)\b|\b(expire|expires|expired|expiry|expiration|renew|renews|renewal|recertify|recertification|surveillance audit|surveillance audits)\b`),
		askedRule("timeline", `\b(covers?|covering|spans?|spanning|lasts?)\s+(like\s+|about\s+|roughly\s+)?(a|one|the)\s+(full\s+|whole\s+|entire\s+)?(year|quarter|month|week)s?\b|\b(valid|good|last|lasts)\s+(for|until|through)\s+(a|an|\d+|few|one|two|three|six|twelve|how long)\b|\b(is|are|be)\s+((at least|at most|about|around|roughly|only|just|a minimum of|a maximum of)\s+)?(a|an|\d+|few|couple of|several|one|two|three|six)\s+(days?|weeks?|months?|years?)\b|\b(window|period)\b.{0,40}\b\d+\s+(days?|weeks?|months?)\b|\b(days?|weeks?|months?)\s+(enough|realistic|doable|feasible|too short|too long|long enough)\b`),
		askedRule("frequency", `\b(require|requires|required|need|needs|needed|must|have to|has to|mandatory|supposed to)\b.{0,40}\b(every|each|per|once a|twice a)\s+(year|month|quarter|week|day)\b|\b(annual|annually|yearly|quarterly|monthly)\b|\b(audited|assessed|recertified)\s+(again|every|each)\b|\baudits?\s+again\b|\b(how many|how often)\b[^.]{0,40}\b(a|per|each|every)\s+(year|yr|month|quarter)\b|\bevery\s+(year|yr|12 months)\s*(or\b|$)`),
		r("referral", `\b(hire|hiring)\s+(an?\s+|the\s+)?(\w+\s+)?(auditors?|audit firms?|cpa firms?|firms?|consultants?|consultancy|lawyers?|pen ?testers?)\b|\b(which|any)\s+((good|soc2|iso27001|audit|cpa|certification|compliance|grc|automation)\s+)?(auditors?|audit firms?|cpa firms?|cpas?|firms?|certification bod(y|ies)|registrars?|consultants?|consultancy|vendors?|tools?|platforms?|software|lawyers?|pen ?testers?)\b|\b(recommend|suggest)\s+(one|someone|somebody|anyone|a good one|any)\b|\b(insist on|require on|require|use|hire|want|need|get|pick|choose|go with)\s+(a\s+|the\s+)?big\s*(4|four)\b|\b(recommend\w*|rec+om+end\w*|re+comend\w*|suggest\w*|refer|referral|good|best|top|pick|choose|find|use|using|trust|cheap\w*|reputable|vetted|favorite|favourite)\b.{0,25}\b(auditors?|audit firms?|cpa firms?|cpas?|firms?|certification bod(y|ies)|certifying bod(y|ies)|registrars?|consultants?|consultancy|consultancies|vendors?|tools?|platforms?|software|lawyers?|pen ?testers?|pentesters?)\b|\b(auditors?|firms?|consultants?|tools?|platforms?|vendors?)\b.{0,20}\b(recommend|suggest|use|should we|you like|you use|you trust|worth)\b|\bwho\s+(would|do|should|can|could|will)\s+(you|u)\s+(recommend|suggest|use|go with)\b|\b(same|one|a single)\s+((cpa|audit|auditing)\s+)?(firm|auditor|auditors|cpa|company)\b.{0,40}\b(both|together|(soc2|iso27001)\b.{0,30}\band\b.{0,12}\b(soc2|iso27001))\b|\b(vanta|drata|secureframe|sprinto|thoropass|tugboat|hyperproof|laika|a-lign|schellman|strike graph|scytale)\b`),
		// A weekday is a meeting only beside talking or meeting words; "by
		// friday" and "auditor is here monday" tell a deadline.
		{name: "scheduling", re: weekday, holds: func(text string) bool {
			// Only in the weekday's own sentence: "as of monday i own
			// compliance. ... what is new work for us" books nothing.
			for _, s := range strings.Split(text, " . ") {
				// "the board meeting is thursday" is the texter's calendar.
				if weekday.MatchString(s) && meetingWords.MatchString(boardMeeting.ReplaceAllString(s, " ")) {
					return true
				}
			}
			return false
		}},
		r("scheduling", `\b\d+\s*(min|mins|minutes)\s+(call|chat|meeting|zoom|slot|intro|catch up)\b|\b(a|book|schedule|set up|have|arrange|want|need|quick|short|grab)\s+(a\s+)?(meeting|meet)\b|\b(meeting|meet)\s+(with|up|you|pj)\b|\b(can|could|let us|lets|want to|like to)\s+meet\b|\b(schedule|scheduling|reschedule|zoom|calendar|calendly|appointment|book a|book an|book time|demo|hop on|jump on|phone call|video call|quick call|set up a call|set up time|grab time)\b|\b(are|is) (you|pj) (available|free|around)\b|\b(have|get|set up|schedule|grab|arrange|book|do|want|need|get on|hop on|jump on)\s+a\s+call\s+(with|to|about|this|next|today|tomorrow|sometime)\b|\b(have|get|set up|schedule|grab|arrange|book|want|need)\s+a\s+call\b|\byour availability\b|\bwhen (are|is) (you|pj) (free|available|around)\b`),
		askedRule("other framework", otherFrameworkPattern),
		askedRule("legal", `\bin breach\b|\bmislead\w*\b|\bmisrepresent\w*\b|\bfalse advertising\b|\b(legal|legally|law|laws|lawyer|attorney|lawsuit|sue|sued|suing|liable|liability|contractual|breach of contract|penalty|penalties|a fine|fines|fined|illegal|regulator|regulators|regulation|regulations|compliant by law|court)\b`),
		mappingRule(`\b(exact|exactly|precise|precisely|specific|specifically|one to one|1:1|control by control|control to control|line by line|row by row|each line|each row|every line|every row|criterion by criterion|each control|every control|each criterion|every criterion|full|detailed|granular|spreadsheet|excel|csv|sheet|list of)\b.{0,30}\b` + mapWords + `\b|\b` + mapWords + `\b.{0,30}\b(exact|exactly|precise|precisely|specific|specifically|individual|control by control|one to one|1:1|each control|every control|each criterion|every criterion|line by line|row by row|each line|each row|every line|every row)\b`),
		mappingRule(`\b(which|what)\b.{0,25}\b(control|controls|criteria|criterion|clause|clauses)\s*(number|numbers|id|ids)?\b.{0,30}\b` + ids + `|\b` + ids + `\b.{0,40}\b(which|what)\b.{0,20}\b(control|controls|criterion|criteria|clause)\b`),
		mappingRule(`\b(which|what|the|exact|specific|precise|individual)\s+(iso27001|annexa|soc2|tsc)\s+(control|controls|criterion|criteria|clause)\b.{0,30}\b` + ids + `|\b` + ids + `\b.{0,40}\b(which|what|the|exact|specific|precise|individual)\s+(iso27001|annexa|soc2|tsc)\s+(control|controls|criterion|criteria|clause)\b`),
		// A control's number or ID on the other side: "the iso equivalent of
		// cc7.2, control number pls". A control ID asked about without such a
		// word ("A1.2 maps to what in 27001") goes to its crosswalk row.
		mappingRule(`\b` + ids + `\b.{0,40}\b(control|criterion|criteria|clause)\s*(numbers?|ids?|#|no)\b|\b(control|criterion|criteria|clause)\s*(numbers?|ids?|#|no)\b.{0,40}\b` + ids + `\b|\b` + mapWords + `\b.{0,40}\b(control|criterion|criteria|clause)\s*(numbers?|ids?|#)\b|\b(control|criterion|criteria|clause)\s*(numbers?|ids?|#)\b.{0,40}\b` + mapWords + `\b`),
		// "the exact iso control number for backups": one control's number.
		mappingRule(`\b(what|which|the|exact|specific)\s+(\w+\s+){0,2}(control|criterion|clause)\s*(number|numbers|id|ids|#)\b`),
		// "which exact annex a control tho": one control, not the row.
		mappingRule(`\b(which|what|the)\s+(exact|specific|precise|particular|individual|single)\s+((iso27001|annexa|soc2|tsc|2022|2013|a\.\d+|cc\d)\s+)*(control|controls|criterion|criteria|clause)\b`),
		// The one control for a topic: "the iso 27001 control for access reviews".
		mappingRule(`\b(which|what|the)\s+((iso27001|annexa|soc2|tsc|one)\s+)*(control|criterion)\s+(for|covers|covering|handles|handling|about|on|that|deals)\b`),
		// Two IDs of the two frameworks set against each other.
		mappingRule(`\b` + soc2IDs + `\b.{0,40}\b` + mapWords + `\b.{0,20}\ba\.\d+\.\d+\b|\ba\.\d+\.\d+\b.{0,40}\b` + mapWords + `\b.{0,20}\b` + soc2IDs + `\b`),
		// "which do european buyers prefer", "will german customers accept
		// a soc 2": a market's taste, which the sources do not give ("EU
		// prospects want iso, what's new work" only tells the situation).
		askedRule("market preference", `\b(which|what|do|does|will|would|are|is)\b[^.?!]{0,25}\b(european|europe|eu|us|american|america|uk|british|asian|apac|german|japanese|dach|nordic|french|indian|australian|canadian)\s+(\w+\s+)?(buyers|customers|clients|companies|enterprises|market|markets|prospects|firms|procurement|banks)\s+((generally|usually|typically|really|actually|mostly|tend to)\s+)?(prefer|accept|recogni[sz]e|trust|favou?r|value)\w*\b`),
		// "why did our auditor flag CC8.1", "why did they reject our type
		// 1": what someone in their story did or wants; "why does everyone
		// bring up the soa" asks about the SoA.
		askedRule("why someone did it", `\b(why|how come)\s+((did|do|does|would|was|were|is|are|has|have)\s+)?(our|my|their|his|her|two|both|different|the two|some|european|american|us|uk|eu|enterprise)\s+(\w+\s+)?(auditors?|customers?|clients?|prospects?|buyers?|board|investors?|vendors?|cofounder|ceo|cto|team|firms?|assessors?)\b|\bwhy did\b[^.?!]{0,30}\b(auditor|auditors|customer|customers|client|prospect|buyer|board|investor|they)\b`),
		askedRule("templates or how-to", `\b(template|templates|policy doc|policy docs|sample|samples|example policy|example policies|send me|boilerplate|(a|any|your|some|good) policy packs?)\b|\bwhat (exactly )?(do|should|must) (i|we) (put|write|include|list|document|say)\b|\bhow (do|should|can|would) (i|we|you) (write|word|phrase|fill|fill out|document|implement|set up|build|prepare|draft|create|run|conduct|perform|scope)\b|\bhow (do|should|can|would) (i|we|you) (pass|prepare for|prep for|get ready for|get through)\b|\bhow (do|should|can|would|will) (i|we|you) (actually\s+)?(close|fill|bridge|plug)\b|\bhow to (write|fill|implement|set up|build|prepare|draft|create|run|conduct|perform|pass|get through)\b|\b(write|draft) (my|our) (policy|policies|soa|isms)\b|\b(can|could|would|will) you\s+(please\s+)?(write|draft)\b|\b(help|helping)\s+(me|us)\s+(to\s+)?(write|draft|create|build|prepare|fill|set up|implement|map)\b|\b(write|draft|fill in|fill out|answer)\b.{0,20}\b(answer|answers|response|responses|reply|replies|questionnaire|questionnaires)\b.{0,60}\bfor (me|us)\b`),
		askedRule("audit process", `\bwhat happens (at|after|when|if|during|once|before|in|to us)\b|\b(same|one|single)\s+(firm|auditor|company|body|cpa|cpa firm|audit firm)\b.{0,60}\b(also|both|as well)\b|\b(different|separate|another|other)\s+(firm|auditor|cpa|company|body|audit firm|cpa firm)\b|\b(one|same|single)\s+(firm|auditor|audit firm|engagement|audit)\b.{0,40}\b(both|soc2 and iso27001|iso27001 and soc2)\b|\b(both|soc2 and iso27001|iso27001 and soc2)\b.{0,40}\b(one|same|single)\s+(firm|auditor|engagement|audit)\b|\b(a|another|second|fresh)\s+new\s+(audit|report|assessment)\b|\b(another|second|fresh)\s+(audit|report|assessment)\b|\bre\s*-?\s*audit\w*\b|\b(fail|fails|failed|failing|failure|pass or fail|pass fail)\b|\bstage\s*(1|2|one|two|i|ii)\b|\bsurveillance\b|\bnon ?conformit\w*|\bnonconformit\w*|\bbridge letters?\b|\breadiness (assessment|review|audit)\b|\bqualified opinion\b|\bmanagement assertion\b|\bcarve ?outs?\b|\bsubservice\b|\bcuecs?\b|\bhow (do|does|would|will)\s+(the\s+|an?\s+|our\s+|most\s+)?(auditors?|assessors?|cpas?|certification bod(y|ies))\s+(usually\s+|typically\s+|normally\s+|actually\s+)?(handle|treat|deal with|view|see|judge|assess|approach|react|respond|score|rate)\b`),
		// The "2013" the normaliser puts beside a 2013-style ID is no edition
		// the texter named ("evidence for A.12.3.1 - our cert is 2022").
		// "still on our 2013 cert, whats diff in 2022" asks how the editions
		// differ, which the 2013 entry says; moving over is the transition.
		{name: "edition transition", re: editionTransition, asked: true, holds: func(text string) bool {
			return editionTransition.MatchString(strings.ReplaceAll(text, "annexa 2013", "annexa")) &&
				(moving.MatchString(text) || !editionsCompared.MatchString(text)) && editionNamed.MatchString(text)
		}},
		// Who PJ is beyond the line: the sources do not say.
		r("who PJ is", `\b(is|are)\s+(pj|sideguy)\s+(an?\s+)?(auditor|cpa|certified|lawyer|attorney|accredited|certification body|registrar|qualified)\b|\bare\s+you\s+(an?\s+)?(auditor|cpa|lawyer|attorney)\b`),
		// Compliant against certified: the sources do not say.
		r("compliant against certified", `\bcompliant\b.{0,40}\b(mean|means|same as|equal|actually)\b.{0,30}\bcertified\b|\bcompliant\b.{0,15}\b(vs|versus|or|and)\b.{0,15}\bcertified\b`),
		// The observation window and its length: the sources do not give it.
		r("audit process", `\bobservation\s+(period|window)s?\b|\b\d+\s+months?\s+or\s+\d+\b`),
		r("review of their documents", `\b(can|could|would|will)\s+(pj|you|someone|somebody|sideguy)\s+(please\s+)?(look at|look over|take a look at|have a look at|review|check|go over|go through|audit|assess|vet|proofread|sanity check)\s+(our|my|this|these|it|them|a|an|the|their|his|her)\b`),
		r("price", `\bhow much (is|are|was|would|will)\s+((a|an|the|our|my|one|it|that)\s+)?(\w+\s+){0,2}(audits?|reports?|certifications?|certificates?|assessments?|attestations?|auditors?|type[12])\s*($|\.|\b(for|usually|typically|normally|roughly|nowadays|these days|going to be)\b)|\bhow much for\b`),
		r("names the sources do not give", `\bdomains\b[^.?!]{0,40}\bname\b|\b(criteria|criterion|controls|domains)\b.{0,20}\bby name\b|\bby name\b.{0,20}\b(criteria|controls|domains)\b|\bhow many\b.{0,30}\b(brand new|new ones|changed|removed|added|merged|dropped|deleted|renamed|exactly)\b|\b(names?|called|named|list)\b[^.?!]{0,40}\bcontrols\b|\b(names?|called|named|list)\b[^.?!]{0,40}\bdomains\b|\bdomains\b[^.?!]{0,40}\b(called|named|names|list)\b|\bwhat (are|were) the\b[^.?!]{0,25}\bdomains\b|\blist\s+(all|every|each|the)\b[^.?!]{0,30}\bcontrols\b`),
		r("definition", definitionPattern()),
		r("whether a framework is required", `^\W*(is|are)\s+((a|an|the)\s+)?(soc2|iso27001)(\s+(type[12]|certification|cert|report|audit|attestation|compliance))?\s+(really\s+|actually\s+)?(required|mandatory|necessary|needed|compulsory|a must|obligatory)\b`),
		r("source of a figure", `\b(where|how)\b[^.?!]{0,40}\b(come|comes|came)\s+from\b|\bhow\s+(was|is|were|are|did you|do you)\b[^.?!]{0,30}\b(computed|calculated|derived|measured|worked out|arrived at|compute|calculate|derive|measure)\b|\b(come|came|coming)\s+up\s+with\b|\bwhat (is|are) (your|the) sources?\b|\bsources?\s+for\s+(that|this|the)\b|\b(your|a|the|any)\s+citations?\b|\bcite\s+(your|that|this|it|sources?)\b|\b(can|could|would|will)\s+you\s+cite\b`),
		// Risk assessment is both an ISMS duty and SOC 2's CC3: whether SOC 2
		// requires it is not the ISMS question it looks like.
		r("risk assessment in soc 2", riskInSOC2()),
		// Whether they will pass: a judgement on their own case.
		askedRule("whether they will pass", `\b(we|i|they)\s+(will|would|should|can|could)\s+(still\s+|easily\s+|definitely\s+|surely\s+)?pass(\s+(the|a|an|our|soc2|iso27001|type[12])\b|\s*(\.\s*)*$)|\b(will|would|are|can|could|do|does|should|shall|is)\s+(we|i|they|that|this|it|ours|our\s+\w+)\s+(still\s+|even\s+)?(be\s+able\s+to\s+|going\s+to\s+|likely\s+to\s+|enough\s+to\s+)?pass\b|\b(chance|chances|odds|likely|likelihood|probability)\b.{0,30}\bpass\w*\b|\bpass\w*\b.{0,20}\b(first time|first try|first attempt)\b`),
		// Whether a plan of theirs is doable: a judgement on their case.
		askedRule("advice on their case", `\b(for|to|with)\s+(an?\s+)?(\w+\s+)?(business|company|startup|firm|team|shop|org|organi[sz]ation|saas|vendor|provider|agency|product)\s+like\s+(ours|us|mine|me)\b|\b(is|are|would|will)\s+(that|this|it)\s+(even\s+|really\s+|actually\s+)?(be\s+)?(doable|feasible|realistic|achievable|possible)\b|^\W*(is\s+(it|that|this)\s+)?(even\s+)?(doable|feasible|realistic|achievable)\W*$|\b(are|am|would|will)\s+(we|i|our\s+\w+)\s+(be\s+)?(fully\s+|already\s+|then\s+|still\s+)?covered\b|\b(does|do|would|will)\b(\s+\S+){0,6}?\s+(still\s+)?(hold|apply|stand)\s+(true\s+)?(for|to|in)\s+(us|me|our|my)\b`),
		askedRule("timeline", `\b\d+\s+(days?|weeks?|months?)\s+to\s+(get|produce|deliver|finish|complete|have|do|pass|show)\b`),
		// What to do next in their own situation: advice, not a fact.
		askedRule("advice on their case", `\bwhat\s+(do|should|can|must)\s+(i|we)\s+do\b|\bwhat\s+now\b|\bhow\s+(do|should|can)\s+(i|we)\s+(fix|remediate|respond|handle|deal with|address)\b`),
		// What evidence or documents an auditor wants: the sources do not say.
		askedRule("evidence details", `\b(what|which)\s+(\w+\s+){0,2}(evidence|documents|docs|documentation|artifacts|artefacts)\b.{0,40}\b(want|wants|need|needs|expect|expects|require|requires|look for|looks for|ask for|asks for|ask|asks)\b`),
		// Control numbers asked for: control by control.
		mappingRule(`\bcontrol\s+(numbers|ids)\b`),
		// "which annex a control is the DLP one exactly": one control named.
		mappingRule(`\b(which|what)\s+((iso27001|annexa|soc2|tsc)\s+)*(control|criterion)\s+is\s+(the|it|that)\b`),
		// What the SoA holds, column by column: the sources say what it is,
		// not what goes in it.
		r("contents of the soa", `\b(what|which)\b[^.]{0,30}\b(columns?|fields?|goes in|go in|put in|include|contain)\b[^.]{0,30}\bsoa\b|\bsoa\b[^.]{0,30}\b(have to|has to|need to|needs to|must|should)\s+(include|contain|list|show|have)\b|\bsoa\b[^.]{0,40}\bcolumns?\b|\bcolumns?\b[^.]{0,40}\bsoa\b`),
		// Whether what they have is enough for their buyer, or counts as
		// something: their own case.
		askedRule("advice on their case", `\b(enough|sufficient|suffice|good enough)\s+for\s+(our|us|my|this|them|the|a)\s+(\w+\s+)?(customer|customers|client|clients|buyer|buyers|bank|banks|prospect|prospects|partner|partners|procurement|deal|deals|investors?|board|market|rfp)\b|\bwill\s+(they|our customers?|the customers?|customers|clients|our clients|the bank|buyers|our buyers|the buyers?|procurement|enterprise buyers|enterprises)\s+(still\s+)?(insist|accept|want|require|take)\b|\b(do|does|would|will|can|could)\s+(we|i|that|this|it|ours|our\s+\w+)\s+(still\s+|even\s+)?count\s+as\b`),
		// Whether it is worth it for them, or wins them deals.
		askedRule("advice on their case", `\b(is|would|will)\s+(it|that|this|soc2|iso27001|either|one)\s+(even\s+|really\s+|actually\s+)?(be\s+)?worth\b|\bworth\s+it\b|\bhelp\s+(us\s+|me\s+)?(close|win|land|get)\s+(more\s+|bigger\s+)?(deals|customers|clients|sales|business|contracts)\b`),
		// Which categories a company like theirs should pick.
		askedRule("advice on their case", `\b(categor\w*|criteria|tsc)\b[^.]{0,40}\bshould\s+(we|i|a|an|our)\b|\bshould\s+(we|i|a|an|our)\b[^.]{0,40}\b(pick|choose|include|select|add|scope)\b[^.]{0,20}\b(categor\w*|criteria|tsc)\b`),
		// Who gives the ISO certificate: the sources do not say.
		r("who certifies", `\bwho\s+(is\s+|are\s+)?(giv\w*|grant\w*|award\w*|hand\w*\s+out)\b[^.]{0,30}\b(iso27001|certificat\w*|cert|certs)\b`),
		// Whether their system needs a category in scope: "do we need PI1 in
		// scope for our CI/CD saas".
		askedRule("advice on their case", `\b(need|include|have|put|add)\s+(\S+\s+){1,3}in\s+(the\s+)?scope\s+for\s+(our|us|my|a|an)\b`),
		// Every control mapped to its counterpart: "map every iso 27001
		// annex a control to its tsc criterion".
		r("exact mapping", `\bmap\w*\s+(every|each|all)\s+(of\s+the\s+)?(\w+\s+){0,4}(controls?|criteria|criterion)\b.{0,40}\bto\s+(its|their|the|a|an)\b|\b(list|name|enumerate|give me|show me|spell out)\s+(out\s+)?(every|each|all)\s+(of\s+the\s+)?(single\s+)?(\w+\s+){0,2}(controls?|criteria|criterion)\b.{0,40}\b(overlap|20%|20 percent|80%|gap|missing|does not|doesn't|do not|don't|not)\b`),
		askedRule("advice on their case", `\b(do|would|will|should)\s+(we|i)\s+(still\s+|even\s+|also\s+|really\s+)?need\s+(it|that|this|one|both|them|those)\b.{0,40}\b(if|since|when|given|as)\s+(we|i)\s+(already\s+)?(have|do|hold|got|run|cover|use)\b`),
		// Whether ISO 27701 is certified apart from 27001: the sources say
		// it extends 27001, not how it is certified.
		askedRule("certifying 27701", `\biso27701\b[^.]{0,40}\b(certifiable|certified|certify|certification)\b[^.]{0,40}\b(on its own|by itself|alone|standalone|separately|without|together)\b|\b(certifiable|certify)\b[^.]{0,20}\biso27701\b[^.]{0,20}\b(on its own|by itself|alone|standalone|separately|without)\b`),
		// Which report type the texter needs: their own case.
		askedRule("advice on their case", `\btype\s*[12]?\b[^.]{0,30}\b(we|i)\s+(would|will|d|ll|should|must)?\s*need\b|\b(which|what)\s+(type|report)\s+(do|would|should|will)\s+(we|i)\s+need\b`),
		// Careers, study and quizzes: not what the line is for.
		r("careers and study", `\b(become|be)\s+(an?\s+)?(\w+\s+)?(auditor|consultant|assessor|lead auditor|ciso|cpa)\s+(myself|yourself|themselves)\b|\bbecome\s+(an?\s+)?(\w+\s+)?(auditor|consultant|assessor|lead auditor|ciso|cpa)\b|\b(need|have)\s+to\s+be\s+an?\s+(cpa|auditor|accountant)\b|\b(career|careers|cissp|cisa|cism|ceh|exam|exams|practice questions|quiz|quizzes|flashcards)\b`),
		// Why the standard's authors changed it: the sources do not say.
		r("history of the standards", `\bwhy did (iso27001|the iso27001|iso|the iso|they|aicpa|the aicpa)\b|\b(reasoning|rationale)\b`),
		// Whether a finding in their own report is bad: a judgement.
		askedRule("judging their findings", `\bshould (we|i) (be )?(worried|concerned|panic|panicking|care)\b|\bis (that|this|it) (bad|a problem|a big deal|serious|a red flag)\b|\bred flags?\b|\b(exceptions?|deviations?|findings?)\b.{0,50}\b(normal|bad|worr\w*|concern\w*|serious|big deal|okay|ok|fine|acceptable|typical|common)\b`),
		// Whether a certificate or report is genuine: the sources do not say.
		r("checking a certificate", `\b(check|verify|validate|confirm|tell)\b.{0,40}\b(certificate|cert|report|attestation)\b.{0,25}\b(real|valid|genuine|legit|legitimate|authentic|fake|forged|made up)\b|\b(fake|forged|counterfeit)\s+(certificate|cert|report)s?\b`),
		r("who certifies", `\bwho\s+(actually\s+|even\s+|then\s+)?(certifies|certify|accredits)\b|\bwho\s+(does|do|performs|handles|runs|conducts)\s+(the\s+|an?\s+)?(iso27001\s+)?(certifying|certification|certificate|cert)\b`),
		// Whether one framework's auditor can do the other's audit: "can our
		// iso auditor just sign off the soc 2 too".
		r("audit process", `\b(iso27001|soc2|cpa)\s+(auditors?|firms?|cpa firms?|assessors?)\s+(can|could|would|will)\s+(just\s+|also\s+)?(sign\w*\s+off|issue|do|perform|certify|give|grant)\b.{0,30}\b(soc2|iso27001)\b|\b(can|could|will|would)\s+(our|the|an?|my|their)\s+(iso27001|soc2|cpa)\s+(certification\s+|cert\s+|audit\s+)?(auditors?|certification bod(y|ies)|registrars?|firms?|cpa firms?|assessors?)\b.{0,40}\b(sign\w*\s+off|issue|do|perform|audit|attest|certify|cover|handle)\b.{0,30}\b(soc2|iso27001)\b`),
		// Which clause holds the SoA: the sources do not say.
		r("where a component sits", `\b(which|what)\s+clauses?\b.{0,30}\bsoa\b|\bsoa\b.{0,30}\b(which|what)\s+clauses?\b`),
		r("who certifies", `\b(which|what)\s+(organi[sz]ation|body|bodies|company|companies|entity)\b.{0,30}\b(issues?|grants?|awards?|signs?|certif\w*)\b|\baccredit\w*\b`),
		// Who issues ISO certificates, said as a claim: the sources do not say.
		r("who certifies", `\b(certificates?|certification|certs?)\s+(get|gets|are|is|got)?\s*(issued|granted|awarded|signed)\s+by\b`),
		// Clauses outside 4-10: the sources name only those.
		r("clauses the sources do not give", `\bclauses?\s+([1-3]|1[1-9])\b`),
		// Who must attend or sign: the sources do not say.
		r("roles", `\b(ceo|cto|cfo|board|founders?)\b.{0,30}\b(personally|attend|attends|be in the room|sign|signs|sign off)\b|\bwho (exactly )?(needs|has|have) to (be|attend|sign)\b`),
		// Who grants an ISO certificate: the sources do not say.
		r("who certifies", `\bwho\b.{0,30}\b(issue|issues|issued|issuing|grant|grants|granted|award|awards|awarded|sign|signs|give|gives|hand|hands)\b.{0,30}\b(certificate|certificates|certification|certifications)\b`),
		// Roles a framework may or may not demand: the sources do not say.
		r("roles", `\b(require|requires|required|need|needs|needed|mandate|mandates|must|have to have|has to have)\b.{0,30}\b(ciso|vciso|cio|dpo|security officer|compliance officer|privacy officer|security team|security engineer|dedicated security)\b|\b(ciso|vciso|dpo|security officer|compliance officer|privacy officer)\b.{0,30}\b(required|mandatory|needed|necessary|a must)\b`),
		// "do we even need it?": whether they need something is their case.
		r("their own scope", `^\W*((so|ok|okay|but|and|hmm)\W+)*(do|does|would|will|should)\s+(we|i)\s+(even|really|actually|still|definitely)\s+(need|have to get|require)\s+(it|this|that|one|them)\b|\b(do|does|should)\s+(we|i)\s+(really|even|actually|still)\s+need\s+(a\s+|an\s+|the\s+)?(soc2|iso27001|both)\b`),
		// Whether their own SOC 2 needs a category: "do we need processing
		// integrity in our soc 2?" is a judgement on their case.
		r("their own scope", `\b(do|does|should|must)\s+(we|i|our\s+\w+)\s+(really\s+|even\s+|also\s+)?(need|have to|require|include|keep|add)\s+(to\s+include\s+)?(the\s+)?(processingintegrity|privacy|availability|confidentiality)(\s+category|\s+criteria|\s+series)?\b.{0,40}\b(in|for)\s+(our|my|this)\b`),
		// Their own case: "do we need PI for our app" is a judgement on
		// their scope, not a fact the sources give.
		r("their own scope", `\b(do|does|should)\s+(we|i)\s+(really\s+|even\s+)?need\b.{0,40}\bin\s+(our|my)\s+(\w+\s+){0,2}scope\b`),
		askedRule("their own scope", `\b(do|does|would|will|should)\s+(we|i|our\s+\w+)\s+(really\s+|even\s+|also\s+)?(need|have to|require|want)\b.{0,40}\bfor\s+(our|my)\s+(app|apps|product|products|company|startup|business|saas|platform|service|use case|situation|setup|stack|customers?)\b`),
		// Who sees a document, whether to send it: the sources do not say.
		askedRule("sharing documents", `\b(soa|reports?|documents?|docs?|polic(y|ies)|certificates?|certs?|results?|findings|isms|it|this|that|them)\b.{0,60}\b(share|sharing|shared|send|sending|give|giving|show|showing|disclose|disclosing|publish|publishing|hand over|post|posting)\b.{0,15}\b(with|to)?\s*(customers?|prospects?|clients?|buyers?|the public|publicly|externally|partners?)\b|\b(share|send|give|show|disclose|publish|post)\s+(our|the|my|a)\s+(soa|reports?|documents?|docs?|polic(y|ies)|certificates?|certs?|results?|findings)\b|\binternal only\b|\bconfidential document\b`),
		// A separate audit or certificate for a part: the sources do not say.
		r("separate audit", `\b(separate|own|standalone|stand alone|stand-alone|additional|extra|second)\s+(audit|audits|certificate|certificates|certification|certifications|cert|certs|assessment|assessments|report|reports|auditor)\b|\bride along\b|\b(a|an|as a)\s+bolt\s*on\b|\bbolt(ed|ing)?\s+(\S+\s+)?on\b[^.]{0,30}\bto\b`),
		// Where a part of the ISMS sits ("which of those does internal audit
		// fall under"): the sources name the parts, not their clauses.
		r("where a component sits", `\b(which|what|where)\b.{0,30}\b`+ismsParts+`\b.{0,25}\b(fall|falls|under|in|belong|belongs|sit|sits|part of|go|goes|live|lives|located|found)\b|\b`+ismsParts+`\b.{0,20}\b(fall|falls|belong|belongs|sit|sits|live|lives)\s+(under|in|into)\s+(which|what)\b|\bclauses?\s*\d+\b.{0,40}\b`+ismsParts+`\b|\b`+ismsParts+`\b.{0,40}\bclauses?\s*\d+\b|\bwhere\b.{0,15}\b`+ismsParts+`\b.{0,10}\b(live|lives|sit|sits)\b`),
		r("staffing", `\bhow many (people|staff|engineers|employees|ftes?|hires|heads|persons)\s+(do|does|did|should|will|would|to|for|in|on|are|is|we|i|it|does)\b|\b(headcount|fte|ftes|full time|part time)\b`),
		// "which one has 61 criteria?": a count the sources do not give.
		{name: "a figure the sources do not give", re: countOf, holds: unknownFigure},
	}
}

// otherFrameworkPattern names a framework the line does not cover.
const otherFrameworkPattern = `\b(soc1|soc3|hipaa|hitech|pci|pci ?dss|nist|800 ?53|800 ?171|csf|iso9001|iso14001|iso42001|iso22301|iso27017|iso27018|iso27002|2700[2-9]|2701\d|gdpr|ccpa|cpra|fedramp|hitrust|cmmc|sox|sarbanes|dora|nis2|cis controls?|cyber essentials|tisax|c5|csa star|stateramp|ferpa|glba|eu ai act|ai act|coppa|itar|irap|ens|soc for cybersecurity|soc for supply chain)\b`

// editionTransition is the edition transition rule's pattern.
var editionTransition = rx.MustCompile(`\b(transition\w*|migrat\w*|recertif\w*)\b|\b2013\b[^.?!]{0,40}\b(certifiable|certif\w*|transition\w*|migrat\w*|upgrad\w*|deadline|accepted|recogni[sz]ed|audit|audited)\b|\b(certifiable|certif\w*|transition\w*|migrat\w*|upgrad\w*)\b[^.?!]{0,40}\b2013\b|\b(move|moving|switch|switching|upgrade|upgrading|migrate|migrating|transition|transitioning)\s+(over\s+)?(to|from)\s+(the\s+)?(2022|2013)\b`)

// editionNamed names an edition: "which migration path is less painful,
// iso then soc 2 or the reverse" is no edition transition.
var editionNamed = rx.MustCompile(`\b(2013|2022|2005|editions?|versions?|old|older|new|newer|latest|current|recertif\w*|revision|revised|updated?)\b`)

// moving talks of moving a certificate to the new edition.
var moving = rx.MustCompile(`\b(transition\w*|migrat\w*|recertif\w*|deadline|accepted|recogni[sz]ed|valid|expire\w*|expiry|certifiable|upgrad\w*|move|moving|switch\w*)\b`)

// editionsCompared asks why or how the old edition's numbers differ from
// the current one's.
var editionsCompared = rx.MustCompile(`\b(2013|old|older|previous|earlier)\b.{0,120}\b(why|difference|different|differ|changed|change)\b|\b(why|difference|different|differ|changed|change)\b.{0,120}\b(2013|old|older|previous|earlier)\b`)

// weekday names a day of the week.
var weekday = rx.MustCompile(`\b(mon|tues|wednes|thurs|fri|satur|sun)days?\b`)

// boardMeeting is a meeting of the texter's own.
var boardMeeting = rx.MustCompile(`\b(board|team|staff|all hands|investor|sales|standup|stand up)\s+(meeting|call|sync)\b`)

// meetingWords talk of meeting or talking.
var meetingWords = rx.MustCompile(`\b(call|calls|meet|meeting|talk|chat|speak|zoom|teams|available|free|around|book|schedule|slot|time|works? for|catch up|sync|demo|ring|phone)\b`)

// riskInSOC2 matches whether SOC 2 requires a risk assessment, the words in
// any order.
func riskInSOC2() string {
	const risk, req, soc = `\brisk (assessment|assessments|analysis|analyses)\b`, `\b(require\w*|need|needs|needed|mandatory|must|have to|has to)\b`, `\b(soc2|tsc)\b`
	var alts []string
	for _, order := range [][3]string{{risk, req, soc}, {risk, soc, req}, {req, risk, soc}, {req, soc, risk}, {soc, risk, req}, {soc, req, risk}} {
		alts = append(alts, order[0]+`.{0,50}`+order[1]+`.{0,50}`+order[2])
	}
	// "is risk assessment an iso-only thing?": SOC 2 has it too (CC3).
	alts = append(alts, risk+`.{0,50}\b(isoonly|soc2only)\b`, `\b(isoonly|soc2only)\b.{0,50}`+risk)
	return strings.Join(alts, "|")
}

// ismsParts are the ISMS processes the answers name without saying where in
// the clauses they sit.
const ismsParts = `(internal audits?|management reviews?|risk treatment( plan)?|risk assessments?|risk register|corrective actions?)`

// components are things the answers name as parts of something else (the ISMS
// holds management reviews, Availability is capacity, backup and recovery)
// without saying what they are.
var components = []string{
	`management reviews?`, `internal audits?`, `risk treatment( plan)?`, `risk assessments?`, `risk register`,
	`dlp`, `data loss prevention`, `data masking`, `masking`, `ict continuity( readiness)?`, `continuity`,
	`redundancy`, `information classification`, `data classification`, `classification`, `information handling`,
	`evidence program`, `evidence format`, `scoping`, `operating effectiveness`, `points? of focus`,
	`cpa( firm)?`, `logical access`, `access controls?`, `change management`, `ops security`,
	`operations security`, `backups?`, `recovery`, `capacity`, `retention`, `disposal`, `notice and choice`,
	// The frameworks themselves: the sources compare them, and never say
	// what "SOC" stands for.
	`soc2`, `soc`, `iso27001`,
}

// definitionPattern matches a question on what one of the components is: the
// sources name them and do not define them, so the answer naming them would
// not answer.
func definitionPattern() string {
	c := `(?:an?\s+|the\s+|our\s+)?(?:(?:soc2|iso27001)\s+)?(?:` + strings.Join(components, "|") + `)`
	where := `(?:\s+(?:in|for|under|of|with|from)\s+(?:an?\s+|the\s+)?(?:soc2|iso27001|annexa|tsc|isms|type[12])(?:\s+(?:soc2|iso27001|annexa|tsc|isms|type[12]))*)?`
	lead := `^\s*(?:(?:ok|so|and|but|also|wait|hmm|sorry|then|quick question|question)\s+)*`
	end := `(?:\s+(?:exactly|again|then|actually|really|please|though))*\s*(?:\.\s*)*$`
	return lead + `(?:what|wat)\s+(?:is|are|was|were)\s+` + c + where + end +
		`|` + lead + `(?:what|wat)\s+(?:does|do)\s+` + c + where + `\s+(?:mean|stand for)` + end +
		`|` + lead + `(?:define|explain)\s+` + c + where + end +
		`|` + lead + c + where + `\s+(?:meaning|definition|means what|is what)` + end +
		// "DLP?", "management review = ?", "data masking, what do u mean":
		// a word of the last answer, asked about alone.
		`|` + lead + c + `\s*(?:=|\.)?\s*(?:(?:what do|what does|wdym)\s+(?:you|u|that|it|this)\s+mean|meaning|means|explain)?` + end +
		`|` + lead + `what\s+counts\s+as\s+` + c + where + end +
		// "what exactly goes in the management review": what a part holds.
		`|\bwhat\s+(?:exactly\s+|actually\s+|all\s+)?(?:goes|go|belongs|should go|has to go|needs to go)\s+(?:in|into|inside)\s+` + c
}

// smallTalkWords are words of greetings, thanks and acknowledgements. A
// message made only of them asks nothing the knowledge base answers.
func smallTalkWords() map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.Fields(`hi hey hello yo sup hiya howdy heya hallo greetings
		good morning afternoon evening night day gm gn
		thanks thank you so much very a lot lots again appreciate appreciated it that
		lol lmao haha hahaha hah heh rofl ok cool great awesome nice perfect sweet amazing
		got understood noted gotcha makes sense sounds fine alright all right
		np no problem worries cheers bye goodbye later see ya cya ttyl take care
		yes no sure yup nope ah oh hmm um uh wow k kk there everyone folks guys man dude
		how are is doing going what up the and for your help helpful helps helped pj
		super really useful have one enjoy weekend rest was this
		mate buddy bud i needed exactly just wanted matches matched agrees confirms lines up
		our we us auditor auditors told said heard thought figured expected with same so
		ta arigatou arigato gracias merci danke obrigado grazie shukran asante well done god bless sir madam`) {
		words[w] = true
	}
	return words
}

// isSmallTalk reports whether the normalised text holds nothing but small
// talk: its words are all small talk, or it thanks, greets or acknowledges
// and says nothing else but everyday words, asking nothing ("perfect, that's
// exactly what I needed for the form", "many thanks, have a nice weekend").
func (d *Decider) isSmallTalk(text, norm string) bool {
	toks := textnorm.Tokens(norm)
	all := true
	for _, t := range toks {
		if !d.smallTalk[t] {
			all = false
			break
		}
	}
	if all {
		return true
	}
	if strings.Contains(text, "?") {
		return false
	}
	if holdOn.MatchString(norm) && !anyAnchor(d.anchors, norm) {
		// "sorry brb, ups guy is here": stepping away, nothing asked.
		return true
	}
	if switchingTopic.MatchString(norm) {
		// "ok back to soc 2 for a minute": the next text will ask.
		return true
	}
	if passingOn.MatchString(norm) && !anyAnchor(d.anchors, norm) {
		// "cool, forwarding this to my team", "sorry its 2am lol".
		return true
	}
	if ackOnly.MatchString(norm) && !anyAnchor(d.anchors, norm) {
		// "got it, 4 themes": an acknowledgement repeating what it heard.
		return true
	}
	if thanksLast.MatchString(norm) && !anyAnchor(d.anchors, norm) && !d.scopeCatches(norm) {
		// "...your two texts were clearer than his deck. Thanks again.": a
		// long thank-you that asks nothing.
		return true
	}
	if clearedUp.MatchString(norm) {
		// "thanks, that clears up the cert vs report thing".
		return true
	}
	core, warm, other := false, false, 0
	start := true
	fields := strings.Fields(norm)
	for i, t := range fields {
		if t == "." {
			start = true
			continue
		}
		after := ""
		if i+1 < len(fields) {
			after = fields[i+1]
		}
		switch {
		case (askCues[t] && (start || asking[after] || anywhereCues[t])) || (start && auxCues[t]) || d.anchors[t]:
			// "what about privacy" asks; "exactly what i needed" does not.
			return false
		case smallTalkCore[t]:
			core = true
			warm = warm || warmWords[t]
		case d.smallTalk[t] || d.lexicon.Everyday(t):
		default:
			other++
		}
		start = false
	}
	if !core || other > 3 || (other > 0 && !warm) {
		return false
	}
	if other > 0 {
		// Thanks or a greeting with a word or two of its own ("back to
		// yaml hell", "from Tokyo", "for our board meeting"), unless those
		// words ask for something the line hands to PJ.
		return !d.scopeCatches(norm)
	}
	return true
}

// asking are the words after a question word that make it ask ("what
// about", "how does"), not a clause ("what i needed").
var asking = map[string]bool{"about": true, "is": true, "are": true, "was": true, "does": true, "do": true,
	"did": true, "should": true, "can": true, "could": true, "if": true, "would": true, "will": true, "s": true,
	"else": true, "of": true}

// anywhereCues ask wherever they stand in a text ("ok so which one first",
// "hey who is this"); "what" and "how" ask only at the start or before a
// verb ("exactly what I needed" thanks).
var anywhereCues = map[string]bool{"which": true, "who": true, "whos": true, "whose": true, "why": true}

// holdOn says the texter is stepping away for a moment.
var holdOn = rx.MustCompile(`\b(brb|afk|gtg|g2g|be right back|one sec|1 sec|hold on|gotta go|got to go|boarding)\b`)

// switchingTopic says which framework the next texts are on, asking
// nothing yet.
var switchingTopic = rx.MustCompile(`^(?:(?:ok|okay|so|alright|right|thanks|thank you|cool|great|got it)\s*\.?\s*)*(?:back to|switching to|switch to|switching over to|moving on to|on to|onto|changing topic to|new topic)\s+(?:the\s+)?(?:soc2|iso27001|annexa|tsc|isms)(?:\s+(?:for a|for one)\s+(?:minute|sec|second|bit|moment)|\s+(?:now|then|quickly|stuff|questions?|side|for now))*\s*\.?$`)

// passingOn tells what the texter does with the answer, or apologises for
// the hour, asking nothing.
var passingOn = rx.MustCompile(`\b(forward|forwarding|forwarded|share|sharing|shared|pass|passing|passed|send|sending|sent|show|showing)\s+(this|that|it|these|those|them)\s+(on\s+|along\s+)?(to|with)\s+(my|our|the)\s+\w+|^\W*sorry\s+(it is|its|for)\s+(so\s+)?(late|early|\d+\s*(am|pm)|the late|texting late|the hour)\b|^\W*(sorry\s+)?(i am\s+|im\s+)?(new|brand new|a newbie|a noob)(\s+(here|to this|to all this|to compliance|at this))?\W*$`)

// ackOnly acknowledges and repeats a word or two of the answer, asking
// nothing: "got it, 4 themes".
var ackOnly = rx.MustCompile(`^\W*((lol|haha|ha|hah|heh|ok|okay|cool|ah|oh|right|yeah|yep|true|hmm)\s+)*(got it|gotcha|noted|understood|makes sense|fair enough|ok got it|ok thanks)\b(\s+\w+){0,4}\s*$`)

// thanksLast ends a text with thanks.
var thanksLast = rx.MustCompile(`(^|\s\.\s)(many\s+|so\s+)?(thanks|thank you|thx|cheers|much appreciated|appreciate it)(\s+(again|so much|a lot|heaps|mate|a ton|a million))?(\s+for\s+(the|all the|all your|your)\s+help(\s+along the way)?)?\s*(\.\s*)*$`)

// scopeCatches reports whether a scope rule catches a normalised text.
func (d *Decider) scopeCatches(norm string) bool {
	for _, r := range d.scope {
		if r.matches(norm) {
			return true
		}
	}
	return false
}

// anyAnchor reports whether a normalised text names a framework or a part.
func anyAnchor(anchors map[string]bool, norm string) bool {
	for _, t := range strings.Fields(norm) {
		if anchors[t] {
			return true
		}
	}
	return false
}

// clearedUp thanks for an answer by saying what it cleared up.
var clearedUp = rx.MustCompile(`^\W*(thanks|thank you|thx|ty|cheers|great|perfect|got it|ok|cool|awesome|nice)\b.{0,15}\b(that|this|it)\s+((actually|really|totally|finally|honestly|def|definitely)\s+)?(clears?|cleared|clarifies|clarified|explains|explained|helps|helped|answers|answered)\b`)

// warmWords thank or greet: with them a text may carry a word or two of its
// own and still be small talk.
var warmWords = map[string]bool{"thanks": true, "thank": true, "thx": true, "ty": true, "cheers": true,
	"appreciate": true, "appreciated": true, "hi": true, "hey": true, "hello": true, "hiya": true,
	"howdy": true, "howzit": true, "greetings": true, "gm": true, "morning": true, "afternoon": true, "evening": true, "perfect": true,
	"brilliant": true, "awesome": true, "great": true}

// smallTalkCore are the words that make a text thanks, a greeting or an
// acknowledgement whatever everyday words come with them.
var smallTalkCore = map[string]bool{
	"arigatou": true, "arigato": true, "bless": true, "ta": true,
	"thanks": true, "thank": true, "thx": true, "ty": true, "cheers": true, "appreciate": true, "appreciated": true,
	"hi": true, "hey": true, "hello": true, "hiya": true, "howdy": true, "greetings": true, "morning": true,
	"afternoon": true, "evening": true, "ok": true, "okay": true, "cool": true, "great": true, "awesome": true,
	"nice": true, "perfect": true, "brilliant": true, "sweet": true, "amazing": true, "lovely": true,
	"excellent": true, "fantastic": true, "fair": true, "gotcha": true, "noted": true, "understood": true,
	"gm": true, "lol": true, "haha": true, "bye": true, "goodbye": true, "cya": true, "ttyl": true,
	"howzit": true, "lmao": true, "lmaooo": true,
}

// talkKind says which small talk a text is: greeting, thanks, bye or ack.
func talkKind(norm string) string {
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(" "+norm+" ", " "+w+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("thanks", "thank", "appreciate", "appreciated", "cheers", "helpful"):
		return "thanks"
	case has("bye", "goodbye", "later", "cya", "ttyl", "care", "gn", "night"):
		return "bye"
	case has("hi", "hey", "hello", "yo", "sup", "hiya", "howdy", "heya", "hallo", "greetings", "morning", "afternoon", "evening", "gm"):
		return "greeting"
	default:
		return "ack"
	}
}

// countOf is a number of things a framework has: "61 criteria", "12 domains".
var countOf = rx.MustCompile(`(?:^|[^.\w])(\d+)\s+(criteria|criterion|controls|requirements|categories|clauses|domains|themes|points|principles)\b`)

// knownFigures are the counts the sources give: 93 controls in 4 themes (37,
// 8, 14, 34), 114 in 14 domains, 5 categories, 9 CC series, clauses 4-10.
var knownFigures = map[string]bool{"93": true, "4": true, "37": true, "8": true, "14": true, "34": true, "114": true,
	"5": true, "9": true, "10": true, "7": true, "1": true, "2": true}

// unknownFigure reports whether norm counts something in a number the
// sources do not give.
func unknownFigure(norm string) bool {
	for _, m := range countOf.FindAllStringSubmatch(norm, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1990 && n <= 2100 {
			// "the 2013 controls", "annex a 2022: themes": an edition.
			continue
		}
		if !knownFigures[m[1]] {
			return true
		}
	}
	return false
}
