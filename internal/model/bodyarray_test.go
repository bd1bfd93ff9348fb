package model

import (
	"strings"
	"testing"
)

// TestSettleArrayBodies: an action on a collection whose table lists one element's
// fields, where every example sends {"value": [...]} of such objects, takes value, a
// collection of what the collection's GET lists; a row the element type does not document,
// an example that sends the fields at the top level, or no GET of the collection leave
// the table's body.
func TestSettleArrayBodies(t *testing.T) {
	send := `{"value": [{"id": "contoso.sharepoint.com,1,2"}, {"id": "contoso.sharepoint.com,1,3"}]}`
	tests := []struct {
		name string
		row  string
		body string
		list bool
		want string
	}{
		{"array of sites", "id", send, true, "value Collection(microsoft.graph.site)"},
		{"row the site does not document", "siteUrl", `{"value": [{"siteUrl": "x"}]}`, true, "siteUrl Edm.String"},
		{"fields at the top level", "id", `{"id": "x"}`, true, "id Edm.String"},
		{"no GET of the collection", "id", send, false, "id Edm.String"},
	}
	for _, tc := range tests {
		follow := page("api/site-follow.md", "POST", gref("site", true), TypeRef{}, path("users", "{id}", "followedSites", "add"))
		follow.Params = []Param{{Name: tc.row, In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}
		follow.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Body: tc.body}}
		pages := []*Page{
			resourcePage("entity", "", []Property{{Name: "id", Type: str()}}),
			resourcePage("user", "microsoft.graph.entity", []Property{nav("followedSites", "site", true)}),
			resourcePage("site", "microsoft.graph.entity", nil),
			follow,
		}
		if tc.list {
			pages = append(pages, page("api/sites-list-followed.md", "GET", gref("site", true), TypeRef{}, path("users", "{id}", "followedSites")))
		}
		api, _ := Build("v1.0", pages)
		var got []string
		for _, op := range api.Operations {
			if op.Page == "api/site-follow.md" {
				for _, p := range op.ParamsIn(InBody) {
					got = append(got, p.Name+" "+p.Type.String())
				}
			}
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s: body %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestSettleWrappedBodies: an action whose table lists an object's properties, where
// every example wraps them in that object, takes one member of that type; a row the type
// does not document, an example that sends the rows at the top level, or a key that names
// no type leave the table's body.
func TestSettleWrappedBodies(t *testing.T) {
	wrapped := `{"passwordCredential": {"displayName": "for CI"}}`
	tests := []struct {
		name string
		rows []string
		body string
		want string
	}{
		{"wrapped in the type", []string{"displayName", "endDateTime"}, wrapped, "passwordCredential microsoft.graph.passwordCredential"},
		{"row the type does not document", []string{"displayName", "hint"}, wrapped, "displayName Edm.String; hint Edm.String"},
		{"rows at the top level", []string{"displayName"}, `{"displayName": "for CI"}`, "displayName Edm.String"},
		{"key that names no type", []string{"displayName"}, `{"secret": {"displayName": "for CI"}}`, "displayName Edm.String"},
	}
	for _, tc := range tests {
		add := page("api/application-addpassword.md", "POST", gref("passwordCredential", false), TypeRef{}, path("applications", "{id}", "addPassword"))
		for _, r := range tc.rows {
			add.Params = append(add.Params, Param{Name: r, In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: String}})
		}
		add.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Body: tc.body}}
		pages := []*Page{
			resourcePage("passwordCredential", "", []Property{{Name: "displayName", Type: str()}, {Name: "endDateTime", Type: str()}}),
			add,
		}
		api, _ := Build("v1.0", pages)
		var got []string
		for _, op := range api.Operations {
			for _, p := range op.ParamsIn(InBody) {
				got = append(got, p.Name+" "+p.Type.String())
			}
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%s: body %q, want %q", tc.name, got, tc.want)
		}
	}
}
