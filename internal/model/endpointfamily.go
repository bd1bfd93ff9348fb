package model

import (
	"slices"
	"strings"
)

// familyTarget gives an endpoint that the type graph cannot follow (no page documents the
// /identity singleton above /identity/conditionalAccess/namedLocations/{id}) the type its
// pages agree on: when every page that documents it gives a type of one derivation family
// (namedLocation, ipNamedLocation, countryNamedLocation), the endpoint addresses their
// nearest common base, as it would address the type of a navigation property. Derived
// pages then contribute documentation, not signatures: the owner takes the base, and the
// page about the base itself wins. A common base that has no base of its own (entity) says
// nothing about the endpoint and is not taken, unless a page gives it.
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
	base := types[0]
	for _, t := range types[1:] {
		for base != nil && t != base && !m.derives(t, base) {
			base = m.g.byName[key(base.Base)]
		}
	}
	if base == nil || !base.Documented || base.Base == "" && !slices.Contains(types, base) {
		return
	}
	distinct := false
	for _, t := range types {
		distinct = distinct || t != types[0]
	}
	if !distinct {
		return
	}
	ref := TypeRef{Kind: KindNamed, Name: base.Name, Namespace: base.Namespace, Link: base.Page, Collection: coll == 1}
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
