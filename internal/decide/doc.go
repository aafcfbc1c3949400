// Package decide turns one texted question into a decision: answer it with one
// knowledge entry, or hand it to the operator. When in doubt it escalates: a
// wrong answer costs more than a person's reply.
package decide
