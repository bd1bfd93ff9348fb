package model

import (
	"strings"
	"testing"
)

// TestSettleSoleRowNames: the one row of a body table, a collection, takes the name of
// the member every example sends in its place when the elements are the row's type;
// examples that agree with the table, send two members, or send elements of another
// shape leave it alone.
func TestSettleSoleRowNames(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bodies []string
		want   string
	}{
		{"the examples send value", []string{`{"value": [{"key": "a", "value": "b"}]}`}, "value"},
		{"the examples agree", []string{`{"credentials": [{"key": "a", "value": "b"}]}`}, "credentials"},
		{"two members", []string{`{"value": [{"key": "a"}], "other": 1}`}, "credentials"},
		{"elements of another shape", []string{`{"value": [{"name": "a"}]}`}, "credentials"},
		{"examples disagree", []string{`{"value": [{"key": "a"}]}`, `{"items": [{"key": "a"}]}`}, "credentials"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pg := page("api/synchronization-put-secrets.md", "PUT", TypeRef{}, TypeRef{}, path("servicePrincipals", "{id}", "synchronization", "secrets"))
			pg.Response = Response{Status: 204}
			pg.Params = []Param{{Name: "credentials", In: InBody, Type: gref("secretPair", true)}}
			for _, b := range tc.bodies {
				pg.Examples = append(pg.Examples, Example{Kind: ExampleRequest, Method: "PUT", URL: "/servicePrincipals/1/synchronization/secrets", Body: b})
			}
			pages := []*Page{resourcePage("secretPair", "", []Property{strProp("key"), strProp("value")}), pg}
			api, ds := Build("v1.0", pages)
			got := ""
			for _, op := range api.Operations {
				for _, p := range op.ParamsIn(InBody) {
					got = p.Name
				}
			}
			if got != tc.want {
				t.Errorf("body row %q, want %q", got, tc.want)
			}
			if warned := strings.Contains(ds.String(), "body-param-from-example"); warned != (tc.want == "value") {
				t.Errorf("body-param-from-example warned %v:\n%s", warned, ds)
			}
		})
	}
}
