package generated

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
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
	c := NewClient(append([]Option{WithBaseURL(srv.URL + "/beta")}, opts...)...)
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

// jsonEqual reports whether a and b are the same JSON value (numbers compared as written).
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	decode := func(s []byte) any {
		d := json.NewDecoder(bytes.NewReader(s))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatalf("not JSON: %v: %s", err, s)
		}
		return v
	}
	return reflect.DeepEqual(decode(a), decode(b))
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
				return c.GetDeviceAppManagementVppToken(ctx, "tok-1")
			},
			method: "GET", path: "/deviceAppManagement/vppTokens/tok-1",
			check: func(t *testing.T, got any) {
				if raw := string(got.(*VppToken).Raw); raw != vppTokenJSON {
					t.Errorf("Raw = %s, want %s", raw, vppTokenJSON)
				}
			},
		},
		{
			name:   "ListDeviceAppManagementVppTokens",
			rep:    reply{body: `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceAppManagement/vppTokens","value":[{"id":"a"},{"id":"b","state":"expired"}]}`},
			call:   func(ctx context.Context, c *Client) (any, error) { return c.ListDeviceAppManagementVppTokens(ctx) },
			method: "GET", path: "/deviceAppManagement/vppTokens",
			check: func(t *testing.T, got any) {
				p := got.(*Page[VppToken])
				if len(p.Value) != 2 || string(p.Value[0].Raw) != `{"id":"a"}` || string(p.Value[1].Raw) != `{"id":"b","state":"expired"}` {
					t.Errorf("Value = %+v", p.Value)
				}
				if p.NextLink != "" {
					t.Errorf("NextLink = %q, want empty on the last page", p.NextLink)
				}
			},
		},
		{
			name: "DeleteDeviceAppManagementVppToken",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeleteDeviceAppManagementVppToken(ctx, "tok-1")
			},
			method: "DELETE", path: "/deviceAppManagement/vppTokens/tok-1",
		},
		{
			name: "DeviceAppManagementVppTokenRevokeLicenses/false is sent, nil is not",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeviceAppManagementVppTokenRevokeLicenses(ctx, "tok-1",
					DeviceAppManagementVppTokenRevokeLicensesRequest{NotifyManagedDevices: Ptr(false)})
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{"notifyManagedDevices":false}`, exact: true,
		},
		{
			name: "DeviceAppManagementVppTokenRevokeLicenses/both set",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeviceAppManagementVppTokenRevokeLicenses(ctx, "tok-1",
					DeviceAppManagementVppTokenRevokeLicensesRequest{NotifyManagedDevices: Ptr(true), RevokeUntrackedLicenses: Ptr(false)})
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{"notifyManagedDevices":true,"revokeUntrackedLicenses":false}`, exact: true,
		},
		{
			name: "DeviceAppManagementVppTokenRevokeLicenses/nothing set",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.DeviceAppManagementVppTokenRevokeLicenses(ctx, "tok-1", DeviceAppManagementVppTokenRevokeLicensesRequest{})
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/revokeLicenses",
			reqBody: `{}`, exact: true,
		},
		{
			name: "CreateDeviceAppManagementVppToken",
			rep:  reply{status: http.StatusCreated, header: map[string]string{"Content-Type": "application/json"}, body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.CreateDeviceAppManagementVppToken(ctx, CreateDeviceAppManagementVppTokenRequest{
					Token:                   Ptr("eyJ0b2tlbiI6IjEifQ=="),
					DisplayName:             Ptr("Contoso VPP"),
					VppTokenAccountType:     Ptr(VppTokenAccountType("business")),
					ExpirationDateTime:      Ptr(expiry),
					AutomaticallyUpdateApps: Ptr(false),
					RoleScopeTagIDs:         []string{"0", "1"},
				})
			},
			method: "POST", path: "/deviceAppManagement/vppTokens",
			reqBody: `{"vppTokenAccountType":"business","expirationDateTime":"2025-01-02T03:04:05Z","token":"eyJ0b2tlbiI6IjEifQ==","automaticallyUpdateApps":false,"displayName":"Contoso VPP","roleScopeTagIds":["0","1"]}`,
			check: func(t *testing.T, got any) {
				if raw := string(got.(*VppToken).Raw); raw != vppTokenJSON {
					t.Errorf("Raw = %s, want %s", raw, vppTokenJSON)
				}
			},
		},
		{
			name: "UpdateDeviceAppManagementVppToken",
			rep:  reply{body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateDeviceAppManagementVppToken(ctx, "tok-1", UpdateDeviceAppManagementVppTokenRequest{
					DisplayName:               Ptr("renamed"),
					DataSharingConsentGranted: Ptr(false),
					State:                     Ptr(VppTokenState("valid")),
					RoleScopeTagIDs:           []string{}, // empty but set: sent, to clear the list
				})
			},
			method: "PATCH", path: "/deviceAppManagement/vppTokens/tok-1",
			reqBody: `{"state":"valid","dataSharingConsentGranted":false,"displayName":"renamed","roleScopeTagIds":[]}`,
			check: func(t *testing.T, got any) {
				if raw := string(got.(*VppToken).Raw); raw != vppTokenJSON {
					t.Errorf("Raw = %s, want %s", raw, vppTokenJSON)
				}
			},
		},
		{
			name: "UpdateDeviceAppManagementVppToken/204 from the service",
			rep:  reply{status: http.StatusNoContent},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UpdateDeviceAppManagementVppToken(ctx, "tok-1", UpdateDeviceAppManagementVppTokenRequest{Token: Ptr("t")})
			},
			method: "PATCH", path: "/deviceAppManagement/vppTokens/tok-1",
			reqBody: `{"token":"t"}`, exact: true,
			check: func(t *testing.T, got any) {
				if v := got.(*VppToken); v == nil || v.Raw != nil {
					t.Errorf("got %#v, want an empty token", v)
				}
			},
		},
		{
			name: "DeviceAppManagementVppTokenSyncLicenses",
			rep:  reply{body: vppTokenJSON},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.DeviceAppManagementVppTokenSyncLicenses(ctx, "tok-1")
			},
			method: "POST", path: "/deviceAppManagement/vppTokens/tok-1/syncLicenses",
		},
		{
			name: "DirectoryObjectsGetByIDs",
			rep: reply{body: `{"@odata.context":"https://graph.microsoft.com/beta/$metadata#directoryObjects",` +
				`"value":[{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Alice"},{"@odata.type":"#microsoft.graph.group","id":"g1"}],` +
				`"@odata.nextLink":"https://graph.microsoft.com/beta/directoryObjects/getByIds?$skiptoken=X%27Y"}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.DirectoryObjectsGetByIDs(ctx, DirectoryObjectsGetByIDsRequest{IDs: []string{"u1", "g1"}, Types: []string{"user", "group"}})
			},
			method: "POST", path: "/directoryObjects/getByIds",
			reqBody: `{"ids":["u1","g1"],"types":["user","group"]}`, exact: true,
			check: func(t *testing.T, got any) {
				p := got.(*Page[DirectoryObject])
				want := []string{
					`{"@odata.type":"#microsoft.graph.user","id":"u1","displayName":"Alice"}`,
					`{"@odata.type":"#microsoft.graph.group","id":"g1"}`,
				}
				if len(p.Value) != len(want) {
					t.Fatalf("len(Value) = %d, want %d", len(p.Value), len(want))
				}
				for i, w := range want {
					if string(p.Value[i].Raw) != w {
						t.Errorf("Value[%d].Raw = %s, want %s", i, p.Value[i].Raw, w)
					}
				}
				if p.NextLink != "https://graph.microsoft.com/beta/directoryObjects/getByIds?$skiptoken=X%27Y" {
					t.Errorf("NextLink = %q", p.NextLink)
				}
			},
		},
		{
			name: "DirectoryObjectsGetByIDs/types omitted",
			rep:  reply{body: `{"value":[]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.DirectoryObjectsGetByIDs(ctx, DirectoryObjectsGetByIDsRequest{IDs: []string{"u1"}})
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
			call:   func(ctx context.Context, c *Client) (any, error) { return c.ListMeMemberOf(ctx) },
			method: "GET", path: "/me/memberOf",
		},
		{
			name:   "ListUserMemberOf",
			rep:    reply{body: `{"value":[{"@odata.type":"#microsoft.graph.group","id":"g1"}],"@odata.nextLink":"https://next"}`},
			call:   func(ctx context.Context, c *Client) (any, error) { return c.ListUserMemberOf(ctx, "alice@contoso.com") },
			method: "GET", path: "/users/alice@contoso.com/memberOf",
			check: func(t *testing.T, got any) {
				p := got.(*Page[DirectoryObject])
				if len(p.Value) != 1 || string(p.Value[0].Raw) != `{"@odata.type":"#microsoft.graph.group","id":"g1"}` || p.NextLink != "https://next" {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "GetGroup",
			rep:  reply{body: `{"id":"02bd9fd6-8f93-4758-87c3-1fb73740a315","displayName":"HR Taskforce"}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.GetGroup(ctx, "02bd9fd6-8f93-4758-87c3-1fb73740a315")
			},
			method: "GET", path: "/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315",
			check: func(t *testing.T, got any) {
				if raw := string(got.(*Group).Raw); raw != `{"id":"02bd9fd6-8f93-4758-87c3-1fb73740a315","displayName":"HR Taskforce"}` {
					t.Errorf("Raw = %s", raw)
				}
			},
		},
		{
			name: "MeReminderView",
			rep:  reply{body: `{"value":[{"eventId":"e1","reminderFireTime":{"dateTime":"2021-07-12T07:45:00.0000000","timeZone":"UTC"}}]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.MeReminderView(ctx, "2021-07-12T08:00:00.0000000", "2021-07-16T18:00:00.0000000")
			},
			method: "GET", path: "/me/reminderView(startDateTime='2021-07-12T08:00:00.0000000',endDateTime='2021-07-16T18:00:00.0000000')",
			check: func(t *testing.T, got any) {
				p := got.(*Page[Reminder])
				if len(p.Value) != 1 || !strings.Contains(string(p.Value[0].Raw), `"eventId":"e1"`) {
					t.Errorf("page = %+v", p)
				}
			},
		},
		{
			name: "UserReminderView/quotes doubled",
			rep:  reply{body: `{"value":[]}`},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.UserReminderView(ctx, "u1", "it's", "a'b''c")
			},
			method: "GET", path: "/users/u1/reminderView(startDateTime='it''s',endDateTime='a''b''''c')",
		},
		{
			name: "ReportsGetOffice365ActiveUserDetailByPeriod",
			rep:  reply{header: map[string]string{"Content-Type": "application/octet-stream"}, body: reportCSV},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ReportsGetOffice365ActiveUserDetailByPeriod(ctx, "D7")
			},
			method: "GET", path: "/reports/getOffice365ActiveUserDetail(period='D7')",
			stream: true,
		},
		{
			name: "ReportsGetOffice365ActiveUserDetailByDate",
			rep:  reply{header: map[string]string{"Content-Type": "text/csv"}, body: reportCSV},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.ReportsGetOffice365ActiveUserDetailByDate(ctx, "2024-01-31")
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
			_, err := c.GetDeviceAppManagementVppToken(ctx, id)
			return err
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"DeleteDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			return c.DeleteDeviceAppManagementVppToken(ctx, id)
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"UpdateDeviceAppManagementVppToken", func(ctx context.Context, c *Client) error {
			_, err := c.UpdateDeviceAppManagementVppToken(ctx, id, UpdateDeviceAppManagementVppTokenRequest{})
			return err
		}, []string{"deviceAppManagement", "vppTokens", esc}, 2, id},
		{"DeviceAppManagementVppTokenRevokeLicenses", func(ctx context.Context, c *Client) error {
			return c.DeviceAppManagementVppTokenRevokeLicenses(ctx, id, DeviceAppManagementVppTokenRevokeLicensesRequest{})
		}, []string{"deviceAppManagement", "vppTokens", esc, "revokeLicenses"}, 2, id},
		{"ListUserMemberOf", func(ctx context.Context, c *Client) error {
			_, err := c.ListUserMemberOf(ctx, id)
			return err
		}, []string{"users", esc, "memberOf"}, 1, id},
		{"GetGroup", func(ctx context.Context, c *Client) error {
			_, err := c.GetGroup(ctx, id)
			return err
		}, []string{"groups", esc}, 1, id},
		{"UserReminderView/user", func(ctx context.Context, c *Client) error {
			_, err := c.UserReminderView(ctx, id, "s", "e")
			return err
		}, []string{"users", esc, "reminderView(startDateTime='s',endDateTime='e')"}, 1, id},
		{"UserReminderView/arguments", func(ctx context.Context, c *Client) error {
			_, err := c.UserReminderView(ctx, "u1", id, "x'/y")
			return err
		}, []string{"users", "u1", "reminderView(startDateTime='" + esc + "',endDateTime='x''%2Fy')"}, 2,
			"reminderView(startDateTime='" + id + "',endDateTime='x''/y')"},
		{"ReportsGetOffice365ActiveUserDetailByPeriod", func(ctx context.Context, c *Client) error {
			rc, err := c.ReportsGetOffice365ActiveUserDetailByPeriod(ctx, id)
			if err == nil {
				rc.Close()
			}
			return err
		}, []string{"reports", "getOffice365ActiveUserDetail(period='" + esc + "')"}, 1,
			"getOffice365ActiveUserDetail(period='" + id + "')"},
		{"ReportsGetOffice365ActiveUserDetailByDate", func(ctx context.Context, c *Client) error {
			rc, err := c.ReportsGetOffice365ActiveUserDetailByDate(ctx, id)
			if err == nil {
				rc.Close()
			}
			return err
		}, []string{"reports", "getOffice365ActiveUserDetail(date=" + esc + ")"}, 1,
			"getOffice365ActiveUserDetail(date=" + id + ")"},
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
			if _, err := c.GetGroup(context.Background(), "g1"); err != nil {
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
			if _, err := c.GetGroup(context.Background(), "g1"); err != nil {
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
	if _, err := c.GetGroup(context.Background(), "g1"); err != nil {
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
		if _, err := c.GetGroup(context.Background(), "g1"); err != nil {
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
			g, err := c.GetGroup(context.Background(), id)
			if err != nil {
				t.Error(err)
				return
			}
			if want := `{"id":"` + id + `"}`; string(g.Raw) != want {
				t.Errorf("Raw = %s, want %s", g.Raw, want)
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
	const notFound = `{"error":{"code":"Request_ResourceNotFound","message":"Resource 'g1' does not exist or one of its queried reference-property objects are not present.","innerError":{"date":"2024-01-31T10:00:00","request-id":"abc","client-request-id":"abc"}}}`
	get := func(ctx context.Context, c *Client) error { _, err := c.GetGroup(ctx, "g1"); return err }
	del := func(ctx context.Context, c *Client) error { return c.DeleteDeviceAppManagementVppToken(ctx, "t1") }
	revoke := func(ctx context.Context, c *Client) error {
		return c.DeviceAppManagementVppTokenRevokeLicenses(ctx, "t1", DeviceAppManagementVppTokenRevokeLicensesRequest{})
	}
	stream := func(ctx context.Context, c *Client) error {
		rc, err := c.ReportsGetOffice365ActiveUserDetailByPeriod(ctx, "D7")
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
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "abc", Body: []byte(notFound)},
			text: "graph: 404 Not Found: Request_ResourceNotFound: Resource 'g1' does not exist or one of its queried reference-property objects are not present. (request-id abc)",
		},
		{
			name: "request-id from the body",
			rep:  reply{status: 404, body: notFound},
			call: del,
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "abc", Body: []byte(notFound)},
		},
		{
			name: "the header wins over the body",
			rep:  reply{status: 404, header: map[string]string{"request-id": "from-header"}, body: notFound},
			call: get,
			want: Error{StatusCode: 404, Code: "Request_ResourceNotFound", Message: "Resource 'g1' does not exist or one of its queried reference-property objects are not present.", RequestID: "from-header", Body: []byte(notFound)},
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
			c, _ := serve(t, tt.rep)
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
		{"not JSON", "<html>ok</html>", func(ctx context.Context, c *Client) error { _, err := c.GetGroup(ctx, "g1"); return err }},
		{"cut short", `{"value":[{"id":"a"},`, func(ctx context.Context, c *Client) error {
			_, err := c.ListDeviceAppManagementVppTokens(ctx)
			return err
		}},
		{"wrong shape", `{"value":{"id":"a"}}`, func(ctx context.Context, c *Client) error { _, err := c.ListUserMemberOf(ctx, "u1"); return err }},
		{"wrong nextLink type", `{"value":[],"@odata.nextLink":5}`, func(ctx context.Context, c *Client) error {
			_, err := c.DirectoryObjectsGetByIDs(ctx, DirectoryObjectsGetByIDsRequest{IDs: []string{"a"}})
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
		_, err := c.GetGroup(ctx, "g1")
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want it to wrap context.Canceled", err)
		}
	})

	t.Run("deadline passed", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{body: `{}`})
		ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Minute))
		defer cancel()
		err := c.DeleteDeviceAppManagementVppToken(ctx, "t1")
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
			_, err := c.ListUserMemberOf(ctx, "u1")
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
		rc, err := c.ReportsGetOffice365ActiveUserDetailByDate(ctx, "2024-01-31")
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
	rc, err := c.ReportsGetOffice365ActiveUserDetailByPeriod(context.Background(), "D30")
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

// TestPlaceholderRaw: the placeholder types keep a resource's JSON as it arrived.
func TestPlaceholderRaw(t *testing.T) {
	t.Parallel()
	// Spaces, an escape, a number written in a non-canonical way, HTML characters and
	// nesting: nothing of it may change on the way in.
	const odd = `{ "id" : "tok-1",  "displayName": "Tom & <Jerry> \u00e9",` + "\n\t" + `"n": [1, 2.50, 1E3], "nested": {"a": null, "b": [true, false]} }`

	t.Run("through the client", func(t *testing.T) {
		t.Parallel()
		c, _ := serve(t, reply{body: odd + "\n"})
		tok, err := c.GetDeviceAppManagementVppToken(context.Background(), "tok-1")
		if err != nil {
			t.Fatal(err)
		}
		if string(tok.Raw) != odd {
			t.Fatalf("Raw = %s\nwant  %s", tok.Raw, odd)
		}
		b, err := tok.MarshalJSON()
		if err != nil || string(b) != odd {
			t.Errorf("MarshalJSON = %s, %v; want the JSON as it arrived", b, err)
		}
		// json.Marshal compacts what MarshalJSON returns and escapes HTML characters, but the
		// JSON value stays the same.
		b, err = json.Marshal(tok)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, b, []byte(odd)) {
			t.Errorf("json.Marshal = %s, want the same JSON as %s", b, odd)
		}
	})

	t.Run("compact JSON re-encodes byte for byte", func(t *testing.T) {
		t.Parallel()
		const compact = `{"@odata.type":"#microsoft.graph.vppToken","id":"tok-1","n":[1,2.50,1E3],"s":"\u00e9\"x","nested":{"a":null}}`
		check := func(name string, v interface {
			json.Marshaler
			json.Unmarshaler
		}) {
			if err := json.Unmarshal([]byte(compact), v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := json.Marshal(v)
			if err != nil || string(b) != compact {
				t.Errorf("%s: json.Marshal = %s, %v; want %s", name, b, err, compact)
			}
		}
		check("VppToken", &VppToken{})
		check("Group", &Group{})
		check("DirectoryObject", &DirectoryObject{})
		check("Reminder", &Reminder{})
	})

	t.Run("in a page", func(t *testing.T) {
		t.Parallel()
		in := []byte(`{"value":[{"id":"a", "x": 1},{"id":"b"}],"@odata.nextLink":"https://next"}`)
		var p Page[VppToken]
		if err := json.Unmarshal(in, &p); err != nil {
			t.Fatal(err)
		}
		// Raw must be a copy, not a window on the input.
		for i := range in {
			in[i] = ' '
		}
		if len(p.Value) != 2 || string(p.Value[0].Raw) != `{"id":"a", "x": 1}` || string(p.Value[1].Raw) != `{"id":"b"}` {
			t.Errorf("Value = %q", p.Value)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if want := `{"value":[{"id":"a","x":1},{"id":"b"}],"@odata.nextLink":"https://next"}`; string(b) != want {
			t.Errorf("json.Marshal(page) = %s, want %s", b, want)
		}
	})

	t.Run("zero value", func(t *testing.T) {
		t.Parallel()
		b, err := json.Marshal(struct {
			T VppToken
			G *Group
		}{G: &Group{}})
		if err != nil || string(b) != `{"T":null,"G":null}` {
			t.Errorf("json.Marshal = %s, %v; want nulls", b, err)
		}
	})
}

func TestNewClientDefaults(t *testing.T) {
	t.Parallel()
	c := NewClient()
	if c.baseURL != DefaultBaseURL || DefaultBaseURL != "https://graph.microsoft.com/beta" {
		t.Errorf("baseURL = %q", c.baseURL)
	}
	if c.httpClient != http.DefaultClient {
		t.Error("httpClient is not http.DefaultClient")
	}
	if c.userAgent != DefaultUserAgent || APIVersion != "beta" {
		t.Errorf("userAgent = %q, APIVersion = %q", c.userAgent, APIVersion)
	}
}
