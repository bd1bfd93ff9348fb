package graphrt

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// DefaultTimeout bounds one attempt at a request unless WithTimeout says otherwise: the
// time until the answer's headers arrive for a download (Client.Stream), until its body is
// read for any other call. 100 seconds is what msgraph-sdk-go's HTTP client allows.
const DefaultTimeout = 100 * time.Second

// DefaultMaxResponseBytes bounds a JSON result read into memory unless
// WithMaxResponseBytes says otherwise: 64 MiB, far above a Graph page (999 items at most)
// or a $batch answer, and the bound the client has always trusted a Content-Length to.
// Downloads (Client.Stream) are the caller's to bound.
const DefaultMaxResponseBytes = 64 << 20

// maxRedirects is how many redirects one attempt follows.
const maxRedirects = 10

// maxDrain is how much of a body the caller does not want is read, so that the connection
// can carry another request; past it the connection is closed instead.
const maxDrain = 4 << 10

// maxLengthHint bounds the buffer a Content-Length makes the client allocate before the
// bytes arrive; the buffer grows with what arrives.
const maxLengthHint = 64 << 10

// WithTimeout bounds each attempt at a request (see DefaultTimeout), whatever the
// *http.Client; an attempt that times out is retried as a transport error is. Zero or a
// negative d sets no bound: the context's deadline alone ends a call then.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) { c.timeout = d }
}

// WithMaxResponseBytes bounds a JSON result read into memory (see
// DefaultMaxResponseBytes); a longer one is a *ResponseTooLargeError. Zero or a negative n
// keeps the default.
func WithMaxResponseBytes(n int64) Option {
	return func(c *Client) {
		if n > 0 {
			c.maxResponse = n
		}
	}
}

// ResponseTooLargeError is returned for a result longer than the client's
// WithMaxResponseBytes bound; nothing of it is decoded.
type ResponseTooLargeError struct {
	Method, Path    string
	Limit           int64  // the bound, in bytes
	ClientRequestID string // the client-request-id header sent
}

// Error says which call's result was too long.
func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("graph: %s %s: the response is longer than %d bytes (client-request-id %s)", e.Method, e.Path, e.Limit, e.ClientRequestID)
}

// RequestError is returned when a request got no answer: a transport error (a reset or
// refused connection, a timeout, a failing credential, a redirect loop). Retryable tells
// how it was classified: connection resets and refusals and timeouts are retryable (and
// were retried for an idempotent method); anything else, such as a credential error or an
// invalid request, is not, and was sent once. Err is the cause, which errors.Is and
// errors.As see through. Neither the text nor Err holds the request's URL.
type RequestError struct {
	Method, Path    string
	ClientRequestID string // the client-request-id header sent with every attempt
	Attempts        int    // attempts made
	Retryable       bool
	Err             error
}

// Error describes the failure, naming the client-request-id.
func (e *RequestError) Error() string {
	kind := "not retryable"
	if e.Retryable {
		kind = "retryable"
	}
	return fmt.Sprintf("graph: %s %s (client-request-id %s, %d attempts, %s): %v", e.Method, e.Path, e.ClientRequestID, e.Attempts, kind, e.Err)
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// retryableErr reports whether a transport error may go away if the request is sent again:
// a reset, refused or aborted connection, one closed early, or a timeout.
func retryableErr(err error) bool {
	if errors.As(err, new(credentialError)) {
		return false // a token that cannot be had now will not be had a second later
	}
	for _, target := range []error{syscall.ECONNRESET, syscall.ECONNREFUSED, syscall.ECONNABORTED, syscall.EPIPE,
		io.EOF, io.ErrUnexpectedEOF, net.ErrClosed} {
		if errors.Is(err, target) {
			return true
		}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsTimeout || dns.IsTemporary
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// tryTimeoutError is the error of an attempt that outlived the client's per-try timeout.
type tryTimeoutError struct{ d time.Duration }

func (e tryTimeoutError) Error() string {
	return "no answer within the per-try timeout of " + e.d.String()
}
func (tryTimeoutError) Timeout() bool   { return true }
func (tryTimeoutError) Temporary() bool { return true }

// Is makes errors.Is(err, context.DeadlineExceeded) hold.
func (tryTimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// attemptBody is an attempt's bound by the per-try timeout d and, once the attempt has
// succeeded, the body of its response: closing it ends the attempt's context and timer;
// a read cut by the per-try timeout says so.
//
// The attempt's context is a plain cancel context, whose cancel func the timer calls:
// that the timer is what cancelled it is told by the context being done while neither
// the caller's context nor Close ended it.
type attemptBody struct {
	rc      io.ReadCloser
	parent  context.Context // the caller's context
	ctx     context.Context // the attempt's context: parent, bounded by d when bounded
	cancel  context.CancelFunc
	d       time.Duration // the per-try timeout; 0 or less: none
	bounded bool          // a timer bounds the attempt
	timers  *sync.Pool    // the client's stopped *tryTimers; nil: none reused
	timer   atomic.Pointer[tryTimer]
	closed  atomic.Bool // Close has begun
}

// tryTimer is a per-try timer, reused from call to call through the client's pool: only a
// timer stopped before it fired is put back, so its func is not running and will not run
// for the call that put it back.
type tryTimer struct {
	t      *time.Timer
	mu     sync.Mutex
	cancel context.CancelFunc // what firing cancels: the attempt's context
}

// fire is the timer's func.
func (tt *tryTimer) fire() {
	tt.mu.Lock()
	cancel := tt.cancel
	tt.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// start returns the attempt's context: parent itself when there is no per-try timeout,
// else a context that a timer cancels after d.
func (b *attemptBody) start() context.Context {
	if b.d <= 0 {
		b.ctx = b.parent
		return b.ctx
	}
	b.ctx, b.cancel = context.WithCancel(b.parent)
	b.bounded = true
	var tt *tryTimer
	if b.timers != nil {
		tt, _ = b.timers.Get().(*tryTimer)
	}
	if tt == nil {
		tt = &tryTimer{cancel: b.cancel}
		tt.t = time.AfterFunc(b.d, tt.fire)
	} else {
		tt.mu.Lock()
		tt.cancel = b.cancel
		tt.mu.Unlock()
		tt.t.Reset(b.d)
	}
	b.timer.Store(tt)
	return b.ctx
}

// stop stops the per-try timer, the rest of the body being the caller's to bound, and
// reports whether it had fired. A timer stopped before it fired goes back to the pool.
func (b *attemptBody) stop() (fired bool) {
	tt := b.timer.Swap(nil)
	if tt == nil {
		return false
	}
	if !tt.t.Stop() {
		return true // its func has begun: the timer is not reused
	}
	tt.mu.Lock()
	tt.cancel = nil
	tt.mu.Unlock()
	if b.timers != nil {
		b.timers.Put(tt)
	}
	return false
}

// end ends an attempt that has no body to hand out, and reports whether its per-try
// timeout had fired.
func (b *attemptBody) end() (timedOut bool) {
	if !b.bounded {
		return false
	}
	fired := b.stop()
	b.cancel()
	return fired
}

// timedOut reports whether the per-try timeout cancelled the attempt's context.
func (b *attemptBody) timedOut() bool {
	return b.bounded && !b.closed.Load() && b.ctx.Err() != nil && b.parent.Err() == nil
}

func (b *attemptBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	if err != nil && err != io.EOF && b.timedOut() {
		err = tryTimeoutError{b.d}
	}
	return n, err
}

func (b *attemptBody) Close() error {
	b.closed.Store(true)
	err := b.rc.Close()
	b.stop()
	if b.cancel != nil {
		b.cancel()
	}
	return err
}

// credentialHeaders are the request headers a redirect to another origin drops.
var credentialHeaders = [...]string{"Authorization", "Proxy-Authorization", "Cookie", "Cookie2", "X-Api-Key", "Ocp-Apim-Subscription-Key"}

// errRedirects is the error of an attempt that was redirected too often.
var errRedirects = errors.New("stopped after " + fmt.Sprint(maxRedirects) + " redirects")

// redirectPolicy is the CheckRedirect of the client's copy of the *http.Client: at most
// maxRedirects redirects, and credential headers dropped unless scheme, host and port all
// stay those of the first request (so https to http always drops them). next, the
// caller's own CheckRedirect, is asked after.
func redirectPolicy(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return errRedirects
		}
		if len(via) > 0 && !sameOrigin(req.URL, via[0].URL) {
			for _, h := range credentialHeaders {
				req.Header.Del(h)
			}
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
}

// sameOrigin reports whether a and b have the same scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && hostPort(a) == hostPort(b)
}

// newUUID returns a random (version 4) UUID, for client-request-id.
func newUUID() string {
	var b [36]byte
	return string(appendUUID(b[:0]))
}

// appendUUID appends a random (version 4) UUID, 36 bytes, to dst.
func appendUUID(dst []byte) []byte {
	var b [16]byte
	_, _ = crand.Read(b[:]) // crypto/rand.Read does not fail
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hexDigits = "0123456789abcdef"
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// readLimited reads r whole, up to limit bytes: a longer body is errTooLarge. hint (the
// Content-Length, or -1) sizes the first buffer, at most maxLengthHint; the buffer
// doubles as the bytes arrive, never past limit+1. When buf is not nil (an iterator's
// buffer, reused from page to page), the body is read into *buf when it is large
// enough, and *buf keeps the buffer read into for the next call: the returned bytes are
// only valid until then.
func readLimited(r io.Reader, hint, limit int64, buf *[]byte) ([]byte, error) {
	size := int64(512)
	if hint >= 0 {
		size = min(hint, maxLengthHint, limit) + 1 // a spare byte, so that the end shows at once
	}
	var b []byte
	if buf != nil && int64(cap(*buf)) >= size {
		b = (*buf)[:0]
	} else {
		b = make([]byte, 0, size)
	}
	for {
		if len(b) == cap(b) {
			grown := make([]byte, len(b), max(min(2*int64(cap(b)), limit+1), int64(len(b))+1))
			copy(grown, b)
			b = grown
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, errTooLarge
		}
		if err == io.EOF {
			if buf != nil {
				*buf = b[:0]
			}
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// errTooLarge is readLimited's error for a body past its limit.
var errTooLarge = errors.New("graph: response too large")

// BearerTransport is an http.RoundTripper that adds "Authorization: Bearer <token>" to
// requests to the Microsoft Graph hosts, and to no other: a redirect or a link to another
// host, another port or plain http goes without it (and without any Authorization header
// the request carried). This is msgraph-sdk-go's AllowedHosts rule.
//
// Token is asked for a token for each request it authorises (an azidentity credential's
// GetToken, say, which caches and renews it); its error fails the request, which is not
// retried. AllowedHosts lists the hosts ("graph.microsoft.com", or "host:port" for
// another port than 443) the token goes to; empty, it is the hosts of CloudGlobal,
// CloudUSGov, CloudUSGovDoD and CloudChina. Base sends the requests;
// http.DefaultTransport when nil.
type BearerTransport struct {
	Token        func(ctx context.Context) (string, error)
	AllowedHosts []string
	Base         http.RoundTripper
}

// RoundTrip sends r, with the token when r goes over https to an allowed host.
func (t BearerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	if !t.allowed(r.URL) {
		if _, has := r.Header["Authorization"]; has {
			r = r.Clone(r.Context())
			r.Header.Del("Authorization")
		}
		return base.RoundTrip(r)
	}
	if t.Token == nil {
		return closeAndFail(r, errors.New("graph: BearerTransport has no Token func"))
	}
	tok, err := t.Token(r.Context())
	if err != nil {
		return closeAndFail(r, credentialError{err})
	}
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+tok)
	return base.RoundTrip(r)
}

// credentialError is the error of BearerTransport's Token func: never retried, even when
// it is a timeout.
type credentialError struct{ err error }

func (e credentialError) Error() string { return "graph: getting a token: " + e.err.Error() }
func (e credentialError) Unwrap() error { return e.err }

// closeAndFail closes r's body, as a RoundTripper must even when it fails, and returns err.
func closeAndFail(r *http.Request, err error) (*http.Response, error) {
	if r.Body != nil {
		_ = r.Body.Close()
	}
	return nil, err
}

// allowed reports whether u goes over https to one of the allowed hosts.
func (t BearerTransport) allowed(u *url.URL) bool {
	if !strings.EqualFold(u.Scheme, "https") {
		return false
	}
	hp := hostPort(u)
	hosts := t.AllowedHosts
	if len(hosts) == 0 {
		hosts = []string{CloudGlobal, CloudUSGov, CloudUSGovDoD, CloudChina}
	}
	for _, h := range hosts {
		h = strings.TrimPrefix(strings.TrimSuffix(h, "/"), "https://")
		a := &url.URL{Scheme: "https", Host: h}
		if hostPort(a) == hp {
			return true
		}
	}
	return false
}

// seekState is a seekable raw body without ReadAt, shared by the attempts of a request:
// each attempt rewinds it and reads it under mu, and an earlier attempt's reader, which a
// transport may have left unclosed, reads nothing more once a later attempt has begun.
type seekState struct {
	mu  sync.Mutex
	s   io.ReadSeeker
	gen int
}

// seekAttempt is one attempt's reader of a seekState.
type seekAttempt struct {
	st   *seekState
	gen  int
	left int64
}

// errSuperseded is what an earlier attempt's reader of a request body reads.
var errSuperseded = errors.New("graph: the request body is being sent again by a later attempt")

func (a *seekAttempt) Read(p []byte) (int, error) {
	a.st.mu.Lock()
	defer a.st.mu.Unlock()
	if a.st.gen != a.gen {
		return 0, errSuperseded
	}
	if a.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > a.left {
		p = p[:a.left]
	}
	n, err := a.st.s.Read(p)
	a.left -= int64(n)
	if err == io.EOF && a.left > 0 {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

func (a *seekAttempt) Close() error { return nil }
