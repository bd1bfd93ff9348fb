package model

import (
	"slices"
	"strings"
	"testing"
)

// named is a reference to a microsoft.graph type on its resource page.
func gref(name string, coll bool) TypeRef {
	return TypeRef{Kind: KindNamed, Name: name, Namespace: "microsoft.graph", Link: "resources/" + strings.ToLower(name) + ".md", Collection: coll}
}

// resourcePage documents one type with the given properties and Methods rows.
func resourcePage(name, base string, props []Property, methods ...MethodLink) *Page {
	file := "resources/" + strings.ToLower(name) + ".md"
	return &Page{File: file, Kind: PageResource, Title: name,
		Types:   []ResourceType{{Name: name, Namespace: "microsoft.graph", Base: base, Properties: props, Pos: Pos{File: file, Line: 1, Col: 1}}},
		Methods: methods}
}

func nav(name, typ string, coll bool) Property {
	return Property{Name: name, Type: gref(typ, coll), Navigation: true}
}

func prop(name, typ string) Property { return Property{Name: name, Type: gref(typ, false)} }

func page(file, method string, resp TypeRef, body TypeRef, paths ...Path) *Page {
	pg := apiPage(file, method, paths...)
	pg.Response.Type = resp
	pg.Body.Type = body
	return pg
}

// opsByEndpoint maps "METHOD /path" to the owning page, with the path's result.
func opsByEndpoint(api *API) map[string]string {
	out := map[string]string{}
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			res := op.Response.Type.String()
			if p.Target != nil && p.Target.Result != nil {
				res = p.Target.Result.String()
			}
			body := op.Body.Type.String()
			if p.Target != nil && p.Target.Body != nil {
				body = p.Target.Body.String()
			}
			out[op.Method+" "+p.String()] = op.Page + " -> " + res + " body " + body
		}
	}
	return out
}

// TestEndpointOwnership: the owner of an endpoint is chosen by the docs' evidence, not by
// file order, and what the path addresses decides the result's shape and type.
func TestEndpointOwnership(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity",
			[]Property{nav("messages", "message", true), prop("mailboxSettings", "mailboxSettings"), nav("extensions", "extension", true)},
			MethodLink{Title: "Get user", Page: "api/user-get.md", Return: gref("user", false)},
			MethodLink{Title: "List users", Page: "api/user-list.md", Return: gref("user", true)}),
		resourcePage("message", "microsoft.graph.entity", nil,
			MethodLink{Title: "move", Page: "api/message-move.md", Return: gref("message", false)}),
		resourcePage("extension", "microsoft.graph.entity", nil),
		resourcePage("openTypeExtension", "microsoft.graph.extension", nil,
			MethodLink{Title: "Get open extension", Page: "api/opentypeextension-get.md", Return: gref("openTypeExtension", false)}),
		resourcePage("mailboxSettings", "", []Property{prop("automaticRepliesSetting", "automaticRepliesSetting")}),
		resourcePage("automaticRepliesSetting", "", nil),
		resourcePage("chat", "microsoft.graph.entity", nil),
		resourcePage("mobileApp", "microsoft.graph.entity", nil),
		resourcePage("androidLobApp", "microsoft.graph.mobileApp", nil),
		resourcePage("iosLobApp", "microsoft.graph.mobileApp", nil),
		resourcePage("deviceAppManagement", "microsoft.graph.entity", []Property{nav("mobileApps", "mobileApp", true)}),
		// An extension page that reads /users/{id} with a query the parser could not keep:
		// it sorts before user-get.md and must not take GET /users/{id}.
		page("api/opentypeextension-get.md", "GET", gref("openTypeExtension", false), none,
			path("users", "{id}"), path("users", "{id}", "extensions", "{extensionId}")),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id|userPrincipalName}"), path("me")),
		page("api/user-list.md", "GET", gref("user", true), none, path("users")),
		page("api/message-move.md", "POST", gref("message", false), none, path("me", "messages", "{id}", "move")),
		page("api/user-get-mailboxsettings.md", "GET", gref("mailboxSettings", false), none,
			path("me", "mailboxSettings"), path("me", "mailboxSettings", "automaticRepliesSetting")),
		page("api/chat-get.md", "GET", gref("chat", true), none, path("chats", "{chat-id}")),
		page("api/chat-list.md", "GET", gref("chat", true), none, path("chats")),
		page("api/intune-apps-androidlobapp-create.md", "POST", gref("androidLobApp", false), gref("androidLobApp", false),
			path("deviceAppManagement", "mobileApps")),
		page("api/intune-apps-ioslobapp-create.md", "POST", gref("iosLobApp", false), gref("iosLobApp", false),
			path("deviceAppManagement", "mobileApps")),
		page("api/intune-deviceappmanagement-get.md", "GET", gref("deviceAppManagement", false), none, path("deviceAppManagement")),
		page("api/intune-apps-ioslobapp-get.md", "GET", gref("iosLobApp", false), none,
			path("deviceAppManagement", "mobileApps", "{mobileAppId}")),
	}
	for _, p := range pages {
		if p.Kind == PageAPI {
			p.Title = "Get or create " + p.File
		}
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	want := map[string]string{
		"GET /users/{id}": "api/user-get.md -> microsoft.graph.user body none",
		"GET /me":         "api/user-get.md -> microsoft.graph.user body none",
		"GET /users":      "api/user-list.md -> Collection(microsoft.graph.user) body none",
		"GET /users/{id}/extensions/{extensionId}":          "api/opentypeextension-get.md -> microsoft.graph.extension body none",
		"POST /me/messages/{id}/move":                       "api/message-move.md -> microsoft.graph.message body none",
		"GET /me/mailboxSettings":                           "api/user-get-mailboxsettings.md -> microsoft.graph.mailboxSettings body none",
		"GET /me/mailboxSettings/automaticRepliesSetting":   "api/user-get-mailboxsettings.md -> microsoft.graph.automaticRepliesSetting body none",
		"GET /chats/{chat-id}":                              "api/chat-get.md -> microsoft.graph.chat body none",
		"GET /chats":                                        "api/chat-list.md -> Collection(microsoft.graph.chat) body none",
		"POST /deviceAppManagement/mobileApps":              "api/intune-apps-androidlobapp-create.md -> microsoft.graph.mobileApp body microsoft.graph.mobileApp",
		"GET /deviceAppManagement/mobileApps/{mobileAppId}": "api/intune-apps-ioslobapp-get.md -> microsoft.graph.mobileApp body none",
		"GET /deviceAppManagement":                          "api/intune-deviceappmanagement-get.md -> microsoft.graph.deviceAppManagement body none",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d endpoints, want %d: %v", len(got), len(want), got)
	}
	// The derived pages of one collection, and the extension page that lost to user-get.md,
	// are no conflicts: the evidence settled them. Each correction names its evidence.
	if hasCode(ds, "duplicate-operation") {
		t.Errorf("unexpected duplicate-operation:\n%s", ds)
	}
	var shape bool
	for _, d := range ds {
		if d.Code == "response-shape-mismatch" && strings.Contains(d.Message, "/chats/{chat-id}") && strings.Contains(d.Message, "chats(set) {key}") {
			shape = true
		}
	}
	if !shape {
		t.Errorf("no response-shape-mismatch for GET /chats/{chatId} giving the walk:\n%s", ds)
	}
	var dump strings.Builder
	if err := Dump(&dump, api); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"addresses operation microsoft.graph.message move via me(set) messages(user) {key} move()",
		"addresses entity microsoft.graph.automaticRepliesSetting via me(set) mailboxSettings(user) automaticRepliesSetting(mailboxSettings)",
		"also in api/intune-apps-ioslobapp-create.md",
	} {
		if !strings.Contains(dump.String(), s) {
			t.Errorf("the dump lacks %q:\n%s", s, dump.String())
		}
	}
}

// TestEndpointTie: two pages with different signatures and no evidence either way give a
// duplicate-operation warning naming both pages; the result is the same in any page order.
func TestEndpointTie(t *testing.T) {
	mk := func() []*Page {
		return []*Page{
			page("api/b.md", "GET", gref("gadget", false), TypeRef{}, path("things", "{id}")),
			page("api/a.md", "GET", gref("widget", false), TypeRef{}, path("things", "{id}")),
		}
	}
	api1, ds1 := Build("v1.0", mk())
	pages := mk()
	pages[0], pages[1] = pages[1], pages[0]
	api2, _ := Build("v1.0", pages)
	if a, b := opsByEndpoint(api1), opsByEndpoint(api2); a["GET /things/{id}"] != b["GET /things/{id}"] {
		t.Errorf("page order decided: %v vs %v", a, b)
	}
	found := false
	for _, d := range ds1 {
		if d.Code == "duplicate-operation" && strings.Contains(d.Message, "api/a.md") {
			found = true
		}
	}
	if !found {
		t.Errorf("no duplicate-operation naming the other page:\n%s", ds1)
	}
}

// TestEndpointSettledPerPath: one page that creates members of two collections (a page
// about extended properties: POST /me/messages and /me/contacts) sends and returns each
// path's own type; a PATCH page that answers 204 and gives its body only as a table of
// the resource's properties owns the update against a page linked from a workload's
// slice of the same resource (intune-devices-user.md), and sends the resource.
func TestEndpointSettledPerPath(t *testing.T) {
	none := TypeRef{}
	ext := page("api/singlevalue-post.md", "POST", gref("singleValueLegacyExtendedProperty", false), gref("singleValueLegacyExtendedProperty", false),
		path("me", "messages"), path("me", "contacts"))
	ext.Response.Status = 201
	update := page("api/user-update.md", "PATCH", none, none, path("users", "{id}"))
	update.Response.Status = 204
	update.Params = []Param{{Name: "displayName", In: InBody, Type: str()}, {Name: "mail", In: InBody, Type: str()}}
	intune := page("api/intune-devices-user-update.md", "PATCH", gref("user", false), gref("user", false), path("users", "{usersId}"))
	slice := resourcePage("user", "microsoft.graph.entity", nil,
		MethodLink{Title: "Update user", Page: "api/intune-devices-user-update.md", Return: gref("user", false)})
	slice.File = "resources/intune-devices-user.md"
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity",
			[]Property{nav("messages", "message", true), nav("contacts", "contact", true), {Name: "displayName", Type: str()}, {Name: "mail", Type: str()}},
			MethodLink{Title: "Update user", Page: "api/user-update.md", Return: none},
			MethodLink{Title: "Get user", Page: "api/user-get.md", Return: gref("user", false)}),
		page("api/user-get.md", "GET", gref("user", false), none, path("me"), path("users", "{id}")),
		slice,
		resourcePage("message", "microsoft.graph.entity", nil),
		resourcePage("contact", "microsoft.graph.entity", nil),
		resourcePage("singleValueLegacyExtendedProperty", "", nil),
		ext, update, intune,
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for k, w := range map[string]string{
		"POST /me/messages": "api/singlevalue-post.md -> microsoft.graph.message body microsoft.graph.message",
		"POST /me/contacts": "api/singlevalue-post.md -> microsoft.graph.contact body microsoft.graph.contact",
		"PATCH /users/{id}": "api/user-update.md -> none body microsoft.graph.user",
	} {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if hasCode(ds, "duplicate-operation") {
		t.Errorf("unexpected duplicate-operation:\n%s", ds)
	}
	for _, op := range api.Operations {
		if op.Page == "api/user-update.md" && !slices.Contains(op.AlsoIn, "api/intune-devices-user-update.md") {
			t.Errorf("user-update.md: also in %v, want the intune page", op.AlsoIn)
		}
	}
}

// TestEndpointNamedSegmentParentPrefix: a segment no Relationships table documents is a
// navigation to the type it names, and the name qualified by its parent's name comes first:
// a workbook's application is a workbookApplication, not the directory's application.
func TestEndpointNamedSegmentParentPrefix(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("driveItem", "microsoft.graph.entity", []Property{nav("workbook", "workbook", false)}),
		resourcePage("drive", "microsoft.graph.entity", []Property{nav("items", "driveItem", true)}),
		resourcePage("workbook", "microsoft.graph.entity", nil),
		resourcePage("workbookApplication", "microsoft.graph.entity", nil),
		resourcePage("application", "microsoft.graph.entity", nil),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drives", "{drive-id}")),
		page("api/drive-list.md", "GET", gref("drive", true), none, path("drives")),
		page("api/workbookapplication-get.md", "GET", gref("workbookApplication", false), none,
			path("drives", "{drive-id}", "items", "{id}", "workbook", "application")),
		// A prefix that rebuilds the parent's name is the parent itself: below a
		// sharedDriveItem, driveItem is a driveItem.
		resourcePage("sharedDriveItem", "microsoft.graph.entity", nil),
		page("api/shares-get.md", "GET", gref("sharedDriveItem", false), none, path("shares", "{share-id}")),
		page("api/shares-list.md", "GET", gref("sharedDriveItem", true), none, path("shares")),
		page("api/shares-get-item.md", "GET", gref("sharedDriveItem", false), none, path("shares", "{share-id}", "driveItem")),
	}
	for _, p := range pages {
		if p.Kind == PageAPI {
			p.Title = "Get " + p.File
		}
	}
	api, _ := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for k, w := range map[string]string{
		"GET /drives/{drive-id}/items/{id}/workbook/application": "api/workbookapplication-get.md -> microsoft.graph.workbookApplication body none",
		"GET /shares/{share-id}/driveItem":                       "api/shares-get-item.md -> microsoft.graph.driveItem body none",
	} {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
}

// TestEndpointPathValuedNotKeyed: root:/{item-path}: names one item by its path below
// root; it does not make root a collection, so the rest of the path is followed and an
// example that reads children by path is adopted by the children page.
func TestEndpointPathValuedNotKeyed(t *testing.T) {
	none := TypeRef{}
	// valued reads "{x}:" as a placeholder and a colon, the value of a path after "root:".
	valued := func(segs ...string) Path {
		var p Path
		for i, s := range segs {
			if name, ok := strings.CutSuffix(s, "}:"); ok {
				s = name + "}"
			}
			q := path(s)
			seg := q.Segments[0]
			if i > 0 && strings.HasSuffix(segs[i-1], ":") && seg.Parts[0].IsParam() {
				seg.Parts[0].PathValued = true
			}
			if s != segs[i] {
				seg.Parts = append(seg.Parts, Part{Literal: ":"})
			}
			p.Segments = append(p.Segments, seg)
		}
		return p
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("drive", "microsoft.graph.entity", []Property{nav("items", "driveItem", true), nav("root", "driveItem", false)}),
		resourcePage("driveItem", "microsoft.graph.entity", []Property{nav("children", "driveItem", true)}),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drives", "{drive-id}")),
		page("api/driveitem-get.md", "GET", gref("driveItem", false), none,
			path("drives", "{drive-id}", "items", "{item-id}"), valued("drives", "{drive-id}", "root:", "{item-path}")),
		page("api/driveitem-list-children.md", "GET", gref("driveItem", true), none,
			path("drives", "{drive-id}", "items", "{item-id}", "children")),
	}
	lc := pages[len(pages)-1]
	lc.Examples = []Example{{Kind: ExampleRequest, Method: "GET", Pos: Pos{File: lc.File, Line: 9, Col: 1},
		Path: ptr(valued("drives", "{drive-id}", "root:", "{path-relative-to-root}:", "children"))}}
	for _, p := range pages {
		if p.Kind == PageAPI {
			p.Title = "Get " + p.File
		}
	}
	api, _ := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for k, w := range map[string]string{
		"GET /drives/{drive-id}/root:/{item-path}":                       "api/driveitem-get.md -> microsoft.graph.driveItem body none",
		"GET /drives/{drive-id}/root:/{path-relative-to-root}:/children": "api/driveitem-list-children.md -> Collection(microsoft.graph.driveItem) body none",
	} {
		if got[k] != w {
			t.Errorf("%s: %q, want %q\n%v", k, got[k], w, got)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestEndpointFamilyTarget: where the type graph cannot follow a path (no page documents
// the singleton it starts at), the pages that document the endpoint agree on a family of
// types: the endpoint addresses their common base, whose own page wins, and a derived
// type's page that sorts first does not narrow the result.
func TestEndpointFamilyTarget(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("place", "", nil),
		resourcePage("fenceArea", "microsoft.graph.place", nil),
		resourcePage("radiusArea", "microsoft.graph.place", nil),
		page("api/fencearea-get.md", "GET", gref("fenceArea", false), none, path("zoning", "area", "places", "{id}")),
		page("api/place-get.md", "GET", gref("place", false), none, path("zoning", "area", "places", "{id}")),
		page("api/radiusarea-get.md", "GET", gref("radiusArea", false), none, path("zoning", "area", "places", "{id}")),
		// Two unrelated types give no family: file order decides, with a warning.
		resourcePage("meter", "", nil),
		page("api/area-get.md", "GET", gref("fenceArea", false), none, path("zoning", "area", "meters", "{id}")),
		page("api/meter-get.md", "GET", gref("meter", false), none, path("zoning", "area", "meters", "{id}")),
	}
	for _, p := range pages {
		if p.Kind == PageAPI {
			p.Title = "Get " + p.File
		}
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	for k, w := range map[string]string{
		"GET /zoning/area/places/{id}": "api/place-get.md -> microsoft.graph.place body none",
		"GET /zoning/area/meters/{id}": "api/area-get.md -> microsoft.graph.fenceArea body none",
	} {
		if got[k] != w {
			t.Errorf("%s: %q, want %q", k, got[k], w)
		}
	}
	if !hasCode(ds, "duplicate-operation") {
		t.Errorf("no duplicate-operation for the unrelated pages:\n%s", ds)
	}
}

// TestOperationResultExampleConfirms: a bound function's page answers a type its Methods
// row contradicts. The row wins over the page alone; a page whose example response sends
// a value of its type (its @odata.type) keeps it, with a warning that names both.
func TestOperationResultExampleConfirms(t *testing.T) {
	none := TypeRef{}
	for _, c := range []struct {
		name, body, want string
		row              TypeRef
		warn             bool
		plural           bool   // the page's link text is the plural, "a list of [notes](note.md)"
		annotation       string // the example response's annotation @odata.type
		single           bool   // the page answers one note, not a collection
	}{
		{"confirmed", `{"value": [{"@odata.type": "#microsoft.graph.note", "id": "1"}]}`, "Collection(microsoft.graph.note)", gref("folder", true), true, false, "", false},
		{"unconfirmed", `{"value": [{"id": "1"}]}`, "Collection(microsoft.graph.folder)", gref("folder", true), true, false, "", false},
		// A row that leaves out "collection" does not make the page's collection one note.
		{"row without collection", `{"value": [{"id": "1"}]}`, "Collection(microsoft.graph.note)", gref("note", false), false, false, "", false},
		// Link text in the plural still names the linked page's type, which the example sends.
		{"plural link text confirmed", `{"value": [{"@odata.type": "#microsoft.graph.note", "id": "1"}]}`, "Collection(microsoft.graph.note)", gref("folder", true), true, true, "", false},
		// A body that names no type: the response annotation says what it is.
		{"annotation confirms", `{"value": [{"id": "1"}]}`, "Collection(microsoft.graph.note)", gref("folder", true), true, false, "Collection(microsoft.graph.note)", false},
		{"annotation names the row's type", `{"value": [{"id": "1"}]}`, "Collection(microsoft.graph.folder)", gref("folder", true), true, false, "Collection(microsoft.graph.folder)", false},
		// A "value" member that is a string (a key-value pair's) does not hide the annotation.
		{"value that is no collection", `{"key": "k", "value": "v"}`, "microsoft.graph.note", gref("folder", true), true, false, "microsoft.graph.note", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			pages := []*Page{
				resourcePage("entity", "", nil),
				resourcePage("note", "microsoft.graph.entity", nil),
				resourcePage("folder", "microsoft.graph.entity", []Property{nav("notes", "note", true)},
					MethodLink{Title: "Get all notes", Page: "api/folder-getallnotes.md", Return: c.row}),
				resourcePage("shelf", "microsoft.graph.entity", []Property{nav("folders", "folder", true)}),
				page("api/shelf-get.md", "GET", gref("shelf", false), none, path("shelves", "{shelf-id}")),
				page("api/shelf-list.md", "GET", gref("shelf", true), none, path("shelves")),
				page("api/folder-getallnotes.md", "GET", gref("note", true), none, path("shelves", "{shelf-id}", "folders", "getAllNotes")),
			}
			fn := pages[len(pages)-1]
			if c.plural {
				fn.Response.Type.Name = "notes"
			}
			fn.Response.Type.Collection = !c.single
			fn.Examples = []Example{{Kind: ExampleResponse, Status: 200, Body: c.body, Pos: Pos{File: fn.File, Line: 20, Col: 1}}}
			if c.annotation != "" {
				fn.Examples[0].Annotation = &Annotation{ODataType: c.annotation}
			}
			for _, p := range pages {
				if p.Kind == PageAPI {
					p.Title = "Get " + p.File
				}
			}
			api, ds := Build("v1.0", pages)
			got := opsByEndpoint(api)["GET /shelves/{shelf-id}/folders/getAllNotes"]
			if want := "api/folder-getallnotes.md -> " + c.want + " body none"; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			if hasCode(ds, "response-type-mismatch") != c.warn {
				t.Errorf("response-type-mismatch: %v, want %v:\n%s", !c.warn, c.warn, ds)
			}
		})
	}
}

// TestEndpointKeyedComplexRow: a key addresses an entity, so a Relationships row that
// types a keyed navigation as a complex type (beta user's photos: the driveItem photo
// facet) gives way: to the page's entity type, or where the page names none (binary
// data) to the entity type a Methods row linking the page returns.
func TestEndpointKeyedComplexRow(t *testing.T) {
	none := TypeRef{}
	unknown := TypeRef{Kind: KindUnknown, Raw: "binary data of the requested photo"}
	for _, tc := range []struct {
		name string
		resp TypeRef
	}{{"the page names the entity", gref("profilePhoto", false)}, {"a Methods row names it", unknown}} {
		pages := []*Page{
			resourcePage("entity", "", nil),
			resourcePage("user", "microsoft.graph.entity", []Property{nav("photos", "photo", true)},
				MethodLink{Title: "Get photo", Page: "api/profilephoto-get.md", Return: gref("profilePhoto", false)}),
			resourcePage("group", "microsoft.graph.entity", []Property{nav("photos", "profilePhoto", true)}),
			resourcePage("profilePhoto", "microsoft.graph.entity", nil),
			resourcePage("photo", "", nil),
			page("api/profilephoto-get.md", "GET", tc.resp, none,
				path("users", "{id}", "photos", "{size}"), path("groups", "{id}", "photos", "{size}")),
		}
		api, ds := Build("v1.0", pages)
		got := opsByEndpoint(api)
		for _, k := range []string{"GET /users/{id}/photos/{size}", "GET /groups/{id}/photos/{size}"} {
			if w := "api/profilephoto-get.md -> microsoft.graph.profilePhoto body none"; got[k] != w {
				t.Errorf("%s: %s: %q, want %q", tc.name, k, got[k], w)
			}
		}
		if !strings.Contains(ds.String(), "a complex type, which no key addresses") {
			t.Errorf("%s: no diagnostic for the user's row:\n%s", tc.name, ds)
		}
	}
}

// TestEndpointWrittenNavigation: a PATCH, PUT or DELETE of a segment no table documents
// writes a value the path navigates to, not an action: the entity the page's type names
// (beta organization's /branding), else an unknown target; a POST of it stays an action.
func TestEndpointWrittenNavigation(t *testing.T) {
	none := TypeRef{}
	branding := gref("organizationalBrandingProperties", false)
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", nil),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", []Property{{Name: "signInPageText", Type: str()}}),
		page("api/organizationalbrandingproperties-update.md", "PATCH", none, branding, path("organization", "{id}", "branding")),
		page("api/organizationalbrandingproperties-delete.md", "DELETE", none, none, path("organization", "{id}", "branding")),
		page("api/organization-refresh.md", "POST", none, none, path("organization", "{id}", "refresh")),
	}
	api, _ := Build("beta", pages)
	for _, op := range api.Operations {
		tg := op.Paths[0].Target
		var want TargetKind
		switch op.Method {
		case "PATCH":
			want = TargetEntity
			if !tg.Type.Equal(branding) || !tg.Parent.Equal(gref("organization", false)) {
				t.Errorf("PATCH: addresses %s from %s, want the branding properties from organization", tg.Type, tg.Parent)
			}
		case "DELETE":
			want = TargetUnknown
		case "POST":
			want = TargetOperation
		}
		if tg.Kind != want {
			t.Errorf("%s %s: target kind %v (%s), want %v", op.Method, op.Paths[0], tg.Kind, tg.Via, want)
		}
	}
}

// TestEndpointRowTitledNavigation: the text of a Methods row that links a page counts as
// its title for a GET of a segment no table documents ("Get branding" on organization);
// a page titled as the function ("user: delta") stays one whatever its row says.
func TestEndpointRowTitledNavigation(t *testing.T) {
	none := TypeRef{}
	branding := gref("organizationalBrandingProperties", false)
	get := page("api/organizationalbrandingproperties-get.md", "GET", branding, none, path("organization", "{id}", "branding"))
	get.Title = "Get organizationalBrandingProperties"
	delta := page("api/user-delta.md", "GET", gref("user", true), none, path("users", "{id}", "delta"))
	delta.Title = "user: delta"
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("organization", "microsoft.graph.entity", nil,
			MethodLink{Title: "Get branding", Page: "api/organizationalbrandingproperties-get.md", Return: branding}),
		resourcePage("user", "microsoft.graph.entity", nil,
			MethodLink{Title: "Get delta", Page: "api/user-delta.md", Return: gref("user", true)}),
		resourcePage("organizationalBrandingProperties", "microsoft.graph.entity", nil),
		get, delta,
	}
	api, _ := Build("beta", pages)
	for _, op := range api.Operations {
		tg := op.Paths[0].Target
		want := TargetEntity
		if op.Page == "api/user-delta.md" {
			want = TargetOperation
		}
		if tg.Kind != want {
			t.Errorf("%s: target kind %v (%s), want %v", op.Page, tg.Kind, tg.Via, want)
		}
	}
}

// TestEndpointExampleRefLeftOff: an example that calls a $ref line without its $ref is
// that line's call, not a create in the collection: no path is adopted from it.
func TestEndpointExampleRefLeftOff(t *testing.T) {
	none := TypeRef{}
	add := page("api/application-post-tokenlifetimepolicies.md", "POST", none, none, path("applications", "{id}", "tokenLifetimePolicies", "$ref"))
	ex := path("applications", "{id}", "tokenLifetimePolicies")
	add.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Path: &ex, Body: `{"@odata.id": "https://graph.microsoft.com/beta/policies/tokenLifetimePolicies/1"}`}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("application", "microsoft.graph.entity", []Property{nav("tokenLifetimePolicies", "tokenLifetimePolicy", true)},
			MethodLink{Title: "Assign tokenLifetimePolicy", Page: "api/application-post-tokenlifetimepolicies.md", Return: gref("tokenLifetimePolicy", true)}),
		resourcePage("tokenLifetimePolicy", "microsoft.graph.entity", nil),
		add,
	}
	api, _ := Build("beta", pages)
	for _, op := range api.Operations {
		for _, p := range op.Paths {
			if p.String() != "/applications/{id}/tokenLifetimePolicies/$ref" {
				t.Errorf("%s %s: adopted from an example that left $ref off", op.Method, p)
			}
		}
	}
}

// TestEndpointFunctionNameBelowUnknownRoot: below a root no page reads (/reports), a
// segment whose page answers a type is a navigation to it, unless its name reads as a
// function (getOffice365ActivationCounts), which it then is.
func TestEndpointFunctionNameBelowUnknownRoot(t *testing.T) {
	none := TypeRef{}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("report", "microsoft.graph.entity", nil),
		resourcePage("printUsage", "microsoft.graph.entity", nil),
		page("api/reportroot-getoffice365activationcounts.md", "GET", gref("report", false), none, path("reports", "getOffice365ActivationCounts")),
		page("api/reportroot-list-dailyprintusage.md", "GET", gref("printUsage", true), none, path("reports", "dailyPrintUsage")),
	}
	api, _ := Build("v1.0", pages)
	for _, op := range api.Operations {
		tg := op.Paths[0].Target
		want := TargetCollection
		if op.Page == "api/reportroot-getoffice365activationcounts.md" {
			want = TargetOperation
		}
		if tg.Kind != want {
			t.Errorf("%s: target kind %v (%s), want %v", op.Paths[0], tg.Kind, tg.Via, want)
		}
	}
}

// TestEndpointEvidenceFromBaseRow: a page that the Methods tables of a base type and of
// its derived types all link (threatAssessmentRequest's create and get) takes the row
// whose type its Response section names, whatever the order of the resource pages, and
// the base type when the Response section names none of them.
func TestEndpointEvidenceFromBaseRow(t *testing.T) {
	base := gref("threatAssessmentRequest", false)
	for _, resp := range []TypeRef{base, {}} {
		for _, derivedFirst := range []bool{true, false} {
			create := page("api/informationprotection-post-threatassessmentrequests.md", "POST", resp, base, path("informationProtection", "threatAssessmentRequests"))
			create.Title = "Create threatAssessmentRequest"
			get := page("api/threatassessmentrequest-get.md", "GET", resp, TypeRef{}, path("informationProtection", "threatAssessmentRequests", "{id}"))
			links := func(ret TypeRef) []MethodLink {
				return []MethodLink{{Title: "Create threatAssessmentRequest", Page: create.File, Return: ret}, {Title: "Get threatAssessmentRequest", Page: get.File, Return: ret}}
			}
			pages := []*Page{
				resourcePage("entity", "", nil),
				resourcePage("threatAssessmentRequest", "microsoft.graph.entity", nil, links(base)...),
				resourcePage("emailFileAssessmentRequest", "microsoft.graph.threatAssessmentRequest", nil, links(gref("emailFileAssessmentRequest", false))...),
				create, get,
			}
			if derivedFirst {
				pages[1], pages[2] = pages[2], pages[1]
			}
			api, _ := Build("v1.0", pages)
			for _, op := range api.Operations {
				tg := op.Paths[0].Target
				if got := tg.Type.Name; got != "threatAssessmentRequest" {
					t.Errorf("response %q, derived page first %v: %s %s addresses %s (%s), want threatAssessmentRequest", resp.Name, derivedFirst, op.Method, op.Paths[0], got, tg.Via)
				}
			}
		}
	}
}

// TestEndpointCreateOnTitledNavigation: a POST titled as a create, to a segment no
// Relationships row lists but whose GET page ("List rubrics") answers a collection of the
// type the POST sends, creates a member of that collection; it is not a bound action.
func TestEndpointCreateOnTitledNavigation(t *testing.T) {
	rubric := gref("educationRubric", false)
	list := page("api/educationuser-list-rubrics.md", "GET", gref("educationRubric", true), TypeRef{}, path("education", "me", "rubrics"))
	list.Title = "List rubrics"
	create := page("api/educationuser-post-rubrics.md", "POST", rubric, rubric, path("education", "me", "rubrics"))
	create.Title = "Create educationRubric"
	act := page("api/educationuser-grade.md", "POST", rubric, rubric, path("education", "me", "grade"))
	act.Title = "educationUser: grade"
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("educationUser", "microsoft.graph.entity", nil),
		resourcePage("educationRubric", "microsoft.graph.entity", nil),
		list, create, act,
	}
	api, _ := Build("v1.0", pages)
	for _, op := range api.Operations {
		tg := op.Paths[0].Target
		want := TargetCollection
		if op.Page == act.File {
			want = TargetOperation
		}
		if tg.Kind != want {
			t.Errorf("%s %s: target kind %v (%s), want %v", op.Method, op.Paths[0], tg.Kind, tg.Via, want)
		}
	}
}

// pagePaths lists the paths of the operations that come from a page.
func pagePaths(api *API, page string) []string {
	var out []string
	for _, op := range api.Operations {
		if op.Page == page {
			for _, p := range op.Paths {
				out = append(out, p.String())
			}
		}
	}
	return out
}

// TestEndpointExampleOnlyLoses: a page that shows a path only in an example (range-get.md,
// whose example calls /names/{name}/range, with the Methods table of the range type and
// an agreeing response on its side) does not own the endpoint another page's request line
// documents (nameditem-range.md).
func TestEndpointExampleOnlyLoses(t *testing.T) {
	none := TypeRef{}
	exPath := path("names", "{name}", "range")
	get := page("api/range-get.md", "GET", gref("workbookRange", false), none, path("tables", "{id}", "range"))
	get.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/names/x/range", Path: &exPath, Pos: Pos{File: "api/range-get.md", Line: 57, Col: 1}}}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("workbookRange", "", nil, MethodLink{Title: "Get Range", Page: "api/range-get.md", Return: gref("workbookRange", false)}),
		resourcePage("workbookTable", "microsoft.graph.entity", []Property{nav("range", "workbookRange", false)}),
		resourcePage("workbookNamedItem", "", []Property{prop("name", "workbookRange"), nav("range", "workbookRange", false)},
			MethodLink{Title: "Range", Page: "api/nameditem-range.md", Return: gref("workbookRange", false)}),
		page("api/table-get.md", "GET", gref("workbookTable", false), none, path("tables", "{id}")),
		page("api/nameditem-get.md", "GET", gref("workbookNamedItem", false), none, path("names", "{name}")),
		page("api/nameditem-range.md", "GET", gref("workbookRange", false), none, path("names", "{name}", "range")),
		get,
	}
	api, ds := Build("v1.0", pages)
	got := opsByEndpoint(api)
	if g, _, _ := strings.Cut(got["GET /names/{name}/range"], " "); g != "api/nameditem-range.md" {
		t.Errorf("GET /names/{name}/range: %q, want api/nameditem-range.md\n%s", got["GET /names/{name}/range"], ds)
	}
}

// TestEndpointOwnerTakesHeaders: a request header the page that lost an endpoint lists
// (ConsistencyLevel) becomes an optional header of the owner's operation; one the owner
// lists already is not added twice.
func TestEndpointOwnerTakesHeaders(t *testing.T) {
	none := TypeRef{}
	header := func(name string, presence Presence) Param {
		return Param{Name: name, In: InHeader, Type: TypeRef{Kind: KindPrimitive, Primitive: String}, Presence: presence}
	}
	owner := page("api/manageddevice-list.md", "GET", gref("managedDevice", true), none, path("users", "{id}", "managedDevices"))
	owner.Params = []Param{header("Authorization", Required)}
	other := page("api/user-list-manageddevices.md", "GET", gref("managedDevice", true), none, path("users", "{id}", "managedDevices"))
	other.Params = []Param{header("Authorization", Required), header("ConsistencyLevel", Required)}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("user", "microsoft.graph.entity", []Property{nav("managedDevices", "managedDevice", true)}),
		resourcePage("managedDevice", "microsoft.graph.entity", nil,
			MethodLink{Title: "List managedDevices", Page: "api/manageddevice-list.md", Return: gref("managedDevice", true)}),
		page("api/user-get.md", "GET", gref("user", false), none, path("users", "{id}")),
		owner, other,
	}
	api, ds := Build("v1.0", pages)
	for _, op := range api.Operations {
		if op.Page != "api/manageddevice-list.md" {
			continue
		}
		var got []string
		for _, p := range op.Params {
			if p.In == InHeader {
				got = append(got, p.Name+" "+p.Presence.String())
			}
		}
		if want := []string{"Authorization required", "ConsistencyLevel optional"}; !slices.Equal(got, want) {
			t.Errorf("headers %v, want %v\n%s", got, want, ds)
		}
		return
	}
	t.Errorf("no operation from api/manageddevice-list.md:\n%s", ds)
}

// TestEndpointCastNarrowsQuietly: a request line whose cast narrows the page's response
// type (GET /places/microsoft.graph.room on a page that answers a collection of place)
// returns the cast's type, and says nothing: the docs do not disagree.
func TestEndpointCastNarrowsQuietly(t *testing.T) {
	none := TypeRef{}
	cast := path("places", "microsoft.graph.room")
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("place", "microsoft.graph.entity", nil),
		resourcePage("room", "microsoft.graph.place", nil),
		page("api/place-list.md", "GET", gref("place", true), none, path("places"), cast),
	}
	api, ds := Build("v1.0", pages)
	if got := opsByEndpoint(api)["GET /places/microsoft.graph.room"]; !strings.Contains(got, "-> Collection(microsoft.graph.room) ") {
		t.Errorf("GET /places/microsoft.graph.room: %q, want a collection of room", got)
	}
	for _, d := range ds {
		if d.Code == "response-type-mismatch" {
			t.Errorf("diagnostic %s", d)
		}
	}
}

// TestRefPostAnswersNothing: a POST to $ref whose page says "201 Created and a
// [directoryObject]" returns nothing, with a warning: adding a reference answers 204.
func TestRefPostAnswersNothing(t *testing.T) {
	add := page("api/featurerolloutpolicy-post-appliesto.md", "POST", gref("directoryObject", false), TypeRef{}, path("policies", "featureRolloutPolicies", "{id}", "appliesTo", "$ref"))
	add.Response.Status = 201
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("directoryObject", "microsoft.graph.entity", nil),
		resourcePage("featureRolloutPolicy", "microsoft.graph.entity", []Property{nav("appliesTo", "directoryObject", true)}),
		add,
	}
	api, ds := Build("v1.0", pages)
	for _, op := range api.Operations {
		if r := op.ResultOf(op.Paths[0]); r.Kind != KindNone {
			t.Errorf("%s %s returns %s, want nothing", op.Method, op.Paths[0], r)
		}
	}
	if !strings.Contains(ds.String(), "response-type-mismatch") {
		t.Errorf("no response-type-mismatch warning:\n%s", ds)
	}
}
