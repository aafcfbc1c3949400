package search

// fillerWords carry no topic in a texted question: who is asking, politeness,
// and verbs of wanting. They weigh nothing when scoring coverage.
var fillerWords = []string{
	"we", "our", "us", "i", "my", "me", "you", "your", "company", "startup", "team",
	"customer", "customers", "client", "clients", "prospect", "prospects", "enterprise", "buyer", "buyers",
	"asked", "asking", "ask", "asks", "want", "wants", "wanted", "need", "needs", "needed",
	"please", "thanks", "thank", "hey", "hi", "hello", "quick", "question", "questions", "q",
	"know", "tell", "explain", "wondering", "curious", "get", "got", "like", "just", "really",
	"actually", "basically", "exactly", "roughly", "pretty", "much", "thing", "things", "stuff",
	"yes", "ok", "so", "also", "anyway", "already", "now", "currently", "year", "years",
	"can", "could", "would", "should", "will", "do", "does", "did", "is", "are", "was", "be",
	"say", "said", "mean", "means", "think", "guess", "help", "hoping", "sure", "wonder",
	"hmm", "um", "uh", "lol", "haha", "opinion", "many", "one", "ones", "shop", "here",
	"sorry", "walk", "through", "ie", "eg", "bro", "bruh", "dude", "mate", "fam", "hocam", "sir", "madam", "must", "shall", "might", "may", "gotta",
	"honestly", "frankly", "candidly", "truthfully",
}

// genericWords are everyday words that say little about what a question is on:
// time, degree, vague nouns and verbs, who else is involved. They weigh at most
// genericWeight, and no more when no entry uses them.
// Words that name a topic the line does not cover (cost, expire, encrypt, fail,
// stage, pen test, …) must not be here.
var genericWords = []string{
	// Time and sequence.
	"still", "yet", "ever", "never", "again", "soon", "later", "today", "tomorrow", "yesterday",
	"recently", "lately", "last", "ago", "previous", "previously", "past", "future", "upcoming",
	"week", "weeks", "month", "months", "quarter", "day", "days", "right now",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "fill", "filling",
	"sept", "oct", "nov", "dec", "q1", "q2", "q3", "q4", "far", "kickoff", "kick", "call", "calls",
	"morning", "night", "once", "twice", "eventually", "finally", "originally", "initially",
	// Degree, hedging and attitude.
	"even", "well", "framework", "frameworks", "right", "number", "numbers", "show", "shows", "showing", "appear", "appears",
	"exception", "exceptions", "finding", "findings", "issue", "issues", "problem", "problems", "totally", "completely", "entirely", "very", "super", "quite", "fairly",
	"absolutely", "technically", "officially", "fully", "maybe", "perhaps", "probably", "possibly", "definitely", "certainly", "generally",
	"usually", "typically", "normally", "literally", "kinda", "sorta", "kind", "sort", "lot", "lots",
	"bit", "little", "big", "huge", "small", "whole", "entire", "overall", "general", "main",
	"major", "minor", "real", "truly", "fine", "bad", "better", "worse", "simple", "basic",
	"important", "relevant", "worth", "necessary", "possible", "able", "supposed", "likely",
	"ok", "cool", "confused", "confusing", "sense", "clear", "unclear", "heavy", "light",
	// Vague nouns.
	"area", "areas", "part", "parts", "piece", "pieces", "section", "sections", "bits", "aspect",
	"aspects", "top", "rest", "remaining", "else", "another", "anything", "something",
	"everything", "nothing", "anyone", "someone", "everyone", "etc", "instance",
	"lift", "effort", "hassle", "every", "deal", "matter", "idea", "situation", "case",
	"structure", "structures", "structured", "structural", "structurally", "breakdown", "layout",
	"role", "roles", "title", "titles", "titled", "heading", "headings", "standpoint", "perspective",
	"angle", "viewpoint", "scratch", "bunch", "handful", "ton", "tons", "body", "bodies", "umbrella",
	"degree", "extent", "realistic", "realistically", "genuinely", "concretely",
	"conversely", "rather", "always", "clean", "cleanly", "couple", "workstream", "workstreams",
	"greenfield", "midway", "mature", "reasonably",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "due", "tonight",
	"assign", "assigned", "assigning", "remind", "reminder", "rundown", "memo", "pdf", "tracker",
	"lost", "matrix", "spreadsheet", "sheet", "statement", "chatgpt", "gpt", "llm", "copilot", "slog", "grind", "letter", "namespace", "credential", "credentials",
	"term", "terms", "word", "words", "name", "names", "called", "jargon", "acronym", "acronyms",
	"purpose", "goal", "reason", "benefit", "benefits", "painful", "pain", "policy", "policies",
	"work", "count", "counts", "toward", "towards", "legit", "legitimate", "true", "real", "accurate",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"pre", "revenue", "funding", "funded", "seed", "early", "arr", "bootstrapped", "growing",
	"raise", "raised", "raising", "round", "push", "pushes", "pushed", "pushing", "joined", "join",
	"employee", "employees", "software", "saas", "tech", "startups", "scaleup", "scaleups",
	"list", "detail", "details", "info", "share", "shared", "common", "version", "versions",
	// Who else is involved.
	"sales", "board", "boss", "ceo", "cto", "cfo", "ciso", "cio", "coo", "vp", "head", "founder", "founders", "investor", "investors",
	"partner", "partners", "consultant", "consultants", "advisor", "advisors", "guy", "guys",
	"folks", "colleague", "colleagues", "manager", "engineer", "engineers", "staff", "owner",
	"people", "friend", "holder", "holders", "friends", "cofounder", "cofounders", "lead", "hire",
	"auditor", "auditors",
	"business", "product", "products", "saas", "platform", "service", "services", "app",
	"deal", "deals", "contract", "market", "sell", "selling", "sold", "buy", "region",
	"us", "eu", "uk", "europe", "european", "america", "american", "global", "international",
	"usa", "north", "south", "east", "west", "germany", "german", "france", "french", "canada",
	"australia", "india", "japan", "singapore", "netherlands", "dutch", "ireland", "spain", "italy",
	"linkedin", "twitter", "reddit", "google", "website", "site", "post", "podcast", "newsletter", "ad",
	"page", "pages", "blog", "article", "link", "url",
	"london", "berlin", "paris", "amsterdam", "dublin", "toronto", "sydney", "nyc", "sf", "austin", "boston",
	"brazil", "mexico", "israel", "turkey", "istanbul", "seoul", "korea", "vietnam", "indonesia", "jakarta", "kenya", "nairobi", "nigeria", "lagos", "egypt", "cairo", "dubai", "poland", "warsaw", "ukraine", "kyiv", "tokyo", "manila", "philippines", "bangalore", "mumbai", "delhi", "dach", "emea", "apac", "latam", "asia", "uae", "nordics",
	"compliance", "b2b", "b2c", "deck", "decks",
	// Work and texting shorthand.
	"wrt", "re", "fyi", "tbh", "imo", "imho", "afaik", "iirc", "btw", "rep", "reps", "revops", "salesops", "devops", "devsecops",
	"secops", "sre", "grc", "ops", "procurement", "email", "emails", "questionnaire", "questionnaires", "checkbox",
	"checkboxes", "tab", "doc", "docs", "form", "forms", "yaml", "sprint", "standup", "jira", "brag", "bragging",
	"fluff", "hell", "intern", "interns", "buyer", "rfi", "spreadsheet", "person", "persons", "pm", "pms",
	"project", "projects", "homepage", "liner", "one-liner", "onward", "onwards", "flag", "flagged", "flags",
	"analytics", "logistics", "hosting", "design", "agency", "outfit", "wee", "diligence", "permitting", "permits", "state",
	"target", "targets", "bits", "hr", "meetup", "meetups", "description", "descriptions", "switch", "switched", "switching", "request", "requests",
	"fwiw", "typo", "typos", "logo", "logos", "rfp", "rfps", "rfq", "onboard", "onboarding", "onboarded",
	"claim", "claims", "claimed", "claiming", "insist", "insists", "insisted", "marketing", "wording",
	"pipeline", "champion", "redline", "redlines", "redlining", "qbr", "school", "schools", "bakery", "dentist", "dentists", "restaurant",
	"jd", "jds", "candidate", "candidates", "hype", "waffle", "type", "types", "exec", "execs", "exco", "sub", "yell", "scary", "giant",
	"binder", "binders", "folder", "folders", "wiki", "notion", "confluence",
	"transpose", "transposed", "transposing", "swap", "swapped", "mixup", "criterion", "numbering",
	"regular", "vanilla", "plain", "payroll", "clinic", "clinics", "healthcare", "telehealth", "medtech",
	"cab", "taxi", "uber", "airport", "flight", "train", "nod", "nodding", "nodded", "developers",
	"fintech", "healthtech", "edtech", "insurtech", "proptech", "bank", "banks", "banking",
	"hospital", "hospitals", "insurer", "insurers", "retailer", "retailers", "agency", "agencies",
	"corporate", "corporation", "midsize", "fortune", "industry", "sector", "vertical",
	// Vague verbs.
	"happen", "happened", "happens", "happening", "keep", "keeps", "kept", "saying", "says",
	"told", "hear", "heard", "talk", "talking", "include", "includes", "included", "including",
	"involve", "involves", "involved", "fall", "falls", "go", "goes", "went", "gone", "come",
	"comes", "coming", "make", "makes", "made", "making", "put", "give", "gives", "gave",
	"add", "set", "start", "starting", "started", "begin", "beginning", "finish", "finished", "done", "doing",
	"try", "trying", "tried", "use", "using", "used", "figure", "figuring", "understand",
	"understanding", "see", "look", "looking", "check", "checking", "hope", "read", "reading",
	"seen", "seem", "seems", "feel", "meant", "reply", "text", "texting", "learn", "describe",
	"definition", "define", "defined", "refer", "reference", "references", "referenced",
	"mention", "mentioned", "mentions", "relate", "relates", "related", "regarding", "apply",
	"applies", "matters", "fit", "fits", "sit", "sits", "belong", "belongs", "land", "lands",
	"end", "ends", "live", "lives", "leave", "left", "stay", "stays", "remain", "remains",
	"prep", "prepping", "deal", "dealing", "cope", "care", "bother", "way", "ways", "run", "runs", "running", "ran",
	"based", "mostly", "mainly", "mid", "background",
	"assume", "assumed", "assuming", "presume", "suppose", "correct", "stuck", "play", "plays", "played",
	"conversation", "conversations", "organise", "organising", "organize", "organizing",
	"worry", "worried", "concern", "concerned", "thinking", "considering",
	"decide", "deciding", "decided", "compare", "comparing", "comparison", "differ", "differs",
	"exist", "exists", "existing", "gone",
	// Conjunctions and prepositions the stop list keeps.
	"though", "although", "since", "whether", "either", "per", "via", "across", "along",
	"within", "beyond", "around", "towards", "upon", "besides", "instead", "otherwise",
	"anyhow", "overall", "basically", "currently", "also",
}

// anchorWords name a framework or a part of one. A question that names one is
// about it, however many entries mention it, so they weigh at least anchorWeight.
var anchorWords = []string{
	"soc2", "iso27001", "iso27701", "tsc", "annexa", "isms", "soa", "type1", "type2",
}

// directionWords are the tokens textnorm adds for a move between the
// frameworks, a choice between them, or what one has that the other lacks.
// They say what is asked more than any word, so they weigh at least
// directionWeight.
var directionWords = []string{"soc2toiso", "isotosoc2", "soc2oriso", "soc2only", "isoonly"}

// oppositeDirections pair the direction tokens of the two ways between the
// frameworks.
var oppositeDirections = [][2]string{{"soc2toiso", "isotosoc2"}, {"soc2only", "isoonly"}}

// subjectWords are what a question can be on beside the frameworks: the parts
// of one and the categories. A question that points back ("what even is
// it") asks about the one its situation named.
var subjectWords = []string{
	"isms", "soa", "iso27701", "annexa", "tsc", "type1", "type2", "commoncriteria",
	"availability", "confidentiality", "processingintegrity", "privacy", "personaldata", "clauses",
	// The categories in the texter's words.
	"accuracy", "calculations", "uptime", "backups", "continuity", "classification",
}

// formWords ask for the short form of what a question names ("clauses 4-10
// summary", "isms overview"); alone, a summary is the bottom line.
var formWords = []string{"summary", "summarize", "summarise", "overview", "rundown", "recap", "gist", "tldr", "nutshell", "short", "brief", "briefly"}
