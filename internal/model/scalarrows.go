package model

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
)

// settleScalarRows decides between a Properties table that gives a property as a
// collection of a primitive and the page's JSON representation, which shows one value
// (presence.availability: "string collection" in the table, "availability": "string" in
// the representation): the example responses that send the type decide. When they send
// one value and never an array, the property is one value, with a warning at the row that
// names the evidence; otherwise the table stands.
func settleScalarRows(pages []*Page, g *typeGraph, ds *Diagnostics) {
	type tally struct {
		scalar, array int
		first         Pos
	}
	want := map[*Type]map[string]*tally{}
	for _, t := range g.byName {
		for _, p := range t.Properties {
			if p.JSONScalar && p.Type.Kind == KindPrimitive && p.Type.Collection {
				if want[t] == nil {
					want[t] = map[string]*tally{}
				}
				want[t][p.Name] = &tally{}
			}
		}
	}
	if len(want) == 0 {
		return
	}
	for _, pg := range pages {
		for _, ex := range pg.Examples {
			if ex.Kind != ExampleResponse || ex.Annotation == nil || ex.Annotation.ODataType == "" {
				continue
			}
			ref, ok := AnnotationType(ex.Annotation.ODataType, false)
			t := g.resolve(ref)
			if !ok || want[t] == nil {
				continue
			}
			var objs []map[string]json.RawMessage
			var one map[string]json.RawMessage
			if json.Unmarshal([]byte(strings.TrimSpace(ex.Body)), &one) != nil {
				continue
			}
			objs = append(objs, one)
			var vals []map[string]json.RawMessage
			if v, ok := one["value"]; ok && json.Unmarshal(v, &vals) == nil {
				objs = append(objs, vals...)
			}
			for _, o := range objs {
				for name, tl := range want[t] {
					v := bytes.TrimSpace(o[name])
					switch {
					case len(v) == 0 || bytes.Equal(v, []byte("null")):
					case v[0] == '[':
						tl.array++
					default:
						if tl.scalar == 0 {
							tl.first = ex.Pos
						}
						tl.scalar++
					}
				}
			}
		}
	}
	// The diagnostics come in the order of the types' names, not the map's.
	types := make([]*Type, 0, len(want))
	for t := range want {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b *Type) int { return strings.Compare(key(a.QualifiedName()), key(b.QualifiedName())) })
	for _, t := range types {
		props := want[t]
		for i := range t.Properties {
			p := &t.Properties[i]
			tl := props[p.Name]
			if tl == nil || tl.scalar == 0 || tl.array > 0 {
				continue
			}
			ds.Addf(p.Pos, Warning, "property-shape-disagrees",
				"%s.%s is a collection of %s in the table, but the JSON representation and %d example values (first at %s) give one value; it is one value",
				t.Name, p.Name, p.Type.Primitive, tl.scalar, tl.first)
			p.Type.Collection = false
		}
	}
}
