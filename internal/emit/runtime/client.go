// Package graph is the runtime that graphdocgen emits into every generated client, as
// client_gen.go. This copy is compiled and tested here; emit embeds its text, sets the
// package name and the API version, and adds the generated header.
package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// APIVersion is the Microsoft Graph API version this package was generated for.
const APIVersion = "beta"

// DefaultBaseURL is the service root requests go to unless WithBaseURL says otherwise.
const DefaultBaseURL = "https://graph.microsoft.com/" + APIVersion

// DefaultUserAgent is the User-Agent header sent unless WithUserAgent says otherwise.
const DefaultUserAgent = "graphdocgen-client/" + APIVersion

// The roots of the Microsoft Graph national clouds, for WithCloud.
const (
	// CloudGlobal is the root of the global service.
	CloudGlobal = "https://graph.microsoft.com"
	// CloudUSGov is the root of Microsoft Graph for US Government L4.
	CloudUSGov = "https://graph.microsoft.us"
	// CloudUSGovDoD is the root of Microsoft Graph for US Government L5 (DOD).
	CloudUSGovDoD = "https://dod-graph.microsoft.us"
	// CloudChina is the root of Microsoft Graph China operated by 21Vianet.
	CloudChina = "https://microsoftgraph.chinacloudapi.cn"
)

// Client calls Microsoft Graph. Its methods are safe for concurrent use.
//
// Authentication is the job of the *http.Client given with WithHTTPClient (for example
// one made by golang.org/x/oauth2, or one whose transport is a BearerTransport), which
// adds the Authorization header to each request and renews the token; WithToken is a
// shortcut for scripts holding a token already. A redirect to another scheme, host or
// port drops the Authorization header (see NewClient).
//
// Requests answered 429 Too Many Requests, 503 Service Unavailable or 504 Gateway Timeout
// are sent again as the RetryPolicy says (see RetryPolicy for which ones).
type Client struct {
	baseURL    string
	httpClient *http.Client
	userAgent  string
	token      string
	retry      RetryPolicy
	// sender is the copy of httpClient requests are sent with, with the redirect policy.
	sender *http.Client
	// timeout bounds one attempt (0: no bound); maxResponse bounds a JSON result.
	timeout     time.Duration
	maxResponse int64

	// sleep waits d, or until ctx is done (it then returns ctx.Err()).
	sleep func(ctx context.Context, d time.Duration) error
	// jitter returns a random duration in [0, d].
	jitter func(d time.Duration) time.Duration
	// now tells the time, for Retry-After dates and the retry time bound.
	now func() time.Time
	// collect, when not nil, is the Batch that Do adds requests to instead of sending them.
	collect *Batch
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sets the service root, for a national cloud or a test server. It is the URL
// that paths such as /users are appended to, including the version segment.
func WithBaseURL(baseURL string) Option {
	return func(c *Client) { c.baseURL = strings.TrimRight(baseURL, "/") }
}

// WithCloud sets the service root to a national cloud's root (CloudUSGov, say) followed
// by APIVersion: WithCloud(CloudChina) is WithBaseURL(CloudChina + "/" + APIVersion).
func WithCloud(root string) Option {
	return WithBaseURL(strings.TrimRight(root, "/") + "/" + APIVersion)
}

// WithHTTPClient sets the HTTP client requests are sent with. This is how authentication
// is plugged in for real applications: the client's transport adds the bearer token and
// renews it (golang.org/x/oauth2 and the Azure identity library make such clients).
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) { c.httpClient = h }
}

// WithToken sends token as a static bearer token (Authorization: Bearer token) with every
// request. It suits scripts and tests: the token is never renewed, so a long-running
// application should use WithHTTPClient with an oauth2 client instead. An empty token
// sends no Authorization header.
func WithToken(token string) Option {
	return func(c *Client) { c.token = token }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

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

// NewClient returns a client for DefaultBaseURL using http.DefaultClient,
// DefaultRetryPolicy, DefaultTimeout and DefaultMaxResponseBytes, changed by opts.
//
// The client sends with a copy of the *http.Client (which is left as it was) whose
// redirect policy follows at most 10 redirects and drops the Authorization header, and
// other credential headers, on a redirect that changes the scheme, the host or the port.
func NewClient(opts ...Option) *Client {
	c := &Client{baseURL: DefaultBaseURL, httpClient: http.DefaultClient, userAgent: DefaultUserAgent,
		retry: DefaultRetryPolicy(), timeout: DefaultTimeout, maxResponse: DefaultMaxResponseBytes,
		sleep: sleepContext, jitter: fullJitter, now: time.Now}
	for _, o := range opts {
		o(c)
	}
	if c.httpClient == nil {
		c.httpClient = http.DefaultClient
	}
	hc := *c.httpClient
	hc.CheckRedirect = redirectPolicy(c.httpClient.CheckRedirect)
	c.sender = &hc
	return c
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

// Error is the error returned for a response whose status is not 2xx. It carries the
// Graph error body ({"error": {"code": ..., "message": ...}}) when the service sent one.
// Use errors.As to get at it, or IsNotFound and IsThrottled.
type Error struct {
	// StatusCode is the HTTP status code of the response.
	StatusCode int
	// Code is the Graph error code, such as "Request_ResourceNotFound".
	Code string
	// Message is the Graph error message.
	Message string
	// Details are the error body's details: more errors, each about a target.
	Details []ErrorDetail
	// RequestID is the request-id response header (or the error body's innerError
	// request-id): quote it when asking Microsoft support about a failed call.
	RequestID string
	// ClientRequestID is the client-request-id response header (or the error body's
	// innerError client-request-id).
	ClientRequestID string
	// Date is the error body's innerError date, as the service wrote it.
	Date string
	// InnerError is the error body's innerError object as it arrived; nil without one.
	InnerError json.RawMessage
	// RetryAfter is the wait the Retry-After response header asks for (given in seconds
	// or as an HTTP date); 0 without one.
	RetryAfter time.Duration
	// Body is the raw response body, at most 64 KiB of it.
	Body []byte
}

// ErrorDetail is one of the details of a Graph error.
type ErrorDetail struct {
	// Code is the detail's error code.
	Code string `json:"code"`
	// Message is the detail's message.
	Message string `json:"message"`
	// Target is what the detail is about, such as a property name.
	Target string `json:"target"`
}

// Error describes the failure: status, Graph code and message, details, request ID and
// the wait Retry-After asks for.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "graph: %d", e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.Code != "" {
		b.WriteString(": " + e.Code)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	for i, d := range e.Details {
		if i == 0 {
			b.WriteString(" [")
		} else {
			b.WriteString("; ")
		}
		parts := make([]string, 0, 3)
		for _, s := range []string{d.Target, d.Code, d.Message} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		b.WriteString(strings.Join(parts, ": "))
		if i == len(e.Details)-1 {
			b.WriteString("]")
		}
	}
	if e.RequestID != "" {
		b.WriteString(" (request-id " + e.RequestID + ")")
	}
	if e.RetryAfter > 0 {
		b.WriteString(" (retry after " + e.RetryAfter.String() + ")")
	}
	return b.String()
}

// IsNotFound reports whether err is, or wraps, an *Error with status 404 Not Found.
func IsNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.StatusCode == http.StatusNotFound
}

// IsThrottled reports whether err is, or wraps, an *Error saying that the service
// throttled the request: status 429 Too Many Requests, or 503 Service Unavailable with a
// positive Retry-After. The error's RetryAfter says how long to wait.
func IsThrottled(err error) bool {
	var e *Error
	return errors.As(err, &e) &&
		(e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusServiceUnavailable && e.RetryAfter > 0)
}

// Page is one page of a collection: the items and, when there are more, the link to the
// next page (see NextPage).
type Page[T any] struct {
	// Value holds the items of this page.
	Value []T `json:"value"`
	// NextLink is the URL of the next page; empty on the last page.
	NextLink string `json:"@odata.nextLink,omitempty"`
	// DeltaLink, on the last page of a delta function's answer, is the URL that asks for
	// the changes made since.
	DeltaLink string `json:"@odata.deltaLink,omitempty"`
	// Count is the size of the whole collection, when $count=true asked for it.
	Count *int64 `json:"@odata.count,omitempty"`

	// header holds the extra headers of the request this page answers, which the request
	// for the next page sends again.
	header http.Header
	// response, when not nil, receives the next page's status and headers.
	response *Response
}

// NextPage fetches the page after p, sending the headers of the request that p answers
// again (ConsistencyLevel, say); it returns nil and no error when p is the last page. A
// next link to another scheme or host than the client's base URL is refused, since
// following it would send the client's credentials there.
func NextPage[T any](ctx context.Context, c *Client, p *Page[T]) (*Page[T], error) {
	if p == nil || p.NextLink == "" {
		return nil, nil
	}
	next := &Page[T]{}
	if err := c.fetch(ctx, Request{Method: http.MethodGet, Header: p.header, Response: p.response}, p.NextLink, next); err != nil {
		return nil, err
	}
	next.header, next.response = p.header, p.response
	return next, nil
}

// Ptr returns a pointer to v: the way to set an optional field, including to false or 0.
func Ptr[T any](v T) *T { return &v }

// ValueOf is the envelope Graph wraps primitive results in: {"value": ...}.
type ValueOf[T any] struct {
	Value T `json:"value"`
}

// maxErrorBody bounds how much of an error response is kept.
const maxErrorBody = 64 << 10

// Request is one call to the API as the generated methods make it. Client.Do,
// Client.Stream, Client.Count, GetPage and List send it; build one yourself for an
// endpoint the docs do not describe.
type Request struct {
	// Method is the HTTP method: GET, POST, PATCH, PUT or DELETE.
	Method string
	// Path follows the base URL (/users/{id}/messages); each segment already escaped,
	// which PathValue and PathSegments do.
	Path string
	// Query holds query parameters; nil for none. OData names keep their "$".
	Query url.Values
	// Header holds extra headers (ConsistencyLevel, Prefer, If-Match); nil for none.
	Header http.Header
	// Body, when not nil, is sent as JSON (unless Content is set).
	Body any
	// Content, when not nil, is sent as it is (an upload), with ContentType. A nil
	// pointer in it (a nil *bytes.Buffer, say) is an error, not an empty upload.
	Content io.Reader
	// ContentType is the media type of Content.
	ContentType string
	// Response, when not nil, receives the status and headers of the successful response.
	Response *Response
}

// Do sends r, with the client's retries and error handling, and decodes the JSON response
// into out (when out is not nil and the response has a body). A response other than 2xx
// is an *Error.
func (c *Client) Do(ctx context.Context, r Request, out any) error {
	return c.fetch(ctx, r, "", out)
}

// fetch is do, for link (an @odata.nextLink, say) instead of r's path and query when
// link is not empty.
func (c *Client) fetch(ctx context.Context, r Request, link string, out any) error {
	if c.collect != nil {
		return c.collect.add(r, link, out)
	}
	resp, err := c.send(ctx, r, link, "application/json", false)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	method, path := resp.Request.Method, resp.Request.URL.Path
	if out == nil || resp.StatusCode == http.StatusNoContent {
		// A body nobody wants is read up to maxDrain, so that the connection is reused;
		// past that, closing the body closes the connection.
		if _, err := io.CopyN(io.Discard, resp.Body, maxDrain); err != nil && err != io.EOF {
			return fmt.Errorf("graph: reading the %s %s response: %w", method, path, err)
		}
		return ctx.Err()
	}
	b, err := readLimited(resp.Body, resp.ContentLength, c.maxResponse)
	if err == nil {
		err = ctx.Err() // a call cancelled as its body ended is cancelled
	}
	if err == nil && resp.ContentLength > 0 && int64(len(b)) < resp.ContentLength {
		err = io.ErrUnexpectedEOF // shorter than announced
	}
	if err == errTooLarge {
		return &ResponseTooLargeError{Method: method, Path: path, Limit: c.maxResponse, ClientRequestID: resp.Request.Header.Get("client-request-id")}
	}
	if err != nil {
		return fmt.Errorf("graph: reading the %s %s response: %w", method, path, err)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		if resp.StatusCode != http.StatusOK {
			return nil // a 201 or 202 that sent nothing back: nothing to decode
		}
		return fmt.Errorf("graph: %s %s: status %d with an empty body where a result is expected: %w", method, path, resp.StatusCode, io.ErrUnexpectedEOF)
	}
	// A model's UnmarshalJSON checks the document itself, so it is called directly:
	// json.Unmarshal would scan the whole body once more before calling it.
	if u, ok := out.(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(b)
	} else {
		err = json.Unmarshal(b, out)
	}
	if err != nil {
		return fmt.Errorf("graph: decoding the %s %s response: %w", method, path, err)
	}
	return nil
}

// Stream sends r and returns the response body unread (a download); the caller closes it.
func (c *Client) Stream(ctx context.Context, r Request) (io.ReadCloser, error) {
	if c.collect != nil {
		return nil, errNotBatchable
	}
	resp, err := c.send(ctx, r, "", "*/*", true)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Count sends a $count request and reads the plain-text number the service answers with.
// Directory objects only count with the ConsistencyLevel: eventual header, and other
// resources ignore it, so it is always sent.
func (c *Client) Count(ctx context.Context, r Request) (int64, error) {
	if c.collect != nil {
		return 0, errNotBatchable
	}
	h := canonicalHeader(r.Header)
	if h == nil {
		h = http.Header{}
	}
	h.Set("Accept", "text/plain")
	h.Set("ConsistencyLevel", "eventual")
	r.Header = h
	resp, err := c.send(ctx, r, "", "text/plain", false)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("graph: reading the %s %s count: %w", r.Method, r.Path, err)
	}
	return n, nil
}

// GetPage sends r and decodes one page of a collection; NextPage fetches the next.
func GetPage[T any](ctx context.Context, c *Client, r Request) (*Page[T], error) {
	p := &Page[T]{}
	if err := c.Do(ctx, r, p); err != nil {
		return nil, err
	}
	p.header, p.response = canonicalHeader(r.Header), r.Response
	return p, nil
}

// List yields every item of the collection r asks for, following the next links. A page
// is fetched when the consumer reaches it, and none after the consumer stops; an error
// is yielded once, last.
func List[T any](ctx context.Context, c *Client, r Request) iter.Seq2[T, error] {
	return ListDelta[T](ctx, c, r, nil)
}

// ListDelta is List for a delta function's answer: once every item is yielded, the last
// page's @odata.deltaLink (the URL that asks for the changes made since) is stored in
// *deltaLink, when deltaLink is not nil. Pass it to NextPage's Page, or to Client.Do, later.
func ListDelta[T any](ctx context.Context, c *Client, r Request, deltaLink *string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		if c.collect != nil {
			var zero T
			yield(zero, errNotBatchable)
			return
		}
		p, err := GetPage[T](ctx, c, r)
		seen := map[string]bool{} // next links followed: a cycle would never end
		for {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, v := range p.Value {
				if !yield(v, nil) {
					return
				}
			}
			if p.NextLink == "" {
				if deltaLink != nil {
					*deltaLink = p.DeltaLink
				}
				return
			}
			seen[p.NextLink] = true
			p, err = NextPage(ctx, c, p)
			if err == nil && seen[p.NextLink] {
				err = fmt.Errorf("graph: the next link %s was followed before: the pages form a cycle", p.NextLink)
			}
		}
	}
}

// send sends r (to link instead of r's path and query when link is not empty), retrying
// as c.retry says, and returns the response when its status is 2xx, or an error: an
// *Error for any other status, a *RequestError when no answer came. The per-try timeout
// runs on until the body is closed, or only until the headers arrive when stream is true.
func (c *Client) send(ctx context.Context, r Request, link, accept string, stream bool) (*http.Response, error) {
	target, err := c.target(r, link)
	if err != nil {
		return nil, err
	}
	b, err := newBody(r)
	if err != nil {
		return nil, err
	}
	attempts := max(c.retry.MaxAttempts, 1)
	if !b.replayable() {
		attempts = 1
	}
	id := ""
	for k, v := range r.Header {
		if strings.EqualFold(k, "client-request-id") && len(v) > 0 {
			id = v[0]
		}
	}
	if id == "" {
		id = newUUID()
	}
	start := c.now()
	for n := 0; ; n++ {
		actx, cancel := context.WithCancelCause(ctx)
		var timer *time.Timer
		if c.timeout > 0 {
			d := c.timeout
			timer = time.AfterFunc(d, func() { cancel(tryTimeoutError{d}) })
		}
		req, err := c.newHTTPRequest(actx, r, target, accept, b, id, n)
		if err != nil {
			if timer != nil {
				timer.Stop()
			}
			cancel(context.Canceled)
			return nil, err
		}
		resp, err := c.sender.Do(req)
		var last error
		var wait time.Duration
		switch {
		case err != nil:
			if timer != nil {
				timer.Stop()
			}
			if cause := context.Cause(actx); ctx.Err() == nil && errors.As(cause, new(tryTimeoutError)) {
				err = cause
			}
			cancel(context.Canceled)
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err // its text holds the URL
			}
			re := &RequestError{Method: req.Method, Path: req.URL.Path, ClientRequestID: id, Attempts: n + 1, Err: err}
			re.Retryable = ctx.Err() == nil && retryableErr(err)
			if ctx.Err() != nil || !re.Retryable || !idempotent(req.Method) {
				return nil, re
			}
			last, wait = re, c.backoff(n)
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			ab := &attemptBody{rc: resp.Body, ctx: actx, cancel: cancel, timer: timer}
			if stream {
				ab.stop()
			}
			resp.Body = ab
			recordResponse(r.Response, resp)
			return resp, nil
		default:
			e, hasRetryAfter := newError(resp, c.now())
			resp.Body.Close()
			if timer != nil {
				timer.Stop()
			}
			cancel(context.Canceled)
			if !retryStatus(e.StatusCode, req.Method) {
				return nil, e
			}
			last, wait = e, e.RetryAfter
			if !hasRetryAfter {
				wait = c.backoff(n)
			}
		}
		if n+1 >= attempts || c.now().Sub(start)+wait > c.retry.MaxElapsed {
			return nil, last
		}
		if deadline, ok := ctx.Deadline(); ok && c.now().Add(wait).After(deadline) {
			return nil, last
		}
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("graph: %s %s: %w while waiting to retry after: %w", req.Method, req.URL.Path, err, last)
		}
	}
}

// target is the URL r goes to: link when it is not empty, else the base URL, r's path and
// its query.
func (c *Client) target(r Request, link string) (string, error) {
	if link == "" {
		if err := checkPath(r.Method, r.Path); err != nil {
			return "", err
		}
		u := c.baseURL + r.Path
		if len(r.Query) > 0 {
			u += "?" + encodeQuery(r.Query)
		}
		return u, nil
	}
	base, err := url.Parse(c.baseURL + "/")
	if err != nil {
		return "", fmt.Errorf("graph: the base URL: %w", err)
	}
	u, err := base.Parse(link)
	if err != nil {
		return "", errors.New("graph: a next link is not a URL") // the link may hold a password: it is not echoed
	}
	if !strings.EqualFold(u.Scheme, base.Scheme) || !strings.EqualFold(hostPort(u), hostPort(base)) || u.User != nil {
		u.User = nil
		return "", fmt.Errorf("graph: refusing to follow the link %q: it leaves %s://%s, or names a user, and would send the client's credentials elsewhere",
			u.String(), base.Scheme, base.Host)
	}
	return u.String(), nil
}

// hostPort is a URL's host and port, the scheme's default port spelled out, so that
// graph.microsoft.com and graph.microsoft.com:443 compare equal.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return strings.ToLower(u.Hostname()) + ":" + port
}

// newHTTPRequest builds one attempt at r.
func (c *Client) newHTTPRequest(ctx context.Context, r Request, target, accept string, b *body, id string, retry int) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, r.Method, target, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("client-request-id", id)
	if retry > 0 {
		req.Header.Set("Retry-Attempt", strconv.Itoa(retry))
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if !b.empty() {
		rc, n, err := b.open(ctx)
		if err != nil {
			return nil, err
		}
		req.Body, req.ContentLength = rc, n
		if b.replayable() {
			req.GetBody = func() (io.ReadCloser, error) {
				rc, _, err := b.open(ctx)
				return rc, err
			}
		}
		req.Header.Set("Content-Type", b.contentType)
	}
	for k, v := range canonicalHeader(r.Header) {
		req.Header[k] = v
	}
	return req, nil
}

// canonicalHeader copies h with its keys in canonical form (ConsistencyLevel becomes
// Consistencylevel), the values of keys that differ only in case joined in key order.
func canonicalHeader(h http.Header) http.Header {
	if len(h) == 0 {
		return nil
	}
	out := make(http.Header, len(h))
	for _, k := range slices.Sorted(maps.Keys(h)) {
		for _, v := range h[k] {
			out.Add(k, v)
		}
	}
	return out
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

// newError reads a non-2xx response into an *Error, and tells whether the response had a
// Retry-After header; now is the time Retry-After dates are counted from.
func newError(resp *http.Response, now time.Time) (*Error, bool) {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{StatusCode: resp.StatusCode, Body: body,
		RequestID: resp.Header.Get("request-id"), ClientRequestID: resp.Header.Get("client-request-id")}
	after, ok := retryAfter(resp.Header.Get("Retry-After"), now)
	e.RetryAfter = after
	var env struct {
		Error struct {
			Code       string          `json:"code"`
			Message    string          `json:"message"`
			Details    []ErrorDetail   `json:"details"`
			InnerError json.RawMessage `json:"innerError"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &env) != nil {
		return e, ok
	}
	e.Code, e.Message, e.Details = env.Error.Code, env.Error.Message, env.Error.Details
	var inner struct {
		Date            string `json:"date"`
		RequestID       string `json:"request-id"`
		ClientRequestID string `json:"client-request-id"`
	}
	if raw := env.Error.InnerError; len(raw) > 0 && raw[0] == '{' && json.Unmarshal(raw, &inner) == nil {
		e.InnerError, e.Date = raw, inner.Date
		if e.RequestID == "" {
			e.RequestID = inner.RequestID
		}
		if e.ClientRequestID == "" {
			e.ClientRequestID = inner.ClientRequestID
		}
	}
	return e, ok
}

// body is a request's body, sent again for each attempt when it is replayable.
type body struct {
	contentType string
	data        []byte // a JSON body, or a *bytes.Buffer's content: read afresh per attempt
	hasData     bool
	// at reads a seekable raw body in sections, one per attempt, from start, size long.
	at          io.ReaderAt
	start, size int64
	// seeker is a seekable raw body that cannot read at offsets: it is rewound per attempt,
	// and an earlier attempt's reader reads nothing more.
	seeker *seekState
	// once is a raw body that is read once: its request is not retried.
	once io.Reader
}

// newBody encodes r's JSON body, or sizes up its raw body.
func newBody(r Request) (*body, error) {
	b := &body{contentType: r.ContentType}
	if v := reflect.ValueOf(r.Content); r.Content != nil && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Map ||
		v.Kind() == reflect.Slice || v.Kind() == reflect.Func || v.Kind() == reflect.Chan) && v.IsNil() {
		return nil, fmt.Errorf("graph: %s %s: the request's Content is a nil %T", r.Method, r.Path, r.Content)
	}
	switch raw := r.Content.(type) {
	case nil:
		if r.Body == nil {
			return b, nil
		}
		data, err := json.Marshal(r.Body)
		if err != nil {
			return nil, fmt.Errorf("graph: encoding the %s %s request body: %w", r.Method, r.Path, err)
		}
		b.data, b.hasData, b.contentType = data, true, "application/json"
		return b, nil
	case *bytes.Buffer:
		b.data, b.hasData = raw.Bytes(), true
	case io.ReadSeeker:
		start, err := raw.Seek(0, io.SeekCurrent)
		var end int64
		if err == nil {
			end, err = raw.Seek(0, io.SeekEnd)
		}
		if err == nil {
			_, err = raw.Seek(start, io.SeekStart)
		}
		switch ra, isAt := raw.(io.ReaderAt); {
		case err != nil:
			b.once = raw
		case isAt:
			b.at, b.start, b.size = ra, start, end-start
		default:
			b.seeker, b.start, b.size = &seekState{s: raw}, start, end-start
		}
	default:
		b.once = raw
	}
	if b.contentType == "" {
		b.contentType = "application/octet-stream"
	}
	return b, nil
}

// empty reports whether there is no body to send.
func (b *body) empty() bool {
	return !b.hasData && b.at == nil && b.seeker == nil && b.once == nil
}

// replayable reports whether the body can be sent again.
func (b *body) replayable() bool { return b.once == nil }

// open returns the body's content for one attempt, and its length (-1: unknown). The
// caller's reader is never closed.
func (b *body) open(ctx context.Context) (io.ReadCloser, int64, error) {
	switch {
	case b.hasData:
		if len(b.data) == 0 {
			return http.NoBody, 0, nil
		}
		return io.NopCloser(bytes.NewReader(b.data)), int64(len(b.data)), nil
	case b.at != nil:
		if b.size == 0 {
			return http.NoBody, 0, nil
		}
		return io.NopCloser(io.NewSectionReader(b.at, b.start, b.size)), b.size, nil
	case b.seeker != nil:
		// The transport may still hold the attempt before, unclosed: it reads nothing more.
		st := b.seeker
		st.mu.Lock()
		defer st.mu.Unlock()
		st.gen++
		if _, err := st.s.Seek(b.start, io.SeekStart); err != nil {
			return nil, 0, fmt.Errorf("graph: rewinding the request body: %w", err)
		}
		return &seekAttempt{st: st, gen: st.gen, left: b.size}, b.size, nil
	default:
		return io.NopCloser(b.once), -1, nil
	}
}

// PathValue formats a path or function argument, escaped for a path segment: an ID
// holding "/", "?" or "#" stays inside its segment.
func PathValue(v any, quoted bool) string {
	return url.PathEscape(formatValue(v, quoted))
}

// PathSegments escapes a path value (a drive item's folder/file.txt) segment by segment,
// keeping its slashes; leading and trailing slashes are dropped.
func PathSegments(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// QueryValue formats a query parameter's value (url.Values escapes it).
func QueryValue(v any, quoted bool) string {
	return formatValue(v, quoted)
}

// formatValue writes a value as an OData URL literal: as is, or as a string literal
// ('it”s', quotes doubled) when quoted is true. Raw JSON is written as JSON: a JSON
// string as its text (quoted as above), any other value as it is; a collection is a JSON
// array (["a","b"]), never quoted.
func formatValue(v any, quoted bool) string {
	var s string
	switch v := v.(type) {
	case json.RawMessage:
		return formatJSON(v, quoted)
	case string:
		s = v
	case bool:
		s = strconv.FormatBool(v)
	case int:
		s = strconv.Itoa(v)
	case int8:
		s = strconv.FormatInt(int64(v), 10)
	case int16:
		s = strconv.FormatInt(int64(v), 10)
	case int32:
		s = strconv.FormatInt(int64(v), 10)
	case int64:
		s = strconv.FormatInt(v, 10)
	case uint8:
		s = strconv.FormatUint(uint64(v), 10)
	case float32:
		s = formatFloat(float64(v), 32)
	case float64:
		s = formatFloat(v, 64)
	case time.Time:
		s = v.Format(time.RFC3339Nano)
	case fmt.Stringer:
		s = v.String()
	default:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
			b, err := json.Marshal(v)
			if err == nil {
				return string(b)
			}
		}
		s = fmt.Sprint(v)
	}
	if quoted {
		s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// formatJSON writes raw JSON as an OData URL literal: a JSON string as its text, quoted
// when quoted is true; a number, true or false as it is, quoted likewise; null, an object
// or an array as it is. Text that is not JSON is taken as the value's text.
func formatJSON(raw json.RawMessage, quoted bool) string {
	t := bytes.TrimSpace(raw)
	var s string
	switch {
	case len(t) == 0:
		s = ""
	case t[0] == '"':
		if err := json.Unmarshal(t, &s); err != nil {
			s = string(t)
		}
	case t[0] == '{' || t[0] == '[' || string(t) == "null":
		return string(t)
	default:
		s = string(t)
	}
	return formatValue(s, quoted)
}

// formatFloat writes a float as an OData literal: INF, -INF and NaN are spelled as OData
// spells them.
func formatFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

// checkPath refuses a path with an empty, "." or ".." segment. Literal segments never are,
// so such a segment comes from an argument (an empty ID, say), and sending it would
// address a different resource (GET /groups/ lists groups) or be rewritten by a proxy.
func checkPath(method, path string) error {
	n := 0
	for rest := path; rest != ""; n++ {
		seg, after, found := strings.Cut(rest, "/")
		if n > 0 && (seg == "" || seg == "." || seg == "..") {
			return fmt.Errorf("graph: %s %s: an argument makes path segment %d empty, \".\" or \"..\"", method, path, n)
		}
		if !found {
			break
		}
		if after == "" {
			return fmt.Errorf("graph: %s %s: an argument makes the last path segment empty", method, path)
		}
		rest = after
	}
	return nil
}

// DecodeObject decodes the JSON object b into into (a struct without methods) and returns
// the members it must keep aside: those whose names known does not recognise, and the
// documented ones that are null (so that encoding again writes them: a pointer field
// cannot tell null from absent). Only exactly documented names reach into, since
// encoding/json would otherwise match "DISPLAYNAME" to DisplayName.
//
// The usual object, all of whose names are documented and none null, is decoded once,
// with no extra pass. An object whose only other members are documented nulls and
// instance annotations (@odata.context, @odata.etag, members@odata.nextLink: names with
// "@odata." in them) is decoded once as well, the members kept aside copied out of b in
// one scan. Only an object with an undocumented property takes the slow path (a map
// decode, an encode of the documented members and a second decode).
//
// A documented json.RawMessage property sent as null is decoded by encoding/json as the
// bytes null: the generated UnmarshalJSON sets it back to nil, since the null is kept
// aside.
func DecodeObject(b []byte, known func([]byte) bool, into any) (map[string]json.RawMessage, error) {
	if !needsExtra(b, known) {
		return nil, json.Unmarshal(b, into)
	}
	if extra, ok := keptAside(b, known); ok {
		if err := json.Unmarshal(b, into); err != nil {
			return nil, err
		}
		return extra, nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	kept := make(map[string]json.RawMessage, len(all))
	for k, v := range all {
		if known([]byte(k)) && string(v) != "null" {
			kept[k] = v
			continue
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[k] = v
	}
	doc, err := json.Marshal(kept)
	if err != nil {
		return nil, err
	}
	return extra, json.Unmarshal(doc, into)
}

// maxKept bounds the members keptAside handles in one scan; an object with more takes
// the slow path.
const maxKept = 64

// keptAside scans the members of the JSON object b and, when every member is either
// documented and not null, documented and null, or an instance annotation (a name with
// "@odata." in it: the only documented name with one is @odata.type, which must match
// exactly), returns the null and annotation
// members, copied, and true. It returns false for anything else (an undocumented
// property, a name with an escape, a repeated name, malformed input), which the slow path
// then reads. The names and values kept share two allocations.
func keptAside(b []byte, known func([]byte) bool) (map[string]json.RawMessage, bool) {
	type span struct{ name, val [2]int }
	var spans [maxKept]span
	n, nameLen, valLen := 0, 0, 0
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			break
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '"' {
			return nil, false
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' || b[end] < 0x20 || b[end] >= 0x80 {
				return nil, false // an escaped or non-ASCII name: let the slow path read it
			}
			end++
		}
		if end >= len(b) {
			return nil, false
		}
		name := b[i+1 : end]
		isKnown := known(name)
		if !isKnown && (!bytes.Contains(name, []byte("@odata.")) || bytes.EqualFold(name, []byte("@odata.type"))) {
			return nil, false // encoding/json would fold "@odata.Type" into ODataType
		}
		i = skipSpace(b, end+1)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		start := i
		i = skipValue(b, i)
		if i > len(b) || i <= start {
			return nil, false
		}
		val := bytes.TrimRight(b[start:i], " \t\r\n")
		if isKnown && string(val) != "null" {
			continue
		}
		if n == maxKept {
			return nil, false
		}
		for _, s := range spans[:n] {
			if string(b[s.name[0]:s.name[1]]) == string(name) {
				return nil, false // a repeated name: the slow path keeps the last, as encoding/json does
			}
		}
		spans[n] = span{name: [2]int{end - len(name), end}, val: [2]int{start, start + len(val)}}
		n++
		nameLen += len(name)
		valLen += len(val)
	}
	if n == 0 {
		return nil, true
	}
	names := make([]byte, 0, nameLen)
	for _, s := range spans[:n] {
		names = append(names, b[s.name[0]:s.name[1]]...)
	}
	all := string(names)
	vals := make([]byte, 0, valLen)
	extra := make(map[string]json.RawMessage, n)
	off := 0
	for _, s := range spans[:n] {
		k := all[off : off+s.name[1]-s.name[0]]
		off += len(k)
		from := len(vals)
		vals = append(vals, b[s.val[0]:s.val[1]]...)
		extra[k] = vals[from:len(vals):len(vals)]
	}
	return extra, true
}

// needsExtra scans the members of the JSON object b, which json.Unmarshal has already
// accepted, and reports whether one has a name known does not recognise, a name with an
// escape, or a null value: whether DecodeObject has anything to keep aside. It does not
// allocate.
func needsExtra(b []byte, known func([]byte) bool) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return true
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] == '}' {
			return false
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '"' {
			return true
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				return true // an escaped name: let the slow path read it
			}
			end++
		}
		if end >= len(b) || !known(b[i+1:end]) {
			return true
		}
		i = skipSpace(b, end+1)
		if i >= len(b) || b[i] != ':' {
			return true
		}
		i = skipSpace(b, i+1)
		if i+4 <= len(b) && string(b[i:i+4]) == "null" {
			return true
		}
		i = skipValue(b, i)
	}
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just after the JSON value that starts at i.
func skipValue(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			i++
			for i < len(b) && b[i] != '"' {
				if b[i] == '\\' {
					i++
				}
				i++
			}
			i++
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
}

// MarshalDerived encodes v, a value of a derived type sent where its base type is
// expected, with "@odata.type": name first when the caller left it out (odataType is v's
// ODataType), so that the service knows which type it receives.
func MarshalDerived(v any, odataType *string, name string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || odataType != nil && *odataType != "" {
		return b, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	if _, ok := top["@odata.type"]; ok {
		return b, nil
	}
	nb, err := json.Marshal(name)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+len(nb)+16)
	out = append(out, `{"@odata.type":`...)
	out = append(out, nb...)
	if len(top) > 0 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// MarshalObject encodes v, a struct without methods whose encoding is a JSON object, and
// appends the members of extra that it does not already hold, in name order.
func MarshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var have map[string]json.RawMessage
	if err := json.Unmarshal(b, &have); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if _, set := have[k]; !set {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := bytes.NewBuffer(make([]byte, 0, len(b)+64*len(keys)))
	out.Write(b[:len(b)-1])
	first := len(b) == 2 // {}
	for _, k := range keys {
		if !first {
			out.WriteByte(',')
		}
		first = false
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		out.Write(kb)
		out.WriteByte(':')
		if len(extra[k]) == 0 {
			out.WriteString("null")
		} else {
			out.Write(extra[k])
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// MarshalBody encodes a request body struct v (a struct without methods) with the members
// of extra that it does not already hold, each encoded as JSON, in name order: the
// documented fields win over a member of the same name.
func MarshalBody(v any, extra map[string]any) ([]byte, error) {
	if len(extra) == 0 {
		return json.Marshal(v)
	}
	raw := make(map[string]json.RawMessage, len(extra))
	for k, x := range extra {
		b, err := json.Marshal(x)
		if err != nil {
			return nil, fmt.Errorf("graph: AdditionalData[%q]: %w", k, err)
		}
		raw[k] = b
	}
	return MarshalObject(v, raw)
}

// DecodeBody is DecodeObject for a request body struct: the members it keeps aside are
// returned as json.RawMessage values, which MarshalBody writes back as they were.
func DecodeBody(b []byte, known func([]byte) bool, into any) (map[string]any, error) {
	extra, err := DecodeObject(b, known, into)
	if err != nil || extra == nil {
		return nil, err
	}
	out := make(map[string]any, len(extra))
	for k, x := range extra {
		out[k] = x
	}
	return out, nil
}

// ODataTypeOf is the type an @odata.type annotation names, lower-cased, without its "#";
// "" for nil.
func ODataTypeOf(s *string) string {
	if s == nil {
		return ""
	}
	return strings.ToLower(strings.TrimPrefix(*s, "#"))
}

// rawMarshal writes a placeholder type's kept JSON back out (null when there is none).
// Placeholder types keep a resource's JSON object exactly as it arrived until their
// properties are typed.
func rawMarshal(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// rawUnmarshal copies b, since the decoder reuses its buffer.
func rawUnmarshal(dst *json.RawMessage, b []byte) error {
	*dst = append((*dst)[:0], b...)
	return nil
}
