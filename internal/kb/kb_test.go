package kb_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sideguy/sideguy-text/internal/kb"
	"github.com/sideguy/sideguy-text/knowledge"
)

const good = `---
id: overlap
question: How much do SOC 2 and ISO 27001 overlap?
phrasings:
  - soc2 vs iso overlap
  - how similar are they
  - do they overlap
source: "SideGuy crosswalk, FAQ"
answer: >-
  Roughly 80% at the control level.
---
Longer detail.
`

func TestShippedKnowledgeIsValid(t *testing.T) {
	res, err := kb.Check(knowledge.Entries())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Errors() {
		t.Error(p)
	}
	if len(res.Entries) < 20 {
		t.Errorf("%d entries, want the whole source page covered", len(res.Entries))
	}
}

func TestCheckFindsProblems(t *testing.T) {
	tests := []struct {
		name string
		file string
		want string
	}{
		{"valid", good, ""},
		{"no front matter", "id: x\n", "a.md:1: error: missing front matter"},
		{"unclosed", "---\nid: x\n", "a.md:1: error: front matter is not closed"},
		{"bad yaml", "---\nid: x\nquestion: [unclosed\n---\n", "a.md:2: error: front matter: did not find expected"},
		{"unknown field", strings.Replace(good, "source:", "sauce: x\nsource:", 1), "a.md:8: error: front matter: field sauce not found"},
		{"missing answer", strings.Replace(good, "answer: >-\n  Roughly 80% at the control level.\n", "", 1), "a.md: error: answer is required"},
		{"few phrasings", strings.Replace(good, "  - do they overlap\n", "", 1), "a.md:4: error: needs at least 3 phrasings"},
		{"curly quote", strings.Replace(good, "Roughly", "It’s roughly", 1), "a.md:9: error: answer has characters outside GSM-7"},
		{"tilde", strings.Replace(good, "Roughly", "~", 1), "'~' (U+007E)"},
		{"arrow in detail", strings.Replace(good, "Longer detail.", "SOC 2 → ISO", 1), "a.md:12: error: detail has characters outside GSM-7"},
		{"too long", strings.Replace(good, "Roughly 80% at the control level.", strings.Repeat("word ", 62), 1), "more than 306"},
		{"bad id", strings.Replace(good, "id: overlap", "id: Over Lap", 1), "a.md:2: error: id \"Over Lap\""},
		// Lines counted as YAML counts them: a lone CR, NEL, LS or PS breaks one.
		{"CR line breaks", strings.ReplaceAll(strings.Replace(good, "source:", "sauce: x\nsource:", 1), "\n", "\r"), "a.md:8: error: front matter: field sauce not found"},
		{"LS line breaks", strings.Replace(strings.Replace(good, "source:", "sauce: x\nsource:", 1), "\n", "\u2028", 3), "a.md:8: error: front matter: field sauce not found"},
		{"NEL then curly quote", strings.Replace(strings.Replace(good, "Roughly", "It’s roughly", 1), "\n", "\u0085", 2), "a.md:9: error: answer has characters outside GSM-7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := kb.Check(fstest.MapFS{"a.md": {Data: []byte(tt.file)}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Errors() {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			if tt.want == "" {
				if all != "" {
					t.Errorf("problems in a valid file:\n%s", all)
				}
				if len(res.Entries) != 1 || res.Entries[0].Detail != "Longer detail." {
					t.Errorf("entries = %+v", res.Entries)
				}
				return
			}
			if !strings.Contains(all, tt.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", all, tt.want)
			}
			if len(res.Entries) != 0 {
				t.Errorf("a broken entry was loaded: %+v", res.Entries)
			}
		})
	}
}

func TestDuplicateIDs(t *testing.T) {
	res, err := kb.Check(fstest.MapFS{"a.md": {Data: []byte(good)}, "sub/b.md": {Data: []byte(good)}, "README.md": {Data: []byte("# not an entry")}})
	if err != nil {
		t.Fatal(err)
	}
	errs := res.Errors()
	if len(errs) != 1 || !strings.Contains(errs[0].String(), `sub/b.md:2: error: duplicate id "overlap" (also in a.md)`) {
		t.Errorf("problems = %v, want the duplicate named with both files", errs)
	}
	if _, err := kb.Load(fstest.MapFS{"a.md": {Data: []byte(good)}, "b.md": {Data: []byte(good)}}); err == nil {
		t.Error("Load accepted duplicate ids")
	}
}

func TestEmptyDirectory(t *testing.T) {
	if _, err := kb.Load(fstest.MapFS{}); err == nil {
		t.Error("Load accepted a knowledge base with no entries")
	}
}
