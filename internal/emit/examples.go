package emit

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// ResponseExample is one example response of the docs paired with the Go type the
// generated client decodes it into: the seed of a conformance test.
type ResponseExample struct {
	Page       string    // the page the example is on
	Pos        model.Pos // the example block
	Method     string    // the client method
	GoType     string    // the type the method decodes into (VppToken; for a collection, the element)
	Collection bool      // decoded as Page[GoType]
	Body       string    // the example's JSON body, as written
}

// ResponseExamples lists the JSON example responses of the methods that decode a resource
// (or a collection of them), with the Go type each decodes into. It resolves names as
// Emit does, so the types are those of the package Emit writes for the same API and
// Config.
func ResponseExamples(api *model.API, cfg Config) []ResponseExample {
	v := newView(api, cfg)
	var out []ResponseExample
	seen := map[*model.Operation]bool{}
	for _, m := range v.methods {
		if seen[m.Op] || m.Kind != resultObject && m.Kind != resultPage {
			continue
		}
		seen[m.Op] = true // the methods of one operation share its examples
		elem := m.Result
		elem.Collection = false
		t := v.namedType(elem)
		if elem.Kind != model.KindNamed || t == nil {
			continue
		}
		for _, ex := range m.Op.Examples {
			body := strings.TrimSpace(ex.Body)
			if ex.Kind != model.ExampleResponse || !strings.HasPrefix(body, "{") {
				continue
			}
			out = append(out, ResponseExample{Page: m.Op.Page, Pos: ex.Pos, Method: m.Name, GoType: t.Name,
				Collection: m.Kind == resultPage, Body: body})
		}
	}
	return out
}
