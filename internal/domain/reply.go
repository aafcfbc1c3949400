package domain

// Reply is what the line sends back to one inbound text: zero or more SMS.
type Reply struct {
	Messages []string `json:"messages"`
	// Decision is what the line decided, when it decided (not stored).
	Decision *Decision `json:"-"`
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
	// fn also gets today's count of automatic replies, to keep the daily cap.
	ProcessInbound(sid, phone string, fn func(t *Thread, b *Budget) (Reply, error)) (reply Reply, duplicate bool, err error)
	// ThreadByPhone reads a number's thread without its messages (ok false when
	// the number has none yet).
	ThreadByPhone(phone string) (t Thread, ok bool, err error)
	// Threads lists threads, all of them when status is empty.
	Threads(status Status) ([]Thread, error)
	// Thread returns one thread with its messages.
	Thread(id uint64) (Thread, error)
	// UpdateThread changes a thread in one transaction and returns it whole.
	UpdateThread(id uint64, fn func(t *Thread) error) (Thread, error)
	// UpdateMessage changes one message of a thread, and the thread, in one
	// transaction; an outbound message's SID is indexed for status callbacks.
	UpdateMessage(threadID, msgID uint64, fn func(t *Thread, m *Message) error) (Thread, error)
	// ApplyStatus records a delivery status callback; found is false for an unknown SID.
	ApplyStatus(sid, status string, errorCode int) (t Thread, found bool, err error)

	// Settings and UpdateSettings keep the operator's switches.
	Settings() (Settings, error)
	UpdateSettings(fn func(s *Settings) error) (Settings, error)
	// RecordOperator keeps a text to or from the operator's phone.
	RecordOperator(m Message) error
	// Processed and MarkProcessed de-duplicate MessageSids handled outside ProcessInbound.
	Processed(sid string) (Reply, bool, error)
	MarkProcessed(sid string, reply Reply) error
}

// Budget is today's count of automatic replies, for the daily cap.
type Budget struct {
	Day  string
	Sent int
}
