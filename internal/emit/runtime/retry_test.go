package graphrt

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// fakeTime is a clock that only moves when the client sleeps on it.
type fakeTime struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func (f *fakeTime) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeTime) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	return nil
}

func (f *fakeTime) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.slept)
}

// fakeClient is a client of baseURL on a fake clock, whose jitter is none: the backoff
// waits its whole bound.
func fakeClient(baseURL string, opts ...Option) (*Client, *fakeTime) {
	c := NewClient(append([]Option{WithBaseURL(baseURL)}, opts...)...)
	f := &fakeTime{t: time.Date(2024, 1, 31, 10, 0, 0, 0, time.UTC)}
	c.now, c.sleep = f.now, f.sleep
	c.jitter = func(d time.Duration) time.Duration { return d }
	return c, f
}

// replies answers request n with the n-th of statuses (the last one after), with
// Retry-After retryAfter[n] when set, and the body ok for a 2xx.
func replies(statuses []int, retryAfter map[int]string, ok string) func(http.ResponseWriter, *http.Request, int) {
	return func(w http.ResponseWriter, r *http.Request, n int) {
		status := statuses[min(n, len(statuses)-1)]
		if v, set := retryAfter[n]; set {
			w.Header().Set("Retry-After", v)
		}
		if status >= 200 && status < 300 {
			w.WriteHeader(status)
			_, _ = io.WriteString(w, ok)
			return
		}
		w.Header().Set("request-id", "rid")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, `{"error":{"code":"TooManyRequests","message":"Slow down."}}`)
	}
}

// sameBodies checks that every request carried want.
func sameBodies(t *testing.T, reqs []recorded, want string) {
	t.Helper()
	for i, r := range reqs {
		if r.body != want || r.contentLength != int64(len(want)) {
			t.Errorf("attempt %d sent %q (%d bytes), want %q", i+1, r.body, r.contentLength, want)
		}
	}
}

// TestRetryAfterSeconds: a throttled POST is sent again after the Retry-After seconds,
// with the same JSON body.
func TestRetryAfterSeconds(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{429, 429, 201}, map[int]string{0: "3", 1: "2"}, `{"value":"made"}`))
	c, clock := fakeClient(rec.srv.URL)
	var v ValueOf[string]
	if err := c.Do(context.Background(), Request{Method: "POST", Path: "/users", Body: map[string]string{"displayName": "A"}}, &v); err != nil || v.Value != "made" {
		t.Fatalf("do = %+v, %v", v, err)
	}
	reqs := rec.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d attempts, want 3", len(reqs))
	}
	sameBodies(t, reqs, `{"displayName":"A"}`)
	if got := clock.sleeps(); !slices.Equal(got, []time.Duration{3 * time.Second, 2 * time.Second}) {
		t.Errorf("slept %v", got)
	}
}

// TestRetryAfterDate: a Retry-After date is counted from now; a raw *bytes.Reader body is
// replayed from where it started, and a Retry-After longer than MaxDelay is honoured.
func TestRetryAfterDate(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 1, 31, 10, 0, 0, 0, time.UTC)
	rec := newRecorder(t, replies([]int{503, 429, 200}, map[int]string{0: now.Add(45 * time.Second).Format(http.TimeFormat), 1: "40"}, `{}`))
	c, clock := fakeClient(rec.srv.URL, WithRetryPolicy(RetryPolicy{MaxElapsed: 2 * time.Minute, MaxDelay: time.Second}))
	br := bytes.NewReader([]byte("..content"))
	_, _ = br.Seek(2, io.SeekStart)
	if err := c.Do(context.Background(), Request{Method: "PUT", Path: "/content", Content: br, ContentType: "text/plain"}, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d attempts, want 3", len(reqs))
	}
	sameBodies(t, reqs, "content")
	if got := clock.sleeps(); !slices.Equal(got, []time.Duration{45 * time.Second, 40 * time.Second}) {
		t.Errorf("slept %v", got)
	}
}

// readSeeker can seek but not read at offsets: it is rewound for each attempt.
type readSeeker struct{ r *strings.Reader }

func (s *readSeeker) Read(p []byte) (int, error)                { return s.r.Read(p) }
func (s *readSeeker) Seek(off int64, whence int) (int64, error) { return s.r.Seek(off, whence) }
func (s *readSeeker) Close() error                              { return errors.New("the caller's body must not be closed") }

// TestRetryReplaysRawBodies: 503 without Retry-After, then success; seekers and
// *bytes.Buffer bodies are sent again whole, other readers once.
func TestRetryReplaysRawBodies(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		raw      func() io.Reader
		attempts int
	}{
		"seeker":       {func() io.Reader { return &readSeeker{strings.NewReader("content")} }, 2},
		"bytes.Buffer": {func() io.Reader { return bytes.NewBufferString("content") }, 2},
		"strings":      {func() io.Reader { return strings.NewReader("content") }, 2},
		"reader":       {func() io.Reader { return io.MultiReader(strings.NewReader("con"), strings.NewReader("tent")) }, 1},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, replies([]int{503, 200}, nil, `{}`))
			c, clock := fakeClient(rec.srv.URL)
			err := c.Do(context.Background(), Request{Method: "PUT", Path: "/content", Content: tt.raw()}, nil)
			reqs := rec.requests()
			if len(reqs) != tt.attempts {
				t.Fatalf("%d attempts, want %d", len(reqs), tt.attempts)
			}
			for i, r := range reqs {
				if r.body != "content" {
					t.Errorf("attempt %d sent %q", i+1, r.body)
				}
			}
			if tt.attempts == 1 {
				var e *Error
				if !errors.As(err, &e) || e.StatusCode != 503 {
					t.Errorf("err = %v, want the 503", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := clock.sleeps(); !slices.Equal(got, []time.Duration{500 * time.Millisecond}) {
				t.Errorf("slept %v, want the base delay", got)
			}
		})
	}
}

// Test504Exhausted: a GET answered 504 every time is tried MaxAttempts times, and the last
// *Error is returned with its RetryAfter.
func Test504Exhausted(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{504}, map[int]string{0: "1", 1: "1", 2: "1"}, ""))
	c, clock := fakeClient(rec.srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 3}))
	err := c.Do(context.Background(), Request{Method: "GET", Path: "/me"}, nil)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 504 || e.RetryAfter != time.Second || e.RequestID != "rid" {
		t.Fatalf("err = %v", err)
	}
	if n := len(rec.requests()); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
	if got := clock.sleeps(); !slices.Equal(got, []time.Duration{time.Second, time.Second}) {
		t.Errorf("slept %v", got)
	}
	if !strings.Contains(err.Error(), "504 Gateway Timeout") || !strings.Contains(err.Error(), "retry after 1s") {
		t.Errorf("Error() = %q", err.Error())
	}
}

// TestNotRetried: a POST answered 504, any request answered 500, and any request of a
// client without retries are sent once.
func TestNotRetried(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct {
		status int
		method string
		opts   []Option
	}{
		"POST 504":        {504, "POST", nil},
		"PATCH 504":       {504, "PATCH", nil},
		"GET 500":         {500, "GET", nil},
		"GET 404":         {404, "GET", nil},
		"WithoutRetries":  {429, "GET", []Option{WithoutRetries()}},
		"MaxAttempts 1":   {503, "GET", []Option{WithRetryPolicy(RetryPolicy{MaxAttempts: 1})}},
		"retries off 504": {504, "GET", []Option{WithoutRetries()}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, replies([]int{tt.status}, map[int]string{0: "1"}, ""))
			c, clock := fakeClient(rec.srv.URL, tt.opts...)
			err := c.Do(context.Background(), Request{Method: tt.method, Path: "/x", Body: map[string]int{"a": 1}}, nil)
			var e *Error
			if !errors.As(err, &e) || e.StatusCode != tt.status {
				t.Errorf("err = %v", err)
			}
			if tt.status == 429 && !IsThrottled(err) {
				t.Errorf("IsThrottled(%v) = false", err)
			}
			if n := len(rec.requests()); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
			if s := clock.sleeps(); len(s) != 0 {
				t.Errorf("slept %v", s)
			}
		})
	}
}

// TestRetryMaxElapsed: no retry whose wait would take the time spent past MaxElapsed.
func TestRetryMaxElapsed(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{429}, map[int]string{0: "3", 1: "3", 2: "3"}, ""))
	c, clock := fakeClient(rec.srv.URL, WithRetryPolicy(RetryPolicy{MaxAttempts: 10, MaxElapsed: 5 * time.Second}))
	err := c.Do(context.Background(), Request{Method: "GET", Path: "/x"}, nil)
	if !IsThrottled(err) {
		t.Errorf("err = %v", err)
	}
	if n := len(rec.requests()); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
	if got := clock.sleeps(); !slices.Equal(got, []time.Duration{3 * time.Second}) {
		t.Errorf("slept %v", got)
	}
}

// TestRetryCancel: cancelling the context while the client waits to retry ends the wait
// at once, with context.Canceled (and the throttling error it was waiting on).
func TestRetryCancel(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{429}, map[int]string{0: "3600"}, ""))
	c := NewClient(WithBaseURL(rec.srv.URL), WithRetryPolicy(RetryPolicy{MaxElapsed: 2 * time.Hour}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	waiting := make(chan time.Duration, 1)
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waiting <- d
		return sleepContext(ctx, d) // the real wait
	}
	done := make(chan error, 1)
	go func() { done <- c.Do(ctx, Request{Method: "GET", Path: "/x"}, nil) }()
	select {
	case d := <-waiting:
		if d != time.Hour {
			t.Errorf("waiting %v, want the Retry-After", d)
		}
	case err := <-done:
		t.Fatalf("returned without waiting: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) || !IsThrottled(err) {
			t.Errorf("err = %v, want context.Canceled wrapping the 429", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the wait did not end with the context")
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

// TestRetryDeadline: a wait that would end after the context's deadline is not begun: the
// last error comes back at once.
func TestRetryDeadline(t *testing.T) {
	t.Parallel()
	for name, after := range map[string]func() string{
		"seconds": func() string { return "10" },
		"date":    func() string { return time.Now().Add(time.Minute).UTC().Format(http.TimeFormat) },
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
				w.Header().Set("Retry-After", after())
				w.WriteHeader(429)
			})
			c := NewClient(WithBaseURL(rec.srv.URL))
			c.sleep = func(ctx context.Context, d time.Duration) error {
				t.Errorf("slept %v past the deadline", d)
				return nil
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			err := c.Do(ctx, Request{Method: "GET", Path: "/x"}, nil)
			var e *Error
			if !errors.As(err, &e) || e.StatusCode != 429 || e.RetryAfter < 9*time.Second {
				t.Errorf("err = %v", err)
			}
			if ctx.Err() != nil {
				t.Error("returned only at the deadline")
			}
			if n := len(rec.requests()); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
		})
	}
}

// roundTripFunc is an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestRetryTransportError: a failed connection is retried for idempotent methods only.
func TestRetryTransportError(t *testing.T) {
	t.Parallel()
	for method, want := range map[string]int{"GET": 2, "PUT": 2, "DELETE": 2, "POST": 1, "PATCH": 1} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			var mu sync.Mutex
			var bodies []string
			failure := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
			rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
				var b []byte
				if r.Body != nil {
					b, _ = io.ReadAll(r.Body)
					r.Body.Close()
				}
				mu.Lock()
				defer mu.Unlock()
				bodies = append(bodies, string(b))
				if len(bodies) == 1 {
					return nil, failure
				}
				return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`)), Request: r}, nil
			})
			c, _ := fakeClient("https://graph.example/beta", WithHTTPClient(&http.Client{Transport: rt}))
			err := c.Do(context.Background(), Request{Method: method, Path: "/x", Body: []int{1}}, nil)
			mu.Lock()
			defer mu.Unlock()
			if len(bodies) != want {
				t.Errorf("%d attempts, want %d", len(bodies), want)
			}
			for _, b := range bodies {
				if b != "[1]" {
					t.Errorf("body %q", b)
				}
			}
			if (err == nil) != (want == 2) || err != nil && !errors.Is(err, failure) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

// TestBackoff: without Retry-After the wait is jittered between 0 and BaseDelay*2^n,
// capped at MaxDelay.
func TestBackoff(t *testing.T) {
	t.Parallel()
	c := NewClient(WithRetryPolicy(RetryPolicy{BaseDelay: 500 * time.Millisecond, MaxDelay: 3 * time.Second}))
	var bounds []time.Duration
	c.jitter = func(d time.Duration) time.Duration { bounds = append(bounds, d); return d / 2 }
	var got []time.Duration
	for _, n := range []int{0, 1, 2, 3, 4, 100, math.MaxInt32} {
		got = append(got, c.backoff(n))
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second, 3 * time.Second, 3 * time.Second}
	if !slices.Equal(bounds, want) {
		t.Errorf("bounds %v, want %v", bounds, want)
	}
	for i := range got {
		if got[i] != want[i]/2 {
			t.Errorf("backoff %d = %v, want the jitter's %v", i, got[i], want[i]/2)
		}
	}
	c = NewClient(WithRetryPolicy(RetryPolicy{BaseDelay: time.Duration(math.MaxInt64 / 3), MaxDelay: time.Duration(math.MaxInt64)}))
	c.jitter = func(d time.Duration) time.Duration { return d }
	if d := c.backoff(10); d != time.Duration(math.MaxInt64) {
		t.Errorf("backoff near the limit = %v", d)
	}

	for _, d := range []time.Duration{0, 1, time.Millisecond, time.Hour, time.Duration(math.MaxInt64)} {
		for range 100 {
			if j := fullJitter(d); j < 0 || j > d {
				t.Fatalf("fullJitter(%v) = %v", d, j)
			}
		}
	}
}

// TestSleepContext: the real sleep returns at once for 0 and when the context is done.
func TestSleepContext(t *testing.T) {
	t.Parallel()
	if err := sleepContext(context.Background(), 0); err != nil {
		t.Error(err)
	}
	if err := sleepContext(context.Background(), time.Millisecond); err != nil {
		t.Error(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := sleepContext(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// keep httptest imported for the helpers shared with client_test.go.
var _ = httptest.NewServer
