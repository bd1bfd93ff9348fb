package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// Some resource pages never say what their type derives from: userIdentity lists
// displayName, id and userPrincipalName, and nothing ties it to identity. The example
// responses do: they send {"@odata.type": "#microsoft.graph.userIdentity", ...} where the
// property is documented as an identity. inferBases takes that as the docs' statement
// that the type derives from the documented one, when the structure agrees:
//
//   - the sent type has no base of its own, and is not an ancestor of the documented type;
//   - it has every property the documented type has (own and inherited), and the documented
//     type has at least one.
//
// Without it, a decoded identity keeps userPrincipalName only in AdditionalData. Each
// inference is reported (base-inferred) at the first example that shows it.

// exampleValue is one JSON object of an example, with the type the docs give its position.
type exampleValue struct {
	obj  map[string]json.RawMessage
	typ  *Type
	page *Page
	ex   *Example
}

func inferBases(pages []*Page, g *typeGraph, ds *Diagnostics) {
	// The types other pages name as their base (entity, changeTrackedEntity, outlookItem):
	// what a page that names none may have left out.
	count := map[string]int{}
	for _, t := range g.byName {
		if t.Base != "" {
			count[key(t.Base)]++
		}
	}
	var bases []*Type
	for k, n := range count {
		if b := g.byName[k]; b != nil && n >= 2 {
			bases = append(bases, b)
		}
	}
	slices.SortFunc(bases, func(a, b *Type) int { return strings.Compare(key(a.QualifiedName()), key(b.QualifiedName())) })
	for _, p := range pages {
		for i := range p.Examples {
			ex := &p.Examples[i]
			if ex.Kind != ExampleResponse || ex.Annotation == nil || ex.Annotation.ODataType == "" {
				continue
			}
			ref, ok := AnnotationType(ex.Annotation.ODataType, ex.Annotation.IsCollection)
			top := g.resolve(ref)
			if !ok || top == nil {
				continue
			}
			var root map[string]json.RawMessage
			if json.Unmarshal([]byte(ex.Body), &root) != nil {
				continue
			}
			var queue []exampleValue
			if raw, ok := root["value"]; ok && ref.Collection {
				var elems []map[string]json.RawMessage
				if json.Unmarshal(raw, &elems) == nil {
					for _, e := range elems {
						queue = append(queue, exampleValue{e, top, p, ex})
					}
				}
			} else {
				queue = append(queue, exampleValue{root, top, p, ex})
			}
			for len(queue) > 0 {
				v := queue[0]
				queue = queue[1:]
				queue = append(queue, g.inferBase(v, bases, ds)...)
			}
		}
	}
}

// inferBase checks one object against the type of its position and returns its nested
// objects with the types of theirs.
func (g *typeGraph) inferBase(v exampleValue, bases []*Type, ds *Diagnostics) []exampleValue {
	t := v.typ
	if raw, ok := v.obj["@odata.type"]; ok {
		var name string
		if json.Unmarshal(raw, &name) == nil && name != "" {
			sent := g.byName[key(name)]
			if sent != nil && sent != t {
				if g.fitsAsDerived(sent, t) {
					sent.Base = t.QualifiedName()
					ds.Addf(v.ex.Pos, Warning, "base-inferred",
						"%s is taken as derived from %s: this example sends one where %s is documented, and %s has all of its properties; its page names no base type",
						sent.Name, t.Name, t.Name, sent.Name)
				}
				if g.isAncestor(t, sent) {
					t = sent
				}
			}
		}
	}
	if t.Base == "" && t.Documented && !t.IsEnum {
		g.inferBaseFromKeys(v, t, bases, ds)
	}
	var out []exampleValue
	keys := make([]string, 0, len(v.obj))
	for k := range v.obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.Contains(k, "@") {
			continue
		}
		pt := g.propertyType(t, k)
		if pt == nil {
			continue
		}
		raw := v.obj[k]
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) == nil && obj != nil {
			out = append(out, exampleValue{obj, pt, v.page, v.ex})
			continue
		}
		var elems []map[string]json.RawMessage
		if json.Unmarshal(raw, &elems) == nil {
			for _, e := range elems {
				if e != nil {
					out = append(out, exampleValue{e, pt, v.page, v.ex})
				}
			}
		}
	}
	return out
}

// fitsAsDerived reports whether sent can be read as derived from t.
func (g *typeGraph) fitsAsDerived(sent, t *Type) bool {
	if sent.Base != "" || sent.IsEnum || t.IsEnum || g.isAncestor(sent, t) {
		return false
	}
	props := g.allProperties(t)
	if len(props) == 0 {
		return false
	}
	for _, name := range props {
		if !slices.ContainsFunc(sent.Properties, func(p Property) bool { return strings.EqualFold(p.Name, name) }) {
			return false
		}
	}
	return true
}

// isAncestor reports whether a is d or one of d's base types.
func (g *typeGraph) isAncestor(a, d *Type) bool {
	seen := map[*Type]bool{}
	for t := d; t != nil && !seen[t]; t = g.byName[key(t.Base)] {
		if t == a {
			return true
		}
		seen[t] = true
		if t.Base == "" {
			break
		}
	}
	return false
}

// allProperties lists the names of t's documented properties, inherited ones included.
func (g *typeGraph) allProperties(t *Type) []string {
	var out []string
	seen := map[*Type]bool{}
	for ; t != nil && !seen[t]; t = g.byName[key(t.Base)] {
		seen[t] = true
		for _, p := range t.Properties {
			if !p.FromJSON { // a name only the JSON block shows is weak evidence
				out = append(out, p.Name)
			}
		}
		if t.Base == "" {
			break
		}
	}
	return out
}

// propertyType is the named type of t's property name (inherited ones included), nil
// when it is not a documented named type.
func (g *typeGraph) propertyType(t *Type, name string) *Type {
	seen := map[*Type]bool{}
	for ; t != nil && !seen[t]; t = g.byName[key(t.Base)] {
		seen[t] = true
		for _, p := range t.Properties {
			if p.Name == name && p.Type.Kind == KindNamed {
				return g.resolve(p.Type)
			}
		}
		if t.Base == "" {
			break
		}
	}
	return nil
}

// inferBaseFromKeys gives t, whose page names no base type, the one base type that
// explains the members an example sends beyond t's documented properties: openShift's
// example sends id, createdDateTime and lastModifiedBy, which changeTrackedEntity (the
// base of the other shift types) documents. At least two such members are needed, every
// one of them must be the base's, and one base must fit alone, or alone have every one
// of its properties sent.
func (g *typeGraph) inferBaseFromKeys(v exampleValue, t *Type, bases []*Type, ds *Diagnostics) {
	own := map[string]bool{}
	for _, n := range g.allProperties(t) {
		own[strings.ToLower(n)] = true
	}
	var extra []string
	for k := range v.obj {
		if !strings.Contains(k, "@") && !own[strings.ToLower(k)] {
			extra = append(extra, k)
		}
	}
	if len(extra) < 2 {
		return
	}
	slices.Sort(extra)
	sent := map[string]bool{}
	for _, k := range extra {
		sent[strings.ToLower(k)] = true
	}
	// fits are the bases documenting every extra member; exact ones also send all of
	// theirs (changeTrackedEntity for openShift, where baseItem has more).
	var fits, exact []*Type
	for _, b := range bases {
		if b == t || g.isAncestor(t, b) {
			continue
		}
		props := g.allProperties(b)
		has := map[string]bool{}
		for _, n := range props {
			has[strings.ToLower(n)] = true
		}
		if slices.ContainsFunc(extra, func(k string) bool { return !has[strings.ToLower(k)] }) {
			continue
		}
		fits = append(fits, b)
		if !slices.ContainsFunc(props, func(n string) bool { return !sent[strings.ToLower(n)] }) {
			exact = append(exact, b)
		}
	}
	var fit *Type
	switch {
	case len(exact) == 1:
		fit = exact[0]
	case len(fits) == 1:
		fit = fits[0]
	default:
		return // none, or several: the example does not say which
	}
	t.Base = fit.QualifiedName()
	ds.Addf(v.ex.Pos, Warning, "base-inferred",
		"%s is taken as derived from %s: this example sends %s, which %s documents and %s does not; its page names no base type",
		t.Name, fit.Name, strings.Join(extra, ", "), fit.Name, t.Name)
}
