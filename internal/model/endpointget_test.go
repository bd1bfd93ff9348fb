package model

import (
	"slices"
	"strings"
	"testing"
)

// TestExampleOptions: another page's example GET of an endpoint gives the endpoint's
// owner the query options it sends; the page's own examples, an example of an endpoint
// that no GET owns, and non-GET examples add nothing.
func TestExampleOptions(t *testing.T) {
	msgs := path("me", "messages")
	list := &Operation{Method: "GET", Page: "api/user-list-messages.md", Paths: []Path{msgs}, QueryOptions: []string{"$filter"}}
	exPath := path("me", "messages")
	other := &Operation{Method: "GET", Page: "api/opentypeextension-get.md", Paths: []Path{path("me", "messages", "{id}")},
		Examples: []Example{
			{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/messages?$expand=extensions&$filter=x", Path: &exPath},
			{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/events?$top=2", Path: ptr(path("me", "events"))},
			{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/v1.0/me/messages?$search=a", Path: ptr(path("me", "messages"))},
		}}
	own := &Operation{Method: "GET", Page: "api/message-get.md", Paths: []Path{path("me", "messages", "{id}")}, QueryOptions: []string{"$select"},
		Examples: []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/messages/1?$orderby=x", Path: ptr(path("me", "messages", "{id}"))}}}
	exampleOptions([]*Operation{list, own, other})
	if want := []string{"$filter", "$expand"}; !slices.Equal(list.QueryOptions, want) {
		t.Errorf("list options %v, want %v", list.QueryOptions, want)
	}
	// other's path has the same shape as own's; own's example is its own.
	if want := []string{"$select"}; !slices.Equal(own.QueryOptions, want) {
		t.Errorf("own options %v, want %v", own.QueryOptions, want)
	}
}

// TestInferBooleanResponse: a Response section that names no type, with every example
// answering {"value": true or false}, returns a Boolean, also where an example's annotation
// names another primitive; any other member, a non-Boolean value or no example leaves it
// unknown, or the annotation's.
func TestInferBooleanResponse(t *testing.T) {
	resp := func(body string) Example {
		return Example{Kind: ExampleResponse, Status: 200, Body: body, Pos: Pos{File: "a.md", Line: 9, Col: 1}}
	}
	annotated := func(odataType, body string) Example {
		ex := resp(body)
		ex.Annotation = &Annotation{ODataType: odataType, Pos: ex.Pos}
		return ex
	}
	tests := []struct {
		name string
		exs  []Example
		want string
	}{
		{"true", []Example{resp(`{"value": true}`)}, "Edm.Boolean"},
		{"with context, false", []Example{resp(`{"@odata.context": "x", "value": false}`), resp("")}, "Edm.Boolean"},
		{"string value", []Example{resp(`{"value": "true"}`)}, "unknown"},
		{"another member", []Example{resp(`{"value": true, "id": "1"}`)}, "unknown"},
		{"one of two", []Example{resp(`{"value": true}`), resp(`{"id": "1"}`)}, "unknown"},
		{"no example", nil, "unknown"},
		// user-revokesigninsessions.md: the annotation's type against the JSON it annotates
		{"annotated string, answering true", []Example{annotated("string", `{"value": true}`)}, "Edm.Boolean"},
		{"annotated string, answering a string", []Example{annotated("string", `{"value": "a"}`)}, "Edm.String"},
	}
	for _, tc := range tests {
		op := &Operation{Method: "POST", Response: Response{Status: 200, Type: TypeRef{Kind: KindUnknown}}, Examples: tc.exs}
		var ds Diagnostics
		inferResponse(op, &ds)
		got := op.Response.Type.String()
		if op.Response.Type.Kind == KindUnknown {
			got = "unknown"
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestMixedPageAction: a page that creates several resources and also lists an action
// (an extended property's page: POST /me/mailFolders and .../posts/{id}/reply) wrote its
// Response section for the resources; the action answers as the example of that call
// shows, here on another page (202 without a body), for both paths to the action. Another
// resource's Methods row linking the page does not give the action its result.
func TestMixedPageAction(t *testing.T) {
	none := TypeRef{}
	multi := page("api/multivalue-post.md", "POST", gref("mailFolder", false), gref("multiValueLegacyExtendedProperty", false),
		path("me", "mailFolders"),
		path("groups", "{id}", "threads", "{id}", "posts", "{id}", "reply"),
		path("groups", "{id}", "conversations", "{id}", "threads", "{id}", "posts", "{id}", "reply"))
	postGet := page("api/post-get.md", "GET", gref("post", false), none, path("groups", "{id}", "threads", "{id}", "posts", "{id}"))
	exPath := path("groups", "{id}", "threads", "AAQkADJizZJpEWwqDHsEpV_KA==", "posts", "AAMkADJiUg96QZUkA-ICwMubAAC1heiSAAA=", "reply")
	postGet.Examples = []Example{
		{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/beta" + exPath.String(), Path: &exPath},
		{Kind: ExampleResponse, Status: 202, Pos: Pos{File: "api/post-get.md", Line: 40, Col: 1}},
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("mailFolders", "mailFolder", true)}),
		resourcePage("group", "microsoft.graph.entity", []Property{nav("threads", "conversationThread", true), nav("conversations", "conversation", true)}),
		resourcePage("conversation", "microsoft.graph.entity", []Property{nav("threads", "conversationThread", true)}),
		resourcePage("conversationThread", "microsoft.graph.entity", []Property{nav("posts", "post", true)}),
		resourcePage("post", "microsoft.graph.entity", nil),
		resourcePage("mailFolder", "microsoft.graph.entity", nil,
			MethodLink{Title: "Create mailFolder with extended property", Page: "api/multivalue-post.md", Return: gref("mailFolder", false)}),
		resourcePage("calendar", "microsoft.graph.entity", nil,
			MethodLink{Title: "Create calendar with extended property", Page: "api/multivalue-post.md", Return: gref("calendar", false)}),
		resourcePage("multiValueLegacyExtendedProperty", "microsoft.graph.entity", nil),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id}"), path("me")),
		page("api/group-get.md", "GET", gref("group", false), none, path("groups", "{id}")),
		multi, postGet,
	}
	api, ds := Build("beta", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"POST /me/mailFolders":                                               "api/multivalue-post.md -> microsoft.graph.mailFolder",
		"POST /groups/{id}/threads/{id}/posts/{id}/reply":                    "api/multivalue-post.md -> none",
		"POST /groups/{id}/conversations/{id}/threads/{id}/posts/{id}/reply": "api/multivalue-post.md -> none",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q", ep, got[ep], want)
		}
	}
	if !strings.Contains(ds.String(), "is an action on post") {
		t.Errorf("no diagnostic naming the evidence in\n%s", ds)
	}
}

// TestPropertyPlaceholder: a placeholder after a key names a property (a key never
// follows a key): /thumbnails/{thumb-id}/{size} is one of a thumbnailSet's properties,
// all thumbnails, and a GET of its content, an Edm.Stream property, returns the content
// whatever the page's one Response section says of its list path.
func TestPropertyPlaceholder(t *testing.T) {
	none := TypeRef{}
	stream := TypeRef{Kind: KindPrimitive, Primitive: Stream}
	thumbs := path("drives", "{id}", "items", "{id}", "thumbnails")
	one := path("drives", "{id}", "items", "{id}", "thumbnails", "{thumb-id}", "{size}")
	content := path("drives", "{id}", "items", "{id}", "thumbnails", "{thumb-id}", "{size}", "content")
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("drive", "microsoft.graph.entity", []Property{nav("items", "driveItem", true)}),
		resourcePage("driveItem", "microsoft.graph.entity", []Property{nav("thumbnails", "thumbnailSet", true)}),
		resourcePage("thumbnailSet", "microsoft.graph.entity", []Property{prop("large", "thumbnail"), prop("medium", "thumbnail"), prop("small", "thumbnail")}),
		resourcePage("thumbnail", "", []Property{{Name: "content", Type: stream}, {Name: "url", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("itemActivity", "microsoft.graph.entity", []Property{prop("actor", "identitySet"), prop("driveItem", "driveItem")}),
		resourcePage("identitySet", "", nil),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drives", "{id}")),
		page("api/driveitem-list-thumbnails.md", "GET", gref("thumbnailSet", true), none, thumbs, one, content),
	}
	api, _ := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET " + thumbs.String():  "api/driveitem-list-thumbnails.md -> Collection(microsoft.graph.thumbnailSet)",
		"GET " + one.String():     "api/driveitem-list-thumbnails.md -> microsoft.graph.thumbnail",
		"GET " + content.String(): "api/driveitem-list-thumbnails.md -> Edm.Stream",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q", ep, got[ep], want)
		}
	}
	// Properties of different types (itemActivity: identitySet, driveItem) name nothing.
	m := newEndpointMap(newTypeGraph(pages, &Diagnostics{}), pages, nil)
	if f := m.propertyFamily(m.g.byName[key("microsoft.graph.itemActivity")]); f != nil {
		t.Errorf("itemActivity's property family is %s, want none", f.Name)
	}
}

// TestUnkeyedSegmentAnsweringCollection: GET /security/secureScores, whose page says "a
// secureScores object" where nothing keys or types the segment as one value, returns a
// collection when every example answers one; a single example object, or a singular
// segment name (latestScore), keeps one value.
func TestUnkeyedSegmentAnsweringCollection(t *testing.T) {
	none := TypeRef{}
	list := page("api/securescores-list.md", "GET", gref("secureScore", false), none, path("security", "secureScores"))
	list.Examples = []Example{{Kind: ExampleResponse, Status: 200, Body: `{"value": [{"id": "1"}]}`}}
	singular := page("api/latestscore-get.md", "GET", gref("secureScore", false), none, path("security", "latestScore"))
	singular.Examples = list.Examples
	one := page("api/securescoreprofile-get.md", "GET", gref("secureScoreProfile", false), none, path("security", "secureScoreProfile"))
	one.Examples = []Example{{Kind: ExampleResponse, Status: 200, Body: `{"id": "1"}`}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("secureScore", "microsoft.graph.entity", []Property{{Name: "azureTenantId", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("secureScoreProfile", "microsoft.graph.entity", []Property{{Name: "title", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		list, one, singular,
	}
	api, ds := Build("beta", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET /security/secureScores":       "api/securescores-list.md -> Collection(microsoft.graph.secureScore)",
		"GET /security/secureScoreProfile": "api/securescoreprofile-get.md -> microsoft.graph.secureScoreProfile",
		"GET /security/latestScore":        "api/latestscore-get.md -> microsoft.graph.secureScore",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q\n%s", ep, got[ep], want, ds)
		}
	}
}

// TestBodyFromExamples: a POST whose page says nothing of its body takes none when its
// example requests send none; an example with a body, prose in the Request body section,
// or no example at all leaves the body open.
func TestBodyFromExamples(t *testing.T) {
	req := func(body string) Example {
		return Example{Kind: ExampleRequest, Method: "POST", Body: body, Pos: Pos{File: "a.md", Line: 30, Col: 1}}
	}
	tests := []struct {
		name string
		body Body
		exs  []Example
		want bool
	}{
		{"empty section, example without a body", Body{Described: true}, []Example{req("")}, true},
		{"no section, example without a body", Body{}, []Example{req("  \n")}, true},
		{"an example sends a body", Body{Described: true}, []Example{req(""), req(`{"a": 1}`)}, false},
		{"prose in the section", Body{Described: true, Said: true}, []Example{req("")}, false},
		{"no example", Body{Described: true}, nil, false},
	}
	for _, tc := range tests {
		op := &Operation{Method: "POST", Body: tc.body, Examples: tc.exs}
		var ds Diagnostics
		bodyFromExamples(op, &ds)
		if op.Body.None != tc.want {
			t.Errorf("%s: Body.None = %v, want %v", tc.name, op.Body.None, tc.want)
		}
	}
}

// TestFunctionParamFromPathTable: a function parameter that the page tables under Path
// parameters (chart image's width and height, Int32) takes that row's type; the call
// then writes it unquoted.
func TestFunctionParamFromPathTable(t *testing.T) {
	var p Path
	p.Segments = append(path("charts", "{name}").Segments, Segment{Parts: []Part{{Literal: "image(width="}, {Param: "width", Function: true}, {Literal: ")"}}})
	pg := apiPage("api/chart-image.md", "GET", p)
	pg.Params = []Param{{Name: "width", In: InPath, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}}}
	ops := buildOperations(pg, &Diagnostics{})
	w, ok := ops[0].Param(InFunction, "width")
	if !ok || w.Type.Kind != KindPrimitive || w.Type.Primitive != Int32 {
		t.Errorf("width %+v, want the Path parameters row's Int32", w)
	}
}

// TestPrimitivePropertyGet: a GET of a primitive property returns its value, whatever
// the page's one Response section says of its other paths; when the example of that call
// answers with objects, the docs disagree and the page's type is kept.
func TestPrimitivePropertyGet(t *testing.T) {
	none := TypeRef{}
	str := TypeRef{Kind: KindPrimitive, Primitive: String}
	settings := page("api/user-get-mailboxsettings.md", "GET", gref("mailboxSettings", false), none,
		path("me", "mailboxSettings"), path("me", "mailboxSettings", "timeZone"))
	resp := page("api/profile-list-responsibilities.md", "GET", gref("personResponsibility", true), none,
		path("me", "responsibilities"), path("users", "{id}", "responsibilities"))
	exPath := path("me", "responsibilities")
	resp.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/beta/me/responsibilities", Path: &exPath},
		{Kind: ExampleResponse, Status: 200, Body: `{"value": [{"id": "1", "displayName": "Owner"}]}`},
	}
	str.Collection = true
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{prop("mailboxSettings", "mailboxSettings"), {Name: "responsibilities", Type: str}}),
		resourcePage("mailboxSettings", "", []Property{{Name: "timeZone", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("personResponsibility", "microsoft.graph.entity", []Property{{Name: "displayName", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id}"), path("me")),
		settings, resp,
	}
	api, _ := Build("beta", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET /me/mailboxSettings":          "api/user-get-mailboxsettings.md -> microsoft.graph.mailboxSettings",
		"GET /me/mailboxSettings/timeZone": "api/user-get-mailboxsettings.md -> Edm.String",
		"GET /me/responsibilities":         "api/profile-list-responsibilities.md -> Collection(microsoft.graph.personResponsibility)",
		"GET /users/{id}/responsibilities": "api/profile-list-responsibilities.md -> Collection(microsoft.graph.personResponsibility)",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q", ep, got[ep], want)
		}
	}
}

// TestKeyBelowSettledCollection: where the walk cannot follow a path, a key below a
// collection whose GET lists a base type addresses that base, though the only GET page of
// the key returns a derived type (derived pages contribute documentation).
func TestKeyBelowSettledCollection(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("updatableAsset", "microsoft.graph.entity", []Property{{Name: "name", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("azureADDevice", "microsoft.graph.updatableAsset", []Property{{Name: "enrollments", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		page("api/updates-list-updatableassets.md", "GET", gref("updatableAsset", true), none, path("admin", "updates", "updatableAssets")),
		page("api/azureaddevice-get.md", "GET", gref("azureADDevice", false), none, path("admin", "updates", "updatableAssets", "{azureADDeviceId}")),
	}
	api, _ := Build("beta", pages)
	got := opsByEndpoint(api)
	want := "api/azureaddevice-get.md -> microsoft.graph.updatableAsset"
	if g, _, _ := strings.Cut(got["GET /admin/updates/updatableAssets/{azureADDeviceId}"], " body "); g != want {
		t.Errorf("got %q, want %q\n%v", g, want, got)
	}
}

// TestDerivedOnlyNavigation: a navigation that only types derived from the addressed one
// have, written without the cast, addresses the common base of what their rows give; the
// derived page that documents it returns that base.
func TestDerivedOnlyNavigation(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("deviceManagement", "microsoft.graph.entity", []Property{nav("deviceConfigurations", "deviceConfiguration", true)}),
		resourcePage("deviceConfiguration", "microsoft.graph.entity", []Property{{Name: "displayName", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}),
		resourcePage("certificateBase", "microsoft.graph.deviceConfiguration", nil),
		resourcePage("androidCertificate", "microsoft.graph.certificateBase", nil),
		resourcePage("windowsCertificate", "microsoft.graph.certificateBase", nil),
		resourcePage("androidVpnConfiguration", "microsoft.graph.deviceConfiguration", []Property{nav("identityCertificate", "androidCertificate", false)}),
		resourcePage("windowsVpnConfiguration", "microsoft.graph.deviceConfiguration", []Property{nav("identityCertificate", "windowsCertificate", false)}),
		page("api/devicemanagement-get.md", "GET", gref("deviceManagement", false), none, path("deviceManagement")),
		page("api/androidvpnconfiguration-get-identitycertificate.md", "GET", gref("androidCertificate", false), none,
			path("deviceManagement", "deviceConfigurations", "{deviceConfigurationId}", "identityCertificate")),
	}
	api, _ := Build("beta", pages)
	got := opsByEndpoint(api)
	want := "api/androidvpnconfiguration-get-identitycertificate.md -> microsoft.graph.certificateBase"
	if g, _, _ := strings.Cut(got["GET /deviceManagement/deviceConfigurations/{deviceConfigurationId}/identityCertificate"], " body "); g != want {
		t.Errorf("got %q, want %q\n%v", g, want, got)
	}
}

// TestSingleNavigationAnsweringOne: GET /contacts/{id}/manager, whose page says "collection
// of directoryObject" where the Relationships row says one directoryObject and every
// example answers one object, returns one value; the same page with a collection example
// keeps the page's collection (the docs disagree and nothing settles it).
func TestSingleNavigationAnsweringOne(t *testing.T) {
	none := TypeRef{}
	mgr := page("api/orgcontact-get-manager.md", "GET", gref("directoryObject", true), none, path("contacts", "{id}", "manager"))
	mgr.Examples = []Example{{Kind: ExampleResponse, Status: 200, Body: `{"@odata.type": "#microsoft.graph.user", "id": "1"}`}}
	spon := page("api/orgcontact-get-sponsor.md", "GET", gref("directoryObject", true), none, path("contacts", "{id}", "sponsor"))
	spon.Examples = []Example{{Kind: ExampleResponse, Status: 200, Body: `{"value": [{"id": "1"}]}`}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("directoryObject", "microsoft.graph.entity", nil),
		resourcePage("orgContact", "microsoft.graph.directoryObject", []Property{nav("manager", "directoryObject", false), nav("sponsor", "directoryObject", false)}),
		page("api/orgcontact-get.md", "GET", gref("orgContact", false), none, path("contacts", "{id}")),
		mgr, spon,
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET /contacts/{id}/manager": "api/orgcontact-get-manager.md -> microsoft.graph.directoryObject",
		"GET /contacts/{id}/sponsor": "api/orgcontact-get-sponsor.md -> Collection(microsoft.graph.directoryObject)",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q\n%s", ep, got[ep], want, ds)
		}
	}
	if !strings.Contains(ds.String(), "response-shape-mismatch") {
		t.Errorf("no response-shape-mismatch for the manager page:\n%s", ds)
	}
}

// TestKeyedElsewhereNamesProperty: a placeholder after a one-valued property whose type's
// properties share one type (a user flow's apiConnectorConfiguration/{step}) names one of
// those properties; it does not make the segment a collection, as a key after a segment
// whose table forgot "collection" (chatMessage.hostedContents/{id}) does.
func TestKeyedElsewhereNamesProperty(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("identityApiConnector", "microsoft.graph.entity", nil),
		resourcePage("userFlowApiConnectorConfiguration", "", []Property{nav("postFederationSignup", "identityApiConnector", false), nav("postAttributeCollection", "identityApiConnector", false)}),
		resourcePage("hostedContent", "microsoft.graph.entity", nil),
		resourcePage("b2cIdentityUserFlow", "microsoft.graph.entity", []Property{prop("apiConnectorConfiguration", "userFlowApiConnectorConfiguration"), nav("hostedContents", "hostedContent", false)}),
		page("api/b2cidentityuserflow-get.md", "GET", gref("b2cIdentityUserFlow", false), none, path("b2cUserFlows", "{id}")),
		page("api/b2cidentityuserflow-get-apiconnectorconfiguration.md", "GET", gref("userFlowApiConnectorConfiguration", false), none, path("b2cUserFlows", "{id}", "apiConnectorConfiguration")),
		page("api/b2cidentityuserflow-put-apiconnectorconfiguration.md", "PUT", none, none, path("b2cUserFlows", "{id}", "apiConnectorConfiguration", "{step}", "$ref")),
		page("api/hostedcontent-list.md", "GET", gref("hostedContent", false), none, path("b2cUserFlows", "{id}", "hostedContents")),
		page("api/hostedcontent-get.md", "GET", gref("hostedContent", false), none, path("b2cUserFlows", "{id}", "hostedContents", "{hostedContent-id}")),
	}
	api, ds := Build("beta", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET /b2cUserFlows/{id}/apiConnectorConfiguration": "api/b2cidentityuserflow-get-apiconnectorconfiguration.md -> microsoft.graph.userFlowApiConnectorConfiguration",
		"GET /b2cUserFlows/{id}/hostedContents":            "api/hostedcontent-list.md -> Collection(microsoft.graph.hostedContent)",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q\n%s", ep, got[ep], want, ds)
		}
	}
	// the property follows the paths: a collection, said at its row; the one-valued
	// apiConnectorConfiguration stays one value
	for _, ty := range api.Types {
		for _, p := range ty.Properties {
			switch {
			case ty.Name == "b2cIdentityUserFlow" && p.Name == "hostedContents" && !p.Type.Collection:
				t.Errorf("hostedContents stays one value; want a collection")
			case ty.Name == "b2cIdentityUserFlow" && p.Name == "apiConnectorConfiguration" && p.Type.Collection:
				t.Errorf("apiConnectorConfiguration became a collection")
			}
		}
	}
	if !hasCode(ds, "property-shape-disagrees") {
		t.Errorf("no property-shape-disagrees warning in\n%s", ds)
	}
}

// TestNestedCreateVotes: a create below the root (POST /connections/{id}/groups, "Create
// externalGroup", 201) votes for what its segment holds, as one at the root does: the
// segment no table documents is a collection of externalGroup, not of the group its
// name alone would give.
func TestNestedCreateVotes(t *testing.T) {
	none := TypeRef{}
	create := page("api/externalconnection-post-groups.md", "POST", gref("externalGroup", false), gref("externalGroup", false), path("connections", "{id}", "groups"))
	create.Title, create.Response.Status = "Create externalGroup", 201
	del := page("api/externalgroup-delete.md", "DELETE", none, none, path("connections", "{id}", "groups", "{group-id}"))
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("group", "microsoft.graph.entity", nil),
		resourcePage("externalGroup", "microsoft.graph.entity", nil),
		resourcePage("externalConnection", "microsoft.graph.entity", nil),
		page("api/externalconnection-get.md", "GET", gref("externalConnection", false), none, path("connections", "{id}")),
		create, del,
	}
	api, ds := Build("beta", pages)
	for _, op := range api.Operations {
		if op.Page != del.File {
			continue
		}
		if tg := op.Paths[0].Target; tg == nil || tg.Type.Name != "externalGroup" {
			t.Errorf("DELETE %s addresses %+v, want an externalGroup\n%s", op.Paths[0], tg, ds)
		}
	}
	got := opsByEndpoint(api)
	if w := "api/externalconnection-post-groups.md -> microsoft.graph.externalGroup body microsoft.graph.externalGroup"; got["POST /connections/{id}/groups"] != w {
		t.Errorf("got %q, want %q\n%s", got["POST /connections/{id}/groups"], w, ds)
	}
}

// TestMissingPagesRobust: what the walk cannot type still gets the shape its path gives.
// A Relationships row whose type has no page (message.attachments without attachment.md)
// is a navigation, not an action named attachments; a GET whose path ends in a key
// returns one value though its list page says a collection; a query template addresses
// what its plain path does when the GET pages settled that path.
func TestMissingPagesRobust(t *testing.T) {
	none := TypeRef{}
	withQuery := func(p Path, name, value string) Path {
		p.Query = []QueryParam{{Name: name, Value: value}}
		return p
	}
	list := page("api/message-list-attachments.md", "GET", gref("attachment", true), none,
		path("me", "messages", "{id}", "attachments"), path("me", "messages", "{id}", "attachments", "{attachment-id}"))
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("message", "microsoft.graph.entity", []Property{nav("attachments", "attachment", true)}),
		page("api/message-get.md", "GET", gref("message", false), none, path("me", "messages", "{id}")),
		list,
		resourcePage("widget", "microsoft.graph.entity", nil),
		page("api/widget-list.md", "GET", gref("widget", true), none, path("identity", "conditionalAccess", "widgets")),
		page("api/widget-get.md", "GET", gref("widget", false), none, path("identity", "conditionalAccess", "widgets", "{id}")),
		page("api/widget-list-expand.md", "GET", gref("gadget", false), none, withQuery(path("identity", "conditionalAccess", "widgets", "{id}"), "$expand", "gadget")),
		// No page documents /drives: the move page's PATCH sends the driveItem it answers.
		resourcePage("driveItem", "microsoft.graph.entity", nil),
		page("api/driveitem-move.md", "PATCH", gref("driveItem", false), none, path("drives", "{drive-id}", "items", "{item-id}"), path("me", "drive", "items", "{item-id}")),
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for ep, want := range map[string]string{
		"GET /me/messages/{id}/attachments":                           "api/message-list-attachments.md -> Collection(microsoft.graph.attachment)",
		"GET /me/messages/{id}/attachments/{attachment-id}":           "api/message-list-attachments.md -> microsoft.graph.attachment",
		"GET /identity/conditionalAccess/widgets/{id}?$expand=gadget": "api/widget-list-expand.md -> microsoft.graph.widget",
	} {
		if g, _, _ := strings.Cut(got[ep], " body "); g != want {
			t.Errorf("%s: got %q, want %q\n%s", ep, got[ep], want, ds)
		}
	}
	for _, ep := range []string{"PATCH /drives/{drive-id}/items/{item-id}", "PATCH /me/drive/items/{item-id}"} {
		if _, body, _ := strings.Cut(got[ep], " body "); body != "microsoft.graph.driveItem" {
			t.Errorf("%s: got %q, want the body microsoft.graph.driveItem\n%s", ep, got[ep], ds)
		}
	}
	if n := strings.Count(ds.String(), "request-body-from-response"); n != 1 {
		t.Errorf("%d request-body-from-response warnings, want one for the page\n%s", n, ds)
	}
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			if p.String() == "/me/messages/{id}/attachments" && p.Target != nil && p.Target.Kind == TargetOperation {
				t.Errorf("%s addresses an operation (%s)", p, p.Target.Via)
			}
		}
	}
}

// TestBodyParamShapesFromExamples: a String body parameter whose table row says one shape
// and whose every example sends the other is sent as the examples show; a parameter that
// no example sends, or that the examples send both ways, keeps its row.
func TestBodyParamShapesFromExamples(t *testing.T) {
	str := TypeRef{Kind: KindPrimitive, Primitive: String}
	strs := str
	strs.Collection = true
	req := func(body string) Example {
		return Example{Kind: ExampleRequest, Method: "POST", Body: body, Pos: Pos{File: "a.md", Line: 40, Col: 1}}
	}
	op := &Operation{Method: "POST", Params: []Param{
		{Name: "memberId", In: InBody, Type: strs},
		{Name: "rule", In: InBody, Type: strs},
		{Name: "ids", In: InBody, Type: str},
		{Name: "mixed", In: InBody, Type: strs},
		{Name: "unsent", In: InBody, Type: strs},
	}, Examples: []Example{
		req(`{"memberId": "a", "rule": ["x"], "ids": ["1", "2"], "mixed": "m"}`),
		req(`{"memberId": "b", "ids": ["3"], "mixed": ["n"]}`),
	}}
	var ds Diagnostics
	bodyParamShapesFromExamples(op, &ds)
	want := map[string]bool{"memberId": false, "rule": true, "ids": true, "mixed": true, "unsent": true}
	for _, pm := range op.Params {
		if pm.Type.Collection != want[pm.Name] {
			t.Errorf("%s: collection %v, want %v", pm.Name, pm.Type.Collection, want[pm.Name])
		}
	}
	if len(ds) != 2 {
		t.Errorf("diagnostics: %s", ds.String())
	}
}

// TestUpdateReturnsFromRow: an update whose page says 204 while the addressed type's
// Methods row says it returns the type returns it, nil when no body comes, unless an
// example response sides with the page.
func TestUpdateReturnsFromRow(t *testing.T) {
	none := TypeRef{}
	mk := func(file string, example bool) *Page {
		pg := page(file, "PATCH", none, gref("widget", false), path("widgets", "{id}"))
		pg.Response.Status = 204
		if example {
			pg.Examples = []Example{{Kind: ExampleResponse, Status: 204, Pos: Pos{File: file, Line: 50, Col: 1}}}
		}
		return pg
	}
	for _, tt := range []struct {
		example bool
		want    string
	}{{false, "microsoft.graph.widget"}, {true, "none"}} {
		upd := mk("api/widget-update.md", tt.example)
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("widget", "microsoft.graph.entity", nil, MethodLink{Title: "Update widget", Page: "api/widget-update.md", Return: gref("widget", false)}),
			page("api/widget-get.md", "GET", gref("widget", false), none, path("widgets", "{id}")),
			upd,
		}
		api, ds := Build("v1.0", pages)
		got := opsByEndpoint(api)["PATCH /widgets/{id}"]
		if g, _, _ := strings.Cut(got, " body "); g != "api/widget-update.md -> "+tt.want {
			t.Errorf("example %v: got %q, want %s\n%s", tt.example, got, tt.want, ds)
		}
		for _, op := range api.Operations {
			if op.Page == upd.File && op.Response.Optional == tt.example {
				t.Errorf("example %v: Optional %v", tt.example, op.Response.Optional)
			}
		}
	}
}

// TestLiteralKeyAfterCollection: a literal after a collection that some page updates or
// deletes is a key written as a segment, not a function: GET, PATCH and DELETE of
// /policy/configurations/fido2 address one configuration, and the GET returns the derived
// type its page is about. A literal naming a property of the elements is not a key.
func TestLiteralKeyAfterCollection(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("configuration", "microsoft.graph.entity", []Property{nav("icon", "icon", false)}),
		resourcePage("icon", "", []Property{prop("set", "entity"), prop("index", "entity")}),
		resourcePage("fido2Configuration", "microsoft.graph.configuration", nil),
		resourcePage("policy", "microsoft.graph.entity", []Property{nav("configurations", "configuration", true)}),
		page("api/policy-get.md", "GET", gref("policy", false), none, path("policy")),
		page("api/fido2configuration-get.md", "GET", gref("fido2Configuration", false), none, path("policy", "configurations", "fido2")),
		page("api/fido2configuration-delete.md", "DELETE", none, none, path("policy", "configurations", "fido2")),
		page("api/icon-get.md", "GET", gref("icon", false), none, path("policy", "configurations", "icon")),
		page("api/icon-update.md", "PATCH", gref("icon", false), gref("icon", false), path("policy", "configurations", "icon")),
	}
	api, ds := Build("beta", pages)
	for _, op := range api.Operations {
		tg := op.Paths[0].Target
		switch op.Page {
		case "api/fido2configuration-get.md", "api/fido2configuration-delete.md":
			if tg == nil || tg.Kind != TargetEntity {
				t.Errorf("%s: %+v, want an entity\n%s", op.Page, tg, ds)
			}
		case "api/icon-get.md":
			if tg != nil && tg.Kind == TargetEntity && tg.Type.Name == "configuration" {
				t.Errorf("%s: the property icon was read as a key: %+v", op.Page, tg)
			}
		}
	}
	got := opsByEndpoint(api)
	if g, _, _ := strings.Cut(got["GET /policy/configurations/fido2"], " body "); g != "api/fido2configuration-get.md -> microsoft.graph.fido2Configuration" {
		t.Errorf("GET fido2: %q\n%s", got["GET /policy/configurations/fido2"], ds)
	}
}

// TestFilterAnswersCollection: a GET whose query filters a path the walk cannot follow
// answers a collection of the page's type; one that ends in a key keeps the one value.
func TestFilterAnswersCollection(t *testing.T) {
	filter := func(p Path) Path {
		p.Query = []QueryParam{{Name: "$filter", Parts: []Part{{Literal: "VideoTeleconferenceId eq '"}, {Param: "id"}, {Literal: "'"}}}}
		return p
	}
	got := map[string]string{}
	var ds Diagnostics
	for _, p := range []Path{filter(path("communications", "onlineMeetings")), filter(path("communications", "onlineMeetings", "{meetingId}"))} {
		pg := page("api/onlinemeeting-get.md", "GET", gref("onlineMeeting", false), TypeRef{}, p)
		api, d := Build("v1.0", []*Page{resourcePage("onlineMeeting", "", nil), pg})
		ds = append(ds, d...)
		for _, op := range api.Operations {
			for _, p := range op.Paths {
				got[Path{Segments: p.Segments}.String()] = op.ResultOf(p).String()
			}
		}
	}
	if g := got["/communications/onlineMeetings"]; g != "Collection(microsoft.graph.onlineMeeting)" {
		t.Errorf("filtered list answers %s, want a collection\n%s", g, ds)
	}
	if g := got["/communications/onlineMeetings/{meetingId}"]; g != "microsoft.graph.onlineMeeting" {
		t.Errorf("keyed path answers %s, want one value", g)
	}
}

// TestURLQueryOptionsOwnParameter: a name written without $ that the operation templates
// as a parameter of its own (GET /sites?search={query}) is not the OData option; written
// with $, or not templated, it is.
func TestURLQueryOptionsOwnParameter(t *testing.T) {
	sites := path("sites")
	sites.Query = []QueryParam{{Name: "search", Param: "query"}}
	op := &Operation{Method: "GET", Paths: []Path{sites}}
	for u, want := range map[string][]string{
		"https://graph.microsoft.com/v1.0/sites?search=contoso":                nil,
		"https://graph.microsoft.com/v1.0/sites?$search=contoso&select=id":     {"$search", "$select"},
		"https://graph.microsoft.com/v1.0/sites?search=contoso&expand=columns": {"$expand"},
	} {
		if got := urlQueryOptions(u, op); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", u, got, want)
		}
	}
	if got := urlQueryOptions("https://graph.microsoft.com/v1.0/sites?search=contoso", nil); !slices.Equal(got, []string{"$search"}) {
		t.Errorf("no operation: %v", got)
	}
}
