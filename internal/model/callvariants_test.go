package model

import (
	"slices"
	"testing"
)

// TestCallVariantsFromExamples: a function whose Function parameters rows are all optional
// gets the form an example calls, bare or with arguments; a required row, or a line that
// already writes the form (an enum's type-prefixed literal), adds nothing.
func TestCallVariantsFromExamples(t *testing.T) {
	count := Param{Name: "count", In: InFunction, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}, Presence: Optional}
	address := Param{Name: "address", In: InFunction, Type: str(), Presence: Optional}
	exGet := func(p Path) Example {
		return Example{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0" + p.String(), Path: &p, Pos: Pos{File: "api/f.md", Line: 50, Col: 1}}
	}
	withArgs := func(head string, args ...string) Segment {
		var parts []Part
		for i, a := range args {
			sep := ","
			if i == 0 {
				sep = head + "("
			}
			parts = append(parts, Part{Literal: sep + a + "="}, Part{Param: a, Function: true})
		}
		return Segment{Parts: append(parts, Part{Literal: ")"})}
	}
	called := func(prefix Path, s Segment) Path {
		prefix.Segments = append(prefix.Segments, s)
		return prefix
	}
	rangePath := path("worksheets", "{id}", "range")
	chanPath := path("channels", "{id}")
	user := Param{Name: "userId", In: InFunction, Type: str()}
	tenant := Param{Name: "tenantId", In: InFunction, Type: str()}
	upn := Param{Name: "userPrincipalName", In: InFunction, Type: str()}
	tests := []struct {
		name string
		line Path
		rows []Param
		ex   Path
		want []string
	}{
		{"bare call of a line with arguments", called(rangePath, withArgs("rowsAbove", "count")), []Param{count},
			path("worksheets", "{id}", "range", "rowsAbove"),
			[]string{"/worksheets/{id}/range/rowsAbove(count={count})", "/worksheets/{id}/range/rowsAbove"}},
		{"arguments to a bare line", path("worksheets", "{id}", "range"), []Param{address},
			Path{Segments: []Segment{{Parts: []Part{{Literal: "worksheets"}}}, {Parts: []Part{{Param: "id"}}}, {Parts: []Part{{Literal: "range(address='A1:B2')"}}}}},
			[]string{"/worksheets/{id}/range", "/worksheets/{id}/range(address='{address}')"}},
		{"a required row", called(rangePath, withArgs("rowsAbove", "count")), []Param{{Name: "count", In: InFunction, Presence: Required}},
			path("worksheets", "{id}", "range", "rowsAbove"),
			[]string{"/worksheets/{id}/range/rowsAbove(count={count})"}},
		// channel-doesuserhaveaccess.md: rows that say nothing of presence, examples that
		// pass one or two of the three
		{"some of a line's arguments", called(chanPath, withArgs("doesUserHaveAccess", "userId", "tenantId", "userPrincipalName")), []Param{user, tenant, upn},
			called(chanPath, Segment{Parts: []Part{{Literal: "doesUserHaveAccess(userPrincipalName='a@contoso.com')"}}}),
			[]string{"/channels/{id}/doesUserHaveAccess(userId={userId},tenantId={tenantId},userPrincipalName={userPrincipalName})",
				"/channels/{id}/doesUserHaveAccess(userPrincipalName='{userPrincipalName}')"}},
		{"some of a line's arguments, leaving out a required one", called(chanPath, withArgs("doesUserHaveAccess", "userId", "tenantId", "userPrincipalName")),
			[]Param{user, {Name: "tenantId", In: InFunction, Type: str(), Presence: Required}, upn},
			called(chanPath, Segment{Parts: []Part{{Literal: "doesUserHaveAccess(userPrincipalName='a@contoso.com')"}}}),
			[]string{"/channels/{id}/doesUserHaveAccess(userId={userId},tenantId={tenantId},userPrincipalName={userPrincipalName})"}},
	}
	for _, tc := range tests {
		pg := apiPage("api/f.md", "GET", tc.line)
		pg.Params = tc.rows
		pg.Examples = []Example{exGet(tc.ex)}
		var ds Diagnostics
		op := &Operation{Method: "GET", Paths: []Path{tc.line}}
		callVariantsFromExamples(pg, op, &ds)
		var got []string
		for _, p := range op.Paths {
			got = append(got, p.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if added := len(got) > 1; added != hasCode(ds, "call-variant-from-example") {
			t.Errorf("%s: diagnostics %s", tc.name, ds)
		}
	}
}

// TestSameCall: a line that writes an enum argument with its type prefix calls what the
// plain form does.
func TestSameCall(t *testing.T) {
	prefixed := path("me", "outlook")
	prefixed.Segments = append(prefixed.Segments, Segment{Parts: []Part{
		{Literal: "supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'"}, {Param: "timeZoneStandard", Function: true}, {Literal: "')"}}})
	plain := path("me", "outlook")
	plain.Segments = append(plain.Segments, callSegment("supportedTimeZones", []string{"TimeZoneStandard"},
		map[string]Param{"timezonestandard": {Name: "TimeZoneStandard", In: InFunction}}))
	if !sameCall(prefixed, plain) {
		t.Errorf("%s and %s read as different calls", prefixed, plain)
	}
	if sameCall(path("me", "outlook", "supportedTimeZones"), plain) {
		t.Error("the bare call read as the call with an argument")
	}
}

// TestCallFormsOfAdoptedPath: a call an example shows through another path to the same
// item (/drive/root/rowsBelow(count=2), where the lines write /drive/items/{id}/...) takes
// every form the lines have (the bare rowsBelow an optional count gives them), so the
// argument stays optional there too and the forms are named alike under each path.
func TestCallFormsOfAdoptedPath(t *testing.T) {
	none := TypeRef{}
	count := Param{Name: "count", In: InFunction, Type: TypeRef{Kind: KindPrimitive, Primitive: Int32}, Presence: Optional}
	line := path("drive", "items", "{id}")
	line.Segments = append(line.Segments, callSegment("rowsBelow", []string{"count"}, map[string]Param{"count": count}))
	fn := page("api/workbookrange-rowsbelow.md", "GET", gref("workbookRange", false), none, line)
	fn.Params = []Param{count}
	exCount := Path{Segments: append(path("drive", "root").Segments, Segment{Parts: []Part{{Literal: "rowsBelow(count=2)"}}})}
	exBare := path("drive", "items", "{id}", "rowsBelow")
	fn.Examples = []Example{
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/drive/root/rowsBelow(count=2)", Path: &exCount, Pos: Pos{File: fn.File, Line: 60, Col: 1}},
		{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0/drive/items/1/rowsBelow", Path: &exBare, Pos: Pos{File: fn.File, Line: 90, Col: 1}},
	}
	pages := []*Page{
		resourcePage("entity", "", nil),
		resourcePage("drive", "microsoft.graph.entity", []Property{nav("items", "driveItem", true), nav("root", "driveItem", false)}),
		resourcePage("driveItem", "microsoft.graph.entity", nil),
		resourcePage("workbookRange", "", nil, MethodLink{Title: "RowsBelow", Page: fn.File, Return: gref("workbookRange", false)}),
		page("api/drive-get.md", "GET", gref("drive", false), none, path("drive")),
		page("api/driveitem-get.md", "GET", gref("driveItem", false), none, path("drive", "items", "{id}")),
		fn,
	}
	api, ds := Build("v1.0", pages)
	got := pagePaths(api, fn.File)
	for _, want := range []string{"/drive/root/rowsBelow(count={count})", "/drive/root/rowsBelow", "/drive/items/{id}/rowsBelow"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s in %v\n%s", want, got, ds)
		}
	}
}
