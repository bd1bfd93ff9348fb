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
