package model

import "testing"

// TestAcceptedAlternative: a create whose examples answer both 201 with the value and 202
// Accepted with a Location returns the value, nil on 202; one whose examples only answer
// 202 (a long-running operation), or only the value, is left alone.
func TestAcceptedAlternative(t *testing.T) {
	created := Example{Kind: ExampleResponse, Status: 201, Body: `{"id": "19:x", "chatType": "group"}`, Pos: Pos{File: "a.md", Line: 40, Col: 1}}
	accepted := Example{Kind: ExampleResponse, Status: 202, Headers: []Header{{Name: "Location", Value: "/teams/x/operations/y"}}, Pos: Pos{File: "a.md", Line: 60, Col: 1}}
	tests := []struct {
		name string
		exs  []Example
		want bool
	}{
		{"both", []Example{created, accepted}, true},
		{"202 only", []Example{accepted}, false},
		{"value only", []Example{created}, false},
		{"202 without Location", []Example{created, {Kind: ExampleResponse, Status: 202, Pos: accepted.Pos}}, false},
		// workbook-createsession.md's 202 shows an empty object
		{"both, the 202 with {}", []Example{created, {Kind: ExampleResponse, Status: 202, Body: "{\n}", Headers: accepted.Headers, Pos: accepted.Pos}}, true},
		{"both, the 202 with a body", []Example{created, {Kind: ExampleResponse, Status: 202, Body: `{"id": "1"}`, Headers: accepted.Headers, Pos: accepted.Pos}}, false},
	}
	for _, tc := range tests {
		op := &Operation{Method: "POST", Response: Response{Status: 201, Type: TypeRef{Kind: KindNamed, Namespace: "microsoft.graph", Name: "chat"}}, Examples: tc.exs}
		var ds Diagnostics
		acceptedAlternative(op, &ds)
		if op.Response.Accepted != tc.want || op.Response.Optional != tc.want || hasCode(ds, "response-accepted-alternative") != tc.want {
			t.Errorf("%s: accepted %v optional %v, want %v\n%s", tc.name, op.Response.Accepted, op.Response.Optional, tc.want, ds)
		}
	}
}

// TestOptionalFromExamples: a named result is optional when every example answers
// without a body, or when one answers the operation's own call with 204 where another has
// a body; a 204 that answers another request of the page (an upload session's DELETE)
// leaves it alone.
func TestOptionalFromExamples(t *testing.T) {
	put := func() *Path { p := path("identity", "b2cUserFlows", "f", "languages", "fr"); return &p }
	req := func(method string) Example { return Example{Kind: ExampleRequest, Method: method, Path: put()} }
	body := Example{Kind: ExampleResponse, Status: 201, Body: `{"id": "fr"}`}
	none := Example{Kind: ExampleResponse, Status: 204}
	for _, tc := range []struct {
		name string
		exs  []Example
		want bool
	}{
		{"every example without a body", []Example{req("PUT"), none}, true},
		{"201 with a body, then 204 to the same call", []Example{req("PUT"), body, req("PUT"), none}, true},
		{"204 to another request", []Example{req("PUT"), body, req("DELETE"), none}, false},
		{"bodies only", []Example{req("PUT"), body}, false},
	} {
		op := &Operation{Method: "PUT", Response: Response{Status: 201, Type: TypeRef{Kind: KindNamed, Namespace: "microsoft.graph", Name: "userFlowLanguageConfiguration"}}, Examples: tc.exs}
		var ds Diagnostics
		optionalFromExamples(op, &ds)
		if op.Response.Optional != tc.want || hasCode(ds, "response-body-contradiction") != tc.want {
			t.Errorf("%s: optional %v, want %v\n%s", tc.name, op.Response.Optional, tc.want, ds)
		}
	}
}

// TestSettleScalarAnswers: a Response section that links a resource where every example
// answers {"value": "..."} and an annotation says String returns the string; an enum, an
// object answer, a mismatched kind or no annotation keep the page's type.
func TestSettleScalarAnswers(t *testing.T) {
	resp := func(typ, body string) Example {
		return Example{Kind: ExampleResponse, Status: 200, Body: body, Annotation: &Annotation{ODataType: typ, Pos: Pos{File: "a.md", Line: 80, Col: 1}}}
	}
	sas := `{"@odata.context": "https://graph.microsoft.com/beta/$metadata#String", "value": "https://sds.example/x?sig=1"}`
	tests := []struct {
		name string
		typ  string // the page's type: profile (a resource) or status (an enum)
		exs  []Example
		want string
	}{
		{"SAS URL", "profile", []Example{resp("String", sas)}, "Edm.String"},
		{"enum member", "status", []Example{resp("String", `{"value": "connected"}`)}, "microsoft.graph.status"},
		{"object answer", "profile", []Example{resp("String", sas), resp("", `{"id": "1"}`)}, "microsoft.graph.profile"},
		{"kind mismatch", "profile", []Example{resp("Int32", sas)}, "microsoft.graph.profile"},
		{"no annotation", "profile", []Example{{Kind: ExampleResponse, Status: 200, Body: sas}}, "microsoft.graph.profile"},
	}
	for _, tc := range tests {
		pg := page("api/profile-uploadurl.md", "GET", gref(tc.typ, false), TypeRef{}, path("profiles", "{id}", "uploadUrl"))
		pg.Examples = tc.exs
		enum := resourcePage("status", "", nil)
		enum.Types[0].Enum = true
		api, _ := Build("beta", []*Page{resourcePage("profile", "", nil), enum, pg})
		if got := api.Operations[0].Response.Type.String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestValueArrayText: a body that is not valid JSON still shows a value array by its
// text; valid JSON and other shapes leave it to valueArray.
func TestValueArrayText(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{`{"@odata.context": "x", "value": [ {"audioDuration": 00:00:00} ]}`, true},
		{`{"value": [{"a": 00:01}]}`, true},
		{`{"value": [{"a": 1}]}`, false},
		{`{"a": 00:01}`, false},
	} {
		if got := valueArrayText(tc.body); got != tc.want {
			t.Errorf("valueArrayText(%s) = %v, want %v", tc.body, got, tc.want)
		}
	}
}

// TestAcceptedWithoutBody: an action whose Response section says 202 and links a type,
// answered in every example by a bare 202, returns nothing; a 202 example with a body or a
// Location, or a monitor the prose names, keeps the type.
func TestAcceptedWithoutBody(t *testing.T) {
	bare := Example{Kind: ExampleResponse, Status: 202, Pos: Pos{File: "a.md", Line: 75, Col: 1}}
	withLocation := Example{Kind: ExampleResponse, Status: 202, Headers: []Header{{Name: "Location", Value: "/operations/1"}}, Pos: bare.Pos}
	withBody := Example{Kind: ExampleResponse, Status: 202, Body: `{"id": "1"}`, Pos: bare.Pos}
	for _, tc := range []struct {
		name    string
		exs     []Example
		monitor string
		dropped bool
	}{
		{"bare 202s", []Example{bare, bare}, "", true},
		{"a 202 with a Location", []Example{bare, withLocation}, "", false},
		{"a 202 with a body", []Example{withBody}, "", false},
		{"a monitor in the prose", []Example{bare}, "Location", false},
		{"no example", nil, "", false},
	} {
		op := &Operation{Method: "POST", Response: Response{Status: 202, Monitor: tc.monitor, Type: gref("accessPackageAssignment", false)}, Examples: tc.exs}
		var ds Diagnostics
		acceptedWithoutBody(op, &ds)
		if dropped := op.Response.Type.Kind == KindNone; dropped != tc.dropped || hasCode(ds, "response-body-contradiction") != tc.dropped {
			t.Errorf("%s: type %s, diagnostics %s", tc.name, op.Response.Type, ds)
		}
	}
}
