// Package server assembles the HTTP service: echo, its middleware, the health
// check, Twilio's webhooks and the operator API, and one error format.
package server
