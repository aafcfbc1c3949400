package webhooks

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// StatusPath is where Twilio posts delivery status callbacks.
const StatusPath = "/webhooks/twilio/status"

// Status records a delivery status callback. Callbacks arrive out of order; the
// store never lets an earlier status replace a final one. An unknown SID still
// gets 200 (Twilio would only retry or log an error) and is logged.
func (h *Handler) Status(c echo.Context) error {
	r := c.Request()
	if err := r.ParseForm(); err != nil {
		return c.String(http.StatusBadRequest, "malformed form body\n")
	}
	if !h.signed(r) {
		h.log.Warn("rejected status callback: missing or wrong X-Twilio-Signature", "remote", c.RealIP())
		return c.String(http.StatusForbidden, "invalid Twilio signature\n")
	}
	f := r.PostForm
	sid := first(f.Get("MessageSid"), f.Get("SmsSid"))
	status := first(f.Get("MessageStatus"), f.Get("SmsStatus"))
	if sid == "" || status == "" {
		return c.String(http.StatusBadRequest, "MessageSid and MessageStatus are required\n")
	}
	code, _ := strconv.Atoi(f.Get("ErrorCode"))
	if code != 0 && h.errors != nil {
		h.errors(code)
	}
	if h.deliveries == nil {
		h.log.Info("status callback", "sid", sid, "status", status, "error_code", code)
		return c.NoContent(http.StatusOK)
	}
	t, found, err := h.deliveries.ApplyStatus(sid, status, code)
	switch {
	case err != nil:
		h.log.Error("record status callback", "sid", sid, "err", err)
		return c.String(http.StatusInternalServerError, "could not record the status\n")
	case !found:
		h.log.Info("status callback for an unknown message SID; kept in case it is stored later", "sid", sid, "status", status)
	default:
		h.log.Info("delivery status", "sid", sid, "status", status, "error_code", code, "thread", t.ID)
	}
	return c.NoContent(http.StatusOK)
}
