package console

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
)

type queueData struct {
	Threads []domain.Thread
	Counts  map[string]int
	Paused  bool
	Expect  string
}

// queue shows the escalated threads, longest-waiting first.
func (c *Console) queue(ec echo.Context) error {
	all, err := c.cfg.Store.Threads("")
	if err != nil {
		return err
	}
	d := queueData{Counts: map[string]int{}}
	for _, t := range all {
		d.Counts[string(t.Status)]++
		if t.Status == domain.StatusEscalated {
			d.Threads = append(d.Threads, t)
		}
	}
	if s, err := c.cfg.Operator.Settings(); err == nil {
		d.Paused = s.Paused
	}
	d.Expect, _ = c.cfg.Operator.Expectation()
	return c.render(ec, "queue", page{Title: "Queue", Nav: "queue", Data: d})
}

type threadsData struct {
	Threads  []domain.Thread
	Q        string
	Status   string
	Statuses []domain.Status
}

// threads lists every thread, with search and a status filter.
func (c *Console) threads(ec echo.Context) error {
	status := domain.Status(ec.QueryParam("status"))
	if status != "" && !status.Valid() {
		status = ""
	}
	q := strings.TrimSpace(ec.QueryParam("q"))
	all, err := c.cfg.Store.Threads(status)
	if err != nil {
		return err
	}
	d := threadsData{Q: q, Status: string(status),
		Statuses: []domain.Status{domain.StatusEscalated, domain.StatusAnswered, domain.StatusBot, domain.StatusResolved}}
	for _, t := range all {
		if q == "" || c.matches(t, q) {
			d.Threads = append(d.Threads, t)
		}
	}
	return c.render(ec, "threads", page{Title: "All threads", Nav: "threads", Data: d})
}

// matches reports whether a thread's number, phone or any message holds q.
func (c *Console) matches(t domain.Thread, q string) bool {
	if contains(t.Phone, q) || contains(t.EscalatedQuestion, q) || contains(t.LastMessage, q) ||
		strings.TrimPrefix(q, "#") == strconv.FormatUint(t.ID, 10) {
		return true
	}
	full, err := c.cfg.Store.Thread(t.ID)
	if err != nil {
		return false
	}
	for _, m := range full.Messages {
		if contains(m.Body, q) || contains(m.Entry, q) {
			return true
		}
	}
	return false
}

func threadID(ec echo.Context) (uint64, error) {
	id, err := strconv.ParseUint(strings.TrimPrefix(ec.Param("id"), "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, echo.NewHTTPError(http.StatusNotFound, "no such thread")
	}
	return id, nil
}

type threadData struct {
	Thread domain.Thread
	Draft  string
	// Question and Answer prefill "save as knowledge".
	LastOperatorReply string
}

func (c *Console) loadThread(ec echo.Context) (domain.Thread, error) {
	id, err := threadID(ec)
	if err != nil {
		return domain.Thread{}, err
	}
	return c.cfg.Store.Thread(id)
}

func (c *Console) thread(ec echo.Context) error {
	t, err := c.loadThread(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	return c.render(ec, "thread", page{Title: "#" + strconv.FormatUint(t.ID, 10), Nav: "threads",
		Data: threadData{Thread: t, LastOperatorReply: lastOperatorReply(t)}})
}

func lastOperatorReply(t domain.Thread) string {
	for i := len(t.Messages) - 1; i >= 0; i-- {
		if m := t.Messages[i]; m.Direction == domain.Out && m.Author == domain.AuthorOperator {
			return m.Body
		}
	}
	return ""
}

// lastQuestion is what the texter asked: the escalated question, or the latest
// inbound text.
func lastQuestion(t domain.Thread) string {
	if t.EscalatedQuestion != "" {
		return t.EscalatedQuestion
	}
	for i := len(t.Messages) - 1; i >= 0; i-- {
		if t.Messages[i].Direction == domain.In && strings.TrimSpace(t.Messages[i].Body) != "" {
			return t.Messages[i].Body
		}
	}
	return ""
}

func (c *Console) notFound(ec echo.Context, err error) error {
	var he *echo.HTTPError
	if errors.Is(err, domain.ErrNotFound) || (errors.As(err, &he) && he.Code == http.StatusNotFound) {
		return c.render(ec, "error", page{Title: "Not found", Status: http.StatusNotFound, Error: "There is no such thread or entry."})
	}
	return err
}

// reply sends the operator's reply and shows the thread again.
func (c *Console) reply(ec echo.Context) error {
	id, err := threadID(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	body := ec.FormValue("body")
	_, msg, err := c.cfg.Operator.OperatorReply(ec.Request().Context(), id, body)
	var twErr *domain.SendError
	switch {
	case err == nil:
		return c.back(ec, threadURL(id), "Sent ("+segmentsLabel(msg.Body)+").")
	case errors.Is(err, domain.ErrNotFound):
		return c.notFound(ec, err)
	case errors.Is(err, domain.ErrOptedOut):
		return c.back(ec, threadURL(id), "Not sent: this texter has opted out.")
	case errors.Is(err, domain.ErrInvalid), errors.Is(err, domain.ErrNoSender):
		t, lerr := c.cfg.Store.Thread(id)
		if lerr != nil {
			return lerr
		}
		msg := strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error())
		return c.render(ec, "thread", page{Title: "#" + strconv.FormatUint(id, 10), Nav: "threads", Status: http.StatusBadRequest,
			Error: "Not sent: " + msg + ".", Data: threadData{Thread: t, Draft: body, LastOperatorReply: lastOperatorReply(t)}})
	case errors.As(err, &twErr):
		return c.back(ec, threadURL(id), "Twilio did not send it: "+twErr.Error())
	default:
		return err
	}
}

func threadURL(id uint64) string { return Prefix + "/threads/" + strconv.FormatUint(id, 10) }

// change runs a status change and goes back to the thread.
func (c *Console) change(done string, fn func(uint64) (domain.Thread, error)) echo.HandlerFunc {
	return func(ec echo.Context) error {
		id, err := threadID(ec)
		if err != nil {
			return c.notFound(ec, err)
		}
		if _, err := fn(id); err != nil {
			return c.notFound(ec, err)
		}
		return c.back(ec, threadURL(id), done)
	}
}

func (c *Console) flag(ec echo.Context) error {
	id, err := threadID(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	mid, err := strconv.ParseUint(ec.Param("mid"), 10, 64)
	if err != nil {
		return c.notFound(ec, domain.ErrNotFound)
	}
	if _, err := c.cfg.Operator.Flag(id, mid); err != nil {
		if errors.Is(err, domain.ErrInvalid) {
			return c.back(ec, threadURL(id), "Only the line's answers can be flagged.")
		}
		return c.notFound(ec, err)
	}
	return c.back(ec, threadURL(id), "Flagged. The thread is back in your queue so you can set the texter straight.")
}

type teachData struct {
	Thread    domain.Thread
	Lesson    library.Lesson
	Phrasings string
}

// teachForm shows "save as knowledge", prefilled with the texter's question
// and the operator's reply.
func (c *Console) teachForm(ec echo.Context) error {
	t, err := c.loadThread(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	d := teachData{Thread: t, Lesson: library.Lesson{Question: lastQuestion(t), Answer: lastOperatorReply(t)}}
	return c.render(ec, "teach", page{Title: "Save as knowledge", Nav: "threads", Data: d})
}

func lessonFrom(ec echo.Context) (library.Lesson, string) {
	phrasings := ec.FormValue("phrasings")
	ls := library.Lesson{Question: ec.FormValue("question"), Answer: ec.FormValue("answer"),
		Detail: ec.FormValue("detail"), Author: "operator"}
	for _, p := range strings.Split(phrasings, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			ls.Phrasings = append(ls.Phrasings, p)
		}
	}
	return ls, phrasings
}

func (c *Console) teach(ec echo.Context) error {
	t, err := c.loadThread(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	ls, phrasings := lessonFrom(ec)
	ls.Thread = t.ID
	e, err := c.cfg.Library.Teach(ls)
	if errors.Is(err, domain.ErrInvalid) {
		return c.render(ec, "teach", page{Title: "Save as knowledge", Nav: "threads", Status: http.StatusBadRequest,
			Error: strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error()) + ".",
			Data:  teachData{Thread: t, Lesson: ls, Phrasings: phrasings}})
	}
	if err != nil {
		return err
	}
	return c.back(ec, threadURL(t.ID), "Saved as knowledge ("+e.ID+"). The line answers it from now on.")
}

// erase removes everything kept about a texter, on their request.
func (c *Console) erase(ec echo.Context) error {
	id, err := threadID(ec)
	if err != nil {
		return c.notFound(ec, err)
	}
	if c.cfg.Erase == nil {
		return c.back(ec, threadURL(id), "Erasing is not available.")
	}
	if err := c.cfg.Erase(id); err != nil {
		return c.notFound(ec, err)
	}
	return c.back(ec, Prefix+"/threads", "Erased everything kept about thread #"+strconv.FormatUint(id, 10)+".")
}
