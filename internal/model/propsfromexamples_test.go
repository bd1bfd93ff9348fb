package model

import (
	"slices"
	"strings"
	"testing"
)

// TestPropertiesFromExamples: a member an example sends beyond its type's table is added
// with the type its values show; what the values do not settle, open types, typos,
// directory extensions, the members of a value a derived type's member shows to be that
// type and those of an object-valued property's type written one level up are not; an action's body table gets the parameter its example sends.
func TestPropertiesFromExamples(t *testing.T) {
	none := TypeRef{}
	str := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	}
	exPath := func(p Path) *Path { return &p }
	req := func(file, method string, p Path, body string, line int) Example {
		return Example{Kind: ExampleRequest, Method: method, URL: "https://graph.microsoft.com/v1.0" + p.String(), Path: exPath(p), Body: body, Pos: Pos{File: file, Line: line, Col: 1}}
	}
	resp := func(file, body string, line int) Example {
		return Example{Kind: ExampleResponse, Status: 200, Body: body, Pos: Pos{File: file, Line: line, Col: 1}}
	}
	widgets := path("widgets")
	create := page("api/widget-post.md", "POST", gref("widget", false), gref("widget", false), widgets)
	create.Examples = []Example{
		req("api/widget-post.md", "POST", widgets, `{"name": "a", "fax": "555", "colour": 3, "mixed": "x", "nothing": null,
			"atApprovedLocatoin": true, "extension_0123_School": "x", "Loud": true, "@odata.type": "#microsoft.graph.widget",
			"part": {"weight": 2.5, "tags": ["a"]}, "seenDateTime": "2021-01-02T03:04:05Z",
			"bag": {"anything": 1}, "holder": {"label": "h", "colour": null}, "keeper": {"label": "k", "weight": 2},}`, 40),
		// label and shade are the widget's part's members, written one level up: not the
		// widget's
		req("api/widget-post.md", "POST", widgets, `{"name": "c", "label": "flat", "shade": "dark"}`, 45),
		req("api/widget-post.md", "POST", widgets, `{"name": "b", "size": 4, "sizeUnit": "cm"}`, 50),
		resp("api/widget-post.md", `{"mixed": 1, "fax": "556", "seenDateTime": "2021-01-02T03:04:06Z"}`, 60),
	}
	get := page("api/widget-get.md", "GET", gref("widget", false), none, path("widgets", "{widgetId}"))
	get.Examples = []Example{
		req("api/widget-get.md", "GET", path("widgets", "19:w1@thread.v2"), "", 30),
		resp("api/widget-get.md", `{"value": {"name": "a", "enveloped": true}}`, 50),
	}
	act := page("api/widget-spin.md", "POST", none, none, path("widgets", "{widgetId}", "spin"))
	act.Title = "widget: spin"
	act.Params = []Param{{Name: "speed", In: InBody, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}}}
	act.Examples = []Example{req("api/widget-spin.md", "POST", path("widgets", "{id}", "spin"), `{"speed": 3, "clientContext": "c"}`, 20)}
	dismiss := page("api/widgets-dismiss.md", "POST", none, none, path("widgets", "dismiss"))
	dismiss.Title = "widget: dismiss"
	// window's members are exactly a dateTimeTimeZone's; span's are two of a column's three
	dismiss.Examples = []Example{req("api/widgets-dismiss.md", "POST", path("widgets", "dismiss"),
		`{"widgetIds": ["w1", "w2"], "window": {"dateTime": "2022-01-25T00:00:00", "timeZone": "UTC"}, "span": {"minimum": 1, "maximum": 2}}`, 20)}
	pages := []*Page{
		resourcePage("entity", "", []Property{str("id")}),
		resourcePage("widget", "microsoft.graph.entity", []Property{str("name"), str("atApprovedLocation"), prop("part", "part"), prop("bag", "bag")}),
		resourcePage("bigWidget", "microsoft.graph.widget", []Property{str("size")}),
		resourcePage("part", "", []Property{str("label"), str("shade")}),
		resourcePage("gadget", "", []Property{prop("holder", "part"), prop("keeper", "part")}),
		resourcePage("gizmo", "", []Property{prop("holder", "part"), prop("keeper", "part")}),
		resourcePage("bag", "", nil),
		resourcePage("dateTimeTimeZone", "", []Property{str("dateTime"), str("timeZone")}),
		resourcePage("numberColumn", "", []Property{str("minimum"), str("maximum"), str("decimalPlaces")}),
		create, get, act, dismiss,
	}
	for _, pg := range pages {
		if pg.File == "resources/bag.md" {
			pg.Types[0].Open = true
		}
	}
	api, ds := Build("v1.0", pages)
	props := func(name string) []string {
		var out []string
		for _, ty := range api.Types {
			if strings.EqualFold(ty.Name, name) {
				for _, p := range ty.Properties {
					if p.FromExample {
						out = append(out, p.Name+" "+p.Type.String())
					}
				}
			}
		}
		return out
	}
	// holder is a part in every table that has it, and its value has no member a part's
	// table lacks but a null one; keeper's value has one (weight), so it is left untyped.
	want := []string{"colour Edm.Int64", "fax Edm.String", "holder microsoft.graph.part", "seenDateTime Edm.DateTimeOffset", "enveloped Edm.Boolean"}
	if got := props("widget"); !slices.Equal(got, want) {
		t.Errorf("widget: %v, want %v", got, want)
	}
	if got := props("part"); !slices.Equal(got, []string{"tags Collection(Edm.String)", "weight Edm.Double"}) {
		t.Errorf("part: %v", got)
	}
	if got := props("bag"); got != nil {
		t.Errorf("open bag: %v, want none", got)
	}
	var spin *Operation
	for _, op := range api.Operations {
		if op.Page == "api/widget-spin.md" {
			spin = op
		}
	}
	if spin == nil || !slices.ContainsFunc(spin.Params, func(p Param) bool { return p.Name == "clientContext" && p.In == InBody && p.Presence == Optional }) {
		t.Errorf("spin: no optional clientContext body parameter")
	}
	var ids *Operation
	for _, op := range api.Operations {
		if op.Page == "api/widgets-dismiss.md" {
			ids = op
		}
	}
	if ids == nil || !slices.ContainsFunc(ids.Params, func(p Param) bool { return p.Name == "widgetIds" && p.Type.String() == "Collection(Edm.String)" }) {
		t.Errorf("dismiss, a page without a body table: no widgetIds body parameter")
	}
	if ids == nil || !slices.ContainsFunc(ids.Params, func(p Param) bool { return p.Name == "window" && p.Type.Name == "dateTimeTimeZone" }) ||
		slices.ContainsFunc(ids.Params, func(p Param) bool { return p.Name == "span" }) {
		t.Errorf("dismiss: window should be a dateTimeTimeZone, span untyped: %v", ids.ParamsIn(InBody))
	}
	n := 0
	for _, d := range ds {
		if d.Code == "property-from-example" {
			n++
			if !d.Pos.IsValid() {
				t.Errorf("diagnostic without a position: %v", d)
			}
		}
	}
	if n != 10 {
		t.Errorf("%d property-from-example diagnostics, want 10", n)
	}
}

// TestOneEdit: typos one edit away from a name, and names that are not.
func TestOneEdit(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"atapprovedlocation", "ataprovedlocation", true},
		{"atapprovedlocation", "atapprovedlocatoin", true},
		{"displayname", "displaynames", true},
		{"colour", "color", true},
		{"name", "name", false},
		{"senderuserid", "recipientuserid", false},
	} {
		if got := oneEdit(c.a, c.b); got != c.want {
			t.Errorf("oneEdit(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// TestFlattenedActionParams: an example that writes a body parameter's members one level
// up adds no parameters; members of no parameter's type still do.
func TestFlattenedActionParams(t *testing.T) {
	str := func(name string) Property {
		return Property{Name: name, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	}
	at := path("workflows", "{workflowId}", "createNewVersion")
	for _, tc := range []struct {
		body string
		want string
	}{
		{`{"category": "joiner", "displayName": "New", "description": "d"}`, "workflow"},
		{`{"category": "joiner", "colour": "red"}`, "workflow category colour"},
	} {
		act := page("api/workflow-createnewversion.md", "POST", gref("workflow", false), TypeRef{}, at)
		act.Title = "workflow: createNewVersion"
		act.Params = []Param{{Name: "workflow", In: InBody, Type: gref("workflow", false)}}
		act.Examples = []Example{
			{Kind: ExampleRequest, Method: "POST", Path: &at, Body: `{"workflow": {"category": "joiner"}}`, Pos: Pos{File: "api/workflow-createnewversion.md", Line: 20}},
			{Kind: ExampleRequest, Method: "POST", Path: &at, Body: tc.body, Pos: Pos{File: "api/workflow-createnewversion.md", Line: 40}},
		}
		pages := []*Page{resourcePage("workflow", "", []Property{str("category"), str("displayName"), str("description")}), act}
		api, _ := Build("v1.0", pages)
		var got []string
		for _, op := range api.Operations {
			for _, p := range op.ParamsIn(InBody) {
				got = append(got, p.Name)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s: body parameters %q, want %q", tc.body, got, tc.want)
		}
	}
}
