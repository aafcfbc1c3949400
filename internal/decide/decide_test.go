package decide_test

import (
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// Small talk, thanks and complaints never get a knowledge answer (small talk
// gets a reply in kind), and the
// scope rules do not fire on ordinary in-scope words.
func TestDecideEdgeCases(t *testing.T) {
	d := newDecider(t)
	tests := []struct {
		text   string
		answer string // entry id, or "" to escalate
		reason string // prefix of the escalation reason, when escalating
	}{
		{"thanks!", "", "small talk"},
		{"super, danke!", "", "small talk"},
		{"sorry brb, ups guy is here", "", "small talk"},
		{"gm boarding soon", "", "small talk"},
		{"who dis", "about", ""},
		// A framework asked about in an earlier question of the same text.
		{"does GDPR map to the soc2 P series? are we covered for EU if we do privacy", "", "out of scope: other framework"},
		{"we do privacy and have iso. are we covered for soc 2 privacy then?", "", "out of scope: advice on their case"},
		{"Our customers keep asking for SOC 2 reports by name. Does get ISO first still hold for us?", "", "out of scope: advice on their case"},
		{"what's a soc2 type 2 gonna run us?", "", "out of scope: price"},
		// Frameworks set aside are not asked about; a market is no legal question.
		{"soc2 overlap w/ iso %? ignoring hipaa/pci for now", "overlap", ""},
		{"we're a legal docs saas, confidentiality is all our customers ask about. how does it map to iso?", "row-confidentiality", ""},
		{"can our ISO certification auditor also do the soc 2 report?", "", "out of scope: audit process"},
		{"list every single control that's in the 20 percent that doesn't overlap", "", "out of scope: exact mapping"},
		{"Prospect heard about the 80% overlap and asked if their SOC 2 auditor can just issue the ISO cert at the same time.", "", "out of scope: audit process"},
		{"wrong. my auditor literally said we're soc 2 certified", "", "said the answer is wrong"},
		// Holding SOC 2, ISO unnamed: the extra work is ISO's.
		{"what extra work is there if we already hold a SOC 2?", "soc2-to-iso", ""},
		// A rough figure for the overlap is no price.
		{"How big is the overlap between the two really, ballpark?", "overlap", ""},
		{"ha fair enough", "", "small talk"},
		{"ok so which one first", "which-first", ""},
		{"Hola!!", "", "small talk"},
		{"you're a lifesaver 🙏", "", "small talk"},
		{"Founder told us they're 'ISO compliant'. Does that mean they're actually certified?", "", "out of scope: compliant against certified"},
		{"customer privacy questionnaire asks 'Are you certified to ISO/IEC 27701?' what is 27701, is it a typo for 27001??", "iso-27701", ""},
		{"soc2 cert y/n?", "attestation", ""},
		{"what are clauses 1-3 of iso 27001 about? we only covered 4-10", "", "out of scope: clauses the sources do not give"},
		{"we're a 12 person dev shop, zero compliance so far, customer gave us 90 days to produce a soc 2. doable?", "", "out of scope"},
		{"Which way is the lighter lift, adding SOC 2 on top of ISO or ISO on top of SOC 2?", "easier-direction", ""},
		{"Is the overlap between the two frameworks closer to half, or closer to eighty percent?", "overlap", ""},
		{"can you explain the difference between the two kinds of SOC 2 report", "type-1-2", ""},
		{"how does avialability map ovr to iso", "row-availability", ""},
		// A category's row answers a text that names the category.
		{"is iso 27001 enough on its own for soc 2?", "", "best entry row-privacy is on a part the question does not name"},
		{"soc2 avail -> iso?", "row-availability", ""},
		{"why is it the biggest gap though", "row-processing-integrity", ""},
		// Whether and how often one is audited is no answer's.
		{"after iso cert do we get audited again every year or what", "", "out of scope: frequency"},
		{"If we already run SOC 2 every year, what's the genuinely new work to get ISO 27001 on top of it?", "soc2-to-iso", ""},
		{"what are the numbered sections of iso 27001 before you even get to annex a", "iso-clauses", ""},
		{"Ops manager here, our ISO auditor keeps going on about management review and internal audits and I'm lost. What's the bigger thing those belong to?", "iso-only", ""},
		// What the SoA must hold, which report the texter needs: past the sources.
		{"what does the soa have to include, like column by column", "", "out of scope: contents of the soa"},
		{"is that type 1 or type 2 we'd need", "", "out of scope: advice on their case"},
		{"which one should we get first, soc 2 or iso 27001", "which-first", ""},
		// "would we?" asks about what the text said before it.
		{"my cofounder thinks we'd pass a type I with what we have now (mfa, backups, a handful of policies). would we?", "", "out of scope: whether they will pass"},
		// "in order" asks for a list, not an order.
		{"What are the nine common criteria called, in order?", "common-criteria", ""},
		{"waht does soc2 have tht iso dosent", "soc2-only", ""},
		{"chatgpt told me CC6 is change management. is it?", "common-criteria", ""},
		// Invoice figures are no price when the text is on processing them.
		{"we run invoice calculations for our clients so accuracy is everything. my cofounder claims iso 27001 fully covers processing integrity. does it?", "", "the knowledge base does not cover invoic"},
		// A texter calling their own question dumb disputes nothing.
		{"Sorry if this is a dumb one but what does ISMS mean and what is it really", "isms", ""},
		// Enough for their buyer, counting as something, how many a year:
		// their own case.
		{"Is a Type I going to be enough for our customer or will they insist on a Type II? It's a mid-size bank.", "", "out of scope: advice on their case"},
		{"is iso 27001 enough for soc2 privacy", "row-privacy", ""},
		{"Questionnaire asks 'Do you maintain an ISMS?' We have policies in Notion and a SOC 2 Type I. Do we count as having one? Yes or no?", "", "out of scope: advice on their case"},
		{"how many internal audits a year does iso 27001 actually need", "", "out of scope: frequency"},
		// The old edition compared with the new is the 2013 entry's; citing
		// an ID asks for no source.
		{"Our old policies all cite the 2013 version of ISO. How is that Annex A different from the 2022 one?", "iso-2013", ""},
		{"is iso 27001:2013 still certifiable", "", "out of scope: edition transition"},
		// About this line only when asked who or what it is.
		{"Q31 says 'Describe how you address ISO 27001 clauses 4 through 10.' I'm not asking you to write it, just what are those clauses?", "", "asks who, but not about this line"},
		{"who is thsi", "about", ""},
		// What the line is for, in everyday words only.
		{"what can i ask here", "about", ""},
		{"how does this work?", "about", ""},
		{"what do you cover", "about", ""},
		{"how does this work exactly with soc 2 reports", "", ""},
		{"Roughly how much of the control work carries across between SOC 2 and ISO 27001?", "overlap", ""},
		// Thanks at length, in other languages, a blessing: small talk.
		{"arigatou, understood", "", "small talk"},
		{"Well done sir, God bless", "", "small talk"},
		{"Really appreciate this. I've been going back and forth with our consultant for two weeks on this exact point and your two texts were clearer than his fourteen-slide deck. Going to pass it along to the rest of the team this afternoon. Thanks again.", "", "small talk"},
		// Their own case, who gives a certificate, whether they'll pass.
		{"which of the tsc categories should a payroll startup like us pick", "", "out of scope: advice on their case"},
		{"Who is giving the ISO 27001 certificate? Also CPA firm like SOC 2?", "", "out of scope: who certifies"},
		{"If we go into a SOC 2 Type II audit next quarter, do you think we'll pass?", "", "out of scope: whether they will pass"},
		// A board meeting on thursday is the texter's calendar, not a call.
		{"our board meeting is thursday. which one should we get first, soc 2 or iso 27001?", "which-first", ""},
		{"can we do a call thursday", "", "out of scope: scheduling"},
		// A letter o for a zero; "bro" and "the honest answer" ask nothing.
		{"iso 277o1 whats that one", "iso-27701", ""},
		{"What's the honest answer on how Processing Integrity maps to ISO?", "row-processing-integrity", ""},
		// "ta" thanks; whether it is worth it is their own case; how a
		// figure was computed asks its source.
		{"ta", "", "small talk"},
		{"Honestly, is it worth it? Will a SOC 2 actually help us close more deals?", "", "out of scope: advice on their case"},
		{"how was the 80% overlap computed", "", "out of scope: source of a figure"},
		// A migration between the frameworks is no edition transition;
		// bolting on what ISO lacks is no separate audit.
		{"Which migration path is less painful: starting from ISO and adding SOC 2, or starting from SOC 2 and adding ISO?", "easier-direction", ""},
		{"27k -> soc2, what do i bolt on", "iso-to-soc2", ""},
		{"can we bolt on 27701 to our existing audit", "", "out of scope: separate audit"},
		{"What are the top-level buckets in the Trust Services Criteria?", "tsc-categories", ""},
		// The two frameworks side by side: the words say which reading.
		{"whats the diffrence betwen soc 2 and iso 27001", "bottom-line", ""},
		{"realistically how much of soc 2 and iso 27001 is the same work", "overlap", ""},
		{"hey whose number is this", "about", ""},
		{"ok and type 2 covers like a full year right?", "", "out of scope: timeline"},
		{"Where does SOC 2 actually go further than 27001? Honest answer, not marketing.", "soc2-only", ""},
		{"i keep hearing theres a privacy add on for 27001 whats that about", "iso-27701", ""},
		{"can u reccomend a cpa firm for our sock 2", "", "out of scope: referral"},
		{"whats in annex as for iso 27,001", "annex-a", ""},
		{"My board keeps calling our SOC 2 a certification. Correct me if that's wrong.", "attestation", ""},
		{"Give me the honest summary of SOC 2 versus ISO 27001. No waffle, I've had enough waffle from sales reps this week.", "bottom-line", ""},
		{"What will the ISO auditors want from us that the SOC 2 people never asked for?", "iso-only", ""},
		{"Roughly how much of the work carries over between SOC 2 and ISO 27001?", "overlap", ""},
		{"We're a 20-person agency in Leeds, did our SOC 2 Type I in March. Biggest customer now wants a Type II by Christmas. Is that doable for us?", "", "out of scope"},
		{"So if our MSA represents that we are 'SOC 2 certified,' are we in breach?", "", "out of scope: legal"},
		{"If we do ISO 27001 now, we will pass the SOC 2 Type II without problem, yes?", "", "out of scope: whether they will pass"},
		{"Many thanks, I'll pass this along to the team.", "", "small talk"},
		// "that's wrong" told in passing in a long text is no dispute.
		{"our sales guy keeps telling prospects we will be soc 2 certified and i feel like thats wrong. is soc 2 a certification?", "attestation", ""},
		{"hm. my consultant says iso covers it fine. who's right, you or him", "", "said the answer is wrong"},
		{"Please list the categories under Trust Services Criteria which the SOC 2 auditor will look at.", "tsc-categories", ""},
		{"which auditor should we use for soc 2", "", "out of scope: referral"},
		{"can we talk friday", "", "out of scope: scheduling"},
		{"A.5 through A.18 domains, that's the old 2013 layout right?", "iso-2013", ""},
		{"is there any human available?? please revert urgently", "", "asked for a person"},
		{"Good morning sir, is SOC 2 one certificate like ISO? Client is asking for 'SOC 2 certificate' itself.", "attestation", ""},
		{"We are ISO certified. Client is asking for copy of our SOC 2 certificate. Is SOC 2 also a certificate?", "attestation", ""},
		{"Kindly let me know in which order we should proceed, first SOC 2 or first ISO 27001?", "which-first", ""},
		{"Which parts of SOC 2 don't really exist on the ISO 27001 side?", "soc2-only", ""},
		{"which clause is the SoA in exactly", "", "out of scope: where a component sits"},
		{"ok what exactly goes in the management review", "", "out of scope: definition"},
		// ISO 27701 named without SOC 2's side of privacy is on 27701.
		{"27701... isn't that just 27001 wearing a privacy hat?", "iso-27701", ""},
		{"27701 wrt the P series?", "row-privacy", ""},
		{"heyyy", "", "small talk"},
		{"this bot isn't really answering what I asked tbh", "", "said the answer is wrong"},
		// ISO 27701's answer is for questions on ISO 27701 or privacy.
		{"how much do soc 2 and iso 27001 really overlap, like is it mostly the same work or two totally separate projects", "", "best entry iso-27701 is on a part the question does not name"},
		{"12 of us, Type I done in March. Our auditor says the Type II window has to be at least 6 months. Is that right?", "", "out of scope: timeline"},
		{"they require a 'current SOC 2 Type II'. we only have a type 1 from march. will that pass their vendor review?", "", "out of scope: whether they will pass"},
		{"ok so how would we actually close that gap? like which controls would we add?", "", ""},
		{"on a call w a customer, we're iso 27001 certified already and they want a soc 2 report too. how close are we?", "iso-to-soc2", ""},
		{"What does a 27001 certification demand that a SOC 2 engagement simply does not?", "iso-only", ""},
		{"what does soc 2 cover that iso 27001 kinda doesnt", "soc2-only", ""},
		{"Sorry but this answer does not help me at all.", "", "said the answer is wrong"},
		// Money written as a symbol is a price; idioms that merely look
		// like price or meeting words are not.
		{"we're 12 ppl, already iso certified.\nroughly how much extra $ and time for soc2?", "", "out of scope: price"},
		{"Can you run me through what clauses 4 to 10 of 27001 actually cover?", "iso-clauses", ""},
		{"Give me your honest bottom line on SOC 2 versus ISO 27001, I have 2 minutes before a board call.", "", "the knowledge base does not cover minut"},
		{"can we do a 15 min call this week", "", "out of scope: scheduling"},
		{"my boss says your last answer was wrong and wants a human to check it", "", "asked for a person"},
		{"my boss says your last answer was wrong", "", "said the answer is wrong"},
		{"useless answer tbh", "", "said the answer is wrong"},
		{"howzit", "", "small talk"},
		{"lmaooo ok", "", "small talk"},
		{"thanks, super helpful for the bank call tmrw", "", "small talk"},
		{"garbage reply", "", "said the answer is wrong"},
		{"my cofounder wants a human on this one", "", "asked for a person"},
		// No sentence asks in so many words: the whole text is read.
		{"we take card payments, does soc2 cover PCI DSS too? asking for my son", "", "out of scope: other framework"},
		{"soc 2 shows 2 exceptions under CC7.2. red flag or normal?", "", "out of scope: judging their findings"},
		{"how do auditors usually handle that gap", "", "out of scope: audit process"},
		{"Good evening from Tokyo :)", "", "small talk"},
		{"got it, appreciate it. back to yaml hell", "", "small talk"},
		{"thanks a lot period", "", "small talk"},
		{"perfect, that's exactly what I needed for the slide. ty", "", "small talk"},
		{"thanks, that clears up the cert vs report thing", "", "small talk"},
		{"got it, 4 themes 👍", "", "small talk"},
		{"lol ok fair enough", "", "small talk"},
		{"thanks, what about privacy", "row-privacy", ""},
		// What a part is, asked with everyday words around it; not what
		// one needs of it.
		{"can someone explain what an isms is in normal human words", "isms", ""},
		{"what means ISMS, i dont undrestand this abbrevation", "isms", ""},
		{"thanks! can we book a call thursday", "", "out of scope: scheduling"},
		{"thank you so much", "", "small talk"},
		{"good morning", "", "small talk"},
		{"ok cool thx", "", "small talk"},
		{"thx pj", "", "small talk"},
		{"what is this", "about", ""},
		{"how many people controls in annex a", "annex-a", ""},
		{"typ 1 vs typ 2 soc2", "type-1-2", ""},
		{"👍", "", "small talk"},
		{"that's wrong", "", "said the answer is wrong"},
		{"thats not right", "", "said the answer is wrong"},
		{"can someone call me back", "", "asked for a person"},
		{"how many controls does soc 2 have", "", ""},
		{"do soc 2 and iso 27001 map to each other much", "overlap", ""},
		{"how does soc 2 map to iso", "crosswalk", ""},
		// Parts the answers name without saying what they are.
		{"ok whats a management review", "", "out of scope: definition"},
		{"what's an internal audit in iso", "", "out of scope: definition"},
		{"what does dlp mean", "", "out of scope: definition"},
		{"what is an isms", "isms", ""},
		{"whats the soa", "soa", ""},
		// "who" is not about the line unless the line is named.
		{"who actually audits iso 27001", "", "asks who"},
		{"who writes these answers", "about", ""},
		{"can pj look over our soa this week", "", "out of scope"},
		{"is iso 27001:2013 still certifiable", "", "out of scope: edition transition"},
		{"how much is an iso audit", "", "out of scope: price"},
		{"what were the 14 annex a domains in 2013 called", "", "out of scope: names"},
		{"what's the iso 27001 control for access reviews", "", "out of scope: exact mapping"},
		{"is a risk assessment required for soc 2", "", "out of scope: risk assessment"},
		{"what happens at the end of a type 2 period", "", "out of scope: audit process"},
		{"do soc 2 reports have a pass or fail", "", "out of scope: audit process"},
		{"what does soc 2 stand for", "", "out of scope: definition"},
		{"can we do soc 2 and iso at the same time", "", ""},
		{"thanks, that helps", "", "small talk"},
		{"is iso required", "", "out of scope: whether a framework is required"},
		{"whats an isms in plain english", "isms", ""},
		{"what does soc2 do better than iso", "soc2-only", ""},
		{"what does iso 27001 ask for that soc 2 doesnt", "iso-only", ""},
		{"do the two frameworks share most controls", "overlap", ""},
		{"we already have iso, what does soc 2 need on top", "iso-to-soc2", ""},
		{"who am i talking to", "about", ""},
		// Words an answer only mentions do not make it the answer.
		{"how big should our soc 2 scope be", "", ""},
		{"are soc 2 and iso 27001 pretty much the same", "overlap", ""},
		{"we're a fintech with soc 2 type ii and a big bank is asking for 27001, where are our gaps", "soc2-to-iso", ""},
		{"does iso 27001 cover soc 2 availability", "row-availability", ""},
		{"how much overlap is there between soc 2 and iso", "overlap", ""},
		{"who is this", "about", ""},
		{"whats an isms", "isms", ""},
		{"what does cc7 cover", "common-criteria", ""},
		{"is a.12.3.1 still valid", "iso-2013", ""},
		{"which annex a control maps to cc6.1 exactly", "", "out of scope: exact mapping"},
		{"we finished soc 2 last month, what's next for iso", "soc2-to-iso", ""},
		{"how long does iso take", "", "out of scope: timeline"},
		{"is 6 weeks enough for a type 1", "", "out of scope: timeline"},
		{"are you available tuesday", "", "out of scope: scheduling"},
		// Audit events in the situation are background; asked about, or
		// pointed back at, they are out of scope.
		{"we are iso 27001 certified with clean surveillance audits. procurement insists on soc 2. what do we need to add?", "iso-to-soc2", ""},
		{"our surveillance audit is next month. what happens if they find something?", "", "out of scope"},
		{"our stage 2 is done. what happens after the stage 2 audit?", "", "out of scope: audit process"},
		{"we had a readiness review last week. is that normal?", "", ""},
		// A question naming its own subject has the situation as background;
		// one pointing back at the situation does not.
		{"We run a batch reconciliation platform for banks, so Processing Integrity is in our SOC 2 scope. ISO 27001 is planned for next year. How does PI carry over into Annex A?", "row-processing-integrity", ""},
		{"Our vendor risk program is manual. Does annex a have controls for that?", "", ""},
		{"We use a third party payroll processor. Does processing integrity apply to that?", "", ""},
		{"is risk assessment an iso-only thing?", "", "out of scope: risk assessment in soc 2"},
		// A question on the SoA is not answered by an entry that knows no SoA.
		{"Do we need a separate SoA for each site?", "", ""},
		{"what's iso-specific about privacy", "", ""},
		{"Our SOC 2 report has a qualified opinion. Can we still get ISO?", "", "out of scope: audit process"},
		{"Which Annex A theme covers physical security?", "annex-a", ""},
		{"thanks, that lines up with what we heard", "", "small talk"},
		{"perfect, that's what i needed", "", "small talk"},
		{"Appreciated. That matches what our auditor told us.", "", "small talk"},
		// Why someone in the texter's story did something is theirs to ask
		// PJ; why everyone brings a thing up asks about the thing.
		{"why did our auditor flag an exception on CC8.1", "", "out of scope: why someone did it"},
		{"why do european customers prefer iso while american ones want soc 2?", "", "out of scope: market preference"},
		{"What is the statement of applicability and why does every auditor keep bringing it up", "soa", ""},
		{"can i get pj please", "", "asked for a person"},
		{"27k has what soc2 doesnt? tldr", "iso-only", ""},
		{"What does SOC 2 cover that ISO 27001 is weak on?", "soc2-only", ""},
		{"does soc2 have anything iso lacks", "soc2-only", ""},
		{"Is there an ISO standard that covers privacy on top of 27001?", "iso-27701", ""},
		// "this year" is a time: the question is its own sentence, and the
		// HIPAA of the story before it does not make it another framework's.
		{"We're a 12 person healthtech, HIPAA handled through BAAs, and a health system now wants SOC 2 or ISO 27001. If we can only afford one this year, which?", "which-first", ""},
		{"If a company could only afford to do one of them, which would you start with?", "", "the knowledge base does not cover"},
		{"If we only have budget to do one of these this year, which would you pick?", "which-first", ""},
		{"arigatou gozaimasu, very clear explanation", "", "small talk"},
		// A market's taste is not in the sources; what a market wants, told
		// as the situation, is no question about it.
		{"which do european buyers prefer, iso or soc 2?", "", "out of scope: market preference"},
		{"Will German customers accept a SOC 2 Type 2 instead of ISO 27001?", "", "out of scope: market preference"},
		{"our EU customers want ISO and US ones want SOC 2. someone told me they're like 80% the same thing, is that actually true?", "overlap", ""},
		{"is a soc 2 type 1 enough or will customers insist on type 2", "", "out of scope: advice on their case"},
		{"soc 2 is done by a CPA firm, who does the ISO 27001 certification then?", "", "out of scope: who certifies"},
		{"can the same cpa firm do our soc 2 attestation and our iso certification audit", "", "out of scope: referral"},
		{"can one audit firm do soc 2 and iso 27001 together? who would you recommend", "", "out of scope: referral"},
		{"Do we actually need to add PI for a business like ours?", "", "out of scope: advice on their case"},
		{"xie xie, very helpful for me", "", "small talk"},
		{"Spasibo. Understood.", "", "small talk"},
		{"ok that actually clears it up, thank you", "", "small talk"},
		{"And what things has SOC 2 that in ISO 27001 are missing?", "soc2-only", ""},
		// Compared, not moved between.
		{"What's actually the difference between getting a SOC 2 report and getting ISO 27001 certified? Are they the same kind of thing?", "attestation", ""},
		{"Our old policy pack references A.12.3.1. Is that still a valid control number?", "iso-2013", ""},
		// Categories, plural, are the crosswalk's; the Security row needs
		// security named.
		{"Broadly speaking, how do the trust services categories correspond to the Annex A themes?", "", "best entry row-security is on a part"},
		// A question of question words only asks about its story.
		{"I heard PCI DSS overlaps with SOC 2 a lot too. how much?", "", "out of scope: other framework"},
		// Holding one and not the other, the move is to the other.
		{"We're ISO 27001 certified, no SOC 2. Prospect's questionnaire is all SOC 2 language. What's the actual gap for us?", "iso-to-soc2", ""},
		{"A friend said going from ISO to SOC 2 is the easy way round, not the other way. Or did I get that backwards?", "easier-direction", ""},
		{"if its 80% overlap can our iso auditor just sign off the soc 2 too", "", "out of scope: audit process"},
		// Someone else's quoted question, then the texter's own.
		{"Our auditor asked \"are you planning ISO first or SOC 2 first?\" Honestly, which direction is less work?", "easier-direction", ""},
		{"cool, forwarding this to my team 👍", "", "small talk"},
		{"sorry its 2am lol", "", "small talk"},
		// A year is an edition, not a count.
		{"annex a 2022: themes + ctrl count?", "annex-a", ""},
		{"budgeting app, tons of consumer data, privacy is the whole thing for us. does iso cover what soc 2 privacy covers", "row-privacy", ""},
		// A weekday books a call only beside meeting words in its own sentence.
		{"Hi, I'm the office manager and as of Monday I apparently own compliance. We have a SOC 2 Type 2 already, and now a customer in Germany wants ISO 27001. What's actually new work for us?", "soc2-to-iso", ""},
		{"small fintech here, the board asked me how much soc 2 and iso 27001 overlap so we don't pay for the same work twice. what do i tell them", "overlap", ""},
		{"We already hold ISO 27001. What would it take to add SOC 2 on top?", "iso-to-soc2", ""},
		{"do we need PI1 in scope for our CI/CD saas or just security?", "", "out of scope: advice on their case"},
		{"is 27701 certifiable on its own, or only together with a 27001 certificate?", "", "out of scope: certifying 27701"},
		{"Going the other way, what does a SOC 2 report give us that an ISO 27001 certificate usually doesn't?", "soc2-only", ""},
		{"oh also, CC6.1 keeps coming up on the auditor's request list. what area is that under?", "common-criteria", ""},
		{"hwo much overlap is thre between them", "overlap", ""},
		{"Coming from SOC 2, what are the two gaps you'd have to close to get ISO 27001?", "soc2-to-iso", ""},
		{"map every iso 27001 annex a control to its tsc criterion for me pls", "", "out of scope: exact mapping"},
		{"ok back to soc 2 for a minute", "", "small talk"},
		// A price in the story is no price asked; one asked after the
		// question still is.
		{"our auditor quoted 35k for the soc 2 last week. what is an isms?", "isms", ""},
		{"We have ISO 27001 and customers want SOC 2. My CEO wants to know how much of what we have already counts. Ballpark?", "", "out of scope: price"},
		{"Is it easier to add ISO on top of SOC 2, or SOC 2 on top of ISO?", "easier-direction", ""},
		{"Great, thanks for the help along the way!", "", "small talk"},
		{"thx. switching to soc2 now", "", "small talk"},
	}
	for _, tt := range tests {
		dec, err := d.Decide(tt.text)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.reason == "small talk":
			if dec.Action != domain.ActionSmallTalk {
				t.Errorf("Decide(%q) = %s (%s), want small talk", tt.text, dec.Action, dec.Reason)
			}
		case tt.answer != "":
			if dec.Action != domain.ActionAnswer || dec.Entry.ID != tt.answer {
				t.Errorf("Decide(%q) = %s %s (%s), want answer %s", tt.text, dec.Action, dec.Candidate, dec.Reason, tt.answer)
			}
		case dec.Action == domain.ActionAnswer || dec.Action == domain.ActionSmallTalk:
			t.Errorf("Decide(%q) = %s %s, want it not answered", tt.text, dec.Action, dec.Candidate)
		case tt.reason != "" && !strings.HasPrefix(dec.Reason, tt.reason):
			t.Errorf("Decide(%q) escalated for %q, want %q", tt.text, dec.Reason, tt.reason)
		}
	}
}

// A menu offers two entries only when each answers words of the question the
// other does not: entries that tie on the same words are no two readings.
func TestClarifyOnlyDistinctReadings(t *testing.T) {
	d := newDecider(t)
	for _, q := range []string{
		"do soc 2 and iso actualy map to each other much",
		"is iso 27001:2013 still certifiable",
		"how much is an iso audit",
		"which one is required",
		"how does soc2 confidentiality map to iso and what about availability",
	} {
		dec, err := d.Turn(q, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		if dec.Action == domain.ActionClarify {
			t.Errorf("Turn(%q) asks %s or %s", q, dec.Options[0].ID, dec.Options[1].ID)
		}
	}
}

// Questions on the texter's own case, and facts the sources do not give, go
// to the operator however well their words match an entry.
func TestOwnCaseAndUnsourcedFactsEscalate(t *testing.T) {
	d := newDecider(t)
	for _, q := range []string{
		"3 engineers, no written policies, audit window starts in june. are we going to pass soc 2 type 2?",
		"will we pass iso 27001 first try",
		"Does ISO require a CISO?",
		"do we need a dpo for soc 2",
		"Who issues the ISO certificate?",
		"Our auditor said our SoA is incomplete. What do we do?",
	} {
		dec, err := d.Turn(q, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		if dec.Action != domain.ActionEscalate {
			t.Errorf("%q: %s %s (%s), want the operator", q, dec.Action, dec.Candidate, dec.Reason)
		}
	}
	// The same words on what the sources do say still get an answer.
	for q, want := range map[string]string{"who issues a soc 2 report": "attestation", "whats an soa": "soa"} {
		if dec, _ := d.Turn(q, domain.Context{}); dec.Action != domain.ActionAnswer || dec.Entry.ID != want {
			t.Errorf("%q: %s %s (%s), want %s", q, dec.Action, dec.Candidate, dec.Reason, want)
		}
	}
}

// A second part is answered only when one sibling knows the rest of the
// question: "any match" is in every row, so it names none of them.
func TestSecondPartNamedOnlyOnce(t *testing.T) {
	d := newDecider(t)
	for q, want := range map[string]string{
		"soc2 PI vs iso, any match?":       "row-processing-integrity",
		"privacy and availability in iso?": "row-availability&row-privacy",
	} {
		dec, err := d.Turn(q, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(dec.AnsweredIDs(), "&"); got != want {
			t.Errorf("%q: answered %q (%s), want %q", q, got, dec.Reason, want)
		}
	}
}

// "soc 2 vs iso" names the two frameworks and nothing else: the texter picks
// how alike they are or the bottom line. Words that ask one of those get it.
func TestComparisonReadings(t *testing.T) {
	d := newDecider(t)
	for q, want := range map[string]string{
		"soc 2 vs iso 27001": "",
		"what's the actual difference between soc2 and iso?":  "bottom-line",
		"how much of soc 2 and iso 27001 is the same work":    "overlap",
		"soc 2 and iso 27001, what do they have in common":    "overlap",
		"whats the difference and what is the same, soc2 iso": "",
		"27k only stuff vs soc2 pls":                          "iso-only",
		"soc2 only stuff wrt iso":                             "soc2-only",
	} {
		dec, err := d.Turn(q, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case want == "" && dec.Action != domain.ActionClarify:
			t.Errorf("Turn(%q) = %s %s (%s), want the overlap / bottom-line menu", q, dec.Action, dec.Candidate, dec.Reason)
		case want != "" && (dec.Action != domain.ActionAnswer || dec.Entry.ID != want):
			t.Errorf("Turn(%q) = %s %s (%s), want %s", q, dec.Action, dec.Candidate, dec.Reason, want)
		}
	}
}
