package model

import (
	"slices"
	"strings"
	"testing"
)

// TestBodyFromContentType: a create whose Request headers table sets a Content-Type that
// is not JSON sends raw content, whatever type the prose says the content represents; a
// JSON or text/plain Content-Type, a page with body rows, or a header row naming no media
// type leave the body alone.
func TestBodyFromContentType(t *testing.T) {
	str := TypeRef{Kind: KindPrimitive, Primitive: String}
	hdr := func(typ, desc string) Param {
		ty := str
		ty.Raw = typ
		return Param{Name: "Content-Type", In: InHeader, Type: ty, Description: desc}
	}
	tests := []struct {
		name   string
		params []Param
		body   TypeRef
		stream bool
	}{
		{"zip in the Value column", []Param{hdr("application/zip. Required.", "")}, TypeRef{}, true},
		{"xml in the Description, prose names a type", []Param{hdr("String", "application/xml. Required.")}, gref("trustFrameworkPolicy", false), true},
		{"json", []Param{hdr("application/json. Required.", "")}, TypeRef{}, false},
		{"text/plain is the MIME rule's", []Param{hdr("text/plain", "")}, TypeRef{}, false},
		{"no media type", []Param{hdr("string", "Nature of the data in the body of an entity. Required.")}, TypeRef{}, false},
		{"body rows", []Param{hdr("application/zip", ""), {Name: "name", In: InBody, Type: str}}, TypeRef{}, false},
	}
	for _, tc := range tests {
		pg := apiPage("api/teamsapp-publish.md", "POST", path("appCatalogs", "teamsApps"))
		pg.Params, pg.Body.Type = tc.params, tc.body
		op := buildOperations(pg, &Diagnostics{})[0]
		got := op.Body.Type.Kind == KindPrimitive && op.Body.Type.Primitive == Stream
		if got != tc.stream {
			t.Errorf("%s: body %s, want a stream: %v", tc.name, op.Body.Type, tc.stream)
		}
	}
}

// TestDropOptionTemplates: a request line that is another line plus query options, each
// a placeholder for, or a value of, a row of the Query parameters table, is left to the
// plain line's options; a line that needs its option (no plain twin), an option no row documents, and
// an option that a kept line templates keep their lines.
func TestDropOptionTemplates(t *testing.T) {
	withQuery := func(p Path, names ...string) Path {
		for _, n := range names {
			p.Query = append(p.Query, QueryParam{Name: n, Param: n})
		}
		return p
	}
	qrow := func(name string) Param {
		return Param{Name: name, In: InQuery, Type: TypeRef{Kind: KindPrimitive, Primitive: String}}
	}
	brow := func(name string) Param {
		return Param{Name: name, In: InQuery, Type: TypeRef{Kind: KindPrimitive, Primitive: Boolean}}
	}
	fixed := func(p Path, name, value string) Path {
		p.Query = append(slices.Clone(p.Query), QueryParam{Name: name, Value: value})
		return p
	}
	apps := path("appCatalogs", "teamsApps")
	events, view := path("me", "events", "delta"), path("me", "calendarView", "delta")
	msgs := path("me", "mailFolders", "{id}", "messages", "delta")
	tests := []struct {
		name   string
		paths  []Path
		params []Param
		want   []string
	}{
		{"documented option beside the plain line", []Path{apps, withQuery(apps, "requiresReview")}, []Param{qrow("requiresReview")},
			[]string{"/appCatalogs/teamsApps"}},
		{"undocumented option", []Path{apps, withQuery(apps, "requiresReview")}, nil,
			[]string{"/appCatalogs/teamsApps", "/appCatalogs/teamsApps?requiresReview={requiresReview}"}},
		{"no plain line", []Path{withQuery(apps, "requiresReview")}, []Param{qrow("requiresReview")},
			[]string{"/appCatalogs/teamsApps?requiresReview={requiresReview}"}},
		{"a kept line templates the option", []Path{events, withQuery(events, "startDateTime"), withQuery(view, "startDateTime", "endDateTime")},
			[]Param{qrow("startDateTime"), qrow("endDateTime")},
			[]string{"/me/events/delta", "/me/events/delta?startDateTime={startDateTime}", "/me/calendarView/delta?startDateTime={startDateTime}&endDateTime={endDateTime}"}},
		{"a Boolean's value shown beside the plain line", []Path{apps, fixed(apps, "forcedelete", "true")}, []Param{brow("forcedelete")},
			[]string{"/appCatalogs/teamsApps"}},
		{"a Boolean's value shown alone", []Path{fixed(apps, "forcedelete", "true")}, []Param{brow("forcedelete")},
			[]string{"/appCatalogs/teamsApps?forcedelete={forcedelete}"}},
		{"a String's value shown is kept", []Path{fixed(apps, "forcedelete", "true")}, []Param{qrow("forcedelete")},
			[]string{"/appCatalogs/teamsApps?forcedelete=true"}},
		{"a Boolean row, a value other than true or false", []Path{fixed(apps, "forcedelete", "yes")}, []Param{brow("forcedelete")},
			[]string{"/appCatalogs/teamsApps?forcedelete=yes"}},
		// message-delta.md: one line a value of the changeType row, beside the plain line
		{"a String's values shown beside the plain line", []Path{msgs, fixed(msgs, "changeType", "created"), fixed(msgs, "changeType", "deleted")},
			[]Param{qrow("changeType")}, []string{"/me/mailFolders/{id}/messages/delta"}},
		{"a value of a parameter no row documents", []Path{msgs, fixed(msgs, "changeType", "created")}, nil,
			[]string{"/me/mailFolders/{id}/messages/delta", "/me/mailFolders/{id}/messages/delta?changeType=created"}},
	}
	for _, tc := range tests {
		pg := apiPage("api/x.md", "GET", tc.paths...)
		pg.Params = tc.params
		var got []string
		for _, p := range dropOptionTemplates(pg, tc.paths) {
			got = append(got, p.String())
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestDropPagingIllustrations: a fixed $top or $skip count beside the plain line is left
// to the plain line's options; a line left with another template keeps it once; without a
// plain line, or with a placeholder count, the line stays as written.
func TestDropPagingIllustrations(t *testing.T) {
	with := func(p Path, qs ...QueryParam) Path {
		p.Query = append(p.Query, qs...)
		return p
	}
	top := func(v string) QueryParam { return QueryParam{Name: "$top", Value: v} }
	filter := QueryParam{Name: "$filter", Param: "f"}
	scores := path("security", "secureScores")
	tests := []struct {
		name  string
		paths []Path
		want  []string
	}{
		{"counts beside the plain line", []Path{scores, with(scores, top("1")), with(scores, top("1"), QueryParam{Name: "$skip", Value: "7"})},
			[]string{"/security/secureScores"}},
		{"count after a filter template", []Path{scores, with(scores, filter), with(scores, filter, top("5"))},
			[]string{"/security/secureScores", "/security/secureScores?$filter={f}"}},
		{"no plain line", []Path{with(scores, top("1"))}, []string{"/security/secureScores?$top=1"}},
		{"not a count", []Path{scores, with(scores, top("all"))}, []string{"/security/secureScores", "/security/secureScores?$top=all"}},
		{"a placeholder count", []Path{scores, with(scores, QueryParam{Name: "$top", Param: "n"})}, []string{"/security/secureScores", "/security/secureScores?$top={n}"}},
	}
	for _, tc := range tests {
		var got []string
		for _, p := range dropPagingIllustrations(tc.paths) {
			got = append(got, p.String())
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestExampleQueryOptionsPerPath: an example request counts as evidence of the options of
// the operation whose path it calls, not of another request on the page.
func TestExampleQueryOptionsPerPath(t *testing.T) {
	content := path("drives", "{driveId}", "items", "{itemId}", "content")
	other := path("drive", "items", "abc")
	same := path("drives", "b1", "items", "abc", "content")
	for _, tc := range []struct {
		name string
		ex   Path
		url  string
		want string
	}{
		{"another request", other, "/drive/items/abc?select=id", ""},
		{"the operation's path", same, "/drives/b1/items/abc/content?$select=id", "$select"},
	} {
		pg := apiPage("api/driveitem-get-content.md", "GET", content)
		pg.Examples = []Example{{Kind: ExampleRequest, Method: "GET", Path: &tc.ex, URL: tc.url}}
		op := buildOperations(pg, &Diagnostics{})[0]
		if got := strings.Join(op.QueryOptions, " "); got != tc.want {
			t.Errorf("%s: options %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPagingLineGivesOption: a request line that writes a $top count, left to the plain
// line, gives the plain line's method the $top option though the prose names none.
func TestPagingLineGivesOption(t *testing.T) {
	scores := path("security", "secureScores")
	top := scores
	top.Query = []QueryParam{{Name: "$top", Value: "1"}}
	pg := apiPage("api/security-list-securescores.md", "GET", scores, top)
	op := buildOperations(pg, &Diagnostics{})[0]
	if len(op.Paths) != 1 || !slices.Contains(op.QueryOptions, "$top") {
		t.Errorf("paths %v, options %v; want the plain line with $top", op.Paths, op.QueryOptions)
	}
}

// TestDropStrayKeys: a line that ends in a key after the collection most of its page's
// lines end in is read as the collection's on a list or create page, and reported; a page
// that addresses members (a GET of one value, an action) or whose keyed lines are as many
// as its plain ones keeps its lines.
func TestDropStrayKeys(t *testing.T) {
	msgs := path("me", "messages", "{m}", "attachments")
	user := path("users", "{u}", "messages", "{m}", "attachments")
	child := path("me", "mailFolders", "{f}", "childFolders", "{c}", "messages", "{m}", "attachments", "{a}")
	coll := TypeRef{Kind: KindNamed, Name: "attachment", Collection: true}
	one := TypeRef{Kind: KindNamed, Name: "attachment"}
	tests := []struct {
		name   string
		method string
		title  string
		resp   TypeRef
		paths  []Path
		want   int // diagnostics
	}{
		{"list", "GET", "List attachments", coll, []Path{msgs, user, child}, 1},
		{"create", "POST", "Add attachment", one, []Path{msgs, user, child}, 1},
		{"get of one value", "GET", "Get attachment", one, []Path{msgs, user, child}, 0},
		{"an action", "POST", "message: forward", TypeRef{}, []Path{msgs, user, child}, 0},
		{"as many keyed lines", "GET", "List attachments", coll, []Path{msgs, child}, 0},
	}
	for _, tc := range tests {
		op := &Operation{Method: tc.method, Title: tc.title, Response: Response{Type: tc.resp}, Paths: tc.paths}
		var ds Diagnostics
		got := dropStrayKeys(op, map[string]Pos{}, &ds)
		if len(ds) != tc.want {
			t.Errorf("%s: %d diagnostics, want %d: %v", tc.name, len(ds), tc.want, ds)
		}
		last := got[len(got)-1]
		if keyed := last.Segments[len(last.Segments)-1].IsParam(); keyed != (tc.want == 0) {
			t.Errorf("%s: last line %s", tc.name, last)
		}
	}
}

// TestDropLinesWithoutCall: a line that leaves out the function its page's title names,
// beside two or more that call it, is dropped with a warning; a page whose lines call the
// function with arguments (image(width={w})) or whose title names no call keeps them all.
func TestDropLinesWithoutCall(t *testing.T) {
	delta := path("me", "calendarView", "delta")
	delta2 := path("users", "{id}", "calendarView", "delta")
	plain := path("groups", "{id}", "calendarView")
	image := path("charts", "{name}", "image")
	imageArgs := Path{Segments: append(slices.Clone(path("charts", "{name}").Segments), Segment{Parts: []Part{{Literal: "image(width="}, {Param: "width", Function: true}, {Literal: ")"}}})}
	tests := []struct {
		name, title string
		paths       []Path
		want        int // lines kept
	}{
		{"a line without the call", "event: delta", []Path{delta, delta2, plain}, 2},
		{"one line calls it", "event: delta", []Path{delta, plain}, 2},
		{"calls with arguments", "workbookChart: Image", []Path{image, imageArgs, image}, 3},
		{"no call in the title", "List events", []Path{delta, delta2, plain}, 3},
	}
	for _, tc := range tests {
		pg := &Page{Title: tc.title}
		op := &Operation{Method: "GET", Paths: tc.paths}
		var ds Diagnostics
		got := dropLinesWithoutCall(pg, op, map[string]Pos{plain.String(): {File: "api/event-delta.md", Line: 9, Col: 1}}, &ds)
		if len(got) != tc.want || len(ds) != len(tc.paths)-tc.want {
			t.Errorf("%s: kept %v with %v", tc.name, got, ds)
		}
		if len(ds) > 0 && (ds[0].Code != "request-line-call-missing" || ds[0].Pos.Line != 9) {
			t.Errorf("%s: %v", tc.name, ds)
		}
	}
}
