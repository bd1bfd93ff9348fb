package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func str() TypeRef { return TypeRef{Kind: KindPrimitive, Primitive: String} }

// path builds a Path from segments written as "lit", "{param}" or "{a|b}".
func path(segs ...string) Path {
	var p Path
	for _, s := range segs {
		if strings.HasPrefix(s, "{") {
			alts := strings.Split(strings.Trim(s, "{}"), "|")
			pt := Part{Param: alts[0]}
			if len(alts) > 1 {
				pt.Alternatives = alts
			}
			p.Segments = append(p.Segments, Segment{Parts: []Part{pt}})
			continue
		}
		p.Segments = append(p.Segments, Segment{Parts: []Part{{Literal: s}}})
	}
	return p
}

func apiPage(file, method string, paths ...Path) *Page {
	pg := &Page{File: file, Kind: PageAPI, Title: "t", TitlePos: Pos{File: file, Line: 1, Col: 1},
		Response: Response{Status: 200, Type: TypeRef{Kind: KindNamed, Name: "widget", Namespace: "microsoft.graph", Link: "resources/widget.md"}}}
	for i, p := range paths {
		pg.Requests = append(pg.Requests, RequestLine{Method: method, Path: p, Pos: Pos{File: file, Line: 10 + i, Col: 1}})
	}
	return pg
}

func TestBuildOperations(t *testing.T) {
	get := apiPage("api/widget-get.md", "GET", path("me", "widget"), path("users", "{userId|userPrincipalName}", "widget"))
	get.Params = []Param{
		{Name: "userId", In: InPath, Type: TypeRef{Kind: KindPrimitive, Primitive: Guid}},
		{Name: "ignored", In: InBody, Type: str()},
		{Name: "Prefer", In: InHeader, Type: str()},
	}
	enum := &Page{File: "resources/widget.md", Kind: PageEnum}
	api, ds := Build("beta", []*Page{enum, get})
	if len(api.Operations) != 1 {
		t.Fatalf("%d operations, want 1", len(api.Operations))
	}
	op := api.Operations[0]
	if len(op.Paths) != 2 || op.Paths[0].String() != "/me/widget" || op.Paths[1].String() != "/users/{userId}/widget" {
		t.Errorf("paths %v", op.Paths)
	}
	p, ok := op.Param(InPath, "userId")
	if !ok || p.Type.Primitive != Guid || p.Presence != Required {
		t.Errorf("userId param %+v: want it typed Guid from the page's table, required", p)
	}
	if _, ok := op.Param(InBody, "ignored"); ok {
		t.Error("a GET must not keep body parameters")
	}
	if _, ok := op.Param(InHeader, "Prefer"); !ok {
		t.Error("header parameter lost")
	}
	if !hasCode(ds, "body-param-ignored") {
		t.Errorf("no body-param-ignored warning in\n%s", ds)
	}
	if len(api.Types) != 1 || !api.Types[0].IsEnum || api.Types[0].Name != "widget" {
		t.Errorf("types %+v: want the linked enum page's type", api.Types)
	}
}

func TestBuildOneOperationPerMethod(t *testing.T) {
	pg := apiPage("api/x.md", "GET", path("a"))
	pg.Requests = append(pg.Requests, RequestLine{Method: "PUT", Path: path("a"), Pos: Pos{File: "api/x.md", Line: 20}})
	pg.Requests = append(pg.Requests, RequestLine{Method: "GET", Path: path("a"), Pos: Pos{File: "api/x.md", Line: 21}})
	api, _ := Build("v1.0", []*Page{pg})
	if len(api.Operations) != 2 {
		t.Fatalf("%d operations, want GET and PUT", len(api.Operations))
	}
	if got := len(api.Operations[0].Paths); got != 1 {
		t.Errorf("the repeated GET line gave %d paths, want 1", got)
	}
}

func TestBuildDuplicatesAndMissing(t *testing.T) {
	a := apiPage("api/a.md", "GET", path("widgets", "{id}"))
	b := apiPage("api/b.md", "GET", path("Widgets", "{widgetId}"), path("gadgets"))
	b.Response.Type.Name = "gadget" // a different signature with no evidence either way
	empty := &Page{File: "api/c.md", Kind: PageAPI, Title: "c"}
	nostatus := apiPage("api/d.md", "DELETE", path("things", "{id}"))
	nostatus.Response = Response{}
	api, ds := Build("v1.0", []*Page{b, empty, nostatus, a})
	var got []string
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			got = append(got, op.Method+" "+p.String()+" "+op.Page)
		}
	}
	want := "GET /gadgets api/b.md|DELETE /things/{id} api/d.md|GET /widgets/{id} api/a.md"
	if strings.Join(got, "|") != want {
		t.Errorf("operations:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
	for _, code := range []string{"duplicate-operation", "response-status-missing"} {
		if !hasCode(ds, code) {
			t.Errorf("no %s diagnostic in\n%s", code, ds)
		}
	}
	if api.Operations[1].Response.Status != 204 {
		t.Errorf("a DELETE with no documented status and no body should assume 204, got %d", api.Operations[1].Response.Status)
	}
}

func TestBuildDuplicateParamRows(t *testing.T) {
	pg := apiPage("api/x.md", "POST", path("x"))
	pg.Params = []Param{
		{Name: "clientId", In: InBody, Type: str()},
		{Name: "clientId", In: InBody, Type: str()},
		{Name: "mode", In: InBody, Type: str()},
		{Name: "mode", In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}},
	}
	api, ds := Build("v1.0", []*Page{pg})
	if n := len(api.Operations[0].ParamsIn(InBody)); n != 2 {
		t.Errorf("%d body params, want 2 (first rows kept)", n)
	}
	var dups int
	for _, d := range ds {
		if d.Code == "duplicate-param" {
			dups++
		}
	}
	if dups != 1 {
		t.Errorf("%d duplicate-param warnings, want 1 (only where the types differ)", dups)
	}
}

func TestPathForms(t *testing.T) {
	p := path("users", "{id|userPrincipalName}", "memberOf")
	p.Segments = append(p.Segments, Segment{Parts: []Part{{Literal: "f(x="}, {Param: "x", Quoted: true, Function: true}, {Literal: ")"}}})
	p.Query = []QueryParam{{Name: "$select", Value: "id"}, {Name: "start", Param: "start"}}
	if got, want := p.String(), "/users/{id}/memberOf/f(x='{x}')?$select=id&start={start}"; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
	if got, want := p.Shape(), "/users/{}/memberof/f(x={})?$select?start"; got != want {
		t.Errorf("Shape() = %s, want %s", got, want)
	}
	// OData's key-as-segment escape addresses what the path without it does.
	if escaped, plain := path("workbook", "tables", "$", "add"), path("workbook", "tables", "add"); escaped.Shape() != plain.Shape() {
		t.Errorf("Shape() = %s beside %s, want the same", escaped.Shape(), plain.Shape())
	}
	alts := p.Alternatives()
	if len(alts) != 2 || alts[1].Segments[1].Parts[0].Param != "userPrincipalName" || alts[0].Segments[1].Parts[0].Param != "id" {
		t.Errorf("Alternatives() = %v", alts)
	}
	if len(p.Segments[1].Parts[0].Alternatives) != 2 {
		t.Error("Alternatives() changed the original path")
	}
	if ps := p.Params(); len(ps) != 3 || ps[2].Param != "start" {
		t.Errorf("Params() = %+v", ps)
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"vppTokens": "vppToken", "policies": "policy", "addresses": "address", "status": "status",
		"analysis": "analysis", "statistics": "statistics", "me": "me", "Branches": "Branch", "boxes": "box",
		"userStatuses": "userStatus", "acceptanceStatuses": "acceptanceStatus",
		"series": "series", "timeSeries": "timeSeries", "children": "child", "Children": "Child",
		"alerts_v2": "alert_v2", "incidents_v10": "incident_v10", "my_v": "my_v",
	} {
		if got := Singular(in); got != want {
			t.Errorf("Singular(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"user-id": "userId", "period_value": "periodValue", "Site ID": "siteID", "id": "id", "ID": "iD", "vppTokenId": "vppTokenId",
	} {
		if got := CamelCase(in); got != want {
			t.Errorf("CamelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLookupPrimitive(t *testing.T) {
	for in, want := range map[string]Primitive{
		"String": String, "string": String, "Edm.Int32": Int32, "`Int64`": Int64, "GUID": Guid, "Integer": Int32,
		"datetime": DateTimeOffset, "Untyped JSON object": Json,
	} {
		if got, ok := LookupPrimitive(in); !ok || got != want {
			t.Errorf("LookupPrimitive(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := LookupPrimitive("vppToken"); ok {
		t.Error("vppToken is not a primitive")
	}
}

func TestDiagnostics(t *testing.T) {
	var ds Diagnostics
	ds.Addf(Pos{File: "b.md", Line: 2, Col: 1}, Warning, "w-code", "second %d", 2)
	ds.Addf(Pos{File: "a.md", Line: 9, Col: 3}, Error, "e-code", "first")
	ds.Addf(Pos{File: "a.md", Line: 9, Col: 3}, Error, "e-code", "first")
	ds = ds.Sort()
	want := "a.md:9:3: error: e-code: first\nb.md:2:1: warning: w-code: second 2\n"
	if got := ds.String(); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if ds.Errors() != 1 {
		t.Errorf("Errors() = %d", ds.Errors())
	}
}

func hasCode(ds Diagnostics, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestFunctionArgsFromBody(t *testing.T) {
	pg := apiPage("api/intent-compare.md", "GET", path("deviceManagement", "intents", "{intentId}", "compare"))
	pg.Title = "compare function"
	pg.Params = []Param{{Name: "templateId", In: InBody, Type: str()}, {Name: "count", In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}}}
	api, ds := Build("beta", []*Page{pg})
	op := api.Operations[0]
	if got, want := op.Paths[0].String(), "/deviceManagement/intents/{intentId}/compare(templateId='{templateId}',count={count})"; got != want {
		t.Errorf("path %s, want %s", got, want)
	}
	if p, ok := op.Param(InFunction, "count"); !ok || p.Type.Primitive != Int32 {
		t.Errorf("count: %+v %v", p, ok)
	}
	if len(op.ParamsIn(InBody)) != 0 || hasCode(ds, "body-param-ignored") || !hasCode(ds, "function-params-from-body") {
		t.Errorf("body params %v, diagnostics\n%s", op.ParamsIn(InBody), ds)
	}
	// Not a function: the rows stay ignored body rows.
	pg2 := apiPage("api/x-get.md", "GET", path("things"))
	pg2.Params = []Param{{Name: "templateId", In: InBody, Type: str()}}
	_, ds2 := Build("beta", []*Page{pg2})
	if !hasCode(ds2, "body-param-ignored") {
		t.Errorf("diagnostics\n%s", ds2)
	}
}

func TestInferResponse(t *testing.T) {
	pg := apiPage("api/x.md", "POST", path("items", "{itemId}", "invite"))
	pg.Response = Response{Status: 200, Type: TypeRef{Kind: KindUnknown}}
	pg.Examples = []Example{{Kind: ExampleResponse, Annotation: &Annotation{BlockType: "response", ODataType: "Collection(microsoft.graph.permission)"}}}
	del := apiPage("api/y.md", "DELETE", path("items", "{itemId}"))
	del.Response = Response{Type: TypeRef{Kind: KindUnknown}}
	api, ds := Build("v1.0", []*Page{pg, del})
	var got []string
	for _, op := range api.Operations {
		got = append(got, fmt.Sprintf("%s %d %s", op.Method, op.Response.Status, op.Response.Type))
	}
	if want := "DELETE 204 none|POST 200 Collection(microsoft.graph.permission)"; strings.Join(got, "|") != want {
		t.Errorf("got %s, want %s", strings.Join(got, "|"), want)
	}
	if !hasCode(ds, "response-type-from-example") {
		t.Errorf("diagnostics:\n%s", ds)
	}
	for in, want := range map[string]string{"microsoft.graph.user": "microsoft.graph.user", "#microsoft.graph.ediscovery.tag": "microsoft.graph.ediscovery.tag",
		"stream": "Edm.Stream", "Edm.String": "Edm.String", "collection(microsoft.graph.x)": "Collection(microsoft.graph.x)"} {
		if got, ok := AnnotationType(in, false); !ok || got.String() != want {
			t.Errorf("AnnotationType(%q) = %s, %v; want %s", in, got, ok, want)
		}
	}
	if _, ok := AnnotationType("not a type", false); ok {
		t.Error("prose read as a type")
	}
}

func TestQueryOptionsFromExamples(t *testing.T) {
	for _, c := range []struct {
		name    string
		method  string
		generic bool
		urls    []string
		want    string
	}{
		{"options the examples send, with or without $", "GET", false,
			[]string{"https://graph.microsoft.com/v1.0/sites/{site-id}/lists/{list-id}?select=id,name&expand=columns(select=name)", "/x?$top=2&$skiptoken=abc"},
			"$select $expand $top"},
		{"added after the page's own", "GET", true, []string{"/x?$filter=a eq 'b'&$format=json"}, "$select $expand $filter $format"},
		{"no query", "GET", false, []string{"/x"}, ""},
		{"not a GET", "POST", false, []string{"/x?$select=id"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := apiPage("api/list-get.md", c.method, path("x"))
			p.ODataQueryGeneric = c.generic
			for _, u := range c.urls {
				p.Examples = append(p.Examples, Example{Kind: ExampleRequest, Method: c.method, URL: u})
			}
			ops := buildOperations(p, &Diagnostics{})
			if len(ops) != 1 {
				t.Fatalf("%d operations", len(ops))
			}
			if got := strings.Join(ops[0].QueryOptions, " "); got != c.want {
				t.Errorf("options %q, want %q", got, c.want)
			}
		})
	}
}

// A GET whose example sends its body table as JSON keeps the table as its body (the
// workbook range functions); one whose examples send none still drops it. A query
// parameter that only an example sends becomes an optional String.
func TestGetBodyAndExampleQuery(t *testing.T) {
	pg := apiPage("api/range-intersection.md", "GET", path("me", "drive", "items", "{itemId}", "workbook", "names", "{name}", "range", "intersection"))
	pg.Params = []Param{{Name: "anotherRange", In: InBody, Type: str()}}
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/drive/items/1/workbook/names/n/range/intersection?tag=x&$top=2", Body: "{\n  \"anotherRange\": \"A1:B2\"\n}"}}
	api, ds := Build("v1.0", []*Page{pg})
	op := api.Operations[0]
	if _, ok := op.Param(InBody, "anotherRange"); !ok || !hasCode(ds, "get-with-body") || hasCode(ds, "body-param-ignored") {
		t.Errorf("body params %v, diagnostics\n%s", op.ParamsIn(InBody), ds)
	}
	if p, ok := op.Param(InQuery, "tag"); !ok || p.Presence != Optional || p.Type.Primitive != String || !hasCode(ds, "query-param-from-example") {
		t.Errorf("tag: %+v %v, diagnostics\n%s", p, ok, ds)
	}
	if _, ok := op.Param(InQuery, "$top"); ok {
		t.Error("$top is an OData option, not a parameter of the page")
	}
	pg.Examples[0].Body = ""
	api, ds = Build("v1.0", []*Page{pg})
	if len(api.Operations[0].ParamsIn(InBody)) != 0 || !hasCode(ds, "body-param-ignored") {
		t.Errorf("without an example body: body params %v, diagnostics\n%s", api.Operations[0].ParamsIn(InBody), ds)
	}
	// driveitem-delta.md: a row of the Function parameters table sent in the query string;
	// the warning says where the page lists it.
	pg.Params = []Param{{Name: "tag", In: InFunction, Type: str(), Presence: Optional}}
	_, ds = Build("v1.0", []*Page{pg})
	if !slices.ContainsFunc(ds, func(d Diagnostic) bool {
		return d.Code == "query-param-from-example" && strings.Contains(d.Message, "as a function argument")
	}) {
		t.Errorf("a function row sent as a query parameter:\n%s", ds)
	}
}

// A create's request line that ends in a key becomes the collection its example POSTs to;
// one whose example names the key too, or whose page has the collection's line, stays.
func TestCreateLineFromExample(t *testing.T) {
	line := path("financials", "companies", "{id}", "journals", "{id}")
	coll := path("financials", "companies", "{id}", "journals")
	pg := apiPage("api/dynamics-create-journal.md", "POST", line)
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "POST", URL: "https://graph.microsoft.com/beta/financials/companies/{id}/journals", Path: &coll}}
	api, ds := Build("beta", []*Page{pg})
	if got := api.Operations[0].Paths[0].String(); got != "/financials/companies/{id}/journals" || !hasCode(ds, "request-line-from-example") {
		t.Errorf("path %s, diagnostics\n%s", got, ds)
	}
	if _, ok := api.Operations[0].Param(InPath, "id"); !ok {
		t.Error("the company key is lost")
	}
	pg.Examples[0].Path = &line
	api, ds = Build("beta", []*Page{pg})
	if got := api.Operations[0].Paths[0].String(); got != line.String() || hasCode(ds, "request-line-from-example") {
		t.Errorf("with an example of the keyed line: path %s, diagnostics\n%s", got, ds)
	}
}

// TestGetLineFromExample: a GET line that ends in a collection, on a page that answers one
// object and whose example gets one element, gains the key; an example that lists the
// collection keeps the line.
func TestGetLineFromExample(t *testing.T) {
	line := path("communications", "presences")
	one := path("communications", "presences", "{id}")
	pg := apiPage("api/presence-get.md", "GET", path("me", "presence"), line)
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/communications/presences/dc74d9bb", Path: &one}}
	api, ds := Build("v1.0", []*Page{pg})
	got := pagePaths(api, "api/presence-get.md")
	if !slices.Contains(got, "/communications/presences/{presenceId}") || !hasCode(ds, "request-line-from-example") {
		t.Errorf("paths %v, diagnostics\n%s", got, ds)
	}
	pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/communications/presences", Path: &line})
	api, ds = Build("v1.0", []*Page{pg})
	if got := pagePaths(api, "api/presence-get.md"); !slices.Contains(got, "/communications/presences") || hasCode(ds, "request-line-from-example") {
		t.Errorf("with an example of the collection: paths %v, diagnostics\n%s", got, ds)
	}
}

// TestWriteLineFromExample: a PATCH or DELETE line that ends in a collection gains the key
// its example sends to, whatever the example's key looks like; an example of the
// collection keeps the line, as does a line whose example writes elsewhere.
func TestWriteLineFromExample(t *testing.T) {
	line := path("roleManagement", "deviceManagement", "roleAssignments")
	one := path("roleManagement", "deviceManagement", "roleAssignments", "lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1")
	for _, method := range []string{"PATCH", "DELETE"} {
		pg := apiPage("api/roleassignment-update.md", method, line)
		pg.Examples = []Example{{Kind: ExampleRequest, Method: method, URL: "https://graph.microsoft.com/beta" + one.String(), Path: &one}}
		api, ds := Build("beta", []*Page{pg})
		if got := pagePaths(api, pg.File); !slices.Equal(got, []string{"/roleManagement/deviceManagement/roleAssignments/{roleAssignmentId}"}) || !hasCode(ds, "request-line-from-example") {
			t.Errorf("%s: paths %v, diagnostics\n%s", method, got, ds)
		}
		pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: method, URL: "https://graph.microsoft.com/beta" + line.String(), Path: &line})
		api, ds = Build("beta", []*Page{pg})
		if got := pagePaths(api, pg.File); !slices.Contains(got, line.String()) || hasCode(ds, "request-line-from-example") {
			t.Errorf("%s with an example of the collection: paths %v, diagnostics\n%s", method, got, ds)
		}
	}
	other := path("roleManagement", "cloudPC", "roleDefinitions", "x1")
	pg := apiPage("api/roleassignment-update.md", "PATCH", line)
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "PATCH", URL: "https://graph.microsoft.com/beta" + other.String(), Path: &other}}
	if _, ds := Build("beta", []*Page{pg}); hasCode(ds, "request-line-from-example") {
		t.Errorf("an example of another collection changed the line:\n%s", ds)
	}
	// group-post-members.md: PATCH .../members, the example PATCHes the group with
	// members@odata.bind; without the binding it says nothing of the line.
	members, group := path("groups", "{groupId}", "members"), path("groups", "{groupId}")
	for body, want := range map[string]string{
		`{"members@odata.bind": ["https://graph.microsoft.com/v1.0/directoryObjects/1"]}`: "/groups/{groupId}",
		`{"displayName": "x"}`: "/groups/{groupId}/members",
	} {
		pg := apiPage("api/group-post-members.md", "PATCH", members)
		pg.Examples = []Example{{Kind: ExampleRequest, Method: "PATCH", URL: "https://graph.microsoft.com/v1.0/groups/{group-id}", Path: &group, Body: body}}
		api, ds := Build("v1.0", []*Page{pg})
		if got := pagePaths(api, pg.File); !slices.Equal(got, []string{want}) {
			t.Errorf("%s: paths %v, want %s\n%s", body, got, want, ds)
		}
	}
}

// TestFunctionArgsFromFunctionTable: a Function parameters table whose rows the template
// leaves out gives the call its arguments when one row is not optional (a function's
// parameters are required unless said otherwise); an enum argument is quoted. Optional
// rows alone leave the plain call.
func TestFunctionArgsFromFunctionTable(t *testing.T) {
	enum := gref("includedUserTypes", false)
	tests := []struct {
		name string
		rows []Param
		want string
	}{
		{"required and unknown rows", []Param{
			{Name: "userId", In: InFunction, Type: str(), Presence: Required},
			{Name: "types", In: InFunction, Type: enum},
		}, "/reports/getUserArchivedPrintJobs(userId='{userId}',types='{types}')"},
		{"optional rows only", []Param{{Name: "valuesOnly", In: InFunction, Type: TypeRef{Kind: KindPrimitive, Primitive: Boolean}, Presence: Optional}},
			"/reports/getUserArchivedPrintJobs"},
		// a Query parameters row the example passes in the call is an argument
		{"query row the example calls with", []Param{{Name: "userId", In: InQuery, Type: str()}},
			"/reports/getUserArchivedPrintJobs(userId='{userId}')"},
		{"query row the example leaves out", []Param{{Name: "types", In: InQuery, Type: str()}},
			"/reports/getUserArchivedPrintJobs"},
	}
	called := path("reports", "getUserArchivedPrintJobs(userId='d6e4112f')")
	for _, tc := range tests {
		pg := apiPage("api/reports-getuserarchivedprintjobs.md", "GET", path("reports", "getUserArchivedPrintJobs"))
		pg.Params = tc.rows
		pg.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0" + called.String(), Path: &called}}
		api, _ := Build("v1.0", []*Page{pg})
		op := api.Operations[0]
		if got := op.Paths[0].String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		for _, pm := range op.Params {
			if pm.In == InQuery && strings.Contains(tc.want, pm.Name+"=") {
				t.Errorf("%s: %s is also sent as a query parameter", tc.name, pm.Name)
			}
		}
	}
}

// TestExampleStatus: a Response section that names no status takes the one success status
// its example responses give; examples that disagree leave the default.
func TestExampleStatus(t *testing.T) {
	for _, tc := range []struct {
		statuses []int
		want     int
	}{{[]int{201, 201}, 201}, {[]int{201, 200}, 200}, {nil, 200}} {
		pg := apiPage("api/driveitem-put-content.md", "PUT", path("me", "drive", "items", "{id}", "content"))
		pg.Response.Status = 0
		for _, st := range tc.statuses {
			pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: "PUT"}, Example{Kind: ExampleResponse, Status: st})
		}
		op := buildOperations(pg, &Diagnostics{})[0]
		if op.Response.Status != tc.want {
			t.Errorf("examples %v: status %d, want %d", tc.statuses, op.Response.Status, tc.want)
		}
	}
}

// TestBuildHeaderRowsMerge: two rows of one header (Prefer: odata.maxpagesize, Prefer:
// outlook.timezone) are one parameter that describes both.
func TestBuildHeaderRowsMerge(t *testing.T) {
	str := TypeRef{Kind: KindPrimitive, Primitive: String}
	pg := apiPage("api/widget-delta.md", "GET", path("widgets", "delta()"))
	pg.Params = []Param{
		{Name: "Prefer", In: InHeader, Type: str, Description: "odata.maxpagesize={x}. Optional."},
		{Name: "Prefer", In: InHeader, Type: str, Description: "outlook.timezone={zone}. Optional."},
		{Name: "Prefer", In: InHeader, Type: str, Description: "odata.maxpagesize={x}. Optional."},
	}
	api, _ := Build("v1.0", []*Page{pg})
	var got []string
	for _, p := range api.Operations[0].Params {
		if p.In == InHeader {
			got = append(got, p.Name+": "+p.Description)
		}
	}
	if want := []string{"Prefer: odata.maxpagesize={x}. Optional. outlook.timezone={zone}. Optional."}; !slices.Equal(got, want) {
		t.Errorf("headers %q, want %q", got, want)
	}
}

// TestExampleStatusOwnCalls: the status a page without one takes from its examples comes
// from the examples that call the operation: not one that first gets the item, nor one to
// the download host; a download answers 302.
func TestExampleStatusOwnCalls(t *testing.T) {
	content := path("me", "drive", "items", "{itemId}", "content")
	item := path("me", "drive", "items", "{itemId}")
	pg := apiPage("api/driveitem-get-content.md", "GET", content)
	pg.Response = Response{Type: TypeRef{Kind: KindPrimitive, Primitive: Stream}}
	pg.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "/me/drive/items/{item-id}/content", Path: &content},
		{Kind: ExampleResponse, Status: 302},
		{Kind: ExampleRequest, Method: "GET", URL: "/me/drive/items/{item-id}?select=id", Path: &item},
		{Kind: ExampleResponse, Status: 200},
		{Kind: ExampleRequest, Method: "GET", URL: "https://b0mpua.files.1drv.com/y23vmag", Path: &Path{Segments: []Segment{{Parts: []Part{{Literal: "y23vmag"}}}}}},
		{Kind: ExampleResponse, Status: 206},
	}
	api, _ := Build("v1.0", []*Page{pg})
	if got := api.Operations[0].Response.Status; got != 302 {
		t.Errorf("status %d, want 302", got)
	}
}

// TestQueryTemplatePlaceholderRows: a placeholder inside a query template ({id_value} in
// $filter) takes its row's type and description, and that row does not describe the
// user key whose alternatives include "id" (SameName reads id_value as id).
func TestQueryTemplatePlaceholderRows(t *testing.T) {
	user := Segment{Parts: []Part{{Param: "userId", Alternatives: []string{"id", "userPrincipalName"}}}}
	p := Path{Segments: []Segment{{Parts: []Part{{Literal: "users"}}}, user, {Parts: []Part{{Literal: "events"}}}},
		Query: []QueryParam{{Name: "$filter", Parts: []Part{{Literal: "singleValueExtendedProperties/Any(ep: ep/id eq '"}, {Param: "idValue", Written: "id_value", Quoted: true}, {Literal: "')"}}}}}
	pg := apiPage("api/singlevaluelegacyextendedproperty-get.md", "GET", p)
	pg.Params = []Param{{Name: "id_value", In: InPath, Description: "The extended property's ID.", Type: str()}}
	api, _ := Build("v1.0", []*Page{pg})
	if len(api.Operations) != 1 {
		t.Fatalf("%d operations", len(api.Operations))
	}
	op := api.Operations[0]
	if u, ok := op.Param(InPath, "userId"); !ok || strings.Contains(u.Description, "extended property") {
		t.Errorf("userId: %+v", u)
	}
	if v, ok := op.Param(InPath, "idValue"); !ok || v.Description != "The extended property's ID." {
		t.Errorf("idValue: %+v, %v", v, ok)
	}
}

// TestHeaderFromExample: a header an example request sends and no table lists is an
// optional String header; the headers every call sends, and one a table lists, are not.
func TestHeaderFromExample(t *testing.T) {
	pg := apiPage("api/timeoff-put.md", "PUT", path("teams", "{teamId}", "schedule", "timesOff", "{timeOffId}"))
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "PUT", Headers: []Header{
		{"Authorization", "Bearer x"}, {"Content-type", "application/json"}, {"Prefer", "return=representation"}, {"Bad Name", "x"},
	}}}
	api, ds := Build("v1.0", []*Page{pg})
	var headers []string
	for _, pm := range api.Operations[0].Params {
		if pm.In == InHeader {
			headers = append(headers, pm.Name)
		}
	}
	if !slices.Equal(headers, []string{"Prefer"}) || !hasCode(ds, "header-from-example") {
		t.Errorf("headers %v, diagnostics\n%s", headers, ds)
	}
	pg.Params = []Param{{Name: "Prefer", In: InHeader, Type: str()}}
	if _, ds := Build("v1.0", []*Page{pg}); hasCode(ds, "header-from-example") {
		t.Errorf("a header the table lists came from the example too:\n%s", ds)
	}
}

// TestExampleODataType: the @odata.type every example body writes at its top, when it
// names the body's type (trailing commas forgiven); none when one example leaves it out or
// names another type.
func TestExampleODataType(t *testing.T) {
	email := gref("emailAuthenticationMethodConfiguration", false)
	body := func(s string) Example { return Example{Kind: ExampleRequest, Method: "PATCH", Body: s} }
	for _, tc := range []struct {
		name string
		exs  []Example
		want string
	}{
		{"one example, trailing comma", []Example{body(`{"@odata.type": "#microsoft.graph.emailAuthenticationMethodConfiguration", "state": "enabled",}`)}, "#microsoft.graph.emailAuthenticationMethodConfiguration"},
		{"one leaves it out", []Example{body(`{"@odata.type": "#microsoft.graph.emailAuthenticationMethodConfiguration"}`), body(`{"state": "enabled"}`)}, ""},
		{"another type", []Example{body(`{"@odata.type": "#microsoft.graph.fido2AuthenticationMethodConfiguration"}`)}, ""},
		{"no body", []Example{{Kind: ExampleRequest, Method: "PATCH"}}, ""},
	} {
		op := &Operation{Method: "PATCH", Examples: tc.exs}
		if got := op.ExampleODataType(email); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestDeltaQueryOptions: a delta function's page that supports "OData query parameters"
// and names some takes those only; one that names none, or a plain list, takes the
// collection options.
func TestDeltaQueryOptions(t *testing.T) {
	for _, c := range []struct {
		name  string
		path  Path
		named []string
		want  string
	}{
		{"delta naming $select and $filter", path("applications", "delta()"), []string{"$select", "$filter"}, "$select $filter"},
		{"delta naming none", path("applications", "delta()"), nil, "$select $filter $orderby $top $skip $expand $count"},
		{"a list naming $search", path("applications"), []string{"$search"}, "$select $filter $orderby $top $skip $expand $count $search"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := apiPage("api/application-delta.md", "GET", c.path)
			p.ODataQueryGeneric = true
			p.QueryOptions = c.named
			p.Response.Type = gref("application", true)
			ops := buildOperations(p, &Diagnostics{})
			if got := strings.Join(ops[0].QueryOptions, " "); got != c.want {
				t.Errorf("options %q, want %q", got, c.want)
			}
		})
	}
}

// TestConsistencyLevelFromProse: a header the query prose names and no table lists is an
// optional header parameter; a table's row is kept as it is.
func TestConsistencyLevelFromProse(t *testing.T) {
	for _, table := range []bool{false, true} {
		p := apiPage("api/device-list-registeredowners.md", "GET", path("devices", "{id}", "registeredOwners"))
		p.ConsistencyLevelProse = ProseMention{Text: "requires the ConsistencyLevel header set to eventual"}
		if table {
			p.Params = []Param{{Name: "ConsistencyLevel", In: InHeader, Description: "eventual.", Type: TypeRef{Kind: KindPrimitive, Primitive: String}}}
		}
		ops := buildOperations(p, &Diagnostics{})
		var got []string
		for _, pm := range ops[0].Params {
			if pm.In == InHeader {
				got = append(got, pm.Name+": "+pm.Description)
			}
		}
		want := "ConsistencyLevel: requires the ConsistencyLevel header set to eventual"
		if table {
			want = "ConsistencyLevel: eventual."
		}
		if strings.Join(got, "|") != want {
			t.Errorf("table %v: headers %q, want %q", table, got, want)
		}
	}
}

// TestExampleOptionsOfTemplates: an option an example sends by calling a query template of
// the operation ($filter=JoinWebUrl eq '...') is the template's, not an option the
// operation's keyed GET takes.
func TestExampleOptionsOfTemplates(t *testing.T) {
	tmpl := path("me", "onlineMeetings")
	tmpl.Query = []QueryParam{{Name: "$filter", Parts: []Part{{Literal: "JoinWebUrl eq '"}, {Param: "joinWebUrl"}, {Literal: "'"}}}}
	p := apiPage("api/onlinemeeting-get.md", "GET", path("me", "onlineMeetings", "{meetingId}"), tmpl)
	exPath := path("me", "onlineMeetings")
	p.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/me/onlineMeetings?$filter=JoinWebUrl%20eq%20'x'&$select=id", Path: &exPath}}
	ops := buildOperations(p, &Diagnostics{})
	if got := strings.Join(ops[0].ExampleOptions, " "); got != "$select" {
		t.Errorf("example options %q, want $select (the $filter is the template's)", got)
	}
}

// TestExampleOptionsOfFixedTemplates: an example that sends another value of the option a
// line fixes (list-get.md's ?expand=columns(select=name) beside its
// ?expand=columns,items(expand=fields) line) calls the plain GET with that option.
func TestExampleOptionsOfFixedTemplates(t *testing.T) {
	fixed := path("sites", "{siteId}", "lists", "{listId}")
	fixed.Query = []QueryParam{{Name: "expand", Value: "columns,items(expand=fields)"}}
	p := apiPage("api/list-get.md", "GET", path("sites", "{siteId}", "lists", "{listId}"), fixed)
	exPath := path("sites", "s1", "lists", "l1")
	p.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/sites/s1/lists/l1?expand=columns,items(expand=fields)", Path: &exPath},
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/sites/s1/lists/l1?select=id&expand=columns(select=name)", Path: &exPath},
	}
	ops := buildOperations(p, &Diagnostics{})
	if got := strings.Join(ops[0].ExampleOptions, " "); got != "$select $expand" {
		t.Errorf("example options %q, want $select $expand", got)
	}
}
