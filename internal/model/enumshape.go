package model

import (
	"bytes"
	"encoding/json"
)

// A table can give an enum property as a collection where the service sends one value:
// teamsAppDefinition.allowedInstallationScopes is "teamsAppInstallationScope collection"
// in its table, and the example that selects it gets "allowedInstallationScopes":
// "personal" (a flags enum: OData writes its members as one string, "team,groupChat").
// The examples show the wire: when every example value of such a property is one string
// and none is an array, settleEnumShapes makes it one value, with a warning at the row
// that names the evidence (property-shape-disagrees). Without it, decoding any response
// that carries the property fails. Primitive collections are settled by their pages'
// JSON representation with the examples (scalarrows.go); an example alone is not enough
// for them, a string where a collection of strings belongs is as often the example's slip.

// shapeTally counts the example values of one enum collection property.
type shapeTally struct {
	scalar, array int
	first         Pos
}

// enumShape records the shape of an example value of t's property name, when the
// property is a collection of an enum.
func (pf *propFinder) enumShape(t *Type, name string, raw json.RawMessage, at Pos) {
	_, p := pf.g.declared(t, name)
	if p == nil || p.Name != name || !p.Type.Collection || p.Type.Kind != KindNamed {
		return
	}
	if et := pf.g.resolve(p.Type); et == nil || !et.IsEnum {
		return
	}
	tl := pf.shapes[p]
	if tl == nil {
		tl = &shapeTally{}
		pf.shapes[p] = tl
		pf.shapeOrder = append(pf.shapeOrder, p)
	}
	switch v := bytes.TrimSpace(raw); {
	case len(v) == 0 || bytes.Equal(v, []byte("null")):
	case v[0] == '[':
		tl.array++
	case v[0] == '"':
		if tl.scalar == 0 {
			tl.first = at
		}
		tl.scalar++
	}
}

// settleEnumShapes makes one value of each enum collection property that examples send
// only as one string (see above).
func (pf *propFinder) settleEnumShapes(ds *Diagnostics) {
	for _, p := range pf.shapeOrder {
		tl := pf.shapes[p]
		if tl.scalar == 0 || tl.array > 0 {
			continue
		}
		ds.Addf(p.Pos, Warning, "property-shape-disagrees",
			"%s is a collection of %s in the table, but the examples send one value (%d times, the first at %s), as OData writes a flags enum; it is one value",
			p.Name, p.Type.Name, tl.scalar, tl.first)
		p.Type.Collection = false
	}
}
