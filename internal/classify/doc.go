// Package classify learns from labelled texts which entry a text asks for.
package classify
