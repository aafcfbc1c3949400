package decide

import (
	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/memo"
)

// decisions remembers recent decisions. The key holds the index's
// generation, so a decision made before an entry was taught, changed or
// removed is never found again (it falls out when the map fills).
type decisions struct {
	m memo.Map[decisionKey, domain.Decision]
}

type decisionKey struct {
	gen  uint64
	text string
	ctx  domain.Context
}

// memoTextLen is the longest text remembered: long texts rarely repeat.
const memoTextLen = 320

func (d *decisions) get(gen uint64, text string, c domain.Context) (domain.Decision, bool) {
	if len(text) > memoTextLen {
		return domain.Decision{}, false
	}
	return d.m.Get(decisionKey{gen, text, c})
}

// put remembers a decision made on generation gen. The decision is shared:
// whoever gets it must not change what its slices hold.
func (d *decisions) put(gen uint64, text string, c domain.Context, dec domain.Decision) {
	if len(text) <= memoTextLen {
		d.m.Put(decisionKey{gen, text, c}, dec)
	}
}
