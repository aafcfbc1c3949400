// Package textnorm rewrites a text message the way the knowledge base is written:
// lower case, framework names in one spelling (soc2, iso27001, tsc, annexa, …),
// arrows as words, and the direction of a move between frameworks as one token.
package textnorm
