package model

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// settleResponsesFromKeys gives a response the Response section leaves untyped (and no
// example annotation names) the one documented type whose properties are exactly the
// names the section's own table lists, else the keys its example responses answer with:
// driveitem-preview.md lists getUrl, postUrl and postParameters in a table of its own,
// the properties of itemPreviewInfo. Every example
// object must have the same keys, two or more, and no other type may have them all: a
// guess between two types is no evidence, and the response stays raw JSON.
func settleResponsesFromKeys(api *API, g *typeGraph, ds *Diagnostics) {
	var types []*Type
	for _, k := range slices.Sorted(maps.Keys(g.byName)) {
		if t := g.byName[k]; !t.IsEnum {
			types = append(types, t)
		}
	}
	for _, op := range api.Operations {
		if op.Response.Type.Kind != KindUnknown {
			continue
		}
		keys, pos, ok := exampleKeys(op)
		if len(op.Response.Properties) > 0 {
			// The Response section's own table says it better than an example.
			keys, pos, ok = map[string]bool{}, op.Response.PropertiesPos, true
			for _, n := range op.Response.Properties {
				keys[strings.ToLower(n)] = true
			}
		}
		if !ok || len(keys) < 2 {
			continue
		}
		var found []*Type
		for _, t := range types {
			props := map[string]bool{}
			for _, n := range g.allProperties(t) {
				props[strings.ToLower(n)] = true
			}
			if len(props) == len(keys) && !slices.ContainsFunc(slices.Collect(maps.Keys(keys)), func(k string) bool { return !props[k] }) {
				found = append(found, t)
			}
		}
		if len(found) != 1 {
			continue
		}
		r := found[0].ref(false)
		r.Pos = pos
		op.Response.Type = r
		ds.Addf(pos, Warning, "response-type-from-example",
			"the Response section names no type; the members its table or example lists (%s) are the properties of %s, and of no other type", strings.Join(slices.Sorted(slices.Values(g.allProperties(found[0]))), ", "), found[0].Name)
	}
}

// exampleKeys is the set of keys (lower-cased, @odata annotations aside) every example
// response of op with a JSON object body answers with, and the first one's position.
func exampleKeys(op *Operation) (map[string]bool, Pos, bool) {
	var keys map[string]bool
	var pos Pos
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal([]byte(ex.Body), &obj) != nil {
			return nil, Pos{}, false
		}
		these := map[string]bool{}
		for k := range obj {
			if !strings.Contains(k, "@") {
				these[strings.ToLower(k)] = true
			}
		}
		if keys == nil {
			keys, pos = these, ex.Pos
		} else if !maps.Equal(keys, these) {
			return nil, Pos{}, false
		}
	}
	return keys, pos, keys != nil
}
