package model

import (
	"slices"
	"testing"
)

// TestAlternateKey: a segment that names a collection and gives names and values in
// parentheses addresses one member (an alternate key), at the root and after a value, also
// when the member type's page has no row for a name (no function can be named after a
// collection); one that follows no collection, or names a single-valued navigation, is
// still read as a call.
func TestAlternateKey(t *testing.T) {
	str := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	}
	call := func(name string, args ...string) Segment {
		var s Segment
		for i, a := range args {
			lead := ","
			if i == 0 {
				lead = name + "("
			}
			s.Parts = append(s.Parts, Part{Literal: lead + a + "="}, Part{Param: a, Quoted: true, Function: true})
		}
		s.Parts = append(s.Parts, Part{Literal: ")"})
		return s
	}
	with := func(p Path, s ...Segment) Path {
		p.Segments = append(slices.Clone(p.Segments), s...)
		return p
	}
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", []Property{str("id")}),
		resourcePage("application", "microsoft.graph.entity", []Property{str("appId"), str("uniqueName"), nav("credentials", "credential", true), nav("owner", "credential", false)}),
		resourcePage("credential", "microsoft.graph.entity", []Property{str("name"), str("issuer")}),
		resourcePage("report", "", nil),
		page("api/application-list.md", "GET", gref("application", true), none, path("applications")),
		page("api/application-get.md", "GET", gref("application", false), none, path("applications", "{id}"), with(Path{}, call("applications", "appId"))),
		page("api/application-upsert.md", "PATCH", gref("application", false), gref("application", false), with(Path{}, call("applications", "uniqueName"))),
		page("api/credential-get.md", "GET", gref("credential", false), none, with(path("applications", "{id}"), call("credentials", "name", "issuer"))),
		page("api/credential-list.md", "GET", gref("credential", true), none, with(Path{}, call("applications", "appId"), Segment{Parts: []Part{{Literal: "credentials"}}})),
		// an alternate key by a name the member type's page leaves out
		page("api/application-find.md", "GET", gref("application", false), none, with(Path{}, call("applications", "displayName"))),
		// not an alternate key: a single-valued navigation
		page("api/owner-get.md", "GET", gref("credential", false), none, with(path("applications", "{id}"), call("owner", "name"))),
	}
	api, _ := Build("v1.0", pages)
	type want struct {
		kind TargetKind // -1: any
		typ  string
		keys []int
	}
	wants := map[string]want{
		"/applications(appId='{appId}')":                                  {TargetEntity, "application", []int{0}},
		"/applications(uniqueName='{uniqueName}')":                        {TargetEntity, "application", []int{0}},
		"/applications/{id}/credentials(name='{name}',issuer='{issuer}')": {TargetEntity, "credential", []int{2}},
		"/applications(appId='{appId}')/credentials":                      {TargetCollection, "credential", []int{0}},
		"/applications(displayName='{displayName}')":                      {TargetEntity, "application", []int{0}},
		"/applications/{id}/owner(name='{name}')":                         {-1, "", nil},
	}
	seen := 0
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			w, ok := wants[p.String()]
			if !ok {
				continue
			}
			seen++
			tg := p.Target
			if tg == nil || w.kind >= 0 && tg.Kind != w.kind || w.typ != "" && tg.Type.Name != w.typ || !slices.Equal(tg.KeyPredicates, w.keys) {
				t.Errorf("%s: target %+v, want %v %s with key predicates %v", p, tg, w.kind, w.typ, w.keys)
			}
		}
	}
	if seen != len(wants) {
		t.Errorf("saw %d of the %d paths", seen, len(wants))
	}
}
