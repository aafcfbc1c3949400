// Package phone decides which countries' numbers the line serves, from the
// number's region as github.com/nyaruka/phonenumbers reads it: +1 also covers
// Caribbean numbers that SMS-pumping fraud targets, so the calling code alone
// is not enough.
package phone

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"

	"github.com/sideguy/sideguy-text/internal/memo"
)

// Countries is a set of ISO 3166 region codes the line answers. It is safe
// for concurrent use.
type Countries struct {
	regions map[string]bool
	codes   map[int]bool
	// recent remembers the verdicts on recent numbers: a texter sends more
	// than one text, and reading a number's region takes tens of
	// microseconds.
	recent memo.Map[string, verdict]
}

type verdict struct {
	ok     bool
	region string
}

// ParseCountries reads a list like "US,CA".
func ParseCountries(list string) (*Countries, error) {
	c := &Countries{regions: map[string]bool{}, codes: map[int]bool{}, recent: memo.Map[string, verdict]{Bound: 4096}}
	for _, r := range strings.FieldsFunc(strings.ToUpper(list), func(r rune) bool { return r == ',' || r == ' ' }) {
		code := phonenumbers.GetCountryCodeForRegion(r)
		if code == 0 {
			return nil, fmt.Errorf("countries: %q is not a region code like US or CA", r)
		}
		c.regions[r] = true
		c.codes[code] = true
	}
	if len(c.regions) == 0 {
		return nil, fmt.Errorf("countries: the list is empty")
	}
	return c, nil
}

// String lists the regions.
func (c *Countries) String() string {
	if c == nil {
		return ""
	}
	var rs []string
	for r := range c.regions {
		rs = append(rs, r)
	}
	sort.Strings(rs)
	return strings.Join(rs, ",")
}

// Region returns a number's region code ("" when it cannot tell).
func Region(number string) string {
	n, err := phonenumbers.Parse(number, "")
	if err != nil {
		return ""
	}
	return phonenumbers.GetRegionCodeForNumber(n)
}

// Allows reports whether the line answers number, and the region it read. A
// number whose region cannot be told (not a valid number) is judged by its
// calling code; short codes and other non-E.164 senders are not answered.
func (c *Countries) Allows(number string) (bool, string) {
	if c == nil {
		return true, ""
	}
	if v, ok := c.recent.Get(number); ok {
		return v.ok, v.region
	}
	var v verdict
	v.ok, v.region = c.allows(number)
	c.recent.Put(number, v)
	return v.ok, v.region
}

func (c *Countries) allows(number string) (bool, string) {
	n, err := parse(number)
	if err != nil {
		return false, ""
	}
	if region := phonenumbers.GetRegionCodeForNumber(n); region != "" {
		return c.regions[region], region
	}
	return c.codes[int(n.GetCountryCode())], ""
}

// parse reads a number. Twilio sends E.164 ("+14155552671"); a North
// American one is read directly (country code 1 and ten digits, the region
// then found by phonenumbers' patterns), which skips the general parser's
// work on formats, extensions and leading zeros, the most of the cost. Any
// other number goes through phonenumbers.Parse.
func parse(number string) (*phonenumbers.PhoneNumber, error) {
	if len(number) == 12 && number[0] == '+' && number[1] == '1' && number[2] >= '2' {
		if national, err := strconv.ParseUint(number[2:], 10, 64); err == nil {
			cc := int32(1)
			return &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &national}, nil
		}
	}
	return phonenumbers.Parse(number, "")
}
