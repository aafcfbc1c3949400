package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// hashPassword reads a password from standard input and prints its bcrypt
// hash, for SIDEGUY_OPERATOR_PASSWORD_HASH.
func (m *Main) hashPassword() error {
	fmt.Fprint(m.Stderr, "Password (read from standard input): ")
	line, err := bufio.NewReader(m.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if len(pw) < 10 {
		return errors.New("use at least 10 characters")
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	fmt.Fprintln(m.Stderr)
	fmt.Fprintln(m.Stdout, string(hash))
	return nil
}
