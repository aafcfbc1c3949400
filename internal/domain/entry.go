package domain

// Entry is one answerable fact in the knowledge base.
type Entry struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	Phrasings []string `json:"phrasings"`
	Keywords  []string `json:"keywords,omitempty"`
	// Answer is the SMS reply: GSM-7, at most two segments.
	Answer string `json:"answer"`
	// Detail is an optional longer explanation.
	Detail string `json:"detail,omitempty"`
	// Source names the document and section the answer comes from.
	Source string `json:"source"`
	// File is where the entry was loaded from, for error messages.
	File string `json:"file,omitempty"`
}
