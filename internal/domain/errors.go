package domain

import "errors"

var (
	// ErrNotFound means the thread (or other record) does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the request itself is wrong.
	ErrInvalid = errors.New("invalid input")
	// ErrLocked means another process holds the database.
	ErrLocked = errors.New("database is locked by another process")
)
