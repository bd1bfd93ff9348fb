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
		via := familyVia
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

// familyVia is how a target familyTarget gave says where it came from.
const familyVia = "the common base of its pages' types"

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

// familyTargetsAcrossMethods gives an endpoint that the type graph cannot follow, and that
// one page documents, the common base familyTarget gave another method of its path: what
// a path addresses does not depend on the method. ipnamedlocation-update.md alone
// documents PATCH /identity/conditionalAccess/namedLocations/{id}, whose GET pages
// (namedLocation's and ipNamedLocation's) make it a namedLocation; the PATCH then sends a
// namedLocation, which carries the derived value and its @odata.type. It applies only
// when the page's own types (its body, its response, the type its body table lists) are
// that base or derive from it.
func (m *endpointMap) familyTargetsAcrossMethods(keys []string, byKey map[string][]*candidate) {
	family := map[string]*Target{} // path shape -> the target familyTarget gave it
	for _, k := range keys {
		for _, c := range byKey[k] {
			if tg := c.path.Target; len(byKey[k]) > 1 && tg != nil && tg.Kind != TargetUnknown && strings.HasSuffix(tg.Via, familyVia) && len(c.path.Query) == 0 {
				family[c.path.Shape()] = tg
			}
		}
	}
	for _, k := range keys {
		cs := byKey[k]
		if len(cs) != 1 || cs[0].path.Target == nil || cs[0].path.Target.Kind != TargetUnknown || len(cs[0].path.Query) > 0 {
			continue
		}
		c := cs[0]
		tg := family[c.path.Shape()]
		if tg == nil {
			continue
		}
		base := m.g.resolve(tg.Type)
		agrees := base != nil
		for _, r := range []TypeRef{c.op.Response.Type, c.op.Body.Type} {
			if t := m.g.resolve(r); r.Kind == KindNamed && (t == nil || t != base && !m.derives(t, base)) {
				agrees = false
			}
		}
		if t := m.tableType(c.op); t != nil && t != base && !m.derives(t, base) {
			agrees = false
		}
		if !agrees {
			continue
		}
		cp := *tg
		cp.AlsoIn = nil
		cp.Via = strings.TrimSpace(c.path.Target.Via+", "+familyVia) + " of the path's other methods"
		c.path.Target = &cp
		for i := range c.op.Paths {
			if c.op.Paths[i].Shape() == c.path.Shape() {
				c.op.Paths[i].Target = c.path.Target
			}
		}
	}
}
