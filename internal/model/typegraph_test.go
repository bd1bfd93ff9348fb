package model

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func named(name, link string) TypeRef {
	return TypeRef{Kind: KindNamed, Name: name, Namespace: "microsoft.graph", Link: link}
}

func resPage(file string, types ...ResourceType) *Page {
	for i := range types {
		if types[i].Namespace == "" {
			types[i].Namespace = "microsoft.graph"
		}
	}
	return &Page{File: file, Kind: PageResource, Types: types}
}

func TestResolveTypes(t *testing.T) {
	op := apiPage("api/list-members.md", "GET", path("groups", "{groupId}", "members"))
	op.Response.Type = named("DirectoryObject", "resources/directoryobject.md") // link text in another case
	op.Response.Type.Collection = true
	op.Params = []Param{{Name: "kind", In: InQuery, Type: named("colorKind", ""), Pos: Pos{File: "api/list-members.md", Line: 30}}}
	pages := []*Page{
		op,
		resPage("resources/entity.md", ResourceType{Name: "entity", Properties: []Property{{Name: "id", Type: str()}}}),
		resPage("resources/directoryobject.md", ResourceType{Name: "directoryObject", Base: "microsoft.graph.entity",
			Properties: []Property{{Name: "deletedDateTime", Type: TypeRef{Kind: KindPrimitive, Primitive: DateTimeOffset}}}}),
		resPage("resources/user.md", ResourceType{Name: "user", Base: "microsoft.graph.directoryObject", Properties: []Property{
			{Name: "displayName", Type: str()},
			{Name: "address", Type: named("physicalAddress", "physicaladdress.md")},
			{Name: "manager", Type: named("directoryObject", "directoryobject.md"), Navigation: true},
			{Name: "drive", Type: named("drive", "drive.md"), Navigation: true},
		}}),
		// a second page adds to user
		resPage("resources/intune-user.md", ResourceType{Name: "user", Properties: []Property{{Name: "deviceEnrollmentLimit", Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}}}}),
		resPage("resources/physicaladdress.md", ResourceType{Name: "physicalAddress", Properties: []Property{{Name: "city", Type: str()}}}),
		resPage("resources/drive.md", ResourceType{Name: "drive", Base: "microsoft.graph.entity"}),
		resPage("resources/unrelated.md", ResourceType{Name: "unrelated", Base: "microsoft.graph.entity"}),
	}
	// The link resolves relative paths the parser made absolute within the input root.
	pages[3].Types[0].Properties[1].Type.Link = "resources/physicaladdress.md"
	api, ds := Build("v1.0", pages)
	var names []string
	for _, ty := range api.Types {
		s := ty.QualifiedName()
		if !ty.Documented {
			s += "(undocumented)"
		}
		if len(ty.Derived) > 0 {
			s += "<" + strings.Join(ty.Derived, ",") + ">"
		}
		names = append(names, s)
	}
	want := "microsoft.graph.colorKind(undocumented)|microsoft.graph.directoryObject<microsoft.graph.user>|microsoft.graph.entity<microsoft.graph.directoryObject>|microsoft.graph.physicalAddress|microsoft.graph.user"
	if got := strings.Join(names, "|"); got != want {
		t.Errorf("types\n%s\nwant\n%s", got, want)
	}
	if r := api.Operations[0].Response.Type; r.Name != "directoryObject" || !r.Collection {
		t.Errorf("response type %s: want the page's own spelling", r)
	}
	var user *Type
	for _, ty := range api.Types {
		if ty.Name == "user" {
			user = ty
		}
	}
	if len(user.Properties) != 5 {
		t.Errorf("user has %d properties, want the union of both pages (5)", len(user.Properties))
	}
	for _, p := range user.Properties {
		switch p.Name {
		case "manager":
			if p.Type.Kind != KindNamed {
				t.Errorf("manager: a navigation property to an emitted type stays typed: %s", p.Type)
			}
		case "drive":
			if p.Type.Kind != KindUnknown {
				t.Errorf("drive: a navigation property to a type not otherwise emitted is raw JSON: %s", p.Type)
			}
		}
	}
	if !hasCode(ds, "type-unresolved") {
		t.Errorf("diagnostics\n%s", ds)
	}
	if api.TypeRefs.Referenced != 5 || api.TypeRefs.Resolved != 4 {
		t.Errorf("TypeRefs %+v, want 5 referenced, 4 resolved", api.TypeRefs)
	}
}

func TestDerivedFromBasePages(t *testing.T) {
	tests := []struct {
		name  string
		pages []*Page
		want  string // type:base, for each type with a base, sorted
	}{{
		name: "the base page's derived types take it as their base",
		pages: []*Page{
			resPage("resources/outcome.md", ResourceType{Name: "outcome", Derived: []string{"microsoft.graph.pointsOutcome", "microsoft.graph.rubricOutcome"}}),
			resPage("resources/pointsoutcome.md", ResourceType{Name: "pointsOutcome"}),
			resPage("resources/rubricoutcome.md", ResourceType{Name: "rubricOutcome"}),
		},
		want: "pointsOutcome:microsoft.graph.outcome rubricOutcome:microsoft.graph.outcome",
	}, {
		name: "a base the derived type's own page names wins; no cycle; unknown names are skipped",
		pages: []*Page{
			resPage("resources/entity.md", ResourceType{Name: "entity"}),
			resPage("resources/outcome.md", ResourceType{Name: "outcome", Base: "microsoft.graph.pointsOutcome", Derived: []string{"microsoft.graph.pointsOutcome", "microsoft.graph.gone"}}),
			resPage("resources/pointsoutcome.md", ResourceType{Name: "pointsOutcome", Base: "microsoft.graph.entity"}),
			resPage("resources/other.md", ResourceType{Name: "other", Derived: []string{"microsoft.graph.outcome"}}),
		},
		want: "outcome:microsoft.graph.pointsOutcome pointsOutcome:microsoft.graph.entity",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ds Diagnostics
			g := newTypeGraph(tt.pages, &ds)
			var got []string
			for _, p := range tt.pages {
				for _, rt := range p.Types {
					if ty := g.byName[key(rt.QualifiedName())]; ty.Base != "" {
						got = append(got, ty.Name+":"+ty.Base)
					}
				}
			}
			slices.Sort(got)
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("bases %q, want %q", s, tt.want)
			}
		})
	}
}

// TestPropertiesOnlyInJSON: a property only a JSON representation shows is reported,
// unless a type the type derives from lists it in a table (a derived type's JSON that
// repeats its base's members), or the type has no table at all (its page's one warning).
func TestPropertiesOnlyInJSON(t *testing.T) {
	row := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}, Pos: Pos{File: "r.md", Line: 5, Col: 2}}
	}
	fromJSON := func(name string, line int) Property {
		p := row(name)
		p.FromJSON, p.Pos = true, Pos{File: "r.md", Line: line, Col: 3}
		return p
	}
	pages := []*Page{
		resourcePage("entity", "", []Property{row("id")}),
		resourcePage("protectionUnit", "microsoft.graph.entity", []Property{row("status")}),
		resourcePage("driveProtectionUnit", "microsoft.graph.protectionUnit", []Property{row("directoryObjectId"), fromJSON("id", 20), fromJSON("status", 21), fromJSON("displayName", 22)}),
		resourcePage("loose", "", []Property{fromJSON("a", 30), fromJSON("b", 31)}),
	}
	var ds Diagnostics
	newTypeGraph(pages, &ds)
	var got []string
	for _, d := range ds {
		if d.Code == "property-only-in-json" {
			got = append(got, strconv.Itoa(d.Pos.Line))
		}
	}
	if want := []string{"22"}; !slices.Equal(got, want) {
		t.Errorf("property-only-in-json at lines %v, want %v:\n%s", got, want, ds)
	}
}
