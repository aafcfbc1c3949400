package textnorm_test

import (
	"testing"

	"github.com/sideguy/sideguy-text/internal/textnorm"
)

func TestSpokenIDsAndNamesAreWrittenOut(t *testing.T) {
	s := textnorm.NewSpoken()
	for in, want := range map[string]string{
		"what is see see six point one":                          "what is CC6.1",
		"pea eye one point three which part of sock two is that": "PI1.3 which part of sock two is that",
		"whats pee four in sock two":                             "whats P4 in sock two",
		"auditor flagged see one point one what area is that":    "auditor flagged C1.1 what area is that",
		"annex eh eight point thirteen is that technological":    "A.8.13 is that technological",
		"our old doc references a twelve point three point one":  "our old doc references A.12.3.1",
		"is a one point two availability":                        "is A1.2 availability",
		"what is twenty seven seven oh one":                      "what is 27701",
		"eye so twenty seven thousand one":                       "eye so 27001",
		"the consultant keeps mentioning an S O A":               "the consultant keeps mentioning an SoA",
		"so what is an eye sms":                                  "so what is an ISMS",
		"what is an i s m s":                                     "what is an ISMS",
		"is c c six point one logical access":                    "is CC6.1 logical access",
		"p i one point three?":                                   "PI1.3?",
		// Not dictated: left as typed.
		"we see one customer a week":       "we see one customer a week",
		"a one off question":               "a one off question",
		"is cc6.1 the same as a.8.2":       "is cc6.1 the same as a.8.2",
		"see 2 reports, which one is mine": "see 2 reports, which one is mine",
	} {
		if got := s.Rewrite(in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
