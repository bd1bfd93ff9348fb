package graphdocgen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The guard of the conformance suite's verdicts: hand-written cases for each cause, so that
// a rule that blames the docs for the generator's fault (or the other way) fails here, in
// plain go test, without the corpus.

// tpl builds a path template from text: /groups/{id}/acceptedSenders/$ref?$id=.../{user-id}.
func tpl(s string) model.Path {
	pathPart, query, _ := strings.Cut(s, "?")
	parts := func(text string) []model.Part {
		var out []model.Part
		for text != "" {
			i := strings.IndexByte(text, '{')
			j := strings.IndexByte(text, '}')
			if i < 0 || j < i {
				out = append(out, model.Part{Literal: text})
				break
			}
			if i > 0 {
				out = append(out, model.Part{Literal: text[:i]})
			}
			out = append(out, model.Part{Param: text[i+1 : j]})
			text = text[j+1:]
		}
		return out
	}
	var p model.Path
	for _, seg := range strings.Split(strings.Trim(pathPart, "/"), "/") {
		p.Segments = append(p.Segments, model.Segment{Parts: parts(seg)})
	}
	for _, kv := range strings.Split(query, "&") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		q := model.QueryParam{Name: k}
		switch ps := parts(v); {
		case len(ps) == 1 && ps[0].IsParam():
			q.Param = ps[0].Param
		case slices.ContainsFunc(ps, model.Part.IsParam):
			q.Parts = ps
		default:
			q.Value = v
		}
		p.Query = append(p.Query, q)
	}
	return p
}

func TestConformanceNoMethodCause(t *testing.T) {
	page := func(file string, lines ...string) *model.Page {
		p := &model.Page{File: file}
		for _, l := range lines {
			method, path, _ := strings.Cut(l, " ")
			p.Requests = append(p.Requests, model.RequestLine{Method: method, Path: tpl(path)})
		}
		return p
	}
	own := page("api/group-delete-acceptedsenders.md", "DELETE /groups/{id}/acceptedSenders/$ref?$id=https://graph.microsoft.com/v1.0/users/{user-id}")
	other := page("api/chat-list-members.md", "GET /chats/{id}/members", "GET /users/{id}/chats/{id}/members")
	escaped := page("api/onlinemeeting-get.md", "GET /communications/onlineMeetings?$filter=VideoTeleconferenceId%20eq%20'{videoTeleconferenceId}'")
	lines := newRequestLineIndex([]*model.Page{own, other, escaped})
	for _, tc := range []struct {
		name, method, path, query, want string
	}{
		// the page's own line, its query mixing text and a placeholder: no method is the generator's
		{"own line with a query template", "DELETE", "/groups/g1/acceptedSenders/$ref", "$id=https://graph.microsoft.com/v1.0/users/u1", causeNoMethod},
		// another page documents the URL: the generator's
		{"another page's line", "GET", "/users/u1/chats/c1/members", "", causeNoMethodOther},
		// no page documents it: the docs'
		{"no line anywhere", "GET", "/me/chats/c1/members", "", causeNoRequestLine},
		{"the method differs", "POST", "/chats/c1/members", "", causeNoRequestLine},
		// a query template written escaped (%20), the example's read unescaped
		{"escaped query template", "GET", "/communications/onlineMeetings", "$filter=VideoTeleconferenceId%20eq%20'123456789'", causeNoMethodOther},
	} {
		got, _ := noMethodCause(own, lines, nil, tc.method, tc.path, parseExampleQuery(tc.query))
		if got != tc.want {
			t.Errorf("%s: %s %s?%s: cause %q, want %q", tc.name, tc.method, tc.path, tc.query, got, tc.want)
		}
	}
	// A line the generator reported as overruled (request-path-stray-key at the line): the
	// example that calls it is the docs' miss.
	keyed := page("api/workbook-post-tables.md", "POST /me/drive/items/{id}/workbook/tables/{table-id}/add")
	keyed.Requests[0].Pos = model.Pos{File: "api/workbook-post-tables.md", Line: 27, Col: 1}
	ds := model.Diagnostics{{Pos: model.Pos{File: "api/workbook-post-tables.md", Line: 27, Col: 1}, Code: "request-path-stray-key"}}
	if got, _ := noMethodCause(keyed, lines, overruledLines(ds), "POST", "/me/drive/items/i1/workbook/tables/t1/add", nil); got != causeLineOverruled {
		t.Errorf("overruled line: cause %q, want %q", got, causeLineOverruled)
	}
	if got, _ := noMethodCause(keyed, lines, nil, "POST", "/me/drive/items/i1/workbook/tables/t1/add", nil); got != causeNoMethod {
		t.Errorf("line not overruled: cause %q, want %q", got, causeNoMethod)
	}
}

func TestConformanceRepairJSON(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		did            []string
	}{
		{"trailing comma", `{"a": 1, "b": [1, 2,],}`, `{"a":1,"b":[1,2]}`, []string{repairTrailing}},
		{"comments", "{\n  \"a\": 1, // the first\n  /* the second */ \"b\": \"x // not a comment\"\n}", `{"a":1,"b":"x // not a comment"}`, []string{repairComment}},
		{"elided member", `{"a": 1, "b": ..., "c": 2}`, `{"a":1,"c":2}`, []string{repairEllipsis}},
		{"elided elements", `{"value": [{"id": "1"}, ..., {"id": "2"}, …]}`, `{"value":[{"id":"1"},{"id":"2"}]}`, []string{repairEllipsis}},
		{"elided object", `{"a": {...}}`, `{"a":{}}`, []string{repairEllipsis}},
		{"missing comma between members", "{\n  \"id\": \"x\"\n  \"enabled\": true\n}", `{"id":"x","enabled":true}`, []string{repairMissingComma}},
		// no exact repair: a guess would be needed
		{"single quotes", `{'a': 1}`, "", nil},
		{"bare word", `{"a": String}`, "", nil},
		{"unbalanced", `{"a": [1, 2}`, "", nil},
		{"comma after a colon", `{"a": , "b": 1}`, "", nil},
		{"doubled comma", `{"a": 1,, "b": 2}`, "", nil},
		{"valid already", `{"a": 1}`, "", nil},
		{"a string broken across lines", "{\"a\": \"x\ny\"}", "", nil},
	} {
		got, did, ok := repairJSON(tc.in)
		if ok != (tc.want != "") || got != tc.want || !slices.Equal(did, tc.did) {
			t.Errorf("%s: repairJSON(%q) = %q, %v, %t; want %q, %v", tc.name, tc.in, got, did, ok, tc.want, tc.did)
		}
	}
}

func TestConformanceFillTypedHolders(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"datetime and number", `{"created": "datetime-value", "size": "Int64-value", "n": [" Boolean-value "]}`,
			`{"created":"2000-01-01T00:00:00Z","size":0,"n":[true]}`},
		{"timestamp and date", `{"a": "String (timestamp)", "b": "date-value"}`, `{"a":"2000-01-01T00:00:00Z","b":"2000-01-01"}`},
		// a member named like a placeholder keeps its name
		{"member name", `{"date-value": "x", "b": "datetime-value"}`, `{"date-value":"x","b":"2000-01-01T00:00:00Z"}`},
		// placeholders that name a property or a plain string say nothing of a type, and a
		// bare type name can be a value (a schema extension property's type)
		{"property placeholder", `{"name": "displayName-value", "s": "String"}`, ""},
		{"bare type name", `{"name": "courseId", "type": "Integer", "d": "Date"}`, ""},
		{"invalid JSON", `{"a": "Date",}`, ""},
	} {
		got, ok := fillTypedHolders(tc.in)
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("%s: fillTypedHolders(%q) = %q, %t; want %q", tc.name, tc.in, got, ok, tc.want)
		}
	}
}

func TestConformanceUnwrapValue(t *testing.T) {
	for _, tc := range []struct {
		name, in   string
		hasValue   bool
		want       string
		unwrapping bool
	}{
		{"one object", `{"@odata.context": "x", "value": {"id": "1"}}`, false, `{"id": "1"}`, true},
		{"a collection", `{"value": [{"id": "1"}]}`, false, "", false},
		{"another member", `{"value": {"id": "1"}, "id": "2"}`, false, "", false},
		{"a primitive", `{"value": "x"}`, false, "", false},
		{"the type has a value property", `{"value": {"id": "1"}}`, true, "", false},
	} {
		got, ok := unwrapValue(tc.in, tc.hasValue)
		if ok != tc.unwrapping || got != tc.want {
			t.Errorf("%s: unwrapValue(%q) = %q, %t; want %q, %t", tc.name, tc.in, got, ok, tc.want, tc.unwrapping)
		}
	}
}

// TestConformanceClassify gives classify one hand-written case per cause and checks the
// cause, and whether it counts against the docs.
func TestConformanceClassify(t *testing.T) {
	object := &emit.MethodInfo{Name: "GetThing", HTTPMethod: "GET", Result: emit.ResultObject, ResultType: "Thing"}
	none := &emit.MethodInfo{Name: "UpdateThing", HTTPMethod: "PATCH", Result: emit.ResultNone, Body: emit.BodyInfo{Kind: emit.BodyWhole, GoType: "Thing"}}
	addRef := &emit.MethodInfo{Name: "AddThingMemberRef", HTTPMethod: "POST", Result: emit.ResultNone,
		Path: model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "things"}}}, {Parts: []model.Part{{Param: "id"}}}, {Parts: []model.Part{{Literal: "members"}}}, {Parts: []model.Part{{Literal: "$ref"}}}}}}
	create := &emit.MethodInfo{Name: "CreateThing", HTTPMethod: "POST", Result: emit.ResultObject, ResultType: "Thing", Body: emit.BodyInfo{Kind: emit.BodyWhole, GoType: "Thing"}}
	keyed := &emit.MethodInfo{Name: "GetThing", HTTPMethod: "GET", Result: emit.ResultObject, ResultType: "Thing",
		Path: model.Path{Segments: []model.Segment{{Parts: []model.Part{{Literal: "things"}}}, {Parts: []model.Part{{Param: "thing-id"}}}}}}
	pageTyped := &model.Page{File: "api/thing-get.md", Response: model.Response{Type: model.TypeRef{Kind: model.KindNamed, Name: "thing"}}}
	pageNone := &model.Page{File: "api/thing-update.md"}
	stream := &emit.MethodInfo{Name: "GetReport", HTTPMethod: "GET", Result: emit.ResultStream}
	pageStream := &model.Page{File: "api/report-get.md", Response: model.Response{Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream}}}
	resp := func(body string) *model.Example {
		return &model.Example{Kind: model.ExampleResponse, Status: 200, Body: body}
	}
	// the type pages: thing documents id and name; widget (derived from thing, the pages
	// say) documents size; gadget documents color but the pages do not relate it to thing
	pages := map[string][]string{"thing": {"id", "name"}, "widget": {"size"}, "gadget": {"color"}}
	pageDocuments := func(typeName, prop, annotated string) bool {
		if slices.Contains(pages[typeName], prop) {
			return true
		}
		return annotated == "widget" && typeName == "thing" && slices.Contains(pages["widget"], prop)
	}
	documented := map[string]bool{"id": true, "name": true, "size": true, "color": true, "weight": true}
	type want struct {
		cause string
		docs  int // the stages a docs-caused miss took from the check
		pass  bool
	}
	for _, tc := range []struct {
		name string
		c    confCase
		r    confResultLine
		ran  bool
		want want
	}{
		{"passes", confCase{m: object, p: pageTyped, resp: resp(`{"id": "1"}`)}, confResultLine{}, true, want{pass: true}},
		{"stream method, JSON example, page says stream", confCase{m: stream, p: pageStream, resp: resp(`{"value": "QUJD"}`)}, confResultLine{}, true, want{cause: causeStreamJSON, docs: stageResp}},
		{"stream method, JSON example", confCase{m: stream, p: pageTyped, resp: resp(`{"value": "QUJD"}`)}, confResultLine{}, true, want{cause: causeStreamJSONGen}},
		{"URL on no page", confCase{cause: causeNoRequestLine}, confResultLine{}, false, want{cause: causeNoRequestLine, docs: stageAll}},
		{"URL on another page", confCase{cause: causeNoMethodOther}, confResultLine{}, false, want{cause: causeNoMethodOther}},
		{"does not compile", confCase{m: object}, confResultLine{}, false, want{cause: causeNoCompile}},
		{"wrong path", confCase{m: object, p: pageTyped}, confResultLine{Mismatch: []string{"path"}}, true, want{cause: causeWrongPath}},
		{"no body in the example, required members sent", confCase{m: create, p: pageTyped}, confResultLine{Mismatch: []string{"body"}, Detail: []string{"body keys extra type; extra userid"}}, true, want{cause: causeRequiredUnsent, docs: stageSend | stageBody}},
		{"a body the example leaves out a key of", confCase{m: create, p: pageTyped, ex: model.Example{Body: `{"id": "1"}`}}, confResultLine{Mismatch: []string{"body"}, Detail: []string{"body keys missing name"}}, true, want{cause: causeWrongBody}},
		{"body placeholder", confCase{m: create, p: pageTyped, ex: model.Example{Body: `{"name": "String"}`}},
			confResultLine{Mismatch: []string{"body"}, BodyErr: "x"}, true, want{cause: causeBodyHolder, docs: stageSend | stageBody}},
		{"body key on no page", confCase{m: create, p: pageTyped, ex: model.Example{Body: `{"shade": 1}`}},
			confResultLine{Untyped: []string{"shade"}}, true, want{cause: causeKeyNowhere, docs: stageBody}},
		{"body key documented, no field", confCase{m: create, p: pageTyped, ex: model.Example{Body: `{"weight": 1}`}},
			confResultLine{Untyped: []string{"weight"}}, true, want{cause: causeUntypedKey}},
		{"response placeholder", confCase{m: object, p: pageTyped, resp: resp(`{"created": "datetime-value"}`)},
			confResultLine{CallErr: "invalid Edm.DateTimeOffset"}, true, want{cause: causeRespHolder, docs: stageResp}},
		{"response invalid JSON", confCase{m: object, p: pageTyped, resp: resp(`{"id": "1" "name": }`)}, confResultLine{}, true, want{cause: causeRespInvalid, docs: stageResp}},
		{"response the page does not give", confCase{m: none, p: pageNone, resp: resp(`{"id": "1"}`)}, confResultLine{}, true, want{cause: causeRespNotOnPage, docs: stageResp}},
		{"response on Prefer: return=representation", confCase{m: none, p: pageNone, resp: resp(`{"id": "1"}`), bodyOnRequest: true}, confResultLine{}, true, want{cause: causePreferDropped}},
		{"response the method drops", confCase{m: none, p: pageTyped, resp: resp(`{"id": "1"}`)}, confResultLine{}, true, want{cause: causeResultDropped}},
		{"a $ref add whose page shows a body", confCase{m: addRef, p: pageTyped, resp: resp(`{"id": "1"}`)}, confResultLine{}, true, want{cause: causeRefAnswer, docs: stageResp}},
		{"collection into an object", confCase{m: object, p: pageTyped, resp: resp(`{"value": [{"id": "1"}]}`)},
			confResultLine{NotStrict: []string{".value <thing>" + notOnTypeMark}}, true, want{cause: causeObjectInValue}},
		{"collection from a keyed GET", confCase{m: keyed, p: pageTyped, resp: resp(`{"value": [{"id": "1"}]}`)},
			confResultLine{NotStrict: []string{".value <thing>" + notOnTypeMark}}, true, want{cause: causeKeyedList, docs: stageResp}},
		{"wrapped object not repaired", confCase{m: object, p: pageTyped, resp: resp(`{"value": {"id": "1"}, "x": 1}`)},
			confResultLine{NotStrict: []string{".value <thing>" + notOnTypeMark}}, true, want{cause: causeWrappedObject, docs: stageResp}},
		{"repaired wrapped object passes", confCase{m: object, p: pageTyped, resp: resp(`{"value": {"id": "1"}}`), respFixed: `{"id": "1"}`, respRepairs: []string{repairUnwrapValue}},
			confResultLine{}, true, want{pass: true}},
		{"repaired wrapped object, wrong type", confCase{m: object, p: pageTyped, resp: resp(`{"value": {"weight": 1}}`), respFixed: `{"weight": 1}`, respRepairs: []string{repairUnwrapValue}},
			confResultLine{NotStrict: []string{".weight"}}, true, want{cause: causeNotStrict}},
		{"property no page of the type documents", confCase{m: object, p: pageTyped, resp: resp(`{"color": "red"}`)},
			confResultLine{NotStrict: []string{".color <thing>" + notOnTypeMark}}, true, want{cause: causeNotOnType, docs: stageResp}},
		{"property the type's page documents", confCase{m: object, p: pageTyped, resp: resp(`{"name": "x"}`)},
			confResultLine{NotStrict: []string{".name <thing>" + notOnTypeMark}}, true, want{cause: causeOnPageMissed}},
		{"property a related @odata.type's page documents", confCase{m: object, p: pageTyped, resp: resp(`{"@odata.type": "#microsoft.graph.widget", "size": 1}`)},
			confResultLine{NotStrict: []string{".size <thing@#microsoft.graph.widget>" + notOnTypeMark}}, true, want{cause: causeOnPageMissed}},
		{"property an unrelated @odata.type's page documents", confCase{m: object, p: pageTyped, resp: resp(`{"@odata.type": "#microsoft.graph.gadget", "color": "red"}`)},
			confResultLine{NotStrict: []string{".color <thing@#microsoft.graph.gadget>" + notOnTypeMark}}, true, want{cause: causeNotOnType, docs: stageResp}},
		{"derived property, no @odata.type", confCase{m: object, p: pageTyped, resp: resp(`{"size": 1}`)},
			confResultLine{NotStrict: []string{".size <thing>" + derivedMark}}, true, want{cause: causeDerivedNoType, docs: stageResp}},
		{"derived property, @odata.type given", confCase{m: object, p: pageTyped, resp: resp(`{"@odata.type": "#microsoft.graph.widget", "size": 1}`)},
			confResultLine{NotStrict: []string{".size <thing@#microsoft.graph.widget>" + derivedMark}}, true, want{cause: causeDerivedMissed}},
		{"documented property in AdditionalData", confCase{m: object, p: pageTyped, resp: resp(`{"weight": 1}`)},
			confResultLine{NotStrict: []string{".weight"}}, true, want{cause: causeNotStrict}},
		{"response does not decode", confCase{m: object, p: pageTyped, resp: resp(`{"id": 1}`)},
			confResultLine{CallErr: "json: cannot unmarshal number"}, true, want{cause: causeRespDecode}},
	} {
		c := tc.c
		v := classify(&c, tc.r, tc.ran, documented, nil, pageDocuments)
		var causes []string
		for _, m := range v.misses {
			causes = append(causes, m.cause)
		}
		switch {
		case tc.want.pass && (len(v.misses) > 0 || c.resp != nil && !v.strict):
			t.Errorf("%s: misses %v, want none", tc.name, causes)
		case !tc.want.pass && !slices.Contains(causes, tc.want.cause):
			t.Errorf("%s: causes %v, want %q", tc.name, causes, tc.want.cause)
		case v.docsStages != tc.want.docs:
			t.Errorf("%s: docs-caused stages %b, want %b", tc.name, v.docsStages, tc.want.docs)
		}
	}
	// A 204 example that shows a JSON body: HTTP lets no content follow a 204, so it is no
	// JSON response, counted apart, and the method that returns nothing misses nothing.
	c := confCase{m: none, p: pageNone, resp: &model.Example{Kind: model.ExampleResponse, Status: 204, Body: `{}`}}
	if v := classify(&c, confResultLine{}, true, documented, nil, pageDocuments); v.resp || !v.noContentBody || len(v.misses) > 0 {
		t.Errorf("204 with a body: JSON response %v, counted apart %v, misses %v; want false, true, none", v.resp, v.noContentBody, v.misses)
	}
}

func TestConformanceReturnCells(t *testing.T) {
	known := func(name string) bool { return name == "user" || name == "drive" }
	for _, tc := range []struct{ cell, want string }{
		{"[user](user.md) collection", "collection of user"},
		{"Collection of [user](user.md)", "collection of user"},
		{"[user](user.md)", "user"},
		{"None", "none"},
		{"No Content", "none"},
		{"String", "string"},
		{"Stream", "stream"},
		{"drive", "drive"},
		{"Location header", "unknown"}, // a bare word that names no type
		{"", "unknown"},
	} {
		if got := parseReturnCell(tc.cell, known).String(); got != tc.want {
			t.Errorf("parseReturnCell(%q) = %q, want %q", tc.cell, got, tc.want)
		}
	}
	text := "## Methods\n\n| Method | Return Type | Description |\n|:--|:--|:--|\n| [List users](../api/user-list.md) | [user](user.md) collection | List. |\n| [Delete](../api/user-delete.md) | None | Delete. |\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The id. |\n"
	rows := readMethodsTables("resources/user.md", text, known)
	if len(rows) != 2 || rows[0].page != "api/user-list.md" || rows[0].ret.String() != "collection of user" || rows[1].ret.kind != "none" {
		t.Errorf("readMethodsTables: %+v", rows)
	}
	isBase := func(base, derived string) bool { return base == "place" && derived == "room" }
	for _, tc := range []struct {
		doc, got docReturn
		agree    bool
	}{
		{docReturn{"one", "user"}, docReturn{"one", "user"}, true},
		{docReturn{"one", "room"}, docReturn{"one", "place"}, true}, // the base carries the derived value
		{docReturn{"one", "place"}, docReturn{"one", "room"}, false},
		{docReturn{"collection", "user"}, docReturn{"one", "user"}, false},
		{docReturn{"none", ""}, docReturn{"one", "user"}, false},
		{docReturn{"one", "user"}, docReturn{"none", ""}, false},
	} {
		if ok, why := returnsAgree(tc.doc, tc.got, isBase); ok != tc.agree {
			t.Errorf("returnsAgree(%v, %v) = %t (%s), want %t", tc.doc, tc.got, ok, why, tc.agree)
		}
	}
	if !pageRowDocuments("| **displayName** | String | The name. |", "displayName") || pageRowDocuments("The displayName | is here", "displayName") {
		t.Error("pageRowDocuments misreads a property row")
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"## Response\n\nIf successful, this method returns `204 No Content`. If the request specifies `Prefer` header with `return=representation`, it returns a `200 OK` response code and an updated [plannerPlan](../resources/plannerplan.md) object.\n\n## Example\n", true},
		{"## Response\n\nIf successful, this method returns a `204 No Content` response code.\n\n## Example\n\nPrefer: return=representation [x](x.md)\n", false},
	} {
		if got := responseOnRequest(tc.text); got != tc.want {
			t.Errorf("responseOnRequest(%q) = %t, want %t", tc.text, got, tc.want)
		}
	}
	if got := pageBase("resources/educationschool.md", "Inherits from [educationOrganization](../resources/educationorganization.md)."); got != "resources/educationorganization.md" {
		t.Errorf("pageBase = %q", got)
	}
}

// TestPageResponses: a response block's annotation types it; the example's own JSON says a
// collection where the annotation forgot isCollection (the Teams activity reports).
func TestPageResponses(t *testing.T) {
	page := "<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.teamsUserActivityCounts\"\n} -->\n" +
		"```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"@odata.context\": \"https://graph.microsoft.com/beta/$metadata#Collection(microsoft.graph.teamsUserActivityCounts)\",\n  \"value\": [\n    {\"calls\": 4}\n  ]\n}\n```\n" +
		"<!-- { \"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\" } -->\n```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\", \"value\": [1]}\n```\n" +
		"<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n"
	got := pageResponses(page)
	want := []docReturn{{kind: "collection", typ: "teamsuseractivitycounts"}, {kind: "one", typ: "user"}, {kind: "none"}}
	if len(got) != len(want) {
		t.Fatalf("pageResponses = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("response %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestKeysAsSegments: a key in parentheses reads as a segment; calls stay as they are.
func TestKeysAsSegments(t *testing.T) {
	for in, want := range map[string]string{
		"/me/mailFolders('SentItems')/messages":         "/me/mailFolders/SentItems/messages",
		"/me/drive/items/1/workbook/worksheets('{7B}')": "/me/drive/items/1/workbook/worksheets/{7B}",
		"/users('it''s')":                   "/users/it's",
		"/me/drive/root/search(q='x')":      "/me/drive/root/search(q='x')",
		"/users/delta()":                    "/users/delta()",
		"/reports/getX(period='D7',date=1)": "/reports/getX(period='D7',date=1)",
	} {
		if got := keysAsSegments(in); got != want {
			t.Errorf("keysAsSegments(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBelowAgreeing: a Methods row that the list method of its page answers is not read
// against a method below that list (/used/{id}/resource); without such a method, all stay.
func TestBelowAgreeing(t *testing.T) {
	seg := func(parts ...string) model.Path {
		var p model.Path
		for _, s := range parts {
			if strings.HasPrefix(s, "{") {
				p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Param: strings.Trim(s, "{}")}}})
			} else {
				p.Segments = append(p.Segments, model.Segment{Parts: []model.Part{{Literal: s}}})
			}
		}
		return p
	}
	list := &emit.MethodInfo{Name: "ListMeInsightsUsed", Path: seg("me", "insights", "used"), Result: emit.ResultPage, ResultType: "UsedInsight"}
	below := &emit.MethodInfo{Name: "ListMeInsightsUsedResource", Path: seg("me", "insights", "used", "{id}", "resource"), Result: emit.ResultPage, ResultType: "Entity"}
	same := func(a, b string) bool { return a == b }
	row := docReturn{kind: "collection", typ: "usedinsight"}
	if got := belowAgreeing([]*emit.MethodInfo{list, below}, row, same); len(got) != 1 || got[0] != list {
		t.Errorf("belowAgreeing kept %v", got)
	}
	other := docReturn{kind: "one", typ: "entity"}
	if got := belowAgreeing([]*emit.MethodInfo{list, below}, other, same); len(got) != 2 {
		t.Errorf("a row neither answers: kept %d, want 2", len(got))
	}
}
