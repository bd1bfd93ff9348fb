package graphrt

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestEncodeQuery(t *testing.T) {
	t.Parallel()
	q := url.Values{
		"$filter": {"startswith(displayName,'a b') and x eq 1+2"},
		"$select": {"id,displayName"},
		"$search": {QuoteSearch("displayName:finance")},
		"plain":   {"a&b=c#d"},
	}
	want := `$filter=startswith(displayName,'a%20b')%20and%20x%20eq%201%2B2&$search=%22displayName:finance%22&$select=id,displayName&plain=a%26b%3Dc%23d`
	if got := encodeQuery(q); got != want {
		t.Errorf("encodeQuery =\n%s\nwant\n%s", got, want)
	}
	back, err := url.ParseQuery(want)
	if err != nil || back.Get("$filter") != q.Get("$filter") || back.Get("plain") != "a&b=c#d" || back.Get("$search") != `"displayName:finance"` {
		t.Errorf("the encoding does not decode back: %v %v", back, err)
	}
	if QuoteSearch(`"x"`) != `"x"` || QuoteSearch(`a"b`) != `"a\"b"` {
		t.Error("QuoteSearch")
	}
	var r Request
	r.SetQuery("a", "1")
	r.SetHeader("ConsistencyLevel", "eventual")
	if r.Query.Get("a") != "1" || r.Header.Get("ConsistencyLevel") != "eventual" {
		t.Errorf("set: %+v", r)
	}
	// The Query escape hatch adds after the template's values; a typed field set later
	// replaces a parameter of the same name.
	r.AddQuery(url.Values{"a": {"2"}, "sectionName": {"Notes"}})
	if got := r.Query["a"]; len(got) != 2 || got[0] != "1" || got[1] != "2" || r.Query.Get("sectionName") != "Notes" {
		t.Errorf("AddQuery: %v", r.Query)
	}
	r.SetQuery("a", "3")
	if got := r.Query["a"]; len(got) != 1 || got[0] != "3" {
		t.Errorf("a typed field after AddQuery: %v", r.Query)
	}
	var empty Request
	if empty.AddQuery(nil); empty.Query != nil {
		t.Errorf("AddQuery(nil) made a query: %v", empty.Query)
	}
}

// TestHeaderEscapeHatchAndReference sends what a generated $ref method builds: a
// Reference body, and options whose Header field adds headers the docs do not list while
// a typed field replaces a header of the same name.
func TestHeaderEscapeHatchAndReference(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(http.StatusNoContent) })
	c := NewClient(WithBaseURL(rec.srv.URL), WithoutRetries())
	const target = "https://graph.microsoft.com/v1.0/directoryObjects/d1"
	r := Request{Method: "POST", Path: "/groups/g1/members/$ref", Body: Reference{ODataID: target}}
	r.AddHeaders(http.Header{"x-custom": {"a", "b"}, "Prefer": {"from-header"}}) // what apply does first
	r.SetHeader("Prefer", "typed")                                               // then a typed field
	r.AddHeaders(nil)
	if err := c.Do(context.Background(), r, nil); err != nil {
		t.Fatal(err)
	}
	reqs := rec.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	got := reqs[0]
	if want := `{"@odata.id":"` + target + `"}`; got.body != want {
		t.Errorf("body = %s, want %s", got.body, want)
	}
	if v := got.header.Values("X-Custom"); !slices.Equal(v, []string{"a", "b"}) {
		t.Errorf("X-Custom = %q, want both values of the Header field", v)
	}
	if v := got.header.Values("Prefer"); !slices.Equal(v, []string{"typed"}) {
		t.Errorf("Prefer = %q, want the typed field's value only", v)
	}
	var back Reference
	if err := json.Unmarshal([]byte(got.body), &back); err != nil || back.ODataID != target {
		t.Errorf("Reference does not decode back: %+v, %v", back, err)
	}
}

// TestMarshalBodyAndDecodeBody: a request body struct's AdditionalData is merged into the
// object, a documented field winning on a clash, and decoding gives it back.
func TestMarshalBodyAndDecodeBody(t *testing.T) {
	t.Parallel()
	type plain struct {
		Name  string   `json:"name"`
		Count *int32   `json:"count,omitempty"`
		Tags  []string `json:"tags,omitzero"`
	}
	extra := map[string]any{"displayName": "x", "name": "loses", "teamsApp@odata.bind": "https://a/b", "n": 1.5}
	b, err := MarshalBody(plain{Name: "wins"}, extra)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"wins","displayName":"x","n":1.5,"teamsApp@odata.bind":"https://a/b"}`
	if string(b) != want {
		t.Errorf("MarshalBody = %s, want %s", b, want)
	}
	if b, err := MarshalBody(plain{Name: "a"}, nil); err != nil || string(b) != `{"name":"a"}` {
		t.Errorf("MarshalBody without extra = %s, %v", b, err)
	}
	if _, err := MarshalBody(plain{}, map[string]any{"bad": func() {}}); err == nil || !strings.Contains(err.Error(), `AdditionalData["bad"]`) {
		t.Errorf("an unencodable member: err = %v", err)
	}
	known := func(k []byte) bool { s := string(k); return s == "name" || s == "count" || s == "tags" }
	var p plain
	got, err := DecodeBody([]byte(want), known, &p)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "wins" || len(got) != 3 || string(got["displayName"].(json.RawMessage)) != `"x"` {
		t.Errorf("DecodeBody = %+v, %v", p, got)
	}
	again, err := MarshalBody(p, got)
	if err != nil || string(again) != want {
		t.Errorf("decode then encode = %s, %v; want %s", again, err, want)
	}
	if got, err := DecodeBody([]byte(`{"name":"a"}`), known, &p); err != nil || got != nil {
		t.Errorf("DecodeBody of documented members only = %v, %v; want nil", got, err)
	}
}

// TestReferenceJSON: a reference is sent as {"@odata.id": url}; an empty one as {}, the body
// that clears a one-valued reference where the service allows it.
func TestReferenceJSON(t *testing.T) {
	for _, tt := range []struct {
		r    Reference
		want string
	}{
		{Reference{ODataID: "https://graph.microsoft.com/v1.0/directoryObjects/1"}, `{"@odata.id":"https://graph.microsoft.com/v1.0/directoryObjects/1"}`},
		{Reference{}, `{}`},
	} {
		b, err := json.Marshal(tt.r)
		if err != nil || string(b) != tt.want {
			t.Errorf("%+v: %s, %v; want %s", tt.r, b, err, tt.want)
		}
	}
}
