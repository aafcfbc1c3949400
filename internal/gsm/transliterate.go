package gsm

import "strings"

// transliterations replace characters GSM-7 lacks with what a person would type.
func transliterations() *strings.Replacer {
	return strings.NewReplacer(
		"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'", "´", "'", "`", "'",
		"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "″", `"`, "«", `"`, "»", `"`,
		"—", "-", "–", "-", "‒", "-", "―", "-", "‐", "-", "‑", "-", "−", "-",
		"→", "->", "⟶", "->", "⇒", "=>", "←", "<-", "↔", "<->", "➔", "->",
		"…", "...", "•", "*", "·", "*", "×", "x",
		"\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\u200a", " ", "\u202f", " ", "\u2007", " ",
		"\u2008", " ", "\u2004", " ", "\u2005", " ", "\u2006", " ", "\u3000", " ",
		"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "", "\u2060", "",
	)
}

// Transliterate replaces curly quotes, dashes, arrows, ellipses and Unicode
// spaces with their GSM-7 equivalents; other characters are left as they are.
func Transliterate(s string) string {
	if isPlainASCII(s) {
		return s // nothing to replace: the common case
	}
	return transliterator.Replace(s)
}

// transliterator is built once; a strings.Replacer is safe for concurrent
// use and never changes.
var transliterator = transliterations()

// isPlainASCII reports whether s is ASCII without a backtick (the one ASCII
// character transliterated).
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '`' {
			return false
		}
	}
	return true
}

// Shorten cuts s to at most n characters at a word boundary, adding "...".
func Shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-3])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "..."
}
