package classify

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// Example is one labelled text: its features (see Features), and the
// classes that are right for it (an entry id, "escalate", "smalltalk"); a text
// several classes answer spreads its weight over them.
type Example struct {
	Features []string
	// Hashed stands in for Features when they were hashed already (Hash):
	// thousands of texts' features as numbers rather than strings.
	Hashed []uint32
	Labels []string
}

// Hash hashes features as Train and Predict do, before they are folded into
// a model's feature space.
func Hash(features []string) []uint32 {
	out := make([]uint32, len(features))
	for i, f := range features {
		out[i] = hash(f)
	}
	return out
}

// Options tune training.
type Options struct {
	// Bits is the size of the hashed feature space (2^Bits).
	Bits int
	// Epochs over the examples.
	Epochs int
	// Rate is the first learning rate; it falls as 1/(1+t/len).
	Rate float64
	// L2 is the weight decay per step.
	L2 float64
	// Seed orders the examples.
	Seed uint64
}

// DefaultOptions train a model in about a second on eight thousand texts.
// They were chosen on knowledge/eval/dev.yaml, training on some of its sets
// and testing on the rest, and on a blind round written after it: 2^16
// features and 6 epochs decide as 2^18 and 12 do, in half the time.
func DefaultOptions() Options {
	return Options{Bits: 16, Epochs: 6, Rate: 1, L2: 1e-6, Seed: 1}
}

// Model is a multinomial logistic regression over hashed features.
type Model struct {
	classes []string
	mask    uint32
	w       []float32 // feature-major: w[f*len(classes)+c]
	b       []float32
}

// Guess is a class and its probability.
type Guess struct {
	Class string
	P     float64
}

// hash is 32-bit FNV-1a, written out so that hashing a feature allocates
// nothing (hash/fnv's would, once per feature of every text).
func hash(f string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(f); i++ {
		h ^= uint32(f[i])
		h *= 16777619
	}
	return h
}

// Train fits a model to the examples.
func Train(examples []Example, o Options) *Model {
	idx := map[string]int{}
	var classes []string
	for _, e := range examples {
		for _, l := range e.Labels {
			if _, ok := idx[l]; !ok {
				idx[l] = len(classes)
				classes = append(classes, l)
			}
		}
	}
	k := len(classes)
	m := &Model{classes: classes, mask: uint32(1)<<o.Bits - 1}
	m.w = make([]float32, (1<<o.Bits)*k)
	m.b = make([]float32, k)
	type ex struct {
		feats  []uint32
		target []float64
	}
	data := make([]ex, 0, len(examples))
	for _, e := range examples {
		if len(e.Labels) == 0 {
			continue
		}
		t := make([]float64, k)
		for _, l := range e.Labels {
			t[idx[l]] += 1 / float64(len(e.Labels))
		}
		feats := m.hashed(e.Features)
		if e.Features == nil {
			feats = make([]uint32, len(e.Hashed))
			for i, h := range e.Hashed {
				feats[i] = h & m.mask
			}
		}
		data = append(data, ex{feats: feats, target: t})
	}
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	p, grad := make([]float64, k), make([]float64, k)
	active := make([]int, 0, k)
	step := 0
	for epoch := 0; epoch < o.Epochs; epoch++ {
		r.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		for _, d := range data {
			rate := o.Rate / (1 + float64(step)/float64(len(data)))
			step++
			m.probs(d.feats, p)
			scale := 1 / math.Sqrt(float64(max(1, len(d.feats))))
			active = active[:0]
			for c := 0; c < k; c++ {
				g := p[c] - d.target[c]
				if math.Abs(g) < 1e-3 {
					// A class already this far from the example moves too
					// little to be worth the step (and it keeps training fast).
					continue
				}
				m.b[c] -= float32(rate * g)
				active = append(active, c)
				grad[c] = g
			}
			// Feature by feature, each row's classes side by side in
			// memory; every weight takes the same steps in the same order
			// as class by class.
			for _, f := range d.feats {
				row := m.w[int(f)*k : int(f)*k+k]
				for _, c := range active {
					row[c] -= float32(rate * (grad[c]*scale + o.L2*float64(row[c])))
				}
			}
		}
	}
	return m
}

func (m *Model) hashed(features []string) []uint32 {
	out := make([]uint32, 0, len(features))
	for _, f := range features {
		out = append(out, hash(f)&m.mask)
	}
	return out
}

// probs fills p with the class probabilities of hashed features.
func (m *Model) probs(feats []uint32, p []float64) {
	k := len(m.classes)
	scale := 1 / math.Sqrt(float64(max(1, len(feats))))
	for c := 0; c < k; c++ {
		p[c] = float64(m.b[c])
	}
	for _, f := range feats {
		row := m.w[int(f)*k : int(f)*k+k]
		for c := 0; c < k; c++ {
			p[c] += float64(row[c]) * scale
		}
	}
	mx := math.Inf(-1)
	for _, v := range p {
		mx = max(mx, v)
	}
	sum := 0.0
	for c := range p {
		p[c] = math.Exp(p[c] - mx)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
}

// Predict returns every class with its probability, likeliest first.
func (m *Model) Predict(features []string) []Guess {
	p := make([]float64, len(m.classes))
	m.probs(m.hashed(features), p)
	out := make([]Guess, len(p))
	for c, v := range p {
		out[c] = Guess{Class: m.classes[c], P: v}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].P > out[j].P })
	return out
}

// Features are a normalised text's words, its word pairs and the letter
// runs inside each word (which carry typos).
func Features(norm string) []string {
	words := strings.Fields(norm)
	var out []string
	prev := "^"
	for _, w := range words {
		out = append(out, "w:"+w, "b:"+prev+"_"+w)
		prev = w
		s := "<" + w + ">"
		rs := []rune(s)
		for n := 3; n <= 4; n++ {
			for i := 0; i+n <= len(rs); i++ {
				out = append(out, "c:"+string(rs[i:i+n]))
			}
		}
	}
	out = append(out, "b:"+prev+"_$")
	return out
}
