package graphrt

// The fault-injection suite of issue 12: the client tried as a hostile network would try
// it. Every server is an httptest server on the loopback; nothing leaves the machine.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// hangGuard fails the test when f has not returned within a generous bound: the cases it
// guards would otherwise hang for ever. It is a hang detector, not a timing assertion.
func hangGuard(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still waiting after 20s: the call hangs", what)
	}
}

// authServer records the Authorization header of every request it gets.
type authServer struct {
	mu    sync.Mutex
	auths []string
	srv   *httptest.Server
}

func newAuthServer(t *testing.T, tls bool, h func(w http.ResponseWriter, r *http.Request)) *authServer {
	a := &authServer{}
	hf := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.auths = append(a.auths, r.Header.Get("Authorization"))
		a.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	if tls {
		a.srv = httptest.NewTLSServer(hf)
	} else {
		a.srv = httptest.NewServer(hf)
	}
	t.Cleanup(a.srv.Close)
	return a
}

func (a *authServer) got() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.auths...)
}

// redirectTo answers every request with a 302 to target.
func redirectTo(target string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) }
}

// localhostURL is u with 127.0.0.1 spelled localhost: another host, the same server.
func localhostURL(u string) string { return strings.Replace(u, "127.0.0.1", "localhost", 1) }

// tlsClientFor is an *http.Client that trusts srv's certificate and sends plain http too.
func tlsClientFor(srv *httptest.Server) *http.Client { return srv.Client() }

func TestRedirectOtherPortDropsToken(t *testing.T) {
	t.Parallel()
	dest := newAuthServer(t, false, nil)
	src := newAuthServer(t, false, redirectTo(dest.srv.URL+"/beta/me"))
	c := NewClient(WithBaseURL(src.srv.URL+"/beta"), WithToken("sekrit"))
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := src.got(); len(got) != 1 || got[0] != "Bearer sekrit" {
		t.Errorf("the base host got %q, want the token", got)
	}
	if got := dest.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("another port of the same host got Authorization %q, want none", got)
	}
}

func TestRedirectHTTPSToHTTPDropsToken(t *testing.T) {
	t.Parallel()
	dest := newAuthServer(t, false, nil)
	src := newAuthServer(t, true, redirectTo(dest.srv.URL+"/beta/me"))
	c := NewClient(WithBaseURL(src.srv.URL+"/beta"), WithToken("sekrit"), WithHTTPClient(tlsClientFor(src.srv)))
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := dest.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("plain http got Authorization %q after a redirect from https, want none", got)
	}
}

func TestRedirectOtherHostDropsToken(t *testing.T) {
	t.Parallel()
	dest := newAuthServer(t, false, nil)
	src := newAuthServer(t, false, redirectTo(localhostURL(dest.srv.URL)+"/beta/me"))
	c := NewClient(WithBaseURL(src.srv.URL+"/beta"), WithToken("sekrit"))
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := dest.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("another host got Authorization %q, want none", got)
	}
}

func TestRedirectSameOriginKeepsToken(t *testing.T) {
	t.Parallel()
	var a *authServer
	a = newAuthServer(t, false, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/beta/me" {
			http.Redirect(w, r, a.srv.URL+"/beta/users/1", http.StatusFound)
			return
		}
		_, _ = io.WriteString(w, `{}`)
	})
	c := NewClient(WithBaseURL(a.srv.URL+"/beta"), WithToken("sekrit"))
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := a.got(); len(got) != 2 || got[1] != "Bearer sekrit" {
		t.Errorf("the same origin got %q, want the token on both requests", got)
	}
}

func TestRedirectPolicyWithCallerClient(t *testing.T) {
	t.Parallel()
	dest := newAuthServer(t, false, nil)
	src := newAuthServer(t, false, redirectTo(dest.srv.URL+"/beta/me"))
	mine := &http.Client{}
	c := NewClient(WithBaseURL(src.srv.URL+"/beta"), WithToken("sekrit"), WithHTTPClient(mine))
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Fatal(err)
	}
	if got := dest.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("the caller's client sent Authorization %q to another port, want none", got)
	}
	if mine.CheckRedirect != nil || mine.Timeout != 0 {
		t.Errorf("the caller's *http.Client was changed")
	}
}

func TestRedirectLoopCappedAndNotRetried(t *testing.T) {
	t.Parallel()
	var hops atomic.Int64
	var a *authServer
	a = newAuthServer(t, false, func(w http.ResponseWriter, r *http.Request) {
		hops.Add(1)
		http.Redirect(w, r, a.srv.URL+"/beta/loop", http.StatusFound)
	})
	c, _ := fakeClient(a.srv.URL + "/beta")
	err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil)
	if err == nil {
		t.Fatal("a redirect loop succeeded")
	}
	if n := hops.Load(); n > 11 {
		t.Errorf("the server saw %d requests: the loop was retried or not capped at 10 redirects", n)
	}
	var re *RequestError
	if !errors.As(err, &re) || re.Retryable {
		t.Errorf("error %v (%T): want a *RequestError marked not retryable", err, err)
	}
}

func TestBearerTransportOnlyAllowedHosts(t *testing.T) {
	t.Parallel()
	other := newAuthServer(t, true, nil)
	plain := newAuthServer(t, false, nil)
	var graphSrv *authServer
	graphSrv = newAuthServer(t, true, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/beta/evil":
			http.Redirect(w, r, other.srv.URL+"/steal", http.StatusFound) // another port: not allowed
		case "/beta/plain":
			http.Redirect(w, r, plain.srv.URL+"/steal", http.StatusFound)
		default:
			_, _ = io.WriteString(w, `{}`)
		}
	})
	var calls atomic.Int64
	bt := &BearerTransport{
		Token:        func(context.Context) (string, error) { calls.Add(1); return "sekrit", nil },
		AllowedHosts: []string{graphSrv.srv.Listener.Addr().String()},
		Base:         graphSrv.srv.Client().Transport,
	}
	c := NewClient(WithBaseURL(graphSrv.srv.URL+"/beta"), WithHTTPClient(&http.Client{Transport: bt}))
	for _, p := range []string{"/me", "/evil", "/plain"} {
		var out map[string]any
		if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: p}, &out); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if got := graphSrv.got(); len(got) != 3 || got[0] != "Bearer sekrit" {
		t.Errorf("the allowed host got %q, want the token", got)
	}
	if got := other.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("a host not allowed got Authorization %q, want none", got)
	}
	if got := plain.got(); len(got) != 1 || got[0] != "" {
		t.Errorf("plain http got Authorization %q, want none", got)
	}
}

func TestBearerTransportDefaultHostsAreGraphClouds(t *testing.T) {
	t.Parallel()
	var sawAuth []string
	base := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		sawAuth = append(sawAuth, r.URL.Host+"="+r.Header.Get("Authorization"))
		return response(200, nil, `{}`), nil
	})
	bt := &BearerTransport{Token: func(context.Context) (string, error) { return "t", nil }, Base: base}
	for _, u := range []string{CloudGlobal + "/v1.0/me", CloudChina + "/v1.0/me", "https://evil.test/me", "http://graph.microsoft.com/v1.0/me"} {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		resp, err := bt.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	want := []string{"graph.microsoft.com=Bearer t", "microsoftgraph.chinacloudapi.cn=Bearer t", "evil.test=", "graph.microsoft.com="}
	if fmt.Sprint(sawAuth) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", sawAuth, want)
	}
}

func TestServerNeverAnswersTimesOut(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	for name, opts := range map[string][]Option{
		"default client": {WithTimeout(200 * time.Millisecond)},
		"caller client":  {WithTimeout(200 * time.Millisecond), WithHTTPClient(&http.Client{})},
	} {
		c, _ := fakeClient(srv.URL+"/beta", opts...)
		var err error
		hangGuard(t, name, func() { err = c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil) })
		var re *RequestError
		if err == nil || !errors.As(err, &re) || !re.Retryable || re.Attempts != DefaultRetryPolicy().MaxAttempts {
			t.Errorf("%s: error %v: want a retryable *RequestError after %d attempts", name, err, DefaultRetryPolicy().MaxAttempts)
		}
	}
}

func TestDefaultTimeoutAndMaxResponseBytes(t *testing.T) {
	t.Parallel()
	c := NewClient(WithHTTPClient(&http.Client{}))
	if c.timeout != DefaultTimeout || DefaultTimeout <= 0 {
		t.Errorf("timeout %v, want DefaultTimeout %v", c.timeout, DefaultTimeout)
	}
	if c.maxResponse != DefaultMaxResponseBytes || DefaultMaxResponseBytes <= 0 {
		t.Errorf("max response %d, want DefaultMaxResponseBytes %d", c.maxResponse, DefaultMaxResponseBytes)
	}
}

func TestDiscardEndlessBody(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("x"), 4096)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	c, _ := fakeClient(srv.URL + "/beta")
	var err error
	hangGuard(t, "DELETE with an endless body", func() {
		err = c.Do(context.Background(), Request{Method: http.MethodDelete, Path: "/users/1"}, nil)
	})
	if err != nil {
		t.Errorf("a 200 with an endless discarded body: %v, want success (the body is not wanted)", err)
	}
}

// hijackCut answers with the status line, a Content-Length of claimed and the body, then
// cuts the connection.
func hijackCut(t *testing.T, claimed int, body string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", claimed, body)
		_ = buf.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDiscardDrainErrorReported(t *testing.T) {
	t.Parallel()
	srv := hijackCut(t, 100, "0123456789")
	c, _ := fakeClient(srv.URL + "/beta")
	err := c.Do(context.Background(), Request{Method: http.MethodDelete, Path: "/users/1"}, nil)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a cut discarded body: %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestTruncatedJSONBody(t *testing.T) {
	t.Parallel()
	srv := hijackCut(t, 100, `{"id":"1"`)
	c, _ := fakeClient(srv.URL + "/beta")
	var out map[string]any
	err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a cut JSON body: %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestTruncatedDownload(t *testing.T) {
	t.Parallel()
	srv := hijackCut(t, 100, "0123456789")
	c, _ := fakeClient(srv.URL + "/beta")
	rc, err := c.Stream(context.Background(), Request{Method: http.MethodGet, Path: "/me/drive/items/1/content"})
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if _, err := io.ReadAll(rc); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("a cut download: %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestMaxResponseBytesChunked(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"value":"`)
		http.NewResponseController(w).Flush() // chunked: no Content-Length
		_, _ = io.WriteString(w, strings.Repeat("x", 4096)+`"}`)
	}))
	t.Cleanup(srv.Close)
	c, _ := fakeClient(srv.URL+"/beta", WithMaxResponseBytes(1024))
	var out map[string]any
	err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out)
	var tl *ResponseTooLargeError
	if !errors.As(err, &tl) || tl.Limit != 1024 {
		t.Errorf("a body past the cap: %v, want a *ResponseTooLargeError of limit 1024", err)
	}
	// At the cap exactly, it is read.
	c2, _ := fakeClient(srv.URL+"/beta", WithMaxResponseBytes(int64(len(`{"value":"`)+4096+2)))
	if err := c2.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
		t.Errorf("a body at the cap: %v", err)
	}
}

// TestLyingContentLengthMemory: 200 concurrent calls against a server that claims a
// Content-Length of 64 MiB and sends 16 bytes allocate what arrives, not what is claimed.
func TestLyingContentLengthMemory(t *testing.T) {
	const calls = 200
	var arrived sync.WaitGroup
	arrived.Add(calls)
	allIn := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", 64<<20, `{"a":"0123456789`)
		_ = buf.Flush()
		arrived.Done()
		<-allIn // every call is now reading its body
	}))
	t.Cleanup(srv.Close)
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithoutRetries(),
		WithHTTPClient(&http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, DisableKeepAlives: true}}))
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for range calls {
		wg.Go(func() {
			var out map[string]any
			errs <- c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out)
		})
	}
	arrived.Wait()
	time.Sleep(100 * time.Millisecond) // let every client reach its read
	var during runtime.MemStats
	runtime.ReadMemStats(&during)
	close(allIn)
	wg.Wait()
	close(errs)
	for err := range errs {
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("a lying Content-Length: %v, want io.ErrUnexpectedEOF", err)
			break
		}
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("200 concurrent calls, Content-Length 64 MiB, 16 bytes sent: %.1f MiB allocated in all (peak heap at most that), heap in use while all were reading %.1f MiB (before %.1f MiB)",
		float64(allocated)/(1<<20), float64(during.HeapInuse)/(1<<20), float64(before.HeapInuse)/(1<<20))
	if allocated > 50<<20 {
		t.Errorf("allocated %.1f MiB, want under 50 MiB", float64(allocated)/(1<<20))
	}
}

// netErr is a transport error of the kind a reset or refused connection gives.
func netErr(errno syscall.Errno) error {
	return &net.OpError{Op: "read", Net: "tcp", Err: &net.AddrError{Err: errno.Error()}}
}

// countingTransport counts the requests that reach it, and answers with f.
type countingTransport struct {
	n atomic.Int64
	f func(*http.Request) (*http.Response, error)
}

func (ct *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ct.n.Add(1)
	return ct.f(r)
}

func TestCredentialErrorNotRetried(t *testing.T) {
	t.Parallel()
	for i, method := range []string{http.MethodGet, http.MethodDelete, http.MethodPost, http.MethodPatch, http.MethodPut} {
		var calls atomic.Int64
		bt := &BearerTransport{
			Token: func(context.Context) (string, error) {
				calls.Add(1)
				if i == 4 { // a timeout reaching the token endpoint is a credential error still
					return "", &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ETIMEDOUT}
				}
				return "", errors.New("AADSTS7000215: invalid client secret")
			},
			AllowedHosts: []string{"graph.test"},
			Base:         roundTripperFunc(func(*http.Request) (*http.Response, error) { return response(200, nil, `{}`), nil }),
		}
		c, _ := fakeClient("https://graph.test/beta", WithHTTPClient(&http.Client{Transport: bt}))
		err := c.Do(context.Background(), Request{Method: method, Path: "/me"}, nil)
		if err == nil || calls.Load() != 1 {
			t.Errorf("%s: error %v after %d credential calls, want an error after 1", method, err, calls.Load())
		}
		var re *RequestError
		if !errors.As(err, &re) || re.Retryable {
			t.Errorf("%s: %v (%T): want a *RequestError marked not retryable", method, err, err)
		}
	}
}

func TestCredentialErrorFromOwnTransportNotRetried(t *testing.T) {
	t.Parallel()
	ct := &countingTransport{f: func(*http.Request) (*http.Response, error) {
		return nil, errors.New("fetching a token: 401 from the token endpoint")
	}}
	c, _ := fakeClient("https://graph.test/beta", WithHTTPClient(&http.Client{Transport: ct}))
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil); err == nil || ct.n.Load() != 1 {
		t.Errorf("error %v after %d attempts, want an error after 1", err, ct.n.Load())
	}
}

func TestInvalidHeaderNotRetried(t *testing.T) {
	t.Parallel()
	ct := &countingTransport{f: http.DefaultTransport.RoundTrip}
	c, _ := fakeClient("http://127.0.0.1:1/beta", WithHTTPClient(&http.Client{Transport: ct}))
	r := Request{Method: http.MethodGet, Path: "/me", Header: http.Header{"If-Match": {"a\nb"}}}
	err := c.Do(context.Background(), r, nil)
	if err == nil || ct.n.Load() != 1 {
		t.Errorf("an invalid header: error %v after %d attempts, want an error after 1", err, ct.n.Load())
	}
}

func TestConnectionRefusedRetried(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close() // nothing listens there any more
	ct := &countingTransport{f: http.DefaultTransport.RoundTrip}
	c, _ := fakeClient(addr+"/beta", WithHTTPClient(&http.Client{Transport: ct}))
	err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil)
	var re *RequestError
	if !errors.As(err, &re) || !re.Retryable || ct.n.Load() != int64(DefaultRetryPolicy().MaxAttempts) {
		t.Errorf("a refused connection: %v after %d attempts, want a retryable *RequestError after %d", err, ct.n.Load(), DefaultRetryPolicy().MaxAttempts)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("%v: want it to wrap ECONNREFUSED", err)
	}
}

func TestConnectionResetRetriedIdempotentOnly(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 || r.Method == http.MethodPost {
			conn, _, _ := http.NewResponseController(w).Hijack()
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // a reset, not a clean close
			}
			conn.Close()
			return
		}
		_, _ = io.WriteString(w, `{"id":"1"}`)
	}))
	t.Cleanup(srv.Close)
	c, _ := fakeClient(srv.URL + "/beta")
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil || out["id"] != "1" {
		t.Errorf("GET after a reset: %v %v, want it retried", out, err)
	}
	before := n.Load()
	err := c.Do(context.Background(), Request{Method: http.MethodPost, Path: "/me/sendMail", Body: map[string]any{}}, nil)
	if err == nil || n.Load()-before != 1 {
		t.Errorf("POST after a reset: error %v after %d attempts, want an error after 1", err, n.Load()-before)
	}
}

func TestTypedNilReader(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c, _ := fakeClient(rec.srv.URL + "/beta")
	for name, content := range map[string]io.Reader{
		"*bytes.Buffer":   (*bytes.Buffer)(nil),
		"*strings.Reader": (*strings.Reader)(nil),
		"*bytes.Reader":   (*bytes.Reader)(nil),
	} {
		var err error
		func() {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("panic: %v", p)
					t.Errorf("%s: %v", name, err)
				}
			}()
			err = c.Do(context.Background(), Request{Method: http.MethodPut, Path: "/me/photo/$value", Content: content}, nil)
		}()
		if err == nil {
			t.Errorf("a nil %s as the content: no error", name)
		}
	}
	if n := len(rec.requests()); n != 0 {
		t.Errorf("%d requests sent with a nil reader", n)
	}
}

// TestSeekerBodyTransportLeavesBodyOpen: an upload from a reader that can Read and Seek
// but not ReadAt, through a transport that fails without closing the request body (which
// the RoundTripper contract asks it to), is sent again without waiting for that close.
func TestSeekerBodyTransportLeavesBodyOpen(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	var n atomic.Int64
	leaky := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		if n.Add(1) == 1 {
			return nil, &net.OpError{Op: "write", Net: "tcp", Err: syscall.ECONNRESET} // body left open
		}
		return http.DefaultTransport.RoundTrip(r)
	})
	c, _ := fakeClient(rec.srv.URL+"/beta", WithHTTPClient(&http.Client{Transport: leaky}))
	var err error
	hangGuard(t, "a retried upload", func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err = c.Do(ctx, Request{Method: http.MethodPut, Path: "/me/photo/$value",
			Content: &readSeeker{strings.NewReader("photo bytes")}}, nil)
	})
	if err != nil {
		t.Fatalf("a retried seeker upload: %v", err)
	}
	if reqs := rec.requests(); len(reqs) != 1 || reqs[0].body != "photo bytes" {
		t.Errorf("the server got %v", reqs)
	}
}

// cancelAtEOF is a body that cancels its context as it hands out its last bytes: the read
// ends at the moment the call is cancelled.
type cancelAtEOF struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (b *cancelAtEOF) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		b.cancel()
	}
	return n, err
}
func (b *cancelAtEOF) Close() error { return nil }

func TestCancelledWhileReading(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	tr := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{}, ContentLength: -1, Request: r,
			Body: &cancelAtEOF{strings.NewReader(`{"id":"partial"}`), cancel}}, nil
	})
	c, _ := fakeClient("https://graph.test/beta", WithHTTPClient(&http.Client{Transport: tr}))
	var out map[string]any
	if err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/me"}, &out); !errors.Is(err, context.Canceled) {
		t.Errorf("a call cancelled as its body was read: %v, want context.Canceled", err)
	}
}

func TestEmptyEntityBody(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/beta/nocontent" {
			w.WriteHeader(http.StatusNoContent)
		}
	})
	c, _ := fakeClient(rec.srv.URL + "/beta")
	var out map[string]any
	if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("an empty 200 where an entity is promised: %v, want io.ErrUnexpectedEOF", err)
	}
	if err := c.Do(context.Background(), Request{Method: http.MethodPatch, Path: "/nocontent"}, &out); err != nil {
		t.Errorf("a 204: %v", err)
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestClientRequestIDAndRetryAttempt(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{503, 503, 200, 200}, nil, `{}`))
	c, _ := fakeClient(rec.srv.URL + "/beta")
	var out map[string]any
	for range 2 {
		if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
			t.Fatal(err)
		}
	}
	reqs := rec.requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want 4", len(reqs))
	}
	id := reqs[0].header.Get("client-request-id")
	if !uuidRE.MatchString(id) {
		t.Errorf("client-request-id %q, want a UUID", id)
	}
	for i, want := range []string{"", "1", "2"} {
		if got := reqs[i].header.Get("client-request-id"); got != id {
			t.Errorf("attempt %d: client-request-id %q, want %q on every retry", i, got, id)
		}
		if got := reqs[i].header.Get("Retry-Attempt"); got != want {
			t.Errorf("attempt %d: Retry-Attempt %q, want %q", i, got, want)
		}
	}
	if other := reqs[3].header.Get("client-request-id"); other == id || !uuidRE.MatchString(other) {
		t.Errorf("the second call's client-request-id %q, want a fresh UUID", other)
	}
	// The caller's own client-request-id is kept.
	r := Request{Method: http.MethodGet, Path: "/me", Header: http.Header{"Client-Request-Id": {"mine"}}}
	if err := c.Do(context.Background(), r, &out); err != nil {
		t.Fatal(err)
	}
	if got := rec.requests()[4].header.Get("client-request-id"); got != "mine" {
		t.Errorf("client-request-id %q, want the caller's", got)
	}
}

func TestErrorsCarryRequestIDNoSecrets(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("client-request-id", r.Header.Get("client-request-id")) // as Graph does
		w.WriteHeader(http.StatusNotFound)
	})
	c, _ := fakeClient(rec.srv.URL+"/beta", WithToken("sekrit"))
	err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil)
	var e *Error
	if !errors.As(err, &e) || e.ClientRequestID == "" || e.ClientRequestID != rec.requests()[0].header.Get("client-request-id") {
		t.Errorf("a 404: %v, want an *Error with the client-request-id sent", err)
	}
	ct := &countingTransport{f: func(*http.Request) (*http.Response, error) { return nil, errors.New("boom") }}
	c2, _ := fakeClient("https://user:pa55word@graph.test/beta", WithToken("sekrit"), WithHTTPClient(&http.Client{Transport: ct}))
	err = c2.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, nil)
	var re *RequestError
	if !errors.As(err, &re) || !uuidRE.MatchString(re.ClientRequestID) || !strings.Contains(err.Error(), re.ClientRequestID) {
		t.Errorf("a transport error: %v, want a *RequestError naming the client-request-id", err)
	}
	if s := err.Error(); strings.Contains(s, "sekrit") || strings.Contains(s, "pa55word") {
		t.Errorf("the error text %q holds a secret", s)
	}
}

func TestNextLinkRefusalHidesPassword(t *testing.T) {
	t.Parallel()
	c := NewClient(WithBaseURL("https://graph.test/beta"))
	p := &Page[map[string]any]{NextLink: "https://admin:hunter2@evil.test/beta/users?$skiptoken=1"}
	_, err := NextPage(context.Background(), c, p)
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("the refusal %v, want an error without the password", err)
	}
	p.NextLink = "https://admin:hunter2@graph.test/beta/users\x7f"
	if _, err := NextPage(context.Background(), c, p); err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("an unparsable link: %v, want an error without the password", err)
	}
}

func TestConcurrentCallsRace(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, replies([]int{503, 200}, nil, `{"id":"1"}`))
	c, _ := fakeClient(rec.srv.URL + "/beta")
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			var out map[string]any
			if err := c.Do(context.Background(), Request{Method: http.MethodGet, Path: "/me"}, &out); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestListKeepsDeltaLink(t *testing.T) {
	t.Parallel()
	var rec *recorder
	rec = newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 0 {
			fmt.Fprintf(w, `{"value":[{"id":"a"}],"@odata.nextLink":%q}`, rec.srv.URL+"/beta/users/delta?$skiptoken=2")
			return
		}
		fmt.Fprintf(w, `{"value":[{"id":"b"}],"@odata.deltaLink":%q}`, rec.srv.URL+"/beta/users/delta?$deltatoken=3")
	})
	c, _ := fakeClient(rec.srv.URL + "/beta")
	var delta string
	var ids []string
	for v, err := range ListDelta[map[string]any](context.Background(), c, Request{Method: http.MethodGet, Path: "/users/delta"}, &delta) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, fmt.Sprint(v["id"]))
	}
	if fmt.Sprint(ids) != "[a b]" || delta != rec.srv.URL+"/beta/users/delta?$deltatoken=3" {
		t.Errorf("items %v, delta link %q", ids, delta)
	}
}

// TestPerTryTimeoutReused: the per-try timer bounds a stalled answer and a stalled body,
// a download only until its headers, and the timers a client reuses from call to call
// neither cancel a later call nor stop bounding one.
func TestPerTryTimeoutReused(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		stall := func() {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
		switch r.URL.Path {
		case "/beta/stall": // no headers
			stall()
		case "/beta/stall-body": // headers and half a JSON document
			_, _ = io.WriteString(w, `{"id":`)
			http.NewResponseController(w).Flush()
			stall()
		case "/beta/slow-download": // headers at once, the rest after the timeout
			_, _ = io.WriteString(w, "abc")
			http.NewResponseController(w).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			case <-time.After(1500 * time.Millisecond):
			}
			_, _ = io.WriteString(w, "def")
		default:
			_, _ = io.WriteString(w, `{"id":"1"}`)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	c, _ := fakeClient(srv.URL+"/beta", WithTimeout(time.Second), WithoutRetries())
	get := func(path string) Request { return Request{Method: http.MethodGet, Path: path} }
	quick := func(when string) {
		t.Helper()
		for range 20 {
			var out map[string]any
			if err := c.Do(context.Background(), get("/quick"), &out); err != nil || out["id"] != "1" {
				t.Fatalf("%s: a quick call: %v, %v", when, out, err)
			}
		}
	}
	timedOut := func(what string, err error) {
		t.Helper()
		if !errors.Is(err, context.DeadlineExceeded) || !errors.As(err, new(tryTimeoutError)) || !strings.Contains(err.Error(), "per-try timeout") {
			t.Errorf("%s: %v, want the per-try timeout", what, err)
		}
	}
	quick("before")
	hangGuard(t, "a stalled answer", func() {
		err := c.Do(context.Background(), get("/stall"), nil)
		var re *RequestError
		if !errors.As(err, &re) || !re.Retryable {
			t.Errorf("a stalled answer: %v, want a retryable *RequestError", err)
		}
		timedOut("a stalled answer", err)
	})
	quick("after a stalled answer")
	hangGuard(t, "a stalled body", func() {
		var out map[string]any
		timedOut("a stalled body", c.Do(context.Background(), get("/stall-body"), &out))
	})
	quick("after a stalled body")
	hangGuard(t, "a slow download", func() {
		rc, err := c.Stream(context.Background(), get("/slow-download"))
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		if b, err := io.ReadAll(rc); err != nil || string(b) != "abcdef" {
			t.Errorf("a download slower than the per-try timeout after its headers: %q, %v", b, err)
		}
	})
	quick("after a download")
	hangGuard(t, "a stalled answer again", func() { timedOut("a stalled answer again", c.Do(context.Background(), get("/stall"), nil)) })
}
