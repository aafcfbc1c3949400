package console

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/sideguy/sideguy-text/internal/gsm"
)

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// age is how long ago t was: "5m", "3h 10m", "2d 4h".
func age(now time.Time, t *time.Time) string {
	if t == nil {
		return ""
	}
	d := now.Sub(*t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh %dm", int(d.Hours()), int(d.Minutes())%60)
	default:
		return fmt.Sprintf("%dd %dh", int(d.Hours()/24), int(d.Hours())%24)
	}
}

func shorten(s string, n int) string { return gsm.Shorten(s, n) }

// segmentsLabel says what a text costs: "GSM-7, 2 segments".
func segmentsLabel(s string) string {
	info := gsm.Measure(s)
	unit := "segments"
	if info.Segments == 1 {
		unit = "segment"
	}
	return fmt.Sprintf("%s, %d %s", info.Encoding, info.Segments, unit)
}

// contains reports whether text holds q, ignoring case.
func contains(text, q string) bool {
	return strings.Contains(strings.ToLower(text), strings.ToLower(q))
}
