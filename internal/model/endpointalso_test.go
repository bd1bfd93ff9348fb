package model

import (
	"slices"
	"testing"
)

// TestAlsoInPerPath: the pages that also document an endpoint are recorded on the path
// they share, not on the owner's other paths.
func TestAlsoInPerPath(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("events", "event", true)}),
		resourcePage("group", "microsoft.graph.entity", []Property{nav("events", "event", true)}),
		resourcePage("event", "microsoft.graph.entity", nil, MethodLink{Title: "Get event", Page: "api/event-get.md", Return: gref("event", false)}),
		page("api/user-get.md", "GET", gref("user", false), none, path("me")),
		page("api/group-get.md", "GET", gref("group", false), none, path("groups", "{id}")),
		page("api/event-get.md", "GET", gref("event", false), none, path("me", "events", "{id}"), path("groups", "{id}", "events", "{eventId}")),
		page("api/singlevalue-get.md", "GET", gref("event", false), none, path("me", "events", "{id}")),
	}
	api, ds := Build("v1.0", pages)
	for _, op := range api.Operations {
		if op.Page != "api/event-get.md" {
			continue
		}
		for _, p := range op.Paths {
			want := []string(nil)
			if p.Segments[0].Parts[0].Literal == "me" {
				want = []string{"api/singlevalue-get.md"}
			}
			if p.Target == nil || !slices.Equal(p.Target.AlsoIn, want) {
				t.Errorf("%s: also in %v, want %v\n%s", p, p.Target.AlsoIn, want, ds)
			}
		}
	}
}
