package textnorm

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkNormalized fails unless out is a normalised string: valid UTF-8, no
// leading or trailing space, words separated by single spaces and no other
// whitespace, and Tokens gives its words but the sentence dots.
func checkNormalized(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("Normalize(%q) = %q is not valid UTF-8", in, out)
	}
	if strings.TrimSpace(out) != out {
		t.Errorf("Normalize(%q) = %q has leading or trailing space", in, out)
	}
	if strings.Contains(out, "  ") {
		t.Errorf("Normalize(%q) = %q has a double space", in, out)
	}
	if strings.IndexFunc(out, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) >= 0 {
		t.Errorf("Normalize(%q) = %q has whitespace other than single spaces", in, out)
	}
	if out != strings.ToLower(out) {
		t.Errorf("Normalize(%q) = %q is not lower-case", in, out)
	}
	toks := Tokens(out)
	var want []string
	for _, w := range strings.Split(out, " ") {
		if w != "." && w != "" {
			want = append(want, w)
		}
	}
	if strings.Join(toks, " ") != strings.Join(want, " ") || len(toks) != len(want) {
		t.Errorf("Tokens(%q) = %q, want its words but the dots %q", out, toks, want)
	}
	for _, tok := range toks {
		if tok == "" || tok == "." || strings.ContainsFunc(tok, unicode.IsSpace) {
			t.Errorf("Tokens(%q) has token %q", out, tok)
		}
	}
}

// quotedID finds the criteria and control IDs Normalize knows (cc6.1, p4.2,
// a.8.13, a.12.3.1) standing alone in lower-cased text.
var quotedID = regexp.MustCompile(`(?:^|[^\pL\pN.'%:])((?:cc\d|a1|c1|pi1|p\d)(?:\.\d{1,2}){1,3}|a(?:\.\d{1,2}){2,3})(?:$|[^\pL\pN.'%:])`)

// plainText is text in the alphabet of Normalize's output.
var plainText = regexp.MustCompile(`^[a-z0-9.% ]*$`)

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"",
		"SOC II vs ISO 27k?",
		"soc-2 -> iso27001",
		"Going from ISO/IEC 27001:2022 to SOC 2",
		"we have soc 2 type ii and a customer wants iso",
		"What’s the TSC / Annex A mapping",
		"CC6.1 and A.8.13 and a.12.3.1",
		"is A.5.1.1 (2013) now A.5.1? and cc6.1.2",
		"cc1-cc9 and p1 to p8, cc9-cc1",
		"p1 to p4.2 and cc2 - cc3.1",
		"wat r the iso clauses... thx!!",
		"are soc 2 and iso the same thing",
		"ISO 27001:2013 certifiable still?",
		"that's it's let's y'all can't won't ain't",
		"\u00a0\t\n SOC\u20132\u2014iso\u2192soc2 “quoted” ’ ",
		"İSTANBUL ǅ ẞ K Ω",
		"\xff\xfe soc\xc0 2 \x00",
	} {
		f.Add(s)
	}
	n := New()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			// Texts are at most 1600 characters; longer inputs only slow the
			// fuzzer down (the rewrites are regular expressions, linear in s).
			return
		}
		out := n.Normalize(s)
		checkNormalized(t, s, out)
		words := map[string]bool{}
		for _, w := range Tokens(out) {
			words[w] = true
		}
		// A control ID comes through whole: not cut into another ID
		// ("cc6.1.2" is not "cc6.1 cc6.2", A.5.1.1 of 2013 is not A.5.1).
		for _, m := range quotedID.FindAllStringSubmatch(strings.ToLower(s), -1) {
			if !words[m[1]] {
				t.Errorf("Normalize(%q) = %q: the ID %q is lost", s, out, m[1])
			}
		}
		// Normalising again gives a normalised text.
		again := n.Normalize(out)
		checkNormalized(t, out, again)
		// On a text already in the words Normalize writes, normalising keeps
		// every word of the first pass (series and tags may be added again:
		// "cc6.1" names "cc6"; a dot left at a word's edge may come off). Not
		// on any text: shorthand is expanded in one pass ("w'00" gives "w 00")
		// and ranges are read before punctuation goes ("p1to\"2" gives "p1to 2").
		if plainText.MatchString(s) {
			kept := map[string]bool{}
			for _, w := range Tokens(again) {
				kept[strings.Trim(w, ".")] = true
			}
			for w := range words {
				if !kept[strings.Trim(w, ".")] {
					t.Errorf("Normalize(%q) = %q, which normalises to %q without %q", s, out, again, w)
				}
			}
		}
		for _, w := range n.Words(s) {
			if w == "" || strings.ContainsFunc(w, unicode.IsSpace) || !utf8.ValidString(w) {
				t.Errorf("Words(%q) has word %q", s, w)
			}
		}
	})
}
