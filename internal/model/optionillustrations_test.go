package model

import (
	"strings"
	"testing"
)

// TestCollapseOptionIllustrations: lines of one path that fix one OData option to
// different values are one line without it, whose method takes the option; a line alone,
// or lines that fix different options, stay.
func TestCollapseOptionIllustrations(t *testing.T) {
	with := func(p Path, name, value string) Path {
		p.Query = []QueryParam{{Name: name, Value: value}}
		return p
	}
	delta := path("directoryObjects", "delta()")
	for _, tc := range []struct {
		name   string
		paths  []Path
		lines  string
		option bool
	}{
		{"isof illustrations", []Path{
			with(delta, "$filter", "isof('microsoft.graph.application')"),
			with(delta, "$filter", "isof('microsoft.graph.user')"),
			with(delta, "$filter", "isof('microsoft.graph.group')"),
		}, "/directoryObjects/delta()", true},
		{"one fixed line", []Path{with(delta, "$filter", "isof('microsoft.graph.user')")}, "/directoryObjects/delta()?$filter=isof('microsoft.graph.user')", false},
		{"different options", []Path{with(delta, "$filter", "a"), with(delta, "$select", "b")}, "/directoryObjects/delta()?$filter=a /directoryObjects/delta()?$select=b", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := apiPage("api/directoryobject-delta.md", "GET", tc.paths...)
			ops := buildOperations(p, &Diagnostics{})
			var got []string
			for _, path := range ops[0].Paths {
				got = append(got, path.String())
			}
			if strings.Join(got, " ") != tc.lines {
				t.Errorf("lines %q, want %q", got, tc.lines)
			}
			has := strings.Contains(" "+strings.Join(ops[0].QueryOptions, " ")+" ", " $filter ")
			if tc.option && !has {
				t.Errorf("options %q lack $filter", ops[0].QueryOptions)
			}
		})
	}
}

// TestFlagLineIsOption: a line that fixes a parameter no table lists to true, beside the
// plain line, is the plain line's method with a Boolean option of that name.
func TestFlagLineIsOption(t *testing.T) {
	flagged := path("me", "mailFolders")
	flagged.Query = []QueryParam{{Name: "includeHiddenFolders", Value: "true"}}
	p := apiPage("api/user-list-mailfolders.md", "GET", path("me", "mailFolders"), flagged)
	ops := buildOperations(p, &Diagnostics{})
	var lines []string
	for _, path := range ops[0].Paths {
		lines = append(lines, path.String())
	}
	if strings.Join(lines, " ") != "/me/mailFolders" {
		t.Errorf("lines %q, want the plain one", lines)
	}
	found := false
	for _, pm := range ops[0].Params {
		found = found || pm.In == InQuery && pm.Name == "includeHiddenFolders" && pm.Type.Primitive == Boolean && pm.Presence == Optional
	}
	if !found {
		t.Errorf("params %+v lack an optional Boolean includeHiddenFolders", ops[0].Params)
	}
}
