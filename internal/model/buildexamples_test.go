package model

import (
	"slices"
	"strings"
	"testing"
)

// TestUnquoteKeysFromExamples: a key segment the request line quotes ('{id}') is sent
// bare when every example request that fits the line writes it bare; one quoted example
// keeps the quotes.
func TestUnquoteKeysFromExamples(t *testing.T) {
	line := path("informationProtection", "bitlocker", "recoveryKeys", "{id}")
	line.Segments[3].Parts[0].Quoted = true
	bare := path("informationProtection", "bitlocker", "recoveryKeys", "{id}")
	quoted := path("informationProtection", "bitlocker", "recoveryKeys", "'b465e4e8'")
	for _, tc := range []struct {
		name string
		exs  []Path
		want bool // quoted after
	}{{"bare example", []Path{bare}, false}, {"a quoted example", []Path{bare, quoted}, true}, {"no example", nil, true}} {
		pg := apiPage("api/bitlockerrecoverykey-get.md", "GET", line)
		for i := range tc.exs {
			pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: "GET", Path: &tc.exs[i], Pos: Pos{File: pg.File, Line: 80 + i, Col: 1}})
		}
		op := buildOperations(pg, &Diagnostics{})[0]
		if got := op.Paths[0].Segments[3].Parts[0].Quoted; got != tc.want {
			t.Errorf("%s: quoted %v, want %v", tc.name, got, tc.want)
		}
		if !pg.Requests[0].Path.Segments[3].Parts[0].Quoted {
			t.Errorf("%s: the page's request line was changed", tc.name)
		}
	}
}

// TestCreateLinePrefixFromExample: the page's one POST line ends in a collection of
// another type than its Response section answers, and its example POSTs to a shorter line
// whose collection is of that type: the method sends the example's line. A page with
// several POST lines, or whose line's collection names the answer, keeps its lines.
func TestCreateLinePrefixFromExample(t *testing.T) {
	groups := path("onPremisesPublishingProfiles", "{publishingType}", "agentGroups")
	agents := path("onPremisesPublishingProfiles", "{publishingType}", "agentGroups", "{id}", "agents")
	ex := path("onPremisesPublishingProfiles", "provisioning", "agentGroups")
	for _, tc := range []struct {
		name  string
		lines []Path
		resp  string
		want  string
	}{
		{"one line, another collection", []Path{agents}, "onPremisesAgentGroup", "/onPremisesPublishingProfiles/{publishingType}/agentGroups"},
		{"two lines", []Path{agents, path("onPremisesPublishingProfiles", "{publishingType}", "agents")}, "onPremisesAgentGroup", agents.String()},
		{"the line names the answer", []Path{groups}, "onPremisesAgentGroup", groups.String()},
		{"the answer is an agent", []Path{agents}, "onPremisesAgent", agents.String()},
	} {
		pg := apiPage("api/onpremisesagentgroup-post.md", "POST", tc.lines...)
		pg.Response.Type = gref(tc.resp, false)
		pg.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Path: &ex, Pos: Pos{File: pg.File, Line: 69, Col: 1}}}
		op := buildOperations(pg, &Diagnostics{})[0]
		if got := op.Paths[0].String(); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestOperationFromExample: the page's lines end in /add, its file names addFormulaLocal
// and its example calls .../addFormulaLocal: every line ending in /add sends that. An
// example of /add, a line of the page already ending in the example's segment, or a file
// named after the line's own segment keeps the lines.
func TestOperationFromExample(t *testing.T) {
	book := path("me", "drive", "items", "{id}", "workbook", "names", "add")
	sheet := path("me", "drive", "items", "{id}", "workbook", "worksheets", "{id2}", "names", "add")
	local := path("me", "drive", "items", "abc", "workbook", "names", "addFormulaLocal")
	plain := path("me", "drive", "items", "abc", "workbook", "names", "add")
	for _, tc := range []struct {
		name  string
		file  string
		lines []Path
		exs   []Path
		want  []string
	}{
		{"example names the page's action", "api/nameditem-addformulalocal.md", []Path{book, sheet}, []Path{local},
			[]string{"/me/drive/items/{id}/workbook/names/addFormulaLocal", "/me/drive/items/{id}/workbook/worksheets/{id2}/names/addFormulaLocal"}},
		{"an example of the line's segment", "api/nameditem-addformulalocal.md", []Path{book}, []Path{local, plain}, []string{book.String()}},
		{"the page has a line of that segment", "api/nameditem-addformulalocal.md", []Path{book, path("me", "drive", "items", "{id}", "workbook", "names", "addFormulaLocal")}, []Path{local},
			[]string{book.String(), "/me/drive/items/{id}/workbook/names/addFormulaLocal"}},
		{"file named after the line", "api/nameditem-add.md", []Path{book}, []Path{local}, []string{book.String()}},
		{"no example", "api/nameditem-addformulalocal.md", []Path{book}, nil, []string{book.String()}},
	} {
		pg := apiPage(tc.file, "POST", tc.lines...)
		for i := range tc.exs {
			pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: "POST", Path: &tc.exs[i], Pos: Pos{File: pg.File, Line: 65 + i, Col: 1}})
		}
		op := buildOperations(pg, &Diagnostics{})[0]
		var got []string
		for _, p := range op.Paths {
			got = append(got, p.String())
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestBodyNamesFromExamples: a capitalised body row that the example sends camel-cased is
// sent as the example writes it; a row the example does not send keeps its name.
func TestBodyNamesFromExamples(t *testing.T) {
	pg := apiPage("api/message-move.md", "POST", path("me", "messages", "{id}", "move"))
	pg.Params = []Param{{Name: "DestinationId", In: InBody, Type: str()}, {Name: "Comment", In: InBody, Type: str()}}
	pg.Examples = []Example{{Kind: ExampleRequest, Method: "POST", Body: `{"destinationId": "deleteditems"}`}}
	op := buildOperations(pg, &Diagnostics{})[0]
	var got []string
	for _, p := range op.ParamsIn(InBody) {
		got = append(got, p.Name)
	}
	if strings.Join(got, " ") != "destinationId Comment" {
		t.Errorf("body %v, want destinationId Comment", got)
	}
}

// TestRelativeLineFromExample: a line that starts where no other page's line starts, and
// whose examples call it below one parent, is that parent's (worksheet-range.md's GET
// /workbook/worksheets/{id}/range); a line starting at another page's root is whole; the
// caller's pages are left as they were.
func TestRelativeLineFromExample(t *testing.T) {
	mk := func(file string, line Path, exPath Path) *Page {
		pg := apiPage(file, "GET", line)
		pg.Examples = []Example{{Kind: ExampleRequest, Method: "GET", URL: "https://graph.microsoft.com/v1.0" + exPath.String(), Path: &exPath, Pos: Pos{File: file, Line: 50, Col: 1}}}
		return pg
	}
	rng := mk("api/worksheet-range.md", path("workbook", "worksheets", "{id}", "range"), path("me", "drive", "items", "{itemId}", "workbook", "worksheets", "{id}", "range"))
	members := mk("api/chat-list-members.md", path("chats", "{chatId}", "members"), path("me", "chats", "{chatId}", "members"))
	chat := apiPage("api/chat-get.md", "GET", path("chats", "{chatId}"))
	item := apiPage("api/driveitem-get.md", "GET", path("me", "drive", "items", "{itemId}"))
	pages := []*Page{rng, members, chat, item}
	api, ds := Build("v1.0", pages)
	want := map[string]string{
		"api/worksheet-range.md":   "/me/drive/items/{itemId}/workbook/worksheets/{id}/range",
		"api/chat-list-members.md": "/chats/{chatId}/members",
	}
	for file, w := range want {
		if got := pagePaths(api, file); !slices.Contains(got, w) {
			t.Errorf("%s: paths %v, want %s\n%s", file, got, w, ds)
		}
	}
	if got := rng.Requests[0].Path.String(); got != "/workbook/worksheets/{id}/range" {
		t.Errorf("the caller's page changed: %s", got)
	}
}

// TestIsBase64Text: base64 lines, with or without an elision at the end, are base64
// text; JSON and prose are not.
func TestIsBase64Text(t *testing.T) {
	for in, want := range map[string]bool{
		"RnJvbTogQWxleCBXaWxiZXIgPEFsZXhXQGNvbnRvc28uY29tPgo=": true,
		"UmVwbHkgdGV4dA0KLS0tLS0t\nRnJvbTogQWxleA==":           true,
		"UmVwbHkgdGV4dA0KLS0tLS0t...":                          true,
		`{"comment": "hi"}`:                                    false,
		"Hello, there.":                                        false,
		"...":                                                  false,
	} {
		if got := isBase64Text(in); got != want {
			t.Errorf("isBase64Text(%q) = %v, want %v", in, got, want)
		}
	}
}
