package model

import (
	"testing"
)

// TestSettleResponsesFromKeys: an untyped response takes the one type whose properties are
// exactly what the Response section's table lists, else what every example answers with;
// two types with the same properties, a key no type has, or examples that disagree leave
// it untyped.
func TestSettleResponsesFromKeys(t *testing.T) {
	str := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	}
	unknown := TypeRef{Kind: KindUnknown, Raw: "The response will be a JSON object"}
	resp := func(body string) Example { return Example{Kind: ExampleResponse, Status: 200, Body: body} }
	tests := []struct {
		name     string
		props    []string
		examples []Example
		twin     bool // a second type with the same properties
		want     string
	}{
		{"the table", []string{"getUrl", "postUrl", "postParameters"}, nil, false, "microsoft.graph.itemPreviewInfo"},
		{"the examples", nil, []Example{resp(`{"getUrl":"a","postUrl":"b","postParameters":"c"}`), resp(`{"postUrl":"b","getUrl":"a","postParameters":"c","@odata.context":"x"}`)}, false, "microsoft.graph.itemPreviewInfo"},
		{"examples that disagree", nil, []Example{resp(`{"getUrl":"a","postUrl":"b","postParameters":"c"}`), resp(`{"getUrl":"a","postUrl":"b"}`)}, false, ""},
		{"a key no type has", []string{"getUrl", "postUrl", "postParameters", "expiry"}, nil, false, ""},
		{"a subset", []string{"getUrl", "postUrl"}, nil, false, ""},
		{"two types fit", []string{"getUrl", "postUrl", "postParameters"}, nil, true, ""},
	}
	for _, tc := range tests {
		preview := page("api/driveitem-preview.md", "POST", unknown, TypeRef{}, path("me", "drive", "items", "{itemId}", "preview"))
		preview.Response.Properties = tc.props
		preview.Examples = tc.examples
		pages := []*Page{
			resourcePage("itemPreviewInfo", "", []Property{str("getUrl"), str("postUrl"), str("postParameters")}),
			resourcePage("driveItem", "", []Property{str("name")}),
			preview,
		}
		if tc.twin {
			pages = append(pages, resourcePage("embedInfo", "", []Property{str("getUrl"), str("postUrl"), str("postParameters")}))
		}
		api, ds := Build("v1.0", pages)
		got := ""
		for _, op := range api.Operations {
			if op.Response.Type.Kind == KindNamed {
				got = op.Response.Type.String()
			}
		}
		if got != tc.want {
			t.Errorf("%s: response %q, want %q\n%s", tc.name, got, tc.want, ds)
		}
	}
}
