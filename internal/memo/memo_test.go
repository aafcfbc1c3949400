package memo

import "testing"

func TestMapForgetsWhenFull(t *testing.T) {
	m := Map[string, int]{Bound: 2}
	m.Put("a", 1)
	m.Put("b", 2)
	if v, ok := m.Get("a"); !ok || v != 1 {
		t.Fatalf("a = %d, %v", v, ok)
	}
	m.Put("c", 3) // full: starts afresh
	if _, ok := m.Get("a"); ok {
		t.Error("a survived a full map")
	}
	if v, ok := m.Get("c"); !ok || v != 3 {
		t.Errorf("c = %d, %v", v, ok)
	}
	m.Reset()
	if _, ok := m.Get("c"); ok {
		t.Error("c survived Reset")
	}
}
