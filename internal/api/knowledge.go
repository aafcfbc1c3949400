package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/sideguy/sideguy-text/internal/domain"
	"github.com/sideguy/sideguy-text/internal/library"
)

// Library is the live knowledge base.
type Library interface {
	Items() []library.Item
	Item(id string) (library.Item, error)
	Teach(ls library.Lesson) (domain.Entry, error)
	Edit(id string, ls library.Lesson) (domain.Entry, error)
	SetEnabled(id string, enabled bool) (library.Item, error)
	Delete(id string) error
}

func (a *API) registerKnowledge(g *echo.Group) {
	g.GET("/knowledge", a.listKnowledge)
	g.POST("/knowledge", a.teach)
	g.GET("/knowledge/:id", a.getKnowledge)
	g.PUT("/knowledge/:id", a.editKnowledge)
	g.DELETE("/knowledge/:id", a.deleteKnowledge)
	g.POST("/knowledge/:id/enable", a.switchKnowledge(true))
	g.POST("/knowledge/:id/disable", a.switchKnowledge(false))
}

// listKnowledge lists every entry; ?taught=1 only what the operator taught.
func (a *API) listKnowledge(c echo.Context) error {
	items := a.library.Items()
	if c.QueryParam("taught") != "" {
		var taught []library.Item
		for _, it := range items {
			if it.Taught {
				taught = append(taught, it)
			}
		}
		items = taught
	}
	if items == nil {
		items = []library.Item{}
	}
	return c.JSON(http.StatusOK, map[string]any{"entries": items})
}

func (a *API) getKnowledge(c echo.Context) error {
	it, err := a.library.Item(c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, it)
}

func bindLesson(c echo.Context) (library.Lesson, error) {
	var ls library.Lesson
	if err := c.Bind(&ls); err != nil {
		return ls, echo.NewHTTPError(http.StatusBadRequest, `send JSON like {"question": "...", "answer": "..."}`)
	}
	if ls.Author == "" {
		ls.Author = "operator"
	}
	return ls, nil
}

// teach stores a taught entry; the line answers with it from the next text on.
func (a *API) teach(c echo.Context) error {
	ls, err := bindLesson(c)
	if err != nil {
		return err
	}
	e, err := a.library.Teach(ls)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, e)
}

func (a *API) editKnowledge(c echo.Context) error {
	ls, err := bindLesson(c)
	if err != nil {
		return err
	}
	e, err := a.library.Edit(c.Param("id"), ls)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, e)
}

func (a *API) deleteKnowledge(c echo.Context) error {
	if err := a.library.Delete(c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (a *API) switchKnowledge(enabled bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		it, err := a.library.SetEnabled(c.Param("id"), enabled)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, it)
	}
}
