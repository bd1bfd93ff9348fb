package model

import (
	"slices"
	"strings"
)

// typeGraph is every type the pages define, and the lookups that resolve a reference.
type typeGraph struct {
	byName   map[string]*Type   // lower-cased qualified name
	byBare   map[string][]*Type // lower-cased name without namespace
	byPage   map[string][]*Type // lower-cased page file
	children map[string][]*Type // lower-cased qualified base name -> derived types
}

func key(qualified string) string { return strings.ToLower(strings.TrimPrefix(qualified, "#")) }

// titleSpelling is a type's name as its page's title spells it when the two differ only in
// case and the title marks more word boundaries: the annotation of orgcontact.md says
// microsoft.graph.orgcontact, its title "orgContact resource type" (but timeCard stays
// timeCard under a title "timecard resource type").
func titleSpelling(p *Page, name string) string {
	upper := func(s string) int {
		return len(s) - len(strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return -1
			}
			return r
		}, s))
	}
	// The first letter is left out: a title may capitalise a sentence ("Identity resource
	// type"), and type names start lower-case.
	if first, _, _ := strings.Cut(strings.TrimSpace(p.Title), " "); len(first) > 1 && strings.EqualFold(first, name) && upper(first[1:]) > upper(name[1:]) {
		return name[:1] + first[1:]
	}
	return name
}

// newTypeGraph merges the types of all pages; a type on several pages (deviceManagement
// on sixteen intune pages) gets the union of their properties.
func newTypeGraph(pages []*Page, ds *Diagnostics) *typeGraph {
	g := &typeGraph{byName: map[string]*Type{}, byBare: map[string][]*Type{}, byPage: map[string][]*Type{}, children: map[string][]*Type{}}
	for _, p := range pages {
		for i := range p.Types {
			rt := &p.Types[i]
			if rt.Name == "" {
				continue
			}
			k := key(rt.QualifiedName())
			t := g.byName[k]
			if t == nil {
				t = &Type{Name: titleSpelling(p, rt.Name), Namespace: rt.Namespace, Page: p.File, IsEnum: rt.Enum, Documented: true,
					Base: rt.Base, Key: rt.Key, Open: rt.Open, Abstract: rt.Abstract, Flags: rt.Flags, Pos: rt.Pos}
				g.byName[k] = t
				g.byBare[strings.ToLower(rt.Name)] = append(g.byBare[strings.ToLower(rt.Name)], t)
			} else if t.Base == "" {
				t.Base = rt.Base
			}
			g.byPage[strings.ToLower(p.File)] = append(g.byPage[strings.ToLower(p.File)], t)
			for _, pr := range rt.Properties {
				if i := slices.IndexFunc(t.Properties, func(q Property) bool { return q.Name == pr.Name }); i >= 0 {
					if q := t.Properties[i]; q.Type.String() != pr.Type.String() && !pr.FromJSON && !q.FromJSON {
						ds.Addf(pr.Pos, Warning, "property-disagrees", "%s.%s is %s here but %s at %s", t.Name, pr.Name, pr.Type, q.Type, q.Pos)
					}
					continue
				}
				t.Properties = append(t.Properties, pr)
			}
			for _, m := range rt.Members {
				if !slices.ContainsFunc(t.Members, func(q EnumMember) bool { return q.Name == m.Name }) {
					t.Members = append(t.Members, m)
				}
			}
		}
	}
	derivedFromBasePages(pages, g)
	inferBases(pages, g, ds)
	propertyAlternatives(pages, g, ds)
	addKeyProperties(g, ds)
	for _, t := range g.byName {
		if t.Base != "" {
			g.children[key(t.Base)] = append(g.children[key(t.Base)], t)
		}
	}
	g.propertiesOnlyInJSON(ds)
	return g
}

// propertiesOnlyInJSON reports the properties a type's JSON representation shows that no
// table of its page lists, nor a table of a type it derives from (a derived type's JSON
// that repeats the base's members, as today's backup pages do, is not reported). A type
// with no table at all is its page's one warning (parse).
func (g *typeGraph) propertiesOnlyInJSON(ds *Diagnostics) {
	for _, t := range g.byName { // the diagnostics are sorted when printed
		if !slices.ContainsFunc(t.Properties, func(p Property) bool { return !p.FromJSON }) {
			continue
		}
		for _, p := range t.Properties {
			if !p.FromJSON || slices.ContainsFunc(g.lineage(t)[1:], func(a *Type) bool {
				return slices.ContainsFunc(a.Properties, func(q Property) bool { return !q.FromJSON && strings.EqualFold(q.Name, p.Name) })
			}) {
				continue
			}
			ds.Addf(p.Pos, Warning, "property-only-in-json",
				"property %s is in the JSON representation but in no table; its type %s is read from the placeholder value", p.Name, p.Type)
		}
	}
}

// ref is a reference to t, a collection of it when coll.
func (t *Type) ref(coll bool) TypeRef {
	return TypeRef{Kind: KindNamed, Name: t.Name, Namespace: t.Namespace, Link: t.Page, Collection: coll}
}

// isOrBelow reports whether t is base or derives from it; a chain of more than 32 bases
// (a cycle) ends the walk.
func (g *typeGraph) isOrBelow(t, base *Type) bool {
	for a, n := t, 0; a != nil && n < 32; n++ {
		if a == base {
			return true
		}
		if a.Base == "" {
			break
		}
		a = g.byName[key(a.Base)]
	}
	return false
}

// nearestBase is the nearest type that every one of types is or derives from; nil when
// they share none.
func (g *typeGraph) nearestBase(types []*Type) *Type {
	base := types[0]
	for _, t := range types[1:] {
		for n := 0; base != nil && !g.isOrBelow(t, base); n++ {
			if base.Base == "" || n >= 32 {
				return nil
			}
			base = g.byName[key(base.Base)]
		}
	}
	return base
}

// propertyAlternatives gives a property whose Type cell offers several types
// ("[organizerMeetingInfo] or [tokenMeetingInfo]") their nearest common base (meetingInfo),
// whose struct carries any of them, where the first type alone would refuse the others.
// Types with no common base keep the first. Each choice is reported at the row.
func propertyAlternatives(pages []*Page, g *typeGraph, ds *Diagnostics) {
	for _, p := range pages {
		for i := range p.Types {
			t := g.byName[key(p.Types[i].QualifiedName())]
			if t == nil {
				continue
			}
			for j := range t.Properties {
				pr := &t.Properties[j]
				if len(pr.Or) == 0 {
					continue
				}
				if r, ok := commonBase(g, pr.Type, pr.Or); ok {
					report(ds, pr.Type, pr.Or, r, "property "+t.Name+"."+pr.Name)
					pr.Type = r
				}
				pr.Or = nil
			}
		}
	}
}

// derivedFromBasePages gives a base type's page's derived types ("the derived types are
// [x](x.md) and [y](y.md)") that base when their own pages name none: a base the derived
// type's page names wins, and a base that would make a cycle is not taken.
func derivedFromBasePages(pages []*Page, g *typeGraph) {
	for _, p := range pages {
		for i := range p.Types {
			rt := &p.Types[i]
			base := g.byName[key(rt.QualifiedName())]
			if base == nil {
				continue
			}
			for _, d := range rt.Derived {
				t := g.byName[key(d)]
				if t == nil || t == base || t.Base != "" || t.IsEnum || base.IsEnum {
					continue
				}
				cycle := false
				for a, n := base, 0; a != nil && n < 64; a, n = g.byName[key(a.Base)], n+1 {
					if a == t {
						cycle = true
						break
					}
					if a.Base == "" {
						break
					}
				}
				if !cycle {
					t.Base = base.QualifiedName()
				}
			}
		}
	}
}

// lineage lists t and the types it derives from, nearest first, each once (a base cycle
// in the docs ends it).
func (g *typeGraph) lineage(t *Type) []*Type {
	var out []*Type
	for t != nil && !slices.Contains(out, t) {
		out = append(out, t)
		if t.Base == "" {
			break
		}
		t = g.byName[key(t.Base)]
	}
	return out
}

// declared is the property of t, or of a type t derives from, that name matches, and the
// type that declares it: the one of that exact name if there is one, else the first that
// matches without regard to case.
func (g *typeGraph) declared(t *Type, name string) (*Type, *Property) {
	var owner *Type
	var folded *Property
	for _, a := range g.lineage(t) {
		for i := range a.Properties {
			switch p := &a.Properties[i]; {
			case p.Name == name:
				return a, p
			case folded == nil && strings.EqualFold(p.Name, name):
				owner, folded = a, p
			}
		}
	}
	return owner, folded
}

// descendants lists the types derived from t, directly or not, each once, depth first.
func (g *typeGraph) descendants(t *Type) []*Type {
	var out []*Type
	seen := map[*Type]bool{t: true}
	stack := slices.Clone(g.children[key(t.QualifiedName())])
	for len(stack) > 0 {
		d := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[d] {
			continue
		}
		seen[d] = true
		out = append(out, d)
		stack = append(stack, g.children[key(d.QualifiedName())]...)
	}
	return out
}

// resolve finds the type a reference means: on the linked page (by name, or its only
// type), else by qualified name, else by a name only one namespace uses.
func (g *typeGraph) resolve(ref TypeRef) *Type {
	if ref.Kind != KindNamed {
		return nil
	}
	if ref.Link != "" {
		onPage := g.byPage[strings.ToLower(ref.Link)]
		for _, t := range onPage {
			if strings.EqualFold(t.Name, ref.Name) {
				return t
			}
		}
		// Link text in the plural ("a list of [chatMessages](../resources/chatmessage.md)")
		// names the linked page's type.
		for _, t := range onPage {
			if strings.EqualFold(t.Name+"s", ref.Name) {
				return t
			}
		}
		if len(onPage) == 1 {
			return onPage[0]
		}
	}
	if t := g.byName[key(ref.QualifiedName())]; t != nil {
		return t
	}
	if ts := g.byBare[strings.ToLower(ref.Name)]; len(ts) == 1 {
		return ts[0]
	}
	return nil
}

// resolveTypes settles every named reference of the operations: references to documented
// types take the type's own spelling, and API.Types becomes the types reachable from the
// operations (through properties, base types and, for a type used as a value, its derived
// types), plus a name-only type for each reference no page documents.
func resolveTypes(api *API, g *typeGraph, ds *Diagnostics) {
	enumPages := map[string]bool{}
	for _, p := range api.Pages {
		if p.Kind == PageEnum {
			enumPages[strings.ToLower(p.File)] = true
		}
	}
	reach := map[*Type]bool{}
	var order []*Type
	undocumented := map[string]*Type{}
	var queue []*Type
	visit := func(t *Type) {
		if !reach[t] {
			reach[t] = true
			order = append(order, t)
			queue = append(queue, t)
		}
	}
	// settle rewrites one reference in place and reports whether it was resolved.
	settle := func(ref *TypeRef, asValue bool, desc string) {
		if ref.Kind != KindNamed {
			return
		}
		if t := g.resolve(*ref); t != nil {
			ref.Name, ref.Namespace = t.Name, t.Namespace
			if t.Page != "" {
				ref.Link = t.Page
			}
			visit(t)
			if asValue {
				// A value typed as a base type can arrive as any type derived from it.
				var stack []*Type
				stack = append(stack, g.children[key(t.QualifiedName())]...)
				for len(stack) > 0 {
					c := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if !reach[c] {
						visit(c)
						stack = append(stack, g.children[key(c.QualifiedName())]...)
					}
				}
			}
			return
		}
		k := key(ref.QualifiedName())
		if undocumented[k] == nil {
			t := &Type{Name: ref.Name, Namespace: ref.Namespace, Page: ref.Link, Pos: ref.Pos, IsEnum: enumPages[strings.ToLower(ref.Link)]}
			undocumented[k] = t
			order = append(order, t)
			if vals := possibleValues(desc); !t.IsEnum && len(vals) > 0 {
				t.IsEnum = true
				for _, v := range vals {
					t.Members = append(t.Members, EnumMember{Name: v, Pos: ref.Pos})
				}
				ds.Addf(ref.Pos, Warning, "enum-from-description", "no resource or enum page documents %s; the row that uses it lists its possible values (%s): it is an enum of them, and a value the service adds later decodes as it is",
					ref.QualifiedName(), strings.Join(vals, ", "))
			} else {
				ds.Addf(ref.Pos, Warning, "type-unresolved", "no resource or enum page documents %s; it is kept as raw JSON", ref.QualifiedName())
			}
		} else if t := undocumented[k]; t.IsEnum && len(t.Members) > 0 {
			t.Members = addValues(t.Members, possibleValues(desc), ref.Pos)
		}
		ref.Name, ref.Namespace = undocumented[k].Name, undocumented[k].Namespace
	}
	for _, op := range api.Operations {
		for i := range op.Params {
			settle(&op.Params[i].Type, true, op.Params[i].Description)
		}
		settle(&op.Body.Type, true, "")
		settle(&op.Response.Type, true, "")
		if op.Response.JSON.Kind != KindNone {
			settle(&op.Response.JSON, true, "")
		}
		for _, p := range op.Paths {
			if p.Target != nil && p.Target.Result != nil {
				settle(p.Target.Result, true, "")
			}
			if p.Target != nil && p.Target.Body != nil {
				settle(p.Target.Body, true, "")
			}
			for _, r := range expandedTypes(g, op, p) {
				settle(&r, true, "")
			}
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		if t.Base != "" {
			if b := g.byName[key(t.Base)]; b != nil {
				t.Base = b.QualifiedName()
				visit(b)
			} else {
				ds.Addf(t.Pos, Warning, "base-type-unresolved", "the base type %s of %s is not documented; its properties are missing", t.Base, t.Name)
				t.Base = ""
			}
		}
		for i := range t.Properties {
			if !t.Properties[i].Navigation {
				settle(&t.Properties[i].Type, true, t.Properties[i].Description)
			}
		}
	}
	// Navigation properties are typed only when their type is emitted anyway; otherwise
	// they stay raw JSON, so that a filtered client does not pull in the whole API.
	for _, t := range order {
		for i := range t.Properties {
			p := &t.Properties[i]
			if !p.Navigation || p.Type.Kind != KindNamed {
				continue
			}
			if r := g.resolve(p.Type); r != nil && reach[r] {
				p.Type.Name, p.Type.Namespace = r.Name, r.Namespace
			} else {
				p.Type = TypeRef{Kind: KindUnknown, Raw: p.Type.Raw, Collection: p.Type.Collection, Pos: p.Type.Pos}
			}
		}
	}
	for _, t := range order {
		t.Derived = nil
		for _, c := range g.children[key(t.QualifiedName())] {
			if reach[c] {
				t.Derived = append(t.Derived, c.QualifiedName())
			}
		}
		slices.Sort(t.Derived)
		if t.Documented {
			api.TypeRefs.Resolved++
		}
		api.TypeRefs.Referenced++
	}
	api.Types = order
}
