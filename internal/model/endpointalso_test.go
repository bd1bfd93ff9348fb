package model

import (
	"slices"
	"strings"
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

// TestImplicitLinesLose: a page whose lines come from outside an HTTP request section
// does not own an endpoint another page's request line documents with the same evidence.
func TestImplicitLinesLose(t *testing.T) {
	none := TypeRef{}
	implicit := page("api/site-get.md", "GET", gref("site", false), none, path("sites", "{hostname}:", "{path}"))
	implicit.RequestsImplicit = true
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("site", "microsoft.graph.entity", nil,
			MethodLink{Title: "Get site", Page: "api/site-get.md", Return: gref("site", false)},
			MethodLink{Title: "Get by path", Page: "api/site-getbypath.md", Return: gref("site", false)}),
		implicit,
		page("api/site-getbypath.md", "GET", gref("site", false), none, path("sites", "{hostname}:", "{path}")),
	}
	api, ds := Build("v1.0", pages)
	for k, v := range opsByEndpoint(api) {
		if strings.HasPrefix(k, "GET /sites/") && !strings.HasPrefix(v, "api/site-getbypath.md ") {
			t.Errorf("%s: %s, want site-getbypath.md's\n%s", k, v, ds)
		}
	}
}

// TestLoserOptionsJoinOwner: the options another page documents for the same GET join the
// owner's: contactfolder-list-contacts.md says GET /me/contacts supports the OData query
// parameters, where contact-list.md, which owns it, names only $filter.
func TestLoserOptionsJoinOwner(t *testing.T) {
	none := TypeRef{}
	owner := page("api/contact-list.md", "GET", gref("contact", true), none, path("me", "contacts"))
	owner.QueryOptions = []string{"$filter"}
	other := page("api/contactfolder-list-contacts.md", "GET", gref("contact", true), none, path("me", "contacts"), path("me", "contactFolders", "{id}", "contacts"))
	other.ODataQueryGeneric = true
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("contacts", "contact", true), nav("contactFolders", "contactFolder", true)}),
		resourcePage("contactFolder", "microsoft.graph.entity", []Property{nav("contacts", "contact", true)}),
		resourcePage("contact", "microsoft.graph.entity", nil, MethodLink{Title: "List contacts", Page: "api/contact-list.md", Return: gref("contact", true)}),
		page("api/user-get.md", "GET", gref("user", false), none, path("me")),
		owner, other,
	}
	api, ds := Build("v1.0", pages)
	for _, op := range api.Operations {
		if op.Page == "api/contact-list.md" && !slices.Contains(op.QueryOptions, "$select") {
			t.Errorf("contact-list.md options %v, want contactfolder-list-contacts.md's too\n%s", op.QueryOptions, ds)
		}
	}
}
