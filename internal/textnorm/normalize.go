package textnorm

import (
	"strings"
	"unicode"

	"github.com/sideguy/sideguy-text/internal/memo"
	"github.com/sideguy/sideguy-text/internal/rx"
)

// rewrite is one regular-expression substitution.
type rewrite struct {
	re   *rx.Regexp
	repl string
	// fn, when set, rewrites instead of repl.
	fn func(re *rx.Regexp, s string) string
}

func rw(pattern, repl string) rewrite {
	return rewrite{re: rx.MustCompile(pattern), repl: repl}
}

// apply runs the rewrite on s.
func (r rewrite) apply(s string) string {
	if r.fn != nil {
		return r.fn(r.re, s)
	}
	return r.re.ReplaceAllString(s, r.repl)
}

// socLevels reads "level 1" and "level 2" as SOC 2's types in a text that
// names SOC 2 ("soc 2 level 1 or level 2?"): SOC 2 has types, not levels.
// otherFrameworks names the neighbouring frameworks in the rewrites that set
// them aside.
const otherFrameworks = `(?:hipaa|pci(?:\s*dss)?|nist(?:\s*csf)?|gdpr|fedramp|hitrust|soc\s*1|soc\s*3|iso\s*9001)`

// heldSOC2Extra reads "what extra work if we already hold a soc 2", ISO left
// unnamed, as the move from SOC 2 to ISO: the extra work is ISO's.
func heldSOC2Extra(re *rx.Regexp, s string) string {
	if strings.Contains(s, "iso27001") || strings.Contains(s, "soc2toiso") || !re.MatchString(s) {
		return s
	}
	return s + " iso27001 soc2toiso "
}

func socLevels(re *rx.Regexp, s string) string {
	if !strings.Contains(s, "soc2") {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		// The level's number is the first group that matched; what follows
		// it in the match ("and", "or") stays.
		g := 2
		if m[g] < 0 {
			g = 4
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(" type " + s[m[g]:m[g+1]] + " ")
		last = m[g+1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// percents writes a figure's percent sign as a word ("20%" is "20
// percent"), but not after a dot: "a.5.10 %" keeps its ID, "80.5%" its
// decimal. Go's expressions cannot look behind, and consuming the character
// before would skip a figure that follows another ("0%0%").
func percents(re *rx.Regexp, s string) string {
	idx := re.FindAllStringSubmatchIndex(s, -1)
	if idx == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		if m[0] > 0 && s[m[0]-1] == '.' {
			continue
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(" ")
		b.WriteString(s[m[2]:m[3]])
		b.WriteString(" percent ")
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// Normalizer turns texts into canonical token strings. It is safe for concurrent
// use; build one with New and share it.
type Normalizer struct {
	chars    *strings.Replacer
	words    map[string]string
	glued    []rewrite
	rewrites []rewrite
	dirs     []rewrite
	// memo remembers recent results: one decision normalises the same text
	// several times (the rules, the search, each part of a two-question text),
	// and the regular expressions are the most expensive part of deciding.
	memo memo.Map[string, string]
}

// New builds a Normalizer.
func New() *Normalizer {
	return &Normalizer{
		memo: memo.Map[string, string]{Bound: 4096},
		chars: strings.NewReplacer(
			"’", "'", "‘", "'", "´", "'", "`", "'", "“", `"`, "”", `"`,
			"-->", " to ", "->", " to ", "→", " to ", "⇒", " to ", "➡", " to ", "⟶", " to ", "➔", " to ", "=>", " to ", ">>", " to ",
			"<->", " and ", "<>", " and ", "-only", " hyphenonly ", "-Only", " hyphenonly ", "-ONLY", " hyphenonly ", "↔", " and ", "←", " from ", "<-", " from ", "vs.", " vs ", "v.", " vs ",
			"—", " - ", "–", " - ", "…", " ", "\u00a0", " ", "&", " and ", "+", " and ",
			"27,001", "27001", "27,701", "27701", "y/n", " yes or no ", "Y/N", " yes or no ", "w/o", "without ", "w/", "with ", "b/c", "because ", "tl;dr", " tldr ", "tl:dr", " tldr ",
		),
		words: shorthand,
		glued: []rewrite{
			// Words glued to a framework name: "isocertified", "soc2report".
			rw(`\b(iso|soc2)(certified|certification|certs?|audits?|compliant|compliance|reports?|type)\b`, "$1 $2"),
			rw(`\btl dr\b`, "tldr"),
		},
		rewrites: []rewrite{
			// Framework names, most specific first.
			// Voice to text: "eye so 27 thousand one".
			rw(`\beye\s*so\b`, " iso "),
			rw(`\b27\s*(?:thousand|k)\s+(?:and\s+)?one\b`, " 27001 "),
			rw(`\b27\s*(?:thousand|k)\s+(?:and\s+)?seven\s+(?:hundred\s+)?(?:and\s+)?one\b`, " 27701 "),
			rw(`\bsoc\s*-?\s*(?:1|i|one)\b`, " soc1 "),
			rw(`\bsoc\s*-?\s*(?:3|iii|three)\b`, " soc3 "),
			rw(`\bsoc\s*-?\s*(?:2|ii|two|to)\b|\b(?:sco|sock|socks|sok)\s*-?\s*(?:2|ii|two|too)\b|\bsoc2s\b|\bsoc22\b`, " soc2 "),
			// A letter o typed for a zero: "27oo1", "277o1".
			rw(`\b27[0o]{2}1\b`, "27001"),
			rw(`\b277o1\b`, "27701"),
			// 27701 and its likely mistypings (27710, 27071, 27170: no such standards).
			rw(`\b(?:iso\s*/?\s*(?:iec)?\s*-?\s*)?(?:27701|27710|27071|27170|27107|277001)\b`, " iso27701 "),
			rw(`\biso\s*/?\s*(?:iec)?\s*-?\s*(27002|27017|27018|22301|9001|14001|42001)\b`, " iso$1 "),
			// The 2013 edition stays named: its IDs and control count differ.
			rw(`\b(?:iso\s*/?\s*(?:iec)?\s*-?\s*)?(?:27001|27k1?|27 k)\s*:\s*2013\b`, " iso27001 2013 "),
			rw(`\b(?:iso\s*/?\s*(?:iec)?\s*-?\s*)?(?:27001|27k1?|27 k)(?:\s*:\s*2022)?\b`, " iso27001 "),
			rw(`\biso\b`, " iso27001 "),
			rw(`\biso27001(?:\s+iso27001)+`, " iso27001 "),
			rw(`\btrust\s+(?:\w+\s+)?(?:criteria|criterion|categories|category|principles?|principals?|areas?|buckets?)\b|\btscs?\b`, " tsc "),
			// A trust center is a web page.
			rw(`\btrust\s+(?:center|centre|page|portal|hub|site)\b`, " website "),
			// "iso to soc or soc to iso": SOC 2, beside ISO.
			rw(`\bsoc\s+(to|or|vs|versus|and|then)\s+iso27001\b`, " soc2 $1 iso27001 "),
			// "is that an iso thing or a soc thing": SOC 2, set beside ISO.
			rw(`\b(a|the)\s+soc\s+(thing|side|one|world|stuff)\b`, " $1 soc2 $2 "),
			rw(`\biso27001\s+(to|or|vs|versus|and|then)\s+soc\b`, " iso27001 $1 soc2 "),
			// "the annex", "iso annex controls": ISO 27001 has one annex.
			rw(`\bannex\s*-?\s*a\b|\bannexa\b|\banex\s*a\b|\bannex\b|\banex\b|\bappendix\b`, " annexa "),
			// Autocorrect's "closes 4-10" for clauses.
			rw(`\b(?:closes|claws|cluases|clases|clauss)\b(\s+\d)`, " clauses$1"),
			// "30k ft view": the high level, not a price.
			rw(`\b\d+\s*(?:k|000)\s*(?:ft|feet|foot)\b`, " high level "),
			rw(`\binformation\s+security\s+management\s+systems?\b|\bisms\b|\bmanagement\s*-?\s*systems?\b`, " isms "),
			rw(`\bstatement\s+of\s+applicability\b|\bstate\s*(?:meant|mint|ment|mend)\s+of\s+applicab\w*|\bsoas?\b`, " soa "),
			rw(`\bprocessing\s+integrity\b|\bpi\b`, " processingintegrity "),
			rw(`\bcommon\s+criteri(?:a|on|as)\b`, " commoncriteria "),
			// Everyday phrases for a concept the knowledge base names.
			rw(`\b(?:have|has|got|share|shares)\s+in\s+common\b|\bin\s+common\b`, " $0 overlap "),
			rw(`\b(?:the\s+)?point\s+of\s+(an?|the)\b`, " purpose of $1 "),
			// Personal data is what the Privacy criteria and ISO 27701 are on.
			rw(`\bpersonal(?:ly identifiable)?\s+(?:data|information|details)\b|\bpii\b|\bphi\b`, " personaldata "),
			// A funding round is not a series of criteria, and "some context"
			// is not ISO's context of the organization.
			rw(`\bseries\s+[a-e]\b`, " funding "),
			rw(`\b(?:some|quick|for|bit of|little|more|the)\s+context\b`, " "),
			// Headcount tells the situation: "a 12 person saas".
			rw(`\b\d+\s*-?\s*(?:person|persons|people|employees?|staff|heads?|member|members|man|fte|ftes)\b`, " team "),
			// A startup's stage is not an audit's stage 1 or 2.
			rw(`\b(?:pre\s*-?\s*seed|seed|early|growth|late|series\s+[a-d])\s*-?\s*stage\b`, " seed "),
			rw(`\bbig\s+picture\b`, " high level "),
			rw(`\bproblem\s+(?:child|area|spot)\b`, " problem "),
			rw(`\btop\s*-?\s*level\b`, " main "),
			// "the honest answer on how PI maps": how to answer, not what.
			rw(`\b(?:the\s+|an\s+|your\s+)?honest\s+(?:answer|question|reply|response)\b`, " "),
			// "the nine criteria, in order": a list, not which comes first.
			rw(`\bin\s+order(?:\s*\.)*\s*$|\bin\s+order\s+\.`, " list . "),
			rw(`\bbrings?\s+to\s+the\s+table\b`, " has "),
			rw(`\bin\s+the\s+first\s+place\b|\b(?:had|have|has)\s+(?:quite\s+)?enough\s+(?:of\s+)?`, " "),
			// How to answer is no question: "1 line answer".
			rw(`\b(?:give me\s+)?(?:an?\s+)?(?:1|one)\s*-?\s*(?:line|sentence|word)\s+(?:answer|reply|version|response)(?:\s+(?:pls|please|plz))?\b`, " "),
			// A scheduling product is the texter's business, not a meeting.
			rw(`\bscheduling\s+(app|apps|software|platform|tool|tools|product|company|startup|saas|service|business|system)\b`, " planner $1 "),
			rw(`\bhe+y+\b`, " hey "),
			rw(`\bhi{2,}\b`, " hi "),
			// What carries over between the two is how much they share.
			rw(`\b(?:carry|carries|carried|carrying|transfer|transfers)\s+(?:over\s+|across\s+)?between\b|\bhow\s+much\s+(?:of\s+(?:the|our|my|that|this)\s+(?:\w+\s+){0,4})?(?:carries|carry|transfers|transfer)\s+over\b|\b(?:is|are)\s+shared\s+between\b`, " $0 overlap "),
			// SideGuy's own page named as a source: "per your crosswalk",
			// "your table's privacy row", "your page said".
			rw(`\b(?:per|on|in|from|of)?\s*(?:your|ur)\s+(?:crosswalk|table|chart)(?:\s+(?:page|site))?(?:\s+s\b)?|\b(?:your|ur)\s+(?:page|site|website|post)\s+(?:said|says|mentioned|mentions|shows|showed)\b`, " "),
			rw(`\bapples\s+(?:and|to|vs)\s+oranges\b`, " different "),
			// What is inside the Security category is the Common Criteria.
			rw(`\bwhat\s*(?:'s|s|is|are)?\s+(?:in|inside|under|within)\s+(?:the\s+)?security(?:\s+(?:one|category|bit|part|piece|section|criteria))?\b`, " $0 commoncriteria "),
			// Autocorrect's "annex as" and "ism s".
			rw(`\bannex\s+as\b`, " annexa "),
			rw(`\bism\s+s\b`, " isms "),
			// A hedge is no dispute: "correct me if that's wrong".
			rw(`\bcorrect\s+me\s+if\s+(?:i\s+am|that\s+is|it\s+is|i\s+have\s+it)\s+wrong\b`, " is that right "),
			rw(`\b(?:budget|money|funding)\s+(?:only\s+)?(?:stretches|covers|allows|runs)\s+(?:to\s+)?(?:only\s+)?(?:one|1)\b`, " only do one "),
			// "more or less" is roughly; how closely two things line up is
			// how much they overlap.
			rw(`\bmore\s+or\s+less\b`, " roughly "),
			rw(`\bhow\s+close(?:ly)?\s+(?:do|does|are|is|would|will)\b[^.?!]{0,40}?\b(?:line up|lined up|match|matched|match up|align|aligned|correspond|related|similar)\b`, " $0 overlap "),
			// Whether "certificate" is the right word for a report asks
			// whether it is a certification or an attestation.
			rw(`\bcertif\w*\b[^.?!]{0,50}?\b(?:right|correct|proper|accurate|appropriate)\s+(?:word|term|wording|terminology|way to (?:say|put|describe) it)\b|\b(?:right|correct|proper|accurate|appropriate)\s+(?:word|term|wording|terminology)\b[^.?!]{0,50}?\bcertif\w*`, " $0 attestation "),
			// SOC 2's two kinds of report are its types.
			rw(`\b(?:two|2|both|different)\s+(?:kinds|types|sorts|flavou?rs|versions)\s+of\s+(?:an?\s+)?soc2(?:\s+(?:reports?|audits?|attestations?))?\b`, " soc2 type1 type2 "),
			// "the people one": Annex A's People theme.
			rw(`\bthe\s+people\s+(?:one|theme|bit|section|controls)\b`, " the a.6 people theme "),
			// SOC 2 has types, not levels: "soc 2 level 2" is a Type 2.
			{re: rx.MustCompile(`\b(?:level|lvl)\s*(1|one|2|ii|two)\b|\b(?:level|lvl)\s+(i)(?:\s+(?:and|or|vs|versus)\b|\s*$)`), fn: socLevels},
			// A request to be reminded asks nothing of its own.
			rw(`\b(?:can you\s+|could you\s+|pls\s+|please\s+)?remind\s+me\b`, " "),
			// "who dis": who this is.
			rw(`^\W*who\s+(?:dis|dat|tis)\b`, " who is this "),
			// Greetings and praise in other languages and words.
			rw(`\b(?:hola|buenas|buenos\s+d[ií]as|bom\s+dia|boa\s+tarde|ciao|salut|bonjour|hallo|servus|moin)\b`, " hello "),
			rw(`\b(?:perfecto|perfeito|genial|parfait|prima)\b`, " perfect "),
			rw(`\b(?:you\s+are|you're|youre|ur)\s+(?:a\s+)?(?:lifesaver|life\s+saver|legend|star|hero|gem)\b`, " thanks "),
			// Thanks in another language.
			rw(`\b(?:merci|danke|gracias|grazie|obrigad[oa]|(?:domo\s+)?arigat(?:o|ou)(?:\s+gozaimas(?:u|hita))?|dankjewel|xie\s*xie|spasibo|shukran|dhanyavaa?d|asante|kiitos|tesekkurler|terima\s+kasih|kamsahamnida|gamsahamnida|efharisto|cam\s+on|dank je|tack|takk|dziekuje|mille grazie)\b`, " thanks "),
			rw(`\b(?:beaucoup|sch[oö]n|mucho|muchas|vielen|vielmals)\b`, " very "),
			// "new to all this": the texter, not what is net new.
			rw(`\b(?:new|fresh)\s+(?:to|at)\s+(?:all\s+)?(?:this|that|it|compliance|security|the\s+\w+)\b`, " "),
			// "besides security, what other categories": not about security,
			// about the other categories ("what areas can an auditor test,
			// apart from security").
			rw(`\b(besides|apart from|other than|except for|except)\s+(?:the\s+)?(?:security|availability|confidentiality|privacy)\b`, " $1 categories "),
			// "which is less painful to add on top": the easier way.
			rw(`\bless\s+(?:painful|of\s+a\s+pain|hassle|of\s+a\s+hassle|of\s+a\s+headache|annoying)\b`, " easier "),
			// "which of those is the one everybody has to include".
			rw(`\b(?:everyone|everybody|every company|every report|all companies|all reports)\s+(?:has|have|needs?|must)\s+(?:to\s+)?(?:include|have|cover|pick)\b`, " required in every "),
			// "2 qs: ...", "two quick questions:": a count of what follows.
			rw(`^(?:\d|two|three|a couple of|couple of|a couple|couple|a few|few)\s+(?:quick\s+|short\s+|small\s+)?(?:questions|things|items)\b`, " "),
			// "so we don't pay for the same work twice": the overlap's
			// point, not a price.
			rw(`\b(?:not|never|avoid|without)\s+(?:paying|pay|doing|do)\s+for\s+(?:the\s+same\s+)?(?:work|thing|things|stuff|it)?\s*twice\b`, " no duplicate work "),
			// "what would it take to add soc 2": what is needed, not a take.
			rw(`\bwhat\s+(?:would|will|does|did|is)\s+it\s+(?:going\s+to\s+)?take\s+(?:us\s+|me\s+)?to\b`, " what do we need to "),
			// "which category covers accurate processing": processing
			// integrity in the row's own words.
			rw(`\b(?:accurate|correct|complete|valid)\s+(?:data\s+)?processing\b|\bprocessing\s+(?:accuracy|correctness|completeness)\b`, " processing integrity "),
			// "you're not tied to any vendor?": the line's neutrality.
			rw(`\b(?:tied|tie|tied in|beholden|affiliated|aligned|partnered)\s+(?:to|with)\s+(?:any|a|one|some)\s+(?:vendors?|tools?|platforms?)\b`, " vendor neutral "),
			// "missed both", "missed that": the texter's aside.
			rw(`\b(?:i\s+)?missed\s+(?:both|that|it|them|those|this)\b`, " "),
			// "how big is the overlap, ballpark?": a rough share, not a price.
			rw(`\b(overlap\w*|percent\w*|%)\b([^.?!]{0,40}?)[\s,]*\bballpark\b|\bballpark\b([^.?!]{0,40}?\boverlap)`, " $1$2 roughly $3"),
			// "a legal docs saas": the texter's market, not a legal question.
			rw(`\blegal\s*(docs?|documents?|tech|saas|software|platform|industry|sector|space|vertical|startup|product|products|app)\b`, " legaltech $1 "),
			// "not a hipaa question lol": a framework said not to be the subject.
			rw(`\b(?:not|no)\s+(?:a|an)\s+`+otherFrameworks+`\s+(?:question|thing|issue|ask)\b`, " "),
			// "ignoring hipaa/pci for now": frameworks set aside, not asked about.
			rw(`\b(?:ignoring|ignore|leaving aside|leave aside|setting aside|set aside|excluding|not counting|forget about|forgetting about)\s+(?:the\s+)?`+otherFrameworks+`(?:(?:\s*(?:/|,|and|or|&)\s*|\s+)`+otherFrameworks+`)*(?:\s+for\s+now)?\b`, " "),
			{re: rx.MustCompile(`\b(?:extra|additional)\s+(?:work|effort|stuff|steps)\b[^.?!]{0,40}\b(?:if|since|when|given|as)\s+(?:we|i)\s+(?:already\s+)?(?:have|hold|got)\s+(?:an?\s+|the\s+|our\s+)?soc2\b`), fn: heldSOC2Extra},
			// "budgeting app": a product, not a budget.
			rw(`\bbudgeting\s+(app|apps|tool|tools|software|platform|startup|product|saas)\b`, " finance $1 "),
			// "going from iso to soc 2 is the easy way round".
			rw(`\b(?:the\s+)?eas(?:y|ier)\s+(?:way\s+(?:round|around)|route)\b`, " easier direction "),
			rw(`\bmore\s+(?:painful|of\s+a\s+pain|of\s+a\s+hassle|of\s+a\s+headache)\b`, " harder "),
			// "24 hr": hours; "HR lead" is people.
			rw(`\b(\d+)\s*hr\b`, " $1 hours "),
			// "is this a real person": who the line is, not a request for one.
			rw(`\b(?:is\s+this|are\s+you|am\s+i\s+(?:talking|texting|chatting|speaking)\s+(?:to|with))\b[^.?!]{0,25}?\b(?:an?\s+)?(?:real\s+|actual\s+)?(?:person|human|bot|robot|ai|machine)\b`, " who is this "),
			rw(`\b(?:only\s+)?(?:pay|budget|fund)\s+(?:for\s+)?(?:only\s+)?(?:one|1)\b`, " only do one "),
			// "if we only have budget to do one of these this year".
			rw(`\b(?:the\s+)?(?:budget|money|cash|funds|funding)\s+(?:to\s+do|to\s+get|for)\s+(?:only\s+)?(?:one|1)\b`, " only do one "),
			rw(`\bwhat\s+(?:kind|type|sort)\s+of\s+(?:an?\s+)?(?:control|criterion|requirement)\b`, " what theme "),
			rw(`\bvalid\s+control\s+(?:number|id|no)\b`, " valid id "),
			rw(`\b(this|that|the same)\s+(?:control|criterion)\s+(?:number|id|no)\b`, " $1 id "),
			// Background checks are screening, a topic of their own.
			rw(`\bbackground\s+(?:checks?|screening|screenings|verification|verifications)\b`, " screening "),
			// "we can only afford one": a choice between the two, not a price.
			rw(`\b(?:only\s+)?afford\s+(?:only\s+)?(?:one|1|a single one)\b`, " only do one "),
			rw(`\b(?:get|got|getting|wrap|wrapping)\s+(?:my|our|your)\s+(?:head|heads|brain|mind)\s+(?:straight|around|round)\b`, " understand "),
			// "the other 20", "the leftover 20": the page's share, its sign left off.
			rw(`\b(other|remaining|leftover|left over|rest of the|last)\s+(20|80)\s*($|[.?!,]|\s+(?:is|are|then|though|tho|lol)\b)`, " remaining $2% $3"),
			// "the other 20%" asks a share: the figure alone is just a number.
			{re: rx.MustCompile(`\b(\d{1,3})\s*(?:%|percent\b|pct\b)`), fn: percents},
			// Before the 2022 edition is the 2013 one.
			rw(`\b(?:before|prior to|pre)\s*-?\s*2022\b`, " 2013 old edition "),
			rw(`\b(?:come|comes|came|coming|fall|falls|fell|falling)\s+(?:up\s+)?short\b`, " fall short "),
			// Asking for the short version.
			rw(`\bboil(?:ed|s|ing)?\s+(?:it|this|that|them|things|everything)?\s*down\b`, " summary "),
			// A call that happened is the situation, not a meeting asked for.
			rw(`\b(?:on|during|in|from)\s+(?:a|the|our|their|an)\s+(?:\w+\s+)?call\s+(?:today|yesterday|earlier|this morning|last week|the other day|recently)\b`, " recently "),
			rw(`\bhow much\b[^.?!]{0,30}?\b(?:shared|in common)\b`, " $0 overlap "),
			// "how much of our soc 2 work counts toward iso": the share of one
			// that serves the other.
			rw(`\bhow much of\s+(?:our|the|my|your|their)?\s*(?:existing\s+|current\s+)?(?:soc2|iso27001)\b[^.?!]{0,50}?\b(?:count|counts|carry|carries|transfer|transfers|apply|applies|reus\w*|cover|covers|go|goes|satisf\w*)\b`, " $0 overlap "),
			// "what is this?" on its own asks what the line is.
			rw(`^\s*(?:what|who)\s+(?:is|are)\s+(?:this|you)\s*\.?\s*$`, " $0 sideguy "),
			rw(`\b(?:this|your)\s+(?:number|line)\b|\b(?:this|your)\s+(?:service|bot|text line)\b`, " $0 sideguy "),
			// "type 1 vs 2": the second type named by its number only.
			rw(`\b(?:type|typ)\s*(1|i|one)\s+(vs|or|and|versus|v)\s+(2|ii|two)\b`, " type $1 $2 type $3 "),
			rw(`\b(?:type|typ)\s*(1|i|one)\s+(vs|or|and|versus|v)\s+type\s+(?:to|too)\b`, " type $1 $2 type 2 "),
			rw(`\b(?:type|typ|tpye|tyep)\s*(?:2|ii|two)\b|\bt2\b|\btype\s+(?:to|too)\s+(report|audit|attestation)\b`, " type2 $1 "),
			rw(`\b(?:type|typ|tpye|tyep)\s*(?:1|i|one)\b|\bt1\b`, " type1 "),
			rw(`\bvs\b|\bversus\b|\bv\b|\bcompared (?:to|with)\b|\brelative to\b|\bas opposed to\b|\bin relation to\b`, " vs "),
			// Where something came up tells the situation: "A1.3 came up in
			// our readiness review" is not a question on readiness reviews.
			rw(`\b(?:came|come|comes|coming|showed|shows|turned|popped|cropped)\s+up\s+(?:in|during|at|on|from)\s+(?:our|the|a|an|my|their)\s+(?:(?:readiness|internal|external|gap|risk|security|vendor|pen|last|recent|latest|first|customer|procurement|surveillance|stage\s*\w+|sales|kickoff|annual)\s+){0,2}(?:review|reviews|assessment|assessments|audit|audits|call|meeting|questionnaire|report|test)\b`, " recently "),
			// Writing a report up is making it ("a report the auditors
			// write up"); SideGuy's crosswalk page is where the texter found
			// the line.
			rw(`\b(?:write|writes|writing|written|wrote)\s+(?:it\s+|them\s+)?up\b`, " make "),
			rw(`\b(?:your|the|sideguy|sideguys|pj s|pjs)\s+crosswalk\s+(?:page|site|website|post|article|guide|blog|doc|pdf|link)\b`, " website "),
			// Which one to get first, in other words.
			rw(`\bgo\s+(?:after|for)\b`, " get "),
			rw(`\bcan not\b|\bcannot\b`, " can not "),
			// Control IDs also name their series: cc6.1 is in cc6, a.5.15 in the
			// Annex A theme a.5, and a three-level Annex A ID is a 2013 one.
			// Asking for it simply says nothing of the topic.
			rw(`\bin (?:plain|simple|normal|human) (?:english|terms|words|language)\b|\bin laym[ae]n s? terms\b|\bin laym[ae]ns terms\b|\beli5\b|\bfor dummies\b|\blike i am (?:5|five)\b`, " "),
			rw(`\b(?:share|shares|sharing)\s+(?:most|many|a lot of|lots of|the same|much|common|most of the|most of their)?\s*(?:controls?|criteria|requirements?|evidence)\b`, " $0 overlap "),
			// Doing both at once is not the two being the same.
			rw(`\bat the same time\b`, " simultaneously "),
			// "are soc 2 and iso the same", "do they map to each other much":
			// how similar the two are, which is the overlap.
			rw(`\b(?:soc2|iso27001)\s+(?:and|or)\s+(?:iso27001|soc2)\b[^.?!]{0,30}?\b(?:the same(?:\s+(?:thing|things|stuff|framework|frameworks|standard|standards))?(?:\s*$|\s*[.?!,]|\s+(?:or|really|basically|though|tho|right|no|yes|at all)\b)|same thing|alike|identical|equivalent|interchangeable|similar|different|unrelated)`, " $0 similar overlap "),
			rw(`\b(?:soc2|iso27001)\s+(?:is\s+|are\s+)?(?:basically\s+|pretty much\s+|just\s+|really\s+|mostly\s+)?(?:the same as|same as|equivalent to|interchangeable with|similar to)\s+(?:an?\s+)?(?:iso27001|soc2)\b`, " $0 similar overlap "),
			rw(`\bhow\s+(?:close|similar|different|alike|related)\s+(?:are|is)\s+(?:the\s+)?(?:soc2|iso27001)\s+(?:and|to|from)\s+(?:the\s+)?(?:iso27001|soc2)\b`, " $0 similar overlap "),
			rw(`\b(?:soc2|iso27001)\s+and\s+(?:iso27001|soc2)\b[^.?!]{0,30}?\bmap(?:s|ped)?\b[^.?!]{0,25}?\b(?:much|a lot|well|closely)\b`, " $0 overlap "),
			// "how much of what we build for soc 2 would also count toward iso".
			rw(`\bhow\s+much\s+of\s+(?:what|the\s+work|the\s+stuff|our\s+work)\b[^.?!]{0,40}?\b(?:also\s+)?(?:count|counts|carry|carries|transfer|transfers|apply|applies|reused|reusable)\s+(?:toward|towards|over|to|for)\b`, " $0 overlap "),
			rw(`\bhow\s+(?:much|well|closely)\s+(?:do|does|will|would)\s+(?:the\s+)?(?:soc2|iso27001)\s+and\s+(?:the\s+)?(?:iso27001|soc2)\b[^.?!]{0,20}?\bmap`, " $0 overlap "),
			// An ID is not the start of a longer one: "cc6.1.2" must not read
			// "cc6.1 cc6.2", nor A.5.1.1 (2013) read A.5.1 (2022).
			rw(`\b(cc\d|a1|c1|pi1|p\d)\.\d{1,2}(?:[^.\w]|$)`, "$0 $1 "),
			rw(`\b(a\.\d{1,2})\.\d{1,2}\.\d{1,2}\b`, "$0 $1 annexa 2013 "),
			rw(`\b(a\.[5-8])\.\d{1,2}(?:[^.\w]|$)`, "$0 $1 annexa "),
		},
		dirs: []rewrite{
			// "the difference between getting a soc 2 report and getting iso
			// certified": two things compared, not a move from one to the other.
			rw(`\b(difference|differences|diff)\s+between\s+(?:getting|having|doing|obtaining)\s+((?:an?\s+)?(?:soc2|iso27001)\b[^.?!]{0,20}?)\band\s+(?:getting|having|doing|obtaining)\s+`, " $1 between $2 and "),
			// "if we only have soc 2, what would we be missing compared to
			// iso": what ISO has beyond it.
			// "add iso on top of soc 2": a move, not what one has beyond the
			// other; "or soc 2 on top of iso" after it, both moves.
			rw(`\badd(?:ing)?\s+(?:an?\s+)?(?:iso27001|soc2)\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?(?:soc2|iso27001)\b\W{0,3}\s*or\s+(?:add(?:ing)?\s+)?(?:an?\s+)?(?:iso27001|soc2)\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?(?:soc2|iso27001)\b`, " soc2 iso27001 soc2toiso isotosoc2 "),
			rw(`\badd(?:ing)?\s+(?:an?\s+)?iso27001\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?soc2\b`, " soc2 iso27001 soc2toiso "),
			rw(`\badd(?:ing)?\s+(?:an?\s+)?soc2\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?iso27001\b`, " iso27001 soc2 isotosoc2 "),
			rw(`\b(?:have|hold|got)\s+(?:only\s+)?soc2\b[^.?!]{0,40}?\b(?:missing|lack|lacking)\b[^.?!]{0,40}?\biso27001\b`, " $0 isoonly "),
			rw(`\b(?:have|hold|got)\s+(?:only\s+)?iso27001\b[^.?!]{0,40}?\b(?:missing|lack|lacking)\b[^.?!]{0,40}?\bsoc2\b`, " $0 soc2only "),
			// "adding soc 2 on top of iso": a move, not what one has beyond the other.
			rw(`\b(?:add|adding|layer|layering|build|building|stack|stacking|put|putting|do|doing)\s+soc2\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?iso27001\b`, " iso27001 to soc2 "),
			rw(`\b(?:add|adding|layer|layering|build|building|stack|stacking|put|putting|do|doing)\s+iso27001\s+on\s+top\s+of\s+(?:an?\s+|the\s+|our\s+)?soc2\b`, " soc2 to iso27001 "),
			rw(`\biso27001\s+on\s+top\s+of\s+soc2\b`, " soc2 to iso27001 "),
			rw(`\bsoc2\s+on\s+top\s+of\s+iso27001\s+or\b`, " iso27001 to soc2 or "),
			// "why is iso certifiable and soc 2 isn't": what each is, not what
			// ISO alone has.
			rw(`\biso27001\s+(?:is\s+)?(certifiable|certified|a certification|certification)\s+(?:and|but|while|whereas)\s+soc2\s+(?:is\s+)?not\b`, " iso27001 $1 soc2 not $1 "),
			rw(`\bsoc2\s+(?:is\s+)?not\s+(certifiable|certified|a certification|certification)\s+(?:and|but|while|whereas)\s+iso27001\s+is\b`, " soc2 not $1 iso27001 $1 "),
			// What one has that the other lacks (first: a move tag must not
			// come between "soc 2" and "doesn't").
			// "iso-only", "just an iso thing", "soc 2-specific": a thing of
			// one framework alone. SOC 2-specific scoping is what ISO
			// holders add, not what ISO lacks.
			rw(`\bsoc2\s+specific\s+(scoping|scope|evidence)\b`, " soc2 $1 "),
			rw(`\b(?:soc2\s+hyphenonly|only\s+in\s+soc2|(?:just|only|purely)\s+(?:an?\s+|the\s+)?soc2\s+(?:thing|concept|requirement|artifact|item)s?|soc2\s+specific)\b`, " soc2only soc2 "),
			rw(`\b(?:iso27001\s+hyphenonly|only\s+in\s+iso27001|(?:just|only|purely)\s+(?:an?\s+|the\s+)?iso27001\s+(?:thing|concept|requirement|artifact|item)s?|iso27001\s+specific)\b`, " isoonly iso27001 "),
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,40}?\b(?:that|which|but|and|what)\b[^.?!]{0,10}?\biso27001\b(?:\s+(?:auditors?|audits?|certification|certificates?|standard|controls|annexa|program|programme|isms|cert|engagement|framework|people|folks|team|side))?\s+(?:just\s+|really\s+|actually\s+|even\s+|simply\s+|probably\s+|usually\s+|typically\s+|often\s+|kind of\s+|kinda\s+|sort of\s+|sorta\s+|mostly\s+|quite\s+)*(?:does|do|did|will|would|can|is|are|has|have)?\s*(?:not|never)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:that|which|but|and|what)\b[^.?!]{0,10}?\bsoc2\b(?:\s+(?:auditors?|audits?|reports?|attestation|controls|engagement|engagements|framework|people|folks|team|side))?\s+(?:just\s+|really\s+|actually\s+|even\s+|simply\s+|kind of\s+|kinda\s+|sort of\s+|sorta\s+|mostly\s+|quite\s+)*(?:does|do|did|will|would|can|is|are|has|have)?\s*(?:not|never)\b`, " $0 isoonly "),
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,60}?\b(?:nothing|no)\s+(?:(?:clean|clear|direct|real|true|exact|obvious|proper)\s+)?(?:iso27001|annexa)\s+(?:matching|equivalent|comparable|counterpart|match|equal)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,60}?\b(?:nothing|no)\s+(?:(?:clean|clear|direct|real|true|exact|obvious|proper)\s+)?(?:soc2|tsc)\s+(?:matching|equivalent|comparable|counterpart|match|equal)\b`, " $0 isoonly "),
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,60}?\b(?:nothing|no)\s+(?:(?:clean|clear|direct|real|true|exact|obvious|proper)\s+)?(?:matching|equivalent|comparable|counterpart|match|equal)\b[^.?!]{0,12}?\b(?:iso27001|annexa)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,60}?\b(?:nothing|no)\s+(?:(?:clean|clear|direct|real|true|exact|obvious|proper)\s+)?(?:matching|equivalent|comparable|counterpart|match|equal)\b[^.?!]{0,12}?\b(?:soc2|tsc)\b`, " $0 isoonly "),
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:that|which|but|and|anything|something|things|stuff)\b[^.?!]{0,10}?\biso27001\b\s+(?:lacks|lack|misses|miss|is missing|skips|leaves out)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:that|which|but|and|anything|something|things|stuff)\b[^.?!]{0,10}?\bsoc2\b\s+(?:lacks|lack|misses|miss|is missing|skips|leaves out)\b`, " $0 isoonly "),
			// "an iso standard that covers privacy on top of 27001": a standard
			// beside it, not what SOC 2 has beyond it.
			rw(`\b(standard|standards|addon|add on|extension|certification|iso)\b([^.?!]{0,30}?)\bprivacy\s+on\s+top\s+of\b`, "${1}${2}privacy beside"),
			rw(`\b(?:soc2|processingintegrity|privacy)\b[^.?!]{0,40}?\b(?:beyond|on top of|over and above|stronger than|stricter than|better than|more than|further than|deeper than|not in|missing from|missing in|absent from|with no|without an?)\s+(?:the\s+)?iso27001\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:beyond|on top of|over and above|stronger than|stricter than|better than|more than|further than|deeper than|not in|missing from|missing in|absent from|with no|without an?)\s+(?:the\s+)?soc2\b`, " $0 isoonly "),
			rw(`\bsoc2\b[^.?!]{0,40}?\biso27001\s+(?:does|do|did|will|would|can)\s+not\s+(?:have|cover|require|need|include|ask|do)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\bsoc2\s+(?:does|do|did|will|would|can)\s+not\s+(?:have|cover|require|need|include|ask|do)\b`, " $0 isoonly "),
			// "what things has soc 2 that in iso 27001 are missing".
			rw(`\bsoc2\b[^.?!]{0,30}?\b(?:that|which)\s+(?:in|on)\s+(?:the\s+)?iso27001\s+(?:are|is)\s+(?:missing|absent|lacking|not there|not present)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,30}?\b(?:that|which)\s+(?:in|on)\s+(?:the\s+)?soc2\s+(?:are|is)\s+(?:missing|absent|lacking|not there|not present)\b`, " $0 isoonly "),
			// "what does soc 2 cover that iso 27001 is weak on".
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:that|which|where)\s+(?:the\s+)?iso27001\s+(?:is|are)\s+(?:weak|weaker|light|lighter|thin|thinner|silent)\s+(?:on|at|about)\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:that|which|where)\s+(?:the\s+)?soc2\s+(?:is|are)\s+(?:weak|weaker|light|lighter|thin|thinner|silent)\s+(?:on|at|about)\b`, " $0 isoonly "),
			// "what doesn't iso cover that soc 2 does", "what does soc 2 not make you do that iso does".
			rw(`\bwhat\s+(?:does|do)\s+(?:not\s+iso27001|iso27001\s+not)\b[^.?!]{0,40}?\bsoc2\b`, " $0 soc2only "),
			rw(`\bwhat\s+(?:does|do)\s+(?:not\s+soc2|soc2\s+not)\b[^.?!]{0,40}?\biso27001\b`, " $0 isoonly "),
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,40}?\b(?:do|does)\s+not\s+(?:really\s+|actually\s+)?have\s+(?:an?\s+|any\s+)?(?:clean\s+|clear\s+|direct\s+|real\s+)?(?:match|matches|equivalent|equivalents|counterpart)\b[^.?!]{0,30}?\b(?:iso27001|annexa)\b`, " $0 soc2only "),
			rw(`\b(?:iso27001|annexa)\b[^.?!]{0,40}?\b(?:do|does)\s+not\s+(?:really\s+|actually\s+)?have\s+(?:an?\s+|any\s+)?(?:clean\s+|clear\s+|direct\s+|real\s+)?(?:match|matches|equivalent|equivalents|counterpart)\b[^.?!]{0,30}?\b(?:soc2|tsc)\b`, " $0 isoonly "),
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:would|will|is|are|does|do)\s+not\s+(?:be\s+)?(?:reflected|included|covered|captured|present|found|addressed)\s+(?:in|by)\s+(?:an?\s+|the\s+)?iso27001\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:would|will|is|are|does|do)\s+not\s+(?:be\s+)?(?:reflected|included|covered|captured|present|found|addressed)\s+(?:in|by)\s+(?:an?\s+|the\s+)?soc2\b`, " $0 isoonly "),
			// "which parts of soc 2 don't really exist on the iso side".
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,40}?\b(?:do|does|did)\s+not\s+(?:really\s+|actually\s+|quite\s+)?(?:exist|appear|show up|carry over|translate)\b[^.?!]{0,30}?\biso27001\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:do|does|did)\s+not\s+(?:really\s+|actually\s+|quite\s+)?(?:exist|appear|show up|carry over|translate)\b[^.?!]{0,30}?\bsoc2\b`, " $0 isoonly "),
			// "anything soc 2 covers that i would not get from iso".
			rw(`\b(?:soc2|tsc)\b[^.?!]{0,40}?\b(?:that|which)\b[^.?!]{0,20}?\b(?:would|will|do|does|can|could|did)\s+not\s+(?:get|have|find|see|receive)\b[^.?!]{0,20}?\biso27001\b`, " $0 soc2only "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:that|which)\b[^.?!]{0,20}?\b(?:would|will|do|does|can|could|did)\s+not\s+(?:get|have|find|see|receive)\b[^.?!]{0,20}?\bsoc2\b`, " $0 isoonly "),
			rw(`\bin\s+soc2\s+but\s+not\s+(?:in\s+)?iso27001\b`, " $0 soc2only "),
			rw(`\bin\s+iso27001\s+but\s+not\s+(?:in\s+)?soc2\b`, " $0 isoonly "),
			// The direction of a move, as one token the index knows.
			rw(`\b(?:from\s+)?soc2\b(?:\s+(?:type[12]|report|cert\w*|audit|attestation|compliance|compliant|program|done))?\s+(?:to|then|into|toward|towards|over to)\s+(?:an?\s+|the\s+)?iso27001\b`, " soc2 iso27001 soc2toiso "),
			rw(`\b(?:from\s+)?iso27001\b(?:\s+(?:cert\w*|audit|compliance|compliant|program|done))?\s+(?:to|then|into|toward|towards|over to)\s+(?:an?\s+|the\s+)?soc2\b`, " iso27001 soc2 isotosoc2 "),
			rw(`\b(?:have|has|had|having|got|hold|holding|already|done|finished|passed|completed|with|our)\b[^.?!]{0,40}?\bsoc2\b[^.?!]{0,60}?\b(?:want|wants|need|needs|get|getting|obtain|obtaining|add|adding|pursue|pursuing|next|going|go|move|moving|asking|asked|require|requires|requiring|necessary|for)\b[^.?!]{0,30}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\b(?:have|has|had|having|got|hold|holding|already|done|finished|passed|completed|with|our)\b[^.?!]{0,40}?\biso27001\b[^.?!]{0,60}?\b(?:want|wants|need|needs|get|getting|obtain|obtaining|add|adding|pursue|pursuing|next|going|go|move|moving|asking|asked|require|requires|requiring|necessary|for)\b[^.?!]{0,30}?\bsoc2\b`, " $0 isotosoc2 "),
			rw(`\biso27001\s+(?:certif\w*|compliant|cert)\b[^.?!]{0,100}?\b(?:want|wants|need|needs|get|getting|add|adding|pursue|pursuing|asking|asked|asks|require|requires|requiring)\b[^.?!]{0,30}?\bsoc2\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\s+(?:type[12]\s+)?(?:certified|report|compliant|attestation)\b[^.?!]{0,100}?\b(?:want|wants|need|needs|get|getting|add|adding|pursue|pursuing|asking|asked|asks|require|requires|requiring)\b[^.?!]{0,30}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\bsoc2\s+(?:done|finished|complete|completed|sorted|passed|already|in hand)\b[\s.]{0,4}iso27001\s+next\b`, " $0 soc2toiso "),
			rw(`\biso27001\s+(?:done|finished|complete|completed|sorted|passed|already|in hand)\b[\s.]{0,4}soc2\s+next\b`, " $0 isotosoc2 "),
			rw(`\b(?:want|wants|wanted|need|needs|asking for|asked for|asks for|require|requires|requiring|requested)\b[^.?!]{0,30}?\bsoc2\b[^.?!]{0,40}?\b(?:have|has|hold|got|already|finished|completed|passed|did|done with)\b[^.?!]{0,20}?\biso27001\b`, " $0 isotosoc2 "),
			rw(`\b(?:want|wants|wanted|need|needs|asking for|asked for|asks for|require|requires|requiring|requested)\b[^.?!]{0,30}?\biso27001\b[^.?!]{0,40}?\b(?:have|has|hold|got|already|finished|completed|passed|did|done with)\b[^.?!]{0,20}?\bsoc2\b`, " $0 soc2toiso "),
			rw(`\biso27001\s+(?:certif\w*|compliant|cert)\b[^.?!]{0,40}?\bsoc2\s+(?:need|needs|require|requires|add|adds)\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\s+(?:certified|report|compliant|attestation|attested)\b[^.?!]{0,40}?\biso27001\s+(?:need|needs|require|requires|add|adds)\b`, " $0 soc2toiso "),
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:asking for|asked for|ask for|asks for|want|wants|wanting|requesting|request)\b[^.?!]{0,20}?\bsoc2\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:asking for|asked for|ask for|asks for|want|wants|wanting|requesting|request)\b[^.?!]{0,20}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\b(?:have|has|had|hold|got|already|finished|completed|passed)\b[^.?!]{0,40}?\biso27001\b[^.?!]{0,60}?\bsoc2\s+(?:need|needs|require|requires|add|adds|want|wants)\b`, " $0 isotosoc2 "),
			rw(`\b(?:have|has|had|hold|got|already|finished|completed|passed)\b[^.?!]{0,40}?\bsoc2\b[^.?!]{0,60}?\biso27001\s+(?:need|needs|require|requires|add|adds|want|wants)\b`, " $0 soc2toiso "),
			// "what does iso need once we have soc 2", "we're iso certified,
			// how far are we from a soc 2".
			rw(`\biso27001\b[^.?!]{0,40}?\b(?:once|if|when|since|now that|given that)\s+(?:we|i)\s+(?:already\s+)?(?:have|hold|got|did|finished|passed|completed)\s+(?:an?\s+|the\s+|our\s+)?soc2\b`, " $0 soc2toiso "),
			rw(`\bsoc2\b[^.?!]{0,40}?\b(?:once|if|when|since|now that|given that)\s+(?:we|i)\s+(?:already\s+)?(?:have|hold|got|did|finished|passed|completed)\s+(?:an?\s+|the\s+|our\s+)?iso27001\b`, " $0 isotosoc2 "),
			rw(`\biso27001\s+(?:certified|compliant|certification|cert)\b[^.?!]{0,30}?\bhow\s+(?:far|close)\b[^.?!]{0,25}?\bsoc2\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\s+(?:report|compliant|attestation|type[12])\b[^.?!]{0,30}?\bhow\s+(?:far|close)\b[^.?!]{0,25}?\biso27001\b`, " $0 soc2toiso "),
			// "if we got iso would most of that work carry over to soc 2".
			rw(`\biso27001\b[^.?!]{0,50}?\b(?:carry|carries|carried|carrying|transfer|transfers|port|ports|count|counts|roll|rolls)\s+(?:over\s+|across\s+)?(?:to|into|toward|towards|for)\s+(?:an?\s+|the\s+|a\s+later\s+)?soc2\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\b[^.?!]{0,50}?\b(?:carry|carries|carried|carrying|transfer|transfers|port|ports|count|counts|roll|rolls)\s+(?:over\s+|across\s+)?(?:to|into|toward|towards|for)\s+(?:an?\s+|the\s+|a\s+later\s+)?iso27001\b`, " $0 soc2toiso "),
			rw(`\bsoc2\s+(?:holder|holders)\b[^.?!]{0,60}?\b(?:missing|need|needs|add|gap|gaps|left|for)\b[^.?!]{0,30}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\biso27001\s+(?:holder|holders)\b[^.?!]{0,60}?\b(?:missing|need|needs|add|gap|gaps|left|for)\b[^.?!]{0,30}?\bsoc2\b`, " $0 isotosoc2 "),
			// "we're iso 27001 certified, no soc 2", "soc 2 type ii but no iso
			// yet": holding one and not the other, the move is to the other.
			rw(`\biso27001\s+(?:certified|compliant|certification|cert|certificate)\b[^.?!]{0,30}?\b(?:but\s+)?(?:no|not|without)\s+(?:an?\s+|any\s+)?soc2\b`, " $0 isotosoc2 "),
			rw(`\bsoc2\s+(?:type[12]\s+)?(?:report|compliant|attestation|attested|certified)\b[^.?!]{0,30}?\b(?:but\s+)?(?:no|not|without)\s+(?:an?\s+|any\s+)?iso27001\b`, " $0 soc2toiso "),
			// "what do we need to add on top of what iso already gives us" in
			// a text about soc 2: the move from ISO.
			rw(`\bsoc2\b.{0,300}?\b(?:we|i)\b[^.?!]{0,15}?\b(?:add|adding|need|needs|build|do)\b[^.?!]{0,20}?\bon top of\b[^.?!]{0,25}?\biso27001\b`, " $0 isotosoc2 "),
			rw(`\biso27001\b.{0,300}?\b(?:we|i)\b[^.?!]{0,15}?\b(?:add|adding|need|needs|build|do)\b[^.?!]{0,20}?\bon top of\b[^.?!]{0,25}?\bsoc2\b`, " $0 soc2toiso "),
			// "coming from soc 2, what are the gaps to get iso 27001".
			rw(`\b(?:coming|going|moving|starting)\s+(?:over\s+)?from\s+(?:an?\s+|the\s+|our\s+)?soc2\b.{0,120}?\biso27001\b`, " $0 soc2toiso "),
			rw(`\b(?:coming|going|moving|starting)\s+(?:over\s+)?from\s+(?:an?\s+|the\s+|our\s+)?iso27001\b.{0,120}?\bsoc2\b`, " $0 isotosoc2 "),
			// "we already hold iso 27001. what would it take to add soc 2 on
			// top?".
			rw(`\biso27001\b.{0,200}?\badd\w*\s+(?:an?\s+)?soc2\s+on\s+top\s*(?:\.|$|too|as well|later|next)`, " $0 isotosoc2 "),
			rw(`\bsoc2\b.{0,200}?\badd\w*\s+(?:an?\s+)?iso27001\s+on\s+top\s*(?:\.|$|too|as well|later|next)`, " $0 soc2toiso "),
			rw(`\biso27001\b[^.?!]{0,20}?\bfall short\b[^.?!]{0,30}?\bsoc2\b`, " $0 soc2only "),
			rw(`\bsoc2\b[^.?!]{0,20}?\bfall short\b[^.?!]{0,30}?\biso27001\b`, " $0 isoonly "),
			// A choice between the two.
			rw(`\b(?:soc2\s+(?:and|or|vs)\s+iso27001|iso27001\s+(?:and|or|vs)\s+soc2)\b[^?!]{0,120}?\bwhich\b[^.?!]{0,30}?\b(?:first|start|begin)\b`, " $0 soc2oriso "),
			rw(`\bsoc2\s+or\s+(?:first\s+|with\s+)?(?:an?\s+|the\s+)?iso27001\b|\biso27001\s+or\s+(?:first\s+|with\s+)?(?:an?\s+|the\s+)?soc2\b`, " $0 soc2oriso "),
		},
	}
}

// abbreviations are written with a dot that does not end a sentence:
// "SOC 2-specific, i.e. no clean equivalent", "Cl. 4-10".
var abbreviations = rx.MustCompile(`\b(?:i\.e|e\.g|etc|incl|approx|esp|cl|cls|resp)\.`)

var abbreviated = map[string]string{"i.e": "ie", "e.g": "eg", "etc": "etc", "incl": "including",
	"approx": "approximately", "esp": "especially", "cl": "clause", "cls": "clauses", "resp": "respectively"}

// choosing asks which to do first.
var choosing = rx.MustCompile(`\b(which|first|start|begin|prioriti[sz]e|priority|pick|choose)\b`)

// bothWanted finds a text in which both frameworks are wanted by someone.
var bothWanted = rx.MustCompile(`\b(?:want|wants|need|needs|asking for|ask for|asks for|require|requires|requiring)\s+(?:an?\s+|the\s+)?(?:soc2|iso27001)\b[^.?!]{0,50}?\b(?:want|wants|need|needs|asking for|ask for|asks for|require|requires|requiring)\s+(?:an?\s+|the\s+)?(?:soc2|iso27001)\b`)

var onlyTags = rx.MustCompile(`\b(?:soc2only|isoonly)\b`)

// socCertified asks whether SOC 2 is a certificate: "is soc 2 also a
// certificate?", "is SOC 2 one certificate like ISO?".
var socCertified = rx.MustCompile(`\bwhich\s+(?:one\s+|of\s+them\s+|of\s+the\s+two\s+)?(?:is|gives)\s+(?:an?\s+)?(?:actual\s+|real\s+|proper\s+)?(?:certificate|certification|certifiable|cert)\b|\bsoc2\s+(?:cert|certificate|certification|certified)\s*(?:\?|yes or no\b|or not\b)|\b(?:is|are)\s+soc2\s+(?:something|a thing)\s+(?:you|we|that|they)\b[^.?!]{0,30}\bcertif\w*|\b(?:is|are)\s+(?:a\s+|the\s+|our\s+|their\s+)?soc2\s+(?:report\s+|type[12]\s+)?(?:also\s+|even\s+|really\s+|actually\s+|just\s+|then\s+)?(?:an?\s+|one\s+)?(?:real\s+|actual\s+|proper\s+|official\s+)?(?:certificate|certification|cert|certified)\b|\bsoc2\s+(?:report\s+)?(?:is|was)\s+(?:not\s+)?(?:really\s+|actually\s+|even\s+)?(?:an?\s+)?(?:real\s+|actual\s+|proper\s+|official\s+)?(?:certificate|certification|cert)\b`)

// certContrast finds a sentence that sets the two frameworks against each
// other on certification: "iso 27001 is something you get certified in,
// unlike soc 2", "iso is certifiable but soc 2 is not".
var certContrast = rx.MustCompile(`\bcertif\w*\b[^.]{0,60}?\b(?:unlike|whereas|(?:but|and|while)\s+(?:soc2|iso27001)\s+(?:(?:isotosoc2|soc2toiso)\s+)?(?:is|does|are|can)\s+not|but\s+not)\b|\b(?:unlike|whereas)\b[^.]{0,60}?\bcertif`)

var moveTags = rx.MustCompile(`\b(?:soc2toiso|isotosoc2)\b`)

var soc2Type = rx.MustCompile(`\bsoc2((?:\s+(?:soc2toiso|isotosoc2))?)\s+type[12]\b`)

// Normalize returns text lower-cased, with punctuation dropped (but for the dots
// and percent signs of control IDs and figures), contractions and texting
// spellings expanded and framework names made canonical.
func (n *Normalizer) Normalize(text string) string {
	if out, ok := n.memo.Get(text); ok {
		return out
	}
	out := n.normalize(text)
	n.memo.Put(text, out)
	return out
}

func (n *Normalizer) normalize(text string) string {
	s := expandRanges(strings.ToLower(n.chars.Replace(text)))
	s = abbreviations.ReplaceAllStringFunc(s, func(m string) string {
		return " " + abbreviated[strings.TrimRight(m, ".")] + " "
	})
	s = cleanPunct(s)
	for _, r := range n.glued {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	s = n.expand(s)
	for _, r := range n.rewrites {
		s = r.apply(s)
	}
	s = ccFamily(strings.Join(strings.Fields(s), " "))
	for _, r := range n.dirs {
		s = r.re.ReplaceAllString(s, r.repl)
	}
	s = strings.ReplaceAll(dedupeTags(s), "hyphenonly", "only")
	if bothWanted.MatchString(s) {
		// "american prospects want soc 2, european ones want iso": not a
		// move from one to the other; asking where to start, a choice.
		s = moveTags.ReplaceAllString(s, " ")
		if choosing.MatchString(s) && !strings.Contains(s, "soc2oriso") {
			s += " soc2oriso"
		}
	}
	if strings.Contains(s, "soc2") && (strings.Contains(s, "iso27001") && certContrast.MatchString(s) || socCertified.MatchString(s)) {
		// "iso is something you get certified in but soc 2 is not": which
		// one certifies, not what one has that the other lacks.
		s = moveTags.ReplaceAllString(onlyTags.ReplaceAllString(s, " "), " ")
		if !strings.Contains(s, "attestation") {
			s += " attestation"
		}
	}
	if strings.Contains(s, "soc2only") || strings.Contains(s, "isoonly") {
		// "what does iso ask for that soc 2 doesn't" asks what one has and
		// the other lacks, not about a move between them.
		s = moveTags.ReplaceAllString(s, " ")
	}
	if strings.Contains(s, "soc2toiso") || strings.Contains(s, "isotosoc2") {
		// In a move between frameworks, the SOC 2 report type only says
		// what the texter holds ("we have soc 2 type 2, now iso").
		s = soc2Type.ReplaceAllString(s, "soc2$1")
	}
	return strings.Join(strings.Fields(s), " ")
}

var ccSeries = rx.MustCompile(`^cc[1-9](?:\.\d+)?$`)

// ccFamily adds "cc" once after the first Common Criteria series or ID, so a
// question on cc3 is like one on cc8 where no entry names cc3 alone.
func ccFamily(s string) string {
	fields := strings.Fields(s)
	for i, f := range fields {
		if f == "cc" {
			return s
		}
		if ccSeries.MatchString(f) {
			out := append(append(append([]string{}, fields[:i+1]...), "cc"), fields[i+1:]...)
			return strings.Join(out, " ")
		}
	}
	return s
}

// tags are the tokens the direction rewrites add; several rewrites may add
// the same one.
var tags = map[string]bool{"soc2toiso": true, "isotosoc2": true, "soc2oriso": true, "soc2only": true, "isoonly": true}

// dedupeTags keeps the first of each tag.
func dedupeTags(s string) string {
	seen := map[string]bool{}
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		if tags[f] {
			if seen[f] {
				continue
			}
			seen[f] = true
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// seriesRange matches a range of criteria series: cc1-cc9, p1 to p8. The last
// group is set when the range ends at a point (p1 to p4.2), which it leaves.
var seriesRange = rx.MustCompile(`\b(cc|p)([1-9])\s*(?:-|to|through|thru|until)\s*(?:cc|p)?([1-9])\b(\.\d)?`)

// expandRanges writes out every series of a range, so "cc1-cc9" names cc8.
func expandRanges(s string) string {
	return seriesRange.ReplaceAllStringFunc(s, func(m string) string {
		g := seriesRange.FindStringSubmatch(m)
		from, to := int(g[2][0]-'0'), int(g[3][0]-'0')
		if to <= from || g[4] != "" {
			return m
		}
		parts := make([]string, 0, to-from+1)
		for i := from; i <= to; i++ {
			parts = append(parts, g[1]+string(rune('0'+i)))
		}
		return " " + strings.Join(parts, " ") + " "
	})
}

// Words returns text lower-cased, without punctuation and with contractions
// and shorthand expanded, but with names not made canonical: the words a texter
// might misspell ("information security managment system").
func (n *Normalizer) Words(text string) []string {
	s := cleanPunct(strings.ToLower(n.chars.Replace(text)))
	return Tokens(n.expand(s))
}

// expand rewrites contractions and texting shorthand word by word.
func (n *Normalizer) expand(s string) string {
	fields := strings.Fields(s)
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if w, ok := n.words[f]; ok {
			out = append(out, w)
			continue
		}
		if i := strings.IndexByte(f, '\''); i > 0 {
			word, suffix := f[:i], f[i+1:]
			if w, ok := n.words[word]; ok && suffix != "t" && !strings.Contains(w, " ") && (suffix == "s" || n.words[word+suffix] == "") {
				// Shorthand before the apostrophe: "u'll", "org's" (but
				// "req'd" is "reqd").
				word = w
			}
			out = append(out, contraction(word, suffix))
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// contraction expands word'suffix (the apostrophe already split off).
func contraction(word, suffix string) string {
	if full, ok := shorthand[word+suffix]; ok && suffix != "s" {
		return full
	}
	switch suffix {
	case "s":
		// "it's", "that's", "what's" are "is"; otherwise a possessive ("soc2's").
		switch word {
		case "it", "that", "what", "there", "here", "who", "where", "how", "he", "she", "when", "why", "which":
			return word + " is"
		case "let":
			return "let us"
		}
		return word
	case "re":
		return word + " are"
	case "ve":
		return word + " have"
	case "m":
		return word + " am"
	case "ll":
		return word + " will"
	case "d":
		return word + " would"
	case "t":
		switch word {
		case "can":
			return "can not"
		case "won":
			return "will not"
		case "ain":
			return "is not"
		}
		if strings.HasSuffix(word, "n") {
			return strings.TrimSuffix(word, "n") + " not"
		}
	}
	return word + " " + suffix
}

// shorthand maps one texted word to what it stands for.
var shorthand = map[string]string{
	// Contractions typed without the apostrophe.
	"whats": "what is", "wats": "what is", "thats": "that is", "theres": "there is",
	"whos": "who is", "hows": "how is", "wheres": "where is", "whys": "why is",
	"im": "i am", "ive": "i have", "youre": "you are", "theyre": "they are", "weve": "we have",
	"youve": "you have", "theyve": "they have", "itll": "it will",
	"dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not", "arent": "are not",
	"dosnt": "does not", "dosent": "does not", "doesent": "does not", "doesn": "does not",
	"wasnt": "was not", "werent": "were not", "hasnt": "has not", "havent": "have not",
	"hadnt": "had not", "cant": "can not", "couldnt": "could not", "shouldnt": "should not",
	"wouldnt": "would not", "wont": "will not", "aint": "is not", "mustnt": "must not",
	// Question words as texted.
	"wat": "what", "wut": "what", "wht": "what", "whta": "what", "waht": "what", "wot": "what",
	"hw": "how", "wen": "when", "hav": "have", "dose": "does",
	// Texting shorthand.
	"u": "you", "ur": "your", "r": "are", "b4": "before", "pls": "please", "plz": "please",
	"plox": "please", "thx": "thanks", "thnx": "thanks", "thanx": "thanks", "ty": "thanks",
	"tysm": "thanks", "tyvm": "thanks", "tnx": "thanks", "btwn": "between", "btw": "by the way",
	"abt": "about", "bc": "because", "cuz": "because", "coz": "because", "bcuz": "because",
	"tho": "though", "thru": "through", "lvl": "level", "tht": "that", "thsi": "this", "tihs": "this", "ppl": "people", "hoe": "how", "hwo": "how", "wjat": "what", "evn": "even", "ther": "there", "betwen": "between", "ifwe": "if we", "co": "company", "ref": "reference", "refs": "references", "enumerate": "list", "enumeration": "list", "characterise": "describe", "characterize": "describe", "remit": "scope", "sofa": "soa", "window": "period", "windows": "periods", "whose": "who", "ovr": "over", "easyer": "easier", "eaiser": "easier", "easeir": "easier", "eighty": "80", "twenty": "20", "engs": "engineers", "defn": "definition", "defs": "definitions", "several": "many", "snapshot": "point in time", "mandating": "requiring", "mandated": "required", "unvarnished": "honest", "candid": "honest", "frank": "honest", "devs": "developers", "gonna": "going to", "wanna": "want to",
	"gotta": "have to", "dunno": "do not know", "idk": "i do not know", "rn": "right now",
	"tbh": "to be honest", "imo": "in my opinion", "imho": "in my opinion", "lmk": "let me know",
	"fyi": "for your information", "nvm": "never mind", "kk": "ok", "okay": "ok",
	"yep": "yes", "yup": "yes", "ya": "yes", "yea": "yes", "yeah": "yes", "nope": "no", "nah": "no",
	"n": "and", "w": "with", "diff": "difference", "dif": "difference",
	"1st": "first", "2nd": "second", "3rd": "third", "q": "question", "qs": "questions",
	"sth": "something", "smth": "something", "govt": "government",
	"stmt": "statement", "stmnt": "statement", "ctrl": "control", "ctrls": "controls",
	"cntrl": "control", "cntrls": "controls", "delta": "gap", "deltas": "gaps",
	"translate": "map", "translates": "maps", "translated": "mapped", "translating": "mapping",
	"onto": "to", "bucket": "category", "buckets": "categories", "nail": "get", "nailed": "got",
	"proportion": "percentage", "fraction": "percentage",
	"insist": "require", "insists": "requires", "insisting": "requiring", "insisted": "required",
	"demand": "require", "demands": "requires", "mandate": "require", "mandates": "requires",
	"calc": "calculation", "calcs": "calculations",
	"nt": "not", "huh": "hmm", "ext": "extension",
	"tru": "true", "rite": "right", "obligatory": "required", "compulsory": "required", "conf": "confidentiality",
	// SOC 2's categories were "principles" before 2017, and texters still say so.
	"principle": "category", "principles": "categories", "cats": "categories",
	// A security lead's words for what the entries say plainly.
	"equiv": "equivalent", "equivs": "equivalents", "counterpart": "equivalent", "counterparts": "equivalents",
	"align": "map", "aligns": "maps", "aligned": "mapped", "aligning": "mapping", "alignment": "mapping",
	"coverage": "cover", "examination": "audit", "examinations": "audits",
	"sufficient": "enough", "adequate": "enough", "distinctive": "unique",
	"pursue": "get", "pursuing": "getting", "pursued": "got", "revision": "edition", "revisions": "editions",
	"cl": "clause", "cls": "clauses",
	// Time words.
	"yr": "year", "yrs": "years", "mo": "month", "mos": "months", "mth": "month", "mths": "months",
	"wk": "week", "wks": "weeks", "hrs": "hours",
	// Forms the stemmer gets wrong ("added" would stem to "ad").
	"added": "add", "adding": "add", "adds": "add",
	// Compliance shorthand.
	"mgmt": "management", "mgt": "management", "mngmt": "management", "mgmnt": "management",
	"reqs": "requirements", "reqts": "requirements", "req": "requirement", "reqd": "required",
	"info": "information", "infosec": "information security", "org": "organization",
	"orgs": "organizations", "docs": "documents", "doc": "document",
	"cert": "certification", "certs": "certifications", "certd": "certified",
	"pentest": "pen test", "pentests": "pen tests", "vuln": "vulnerability", "vulns": "vulnerabilities",
}

// cleanPunct keeps letters, digits, apostrophes inside words, the dot inside
// numbers and IDs (cc6.1, a.8.13), and %; everything else becomes a space.
func cleanPunct(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			b.WriteRune(r)
		case (r == '.' || r == '\'' || r == ':') && i > 0 && i+1 < len(rs) &&
			isAlnum(rs[i-1]) && isAlnum(rs[i+1]) && (r != '.' || unicode.IsDigit(rs[i+1])) && (r != ':' || unicode.IsDigit(rs[i+1])):
			b.WriteRune(r)
		case r == '$' || r == '£' || r == '€' || r == '¥' || r == '₹':
			// "how much extra $": money, which the price rule knows.
			b.WriteString(" dollars ")
		case r == '?' || r == '!':
			b.WriteString(" . ")
		case r == '.':
			b.WriteString(" . ")
		default:
			b.WriteRune(' ')
		}
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Tokens splits a normalised text into words, dropping sentence dots.
func Tokens(normalized string) []string {
	var out []string
	for _, f := range strings.Fields(normalized) {
		if f != "." {
			out = append(out, f)
		}
	}
	return out
}
