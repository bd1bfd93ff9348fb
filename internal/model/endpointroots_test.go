package model

import (
	"slices"
	"strings"
	"testing"
)

// targetOf finds what an operation's path addresses, by method and path.
func targetOf(api *API, method, path string) *Target {
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			if op.Method == method && p.String() == path {
				return p.Target
			}
		}
	}
	return nil
}

// TestSingletonNamedAfterType: a root that no page reads as a whole, named after an
// entity type (/print), holds that type, so its properties are properties, not actions;
// a root named after a complex type (/identity beside the identity of an identitySet)
// stays unknown.
func TestSingletonNamedAfterType(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("print", "microsoft.graph.entity", []Property{prop("settings", "printSettings"), nav("printers", "printer", true)}),
		resourcePage("printSettings", "", []Property{{Name: "documentConversionEnabled", Type: TypeRef{Kind: KindPrimitive, Primitive: Boolean}}}),
		resourcePage("printer", "microsoft.graph.entity", nil),
		resourcePage("identity", "", []Property{{Name: "displayName", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("widget", "microsoft.graph.entity", nil),
		page("api/print-get-settings.md", "GET", gref("printSettings", false), none, path("print", "settings")),
		page("api/printer-get.md", "GET", gref("printer", false), none, path("print", "printers", "{id}")),
		page("api/widget-list.md", "GET", gref("widget", true), none, path("identity", "widgets")),
	}
	api, ds := Build("v1.0", pages)
	tg := targetOf(api, "GET", "/print/settings")
	if tg == nil || tg.Kind != TargetEntity || tg.Type.Name != "printSettings" || !strings.HasPrefix(tg.Via, "print(singleton) settings(print)") {
		t.Errorf("GET /print/settings addresses %+v, want the printSettings property of the print singleton\n%s", tg, ds)
	}
	if tg := targetOf(api, "GET", "/identity/widgets"); tg == nil || !strings.HasPrefix(tg.Via, "identity(?)") {
		t.Errorf("GET /identity/widgets addresses %+v: /identity holds no complex type named identity", tg)
	}
}

// TestRootNotTwinOfItsOwnPath: /print/shares/{id} beside /print/printers/{id}/shares/{id}
// on one page does not make /print stand for /print/printers/{id} (it did: /print was read
// as a printer, and GET /print/settings as an action on it).
func TestRootNotTwinOfItsOwnPath(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("printer", "microsoft.graph.entity", []Property{nav("shares", "printerShare", true)}),
		resourcePage("printerShare", "microsoft.graph.entity", nil),
		page("api/printer-get.md", "GET", gref("printer", false), none, path("print", "printers", "{id}")),
		page("api/printershare-get.md", "GET", gref("printerShare", false), none, path("print", "shares", "{printerShareId}"), path("print", "printers", "{printerId}", "shares", "{printerShareId}")),
		page("api/print-get-settings.md", "GET", gref("printerShare", false), none, path("print", "settings")),
	}
	api, ds := Build("v1.0", pages)
	if tg := targetOf(api, "GET", "/print/settings"); tg == nil || tg.Kind == TargetOperation || !strings.HasPrefix(tg.Via, "print(?)") {
		t.Errorf("GET /print/settings addresses %+v, want it below an unknown /print\n%s", tg, ds)
	}
}

// TestTitledNavigation: a GET of a segment no table documents is a navigation when the
// page's title lists or gets it, in words or not, with or without the name of the type
// it hangs from ("List followed sites", "List group transitive memberOf"); a title that
// names something else ("List recent files" for drive/recent) leaves a function.
func TestTitledNavigation(t *testing.T) {
	none := TypeRef{}
	titled := func(pg *Page, title string) *Page {
		pg.Title = title
		return pg
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", nil),
		resourcePage("group", "microsoft.graph.entity", nil),
		resourcePage("drive", "microsoft.graph.entity", nil),
		resourcePage("site", "microsoft.graph.entity", nil),
		resourcePage("driveItem", "microsoft.graph.entity", nil),
		resourcePage("directoryObject", "microsoft.graph.entity", nil),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id}")),
		page("api/group-get.md", "GET", gref("group", false), none, path("groups", "{id}")),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drives", "{id}")),
		titled(page("api/sites-list-followed.md", "GET", gref("site", true), none, path("users", "{user-id}", "followedSites")), "List followed sites"),
		titled(page("api/group-list-transitivememberof.md", "GET", gref("directoryObject", true), none, path("groups", "{group-id}", "transitiveMemberOf")), "List group transitive memberOf"),
		titled(page("api/drive-recent.md", "GET", gref("driveItem", true), none, path("drives", "{drive-id}", "recent")), "List recent files"),
	}
	api, ds := Build("v1.0", pages)
	for p, want := range map[string]TargetKind{
		"/users/{user-id}/followedSites":        TargetCollection,
		"/groups/{group-id}/transitiveMemberOf": TargetCollection,
		"/drives/{drive-id}/recent":             TargetOperation,
	} {
		if tg := targetOf(api, "GET", p); tg == nil || tg.Kind != want {
			t.Errorf("GET %s addresses %+v, want a %s\n%s", p, tg, want, ds)
		}
	}
}

// TestBodyTableWithBinding: a create's body table whose rows are the created type's
// properties, or rows its example sends as bindings (user, sent user@odata.bind), is the
// created resource; without the binding in the example the table stays a table.
func TestBodyTableWithBinding(t *testing.T) {
	none := TypeRef{}
	build := func(body string) *Target {
		post := page("api/channel-post-members.md", "POST", gref("conversationMember", false), none, path("teams", "{team-id}", "channels", "{channel-id}", "members"))
		post.Params = []Param{{Name: "roles", In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: String, Collection: true}}, {Name: "user", In: InBody, Type: gref("user", false)}}
		post.Examples = []Example{{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0/teams/1/channels/2/members", Body: body}}
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("user", "microsoft.graph.entity", nil),
			resourcePage("team", "microsoft.graph.entity", []Property{nav("channels", "channel", true)}),
			resourcePage("channel", "microsoft.graph.entity", []Property{nav("members", "conversationMember", true)}),
			resourcePage("conversationMember", "microsoft.graph.entity", []Property{{Name: "roles", Type: TypeRef{Kind: KindPrimitive, Primitive: String, Collection: true}}}),
			page("api/team-get.md", "GET", gref("team", false), none, path("teams", "{id}")),
			post,
		}
		api, _ := Build("v1.0", pages)
		return targetOf(api, "POST", "/teams/{team-id}/channels/{channel-id}/members")
	}
	if tg := build(`{"roles": ["owner"], "user@odata.bind": "https://graph.microsoft.com/v1.0/users('1')"}`); tg == nil || tg.Body == nil || tg.Body.Name != "conversationMember" {
		t.Errorf("with the binding: %+v, want the body conversationMember", tg)
	}
	if tg := build(`{"roles": ["owner"], "user": {"id": "1"}}`); tg == nil || tg.Body != nil {
		t.Errorf("without the binding: %+v, want the table", tg)
	}
}

// TestTemplateAnswersAsPlain: where no page types /me, a query template of it answers
// what the page that GETs the plain path answers, not the expanded navigation's type its
// own Response section names; a template with a non-OData option is left alone.
func TestTemplateAnswersAsPlain(t *testing.T) {
	none := TypeRef{}
	withQuery := func(p Path, name, value string) Path {
		p.Query = []QueryParam{{Name: name, Value: value}}
		return p
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("directoryObject", "microsoft.graph.entity", nil),
		page("api/user-get.md", "GET", gref("user", false), none, path("me")),
		page("api/user-list-manager.md", "GET", gref("directoryObject", false), none, withQuery(path("me"), "$expand", "manager"), withQuery(path("me"), "view", "full")),
	}
	api, ds := Build("v1.0", pages)
	tg := targetOf(api, "GET", "/me?$expand=manager")
	if tg == nil || tg.Result == nil || tg.Result.Name != "user" {
		t.Errorf("GET /me?$expand=manager addresses %+v, want the result user\n%s", tg, ds)
	}
	if tg := targetOf(api, "GET", "/me?view=full"); tg == nil || tg.Result != nil {
		t.Errorf("GET /me?view=full addresses %+v, want it left alone", tg)
	}
}

// TestExampleCallThroughTwin: an example that calls a page's action through a twin root
// (/me for /users/{id}) adds that path to the operation; one through another root, or
// one whose call has values where the line has placeholders, does not.
func TestExampleCallThroughTwin(t *testing.T) {
	none := TypeRef{}
	exPath := func(p Path) *Path { return &p }
	act := page("api/user-assignlicense.md", "POST", gref("user", false), none, path("users", "{id}", "assignLicense"))
	act.Examples = []Example{
		{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0/me/assignLicense", Path: exPath(path("me", "assignLicense")), Pos: Pos{File: "api/user-assignlicense.md", Line: 58, Col: 1}},
		{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0/admin/assignLicense", Path: exPath(path("admin", "assignLicense"))},
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", nil),
		page("api/user-get.md", "GET", gref("user", false), none, path("me"), path("users", "{id}")),
		// A page that writes both roots makes /me a twin of /users/{id}.
		page("api/user-list-widgets.md", "GET", gref("user", true), none, path("me", "widgets"), path("users", "{id}", "widgets")),
		act,
	}
	api, ds := Build("v1.0", pages)
	got := pagePaths(api, "api/user-assignlicense.md")
	if strings.Join(got, " ") != "/me/assignLicense /users/{id}/assignLicense" && strings.Join(got, " ") != "/users/{id}/assignLicense /me/assignLicense" {
		t.Errorf("paths %v, want /users/{id}/assignLicense and the example's /me/assignLicense\n%s", got, ds)
	}
}

// TestCreateAnsweringNothing: a create whose Response section names no type and whose
// examples answer 201 without a body keeps no result, where one whose example answers
// with the member returns the addressed type.
func TestCreateAnsweringNothing(t *testing.T) {
	none := TypeRef{}
	build := func(status int, body string) *Target {
		post := page("api/chat-post-members.md", "POST", TypeRef{Kind: KindUnknown}, gref("conversationMember", false), path("chats", "{chat-id}", "members"))
		post.Response.Status = status
		post.Examples = []Example{{Kind: ExampleResponse, Status: status, Body: body}}
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("chat", "microsoft.graph.entity", []Property{nav("members", "conversationMember", true)}),
			resourcePage("conversationMember", "microsoft.graph.entity", nil),
			page("api/chat-get.md", "GET", gref("chat", false), none, path("chats", "{id}")),
			post,
		}
		api, _ := Build("v1.0", pages)
		return targetOf(api, "POST", "/chats/{chat-id}/members")
	}
	if tg := build(201, ""); tg == nil || tg.Result != nil && tg.Result.Kind == KindNamed {
		t.Errorf("201 without a body: %+v, want no named result", tg)
	}
	if tg := build(201, `{"id": "1"}`); tg == nil || tg.Result == nil || tg.Result.Name != "conversationMember" {
		t.Errorf("201 with the member: %+v, want the result conversationMember", tg)
	}
}

// TestExampleCallsQueryTemplate: an example that gives a value to the query template of a
// page's line (?$filter=JoinWebUrl eq '{joinWebUrl}') calls that line: it adds no plain
// list beside it. An example of the same segments without the option does.
func TestExampleCallsQueryTemplate(t *testing.T) {
	none := TypeRef{}
	exPath := func(p Path) *Path { return &p }
	tmpl := path("me", "onlineMeetings")
	tmpl.Query = []QueryParam{{Name: "$filter", Parts: []Part{{Literal: "JoinWebUrl eq "}, {Param: "joinWebUrl", Quoted: true}}}}
	build := func(url string) []string {
		get := page("api/onlinemeeting-get.md", "GET", gref("onlineMeeting", false), none, path("me", "onlineMeetings", "{meetingId}"), tmpl)
		get.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: url, Path: exPath(path("me", "onlineMeetings"))}}
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("onlineMeeting", "microsoft.graph.entity", nil),
			resourcePage("user", "microsoft.graph.entity", []Property{nav("onlineMeetings", "onlineMeeting", true)}),
			page("api/user-get.md", "GET", gref("user", false), none, path("me")),
			get,
		}
		api, _ := Build("v1.0", pages)
		got := pagePaths(api, "api/onlinemeeting-get.md")
		return got
	}
	if got := build("https://graph.microsoft.com/v1.0/me/onlineMeetings?$filter=JoinWebUrl eq 'https://teams/x'"); slices.Contains(got, "/me/onlineMeetings") {
		t.Errorf("an example calling the template added the plain list: %v", got)
	}
	if got := build("https://graph.microsoft.com/v1.0/me/onlineMeetings"); !slices.Contains(got, "/me/onlineMeetings") {
		t.Errorf("an example of the plain list was not adopted: %v", got)
	}
}
