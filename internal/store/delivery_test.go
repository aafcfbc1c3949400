package store_test

import (
	"path/filepath"
	"testing"

	"github.com/sideguy/sideguy-text/internal/domain"
)

// TestStatusBeforeTheSIDIsStored: Twilio can call back before we have written
// the SID its API returned; the status is applied once the SID is stored.
func TestStatusBeforeTheSIDIsStored(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "sideguy.db"))
	defer s.Close()
	inbound(t, s, "SM1", "+15550001111", "question", true)
	th, err := s.UpdateThread(1, func(th *domain.Thread) error {
		th.Record(domain.Message{Direction: domain.Out, Body: "reply", At: clock, Author: domain.AuthorOperator, Status: "sending"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	msg := th.Messages[len(th.Messages)-1]
	if _, found, err := s.ApplyStatus("SMearly", "delivered", 0); err != nil || found {
		t.Fatalf("early callback: found=%v err=%v, want unknown", found, err)
	}
	if _, found, _ := s.ApplyStatus("SMearly", "sent", 0); found {
		t.Fatal("found an unknown SID")
	}
	th, err = s.UpdateMessage(1, msg.ID, func(th *domain.Thread, m *domain.Message) error {
		m.SID, m.Status = "SMearly", "queued"
		th.LastSentID = m.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := th.Messages[len(th.Messages)-1]
	if got.SID != "SMearly" || got.Status != "delivered" {
		t.Errorf("message = %+v, want the early delivered status applied", got)
	}
	// Later callbacks find it directly, and failed flags the thread.
	th, found, err := s.ApplyStatus("SMearly", "failed", 30008)
	if err != nil || !found {
		t.Fatalf("found=%v err=%v", found, err)
	}
	if th.DeliveryProblem {
		t.Error("a final delivered status was replaced by failed")
	}
}
