package gsm

import (
	"strings"
	"testing"
)

func TestMeasure(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Info
	}{
		{"empty", "", Info{GSM7, 0, 0}},
		{"one segment", strings.Repeat("a", 160), Info{GSM7, 160, 1}},
		{"two segments", strings.Repeat("a", 161), Info{GSM7, 161, 2}},
		{"two full segments", strings.Repeat("a", 306), Info{GSM7, 306, 2}},
		{"three segments", strings.Repeat("a", 307), Info{GSM7, 307, 3}},
		{"extension counts twice", strings.Repeat("a", 159) + "€", Info{GSM7, 161, 2}},
		{"curly quote is UCS-2", "it’s", Info{UCS2, 4, 1}},
		{"UCS-2 split", strings.Repeat("é", 0) + strings.Repeat("→", 71), Info{UCS2, 71, 2}},
		{"emoji is two units", "💬", Info{UCS2, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Measure(tt.in); got != tt.want {
				t.Errorf("Measure(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}
