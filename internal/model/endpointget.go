package model

import (
	"fmt"
	"slices"
	"strings"
)

// getTargets gives a path that the type graph cannot follow (no page documents the
// /identity singleton above /identity/conditionalAccess/policies/{id}) the type that its
// GET page returns: a GET returns what its path addresses. It applies only when the
// evidence agrees: every GET of the path returns one documented type (a path that ends
// in a key, one value; otherwise one value or a collection, as the GET says: a literal
// key such as authenticationMethodConfigurations/email is one value), and every
// type another page of the path gives (a PATCH's body or body table, a POST's response) is that type or
// derived from it. The other pages' signatures are then settled against it as for any
// addressed type: a PATCH whose page only says "for the list of properties, see
// [conditionalAccessPolicy]" sends a conditionalAccessPolicy. Paths with a query
// template are left alone: they are methods of their own.
func (m *endpointMap) getTargets(ops []*Operation) {
	type group struct {
		paths []*Path
		ops   []*Operation
	}
	groups := map[string]*group{}
	var shapes []string
	for _, op := range ops {
		for i := range op.Paths {
			p := &op.Paths[i]
			if p.Target == nil || p.Target.Kind != TargetUnknown || len(p.Query) > 0 || len(p.Segments) == 0 {
				continue
			}
			k := p.Shape()
			g := groups[k]
			if g == nil {
				g = &group{}
				groups[k] = g
				shapes = append(shapes, k)
			}
			g.paths = append(g.paths, p)
			g.ops = append(g.ops, op)
		}
	}
	decided := map[string]*Type{}   // shape -> the type this pass gave it
	settled := map[string]*Target{} // shape -> the target this pass gave it
	colls := map[string]*Type{}     // shape -> the element type, for a collection
	for _, k := range shapes {
		g := groups[k]
		var got *Type
		var ref TypeRef
		var from string
		ok := true
		for _, op := range g.ops {
			if op.Method != "GET" {
				continue
			}
			r := op.Response.Type
			t := m.g.resolve(r)
			if r.Kind != KindNamed || t == nil || t.IsEnum || !t.Documented || got != nil && (t != got || r.Collection != ref.Collection) {
				ok = false
				break
			}
			if got == nil {
				got, ref, from = t, r, op.Page
			}
		}
		if !ok || got == nil {
			continue
		}
		segs := g.paths[0].Segments
		switch last := segs[len(segs)-1]; {
		case last.IsParam() && ref.Collection:
			continue // a path that ends in a key addresses one value
		case !last.IsParam() && !ref.Collection && m.keyed[prefixShape(segs)]:
			// A segment the docs key elsewhere (.../synchronization/templates/{id}) is a
			// collection, though the list page forgot to say so.
			ref.Collection = true
		}
		for _, op := range g.ops {
			for _, r := range []TypeRef{op.Response.Type, op.Body.Type} {
				if r.Kind != KindNamed {
					continue
				}
				if t := m.g.resolve(r); t == nil || t != got && !m.derives(t, got) {
					ok = false
				}
			}
			// A PATCH page whose body table lists another type's properties
			// (countrynamedlocation-update.md beside a GET of ipNamedLocation): the
			// pages disagree, and familyTarget decides.
			if t := m.tableType(op); t != nil && t != got && !m.derives(t, got) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		kind := TargetEntity
		if ref.Collection {
			kind = TargetCollection
		}
		tref := got.ref(ref.Collection)
		for _, p := range g.paths {
			via := fmt.Sprintf("the type its GET page returns (%s)", from)
			if v := strings.TrimSpace(p.Target.Via); v != "" {
				via = v + ", " + via
			}
			p.Target = &Target{Kind: kind, Type: tref, Parent: p.Target.Parent, Via: via}
		}
		decided[k] = got
		settled[k] = g.paths[0].Target
		if ref.Collection {
			colls[k] = got
		}
	}
	// A query template (/users/{id}?$expand=manager, /users?$expand=manager($levels=n))
	// addresses what its path does: the options shape the answer, not its type. Such a
	// path is still a method of its own.
	for _, op := range ops {
		for i := range op.Paths {
			p := &op.Paths[i]
			if len(p.Query) == 0 || p.Target == nil || p.Target.Kind != TargetUnknown {
				continue
			}
			if tg := settled[prefixShape(p.Segments)]; tg != nil {
				cp := *tg
				cp.Via += ", its query options aside"
				p.Target = &cp
			}
		}
	}
	m.templatesAnswerAsPlain(ops)
	// A key below a collection this pass settled addresses the collection's element type
	// when its GET page gives a type derived from it: GET /updatableAssets lists
	// updatableAssets, and azureaddevice-get.md's GET /updatableAssets/{id} returns a
	// derived azureADDevice; the method returns the base, which carries the derived value.
	for _, k := range shapes {
		g := groups[k]
		segs := g.paths[0].Segments
		if decided[k] == nil || !segs[len(segs)-1].IsParam() {
			continue
		}
		base := colls[prefixShape(segs[:len(segs)-1])]
		if base == nil || base == decided[k] || !m.derives(decided[k], base) {
			continue
		}
		for _, p := range g.paths {
			p.Target.Type = base.ref(false)
			p.Target.Via += ", the element type of the collection it keys"
		}
	}
}

// templatesAnswerAsPlain gives a GET query template whose path nothing types (no page
// documents user, so /me?$expand=manager is unknown) the result of the one page that GETs
// the plain path: $expand, $select and $filter shape the answer, not its type, so
// user-list-manager.md's /me?$expand=manager answers the user that user-get.md's GET /me
// does, not the manager its Response section names.
func (m *endpointMap) templatesAnswerAsPlain(ops []*Operation) {
	plain := map[string]TypeRef{}
	ambiguous := map[string]bool{}
	for _, op := range ops {
		if op.Method != "GET" || op.Response.Type.Kind != KindNamed {
			continue
		}
		for _, p := range op.Paths {
			if len(p.Query) > 0 || p.Target == nil || p.Target.Kind != TargetUnknown {
				continue
			}
			k := p.Shape()
			if r, seen := plain[k]; seen && !r.Equal(op.Response.Type) {
				ambiguous[k] = true
			}
			plain[k] = op.Response.Type
		}
	}
	for _, op := range ops {
		if op.Method != "GET" {
			continue
		}
		for i := range op.Paths {
			p := &op.Paths[i]
			if len(p.Query) == 0 || p.Target == nil || p.Target.Kind != TargetUnknown || p.Target.Result != nil ||
				slices.ContainsFunc(p.Query, func(q QueryParam) bool { return !strings.HasPrefix(q.Name, "$") }) {
				continue
			}
			k := Path{Segments: p.Segments}.Shape()
			r, ok := plain[k]
			if !ok || ambiguous[k] || r.Equal(op.Response.Type) {
				continue
			}
			r.Pos = op.Response.Type.Pos.Or(op.Pos)
			cp := *p.Target
			cp.Result = &r
			cp.Via = strings.TrimSpace(cp.Via + ", what its plain path's GET page answers, its query options aside")
			p.Target = &cp
		}
	}
}

// exampleOptions gives an endpoint's GET owner the OData query options that other pages'
// example requests send to it: opentypeextension-get.md's GET /me/messages?$expand=...
// reaches ListMeMessages, whose own page names no $expand, and the docs thereby show that
// the endpoint takes it. An example that its own page's operation owns is already counted
// (queryOptions); one whose path no GET owns adds nothing.
func exampleOptions(ops []*Operation) {
	owner := map[string]*Operation{}
	for _, op := range ops {
		if op.Method != "GET" {
			continue
		}
		for _, p := range op.Paths {
			if len(p.Query) > 0 {
				continue
			}
			if _, dup := owner[p.Shape()]; !dup {
				owner[p.Shape()] = op
			}
		}
	}
	for _, op := range ops {
		for _, ex := range op.Examples {
			if ex.Kind != ExampleRequest || ex.Method != "GET" || ex.Path == nil {
				continue
			}
			o := owner[ex.Path.Shape()]
			if o == nil || o == op {
				continue
			}
			for _, name := range urlQueryOptions(ex.URL, o) {
				if !slices.Contains(o.QueryOptions, name) {
					o.QueryOptions = append(o.QueryOptions, name)
				}
				if !slices.Contains(o.ExampleOptions, name) {
					o.ExampleOptions = append(o.ExampleOptions, name)
				}
			}
		}
	}
}

// filterAnswersCollection settles a GET whose query filters a path the walk could not
// follow: OData filters only collections, so GET /communications/onlineMeetings?$filter=
// VideoTeleconferenceId eq '{id}' answers a collection of what the page names, however few
// match. A path that ends in a key names one value, whatever else its query says.
func filterAnswersCollection(op *Operation, p Path, ds *Diagnostics) bool {
	tg, r := p.Target, op.Response.Type
	if op.Method != "GET" || tg == nil || tg.Kind != TargetUnknown || tg.Result != nil || r.Kind != KindNamed || r.Collection ||
		len(p.Segments) == 0 || p.Segments[len(p.Segments)-1].IsParam() ||
		!slices.ContainsFunc(p.Query, func(q QueryParam) bool { return strings.EqualFold(q.Name, "$filter") }) {
		return false
	}
	r.Collection = true
	tg.Result = &r
	ds.Addf(r.Pos.Or(op.Pos), Warning, "response-shape-mismatch",
		"GET %s filters a collection ($filter), which answers a collection; the page's one %s is read as its element", p, op.Response.Type)
	return true
}
