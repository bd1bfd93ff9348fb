package model

import (
	"strings"
	"testing"
)

// TestStreamBody: an update path whose example sends an image takes content; the page's
// other path, whose example sends JSON, keeps the resource's body.
func TestStreamBody(t *testing.T) {
	branding := path("organization", "{id}", "branding")
	logo := path("organization", "{id}", "branding", "{propertyName}")
	exLogo := path("organization", "d691", "branding", "bannerLogo")
	upd := page("api/organizationalbrandingproperties-update.md", "PATCH", TypeRef{}, gref("organizationalBrandingProperties", false), branding, logo)
	upd.Examples = []Example{
		{Kind: ExampleRequest, Method: "PATCH", Path: &branding, Headers: []Header{{"Content-Type", "application/json"}}, Body: `{"signInPageText": "Hi"}`, Pos: Pos{File: upd.File, Line: 70, Col: 1}},
		{Kind: ExampleResponse, Status: 204, Pos: Pos{File: upd.File, Line: 80, Col: 1}},
		{Kind: ExampleRequest, Method: "PATCH", Path: &exLogo, Headers: []Header{{"Content-Type", "image/jpeg"}}, Body: `<Image>`, Pos: Pos{File: upd.File, Line: 128, Col: 1}},
		{Kind: ExampleResponse, Status: 204, Pos: Pos{File: upd.File, Line: 140, Col: 1}},
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", []Property{nav("branding", "organizationalBrandingProperties", false)}),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", []Property{prop("signInPageText", "String")}),
		upd,
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	if b := got["PATCH /organization/{id}/branding/{propertyName}"]; !strings.HasSuffix(b, "body Edm.Stream") {
		t.Errorf("PATCH .../branding/{propertyName}: %q, want a stream body\n%s", b, ds)
	}
	if b := got["PATCH /organization/{id}/branding"]; !strings.HasSuffix(b, "body microsoft.graph.organizationalBrandingProperties") {
		t.Errorf("PATCH .../branding: %q, want the resource", b)
	}
	if !hasCode(ds, "request-body-stream") {
		t.Errorf("no request-body-stream:\n%s", ds)
	}
}

// TestPropertyNameIsNoKey: a {propertyName} segment names a property of what the path
// addresses, so it does not make the segment before it a keyed collection.
func TestPropertyNameIsNoKey(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", []Property{nav("branding", "organizationalBrandingProperties", false)}),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", nil),
		page("api/branding-get.md", "GET", gref("organizationalBrandingProperties", false), none, path("organization", "{id}", "branding")),
		page("api/branding-getprop.md", "GET", gref("organizationalBrandingProperties", false), none, path("organization", "{id}", "branding", "{propertyName}")),
	}
	api, ds := Build("v1.0", pages)
	if got := opsByEndpoint(api)["GET /organization/{id}/branding"]; !strings.HasPrefix(got, "api/branding-get.md -> microsoft.graph.organizationalBrandingProperties ") {
		t.Errorf("GET /organization/{id}/branding: %q, want one branding\n%s", got, ds)
	}
	if hasCode(ds, "property-shape-disagrees") {
		t.Errorf("branding made a collection:\n%s", ds)
	}
}

// TestPropertyNameVotes: where no table documents the segment before a {propertyName}
// (2021's organization page has no branding row), the pages that read its properties
// vote for what it holds: one value of their type.
func TestPropertyNameVotes(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", nil),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", nil),
		page("api/branding-getprop.md", "GET", gref("organizationalBrandingProperties", false), none, path("organization", "{id}", "branding", "{propertyName}")),
		page("api/branding-delete.md", "DELETE", none, none, path("organization", "{id}", "branding")),
	}
	api, ds := Build("v1.0", pages)
	for _, op := range api.Operations {
		if op.Page != "api/branding-delete.md" {
			continue
		}
		if tg := op.Paths[0].Target; tg == nil || tg.Kind != TargetEntity || tg.Type.Name != "organizationalBrandingProperties" {
			t.Errorf("DELETE /organization/{id}/branding addresses %+v, want one organizationalBrandingProperties\n%s", tg, ds)
		}
	}
}

// TestListedRow: a navigation row a table gives as one value, whose list page answers a
// collection of its type, is a collection; a singular row keeps its one value.
func TestListedRow(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("chatMessage", "microsoft.graph.entity", []Property{nav("hostedContents", "chatMessageHostedContent", false), nav("administrativeUnit", "administrativeUnit", false)}),
		resourcePage("chatMessageHostedContent", "microsoft.graph.entity", nil),
		resourcePage("administrativeUnit", "microsoft.graph.entity", nil),
		resourcePage("chat", "microsoft.graph.entity", []Property{nav("messages", "chatMessage", true)}),
		page("api/chat-get.md", "GET", gref("chat", false), none, path("chats", "{id}")),
		page("api/chatmessage-get.md", "GET", gref("chatMessage", false), none, path("chats", "{id}", "messages", "{messageId}")),
		page("api/chatmessage-list-hostedcontents.md", "GET", gref("chatMessageHostedContent", true), none, path("chats", "{id}", "messages", "{messageId}", "hostedContents")),
		page("api/chatmessage-list-au.md", "GET", gref("administrativeUnit", true), none, path("chats", "{id}", "messages", "{messageId}", "administrativeUnit")),
	}
	api, ds := Build("v1.0", pages)
	for _, ty := range api.Types {
		for _, p := range ty.Properties {
			if ty.Name == "chatMessage" && p.Type.Collection != (p.Name == "hostedContents") {
				t.Errorf("chatMessage.%s collection %v\n%s", p.Name, p.Type.Collection, ds)
			}
		}
	}
}

// TestEvidenceRowAgreesInShape: of two Methods rows that link a page with its response
// type, the one that agrees with its shape speaks for it (organization.md says the
// branding GET answers a collection, the branding page and the page itself one object),
// so the page's example of /organization/{id}/branding, which its lines leave out, is
// adopted as that one object's GET, its key named as the page's line names it (alignKeys).
func TestEvidenceRowAgreesInShape(t *testing.T) {
	none := TypeRef{}
	get := page("api/branding-get.md", "GET", gref("organizationalBrandingProperties", false), none, path("organization", "{id}", "branding", "{propertyName}"))
	ex := path("organization", "{organizationId}", "branding")
	get.Examples = []Example{{Kind: ExampleRequest, Method: "GET", Path: &ex, URL: "https://graph.microsoft.com/v1.0/organization/d691/branding", Pos: Pos{File: get.File, Line: 68, Col: 1}}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", nil,
			MethodLink{Title: "Get branding", Page: "api/branding-get.md", Return: gref("organizationalBrandingProperties", true)}),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", nil,
			MethodLink{Title: "Get", Page: "api/branding-get.md", Return: gref("organizationalBrandingProperties", false)}),
		get,
	}
	api, ds := Build("v1.0", pages)
	if got := opsByEndpoint(api)["GET /organization/{id}/branding"]; !strings.HasPrefix(got, "api/branding-get.md -> microsoft.graph.organizationalBrandingProperties ") {
		t.Errorf("GET /organization/{id}/branding: %q\n%v\n%s", got, opsByEndpoint(api), ds)
	}
}
