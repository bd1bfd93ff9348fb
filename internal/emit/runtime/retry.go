package graphrt

import (
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says how a throttled or failed request is sent again.
//
// Answers 429 Too Many Requests and 503 Service Unavailable are retried whatever the
// method: the service turned the request away without carrying it out. Answers 504
// Gateway Timeout and the transport errors that may go away (a reset or refused
// connection, a timeout: see RequestError) are retried only for the idempotent methods
// GET, HEAD, PUT, DELETE and OPTIONS, since a POST or PATCH may have been carried out
// already. Other transport errors (a failing credential, an invalid request, a redirect
// loop) and errors of the request's context are never retried.
//
// The wait before a retry is the answer's Retry-After (seconds or an HTTP date), honoured
// even when longer than MaxDelay; without one it is a random duration between 0 and
// BaseDelay*2^n capped at MaxDelay, n counting the retries from 0 ("full jitter").
// When the wait would end after the context's deadline, or would take the time spent
// beyond MaxElapsed, the last error is returned at once. The wait ends early, with the
// context's error, when the context is done.
//
// A request body is sent again as it was the first time: a JSON body is encoded once; a
// raw body (an upload) is replayable when it is an io.Seeker (*os.File, *bytes.Reader,
// *strings.Reader...) or a *bytes.Buffer, and a request with any other raw body is sent
// once, without retries.
type RetryPolicy struct {
	MaxAttempts int           // attempts in all, the first included; 1 disables retries
	MaxElapsed  time.Duration // bound on the total time spent across attempts and waits
	BaseDelay   time.Duration // backoff before the first retry, doubled for each retry after
	MaxDelay    time.Duration // cap of the backoff (not of a Retry-After)
}

// DefaultRetryPolicy is the policy a Client starts with: 4 attempts within 60s, waits
// from 500ms doubling up to 30s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, MaxElapsed: 60 * time.Second, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second}
}

// WithRetryPolicy sets the retry policy. A field that is zero or negative takes its
// DefaultRetryPolicy value.
func WithRetryPolicy(p RetryPolicy) Option {
	d := DefaultRetryPolicy()
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.MaxElapsed <= 0 {
		p.MaxElapsed = d.MaxElapsed
	}
	if p.BaseDelay <= 0 {
		p.BaseDelay = d.BaseDelay
	}
	if p.MaxDelay <= 0 {
		p.MaxDelay = d.MaxDelay
	}
	return func(c *Client) { c.retry = p }
}

// WithoutRetries sends every request once: throttling answers are returned as *Error.
func WithoutRetries() Option {
	return func(c *Client) { c.retry.MaxAttempts = 1 }
}

// sleepContext waits d, or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// fullJitter returns a random duration in [0, d].
func fullJitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	if d == math.MaxInt64 {
		return time.Duration(rand.Int64N(int64(d)))
	}
	return time.Duration(rand.Int64N(int64(d) + 1))
}

// idempotent reports whether sending a request with method twice does what sending it
// once does.
func idempotent(method string) bool {
	switch method {
	case "", http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

// retryStatus reports whether an answer with status to a method is retried.
func retryStatus(status int, method string) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return true
	case http.StatusGatewayTimeout:
		return idempotent(method)
	}
	return false
}

// backoff is the wait before retry n (0 for the first) without a Retry-After.
func (c *Client) backoff(n int) time.Duration {
	d := c.retry.BaseDelay
	for i := 0; i < n && d < c.retry.MaxDelay; i++ {
		if d > c.retry.MaxDelay/2 {
			d = c.retry.MaxDelay
			break
		}
		d *= 2
	}
	return c.jitter(min(d, c.retry.MaxDelay))
}

// retryAfter reads a Retry-After header value: a number of seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(min(n, math.MaxInt64/int64(time.Second))) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
