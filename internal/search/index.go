package search

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/lexicon"
	"github.com/sideguy/sideguy-text/internal/memo"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// doc is what bleve indexes: one per entry, its question, phrasings,
// keywords and answer, under the entry's ID. Bleve finds the entries that
// share a term with a question; the scorer below ranks them.
type doc struct {
	Entry string `json:"entry"`
	Text  string `json:"text"`
}

// termSet is a set of analysed (stemmed) terms.
type termSet map[string]bool

// phrasing is one way of asking an entry's question.
type phrasing struct {
	terms termSet
	// norm2 is the sum of its terms' squared weights, and bits its terms by
	// ID (see reweigh).
	norm2 float64
	bits  bitset
}

// indexed is an entry and what the scorer knows of it.
type indexed struct {
	entry     *domain.Entry
	phrasings []phrasing
	// vocab is every term of the entry's question, phrasings, keywords and
	// answer; vocabBits the same by term ID (see reweigh).
	vocab     termSet
	vocabBits bitset
	// words are the typo-correction words it added, so it can be taken out again.
	words []string
}

// Index searches the knowledge base. It is safe for concurrent use; entries
// can be added, replaced and removed while it serves (taught answers).
type Index struct {
	// mu guards everything below: searches read, Put and Remove write.
	mu       sync.RWMutex
	bleve    bleve.Index
	analyzer analysis.Analyzer
	norm     *textnorm.Normalizer
	entries  map[string]*indexed
	// df counts the entries whose vocabulary holds a term.
	df map[string]int
	// words are the normalised (unstemmed) words of the knowledge base, for
	// correcting typos.
	words map[string]int
	// filler are terms that carry no topic (customer, asked, …).
	filler termSet
	// generic are everyday words that say little about the topic when no
	// entry uses them (still, area, happen, …).
	generic termSet
	// anchors name a framework or one of its parts (soc2, annexa, isms, …): an
	// entry that does not know one the question names is about something else.
	anchors termSet
	// directions are the direction tokens (soc2toiso, ...).
	directions termSet
	// subjects are what a question can be on, beside the two frameworks:
	// the parts of one, the categories (isms, privacy, ...).
	subjects termSet
	// opposite pairs (analysed) direction tokens with the other way's:
	// soc2toiso with isotosoc2, soc2only with isoonly.
	opposite map[string]string
	// forms ask for the short form of something (summary, overview): with a
	// subject named, they weigh nothing.
	forms termSet
	// everyday are the filler and generic words as written, never taken for
	// typos.
	everyday map[string]bool
	// plain are the terms of common English words that name no subject
	// (lexicon): when no entry knows one, it weighs like a generic word, not
	// like a topic the knowledge base lacks ("inside", "older", "jump").
	plain termSet
	// weights are the weights of the terms some entry knows, and termIDs
	// their numbers for the scorer's bitsets, worked out again whenever an
	// entry comes or goes (reweigh).
	weights map[string]float64
	termIDs map[string]int32
	// dict are the typo-correction words by length, and near the shorter
	// ones by themselves and each of their deletions (rebuildDict).
	dict map[int][]dictWord
	near map[string][]dictWord
	// englishNear indexes common English words (lexicon) by themselves and
	// their deletions, for typos of words no entry uses ("teh",
	// "undrestand"); lex tells whether a word is one.
	english englishIndex
	// fixes remembers typo corrections by word (emptied with recent).
	fixes memo.Map[string, string]
	lex   *lexicon.Lexicon
	// recent remembers the latest searches: one decision searches the same
	// text several times (the question, its control IDs, a follow-up's
	// reading). Emptied whenever an entry comes or goes.
	recent memo.Map[string, Result]
	// generation counts the changes of entries (reweigh).
	generation uint64
}

// analyzerName is the analyzer of the index: bleve's English analyzer (possessives,
// lower case, stop words, Porter stems) with a stop list that keeps "who", so
// "who is this" still asks something.
const analyzerName = "sideguy"

// keptStopWords are English stop words that carry a question here.
var keptStopWords = map[string]bool{"who": true}

func addAnalyzer(m *mapping.IndexMappingImpl) error {
	stops := analysis.NewTokenMap()
	if err := stops.LoadBytes(en.EnglishStopWords); err != nil {
		return fmt.Errorf("load stop words: %w", err)
	}
	var tokens []interface{}
	for w := range stops {
		if !keptStopWords[w] {
			tokens = append(tokens, w)
		}
	}
	if err := m.AddCustomTokenMap(analyzerName+"_stop_words", map[string]interface{}{
		"type": tokenmap.Name, "tokens": tokens,
	}); err != nil {
		return err
	}
	if err := m.AddCustomTokenFilter(analyzerName+"_stop", map[string]interface{}{
		"type": stop.Name, "stop_token_map": analyzerName + "_stop_words",
	}); err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{en.PossessiveName, lowercase.Name, analyzerName + "_stop", porter.Name},
	})
}

// New builds an in-memory index of entries.
func New(entries []domain.Entry, norm *textnorm.Normalizer) (*Index, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzer(m); err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerName
	kw := bleve.NewKeywordFieldMapping()
	dm := bleve.NewDocumentMapping()
	dm.AddFieldMappingsAt("text", text)
	dm.AddFieldMappingsAt("entry", kw)
	dm.AddFieldMappingsAt("kind", kw)
	m.DefaultMapping = dm
	m.DefaultAnalyzer = analyzerName
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	ix := &Index{
		recent:   memo.Map[string, Result]{Bound: 512},
		fixes:    memo.Map[string, string]{Bound: 8192},
		bleve:    idx,
		analyzer: m.AnalyzerNamed(analyzerName),
		norm:     norm,
		entries:  map[string]*indexed{},
		df:       map[string]int{},
		words:    map[string]int{},
		weights:  map[string]float64{},
	}
	if ix.analyzer == nil {
		return nil, fmt.Errorf("create index: analyzer %q not found", analyzerName)
	}
	ix.filler = ix.terms(strings.Join(fillerWords, " "))
	ix.generic = ix.terms(strings.Join(genericWords, " "))
	ix.anchors = ix.terms(strings.Join(anchorWords, " "))
	ix.directions = ix.terms(strings.Join(directionWords, " "))
	ix.subjects = ix.terms(strings.Join(subjectWords, " "))
	ix.forms = ix.terms(strings.Join(formWords, " "))
	ix.opposite = map[string]string{}
	for _, p := range oppositeDirections {
		a, b := ix.term(p[0]), ix.term(p[1])
		ix.opposite[a], ix.opposite[b] = b, a
	}
	ix.everyday = map[string]bool{}
	for _, w := range append(append([]string{}, fillerWords...), genericWords...) {
		ix.everyday[w] = true
	}
	ix.lex = lexicon.New()
	ix.plain = plainTerms(ix)
	ix.buildEnglish()
	batch := idx.NewBatch()
	for i := range entries {
		if _, dup := ix.entries[entries[i].ID]; dup {
			return nil, fmt.Errorf("index knowledge: duplicate entry id %q", entries[i].ID)
		}
		if err := ix.add(batch, entries[i]); err != nil {
			return nil, err
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("index knowledge: %w", err)
	}
	ix.reweigh()
	return ix, nil
}

// reweigh works out every known term's weight, every phrasing's norm and
// the typo-correction words again: both depend on how many entries know each term, which changes when
// an entry comes or goes. The caller holds mu (or is New).
func (ix *Index) reweigh() {
	ix.generation++
	ix.recent.Reset()
	ix.fixes.Reset()
	ix.rebuildDict()
	clear(ix.weights)
	ix.termIDs = make(map[string]int32, len(ix.df))
	for t := range ix.df {
		ix.weights[t] = ix.computeWeight(t)
		ix.termIDs[t] = int32(len(ix.termIDs))
	}
	for _, it := range ix.entries {
		it.vocabBits = ix.bits(it.vocab)
		for i := range it.phrasings {
			p := &it.phrasings[i]
			p.norm2 = 0
			for _, t := range sortedTerms(p.terms) {
				w := ix.weight(t)
				p.norm2 += w * w
			}
			p.bits = ix.bits(p.terms)
		}
	}
}

// sortedTerms lists a term set in order, so sums over it come out the same
// every run.
func sortedTerms(ts termSet) []string {
	out := make([]string, 0, len(ts))
	for t := range ts {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// bits is a set of known terms by ID.
func (ix *Index) bits(ts termSet) bitset {
	b := make(bitset, (len(ix.termIDs)+63)/64)
	for t := range ts {
		if id, ok := ix.termIDs[t]; ok {
			b[id/64] |= 1 << (id % 64)
		}
	}
	return b
}

// termID is a term's number, or -1 for a term no entry knows.
func (ix *Index) termID(t string) int32 {
	if id, ok := ix.termIDs[t]; ok {
		return id
	}
	return -1
}

// bitset is a set of term IDs.
type bitset []uint64

// has reports whether id is in the set; -1 never is.
func (b bitset) has(id int32) bool {
	return id >= 0 && int(id/64) < len(b) && b[id/64]&(1<<(id%64)) != 0
}

// add indexes one entry into batch and the scorer's tables; the caller holds
// mu (or is New).
func (ix *Index) add(batch *bleve.Batch, e domain.Entry) error {
	it := &indexed{entry: &e, vocab: termSet{}}
	texts := append([]string{e.Question}, e.Phrasings...)
	var all []string
	for _, p := range texts {
		norm := ix.norm.Normalize(p)
		ts := ix.terms(norm)
		it.phrasings = append(it.phrasings, phrasing{terms: ts})
		for t := range ts {
			it.vocab[t] = true
		}
		it.words = append(it.words, ix.addWords(p)...)
		all = append(all, norm)
	}
	raw := strings.Join(e.Keywords, " ") + " . " + e.Answer
	extra := ix.norm.Normalize(raw)
	it.words = append(it.words, ix.addWords(raw)...)
	for t := range ix.terms(extra) {
		it.vocab[t] = true
	}
	all = append(all, extra)
	if err := batch.Index(e.ID, doc{Entry: e.ID, Text: strings.Join(all, " . ")}); err != nil {
		return fmt.Errorf("index %s: %w", e.ID, err)
	}
	for t := range it.vocab {
		ix.df[t]++
	}
	ix.entries[e.ID] = it
	return nil
}

// remove takes an entry out of batch and the scorer's tables; the caller holds mu.
func (ix *Index) remove(batch *bleve.Batch, id string) {
	it, ok := ix.entries[id]
	if !ok {
		return
	}
	batch.Delete(id)
	for t := range it.vocab {
		if ix.df[t]--; ix.df[t] <= 0 {
			delete(ix.df, t)
		}
	}
	for _, w := range it.words {
		if ix.words[w]--; ix.words[w] <= 0 {
			delete(ix.words, w)
		}
	}
	delete(ix.entries, id)
}

// Put adds an entry, or replaces the one with its id; the next search sees it.
func (ix *Index) Put(e domain.Entry) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	batch := ix.bleve.NewBatch()
	ix.remove(batch, e.ID)
	if err := ix.add(batch, e); err != nil {
		return err
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("index %s: %w", e.ID, err)
	}
	ix.reweigh()
	return nil
}

// Remove takes an entry out of the index; the line no longer answers with it.
func (ix *Index) Remove(id string) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	batch := ix.bleve.NewBatch()
	ix.remove(batch, id)
	if err := ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("unindex %s: %w", id, err)
	}
	ix.reweigh()
	return nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Entry returns the entry with the given id.
func (ix *Index) Entry(id string) (*domain.Entry, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	it, ok := ix.entries[id]
	if !ok {
		return nil, false
	}
	return it.entry, true
}

// Generation changes whenever an entry comes, changes or goes: what was
// decided on an earlier generation may be decided differently now.
func (ix *Index) Generation() uint64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.generation
}

// Len is the number of entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.entries)
}

// addWords adds the words of a knowledge text, both as written and
// normalised, to the words typos are corrected to, and returns them.
func (ix *Index) addWords(text string) []string {
	words := append(ix.norm.Words(text), textnorm.Tokens(ix.norm.Normalize(text))...)
	for _, w := range words {
		ix.words[w]++
	}
	return words
}

// term analyses one word.
func (ix *Index) term(w string) string {
	for t := range ix.terms(w) {
		return t
	}
	return w
}

// terms analyses normalised text into a set of stemmed terms, stop words removed.
func (ix *Index) terms(norm string) termSet {
	ts := termSet{}
	for _, tok := range ix.analyzer.Analyze([]byte(norm)) {
		ts[string(tok.Term)] = true
	}
	return ts
}

// Term weights.
const (
	// genericWeight is the weight of an everyday word no entry uses: it still
	// counts (the question says something the knowledge base does not), but
	// much less than a topic word no entry knows.
	genericWeight = 1.0
	// anchorWeight is the least weight of a framework name, however many
	// entries use it.
	anchorWeight = 1.5
	// directionWeight is the least weight of a direction token.
	directionWeight = 2.0
)

// weight is a term's inverse document frequency over entries. Terms no entry
// uses weigh like the rarest known term: they are what the question is about
// and the knowledge base does not cover. Everyday words, bare numbers and
// control IDs whose series the knowledge base knows weigh less; everyday words
// weigh little even when some entry uses them.
func (ix *Index) weight(t string) float64 {
	if w, ok := ix.weights[t]; ok {
		return w
	}
	return ix.computeWeight(t)
}

// computeWeight works out weight.
func (ix *Index) computeWeight(t string) float64 {
	if ix.filler[t] {
		return 0
	}
	df := ix.df[t]
	if df == 0 {
		if ix.generic[t] || ix.plain[t] || isNumber(t) || controlID.MatchString(t) {
			return genericWeight
		}
		return ix.maxWeight()
	}
	w := math.Log(1 + float64(len(ix.entries))/float64(df))
	if ix.generic[t] && w > genericWeight {
		// An everyday word says as little when an entry happens to use it.
		w = genericWeight
	}
	if ix.anchors[t] && w < anchorWeight {
		w = anchorWeight
	}
	if ix.directions[t] && w < directionWeight {
		w = directionWeight
	}
	return w
}

// Weights of a situation's words (see situation), set on the context
// questions of dev.yaml and on dev.yaml's questions with a situation put
// before them: toldFactor 0.5-0.7 and subjectBoost 1.5-2 decide alike there;
// unknownFactor 0.4 answers more than 0.6 or 1 and escalated the same
// out-of-scope texts.
const (
	// toldFactor scales the known words of the situation, but for the
	// frameworks and the direction of a move.
	toldFactor = 0.5
	// subjectBoost scales the subject a pointing question asks about.
	subjectBoost = 2.0
	// unknownFactor further scales the situation's words no entry knows:
	// they are told, not asked (unless the question points at them).
	unknownFactor = 0.4
	// backgroundFactor further scales the situation's words when the asking
	// sentence names its own subject ("... how does PI carry over into
	// Annex A?"): the situation is background to it.
	backgroundFactor = 0.5
)

// maxWeight is the weight of a term only one entry uses.
func (ix *Index) maxWeight() float64 { return math.Log(1 + float64(len(ix.entries))) }

// controlID matches a criterion or control ID (cc7.2, a.5.15, a.12.3.1); the
// normaliser adds its series (cc7, a.5), which carries the topic.
var controlID = regexp.MustCompile(`^[a-z]{1,2}\d?\.\d+(?:\.\d+)*$`)

// isNumber reports whether t is a figure that says little on its own: a small
// number (2, 10, 3.5), a percentage or a year. Longer numbers (27005) may name a
// standard and are not figures.
func isNumber(t string) bool {
	if t == "" {
		return false
	}
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' || r == '%':
		default:
			return false
		}
	}
	switch {
	case strings.HasSuffix(t, "%") || digits <= 3:
		return true
	case digits == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")):
		return true
	}
	return false
}
