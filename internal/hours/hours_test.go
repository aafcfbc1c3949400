package hours

import (
	"testing"
	"time"
)

func TestExpect(t *testing.T) {
	s, err := Parse("Mon-Fri 09:00-17:00 America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	la := s.Location()
	at := func(day, hour, min int) time.Time { return time.Date(2026, 11, day, hour, min, 0, 0, la) } // Nov 23 2026 is a Monday
	mon := at(30, 9, 0)
	tests := []struct {
		name string
		now  time.Time
		away *time.Time
		want string
	}{
		{"Tuesday mid-morning", at(24, 10, 30), nil, " today"},
		{"Tuesday 16:30, closing soon", at(24, 16, 30), nil, " by tomorrow morning"},
		{"Tuesday night", at(24, 22, 0), nil, " by tomorrow morning"},
		{"Wednesday before opening", at(25, 6, 0), nil, " later today"},
		{"Friday evening", at(27, 18, 0), nil, " on Monday"},
		{"Saturday", at(28, 12, 0), nil, " on Monday"},
		{"Sunday", at(29, 12, 0), nil, " by tomorrow morning"},
		{"away until Monday, on a Wednesday", at(25, 11, 0), &mon, " on Monday"},
		{"away has passed", at(30, 11, 0), &mon, " today"},
		{"UTC clock, LA hours", time.Date(2026, 11, 24, 18, 30, 0, 0, time.UTC), nil, " today"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.Expect(tt.now, tt.away); got != tt.want {
				t.Errorf("Expect = %q, want %q", got, tt.want)
			}
		})
	}
	var none *Schedule
	if got := none.Expect(at(24, 10, 0), nil); got != "" {
		t.Errorf("no schedule, not away: %q, want no promise", got)
	}
	if got := none.Expect(at(25, 10, 0), &mon); got != " on Monday" {
		t.Errorf("no schedule, away until Monday: %q", got)
	}
}

func TestParse(t *testing.T) {
	for _, bad := range []string{"", "Mon-Fri", "Mon-Fri 9-5 America/Los_Angeles", "Xyz 09:00-17:00 UTC",
		"Mon-Fri 17:00-09:00 UTC", "Mon-Fri 09:00-17:00 Mars/Olympus"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	s, err := Parse("Sat-Mon 10:00-12:00 UTC")
	if err != nil {
		t.Fatal(err)
	}
	sun := time.Date(2026, 11, 29, 11, 0, 0, 0, time.UTC)
	if !s.IsOpen(sun) || s.IsOpen(sun.AddDate(0, 0, 2)) {
		t.Error("a wrapping day range is wrong")
	}
}

func TestParseAway(t *testing.T) {
	s, _ := Parse("Mon-Fri 09:00-17:00 America/Los_Angeles")
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, s.Location()) // Wednesday
	tests := []struct{ in, want string }{
		{"mon", "2026-11-30T09:00:00-08:00"},
		{"until monday", "2026-11-30T09:00:00-08:00"},
		{"tomorrow", "2026-11-26T09:00:00-08:00"},
		{"wed", "2026-12-02T09:00:00-08:00"},
		{"sat", "2026-11-30T09:00:00-08:00"}, // back Saturday: first office hours are Monday
		{"2026-12-03", "2026-12-03T09:00:00-08:00"},
		{"12/3", "2026-12-03T09:00:00-08:00"},
	}
	for _, tt := range tests {
		got, err := ParseAway(tt.in, now, s)
		if err != nil || got.Format(time.RFC3339) != tt.want {
			t.Errorf("ParseAway(%q) = %v, %v; want %s", tt.in, got.Format(time.RFC3339), err, tt.want)
		}
	}
	for _, bad := range []string{"soon", "2020-01-01", "13/45"} {
		if _, err := ParseAway(bad, now, s); err == nil {
			t.Errorf("ParseAway(%q) accepted", bad)
		}
	}
}
