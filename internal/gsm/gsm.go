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
func InBasic(r rune) bool { return containsRune(basic, r) }

// InExtension reports whether r is in the GSM-7 extension table.
func InExtension(r rune) bool { return containsRune(extension, r) }

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

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
