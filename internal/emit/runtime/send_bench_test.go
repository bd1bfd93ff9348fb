package graphrt

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The allocation benchmarks of one call: Client.Do against the same call written with
// net/http and encoding/json, a GET and a PATCH of a small object. go test -bench Send
// -benchmem prints them; the difference is what the client adds per call.

type benchObject struct {
	ID          *string `json:"id,omitempty"`
	DisplayName *string `json:"displayName,omitempty"`
	Count       *int64  `json:"count,omitempty"`
}

func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"1","displayName":"a name","count":3}`))
	}))
	b.Cleanup(srv.Close)
	return srv
}

func BenchmarkSendGet(b *testing.B) {
	srv := benchServer(b)
	c := NewClient(WithBaseURL(srv.URL), WithHTTPClient(srv.Client()))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		var out benchObject
		if err := c.Do(ctx, Request{Method: http.MethodGet, Path: "/objects/1"}, &out); err != nil || out.ID == nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSendPatch(b *testing.B) {
	srv := benchServer(b)
	c := NewClient(WithBaseURL(srv.URL), WithHTTPClient(srv.Client()))
	ctx := context.Background()
	name := "a name"
	b.ReportAllocs()
	for b.Loop() {
		var out benchObject
		if err := c.Do(ctx, Request{Method: http.MethodPatch, Path: "/objects/1", Body: benchObject{DisplayName: &name}}, &out); err != nil || out.ID == nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSendGetHandWritten(b *testing.B) {
	srv := benchServer(b)
	hc := srv.Client()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/objects/1", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", "ua")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out benchObject
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || out.ID == nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSendPatchHandWritten(b *testing.B) {
	srv := benchServer(b)
	hc := srv.Client()
	ctx := context.Background()
	name := "a name"
	b.ReportAllocs()
	for b.Loop() {
		data, err := json.Marshal(benchObject{DisplayName: &name})
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPatch, srv.URL+"/objects/1", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "ua")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out benchObject
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || out.ID == nil {
			b.Fatal(err)
		}
	}
}
