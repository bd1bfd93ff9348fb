package emit

import (
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestHeaderField: a header in capitals reads by its words; others as exported names.
func TestHeaderField(t *testing.T) {
	for in, want := range map[string]string{
		"MS-APP-ACTS-AS": "MSAppActsAs", "X-MS-CLIENT-REQUEST-ID": "XMSClientRequestID",
		"ConsistencyLevel": "ConsistencyLevel", "Workbook-Session-Id": "WorkbookSessionID", "If-Match": "IfMatch",
	} {
		if got := headerField(in); got != want {
			t.Errorf("headerField(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExportedAndUnexported(t *testing.T) {
	tests := []struct{ in, exp, unexp string }{
		{"vppTokenId", "VppTokenID", "vppTokenID"},
		{"id", "ID", "id"},
		{"deviceManagementTemplateId2", "DeviceManagementTemplateID2", "deviceManagementTemplateID2"},
		{"office365", "Office365", "office365"},
		{"ids", "IDs", "ids"},
		{"getByIds", "GetByIDs", "getByIDs"},
		{"webUrl", "WebURL", "webURL"},
		{"@odata.type", "ODataType", "odataType"},
		{"user-principal-name", "UserPrincipalName", "userPrincipalName"},
		{"period_value", "PeriodValue", "periodValue"},
		{"HTTPRequest", "HTTPRequest", "httpRequest"},
		{"getOffice365ActiveUserDetail", "GetOffice365ActiveUserDetail", "getOffice365ActiveUserDetail"},
		{"3dModel", "X3dModel", "x3dModel"},
		{"type", "Type", "typeValue"},
		{"func", "Func", "funcValue"},
		{"string", "String", "stringValue"},
		{"ctx", "Ctx", "ctxValue"},
		{"größe", "Größe", "größe"},
		{"名前", "名前", "名前"},
		{"Ключ", "Ключ", "ключ"},
		{"", "X", "x"},
		{"***", "X", "x"},
		// two numbers that would meet keep an underscore: v10_0 and v1_00 stay apart
		{"v10_0", "V10_0", "v10_0"},
		{"v1_00", "V1_00", "v1_00"},
		{"sha1_96", "Sha1_96", "sha1_96"},
		{"office365_user", "Office365User", "office365User"},
	}
	for _, tt := range tests {
		if got := exported(tt.in); got != tt.exp {
			t.Errorf("exported(%q) = %q, want %q", tt.in, got, tt.exp)
		}
		if got := unexported(tt.in); got != tt.unexp {
			t.Errorf("unexported(%q) = %q, want %q", tt.in, got, tt.unexp)
		}
		if !token.IsIdentifier(exported(tt.in)) || !token.IsIdentifier(unexported(tt.in)) {
			t.Errorf("%q does not give identifiers", tt.in)
		}
	}
}

func TestUniquer(t *testing.T) {
	u := uniquer{}
	got := []string{u.take("A"), u.take("A"), u.take("A2"), u.take("A")}
	if strings.Join(got, ",") != "A,A2,A22,A3" {
		t.Errorf("got %v", got)
	}
}

// seg builds a path from "lit" and "{param}" segments; "f(x)" is a function call with one
// argument x.
func seg(parts ...string) model.Path {
	var p model.Path
	for _, s := range parts {
		switch {
		case strings.HasPrefix(s, "{"):
			p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Param: strings.Trim(s, "{}")}}})
		case strings.HasSuffix(s, ")"):
			name, arg, _ := strings.Cut(strings.TrimSuffix(s, ")"), "(")
			p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{
				{Literal: name + "(" + arg + "="}, {Param: arg, Function: true}, {Literal: ")"}}})
		default:
			p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Literal: s}}})
		}
	}
	return p
}

// byPath appends a path-valued placeholder (root:/{itemPath}:), with its closing colon
// when more segments follow, and then those segments.
func byPath(p model.Path, param string, rest ...string) model.Path {
	parts := []model.Part{{Param: param, PathValued: true}}
	if len(rest) > 0 {
		parts = append(parts, model.Part{Literal: ":"})
	}
	p.Segments = append(p.Segments, model.Segment{Parts: parts})
	p.Segments = append(p.Segments, seg(rest...).Segments...)
	return p
}

// keyColon appends a key that a relative path follows: items/{parentId}:.
func keyColon(p model.Path, param string) model.Path {
	p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Param: param}, {Literal: ":"}}})
	return p
}

// targeted sets what a path addresses, as the endpoint map would.
func targeted(p model.Path, kind model.TargetKind, name string) model.Path {
	p.Target = &model.Target{Kind: kind, Name: name}
	return p
}

func TestMethodName(t *testing.T) {
	named := model.TypeRef{Kind: model.KindNamed, Name: "vppToken"}
	coll := named
	coll.Collection = true
	tests := []struct {
		method string
		status int
		resp   model.TypeRef
		title  string
		path   model.Path
		want   string
	}{
		{"GET", 200, coll, "List", seg("deviceAppManagement", "vppTokens"), "ListDeviceAppManagementVppTokens"},
		{"GET", 200, named, "Get", seg("deviceAppManagement", "vppTokens", "{vppTokenId}"), "GetDeviceAppManagementVppToken"},
		{"POST", 201, named, "Create vppToken", seg("deviceAppManagement", "vppTokens"), "CreateDeviceAppManagementVppToken"},
		{"PATCH", 200, named, "Update", seg("deviceAppManagement", "vppTokens", "{vppTokenId}"), "UpdateDeviceAppManagementVppToken"},
		{"DELETE", 204, model.TypeRef{}, "Delete", seg("deviceAppManagement", "vppTokens", "{vppTokenId}"), "DeleteDeviceAppManagementVppToken"},
		{"POST", 204, model.TypeRef{}, "revokeLicenses action", seg("deviceAppManagement", "vppTokens", "{vppTokenId}", "revokeLicenses"), "DeviceAppManagementVppTokenRevokeLicenses"},
		{"GET", 200, model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream}, "f", seg("reports", "getOffice365ActiveUserDetail(period)"), "GetOffice365ActiveUserDetailReports"},
		{"GET", 200, coll, "List", seg("me", "memberOf"), "ListMeMemberOf"},
		{"GET", 200, named, "Get", seg("me"), "GetMe"},
		{"DELETE", 204, model.TypeRef{}, "Remove", seg("groups", "{groupId}", "members", "{memberId}", "$ref"), "DeleteGroupMemberRef"},
		{"GET", 200, coll, "List", seg("directory", "deletedItems", "microsoft.graph.user"), "ListDirectoryDeletedItemsAsUser"},
		{"GET", 200, named, "Get", seg("policies"), "GetPolicies"},
		{"GET", 200, named, "Get", seg("policies", "{id}"), "GetPolicy"},
		{"PUT", 200, named, "Upload", seg("me", "drive", "items", "{itemId}", "content"), "PutMeDriveItemContent"},
		{"GET", 200, named, "Service root", seg(), "GetRoot"},
		{"GET", 200, named, "Get site", seg("sites", "contoso.sharepoint.com"), "GetSitesContosoSharepointCom"},
		{"POST", 201, named, "Create", seg(), "Root"},
		// With the endpoint map's target: actions and functions read verb first, whatever
		// the status; a POST to a collection creates; a POST of $ref adds.
		{"POST", 201, named, "Move message", targeted(seg("me", "messages", "{messageId}", "move"), model.TargetOperation, "move"), "MoveMeMessage"},
		{"POST", 204, model.TypeRef{}, "revokeLicenses action", targeted(seg("deviceAppManagement", "vppTokens", "{vppTokenId}", "revokeLicenses"), model.TargetOperation, "revokeLicenses"), "RevokeLicensesDeviceAppManagementVppToken"},
		{"GET", 200, coll, "delta", targeted(seg("users", "delta()"), model.TargetOperation, "delta"), "DeltaUsers"},
		{"POST", 200, named, "Send invitation", targeted(seg("invitations"), model.TargetCollection, ""), "CreateInvitation"},
		{"POST", 200, named, "Do a thing", targeted(seg("me", "events"), model.TargetUnknown, ""), "MeEvents"},
		// An action (a singular last segment) where the walk stopped reads verb first.
		{"POST", 200, coll, "Follow site", targeted(seg("users", "{userId}", "followedSites", "add"), model.TargetUnknown, ""), "AddUserFollowedSites"},
		// A create of the one value a navigation holds; a POST to one value that is no
		// create keeps the path's name.
		// A function called last where the walk stopped reads verb first as well; a key
		// in parentheses is no call.
		{"GET", 200, coll, "Search", targeted(seg("drives", "{driveId}", "root", "search(q='{q}')"), model.TargetUnknown, ""), "SearchDriveRoot"},
		{"GET", 200, coll, "Delta", targeted(seg("me", "drive", "root", "delta()"), model.TargetUnknown, ""), "DeltaMeDriveRoot"},
		// A function named by a noun is got, wherever the walk stopped.
		{"GET", 200, named, "Get range", targeted(seg("me", "drive", "items", "{itemId}", "workbook", "tables", "{tableId}", "range"), model.TargetOperation, "range"), "GetMeDriveItemWorkbookTableRange"},
		{"GET", 200, coll, "Recent", targeted(seg("me", "drive", "recent()"), model.TargetUnknown, ""), "GetMeDriveRecent"},
		{"GET", 200, named, "Get by path", targeted(seg("drives", "{driveId}", "root", "getByPath(path='{path}')"), model.TargetOperation, "getByPath"), "GetByPathDriveRoot"},
		// A function qualified by its namespace is named by its own name.
		{"GET", 200, named, "Run summary", targeted(seg("identityGovernance", "runs", "microsoft.graph.identityGovernance.summary(startDateTime={s})"), model.TargetUnknown, ""), "GetIdentityGovernanceRunsSummary"},
		// A PATCH, PUT or DELETE writes a value, which calls nothing: verb last never.
		{"PATCH", 200, named, "Update range", targeted(seg("worksheets", "{worksheetId}", "range(address)"), model.TargetUnknown, ""), "UpdateWorksheetRange"},
		{"DELETE", 204, model.TypeRef{}, "Delete branding", targeted(seg("organization", "{id}", "branding"), model.TargetOperation, "branding"), "DeleteOrganizationBranding"},
		{"GET", 200, named, "Get", targeted(model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "me"}}}, {Parts: []model.Part{{Literal: "worksheets('"}, {Param: "id"}, {Literal: "')"}}}}}, model.TargetUnknown, ""), "MeWorksheets"},
		{"POST", 201, named, "Create schema", targeted(seg("external", "connections", "{connectionId}", "schema"), model.TargetEntity, ""), "CreateExternalConnectionSchema"},
		{"POST", 200, named, "Do a thing", targeted(seg("me", "settings"), model.TargetEntity, ""), "MeSettings"},
		{"POST", 204, model.TypeRef{}, "Add member", targeted(seg("groups", "{groupId}", "members", "$ref"), model.TargetRef, ""), "AddGroupMemberRef"},
		{"POST", 204, model.TypeRef{}, "Add member", targeted(seg("groups", "{groupId}", "members", "$ref"), model.TargetUnknown, ""), "AddGroupMemberRef"},
		// A path-valued segment addresses an item by its path, apart from the root
		// folder (GetMeDriveRoot) and from an item by its ID (GetMeDriveItemContent).
		{"GET", 200, named, "Get", byPath(seg("me", "drive", "root:"), "itemPath", "content"), "GetMeDriveItemByPathContent"},
		{"GET", 200, named, "Get", byPath(seg("drives", "{driveId}", "root:"), "itemPath"), "GetDriveItemByPath"},
		{"GET", 200, named, "Get", seg("me", "drive", "root"), "GetMeDriveRoot"},
		{"PUT", 200, named, "Upload", byPath(keyColon(seg("me", "drive", "items"), "parentId"), "filename", "content"), "PutMeDriveItemByPathContent"},
		{"GET", 200, named, "Get site", byPath(keyColon(seg("sites"), "hostname"), "serverRelativePath"), "GetSiteByPath"},
	}
	for _, tt := range tests {
		op := &model.Operation{Method: tt.method, Title: tt.title, Response: model.Response{Status: tt.status, Type: tt.resp}}
		if got := methodName(op, tt.path, tt.resp, spellings{}); got != tt.want {
			t.Errorf("%s %s: %s, want %s", tt.method, tt.path, got, tt.want)
		}
	}
}

// TestSettleNames: overloads get By<Args>; other repeats a number and a warning; the
// result does not depend on anything but the canonical order.
func TestSettleNames(t *testing.T) {
	op := &model.Operation{Method: "GET", Response: model.Response{Status: 200, Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream}},
		Paths:  []model.Path{seg("reports", "getReport(period)"), seg("reports", "getReport(date)")},
		Params: []model.Param{{Name: "period", In: model.InFunction}, {Name: "date", In: model.InFunction}}}
	a := &model.Operation{Method: "GET", Paths: []model.Path{seg("calendar")}, Response: model.Response{Status: 200}}
	b := &model.Operation{Method: "GET", Paths: []model.Path{seg("Calendar")}, Response: model.Response{Status: 200}, Pos: model.Pos{File: "b.md", Line: 3}}
	keyed := &model.Operation{Method: "GET", Paths: []model.Path{seg("calendars", "{calendarId}")}, Response: model.Response{Status: 200},
		Params: []model.Param{{Name: "calendarId", In: model.InPath}}}
	q := seg("calendar")
	q.Query = []model.QueryParam{{Name: "$expand", Value: "events"}}
	expand := &model.Operation{Method: "GET", Paths: []model.Path{q}, Response: model.Response{Status: 200}}
	// Two query templates on one endpoint: each is With<Option>, then a word only its
	// template has tells them apart.
	tmpl := func(prop string) *model.Operation {
		p := seg("messages")
		p.Query = []model.QueryParam{{Name: "$expand", Parts: []model.Part{{Literal: prop + "($filter=id eq '"}, {Param: "id", Quoted: true}, {Literal: "')"}}}}
		return &model.Operation{Method: "GET", Paths: []model.Path{p}, Response: model.Response{Status: 200}}
	}
	v := newView(&model.API{Version: "beta", Operations: []*model.Operation{op, a, b, keyed, expand, tmpl("singleValueExtendedProperties"), tmpl("multiValueExtendedProperties")}}, Config{Package: "graph"})
	var names []string
	for _, m := range v.methods {
		names = append(names, m.Name)
	}
	if got, want := strings.Join(names, ","), "GetReportReportsByPeriod,GetReportReportsByDate,GetCalendar,GetCalendar2,GetCalendarByCalendarID,GetCalendarWithExpand,GetMessagesWithExpandSingleValueExtendedProperties,GetMessagesWithExpandMultiValueExtendedProperties"; got != want {
		t.Errorf("names %s, want %s", got, want)
	}
	if len(v.diags) != 1 || v.diags[0].Code != "name-collision" || v.diags[0].Pos.File != "b.md" {
		t.Errorf("diagnostics: %s", v.diags)
	}
}

func TestCommentsCannotEscape(t *testing.T) {
	var d doc
	d.para("ends here */ then /* and \r\n//go:generate rm -rf / and a\u2028line \ufeffBOM \u202eevil\u202c \xff")
	d.verbatim(false, "Source: x\ny")
	f := d.code()
	var b strings.Builder
	b.WriteString("package p\n\n")
	if err := renderCode(&b, f); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\nfunc F() {}\n")
	out := b.String()
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" && !strings.HasPrefix(l, "//") && !strings.HasPrefix(l, "package") && !strings.HasPrefix(l, "func") {
			t.Errorf("a line escaped the comment: %q", l)
		}
		if strings.HasPrefix(l, "//go:") {
			t.Errorf("doc text became a directive: %q", l)
		}
	}
}

func TestCleanText(t *testing.T) {
	got := cleanText("a\ufeffb \u202ec\u2066d\u2069 \x00e\r\nf \xffg")
	if want := "ab cd e f \ufffdg"; got != want {
		t.Errorf("cleanText = %q, want %q", got, want)
	}
}

func TestJSONName(t *testing.T) {
	for name, ok := range map[string]bool{"displayName": true, "@odata.type": true, "content-type": true, "größe": true,
		"a,b": false, `a"b`: false, "a b": false, "": false, "a\ufeff": false, "\xff": false} {
		if jsonName(name) != ok {
			t.Errorf("jsonName(%q) = %v", name, !ok)
		}
	}
}

// FuzzCleanText: the fast path for tidy ASCII gives what the full cleaning gives.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Read one token.", " a", "a ", "a  b", "a\tb", "a\ufeffb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !tidyASCII(s) {
			return
		}
		slow := strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
		if got := cleanText(s); got != slow || got != s {
			t.Errorf("cleanText(%q) = %q, the full cleaning %q", s, got, slow)
		}
	})
}

func TestPackageName(t *testing.T) {
	for group, want := range map[string]string{
		"deviceappmanagement": "deviceappmanagement", "graph": "apigraph", "internal": "apiinternal",
		"testdata": "apitestdata", "vendor": "apivendor", "2fa": "api2fa", "select": "apiselect", "": "api",
	} {
		if got := workloadPackageName(group, "graph"); got != want {
			t.Errorf("workloadPackageName(%q) = %q, want %q", group, got, want)
		}
	}
}

// TestTypeNamesMainNamespaceFirst: a microsoft.graph type keeps its plain name though a
// type of a sub-namespace with the same name sorts first; that one takes its namespace as
// a prefix, with a name-collision warning.
func TestTypeNamesMainNamespaceFirst(t *testing.T) {
	pos := model.Pos{File: "resources/x.md", Line: 1, Col: 1}
	api := &model.API{Version: "beta", Types: []*model.Type{
		{Name: "endpoint", Namespace: "microsoft.graph.callRecords", Documented: true, Pos: pos},
		{Name: "endpoint", Namespace: "microsoft.graph", Documented: true, Pos: pos},
		{Name: "riskyUser", Namespace: "microsoft.graph.managedTenants", Documented: true, Pos: pos},
		{Name: "riskyUser", Namespace: "microsoft.graph", Documented: true, Pos: pos},
		{Name: "session", Namespace: "microsoft.graph.callRecords", Documented: true, Pos: pos},
	}}
	v := newView(api, Config{Package: "graph"})
	got := map[string]string{}
	for _, gt := range v.types {
		got[gt.Model.QualifiedName()] = gt.Name
	}
	for q, want := range map[string]string{
		"microsoft.graph.endpoint":                 "Endpoint",
		"microsoft.graph.callRecords.endpoint":     "CallRecordsEndpoint",
		"microsoft.graph.riskyUser":                "RiskyUser",
		"microsoft.graph.managedTenants.riskyUser": "ManagedTenantsRiskyUser",
		"microsoft.graph.callRecords.session":      "Session",
	} {
		if got[q] != want {
			t.Errorf("%s is named %s, want %s", q, got[q], want)
		}
	}
	if len(v.types) != 5 || v.types[0].Model != api.Types[0] {
		t.Errorf("the view's types are not in the API's order")
	}
}

// TestSpellings: a method is named after the docs' usual spelling of each segment: one with
// a capital inside wins over the lower-case one (even where a table writes it so), then a
// table's property name, then the most frequent.
func TestSpellings(t *testing.T) {
	get := func(segs ...string) *model.Operation {
		return &model.Operation{Method: "GET", Paths: []model.Path{seg(segs...)}, Response: model.Response{Status: 200}}
	}
	api := &model.API{Version: "v1.0",
		Operations: []*model.Operation{
			get("me", "calendargroups"), get("me", "calendargroups", "{id}"), get("me", "calendarGroups"),
			get("teams", "{id}", "schedule", "openShiftChangeRequests"), get("teams", "{id}", "schedule", "openshiftchangerequests", "{id}"),
			get("me", "onenote"), get("me", "Onenote"), get("me", "Onenote", "pages"),
			get("deviceManagement", "termsAndConditions"),
		},
		Types: []*model.Type{
			{Name: "schedule", Namespace: "microsoft.graph", Properties: []model.Property{{Name: "openshiftchangerequests"}}},
			{Name: "user", Namespace: "microsoft.graph", Properties: []model.Property{{Name: "onenote"}}},
		},
	}
	sp := newSpellings(api)
	for in, want := range map[string]string{
		"calendargroups":          "calendarGroups",
		"openshiftchangerequests": "openShiftChangeRequests",
		"Onenote":                 "onenote",
		"me":                      "me",
	} {
		if got := sp.of(in); got != want {
			t.Errorf("%s is spelled %s, want %s", in, got, want)
		}
	}
	// A compound plural takes the singular a documented type names; another keeps its words.
	sp.types = map[string]bool{"timeoff": true, "directoryobject": true, "termsandconditions": true}
	for in, want := range map[string]string{"timesOff": "timeOff", "appliesTo": "appliesTo", "windowsSettings": "windowsSetting", "users": "user"} {
		if got := sp.singular(in); got != want {
			t.Errorf("singular(%s) = %s, want %s", in, got, want)
		}
	}
	// A key placeholder named after a collection takes the collection's spelling, in the
	// singular where it is named after the plural, unless a type has the plural's name.
	for in, want := range map[string]string{"openshiftchangerequestId": "openShiftChangeRequestId", "calendarId": "calendarId", "onenoteId": "onenoteId", "size": "size",
		"teamsId": "teamId", "calendargroupsId": "calendarGroupId", "termsAndConditionsId": "termsAndConditionsId",
		"openShiftChangeRequestsId": "openShiftChangeRequestId"} {
		if got := sp.param(in); got != want {
			t.Errorf("param(%s) = %s, want %s", in, got, want)
		}
	}
	op := &model.Operation{Method: "POST", Title: "Create", Response: model.Response{Status: 201}}
	p := targeted(seg("teams", "{teamId}", "schedule", "openshiftchangerequests"), model.TargetCollection, "")
	if got := methodName(op, p, model.TypeRef{}, sp); got != "CreateTeamScheduleOpenShiftChangeRequest" {
		t.Errorf("create: %s", got)
	}
}

// TestSettleNamesQueryArguments: delta on one calendar and on the default one, each with
// and without ?startDateTime={start}: the query argument gives With<Name>, and the key
// then tells the calendars apart; no number is left.
func TestSettleNamesQueryArguments(t *testing.T) {
	withStart := func(p model.Path) model.Path {
		p.Query = []model.QueryParam{{Name: "startDateTime", Param: "start"}}
		return p
	}
	delta := func(p model.Path) *model.Operation {
		return &model.Operation{Method: "GET", Paths: []model.Path{targeted(p, model.TargetOperation, "delta")}, Response: model.Response{Status: 200},
			Params: []model.Param{{Name: "calendarId", In: model.InPath}}}
	}
	ops := []*model.Operation{
		delta(seg("me", "calendar", "events", "delta")),
		delta(withStart(seg("me", "calendar", "events", "delta"))),
		delta(seg("me", "calendars", "{calendarId}", "events", "delta")),
		delta(withStart(seg("me", "calendars", "{calendarId}", "events", "delta"))),
	}
	v := newView(&model.API{Version: "beta", Operations: ops}, Config{Package: "graph"})
	var names []string
	for _, m := range v.methods {
		names = append(names, m.Name)
	}
	slices.Sort(names)
	want := "DeltaMeCalendarEvents,DeltaMeCalendarEventsByCalendarID,DeltaMeCalendarEventsWithStartDateTime,DeltaMeCalendarEventsWithStartDateTimeByCalendarID"
	if got := strings.Join(names, ","); got != want {
		t.Errorf("names %s, want %s", got, want)
	}
	if len(v.diags) != 0 {
		t.Errorf("diagnostics: %s", v.diags)
	}
}

// TestAlsoDocumented: a few other pages are named, many are counted.
func TestAlsoDocumented(t *testing.T) {
	if got := alsoDocumented([]string{"a.md", "b.md"}); got != "a.md, b.md" {
		t.Errorf("two: %s", got)
	}
	if got := alsoDocumented([]string{"a.md", "b.md", "c.md", "d.md", "e.md", "f.md"}); got != "a.md, b.md, c.md and 3 more" {
		t.Errorf("six: %s", got)
	}
}

// TestForSharedCall: the summary of a call several pages share speaks of the type the
// method sends and returns, not of the page's derived one; a qualified name, a longer
// word and a call no other page shares are left alone.
func TestForSharedCall(t *testing.T) {
	derived := model.TypeRef{Kind: model.KindNamed, Name: "androidForWorkApp", Namespace: "microsoft.graph"}
	base := model.TypeRef{Kind: model.KindNamed, Name: "mobileApp", Namespace: "microsoft.graph"}
	summary := "Create a new androidForWorkApp object (see microsoft.graph.androidForWorkApp, androidForWorkApps)."
	m := &goMethod{Op: &model.Operation{Response: model.Response{Type: derived}, Body: model.Body{Type: derived}, AlsoIn: []string{"api/b.md"}},
		Result: base, Body: &goBody{Whole: &base}}
	if got, want := forSharedCall(summary, m), "Create a new mobileApp object (see microsoft.graph.androidForWorkApp, androidForWorkApps)."; got != want {
		t.Errorf("shared: %q, want %q", got, want)
	}
	m.Op.AlsoIn = nil
	if got := forSharedCall(summary, m); got != summary {
		t.Errorf("not shared: %q", got)
	}
}

// TestSpellingsOf: a segment takes the spelling the docs give it where they mark its word
// boundary; a lower-case singular whose plural is spelled so (calendargroup beside
// calendarGroups) takes that spelling's singular, so /me/calendargroup/... and
// /me/calendarGroups/{id}/... name the same words, and the collision is settled by the key.
func TestSpellingsOf(t *testing.T) {
	sp := spellings{words: map[string]string{"calendargroups": "calendarGroups", "taskcategories": "taskCategories", "mailfolders": "mailFolders"}}
	for in, want := range map[string]string{
		"calendargroup":  "CalendarGroup",
		"calendargroups": "CalendarGroups",
		"mailfolder":     "MailFolder",
		"taskcategory":   "TaskCategory",
		"unknownthing":   "Unknownthing",
		"Calendargroup":  "Calendargroup", // written with a capital: the docs' own spelling
	} {
		if got := exported(sp.of(in)); got != want {
			t.Errorf("of(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestArgumentTypeText: a function argument of a type no page documents as an enum is a
// String (quoted, as OData writes one), with a warning; an enum keeps its type.
func TestArgumentTypeText(t *testing.T) {
	p := model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "assignments"}}},
		{Parts: []model.Part{{Literal: "filterByCurrentUser(on="}, {Param: "on", Function: true, Quoted: true}, {Literal: ")"}}}}}
	op := &model.Operation{Method: "GET", Page: "api/x.md", Paths: []model.Path{targeted(p, model.TargetOperation, "filterByCurrentUser")}, Response: model.Response{Status: 200},
		Params: []model.Param{{Name: "on", In: model.InFunction, Type: model.TypeRef{Kind: model.KindNamed, Namespace: "microsoft.graph", Name: "filterByCurrentUserOptions"}}}}
	v := newView(&model.API{Version: "beta", Operations: []*model.Operation{op}}, Config{Package: "graph"})
	if len(v.methods) == 0 || len(v.methods[0].Args) != 1 {
		t.Fatalf("methods %+v", v.methods)
	}
	a := v.methods[0].Args[0]
	if a.Param.Type.Kind != model.KindPrimitive || a.Param.Type.Primitive != model.String || !a.Quoted {
		t.Errorf("argument %+v, want a quoted String", a)
	}
	if !strings.Contains(v.diags.String(), "argument-type-text") {
		t.Errorf("no argument-type-text warning:\n%s", v.diags)
	}
}

// TestDeltaWithArguments: a delta function called with arguments (delta(token='{token}'),
// which an example fills in) answers pages of changes as the bare delta does.
func TestDeltaWithArguments(t *testing.T) {
	item := model.TypeRef{Kind: model.KindNamed, Namespace: "microsoft.graph", Name: "driveItem", Collection: true}
	p := model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "me"}}}, {Parts: []model.Part{{Literal: "drive"}}}, {Parts: []model.Part{{Literal: "root"}}},
		{Parts: []model.Part{{Literal: "delta(token="}, {Param: "token", Function: true, Quoted: true}, {Literal: ")"}}}}}
	op := &model.Operation{Method: "GET", Page: "api/driveitem-delta.md", Paths: []model.Path{targeted(p, model.TargetOperation, "delta")}, Response: model.Response{Status: 200, Type: item},
		Params: []model.Param{{Name: "token", In: model.InFunction, Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String}}}}
	v := newView(&model.API{Version: "v1.0", Operations: []*model.Operation{op}}, Config{Package: "graph"})
	if len(v.methods) == 0 || !v.methods[0].Delta {
		t.Errorf("methods %+v, want a delta iterator", v.methods)
	}
}

// TestSingleEntityOptions: a GET of one entity offers no option that shapes a collection,
// whatever its page lists; a GET of a collection keeps them.
func TestSingleEntityOptions(t *testing.T) {
	one := model.TypeRef{Kind: model.KindNamed, Namespace: "microsoft.graph", Name: "directoryObject"}
	many := one
	many.Collection = true
	fields := func(result model.TypeRef, kind model.TargetKind, segs ...string) []string {
		p := targeted(seg(segs...), kind, "")
		op := &model.Operation{Method: "GET", Page: "api/x.md", Paths: []model.Path{p}, Response: model.Response{Status: 200, Type: result},
			QueryOptions: []string{"$select", "$filter", "$top", "$count"}}
		if segs[0] == "me" {
			op.ExampleOptions = []string{"$count"} // an example of the docs sends it
		}
		var names []string
		for _, f := range newView(&model.API{Version: "v1.0", Operations: []*model.Operation{op}}, Config{Package: "graph"}).newOptions(op).Fields {
			names = append(names, f.Name)
		}
		return names
	}
	if got := strings.Join(fields(one, model.TargetEntity, "contacts", "{id}", "manager"), ","); got != "Select" {
		t.Errorf("one entity: options %s, want Select", got)
	}
	if got := strings.Join(fields(one, model.TargetEntity, "me"), ","); got != "Select,Count" {
		t.Errorf("one entity, $count sent by an example: options %s, want Select,Count", got)
	}
	if got := strings.Join(fields(many, model.TargetCollection, "contacts", "{id}", "directReports"), ","); got != "Select,Filter,Top,Count" {
		t.Errorf("a collection: options %s, want Select,Filter,Top,Count", got)
	}
}

// TestRefBodyApart: a page's $ref line takes a Reference, and its plain create line the
// page's body, not the Reference the $ref line took first.
func TestRefBodyApart(t *testing.T) {
	obj := model.TypeRef{Kind: model.KindNamed, Namespace: "microsoft.graph", Name: "directoryObject"}
	op := &model.Operation{Method: "POST", Page: "api/administrativeunit-post-members.md", Response: model.Response{Status: 201, Type: obj}, Body: model.Body{Type: obj},
		Paths: []model.Path{targeted(seg("administrativeUnits", "{id}", "members", "$ref"), model.TargetRef, ""), targeted(seg("administrativeUnits", "{id}", "members"), model.TargetCollection, "")}}
	v := newView(&model.API{Version: "v1.0", Operations: []*model.Operation{op}}, Config{Package: "graph"})
	refs := map[string]bool{}
	for _, m := range v.methods {
		refs[m.Path.String()] = m.Body != nil && m.Body.Ref
	}
	if !refs["/administrativeUnits/{id}/members/$ref"] || refs["/administrativeUnits/{id}/members"] {
		t.Errorf("Reference bodies by path: %v; want the $ref line's only", refs)
	}
}

// TestShadowedRequestLine: a line that differs from another only in fixed query values has
// no method of its own, and a warning says so; a line that differs only in a placeholder's
// name says nothing.
func TestShadowedRequestLine(t *testing.T) {
	items := model.TypeRef{Kind: model.KindNamed, Namespace: "microsoft.graph", Name: "listItem", Collection: true}
	expand := func(value string) model.Path {
		p := targeted(seg("sites", "{siteId}", "lists", "{listId}", "items"), model.TargetCollection, "")
		p.Query = []model.QueryParam{{Name: "expand", Value: value}}
		return p
	}
	op := &model.Operation{Method: "GET", Page: "api/listitem-list.md", Response: model.Response{Status: 200, Type: items},
		Paths: []model.Path{expand("fields"), expand("fields(select=Column1,Column2)"),
			targeted(seg("sites", "{siteId}", "lists", "{listTitle}"), model.TargetEntity, ""), targeted(seg("sites", "{siteId}", "lists", "{listId}"), model.TargetEntity, "")}}
	v := newView(&model.API{Version: "v1.0", Operations: []*model.Operation{op}}, Config{Package: "graph"})
	if n := strings.Count(v.diags.String(), "request-line-shadowed"); n != 1 {
		t.Errorf("%d request-line-shadowed warnings, want 1:\n%s", n, v.diags)
	}
}
