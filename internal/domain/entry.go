package domain

import "time"

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

	// Taught entries were written by the operator from a conversation; they are
	// the operator's own words and may go beyond the source page.
	Taught    bool       `json:"taught"`
	Author    string     `json:"author,omitempty"`
	TaughtAt  *time.Time `json:"taught_at,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
	// Thread is the conversation it was taught from.
	Thread uint64 `json:"thread,omitempty"`
}

// TaughtPrefix starts the id of every taught entry, so taught and shipped ids
// never clash.
const TaughtPrefix = "taught-"
