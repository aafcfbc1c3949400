package domain

// statusRank orders Twilio's message statuses as a message moves through them;
// 10 and above are final. Unknown statuses rank 0.
func statusRank(s string) int {
	switch s {
	case "accepted", "scheduled":
		return 1
	case "queued":
		return 2
	case "sending":
		return 3
	case "sent":
		return 4
	case "delivered", "undelivered", "failed", "canceled":
		return 10
	case "read":
		return 11
	}
	return 0
}

// FinalStatus reports whether Twilio will not change the status again
// (but for "read", which can follow "delivered").
func FinalStatus(s string) bool { return statusRank(s) >= 10 }

// FailedStatus reports whether the message did not reach the texter.
func FailedStatus(s string) bool { return s == "failed" || s == "undelivered" }

// NextStatus decides the status after a callback says next: callbacks arrive out
// of order, so an earlier status never replaces a later one, and a final one is
// only followed by "read".
func NextStatus(current, next string) string {
	if current == "" {
		return next
	}
	cr, nr := statusRank(current), statusRank(next)
	if nr == 0 {
		return current // unknown status: keep what we know
	}
	if FinalStatus(current) {
		if next == "read" && current == "delivered" {
			return next
		}
		return current
	}
	if nr > cr {
		return next
	}
	return current
}
