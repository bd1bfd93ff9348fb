package model

import (
	"slices"
	"testing"
)

// TestSettleEnumShapes: an enum collection row every example sends as one string becomes
// one value; one an example sends as an array stays a collection, and so does a string
// collection (its representation decides, not an example).
func TestSettleEnumShapes(t *testing.T) {
	coll := func(name, typ string, kind TypeKind) Property {
		p := Property{Name: name, Type: TypeRef{Kind: kind, Name: typ, Namespace: "microsoft.graph", Collection: true}, Pos: Pos{File: "resources/app.md", Line: 7, Col: 2}}
		if kind == KindPrimitive {
			p.Type = TypeRef{Kind: KindPrimitive, Primitive: String, Collection: true}
		}
		return p
	}
	scope := resourcePage("scope", "", nil)
	scope.Types[0].Enum = true
	scope.Types[0].Members = []EnumMember{{Name: "team"}, {Name: "personal"}}
	apps := path("apps")
	list := page("api/app-list.md", "GET", gref("app", true), TypeRef{}, apps)
	list.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/apps", Path: &apps, Pos: Pos{File: "api/app-list.md", Line: 20, Col: 1}},
		{Kind: ExampleResponse, Status: 200, Pos: Pos{File: "api/app-list.md", Line: 30, Col: 1}, Body: `{"value": [
			{"scopes": "personal", "kinds": ["team"], "tags": "a"},
			{"scopes": "team,personal", "kinds": "team"}]}`},
	}
	pages := []*Page{
		resourcePage("app", "", []Property{coll("scopes", "scope", KindNamed), coll("kinds", "scope", KindNamed), coll("tags", "", KindPrimitive)}),
		scope, list,
	}
	api, ds := Build("v1.0", pages)
	var got []string
	for _, ty := range api.Types {
		if ty.Name == "app" {
			for _, p := range ty.Properties {
				got = append(got, p.Name+" "+p.Type.String())
			}
		}
	}
	if want := []string{"scopes microsoft.graph.scope", "kinds Collection(microsoft.graph.scope)", "tags Collection(Edm.String)"}; !slices.Equal(got, want) {
		t.Errorf("app's properties: %v, want %v", got, want)
	}
	n := 0
	for _, d := range ds {
		if d.Code == "property-shape-disagrees" {
			n++
			if d.Pos.File != "resources/app.md" {
				t.Errorf("diagnostic not at the row: %v", d)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d property-shape-disagrees diagnostics, want 1", n)
	}
}
