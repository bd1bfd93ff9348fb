package model

import (
	"slices"
	"strings"
	"testing"
)

// TestSettleSingularCollections: a segment that names no property of the type before it,
// and is one of its collection navigations with the "s" left off, is that collection when
// a key follows (sent with the property's name); without a key the line is dropped when
// its page has others, else it takes a key argument; a segment the type has, or one no
// navigation explains, stays as written.
func TestSettleSingularCollections(t *testing.T) {
	none := TypeRef{}
	// A root in the singular before a key, whose page's example calls the plural.
	photo := page("api/profilephoto-get.md", "GET", gref("event", false), none, path("team", "{teamId}", "photo"))
	photo.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/teams/172b/photo",
		Path: &Path{Segments: path("teams", "172b", "photo").Segments}}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("calendarGroups", "calendarGroup", true), nav("contactFolders", "contactFolder", true), nav("calendar", "calendar", false)}),
		resourcePage("calendarGroup", "microsoft.graph.entity", []Property{nav("calendars", "calendar", true)}),
		resourcePage("calendar", "microsoft.graph.entity", []Property{nav("events", "event", true)}),
		resourcePage("contactFolder", "microsoft.graph.entity", []Property{nav("contacts", "contact", true)}),
		resourcePage("event", "microsoft.graph.entity", nil),
		resourcePage("contact", "microsoft.graph.entity", nil),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{userId}")),
		page("api/event-delete.md", "DELETE", none, none,
			path("users", "{userId}", "calendargroup", "calendars", "{calendarId}", "events", "{eventId}"),
			path("users", "{userId}", "calendarGroups", "{calendarGroupId}", "calendars", "{calendarId}", "events", "{eventId}"),
			path("users", "{userId}", "calendar", "events", "{eventId}")),
		page("api/contact-list.md", "GET", gref("contact", true), none,
			path("users", "{userId}", "contactFolder", "{contactFolderId}", "contacts")),
		page("api/calendar-list.md", "GET", gref("calendar", true), none,
			path("users", "{userId}", "calendargroup", "calendars")),
		page("api/other-list.md", "GET", gref("contact", true), none,
			path("users", "{userId}", "mailFolder", "{mailFolderId}", "contacts")),
		photo,
	}
	api, ds := Build("v1.0", pages)
	got := map[string][]string{}
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			got[op.Page] = append(got[op.Page], p.String())
		}
	}
	want := map[string][]string{
		"api/event-delete.md": {
			"/users/{userId}/calendarGroups/{calendarGroupId}/calendars/{calendarId}/events/{eventId}",
			"/users/{userId}/calendar/events/{eventId}",
		},
		"api/contact-list.md":     {"/users/{userId}/contactFolders/{contactFolderId}/contacts"},
		"api/calendar-list.md":    {"/users/{userId}/calendarGroups/{calendarGroup-id}/calendars"},
		"api/other-list.md":       {"/users/{userId}/mailFolder/{mailFolderId}/contacts"},
		"api/profilephoto-get.md": {"/teams/{teamId}/photo"},
	}
	for pg, w := range want {
		if !slices.Equal(got[pg], w) {
			t.Errorf("%s:\n got %q\nwant %q", pg, got[pg], w)
		}
	}
	if n := strings.Count(ds.String(), "request-path-singular-collection"); n != 4 {
		t.Errorf("%d request-path-singular-collection warnings, want 4:\n%s", n, ds)
	}
	if !strings.Contains(ds.String(), "the line is left out") {
		t.Errorf("no warning says the keyless line is left out:\n%s", ds)
	}
}
