package library

import (
	"fmt"
	"log/slog"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

// Store keeps taught entries and the switched-off set.
type Store interface {
	TaughtEntries() ([]domain.Entry, error)
	PutTaught(e domain.Entry) error
	DeleteTaught(id string) error
	NextTaughtID() (uint64, error)
	DisabledEntries() (map[string]time.Time, error)
	SetEntryEnabled(id string, enabled bool) error
}

// Index is the search index the line answers from.
type Index interface {
	Put(e domain.Entry) error
	Remove(id string) error
}

// Item is an entry as the operator sees it.
type Item struct {
	domain.Entry
	Enabled bool `json:"enabled"`
	// Shadowed is set on a shipped entry that a taught entry with the same id
	// replaces (an exported entry committed while its taught copy still lives).
	Shadowed bool `json:"shadowed,omitempty"`
}

// Library is the live knowledge base. It is safe for concurrent use.
type Library struct {
	mu       sync.Mutex
	store    Store
	index    Index
	shipped  map[string]domain.Entry
	taught   map[string]domain.Entry
	disabled map[string]bool
	now      func() time.Time
	log      *slog.Logger
	slugRe   *regexp.Regexp
}

// Open loads what the operator taught and switched off, and brings the index
// (built from the shipped entries) in line with it.
func Open(shipped []domain.Entry, store Store, index Index, now func() time.Time, log *slog.Logger) (*Library, error) {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.Default()
	}
	l := &Library{store: store, index: index, shipped: map[string]domain.Entry{}, taught: map[string]domain.Entry{},
		disabled: map[string]bool{}, now: now, log: log, slugRe: regexp.MustCompile(`[^a-z0-9]+`)}
	for _, e := range shipped {
		l.shipped[e.ID] = e
	}
	taught, err := store.TaughtEntries()
	if err != nil {
		return nil, err
	}
	off, err := store.DisabledEntries()
	if err != nil {
		return nil, err
	}
	for id := range off {
		l.disabled[id] = true
	}
	for _, e := range taught {
		l.taught[e.ID] = e
		if _, ok := l.shipped[e.ID]; ok {
			log.Info("a taught entry replaces the shipped entry with its id", "id", e.ID)
		}
	}
	for id := range l.shipped {
		if l.disabled[id] {
			if err := index.Remove(id); err != nil {
				return nil, err
			}
		}
	}
	for id, e := range l.taught {
		if l.disabled[id] {
			if err := index.Remove(id); err != nil {
				return nil, err
			}
			continue
		}
		if err := index.Put(e); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Items lists every entry: taught first (newest first), then shipped by id.
func (l *Library) Items() []Item {
	l.mu.Lock()
	defer l.mu.Unlock()
	var taught, shipped []Item
	for id, e := range l.taught {
		taught = append(taught, Item{Entry: e, Enabled: !l.disabled[id]})
	}
	for id, e := range l.shipped {
		_, shadowed := l.taught[id]
		shipped = append(shipped, Item{Entry: e, Enabled: !l.disabled[id] && !shadowed, Shadowed: shadowed})
	}
	sort.Slice(taught, func(i, j int) bool {
		a, b := taught[i].TaughtAt, taught[j].TaughtAt
		if a != nil && b != nil && !a.Equal(*b) {
			return a.After(*b)
		}
		return taught[i].ID < taught[j].ID
	})
	sort.Slice(shipped, func(i, j int) bool { return shipped[i].ID < shipped[j].ID })
	return append(taught, shipped...)
}

// Item returns one entry.
func (l *Library) Item(id string) (Item, error) {
	for _, it := range l.Items() {
		if it.ID == id && !it.Shadowed {
			return it, nil
		}
	}
	return Item{}, fmt.Errorf("knowledge entry %q: %w", id, domain.ErrNotFound)
}

// Taught returns the taught entries, for export.
func (l *Library) Taught() []domain.Entry {
	var out []domain.Entry
	for _, it := range l.Items() {
		if it.Taught {
			out = append(out, it.Entry)
		}
	}
	return out
}

// Lesson is what the operator teaches: a question and their answer.
type Lesson struct {
	Question  string   `json:"question"`
	Answer    string   `json:"answer"`
	Phrasings []string `json:"phrasings,omitempty"`
	Detail    string   `json:"detail,omitempty"`
	Author    string   `json:"author,omitempty"`
	Thread    uint64   `json:"thread,omitempty"`
}

// Limits of a taught entry.
const (
	maxQuestion = 500
	maxAnswer   = 306 // two GSM-7 segments
)

// check cleans a lesson and says what is wrong with it, as domain.ErrInvalid.
func check(ls Lesson) (Lesson, error) {
	ls.Question = strings.TrimSpace(strings.Join(strings.Fields(ls.Question), " "))
	ls.Answer = strings.TrimSpace(gsm.Transliterate(ls.Answer))
	ls.Detail = strings.TrimSpace(gsm.Transliterate(ls.Detail))
	var phr []string
	for _, p := range ls.Phrasings {
		if p = strings.TrimSpace(p); p != "" {
			phr = append(phr, p)
		}
	}
	ls.Phrasings = phr
	var problems []string
	switch {
	case ls.Question == "":
		problems = append(problems, "the question is empty")
	case len([]rune(ls.Question)) > maxQuestion:
		problems = append(problems, fmt.Sprintf("the question is over %d characters", maxQuestion))
	}
	if ls.Answer == "" {
		problems = append(problems, "the answer is empty")
	} else {
		if bad := nonBasic(ls.Answer + ls.Detail); bad != "" {
			problems = append(problems, "use plain GSM-7 characters (these would make every text cost double or more): "+bad)
		}
		if n := gsm.Measure(ls.Answer).Units; n > maxAnswer {
			problems = append(problems, fmt.Sprintf("the answer is %d characters; keep it to %d so it fits two texts", n, maxAnswer))
		}
	}
	if len(problems) > 0 {
		return ls, fmt.Errorf("%s: %w", strings.Join(problems, "; "), domain.ErrInvalid)
	}
	return ls, nil
}

func nonBasic(s string) string {
	var bad []string
	seen := map[rune]bool{}
	for _, r := range s {
		if !gsm.InBasic(r) && !seen[r] {
			seen[r] = true
			bad = append(bad, string(r))
		}
	}
	return strings.Join(bad, " ")
}

// Teach stores a new taught entry and indexes it at once.
func (l *Library) Teach(ls Lesson) (domain.Entry, error) {
	ls, err := check(ls)
	if err != nil {
		return domain.Entry{}, err
	}
	n, err := l.store.NextTaughtID()
	if err != nil {
		return domain.Entry{}, err
	}
	now := l.now().UTC()
	slug := strings.Trim(l.slugRe.ReplaceAllString(strings.ToLower(ls.Question), "-"), "-")
	if len(slug) > 40 {
		slug = strings.TrimRight(slug[:40], "-")
	}
	e := domain.Entry{
		ID:       fmt.Sprintf("%s%d-%s", domain.TaughtPrefix, n, slug),
		Question: ls.Question, Phrasings: ls.Phrasings, Answer: ls.Answer, Detail: ls.Detail,
		Taught: true, Author: ls.Author, TaughtAt: &now, UpdatedAt: &now, Thread: ls.Thread,
	}
	e.ID = strings.TrimRight(e.ID, "-")
	e.Source = sourceOf(e)
	return e, l.save(e)
}

func sourceOf(e domain.Entry) string {
	src := "Taught by " + nonEmpty(e.Author, "the operator")
	if e.Thread != 0 {
		src += fmt.Sprintf(" from thread #%d", e.Thread)
	}
	if e.TaughtAt != nil {
		src += " on " + e.TaughtAt.Format("2006-01-02")
	}
	return src
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// Edit changes a taught entry's question, answer, phrasings and detail.
func (l *Library) Edit(id string, ls Lesson) (domain.Entry, error) {
	l.mu.Lock()
	e, ok := l.taught[id]
	l.mu.Unlock()
	if !ok {
		if _, shipped := l.shipped[id]; shipped {
			return domain.Entry{}, fmt.Errorf("%s is shipped with the binary: edit its file in knowledge/ instead: %w", id, domain.ErrInvalid)
		}
		return domain.Entry{}, fmt.Errorf("knowledge entry %q: %w", id, domain.ErrNotFound)
	}
	ls, err := check(ls)
	if err != nil {
		return domain.Entry{}, err
	}
	now := l.now().UTC()
	e.Question, e.Answer, e.Phrasings, e.Detail, e.UpdatedAt = ls.Question, ls.Answer, ls.Phrasings, ls.Detail, &now
	return e, l.save(e)
}

func (l *Library) save(e domain.Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.store.PutTaught(e); err != nil {
		return err
	}
	l.taught[e.ID] = e
	if l.disabled[e.ID] {
		return nil
	}
	if err := l.index.Put(e); err != nil {
		return fmt.Errorf("index taught entry: %w", err)
	}
	l.log.Info("knowledge taught", "id", e.ID, "author", e.Author)
	return nil
}

// SetEnabled switches an entry on or off; off, the line never answers with it.
func (l *Library) SetEnabled(id string, enabled bool) (Item, error) {
	l.mu.Lock()
	e, taught := l.taught[id]
	if !taught {
		var ok bool
		if e, ok = l.shipped[id]; !ok {
			l.mu.Unlock()
			return Item{}, fmt.Errorf("knowledge entry %q: %w", id, domain.ErrNotFound)
		}
	}
	err := l.store.SetEntryEnabled(id, enabled)
	if err == nil {
		if enabled {
			delete(l.disabled, id)
			err = l.index.Put(e)
		} else {
			l.disabled[id] = true
			err = l.index.Remove(id)
		}
	}
	l.mu.Unlock()
	if err != nil {
		return Item{}, fmt.Errorf("switch %s: %w", id, err)
	}
	return l.Item(id)
}

// Delete removes a taught entry (shipped entries can only be switched off).
func (l *Library) Delete(id string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.taught[id]; !ok {
		return fmt.Errorf("taught entry %q: %w", id, domain.ErrNotFound)
	}
	if err := l.store.DeleteTaught(id); err != nil {
		return err
	}
	delete(l.taught, id)
	if shipped, ok := l.shipped[id]; ok && !l.disabled[id] {
		return l.index.Put(shipped)
	}
	if err := l.index.Remove(id); err != nil {
		return err
	}
	return nil
}
