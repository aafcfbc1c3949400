// Package console is the operator's web console at /console: the queue, whole
// conversations, replies, the knowledge base and settings, server-rendered with
// html/template, behind a login with sessions and CSRF protection.
package console
