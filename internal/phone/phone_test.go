package phone

import (
	"fmt"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func TestAllows(t *testing.T) {
	c, err := ParseCountries("US,CA")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		number string
		want   bool
	}{
		{"+14155552671", true},  // San Francisco
		{"+16135550123", true},  // Ottawa
		{"+18765550123", false}, // Jamaica: +1, but not US or CA
		{"+12465550123", false}, // Barbados
		{"+447700900123", false},
		{"+4915123456789", false},
		{"12345", false}, // a short code
		{"", false},
	}
	for range 2 { // the second time from what it remembers
		for _, tt := range tests {
			if got, region := c.Allows(tt.number); got != tt.want {
				t.Errorf("Allows(%q) = %v (region %q), want %v", tt.number, got, region, tt.want)
			}
		}
	}
	if _, err := ParseCountries("US,XX"); err == nil {
		t.Error("accepted XX")
	}
	var all *Countries
	if ok, _ := all.Allows("+447700900123"); !ok {
		t.Error("no list should allow every number")
	}
}

// North American numbers are read directly; the region must be the one the
// general parser finds, for every kind of +1 number.
func TestNorthAmericanNumbersReadAlike(t *testing.T) {
	numbers := []string{
		"+14155552671", "+12125550123", "+16135550123", "+14165550123", "+16045550123", // US, CA
		"+18765550123", "+12465550123", "+17875550123", "+16715550123", "+18095550123", // JM, BB, PR, GU, DO
		"+18005550123", "+18885550199", "+19005550123", "+15555550123", "+12005550123", // toll-free, premium, unassigned
		"+14415550123", "+16495550123", "+13405550123", "+16845550123", "+19395550123",
	}
	for area := 200; area <= 999; area += 7 {
		numbers = append(numbers, fmt.Sprintf("+1%d5550%03d", area, area%1000))
	}
	for _, number := range numbers {
		fast, err := parse(number)
		if err != nil {
			t.Fatalf("%s: %v", number, err)
		}
		slow, err := phonenumbers.Parse(number, "")
		if err != nil {
			t.Fatalf("%s: %v", number, err)
		}
		if got, want := phonenumbers.GetRegionCodeForNumber(fast), phonenumbers.GetRegionCodeForNumber(slow); got != want {
			t.Errorf("%s: region %q, the general parser says %q", number, got, want)
		}
	}
}
