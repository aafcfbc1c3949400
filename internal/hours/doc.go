// Package hours knows the operator's office hours and turns them into an honest
// promise for the texter: "today", "by tomorrow morning", "on Monday".
package hours
