package textnorm

import "testing"

func TestNormalize(t *testing.T) {
	n := New()
	tests := []struct{ in, want string }{
		{"SOC II vs ISO 27k?", "soc2 vs iso27001 ."},
		{"soc-2 -> iso27001", "soc2 iso27001 soc2toiso"},
		{"Going from ISO/IEC 27001:2022 to SOC 2", "going iso27001 soc2 isotosoc2"},
		{"soc2 → iso", "soc2 iso27001 soc2toiso"},
		{"we have soc 2 type ii and a customer wants iso", "we have soc2 type2 and a customer wants iso27001 soc2toiso"},
		{"What’s the TSC / Annex A mapping", "what is the tsc annexa mapping"},
		{"what does soc 2 have that iso doesn't", "what does soc2 have that iso27001 does not soc2only"},
		{"is PI covered?", "is processing integrity covered ."},
		{"whats an SoA", "what is an soa"},
		{"CC6.1 and A.8.13", "cc6.1 and a.8.13"},
		{"27701", "iso27701"},
		{"iso 9001", "iso9001"},
		{"SOC 1", "soc1"},
	}
	for _, tt := range tests {
		if got := n.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
