package decide

// Entries whose answers say the same thing to a question that fits both. When
// the best entry and the runner-up are related, their near-tie is no real
// ambiguity: either answer is honest. The margin is then measured against the
// best entry that is not related.
//
// The pairs follow from the answers in knowledge/entries, not from questions:
//   - bottom-line sums up overlap, the two directions and which one first;
//   - crosswalk sums up the five category rows;
//   - iso-only, isms, soa and iso-clauses each say the ISMS (with the SoA,
//     in clauses 4-10) is what ISO requires and SOC 2 does not;
//   - soc2-only names Processing Integrity and Privacy, which the rows and
//     27701 detail;
//   - the rest share their main fact (ISO -> SOC 2 is the easy way, the CC1-CC9
//     list, the Annex A control count, attestation not certification, ...).
var relatedPairs = [][2]string{
	{"bottom-line", "overlap"},
	{"bottom-line", "soc2-to-iso"},
	{"bottom-line", "easier-direction"},
	{"bottom-line", "which-first"},
	{"crosswalk", "row-security"},
	{"crosswalk", "row-availability"},
	{"crosswalk", "row-confidentiality"},
	{"crosswalk", "row-processing-integrity"},
	{"crosswalk", "row-privacy"},
	{"iso-only", "isms"},
	{"iso-clauses", "iso-only"},
	{"iso-clauses", "isms"},
	{"iso-only", "soa"},
	{"isms", "soa"},
	{"soc2-only", "row-processing-integrity"},
	{"soc2-only", "row-privacy"},
	{"row-privacy", "iso-27701"},
	{"soc2-to-iso", "row-processing-integrity"},
	{"soc2-to-iso", "overlap"},
	{"iso-to-soc2", "easier-direction"},
	{"which-first", "easier-direction"},
	{"row-security", "common-criteria"},
	{"tsc-categories", "common-criteria"},
	{"annex-a", "iso-2013"},
	{"attestation", "type-1-2"},
}

// summaries are entries whose answer sums up several others. On a near-tie
// with one of them, the specific entry answers: the question named its topic.
var summaries = map[string]bool{"bottom-line": true, "crosswalk": true}

// rowCategories are the crosswalk rows of the four optional categories, with
// the category's analysed term: a row is no rival to a question that does
// not name its category ("is our soc 2 enough for iso?" is not on Privacy,
// however alike its words are to "is iso enough for soc2 privacy").
var rowCategories = map[string]string{"row-availability": "avail", "row-confidentiality": "confidenti",
	"row-processing-integrity": "processingintegr", "row-privacy": "privaci"}

type family map[string]map[string]bool

func newFamily(pairs [][2]string) family {
	f := family{}
	add := func(a, b string) {
		if f[a] == nil {
			f[a] = map[string]bool{}
		}
		f[a][b] = true
	}
	for _, p := range pairs {
		add(p[0], p[1])
		add(p[1], p[0])
	}
	return f
}

func (f family) related(a, b string) bool { return f[a][b] }
