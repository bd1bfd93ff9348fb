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
	// The types by their property names, sorted and lower-cased, joined: built once, when
	// some response needs it.
	var byProps map[string][]*Type
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
		if byProps == nil {
			byProps = map[string][]*Type{}
			for _, k := range slices.Sorted(maps.Keys(g.byName)) {
				if t := g.byName[k]; !t.IsEnum {
					sig := propertySignature(g.allProperties(t))
					byProps[sig] = append(byProps[sig], t)
				}
			}
		}
		found := byProps[propertySignature(slices.Collect(maps.Keys(keys)))]
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

// propertySignature is a set of property names, lower-cased, without repeats, sorted and
// joined: two sets are equal when their signatures are.
func propertySignature(names []string) string {
	lower := make([]string, len(names))
	for i, n := range names {
		lower[i] = strings.ToLower(n)
	}
	slices.Sort(lower)
	return strings.Join(slices.Compact(lower), ",")
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
