package rx

import (
	"bytes"
	"unicode/utf8"
)

// MayMatch reports whether s could match: false only when it cannot.
func (r *Regexp) MayMatch(s string) bool {
	if r.need == nil {
		return true
	}
	if !isASCII(s) {
		// Case folding beyond ASCII (ſ for s, K for k) is not worth being
		// clever about: the expression decides.
		return true
	}
	// The text in lower case, on the stack when short (texts are).
	var buf [512]byte
	var lower []byte
	if len(s) <= len(buf) {
		lower = buf[:len(s)]
	} else {
		lower = make([]byte, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	// Which runs of two and three bytes the text holds: a needed string is
	// only looked for when its first bytes are there.
	var seen gramSet
	for i := 0; i+1 < len(lower); i++ {
		seen.add(gramHash(lower[i], lower[i+1], 0))
		if i+2 < len(lower) {
			seen.add(gramHash(lower[i], lower[i+1], lower[i+2]))
		}
	}
	for k, set := range r.needBytes {
		if !containsAny(lower, set, r.grams[k], &seen) {
			return false
		}
	}
	return true
}

func containsAny(s []byte, set [][]byte, grams []uint16, seen *gramSet) bool {
	for i, n := range set {
		if len(n) >= 2 && !seen.has(grams[i]) {
			continue
		}
		if bytes.Contains(s, n) {
			return true
		}
	}
	return false
}

// gramSet is a set of hashed runs of bytes (a Bloom filter of one hash: it
// may say a run is there when it is not, never the reverse).
type gramSet [gramBits / 64]uint64

const gramBits = 4096

// gramHash hashes two bytes, or three (c is 0 for two).
func gramHash(a, b, c byte) uint16 {
	return uint16((uint32(a)*961 + uint32(b)*31 + uint32(c)) % gramBits)
}

// firstGram is the hash of a needed string's first three bytes (two when it
// is that short; nothing looked up for one).
func firstGram(n []byte) uint16 {
	switch {
	case len(n) >= 3:
		return gramHash(n[0], n[1], n[2])
	case len(n) == 2:
		return gramHash(n[0], n[1], 0)
	}
	return 0
}

func (g *gramSet) add(h uint16) { g[h/64] |= 1 << (h % 64) }

func (g *gramSet) has(h uint16) bool { return g[h/64]&(1<<(h%64)) != 0 }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
