package generated

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// seen is what the test server saw of one request.
type seen struct {
	Method      string
	RequestURI  string
	EscapedPath string
	Path        string
	RawQuery    string
	Header      http.Header
	Body        []byte
}

// reply is what the test server answers.
type reply struct {
	status int // 200 when 0
	header map[string]string
	body   string
}

// serve starts a server that records every request and answers each with rep. It returns a
// client for the server's /beta root (opts are applied after WithBaseURL) and a function
// that returns the next request the server saw.
func serve(t *testing.T, rep reply, opts ...Option) (*Client, func() seen) {
	t.Helper()
	reqs := make(chan seen, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("server: reading the request body: %v", err)
		}
		reqs <- seen{
			Method:      r.Method,
			RequestURI:  r.RequestURI,
			EscapedPath: r.URL.EscapedPath(),
			Path:        r.URL.Path,
			RawQuery:    r.URL.RawQuery,
			Header:      r.Header.Clone(),
			Body:        body,
		}
		for k, v := range rep.header {
			w.Header().Set(k, v)
		}
		status := rep.status
		if status == 0 {
			status = http.StatusOK
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, rep.body)
	}))
	t.Cleanup(srv.Close)
	// The server's own client, not http.DefaultClient: srv.Close closes the idle connections
	// of http.DefaultTransport, which parallel tests would otherwise share ("http:
	// CloseIdleConnections called" in another test's call, about 1 run in 60 under -race).
	c := NewClient(append([]Option{WithBaseURL(srv.URL + "/beta"), WithHTTPClient(srv.Client())}, opts...)...)
	next := func() seen {
		t.Helper()
		select {
		case r := <-reqs:
			return r
		default:
			t.Fatal("the server saw no request")
			return seen{}
		}
	}
	return c, next
}

// quotesPlain undoes the percent-encoding of single quotes, which both spellings of an OData
// string literal in a path (' and %27) mean the same to the service.
func quotesPlain(s string) string { return strings.ReplaceAll(s, "%27", "'") }

// jsonValue decodes b, keeping numbers as written (2.50 stays "2.50").
func jsonValue(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("not JSON: %v: %s", err, b)
	}
	if _, err := d.Token(); err != io.EOF {
		t.Fatalf("more than one JSON value in %s", b)
	}
	return v
}

// jsonEqual reports whether a and b are the same JSON value (numbers compared as written).
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(jsonValue(t, a), jsonValue(t, b))
}

// sameObject fails t unless got and want are JSON objects with the same set of keys and
// equal values (compared as map[string]any, numbers as written), naming each difference.
func sameObject(t *testing.T, what string, got, want []byte) {
	t.Helper()
	gm, ok1 := jsonValue(t, got).(map[string]any)
	wm, ok2 := jsonValue(t, want).(map[string]any)
	if !ok1 || !ok2 {
		t.Errorf("%s: got %s, want %s: not both JSON objects", what, got, want)
		return
	}
	for k, wv := range wm {
		gv, ok := gm[k]
		switch {
		case !ok:
			t.Errorf("%s: key %q is missing (want %v)", what, k, wv)
		case !reflect.DeepEqual(gv, wv):
			t.Errorf("%s: %q = %#v, want %#v", what, k, gv, wv)
		}
	}
	for k, gv := range gm {
		if _, ok := wm[k]; !ok {
			t.Errorf("%s: unexpected key %q = %#v", what, k, gv)
		}
	}
}

// checkEqual fails t unless got and want are deeply equal, showing both as JSON.
func checkEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if bytes.Equal(gj, wj) { // the difference does not show in JSON
			t.Errorf("%s =\n  %#v\nwant\n  %#v", what, got, want)
			return
		}
		t.Errorf("%s =\n  %s\nwant\n  %s", what, gj, wj)
	}
}

// allSet fails t for each documented property of the struct v (every exported field but
// Nulls, AdditionalData and Derived) that decoding left nil or empty.
func allSet(t *testing.T, v any) {
	t.Helper()
	rv := reflect.Indirect(reflect.ValueOf(v))
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		if !f.IsExported() || f.Name == "Nulls" || f.Name == "AdditionalData" || f.Name == "Derived" {
			continue
		}
		if rv.Field(i).IsZero() {
			t.Errorf("%s.%s (%s) is not set", rv.Type().Name(), f.Name, f.Tag.Get("json"))
		}
	}
}

// dto parses an Edm.DateTimeOffset or fails t.
func dto(t *testing.T, s string) *DateTimeOffset {
	t.Helper()
	d, err := ParseDateTimeOffset(s)
	if err != nil {
		t.Fatal(err)
	}
	return &d
}

// raw is a json.RawMessage from a string, for AdditionalData.
func raw(s string) json.RawMessage { return json.RawMessage(s) }

// knownBug skips a test that checks the correct behaviour where the generated code has a
// known bug. GRAPHDOCGEN_BUGS=1 runs it anyway, to see it fail or to confirm a fix.
func knownBug(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("GRAPHDOCGEN_BUGS") == "" {
		t.Skip("BUG: " + why)
	}
}

// exported is a copy of p without its unexported fields (the headers sent again for the
// next page), for comparing with a page written in the test.
func exported[T any](p *Page[T]) *Page[T] {
	if p == nil {
		return nil
	}
	return &Page[T]{Value: p.Value, NextLink: p.NextLink, DeltaLink: p.DeltaLink, Count: p.Count}
}

// readAllClose reads and closes a stream.
func readAllClose(t *testing.T, rc io.ReadCloser) string {
	t.Helper()
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("reading the stream: %v", err)
	}
	return string(b)
}

const (
	vppTokenJSON = `{"@odata.type":"#microsoft.graph.vppToken","id":"tok-1","organizationName":"Contoso","state":"valid","automaticallyUpdateApps":false,"roleScopeTagIds":["0"]}`
	reportCSV    = "Report Refresh Date,User Principal Name,Display Name\n2024-01-31,alice@contoso.com,Alice\n"
)

// vppToken is vppTokenJSON decoded.
func vppToken() *VppToken {
	return &VppToken{
		ODataType:               Ptr("#microsoft.graph.vppToken"),
		ID:                      Ptr("tok-1"),
		OrganizationName:        Ptr("Contoso"),
		State:                   Ptr(VppTokenStateValid),
		AutomaticallyUpdateApps: Ptr(false),
		RoleScopeTagIDs:         []string{"0"},
	}
}

func TestOperations(t *testing.T) {
	t.Parallel()
	expiry := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		rep  reply
		call func(context.Context, *Client) (any, error)
		// method and path are the request line the service should get; path (after /beta)
		// is compared with the escaped path, with %27 read as '.
		method, path string
		// reqBody is the JSON body the service should get; "" for no body. When exact is
		// set the bytes must match, otherwise the JSON values.
		reqBody string
		exact   bool
		stream  bool
		check   func(t *testing.T, got any)
	}{
		{
			name: "GetDeviceAppManagementVppToken",
			rep:  reply{body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetDeviceAppManagementVppToken(ctx, "tok-1", nil)
			},
			method: "GET", path: "/deviceAppManagement/vppTokens/tok-1",
			check: func(t *testing.T, got any) {
				checkEqual(t, "token", got.(*VppToken), vppToken())
			},
		},
		{
			name: "ListDeviceAppManagementVppTokens",
			rep:  reply{body: `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens","value":[{"id":"a"},{"id":"b","state":"expired"}]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListDeviceAppManagementVppTokensPage(ctx, nil)
			},
			method: "GET", path: "/deviceAppManagement/vppTokens",
			check: func(t *testing.T, got any) {
				p := got.(*Page[VppToken])
				checkEqual(t, "Value", p.Value, []VppToken{{ID: Ptr("a")}, {ID: Ptr("b"), State: Ptr(VppTokenStateExpired)}})
				if p.NextLink != "" {
					t.Errorf("NextLink = %q, want empty on the last page", p.NextLink)
				}
			},
		},
		{
			name: "DeleteDeviceAppManagementVppToken",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeleteDeviceAppManagementVppToken(ctx, "tok-1", nil)
			},
			method: "DELETE", path: "/deviceAppManagement/vppTokens/tok-1",
		},
		{
			name: "RevokeLicensesDeviceAppManagementVppToken/false is sent, nil is not",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RevokeLicensesDeviceAppManagementVppToken(ctx, "tok-1",
					RevokeLicensesDeviceAppManagementVppTokenRequest{NotifyManagedDevices: Ptr(false)}, nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{"notifyManagedDevices":false}`, exact: true,
		},
		{
			name: "RevokeLicensesDeviceAppManagementVppToken/both set",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RevokeLicensesDeviceAppManagementVppToken(ctx, "tok-1",
					RevokeLicensesDeviceAppManagementVppTokenRequest{NotifyManagedDevices: Ptr(true), RevokeUntrackedLicenses: Ptr(false)}, nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{"notifyManagedDevices":true,"revokeUntrackedLicenses":false}`, exact: true,
		},
		{
			name: "RevokeLicensesDeviceAppManagementVppToken/null through AdditionalData",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RevokeLicensesDeviceAppManagementVppToken(ctx, "tok-1",
					RevokeLicensesDeviceAppManagementVppTokenRequest{NotifyManagedDevices: Ptr(true), AdditionalData: map[string]any{"revokeUntrackedLicenses": nil}}, nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{"notifyManagedDevices":true,"revokeUntrackedLicenses":null}`, exact: true,
		},
		{
			name: "RevokeLicensesDeviceAppManagementVppToken/nothing set",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.RevokeLicensesDeviceAppManagementVppToken(ctx, "tok-1", RevokeLicensesDeviceAppManagementVppTokenRequest{}, nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{}`, exact: true,
		},
		{
			name: "CreateDeviceAppManagementVppToken",
			rep:  reply{status: http.StatusCreated, header: map[string]string{"Content-Type": "application/json"}, body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateDeviceAppManagementVppToken(ctx, VppToken{
					Token:                   Ptr("eyJ0b2tlbiI6IjEifQ=="),
					DisplayName:             Ptr("Contoso VPP"),
					VppTokenAccountType:     Ptr(VppTokenAccountTypeBusiness),
					ExpirationDateTime:      Ptr(NewDateTimeOffset(expiry)),
					AutomaticallyUpdateApps: Ptr(false),
					RoleScopeTagIDs:         []string{"0", "1"},
				}, nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens",
			reqBody: `{"vppTokenAccountType":"business","expirationDateTime":"2025-01-02T03:04:05Z","token":"eyJ0b2tlbiI6IjEifQ==","automaticallyUpdateApps":false,"displayName":"Contoso VPP","roleScopeTagIds":["0","1"]}`,
			check: func(t *testing.T, got any) {
				checkEqual(t, "token", got.(*VppToken), vppToken())
			},
		},
		{
			name: "UpdateDeviceAppManagementVppToken",
			rep:  reply{body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateDeviceAppManagementVppToken(ctx, "tok-1", VppToken{
					DisplayName:               Ptr("renamed"),
					DataSharingConsentGranted: Ptr(false),
					State:                     Ptr(VppTokenStateValid),
					RoleScopeTagIDs:           []string{}, // empty but set: sent, to clear the list
				}, nil)
			},
			method: "PATCH", path: "/deviceAppManagement/vppTokens/tok-1",
			reqBody: `{"state":"valid","dataSharingConsentGranted":false,"displayName":"renamed","roleScopeTagIds":[]}`, exact: true,
			check: func(t *testing.T, got any) {
				checkEqual(t, "token", got.(*VppToken), vppToken())
			},
		},
		{
			name: "UpdateDeviceAppManagementVppToken/204 from the service",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateDeviceAppManagementVppToken(ctx, "tok-1", VppToken{Token: Ptr("t")}, nil)
			},
			method: "PATCH", path: "/deviceAppManagement/vppTokens/tok-1",
			reqBody: `{"token":"t"}`, exact: true,
			check: func(t *testing.T, got any) {
				if v := got.(*VppToken); v != nil {
					t.Errorf("got %#v, want nil: no body is no token", v)
				}
			},
		},
		{
			name: "SyncLicensesDeviceAppManagementVppToken",
			rep:  reply{body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SyncLicensesDeviceAppManagementVppToken(ctx, "tok-1", nil)
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/syncLicenses",
			check: func(t *testing.T, got any) {
				checkEqual(t, "token", got.(*VppToken), vppToken())
			},
		},
		{
			name: "GetByIDsDirectoryObjects",
			rep: reply{body: `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#directoryObjects",` +
				`"value":[{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Alice"},{"@odata.type":"#microsoft.graph.group","id":"g1"}],` +
				`"@odata.nextLink":"https://graph.microsoft.com/beta/directoryObjects/getByIds?$skiptoken=X%27Y"}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetByIDsDirectoryObjectsPage(ctx, GetByIDsDirectoryObjectsRequest{IDs: []string{"u1", "g1"}, Types: []string{"user", "group"}}, nil)
			},
			method: "POST", path: "/directoryObjects/getByIds",
			reqBody: `{"ids":["u1","g1"],"types":["user","group"]}`, exact: true,
			check: func(t *testing.T, got any) {
				p := got.(*Page[DirectoryObject])
				user := &User{ODataType: Ptr("#microsoft.graph.user"), ID: Ptr("u1"), DisplayName: Ptr("Alice")}
				group := &Group{ODataType: Ptr("#microsoft.graph.group"), ID: Ptr("g1")}
				checkEqual(t, "Value", p.Value, []DirectoryObject{
					{ODataType: user.ODataType, ID: user.ID, AdditionalData: map[string]json.RawMessage{"displayName": raw(`"Alice"`)}, Derived: user},
					{ODataType: group.ODataType, ID: group.ID, Derived: group},
				})
				if p.NextLink != "https://graph.microsoft.com/beta/directoryObjects/getByIds?$skiptoken=X%27Y" {
					t.Errorf("NextLink = %q", p.NextLink)
				}
			},
		},
		{
			name: "GetByIDsDirectoryObjects/types omitted",
			rep:  reply{body: `{"value":[]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetByIDsDirectoryObjectsPage(ctx, GetByIDsDirectoryObjectsRequest{IDs: []string{"u1"}}, nil)
			},
			method: "POST", path: "/directoryObjects/getByIds",
			reqBody: `{"ids":["u1"]}`, exact: true,
			check: func(t *testing.T, got any) {
				if p := got.(*Page[DirectoryObject]); p.Value == nil || len(p.Value) != 0 {
					t.Errorf("Value = %#v, want empty", p.Value)
				}
			},
		},
		{
			name:   "ListMeMemberOf",
			rep:    reply{body: `{"value":[{"id":"g1"}]}`},
			call:   func(ctx context.Context, c *Client) (any, error) { return c.ListMeMemberOfPage(ctx, nil) },
			method: "GET", path: "/me/memberOf",
			check: func(t *testing.T, got any) {
				checkEqual(t, "page", exported(got.(*Page[DirectoryObject])), &Page[DirectoryObject]{Value: []DirectoryObject{{ID: Ptr("g1")}}})
			},
		},
		{
			name: "ListUserMemberOf",
			rep:  reply{body: `{"value":[{"@odata.type":"#microsoft.graph.group","id":"g1"}],"@odata.nextLink":"https://next"}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ListUserMemberOfPage(ctx, "alice@contoso.com", nil)
			},
			method: "GET", path: "/users/alice@contoso.com/memberOf",
			check: func(t *testing.T, got any) {
				p := got.(*Page[DirectoryObject])
				group := &Group{ODataType: Ptr("#microsoft.graph.group"), ID: Ptr("g1")}
				checkEqual(t, "page", exported(p), &Page[DirectoryObject]{
					Value:    []DirectoryObject{{ODataType: group.ODataType, ID: group.ID, Derived: group}},
					NextLink: "https://next",
				})
			},
		},
		{
			name: "GetGroup",
			rep:  reply{body: `{"id":"02bd9fd6-8f93-4758-87c3-1fb73740a315","displayName":"HR Taskforce"}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetGroup(ctx, "02bd9fd6-8f93-4758-87c3-1fb73740a315", nil)
			},
			method: "GET", path: "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315",
			check: func(t *testing.T, got any) {
				checkEqual(t, "group", got.(*Group), &Group{ID: Ptr("02bd9fd6-8f93-4758-87c3-1fb73740a315"), DisplayName: Ptr("HR Taskforce")})
			},
		},
		{
			name: "GetMeReminderView",
			rep:  reply{body: `{"value":[{"eventId":"e1","reminderFireTime":{"dateTime":"2021-07-12T07:45:00.0000000","timeZone":"UTC"}}]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetMeReminderViewPage(ctx, "2021-07-12T08:00:00.0000000", "2021-07-16T18:00:00.0000000", nil)
			},
			method: "GET", path: "/me/reminderView(startDateTime='2021-07-12T08:00:00.0000000',endDateTime='2021-07-16T18:00:00.0000000')",
			check: func(t *testing.T, got any) {
				checkEqual(t, "page", exported(got.(*Page[Reminder])), &Page[Reminder]{Value: []Reminder{{
					EventID:          Ptr("e1"),
					ReminderFireTime: &DateTimeTimeZone{DateTime: Ptr("2021-07-12T07:45:00.0000000"), TimeZone: Ptr("UTC")},
				}}})
			},
		},
		{
			name: "GetUserReminderView/quotes doubled",
			rep:  reply{body: `{"value":[]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetUserReminderViewPage(ctx, "u1", "it's", "a'b''c", nil)
			},
			method: "GET", path: "/users/u1/reminderView(startDateTime='it''s',endDateTime='a''b''''c')",
		},
		{
			name: "GetOffice365ActiveUserDetailReportsByPeriod",
			rep:  reply{header: map[string]string{"Content-Type": "application/octet-stream"}, body: reportCSV},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, "D7", nil)
			},
			method: "GET", path: "/reports/getOffice365ActiveUserDetail(period='D7')",
			stream: true,
		},
		{
			name: "GetOffice365ActiveUserDetailReportsByDate",
			rep:  reply{header: map[string]string{"Content-Type": "text/csv"}, body: reportCSV},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetOffice365ActiveUserDetailReportsByDate(ctx, Date{Year: 2024, Month: time.January, Day: 31}, nil)
			},
			method: "GET", path: "/reports/getOffice365ActiveUserDetail(date=2024-01-31)",
			stream: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, tt.rep)
			got, err := tt.call(context.Background(), c)
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if tt.stream {
				rc, ok := got.(io.ReadCloser)
				if !ok || rc == nil {
					t.Fatalf("got %T, want a non-nil io.ReadCloser", got)
				}
				if body := readAllClose(t, rc); body != reportCSV {
					t.Errorf("stream = %q, want %q", body, reportCSV)
				}
			}
			r := next()
			if r.Method != tt.method {
				t.Errorf("method = %s, want %s", r.Method, tt.method)
			}
			want := "/beta" + tt.path
			if got := quotesPlain(r.EscapedPath); got != want {
				t.Errorf("escaped path = %s, want %s", r.EscapedPath, want)
			}
			if got := quotesPlain(r.RequestURI); got != want {
				t.Errorf("request URI = %s, want %s", r.RequestURI, want)
			}
			if r.Path != want {
				t.Errorf("decoded path = %s, want %s", r.Path, want)
			}
			if r.RawQuery != "" {
				t.Errorf("query = %q, want none", r.RawQuery)
			}
			wantAccept := "application/json"
			if tt.stream {
				wantAccept = "*/*"
			}
			if a := r.Header.Get("Accept"); a != wantAccept {
				t.Errorf("Accept = %q, want %q", a, wantAccept)
			}
			if ua := r.Header.Get("User-Agent"); ua != DefaultUserAgent {
				t.Errorf("User-Agent = %q, want %q", ua, DefaultUserAgent)
			}
			if tt.reqBody == "" {
				if len(r.Body) != 0 || r.Header.Get("Content-Type") != "" {
					t.Errorf("want no body, got Content-Type %q and %q", r.Header.Get("Content-Type"), r.Body)
				}
			} else {
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type = %q, want application/json", ct)
				}
				if tt.exact && string(r.Body) != tt.reqBody {
					t.Errorf("body = %s, want exactly %s", r.Body, tt.reqBody)
				} else if !jsonEqual(t, r.Body, []byte(tt.reqBody)) {
					t.Errorf("body = %s, want %s", r.Body, tt.reqBody)
				}
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

// TestPathEscaping checks that an ID (or function argument) holding characters that mean
// something in a URL stays inside its own path segment.
func TestPathEscaping(t *testing.T) {
	t.Parallel()
	const id = "a/b?c#d%e f"
	const esc = "a%2Fb%3Fc%23d%25e%20f"
	tests := []struct {
		name string
		call func(context.Context, *Client) error
		// segments are the escaped path's segments after "beta", with %27 read as '.
		segments []string
		// decoded is the segment that must decode to the argument, and what it must decode to.
		at      int
		decoded string
	}{
		{"GetDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			_, err := c.GetDeviceAppManagementVppToken(ctx, id, nil)
			return err
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"DeleteDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			return c.DeleteDeviceAppManagementVppToken(ctx, id, nil)
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"UpdateDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			_, err := c.UpdateDeviceAppManagementVppToken(ctx, id, VppToken{}, nil)
			return err
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"RevokeLicensesDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			return c.RevokeLicensesDeviceAppManagementVppToken(ctx, id, RevokeLicensesDeviceAppManagementVppTokenRequest{}, nil)
		}, []string{"deviceAppManagement", "vppTokens", esc, "revokeLicenses"}, 2, id},
		{"ListUserMemberOf", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, id, nil)
			return err
		}, []string{"users", esc, "memberOf"}, 1, id},
		{"GetGroup", func(ctx context.Context, c *Client) error {
			_, err := c.GetGroup(ctx, id, nil)
			return err
		}, []string{"groups", esc}, 1, id},
		{"GetUserReminderView/user", func(ctx context.Context, c *Client) error {
			_, err := c.GetUserReminderViewPage(ctx, id, "s", "e", nil)
			return err
		}, []string{"users", esc, "reminderView(startDateTime='s',endDateTime='e')"}, 1, id},
		{"GetUserReminderView/arguments", func(ctx context.Context, c *Client) error {
			_, err := c.GetUserReminderViewPage(ctx, "u1", id, "x'/y", nil)
			return err
		}, []string{"users", "u1", "reminderView(startDateTime='" + esc + "',endDateTime='x''%2Fy')"}, 2,
			"reminderView(startDateTime='" + id + "',endDateTime='x''/y')"},
		{"GetOffice365ActiveUserDetailReportsByPeriod", func(ctx context.Context, c *Client) error {
			rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, id, nil)
			if err == nil {
				rc.Close()
			}
			return err
		}, []string{"reports", "getOffice365ActiveUserDetail(period='" + esc + "')"}, 1,
			"getOffice365ActiveUserDetail(period='" + id + "')"},
		// A Date has one spelling, with nothing to escape: it is written as an unquoted
		// OData date literal, a year past 9999 with all its digits.
		{"GetOffice365ActiveUserDetailReportsByDate", func(ctx context.Context, c *Client) error {
			rc, err := c.GetOffice365ActiveUserDetailReportsByDate(ctx, Date{Year: 12024, Month: time.February, Day: 9}, nil)
			if err == nil {
				rc.Close()
			}
			return err
		}, []string{"reports", "getOffice365ActiveUserDetail(date=12024-02-09)"}, 1,
			"getOffice365ActiveUserDetail(date=12024-02-09)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, reply{body: `{}`})
			if err := tt.call(context.Background(), c); err != nil {
				t.Fatalf("err = %v", err)
			}
			r := next()
			want := "/beta/" + strings.Join(tt.segments, "/")
			if got := quotesPlain(r.EscapedPath); got != want {
				t.Errorf("escaped path = %s, want %s", r.EscapedPath, want)
			}
			if got := quotesPlain(r.RequestURI); got != want {
				t.Errorf("request URI = %s, want %s", r.RequestURI, want)
			}
			if r.RawQuery != "" {
				t.Errorf("query = %q, want none: the argument leaked out of its segment", r.RawQuery)
			}
			segs := strings.Split(strings.TrimPrefix(r.EscapedPath, "/"), "/")
			if len(segs) != len(tt.segments)+1 {
				t.Fatalf("%d segments in %s, want %d", len(segs), r.EscapedPath, len(tt.segments)+1)
			}
			got, err := url.PathUnescape(segs[tt.at+1])
			if err != nil {
				t.Fatalf("segment %q: %v", segs[tt.at+1], err)
			}
			if got != tt.decoded {
				t.Errorf("segment decodes to %q, want %q", got, tt.decoded)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		opts   []Option
		wantUA string
	}{
		{"default User-Agent", nil, "graphdocgen-client/beta"},
		{"WithUserAgent", []Option{WithUserAgent("contoso-sync/2.1")}, "contoso-sync/2.1"},
		{"last option wins", []Option{WithUserAgent("first"), WithUserAgent("second")}, "second"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, reply{body: `{}`}, tt.opts...)
			if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
				t.Fatal(err)
			}
			r := next()
			if ua := r.Header.Get("User-Agent"); ua != tt.wantUA {
				t.Errorf("User-Agent = %q, want %q", ua, tt.wantUA)
			}
			if a := r.Header.Values("Accept"); len(a) != 1 || a[0] != "application/json" {
				t.Errorf("Accept = %q, want [application/json]", a)
			}
		})
	}
}

func TestWithBaseURL(t *testing.T) {
	t.Parallel()
	for _, suffix := range []string{"/beta", "/beta/", "/beta//"} {
		t.Run(suffix, func(t *testing.T) {
			t.Parallel()
			var uri atomic.Value
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				uri.Store(r.RequestURI)
				_, _ = io.WriteString(w, `{}`)
			}))
			defer srv.Close()
			c := NewClient(WithBaseURL(srv.URL + suffix))
			if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
				t.Fatal(err)
			}
			if got := uri.Load(); got != "/beta/groups/g1" {
				t.Errorf("request URI = %v, want /beta/groups/g1", got)
			}
		})
	}
}

// authTransport adds a bearer token, the way an oauth2 transport would.
type authTransport struct {
	base  http.RoundTripper
	calls atomic.Int32
}

func (a *authTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	a.calls.Add(1)
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer t0ken")
	return a.base.RoundTrip(r)
}

func TestWithHTTPClient(t *testing.T) {
	t.Parallel()
	// A TLS server: only its own client trusts its certificate, so a request that gets
	// through was sent with the client given to WithHTTPClient, not http.DefaultClient.
	var auth atomic.Value
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
		_, _ = io.WriteString(w, `{"id":"g1"}`)
	}))
	defer srv.Close()
	tr := &authTransport{base: srv.Client().Transport}
	c := NewClient(WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: tr}))
	if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
		t.Fatal(err)
	}
	if got := auth.Load(); got != "Bearer t0ken" {
		t.Errorf("Authorization = %v, want the transport's bearer token", got)
	}
	if n := tr.calls.Load(); n != 1 {
		t.Errorf("transport called %d times, want 1", n)
	}

	t.Run("nil falls back to the default client", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{}`}, WithHTTPClient(nil))
		if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
			t.Fatal(err)
		}
		next()
	})
}

// TestConcurrentUse runs calls from many goroutines on one Client (run with -race).
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		_, _ = io.WriteString(w, `{"id":"`+strings.TrimPrefix(r.URL.Path, "/groups/")+`"}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			id := "g" + string(rune('a'+i))
			g, err := c.GetGroup(context.Background(), id, nil)
			if err != nil {
				t.Error(err)
				return
			}
			if g.ID == nil || *g.ID != id || g.AdditionalData != nil {
				t.Errorf("group = %#v, want id %s and nothing else", g, id)
			}
		})
	}
	wg.Wait()
	if n.Load() != 20 {
		t.Errorf("server saw %d requests, want 20", n.Load())
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	const inner = `{"date":"2024-01-31T10:00:00","request-id":"abc","client-request-id":"abc"}`
	const notFound = `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'g1' does not exist or one of its queried reference-property objects are not present.","innerError":` + inner + `}}`
	get := func(ctx context.Context, c *Client) error { _, err := c.GetGroup(ctx, "g1", nil); return err }
	del := func(ctx context.Context, c *Client) error { return c.DeleteDeviceAppManagementVppToken(ctx, "t1", nil) }
	revoke := func(ctx context.Context, c *Client) error {
		return c.RevokeLicensesDeviceAppManagementVppToken(ctx, "t1", RevokeLicensesDeviceAppManagementVppTokenRequest{}, nil)
	}
	stream := func(ctx context.Context, c *Client) error {
		rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, "D7", nil)
		if rc != nil {
			rc.Close()
			if err == nil {
				return errors.New("got a stream, want an error")
			}
		}
		return err
	}
	big := strings.Repeat("x", 70<<10)
	tests := []struct {
		name string
		rep  reply
		call func(context.Context, *Client) error
		want Error
		text string // the whole of Error()
	}{
		{
			name: "Graph error with request-id header",
			rep:  reply{status: 404, header: map[string]string{"Content-Type": "application/json", "request-id": "abc"}, body: notFound},
			call: get,
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "abc", ClientRequestID: "abc", Date: "2024-01-31T10:00:00", InnerError: raw(inner), Body: []byte(notFound)},
			text: "graph: 404 Not Found: Request_ResourceNotFound: Resource 'g1' does not exist or one of its queried reference-property objects are not present. (request-id abc)",
		},
		{
			name: "request-id from the body",
			rep:  reply{status: 404, body: notFound},
			call: del,
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "abc", ClientRequestID: "abc", Date: "2024-01-31T10:00:00", InnerError: raw(inner), Body: []byte(notFound)},
		},
		{
			name: "the header wins over the body",
			rep:  reply{status: 404, header: map[string]string{"request-id": "from-header"}, body: notFound},
			call: get,
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "from-header", ClientRequestID: "abc", Date: "2024-01-31T10:00:00", InnerError: raw(inner), Body: []byte(notFound)},
		},
		{
			name: "no body",
			rep:  reply{status: 500},
			call: get,
			want: Error{StatusCode: 500, Body: []byte{}},
			text: "graph: 500 Internal Server Error",
		},
		{
			name: "no body, POST without a response",
			rep:  reply{status: 503, header: map[string]string{"request-id": "r-1"}},
			call: revoke,
			want: Error{StatusCode: 503, RequestID: "r-1", Body: []byte{}},
			text: "graph: 503 Service Unavailable (request-id r-1)",
		},
		{
			name: "body that is not JSON",
			rep:  reply{status: 502, header: map[string]string{"Content-Type": "text/html"}, body: "<html><body>Bad gateway</body></html>"},
			call: get,
			want: Error{StatusCode: 502, Body: []byte("<html><body>Bad gateway</body></html>")},
			text: "graph: 502 Bad Gateway",
		},
		{
			name: "JSON that is not a Graph error",
			rep:  reply{status: 400, body: `{"error":"invalid_grant"}`},
			call: get,
			want: Error{StatusCode: 400, Body: []byte(`{"error":"invalid_grant"}`)},
		},
		{
			name: "stream",
			rep:  reply{status: 403, body: `{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}`},
			call: stream,
			want: Error{StatusCode: 403, Code: "Authorization_RequestDenied", Message: "Insufficient privileges to complete the operation.",
				Body: []byte(`{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}`)},
			text: "graph: 403 Forbidden: Authorization_RequestDenied: Insufficient privileges to complete the operation.",
		},
		{
			name: "large body is cut at 64 KiB",
			rep:  reply{status: 500, body: big},
			call: get,
			want: Error{StatusCode: 500, Body: []byte(big[:64<<10])},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := serve(t, tt.rep, WithoutRetries())
			err := tt.call(context.Background(), c)
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v (%T), want an *Error", err, err)
			}
			got := *ge
			if got.Body == nil {
				got.Body = []byte{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("error = %+v\nwant    %+v", got, tt.want)
			}
			if tt.text != "" && err.Error() != tt.text {
				t.Errorf("Error() = %q\nwant      %q", err.Error(), tt.text)
			}
		})
	}
}

func TestDecodingErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		call func(context.Context, *Client) error
	}{
		{"not JSON", "<html>ok</html>", func(ctx context.Context, c *Client) error { _, err := c.GetGroup(ctx, "g1", nil); return err }},
		{"cut short", `{"value":[{"id":"a"},`, func(ctx context.Context, c *Client) error {
			_, err := c.ListDeviceAppManagementVppTokensPage(ctx, nil)
			return err
		}},
		{"wrong shape", `{"value":{"id":"a"}}`, func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", nil)
			return err
		}},
		{"wrong nextLink type", `{"value":[],"@odata.nextLink":5}`, func(ctx context.Context, c *Client) error {
			_, err := c.GetByIDsDirectoryObjectsPage(ctx, GetByIDsDirectoryObjectsRequest{IDs: []string{"a"}}, nil)
			return err
		}},
		{"invalid DateTimeOffset", `{"id":"t","expirationDateTime":"yesterday"}`, func(ctx context.Context, c *Client) error {
			_, err := c.GetDeviceAppManagementVppToken(ctx, "t", nil)
			if err != nil && !strings.Contains(err.Error(), "Edm.DateTimeOffset") {
				return errors.New("decoding: the error does not name Edm.DateTimeOffset: " + err.Error())
			}
			return err
		}},
		{"enum that is not a string", `{"id":"t","state":1}`, func(ctx context.Context, c *Client) error {
			_, err := c.GetDeviceAppManagementVppToken(ctx, "t", nil)
			return err
		}},
		{"resource that is not an object", `["t"]`, func(ctx context.Context, c *Client) error {
			_, err := c.GetGroup(ctx, "g1", nil)
			return err
		}},
		// The base type's properties decode; the derived type's do not, and that is an error.
		{"derived item of the wrong shape", `{"value":[{"@odata.type":"#microsoft.graph.user","id":"u1","accountEnabled":"yes"}]}`, func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", nil)
			return err
		}},
		{"nested value of the wrong shape", `{"value":[{"eventId":"e1","reminderFireTime":"2021-07-12T07:45:00"}]}`, func(ctx context.Context, c *Client) error {
			_, err := c.GetMeReminderViewPage(ctx, "s", "e", nil)
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := serve(t, reply{body: tt.body})
			err := tt.call(context.Background(), c)
			if err == nil {
				t.Fatal("err = nil, want a decoding error")
			}
			var ge *Error
			if errors.As(err, &ge) {
				t.Errorf("err = %v: a 2xx response is not an *Error", err)
			}
			if !strings.Contains(err.Error(), "decoding") {
				t.Errorf("err = %v, want it to say the response could not be decoded", err)
			}
		})
	}
}

func TestContextCanceled(t *testing.T) {
	t.Parallel()

	t.Run("before the call", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{body: `{}`})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := c.GetGroup(ctx, "g1", nil)
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
	})

	t.Run("deadline passed", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{body: `{}`})
		ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Minute))
		defer cancel()
		err := c.DeleteDeviceAppManagementVppToken(ctx, "t1", nil)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want it to wrap context.DeadlineExceeded", err)
		}
	})

	// blocking starts a server whose handler writes prefix, then waits until the request is
	// canceled (or the test ends).
	blocking := func(t *testing.T, prefix string) (*Client, <-chan struct{}) {
		started := make(chan struct{}, 1)
		done := make(chan struct{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if prefix != "" {
				_, _ = io.WriteString(w, prefix)
				w.(http.Flusher).Flush()
			}
			started <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-done:
			}
		}))
		t.Cleanup(srv.Close)
		t.Cleanup(func() { close(done) }) // runs first, so srv.Close does not wait forever
		return NewClient(WithBaseURL(srv.URL)), started
	}

	t.Run("while waiting for the response", func(t *testing.T) {
		t.Parallel()
		c, started := blocking(t, "")
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		errc := make(chan error, 1)
		go func() {
			_, err := c.ListUserMemberOfPage(ctx, "u1", nil)
			errc <- err
		}()
		<-started
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
	})

	t.Run("while reading a stream", func(t *testing.T) {
		t.Parallel()
		c, started := blocking(t, "line 1\n")
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		rc, err := c.GetOffice365ActiveUserDetailReportsByDate(ctx, Date{Year: 2024, Month: time.January, Day: 31}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		<-started
		br := bufio.NewReader(rc)
		if line, err := br.ReadString('\n'); err != nil || line != "line 1\n" {
			t.Fatalf("first line = %q, %v", line, err)
		}
		cancel()
		if _, err := io.ReadAll(br); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
	})
}

// TestStreamFollowsRedirect: the reports endpoints answer 302 with the location of the file.
func TestStreamFollowsRedirect(t *testing.T) {
	t.Parallel()
	var ua atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/beta/reports/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/download/report.csv", http.StatusFound)
	})
	mux.HandleFunc("/download/report.csv", func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = io.WriteString(w, reportCSV)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithUserAgent("reports-bot"))
	rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(context.Background(), "D30", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := readAllClose(t, rc); got != reportCSV {
		t.Errorf("stream = %q, want %q", got, reportCSV)
	}
	if got := ua.Load(); got != "reports-bot" {
		t.Errorf("User-Agent on the redirect = %v, want reports-bot", got)
	}
}

func TestNewClientDefaults(t *testing.T) {
	t.Parallel()
	// The runtime's TestNewClient checks the settings themselves.
	if c := NewClient(); c.Client == nil {
		t.Error("NewClient's Client embeds no runtime client")
	}
	if DefaultBaseURL != "https://graph.microsoft.com/beta" || DefaultUserAgent != "graphdocgen-client/beta" || APIVersion != "beta" {
		t.Errorf("DefaultBaseURL = %q, DefaultUserAgent = %q, APIVersion = %q", DefaultBaseURL, DefaultUserAgent, APIVersion)
	}
}

// Responses as the reference pages show them, with every documented property set, the
// date-times written in different ways, and properties the docs do not describe.
const (
	vppTokenFullJSON = `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens/$entity",` +
		`"@odata.type":"#microsoft.graph.vppToken","id":"5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8",` +
		`"organizationName":"Contoso Schools","vppTokenAccountType":"education","appleId":"vpp-admin@contoso.edu",` +
		`"expirationDateTime":"2022-03-14T17:20:00Z","lastSyncDateTime":"2021-06-30T08:15:42.1230000Z",` +
		`"token":"eyJleHBEYXRlIjoiMjAyMi0wMy0xNCJ9","lastModifiedDateTime":"2021-06-29T22:04:11+02:00",` +
		`"state":"valid","lastSyncStatus":"completed","automaticallyUpdateApps":true,"countryOrRegion":"us",` +
		`"dataSharingConsentGranted":true,"displayName":"Contoso Schools VPP","locationName":"Contoso Schools - Main Campus",` +
		`"claimTokenManagementFromExternalMdm":false,"roleScopeTagIds":["0","7"],` +
		`"tokenActionResults":[{"actionName":"sync","actionState":"done"}],"futureNumber":2.50,"futureNull":null}`

	groupFullJSON = `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#groups/$entity",` +
		`"@odata.type":"#microsoft.graph.group","id":"b6d1f0a4-3c2e-4f7a-9d85-61e0c2a7b39f",` +
		`"deletedDateTime":"2024-02-29T23:59:59.9999999Z","createdDateTime":"2020-11-03T15:42:18Z",` +
		`"description":"Planning space for the spring trail-running club","displayName":"Trail Runners",` +
		`"groupTypes":["Unified","DynamicMembership"],"mail":"trailrunners@contoso.com","mailEnabled":true,` +
		`"mailNickname":"trailrunners","classification":"internal","securityEnabled":false,"visibility":"Private"}`

	directoryObjectFullJSON = `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#directoryObjects/$entity",` +
		`"@odata.type":"#microsoft.graph.directoryObject","id":"8e42d0b7-5f19-4a63-9c27-1b6f3e8d0a45",` +
		`"deletedDateTime":"2024-01-31T10:00:00.5-08:00"}`

	userItemJSON = `{"@odata.type":"#microsoft.graph.user","id":"3f9b6e2d-8a41-4c07-b2d5-9e16a0c4f873",` +
		`"deletedDateTime":"2024-05-01T00:00:00Z","accountEnabled":true,"businessPhones":["+1 425 555 0109"],` +
		`"createdDateTime":"2019-08-01T10:00:00Z","displayName":"Megan Bowen","mail":"meganb@contoso.com",` +
		`"userPrincipalName":"meganb@contoso.com","userType":"Member","jobTitle":"Auditor"}`
	groupItemJSON = `{"@odata.type":"#microsoft.graph.group","id":"c1a5d7e9-2b36-4f48-8a90-d7e3b1f5c602",` +
		`"displayName":"Finance Team","mailEnabled":false,"securityEnabled":true,"groupTypes":[],"resourceProvisioningOptions":["Team"]}`
	// A type these docs do not describe: it stays a plain directoryObject.
	roleItemJSON = `{"@odata.type":"#microsoft.graph.directoryRole","id":"8e42d0b7-5f19-4a63-9c27-1b6f3e8d0a45",` +
		`"displayName":"Reports Reader","roleTemplateId":"4a5d8f65-41da-4de4-8968-e035b65339cf"}`
	// No @odata.type at all.
	untypedItemJSON = `{"id":"0a1b2c3d","displayName":"?"}`
)

// TestDecodeVppToken decodes a vppToken with every documented property into the struct.
func TestDecodeVppToken(t *testing.T) {
	t.Parallel()
	c, _ := serve(t, reply{header: map[string]string{"Content-Type": "application/json"}, body: vppTokenFullJSON})
	got, err := c.GetDeviceAppManagementVppToken(context.Background(), "5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8", nil)
	if err != nil {
		t.Fatal(err)
	}
	allSet(t, got)
	want := &VppToken{
		ODataType:                           Ptr("#microsoft.graph.vppToken"),
		ID:                                  Ptr("5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8"),
		OrganizationName:                    Ptr("Contoso Schools"),
		VppTokenAccountType:                 Ptr(VppTokenAccountTypeEducation),
		AppleID:                             Ptr("vpp-admin@contoso.edu"),
		ExpirationDateTime:                  dto(t, "2022-03-14T17:20:00Z"),
		LastSyncDateTime:                    dto(t, "2021-06-30T08:15:42.1230000Z"),
		Token:                               Ptr("eyJleHBEYXRlIjoiMjAyMi0wMy0xNCJ9"),
		LastModifiedDateTime:                dto(t, "2021-06-29T22:04:11+02:00"),
		State:                               Ptr(VppTokenStateValid),
		LastSyncStatus:                      Ptr(VppTokenSyncStatusCompleted),
		AutomaticallyUpdateApps:             Ptr(true),
		CountryOrRegion:                     Ptr("us"),
		DataSharingConsentGranted:           Ptr(true),
		DisplayName:                         Ptr("Contoso Schools VPP"),
		LocationName:                        Ptr("Contoso Schools - Main Campus"),
		ClaimTokenManagementFromExternalMdm: Ptr(false),
		RoleScopeTagIDs:                     []string{"0", "7"},
		AdditionalData: map[string]json.RawMessage{
			"@odata.context":     raw(`"https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens/$entity"`),
			"tokenActionResults": raw(`[{"actionName":"sync","actionState":"done"}]`),
			"futureNumber":       raw(`2.50`),
			"futureNull":         raw(`null`),
		},
	}
	checkEqual(t, "token", got, want)

	// The enums compare equal to their constants.
	if got.State == nil || *got.State != VppTokenStateValid {
		t.Errorf("State = %v, want VppTokenStateValid", got.State)
	}
	if got.VppTokenAccountType == nil || *got.VppTokenAccountType != VppTokenAccountTypeEducation {
		t.Errorf("VppTokenAccountType = %v, want VppTokenAccountTypeEducation", got.VppTokenAccountType)
	}
	if got.LastSyncStatus == nil || *got.LastSyncStatus != VppTokenSyncStatusCompleted {
		t.Errorf("LastSyncStatus = %v, want VppTokenSyncStatusCompleted", got.LastSyncStatus)
	}
	// false is set, not missing.
	if got.ClaimTokenManagementFromExternalMdm == nil || *got.ClaimTokenManagementFromExternalMdm {
		t.Errorf("ClaimTokenManagementFromExternalMdm = %v, want a pointer to false", got.ClaimTokenManagementFromExternalMdm)
	}
	// Date-times keep their text (trailing zeros, offsets) and give the right instant.
	for _, tc := range []struct {
		name string
		got  *DateTimeOffset
		text string
		at   time.Time
	}{
		{"ExpirationDateTime", got.ExpirationDateTime, "2022-03-14T17:20:00Z", time.Date(2022, 3, 14, 17, 20, 0, 0, time.UTC)},
		{"LastSyncDateTime", got.LastSyncDateTime, "2021-06-30T08:15:42.1230000Z", time.Date(2021, 6, 30, 8, 15, 42, 123e6, time.UTC)},
		{"LastModifiedDateTime", got.LastModifiedDateTime, "2021-06-29T22:04:11+02:00", time.Date(2021, 6, 29, 20, 4, 11, 0, time.UTC)},
	} {
		if tc.got == nil {
			t.Errorf("%s is nil", tc.name)
			continue
		}
		if tc.got.String() != tc.text {
			t.Errorf("%s = %q, want the text as sent, %q", tc.name, tc.got.String(), tc.text)
		}
		if !tc.got.Time().Equal(tc.at) {
			t.Errorf("%s.Time() = %v, want %v", tc.name, tc.got.Time(), tc.at)
		}
		if b, err := json.Marshal(tc.got); err != nil || string(b) != `"`+tc.text+`"` {
			t.Errorf("%s encodes as %s, %v; want %q", tc.name, b, err, tc.text)
		}
	}
	if _, off := got.LastModifiedDateTime.Time().Zone(); off != 2*3600 {
		t.Errorf("LastModifiedDateTime offset = %d s, want +02:00", off)
	}
}

// TestDecodeGroup decodes the group-get response, with every documented property set.
func TestDecodeGroup(t *testing.T) {
	t.Parallel()
	c, _ := serve(t, reply{body: groupFullJSON})
	got, err := c.GetGroup(context.Background(), "b6d1f0a4-3c2e-4f7a-9d85-61e0c2a7b39f", nil)
	if err != nil {
		t.Fatal(err)
	}
	allSet(t, got)
	checkEqual(t, "group", got, &Group{
		ODataType:       Ptr("#microsoft.graph.group"),
		ID:              Ptr("b6d1f0a4-3c2e-4f7a-9d85-61e0c2a7b39f"),
		DeletedDateTime: dto(t, "2024-02-29T23:59:59.9999999Z"),
		CreatedDateTime: dto(t, "2020-11-03T15:42:18Z"),
		Description:     Ptr("Planning space for the spring trail-running club"),
		DisplayName:     Ptr("Trail Runners"),
		GroupTypes:      []string{"Unified", "DynamicMembership"},
		Mail:            Ptr("trailrunners@contoso.com"),
		MailEnabled:     Ptr(true),
		MailNickname:    Ptr("trailrunners"),
		SecurityEnabled: Ptr(false),
		Visibility:      Ptr("Private"),
		AdditionalData: map[string]json.RawMessage{
			"@odata.context": raw(`"https://graph.microsoft.com/beta/$metadata#groups/$entity"`),
			"classification": raw(`"internal"`),
		},
	})
	if s := got.DeletedDateTime.String(); s != "2024-02-29T23:59:59.9999999Z" {
		t.Errorf("DeletedDateTime = %q, want the text as sent", s)
	}
	if ns := got.DeletedDateTime.Time().Nanosecond(); ns != 999999900 {
		t.Errorf("DeletedDateTime nanoseconds = %d, want 999999900", ns)
	}
}

// TestDecodeDirectoryObject decodes directoryObjects: the base type itself (no Derived),
// a derived type, and through Entity, the root of the hierarchy.
func TestDecodeDirectoryObject(t *testing.T) {
	t.Parallel()

	t.Run("the base type itself", func(t *testing.T) {
		t.Parallel()
		var got DirectoryObject
		if err := json.Unmarshal([]byte(directoryObjectFullJSON), &got); err != nil {
			t.Fatal(err)
		}
		allSet(t, &got)
		checkEqual(t, "directoryObject", got, DirectoryObject{
			ODataType:       Ptr("#microsoft.graph.directoryObject"),
			ID:              Ptr("8e42d0b7-5f19-4a63-9c27-1b6f3e8d0a45"),
			DeletedDateTime: dto(t, "2024-01-31T10:00:00.5-08:00"),
			AdditionalData: map[string]json.RawMessage{
				"@odata.context": raw(`"https://graph.microsoft.com/beta/$metadata#directoryObjects/$entity"`),
			},
		})
		if s := got.DeletedDateTime.String(); s != "2024-01-31T10:00:00.5-08:00" {
			t.Errorf("DeletedDateTime = %q, want the text as sent", s)
		}
		if want := time.Date(2024, 1, 31, 18, 0, 0, 5e8, time.UTC); !got.DeletedDateTime.Time().Equal(want) {
			t.Errorf("DeletedDateTime.Time() = %v, want %v", got.DeletedDateTime.Time(), want)
		}
	})

	t.Run("a user", func(t *testing.T) {
		t.Parallel()
		var got DirectoryObject
		if err := json.Unmarshal([]byte(userItemJSON), &got); err != nil {
			t.Fatal(err)
		}
		u, ok := got.Derived.(*User)
		if !ok {
			t.Fatalf("Derived = %T, want *User", got.Derived)
		}
		// Every documented user property but the relationships, which the item leaves out.
		u2 := *u
		u2.Manager, u2.MemberOf = &DirectoryObject{}, []DirectoryObject{{}}
		allSet(t, &u2)
		checkEqual(t, "user", u, wantUserItem(t))
		// The base keeps its own properties, and the user's others as unknown to it.
		if got.ID == nil || *got.ID != "3f9b6e2d-8a41-4c07-b2d5-9e16a0c4f873" || got.DeletedDateTime.String() != "2024-05-01T00:00:00Z" {
			t.Errorf("base = %#v", got)
		}
		if _, ok := got.AdditionalData["userPrincipalName"]; !ok {
			t.Errorf("base AdditionalData = %v, want the user's properties", got.AdditionalData)
		}
	})
}

// wantUserItem is userItemJSON decoded.
func wantUserItem(t *testing.T) *User {
	return &User{
		ODataType:         Ptr("#microsoft.graph.user"),
		ID:                Ptr("3f9b6e2d-8a41-4c07-b2d5-9e16a0c4f873"),
		DeletedDateTime:   dto(t, "2024-05-01T00:00:00Z"),
		AccountEnabled:    Ptr(true),
		BusinessPhones:    []string{"+1 425 555 0109"},
		CreatedDateTime:   dto(t, "2019-08-01T10:00:00Z"),
		DisplayName:       Ptr("Megan Bowen"),
		Mail:              Ptr("meganb@contoso.com"),
		UserPrincipalName: Ptr("meganb@contoso.com"),
		UserType:          Ptr("Member"),
		AdditionalData:    map[string]json.RawMessage{"jobTitle": raw(`"Auditor"`)},
	}
}

// TestUnknownEnumValues: a value the docs do not list decodes without error, is kept, and
// is sent back as it came.
func TestUnknownEnumValues(t *testing.T) {
	t.Parallel()
	const body = `{"id":"t","vppTokenAccountType":"somethingNew","state":"somethingNew","lastSyncStatus":"somethingNew"}`
	c, next := serve(t, reply{body: body})
	got, err := c.GetDeviceAppManagementVppToken(context.Background(), "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "token", got, &VppToken{
		ID:                  Ptr("t"),
		VppTokenAccountType: Ptr(VppTokenAccountType("somethingNew")),
		State:               Ptr(VppTokenState("somethingNew")),
		LastSyncStatus:      Ptr(VppTokenSyncStatus("somethingNew")),
	})
	for _, known := range []VppTokenState{VppTokenStateUnknown, VppTokenStateValid, VppTokenStateExpired, VppTokenStateInvalid, VppTokenStateAssignedToExternalMDM, VppTokenStateDuplicateLocationID} {
		if *got.State == known {
			t.Errorf("State %q equals the constant %q", *got.State, known)
		}
	}
	b, err := json.Marshal(got)
	if err != nil || string(b) != body {
		t.Errorf("re-encoded as %s, %v; want %s", b, err, body)
	}
	next()
}

// TestEnumConstants: each constant is the value the docs list.
func TestEnumConstants(t *testing.T) {
	t.Parallel()
	for got, want := range map[string]string{
		string(VppTokenAccountTypeBusiness):        "business",
		string(VppTokenAccountTypeEducation):       "education",
		string(VppTokenStateUnknown):               "unknown",
		string(VppTokenStateValid):                 "valid",
		string(VppTokenStateExpired):               "expired",
		string(VppTokenStateInvalid):               "invalid",
		string(VppTokenStateAssignedToExternalMDM): "assignedToExternalMDM",
		string(VppTokenStateDuplicateLocationID):   "duplicateLocationId",
		string(VppTokenSyncStatusNone):             "none",
		string(VppTokenSyncStatusInProgress):       "inProgress",
		string(VppTokenSyncStatusCompleted):        "completed",
		string(VppTokenSyncStatusFailed):           "failed",
	} {
		if got != want {
			t.Errorf("constant = %q, want %q", got, want)
		}
	}
	// Each enum decodes its documented values into the matching constant.
	var v VppToken
	if err := json.Unmarshal([]byte(`{"state":"assignedToExternalMDM","lastSyncStatus":"inProgress","vppTokenAccountType":"business"}`), &v); err != nil {
		t.Fatal(err)
	}
	if *v.State != VppTokenStateAssignedToExternalMDM || *v.LastSyncStatus != VppTokenSyncStatusInProgress || *v.VppTokenAccountType != VppTokenAccountTypeBusiness {
		t.Errorf("decoded %v %v %v", *v.State, *v.LastSyncStatus, *v.VppTokenAccountType)
	}
}

// TestRoundTrip decodes a response and encodes it again: the same keys with the same
// values, unknown properties included.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	userWithRelations := `{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Megan Bowen",` +
		`"manager":` + userItemJSON + `,"memberOf":[` + groupItemJSON + `,` + roleItemJSON + `,` + untypedItemJSON + `],` +
		`"manager@odata.context":"x","memberOf@odata.nextLink":"https://next"}`
	reminder := `{"@odata.type":"#microsoft.graph.reminder","eventId":"e1","changeKey":"ck","eventSubject":"Review",` +
		`"eventWebLink":"https://outlook.office365.com/owa/?itemid=e1","isAllDay":false,` +
		`"eventStartTime":{"dateTime":"2021-07-12T08:00:00.0000000","timeZone":"UTC","extra":1},` +
		`"eventEndTime":{"@odata.type":"#microsoft.graph.dateTimeTimeZone","dateTime":"2021-07-12T09:00:00.0000000","timeZone":"Pacific Standard Time"},` +
		`"eventLocation":{"displayName":"Room 1","locationEmailAddress":"room1@contoso.com","locationUri":"https://rooms/1","address":{"city":"Redmond"}},` +
		`"reminderFireTime":{"dateTime":"2021-07-12T07:45:00.0000000","timeZone":"UTC"}}`
	// Spaces, escapes, HTML characters, numbers written non-canonically and nesting.
	odd := `{ "id" : "tok-1",  "displayName": "Tom & <Jerry> \u00e9 \"q\"",` + "\n\t" +
		`"n": [1, 2.50, 1E3, -0.0], "nested": {"a": null, "b": [true, false]}, "s": "\ud83d\ude00" }`
	tests := []struct {
		name string
		in   string
		new  func() any
	}{
		{"vppToken", vppTokenFullJSON, func() any { return new(VppToken) }},
		{"vppToken, odd JSON", odd, func() any { return new(VppToken) }},
		{"group", groupFullJSON, func() any { return new(Group) }},
		{"directoryObject", directoryObjectFullJSON, func() any { return new(DirectoryObject) }},
		{"directoryObject holding a user", userItemJSON, func() any { return new(DirectoryObject) }},
		{"directoryObject holding a group", groupItemJSON, func() any { return new(DirectoryObject) }},
		{"directoryObject of an undocumented type", roleItemJSON, func() any { return new(DirectoryObject) }},
		{"directoryObject without a type", untypedItemJSON, func() any { return new(DirectoryObject) }},
		{"user with relationships", userWithRelations, func() any { return new(User) }},
		{"entity holding a user", userWithRelations, func() any { return new(Entity) }},
		{"reminder with nested types", reminder, func() any { return new(Reminder) }},
		{"empty object", `{}`, func() any { return new(VppToken) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			v := tt.new()
			if err := json.Unmarshal([]byte(tt.in), v); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			sameObject(t, "json.Marshal", b, []byte(tt.in))
			// MarshalJSON on the value (not only the pointer) gives the same.
			b2, err := reflect.ValueOf(v).Elem().Interface().(json.Marshaler).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			sameObject(t, "MarshalJSON", b2, []byte(tt.in))
			// A second round is byte for byte the first.
			v2 := tt.new()
			if err := json.Unmarshal(b, v2); err != nil {
				t.Fatal(err)
			}
			if b3, err := json.Marshal(v2); err != nil || !bytes.Equal(b3, b) {
				t.Errorf("second round = %s, %v\nwant         %s", b3, err, b)
			}
		})
	}

	t.Run("in a page", func(t *testing.T) {
		t.Parallel()
		in := []byte(`{"value":[{"id":"a", "x": 1},{"id":"b"}],"@odata.nextLink":"https://next"}`)
		var p Page[VppToken]
		if err := json.Unmarshal(in, &p); err != nil {
			t.Fatal(err)
		}
		// AdditionalData must be a copy, not a window on the input.
		for i := range in {
			in[i] = ' '
		}
		checkEqual(t, "Value", p.Value, []VppToken{{ID: Ptr("a"), AdditionalData: map[string]json.RawMessage{"x": raw("1")}}, {ID: Ptr("b")}})
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"value":[{"id":"a","x":1},{"id":"b"}],"@odata.nextLink":"https://next"}`; string(b) != want {
			t.Errorf("json.Marshal(page) = %s, want %s", b, want)
		}
	})

	t.Run("zero values", func(t *testing.T) {
		t.Parallel()
		b, err := json.Marshal(struct {
			T VppToken
			G *Group
			D DirectoryObject
			N *User
		}{G: &Group{}})
		if want := `{"T":{},"G":{},"D":{},"N":null}`; err != nil || string(b) != want {
			t.Errorf("json.Marshal = %s, %v; want %s", b, err, want)
		}
	})

	t.Run("properties then AdditionalData in name order", func(t *testing.T) {
		t.Parallel()
		g := Group{ID: Ptr("g"), AdditionalData: map[string]json.RawMessage{"z": raw(`1`), "a": raw(`{"b":[]}`), "m": raw(`"<&>"`)}}
		b, err := g.MarshalJSON()
		if want := `{"id":"g","a":{"b":[]},"m":"<&>","z":1}`; err != nil || string(b) != want {
			t.Errorf("MarshalJSON = %s, %v; want %s", b, err, want)
		}
		b, err = json.Marshal(Group{AdditionalData: map[string]json.RawMessage{"only": raw(`true`)}})
		if want := `{"only":true}`; err != nil || string(b) != want {
			t.Errorf("json.Marshal = %s, %v; want %s", b, err, want)
		}
	})
}

// polymorphicItems is a collection mixing the types a directoryObject can be.
const polymorphicItems = `[` + userItemJSON + `,` + groupItemJSON + `,` + roleItemJSON + `,` + untypedItemJSON + `]`

// TestPolymorphism: a directoryObject collection decodes each item as the type its
// @odata.type names, and encodes it back as that type.
func TestPolymorphism(t *testing.T) {
	t.Parallel()
	calls := []struct {
		name string
		call func(context.Context, *Client) (*Page[DirectoryObject], error)
	}{
		{"GetByIDsDirectoryObjects", func(ctx context.Context, c *Client) (*Page[DirectoryObject], error) {
			return c.GetByIDsDirectoryObjectsPage(ctx, GetByIDsDirectoryObjectsRequest{IDs: []string{"a"}}, nil)
		}},
		{"ListUserMemberOf", func(ctx context.Context, c *Client) (*Page[DirectoryObject], error) {
			return c.ListUserMemberOfPage(ctx, "3f9b6e2d-8a41-4c07-b2d5-9e16a0c4f873", nil)
		}},
		{"ListMeMemberOf", func(ctx context.Context, c *Client) (*Page[DirectoryObject], error) {
			return c.ListMeMemberOfPage(ctx, nil)
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := serve(t, reply{body: `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#directoryObjects","value":` + polymorphicItems + `}`})
			p, err := tc.call(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Value) != 4 {
				t.Fatalf("len(Value) = %d, want 4", len(p.Value))
			}

			// A user, with its own properties.
			u, ok := p.Value[0].Derived.(*User)
			if !ok {
				t.Fatalf("Value[0].Derived = %T, want *User", p.Value[0].Derived)
			}
			checkEqual(t, "user", u, wantUserItem(t))

			// A group, with its own properties.
			g, ok := p.Value[1].Derived.(*Group)
			if !ok {
				t.Fatalf("Value[1].Derived = %T, want *Group", p.Value[1].Derived)
			}
			checkEqual(t, "group", g, &Group{
				ODataType:       Ptr("#microsoft.graph.group"),
				ID:              Ptr("c1a5d7e9-2b36-4f48-8a90-d7e3b1f5c602"),
				DisplayName:     Ptr("Finance Team"),
				MailEnabled:     Ptr(false),
				SecurityEnabled: Ptr(true),
				GroupTypes:      []string{},
				AdditionalData:  map[string]json.RawMessage{"resourceProvisioningOptions": raw(`["Team"]`)},
			})
			if *g.SecurityEnabled != true || *g.MailEnabled != false {
				t.Errorf("group flags = %v %v", *g.MailEnabled, *g.SecurityEnabled)
			}

			// A type the docs do not describe, and no type at all: the base type, nothing lost.
			checkEqual(t, "directoryRole", p.Value[2], DirectoryObject{
				ODataType: Ptr("#microsoft.graph.directoryRole"),
				ID:        Ptr("8e42d0b7-5f19-4a63-9c27-1b6f3e8d0a45"),
				AdditionalData: map[string]json.RawMessage{
					"displayName":    raw(`"Reports Reader"`),
					"roleTemplateId": raw(`"4a5d8f65-41da-4de4-8968-e035b65339cf"`),
				},
			})
			checkEqual(t, "untyped", p.Value[3], DirectoryObject{ID: Ptr("0a1b2c3d"), AdditionalData: map[string]json.RawMessage{"displayName": raw(`"?"`)}})

			// The base fields are decoded for every item, derived or not.
			for i, id := range []string{"3f9b6e2d-8a41-4c07-b2d5-9e16a0c4f873", "c1a5d7e9-2b36-4f48-8a90-d7e3b1f5c602", "8e42d0b7-5f19-4a63-9c27-1b6f3e8d0a45", "0a1b2c3d"} {
				if p.Value[i].ID == nil || *p.Value[i].ID != id {
					t.Errorf("Value[%d].ID = %v, want %s", i, p.Value[i].ID, id)
				}
			}

			// Encoding each item gives the object as it came, the derived type's
			// properties (and its unknown ones) included.
			var items []json.RawMessage
			if err := json.Unmarshal([]byte(polymorphicItems), &items); err != nil {
				t.Fatal(err)
			}
			for i := range p.Value {
				b, err := json.Marshal(p.Value[i])
				if err != nil {
					t.Fatal(err)
				}
				sameObject(t, "Value["+string(rune('0'+i))+"]", b, items[i])
			}
			b, err := json.Marshal(p.Value)
			if err != nil {
				t.Fatal(err)
			}
			if !jsonEqual(t, b, []byte(polymorphicItems)) {
				t.Errorf("json.Marshal(Value) = %s\nwant %s", b, polymorphicItems)
			}

			// Derived is what is encoded: a change to it shows.
			u.DisplayName = Ptr("Megan B.")
			u.AccountEnabled = Ptr(false)
			b, err = json.Marshal(p.Value[0])
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			if m["displayName"] != "Megan B." || m["accountEnabled"] != false || m["jobTitle"] != "Auditor" || m["@odata.type"] != "#microsoft.graph.user" {
				t.Errorf("after the change = %s", b)
			}
		})
	}

	t.Run("a value made in Go", func(t *testing.T) {
		t.Parallel()
		d := DirectoryObject{
			ID: Ptr("ignored: Derived is what is encoded"),
			Derived: &Group{
				ODataType:       Ptr("#microsoft.graph.group"),
				ID:              Ptr("g9"),
				DisplayName:     Ptr("Made in Go"),
				GroupTypes:      []string{},
				SecurityEnabled: Ptr(false),
				AdditionalData:  map[string]json.RawMessage{"classification": raw(`"mig"`)},
			},
		}
		b, err := json.Marshal(d)
		if want := `{"@odata.type":"#microsoft.graph.group","id":"g9","displayName":"Made in Go","groupTypes":[],"securityEnabled":false,"classification":"mig"}`; err != nil || string(b) != want {
			t.Errorf("json.Marshal = %s, %v\nwant           %s", b, err, want)
		}
		// And it decodes back to the same group.
		var back DirectoryObject
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "decoded again", back.Derived, d.Derived)
	})

	t.Run("nested in a user", func(t *testing.T) {
		t.Parallel()
		in := `{"@odata.type":"#microsoft.graph.user","id":"u1","manager":` + userItemJSON + `,"memberOf":` + polymorphicItems + `}`
		var u User
		if err := json.Unmarshal([]byte(in), &u); err != nil {
			t.Fatal(err)
		}
		if m, ok := u.Manager.Derived.(*User); !ok {
			t.Errorf("Manager.Derived = %T, want *User", u.Manager.Derived)
		} else {
			checkEqual(t, "manager", m, wantUserItem(t))
		}
		if len(u.MemberOf) != 4 {
			t.Fatalf("len(MemberOf) = %d, want 4", len(u.MemberOf))
		}
		for i, want := range []DirectoryObjectDerived{&User{}, &Group{}, nil, nil} {
			if reflect.TypeOf(u.MemberOf[i].Derived) != reflect.TypeOf(want) {
				t.Errorf("MemberOf[%d].Derived = %T, want %T", i, u.MemberOf[i].Derived, want)
			}
		}
		b, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		sameObject(t, "user", b, []byte(in))
	})

	t.Run("@odata.type spellings", func(t *testing.T) {
		t.Parallel()
		// With or without "#"; the type name's case does not matter.
		for _, typ := range []string{"#microsoft.graph.group", "microsoft.graph.group", "#microsoft.graph.Group"} {
			var d DirectoryObject
			if err := json.Unmarshal([]byte(`{"@odata.type":"`+typ+`","id":"g"}`), &d); err != nil {
				t.Fatal(err)
			}
			if g, ok := d.Derived.(*Group); !ok || *g.ODataType != typ {
				t.Errorf("%s: Derived = %#v, want a *Group keeping the annotation", typ, d.Derived)
			}
		}
		var d DirectoryObject
		if err := json.Unmarshal([]byte(`{"@odata.type":"#microsoft.graph.vppToken","id":"v"}`), &d); err != nil {
			t.Fatal(err)
		}
		if d.Derived != nil {
			t.Errorf("a vppToken is no directoryObject, Derived = %T", d.Derived)
		}
	})
}

// TestUpdateSendsOnlySetFields: PATCH sends the fields that are set, and only them.
func TestUpdateSendsOnlySetFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body VppToken
		want string // exactly
	}{
		{"nothing", VppToken{}, `{}`},
		{"the reference page's example", VppToken{
			ODataType:               Ptr("#microsoft.graph.vppToken"),
			AutomaticallyUpdateApps: Ptr(false),
			DisplayName:             Ptr("Contoso Schools VPP (renewed)"),
			RoleScopeTagIDs:         []string{"0", "7"},
		}, `{"@odata.type":"#microsoft.graph.vppToken","automaticallyUpdateApps":false,"displayName":"Contoso Schools VPP (renewed)","roleScopeTagIds":["0","7"]}`},
		{"false is sent", VppToken{
			AutomaticallyUpdateApps:             Ptr(false),
			DataSharingConsentGranted:           Ptr(false),
			ClaimTokenManagementFromExternalMdm: Ptr(false),
		}, `{"automaticallyUpdateApps":false,"dataSharingConsentGranted":false,"claimTokenManagementFromExternalMdm":false}`},
		{"true is sent", VppToken{DataSharingConsentGranted: Ptr(true)}, `{"dataSharingConsentGranted":true}`},
		{"empty string is sent", VppToken{DisplayName: Ptr("")}, `{"displayName":""}`},
		{"empty list is sent, nil is not", VppToken{RoleScopeTagIDs: []string{}}, `{"roleScopeTagIds":[]}`},
		{"enums", VppToken{State: Ptr(VppTokenStateInvalid), LastSyncStatus: Ptr(VppTokenSyncStatus("somethingNew"))}, `{"state":"invalid","lastSyncStatus":"somethingNew"}`},
		{"date-times", VppToken{
			ExpirationDateTime:   Ptr(NewDateTimeOffset(time.Date(2026, 3, 1, 12, 0, 0, 500*int(time.Millisecond), time.FixedZone("IST", 5*3600+1800)))),
			LastModifiedDateTime: dto(t, "2026-03-01T12:00:00.0000000Z"),
		}, `{"expirationDateTime":"2026-03-01T12:00:00.5+05:30","lastModifiedDateTime":"2026-03-01T12:00:00.0000000Z"}`},
		{"undocumented properties, null included", VppToken{
			DisplayName:    Ptr("x"),
			AdditionalData: map[string]json.RawMessage{"zNew": raw(`{"a":1}`), "locationName": raw(`null`)},
		}, `{"displayName":"x","locationName":null,"zNew":{"a":1}}`},
		{"HTML characters", VppToken{DisplayName: Ptr("Tom & <Jerry>")}, `{"displayName":"Tom \u0026 \u003cJerry\u003e"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, reply{body: vppTokenJSON})
			got, err := c.UpdateDeviceAppManagementVppToken(context.Background(), "tok-1", tt.body, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := next()
			if r.Method != http.MethodPatch || r.Path != "/beta/deviceAppManagement/vppTokens/tok-1" {
				t.Errorf("request = %s %s", r.Method, r.Path)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
			if string(r.Body) != tt.want {
				t.Errorf("body = %s\nwant   %s", r.Body, tt.want)
			}
			checkEqual(t, "response", got, vppToken())
		})
	}
}

// TestCreateSendsTheResource: POST sends the resource given, all of it.
func TestCreateSendsTheResource(t *testing.T) {
	t.Parallel()

	t.Run("the reference page's example", func(t *testing.T) {
		t.Parallel()
		const req = `{"@odata.type":"#microsoft.graph.vppToken","organizationName":"Contoso Schools","vppTokenAccountType":"education",` +
			`"appleId":"vpp-admin@contoso.edu","token":"eyJleHBEYXRlIjoiMjAyMi0wMy0xNCJ9","automaticallyUpdateApps":true,` +
			`"countryOrRegion":"us","dataSharingConsentGranted":true,"displayName":"Contoso Schools VPP",` +
			`"claimTokenManagementFromExternalMdm":false,"roleScopeTagIds":["0"]}`
		c, next := serve(t, reply{status: http.StatusCreated, body: vppTokenFullJSON})
		got, err := c.CreateDeviceAppManagementVppToken(context.Background(), VppToken{
			ODataType:                           Ptr("#microsoft.graph.vppToken"),
			OrganizationName:                    Ptr("Contoso Schools"),
			VppTokenAccountType:                 Ptr(VppTokenAccountTypeEducation),
			AppleID:                             Ptr("vpp-admin@contoso.edu"),
			Token:                               Ptr("eyJleHBEYXRlIjoiMjAyMi0wMy0xNCJ9"),
			AutomaticallyUpdateApps:             Ptr(true),
			CountryOrRegion:                     Ptr("us"),
			DataSharingConsentGranted:           Ptr(true),
			DisplayName:                         Ptr("Contoso Schools VPP"),
			ClaimTokenManagementFromExternalMdm: Ptr(false),
			RoleScopeTagIDs:                     []string{"0"},
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := next()
		if r.Method != http.MethodPost || r.Path != "/beta/deviceAppManagement/vppTokens" || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("request = %s %s (%s)", r.Method, r.Path, r.Header.Get("Content-Type"))
		}
		if string(r.Body) != req {
			t.Errorf("body = %s\nwant   %s", r.Body, req)
		}
		if got.ID == nil || *got.ID != "5a7d3c91-e0b4-4f26-8c1d-2b9e6f40a7d8" || got.State == nil || *got.State != VppTokenStateValid {
			t.Errorf("created = %#v", got)
		}
	})

	t.Run("a decoded resource is sent as it came", func(t *testing.T) {
		t.Parallel()
		var tok VppToken
		if err := json.Unmarshal([]byte(vppTokenFullJSON), &tok); err != nil {
			t.Fatal(err)
		}
		c, next := serve(t, reply{status: http.StatusCreated, body: vppTokenJSON})
		if _, err := c.CreateDeviceAppManagementVppToken(context.Background(), tok, nil); err != nil {
			t.Fatal(err)
		}
		sameObject(t, "body", next().Body, []byte(vppTokenFullJSON))
	})

	t.Run("201 with no body", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{status: http.StatusCreated})
		got, err := c.CreateDeviceAppManagementVppToken(context.Background(), VppToken{Token: Ptr("t")}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != nil {
			t.Errorf("got %#v, want nil: no body is no token", got)
		}
		if b := next().Body; string(b) != `{"token":"t"}` {
			t.Errorf("body = %s", b)
		}
	})
}

// TestStaleDerived: decoding into a value that already holds a Derived must not keep it
// when the new JSON names another type. MarshalJSON prefers Derived, so the stale object
// would be what is sent.
func TestStaleDerived(t *testing.T) {
	t.Parallel()
	var d DirectoryObject
	if err := json.Unmarshal([]byte(userItemJSON), &d); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(roleItemJSON), &d); err != nil {
		t.Fatal(err)
	}
	if d.Derived != nil {
		t.Errorf("Derived = %T from the previous value, want nil", d.Derived)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "re-encoded", b, []byte(roleItemJSON))
}

// TestBaseOnlyHasNoDerived: entity is a base of every resource but nothing is declared as
// one, so nothing ever decodes into it as a value: it gets no Derived field, and a value
// decoded into it keeps the other properties in AdditionalData.
func TestBaseOnlyHasNoDerived(t *testing.T) {
	t.Parallel()
	if _, ok := reflect.TypeFor[Entity]().FieldByName("Derived"); ok {
		t.Error("Entity has a Derived field")
	}
	if _, ok := reflect.TypeFor[DirectoryObject]().FieldByName("Derived"); !ok {
		t.Error("DirectoryObject, which properties and operations are declared as, has no Derived field")
	}
	var e Entity
	if err := json.Unmarshal([]byte(vppTokenJSON), &e); err != nil {
		t.Fatal(err)
	}
	if e.ID == nil || e.AdditionalData["organizationName"] == nil {
		t.Errorf("entity = %+v", e)
	}
}

// TestPropertyNameCase: JSON property names are case-sensitive in OData. An
// undocumented property whose name differs from a documented one only in case must land
// in AdditionalData without touching the documented field.
func TestPropertyNameCase(t *testing.T) {
	t.Parallel()
	const in = `{"id":"g","displayName":"Finance Team","DISPLAYNAME":"x","ID":"other"}`
	var g Group
	if err := json.Unmarshal([]byte(in), &g); err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "group", g, Group{
		ID:             Ptr("g"),
		DisplayName:    Ptr("Finance Team"),
		AdditionalData: map[string]json.RawMessage{"DISPLAYNAME": raw(`"x"`), "ID": raw(`"other"`)},
	})
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "re-encoded", b, []byte(in))
	var v VppToken
	if err := json.Unmarshal([]byte(`{"Token":"secret"}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Token != nil {
		t.Errorf("Token = %q from the undocumented property \"Token\"", *v.Token)
	}
}

// TestNullProperties: Graph sends documented properties that have no value as null
// ("description": null). They are recorded (in Nulls: a pointer cannot tell null from
// absent; an undocumented one in AdditionalData), so that encoding again writes them; a
// field set afterwards wins over the null.
func TestNullProperties(t *testing.T) {
	t.Parallel()
	const in = `{"id":"g","description":null,"deletedDateTime":null,"groupTypes":null,"futureNull":null}`
	var g Group
	if err := json.Unmarshal([]byte(in), &g); err != nil {
		t.Fatal(err)
	}
	want := Group{ID: Ptr("g"), AdditionalData: map[string]json.RawMessage{"futureNull": raw("null")}}
	for _, p := range []string{"description", "deletedDateTime", "groupTypes"} {
		want.SetNull(p)
	}
	checkEqual(t, "group", g, want)
	for _, p := range []string{"description", "deletedDateTime", "groupTypes", "futureNull"} {
		if !g.IsNull(p) {
			t.Errorf("IsNull(%q) = false", p)
		}
	}
	if g.IsNull("id") || g.IsNull("displayName") || g.IsNull("other") {
		t.Error("IsNull is true for a property that is set, absent or unknown")
	}
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "re-encoded", b, []byte(in))

	// Setting a field that arrived as null sends the field, once.
	g.Description = Ptr("now set")
	g.GroupTypes = []string{}
	b, err = json.Marshal(g)
	if want := `{"id":"g","description":"now set","groupTypes":[],"deletedDateTime":null,"futureNull":null}`; err != nil || string(b) != want {
		t.Errorf("json.Marshal = %s, %v\nwant           %s", b, err, want)
	}

	// Through the client, in a derived item.
	c, _ := serve(t, reply{body: `{"value":[{"@odata.type":"#microsoft.graph.user","id":"u1","mail":null,"manager":null,"memberOf":null}]}`})
	p, err := c.ListUserMemberOfPage(context.Background(), "u1", nil)
	if err != nil {
		t.Fatal(err)
	}
	u, ok := p.Value[0].Derived.(*User)
	if !ok {
		t.Fatalf("Derived = %T, want *User", p.Value[0].Derived)
	}
	if u.Mail != nil || u.Manager != nil || u.MemberOf != nil {
		t.Errorf("user = %#v, want the null properties nil", u)
	}
	b, err = json.Marshal(p.Value[0])
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "user re-encoded", b, []byte(`{"@odata.type":"#microsoft.graph.user","id":"u1","mail":null,"manager":null,"memberOf":null}`))

	// An explicit null in a PATCH body clears a property.
	c, next := serve(t, reply{status: http.StatusNoContent})
	if _, err := c.UpdateDeviceAppManagementVppToken(context.Background(), "t", VppToken{
		DisplayName:    Ptr("x"),
		AdditionalData: map[string]json.RawMessage{"locationName": raw("null"), "displayName": raw("null")},
	}, nil); err != nil {
		t.Fatal(err)
	}
	if body, want := next().Body, `{"displayName":"x","locationName":null}`; string(body) != want {
		t.Errorf("PATCH body = %s, want %s (the field wins over AdditionalData)", body, want)
	}
}

// ---- Paging, query options, retries, downloads ----

// record reads what a test server needs to know of r.
func record(t *testing.T, r *http.Request) seen {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Errorf("server: reading the request body: %v", err)
	}
	return seen{
		Method:      r.Method,
		RequestURI:  r.RequestURI,
		EscapedPath: r.URL.EscapedPath(),
		Path:        r.URL.Path,
		RawQuery:    r.URL.RawQuery,
		Header:      r.Header.Clone(),
		Body:        body,
	}
}

// reqLog is the requests a test server saw, safe for concurrent use.
type reqLog struct {
	mu   sync.Mutex
	reqs []seen
}

func (l *reqLog) add(s seen) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, s)
}

// get returns the requests seen so far.
func (l *reqLog) get() []seen {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.reqs)
}

// logServer starts a server that records each request and then calls h with the request's
// number (0 for the first). It returns the server and its log.
func logServer(t *testing.T, h func(n int, w http.ResponseWriter, r *http.Request)) (*httptest.Server, *reqLog) {
	t.Helper()
	log := &reqLog{}
	var count atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add(record(t, r))
		h(int(count.Add(1))-1, w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, log
}

// script answers request n with replies[n], and the requests after the last with the last.
func script(replies ...reply) func(n int, w http.ResponseWriter, r *http.Request) {
	return func(n int, w http.ResponseWriter, r *http.Request) {
		rep := replies[min(n, len(replies)-1)]
		for k, v := range rep.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(cmp.Or(rep.status, http.StatusOK))
		_, _ = io.WriteString(w, rep.body)
	}
}

// pagedMemberOf starts a server for GET /beta/users/u1/memberOf that answers with pages:
// page i holds directory objects with the IDs pages[i] and, unless it is the last, an
// absolute @odata.nextLink to page i+1 ($skiptoken=i+1). A nil page is answered 500. The
// first page has @odata.count when $count=true was asked for; the last has a
// @odata.deltaLink. It returns a client for the server's /beta root.
func pagedMemberOf(t *testing.T, pages [][]string, opts ...Option) (*Client, *reqLog) {
	t.Helper()
	total := 0
	for _, p := range pages {
		total += len(p)
	}
	srv, log := logServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		i := 0
		if tok := r.URL.Query().Get("$skiptoken"); tok != "" {
			var err error
			if i, err = strconv.Atoi(tok); err != nil {
				i = len(pages)
			}
		}
		if r.URL.Path != "/beta/users/u1/memberOf" || i >= len(pages) {
			http.Error(w, `{"error":{"code":"BadRequest","message":"unexpected request"}}`, http.StatusBadRequest)
			return
		}
		if pages[i] == nil {
			http.Error(w, `{"error":{"code":"InternalServerError","message":"page failed"}}`, http.StatusInternalServerError)
			return
		}
		// The host the client used, rather than the server's URL: the handler may not
		// read variables the test goroutine writes.
		root := "http://" + r.Host + "/beta/users/u1/memberOf"
		out := map[string]any{"@odata.context": "https://graph.microsoft.com/beta/$metadata#directoryObjects"}
		items := make([]map[string]string, 0, len(pages[i]))
		for _, id := range pages[i] {
			items = append(items, map[string]string{"@odata.type": "#microsoft.graph.group", "id": id})
		}
		out["value"] = items
		if i == 0 && r.URL.Query().Get("$count") == "true" {
			out["@odata.count"] = total
		}
		if i+1 < len(pages) {
			out["@odata.nextLink"] = root + "?$skiptoken=" + strconv.Itoa(i+1)
		} else {
			out["@odata.deltaLink"] = root + "?$deltatoken=end"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	})
	return NewClient(append([]Option{WithBaseURL(srv.URL + "/beta")}, opts...)...), log
}

// ids returns the IDs of objs.
func ids(objs []DirectoryObject) []string {
	out := make([]string, 0, len(objs))
	for _, o := range objs {
		out = append(out, *o.ID)
	}
	return out
}

// queries returns the raw query of each request.
func queries(reqs []seen) []string {
	out := make([]string, 0, len(reqs))
	for _, r := range reqs {
		out = append(out, r.RawQuery)
	}
	return out
}

// fast is a retry policy that waits a millisecond or two between attempts.
func fast(attempts int) Option {
	return WithRetryPolicy(RetryPolicy{MaxAttempts: attempts, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond})
}

// TestListIterator: ListX iterates over every item of every page, fetching a page only
// when the loop reaches it.
func TestListIterator(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pages := [][]string{{"a", "b"}, {"c", "d"}, {"e"}}

	t.Run("every item in order", func(t *testing.T) {
		t.Parallel()
		c, log := pagedMemberOf(t, pages, WithToken("t0k"))
		var got []string
		for o, err := range c.ListUserMemberOf(ctx, "u1", nil) {
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := o.Derived.(*Group); !ok {
				t.Errorf("item %s: Derived = %T, want *Group", *o.ID, o.Derived)
			}
			got = append(got, *o.ID)
		}
		checkEqual(t, "items", got, []string{"a", "b", "c", "d", "e"})
		reqs := log.get()
		checkEqual(t, "queries", queries(reqs), []string{"", "$skiptoken=1", "$skiptoken=2"})
		for i, r := range reqs {
			if r.Method != http.MethodGet || r.Path != "/beta/users/u1/memberOf" {
				t.Errorf("request %d = %s %s", i, r.Method, r.Path)
			}
			if a := r.Header.Get("Authorization"); a != "Bearer t0k" {
				t.Errorf("request %d: Authorization = %q, want the token on every page", i, a)
			}
		}
	})

	t.Run("breaking early fetches one page", func(t *testing.T) {
		t.Parallel()
		c, log := pagedMemberOf(t, pages)
		var got []string
		for o, err := range c.ListUserMemberOf(ctx, "u1", nil) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, *o.ID)
			break
		}
		checkEqual(t, "items", got, []string{"a"})
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})

	t.Run("a page is fetched when the loop reaches it", func(t *testing.T) {
		t.Parallel()
		c, log := pagedMemberOf(t, pages)
		want := map[string]int{"a": 1, "b": 1, "c": 2, "d": 2} // requests made when the item arrives
		for o, err := range c.ListUserMemberOf(ctx, "u1", nil) {
			if err != nil {
				t.Fatal(err)
			}
			if n := len(log.get()); n != want[*o.ID] {
				t.Errorf("at item %s: %d requests, want %d", *o.ID, n, want[*o.ID])
			}
			if *o.ID == "d" {
				break
			}
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests after stopping on page 2, want 2", n)
		}
	})

	t.Run("an error is yielded once, last", func(t *testing.T) {
		t.Parallel()
		c, log := pagedMemberOf(t, [][]string{{"a", "b"}, nil, {"e"}}, WithoutRetries())
		var got []string
		var errs []error
		for o, err := range c.ListUserMemberOf(ctx, "u1", nil) {
			if err != nil {
				if o.ID != nil {
					t.Errorf("item with the error = %#v, want the zero value", o)
				}
				errs = append(errs, err)
				continue // the iterator must stop by itself
			}
			got = append(got, *o.ID)
		}
		checkEqual(t, "items", got, []string{"a", "b"})
		if len(errs) != 1 {
			t.Fatalf("errors = %v, want one", errs)
		}
		var ge *Error
		if !errors.As(errs[0], &ge) || ge.StatusCode != http.StatusInternalServerError || ge.Message != "page failed" {
			t.Errorf("err = %v, want the *Error of page 2", errs[0])
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})

	t.Run("an error on the first page", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{status: http.StatusForbidden, body: `{"error":{"code":"Authorization_RequestDenied","message":"no"}}`})
		n := 0
		for o, err := range c.ListMeMemberOf(ctx, nil) {
			n++
			var ge *Error
			if !errors.As(err, &ge) || ge.StatusCode != http.StatusForbidden || o.ID != nil {
				t.Errorf("yielded %#v, %v; want the zero value and a 403 *Error", o, err)
			}
		}
		if n != 1 {
			t.Errorf("%d values yielded, want 1", n)
		}
	})

	t.Run("the first request's headers are sent for every page", func(t *testing.T) {
		t.Parallel()
		c, log := pagedMemberOf(t, pages)
		n := 0
		for _, err := range c.ListUserMemberOf(ctx, "u1", &ListMeMemberOfOptions{Count: true}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 5 {
			t.Errorf("%d items, want 5", n)
		}
		reqs := log.get()
		checkEqual(t, "queries", queries(reqs), []string{"$count=true", "$skiptoken=1", "$skiptoken=2"})
		for i, r := range reqs {
			if v := r.Header.Values("ConsistencyLevel"); !slices.Equal(v, []string{"eventual"}) {
				t.Errorf("request %d: ConsistencyLevel = %q, want [eventual]", i, v)
			}
		}
	})

	t.Run("a page linking to itself", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, `{"value":[{"id":"a"}],"@odata.nextLink":"http://`+r.Host+`/beta/me/memberOf?$skiptoken=same"}`)
		})
		c := NewClient(WithBaseURL(srv.URL + "/beta"))
		var got []string
		var last error
		for o, err := range c.ListMeMemberOf(ctx, nil) {
			if err != nil {
				last = err
				break
			}
			got = append(got, *o.ID)
			if len(got) > 10 {
				t.Fatal("the iterator goes round the same page")
			}
		}
		checkEqual(t, "items", got, []string{"a"})
		if last == nil || !strings.Contains(last.Error(), "followed before") {
			t.Errorf("err = %v, want one saying the link was followed before", last)
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})

	t.Run("a POST collection", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 0 {
				_, _ = io.WriteString(w, `{"value":[{"id":"u1"}],"@odata.nextLink":"http://`+r.Host+`/beta/directoryObjects/getByIds?$skiptoken=2"}`)
				return
			}
			_, _ = io.WriteString(w, `{"value":[{"id":"g1"}]}`)
		})
		c := NewClient(WithBaseURL(srv.URL + "/beta"))
		var got []string
		for o, err := range c.GetByIDsDirectoryObjects(ctx, GetByIDsDirectoryObjectsRequest{IDs: []string{"u1", "g1"}}, nil) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, *o.ID)
		}
		checkEqual(t, "items", got, []string{"u1", "g1"})
		reqs := log.get()
		if len(reqs) != 2 || reqs[0].Method != http.MethodPost || string(reqs[0].Body) != `{"ids":["u1","g1"]}` {
			t.Fatalf("requests = %+v", reqs)
		}
		// The next link is fetched with GET, as @odata.nextLink always is.
		if reqs[1].Method != http.MethodGet || reqs[1].RawQuery != "$skiptoken=2" || len(reqs[1].Body) != 0 {
			t.Errorf("second request = %s ?%s with body %q", reqs[1].Method, reqs[1].RawQuery, reqs[1].Body)
		}
	})
}

// TestListPageAndNextPage: ListXPage returns one page with its links; NextPage follows them.
func TestListPageAndNextPage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, log := pagedMemberOf(t, [][]string{{"a", "b"}, {"c", "d"}, {"e"}})
	p1, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{Count: true})
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "page 1", ids(p1.Value), []string{"a", "b"})
	if !strings.HasSuffix(p1.NextLink, "/beta/users/u1/memberOf?$skiptoken=1") || p1.DeltaLink != "" {
		t.Errorf("page 1 links = %q, %q", p1.NextLink, p1.DeltaLink)
	}
	if p1.Count == nil || *p1.Count != 5 {
		t.Errorf("page 1 Count = %v, want 5", p1.Count)
	}
	if _, ok := p1.Value[0].Derived.(*Group); !ok {
		t.Errorf("Derived = %T, want *Group", p1.Value[0].Derived)
	}

	p2, err := NextPage(ctx, c, p1)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "page 2", ids(p2.Value), []string{"c", "d"})
	if p2.Count != nil {
		t.Errorf("page 2 Count = %d, want nil", *p2.Count)
	}
	p3, err := NextPage(ctx, c, p2)
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "page 3", ids(p3.Value), []string{"e"})
	if p3.NextLink != "" || !strings.HasSuffix(p3.DeltaLink, "/beta/users/u1/memberOf?$deltatoken=end") {
		t.Errorf("page 3 links = %q, %q; want no next link and a delta link", p3.NextLink, p3.DeltaLink)
	}
	if p4, err := NextPage(ctx, c, p3); p4 != nil || err != nil {
		t.Errorf("after the last page: %v, %v; want nil, nil", p4, err)
	}
	if p, err := NextPage[DirectoryObject](ctx, c, nil); p != nil || err != nil {
		t.Errorf("NextPage(nil) = %v, %v; want nil, nil", p, err)
	}

	reqs := log.get()
	checkEqual(t, "queries", queries(reqs), []string{"$count=true", "$skiptoken=1", "$skiptoken=2"})
	for i, r := range reqs {
		if v := r.Header.Values("ConsistencyLevel"); !slices.Equal(v, []string{"eventual"}) {
			t.Errorf("request %d: ConsistencyLevel = %q, want the first request's [eventual]", i, v)
		}
	}

	// A page made by hand (a stored next link, say) is followed too, with no extra headers.
	p, err := NextPage(ctx, c, &Page[DirectoryObject]{NextLink: p2.NextLink})
	if err != nil {
		t.Fatal(err)
	}
	checkEqual(t, "page from a stored link", ids(p.Value), []string{"e"})
	if r := log.get()[3]; r.RawQuery != "$skiptoken=2" || r.Header.Get("ConsistencyLevel") != "" {
		t.Errorf("request = ?%s with ConsistencyLevel %q", r.RawQuery, r.Header.Get("ConsistencyLevel"))
	}
}

// TestNextLinkForeignHost: a next link that leaves the client's scheme and host is refused
// before anything is sent, so that the client's credentials go nowhere else.
func TestNextLinkForeignHost(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	foreign, foreignLog := logServer(t, script(reply{body: `{"value":[{"id":"stolen"}]}`}))
	fu, err := url.Parse(foreign.URL)
	if err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"another port":    foreign.URL + "/beta/users/u1/memberOf?$skiptoken=1",
		"another host":    "http://graph.example.invalid/beta/users/u1/memberOf?$skiptoken=1",
		"scheme-relative": "//graph.example.invalid/beta/users/u1/memberOf",
		"userinfo trick":  "http://" + "127.0.0.1@" + fu.Host + "/beta/x",
	}
	for name, link := range links {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			body, _ := json.Marshal(map[string]any{"value": []map[string]string{{"id": "a"}}, "@odata.nextLink": link})
			srv, log := logServer(t, script(reply{body: string(body)}))
			c := NewClient(WithBaseURL(srv.URL+"/beta"), WithToken("secret"))

			p, err := c.ListUserMemberOfPage(ctx, "u1", nil)
			if err != nil {
				t.Fatal(err)
			}
			next, err := NextPage(ctx, c, p)
			if err == nil || next != nil {
				t.Fatalf("NextPage = %v, %v; want the link refused", next, err)
			}
			var ge *Error
			if errors.As(err, &ge) || !strings.Contains(err.Error(), "refusing") {
				t.Errorf("err = %v, want a refusal, not an *Error", err)
			}

			var got []string
			var last error
			for o, err := range c.ListUserMemberOf(ctx, "u1", nil) {
				if err != nil {
					last = err
					continue
				}
				got = append(got, *o.ID)
			}
			checkEqual(t, "items", got, []string{"a"})
			if last == nil || !strings.Contains(last.Error(), "refusing") {
				t.Errorf("iterator error = %v, want a refusal", last)
			}
			if n := len(log.get()); n != 2 {
				t.Errorf("the service saw %d requests, want 2 (one per first page)", n)
			}
		})
	}
	t.Cleanup(func() {
		if reqs := foreignLog.get(); len(reqs) != 0 {
			t.Errorf("the foreign server saw %d requests (Authorization %q)", len(reqs), reqs[0].Header.Get("Authorization"))
		}
	})

	t.Run("another scheme on the same host", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, `{"value":[],"@odata.nextLink":"https://`+r.Host+`/beta/me/memberOf?$skiptoken=1"}`)
		})
		c := NewClient(WithBaseURL(srv.URL + "/beta"))
		p, err := c.ListMeMemberOfPage(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := NextPage(ctx, c, p); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("err = %v, want the https link refused", err)
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})

	t.Run("the host in another case is the same host", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 0 {
				_, _ = io.WriteString(w, `{"value":[{"id":"a"}],"@odata.nextLink":"HTTP://`+strings.ToUpper(r.Host)+`/beta/me/memberOf?$skiptoken=1"}`)
				return
			}
			_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
		})
		c := NewClient(WithBaseURL(srv.URL + "/beta"))
		var got []string
		for o, err := range c.ListMeMemberOf(ctx, nil) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, *o.ID)
		}
		checkEqual(t, "items", got, []string{"a", "b"})
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})
}

// TestQueryOptions: the options are sent as Graph expects them: $ literal, spaces as %20,
// names in order, $search in double quotes.
func TestQueryOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		call func(context.Context, *Client) error
		// query is the raw query the service must get; values what it decodes to.
		query  string
		values url.Values
		// consistency is the ConsistencyLevel header the service must get ("" for none).
		consistency string
	}{
		{"nil options", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", nil)
			return err
		}, "", url.Values{}, ""},
		{"zero options", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{})
			return err
		}, "", url.Values{}, ""},
		{"$select and $filter", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{
				Select: []string{"id", "displayName"},
				Filter: "startswith(displayName,'Fin an')",
			})
			return err
		}, "$filter=startswith(displayName,'Fin%20an')&$select=id,displayName",
			url.Values{"$select": {"id,displayName"}, "$filter": {"startswith(displayName,'Fin an')"}}, ""},
		{"$filter with characters that mean something in a query", func(ctx context.Context, c *Client) error {
			_, err := c.ListMeMemberOfPage(ctx, &ListMeMemberOfOptions{Filter: "x eq 'a+b&c=d#e%f;g'"})
			return err
		}, "$filter=x%20eq%20'a%2Bb%26c%3Dd%23e%25f%3Bg'", url.Values{"$filter": {"x eq 'a+b&c=d#e%f;g'"}}, ""},
		{"$search is quoted", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{Search: "displayName:Fin an"})
			return err
		}, "$search=%22displayName:Fin%20an%22", url.Values{"$search": {`"displayName:Fin an"`}}, "eventual"},
		{"$search already quoted is kept", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{Search: `"displayName:a" OR "mail:b"`})
			return err
		}, "$search=%22displayName:a%22%20OR%20%22mail:b%22", url.Values{"$search": {`"displayName:a" OR "mail:b"`}}, "eventual"},
		{"$search with a quote inside", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOfPage(ctx, "u1", &ListMeMemberOfOptions{Search: `displayName:say "hi"`})
			return err
		}, "$search=%22displayName:say%20%5C%22hi%5C%22%22", url.Values{"$search": {`"displayName:say \"hi\""`}}, "eventual"},
		{"$count", func(ctx context.Context, c *Client) error {
			_, err := c.ListMeMemberOfPage(ctx, &ListMeMemberOfOptions{Count: true})
			return err
		}, "$count=true", url.Values{"$count": {"true"}}, "eventual"},
		{"everything, through the iterator", func(ctx context.Context, c *Client) error {
			for _, err := range c.ListUserMemberOf(ctx, "u1", &ListMeMemberOfOptions{
				Select: []string{"id"}, Filter: "id ne null", Search: "mail:a@b.c", Count: true,
			}) {
				return err
			}
			return nil
		}, "$count=true&$filter=id%20ne%20null&$search=%22mail:a%40b.c%22&$select=id",
			url.Values{"$count": {"true"}, "$filter": {"id ne null"}, "$search": {`"mail:a@b.c"`}, "$select": {"id"}}, "eventual"},
		{"$top, $skip and $orderby", func(ctx context.Context, c *Client) error {
			_, err := c.ListDeviceAppManagementVppTokensPage(ctx, &ListDeviceAppManagementVppTokensOptions{
				Select: []string{"id", "state"}, Filter: "state eq 'valid'", OrderBy: []string{"displayName desc", "id"}, Top: 25, Skip: 50,
			})
			return err
		}, "$filter=state%20eq%20'valid'&$orderby=displayName%20desc,id&$select=id,state&$skip=50&$top=25",
			url.Values{"$filter": {"state eq 'valid'"}, "$orderby": {"displayName desc,id"}, "$select": {"id,state"}, "$skip": {"50"}, "$top": {"25"}}, ""},
		{"$top 0 is not sent", func(ctx context.Context, c *Client) error {
			for _, err := range c.ListDeviceAppManagementVppTokens(ctx, &ListDeviceAppManagementVppTokensOptions{Top: 0, Filter: "a eq 1"}) {
				return err
			}
			return nil
		}, "$filter=a%20eq%201", url.Values{"$filter": {"a eq 1"}}, ""},
		{"GetGroup $select and $expand", func(ctx context.Context, c *Client) error {
			_, err := c.GetGroup(ctx, "g1", &GetGroupOptions{Select: []string{"id", "displayName"}, Expand: []string{"members($select=id)"}})
			return err
		}, "$expand=members($select%3Did)&$select=id,displayName",
			url.Values{"$expand": {"members($select=id)"}, "$select": {"id,displayName"}}, ""},
		{"GetDeviceAppManagementVppToken $select", func(ctx context.Context, c *Client) error {
			_, err := c.GetDeviceAppManagementVppToken(ctx, "t1", &GetDeviceAppManagementVppTokenOptions{Select: []string{"state"}})
			return err
		}, "$select=state", url.Values{"$select": {"state"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, reply{body: `{"value":[]}`})
			if err := tt.call(context.Background(), c); err != nil {
				t.Fatal(err)
			}
			r := next()
			if r.RawQuery != tt.query {
				t.Errorf("raw query = %s\nwant        %s", r.RawQuery, tt.query)
			}
			if strings.Contains(r.RawQuery, "%24") || strings.Contains(r.RawQuery, "+") {
				t.Errorf("raw query %s escapes $ or writes a space as +", r.RawQuery)
			}
			got, err := url.ParseQuery(r.RawQuery)
			if err != nil {
				t.Fatal(err)
			}
			checkEqual(t, "decoded query", got, tt.values)
			if v := r.Header.Get("ConsistencyLevel"); v != tt.consistency {
				t.Errorf("ConsistencyLevel = %q, want %q", v, tt.consistency)
			}
		})
	}
}

// TestConsistencyLevel: $search and $count send ConsistencyLevel: eventual, which
// ListUserMemberOf's page documents, unless the caller sets the header.
func TestConsistencyLevel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts *ListMeMemberOfOptions
		want []string
	}{
		{"$search and $count", &ListMeMemberOfOptions{Search: "displayName:finance", Count: true}, []string{"eventual"}},
		{"$search", &ListMeMemberOfOptions{Search: "displayName:finance"}, []string{"eventual"}},
		{"$count", &ListMeMemberOfOptions{Count: true}, []string{"eventual"}},
		{"set by the caller", &ListMeMemberOfOptions{Search: "displayName:finance", Count: true, ConsistencyLevel: "session"}, []string{"session"}},
		{"set by the caller without $search", &ListMeMemberOfOptions{Filter: "endswith(mail,'@contoso.com')", ConsistencyLevel: "eventual"}, []string{"eventual"}},
		{"set through Header", &ListMeMemberOfOptions{Count: true, Header: http.Header{"consistencylevel": {"session"}}}, []string{"session"}},
		{"Header and the field", &ListMeMemberOfOptions{ConsistencyLevel: "eventual", Header: http.Header{"ConsistencyLevel": {"session"}}}, []string{"eventual"}},
		{"$select and $filter alone", &ListMeMemberOfOptions{Select: []string{"id"}, Filter: "id ne null"}, nil},
		{"nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, next := serve(t, reply{body: `{"@odata.count":42,"value":[{"id":"g1"}]}`})
			var got []string
			for o, err := range c.ListUserMemberOf(context.Background(), "alice@contoso.com", tt.opts) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, *o.ID)
			}
			checkEqual(t, "items", got, []string{"g1"})
			r := next()
			if v := r.Header.Values("ConsistencyLevel"); !slices.Equal(v, tt.want) {
				t.Errorf("ConsistencyLevel = %q, want %q", v, tt.want)
			}
			if tt.opts != nil && tt.opts.Search != "" && !strings.Contains(r.RawQuery, "$search=%22displayName:finance%22") {
				t.Errorf("raw query = %s, want the quoted $search", r.RawQuery)
			}
			if tt.opts != nil && tt.opts.Count && !strings.Contains(r.RawQuery, "$count=true") {
				t.Errorf("raw query = %s, want $count=true", r.RawQuery)
			}
		})
	}

	t.Run("the options are not changed", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{"value":[]}`})
		opts := &ListMeMemberOfOptions{Search: "a", Count: true}
		if _, err := c.ListMeMemberOfPage(context.Background(), opts); err != nil {
			t.Fatal(err)
		}
		next()
		if opts.ConsistencyLevel != "" {
			t.Errorf("opts.ConsistencyLevel = %q after the call, want it left empty", opts.ConsistencyLevel)
		}
	})

	t.Run("Prefer on GetMeReminderView", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{"value":[]}`})
		const prefer = `outlook.timezone="Pacific Standard Time"`
		if _, err := c.GetMeReminderViewPage(context.Background(), "s", "e", &GetMeReminderViewOptions{Prefer: prefer}); err != nil {
			t.Fatal(err)
		}
		r := next()
		if v := r.Header.Values("Prefer"); !slices.Equal(v, []string{prefer}) {
			t.Errorf("Prefer = %q, want [%s]", v, prefer)
		}
		if r.RawQuery != "" || r.Header.Get("ConsistencyLevel") != "" {
			t.Errorf("query %q, ConsistencyLevel %q; want neither", r.RawQuery, r.Header.Get("ConsistencyLevel"))
		}
	})
}

// TestRetries: throttled and unavailable answers are retried as the policy says.
func TestRetries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tooMany := reply{status: http.StatusTooManyRequests, header: map[string]string{"Retry-After": "0"},
		body: `{"error":{"code":"TooManyRequests","message":"Too many requests"}}`}
	group := reply{body: `{"id":"g1","displayName":"Finance"}`}

	t.Run("429 with Retry-After, then success", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(tooMany, tooMany, group))
		c := NewClient(WithBaseURL(srv.URL), fast(4), WithToken("t0k"))
		g, err := c.GetGroup(ctx, "g1", &GetGroupOptions{Select: []string{"id", "displayName"}})
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "group", g, &Group{ID: Ptr("g1"), DisplayName: Ptr("Finance")})
		reqs := log.get()
		if len(reqs) != 3 {
			t.Fatalf("%d requests, want 3", len(reqs))
		}
		for i, r := range reqs {
			if r.Method != http.MethodGet || r.RequestURI != "/groups/g1?$select=id,displayName" || r.Header.Get("Authorization") != "Bearer t0k" {
				t.Errorf("attempt %d = %s %s (Authorization %q), want the same request each time", i, r.Method, r.RequestURI, r.Header.Get("Authorization"))
			}
		}
	})

	t.Run("the default policy with Retry-After: 0", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(tooMany, group))
		c := NewClient(WithBaseURL(srv.URL))
		if _, err := c.GetGroup(ctx, "g1", nil); err != nil {
			t.Fatal(err)
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})

	t.Run("503 without Retry-After backs off, then success", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{status: http.StatusServiceUnavailable}, group))
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		if _, err := c.GetGroup(ctx, "g1", nil); err != nil {
			t.Fatal(err)
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})

	t.Run("POST is retried after 429 with the same body and headers", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(tooMany, reply{status: http.StatusCreated, body: vppTokenJSON}))
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		got, err := c.CreateDeviceAppManagementVppToken(ctx, VppToken{DisplayName: Ptr("x")}, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkEqual(t, "token", got, vppToken())
		reqs := log.get()
		if len(reqs) != 2 {
			t.Fatalf("%d requests, want 2", len(reqs))
		}
		for i, r := range reqs {
			if r.Method != http.MethodPost || string(r.Body) != `{"displayName":"x"}` || r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("attempt %d = %s %q (%s)", i, r.Method, r.Body, r.Header.Get("Content-Type"))
			}
		}
	})

	t.Run("504 is retried for GET", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{status: http.StatusGatewayTimeout}, group))
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		if _, err := c.GetGroup(ctx, "g1", nil); err != nil {
			t.Fatal(err)
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})

	t.Run("504 is not retried for POST", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{status: http.StatusGatewayTimeout}, reply{body: vppTokenJSON}))
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		_, err := c.SyncLicensesDeviceAppManagementVppToken(ctx, "t1", nil)
		var ge *Error
		if !errors.As(err, &ge) || ge.StatusCode != http.StatusGatewayTimeout {
			t.Errorf("err = %v, want the 504", err)
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1: the POST may have been carried out", n)
		}
	})

	t.Run("500 is not retried", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{status: http.StatusInternalServerError}, group))
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		if _, err := c.GetGroup(ctx, "g1", nil); err == nil {
			t.Error("err = nil, want the 500")
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})

	t.Run("attempts run out", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(tooMany))
		c := NewClient(WithBaseURL(srv.URL), fast(3))
		err := c.DeleteDeviceAppManagementVppToken(ctx, "t1", nil)
		var ge *Error
		if !errors.As(err, &ge) || ge.StatusCode != http.StatusTooManyRequests || ge.Code != "TooManyRequests" || !IsThrottled(err) {
			t.Errorf("err = %v, want the last 429 as an *Error", err)
		}
		if n := len(log.get()); n != 3 {
			t.Errorf("%d requests, want 3", n)
		}
	})

	t.Run("a throttled page in the middle of an iteration", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
			switch n {
			case 0:
				_, _ = io.WriteString(w, `{"value":[{"id":"a"}],"@odata.nextLink":"http://`+r.Host+`/me/memberOf?$skiptoken=1"}`)
			case 1:
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusTooManyRequests)
			default:
				_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
			}
		})
		c := NewClient(WithBaseURL(srv.URL), fast(4))
		var got []string
		for o, err := range c.ListMeMemberOf(ctx, &ListMeMemberOfOptions{Search: "x"}) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, *o.ID)
		}
		checkEqual(t, "items", got, []string{"a", "b"})
		reqs := log.get()
		checkEqual(t, "queries", queries(reqs), []string{"$search=%22x%22", "$skiptoken=1", "$skiptoken=1"})
		for i, r := range reqs {
			if r.Header.Get("ConsistencyLevel") != "eventual" {
				t.Errorf("request %d: ConsistencyLevel = %q", i, r.Header.Get("ConsistencyLevel"))
			}
		}
	})

	t.Run("a reset connection is retried for GET, not for POST", func(t *testing.T) {
		t.Parallel()
		// The first request of each server has its connection closed without an answer.
		reset := func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 0 {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
				return
			}
			_, _ = io.WriteString(w, `{"id":"g1"}`)
		}
		srv, log := logServer(t, reset)
		c := NewClient(WithBaseURL(srv.URL), fast(3))
		if _, err := c.GetGroup(ctx, "g1", nil); err != nil {
			t.Errorf("GET: err = %v, want success on the second attempt", err)
		}
		if n := len(log.get()); n != 2 {
			t.Errorf("GET: %d requests, want 2", n)
		}
		srv, log = logServer(t, reset)
		c = NewClient(WithBaseURL(srv.URL), fast(3))
		if _, err := c.SyncLicensesDeviceAppManagementVppToken(ctx, "t1", nil); err == nil {
			t.Error("POST: err = nil, want the transport error")
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("POST: %d requests, want 1", n)
		}
	})

	// The runtime's own tests check with a fake clock what the client waits for
	// (TestRetryMaxElapsed, TestRetryAfterSeconds, TestRetryAfterDate in
	// internal/emit/runtime): its clock is not reachable from the generated package.
}

// TestWithoutRetries: a throttled answer comes back at once as an *Error that says how long
// to wait.
func TestWithoutRetries(t *testing.T) {
	t.Parallel()
	const body = `{"error":{"code":"TooManyRequests","message":"Please retry after 7 seconds."}}`
	srv, log := logServer(t, script(reply{status: http.StatusTooManyRequests,
		header: map[string]string{"Retry-After": "7", "request-id": "r-9"}, body: body}))
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithoutRetries())
	_, err := c.ListUserMemberOfPage(context.Background(), "u1", &ListMeMemberOfOptions{Count: true})
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v (%T), want an *Error", err, err)
	}
	if ge.StatusCode != http.StatusTooManyRequests || ge.RetryAfter != 7*time.Second || ge.Code != "TooManyRequests" || ge.RequestID != "r-9" {
		t.Errorf("error = %+v", ge)
	}
	if !IsThrottled(err) || !IsThrottled(fmt.Errorf("listing: %w", err)) || IsNotFound(err) {
		t.Errorf("IsThrottled = %v, IsNotFound = %v", IsThrottled(err), IsNotFound(err))
	}
	if want := "graph: 429 Too Many Requests: TooManyRequests: Please retry after 7 seconds. (request-id r-9) (retry after 7s)"; err.Error() != want {
		t.Errorf("Error() = %q\nwant      %q", err.Error(), want)
	}
	if n := len(log.get()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}

	t.Run("IsThrottled for 503", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct {
			header map[string]string
			want   bool
		}{
			{map[string]string{"Retry-After": "2"}, true},
			{nil, false},
		} {
			c, _ := serve(t, reply{status: http.StatusServiceUnavailable, header: tc.header}, WithoutRetries())
			_, err := c.GetGroup(context.Background(), "g1", nil)
			if IsThrottled(err) != tc.want {
				t.Errorf("Retry-After %v: IsThrottled(%v) = %v, want %v", tc.header, err, !tc.want, tc.want)
			}
		}
	})

	t.Run("WithRetryPolicy then WithoutRetries", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{status: http.StatusServiceUnavailable, header: map[string]string{"Retry-After": "1"}}))
		c := NewClient(WithBaseURL(srv.URL), fast(5), WithoutRetries())
		if err := c.DeleteDeviceAppManagementVppToken(context.Background(), "t1", nil); !IsThrottled(err) {
			t.Errorf("err = %v, want a throttling *Error", err)
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})
}

// TestRetryContextCanceled: a context that ends while the client waits to retry ends the
// call with the context's error.
func TestRetryContextCanceled(t *testing.T) {
	t.Parallel()
	throttled := reply{status: http.StatusTooManyRequests, header: map[string]string{"Retry-After": "30"},
		body: `{"error":{"code":"TooManyRequests","message":"slow down"}}`}

	t.Run("canceled while waiting", func(t *testing.T) {
		t.Parallel()
		started := make(chan struct{}, 1)
		srv, log := logServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
			script(throttled)(n, w, r)
			select {
			case started <- struct{}{}:
			default:
			}
		})
		c := NewClient(WithBaseURL(srv.URL)) // the default policy honours a 30s Retry-After
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		errc := make(chan error, 1)
		go func() {
			_, err := c.GetGroup(ctx, "g1", nil)
			errc <- err
		}()
		<-started
		cancel()
		err := <-errc
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})

	// Canceling at the start of the wait: TestRetryCancel in internal/emit/runtime.

	t.Run("a deadline before the retry", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(throttled))
		c := NewClient(WithBaseURL(srv.URL))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := c.GetGroup(ctx, "g1", nil)
		var ge *Error
		if !errors.As(err, &ge) || ge.StatusCode != http.StatusTooManyRequests || errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want the 429 at once: the retry would come after the deadline", err)
		}
		if n := len(log.get()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})
}

// TestDownload: a report is streamed as the service sends it.
func TestDownload(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var b strings.Builder
	b.WriteString("Report Refresh Date,User Principal Name,Display Name\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "2024-01-31,user%d@contoso.com,User %d\n", i, i)
	}
	report := b.String()

	t.Run("large content, after a 503", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(
			reply{status: http.StatusServiceUnavailable, header: map[string]string{"Retry-After": "0"}},
			reply{header: map[string]string{"Content-Type": "application/octet-stream"}, body: report}))
		c := NewClient(WithBaseURL(srv.URL+"/beta"), fast(3), WithToken("t0k"))
		rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, "D7", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := readAllClose(t, rc); got != report {
			t.Errorf("stream: %d bytes, want the %d of the report", len(got), len(report))
		}
		reqs := log.get()
		if len(reqs) != 2 {
			t.Fatalf("%d requests, want 2", len(reqs))
		}
		for i, r := range reqs {
			if quotesPlain(r.RequestURI) != "/beta/reports/getOffice365ActiveUserDetail(period='D7')" ||
				r.Header.Get("Accept") != "*/*" || r.Header.Get("Authorization") != "Bearer t0k" {
				t.Errorf("attempt %d = %s (Accept %q, Authorization %q)", i, r.RequestURI, r.Header.Get("Accept"), r.Header.Get("Authorization"))
			}
		}
	})

	t.Run("read as it arrives", func(t *testing.T) {
		t.Parallel()
		more := make(chan struct{})
		srv, _ := logServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, "line 1\n")
			w.(http.Flusher).Flush()
			select {
			case <-more:
			case <-r.Context().Done():
				return
			}
			_, _ = io.WriteString(w, "line 2\n")
		})
		c := NewClient(WithBaseURL(srv.URL))
		rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, "D30", nil)
		if err != nil {
			close(more)
			t.Fatal(err)
		}
		br := bufio.NewReader(rc)
		// The first line is readable while the service still holds back the rest.
		line, err := br.ReadString('\n')
		close(more)
		if err != nil || line != "line 1\n" {
			t.Fatalf("first line = %q, %v", line, err)
		}
		rest, err := io.ReadAll(br)
		rc.Close()
		if err != nil || string(rest) != "line 2\n" {
			t.Errorf("rest = %q, %v", rest, err)
		}
	})

	t.Run("not found", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{status: http.StatusNotFound, body: `{"error":{"code":"NotFound","message":"no report"}}`})
		rc, err := c.GetOffice365ActiveUserDetailReportsByPeriod(ctx, "D7", nil)
		if rc != nil {
			rc.Close()
			t.Error("got a stream with the error")
		}
		if !IsNotFound(err) || IsThrottled(err) {
			t.Errorf("err = %v, want a 404 *Error", err)
		}
	})
}

// TestUpload sends raw content through PutMePhotoValue: the bytes as they are, with the
// content type given (application/octet-stream when empty), replayed after a 503.
func TestUpload(t *testing.T) {
	t.Parallel()
	photo := bytes.Repeat([]byte{0xff, 0xd8, 0x00, 0x7f}, 4096)
	srv, log := logServer(t, script(reply{status: http.StatusServiceUnavailable, header: map[string]string{"Retry-After": "0"}},
		reply{status: http.StatusNoContent}))
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithHTTPClient(srv.Client()))
	if err := c.PutMePhotoValue(context.Background(), bytes.NewReader(photo), "image/jpeg", nil); err != nil {
		t.Fatal(err)
	}
	reqs := log.get()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (the 503 retried)", len(reqs))
	}
	for i, r := range reqs {
		if r.Method != http.MethodPut || r.EscapedPath != "/beta/me/photo/$value" || r.RawQuery != "" {
			t.Errorf("request %d: %s %s?%s", i, r.Method, r.EscapedPath, r.RawQuery)
		}
		if ct := r.Header.Get("Content-Type"); ct != "image/jpeg" {
			t.Errorf("request %d: Content-Type %q", i, ct)
		}
		if !bytes.Equal(r.Body, photo) {
			t.Errorf("request %d: the body is not the content as it was given (%d bytes)", i, len(r.Body))
		}
	}

	srv2, log2 := logServer(t, script(reply{status: http.StatusNoContent}))
	c2 := NewClient(WithBaseURL(srv2.URL+"/beta"), WithHTTPClient(srv2.Client()))
	if err := c2.PutMePhotoValue(context.Background(), strings.NewReader("raw"), "", nil); err != nil {
		t.Fatal(err)
	}
	if r := log2.get()[0]; r.Header.Get("Content-Type") != "application/octet-stream" || string(r.Body) != "raw" {
		t.Errorf("empty content type: %q, body %q", r.Header.Get("Content-Type"), r.Body)
	}
}

// TestMIME: a method that sends a MIME message sends it base64-encoded as text/plain, and
// the same bytes again when a 503 is retried.
func TestMIME(t *testing.T) {
	t.Parallel()
	mime := []byte("From: Dana <dana@contoso.com>\r\nSubject: Hello\r\n\r\nSee below.\r\n")
	srv, log := logServer(t, script(reply{status: http.StatusServiceUnavailable, header: map[string]string{"Retry-After": "0"}},
		reply{status: http.StatusAccepted}))
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithHTTPClient(srv.Client()))
	if err := c.ForwardMeMessageMIME(context.Background(), "AAMk=", mime, nil); err != nil {
		t.Fatal(err)
	}
	reqs := log.get()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (the 503 retried)", len(reqs))
	}
	for i, r := range reqs {
		if r.Method != http.MethodPost || r.EscapedPath != "/beta/me/messages/AAMk=/forward" {
			t.Errorf("request %d: %s %s", i, r.Method, r.EscapedPath)
		}
		if ct := r.Header.Get("Content-Type"); ct != "text/plain" {
			t.Errorf("request %d: Content-Type %q", i, ct)
		}
		if got, err := base64.StdEncoding.DecodeString(string(r.Body)); err != nil || !bytes.Equal(got, mime) {
			t.Errorf("request %d: body %q is not the message in base64 (%v)", i, r.Body, err)
		}
	}
}

// TestErrorBodies: the Graph error body is read with and without innerError.
func TestErrorBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rep  reply
		want Error
		text string
	}{
		{
			name: "innerError with date and IDs",
			rep: reply{status: http.StatusBadRequest, body: `{"error":{"code":"Request_BadRequest","message":"Invalid object identifier 'x'.",` +
				`"innerError":{"date":"2024-05-01T12:00:00","request-id":"r-1","client-request-id":"c-1","extra":[1]}}}`},
			want: Error{StatusCode: 400, Code: "Request_BadRequest", Message: "Invalid object identifier 'x'.", RequestID: "r-1", ClientRequestID: "c-1",
				Date: "2024-05-01T12:00:00", InnerError: raw(`{"date":"2024-05-01T12:00:00","request-id":"r-1","client-request-id":"c-1","extra":[1]}`)},
			text: "graph: 400 Bad Request: Request_BadRequest: Invalid object identifier 'x'. (request-id r-1)",
		},
		{
			name: "headers win over innerError",
			rep: reply{status: http.StatusNotFound, header: map[string]string{"request-id": "h-r", "client-request-id": "h-c"},
				body: `{"error":{"code":"NotFound","message":"gone","innerError":{"request-id":"b-r","client-request-id":"b-c"}}}`},
			want: Error{StatusCode: 404, Code: "NotFound", Message: "gone", RequestID: "h-r", ClientRequestID: "h-c",
				InnerError: raw(`{"request-id":"b-r","client-request-id":"b-c"}`)},
		},
		{
			name: "no innerError, details",
			rep: reply{status: http.StatusBadRequest, header: map[string]string{"request-id": "r-2", "client-request-id": "c-2"},
				body: `{"error":{"code":"BadRequest","message":"Invalid filter clause","details":[{"code":"syntax","message":"bad token","target":"$filter"},{"code":"other"}]}}`},
			want: Error{StatusCode: 400, Code: "BadRequest", Message: "Invalid filter clause", RequestID: "r-2", ClientRequestID: "c-2",
				Details: []ErrorDetail{{Code: "syntax", Message: "bad token", Target: "$filter"}, {Code: "other"}}},
			text: "graph: 400 Bad Request: BadRequest: Invalid filter clause [$filter: syntax: bad token; other] (request-id r-2)",
		},
		{
			name: "no innerError, nothing else",
			rep:  reply{status: http.StatusForbidden, body: `{"error":{"code":"Forbidden","message":"no"}}`},
			want: Error{StatusCode: 403, Code: "Forbidden", Message: "no"},
			text: "graph: 403 Forbidden: Forbidden: no",
		},
		{
			name: "innerError that is not an object",
			rep:  reply{status: http.StatusBadRequest, body: `{"error":{"code":"X","message":"y","innerError":"oops"}}`},
			want: Error{StatusCode: 400, Code: "X", Message: "y"},
		},
		{
			name: "innerError null",
			rep:  reply{status: http.StatusBadRequest, body: `{"error":{"code":"X","message":"y","innerError":null}}`},
			want: Error{StatusCode: 400, Code: "X", Message: "y"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := serve(t, tt.rep, WithoutRetries())
			_, err := c.GetDeviceAppManagementVppToken(context.Background(), "t1", nil)
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v (%T), want an *Error", err, err)
			}
			got := *ge
			got.Body = nil
			checkEqual(t, "error", got, tt.want)
			if string(ge.Body) != tt.rep.body {
				t.Errorf("Body = %s, want the response body", ge.Body)
			}
			if tt.text != "" && err.Error() != tt.text {
				t.Errorf("Error() = %q\nwant      %q", err.Error(), tt.text)
			}
			if IsNotFound(err) != (ge.StatusCode == http.StatusNotFound) || IsThrottled(err) {
				t.Errorf("IsNotFound = %v, IsThrottled = %v", IsNotFound(err), IsThrottled(err))
			}
		})
	}
}

func TestWithTokenAndCloud(t *testing.T) {
	t.Parallel()
	t.Run("WithToken", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{}`}, WithToken("t0k"))
		if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
			t.Fatal(err)
		}
		if a := next().Header.Values("Authorization"); !slices.Equal(a, []string{"Bearer t0k"}) {
			t.Errorf("Authorization = %q", a)
		}
	})
	t.Run("no token", func(t *testing.T) {
		t.Parallel()
		c, next := serve(t, reply{body: `{}`}, WithToken(""))
		if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
			t.Fatal(err)
		}
		if a := next().Header.Values("Authorization"); a != nil {
			t.Errorf("Authorization = %q, want none", a)
		}
	})
	// The base URL WithCloud sets for each root: TestNewClient in internal/emit/runtime.
	t.Run("WithCloud reaches the cloud's root", func(t *testing.T) {
		t.Parallel()
		srv, log := logServer(t, script(reply{body: `{}`}))
		c := NewClient(WithCloud(srv.URL))
		if _, err := c.GetGroup(context.Background(), "g1", nil); err != nil {
			t.Fatal(err)
		}
		if r := log.get()[0]; r.RequestURI != "/beta/groups/g1" {
			t.Errorf("request URI = %s", r.RequestURI)
		}
	})
}

// The retry policy NewClient keeps for WithRetryPolicy and WithoutRetries:
// TestNewClient in internal/emit/runtime (the policy is not visible from here).

// toServer sends every request to srv, whatever host its URL names: a client can then use
// a base URL such as http://graph.test/beta.
type toServer struct{ srv *httptest.Server }

func (s toServer) RoundTrip(r *http.Request) (*http.Response, error) {
	u, err := url.Parse(s.srv.URL)
	if err != nil {
		return nil, err
	}
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = u.Scheme, u.Host
	return s.srv.Client().Transport.RoundTrip(r)
}

// TestNextLinkDefaultPort: http://graph.test:80 is http://graph.test (RFC 3986 6.2.3), so
// a next link that spells out the scheme's default port stays on the client's host and is
// followed.
func TestNextLinkDefaultPort(t *testing.T) {
	t.Parallel()
	srv, log := logServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 0 {
			_, _ = io.WriteString(w, `{"value":[{"id":"a"}],"@odata.nextLink":"http://graph.test:80/beta/me/memberOf?$skiptoken=1"}`)
			return
		}
		_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
	})
	c := NewClient(WithBaseURL("http://graph.test/beta"), WithHTTPClient(&http.Client{Transport: toServer{srv}}))
	var got []string
	for o, err := range c.ListMeMemberOf(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *o.ID)
	}
	checkEqual(t, "items", got, []string{"a", "b"})
	if n := len(log.get()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

// TestHeaderAndAdditionalData: a method whose page documents no options still takes them,
// for the Header escape hatch; a request body struct sends the members its table left out,
// its own fields winning on a clash; nil options send no extra header.
func TestHeaderAndAdditionalData(t *testing.T) {
	t.Parallel()
	c, next := serve(t, reply{status: http.StatusNoContent})
	body := RevokeLicensesDeviceAppManagementVppTokenRequest{
		NotifyManagedDevices: Ptr(true),
		AdditionalData:       map[string]any{"notifyManagedDevices": false, "displayName": "x", "teamsApp@odata.bind": "https://graph.microsoft.com/beta/appCatalogs/teamsApps/a1"},
	}
	opts := &RevokeLicensesDeviceAppManagementVppTokenOptions{Header: http.Header{"Prefer": {"respond-async"}, "X-Trace": {"1", "2"}}}
	if err := c.RevokeLicensesDeviceAppManagementVppToken(context.Background(), "tok-1", body, opts); err != nil {
		t.Fatal(err)
	}
	r := next()
	if want := `{"notifyManagedDevices":true,"displayName":"x","teamsApp@odata.bind":"https://graph.microsoft.com/beta/appCatalogs/teamsApps/a1"}`; string(r.Body) != want {
		t.Errorf("body = %s, want %s", r.Body, want)
	}
	if v := r.Header.Values("X-Trace"); !slices.Equal(v, []string{"1", "2"}) {
		t.Errorf("X-Trace = %q", v)
	}
	if v := r.Header.Get("Prefer"); v != "respond-async" {
		t.Errorf("Prefer = %q", v)
	}
	var back RevokeLicensesDeviceAppManagementVppTokenRequest
	if err := json.Unmarshal(r.Body, &back); err != nil {
		t.Fatal(err)
	}
	if *back.NotifyManagedDevices != true || string(back.AdditionalData["displayName"].(json.RawMessage)) != `"x"` || len(back.AdditionalData) != 2 {
		t.Errorf("decoded again: %+v", back)
	}

	if err := c.DeleteDeviceAppManagementVppToken(context.Background(), "tok-1", nil); err != nil {
		t.Fatal(err)
	}
	if r := next(); r.Header.Get("Prefer") != "" || r.Header.Get("X-Trace") != "" {
		t.Errorf("nil options sent %v", r.Header)
	}
}

// TestQueryEscapeHatch: the Query field adds a parameter the page does not list; a typed
// field replaces one of the same name; the template's own values stay.
func TestQueryEscapeHatch(t *testing.T) {
	t.Parallel()
	c, next := serve(t, reply{body: `{"value":[]}`})
	opts := &ListMeMemberOfOptions{Select: []string{"id"}, Query: url.Values{"$select": {"displayName"}, "sectionName": {"Notes"}}}
	if _, err := c.ListMeMemberOfPage(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	q, err := url.ParseQuery(next().RawQuery)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("sectionName") != "Notes" || !slices.Equal(q["$select"], []string{"id"}) {
		t.Errorf("query %v, want sectionName=Notes and the field's $select=id", q)
	}
}

// TestDerivedBodyCarriesODataType: a User sent where a DirectoryObject is expected is
// encoded as the User with its @odata.type, which the caller did not have to set; a
// decoded value encodes back with the type it came with.
func TestDerivedBodyCarriesODataType(t *testing.T) {
	v := DirectoryObject{Derived: &User{DisplayName: Ptr("Adele")}}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"@odata.type":"#microsoft.graph.user","displayName":"Adele"}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
	var back DirectoryObject
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if u, ok := back.Derived.(*User); !ok || u.DisplayName == nil || *u.DisplayName != "Adele" {
		t.Fatalf("decoded Derived = %#v", back.Derived)
	}
	b2, err := json.Marshal(back)
	if err != nil || string(b2) != string(b) {
		t.Errorf("encoded again: %s, %v; want %s", b2, err, b)
	}
}

// TestDerivedWithBaseFields: a field set on the base struct beside Derived is sent with
// the derived value, which wins where both set a member.
func TestDerivedWithBaseFields(t *testing.T) {
	t.Parallel()
	v := DirectoryObject{ID: Ptr("base-id"), DeletedDateTime: nil, Derived: &User{ID: Ptr("user-id"), AccountEnabled: Ptr(true)}}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "derived with base fields", b, []byte(`{"@odata.type":"#microsoft.graph.user","id":"user-id","accountEnabled":true}`))
	v.Derived = &User{AccountEnabled: Ptr(false)}
	b, err = json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	sameObject(t, "base id beside derived", b, []byte(`{"@odata.type":"#microsoft.graph.user","accountEnabled":false,"id":"base-id"}`))
}
