package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"
)

// healthcheck asks the local server's /healthz; for Docker's HEALTHCHECK.
func (m *Main) healthcheck(ctx context.Context, args []string) error {
	fl := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fl.SetOutput(m.Stderr)
	target := fl.String("url", "", "health URL (default: /healthz on SIDEGUY_ADDR's port on localhost)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *target == "" {
		_, port, err := net.SplitHostPort(m.env("SIDEGUY_ADDR", ":8080"))
		if err != nil {
			return fmt.Errorf("SIDEGUY_ADDR: %w", err)
		}
		*target = "http://" + net.JoinHostPort("127.0.0.1", port) + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *target, nil)
	if err != nil {
		return fmt.Errorf("health URL: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("server not answering: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", *target, resp.Status)
	}
	fmt.Fprintln(m.Stdout, "ok")
	return nil
}
