package model

import (
	"slices"
	"strings"
	"testing"
)

// TestUnkeyCollectionCalls: a page no Methods table links that calls an action on a member
// (/tables/{id}/add) is read as the collection's call when a linked page documents it on
// the collection (/tables/add); a page that documents both forms itself keeps both.
func TestUnkeyCollectionCalls(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("workbook", "microsoft.graph.entity", []Property{nav("tables", "workbookTable", true)}),
		resourcePage("workbookTable", "microsoft.graph.entity", nil,
			MethodLink{Title: "Add", Page: "api/tablecollection-add.md", Return: gref("workbookTable", false), Pos: Pos{File: "resources/workbooktable.md", Line: 20, Col: 2}},
			MethodLink{Title: "Evaluate", Page: "api/table-evaluate.md", Return: gref("workbookTable", false)}),
		page("api/tablecollection-add.md", "POST", gref("workbookTable", false), none, path("workbook", "tables", "add")),
		page("api/workbook-post-tables.md", "POST", gref("workbookTable", false), none, path("workbook", "tables", "{table-id}", "add")),
		// Both forms on one page: an action on a member and on the collection.
		page("api/table-evaluate.md", "POST", gref("workbookTable", false), none,
			path("workbook", "tables", "{table-id}", "evaluate"), path("workbook", "tables", "evaluate")),
	}
	api, ds := Build("v1.0", pages)
	if got := pagePaths(api, "api/workbook-post-tables.md"); len(got) != 0 {
		t.Errorf("workbook-post-tables.md keeps %v, want its line read as /workbook/tables/add", got)
	}
	if got := opsByEndpoint(api)["POST /workbook/tables/add"]; !strings.HasPrefix(got, "api/tablecollection-add.md ") {
		t.Errorf("POST /workbook/tables/add: %q, want tablecollection-add.md's", got)
	}
	if got, want := pagePaths(api, "api/table-evaluate.md"), []string{"/workbook/tables/{table-id}/evaluate", "/workbook/tables/evaluate"}; !slices.Equal(got, want) {
		t.Errorf("table-evaluate.md: %v, want %v", got, want)
	}
	i := slices.IndexFunc(ds, func(d Diagnostic) bool { return d.Code == "request-path-stray-key" })
	if i < 0 || ds[i].Pos.File != "api/workbook-post-tables.md" || ds[i].Pos.Line != 10 || !strings.Contains(ds[i].Message, "resources/workbooktable.md:20:2") {
		t.Errorf("no request-path-stray-key at the keyed line citing the Methods row:\n%s", ds)
	}
}
