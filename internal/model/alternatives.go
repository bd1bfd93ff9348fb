package model

import (
	"slices"
	"strings"
)

// settleAlternatives gives a body or response that the page offers as one of several types
// ("supply a JSON representation of an [ipNamedLocation] or [countryNamedLocation]
// object") their nearest common base (namedLocation): the method then takes and returns
// any of them, where the first type alone would refuse the others (the base's struct
// carries a derived value). Types with no common base keep the first, as before. Each
// choice is reported at the prose that offers the alternatives.
func settleAlternatives(api *API, g *typeGraph, ds *Diagnostics) {
	for _, op := range api.Operations {
		if r, ok := commonBase(g, op.Body.Type, op.Body.Or); ok {
			// A $ref write sends a Reference whatever the page names (the body is user
			// or group on members/$ref): the choice is not the method's, so unsaid.
			if len(op.Paths) == 0 || slices.ContainsFunc(op.Paths, func(p Path) bool { return !endsInRef(p) }) {
				report(ds, op.Body.Type, op.Body.Or, r, "request body")
			}
			op.Body.Type = r
		}
		for i := range op.Params {
			pm := &op.Params[i]
			if r, ok := commonBase(g, pm.Type, pm.Or); ok {
				report(ds, pm.Type, pm.Or, r, "body parameter "+pm.Name)
				pm.Type.Kind, pm.Type.Namespace, pm.Type.Name, pm.Type.Link = r.Kind, r.Namespace, r.Name, r.Link
			}
			pm.Or = nil
		}
		if r, ok := commonBase(g, op.Response.Type, op.Response.Or); ok {
			report(ds, op.Response.Type, op.Response.Or, r, "response")
			op.Response.Type = r
		}
	}
}

func report(ds *Diagnostics, first TypeRef, or []TypeRef, r TypeRef, what string) {
	names := []string{first.Name}
	for _, o := range or {
		names = append(names, o.Name)
	}
	user := "the method"
	if strings.HasPrefix(what, "property ") {
		user = "the field"
	}
	ds.Addf(first.Pos, Warning, "type-alternatives",
		"the %s is %s; %s uses their common base %s", what, strings.Join(names, " or "), user, r.Name)
}

// commonBase is the nearest documented type that first and every alternative derive from
// (or are), when it is not the first type itself.
func commonBase(g *typeGraph, first TypeRef, or []TypeRef) (TypeRef, bool) {
	if len(or) == 0 || first.Kind != KindNamed {
		return TypeRef{}, false
	}
	types := []*Type{g.resolve(first)}
	for _, o := range or {
		types = append(types, g.resolve(o))
	}
	for _, t := range types {
		if t == nil || t.IsEnum || !t.Documented {
			return TypeRef{}, false
		}
	}
	base := g.nearestBase(types)
	if base == nil || !base.Documented || base == types[0] {
		return TypeRef{}, false
	}
	r := TypeRef{Kind: KindNamed, Name: base.Name, Namespace: base.Namespace, Link: base.Page,
		Collection: first.Collection, Raw: first.Raw, Pos: first.Pos}
	return r, true
}

// markNestedTables records, for each body type an operation sends (the page's, and each
// one the endpoint map settled for a path), whether the body table reads as that
// resource with its nested values: agreement-post-agreements.md supplies "a JSON
// representation of an agreement", and its table lists displayName and
// isViewingBeforeAcceptanceRequired (agreement's) beside fileName, language, isDefault
// (its files' agreementFileLocalization) and data (their fileData). Navigation properties
// count here, before resolveTypes leaves the unemitted ones untyped.
func markNestedTables(api *API, g *typeGraph) {
	for _, op := range api.Operations {
		params := op.ParamsIn(InBody)
		if len(params) == 0 {
			continue
		}
		refs := []TypeRef{op.Body.Type}
		for _, p := range op.Paths {
			if p.Target != nil && p.Target.Body != nil {
				refs = append(refs, *p.Target.Body)
			}
		}
		for _, r := range refs {
			k := key(r.QualifiedName())
			if r.Kind != KindNamed || r.Collection || slices.Contains(op.WholeBodies, k) {
				continue
			}
			if t := g.resolve(r); t != nil && !t.IsEnum && t.Documented && nestedTable(g, t, params) {
				op.WholeBodies = append(op.WholeBodies, k)
			}
		}
	}
}

// nestedTable reports whether every row of a body table is a property of t (along its
// base chain) or of a type t's properties hold, two levels down (with their bases and
// derived types), and at least one row is t's own.
func nestedTable(g *typeGraph, t *Type, params []Param) bool {
	props := func(t *Type, into map[string]bool) {
		for a, n := t, 0; a != nil && n < 32; n++ {
			for _, p := range a.Properties {
				into[strings.ToLower(p.Name)] = true
			}
			if a.Base == "" {
				break
			}
			a = g.byName[key(a.Base)]
		}
	}
	own, nested := map[string]bool{}, map[string]bool{}
	props(t, own)
	seen := map[*Type]bool{t: true}
	level := []*Type{t}
	for depth := 0; depth < 2; depth++ {
		var next []*Type
		for _, a := range level {
			var ps []Property
			for b, n := a, 0; b != nil && n < 32; n++ {
				ps = append(ps, b.Properties...)
				if b.Base == "" {
					break
				}
				b = g.byName[key(b.Base)]
			}
			for _, p := range ps {
				c := g.resolve(p.Type)
				if c == nil || c.IsEnum || !c.Documented {
					continue
				}
				for _, d := range append([]*Type{c}, g.children[key(c.QualifiedName())]...) {
					if !seen[d] {
						seen[d] = true
						next = append(next, d)
						props(d, nested)
					}
				}
			}
		}
		level = next
	}
	n := 0
	for _, p := range params {
		switch l := strings.ToLower(p.Name); {
		case own[l]:
			n++
		case !nested[l]:
			return false
		}
	}
	return n > 0
}
