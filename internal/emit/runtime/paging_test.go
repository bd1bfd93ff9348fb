package graphrt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

type item struct {
	ID string `json:"id"`
}

// pagesServer serves /beta/users in three pages of items u1..u5, linked by nextLinks made
// by link (absolute ones to the server itself unless link says otherwise), the last one
// with a deltaLink.
func pagesServer(t *testing.T, link func(base, token string) string) *recorder {
	var rec *recorder
	rec = newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		base := rec.srv.URL
		q := r.URL.Query()
		var body string
		switch token := q.Get("$skiptoken"); token {
		case "":
			body = fmt.Sprintf(`{"@odata.count":5,"value":[{"id":"u1"},{"id":"u2"}],"@odata.nextLink":%q}`, link(base, "p2"))
		case "p2":
			body = fmt.Sprintf(`{"value":[{"id":"u3"},{"id":"u4"}],"@odata.nextLink":%q}`, link(base, "p3"))
		case "p3":
			body = fmt.Sprintf(`{"value":[{"id":"u5"}],"@odata.deltaLink":%q}`, base+"/beta/users/delta?$deltatoken=d1")
		default:
			http.Error(w, `{"error":{"code":"BadToken"}}`, http.StatusBadRequest)
			return
		}
		_, _ = io.WriteString(w, body)
	})
	return rec
}

func sameHost(base, token string) string { return base + "/beta/users?$skiptoken=" + token }

// usersRequest asks for the users, with a query and a header the next pages must not and
// must send again.
func usersRequest() Request {
	return Request{Method: "GET", Path: "/users", Query: url.Values{"$top": {"2"}, "$count": {"true"}},
		Header: http.Header{"ConsistencyLevel": {"eventual"}}}
}

func collect(seq func(func(item, error) bool), stopAfter int) ([]string, error) {
	var ids []string
	var err error
	seq(func(it item, e error) bool {
		if e != nil {
			err = e
			return false
		}
		ids = append(ids, it.ID)
		return len(ids) != stopAfter
	})
	return ids, err
}

// TestList: list yields the items of every page in order, fetching a page only when the
// consumer reaches it; next pages keep the request's headers but not its query.
// TestListSent: an action that answers a collection is sent when ListSent is called, once:
// ranging twice yields the same items and follows the next links again, but does not
// send the request again.
func TestListSent(t *testing.T) {
	t.Parallel()
	rec := pagesServer(t, sameHost)
	c := NewClient(WithBaseURL(rec.srv.URL+"/beta"), WithToken("tok"))
	seq := ListSent[item](context.Background(), c, usersRequest())
	if n := len(rec.requests()); n != 1 {
		t.Fatalf("ListSent sent %d requests before iterating, want 1", n)
	}
	for round := 1; round <= 2; round++ {
		ids, err := collect(seq, -1)
		if err != nil || !slices.Equal(ids, []string{"u1", "u2", "u3", "u4", "u5"}) {
			t.Errorf("round %d: %v, %v", round, ids, err)
		}
	}
	first := 0
	for _, r := range rec.requests() {
		if r.query == "$count=true&$top=2" {
			first++
		}
	}
	if first != 1 {
		t.Errorf("the request was sent %d times, want once", first)
	}
}

func TestList(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		stopAfter int
		want      []string
		fetches   int
	}{
		{-1, []string{"u1", "u2", "u3", "u4", "u5"}, 3},
		{1, []string{"u1"}, 1},
		{2, []string{"u1", "u2"}, 1},
		{3, []string{"u1", "u2", "u3"}, 2},
		{5, []string{"u1", "u2", "u3", "u4", "u5"}, 3},
	} {
		rec := pagesServer(t, sameHost)
		c := NewClient(WithBaseURL(rec.srv.URL+"/beta"), WithToken("tok"))
		seq := List[item](context.Background(), c, usersRequest())
		if n := len(rec.requests()); n != 0 {
			t.Fatalf("list fetched %d pages before iterating", n)
		}
		ids, err := collect(seq, tt.stopAfter)
		if err != nil || !slices.Equal(ids, tt.want) {
			t.Errorf("stopping after %d: %v, %v; want %v", tt.stopAfter, ids, err, tt.want)
		}
		reqs := rec.requests()
		if len(reqs) != tt.fetches {
			t.Errorf("stopping after %d: %d pages fetched, want %d", tt.stopAfter, len(reqs), tt.fetches)
		}
		for i, r := range reqs {
			wantQuery := "$count=true&$top=2"
			if i > 0 {
				wantQuery = fmt.Sprintf("$skiptoken=p%d", i+1)
			}
			if r.method != "GET" || r.path != "/beta/users" || r.query != wantQuery {
				t.Errorf("page %d: %s %s?%s, want query %s", i+1, r.method, r.path, r.query, wantQuery)
			}
			if r.header.Get("ConsistencyLevel") != "eventual" || r.header.Get("Authorization") != "Bearer tok" {
				t.Errorf("page %d: header %v", i+1, r.header)
			}
		}
	}
}

// TestNextPage: NextPage walks the pages; the last one has the deltaLink and no next.
func TestNextPage(t *testing.T) {
	t.Parallel()
	rec := pagesServer(t, func(base, token string) string { return "/beta/users?$skiptoken=" + token }) // relative links resolve
	c := NewClient(WithBaseURL(rec.srv.URL + "/beta"))
	ctx := context.Background()
	p, err := GetPage[item](ctx, c, usersRequest())
	if err != nil {
		t.Fatal(err)
	}
	if p.Count == nil || *p.Count != 5 || len(p.Value) != 2 || p.DeltaLink != "" {
		t.Errorf("first page = %+v", p)
	}
	var ids []string
	var pages int
	for ; p != nil; p, err = NextPage(ctx, c, p) {
		pages++
		for _, it := range p.Value {
			ids = append(ids, it.ID)
		}
		if p.NextLink == "" && p.DeltaLink != rec.srv.URL+"/beta/users/delta?$deltatoken=d1" {
			t.Errorf("last page: deltaLink %q", p.DeltaLink)
		}
	}
	if err != nil || pages != 3 || !slices.Equal(ids, []string{"u1", "u2", "u3", "u4", "u5"}) {
		t.Errorf("%d pages, %v, %v", pages, ids, err)
	}
	for _, r := range rec.requests() {
		if r.header.Get("ConsistencyLevel") != "eventual" {
			t.Errorf("%s?%s: header %v", r.path, r.query, r.header)
		}
	}
	if p, err := NextPage(ctx, c, &Page[item]{Value: []item{{"x"}}}); p != nil || err != nil {
		t.Errorf("NextPage(last) = %v, %v", p, err)
	}
	if p, err := NextPage[item](ctx, c, nil); p != nil || err != nil {
		t.Errorf("NextPage(nil) = %v, %v", p, err)
	}
}

// TestForeignNextLink: a next link to another host, or another scheme, is refused before
// anything is sent there: it would carry the bearer token.
func TestForeignNextLink(t *testing.T) {
	t.Parallel()
	var foreignHits atomic.Int32
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		foreignHits.Add(1)
		_, _ = io.WriteString(w, `{"value":[{"id":"stolen"}]}`)
	}))
	defer foreign.Close()
	for name, link := range map[string]func(base, token string) string{
		"host": func(_, token string) string { return foreign.URL + "/beta/users?$skiptoken=" + token },
		"scheme": func(base, token string) string {
			return strings.Replace(base, "http://", "https://", 1) + "/beta/users?$skiptoken=" + token
		},
		"port": func(base, token string) string { return base + "0/beta/users?$skiptoken=" + token },
	} {
		rec := pagesServer(t, link)
		c := NewClient(WithBaseURL(rec.srv.URL+"/beta"), WithToken("tok"))
		ctx := context.Background()
		p, err := GetPage[item](ctx, c, usersRequest())
		if err != nil {
			t.Fatal(err)
		}
		if next, err := NextPage(ctx, c, p); next != nil || err == nil || !strings.Contains(err.Error(), "refusing to follow") {
			t.Errorf("%s: NextPage = %v, %v", name, next, err)
		}
		ids, err := collect(List[item](ctx, c, usersRequest()), -1)
		if !slices.Equal(ids, []string{"u1", "u2"}) || err == nil || !strings.Contains(err.Error(), "refusing to follow") {
			t.Errorf("%s: list = %v, %v", name, ids, err)
		}
		if n := len(rec.requests()); n != 2 {
			t.Errorf("%s: %d requests to the service, want 2", name, n)
		}
	}
	if n := foreignHits.Load(); n != 0 {
		t.Errorf("%d requests reached the foreign server", n)
	}
}

// TestListErrors: an error is yielded once, last; a page linking to itself ends the list.
func TestListErrors(t *testing.T) {
	t.Parallel()
	var rec *recorder
	rec = newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/loop":
			fmt.Fprintf(w, `{"value":[{"id":"a"}],"@odata.nextLink":%q}`, rec.srv.URL+"/loop?$skiptoken=same")
		default:
			http.Error(w, `{"error":{"code":"Request_ResourceNotFound","message":"gone"}}`, http.StatusNotFound)
		}
	})
	c := NewClient(WithBaseURL(rec.srv.URL))
	ctx := context.Background()
	var calls int
	for it, err := range List[item](ctx, c, Request{Method: "GET", Path: "/missing"}) {
		calls++
		if it != (item{}) || !IsNotFound(err) {
			t.Errorf("yielded %v, %v", it, err)
		}
	}
	if calls != 1 {
		t.Errorf("%d yields, want 1", calls)
	}
	ids, err := collect(List[item](ctx, c, Request{Method: "GET", Path: "/loop"}), -1)
	if !slices.Equal(ids, []string{"a"}) || err == nil || !strings.Contains(err.Error(), "followed before") {
		t.Errorf("loop: %v, %v", ids, err)
	}
	if _, err := GetPage[item](ctx, c, Request{Method: "GET", Path: "/missing"}); !IsNotFound(err) || errors.Unwrap(err) != nil {
		t.Errorf("page: %v", err)
	}
}

// TestListCycle: pages that link in a circle (a -> b -> a) end with an error instead of
// iterating forever.
func TestListCycle(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next := "/b"
		if r.URL.Path == "/b" {
			next = "/a"
		}
		fmt.Fprintf(w, `{"value":[{"id":%q}],"@odata.nextLink":%q}`, r.URL.Path, srv.URL+next)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL))
	var ids []string
	var last error
	for it, err := range List[map[string]string](context.Background(), c, Request{Method: "GET", Path: "/a"}) {
		if err != nil {
			last = err
			break
		}
		ids = append(ids, it["id"])
		if len(ids) > 10 {
			t.Fatal("the cycle was not detected")
		}
	}
	if !slices.Equal(ids, []string{"/a", "/b"}) || last == nil || !strings.Contains(last.Error(), "followed before") {
		t.Errorf("ids %v, err %v", ids, last)
	}
}

// rawItem decodes with its own UnmarshalJSON, so that a page takes the one-pass path.
type rawItem struct{ s string }

func (r *rawItem) UnmarshalJSON(b []byte) error { r.s = string(b); return nil }

// TestListReusesBufferSafely checks that the items of earlier pages stay as they were
// while List reads later pages, of other sizes, into the same buffer, with and without
// a Content-Length.
func TestListReusesBufferSafely(t *testing.T) {
	var srvURL string
	pages := []string{strings.Repeat("a", 3000), "b", strings.Repeat("c", 9000), "dd"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 0
		fmt.Sscan(r.URL.Query().Get("p"), &n)
		body := fmt.Sprintf(`{"value":["%s","%s"]`, pages[n], strings.ToUpper(pages[n]))
		if n+1 < len(pages) {
			body += fmt.Sprintf(`,"@odata.nextLink":"%s/x?p=%d"`, srvURL, n+1)
		}
		body += "}"
		if n%2 == 1 {
			w.(http.Flusher).Flush() // chunked: no Content-Length
		}
		io.WriteString(w, body)
	}))
	defer srv.Close()
	srvURL = srv.URL
	c := NewClient(WithBaseURL(srv.URL))
	var got []string
	for v, err := range List[rawItem](context.Background(), c, Request{Method: http.MethodGet, Path: "/x", Query: url.Values{"p": {"0"}}}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v.s)
	}
	var want []string
	for _, p := range pages {
		want = append(want, `"`+p+`"`, `"`+strings.ToUpper(p)+`"`)
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %d items %.40q, want %.40q", len(got), got, want)
	}
}

// TestListReferences: a GET of a $ref path pages through entity references, each
// decoded into a Reference.
func TestListReferences(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"value":[{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/a"},{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/b"}]}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithoutRetries())
	var got []string
	for ref, err := range List[Reference](context.Background(), c, Request{Method: "GET", Path: "/groups/g/members/$ref"}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ref.ODataID)
	}
	if len(got) != 2 || got[1] != "https://graph.microsoft.com/v1.0/directoryObjects/b" {
		t.Errorf("got %q", got)
	}
}
