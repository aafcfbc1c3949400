package classify_test

import (
	"math"
	"strings"
	"testing"

	"github.com/sideguy/sideguy-text/internal/classify"
)

func examples() []classify.Example {
	var out []classify.Example
	add := func(label string, texts ...string) {
		for _, t := range texts {
			out = append(out, classify.Example{Features: classify.Features(t), Labels: strings.Split(label, "|")})
		}
	}
	add("soa", "what is a soa", "whats the statement of applicability", "do we need a soa", "soa meaning", "explain the soa document")
	add("type", "type 1 vs type 2", "difference between type 1 and type 2", "what is a type 2 report", "type i or type ii", "is type 2 better")
	add("escalate", "how much does it cost", "what does an audit cost", "can we schedule a call", "price of iso", "how long does it take")
	add("soa|type", "soa or type 2 first")
	return out
}

func TestPredictsLabelOfUnseenWording(t *testing.T) {
	m := classify.Train(examples(), classify.DefaultOptions())
	for text, want := range map[string]string{
		"wats a statment of aplicability": "soa",
		"type one versus type two":        "type",
		"whats the cost of an audit":      "escalate",
	} {
		got := m.Predict(classify.Features(text))
		if got[0].Class != want {
			t.Errorf("%q: got %s (%.2f), want %s", text, got[0].Class, got[0].P, want)
		}
	}
}

func TestProbabilitiesAreADistribution(t *testing.T) {
	m := classify.Train(examples(), classify.DefaultOptions())
	got := m.Predict(classify.Features("soa"))
	if len(got) != 3 {
		t.Fatalf("got %d classes, want 3: %v", len(got), got)
	}
	sum := 0.0
	for i, g := range got {
		sum += g.P
		if i > 0 && g.P > got[i-1].P {
			t.Errorf("not likeliest first: %v", got)
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("probabilities sum to %f", sum)
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	a := classify.Train(examples(), classify.DefaultOptions()).Predict(classify.Features("is a soa a type 2 thing"))
	b := classify.Train(examples(), classify.DefaultOptions()).Predict(classify.Features("is a soa a type 2 thing"))
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("two trainings differ: %v and %v", a, b)
		}
	}
}

func TestFeaturesCarryWordsPairsAndLetterRuns(t *testing.T) {
	f := strings.Join(classify.Features("soa meaning"), " ")
	for _, want := range []string{"w:soa", "b:soa_meaning", "b:^_soa", "c:<so", "c:ing>"} {
		if !strings.Contains(f, want) {
			t.Errorf("features %q lack %q", f, want)
		}
	}
	if classify.Features("") == nil {
		t.Error("an empty text has no features at all; want the end-of-text pair")
	}
}

// Examples hashed beforehand train the same model as their features.
func TestHashedExamplesTrainTheSameModel(t *testing.T) {
	var hashed []classify.Example
	for _, e := range examples() {
		hashed = append(hashed, classify.Example{Hashed: classify.Hash(e.Features), Labels: e.Labels})
	}
	q := classify.Features("is a soa a type 2 thing")
	a := classify.Train(examples(), classify.DefaultOptions()).Predict(q)
	b := classify.Train(hashed, classify.DefaultOptions()).Predict(q)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("from features %v, from hashes %v", a, b)
		}
	}
}
