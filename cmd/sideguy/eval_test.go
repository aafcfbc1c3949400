package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/sideguy/sideguy-text/internal/eval"
)

// floors are what the line reached on a question set; the test fails when a
// change slides below them.
type floors struct {
	inScopeCorrect float64 // share of in-scope questions answered correctly
	outHeld        float64 // share of out-of-scope questions escalated
	maxWrongShare  float64 // wrong answers as a share of all questions
	smallTalk      float64 // share of small talk answered in kind
}

func checkFloors(t *testing.T, file string, f floors) {
	t.Helper()
	cases, err := eval.Load(os.DirFS("../../knowledge/eval"), file)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := runEval(context.Background(), "", tuning{}, cases)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s:\n%s", file, rep.Summary())
	if got := rep.InScope.Rate(rep.InScope.Correct); got < f.inScopeCorrect {
		t.Errorf("%s: in-scope answered correctly %.3f, want at least %.3f", file, got, f.inScopeCorrect)
	}
	if got := rep.OutOfScope.Rate(rep.OutOfScope.Correct); got < f.outHeld {
		t.Errorf("%s: out-of-scope escalated %.3f, want at least %.3f", file, got, f.outHeld)
	}
	if got := rep.Overall.Rate(rep.Overall.Wrong); got > f.maxWrongShare {
		t.Errorf("%s: wrong answers %.3f of all, want at most %.3f", file, got, f.maxWrongShare)
	}
	if got := rep.SmallTalk.Rate(rep.SmallTalk.Correct); got < f.smallTalk {
		t.Errorf("%s: small talk answered in kind %.3f, want at least %.3f", file, got, f.smallTalk)
	}
	if rep.MaxSegments > 2 {
		t.Errorf("%s: a reply took %d segments, want at most 2", file, rep.MaxSegments)
	}
}

// TestDevSet: the development set, tuned on and learned from (the model has
// seen these very texts, so its figures flatter). Floors at what the line
// reached.
func TestDevSet(t *testing.T) {
	cases, _ := eval.Load(os.DirFS("../../knowledge/eval"), "dev.yaml")
	if len(cases) < 200 {
		t.Fatalf("development set has %d questions, want at least 200", len(cases))
	}
	checkFloors(t, "dev.yaml", floors{inScopeCorrect: 10305.0 / 10677, outHeld: 4488.0 / 4513, maxWrongShare: 82.0 / 16160, smallTalk: 955.0 / 970})
}

// TestCheckSet: the held-out fifth, never tuned on. Floors at what it reached.
// The rules alone give 0 wrong here; the learned model's answers and vetoes
// move by a text as the development set it learns from grows (session 10:
// 2 wrong, 3 once rounds GA-GD and GI-GL joined it, 2 again with GQ-GT).
func TestCheckSet(t *testing.T) {
	checkFloors(t, "check.yaml", floors{inScopeCorrect: 36.0 / 39, outHeld: 18.0 / 18, maxWrongShare: 2.0 / 60, smallTalk: 1})
}

// TestHeldOutSet: sets D, F and G, written blind after the tuning rounds and
// never tuned on. Floors at what the line reached on them. The rules alone
// give 137/149 and 3 wrong; with the model it was 141/149 and 2 wrong before
// session 10's rounds joined the development set, 140 and 3 wrong after
// some of them, 140 and 2 wrong with all.
func TestHeldOutSet(t *testing.T) {
	checkFloors(t, "heldout.yaml", floors{inScopeCorrect: 140.0 / 149, outHeld: 61.0 / 61, maxWrongShare: 2.0 / 225, smallTalk: 15.0 / 15})
}

// TestUnseenSet: sets L and M (written blind in session 3), CM-CP (session 6),
// DG-DJ (session 7), DS-DV, EE-EH and EM-EP (session 8), EU-EX, FC-FF, FK-FN and FS-FV (session 9),
// GE-GH, GM-GP and GU-GX (session 10),
// never tuned on and their misses never read. Floors
// at what the line reached on them.
func TestUnseenSet(t *testing.T) {
	checkFloors(t, "unseen.yaml", floors{inScopeCorrect: 3181.0 / 3341, outHeld: 1336.0 / 1359, maxWrongShare: 53.0 / 5000, smallTalk: 288.0 / 300})
}

// writeDevPart writes the development set's first n questions to file, as
// a question file of its own.
func writeDevPart(t *testing.T, file string, n int) {
	t.Helper()
	cases, err := eval.Load(os.DirFS("../../knowledge/eval"), "dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := yaml.Marshal(map[string][]eval.Case{"questions": cases[:n]})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// eval --folds answers each part of a file with a model learned from the
// other parts, beside the rules alone: both runs count every question once.
func TestEvalFolds(t *testing.T) {
	file := filepath.Join(t.TempDir(), "part.yaml")
	writeDevPart(t, file, 90)
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(nil)}
	if code := m.Run(context.Background(), []string{"eval", "--json", "--folds", "3", file}); code != 0 {
		t.Fatalf("eval --folds 3: exit %d, %s", code, out.String())
	}
	var reps map[string]eval.Report
	if err := json.Unmarshal(out.Bytes(), &reps); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	for _, name := range []string{"rules", "learned"} {
		if got := reps[name].Overall.Total; got != 90 {
			t.Errorf("%s: %d questions counted, want 90", name, got)
		}
	}
	if reps["rules"].InScope.Total != reps["learned"].InScope.Total || reps["rules"].InScope.Total == 0 {
		t.Errorf("in scope: rules %d, learned %d", reps["rules"].InScope.Total, reps["learned"].InScope.Total)
	}
	for _, args := range [][]string{{"--folds", "1"}, {"--folds", "91"}, {"--folds", "3", "--min-learned", "1"}} {
		out.Reset()
		if code := m.Run(context.Background(), append(append([]string{"eval"}, args...), file)); code == 0 || !strings.Contains(out.String(), "--folds") {
			t.Errorf("eval %v: exit %d, %s", args, code, out.String())
		}
	}
}

// eval --sweep runs a file at every threshold from 0.40 to 0.90: a higher
// threshold answers no more of it, right or wrong.
func TestEvalSweep(t *testing.T) {
	var out bytes.Buffer
	m := &Main{Stdout: &out, Stderr: &out, Getenv: envFunc(nil)}
	if code := m.Run(context.Background(), []string{"eval", "--json", "--sweep", "../../knowledge/eval/check.yaml"}); code != 0 {
		t.Fatalf("eval --sweep: exit %d, %s", code, out.String())
	}
	var points []sweepPoint
	if err := json.Unmarshal(out.Bytes(), &points); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if len(points) != 11 || points[0].MinConfidence != 0.4 || points[10].MinConfidence != 0.9 {
		t.Fatalf("points %+v, want 0.40 to 0.90 by 0.05", points)
	}
	for i := 1; i < len(points); i++ {
		if points[i].InScopeRight > points[i-1].InScopeRight || points[i].Wrong > points[i-1].Wrong {
			t.Errorf("at %.2f: %+v, more than at %.2f: %+v", points[i].MinConfidence, points[i], points[i-1].MinConfidence, points[i-1])
		}
	}
	if points[0].InScopeRight == points[10].InScopeRight {
		t.Errorf("the threshold changes nothing: %+v", points)
	}
}
