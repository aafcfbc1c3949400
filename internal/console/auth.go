package console

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"
)

const (
	sessionCookie = "sideguy_session"
	loginCookie   = "sideguy_login"
)

func (c *Console) cookie(name, value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: Prefix, MaxAge: maxAge, HttpOnly: true,
		Secure: c.secure, SameSite: http.SameSiteStrictMode}
}

type loginData struct {
	Next        string
	HasPassword bool
}

// loginForm shows the login form. Its csrf field matches a cookie set here
// (double submit), so a login cannot be forged from another site.
func (c *Console) loginForm(ec echo.Context) error {
	if ss, ok := c.sessions.get(c.sessionID(ec)); ok {
		ec.Set("session", ss)
		return ec.Redirect(http.StatusSeeOther, Prefix)
	}
	return c.showLogin(ec, "", http.StatusOK)
}

func (c *Console) showLogin(ec echo.Context, msg string, status int) error {
	token := randomToken()
	ec.SetCookie(c.cookie(loginCookie, token, 3600))
	return c.render(ec, "login", page{Title: "Log in", CSRF: token, Error: msg, Status: status,
		Data: loginData{Next: safeNext(ec.QueryParam("next")), HasPassword: c.cfg.PasswordHash != ""}})
}

// login checks the form and starts a session: 303 to the console.
func (c *Console) login(ec echo.Context) error {
	ip := ec.RealIP()
	if !c.throttle.allowed(ip) {
		c.log.Warn("console login throttled", "remote", ip)
		return c.showLogin(ec, "Too many failed attempts. Wait a minute and try again.", http.StatusTooManyRequests)
	}
	cookie, err := ec.Cookie(loginCookie)
	if err != nil || !sameToken(ec.FormValue("csrf"), cookie.Value) {
		return c.showLogin(ec, "The form expired. Please try again.", http.StatusForbidden)
	}
	token := strings.TrimSpace(ec.FormValue("token"))
	password := ec.FormValue("password")
	ok := sameToken(token, c.cfg.Token)
	if !ok && password != "" && c.cfg.PasswordHash != "" {
		ok = bcrypt.CompareHashAndPassword([]byte(c.cfg.PasswordHash), []byte(password)) == nil
	}
	if !ok {
		c.throttle.failed(ip)
		c.log.Warn("console login failed", "remote", ip)
		return c.showLogin(ec, "That token or password is not right.", http.StatusUnauthorized)
	}
	id, _ := c.sessions.create()
	ec.SetCookie(c.cookie(sessionCookie, id, 0))
	ec.SetCookie(c.cookie(loginCookie, "", -1))
	c.log.Info("console login", "remote", ip)
	return ec.Redirect(http.StatusSeeOther, safeNext(ec.FormValue("next")))
}

func (c *Console) logout(ec echo.Context) error {
	c.sessions.delete(c.sessionID(ec))
	ec.SetCookie(c.cookie(sessionCookie, "", -1))
	return ec.Redirect(http.StatusSeeOther, Prefix+"/login")
}

func (c *Console) sessionID(ec echo.Context) string {
	ck, err := ec.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return ck.Value
}

// requireSession sends visitors without a live session to the login page.
func (c *Console) requireSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		ss, ok := c.sessions.get(c.sessionID(ec))
		if !ok {
			to := Prefix + "/login"
			if ec.Request().Method == http.MethodGet {
				to += "?next=" + urlQueryEscape(ec.Request().URL.RequestURI())
			}
			return ec.Redirect(http.StatusSeeOther, to)
		}
		ec.Set("session", ss)
		return next(ec)
	}
}

// checkCSRF refuses a state-changing request without the session's token.
func (c *Console) checkCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		switch ec.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(ec)
		}
		ss := ec.Get("session").(*session)
		if !sameToken(ec.FormValue("csrf"), ss.csrf) && !sameToken(ec.Request().Header.Get("X-CSRF-Token"), ss.csrf) {
			c.log.Warn("console request without a valid CSRF token", "path", ec.Request().URL.Path, "remote", ec.RealIP())
			return c.render(ec, "error", page{Title: "Refused", Status: http.StatusForbidden,
				Error: "This form is out of date or came from somewhere else. Go back, reload the page and try again."})
		}
		return next(ec)
	}
}
