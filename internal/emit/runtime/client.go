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
	"math"
	"net/http"
	"net/url"
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

// Client calls Microsoft Graph. Its methods are safe for concurrent use. Authentication
// is the job of the *http.Client given with WithHTTPClient (for example one made by
// golang.org/x/oauth2), which adds the Authorization header to each request.
type Client struct {
	baseURL    string
	httpClient *http.Client
	userAgent  string
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sets the service root, for a national cloud or a test server. It is the URL
// that paths such as /users are appended to, including the version segment.
func WithBaseURL(baseURL string) Option {
	return func(c *Client) { c.baseURL = strings.TrimRight(baseURL, "/") }
}

// WithHTTPClient sets the HTTP client requests are sent with. This is how authentication
// is plugged in: the client's transport adds the bearer token.
func WithHTTPClient(h *http.Client) Option {
	return func(c *Client) { c.httpClient = h }
}

// WithUserAgent sets the User-Agent header.
func WithUserAgent(ua string) Option {
	return func(c *Client) { c.userAgent = ua }
}

// NewClient returns a client for DefaultBaseURL using http.DefaultClient, changed by opts.
func NewClient(opts ...Option) *Client {
	c := &Client{baseURL: DefaultBaseURL, httpClient: http.DefaultClient, userAgent: DefaultUserAgent}
	for _, o := range opts {
		o(c)
	}
	if c.httpClient == nil {
		c.httpClient = http.DefaultClient
	}
	return c
}

// Error is the error returned for a response whose status is not 2xx. It carries the
// Graph error body ({"error": {"code": ..., "message": ...}}) when the service sent one.
// Use errors.As to get at it.
type Error struct {
	// StatusCode is the HTTP status code of the response.
	StatusCode int
	// Code is the Graph error code, such as "Request_ResourceNotFound".
	Code string
	// Message is the Graph error message.
	Message string
	// RequestID is the request-id response header (or the error body's innerError
	// request-id): quote it when asking Microsoft support about a failed call.
	RequestID string
	// Body is the raw response body, at most 64 KiB of it.
	Body []byte
}

// Error describes the failure: status, Graph code and message.
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
	if e.RequestID != "" {
		b.WriteString(" (request-id " + e.RequestID + ")")
	}
	return b.String()
}

// Page is one page of a collection: the items and, when there are more, the link to the
// next page.
type Page[T any] struct {
	// Value holds the items of this page.
	Value []T `json:"value"`
	// NextLink is the URL of the next page; empty on the last page.
	NextLink string `json:"@odata.nextLink,omitempty"`
}

// Ptr returns a pointer to v: the way to set an optional field, including to false or 0.
func Ptr[T any](v T) *T { return &v }

// valueOf is the envelope Graph wraps primitive results in: {"value": ...}.
type valueOf[T any] struct {
	Value T `json:"value"`
}

// maxErrorBody bounds how much of an error response is kept.
const maxErrorBody = 64 << 10

// newRequest builds a request for path (already escaped) and query, with in encoded as
// its JSON body when it is not nil.
func (c *Client) newRequest(ctx context.Context, method, path string, query url.Values, in any) (*http.Request, error) {
	if in == nil {
		return c.newRawRequest(ctx, method, path, query, nil, "")
	}
	b, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("graph: encoding the %s %s request body: %w", method, path, err)
	}
	return c.newRawRequest(ctx, method, path, query, bytes.NewReader(b), "application/json")
}

// newRawRequest builds a request whose body (if any) is sent as it is, with contentType.
func (c *Client) newRawRequest(ctx context.Context, method, path string, query url.Values, body io.Reader, contentType string) (*http.Request, error) {
	if err := checkPath(method, path); err != nil {
		return nil, err
	}
	u := c.baseURL + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if body != nil && contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	return req, nil
}

// send sends a request and returns the response when its status is 2xx, or an *Error.
func (c *Client) send(req *http.Request) (*http.Response, error) {
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, newError(resp)
}

// newError reads a non-2xx response into an *Error.
func newError(resp *http.Response) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{StatusCode: resp.StatusCode, Body: body, RequestID: resp.Header.Get("request-id")}
	var env struct {
		Error struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			InnerError struct {
				RequestID string `json:"request-id"`
			} `json:"innerError"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil {
		e.Code, e.Message = env.Error.Code, env.Error.Message
		if e.RequestID == "" {
			e.RequestID = env.Error.InnerError.RequestID
		}
	}
	return e
}

// do sends a request and decodes a JSON response body into out (when out is not nil and
// the response has a body).
func (c *Client) do(ctx context.Context, method, path string, query url.Values, in, out any) error {
	req, err := c.newRequest(ctx, method, path, query, in)
	if err != nil {
		return err
	}
	return c.decode(req, out)
}

// upload sends content as the request body, labelled contentType, and decodes a JSON
// response into out (when out is not nil).
func (c *Client) upload(ctx context.Context, method, path string, query url.Values, content io.Reader, contentType string, out any) error {
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	req, err := c.newRawRequest(ctx, method, path, query, content, contentType)
	if err != nil {
		return err
	}
	return c.decode(req, out)
}

// decode sends req and decodes the JSON response into out.
func (c *Client) decode(req *http.Request, out any) error {
	resp, err := c.send(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty body: nothing to decode
		}
		return fmt.Errorf("graph: decoding the %s %s response: %w", req.Method, req.URL.Path, err)
	}
	return nil
}

// count sends a $count request and reads the plain-text number the service answers with.
// Directory objects only count with the ConsistencyLevel: eventual header, and other
// resources ignore it, so it is always sent.
func (c *Client) count(ctx context.Context, path string, query url.Values) (int64, error) {
	req, err := c.newRequest(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "text/plain")
	req.Header.Set("ConsistencyLevel", "eventual")
	resp, err := c.send(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64))
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("graph: reading the GET %s count: %w", path, err)
	}
	return n, nil
}

// stream sends a request and returns the response body unread; the caller closes it.
func (c *Client) stream(ctx context.Context, method, path string, query url.Values, in any) (io.ReadCloser, error) {
	req, err := c.newRequest(ctx, method, path, query, in)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "*/*")
	resp, err := c.send(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// pathValue formats a path or function argument, escaped for a path segment: an ID
// holding "/", "?" or "#" stays inside its segment.
func pathValue(v any, quoted bool) string {
	return url.PathEscape(formatValue(v, quoted))
}

// pathSegments escapes a path value (a drive item's folder/file.txt) segment by segment,
// keeping its slashes; leading and trailing slashes are dropped.
func pathSegments(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// queryValue formats a query parameter's value (url.Values escapes it).
func queryValue(v any, quoted bool) string {
	return formatValue(v, quoted)
}

// formatValue writes a value as an OData URL literal: as is, or as a string literal
// ('it”s', quotes doubled) when quoted is true.
func formatValue(v any, quoted bool) string {
	var s string
	switch v := v.(type) {
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
		s = fmt.Sprint(v)
	}
	if quoted {
		s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
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
	for i, seg := range strings.Split(path, "/") {
		if i > 0 && (seg == "" || seg == "." || seg == "..") {
			return fmt.Errorf("graph: %s %s: an argument makes path segment %d empty, \".\" or \"..\"", method, path, i)
		}
	}
	return nil
}

// unknownFields returns the members of the JSON object b whose names known does not
// recognise, and the documented ones that are null (so that encoding again writes them:
// a pointer field cannot tell null from absent), or nil when there are none.
func unknownFields(b []byte, known func(string) bool) (map[string]json.RawMessage, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	for k, v := range all {
		if !known(k) || string(v) == "null" {
			if extra == nil {
				extra = map[string]json.RawMessage{}
			}
			extra[k] = v
		}
	}
	return extra, nil
}

// marshalObject encodes v, a struct without methods whose encoding is a JSON object, and
// appends the members of extra that it does not already hold, in name order.
func marshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
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

// odataType is the type an @odata.type annotation names, lower-cased, without its "#".
func odataType(s *string) string {
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
