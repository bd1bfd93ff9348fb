package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

type stringer struct{}

func (stringer) String() string { return "it's a stringer" }

type state string

func TestFormatValue(t *testing.T) {
	t.Parallel()
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name   string
		v      any
		quoted bool
		want   string
	}{
		{"string", "abc", false, "abc"},
		{"string quoted", "abc", true, "'abc'"},
		{"empty quoted", "", true, "''"},
		{"quote doubled", "it's", true, "'it''s'"},
		{"quotes doubled", "'a''b'", true, "'''a''''b'''"},
		{"quote not doubled unquoted", "it's", false, "it's"},
		{"bool true", true, false, "true"},
		{"bool false", false, false, "false"},
		{"int", -42, false, "-42"},
		{"int8", int8(-128), false, "-128"},
		{"int16", int16(32767), false, "32767"},
		{"int32", int32(-7), false, "-7"},
		{"int64", int64(math.MaxInt64), false, "9223372036854775807"},
		{"uint8", uint8(255), false, "255"},
		{"uint64 (fmt)", uint64(math.MaxUint64), false, "18446744073709551615"},
		{"float32", float32(0.1), false, "0.1"},
		{"float64", 2.5, false, "2.5"},
		{"float64 integral", 3.0, false, "3"},
		{"float64 negative", -0.125, false, "-0.125"},
		{"float64 large", 1e21, false, "1e+21"},
		{"float64 NaN", math.NaN(), false, "NaN"},
		{"time UTC", time.Date(2021, 7, 12, 8, 0, 0, 0, time.UTC), false, "2021-07-12T08:00:00Z"},
		{"time nanos", time.Date(2021, 7, 12, 8, 0, 0, 1500, time.UTC), false, "2021-07-12T08:00:00.0000015Z"},
		{"time offset", time.Date(2021, 7, 12, 8, 0, 0, 0, cet), false, "2021-07-12T08:00:00+01:00"},
		{"time quoted", time.Date(2021, 7, 12, 8, 0, 0, 0, time.UTC), true, "'2021-07-12T08:00:00Z'"},
		{"Stringer quoted", stringer{}, true, "'it''s a stringer'"},
		{"named string (enum)", state("valid"), true, "'valid'"},
		{"named string unquoted", state("a'b"), false, "a'b"},
		// Raw JSON is written as JSON, not as Go's bytes ([34 50 48 ...]).
		{"raw JSON string quoted", json.RawMessage(`"2017-01-01"`), true, "'2017-01-01'"},
		{"raw JSON string quote doubled", json.RawMessage(` "it's" `), true, "'it''s'"},
		{"raw JSON string unquoted", json.RawMessage(`"day"`), false, "day"},
		{"raw JSON number", json.RawMessage(`42`), false, "42"},
		{"raw JSON bool quoted", json.RawMessage(`true`), true, "'true'"},
		{"raw JSON object", json.RawMessage(`{"a":1}`), true, `{"a":1}`},
		{"raw JSON array", json.RawMessage(`["a","b"]`), true, `["a","b"]`},
		{"raw JSON null", json.RawMessage(`null`), true, "null"},
		{"raw not JSON", json.RawMessage(`2017-01-01`), true, "'2017-01-01'"},
		{"raw empty", json.RawMessage(nil), true, "''"},
		// A collection is a JSON array, its strings in double quotes, never quoted.
		{"string collection", []string{"a", "it's"}, true, `["a","it's"]`},
		{"int collection", []int32{1, 2}, false, "[1,2]"},
		{"enum collection", []state{"valid"}, false, `["valid"]`},
		{"named bool", flag(true), false, "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatValue(tt.v, tt.quoted); got != tt.want {
				t.Errorf("formatValue(%#v, %v) = %q, want %q", tt.v, tt.quoted, got, tt.want)
			}
			if got := QueryValue(tt.v, tt.quoted); got != tt.want {
				t.Errorf("QueryValue(%#v, %v) = %q, want %q", tt.v, tt.quoted, got, tt.want)
			}
		})
	}
}

// TestFormatValueInfinity: OData spells the infinities INF and -INF (OData ABNF
// nanInfinity = 'NaN' / '-INF' / 'INF'); strconv spells them +Inf and -Inf.
// flag is a named bool, as a generated type could be.
type flag bool

// TestFormatValueEdm: the runtime's Edm wire types are written as their text.
func TestFormatValueEdm(t *testing.T) {
	t.Parallel()
	d, err := ParseDate("2017-01-03")
	if err != nil {
		t.Fatal(err)
	}
	dt, err := ParseDateTimeOffset("2017-01-03T10:00:00+01:00")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		v      any
		quoted bool
		want   string
	}{
		{d, false, "2017-01-03"},
		{d, true, "'2017-01-03'"},
		{dt, false, "2017-01-03T10:00:00+01:00"},
		{[]Date{d}, false, `["2017-01-03"]`},
	} {
		if got := formatValue(tt.v, tt.quoted); got != tt.want {
			t.Errorf("formatValue(%#v, %v) = %q, want %q", tt.v, tt.quoted, got, tt.want)
		}
	}
	if got, want := PathValue(json.RawMessage(`"2017-01-01"`), true), "%272017-01-01%27"; got != want {
		t.Errorf("PathValue(raw) = %q, want %q", got, want)
	}
}

func TestFormatValueInfinity(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{math.Inf(1): "INF", math.Inf(-1): "-INF"} {
		if got := formatValue(v, false); got != want {
			t.Errorf("formatValue(%v) = %q, want %q", v, got, want)
		}
		if got := formatValue(float32(v), false); got != want {
			t.Errorf("formatValue(float32(%v)) = %q, want %q", v, got, want)
		}
	}
}

func TestPathValue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v      any
		quoted bool
		want   string
	}{
		{"abc-123_x.y~z", false, "abc-123_x.y~z"},
		{"a/b", false, "a%2Fb"},
		{"a?b", false, "a%3Fb"},
		{"a#b", false, "a%23b"},
		{"100%", false, "100%25"},
		{"a b", false, "a%20b"},
		{"a+b", false, "a+b"}, // + is a plain character in a path
		{"alice@contoso.com", false, "alice@contoso.com"},
		{"é", false, "%C3%A9"},
		{"it's/x", true, "%27it%27%27s%2Fx%27"},
		{time.Date(2021, 7, 12, 8, 0, 0, 0, time.UTC), false, "2021-07-12T08:00:00Z"},
		{42, false, "42"},
		// an Edm value left unset is null
		{DateTimeOffset{}, false, "null"},
		{time.Time{}, false, "null"},
	}
	for _, tt := range tests {
		got := PathValue(tt.v, tt.quoted)
		if got != tt.want {
			t.Errorf("PathValue(%#v, %v) = %q, want %q", tt.v, tt.quoted, got, tt.want)
		}
		if strings.ContainsAny(got, "/?# ") {
			t.Errorf("PathValue(%#v) = %q leaves its segment", tt.v, got)
		}
		if back, err := url.PathUnescape(got); err != nil || back != formatValue(tt.v, tt.quoted) && got != "null" {
			t.Errorf("PathValue(%#v) = %q unescapes to %q, %v", tt.v, got, back, err)
		}
	}
}

func TestErrorText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e    Error
		want string
	}{
		{Error{StatusCode: 404}, "graph: 404 Not Found"},
		{Error{StatusCode: 404, Code: "Request_ResourceNotFound"}, "graph: 404 Not Found: Request_ResourceNotFound"},
		{Error{StatusCode: 400, Message: "Invalid request."}, "graph: 400 Bad Request: Invalid request."},
		{Error{StatusCode: 403, Code: "Authorization_RequestDenied", Message: "Insufficient privileges.", RequestID: "abc"},
			"graph: 403 Forbidden: Authorization_RequestDenied: Insufficient privileges. (request-id abc)"},
		{Error{StatusCode: 429, RequestID: "r1", Body: []byte("ignored")}, "graph: 429 Too Many Requests (request-id r1)"},
	}
	for _, tt := range tests {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	var err error = &Error{StatusCode: 500}
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 500 {
		t.Error("errors.As does not find the *Error")
	}
}

// TestErrorTextUnknownStatus: a status code without a text must not leave a dangling space.
func TestErrorTextUnknownStatus(t *testing.T) {
	t.Parallel()
	e := &Error{StatusCode: 599, Code: "Custom"}
	if got, want := e.Error(), "graph: 599: Custom"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func response(status int, header map[string]string, body string) *http.Response {
	h := http.Header{}
	for k, v := range header {
		h.Set(k, v)
	}
	return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body))}
}

func TestNewError(t *testing.T) {
	t.Parallel()
	const withInner = `{"error":{"code":"Request_ResourceNotFound","message":"Not there.","innerError":{"date":"2024-01-31T10:00:00","request-id":"body-id","client-request-id":"c"}}}`
	const noInner = `{"error":{"code":"BadRequest","message":"Nope."}}`
	const withDetails = `{"error":{"code":"BadRequest","message":"Invalid.","details":[{"code":"InvalidValue","message":"Bad mail.","target":"mail"},{"code":"Other","message":"x"}],"innerError":null}}`
	big := strings.Repeat("y", maxErrorBody+10)
	now := time.Date(2024, 1, 31, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		resp      *http.Response
		want      Error
		wantAfter bool
		wantTx    string
	}{
		{"innerError", response(404, nil, withInner),
			Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Not there.", RequestID: "body-id", ClientRequestID: "c",
				Date: "2024-01-31T10:00:00", InnerError: json.RawMessage(`{"date":"2024-01-31T10:00:00","request-id":"body-id","client-request-id":"c"}`),
				Body: []byte(withInner)},
			false, "graph: 404 Not Found: Request_ResourceNotFound: Not there. (request-id body-id)"},
		{"headers win", response(404, map[string]string{"request-id": "hdr-id", "client-request-id": "hdr-c"}, withInner),
			Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Not there.", RequestID: "hdr-id", ClientRequestID: "hdr-c",
				Date: "2024-01-31T10:00:00", InnerError: json.RawMessage(`{"date":"2024-01-31T10:00:00","request-id":"body-id","client-request-id":"c"}`),
				Body: []byte(withInner)}, false, ""},
		{"no innerError", response(400, nil, noInner),
			Error{StatusCode: 400, Code: "BadRequest", Message: "Nope.", Body: []byte(noInner)}, false, "graph: 400 Bad Request: BadRequest: Nope."},
		{"no innerError, header", response(400, map[string]string{"Request-Id": "h"}, noInner),
			Error{StatusCode: 400, Code: "BadRequest", Message: "Nope.", RequestID: "h", Body: []byte(noInner)}, false, ""},
		{"details, null innerError", response(400, nil, withDetails),
			Error{StatusCode: 400, Code: "BadRequest", Message: "Invalid.",
				Details: []ErrorDetail{{Code: "InvalidValue", Message: "Bad mail.", Target: "mail"}, {Code: "Other", Message: "x"}}, Body: []byte(withDetails)},
			false, "graph: 400 Bad Request: BadRequest: Invalid. [mail: InvalidValue: Bad mail.; Other: x]"},
		{"Retry-After seconds", response(429, map[string]string{"Retry-After": "7"}, ""),
			Error{StatusCode: 429, RetryAfter: 7 * time.Second, Body: []byte{}}, true, "graph: 429 Too Many Requests (retry after 7s)"},
		{"Retry-After date", response(503, map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)}, ""),
			Error{StatusCode: 503, RetryAfter: 90 * time.Second, Body: []byte{}}, true, ""},
		{"Retry-After date past", response(503, map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, ""),
			Error{StatusCode: 503, Body: []byte{}}, true, ""},
		{"Retry-After zero", response(429, map[string]string{"Retry-After": "0"}, ""), Error{StatusCode: 429, Body: []byte{}}, true, ""},
		{"Retry-After huge", response(429, map[string]string{"Retry-After": "99999999999999"}, ""),
			Error{StatusCode: 429, RetryAfter: time.Duration(math.MaxInt64/int64(time.Second)) * time.Second, Body: []byte{}}, true, ""},
		{"Retry-After garbage", response(429, map[string]string{"Retry-After": "soon"}, ""), Error{StatusCode: 429, Body: []byte{}}, false, ""},
		{"Retry-After negative", response(429, map[string]string{"Retry-After": "-3"}, ""), Error{StatusCode: 429, Body: []byte{}}, false, ""},
		{"empty body", response(500, nil, ""), Error{StatusCode: 500, Body: []byte{}}, false, "graph: 500 Internal Server Error"},
		{"not JSON", response(502, nil, "<html>bad gateway</html>"), Error{StatusCode: 502, Body: []byte("<html>bad gateway</html>")}, false, ""},
		{"other JSON", response(401, nil, `{"error":"invalid_token"}`), Error{StatusCode: 401, Body: []byte(`{"error":"invalid_token"}`)}, false, ""},
		{"large body", response(500, nil, big), Error{StatusCode: 500, Body: []byte(big[:maxErrorBody])}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, after := newError(tt.resp, now)
			if got.Body == nil {
				got.Body = []byte{}
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("newError = %+v\nwant       %+v", *got, tt.want)
			}
			if after != tt.wantAfter {
				t.Errorf("has Retry-After = %v, want %v", after, tt.wantAfter)
			}
			if tt.wantTx != "" && got.Error() != tt.wantTx {
				t.Errorf("Error() = %q, want %q", got.Error(), tt.wantTx)
			}
		})
	}
}

func TestIsNotFoundIsThrottled(t *testing.T) {
	t.Parallel()
	wrap := func(e *Error) error { return fmt.Errorf("listing users: %w", e) }
	tests := []struct {
		err                 error
		notFound, throttled bool
	}{
		{nil, false, false},
		{errors.New("other"), false, false},
		{&Error{StatusCode: 404}, true, false},
		{wrap(&Error{StatusCode: 404}), true, false},
		{wrap(&Error{StatusCode: 429}), false, true},
		{&Error{StatusCode: 429, RetryAfter: time.Second}, false, true},
		{wrap(&Error{StatusCode: 503, RetryAfter: time.Second}), false, true},
		{&Error{StatusCode: 503}, false, false},
		{&Error{StatusCode: 500, RetryAfter: time.Second}, false, false},
		{errors.Join(errors.New("a"), &Error{StatusCode: 404}), true, false},
	}
	for _, tt := range tests {
		if got := IsNotFound(tt.err); got != tt.notFound {
			t.Errorf("IsNotFound(%v) = %v", tt.err, got)
		}
		if got := IsThrottled(tt.err); got != tt.throttled {
			t.Errorf("IsThrottled(%v) = %v", tt.err, got)
		}
	}
}

func TestPageAndPtr(t *testing.T) {
	t.Parallel()
	var p Page[int]
	if err := json.Unmarshal([]byte(`{"@odata.context":"x","value":[1,2,3],"@odata.nextLink":"https://graph.microsoft.com/beta/users?$skiptoken=a"}`), &p); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p.Value, []int{1, 2, 3}) || p.NextLink != "https://graph.microsoft.com/beta/users?$skiptoken=a" {
		t.Errorf("page = %+v", p)
	}
	b, err := json.Marshal(Page[string]{Value: []string{"a"}})
	if err != nil || string(b) != `{"value":["a"]}` {
		t.Errorf("json.Marshal(last page) = %s, %v", b, err)
	}

	f := Ptr(false)
	if f == nil || *f {
		t.Errorf("Ptr(false) = %v", f)
	}
	if Ptr(0) == Ptr(0) {
		t.Error("Ptr returns the same pointer twice")
	}
	s := "x"
	ps := Ptr(s)
	s = "y"
	if *ps != "x" {
		t.Error("Ptr does not copy its argument")
	}
	b, err = json.Marshal(struct {
		B *bool `json:"b,omitempty"`
		N *int  `json:"n,omitempty"`
		U *bool `json:"u,omitempty"`
	}{B: Ptr(false), N: Ptr(0)})
	if err != nil || string(b) != `{"b":false,"n":0}` {
		t.Errorf("json.Marshal = %s, %v; want false and 0 sent, nil left out", b, err)
	}

	var v ValueOf[string]
	if err := json.Unmarshal([]byte(`{"@odata.context":"x","value":"done"}`), &v); err != nil || v.Value != "done" {
		t.Errorf("ValueOf = %+v, %v", v, err)
	}
}

func TestRawMarshal(t *testing.T) {
	t.Parallel()
	for _, raw := range []json.RawMessage{nil, {}} {
		if b, err := MarshalRaw(raw); err != nil || string(b) != "null" {
			t.Errorf("MarshalRaw(%#v) = %s, %v; want null", raw, b, err)
		}
	}
	in := json.RawMessage(`{ "a" : [1, 2.50] }`)
	if b, err := MarshalRaw(in); err != nil || string(b) != string(in) {
		t.Errorf("MarshalRaw = %s, %v; want it as it is", b, err)
	}
}

func TestRawUnmarshal(t *testing.T) {
	t.Parallel()
	b := []byte(`{"id":"a", "x": 1}`)
	var dst json.RawMessage
	if err := UnmarshalRaw(&dst, b); err != nil {
		t.Fatal(err)
	}
	if string(dst) != `{"id":"a", "x": 1}` {
		t.Errorf("dst = %s", dst)
	}
	// The decoder reuses its buffer: dst must not share b's memory.
	for i := range b {
		b[i] = 'z'
	}
	if string(dst) != `{"id":"a", "x": 1}` {
		t.Errorf("dst changed with its input: %s", dst)
	}
	// A second value replaces the first, whether shorter or longer.
	if err := UnmarshalRaw(&dst, []byte(`{}`)); err != nil || string(dst) != `{}` {
		t.Errorf("dst = %s, %v; want {}", dst, err)
	}
	if err := UnmarshalRaw(&dst, []byte(`{"a longer":"value than before"}`)); err != nil || string(dst) != `{"a longer":"value than before"}` {
		t.Errorf("dst = %s, %v", dst, err)
	}
}

func TestNewClient(t *testing.T) {
	t.Parallel()
	c := NewClient()
	if c.baseURL != DefaultBaseURL || DefaultBaseURL != "https://graph.microsoft.com/beta" {
		t.Errorf("baseURL = %q", c.baseURL)
	}
	if c.httpClient != http.DefaultClient || c.sender == http.DefaultClient || c.sender.Transport != nil || c.sender.CheckRedirect == nil {
		t.Error("httpClient is not http.DefaultClient, or sender is not a copy of it with a redirect policy")
	}
	if c.userAgent != DefaultUserAgent || DefaultUserAgent != "graphdocgen-client/beta" {
		t.Errorf("userAgent = %q", c.userAgent)
	}
	if c.retry != DefaultRetryPolicy() || c.token != "" || c.sleep == nil || c.jitter == nil || c.now == nil {
		t.Errorf("client = %+v", c)
	}

	h := &http.Client{}
	c = NewClient(WithBaseURL("https://graph.microsoft.us/beta///"), WithHTTPClient(h), WithUserAgent("ua/1"), WithToken("tok"))
	if c.baseURL != "https://graph.microsoft.us/beta" || c.httpClient != h || c.sender == h || h.CheckRedirect != nil || c.userAgent != "ua/1" || c.token != "tok" {
		t.Errorf("client = %+v", c)
	}
	if c = NewClient(WithHTTPClient(nil)); c.httpClient != http.DefaultClient {
		t.Error("WithHTTPClient(nil) does not fall back to http.DefaultClient")
	}
	for root, want := range map[string]string{
		CloudGlobal:          "https://graph.microsoft.com/beta",
		CloudUSGov:           "https://graph.microsoft.us/beta",
		CloudUSGovDoD:        "https://dod-graph.microsoft.us/beta",
		CloudChina:           "https://microsoftgraph.chinacloudapi.cn/beta",
		"https://example/":   "https://example/beta",
		"http://127.0.0.1:8": "http://127.0.0.1:8/beta",
	} {
		if got := NewClient(WithCloud(root)).baseURL; got != want {
			t.Errorf("WithCloud(%q): baseURL = %q, want %q", root, got, want)
		}
	}

	if got := NewClient(WithoutRetries()).retry; got.MaxAttempts != 1 {
		t.Errorf("WithoutRetries: %+v", got)
	}
	p := RetryPolicy{MaxAttempts: 7, MaxElapsed: time.Minute, BaseDelay: time.Second, MaxDelay: 2 * time.Second}
	if got := NewClient(WithRetryPolicy(p)).retry; got != p {
		t.Errorf("WithRetryPolicy(%+v) = %+v", p, got)
	}
	if got := NewClient(WithRetryPolicy(RetryPolicy{MaxAttempts: 2, MaxDelay: -1})).retry; got != (RetryPolicy{2, 60 * time.Second, 500 * time.Millisecond, 30 * time.Second}) {
		t.Errorf("WithRetryPolicy fills in defaults: %+v", got)
	}
}

// recorded is what a test server saw of a request.
type recorded struct {
	method, path, query string
	header              http.Header
	body                string
	contentLength       int64
}

// recorder is a test server that records the requests it gets and answers them with
// reply (200 {} when it is nil).
type recorder struct {
	mu    sync.Mutex
	reqs  []recorded
	reply func(w http.ResponseWriter, r *http.Request, n int) // n counts the requests from 0
	srv   *httptest.Server
}

func newRecorder(t *testing.T, reply func(w http.ResponseWriter, r *http.Request, n int)) *recorder {
	rec := &recorder{reply: reply}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		n := len(rec.reqs)
		rec.reqs = append(rec.reqs, recorded{r.Method, r.URL.EscapedPath(), r.URL.RawQuery, r.Header.Clone(), string(b), r.ContentLength})
		rec.mu.Unlock()
		if rec.reply == nil {
			_, _ = io.WriteString(w, `{}`)
			return
		}
		rec.reply(w, r, n)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return slices.Clone(rec.reqs)
}

func TestRequestSent(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	c := NewClient(WithBaseURL(rec.srv.URL+"/beta/"), WithUserAgent("ua/1"))
	ctx := context.Background()
	q := url.Values{"$select": {"id,displayName"}, "$filter": {"startswith(displayName,'a&b')"}}
	h := http.Header{"If-Match": {"W/\"1\""}, "prefer": {"return=minimal"}}
	err := c.Do(ctx, Request{Method: "PATCH", Path: "/groups/" + PathValue("g/1", false), Query: q, Header: h, Body: map[string]any{"b": false}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, Request{Method: "GET", Path: "/me"}, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.method != "PATCH" || r.path != "/beta/groups/g%2F1" {
		t.Errorf("request = %s %s", r.method, r.path)
	}
	if got, err := url.ParseQuery(r.query); err != nil || !reflect.DeepEqual(got, q) {
		t.Errorf("query = %q (%v), want %v", r.query, err, q)
	}
	if r.header.Get("Content-Type") != "application/json" || r.header.Get("Accept") != "application/json" || r.header.Get("User-Agent") != "ua/1" ||
		r.header.Get("If-Match") != `W/"1"` || r.header.Get("Prefer") != "return=minimal" || r.header.Get("Authorization") != "" {
		t.Errorf("header = %v", r.header)
	}
	if r.body != `{"b":false}` || r.contentLength != int64(len(`{"b":false}`)) {
		t.Errorf("body = %s (%d bytes)", r.body, r.contentLength)
	}
	if h.Get("Accept") != "" || len(h) != 2 {
		t.Errorf("the request's header map was changed: %v", h)
	}
	r = reqs[1]
	if r.body != "" || r.header.Get("Content-Type") != "" || r.query != "" || r.path != "/beta/me" {
		t.Errorf("GET without a body: body %q, Content-Type %q, query %q", r.body, r.header.Get("Content-Type"), r.query)
	}

	if err := c.Do(ctx, Request{Method: "POST", Path: "/x", Body: make(chan int)}, nil); err == nil || !strings.Contains(err.Error(), "encoding") {
		t.Errorf("unencodable body: err = %v", err)
	}
	if n := len(rec.requests()); n != 2 {
		t.Errorf("an unencodable body was sent: %d requests", n)
	}
	// A body that encodes as null (an undocumented type left empty) is no body.
	if err := c.Do(ctx, Request{Method: "POST", Path: "/x", Body: json.RawMessage(nil)}, nil); err != nil {
		t.Fatal(err)
	}
	if reqs := rec.requests(); len(reqs) != 3 || reqs[2].body != "" || reqs[2].header.Get("Content-Type") != "" {
		t.Errorf("a null body: %d requests, the last %+v", len(reqs), reqs[len(reqs)-1])
	}
}

func TestWithToken(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	if err := NewClient(WithBaseURL(rec.srv.URL), WithToken("s3cret")).Do(context.Background(), Request{Method: "GET", Path: "/me"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := NewClient(WithBaseURL(rec.srv.URL), WithToken("")).Do(context.Background(), Request{Method: "GET", Path: "/me"}, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if got := reqs[0].header.Get("Authorization"); got != "Bearer s3cret" {
		t.Errorf("Authorization = %q", got)
	}
	if got := reqs[1].header.Values("Authorization"); got != nil {
		t.Errorf("empty token: Authorization = %q", got)
	}
}

// TestUpload: a raw body is sent as it is, with its content type (application/octet-stream
// by default) and its length.
func TestUpload(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		_, _ = io.WriteString(w, `{"value":"uploaded"}`)
	})
	c := NewClient(WithBaseURL(rec.srv.URL))
	ctx := context.Background()
	sr := strings.NewReader("skip:hello, world")
	_, _ = sr.Seek(5, io.SeekStart) // the body starts where the reader is
	var v ValueOf[string]
	if err := c.Do(ctx, Request{Method: "PUT", Path: "/me/drive/root:/" + PathSegments("a b.txt") + ":/content", Content: sr, ContentType: "text/plain"}, &v); err != nil || v.Value != "uploaded" {
		t.Fatalf("upload: %+v, %v", v, err)
	}
	if err := c.Do(ctx, Request{Method: "PUT", Path: "/photo", Content: bytes.NewBuffer([]byte{0, 1, 2})}, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Do(ctx, Request{Method: "PUT", Path: "/stream", Content: io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd")), ContentType: "text/csv", Body: "ignored"}, nil); err != nil {
		t.Fatal(err)
	}
	for _, empty := range []io.Reader{strings.NewReader(""), new(bytes.Buffer)} {
		if err := c.Do(ctx, Request{Method: "PUT", Path: "/empty", Content: empty}, nil); err != nil {
			t.Fatal(err)
		}
	}
	reqs := rec.requests()
	for i, want := range []recorded{
		{method: "PUT", path: "/me/drive/root:/a%20b.txt:/content", body: "hello, world", contentLength: 12, header: http.Header{"Content-Type": {"text/plain"}}},
		{method: "PUT", path: "/photo", body: "\x00\x01\x02", contentLength: 3, header: http.Header{"Content-Type": {"application/octet-stream"}}},
		{method: "PUT", path: "/stream", body: "abcd", contentLength: -1, header: http.Header{"Content-Type": {"text/csv"}}},
		{method: "PUT", path: "/empty", body: "", contentLength: 0, header: http.Header{"Content-Type": {"application/octet-stream"}}},
		{method: "PUT", path: "/empty", body: "", contentLength: 0, header: http.Header{"Content-Type": {"application/octet-stream"}}},
	} {
		got := reqs[i]
		if got.method != want.method || got.path != want.path || got.body != want.body || got.contentLength != want.contentLength ||
			got.header.Get("Content-Type") != want.header.Get("Content-Type") {
			t.Errorf("upload %d: %s %s %q (%d bytes, %s), want %s %s %q (%d bytes, %s)", i, got.method, got.path, got.body, got.contentLength,
				got.header.Get("Content-Type"), want.method, want.path, want.body, want.contentLength, want.header.Get("Content-Type"))
		}
	}
}

func TestDoStreamCount(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
			_, _ = io.WriteString(w, `{"value":"v"}`)
		case "/empty":
		case "/nocontent":
			w.WriteHeader(http.StatusNoContent)
		case "/bad":
			_, _ = io.WriteString(w, `{"value":`)
		case "/stream":
			if r.Header.Get("Accept") != "*/*" {
				http.Error(w, "Accept "+r.Header.Get("Accept"), http.StatusBadRequest)
				return
			}
			_, _ = io.WriteString(w, "a,b\n")
		case "/users/$count":
			if r.Header.Get("Accept") != "text/plain" || r.Header.Get("ConsistencyLevel") != "eventual" || r.URL.Query().Get("$search") != `"displayName:a"` {
				http.Error(w, "header "+fmt.Sprint(r.Header)+" query "+r.URL.RawQuery, http.StatusBadRequest)
				return
			}
			_, _ = io.WriteString(w, "42\n")
		case "/groups/$count":
			_, _ = io.WriteString(w, "many")
		default:
			w.Header().Set("request-id", "rid")
			http.Error(w, `{"error":{"code":"NotFound","message":"no"}}`, http.StatusNotFound)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL))
	ctx := context.Background()
	get := func(path string) Request { return Request{Method: "GET", Path: path} }

	var v ValueOf[string]
	if err := c.Do(ctx, get("/ok"), &v); err != nil || v.Value != "v" {
		t.Errorf("/ok: %+v, %v", v, err)
	}
	if err := c.Do(ctx, get("/ok"), nil); err != nil {
		t.Errorf("/ok without out: %v", err)
	}
	if err := c.Do(ctx, get("/empty"), &v); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("/empty: %v, want io.ErrUnexpectedEOF: a 200 without the promised result", err)
	}
	if err := c.Do(ctx, Request{Method: "DELETE", Path: "/nocontent"}, &v); err != nil {
		t.Errorf("/nocontent: %v", err)
	}
	if err := c.Do(ctx, get("/bad"), &v); err == nil || !strings.Contains(err.Error(), "decoding the GET /bad response") {
		t.Errorf("/bad: err = %v", err)
	}
	var e *Error
	if err := c.Do(ctx, get("/missing"), &v); !errors.As(err, &e) || e.StatusCode != 404 || e.Code != "NotFound" || e.RequestID != "rid" || !IsNotFound(err) {
		t.Errorf("/missing: err = %v", err)
	}

	rc, err := c.Stream(ctx, get("/stream"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rc.Close()
	if string(b) != "a,b\n" {
		t.Errorf("stream = %q", b)
	}
	if rc, err := c.Stream(ctx, get("/missing")); rc != nil || !errors.As(err, &e) || e.StatusCode != 404 {
		t.Errorf("stream /missing: %v, %v", rc, err)
	}

	h := http.Header{"ConsistencyLevel": {"session"}, "consistencylevel": {"strong"}}
	n, err := c.Count(ctx, Request{Method: "GET", Path: "/users/$count", Query: url.Values{"$search": {`"displayName:a"`}}, Header: h})
	if err != nil || n != 42 {
		t.Errorf("count = %d, %v", n, err)
	}
	if len(h) != 2 || h["ConsistencyLevel"][0] != "session" {
		t.Error("count changed the request's header map")
	}
	if _, err := c.Count(ctx, get("/groups/$count")); err == nil || !strings.Contains(err.Error(), "reading the GET /groups/$count count") {
		t.Errorf("count of a non-number: %v", err)
	}
	if _, err := c.Count(ctx, get("/missing/$count")); !IsNotFound(err) {
		t.Errorf("count /missing: %v", err)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := c.Do(cctx, get("/ok"), &v); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: err = %v", err)
	}
}

// TestCheckPath: an argument that empties a segment or makes it a dot segment is refused
// before anything is sent.
func TestCheckPath(t *testing.T) {
	t.Parallel()
	for path, ok := range map[string]bool{
		"/groups/abc":           true,
		"/reports/f(period='')": true,
		"/groups/":              false,
		"/groups//members":      false,
		"/groups/./members":     false,
		"/groups/../users":      false,
		"/groups/a.b":           true,
		"/groups/%2E%2E":        true,
	} {
		if err := checkPath("GET", path); (err == nil) != ok {
			t.Errorf("checkPath(%q) = %v, want ok=%v", path, err, ok)
		}
	}
	c := NewClient(WithBaseURL("http://127.0.0.1:1"))
	if err := c.Do(context.Background(), Request{Method: "GET", Path: "/groups/" + PathValue("", false)}, nil); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("an empty ID: err = %v, want a refusal before sending", err)
	}
}

func TestPathSegments(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"folder/file name.txt": "folder/file%20name.txt",
		"/a/b?c#d/":            "a/b%3Fc%23d",
		"only":                 "only",
	} {
		if got := PathSegments(in); got != want {
			t.Errorf("pathSegments(%q) = %q, want %q", in, got, want)
		}
	}
	if err := checkPath("GET", "/me/drive/root:/"+PathSegments("a//b")+":/content"); err == nil {
		t.Error("an empty segment inside a path value must be refused")
	}
}

func TestUnknownFieldsAndMarshalObject(t *testing.T) {
	t.Parallel()
	known := func(k []byte) bool { return string(k) == "a" }
	type obj struct {
		A *int `json:"a,omitempty"`
	}
	var o obj
	extra, err := decodeObject([]byte(`{"a":1,"z":{"x":[1,2]},"b":"s"}`), known, &o)
	if err != nil || len(extra) != 2 || string(extra["z"]) != `{"x":[1,2]}` || string(extra["b"]) != `"s"` || o.A == nil || *o.A != 1 {
		t.Fatalf("DecodeObject = %v, %v, %+v", extra, err, o)
	}
	o = obj{}
	if extra, err := decodeObject([]byte(`{"a":1}`), known, &o); err != nil || extra != nil || *o.A != 1 {
		t.Errorf("no unknown fields: %v, %v", extra, err)
	}
	if extra, err := decodeObject([]byte(`{"a":null}`), known, &obj{}); err != nil || string(extra["a"]) != "null" {
		t.Errorf("a documented null is kept, to be written again: %v, %v", extra, err)
	}
	o = obj{}
	if extra, err := decodeObject([]byte(`{"A":7}`), known, &o); err != nil || o.A != nil || string(extra["A"]) != "7" {
		t.Errorf("a name that differs only in case is not the documented property: %+v, %v, %v", o, extra, err)
	}
	if _, err := decodeObject([]byte(`[1]`), known, &obj{}); err == nil {
		t.Error("an array is not an object")
	}
	type plain struct {
		A int `json:"a,omitempty"`
	}
	for _, tt := range []struct {
		v     plain
		extra map[string]json.RawMessage
		want  string
	}{
		{plain{A: 1}, nil, `{"a":1}`},
		{plain{A: 1}, map[string]json.RawMessage{"z": json.RawMessage(`true`), "b": json.RawMessage(`"s"`)}, `{"a":1,"b":"s","z":true}`},
		{plain{}, map[string]json.RawMessage{"b": json.RawMessage(`2`)}, `{"b":2}`},
		{plain{}, map[string]json.RawMessage{"b": nil}, `{"b":null}`},
		{plain{A: 2}, map[string]json.RawMessage{"a": json.RawMessage(`null`)}, `{"a":2}`}, // set since: the value wins
		{plain{}, map[string]json.RawMessage{"a": json.RawMessage(`null`)}, `{"a":null}`},
	} {
		b, err := MarshalObject(tt.v, tt.extra)
		if err != nil || string(b) != tt.want {
			t.Errorf("MarshalObject(%+v, %v) = %s, %v; want %s", tt.v, tt.extra, b, err, tt.want)
		}
	}
	s := "#Microsoft.Graph.User"
	if got := ODataTypeOf(&s); got != "microsoft.graph.user" || ODataTypeOf(nil) != "" {
		t.Errorf("odataType = %q", got)
	}
	for in, want := range map[string]string{
		"#Microsoft.OutlookServices.ItemAttachment":                  "microsoft.graph.itemattachment",
		"#microsoft.education.assignments.api.educationLinkResource": "microsoft.graph.educationlinkresource",
		"educationLinkResource":                                      "microsoft.graph.educationlinkresource",
		"#microsoft.graph.callRecords.session":                       "microsoft.graph.callrecords.session",
		"":                                                           "",
	} {
		if got := ODataTypeOf(&in); got != want {
			t.Errorf("ODataTypeOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNeedsExtra(t *testing.T) {
	known := func(k []byte) bool { return string(k) == "a" || string(k) == "b" }
	for in, want := range map[string]bool{
		`{}`:                         false,
		` { "a" : 1 , "b":"x,}]" } `: false,
		`{"a":{"z":[1,{"q":null}],"y":"}"},"b":[]}`: false,
		`{"a":1,"c":2}`:          true,
		`{"a":null}`:             true,
		`{"\u0061":1}`:           true,
		`{"b":"\"a\"","a":true}`: false,
		`[1]`:                    true,
	} {
		if got := needsExtra([]byte(in), known); got != want {
			t.Errorf("needsExtra(%s) = %v, want %v", in, got, want)
		}
	}
	doc := []byte(`{"a":1,"b":{"x":[1,2]}}`)
	if n := testing.AllocsPerRun(100, func() { needsExtra(doc, known) }); n != 0 {
		t.Errorf("needsExtra allocates %v times", n)
	}
}

// countingValue records the bytes its UnmarshalJSON is given.
type countingValue struct {
	calls int
	got   string
}

func (v *countingValue) UnmarshalJSON(b []byte) error {
	v.calls++
	v.got = string(b)
	var s struct{ A string }
	return json.Unmarshal(b, &s)
}

func TestFetchReadsBodyOnce(t *testing.T) {
	t.Parallel()
	type reply struct {
		body   string
		length int64 // the announced Content-Length; -1 for unknown
	}
	for _, tc := range []struct {
		name    string
		reply   reply
		want    string // what UnmarshalJSON gets; "" when it must not be called
		wantErr string
	}{
		{"known length", reply{`{"A":"x"}`, 9}, `{"A":"x"}`, ""},
		{"unknown length", reply{`{"A":"x"}`, -1}, `{"A":"x"}`, ""},
		{"longer than announced", reply{`{"A":"x"}  `, 9}, `{"A":"x"}  `, ""},
		{"shorter than announced", reply{`{"A":"x"}`, 20}, "", "reading the GET /v response: unexpected EOF"},
		{"white space only", reply{" \n", 2}, "", "where a result is expected: unexpected EOF"},
		{"empty, unknown length", reply{"", -1}, "", "where a result is expected: unexpected EOF"},
		{"invalid JSON reaches the model's own check", reply{`{"A":`, 5}, `{"A":`, "decoding the GET /v response: unexpected end of JSON input"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rt := roundTripperFunc(func(r *http.Request) (*http.Response, error) {
				return &http.Response{
					StatusCode:    200,
					Header:        http.Header{"Content-Type": {"application/json"}},
					Body:          io.NopCloser(strings.NewReader(tc.reply.body)),
					ContentLength: tc.reply.length,
					Request:       r,
				}, nil
			})
			c := NewClient(WithBaseURL("https://example.test"), WithHTTPClient(&http.Client{Transport: rt}))
			var v countingValue
			err := c.Do(context.Background(), Request{Method: "GET", Path: "/v"}, &v)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.HasSuffix(err.Error(), tc.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tc.wantErr)
			}
			wantCalls := 0
			if tc.want != "" {
				wantCalls = 1
			}
			if v.calls != wantCalls || v.got != tc.want {
				t.Errorf("UnmarshalJSON called %d times with %q, want %d with %q", v.calls, v.got, wantCalls, tc.want)
			}
		})
	}
}

// roundTripperFunc is an http.RoundTripper made of a function.
type roundTripperFunc func(*http.Request) (*http.Response, error)

func (f roundTripperFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestMarshalDerived: a derived value sent as its base type carries its @odata.type first
// when the caller left it empty, and keeps the caller's (or an AdditionalData one) otherwise.
func TestMarshalDerived(t *testing.T) {
	type app struct {
		ODataType   *string `json:"@odata.type,omitempty"`
		DisplayName *string `json:"displayName,omitempty"`
	}
	name := "Contoso"
	set := "#microsoft.graph.iosLobApp"
	for _, c := range []struct {
		v    app
		want string
	}{
		{app{DisplayName: &name}, `{"@odata.type":"#microsoft.graph.androidLobApp","displayName":"Contoso"}`},
		{app{}, `{"@odata.type":"#microsoft.graph.androidLobApp"}`},
		{app{ODataType: &set}, `{"@odata.type":"#microsoft.graph.iosLobApp"}`},
	} {
		b, err := MarshalDerived(c.v, c.v.ODataType, "#microsoft.graph.androidLobApp")
		if err != nil || string(b) != c.want {
			t.Errorf("MarshalDerived(%+v) = %s, %v; want %s", c.v, b, err, c.want)
		}
	}
	raw := map[string]any{"@odata.type": "#microsoft.graph.win32LobApp"}
	if b, err := MarshalDerived(raw, nil, "#microsoft.graph.androidLobApp"); err != nil || string(b) != `{"@odata.type":"#microsoft.graph.win32LobApp"}` {
		t.Errorf("a type the encoding already holds is kept: %s, %v", b, err)
	}
}

func TestDecodeObjectKeptAside(t *testing.T) {
	type obj struct {
		ODataType *string         `json:"@odata.type,omitempty"`
		A         *int            `json:"a,omitempty"`
		R         json.RawMessage `json:"r,omitzero"`
	}
	known := func(n []byte) bool {
		switch string(n) {
		case "@odata.type", "a", "r":
			return true
		}
		return false
	}
	cases := []struct {
		in, extra string // extra: the members kept aside, encoded
		fast      bool
	}{
		{`{"a":1}`, `null`, true},
		{`{"@odata.context":"x","a": null ,"r":null}`, `{"@odata.context":"x","a":null,"r":null}`, true},
		{`{"a":2,"m@odata.nextLink":"n","@odata.etag":"W/\"1\""}`, `{"@odata.etag":"W/\"1\"","m@odata.nextLink":"n"}`, true},
		{`{"@odata.Type":"y"}`, `{"@odata.Type":"y"}`, false},
		{`{"A":7}`, `{"A":7}`, false},
		{`{"a\u0041":7}`, `{"aA":7}`, false},
		{`{"a":null,"a":null}`, `{"a":null}`, false},
	}
	for _, c := range cases {
		_, fast := keptAside([]byte(c.in), known)
		if fast != c.fast {
			t.Errorf("keptAside(%s) fast = %v, want %v", c.in, fast, c.fast)
		}
		var o obj
		extra, err := decodeObject([]byte(c.in), known, &o)
		if err != nil {
			t.Fatalf("DecodeObject(%s): %v", c.in, err)
		}
		got, _ := json.Marshal(extra)
		if string(got) != c.extra {
			t.Errorf("DecodeObject(%s) kept %s, want %s", c.in, got, c.extra)
		}
		if o.ODataType != nil {
			t.Errorf("DecodeObject(%s) set ODataType", c.in)
		}
	}
	doc := []byte(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity","a":null,"r":null}`)
	if n := testing.AllocsPerRun(100, func() { keptAside(doc, known) }); n > 4 {
		t.Errorf("keptAside allocates %v times, want at most 4 (names, values, map)", n)
	}
}
