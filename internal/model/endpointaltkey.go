package model

import "strings"

// Alternate keys: OData addresses one member of a collection by other properties than its
// key with a key predicate, /applications(appId='{appId}') or
// /servicePrincipals(appId='{appId}'). Such a segment reads like a function call, but no
// function is named after a collection and takes the collection's element properties as
// arguments: it is one member of that collection, as /applications/{id} is.

// KeyPredicate reads a segment written name(prop=value[,prop=value]...): the name and the
// properties it names. Each value holds a placeholder. Whether the segment is a key
// predicate or a call is the endpoint map's to say (Target.KeyPredicates).
func KeyPredicate(s Segment) (name string, props []string, ok bool) {
	if len(s.Parts) < 2 || s.Parts[0].IsParam() {
		return "", nil, false
	}
	var b strings.Builder
	for _, p := range s.Parts {
		if p.IsParam() {
			b.WriteString("\x00") // one value, whatever it holds
			continue
		}
		b.WriteString(p.Literal)
	}
	text := b.String()
	open := strings.IndexByte(text, '(')
	if open <= 0 || !strings.HasSuffix(text, ")") {
		return "", nil, false
	}
	name = text[:open]
	if !isIdent(name) {
		return "", nil, false
	}
	for _, arg := range strings.Split(text[open+1:len(text)-1], ",") {
		k, v, found := strings.Cut(arg, "=")
		k = strings.TrimSpace(k)
		if !found || !isIdent(k) || !strings.Contains(v, "\x00") {
			return "", nil, false
		}
		props = append(props, k)
	}
	return name, props, true
}

// alternateKey reports the member type a key-predicate segment addresses: the segment
// names an entity set (first, voted a collection or keyed elsewhere) or a collection-valued
// property of cur, whatever names the parentheses hold. Right after a collection (coll)
// no segment is a predicate: what follows a collection is its key or an operation on it.
func (m *endpointMap) alternateKey(first bool, cur *Type, coll bool, s Segment) (*Type, bool) {
	name, _, ok := KeyPredicate(s)
	if !ok || coll {
		return nil, false
	}
	var member *Type
	switch {
	case first:
		set := []Segment{{Parts: []Part{{Literal: name}}}}
		t, ok := m.voted(set)
		if !ok || !t.Collection && !m.keyed[prefixShape(set)] {
			return nil, false
		}
		member = m.g.resolve(t)
	case cur != nil:
		pr, ok := m.property(cur, name)
		if !ok || pr.Type.Kind != KindNamed || !pr.Type.Collection {
			return nil, false
		}
		member = m.g.resolve(pr.Type)
	}
	if member == nil || member.IsEnum {
		return nil, false
	}
	// The names in the parentheses need not be documented properties of the member type:
	// OData gives nothing else a collection's name, so parentheses right after it are a key
	// (today's group.md has no uniqueName row where group-upsert.md addresses
	// /groups(uniqueName='{uniqueName}')).
	return member, true
}
