// Package assistant is the conversation: it takes one inbound text through
// de-duplication, storage, consent keywords, the operator hold and the decision,
// and says what to text back.
package assistant
