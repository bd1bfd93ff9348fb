package model

import (
	"strings"
	"testing"
)

// selectionPages are the pages the selection tests select from.
func selectionPages() []*Page {
	vpp := apiPage("api-reference/beta/api/intune-onboarding-vpptoken-get.md", "GET", path("deviceAppManagement", "vppTokens", "{vppTokenId}"))
	revoke := apiPage("api-reference/beta/api/intune-onboarding-vpptoken-revokelicenses.md", "POST", path("deviceAppManagement", "vppTokens", "{vppTokenId}", "revokeLicenses"))
	other := apiPage("api-reference/beta/api/vppTokensX-get.md", "GET", path("deviceAppManagement", "vppTokensX"))
	user := apiPage("api-reference/beta/api/user-get.md", "GET", path("me"), path("users", "{userId}"))
	user.Response.Type = named("user", "")
	return []*Page{vpp, revoke, other, user}
}

func TestSelection(t *testing.T) {
	pages := selectionPages
	for _, tt := range []struct {
		sel  Selection
		want string
	}{
		{Selection{}, "/deviceAppManagement/vppTokens/{vppTokenId} /deviceAppManagement/vppTokens/{vppTokenId}/revokeLicenses /deviceAppManagement/vppTokensX /me+/users/{userId}"},
		{Selection{Include: []string{"/deviceAppManagement/VPPTokens"}}, "/deviceAppManagement/vppTokens/{vppTokenId} /deviceAppManagement/vppTokens/{vppTokenId}/revokeLicenses"},
		{Selection{Include: []string{"intune-onboarding-vpptoken-*.md"}, Exclude: []string{"*revokelicenses*"}}, "/deviceAppManagement/vppTokens/{vppTokenId}"},
		{Selection{Include: []string{"/users"}}, "/users/{userId}"},
		{Selection{Exclude: []string{"api-reference/beta/api/*"}}, ""},
	} {
		api, _ := BuildSelected("beta", pages(), tt.sel)
		var got []string
		for _, op := range api.Operations {
			var ps []string
			for _, p := range op.Paths {
				ps = append(ps, p.String())
			}
			got = append(got, strings.Join(ps, "+"))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%+v:\n got %s\nwant %s", tt.sel, strings.Join(got, " "), tt.want)
		}
		hasUser := false
		for _, ty := range api.Types {
			hasUser = hasUser || ty.Name == "user"
		}
		if wantUser := strings.Contains(tt.want, "/users") || strings.Contains(tt.want, "/me"); hasUser != wantUser {
			t.Errorf("%+v: the user type is emitted: %v, want %v (only types the kept operations reach)", tt.sel, hasUser, wantUser)
		}
	}
}

func TestUnmatchedIncludes(t *testing.T) {
	api, _ := BuildSelected("beta", selectionPages(), Selection{
		Include: []string{"/deviceAppManagement/vppTokens", "/deviceAppManagement/vppTokenz", "nothing-*.md", "intune-onboarding-vpptoken-*.md"},
		Exclude: []string{"/never"},
	})
	if got, want := strings.Join(api.UnmatchedIncludes, " "), "/deviceAppManagement/vppTokenz nothing-*.md"; got != want {
		t.Errorf("UnmatchedIncludes = %q, want %q", got, want)
	}
}
