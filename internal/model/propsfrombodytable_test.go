package model

import (
	"slices"
	"testing"
)

// TestPropertiesFromBodyTables: an update page's body table row that its resource's page
// lacks becomes a property of the resource, typed as the row says; a table that is not
// the resource's properties (most rows unknown) adds nothing, nor does a derived type's row.
func TestPropertiesFromBodyTables(t *testing.T) {
	str := TypeRef{Kind: KindPrimitive, Primitive: String}
	row := func(name string, typ TypeRef) Param {
		return Param{Name: name, In: InBody, Type: typ, Pos: Pos{File: "api/x.md", Line: 40, Col: 2}}
	}
	prop := func(name string) Property { return Property{Name: name, Type: str} }
	update := page("api/widget-update.md", "PATCH", gref("widget", false), TypeRef{}, path("widgets", "{widgetId}"))
	update.Params = []Param{row("name", str), row("color", str), row("size", str), row("shade", str), row("flag", gref("flag", false))}
	act := page("api/widget-paint.md", "PATCH", gref("widget", false), TypeRef{}, path("widgets", "{widgetId}", "paint"))
	act.Params = []Param{row("name", str), row("brush", str), row("bucket", str)}
	pages := []*Page{
		resourcePage("widget", "", []Property{prop("name"), prop("color"), prop("shade")}),
		resourcePage("bigWidget", "microsoft.graph.widget", []Property{prop("size")}),
		resourcePage("flag", "", []Property{prop("status")}),
		update, act,
	}
	api, ds := Build("v1.0", pages)
	var got []string
	for _, ty := range api.Types {
		if ty.Name == "widget" {
			for _, p := range ty.Properties {
				got = append(got, p.Name+" "+p.Type.String())
			}
		}
	}
	if want := []string{"name Edm.String", "color Edm.String", "shade Edm.String", "flag microsoft.graph.flag"}; !slices.Equal(got, want) {
		t.Errorf("widget: %v, want %v", got, want)
	}
	if !hasCode(ds, "property-from-body-table") {
		t.Errorf("no property-from-body-table warning in\n%s", ds)
	}
}
