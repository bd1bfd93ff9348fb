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
