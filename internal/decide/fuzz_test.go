package decide

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/knowledgetest"
)

// newFuzzDecider builds a Decider over the shipped knowledge, like
// setup_test.go's newDecider (in package decide_test, which this file is
// not), and returns the ids of the entries, sorted.
func newFuzzDecider(tb testing.TB) (*Decider, []string) {
	tb.Helper()
	e := knowledgetest.New(tb)
	entries, norm, ix := e.Entries, e.Norm, e.Index
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	slices.Sort(ids)
	return New(ix, norm, DefaultThresholds()), ids
}

// maxSMS is the longest body Twilio delivers (1600 characters; bytes here).
const maxSMS = 1600

func FuzzControlIDs(f *testing.F) {
	for _, s := range []string{
		"",
		"what is cc6.1",
		"CC6.1 and A.8.13",
		"does cc6.1 map to a.5.15 exactly",
		"is a.12.3.1 still valid",
		"annex a control 8.13 and annex a 12.1.2",
		"what does clause 6 say, and clauses 11",
		"A1.2 maps to what in 27001",
		"c1.1 pi1.3 pi 1 p4.2 p9 cc0 cc10.1",
		"a . 8 . 13 and a.18 and a.9.9.9.9",
		"what's cc3",
		"how many points of focus does cc7.2 have",
		"the iso equivalent of cc7.2, control number pls",
		"and privacy?",
		"İ cc6.1 K a.5.1 ſ",
		"cc6.1\xff a.\xc0.8",
	} {
		f.Add(s, uint8(0), "")
	}
	f.Add("what about the other direction?", uint8(1), "how hard is soc 2 to iso")
	f.Add("and for privacy?", uint8(2), "does iso cover soc2 availability")
	f.Add("and cc7?", uint8(3), "what does cc6 cover")

	d, ids := newFuzzDecider(f)
	known := func(id string) bool {
		_, ok := slices.BinarySearch(ids, id)
		return ok
	}
	// The entries of the conversation's previous answer the fuzzer can pick;
	// the first ones are those whose follow-ups Turn handles specially.
	previous := append([]string{"", "soc2-to-iso", "row-availability", "common-criteria"}, ids...)
	f.Fuzz(func(t *testing.T, text string, prev uint8, prevQuestion string) {
		refs := d.controls.find(text)
		seen := map[string]bool{}
		for _, r := range refs {
			switch {
			case r.ID == "":
				t.Errorf("find(%q): ref with an empty ID: %+v", text, r)
			case seen[r.ID]:
				t.Errorf("find(%q): ID %q returned twice", text, r.ID)
			case !known(r.Entry):
				t.Errorf("find(%q): ID %q routes to %q, not a knowledge entry", text, r.ID, r.Entry)
			case !strings.Contains(strings.ToLower(r.Note), strings.ToLower(r.ID)):
				// Case aside: the note of "clause 6" starts "Clause 6 is".
				t.Errorf("find(%q): note %q does not name %q", text, r.Note, r.ID)
			}
			seen[r.ID] = true
		}

		if len(text)+len(prevQuestion) > maxSMS {
			// Longer than a text can be; and Turn decides every question of a
			// text, so a long one costs seconds.
			return
		}
		c := domain.Context{Previous: previous[int(prev)%len(previous)], PreviousQuestion: prevQuestion}
		dec, err := d.Turn(text, c)
		if err != nil {
			t.Fatalf("Turn(%q, %+v): %v", text, c, err)
		}
		if dec.Reason == "" {
			t.Errorf("Turn(%q, %+v) = %+v: no reason", text, c, dec)
		}
		if math.IsNaN(dec.Score) || dec.Score < 0 || dec.Score > 1 {
			t.Errorf("Turn(%q, %+v): score %v", text, c, dec.Score)
		}
		entry := func(what string, e *domain.Entry) {
			if e == nil {
				t.Errorf("Turn(%q, %+v) = %+v: nil %s", text, c, dec, what)
			} else if !known(e.ID) {
				t.Errorf("Turn(%q, %+v): %s %q is not a knowledge entry", text, c, what, e.ID)
			}
		}
		switch dec.Action {
		case domain.ActionAnswer:
			entry("entry", dec.Entry)
			for _, e := range dec.Entries {
				entry("entry of several", e)
			}
		case domain.ActionClarify:
			if len(dec.Options) < 2 {
				t.Errorf("Turn(%q, %+v): clarification with %d options", text, c, len(dec.Options))
			}
			for _, e := range dec.Options {
				entry("option", e)
			}
		case domain.ActionSmallTalk:
			if dec.Talk == "" {
				t.Errorf("Turn(%q, %+v): small talk of no kind", text, c)
			}
		case domain.ActionEscalate:
		default:
			t.Errorf("Turn(%q, %+v): action %q", text, c, dec.Action)
		}
		if len(dec.ControlIDs) > 0 {
			var want []string
			for _, r := range d.controls.find(strings.TrimSpace(text)) {
				want = append(want, r.ID)
			}
			if !slices.Equal(dec.ControlIDs, want) {
				t.Errorf("Turn(%q): control IDs %q, want those quoted %q", text, dec.ControlIDs, want)
			}
		}
	})
}
