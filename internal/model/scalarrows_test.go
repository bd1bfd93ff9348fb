package model

import "testing"

// TestScalarRows: a row that the table gives as a String collection and the JSON
// representation as one value is one value when the example responses that send the type
// give one value and never an array; an example array, or no example, keeps the table.
func TestScalarRows(t *testing.T) {
	none := TypeRef{}
	for _, tc := range []struct {
		name     string
		bodies   []string
		wantColl bool
		wantDiag bool
	}{
		{"examples send one value", []string{`{"availability": "Available"}`, `{"value": [{"availability": "Busy"}]}`}, false, true},
		{"an example sends an array", []string{`{"availability": "Available"}`, `{"availability": ["Busy"]}`}, true, false},
		{"no example", nil, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			coll := Property{Name: "availability", Type: TypeRef{Kind: KindPrimitive, Primitive: String, Collection: true}, JSONScalar: true}
			get := page("api/presence-get.md", "GET", gref("presence", false), none, path("me", "presence"))
			for i, b := range tc.bodies {
				get.Examples = append(get.Examples, Example{Kind: ExampleResponse, Status: 200, Body: b,
					Annotation: &Annotation{BlockType: "response", ODataType: "microsoft.graph.presence"}, Pos: Pos{File: get.File, Line: 40 + i, Col: 1}})
			}
			pages := []*Page{resourcePage("presence", "", []Property{strProp("id"), coll}), get}
			api, ds := Build("v1.0", pages)
			var got *Property
			for _, ty := range api.Types {
				for i := range ty.Properties {
					if ty.Name == "presence" && ty.Properties[i].Name == "availability" {
						got = &ty.Properties[i]
					}
				}
			}
			if got == nil {
				t.Fatal("no presence.availability")
			}
			if got.Type.Collection != tc.wantColl {
				t.Errorf("collection %v, want %v", got.Type.Collection, tc.wantColl)
			}
			if hasCode(ds, "property-shape-disagrees") != tc.wantDiag {
				t.Errorf("property-shape-disagrees %v, want %v:\n%s", !tc.wantDiag, tc.wantDiag, ds)
			}
		})
	}
}
