package domain

// Reply is what the line sends back to one inbound text: zero or more SMS.
type Reply struct {
	Messages []string `json:"messages"`
}

// Inbound is one text as Twilio delivered it.
type Inbound struct {
	SID  string
	From string
	To   string
	Body string
	// Media are the URLs of attached pictures or files.
	Media []string
	// OptOutType is set by Twilio's Advanced Opt-Out (STOP, START, HELP).
	OptOutType string
}

// ThreadStore keeps threads and messages.
type ThreadStore interface {
	// ProcessInbound runs fn on the sender's thread and stores the result in one
	// transaction, remembering sid and the reply. When sid was processed before,
	// it returns the stored reply and duplicate true without calling fn.
	ProcessInbound(sid, phone string, fn func(t *Thread) (Reply, error)) (reply Reply, duplicate bool, err error)
	// Threads lists threads, all of them when status is empty.
	Threads(status Status) ([]Thread, error)
	// Thread returns one thread with its messages.
	Thread(id uint64) (Thread, error)
	// UpdateThread changes a thread in one transaction and returns it whole.
	UpdateThread(id uint64, fn func(t *Thread) error) (Thread, error)
}
