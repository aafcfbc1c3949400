// Package library keeps the live knowledge base: the shipped entries, what the
// operator taught, and entries switched off, in step between the store and the
// search index, so a taught answer is served to the very next texter.
package library
