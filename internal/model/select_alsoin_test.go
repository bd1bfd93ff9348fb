package model

import (
	pathpkg "path"
	"testing"
)

// TestIncludeMergedPage: an --include of a page whose endpoint another page owns selects
// that endpoint from its owner instead of matching nothing; an --exclude of it does not
// remove the owner's operation.
func TestIncludeMergedPage(t *testing.T) {
	pages := func() []*Page {
		return []*Page{
			apiPage("api/user-get.md", "GET", path("users", "{id}")),
			apiPage("api/intune-devices-user-get.md", "GET", path("users", "{usersId}")),
			apiPage("api/group-get.md", "GET", path("groups", "{id}")),
		}
	}
	all, _ := Build("v1.0", pages())
	var owner, merged string
	for _, op := range all.Operations {
		if len(op.AlsoIn) > 0 {
			owner, merged = op.Page, op.AlsoIn[0]
		}
	}
	if owner == "" {
		t.Fatal("no operation documented by two pages: the test's pages do not exercise AlsoIn")
	}
	api, _ := BuildSelected("v1.0", pages(), Selection{Include: []string{pathpkg.Base(merged)}})
	if len(api.UnmatchedIncludes) != 0 {
		t.Errorf("--include %s: unmatched, want the endpoint selected from %s", pathpkg.Base(merged), owner)
	}
	if len(api.Operations) != 1 || api.Operations[0].Page != owner || api.Operations[0].Paths[0].String() != "/users/{id}" &&
		api.Operations[0].Paths[0].String() != "/users/{usersId}" {
		t.Errorf("--include %s: %d operations, want GET /users/{id} from %s", pathpkg.Base(merged), len(api.Operations), owner)
	}
	api, _ = BuildSelected("v1.0", pages(), Selection{Exclude: []string{pathpkg.Base(merged)}})
	if len(api.Operations) != 2 {
		t.Errorf("--exclude %s: %d operations, want 2: excluding a page does not remove the endpoint another page owns", merged, len(api.Operations))
	}
}

func TestSelectsPage(t *testing.T) {
	for _, tt := range []struct {
		sel  Selection
		page string
		want bool
	}{
		{Selection{}, "api/user-get.md", true},
		{Selection{Include: []string{"user-*.md"}}, "api/user-get.md", true},
		{Selection{Include: []string{"user-*.md"}, Exclude: []string{"*-get.md"}}, "api/user-get.md", false},
		{Selection{Include: []string{"/users"}}, "api/user-get.md", false},
		{Selection{Exclude: []string{"/users"}}, "api/user-get.md", true},
		{Selection{Include: []string{"api/*"}}, "api/user-get.md", true},
		{Selection{Include: []string{"group-*.md"}}, "api/user-get.md", false},
	} {
		if got := tt.sel.SelectsPage(tt.page); got != tt.want {
			t.Errorf("%+v.SelectsPage(%s) = %v, want %v", tt.sel, tt.page, got, tt.want)
		}
	}
}
