package kb_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sideguy/sideguy-text/internal/kb"
)

// fuzzFile is the name the fuzzed knowledge file is checked under.
const fuzzFile = "entries/fuzzed.md"

var entryID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// lineCount is how many lines an editor shows for data (at least one). A line
// ends at \n, \r\n or a lone \r, and at NEL, LS and PS, which the YAML parser
// counts as line breaks too (so a line it names in the front matter can be
// past the last \n-ended one).
func lineCount(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n, last := 0, rune(0)
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
		last = r
	}
	if len(s) > 0 && last != '\n' && last != '\r' && last != '\u0085' && last != '\u2028' && last != '\u2029' {
		n++
	}
	return max(n, 1)
}

func FuzzParseKnowledgeFile(f *testing.F) {
	taught := strings.Replace(good, "id: overlap\n", "id: taught-12\nauthor: PJ\ntaught_at: 2026-11-26T10:00:00Z\nthread: 12\n", 1)
	for _, s := range []string{
		good,
		strings.ReplaceAll(good, "\n", "\r\n"),
		taught,
		strings.Replace(taught, "  - do they overlap\n", "", 1),
		"",
		"---\n---\n",
		"---\n\n---",
		"---\nid: x\n",
		"id: x\n",
		"---\nid: x\nquestion: [unclosed\n---\n",
		strings.Replace(good, "source:", "sauce: x\nsource:", 1),
		strings.Replace(good, "Longer detail.", "SOC 2 → ISO", 1),
		strings.Replace(good, "Roughly", "It’s ~roughly", 1),
		strings.Replace(good, "id: overlap", "id: Over Lap", 1),
		strings.Replace(good, "phrasings:\n", "phrasings: {a: b}\nx:\n", 1),
		"---\nid: &a x\nquestion: *a\nsource: *a\nanswer: *a\nphrasings: [*a, *a, *a]\n---\n",
		"---\n- just\n- a list\n---\nbody",
		"---\nid: x\ntaught_at: yesterday\nthread: -1\n---\n",
		"---\nid: a\r\r\r\rquestion: [\n---\n",
		"---\nid: a\u2028\u2028\u0085question: [\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := kb.Check(fstest.MapFS{fuzzFile: {Data: data}})
		if err != nil {
			t.Fatalf("Check: %v", err)
		}
		lines := lineCount(data)
		failed := false
		for _, p := range res.Problems {
			if p.File != fuzzFile {
				t.Errorf("problem %q names file %q, want %q", p, p.File, fuzzFile)
			}
			if p.Line < 0 || p.Line > lines {
				t.Errorf("problem %q is at line %d of a %d-line file %q", p, p.Line, lines, data)
			}
			if p.Msg == "" {
				t.Errorf("problem at line %d has no message", p.Line)
			}
			failed = failed || !p.Warning
		}
		if failed && len(res.Entries) > 0 {
			t.Errorf("the file has errors %q but loaded entries %+v", res.Errors(), res.Entries)
		}
		if !failed && len(res.Entries) != 1 {
			t.Errorf("the file has no errors but loaded %d entries", len(res.Entries))
		}
		for _, e := range res.Entries {
			if e.ID == "" || e.Question == "" || e.Answer == "" || e.Source == "" {
				t.Errorf("loaded entry without id, question, answer or source: %+v", e)
			}
			if !entryID.MatchString(e.ID) {
				t.Errorf("loaded entry with id %q", e.ID)
			}
			if e.File != fuzzFile {
				t.Errorf("loaded entry names file %q, want %q", e.File, fuzzFile)
			}
		}
	})
}
