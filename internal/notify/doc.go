// Package notify texts the operator's phone when threads wait for them: one
// text per thread at most, and no more than one text per interval, so a burst
// of escalations arrives as one digest.
package notify
