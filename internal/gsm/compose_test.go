package gsm

import (
	"strings"
	"testing"
)

func TestCompose(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SOC 2 → ISO — it’s “easy”…", `SOC 2 -> ISO - it's "easy"...`},
		{"a\u00a0b\u2009c\u200bd", "a b cd"},
		{"Thanks 🙏 — see you", "Thanks 🙏 — see you"}, // truly Unicode: left as written
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Compose(tt.in); got != tt.want {
			t.Errorf("Compose(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Measure(Compose("SOC 2 → ISO 27001: it’s 80%")); got.Encoding != GSM7 {
		t.Errorf("composed text is %s", got.Encoding)
	}
}

func TestPage(t *testing.T) {
	short := "Roughly 80% at the control level."
	if first, rest := Page(short); first != short || rest != "" {
		t.Errorf("short text paged: %q %q", first, rest)
	}
	long := strings.Repeat("This sentence is about SOC 2 and ISO. ", 20)
	first, rest := Page(long)
	if Measure(first).Segments > 2 || !strings.HasSuffix(first, MoreSuffix) || rest == "" {
		t.Errorf("first part %q (%d segments), rest %q", first, Measure(first).Segments, rest)
	}
	if !strings.HasSuffix(strings.TrimSuffix(first, MoreSuffix), ".") {
		t.Errorf("first part not cut at a sentence: %q", first)
	}
	if got := strings.TrimSuffix(first, MoreSuffix) + " " + rest; strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(long), " ") {
		t.Error("paging lost or changed words")
	}
	// Extension characters count twice.
	ext := strings.Repeat("{x} ", 100)
	if first, _ := Page(ext); Measure(first).Segments > 2 {
		t.Errorf("extension-heavy first part is %d segments", Measure(first).Segments)
	}
	uni := strings.Repeat("日本語のテキスト。", 30)
	if first, rest := Page(uni); Measure(first).Segments > 2 || rest == "" {
		t.Errorf("UCS-2 first part is %d segments", Measure(first).Segments)
	}
}
