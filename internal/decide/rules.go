package decide

import "regexp"

// rule escalates a question that matches it, whatever the index says.
type rule struct {
	name string
	re   *regexp.Regexp
}

func r(name, pattern string) rule { return rule{name, regexp.MustCompile(pattern)} }

// humanRules catch a texter asking for a person or saying the line is wrong.
// They run on the normalised text.
func humanRules() []rule {
	return []rule{
		r("asked for a person", `\b(human|humans|agent|operator|representative|real person|actual person|a person|someone real|somebody real|live person|customer service|support team)\b`),
		r("asked for a person", `\b(talk|speak|chat|text|get)\s+(to|with)\s+(pj|someone|somebody|a rep|the owner)\b|\bis (pj|there anyone) there\b|\bcall me\b`),
		r("said the answer is wrong", `\b(that|this|it|you|thats|your answer)\s*(is|are|s|was|re)?\s*(wrong|incorrect|not right|not correct|not true|false|inaccurate|off)\b|\bwrong answer\b|\bnot what i (asked|meant)\b|\bdoes not answer\b|\bnot helpful\b`),
	}
}

// scopeRules catch questions the knowledge base must not answer even when its
// words match: prices, timelines, referrals, scheduling, other frameworks, law,
// and exact control-by-control mappings.
func scopeRules() []rule {
	return []rule{
		r("price", `\b(cost|costs|costing|price|prices|pricing|priced|fee|fees|expensive|cheap|cheaper|cheapest|dollars?|usd|afford|affordable|spend|invoice|rates?|charge|charges)\b|\$|\b\d+\s*k\b|\bhow much (is|does|do|will|would)\s+(it|a|an|the|soc2|iso27001|they|you)\b.{0,20}\b(run|cost|charge|take)`),
		r("timeline", `\bhow (long|fast|quickly|soon)\b|\b(timeline|timelines|deadline|weeks?|months?|days|duration|turnaround)\b`),
		r("referral", `\b(recommend|suggest|refer|referral|know|good|best|pick|choose|find|cheap)\w*\b.{0,25}\b(auditors?|cpa|firms?|consultants?|consultancy|vendors?|tools?|platforms?|software|lawyers?|pen ?testers?)\b|\b(auditors?|firms?|consultants?|tools?|platforms?)\b.{0,20}\b(recommend|suggest|use|should we|you like)\b|\b(vanta|drata|secureframe|sprinto|thoropass|tugboat|hyperproof|laika)\b`),
		r("scheduling", `\b(schedule|scheduling|meeting|meet|zoom|calendar|calendly|appointment|book a|demo|hop on|jump on|phone call|a call|availability|available)\b`),
		r("other framework", `\b(soc1|soc3|hipaa|pci|pci ?dss|nist|800 ?53|800 ?171|csf|iso9001|iso14001|iso42001|iso22301|iso27017|iso27018|iso27002|gdpr|ccpa|cpra|fedramp|hitrust|cmmc|sox|sarbanes|dora|nis2|cis controls?|cyber essentials|tisax|c5|csa star|stateramp|ferpa|glba|eu ai act)\b`),
		r("legal", `\b(legal|legally|law|laws|lawyer|attorney|lawsuit|sue|liable|liability|contract|contracts|penalty|penalties|fine|fines|illegal)\b`),
		r("exact mapping", `\b(exact|exactly|precise|precisely|specific|specifically|one to one|control by control|line by line|each control|every control|full|complete|spreadsheet|excel|csv|list of)\b.{0,30}\b(map|maps|mapping|mapped|equivalent|correspond|corresponds|matches|crosswalk)\b|\b(map|maps|mapping|mapped|equivalent|correspond|corresponds|matches)\b.{0,30}\b(exact|exactly|precisely|control by control|one to one|each|every)\b`),
		r("exact mapping", `\b(which|what)\s+(annexa|iso27001|iso|soc2|tsc)?\s*(control|controls|criteria|criterion|clause)\s*(number|id)?\b.{0,30}\b(cc\d|a1\.\d|c1\.\d|pi1\.\d|p\d\.\d|a\.\d)`),
		r("exact mapping", `\b(cc\d+(\.\d+)?|a1\.\d+|c1\.\d+|pi1\.\d+|p\d\.\d+|a\.\d+\.\d+)\b.{0,40}\b(map|maps|mapping|mapped|equivalent|correspond|corresponds|matches|same as)\b`),
		r("templates", `\b(template|templates|policy doc|sample|example policy|send me)\b`),
	}
}
