// Package rx runs a regular expression only on texts that could match it: a
// cheap test for the literal words every match must contain comes first.
package rx
