package decide_test

import (
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/decide"
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/loadtest"
)

// want is what a turn should do: answer with entries (ids joined by "&"), or
// not answer ("").
type turnCase struct {
	before, text, want string
}

func runTurns(t *testing.T, tests []turnCase) {
	t.Helper()
	d := newDecider(t)
	for _, tt := range tests {
		dec := turnAfter(t, d, tt.before, tt.text)
		got := ""
		if dec.Action == domain.ActionAnswer {
			got = strings.Join(dec.AnsweredIDs(), "&")
		}
		if got != tt.want {
			t.Errorf("after %q, Turn(%q) = %s %q (%s), want %q", tt.before, tt.text, dec.Action, got, dec.Reason, tt.want)
		}
	}
}

// turnAfter decides on text after before ("" for none), which must be
// answered, as a thread's context would hold it.
func turnAfter(t *testing.T, d *decide.Decider, before, text string) domain.Decision {
	t.Helper()
	c := domain.Context{}
	if before != "" {
		prev, err := d.Turn(before, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		if prev.Action != domain.ActionAnswer {
			t.Fatalf("earlier turn %q not answered: %s", before, prev.Reason)
		}
		c = domain.Context{Previous: prev.Entry.ID, PreviousQuestion: before}
	}
	dec, err := d.Turn(text, c)
	if err != nil {
		t.Fatal(err)
	}
	return dec
}

// Follow-ups are read with the previous question, and answered only when the
// entry knows what the text itself asks.
func TestFollowUps(t *testing.T) {
	runTurns(t, []turnCase{
		{"what is an isms", "does soc 2 need one?", "iso-only"},
		{"what are the 5 trust services criteria", "which one is required", "tsc-categories"},
		{"what is a soa", "is that a soc 2 thing too?", "soa"},
		{"whats cc6", "where does it land in iso", "row-security"},
		{"is soc 2 a certification", "what about iso 27001", "attestation"},
		// Who issues the report: the attestation's answer says (a CPA firm);
		// who issues an ISO certificate it does not.
		{"whats the difference between type 1 and type 2", "who issues it then", "attestation"},
		{"is soc 2 a certification", "who writes the report, us or someone else?", "attestation"},
		{"is soc 2 a certification", "and who issues the iso cert then", ""},
		// ISO 27001 alone after whether SOC 2 is a certification: the same
		// answer says what ISO 27001 is beside it.
		{"is soc2 a cert", "ok so what is iso then?", "attestation"},
		{"is soc 2 a certification", "so what is it then", "attestation"},
		{"is soc 2 a certification", "ok what's it then?", "attestation"},
		{"who runs this line", "and you're not tied to any vendor?", "about"},
		{"is soc 2 a certification", "and iso 27001?", "attestation"},
		{"is soc 2 a certification", "and iso 9001?", ""},
		{"how much do soc 2 and iso overlap", "whats in the other 20%", "overlap"},
		{"how much do soc2 and iso overlap", "what's in the other 20%? customer asked \"so what's missing\"", "overlap"},
		{"what are the trust services categories", "which of those is the one everybody has to include", "tsc-categories"},
		{"which should we get first soc2 or iso", "why that one", "easier-direction"},
		{"how does availability map from soc 2 to iso", "ok and confidentiality", "row-confidentiality"},
		// After the Common Criteria, another series is read as a series.
		{"whats cc6", "and cc8?", "common-criteria"},
		// A dispute goes to a person.
		{"which should we do first, soc 2 or iso", "are you sure? everyone else tells me soc 2 first", ""},
		{"is soc 2 a certification", "that's not what my auditor said, he literally called it a certification", ""},
		// A word of the last answer, asked about alone: the answer does not
		// say more of it.
		{"how does confidentiality line up with iso", "DLP?", ""},
		{"what is an isms", "risk treatment?", ""},
		{"how does confidentiality line up with iso", "data masking, what do u mean", ""},
		// How it was before: the 2013 edition.
		{"how many controls are in annex a", "was it always 93", "iso-2013"},
		// A follow-up naming its own move or subject in the sentence with the
		// pointer is answered on its own words.
		{"Which direction is easier, SOC 2 to ISO 27001 or the reverse?", "Fine. Then concretely, what does ISO 27001 require that SOC 2 doesn't?", "iso-only"},
		{"How do the SOC 2 categories map to ISO 27001 Annex A?", "Understood. And the management system piece you mentioned, which clauses is that exactly?", "isms"},
		// What the knowledge base does not say goes to the operator, context or not.
		{"what does iso require that soc 2 doesn't", "ok whats a management review", ""},
		{"soc2 type 1 vs type 2", "which one do customers usually want", ""},
		{"does iso cover processing integrity", "so what would we need to add for that", ""},
		{"we have iso 27001 and a customer wants soc 2, what do we need", "how much will that cost us", ""},
		{"is soc 2 a certification", "why", ""},
		// "it" is ISO 27701, which the attestation answer is not about.
		{"what is iso 27701", "is it certifiable on its own", ""},
		{"how does soc 2 availability map to iso", "what about disaster recovery testing", ""},
		{"how much do soc 2 and iso overlap", "where does that 80% number come from", ""},
		{"whats an soa", "is that a privacy thing?", ""},
		{"what is an isms", "does availability need that?", ""},
	})
}

// Two questions in one text are answered apart; "and" before a question word
// starts the second.
func TestTwoQuestions(t *testing.T) {
	runTurns(t, []turnCase{
		// A category named in a follow-up that points back is its own subject.
		{"how does soc 2 availability map to iso", "ok what about the confidentiality one", "row-confidentiality"},
		// An ID's part and a part with a subject of its own: both answered.
		{"", "what's CC8 and how does processing integrity map to iso", "common-criteria&row-processing-integrity"},
		// Each framework's ID asked about in its own question: both entries.
		{"", "what's CC8 and what's clause 10?", "common-criteria&iso-clauses"},
		{"", "2 qs: what are iso clauses 4-10, and what's in CC1-CC9?", "iso-clauses&common-criteria"},
		{"", "what's the SoA exactly, and separately what are clauses 4-10?", "soa&iso-clauses"},
		// One ID set beside the other is still one question, on the first.
		{"", "What's A1.2 in SOC 2? Not the ISO A.5 stuff, the SOC 2 one", "row-availability"},
		// An aside after the question asks nothing.
		{"", "what's P4 in soc 2? sorry, new here", "row-privacy"},
		// A sentence that asks inside a part that starts by telling; how to
		// answer ("1 line answer") asks nothing of its own.
		{"", "Audit is in 3 weeks and we have basically no written policies. Will we pass a Type 1? Be honest.", ""},
		{"", "27k or soc2 first? 1 line answer", "which-first"},
		// A "+" inside brackets lists; it starts no second question.
		{"", "have soc 2 type ii (security + availability). what is an soa?", "soa"},
		// Pasted notes: bullets that name the subject, then the question.
		{"", "- soc2 type 2\n- observation window\nhow long does it have to be?", ""},
		{"", "- what is the soa\n- what are iso clauses 4-10", "soa&iso-clauses"},
		{"", "• soc2 type 2\n• observation window\nhow long does it have to be?", ""},
		{"", "Could we do the iso 27001 and soc2 audits in the same week? Can you set up a call to talk it through?", ""},
		{"", "do we need processing integrity in our soc 2? we're just a scheduling app", ""},
		{"", "Everyone keeps pitching me ISMS software but honestly what is an ISMS in the first place", "isms"},
		// "also is" goes on with the sentence: one question, on NIST.
		{"", "NIST CSF mapping also is there with SOC 2, like the ISO crosswalk?", ""},
		{"", "P4 specifically, is that retention or disposal?", ""},
		{"", "Map CC6.1 through CC6.8 to the specific 2022 Annex A controls, please.", ""},
		{"", "Is C1.1 a one-to-one with A.5.12 classification, yes or no?", ""},
		{"", "which specific A.8 control covers DLP then?", ""},
		// A customer's question passed on in quotes is the question, whatever
		// the framing around it says ("quote", "how should I word").
		{"", "Customer: \"Is there anything in SOC 2 that ISO just doesn't cover at all?\" what do we say", "soc2-only"},
		{"", "Got this from a buyer: \"Which one should we get first, SOC 2 or ISO?\" How do I respond?", "which-first"},
		{"", "Customer asked \"how much does a soc 2 audit cost?\" what do I tell them", ""},
		{"", "ok and what does A.8.13 actually need us to do", ""},
		{"what is iso 27701", "do we even need it? we're b2b, barely touch personal data", ""},
		{"", "how many in the people one", "annex-a"},
		// SOC 2's A1 beside ISO's A.5, neither asked to map: each said for
		// what it is.
		{"", "A1.2 is from ISO or from SOC 2? I confuse it with the A.5 of ISO.", "row-availability"},
		{"", "what does A1.2 mean in soc 2? is that the same as the iso A.5 stuff?", "row-availability"},
		{"what are the tsc categories", "and what's in the security one?", "common-criteria"},
		// A part asking only the ISO side of the part before it.
		{"", "customer security questionnaire is asking about uptime, capacity and backups 'under soc 2'. which category is that and what's the iso equivalent? ta", "row-availability"},
		{"", "is PJ about? would rather have a proper chat with him directly", ""},
		{"", "Can you help me to write the information security policy for ISO? Maybe a template you have?", ""},
		// A theme's count is in Annex A's answer; a CC series' is not.
		{"", "how many controls are under A.5 in the 2022 version", "annex-a"},
		{"", "how many points of focus in cc6", ""},
		{"", "what are cc7 and cc8? i have to present them by friday", "common-criteria"},
		{"", "ok but what's A1.2 specifically asking for", ""},
		{"is soc 2 a certification", "ok so who certifies iso then", ""},
		{"is soc 2 a certification", "and for ISO, who does the certifying?", ""},
		{"", "so where did A.12.3.1 go? whats its 2022 number", ""},
		// "so is ..." asks after its lead-in: not the situation.
		{"who is this", "so is PJ an auditor? like a CPA?", ""},
		{"", "Which audit firms are credible for SOC 2? Should we insist on a Big 4?", ""},
		// A part that points back but asks past the sources goes to PJ.
		{"", "whats 27701 and do we need it to be gdpr compliant? we have EU users", "iso-27701"},
		{"", "the privacy criteria in soc 2 - how do they line up with iso 27001? short version", "row-privacy"},
		{"", "Is SOC 2 CC6 the same as A.5.15 access control, one to one?", ""},
		{"", "You mentioned a CPA firm does the report. Can you recommend one for our Type 2?", ""},
		{"", "minimum type 2 observation window - 3 months or 6?? auditors keep contradicting each other", ""},
		{"", "Our US customer accepted ISO certificates before. Do we really need SOC 2 at all?", ""},
		// "confirm the number" is a figure, not this line's number; "ISO
		// certified ... asks for SOC 2" is a move from ISO: neither is
		// answered wrongly (the line was not sure enough of either to answer).
		{"", "I think your page said they overlap about 70%? Just want to confirm the number before I put it in a slide", ""},
		{"", "ISO 27001 certified since 2021. A bank in New York now asks for SOC 2. How much of our existing work carries over?", ""},
		{"what does iso require that soc 2 doesn't", "And the converse?", "soc2-only"},
		{"we have soc 2 type 2, what's new for iso 27001", "what are those clauses 4-10 you mentioned", "iso-clauses"},
		// Asking the line to review a document, then its price: both to PJ.
		{"", "Could SideGuy review a vendor's SOC 2 for us? What would that cost?", ""},
		{"", "what is iso 27701 and does annex a cover processing integrity at all", "iso-27701&row-processing-integrity"},
		{"", "does soc2 privacy carry over to iso and what about PI", "row-privacy&row-processing-integrity"},
		{"", "how does soc2 confidentiality map to iso and what about availability", "row-confidentiality&row-availability"},
		{"", "we have soc 2 and want iso. whats net new, and what are clauses 4-10 exactly", "soc2-to-iso&iso-clauses"},
		// Two parts of the crosswalk in one question: both rows.
		{"", "privacy and availability in iso?", "row-availability&row-privacy"},
		{"", "does iso cover confidentiality and privacy", "row-confidentiality&row-privacy"},
		// A pronoun with its own subject named is not a follow-up.
		{"we have soc 2, what's net new for iso", "and what is that isms thing", "isms"},
		// One question with "and" in it stays one.
		{"", "how much do soc 2 and iso 27001 overlap", "overlap"},
		// A part that leans on one going to the operator is not answered
		// alone: "easier" is about texting, "same" about PCI.
		{"", "can we hop on a quick call thurs? easier than texting", ""},
		{"", "How does PCI DSS map to ISO 27001? Same 80% overlap?", ""},
		{"", "Is PJ around? I'd rather walk through our situation with him directly.", ""},
		// "can also do" goes on with the verb: one question, to PJ.
		{"", "Which audit firm can you recommend for SOC 2 in Europe? Ideally one who can also do the ISO certification.", ""},
		// A part that points back is told by the answer before it.
		{"", "P4 = privacy right? does 27001 cover it", "row-privacy"},
		// A tag question asks; its part is not a situation.
		{"", "A.7.4 falls under the Physical theme, right? How many controls does that theme have?", "annex-a"},
		// "the privacy one" names what the part before asks about.
		{"", "iso 27710?? the privacy one", "iso-27701"},
		// A closing statement is the texter's aside, not a second question.
		{"", "What does A1.2 refer to? I thought A is the ISO Annex A.", "row-availability"},
		// Which framework certifies, said as a contrast.
		{"", "So ISO 27001 is something you really get certified against, unlike SOC 2? Trying to get my head straight", "attestation"},
		// A second row only when the question names its category.
		{"", "We run a telehealth platform so uptime is everything. How does the SOC 2 availability category line up with ISO 27001?", "row-availability"},
		// A claim, then "true?": the claim is what is asked.
		{"", "I heard type II needs a 12 month observation window. true?", ""},
		// Where an ISMS process sits in the clauses: not in the sources.
		{"what is an isms", "which of those does internal audit fall under", ""},
		// Both frameworks wanted: which first, not a move.
		{"", "American prospects want sock 2, the European ones want iso. With which one we begin?", "which-first"},
		{"", "cc7 what is it", "common-criteria"},
		// The page's 20% named without its sign, after the overlap.
		{"how much do soc 2 and iso overlap", "so whats in the other 20", "overlap"},
		// A series alone, not asked where it maps: the series itself.
		{"", "cc8 is change mgmt or ops iirc", "common-criteria"},
		{"", "cc8 in iso terms?", "row-security"},
		// The 2013 the normaliser notes beside an old ID is no edition asked
		// about; an old ID's 2022 number is control by control.
		{"", "A supplier sent me an SoA referencing A.9.2.3 and says it's their current 2022 certificate. Does that ID exist in 2022?", "iso-2013"},
		{"", "A.12.3.1 from the 2013 edition: give me its 2022 control number.", ""},
		{"", "Why do the control numbers in our old ISO policy binder look totally different from the ones in the current standard?", "iso-2013"},
		// The ID's own letter is no unknown topic; "this control ID" is
		// the one quoted, not a request for the other side's number.
		{"", "C1.1 - what's the C stand for", "row-confidentiality"},
		{"", "Our old policies refer to A.12.3.1. Does this control ID still exist in ISO 27001:2022?", "iso-2013"},
		// The categories as a whole are no one row (here the crosswalk ties
		// with what SOC 2 alone has, so PJ); one named category is its row.
		{"", "roughly how do the soc 2 categories match up to annex a", ""},
		{"", "My client's privacy lead wants to know where the SOC 2 privacy criteria end up on the 27001 side", "row-privacy"},
		{"", "does ISO 27001 require background checks on new hires? asking for people ops", ""},
		{"", "if it's 80% overlap can one firm audit both soc 2 and iso in the same engagement", ""},
		{"", "So SOC 2 takes about six months start to finish, correct?", ""},
		{"", "A.8.13 is the backup control, yes?", ""},
		{"", "this bot isn't getting what I'm asking at all", ""},
		{"", "sorry who am I actually texting here? is this a company or a real person", "about"},
		{"", "Correct me if I'm wrong, but a SOC 2 isn't really something you get certified in, it's more like an auditor's opinion report?", "attestation"},
		{"", "Logical access was which common criteria series, CC5 or CC6? I always mix them up", "common-criteria"},
		{"", "The Type II has 3 exceptions noted under CC7. Should we be worried?", ""},
		{"", "which one has 61 criteria, soc 2? or was it 64", ""},
		{"", "how do i check an iso 27001 certificate is real and not something they made up", ""},
		{"", "Which parts of a SOC 2 would not be reflected in an ISO 27001 certification?", "soc2-only"},
		{"", "our EU customers want ISO and US ones want SOC 2. someone told me they're like 80% the same thing, is that actually true?", "overlap"},
		{"", "what's the minimum period a type II has to cover, 3 months? 6?", ""},
		{"", "what documented evidence do soc 2 auditors want exactly? like which docs", ""},
		{"", "What are the names of the 8 controls in the People theme?", ""},
		{"", "can our ISO certification body do our SOC 2 too or does it have to be a different firm?", ""},
		{"", "how do I become a soc 2 auditor myself? do I need to be a CPA?", ""},
		{"", "why did ISO cut annex a down from 114 controls to 93? what was the reasoning", ""},
		{"", "b2b crm, do we need processing integrity in our soc 2 scope or not. yes or no, I don't have time", ""},
		{"", "We were certified under the 2013 version of ISO. How is the 2022 Annex A laid out differently?", "iso-2013"},
		{"", "Flip side: what does SOC 2 cover that an ISO 27001 program probably doesn't?", "soc2-only"},
		{"", "ISO certificates get issued by the ISO organization itself, right?", ""},
		{"", "what does clause 3 of iso 27001 say", ""},
		{"", "this isnt answering my question at all", ""},
		{"", "whats an isms srry new to all this", "isms"},
		// Not how one moves from SOC 2 to ISO (the 2013 entry covers too
		// little of it to answer, so PJ).
		{"", "We're still certified against the 2013 edition and our transition is coming up. How different is the new Annex A structure?", ""},
		{"", "the 14 old domains, can u name them all for me", ""},
		{"", "of the 93, how many are brand new in 2022 vs 2013?", ""},
		{"", "how many criteria sit inside CC6? like 6.1 up to 6.what", ""},
		{"", "I'm afraid that answer doesn't seem right to me. Could someone on your side please take another look?", ""},
		{"", "Hi, which organisation actually issues ISO 27001 certificates, and how can we verify that a certification body is properly accredited?", ""},
		// A part that asks on its own still is answered.
		{"", "how much does a soc 2 audit cost? and what is an isms", "isms"},
	})
}

// Asking for a person, or saying the line is no use, goes to PJ; the words
// "human" and "person" in a question do not.
func TestPersonRequests(t *testing.T) {
	runTurns(t, []turnCase{
		{"", "this bot is useless lol", ""},
		{"", "Sorry but this bot is not useful for me. Please connect me to PJ directly.", ""},
		{"", "can we get 30 min with PJ thursday afternoon", ""},
		{"", "human pls", ""},
		{"", "can you write our answer to 'describe your information security policy' for me?", ""},
	})
	d := newDecider(t)
	for _, text := range []string{"can someone explain what an isms is in normal human words", "sorry what is sideguy exactly, is this a company or a person",
		"is there such a thing as a SOC2 certificate or have i been saying it wrong this whole time",
		"Engineering keeps saying ISMS in every meeting about our ISO project. What does it even mean?"} {
		dec, err := d.Decide(text)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(dec.Reason, "asked for a person") || strings.HasPrefix(dec.Reason, "said the answer is wrong") || dec.Reason == "out of scope: scheduling" {
			t.Errorf("Decide(%q) = %s (%s), not a request for a person", text, dec.Action, dec.Reason)
		}
	}
}

// A control ID goes to its crosswalk row, however the texter asks where it
// sits; only an exact control, or two IDs set against each other, goes to the
// operator.
func TestControlRows(t *testing.T) {
	runTurns(t, []turnCase{
		{"", "A1.2 maps to what in 27001", "row-availability"},
		{"", "PI1.3 iso equivalent", "row-processing-integrity"},
		// Written with a hyphen.
		{"", "CC-6.1 on the iso side?", "row-security"},
		{"", "pi-1.3 iso equivalent", "row-processing-integrity"},
		{"", "we have an exception on CC6.2, where would that sit on the iso side", "row-security"},
		{"", "p4.2 where does that go in iso", "row-privacy"},
		{"", "which annex a control maps to cc6.1 exactly", ""},
		// The old edition's number of a current control: a mapping too.
		{"", "A.5.15 in 2022, what was that numbered in 2013", ""},
		{"", "what was A.8.13 called in the old version", ""},
		{"", "what's the iso equivalent of cc7.2, control number pls", ""},
		{"", "which a.5 control is the same as cc6.3", ""},
		{"", "does cc6.1 map to a.5.15", ""},
		{"", "a.8.13 in soc 2?", ""},
		{"", "what does cc9.2 say about vendors", ""},
		{"", "clause 5 leadership what does iso want there", ""},
		{"", "is cc6.1 about mfa", ""},
		// A 2013 ID is named as one, whatever the old control was on.
		{"", "is A.13.1.1 network controls still around", "iso-2013"},
		// What an old domain covered, or what an auditor checks for a
		// series: the sources do not say.
		{"", "in the 2013 annex a, what was A.9 about?", ""},
		{"", "what did the A.14 domain cover in the 2013 edition", ""},
		{"", "cc1-cc9 list bro", "common-criteria"},
		// "exactly" after what an ID is asks its name, not its details.
		{"", "clause 6 of iso 27001 is what exactly", "iso-clauses"},
		{"", "CC6 - what is that series called exactly?", "common-criteria"},
		{"", "what does CC6.1 say exactly", ""},
		{"", "which of the A.8 Technological controls replaced A.12.3.1?", ""},
		{"what are the 5 trust services categories", "which is the A1 one", "row-availability"},
		{"", "Our auditor's findings letter mentions CC6. In plain English, what area is that?", "common-criteria"},
		// IDs of several SOC 2 categories: the categories themselves.
		{"", "Reading a vendor's SOC 2. Section 4 has criteria starting CC, A1 and C1. What do the prefixes mean?", "tsc-categories"},
		// The same ID in two editions: the 2013 edition differs.
		{"", "A.8 in the 2013 version and A.8 in 2022, same thing?", "iso-2013"},
		// An old ID's new number, or two controls of the two frameworks as
		// one: control by control, to PJ.
		{"", "A.12.3.1 - what's its number in 2022", ""},
		{"", "A.12.3.1 vs A.8.13, same control just renumbered?", ""},
		{"", "A.5.15 style vs A.12.3.1 style ids - which edition is which", "iso-2013"},
		{"", "PI1.3 keeps showing up in the control matrix, what category is PI", "row-processing-integrity"},
		{"", "is A.8.13 the same control as A1.2? auditor wants one test for both", ""},
		{"", "clause 9 - is that where management review lives", ""},
		{"", "what does A.8.13 actually make you do", ""},
		{"", "what will the auditor check for change management (CC8) in our type 2", ""},
	})
}

// An answer to a control ID names the ID first: a series by its name, a
// criterion by the series it is in.
func TestControlNotesNameTheID(t *testing.T) {
	d := newDecider(t)
	for text, want := range map[string]string{
		"what's cc8":          "CC8 is Change Management, in SOC 2's Security category",
		"cc6.1 in iso terms?": "CC6.1 is in CC6, Logical and Physical Access Controls: SOC 2's Security category",
		"A1 of sock 2 is the same like the A.5 of iso no?": "A1 is SOC 2's Availability series (A1), not ISO's Annex A. A.5 is ISO 27001:2022 Annex A's Organizational theme",
	} {
		dec, err := d.Turn(text, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		if dec.Action != domain.ActionAnswer || !strings.HasPrefix(dec.Text, want) {
			t.Errorf("Turn(%q) = %s %q (%s), want text starting %q", text, dec.Action, dec.Text, dec.Reason, want)
		}
	}
}

// The load test's --vary changes only the case of letters: every varied text
// must get the decision the question gets, or the varied load measures
// something else.
func TestVariedTextsDecideAlike(t *testing.T) {
	d := newDecider(t)
	for _, q := range loadtest.Questions {
		want, err := d.Turn(q, domain.Context{})
		if err != nil {
			t.Fatal(err)
		}
		for n := uint64(1); n <= 5; n++ {
			v := loadtest.Vary(q, n)
			got, err := d.Turn(v, domain.Context{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Action != want.Action || got.Candidate != want.Candidate || got.Reason != want.Reason {
				t.Errorf("%q: %s %s (%s); %q: %s %s (%s)", q, want.Action, want.Candidate, want.Reason, v, got.Action, got.Candidate, got.Reason)
			}
		}
	}
}

// Decisions are remembered, but never past a change of the knowledge: a
// question decided before the operator taught its answer gets the taught
// answer after, and loses it when the entry is removed.
func TestRememberedDecisionsFollowTeaching(t *testing.T) {
	e := knowledgetest.New(t)
	ix := e.Index
	d := decide.New(ix, e.Norm, decide.DefaultThresholds())
	q := "how much does a soc 2 audit cost"
	for range 2 {
		if dec, _ := d.Turn(q, domain.Context{}); dec.Action != domain.ActionEscalate {
			t.Fatalf("before teaching: %s (%s)", dec.Action, dec.Reason)
		}
	}
	taught := domain.Entry{ID: "taught-audit-cost", Question: q, Answer: "Ask PJ for a quote.", Taught: true}
	if err := ix.Put(taught); err != nil {
		t.Fatal(err)
	}
	if dec, _ := d.Turn(q, domain.Context{}); dec.Action != domain.ActionAnswer || dec.Entry.ID != taught.ID {
		t.Fatalf("after teaching: %s %s (%s)", dec.Action, dec.Candidate, dec.Reason)
	}
	if err := ix.Remove(taught.ID); err != nil {
		t.Fatal(err)
	}
	if dec, _ := d.Turn(q, domain.Context{}); dec.Action != domain.ActionEscalate {
		t.Fatalf("after removing: %s %s (%s)", dec.Action, dec.Candidate, dec.Reason)
	}
}

// A thread's first text that tells what someone claimed and then says it
// sounds wrong disputes no answer of the line's: it is answered. After an
// answer, or said to the line, it is a dispute for PJ.
func TestClaimIsNoDispute(t *testing.T) {
	const claim = "A sales rep told us ISO 27001 is just a report from a CPA firm, same as SOC 2. That doesn't sound right to me?"
	runTurns(t, []turnCase{
		{"", claim, "attestation"},
		{"what is an isms", claim, ""},
		{"", "I think this is wrong. Our consultant told us the overlap is only 50%, not 80.", ""},
		{"", "customer replied \"that's wrong, our auditor told us we're SOC 2 certified\". can a human look at this?", ""},
	})
}

// The last answer's words quoted back say which answer the texter is on;
// what they ask is the rest. Quoting them to ask what they mean still goes
// to the operator.
func TestQuotedBack(t *testing.T) {
	runTurns(t, []turnCase{
		{"what does iso 27001 require that soc 2 doesn't", "ok 'doesn't require that management layer' got it. and the reverse?", "soc2-only"},
		{"how much do soc 2 and iso overlap", "'the other 20% or so' - what does SOC 2 have that ISO doesn't?", "soc2-only"},
		{"how does processing integrity map to iso", "PI1, okay. So what are all the categories in SOC 2 besides processing integrity?", "tsc-categories"},
		{"which should we do first", "Why ISO first though? You said 'reuse it' - is going from ISO to SOC 2 really that much easier than the reverse?", "easier-direction"},
		// What the line said, told back without quotes.
		{"what does iso 27001 require that soc 2 doesn't", "you said soc 2 doesn't require that management layer. and the reverse?", "soc2-only"},
		// A question the line cannot answer after its words told back.
		{"what is iso 27701", "so do we need it if we already do the soc2 privacy category?", ""},
		// The last answer's words that are themselves the subject asked
		// about, or whose meaning is asked.
		{"what is an isms", "my cto keeps saying \"statement of applicability\", what is that?", "soa"},
		{"which should we do first", "what does 'the auditor's evidence format' mean, concretely?", ""},
		{"which comes first, soc 2 or iso?", "Our customers are all US enterprises. Does 'get ISO and reuse it' still hold for us?", ""},
		{"is soc 2 a certification", "A German prospect wants a 'certificate'. Since you said SOC 2 'isn't a certification', does that mean we have to go get ISO?", ""},
	})
	dec := turnAfter(t, newDecider(t), "how much do soc 2 and iso overlap", "80%, huh. cool")
	if dec.Action != domain.ActionSmallTalk {
		t.Errorf("\"80%%, huh. cool\" after the overlap: %s (%s), want small talk", dec.Action, dec.Reason)
	}
}
