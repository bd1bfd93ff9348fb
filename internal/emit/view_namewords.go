package emit

import (
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The words of a method's name that one segment gives (see methodName).

// keyPredicateWord names a segment that addresses a member by an alternate key, the
// collection's name in the singular and By with the properties:
// applications(appId='{appId}') is ApplicationByAppID.
func keyPredicateWord(s model.Segment, spell spellings) string {
	head, props, _ := model.KeyPredicate(s) // the endpoint map read it so (Target.KeyPredicates)
	w := exported(spell.singular(spell.of(head))) + "By"
	for i, prop := range props {
		if i > 0 {
			w += "And"
		}
		w += exported(prop)
	}
	return w
}

// keyedByPath reports whether a segment is a key that a path relative to it follows:
// {parent-id}: in items/{parent-id}:/{filename}:, {hostname}: in sites/{hostname}:/{path}.
func keyedByPath(s model.Segment) bool {
	return len(s.Parts) == 2 && s.Parts[0].IsParam() && !s.Parts[0].Function && s.Parts[1].Literal == ":"
}

// functionVerbs are the words Graph's function names start with when they start with a
// verb (getByPath, delta, filterByCurrentUser, isManagedAppUserBlocked); a function whose
// name starts otherwise is named by a noun (range, usedRange, recent, reminderView).
var functionVerbs = map[string]bool{
	"get": true, "list": true, "delta": true, "filter": true, "find": true, "search": true,
	"summarize": true, "compare": true, "verify": true, "validate": true, "check": true,
	"export": true, "download": true, "upload": true, "dismiss": true, "lookup": true,
	"generate": true, "retrieve": true, "calculate": true, "evaluate": true, "resolve": true,
	"preview": true, "query": true, "is": true, "are": true, "has": true, "can": true,
}

// startsWithVerb reports whether a function's name starts with a verb.
func startsWithVerb(name string) bool {
	words := splitWords(name)
	return len(words) > 0 && functionVerbs[strings.ToLower(words[0])]
}

// singularLit reports whether a segment is a literal in the singular: an action's verb
// (add, restart), not a collection's plural.
func singularLit(s model.Segment) bool {
	lit, ok := s.Literal()
	return ok && model.Singular(lit) == lit
}

// isCall reports whether a segment calls a function: name() or name(p=v, ...); a key in
// parentheses (worksheets('{id}')) is not one.
func isCall(s model.Segment) bool {
	var b strings.Builder
	for _, pt := range s.Parts {
		if pt.IsParam() {
			b.WriteString("{}")
		} else {
			b.WriteString(pt.Literal)
		}
	}
	text := b.String()
	open := strings.IndexByte(text, '(')
	if open <= 0 || !strings.HasSuffix(text, ")") {
		return false
	}
	return strings.HasSuffix(text, "()") || strings.Contains(text[open:], "=")
}

// isCast reports whether a segment is an OData cast (microsoft.graph.user), not a
// dotted name such as a host (contoso.sharepoint.com).
func isCast(seg string) bool {
	return strings.HasPrefix(strings.ToLower(seg), "microsoft.")
}

// singularLast singularises the last word of a name built from a plain last segment.
func singularLast(name string, last []model.Segment, spell spellings) string {
	lit, _ := last[0].Literal()
	if strings.HasPrefix(lit, "$") || isCast(lit) {
		return name
	}
	lit = spell.of(strings.TrimSuffix(lit, ":"))
	w := exported(lit)
	return strings.TrimSuffix(name, w) + exported(spell.singular(lit))
}
