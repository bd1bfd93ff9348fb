package model

import (
	"slices"
	"testing"
)

// TestExampleThroughAnotherPath: an example that calls a page's line through another path
// to the same entity (/me/drive/root for /me/drive/items/{id}) adds that path, with the
// line's placeholders; one whose prefix addresses another type, or whose rest calls
// another function, does not.
func TestExampleThroughAnotherPath(t *testing.T) {
	none := TypeRef{}
	exPath := func(p Path) *Path { return &p }
	closeLine := path("me", "drive", "items", "{itemId}", "workbook", "closeSession")
	build := func(ex Path) []string {
		act := page("api/workbook-closesession.md", "POST", none, none, closeLine)
		act.Examples = []Example{{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0" + ex.String(), Path: exPath(ex), Pos: Pos{File: "api/workbook-closesession.md", Line: 40, Col: 1}}}
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("user", "microsoft.graph.entity", []Property{nav("drive", "drive", false)}),
			resourcePage("drive", "microsoft.graph.entity", []Property{nav("root", "driveItem", false), nav("items", "driveItem", true), nav("owner", "user", false)}),
			resourcePage("driveItem", "microsoft.graph.entity", []Property{nav("workbook", "workbook", false)}),
			resourcePage("workbook", "microsoft.graph.entity", nil),
			page("api/user-get.md", "GET", gref("user", false), none, path("me"), path("users", "{id}")),
			page("api/drive-get.md", "GET", gref("drive", false), none, path("me", "drive")),
			act,
		}
		api, _ := Build("v1.0", pages)
		got := pagePaths(api, "api/workbook-closesession.md")
		return got
	}
	if got := build(path("me", "drive", "root", "workbook", "closeSession")); !slices.Contains(got, "/me/drive/root/workbook/closeSession") {
		t.Errorf("through root: %v, want /me/drive/root/workbook/closeSession adopted", got)
	}
	if got := build(path("me", "drive", "owner", "workbook", "closeSession")); len(got) != 1 {
		t.Errorf("through a user: %v, want the line alone", got)
	}
	if got := build(path("me", "drive", "root", "workbook", "refreshSession")); len(got) != 1 {
		t.Errorf("another action: %v, want the line alone", got)
	}
}

// TestRepeatsPlaceholder: a path that would name two keys alike is found.
func TestRepeatsPlaceholder(t *testing.T) {
	if repeatsPlaceholder(path("drives", "{itemId}", "items", "{worksheetId}")) {
		t.Error("two names read as repeated")
	}
	if !repeatsPlaceholder(path("drives", "{itemId}", "items", "{ItemID}")) {
		t.Error("one name twice not found")
	}
}

// TestNameWordsByPath: root:/{item-path}: names apart from root, so an example through
// /me/drive/root/workbook is not refused for the name of a root:/{item-path}: line.
func TestNameWordsByPath(t *testing.T) {
	byPath := path("me", "drive", "root:", "workbook")
	byPath.Segments = slices.Insert(byPath.Segments, 3, Segment{Parts: []Part{{Param: "itemPath", PathValued: true}, {Literal: ":"}}})
	plain := path("me", "drive", "root", "workbook")
	if a, b := nameWords(byPath), nameWords(plain); slices.Equal(a, b) {
		t.Errorf("nameWords alike: %v and %v", a, b)
	}
	if got := nameWords(byPath); !slices.Equal(got, []string{"me", "drive", "root", "bypath", "workbook"}) {
		t.Errorf("nameWords %v", got)
	}
}

// TestCallThroughUnknownRoot: a line whose root no page documents (/groups, with no group
// page) calls the action another line of its page calls when both end alike from a named
// segment on; a line that shares only the action's name does not.
func TestCallThroughUnknownRoot(t *testing.T) {
	none := TypeRef{}
	link := page("api/driveitem-createlink.md", "POST", gref("permission", false), none,
		path("drives", "{driveId}", "items", "{itemId}", "createLink"),
		path("groups", "{groupId}", "drive", "items", "{itemId}", "createLink"),
		path("widgets", "{widgetId}", "createLink"))
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("drive", "microsoft.graph.entity", []Property{nav("items", "driveItem", true)}),
		resourcePage("driveItem", "microsoft.graph.entity", nil, MethodLink{Title: "Create link", Page: link.File, Return: gref("permission", false)}),
		resourcePage("permission", "microsoft.graph.entity", nil),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drives", "{driveId}")),
		link,
	}
	api, ds := Build("v1.0", pages)
	kinds := map[string]TargetKind{}
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			if p.Target != nil {
				kinds[p.String()] = p.Target.Kind
			}
		}
	}
	for p, want := range map[string]TargetKind{
		"/drives/{driveId}/items/{itemId}/createLink":       TargetOperation,
		"/groups/{groupId}/drive/items/{itemId}/createLink": TargetOperation,
		"/widgets/{widgetId}/createLink":                    TargetUnknown,
	} {
		if got, ok := kinds[p]; !ok || got != want {
			t.Errorf("%s: kind %v (%v), want %v\n%s", p, got, ok, want, ds)
		}
	}
}
