package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Request is one call to the API as the generated methods make it. Client.Do,
// Client.Stream and Client.Count send it (and the generated list methods page through
// it); build one yourself for an endpoint the docs do not describe.
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

// DoOptional is Do for a response that has a body only when the request asks for one
// (Prefer: return=representation): it reports whether the response had a body, which out
// received; a 204 or an empty 2xx reports false. In a batch it reports true: Send fills
// out when the member's answer has a body.
func (c *Client) DoOptional(ctx context.Context, r Request, out any) (bool, error) {
	if c.collect != nil {
		return true, c.collect.add(r, "", out)
	}
	o := optionalOut{out: out}
	err := c.fetch(ctx, r, "", &o)
	return o.got && err == nil, err
}

// optionalOut is DoOptional's out: it records whether a body was decoded into out.
type optionalOut struct {
	out any
	got bool
}

// UnmarshalJSON decodes b into o.out and records that a body came.
func (o *optionalOut) UnmarshalJSON(b []byte) error {
	o.got = true
	return unmarshal(b, o.out)
}

// unmarshal decodes the JSON document b into out. A model's UnmarshalJSON checks the
// document itself, so it is called directly: json.Unmarshal would scan the whole body
// once more before calling it. Any other out (a json.RawMessage, a value) goes through
// json.Unmarshal, which refuses a malformed document before it decodes anything.
func unmarshal(b []byte, out any) error {
	if u, ok := out.(json.Unmarshaler); ok && checksEveryByte(reflect.TypeOf(out)) {
		return u.UnmarshalJSON(b)
	}
	return json.Unmarshal(b, out)
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
	var buf *[]byte // an iterator's read buffer, reused from page to page
	if p, ok := out.(pageBuffer); ok {
		buf = p.readBuffer()
	}
	b, err := readLimited(resp.Body, resp.ContentLength, c.maxResponse, buf)
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
		if _, optional := out.(*optionalOut); optional || resp.StatusCode != http.StatusOK {
			return nil // a 201 or 202 that sent nothing back, or a body only on request
		}
		return fmt.Errorf("graph: %s %s: status %d with an empty body where a result is expected: %w", method, path, resp.StatusCode, io.ErrUnexpectedEOF)
	}
	err = unmarshal(b, out)
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

// send sends r (to link instead of r's path and query when link is not empty), retrying
// as c.retry says, and returns the response when its status is 2xx, or an error: an
// *Error for any other status, a *RequestError when no answer came. The per-try timeout
// runs on until the body is closed, or only until the headers arrive when stream is true.
func (c *Client) send(ctx context.Context, r Request, link, accept string, stream bool) (*http.Response, error) {
	id := ""
	for k, v := range r.Header {
		if strings.EqualFold(k, "client-request-id") && len(v) > 0 {
			id = v[0]
		}
	}
	var target string
	var err error
	if id == "" && link == "" && len(r.Query) == 0 {
		target, id, err = c.targetWithID(r)
	} else {
		target, err = c.target(r, link)
		if id == "" {
			id = newUUID()
		}
	}
	if err != nil {
		return nil, err
	}
	cl := new(call)
	b := &cl.body
	if err := newBody(r, b); err != nil {
		return nil, err
	}
	attempts := max(c.retry.MaxAttempts, 1)
	if !b.replayable() {
		attempts = 1
	}
	start := c.now()
	for n := 0; ; n++ {
		// The answer's body wrapper is the call's: only the attempt that succeeds hands
		// it out, and the attempts before it are over (their bodies closed, their
		// contexts cancelled) when the next one begins.
		ab := &cl.answer
		*ab = attemptBody{parent: ctx, d: c.timeout, timers: c.timers}
		actx := ab.start()
		req, err := c.newHTTPRequest(actx, r, target, accept, cl, id, n)
		if err != nil {
			ab.end()
			return nil, err
		}
		resp, err := c.sender.Do(req)
		var last error
		var wait time.Duration
		switch {
		case err != nil:
			if ab.end() && ctx.Err() == nil {
				err = tryTimeoutError{c.timeout}
			}
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
			if ab.bounded {
				ab.rc = resp.Body
				if stream {
					ab.stop()
				}
				resp.Body = ab
			}
			recordResponse(r.Response, resp)
			return resp, nil
		default:
			e, hasRetryAfter := newError(resp, c.now())
			resp.Body.Close()
			ab.end()
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

// call is what send allocates once for a call, whatever its attempts: the request body,
// the wrapper of the successful attempt's response body, and the values of the headers
// the first attempt sets (a retry allocates its own, since the transport may still hold
// the attempt before).
type call struct {
	body   body
	answer attemptBody
	values [6]string
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

// targetWithID is target for a request without link or query, and a new
// client-request-id: one string holds both, in one allocation where they would take two.
func (c *Client) targetWithID(r Request) (target, id string, err error) {
	if err := checkPath(r.Method, r.Path); err != nil {
		return "", "", err
	}
	var uuid [36]byte
	var sb strings.Builder
	sb.Grow(len(uuid) + len(c.baseURL) + len(r.Path))
	sb.Write(appendUUID(uuid[:0]))
	sb.WriteString(c.baseURL)
	sb.WriteString(r.Path)
	both := sb.String()
	return both[len(uuid):], both[:len(uuid)], nil
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

// newHTTPRequest builds one attempt at r, attempt retry (0 for the first).
func (c *Client) newHTTPRequest(ctx context.Context, r Request, target, accept string, cl *call, id string, retry int) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, r.Method, target, nil)
	if err != nil {
		return nil, err
	}
	// The header values share one array (one allocation where Header.Set makes one per
	// header), each slice capped so that appending to one copies it.
	values := cl.values[:0]
	if retry > 0 {
		values = make([]string, 0, len(cl.values))
	}
	h := req.Header
	set := func(key, value string) { // key is in canonical form
		values = append(values, value)
		h[key] = values[len(values)-1 : len(values) : len(values)]
	}
	set("Accept", accept)
	set("User-Agent", c.userAgent)
	set("Client-Request-Id", id)
	if retry > 0 {
		set("Retry-Attempt", strconv.Itoa(retry))
	}
	if c.authorization != "" {
		set("Authorization", c.authorization)
	}
	if b := &cl.body; !b.empty() {
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
		set("Content-Type", b.contentType)
	}
	addHeader(h, r.Header)
	return req, nil
}

// addHeader sets the headers of extra in h, replacing those h has: keys are put in
// canonical form (ConsistencyLevel becomes Consistencylevel), the values of keys that
// differ only in case joined in key order. A key without values changes nothing.
func addHeader(h, extra http.Header) {
	switch len(extra) {
	case 0:
		return
	case 1:
		for k, v := range extra {
			if len(v) > 0 {
				h[http.CanonicalHeaderKey(k)] = slices.Clone(v)
			}
		}
		return
	}
	keys := slices.Sorted(maps.Keys(extra))
	for _, k := range keys {
		if len(extra[k]) > 0 {
			delete(h, http.CanonicalHeaderKey(k))
		}
	}
	for _, k := range keys {
		if v := extra[k]; len(v) > 0 {
			ck := http.CanonicalHeaderKey(k)
			h[ck] = append(h[ck], v...)
		}
	}
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
