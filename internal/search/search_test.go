package search_test

import (
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/knowledgetest"
	"github.com/sideguy/sideguy-text/internal/search"
)

func newIndex(t *testing.T) *search.Index {
	t.Helper()
	return knowledgetest.New(t).Index
}

// Typo correction must turn misspellings into knowledge-base words, and leave
// everyday words alone: "thanks" once became "annexa" and "wrong" "soc2".
func TestTypoCorrection(t *testing.T) {
	ix := newIndex(t)
	tests := []struct{ in, want, not string }{
		{"thanks!", "thanks", "annexa"},
		{"that's wrong", "wrong", "soc2"},
		{"good morning", "morning", "iso27001"},
		{"what share of controls", "share", "shape"},
		{"how much ovrelap", "overlap", ""},
		{"secuirty category", "security", ""},
		{"what's an information security managment system", "isms", ""},
		{"comon critera names", "commoncriteria", ""},
		// A vowel for another is one edit in longer words.
		{"comman criteria soc 2", "commoncriteria", ""},
		// A word whose stem is known is not another word's typo.
		{"disaster recovery testing", "testing", "texting"},
		// Typos of common words no entry uses become those words (and weigh
		// as everyday words, not as topics the knowledge base lacks).
		{"wat is teh diffrence type 1 adn type 2", "and", "adn"},
		{"i dont undrestand this", "understand", "undrestand"},
		// A correctly spelled common word is nobody's typo.
		{"no fluff, i have a sprint to run", "sprint", "print"},
	}
	for _, tt := range tests {
		res, err := ix.Search(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		words := " " + res.Normalized + " "
		if !strings.Contains(words, " "+tt.want+" ") {
			t.Errorf("Search(%q) normalised to %q, want the word %q", tt.in, res.Normalized, tt.want)
		}
		if tt.not != "" && strings.Contains(words, " "+tt.not+" ") {
			t.Errorf("Search(%q) normalised to %q, must not hold %q", tt.in, res.Normalized, tt.not)
		}
	}
}

// Everyday words no entry uses must not weigh like a topic the knowledge base
// lacks, while topic words must.
func TestUnknownTopicWords(t *testing.T) {
	ix := newIndex(t)
	res, err := ix.Search("is our data center still in scope for soc 2, asking for the sales team")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(res.Unknown, " ")
	for _, w := range []string{"still", "sale"} {
		if strings.Contains(" "+got+" ", " "+w+" ") {
			t.Errorf("Unknown = %v, must not list the everyday word %q", res.Unknown, w)
		}
	}
	if !strings.Contains(got, "center") {
		t.Errorf("Unknown = %v, want the topic word center", res.Unknown)
	}
}

// Every candidate's scores stay within 0 and 1, and they come best first.
func TestScoresBounded(t *testing.T) {
	ix := newIndex(t)
	res, err := ix.Search("how much do soc 2 and iso 27001 overlap")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Candidates) == 0 || res.Candidates[0].Entry.ID != "overlap" {
		t.Fatalf("best candidate = %v, want overlap", res.Candidates)
	}
	for i, c := range res.Candidates {
		for _, v := range []float64{c.Match, c.Coverage, c.Score} {
			if v < 0 || v > 1+1e-9 {
				t.Errorf("%s: score out of range: %+v", c.Entry.ID, c)
			}
		}
		if i > 0 && c.Score > res.Candidates[i-1].Score {
			t.Errorf("candidates not sorted at %d", i)
		}
	}
}

// A question on one move does not count the entry for the other move as a
// second reading, and entries list the question's topic words they know.
func TestOpposedAndKnown(t *testing.T) {
	ix := newIndex(t)
	res, err := ix.Search("what do we need to add to our soc ii program to get iso certified")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Candidates {
		switch c.Entry.ID {
		case "iso-to-soc2":
			if !c.Opposed {
				t.Errorf("iso-to-soc2 not opposed to a soc2 -> iso question")
			}
		case "soc2-to-iso":
			if c.Opposed {
				t.Errorf("soc2-to-iso opposed to its own move")
			}
			if !strings.Contains(strings.Join(c.Known, " "), "soc2toiso") {
				t.Errorf("soc2-to-iso knows %v, want the direction token", c.Known)
			}
		}
	}
}
