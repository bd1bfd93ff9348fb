package model

import "strings"

// expandedTypes are the types of the navigation properties a path's own query template
// expands ($expand=mentions on GET /me/messages/{id}?$expand=mentions): the method exists
// to return them, so they are emitted and the property is typed, where a navigation's
// type is otherwise typed only when something else brings it in (resolveTypes).
func expandedTypes(g *typeGraph, op *Operation, p Path) []TypeRef {
	t := g.resolve(op.ResultOf(p))
	if t == nil {
		return nil
	}
	var out []TypeRef
	for _, q := range p.Query {
		if !strings.EqualFold(q.Name, "$expand") {
			continue
		}
		text := q.Value
		if len(q.Parts) > 0 && !q.Parts[0].IsParam() {
			text = q.Parts[0].Literal
		}
		for _, item := range topLevelItems(text) {
			name, _, _ := strings.Cut(item, "(")
			name, _, _ = strings.Cut(name, "/")
			if _, prop := g.declared(t, strings.TrimSpace(name)); prop != nil && prop.Navigation && prop.Type.Kind == KindNamed {
				out = append(out, prop.Type)
			}
		}
	}
	return out
}

// topLevelItems splits a comma-separated list at the commas outside parentheses:
// "a($filter=x eq 'y,z'),b" is a($filter=...) and b.
func topLevelItems(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
