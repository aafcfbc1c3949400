package rx

import (
	"regexp"
	"slices"
	"testing"
)

func TestNeeds(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no prefilter; the strings of the first set
	}{
		{`\b(cost|costs|costing|price)\b`, []string{"cost", "price"}},
		{`(?i)\bsoc\s*2\b`, []string{"soc"}},
		{`(?i)\bHuman\b|\bagent\b`, []string{"human", "agent"}},
		{`\bhow (long|fast)\b`, []string{"how fast", "how long"}},
		{`^\W*(ok|okay)?\W*$`, nil},
		{`\b(a|b)?c`, []string{"c"}},
		{`x*`, nil},
		{`(ab)+cd`, []string{"ab"}},
		{`[a-z]+`, nil},
		{`(?i)ſ`, []string{"s"}}, // ASCII texts only; others always run
		{`\$|£`, []string{"$", "£"}},
		{`\bne(cessary|eded)\b|\bsoc2`, []string{"necessary", "needed", "soc2"}},
		{`[^a]x`, []string{"x"}},
		// Too many strings to multiply out: the run so far is one set.
		{`\b(a\.[5-8])\.\d{1,2}(?:[^.\w]|$)`, []string{"a.5.", "a.6.", "a.7.", "a.8."}},
	}
	for _, tt := range tests {
		var got []string
		if needs := MustCompile(tt.pattern).Needs(); len(needs) > 0 {
			got = needs[0]
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: needs %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// A concatenation needs what each of its parts needs.
func TestNeedsAll(t *testing.T) {
	got := MustCompile(`\bsoc2\b[^.?!]{0,40}?\b(want|need)s?\b[^.?!]{0,30}?\biso27001\b`).Needs()
	want := [][]string{{"soc2"}, {"need", "want"}, {"iso27001"}}
	if len(got) != len(want) {
		t.Fatalf("needs %q, want %q", got, want)
	}
	for i := range want {
		g := slices.Clone(got[i])
		slices.Sort(g)
		if !slices.Equal(g, want[i]) {
			t.Errorf("set %d: %q, want %q", i, g, want[i])
		}
	}
	r := MustCompile(`\bsoc2\b[^.?!]{0,40}?\b(want|need)s?\b[^.?!]{0,30}?\biso27001\b`)
	if r.MayMatch("we have soc2 and iso27001") {
		t.Error("a text without want or need may match")
	}
	if !r.MatchString("we have soc2 and want iso27001") {
		t.Error("the match is missed")
	}
}

// The prefilter may only skip texts the expression cannot match.
func TestPrefilterNeverHidesAMatch(t *testing.T) {
	patterns := []string{
		`\b(cost|costs|costing|price|prices)\b|\$|\bhow much (is|does)\s+(it|a)\b.{0,30}\b(run|cost)`,
		`(?i)\b(other|opposite) (direction|way)\b|\bthe reverse\b|\breversed?\b|\bvice versa\b`,
		`(?i)^\W*(ok|okay|so|and)?\W*(and|also|what about|how about)\b`,
		`\b(human|agent|real person)\b|\bcall me\b`,
		`(?i)KELVIN|Straße`,
	}
	texts := []string{
		"", "how much does it cost", "COST", "what about privacy", "And also", "ok and cc8",
		"real   person", "the reverse", "call me maybe", "$5", "kelvin", "STRASSE", "straße", "Straße",
		"\u212aELVIN", "reversed", "vice versa", "prices?", "how much is a soc 2 audit to run",
	}
	for _, p := range patterns {
		r, re := MustCompile(p), regexp.MustCompile(p)
		for _, s := range texts {
			if re.MatchString(s) && !r.MatchString(s) {
				t.Errorf("%s: %q matches, but the prefilter skipped it", p, s)
			}
			if r.MatchString(s) != re.MatchString(s) {
				t.Errorf("%s: %q: MatchString %v, regexp says %v", p, s, r.MatchString(s), re.MatchString(s))
			}
		}
	}
}

func FuzzPrefilter(f *testing.F) {
	f.Add(`\b(cost|costs)\b|\$`, "how much does it cost")
	f.Add(`(?i)\bsoc\s*2\b`, "SOC 2")
	f.Add(`(a|b)+c{2,}`, "abcc")
	f.Add(`(?i)k`, "\u212a")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		re, err := regexp.Compile(pattern)
		if err != nil {
			return
		}
		r := MustCompile(pattern)
		if re.MatchString(s) != r.MatchString(s) {
			t.Fatalf("%q on %q: regexp %v, rx %v (needs %q)", pattern, s, re.MatchString(s), r.MatchString(s), r.Needs())
		}
		if re.ReplaceAllString(s, "x") != r.ReplaceAllString(s, "x") {
			t.Fatalf("%q on %q: replacements differ", pattern, s)
		}
	})
}
