package emit

import (
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// valueTypes lists the types something is declared as: a property, or an operation's
// parameter, body or response. Only such a type can receive a value of a type derived
// from it.
func (v *view) valueTypes(api *model.API) map[*goType]bool {
	used := map[*goType]bool{}
	mark := func(r model.TypeRef) {
		if gt := v.namedType(r); r.Kind == model.KindNamed && gt != nil {
			used[gt] = true
		}
	}
	for _, op := range api.Operations {
		mark(op.Body.Type)
		mark(op.Response.Type)
		for _, p := range op.Paths {
			mark(bodyType(op, p))
			if p.Target != nil && p.Target.Result != nil {
				mark(*p.Target.Result)
			}
		}
		for _, p := range op.Params {
			mark(p.Type)
		}
	}
	for _, t := range api.Types {
		for _, p := range t.Properties {
			mark(p.Type)
		}
	}
	return used
}

// resolveTypeMembers gives structs their fields (flattened along the base chain), enums
// their constants, and polymorphic types their descendants and, when some property or
// operation is declared as the type (values), a Derived interface: a type that is only a
// base (entity, say) never receives a derived value, so it needs none.
func (v *view) resolveTypeMembers(names uniquer, values map[*goType]bool) {
	for _, t := range v.types {
		if t.Model.Base != "" {
			t.Base = v.typeByKey[strings.ToLower(t.Model.Base)]
		}
	}
	for _, t := range v.types {
		for a := t.Base; a != nil; a = a.Base {
			if slices.Contains(a.Descendants, t) || a == t {
				break // a cycle in the docs' base types
			}
			a.Descendants = append(a.Descendants, t)
		}
	}
	for _, t := range v.types {
		if len(t.Descendants) > 0 && values[t] {
			t.Iface = names.take(t.Name + "Derived")
		}
	}
	for _, t := range v.types {
		for a := t.Base; a != nil && a != t; a = a.Base {
			if a.Iface != "" && !slices.Contains(t.Ancestors, a) {
				t.Ancestors = append(t.Ancestors, a)
			}
			if len(t.Ancestors) > 32 {
				break
			}
		}
		switch {
		case t.Model.IsEnum:
			for _, m := range t.Model.Members {
				t.Consts = append(t.Consts, goConst{Name: names.take(t.Name + exported(m.Name)), Member: m})
			}
		case t.Model.Documented:
			t.Fields = v.structFields(t)
		}
	}
}

// structFields lists a struct's fields: the base chain's properties first (the root's
// first), then its own; a name already present is skipped (intune pages repeat inherited
// properties).
func (v *view) structFields(t *goType) []goProp {
	var chain []*goType
	for a := t; a != nil && !slices.Contains(chain, a); a = a.Base {
		chain = append(chain, a)
	}
	fieldNames := uniquer{"ODataType": true, "AdditionalData": true, "Derived": true, "Nulls": true, "IsNull": true, "SetNull": true}
	seen := map[string]bool{"@odata.type": true}
	var out []goProp
	for i := len(chain) - 1; i >= 0; i-- {
		for _, p := range chain[i].Model.Properties {
			if seen[p.Name] || !jsonName(p.Name) {
				continue
			}
			seen[p.Name] = true
			out = append(out, goProp{Name: fieldNames.take(exported(p.Name)), Prop: p, From: chain[i]})
		}
	}
	return out
}
