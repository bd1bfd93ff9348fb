package model

import (
	"slices"
	"testing"
)

// TestExampleOptions: another page's example GET of an endpoint gives the endpoint's
// owner the query options it sends; the page's own examples, an example of an endpoint
// that no GET owns, and non-GET examples add nothing.
func TestExampleOptions(t *testing.T) {
	msgs := path("me", "messages")
	list := &Operation{Method: "GET", Page: "api/user-list-messages.md", Paths: []Path{msgs}, QueryOptions: []string{"$filter"}}
	exPath := path("me", "messages")
	other := &Operation{Method: "GET", Page: "api/opentypeextension-get.md", Paths: []Path{path("me", "messages", "{id}")},
		Examples: []Example{
			{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/messages?$expand=extensions&$filter=x", Path: &exPath},
			{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/events?$top=2", Path: ptr(path("me", "events"))},
			{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0/me/messages?$search=a", Path: ptr(path("me", "messages"))},
		}}
	own := &Operation{Method: "GET", Page: "api/message-get.md", Paths: []Path{path("me", "messages", "{id}")}, QueryOptions: []string{"$select"},
		Examples: []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/messages/1?$orderby=x", Path: ptr(path("me", "messages", "{id}"))}}}
	exampleOptions([]*Operation{list, own, other})
	if want := []string{"$filter", "$expand"}; !slices.Equal(list.QueryOptions, want) {
		t.Errorf("list options %v, want %v", list.QueryOptions, want)
	}
	// other's path has the same shape as own's; own's example is its own.
	if want := []string{"$select"}; !slices.Equal(own.QueryOptions, want) {
		t.Errorf("own options %v, want %v", own.QueryOptions, want)
	}
}

// TestInferBooleanResponse: a Response section that names no type, with every example
// answering {"value": true or false}, returns a Boolean; any other member, a non-Boolean
// value or no example leaves it unknown.
func TestInferBooleanResponse(t *testing.T) {
	resp := func(body string) Example {
		return Example{Kind: ExampleResponse, Status: 200, Body: body, Pos: Pos{File: "a.md", Line: 9, Col: 1}}
	}
	tests := []struct {
		name string
		exs  []Example
		want string
	}{
		{"true", []Example{resp(`{"value": true}`)}, "Edm.Boolean"},
		{"with context, false", []Example{resp(`{"@odata.context": "x", "value": false}`), resp("")}, "Edm.Boolean"},
		{"string value", []Example{resp(`{"value": "true"}`)}, "unknown"},
		{"another member", []Example{resp(`{"value": true, "id": "1"}`)}, "unknown"},
		{"one of two", []Example{resp(`{"value": true}`), resp(`{"id": "1"}`)}, "unknown"},
		{"no example", nil, "unknown"},
	}
	for _, tc := range tests {
		op := &Operation{Method: "POST", Response: Response{Status: 200, Type: TypeRef{Kind: KindUnknown}}, Examples: tc.exs}
		var ds Diagnostics
		inferResponse(op, &ds)
		got := op.Response.Type.String()
		if op.Response.Type.Kind == KindUnknown {
			got = "unknown"
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}
