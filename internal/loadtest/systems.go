package loadtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	bolt "go.etcd.io/bbolt"

	"github.com/sideguy/sideguy-text/internal/twiliofake"
)

// The systems under test.
const (
	// Bare is an echo server with one POST handler that parses the form and
	// answers a constant TwiML: the floor under any webhook in this stack.
	Bare = "bare"
	// Durable is Bare plus one bbolt db.Update per request, writing the
	// MessageSid into a bucket of a fresh file with bbolt's default options
	// (an fsync per commit): the floor for a webhook that stores what it got.
	Durable = "durable"
	// Full is the real `sideguy serve`.
	Full = "full"
)

// Kinds are the systems in the order a comparison runs them.
var Kinds = []string{Bare, Durable, Full}

// constantTwiML is the baselines' reply.
const constantTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>`

// System is a server under test on loopback.
type System struct {
	Name string
	// URL is where to send; PublicURL is what to sign over.
	URL, PublicURL string
	AuthToken      string

	stop func() error
	log  *logTail
	pid  int // of the child process, 0 in process
}

// CPU is the CPU time the system's process has used so far, when it runs as
// a child process on Linux (from /proc; ok is false otherwise). Unlike
// latency, it hardly depends on what else the machine is doing.
func (s *System) CPU() (d time.Duration, ok bool) {
	if s.pid == 0 {
		return 0, false
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.pid))
	if err != nil {
		return 0, false
	}
	// After "pid (comm) ", utime and stime are the 12th and 13th fields, in
	// clock ticks (USER_HZ, 100 on Linux).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	user, err1 := strconv.ParseInt(f[11], 10, 64)
	sys, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(user+sys) * 10 * time.Millisecond, true
}

// loadAverage is the machine's 1-minute load average, or "" where /proc has none.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// Close stops the system and removes its files.
func (s *System) Close() error {
	if s.stop == nil {
		return nil
	}
	err := s.stop()
	s.stop = nil
	return err
}

// LogLines is how many lines the system wrote to stderr so far (0 in process).
func (s *System) LogLines() int64 {
	if s.log == nil {
		return 0
	}
	return s.log.Lines()
}

// LogTail is the end of what the system wrote to stderr.
func (s *System) LogTail() string {
	if s.log == nil {
		return ""
	}
	return s.log.String()
}

// Baseline is a baseline's handler; Close releases its database.
type Baseline struct {
	http.Handler
	close func() error
}

// Close releases the baseline's files.
func (b *Baseline) Close() error { return b.close() }

// NewBaseline builds the handler of a baseline (Bare or Durable). Durable
// keeps its database in a new temporary directory, removed by Close.
func NewBaseline(kind string) (*Baseline, error) {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	reply := []byte(constantTwiML)
	switch kind {
	case Bare:
		e.POST(SMSPath, func(c echo.Context) error {
			if err := c.Request().ParseForm(); err != nil {
				return c.String(http.StatusBadRequest, "malformed form body\n")
			}
			return c.Blob(http.StatusOK, echo.MIMETextXMLCharsetUTF8, reply)
		})
		return &Baseline{Handler: e, close: func() error { return nil }}, nil
	case Durable:
		dir, err := os.MkdirTemp("", "sideguy-loadtest-durable-")
		if err != nil {
			return nil, err
		}
		db, err := bolt.Open(filepath.Join(dir, "baseline.db"), 0o600, nil)
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		bucket := []byte("sids")
		if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucketIfNotExists(bucket); return err }); err != nil {
			db.Close()
			os.RemoveAll(dir)
			return nil, err
		}
		e.POST(SMSPath, func(c echo.Context) error {
			r := c.Request()
			if err := r.ParseForm(); err != nil {
				return c.String(http.StatusBadRequest, "malformed form body\n")
			}
			sid, from := r.PostForm.Get("MessageSid"), r.PostForm.Get("From")
			if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucket).Put([]byte(sid), []byte(from)) }); err != nil {
				return c.String(http.StatusInternalServerError, err.Error()+"\n")
			}
			return c.Blob(http.StatusOK, echo.MIMETextXMLCharsetUTF8, reply)
		})
		return &Baseline{Handler: e, close: func() error {
			err := db.Close()
			return errors.Join(err, os.RemoveAll(dir))
		}}, nil
	}
	return nil, fmt.Errorf("loadtest: no baseline %q (want %s or %s)", kind, Bare, Durable)
}

// ServeBaseline serves a baseline on l until ctx ends: what a child process
// started by StartBaselineChild runs.
func ServeBaseline(ctx context.Context, kind string, l net.Listener) error {
	b, err := NewBaseline(kind)
	if err != nil {
		return err
	}
	defer b.Close()
	srv := newHTTPServer(b)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// newHTTPServer has the timeouts the real server has.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 15 * time.Second, IdleTimeout: 60 * time.Second}
}

// StartBaseline serves a baseline in this process on a free loopback port.
func StartBaseline(kind string) (*System, error) {
	token, err := randomHex(16)
	if err != nil {
		return nil, err
	}
	b, err := NewBaseline(kind)
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Close()
		return nil, err
	}
	srv := newHTTPServer(b)
	go srv.Serve(l)
	base := "http://" + l.Addr().String()
	return &System{Name: kind, URL: base, PublicURL: base, AuthToken: token, stop: func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return errors.Join(srv.Shutdown(ctx), b.Close())
	}}, nil
}

// StartBaselineChild runs a baseline in a child process: exe with
// `loadtest --serve-baseline KIND --addr 127.0.0.1:PORT` (the sideguy binary).
func StartBaselineChild(ctx context.Context, exe, kind string) (*System, error) {
	if kind != Bare && kind != Durable {
		return nil, fmt.Errorf("loadtest: no baseline %q (want %s or %s)", kind, Bare, Durable)
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	token, err := randomHex(16)
	if err != nil {
		return nil, err
	}
	base := "http://" + addr
	c, err := startChild(ctx, exe, []string{"loadtest", "--serve-baseline", kind, "--addr", addr}, childEnv(nil), addr)
	if err != nil {
		return nil, fmt.Errorf("start %s baseline: %w", kind, err)
	}
	return &System{Name: kind, URL: base, PublicURL: base, AuthToken: token, stop: c.stop, log: c.log, pid: c.cmd.Process.Pid}, nil
}

// StartFull runs the real service as a child process: exe (the sideguy binary)
// with `serve --addr 127.0.0.1:PORT`, a new data directory, and Twilio's REST
// API pointed at a fake in this process. The per-number rate limit and the
// daily cap on automatic replies are set out of reach: every text comes from a
// new number anyway, and the point is to measure the work, not the limits.
func StartFull(ctx context.Context, exe string) (*System, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "sideguy-loadtest-full-")
	if err != nil {
		return nil, err
	}
	token, err := randomHex(16)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	opToken, err := randomHex(16)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	sidHex, err := randomHex(16)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	accountSID := "AC" + sidHex
	fake := twiliofake.New(accountSID, token)
	base := "http://" + addr
	env := childEnv(map[string]string{
		"SIDEGUY_DATA_DIR": dir, "SIDEGUY_PUBLIC_URL": base, "TWILIO_AUTH_TOKEN": token,
		"SIDEGUY_OPERATOR_TOKEN": opToken, "SIDEGUY_LOG_LEVEL": "warn",
		"SIDEGUY_TWILIO_API_URL": fake.URL, "TWILIO_ACCOUNT_SID": accountSID, "TWILIO_FROM_NUMBER": "+18005550100",
		"SIDEGUY_RATE_PER_HOUR": "1000000", "SIDEGUY_DAILY_CAP": "0",
	})
	c, err := startChild(ctx, exe, []string{"serve", "--addr", addr}, env, addr)
	if err != nil {
		fake.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("start sideguy serve: %w", err)
	}
	return &System{Name: Full, URL: base, PublicURL: base, AuthToken: token, log: c.log, pid: c.cmd.Process.Pid, stop: func() error {
		err := c.stop()
		fake.Close()
		return errors.Join(err, os.RemoveAll(dir))
	}}, nil
}

// childEnv is a small environment for a child: only what locates things and
// tunes the Go runtime is inherited, so the caller's SIDEGUY_* and TWILIO_*
// settings do not change what is measured.
func childEnv(set map[string]string) []string {
	var env []string
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG", "SIDEGUY_DEBUG_ADDR"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}

// child is a running child process.
type child struct {
	cmd  *exec.Cmd
	done chan struct{}
	err  error
	log  *logTail
}

// startChild starts exe and waits until it accepts connections on addr.
func startChild(ctx context.Context, exe string, args, env []string, addr string) (*child, error) {
	c := &child{cmd: exec.Command(exe, args...), done: make(chan struct{}), log: &logTail{max: 16 << 10}}
	c.cmd.Env = env
	c.cmd.Stdout, c.cmd.Stderr = c.log, c.log
	if err := c.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { c.err = c.cmd.Wait(); close(c.done) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			conn.Close()
			return c, nil
		}
		select {
		case <-c.done:
			return nil, fmt.Errorf("exited before listening (%v):\n%s", c.err, c.log)
		case <-ctx.Done():
			c.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			c.stop()
			return nil, fmt.Errorf("not listening on %s after 60s:\n%s", addr, c.log)
		}
	}
}

// stop interrupts the child, as Ctrl-C would, and kills it if it has not
// finished 10 s later.
func (c *child) stop() error {
	select {
	case <-c.done:
	default:
		c.cmd.Process.Signal(os.Interrupt)
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			c.cmd.Process.Kill()
			<-c.done
			return fmt.Errorf("%s did not stop within 10s; killed", filepath.Base(c.cmd.Path))
		}
	}
	if c.err != nil {
		return fmt.Errorf("%s: %v\n%s", filepath.Base(c.cmd.Path), c.err, c.log)
	}
	return nil
}

// logTail keeps the last max bytes written to it and counts lines.
type logTail struct {
	mu    sync.Mutex
	max   int
	buf   []byte
	lines int64
}

func (l *logTail) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines += int64(bytes.Count(p, []byte{'\n'}))
	l.buf = append(l.buf, p...)
	if len(l.buf) > l.max {
		l.buf = append(l.buf[:0], l.buf[len(l.buf)-l.max:]...)
	}
	return len(p), nil
}

func (l *logTail) Lines() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lines
}

func (l *logTail) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.TrimSpace(string(l.buf))
}

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
