package domain

import "testing"

func TestNextStatus(t *testing.T) {
	tests := []struct{ current, next, want string }{
		{"", "queued", "queued"},
		{"queued", "sent", "sent"},
		{"sent", "queued", "sent"},
		{"sent", "delivered", "delivered"},
		{"delivered", "sent", "delivered"},
		{"delivered", "sending", "delivered"},
		{"failed", "sent", "failed"},
		{"undelivered", "delivered", "undelivered"},
		{"delivered", "read", "read"},
		{"queued", "made-up", "queued"},
		{"sending", "failed", "failed"},
	}
	for _, tt := range tests {
		if got := NextStatus(tt.current, tt.next); got != tt.want {
			t.Errorf("NextStatus(%q, %q) = %q, want %q", tt.current, tt.next, got, tt.want)
		}
	}
}
