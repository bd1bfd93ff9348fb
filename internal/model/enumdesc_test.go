package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestPossibleValues: the run of backticked names after "Possible values are", and no
// more; fewer than two is no list.
func TestPossibleValues(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want []string
	}{
		{"The type of member. Possible values are: `user` or `group` when the identitySource is `azureActiveDirectory` and just `group` when the identitySource is `external`. Required.", []string{"user", "group"}},
		{"The identity source. Possible values are: `azureActiveDirectory`, `external`. Required.", []string{"azureActiveDirectory", "external"}},
		{"The possible values are `a`, `b`, and `c`.", []string{"a", "b", "c"}},
		{"Possible values include `low`, `medium`, `high`, `unknownFutureValue`", []string{"low", "medium", "high", "unknownFutureValue"}},
		{"Possible values are: `only`.", nil},
		{"The state, such as `active` or `inactive`.", nil},
		{"Possible values are listed in [the enum](x.md).", nil},
		{"Possible values are `a b`, `c`.", nil},
		{"The type. Possible values are: user or group when the identitySource is azureActiveDirectory.", []string{"user", "group"}},
		{"Possible values are: azureActiveDirectory, external. Required.", []string{"azureActiveDirectory", "external"}},
		{"Possible values are the following.", nil},
		{"Possible values are `a`, b`.", nil},
	} {
		if got := possibleValues(tc.desc); !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.desc, got, tc.want)
		}
	}
}

// TestEnumFromDescription: a body row typed with a type no page documents, whose
// description lists its values, makes that type an enum of them; one that lists none
// leaves it a raw placeholder.
func TestEnumFromDescription(t *testing.T) {
	named := func(name string) TypeRef {
		return TypeRef{Kind: KindNamed, Name: name, Namespace: "microsoft.graph.externalConnectors"}
	}
	pg := page("api/externalgroup-post-members.md", "POST", TypeRef{}, TypeRef{}, path("external", "connections", "{id}", "groups", "{groupId}", "members"))
	pg.Response = Response{Status: 201}
	pg.Params = []Param{
		{Name: "type", In: InBody, Type: named("externalGroupMemberType"), Description: "The member's type. Possible values are: user or group when the source is azureActiveDirectory. Required."},
		{Name: "source", In: InBody, Type: named("identitySource"), Description: "Where the member comes from."},
	}
	api, ds := Build("beta", []*Page{pg})
	got := map[string]string{}
	for _, ty := range api.Types {
		var names []string
		for _, m := range ty.Members {
			names = append(names, m.Name)
		}
		got[ty.Name] = fmt.Sprint(ty.IsEnum, names)
	}
	want := map[string]string{"externalGroupMemberType": "true [user group]", "identitySource": "false []"}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s: %s, want %s", n, got[n], w)
		}
	}
	if !strings.Contains(ds.String(), "enum-from-description") || !strings.Contains(ds.String(), "type-unresolved") {
		t.Errorf("want one enum-from-description and one type-unresolved warning:\n%s", ds)
	}
}
