// Package gsm knows the GSM-7 alphabet SMS uses and how many segments a text costs.
package gsm

import "unicode/utf8"

// basic is the GSM 03.38 default alphabet.
const basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

// extension characters cost two septets (an escape and the character).
const extension = "^{}\\[~]|€\f"

// Encoding is how a text travels: GSM-7 or UCS-2.
type Encoding string

const (
	GSM7 Encoding = "GSM-7"
	UCS2 Encoding = "UCS-2"
)

// InBasic reports whether r is in the GSM-7 default alphabet (not the extension table).
func InBasic(r rune) bool { return basicSet.has(r) }

// InExtension reports whether r is in the GSM-7 extension table.
func InExtension(r rune) bool { return extensionSet.has(r) }

// runeSet is a set of runes, looked up in a table for ASCII. Read-only once built.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	other map[rune]bool
}

func newRuneSet(chars string) runeSet {
	s := runeSet{other: map[rune]bool{}}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			s.ascii[r] = true
		} else {
			s.other[r] = true
		}
	}
	return s
}

func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return s.ascii[r]
	}
	return s.other[r]
}

// The alphabets as sets; never written after they are built.
var basicSet, extensionSet = newRuneSet(basic), newRuneSet(extension)

// Info describes how a text is sent.
type Info struct {
	Encoding Encoding `json:"encoding"`
	// Units is septets for GSM-7 and UTF-16 code units for UCS-2.
	Units    int `json:"units"`
	Segments int `json:"segments"`
}

// Measure returns the encoding and segment count of s.
func Measure(s string) Info {
	septets := 0
	gsm := true
	for _, r := range s {
		switch {
		case InBasic(r):
			septets++
		case InExtension(r):
			septets += 2
		default:
			gsm = false
		}
	}
	if gsm {
		return Info{Encoding: GSM7, Units: septets, Segments: segments(septets, 160, 153)}
	}
	units := 0
	for _, r := range s {
		if utf8.RuneLen(r) == 4 || r > 0xFFFF {
			units += 2
		} else {
			units++
		}
	}
	return Info{Encoding: UCS2, Units: units, Segments: segments(units, 70, 67)}
}

func segments(units, single, multi int) int {
	switch {
	case units == 0:
		return 0
	case units <= single:
		return 1
	default:
		return (units + multi - 1) / multi
	}
}
