package graph

import (
	"net/url"
	"testing"
)

func TestEncodeQuery(t *testing.T) {
	t.Parallel()
	q := url.Values{
		"$filter": {"startswith(displayName,'a b') and x eq 1+2"},
		"$select": {"id,displayName"},
		"$search": {quoteSearch("displayName:finance")},
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
	if quoteSearch(`"x"`) != `"x"` || quoteSearch(`a"b`) != `"a\"b"` {
		t.Error("quoteSearch")
	}
	var r request
	r.setQuery("a", "1")
	r.setHeader("ConsistencyLevel", "eventual")
	if r.query.Get("a") != "1" || r.header.Get("ConsistencyLevel") != "eventual" {
		t.Errorf("set: %+v", r)
	}
}
