package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
)

type knowledgeData struct {
	Items         []library.Item
	Taught, Total int
	Off           int
}

func (c *Console) knowledge(ec echo.Context) error {
	d := knowledgeData{Items: c.cfg.Library.Items()}
	for _, it := range d.Items {
		d.Total++
		if it.Taught {
			d.Taught++
		}
		if !it.Enabled && !it.Shadowed {
			d.Off++
		}
	}
	return c.render(ec, "knowledge", page{Title: "Knowledge", Nav: "knowledge", Data: d})
}

type entryData struct {
	Item      library.Item
	Phrasings string
}

func (c *Console) entry(ec echo.Context) error {
	it, err := c.cfg.Library.Item(ec.Param("eid"))
	if err != nil {
		return c.notFound(ec, err)
	}
	return c.render(ec, "entry", page{Title: it.ID, Nav: "knowledge",
		Data: entryData{Item: it, Phrasings: strings.Join(it.Phrasings, "\n")}})
}

func entryURL(id string) string { return Prefix + "/knowledge/" + id }

func (c *Console) editEntry(ec echo.Context) error {
	id := ec.Param("eid")
	it, err := c.cfg.Library.Item(id)
	if err != nil {
		return c.notFound(ec, err)
	}
	ls, phrasings := lessonFrom(ec)
	if _, err := c.cfg.Library.Edit(id, ls); err != nil {
		if !errors.Is(err, domain.ErrInvalid) {
			return c.notFound(ec, err)
		}
		it.Question, it.Answer, it.Detail = ls.Question, ls.Answer, ls.Detail
		return c.render(ec, "entry", page{Title: id, Nav: "knowledge", Status: http.StatusBadRequest,
			Error: strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error()) + ".",
			Data:  entryData{Item: it, Phrasings: phrasings}})
	}
	return c.back(ec, entryURL(id), "Saved. The line uses the new words from now on.")
}

func (c *Console) switchEntry(enabled bool) echo.HandlerFunc {
	return func(ec echo.Context) error {
		id := ec.Param("eid")
		if _, err := c.cfg.Library.SetEnabled(id, enabled); err != nil {
			return c.notFound(ec, err)
		}
		msg := "Switched off: the line no longer answers with " + id + "."
		if enabled {
			msg = "Switched on: the line answers with " + id + " again."
		}
		to := Prefix + "/knowledge"
		if ec.FormValue("from") == "entry" {
			to = entryURL(id)
		}
		return c.back(ec, to, msg)
	}
}

func (c *Console) deleteEntry(ec echo.Context) error {
	id := ec.Param("eid")
	if err := c.cfg.Library.Delete(id); err != nil {
		return c.notFound(ec, err)
	}
	return c.back(ec, Prefix+"/knowledge", "Deleted "+id+".")
}

type settingsData struct {
	Settings     domain.Settings
	Hours        string
	HoursDefault bool
	Expect       string
	Limits       LimitsInfo
	SentToday    int
}

func (c *Console) settings(ec echo.Context) error {
	return c.showSettings(ec, "", http.StatusOK)
}

func (c *Console) showSettings(ec echo.Context, msg string, status int) error {
	s, err := c.cfg.Operator.Settings()
	if err != nil {
		return err
	}
	expect, _ := c.cfg.Operator.Expectation()
	d := settingsData{Settings: s, Hours: c.cfg.Operator.HoursInForce(), HoursDefault: s.Hours == "", Expect: expect, Limits: c.cfg.Limits}
	if c.cfg.Limits.SentToday != nil {
		d.SentToday, _ = c.cfg.Limits.SentToday()
	}
	return c.render(ec, "settings", page{Title: "Settings", Nav: "settings", Data: d, Error: msg, Status: status})
}

// saveSettings handles the settings page's forms; "action" says which.
func (c *Console) saveSettings(ec echo.Context) error {
	var err error
	msg := "Saved."
	switch ec.FormValue("action") {
	case "hours":
		_, err = c.cfg.Operator.SetHours(ec.FormValue("hours"))
		msg = "Office hours saved."
	case "away":
		_, err = c.cfg.Operator.Away(ec.FormValue("until"))
		msg = "Away switch on."
	case "back":
		_, err = c.cfg.Operator.Back()
		msg = "Welcome back."
	case "pause":
		_, err = c.cfg.Operator.SetPaused(true)
		msg = "The line is paused: every text comes to you."
	case "resume":
		_, err = c.cfg.Operator.SetPaused(false)
		msg = "The line answers again."
	default:
		return c.showSettings(ec, "Unknown setting.", http.StatusBadRequest)
	}
	if errors.Is(err, domain.ErrInvalid) {
		return c.showSettings(ec, strings.TrimSuffix(err.Error(), ": "+domain.ErrInvalid.Error())+".", http.StatusBadRequest)
	}
	if err != nil {
		return err
	}
	return c.back(ec, Prefix+"/settings", msg)
}
