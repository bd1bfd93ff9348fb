package model

import "testing"

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
