package gsm_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/sideguy/sideguy-text/internal/gsm"
)

// The GSM 03.38 tables, written out by code point from the standard (not
// copied from the package), so the recount below is independent of gsm.go.
var (
	// gsmBasic is the default alphabet; 0x1B (the escape to the extension
	// table) is not a character.
	gsmBasic = map[rune]bool{
		0x40: true, 0xA3: true, 0x24: true, 0xA5: true, 0xE8: true, 0xE9: true, 0xF9: true, 0xEC: true, // @ £ $ ¥ è é ù ì
		0xF2: true, 0xC7: true, 0x0A: true, 0xD8: true, 0xF8: true, 0x0D: true, 0xC5: true, 0xE5: true, // ò Ç LF Ø ø CR Å å
		0x394: true, 0x5F: true, 0x3A6: true, 0x393: true, 0x39B: true, 0x3A9: true, 0x3A0: true, 0x3A8: true, // Δ _ Φ Γ Λ Ω Π Ψ
		0x3A3: true, 0x398: true, 0x39E: true, 0xC6: true, 0xE6: true, 0xDF: true, 0xC9: true, // Σ Θ Ξ Æ æ ß É
		0x20: true, 0x21: true, 0x22: true, 0x23: true, 0xA4: true, 0x25: true, 0x26: true, 0x27: true, // space ! " # ¤ % & '
		0x28: true, 0x29: true, 0x2A: true, 0x2B: true, 0x2C: true, 0x2D: true, 0x2E: true, 0x2F: true, // ( ) * + , - . /
		0x3A: true, 0x3B: true, 0x3C: true, 0x3D: true, 0x3E: true, 0x3F: true, // : ; < = > ?
		0xA1: true, 0xC4: true, 0xD6: true, 0xD1: true, 0xDC: true, 0xA7: true, // ¡ Ä Ö Ñ Ü §
		0xBF: true, 0xE4: true, 0xF6: true, 0xF1: true, 0xFC: true, 0xE0: true, // ¿ ä ö ñ ü à
	}
	// gsmExtension are the characters sent as escape + code: two septets.
	gsmExtension = map[rune]bool{
		0x0C: true, 0x5E: true, 0x7B: true, 0x7D: true, 0x5C: true, // FF ^ { } \
		0x5B: true, 0x7E: true, 0x5D: true, 0x7C: true, 0x20AC: true, // [ ~ ] | €
	}
)

func init() {
	for r := '0'; r <= '9'; r++ {
		gsmBasic[r] = true
	}
	for r := 'A'; r <= 'Z'; r++ {
		gsmBasic[r] = true
		gsmBasic[r+'a'-'A'] = true
	}
}

// recount is a straightforward count of s's encoding, units and segments.
func recount(s string) gsm.Info {
	septets, isGSM := 0, true
	for _, r := range s {
		switch {
		case gsmBasic[r]:
			septets++
		case gsmExtension[r]:
			septets += 2
		default:
			isGSM = false
		}
	}
	if isGSM {
		return gsm.Info{Encoding: gsm.GSM7, Units: septets, Segments: segmentsOf(septets, 160, 153)}
	}
	units := len(utf16.Encode([]rune(s)))
	return gsm.Info{Encoding: gsm.UCS2, Units: units, Segments: segmentsOf(units, 70, 67)}
}

func segmentsOf(units, single, perPart int) int {
	n := 0
	switch {
	case units == 0:
	case units <= single:
		n = 1
	default:
		for left := units; left > 0; left -= perPart {
			n++
		}
	}
	return n
}

func addTextSeeds(f *testing.F) {
	f.Add("")
	f.Add("Roughly 80% at the control level.")
	f.Add(strings.Repeat("a", 160))
	f.Add(strings.Repeat("a", 161))
	f.Add(strings.Repeat("a", 306) + " b")
	f.Add(strings.Repeat("a", 159) + "€")
	f.Add(strings.Repeat("{x} ", 100))
	f.Add("SOC 2 → ISO — it’s “easy”… see you 🙏")
	f.Add(strings.Repeat("日本語のテキスト。", 30))
	f.Add(strings.Repeat("This sentence is about SOC 2 and ISO. ", 20))
	f.Add(strings.Repeat("💬 ok ", 40))
	f.Add("a\u00a0b\u2009c\u200bd\ufeffe")
	f.Add(strings.Repeat("word ", 70) + strings.Repeat("x", 300))
}

func FuzzMeasure(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := gsm.Measure(s)
		if want := recount(s); got != want {
			t.Fatalf("Measure(%q) = %+v, recount gives %+v", s, got, want)
		}
		if got.Encoding == gsm.GSM7 != gsm.IsGSM7(s) {
			t.Errorf("Measure(%q) says %s but IsGSM7 = %v", s, got.Encoding, gsm.IsGSM7(s))
		}
		tr, comp := gsm.Transliterate(s), gsm.Compose(s)
		if gsm.IsGSM7(tr) {
			if comp != tr {
				t.Errorf("Compose(%q) = %q, want the GSM-7 transliteration %q", s, comp, tr)
			}
			if gsm.Measure(comp).Encoding != gsm.GSM7 {
				t.Errorf("Compose(%q) = %q is not GSM-7 though the transliteration is", s, comp)
			}
		} else if comp != s {
			t.Errorf("Compose(%q) = %q, want the text as written (the transliteration %q still needs UCS-2)", s, comp, tr)
		}
	})
}

func FuzzPage(f *testing.F) {
	addTextSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		first, rest := gsm.Page(s)
		if n := gsm.Measure(first).Segments; n > 2 {
			t.Errorf("Page(%q): first part is %d segments: %q", s, n, first)
		}
		if strings.HasSuffix(first, gsm.MoreSuffix) != (rest != "") {
			t.Errorf("Page(%q): first %q ends with MoreSuffix = %v, rest = %q", s, first, strings.HasSuffix(first, gsm.MoreSuffix), rest)
		}
		head := first
		if rest != "" {
			head = strings.TrimSuffix(first, gsm.MoreSuffix)
		}
		// Words are compared as Measure reads text: a byte that is not UTF-8
		// is one U+FFFD.
		words := func(s string) []string { return strings.Fields(string([]rune(s))) }
		want := words(s)
		a, b := words(head), words(rest)
		got := append(append([]string{}, a...), b...)
		if slices.Equal(got, want) {
			return
		}
		// A word longer than the space left is cut in two: nothing is lost.
		if len(a) > 0 && len(b) > 0 {
			joined := append(append(append([]string{}, a[:len(a)-1]...), a[len(a)-1]+b[0]), b[1:]...)
			if slices.Equal(joined, want) {
				return
			}
		}
		t.Errorf("Page(%q) lost or changed words:\nfirst %q\nrest  %q", s, first, rest)
	})
}
