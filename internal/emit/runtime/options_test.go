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
}
