package graphrt

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestResponseMetadata(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/beta/created":
			w.Header().Set("Location", "https://graph.test/x/1")
			w.Header().Set("ETag", `W/"1"`)
			w.WriteHeader(http.StatusCreated)
			_, _ = io.WriteString(w, `{"id":"1"}`)
		case "/beta/missing":
			w.Header().Set("request-id", "r-404")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"error":{"code":"itemNotFound"}}`)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithoutRetries())
	var resp Response
	var out item
	if err := c.Do(context.Background(), Request{Method: "POST", Path: "/created", Response: &resp}, &out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 || resp.Header.Get("Location") != "https://graph.test/x/1" || resp.Header.Get("ETag") != `W/"1"` || out.ID != "1" {
		t.Errorf("got %d %v %+v", resp.StatusCode, resp.Header, out)
	}
	// A failure leaves it as it was; the *Error has the status and headers.
	err := c.Do(context.Background(), Request{Method: "GET", Path: "/missing", Response: &resp}, &out)
	var e *Error
	if !errors.As(err, &e) || e.StatusCode != 404 || resp.StatusCode != 201 {
		t.Errorf("err %v, resp %d", err, resp.StatusCode)
	}
}

// TestResponseMetadataPages: a List records each page's response, so that after the
// loop it holds the last one's.
func TestResponseMetadataPages(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("$skiptoken") == "" {
			w.Header().Set("X-Page", "1")
			_, _ = io.WriteString(w, `{"value":[{"id":"a"}],"@odata.nextLink":"`+srv.URL+`/beta/users?$skiptoken=2"}`)
			return
		}
		w.Header().Set("X-Page", "2")
		_, _ = io.WriteString(w, `{"value":[{"id":"b"}]}`)
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL + "/beta"))
	var resp Response
	ids, err := collect(List[item](context.Background(), c, Request{Method: "GET", Path: "/users", Response: &resp}), -1)
	if err != nil || len(ids) != 2 {
		t.Fatal(ids, err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("X-Page") != "2" {
		t.Errorf("got %+v", resp)
	}
}

// TestDoOptional: a body that comes back only on request (Prefer: return=representation)
// is reported when it came and decoded; a 204, or a 200 with nothing in it, reports false
// and leaves out as it was, without an error; a failure is still an error.
func TestDoOptional(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/beta/empty200":
			w.WriteHeader(http.StatusOK)
		case r.URL.Path == "/beta/bad":
			_, _ = io.WriteString(w, `{"id":`)
		case r.URL.Path == "/beta/missing":
			w.WriteHeader(http.StatusNotFound)
		case r.Header.Get("Prefer") == "return=representation":
			_, _ = io.WriteString(w, `{"id":"t1"}`)
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithoutRetries())
	ctx := context.Background()
	cases := []struct {
		path, prefer string
		ok, err      bool
		id           string
	}{
		{"/tasks/t1", "", false, false, "unchanged"},
		{"/tasks/t1", "return=representation", true, false, "t1"},
		{"/empty200", "", false, false, "unchanged"},
		{"/bad", "", false, true, "unchanged"},
		{"/missing", "", false, true, "unchanged"},
	}
	for _, tc := range cases {
		out := item{ID: "unchanged"}
		r := Request{Method: "PATCH", Path: tc.path, Body: map[string]string{"title": "x"}}
		if tc.prefer != "" {
			r.Header = http.Header{"Prefer": {tc.prefer}}
		}
		ok, err := c.DoOptional(ctx, r, &out)
		if ok != tc.ok || (err != nil) != tc.err || out.ID != tc.id && !tc.err {
			t.Errorf("%s prefer %q: ok %v err %v id %q; want ok %v err %v id %q", tc.path, tc.prefer, ok, err, out.ID, tc.ok, tc.err, tc.id)
		}
	}
	// In a batch nothing is sent until Send: the result is reported as coming, and Send
	// fills it when the member's answer has a body.
	b := NewBatch(c)
	var out item
	ok, err := b.Client().DoOptional(ctx, Request{Method: "PATCH", Path: "/tasks/t1"}, &out)
	if !ok || err != nil || len(b.Items()) != 1 {
		t.Errorf("batch: ok %v err %v items %d", ok, err, len(b.Items()))
	}
}

// TestMalformedBodyRefused: a malformed JSON body is an error whatever the result's type: a
// json.RawMessage result (whose UnmarshalJSON copies what it gets) is not handed unchecked
// bytes, with or without DoOptional.
func TestMalformedBodyRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/beta/bad":
			_, _ = io.WriteString(w, `{"id": "1",`)
		case "/beta/good":
			_, _ = io.WriteString(w, ` {"id": "1"} `)
		}
	}))
	defer srv.Close()
	c := NewClient(WithBaseURL(srv.URL+"/beta"), WithoutRetries())
	ctx := context.Background()
	var raw json.RawMessage
	if err := c.Do(ctx, Request{Method: "GET", Path: "/bad"}, &raw); err == nil {
		t.Errorf("Do into a json.RawMessage accepted a malformed body: %s", raw)
	}
	if ok, err := c.DoOptional(ctx, Request{Method: "PATCH", Path: "/bad"}, &raw); err == nil {
		t.Errorf("DoOptional into a json.RawMessage accepted a malformed body (ok %v): %s", ok, raw)
	}
	if err := c.Do(ctx, Request{Method: "GET", Path: "/good"}, &raw); err != nil || string(raw) != `{"id": "1"}` {
		t.Errorf("Do into a json.RawMessage: %s, %v", raw, err)
	}
}
