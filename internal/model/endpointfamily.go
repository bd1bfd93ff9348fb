package model

import (
	pathpkg "path"
	"slices"
	"strings"
)

// familyTarget gives an endpoint that the type graph cannot follow (no page documents the
// /identity singleton above /identity/conditionalAccess/namedLocations/{id}) the type its
// pages agree on: when every page that documents it gives a type of one derivation family
// (namedLocation, ipNamedLocation, countryNamedLocation), the endpoint addresses their
// nearest common base, as it would address the type of a navigation property. Derived
// pages then contribute documentation, not signatures: the owner takes the base, and the
// page about the base itself wins. A page that names no type (a PATCH that answers 204)
// counts with the type it is named after when its body table lists that type's
// properties (ipnamedlocation-update.md, countrynamedlocation-update.md). A common base that has no base of its own (entity) says
// nothing about the endpoint and is not taken, unless a page gives it; a root with
// properties beyond its key (namedLocation, whose page names no base) is a family's own
// base and is taken.
func (m *endpointMap) familyTarget(cs []*candidate) {
	var types []*Type
	coll := -1
	for _, c := range cs {
		if tg := c.path.Target; tg != nil && tg.Kind != TargetUnknown {
			return
		}
		r := c.op.Response.Type
		if r.Kind != KindNamed {
			r = c.op.Body.Type
		}
		if r.Kind != KindNamed {
			if t := m.tableType(c.op); t != nil {
				types = append(types, t)
			}
			continue
		}
		t := m.g.resolve(r)
		if t == nil || t.IsEnum || !t.Documented {
			return
		}
		shape := 0
		if r.Collection {
			shape = 1
		}
		if coll >= 0 && coll != shape {
			return
		}
		coll = shape
		types = append(types, t)
	}
	if len(types) < 2 {
		return
	}
	base := m.g.nearestBase(types)
	if base == nil || !base.Documented || base.Base == "" && !slices.Contains(types, base) && keyOnly(base) {
		return
	}
	distinct := false
	for _, t := range types {
		distinct = distinct || t != types[0]
	}
	if !distinct {
		return
	}
	ref := base.ref(coll == 1)
	kind := TargetEntity
	if coll == 1 {
		kind = TargetCollection
	}
	for _, c := range cs {
		via := "the common base of its pages' types"
		if tg := c.path.Target; tg != nil && tg.Via != "" {
			via = strings.TrimSpace(tg.Via) + ", " + via
		}
		c.path.Target = &Target{Kind: kind, Type: ref, Via: via}
		for i := range c.op.Paths {
			if c.op.Paths[i].Shape() == c.path.Shape() {
				c.op.Paths[i].Target = c.path.Target
			}
		}
	}
}

// tableType is the type an operation page is named after (ipnamedlocation-update.md:
// ipNamedLocation) when its body table lists that type's properties; nil otherwise.
func (m *endpointMap) tableType(op *Operation) *Type {
	prefix, _, ok := strings.Cut(strings.ToLower(pathpkg.Base(op.Page)), "-")
	if !ok {
		return nil
	}
	ts := m.g.byBare[prefix]
	if len(ts) != 1 || ts[0].IsEnum || !ts[0].Documented || !m.listsProperties(op, ts[0]) {
		return nil
	}
	return ts[0]
}

// keyOnly reports whether a type's only properties are its key (entity: id): a type that
// every entity derives from, which says nothing about what an endpoint addresses.
func keyOnly(t *Type) bool {
	for _, p := range t.Properties {
		if !strings.EqualFold(p.Name, "id") && !strings.EqualFold(p.Name, t.Key) {
			return false
		}
	}
	return true
}
