package textnorm

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/sideguy/sideguy-text/internal/rx"
)

// numberWords are the spoken numbers dictated control IDs are made of.
var numberWords = map[string]int{"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}

const spokenNumber = `(?:(?:twenty|thirty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d+)`

// spokenID is a dictated number with its points: "six", "six point one",
// "twelve point three point one"; spokenPointID has at least one point.
const (
	spokenID      = spokenNumber + `(?:\s+point\s+` + spokenNumber + `)*`
	spokenPointID = spokenNumber + `(?:\s+point\s+` + spokenNumber + `)+`
)

// Spoken writes what voice typing spells out as texters would type it:
// "see see six point one" is CC6.1, "annex eh eight point thirteen" Annex A
// 8.13, "twenty seven thousand one" 27001, "S O A" the SoA. Only IDs and
// names are rewritten; the rest of the text stays as it was.
type Spoken struct {
	series []spokenSeries
	names  []spokenName
}

type spokenSeries struct {
	re     *rx.Regexp
	prefix string
	// letters: spelled letter by letter ("c c six"); such expressions
	// cannot be prefiltered (every text has a "c"), so they run only on a
	// text with spelled letters in it.
	letters bool
}

type spokenName struct {
	rewrite
	letters bool
}

// NewSpoken builds the rewrites.
func NewSpoken() *Spoken {
	ser := func(words, prefix, id string) spokenSeries {
		return spokenSeries{re: rx.MustCompile(`(?i)\b(?:` + words + `)\s+(` + id + `)\b`), prefix: prefix}
	}
	spelled := func(s spokenSeries) spokenSeries { s.letters = true; return s }
	name := func(pattern, repl string) spokenName { return spokenName{rewrite: rw(pattern, repl)} }
	spelledName := func(pattern, repl string) spokenName { return spokenName{rewrite: rw(pattern, repl), letters: true} }
	return &Spoken{
		series: []spokenSeries{
			ser(`see\s+see|sea\s+sea|cee\s+cee`, "CC", spokenID),
			spelled(ser(`c\s+c`, "CC", spokenID)),
			ser(`pea\s+eye|pee\s+eye`, "PI", spokenID),
			spelled(ser(`p\s+i`, "PI", spokenID)),
			ser(`pee`, "P", spokenID),
			// These words are everyday ones ("we see one customer", "a one
			// off"): an ID only with a point.
			ser(`see|sea|cee`, "C", spokenPointID),
			ser(`annex\s+(?:eh|ay|hey|a)|a`, "A.", spokenPointID),
		},
		names: []spokenName{
			name(`(?i)\btwenty[\s-]seven\s+(?:thousand\s+(?:and\s+)?one|oh\s+oh\s+one|zero\s+zero\s+one|double\s+(?:oh|zero)\s+one)\b`, "27001"),
			name(`(?i)\btwenty[\s-]seven\s+(?:seven\s+(?:oh|zero)\s+one|seven\s+hundred\s+(?:and\s+)?one|thousand\s+seven\s+hundred\s+(?:and\s+)?one)\b`, "27701"),
			name(`(?i)\btwo\s+seven\s+(?:zero|oh)\s+(?:zero|oh)\s+one\b`, "27001"),
			name(`(?i)\bannex\s+(?:eh|ay|hey)\b`, "annex A"),
			name(`(?i)\beye\s*sms\b`, "ISMS"),
			spelledName(`(?i)\b(?:eye|i)\s+s\s+m\s+s\b`, "ISMS"),
			spelledName(`(?i)\bs\s+o\s+a\b`, "SoA"),
		},
	}
}

// Rewrite returns the text with dictated IDs and names written out.
func (s *Spoken) Rewrite(text string) string {
	if !strings.Contains(text, " ") {
		return text
	}
	letters := spellsLetters(text)
	for _, r := range s.names {
		if letters || !r.letters {
			text = r.apply(text)
		}
	}
	for _, ser := range s.series {
		if ser.letters && !letters {
			continue
		}
		text = ser.re.ReplaceAllStringFunc(text, func(m string) string {
			id, ok := s.digits(ser.re.FindStringSubmatch(m)[1])
			if !ok {
				return m
			}
			if ser.prefix == "A." && strings.HasPrefix(id, "1.") && !strings.HasPrefix(strings.ToLower(m), "annex") {
				// "a one point two" is SOC 2's A1.2, Annex A has no theme 1.
				return "A" + id
			}
			return ser.prefix + id
		})
	}
	return text
}

// spellsLetters reports whether a text has two single letters in a row
// ("S O A", "c c six"): only then can a spelled name be in it.
func spellsLetters(text string) bool {
	run := 0
	for _, w := range strings.Fields(text) {
		if len(w) == 1 && unicode.IsLetter(rune(w[0])) {
			if run++; run == 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// digits writes "twelve point three point one" as "12.3.1"; ok is false
// when the words were already digits (nothing was dictated).
func (s *Spoken) digits(spoken string) (string, bool) {
	parts := strings.Split(strings.ToLower(spoken), "point")
	out := make([]string, 0, len(parts))
	dictated := false
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if n, err := strconv.Atoi(p); err == nil {
			out = append(out, strconv.Itoa(n))
			continue
		}
		n := 0
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return r == ' ' || r == '-' }) {
			v, ok := numberWords[w]
			if !ok {
				return "", false
			}
			n += v
		}
		dictated = true
		out = append(out, strconv.Itoa(n))
	}
	return strings.Join(out, "."), dictated
}
