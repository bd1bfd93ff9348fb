package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// What property-from-example asks of the type graph: a type's members, whether it is open,
// its derived types' members, and the type the docs give a member's name everywhere.

// byConvention types an object value that names no @odata.type by the docs' own use of the
// member's name: lastModifiedBy is an identitySet in every table that has it (createdBy is
// not: a few tables give a userIdentity, so it stays untyped). At least two rows
// must say so, none another type, and every member of the value that is not null must be
// one of that type's.
func (pf *propFinder) byConvention(name string, raw json.RawMessage) *Type {
	if pf.named == nil {
		pf.named = map[string]map[*Type]int{}
		for _, t := range pf.g.byName {
			for _, p := range t.Properties {
				if p.Type.Kind != KindNamed || p.Type.Collection || p.FromJSON {
					continue
				}
				rt := pf.g.resolve(p.Type)
				if rt == nil || !rt.Documented || rt.IsEnum {
					continue
				}
				n := strings.ToLower(p.Name)
				if pf.named[n] == nil {
					pf.named[n] = map[*Type]int{}
				}
				pf.named[n][rt]++
			}
		}
	}
	uses := pf.named[strings.ToLower(name)]
	if len(uses) != 1 {
		return pf.byShape(raw)
	}
	var t *Type
	for only, n := range uses {
		if n < 2 {
			return nil
		}
		t = only
	}
	obj, ok := jsonObject(string(raw))
	if !ok || len(obj) == 0 {
		return nil
	}
	have := map[string]bool{}
	for _, n := range pf.names(t) {
		have[n] = true
	}
	for k, v := range obj {
		if memberName(k) && !have[strings.ToLower(k)] && strings.TrimSpace(string(v)) != "null" {
			return nil // a member with a value that the type does not have (a null says nothing)
		}
	}
	return t
}

// byShape types an object value by its members where its name settles nothing: the one
// documented complex type (no entity, no enum, no open type) whose members are exactly the
// two or more the value sends (bookingbusiness-getstaffavailability.md's startDateTime,
// {"dateTime": ..., "timeZone": ...}, is a dateTimeTimeZone; {"minimum", "maximum"} is not
// a numberColumn, which has more). Two such types settle nothing.
func (pf *propFinder) byShape(raw json.RawMessage) *Type {
	obj, ok := jsonObject(string(raw))
	if !ok {
		return nil
	}
	var keys []string
	for k, v := range obj {
		if memberName(k) && strings.TrimSpace(string(v)) != "null" {
			keys = append(keys, strings.ToLower(k))
		}
	}
	if len(keys) < 2 {
		return nil
	}
	if pf.byMembers == nil {
		pf.byMembers = map[string][]*Type{}
		for _, t := range pf.g.byName {
			if !t.Documented || t.IsEnum || pf.open(t) || slices.ContainsFunc(pf.g.lineage(t), func(a *Type) bool { return a.Key != "" || strings.EqualFold(a.Name, "entity") }) {
				continue
			}
			if k := memberKey(pf.names(t)); !slices.Contains(pf.byMembers[k], t) {
				pf.byMembers[k] = append(pf.byMembers[k], t)
			}
		}
	}
	if ts := pf.byMembers[memberKey(keys)]; len(ts) == 1 {
		return ts[0]
	}
	return nil
}

// memberKey is a set of member names as one string: sorted, each once, joined by commas.
func memberKey(names []string) string {
	s := slices.Clone(names)
	slices.Sort(s)
	return strings.Join(slices.Compact(s), ",")
}

// names lists the lower-cased names of t's properties, inherited ones included, as the
// generated type has them (those only a JSON representation shows too).
func (pf *propFinder) names(t *Type) []string {
	var out []string
	for _, a := range pf.g.lineage(t) {
		for _, p := range a.Properties {
			out = append(out, strings.ToLower(p.Name))
		}
	}
	return out
}

// open reports whether t or a type it derives from is open.
func (pf *propFinder) open(t *Type) bool {
	return slices.ContainsFunc(pf.g.lineage(t), func(a *Type) bool { return a.Open })
}

// derived is the set of lower-cased property names the types derived from t document.
func (pf *propFinder) derived(t *Type) map[string]bool {
	if d, ok := pf.derivedNames[t]; ok {
		return d
	}
	d := map[string]bool{}
	for _, c := range pf.g.descendants(t) {
		for _, p := range c.Properties {
			d[strings.ToLower(p.Name)] = true
		}
	}
	pf.derivedNames[t] = d
	return d
}

// flattened is the set of obj's members, lower-cased, that t does not have and that are
// members of the type of one of t's object-valued properties, where at least two such
// members are of the same type: an example that writes them on t (educationclass-list-
// members' educationUser with the birthDate, grade and studentNumber of its student) has
// flattened that value, and they are not t's. One such member alone is no evidence: names
// such as id or displayName are members of many types.
func (pf *propFinder) flattened(t *Type, obj map[string]json.RawMessage, names map[string]string) map[string]bool {
	var unknown []string
	for k := range obj {
		if _, ok := names[strings.ToLower(k)]; !ok && memberName(k) {
			unknown = append(unknown, strings.ToLower(k))
		}
	}
	if len(unknown) < 2 {
		return nil
	}
	out := map[string]bool{}
	for _, a := range pf.g.lineage(t) {
		for _, p := range a.Properties {
			c := pf.g.resolve(p.Type)
			if p.Type.Kind != KindNamed || c == nil || c.IsEnum || c == a {
				continue
			}
			has := map[string]bool{}
			for _, cp := range c.Properties {
				has[strings.ToLower(cp.Name)] = true
			}
			var of []string
			for _, k := range unknown {
				if has[k] {
					of = append(of, k)
				}
			}
			if len(of) >= 2 {
				for _, k := range of {
					out[k] = true
				}
			}
		}
	}
	return out
}
