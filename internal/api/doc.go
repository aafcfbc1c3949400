// Package api is the operator's JSON API under /api/v1: list and read threads,
// resolve them. Every request needs the operator's bearer token.
package api
