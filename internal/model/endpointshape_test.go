package model

import (
	"strings"
	"testing"
)

// TestExampleOnlyResult: a result that only an example's annotation gives, where the one
// Methods row that links the page says None, is returned when a body comes (Optional);
// a row that names a type, or no row, leaves the example's word alone.
func TestExampleOnlyResult(t *testing.T) {
	for _, tc := range []struct {
		name     string
		ret      *TypeRef // the row's Return Type; nil: no row
		optional bool
	}{
		{"row says None", &TypeRef{Kind: KindNone}, true},
		{"row names the type", &TypeRef{Kind: KindNamed, Name: "settings", Namespace: "microsoft.graph"}, false},
		{"no row", nil, false},
	} {
		var rows []MethodLink
		if tc.ret != nil {
			rows = append(rows, MethodLink{Title: "resetToDefault", Page: "api/settings-resettodefault.md", Return: *tc.ret})
		}
		pg := apiPage("api/settings-resettodefault.md", "POST", path("cases", "{caseId}", "settings", "resetToDefault"))
		pg.Response = Response{Status: 200, Type: TypeRef{Kind: KindUnknown}}
		pg.Examples = []Example{{Kind: ExampleResponse, Annotation: &Annotation{BlockType: "response", ODataType: "microsoft.graph.settings"}, Body: `{"id": "1"}`}}
		api, ds := Build("beta", []*Page{
			resourcePage("case", "microsoft.graph.entity", []Property{nav("settings", "settings", false)}, rows...),
			resourcePage("settings", "microsoft.graph.entity", nil),
			resourcePage("entity", "", nil), pg,
		})
		var op *Operation
		for _, o := range api.Operations {
			if o.Page == pg.File {
				op = o
			}
		}
		if op == nil {
			t.Fatalf("%s: no operation", tc.name)
		}
		if op.Response.Optional != tc.optional || op.Response.Type.Name != "settings" {
			t.Errorf("%s: response %s optional %v, want settings optional %v\n%s", tc.name, op.Response.Type, op.Response.Optional, tc.optional, ds)
		}
		if got := strings.Contains(ds.String(), "response-body-contradiction"); got != tc.optional {
			t.Errorf("%s: response-body-contradiction reported %v", tc.name, got)
		}
	}
}

// TestPostComplexCollection: a POST to a collection of complex values answers the whole
// collection when its page says so; a POST to a collection of entities creates one.
func TestPostComplexCollection(t *testing.T) {
	comments := gref("alertComment", true)
	pg := page("api/alert-post-comments.md", "POST", comments, gref("alertComment", false), path("alerts", "{alertId}", "comments"))
	list := page("api/alert-list.md", "GET", gref("alert", true), TypeRef{}, path("alerts"))
	created := page("api/alert-post-notes.md", "POST", gref("note", true), gref("note", false), path("alerts", "{alertId}", "notes"))
	api, ds := Build("v1.0", []*Page{
		resourcePage("entity", "", []Property{{Name: "id", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("alert", "microsoft.graph.entity", []Property{{Name: "comments", Type: comments}, nav("notes", "note", true)}),
		resourcePage("alertComment", "", []Property{{Name: "comment", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("note", "microsoft.graph.entity", nil),
		pg, list, created,
	})
	got := map[string]string{}
	for _, op := range api.Operations {
		got[op.Page] = op.ResultOf(op.Paths[0]).String()
	}
	if g := got["api/alert-post-comments.md"]; g != "Collection(microsoft.graph.alertComment)" {
		t.Errorf("comments: %s, want the collection\n%s", g, ds)
	}
	if g := got["api/alert-post-notes.md"]; g != "microsoft.graph.note" {
		t.Errorf("notes: %s, want the one created", g)
	}
}
