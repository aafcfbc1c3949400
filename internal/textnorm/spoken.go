package textnorm

import (
	"strconv"
	"strings"

	"github.com/sideguy/sideguy-text/internal/rx"
)

// numberWords are the spoken numbers dictated control IDs are made of.
var numberWords = map[string]int{"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30}

const spokenNumber = `(?:(?:twenty|thirty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|\d+)`

// spokenID is a dictated number with its points: "six point one",
// "twelve point three point one".
const spokenID = spokenNumber + `(?:\s+point\s+` + spokenNumber + `)*`

// Spoken writes what voice typing spells out as texters would type it:
// "see see six point one" is CC6.1, "annex eh eight point thirteen" Annex A
// 8.13, "twenty seven thousand one" 27001, "S O A" the SoA. Only IDs and
// names are rewritten; the rest of the text stays as it was.
type Spoken struct {
	series []spokenSeries
	names  []rewrite
}

type spokenSeries struct {
	re     *rx.Regexp
	prefix string
	// point: the series is read only with a point ("see one point one"),
	// its words being everyday ones ("we see one customer").
	point bool
}

// NewSpoken builds the rewrites.
func NewSpoken() *Spoken {
	ser := func(words, prefix string, point bool) spokenSeries {
		return spokenSeries{re: rx.MustCompile(`(?i)\b(?:` + words + `)\s+(` + spokenID + `)\b`), prefix: prefix, point: point}
	}
	return &Spoken{
		series: []spokenSeries{
			ser(`see\s+see|sea\s+sea|cee\s+cee|c\s+c`, "CC", false),
			ser(`pea\s+eye|pee\s+eye|p\s+i`, "PI", false),
			ser(`pee`, "P", false),
			ser(`see|sea|cee`, "C", true),
			ser(`annex\s+(?:eh|ay|hey|a)|a`, "A.", true),
		},
		names: []rewrite{
			rw(`(?i)\btwenty[\s-]seven\s+(?:thousand\s+(?:and\s+)?one|oh\s+oh\s+one|zero\s+zero\s+one|double\s+(?:oh|zero)\s+one)\b`, "27001"),
			rw(`(?i)\btwenty[\s-]seven\s+(?:seven\s+(?:oh|zero)\s+one|seven\s+hundred\s+(?:and\s+)?one|thousand\s+seven\s+hundred\s+(?:and\s+)?one)\b`, "27701"),
			rw(`(?i)\btwo\s+seven\s+(?:zero|oh)\s+(?:zero|oh)\s+one\b`, "27001"),
			rw(`(?i)\bannex\s+(?:eh|ay|hey)\b`, "annex A"),
			rw(`(?i)\beye\s*sms\b|\b(?:eye|i)\s+s\s+m\s+s\b`, "ISMS"),
			rw(`(?i)\bs\s+o\s+a\b`, "SoA"),
		},
	}
}

// Rewrite returns the text with dictated IDs and names written out.
func (s *Spoken) Rewrite(text string) string {
	if !strings.Contains(text, " ") {
		return text
	}
	for _, r := range s.names {
		text = r.apply(text)
	}
	for _, ser := range s.series {
		text = ser.re.ReplaceAllStringFunc(text, func(m string) string {
			id, ok := s.digits(ser.re.FindStringSubmatch(m)[1])
			if !ok || ser.point && !strings.Contains(id, ".") {
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
