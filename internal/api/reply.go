package api

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/gsm"
)

type replyRequest struct {
	Body string `json:"body"`
}

// sentMessage is a reply with what it costs.
type sentMessage struct {
	domain.Message
	Encoding gsm.Encoding `json:"encoding"`
	Segments int          `json:"segments"`
}

// reply sends the operator's reply. 400 for an empty or over-long body, 409 for
// an opted-out texter, 502 when Twilio refuses; the message is kept either way.
func (a *API) reply(c echo.Context) error {
	id, err := threadID(c)
	if err != nil {
		return err
	}
	var req replyRequest
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, `send JSON like {"body": "your reply"}`)
	}
	t, msg, err := a.operator.OperatorReply(c.Request().Context(), id, req.Body)
	var twErr *domain.SendError
	switch {
	case errors.Is(err, domain.ErrOptedOut):
		return echo.NewHTTPError(http.StatusConflict, "the texter has opted out; nothing was sent")
	case errors.As(err, &twErr):
		return c.JSON(http.StatusBadGateway, map[string]any{
			"error": "Twilio did not send the reply: " + twErr.Message, "code": twErr.Code, "thread": t,
		})
	case err != nil:
		return err
	}
	info := gsm.Measure(msg.Body)
	return c.JSON(http.StatusOK, map[string]any{
		"thread":  t,
		"message": sentMessage{Message: msg, Encoding: info.Encoding, Segments: info.Segments},
	})
}

type awayRequest struct {
	Until string `json:"until"`
}

func (a *API) settings(c echo.Context) error {
	s, err := a.store.Settings()
	if err != nil {
		return err
	}
	expect, err := a.operator.Expectation()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"away_until": s.AwayUntil, "texters_expect_reply": expect})
}

// away sets the away switch: {"until": "mon"} or an RFC 3339 time.
func (a *API) away(c echo.Context) error {
	var req awayRequest
	if err := c.Bind(&req); err != nil || req.Until == "" {
		return echo.NewHTTPError(http.StatusBadRequest, `send JSON like {"until": "mon"}`)
	}
	if _, err := a.operator.Away(req.Until); err != nil {
		return err
	}
	return a.settings(c)
}

func (a *API) back(c echo.Context) error {
	if _, err := a.operator.Back(); err != nil {
		return err
	}
	return a.settings(c)
}
