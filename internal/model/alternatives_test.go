package model

import (
	"slices"
	"strings"
	"testing"
)

// bodyRows is a request-body table of String rows.
func bodyRows(names ...string) []Param {
	var ps []Param
	for _, n := range names {
		ps = append(ps, Param{Name: n, In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: String}})
	}
	return ps
}

func strProp(name string) Property {
	return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
}

// TestTypeAlternatives: a page that offers its body or response as "an A or B object"
// sends and answers their nearest common base; types with no common base keep the first;
// a root base with properties beyond its key is a family's base, and is taken.
func TestTypeAlternatives(t *testing.T) {
	for _, tc := range []struct {
		name     string
		first    string
		or       []string
		wantBody string
		wantDiag bool
	}{
		{"siblings under a root with properties", "ipNamedLocation", []string{"countryNamedLocation"}, "microsoft.graph.namedLocation", true},
		{"siblings under a based type", "user", []string{"group"}, "microsoft.graph.directoryObject", true},
		{"the base itself offered", "directoryObject", []string{"user"}, "microsoft.graph.directoryObject", false},
		{"no common base", "ipNamedLocation", []string{"meter"}, "microsoft.graph.ipNamedLocation", false},
		{"no alternatives", "ipNamedLocation", nil, "microsoft.graph.ipNamedLocation", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := []*Page{
				resourcePage("entity", "", []Property{strProp("id")}),
				resourcePage("namedLocation", "", []Property{strProp("id"), strProp("displayName")}),
				resourcePage("ipNamedLocation", "microsoft.graph.namedLocation", []Property{strProp("ipRanges")}),
				resourcePage("countryNamedLocation", "microsoft.graph.namedLocation", []Property{strProp("countriesAndRegions")}),
				resourcePage("directoryObject", "microsoft.graph.entity", nil),
				resourcePage("user", "microsoft.graph.directoryObject", nil),
				resourcePage("group", "microsoft.graph.directoryObject", nil),
				resourcePage("meter", "", []Property{strProp("reading")}),
			}
			pg := page("api/x-post.md", "POST", gref(tc.first, false), gref(tc.first, false), path("things"))
			for _, o := range tc.or {
				pg.Body.Or = append(pg.Body.Or, gref(o, false))
				pg.Response.Or = append(pg.Response.Or, gref(o, false))
			}
			pages = append(pages, pg)
			api, ds := Build("v1.0", pages)
			op := api.Operations[0]
			if got := op.Body.Type.QualifiedName(); got != tc.wantBody {
				t.Errorf("body %s, want %s", got, tc.wantBody)
			}
			if got := op.Response.Type.QualifiedName(); got != tc.wantBody {
				t.Errorf("response %s, want %s", got, tc.wantBody)
			}
			if hasCode(ds, "type-alternatives") != tc.wantDiag {
				t.Errorf("type-alternatives reported %v, want %v:\n%s", hasCode(ds, "type-alternatives"), tc.wantDiag, ds)
			}
		})
	}
}

// TestFamilyTargetFromTables: where the walk cannot follow a path, PATCH pages that name
// no type (they answer 204) and that are named after sibling types whose properties their
// body tables list address the siblings' common base, a root whose page names no base of
// its own. A base that has only its key (entity) is not taken.
func TestFamilyTargetFromTables(t *testing.T) {
	none := TypeRef{}
	mk := func(file string, rows ...string) *Page {
		pg := page(file, "PATCH", none, none, path("identity", "namedLocations", "{id}"))
		pg.Response = Response{Status: 204}
		pg.Params = bodyRows(rows...)
		pg.Title = "Update " + file
		return pg
	}
	for _, tc := range []struct {
		name, base, want string
	}{
		{"root with properties", "", "microsoft.graph.namedLocation"},
		{"key-only root", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			baseProps := []Property{strProp("id"), strProp("displayName")}
			if tc.want == "" {
				baseProps = []Property{strProp("id")}
			}
			pages := []*Page{
				resourcePage("namedLocation", tc.base, baseProps),
				resourcePage("ipNamedLocation", "microsoft.graph.namedLocation", []Property{strProp("ipRanges"), strProp("isTrusted")}),
				resourcePage("countryNamedLocation", "microsoft.graph.namedLocation", []Property{strProp("countriesAndRegions")}),
				mk("api/ipnamedlocation-update.md", "ipRanges", "isTrusted"),
				mk("api/countrynamedlocation-update.md", "countriesAndRegions"),
			}
			var ds Diagnostics
			g := newTypeGraph(pages, &ds)
			var cs []*candidate
			var ops []*Operation
			for _, p := range pages {
				if p.Kind == PageAPI {
					op := buildOperations(p, &ds)[0]
					ops = append(ops, op)
					cs = append(cs, &candidate{op: op, path: op.Paths[0]})
				}
			}
			m := newEndpointMap(g, pages, ops)
			m.familyTarget(cs)
			got := ""
			if tg := cs[1].op.Paths[0].Target; tg != nil {
				got = tg.Type.QualifiedName()
			}
			if got != tc.want {
				t.Errorf("addressed %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNestedTable: a body table that lists the resource's properties beside those of the
// types nested in it (two levels down, through navigation properties too) marks the body
// as the whole resource; a row that belongs to neither, or a table with none of the
// resource's own rows, does not.
func TestNestedTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows []string
		want bool
	}{
		{"own and nested two levels", []string{"displayName", "fileName", "language", "data"}, true},
		{"own only", []string{"displayName"}, true},
		{"a row of no nested type", []string{"displayName", "fileName", "somethingElse"}, false},
		{"nested only", []string{"fileName", "data"}, false},
		{"three levels down", []string{"displayName", "deep"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := []*Page{
				resourcePage("agreement", "", []Property{strProp("displayName"), nav("files", "agreementFileLocalization", true)}),
				resourcePage("agreementFileProperties", "", []Property{strProp("fileName"), prop("fileData", "agreementFileData")}),
				resourcePage("agreementFileLocalization", "microsoft.graph.agreementFileProperties", []Property{strProp("language")}),
				resourcePage("agreementFileData", "", []Property{strProp("data"), prop("more", "deepType")}),
				resourcePage("deepType", "", []Property{strProp("deep")}),
			}
			pg := page("api/agreement-post.md", "POST", gref("agreement", false), gref("agreement", false), path("agreements"))
			pg.Params = bodyRows(tc.rows...)
			pages = append(pages, pg)
			api, _ := Build("v1.0", pages)
			got := len(api.Operations[0].WholeBodies) > 0
			if got != tc.want {
				t.Errorf("whole body %v (%v), want %v", got, api.Operations[0].WholeBodies, tc.want)
			}
		})
	}
}

// TestSettleDerivedTable: a PATCH of an entity whose body table lists the properties of a
// type derived from the addressed one (an androidLobApp page updating
// /deviceAppManagement/mobileApps/{id}) sends the addressed base, which carries the
// derived value; a table of unrelated names keeps a struct of its rows.
func TestSettleDerivedTable(t *testing.T) {
	none := TypeRef{}
	for _, tc := range []struct {
		name string
		rows []string
		want string
	}{
		{"derived type's table", []string{"packageId", "displayName"}, "microsoft.graph.mobileApp"},
		{"unrelated rows", []string{"colour", "size"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg := page("api/androidlobapp-update.md", "PATCH", none, none, path("deviceAppManagement", "mobileApps", "{id}"))
			pg.Response = Response{Status: 204}
			pg.Params = bodyRows(tc.rows...)
			pages := []*Page{
				resourcePage("entity", "", []Property{strProp("id")}),
				resourcePage("deviceAppManagement", "microsoft.graph.entity", []Property{nav("mobileApps", "mobileApp", true)}),
				resourcePage("mobileApp", "microsoft.graph.entity", []Property{strProp("displayName")}),
				resourcePage("androidLobApp", "microsoft.graph.mobileApp", []Property{strProp("packageId")}),
				page("api/deviceappmanagement-get.md", "GET", gref("deviceAppManagement", false), none, path("deviceAppManagement")),
				pg,
			}
			api, _ := Build("v1.0", pages)
			got := ""
			for _, op := range api.Operations {
				if op.Method == "PATCH" && op.Paths[0].Target != nil && op.Paths[0].Target.Body != nil {
					got = op.Paths[0].Target.Body.QualifiedName()
				}
			}
			if got != tc.want {
				t.Errorf("body %q, want %q", got, tc.want)
			}
		})
	}
}

// TestOwnerExampleSendsTable: of two pages that list an action's endpoint with equal
// other evidence, the one whose example request for it sends only its body table's rows
// owns it, whatever the file order; an example that sends another key, or one for another
// endpoint, is no evidence. A real ID in the example's URL is a key when the example's
// annotation lists it among its sampleKeys.
func TestOwnerExampleSendsTable(t *testing.T) {
	none := TypeRef{}
	reply := path("groups", "{id}", "threads", "{id}", "reply")
	for _, tc := range []struct {
		name    string
		exPath  Path
		exBody  string
		sample  []string // the example's annotation's sampleKeys
		wantWin string
	}{
		{"example sends the table", reply, `{"post": {"body": {}}, "@odata.context": "x"}`, nil, "api/p-post.md"},
		{"example sends another key", reply, `{"post": {}, "comment": "x"}`, nil, "api/a-ext.md"},
		{"example of another endpoint", path("groups", "{id}", "threads"), `{"post": {}}`, nil, "api/a-ext.md"},
		{"a real ID the annotation lists as a sample key", path("groups", "{id}", "threads", "AAQkADJUdfolA==", "reply"), `{"post": {}}`, []string{"AAQkADJUdfolA=="}, "api/p-post.md"},
		{"a real ID no annotation lists", path("groups", "{id}", "threads", "AAQkADJUdfolA==", "reply"), `{"post": {}}`, nil, "api/a-ext.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ext := page("api/a-ext.md", "POST", none, none, reply)
			ext.Params = bodyRows("id", "value")
			pp := page("api/p-post.md", "POST", none, none, reply)
			pp.Params = bodyRows("post")
			ex := tc.exPath
			pp.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Path: &ex, Body: tc.exBody, Pos: Pos{File: "api/p-post.md", Line: 40, Col: 1},
				Annotation: &Annotation{BlockType: "request", SampleKeys: tc.sample}}}
			for _, p := range []*Page{ext, pp} {
				p.Response = Response{Status: 202}
				p.Title = "Reply"
			}
			pages := []*Page{
				resourcePage("group", "", []Property{strProp("id"), nav("threads", "conversationThread", true)}),
				resourcePage("conversationThread", "", []Property{strProp("id")}),
				page("api/group-get.md", "GET", gref("group", false), none, path("groups", "{id}")),
				ext, pp,
			}
			api, _ := Build("v1.0", pages)
			got := opsByEndpoint(api)["POST /groups/{id}/threads/{id}/reply"]
			if !strings.HasPrefix(got, tc.wantWin+" ") {
				t.Errorf("owner %q, want %s", got, tc.wantWin)
			}
		})
	}
}

// TestOwnerResponseShape: two pages give GET of a collection (one page's request line
// left out the key): the page that answers a collection of the addressed type owns it over
// the one answering one value, whatever the file order, and answers the collection, also
// where its Response prose says "object" but the Methods row linking it says "Collection
// of". On an entity path the one-value page wins.
func TestOwnerResponseShape(t *testing.T) {
	none := TypeRef{}
	for _, tc := range []struct {
		name       string
		p          Path
		listColl   bool // the list page's Response prose says collection
		row        bool // a Methods row links the list page with "Collection of"
		wantWin    string
		wantResult string
	}{
		{"collection path", path("schedules", "{id}", "requests"), true, false, "api/request-list.md", "Collection(microsoft.graph.request)"},
		{"collection path, the row says collection", path("schedules", "{id}", "requests"), false, true, "api/request-list.md", "Collection(microsoft.graph.request)"},
		{"entity path", path("schedules", "{id}", "requests", "{rid}"), true, false, "api/request-get.md", "microsoft.graph.request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			get := page("api/request-get.md", "GET", gref("request", false), none, tc.p)
			get.Title = "Get request"
			list := page("api/request-list.md", "GET", gref("request", tc.listColl), none, tc.p)
			list.Title = "List requests"
			var rows []MethodLink
			if tc.row {
				rows = append(rows, MethodLink{Title: "List", Page: "api/request-list.md", Return: gref("request", true)},
					MethodLink{Title: "Get", Page: "api/request-get.md", Return: gref("request", false)})
			}
			pages := []*Page{
				resourcePage("schedule", "", []Property{strProp("id"), nav("requests", "request", true)}),
				resourcePage("request", "", []Property{strProp("id")}, rows...),
				page("api/schedule-get.md", "GET", gref("schedule", false), none, path("schedules", "{id}")),
				get, list,
			}
			api, _ := Build("v1.0", pages)
			want := tc.wantWin + " -> " + tc.wantResult + " body none"
			if got := opsByEndpoint(api)["GET "+tc.p.String()]; got != want {
				t.Errorf("owner %q, want %q", got, want)
			}
		})
	}
}

// TestNamedSegmentRowType: a segment no Relationships table documents, whose name names a
// type (roleDefinitions: the intune roleDefinition), holds instead the type a Methods row
// of the parent gives the page that reads it (unifiedRoleDefinition); with no such row the
// name decides.
func TestNamedSegmentRowType(t *testing.T) {
	none := TypeRef{}
	for _, tc := range []struct {
		name string
		row  bool
		want string
	}{
		{"Methods row", true, "Collection(microsoft.graph.unifiedRoleDefinition)"},
		{"no row", false, "Collection(microsoft.graph.roleDefinition)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows []MethodLink
			if tc.row {
				rows = append(rows, MethodLink{Title: "List roleDefinitions", Page: "api/rbacapplication-list-roledefinitions.md", Return: gref("unifiedRoleDefinition", true)})
			}
			pages := []*Page{
				resourcePage("roleManagement", "", []Property{prop("directory", "rbacApplication")}),
				resourcePage("rbacApplication", "", []Property{strProp("id")}, rows...),
				resourcePage("roleDefinition", "", []Property{strProp("id")}),
				resourcePage("unifiedRoleDefinition", "", []Property{strProp("id")}),
				page("api/rolemanagement-get.md", "GET", gref("roleManagement", false), none, path("roleManagement")),
				page("api/rbacapplication-list-roledefinitions.md", "GET", gref("unifiedRoleDefinition", true), none, path("roleManagement", "directory", "roleDefinitions")),
			}
			api, _ := Build("v1.0", pages)
			want := "api/rbacapplication-list-roledefinitions.md -> " + tc.want + " body none"
			if got := opsByEndpoint(api)["GET /roleManagement/directory/roleDefinitions"]; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

// TestAdoptedPathSharedQuery: an example path that a page shows only in its example takes
// the query template that all the page's request lines to the same target write, when it
// passes only named parameters (calendarView's required range); a template that fixes an
// OData option ($filter=...) is not copied.
func TestAdoptedPathSharedQuery(t *testing.T) {
	none := TypeRef{}
	for _, tc := range []struct {
		name  string
		query []QueryParam
		want  string
	}{
		{"named parameters", []QueryParam{{Name: "startDateTime", Param: "start"}, {Name: "endDateTime", Param: "end"}},
			"/me/calendarView?startDateTime={start}&endDateTime={end}"},
		{"an OData option", []QueryParam{{Name: "$filter", Parts: []Part{{Literal: "start eq '"}, {Param: "start"}, {Literal: "'"}}}},
			"/me/calendarView"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			line := path("users", "{id}", "calendarView")
			line.Query = tc.query
			list := page("api/user-list-calendarview.md", "GET", gref("event", true), none, line)
			ex := path("me", "calendarView")
			list.Examples = []Example{{Kind: ExampleRequest, Method: "GET", Path: &ex, Pos: Pos{File: list.File, Line: 80, Col: 1}}}
			pages := []*Page{
				resourcePage("user", "", []Property{strProp("id"), nav("calendarView", "event", true)}),
				resourcePage("event", "", []Property{strProp("id")}),
				page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id}"), path("me")),
				list,
			}
			api, _ := Build("v1.0", pages)
			got := pagePaths(api, list.File)
			if !slices.Contains(got, tc.want) {
				t.Errorf("paths %q, want one %q", got, tc.want)
			}
		})
	}
}

// TestTypeAlternativesRef: a $ref write that names "a user or group" as its body sends a
// Reference whatever the base: the common base is taken without a type-alternatives
// warning, which would name a body the method does not send.
func TestTypeAlternativesRef(t *testing.T) {
	for _, ref := range []bool{true, false} {
		pages := []*Page{
			resourcePage("entity", "", []Property{strProp("id")}),
			resourcePage("directoryObject", "microsoft.graph.entity", nil),
			resourcePage("user", "microsoft.graph.directoryObject", nil),
			resourcePage("group", "microsoft.graph.directoryObject", nil),
		}
		p := path("administrativeUnits", "{id}", "members")
		if ref {
			p = path("administrativeUnits", "{id}", "members", "$ref")
		}
		pg := page("api/administrativeunit-post-members.md", "POST", TypeRef{}, gref("user", false), p)
		pg.Body.Or = []TypeRef{gref("group", false)}
		_, ds := Build("v1.0", append(pages, pg))
		if hasCode(ds, "type-alternatives") == ref {
			t.Errorf("$ref %v: type-alternatives reported %v:\n%s", ref, !ref, ds)
		}
	}
}

// TestTypeAlternativesBodyParam: a body row typed "an A or B" takes their common base,
// so either can be sent (call answer's mediaConfig).
func TestTypeAlternativesBodyParam(t *testing.T) {
	pages := []*Page{
		resourcePage("mediaConfig", "", []Property{strProp("blob")}),
		resourcePage("appHostedMediaConfig", "microsoft.graph.mediaConfig", nil),
		resourcePage("serviceHostedMediaConfig", "microsoft.graph.mediaConfig", []Property{strProp("preFetchMedia")}),
	}
	pg := page("api/call-answer.md", "POST", TypeRef{}, TypeRef{}, path("communications", "calls", "{id}", "answer"))
	pg.Params = []Param{{Name: "mediaConfig", In: InBody, Type: gref("appHostedMediaConfig", false), Or: []TypeRef{gref("serviceHostedMediaConfig", false)}}}
	api, ds := Build("beta", append(pages, pg))
	for _, op := range api.Operations {
		if p, ok := op.Param(InBody, "mediaConfig"); !ok || p.Type.Name != "mediaConfig" {
			t.Errorf("mediaConfig %v %v, want the common base:\n%s", p.Type, ok, ds)
		}
	}
}

// TestFamilyTargetAcrossMethods: the one PATCH page of a path the walk cannot follow
// addresses the common base its GET pages (the base's and a derived type's) give, and
// sends it; a PATCH whose body table lists a type of another family is left alone.
func TestFamilyTargetAcrossMethods(t *testing.T) {
	none := TypeRef{}
	at := path("identity", "conditionalAccess", "namedLocations", "{id}") // no page reads /identity/conditionalAccess
	for _, tc := range []struct {
		name, file string
		rows       []string
		want       string
	}{
		{"a derived type's page", "api/ipnamedlocation-update.md", []string{"ipRanges", "isTrusted"}, "microsoft.graph.namedLocation"},
		{"another family's page", "api/meter-update.md", []string{"reading"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			patch := page(tc.file, "PATCH", none, none, at)
			patch.Response = Response{Status: 204}
			patch.Params = bodyRows(tc.rows...)
			patch.Title = "Update"
			pages := []*Page{
				resourcePage("namedLocation", "", []Property{strProp("id"), strProp("displayName")}),
				resourcePage("ipNamedLocation", "microsoft.graph.namedLocation", []Property{strProp("ipRanges"), strProp("isTrusted")}),
				resourcePage("meter", "", []Property{strProp("id"), strProp("reading")}),
				page("api/namedlocation-get.md", "GET", gref("namedLocation", false), none, at),
				page("api/ipnamedlocation-get.md", "GET", gref("ipNamedLocation", false), none, at),
				patch,
			}
			api, _ := Build("beta", pages)
			got := ""
			for _, op := range api.Operations {
				if op.Method == "PATCH" && op.Paths[0].Target != nil && op.Paths[0].Target.Kind != TargetUnknown {
					got = op.Paths[0].Target.Type.QualifiedName()
				}
			}
			if got != tc.want {
				t.Errorf("PATCH addresses %q, want %q", got, tc.want)
			}
		})
	}
}
