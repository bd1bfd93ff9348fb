package model

import (
	"slices"
	"strings"
)

// addKeyProperties gives an entity its key. A resource annotation's keyProperty says the
// type is an entity keyed by that property, so the property is the type's or its base's.
// When neither the type nor any base the docs name documents it (extensionProperty and
// educationRubric say "keyProperty": "id" and name no base and no id), the base holding it
// is one the docs do not name: the property is added to the type itself, typed as the
// bases other pages name document it (entity's id), else Edm.String. Each addition is
// reported (key-property-added) at the type.
//
// Some complex types carry a keyProperty too (shiftItem, implicitGrantSettings): the
// annotation alone is not enough. The type must also be the target of a Relationships row
// (a navigation property), which only an entity can be.
func addKeyProperties(g *typeGraph, ds *Diagnostics) {
	// The key's type, from the types other pages name as their base.
	count := map[string]int{}
	for _, t := range g.byName {
		if t.Base != "" {
			count[key(t.Base)]++
		}
	}
	keyType := func(name string) TypeRef {
		best, n := TypeRef{Kind: KindPrimitive, Primitive: String}, 0
		for k, c := range count {
			b := g.byName[k]
			if b == nil || c < 2 || c < n || (c == n && k > key(best.Name)) {
				continue
			}
			if i := slices.IndexFunc(b.Properties, func(p Property) bool { return p.Name == name }); i >= 0 && b.Properties[i].Type.Kind == KindPrimitive && !b.Properties[i].Type.Collection {
				best, n = b.Properties[i].Type, c
			}
		}
		return best
	}
	types := make([]*Type, 0, len(g.byName))
	navTarget := map[*Type]bool{}
	for _, t := range g.byName {
		types = append(types, t)
		for _, p := range t.Properties {
			if p.Navigation {
				if n := g.resolve(p.Type); n != nil {
					navTarget[n] = true
				}
			}
		}
	}
	slices.SortFunc(types, func(a, b *Type) int { return strings.Compare(key(a.QualifiedName()), key(b.QualifiedName())) })
	for _, t := range types {
		if !navTarget[t] || t.Key == "" || t.IsEnum || !t.Documented || strings.ContainsAny(t.Key, " ,") || g.hasProperty(t, t.Key) {
			continue
		}
		pr := Property{Name: t.Key, Type: keyType(t.Key), ReadOnly: true, Pos: t.Pos,
			Description: "The key: the resource annotation's keyProperty, which no property table of this type or its bases documents."}
		t.Properties = append(t.Properties, pr)
		ds.Addf(t.Pos, Warning, "key-property-added",
			"%s is keyed by %s (its annotation's keyProperty), which neither it nor a base documents: added as %s", t.Name, t.Key, pr.Type)
	}
}

// hasProperty reports whether t or a base of it documents the property.
func (g *typeGraph) hasProperty(t *Type, name string) bool {
	for seen := 0; t != nil && seen < 32; seen++ {
		if slices.ContainsFunc(t.Properties, func(p Property) bool { return p.Name == name }) {
			return true
		}
		if t.Base == "" {
			return false
		}
		t = g.byName[key(t.Base)]
	}
	return false
}
