package hours

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Schedule is a weekly set of working days with one daily window, in a time zone.
type Schedule struct {
	days        [7]bool // indexed by time.Weekday
	open, close int     // minutes after midnight
	loc         *time.Location
	spec        string
}

// String is the spec the schedule was parsed from ("" for none).
func (s *Schedule) String() string {
	if s == nil {
		return ""
	}
	return s.spec
}

func parseDay(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for i, d := range [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"} {
		if strings.HasPrefix(s, d) {
			return time.Weekday(i), true
		}
	}
	return 0, false
}

// Parse reads a spec like "Mon-Fri 09:00-17:00 America/Los_Angeles" (days as
// ranges or comma lists, a 24-hour window, an IANA time zone).
func Parse(spec string) (*Schedule, error) {
	f := strings.Fields(spec)
	if len(f) != 3 {
		return nil, fmt.Errorf("office hours %q: want DAYS HH:MM-HH:MM ZONE, e.g. Mon-Fri 09:00-17:00 America/Los_Angeles", spec)
	}
	s := &Schedule{spec: strings.Join(f, " ")}
	for _, part := range strings.Split(f[0], ",") {
		from, to, isRange := strings.Cut(part, "-")
		a, ok := parseDay(from)
		if !ok {
			return nil, fmt.Errorf("office hours %q: unknown day %q", spec, from)
		}
		b := a
		if isRange {
			if b, ok = parseDay(to); !ok {
				return nil, fmt.Errorf("office hours %q: unknown day %q", spec, to)
			}
		}
		for d := a; ; d = (d + 1) % 7 {
			s.days[d] = true
			if d == b {
				break
			}
		}
	}
	from, to, ok := strings.Cut(f[1], "-")
	var err error
	if !ok {
		return nil, fmt.Errorf("office hours %q: want a window like 09:00-17:00", spec)
	}
	if s.open, err = clock(from); err != nil {
		return nil, fmt.Errorf("office hours %q: %w", spec, err)
	}
	if s.close, err = clock(to); err != nil {
		return nil, fmt.Errorf("office hours %q: %w", spec, err)
	}
	if s.close <= s.open {
		return nil, fmt.Errorf("office hours %q: the window must end after it starts", spec)
	}
	if s.loc, err = time.LoadLocation(f[2]); err != nil {
		return nil, fmt.Errorf("office hours %q: time zone: %w", spec, err)
	}
	return s, nil
}

func clock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh*60+mm > 24*60 {
		return 0, fmt.Errorf("bad time %q (want HH:MM)", s)
	}
	return hh*60 + mm, nil
}

// Location is the schedule's time zone.
func (s *Schedule) Location() *time.Location { return s.loc }

func minutes(t time.Time) int { return t.Hour()*60 + t.Minute() }

// IsOpen reports whether t falls inside office hours.
func (s *Schedule) IsOpen(t time.Time) bool {
	t = t.In(s.loc)
	return s.days[t.Weekday()] && minutes(t) >= s.open && minutes(t) < s.close
}

// NextOpen is t when office hours are open at t, else when they next open.
func (s *Schedule) NextOpen(t time.Time) time.Time {
	t = t.In(s.loc)
	if s.IsOpen(t) {
		return t
	}
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, s.loc)
	for i := 0; i < 8; i++ {
		d := day.AddDate(0, 0, i)
		opening := d.Add(time.Duration(s.open) * time.Minute)
		if s.days[d.Weekday()] && !opening.Before(t) {
			return opening
		}
	}
	return t // no working days: nothing better to say
}

// OpeningOn is when office hours open on the calendar day of t (or the next
// working day after it).
func (s *Schedule) OpeningOn(t time.Time) time.Time {
	t = t.In(s.loc)
	return s.NextOpen(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, s.loc))
}

// Expect says when the texter can expect a person, as words that follow
// "will text you back here": " today", " by tomorrow morning", " on Monday".
// s may be nil (no office hours configured): then only an away date says anything.
func (s *Schedule) Expect(now time.Time, awayUntil *time.Time) string {
	away := awayUntil != nil && awayUntil.After(now)
	if s == nil {
		if !away {
			return ""
		}
		return relative(now, *awayUntil, now.Location())
	}
	start := now
	if away {
		start = *awayUntil
	}
	if !away && s.IsOpen(now) && s.close-minutes(now.In(s.loc)) >= 60 {
		return " today"
	}
	if !away && s.IsOpen(now) {
		start = now.Add(time.Duration(s.close-minutes(now.In(s.loc))) * time.Minute) // closing soon: next opening
	}
	return relative(now, s.NextOpen(start), s.loc)
}

// relative words when t is, seen from now.
func relative(now, t time.Time, loc *time.Location) string {
	now, t = now.In(loc), t.In(loc)
	d0 := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	d1 := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	days := int(d1.Sub(d0).Hours()/24 + 0.5)
	switch {
	case days <= 0:
		return " later today"
	case days == 1 && t.Hour() < 12:
		return " by tomorrow morning"
	case days == 1:
		return " tomorrow"
	case days < 7:
		return " on " + t.Weekday().String()
	default:
		return " on " + t.Format("January 2")
	}
}

// ParseAway reads when the operator is back: "mon", "monday", "tomorrow",
// "2026-12-01" or "12/1". The result is the start of office hours that day (or
// midnight, without a schedule), always after now.
func ParseAway(text string, now time.Time, s *Schedule) (time.Time, error) {
	loc := now.Location()
	if s != nil {
		loc = s.loc
	}
	now = now.In(loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	text = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.ToLower(text)), "until")))
	var day time.Time
	switch {
	case text == "tomorrow" || text == "tmrw" || text == "tmr":
		day = today.AddDate(0, 0, 1)
	default:
		if wd, ok := parseDay(text); ok {
			diff := (int(wd) - int(now.Weekday()) + 7) % 7
			if diff == 0 {
				diff = 7
			}
			day = today.AddDate(0, 0, diff)
			break
		}
		if t, err := time.ParseInLocation("2006-01-02", text, loc); err == nil {
			day = t
			break
		}
		var m, d int
		if n, _ := fmt.Sscanf(text, "%d/%d", &m, &d); n == 2 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			day = time.Date(now.Year(), time.Month(m), d, 0, 0, 0, 0, loc)
			if !day.After(today) {
				day = day.AddDate(1, 0, 0)
			}
			break
		}
		return time.Time{}, fmt.Errorf("when are you back? %q: try mon, tomorrow, 12/1 or 2026-12-01", text)
	}
	if !day.After(now) && !day.Equal(today) {
		return time.Time{}, fmt.Errorf("%q is in the past", text)
	}
	if s != nil {
		day = s.OpeningOn(day)
	}
	if !day.After(now) {
		return time.Time{}, fmt.Errorf("%q is in the past", text)
	}
	return day, nil
}
