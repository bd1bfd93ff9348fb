package model

import (
	"slices"
	"testing"
)

// TestExpandedTypesEmitted: a navigation that a path's own $expand template asks for is
// typed, its type brought in; one that nothing expands stays raw JSON.
func TestExpandedTypesEmitted(t *testing.T) {
	none := TypeRef{}
	get := path("me", "messages", "{id}")
	get.Query = []QueryParam{{Name: "$expand", Value: "mentions($select=id),attachments"}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("message", "microsoft.graph.entity", []Property{nav("mentions", "mention", true), nav("attachments", "attachment", true), nav("extensions", "extension", true)}),
		resourcePage("mention", "microsoft.graph.entity", nil),
		resourcePage("attachment", "microsoft.graph.entity", nil),
		resourcePage("extension", "microsoft.graph.entity", nil),
		page("api/message-get.md", "GET", gref("message", false), none, get),
	}
	api, ds := Build("beta", pages)
	var names []string
	for _, ty := range api.Types {
		names = append(names, ty.Name)
	}
	for _, want := range []string{"mention", "attachment"} {
		if !slices.Contains(names, want) {
			t.Errorf("types %v lack %s\n%s", names, want, ds)
		}
	}
	if slices.Contains(names, "extension") {
		t.Errorf("types %v: extension, which nothing expands, is emitted", names)
	}
	for _, ty := range api.Types {
		for _, p := range ty.Properties {
			if ty.Name == "message" && p.Name == "mentions" && p.Type.Kind != KindNamed {
				t.Errorf("message.mentions is %s, want Collection(microsoft.graph.mention)", p.Type)
			}
		}
	}
}

func TestTopLevelItems(t *testing.T) {
	got := topLevelItems("a($filter=x eq 'y,z'),b")
	if !slices.Equal(got, []string{"a($filter=x eq 'y,z')", "b"}) {
		t.Errorf("%q", got)
	}
}
