package model

import (
	"slices"
	"testing"
)

// TestWireNamesFromExamples: a property the examples spell otherwise in case takes their
// spelling when the other tables write it so more often (tenantId); not when the tables
// write the table's spelling (geoCoordinates), when the examples disagree, or when the
// examples' spelling starts upper-case.
func TestWireNamesFromExamples(t *testing.T) {
	str := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}, Pos: Pos{File: "resources/x.md", Line: 9, Col: 2}}
	}
	tags := path("tags")
	list := page("api/tag-list.md", "GET", gref("tag", true), TypeRef{}, tags)
	list.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/tags", Path: &tags, Pos: Pos{File: "api/tag-list.md", Line: 20, Col: 1}},
		{Kind: ExampleResponse, Status: 200, Pos: Pos{File: "api/tag-list.md", Line: 30, Col: 1}, Body: `{"value": [
			{"tenantId": "x", "geocoordinates": "g", "Label": "l", "mixedcase": "a"},
			{"tenantId": "y", "mixedCase": "b"}]}`},
	}
	pages := []*Page{
		resourcePage("tag", "", []Property{str("tenantID"), str("geoCoordinates"), str("label"), str("mixedCase")}),
		resourcePage("place", "", []Property{str("tenantId"), str("geoCoordinates"), str("mixedcase")}),
		resourcePage("room", "", []Property{str("tenantId"), str("geoCoordinates")}),
		list,
	}
	api, ds := Build("v1.0", pages)
	var got []string
	for _, ty := range api.Types {
		if ty.Name == "tag" {
			for _, p := range ty.Properties {
				got = append(got, p.Name)
			}
		}
	}
	if want := []string{"tenantId", "geoCoordinates", "label", "mixedCase"}; !slices.Equal(got, want) {
		t.Errorf("tag's properties: %v, want %v", got, want)
	}
	var diags []string
	for _, d := range ds {
		if d.Code == "property-name-case" {
			diags = append(diags, d.String())
		}
	}
	if want := []string{"resources/x.md:9:2: warning: property-name-case: property tenantID is written tenantId by every example that sends it (the first at api/tag-list.md:30:1): the wire name is tenantId"}; !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%q\nwant\n%q", diags, want)
	}
}
