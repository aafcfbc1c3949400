// Package search indexes knowledge entries in bleve and scores how well each one
// covers a texter's question, on a scale that means the same for every question.
package search
