package gsm

import "strings"

// Compose prepares a text for SMS: what GSM-7 lacks (curly quotes, dashes,
// arrows, ellipses, Unicode spaces) is transliterated, unless the text truly
// needs Unicode (an emoji, another script), in which case it is left as written.
func Compose(s string) string {
	t := Transliterate(s)
	if IsGSM7(t) {
		return t
	}
	return s
}

// IsGSM7 reports whether every character of s is in GSM-7 (either table).
func IsGSM7(s string) bool {
	for _, r := range s {
		if !InBasic(r) && !InExtension(r) {
			return false
		}
	}
	return true
}

// MoreSuffix ends a text whose rest waits for the texter to reply MORE.
const MoreSuffix = " Reply MORE for the rest."

// TwoSegments is what two GSM-7 segments hold.
const TwoSegments = 306

// Page splits s so that the first part, with MoreSuffix added when something
// remains, costs at most two segments. It cuts after a sentence when it can,
// else after a word. rest is "" when s fits.
func Page(s string) (first, rest string) {
	s = strings.TrimSpace(s)
	info := Measure(s)
	if info.Segments <= 2 {
		return s, ""
	}
	limit := TwoSegments - Measure(MoreSuffix).Units
	if info.Encoding == UCS2 {
		limit = 134 - len([]rune(MoreSuffix))
	}
	runes := []rune(s)
	// Cut on the text as measured, a byte that is not UTF-8 being U+FFFD, so
	// that the head below is a prefix of s.
	s = string(runes)
	// Longest prefix that fits the limit.
	cut, used := 0, 0
	for i, r := range runes {
		w := 1
		if info.Encoding == GSM7 && InExtension(r) {
			w = 2
		} else if info.Encoding == UCS2 && r > 0xFFFF {
			w = 2
		}
		if used+w > limit {
			break
		}
		used += w
		cut = i + 1
	}
	head := string(runes[:cut])
	// Prefer a sentence end in the second half, else a space.
	if i := lastSentenceEnd(head); i > len(head)/2 {
		head = head[:i+1]
	} else if i := strings.LastIndex(head, " "); i > len(head)/2 {
		head = head[:i]
	}
	rest = strings.TrimSpace(s[len(head):])
	return strings.TrimSpace(head) + MoreSuffix, rest
}

func lastSentenceEnd(s string) int {
	best := -1
	for _, p := range []string{". ", "? ", "! ", ": "} {
		if i := strings.LastIndex(s+" ", p); i > best && i < len(s) {
			best = i
		}
	}
	return best
}
