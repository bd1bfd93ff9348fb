package model

import (
	"strings"
	"testing"
)

func TestInferBases(t *testing.T) {
	identity := ResourceType{Name: "identity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()},
		{Name: "thumbnails", Type: str(), FromJSON: true}}}
	item := ResourceType{Name: "decisionItem", Properties: []Property{{Name: "principal", Type: named("identity", "identity.md")},
		{Name: "reviewers", Type: TypeRef{Kind: KindNamed, Name: "identity", Namespace: "microsoft.graph", Collection: true}}}}
	resp := func(body string) *Page {
		p := &Page{File: "api/item-get.md", Kind: PageAPI}
		p.Examples = []Example{{Kind: ExampleResponse, Annotation: &Annotation{BlockType: "response", ODataType: "microsoft.graph.decisionItem"},
			Body: body, Pos: Pos{File: "api/item-get.md", Line: 40, Col: 1}}}
		return p
	}
	cases := []struct {
		name     string
		sent     ResourceType
		body     string
		wantBase string
	}{
		{"superset sent where the base is documented",
			ResourceType{Name: "userIdentity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()}, {Name: "userPrincipalName", Type: str()}}},
			`{"principal": {"@odata.type": "#microsoft.graph.userIdentity", "id": "1", "userPrincipalName": "a@b"}}`,
			"microsoft.graph.identity"},
		{"in a collection",
			ResourceType{Name: "userIdentity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()}, {Name: "ipAddress", Type: str()}}},
			`{"reviewers": [{"id": "1"}, {"@odata.type": "#microsoft.graph.userIdentity", "id": "2"}]}`,
			"microsoft.graph.identity"},
		{"a property of the documented type is missing",
			ResourceType{Name: "userIdentity", Properties: []Property{{Name: "id", Type: str()}, {Name: "userPrincipalName", Type: str()}}},
			`{"principal": {"@odata.type": "#microsoft.graph.userIdentity", "id": "1"}}`,
			""},
		{"its page names a base already",
			ResourceType{Name: "userIdentity", Base: "microsoft.graph.entity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()}}},
			`{"principal": {"@odata.type": "#microsoft.graph.userIdentity"}}`,
			"microsoft.graph.entity"},
		{"no type sent",
			ResourceType{Name: "userIdentity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()}}},
			`{"principal": {"id": "1"}}`,
			""},
		{"invalid JSON is skipped",
			ResourceType{Name: "userIdentity", Properties: []Property{{Name: "displayName", Type: str()}, {Name: "id", Type: str()}}},
			`{"principal": {"@odata.type": "#microsoft.graph.userIdentity", ...}}`,
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages := []*Page{resp(c.body), resPage("resources/identity.md", identity), resPage("resources/decisionitem.md", item),
				resPage("resources/useridentity.md", c.sent), resPage("resources/entity.md", ResourceType{Name: "entity", Properties: []Property{{Name: "id", Type: str()}}})}
			var ds Diagnostics
			g := newTypeGraph(pages, &ds)
			got := g.byName["microsoft.graph.useridentity"]
			if got.Base != c.wantBase {
				t.Fatalf("base %q, want %q (%v)", got.Base, c.wantBase, ds)
			}
			inferred := strings.Contains(ds.String(), "base-inferred")
			if inferred != (c.wantBase == "microsoft.graph.identity") {
				t.Errorf("diagnostics %v", ds)
			}
			if inferred && !strings.Contains(ds.String(), "api/item-get.md:40:1") {
				t.Errorf("the diagnostic does not point at the example: %v", ds)
			}
			if c.wantBase == "microsoft.graph.identity" && len(g.children["microsoft.graph.identity"]) != 1 {
				t.Errorf("identity's children: %v", g.children["microsoft.graph.identity"])
			}
		})
	}
}

func TestTypeNameFromTitle(t *testing.T) {
	p := resPage("resources/orgcontact.md", ResourceType{Name: "orgcontact", Properties: []Property{{Name: "mail", Type: str()}}})
	p.Title = "orgContact resource type"
	q := resPage("resources/chat.md", ResourceType{Name: "chat"})
	q.Title = "chatMessage resource type" // another name: the annotation's is kept
	var ds Diagnostics
	g := newTypeGraph([]*Page{p, q}, &ds)
	if got := g.byName["microsoft.graph.orgcontact"].Name; got != "orgContact" {
		t.Errorf("orgcontact is named %q, want the title's orgContact", got)
	}
	if got := g.byName["microsoft.graph.chat"].Name; got != "chat" {
		t.Errorf("chat is named %q", got)
	}
}

func TestTypeNameKeptOverFlatterTitle(t *testing.T) {
	p := resPage("resources/timecard.md", ResourceType{Name: "timeCard"})
	p.Title = "timecard resource type"
	var ds Diagnostics
	if got := newTypeGraph([]*Page{p}, &ds).byName["microsoft.graph.timecard"].Name; got != "timeCard" {
		t.Errorf("timeCard is named %q", got)
	}
}

func TestTypeNameKeptOverCapitalisedTitle(t *testing.T) {
	p := resPage("resources/identity.md", ResourceType{Name: "identity"})
	p.Title = "Identity resource type"
	var ds Diagnostics
	if got := newTypeGraph([]*Page{p}, &ds).byName["microsoft.graph.identity"].Name; got != "identity" {
		t.Errorf("identity is named %q", got)
	}
}

func TestInferBaseFromKeys(t *testing.T) {
	tracked := ResourceType{Name: "changeTrackedEntity", Properties: []Property{{Name: "id", Type: str()}, {Name: "createdDateTime", Type: str()}, {Name: "lastModifiedBy", Type: str()}}}
	item := ResourceType{Name: "baseItem", Properties: []Property{{Name: "id", Type: str()}, {Name: "createdDateTime", Type: str()}, {Name: "lastModifiedBy", Type: str()}, {Name: "webUrl", Type: str()}}}
	child := func(name, base string) ResourceType {
		return ResourceType{Name: name, Base: "microsoft.graph." + base, Properties: []Property{{Name: "x", Type: str()}}}
	}
	for _, c := range []struct {
		name, body, want string
	}{
		{"one base sends all of its properties", `{"notes": "n", "id": "1", "createdDateTime": "t", "lastModifiedBy": {}}`, "microsoft.graph.changeTrackedEntity"},
		{"a member no base has", `{"notes": "n", "id": "1", "createdDateTime": "t", "color": "red"}`, ""},
		{"one member only", `{"notes": "n", "id": "1"}`, ""},
		{"two bases fit, neither exactly", `{"notes": "n", "id": "1", "createdDateTime": "t"}`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &Page{File: "api/openshift-get.md", Kind: PageAPI, Examples: []Example{{Kind: ExampleResponse,
				Annotation: &Annotation{BlockType: "response", ODataType: "microsoft.graph.openShift"}, Body: c.body, Pos: Pos{File: "api/openshift-get.md", Line: 9}}}}
			pages := []*Page{p,
				resPage("resources/openshift.md", ResourceType{Name: "openShift", Properties: []Property{{Name: "notes", Type: str()}}}),
				resPage("resources/changetrackedentity.md", tracked), resPage("resources/baseitem.md", item),
				resPage("resources/shift.md", child("shift", "changeTrackedEntity")), resPage("resources/timeoff.md", child("timeOff", "changeTrackedEntity")),
				resPage("resources/drive.md", child("drive", "baseItem")), resPage("resources/list.md", child("list", "baseItem"))}
			var ds Diagnostics
			g := newTypeGraph(pages, &ds)
			if got := g.byName["microsoft.graph.openshift"].Base; got != c.want {
				t.Errorf("base %q, want %q (%v)", got, c.want, ds)
			}
		})
	}
}
