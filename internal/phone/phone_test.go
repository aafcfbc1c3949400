package phone

import "testing"

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
