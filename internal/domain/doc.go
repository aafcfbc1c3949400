// Package domain holds SideGuy Text's nouns (threads, messages, knowledge entries,
// decisions) and the errors the other packages share. It imports only the standard
// library.
package domain
