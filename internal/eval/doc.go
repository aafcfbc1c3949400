// Package eval runs a question set through the line's decision and counts what
// it got right, what it escalated and what it answered wrongly.
package eval
