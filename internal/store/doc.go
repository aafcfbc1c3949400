// Package store keeps threads, messages and processed MessageSids in a bbolt file.
package store
