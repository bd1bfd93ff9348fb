package model

import "testing"

// TestLinkedTargets: a PATCH through a root no page documents, whose page a Methods row on
// the resource's own page links, addresses that resource and sends it; a row of another
// resource's page, a body table of other properties, or a second page of the path leave
// the path unknown.
func TestLinkedTargets(t *testing.T) {
	none := TypeRef{}
	at := path("roleManagement", "directory", "roleDefinitions", "{roleDefinitionId}")
	for _, tc := range []struct {
		name      string
		rows      []string
		rowOnPage string // the resource whose page has the Methods row
		second    bool   // another page documents the path
		want      string
	}{
		{"the resource's own row", []string{"displayName", "rolePermissions"}, "unifiedRoleDefinition", false, "microsoft.graph.unifiedRoleDefinition"},
		{"another resource's row", []string{"displayName", "rolePermissions"}, "rbacApplication", false, ""},
		{"rows of other properties", []string{"reading", "meter"}, "unifiedRoleDefinition", false, ""},
		{"a second page", []string{"displayName", "rolePermissions"}, "unifiedRoleDefinition", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			patch := page("api/unifiedroledefinition-update.md", "PATCH", none, none, at)
			patch.Response = Response{Status: 204}
			patch.Params = bodyRows(tc.rows...)
			row := MethodLink{Title: "Update", Page: "api/unifiedroledefinition-update.md", Return: gref("unifiedRoleDefinition", false)}
			var rdRows, rbacRows []MethodLink
			if tc.rowOnPage == "unifiedRoleDefinition" {
				rdRows = append(rdRows, row)
			} else {
				rbacRows = append(rbacRows, row)
			}
			pages := []*Page{
				resourcePage("entity", "", []Property{strProp("id")}),
				resourcePage("unifiedRoleDefinition", "microsoft.graph.entity", []Property{strProp("displayName"), strProp("rolePermissions")}, rdRows...),
				resourcePage("rbacApplication", "microsoft.graph.entity", []Property{nav("roleDefinitions", "unifiedRoleDefinition", true)}, rbacRows...),
				patch,
			}
			if tc.second {
				other := page("api/roledefinition-update.md", "PATCH", none, none, at)
				other.Response = Response{Status: 204}
				pages = append(pages, other)
			}
			api, _ := Build("beta", pages)
			got := ""
			for _, op := range api.Operations {
				// whichever page owns the PATCH: with a second page, neither may take the row's type
				if op.Method == "PATCH" && op.Paths[0].Target != nil && op.Paths[0].Target.Kind != TargetUnknown {
					got = op.Paths[0].Target.Type.QualifiedName()
				}
			}
			if got != tc.want {
				t.Errorf("PATCH addresses %q, want %q", got, tc.want)
			}
		})
	}
}
