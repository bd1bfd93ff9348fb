package graphrt

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// deltaServer speaks users/delta over three rounds: the first in two pages (nextLink,
// then deltaLink d1); from d1, one changed and one removed user, deltaLink d2; from d2,
// nothing, deltaLink d3.
func deltaServer(t *testing.T) (*httptest.Server, *[]string) {
	var mu sync.Mutex
	var seen []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.RequestURI()+" "+r.Header.Get("Prefer"))
		mu.Unlock()
		q := r.URL.Query()
		link := func(kind, token string) string {
			return fmt.Sprintf(`"@odata.%sLink":"%s/v1.0/users/delta?$%stoken=%s"`, kind, srv.URL, map[string]string{"next": "skip", "delta": "delta"}[kind], token)
		}
		var body string
		switch {
		case r.URL.Path != "/v1.0/users/delta":
			http.NotFound(w, r)
			return
		case q.Get("$skiptoken") == "" && q.Get("$deltatoken") == "":
			if q.Get("$select") != "id,displayName" {
				http.Error(w, `{"error":{"code":"badSelect"}}`, 400)
				return
			}
			body = `{"value":[{"id":"u1","displayName":"Ann"},{"id":"u2","displayName":"Bo"}],` + link("next", "s1") + `}`
		case q.Get("$skiptoken") == "s1":
			body = `{"value":[{"id":"u3","displayName":"Cy"}],` + link("delta", "d1") + `}`
		case q.Get("$deltatoken") == "d1":
			body = `{"value":[{"id":"u1","displayName":"Ann B."},{"id":"u2","@removed":{"reason":"deleted"}}],` + link("delta", "d2") + `}`
		case q.Get("$deltatoken") == "d2":
			body = `{"value":[],` + link("delta", "d3") + `}`
		default:
			http.Error(w, `{"error":{"code":"syncStateNotFound"}}`, 410)
			return
		}
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &seen
}

type deltaUser struct {
	ID          string `json:"id"`
	DisplayName string `json:"displayName"`
}

func round(t *testing.T, c *Client, link *string) []string {
	t.Helper()
	r := Request{Method: "GET", Path: "/users/delta", Query: map[string][]string{"$select": {"id,displayName"}},
		Header: http.Header{"Prefer": {"return=minimal"}}}
	var got []string
	for it, err := range DeltaSync[deltaUser](context.Background(), c, r, link) {
		if err != nil {
			t.Fatal(err)
		}
		s := it.Item.ID + ":" + it.Item.DisplayName
		if it.Removed != nil {
			s = it.Item.ID + " removed (" + it.Removed.Reason + ")"
		}
		got = append(got, s)
	}
	return got
}

func TestDeltaSyncThreeRounds(t *testing.T) {
	srv, seen := deltaServer(t)
	var saved string
	// Round 1: the full state, over two pages.
	c := NewClient(WithBaseURL(srv.URL + "/v1.0"))
	if got := strings.Join(round(t, c, &saved), ","); got != "u1:Ann,u2:Bo,u3:Cy" {
		t.Errorf("round 1: %s", got)
	}
	if !strings.HasSuffix(saved, "$deltatoken=d1") {
		t.Fatalf("saved %q", saved)
	}
	// Round 2, in a "new process": a new client, the saved link.
	c = NewClient(WithBaseURL(srv.URL + "/v1.0"))
	link := saved
	if got := strings.Join(round(t, c, &link), ","); got != "u1:Ann B.,u2 removed (deleted)" {
		t.Errorf("round 2: %s", got)
	}
	// Round 3: nothing changed; the link moves on.
	if got := round(t, c, &link); len(got) != 0 || !strings.HasSuffix(link, "$deltatoken=d3") {
		t.Errorf("round 3: %v, link %q", got, link)
	}
	want := []string{"/v1.0/users/delta?$select=id,displayName return=minimal", "/v1.0/users/delta?$skiptoken=s1 return=minimal",
		"/v1.0/users/delta?$deltatoken=d1 return=minimal", "/v1.0/users/delta?$deltatoken=d2 return=minimal"}
	if strings.Join(*seen, "|") != strings.Join(want, "|") {
		t.Errorf("requests\n%s\nwant\n%s", strings.Join(*seen, "\n"), strings.Join(want, "\n"))
	}
}

// TestDeltaSyncRefusals: a saved link to another host is refused before anything is
// sent; a stale one is the service's error, and the saved link stays as it was.
func TestDeltaSyncRefusals(t *testing.T) {
	srv, seen := deltaServer(t)
	c := NewClient(WithBaseURL(srv.URL+"/v1.0"), WithToken("secret"))
	for _, link := range []string{"https://evil.test/v1.0/users/delta?$deltatoken=d1", srv.URL + "/v1.0/users/delta?$deltatoken=old"} {
		l := link
		var err error
		for _, e := range DeltaSync[deltaUser](context.Background(), c, Request{Method: "GET", Path: "/users/delta"}, &l) {
			err = e
		}
		if err == nil || l != link {
			t.Errorf("%s: err %v, link now %q", link, err, l)
		}
	}
	if len(*seen) != 1 {
		t.Errorf("requests %v", *seen)
	}
}

// TestDeltaItemRemoved: @removed, and a drive item's deleted facet, mark an item removed;
// a deleted member that is not an object (a quota's byte count) does not.
func TestDeltaItemRemoved(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, reason string
	}{
		{`{"id":"1","@removed":{"reason":"changed"}}`, "changed"},
		{`{"id":"1","name":"a.txt","deleted":{"state":"deleted"}}`, "deleted"},
		{`{"id":"1","deleted":12}`, ""},
		{`{"id":"1","deleted":null}`, ""},
		{`{"id":"1","name":"deleted"}`, ""},
	} {
		var d DeltaItem[map[string]any]
		if err := json.Unmarshal([]byte(tc.in), &d); err != nil {
			t.Fatalf("%s: %v", tc.in, err)
		}
		got := ""
		if d.Removed != nil {
			got = d.Removed.Reason
		}
		if got != tc.reason {
			t.Errorf("%s: removed %q, want %q", tc.in, got, tc.reason)
		}
	}
}
