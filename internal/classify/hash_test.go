package classify

import (
	"hash/fnv"
	"testing"
)

// The written-out hash is hash/fnv's FNV-1a: models trained before and
// after hash the same features to the same weights.
func TestHashIsFNV1a(t *testing.T) {
	for _, s := range []string{"", "w:soa", "c:<so", "b:^_what", "c:<ñ>"} {
		h := fnv.New32a()
		h.Write([]byte(s))
		if got, want := hash(s), h.Sum32(); got != want {
			t.Errorf("hash(%q) = %d, want FNV-1a's %d", s, got, want)
		}
	}
}
