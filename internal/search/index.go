package search

import (
	"fmt"
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/textnorm"
)

// doc is what bleve indexes: one per phrasing, and one per entry for its answer.
type doc struct {
	Entry string `json:"entry"`
	Text  string `json:"text"`
	Kind  string `json:"kind"`
}

// termSet is a set of analysed (stemmed) terms.
type termSet map[string]bool

// indexed is an entry and what the scorer knows of it.
type indexed struct {
	entry     *domain.Entry
	phrasings []termSet
	// vocab is every term of the entry's question, phrasings, keywords and answer.
	vocab termSet
}

// Index searches the knowledge base. It is safe for concurrent use.
type Index struct {
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
}

// New builds an in-memory index of entries.
func New(entries []domain.Entry, norm *textnorm.Normalizer) (*Index, error) {
	m := bleve.NewIndexMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	kw := bleve.NewKeywordFieldMapping()
	dm := bleve.NewDocumentMapping()
	dm.AddFieldMappingsAt("text", text)
	dm.AddFieldMappingsAt("entry", kw)
	dm.AddFieldMappingsAt("kind", kw)
	m.DefaultMapping = dm
	m.DefaultAnalyzer = en.AnalyzerName
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, fmt.Errorf("create index: %w", err)
	}
	ix := &Index{
		bleve:    idx,
		analyzer: m.AnalyzerNamed(en.AnalyzerName),
		norm:     norm,
		entries:  map[string]*indexed{},
		df:       map[string]int{},
		words:    map[string]int{},
	}
	if ix.analyzer == nil {
		return nil, fmt.Errorf("create index: analyzer %q not found", en.AnalyzerName)
	}
	ix.filler = ix.terms(strings.Join(fillerWords, " "))
	batch := idx.NewBatch()
	for i := range entries {
		e := &entries[i]
		it := &indexed{entry: e, vocab: termSet{}}
		texts := append([]string{e.Question}, e.Phrasings...)
		for j, p := range texts {
			norm := norm.Normalize(p)
			ts := ix.terms(norm)
			it.phrasings = append(it.phrasings, ts)
			for t := range ts {
				it.vocab[t] = true
			}
			ix.addWords(norm)
			if err := batch.Index(fmt.Sprintf("%s#%d", e.ID, j), doc{Entry: e.ID, Text: norm, Kind: "phrasing"}); err != nil {
				return nil, fmt.Errorf("index %s: %w", e.ID, err)
			}
		}
		extra := norm.Normalize(strings.Join(e.Keywords, " ") + " . " + e.Answer)
		ix.addWords(extra)
		for t := range ix.terms(extra) {
			it.vocab[t] = true
		}
		if err := batch.Index(e.ID+"#answer", doc{Entry: e.ID, Text: extra, Kind: "answer"}); err != nil {
			return nil, fmt.Errorf("index %s: %w", e.ID, err)
		}
		for t := range it.vocab {
			ix.df[t]++
		}
		ix.entries[e.ID] = it
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("index knowledge: %w", err)
	}
	return ix, nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Entry returns the entry with the given id.
func (ix *Index) Entry(id string) (*domain.Entry, bool) {
	it, ok := ix.entries[id]
	if !ok {
		return nil, false
	}
	return it.entry, true
}

// Len is the number of entries.
func (ix *Index) Len() int { return len(ix.entries) }

func (ix *Index) addWords(norm string) {
	for _, w := range textnorm.Tokens(norm) {
		ix.words[w]++
	}
}

// terms analyses normalised text into a set of stemmed terms, stop words removed.
func (ix *Index) terms(norm string) termSet {
	ts := termSet{}
	for _, tok := range ix.analyzer.Analyze([]byte(norm)) {
		ts[string(tok.Term)] = true
	}
	return ts
}

// weight is a term's inverse document frequency over entries. Terms no entry
// uses weigh like the rarest known term: they are what the question is about
// and the knowledge base does not cover.
func (ix *Index) weight(t string) float64 {
	if ix.filler[t] {
		return 0
	}
	df := ix.df[t]
	if df == 0 {
		df = 1
	}
	return math.Log(1 + float64(len(ix.entries))/float64(df))
}
