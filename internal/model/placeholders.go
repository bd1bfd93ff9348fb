package model

import (
	"slices"
	"strings"
)

// Placeholders of request lines and the table rows that type them.

// written reports whether a placeholder of one of the page's request lines, as the line
// writes it, has the name (cell(row={row},column={func}) writes func).
func written(p *Page, name string) bool {
	for _, rl := range p.Requests {
		for _, s := range rl.Path.Segments {
			for _, pt := range s.Parts {
				if pt.IsParam() && (SameName(pt.Param, name) || SameName(pt.Written, name) || slices.ContainsFunc(pt.Alternatives, func(a string) bool { return SameName(a, name) })) {
					return true
				}
			}
		}
		for _, q := range rl.Path.Query {
			if q.Param != "" && SameName(q.Param, name) || SameName(q.Name, name) {
				return true
			}
		}
	}
	return false
}

// writtenElsewhere reports whether a placeholder other than name in the page's request
// lines is spelled as the row is (case, dashes and underscores aside; a "value" suffix
// counts): {id_value} in a $filter template, for the row id_value.
func writtenElsewhere(p *Page, row, name string) bool {
	spell := func(s string) string {
		return strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
	}
	is := func(pt Part) bool {
		return pt.IsParam() && pt.Param != name && (spell(pt.Param) == spell(row) || spell(pt.Written) == spell(row))
	}
	for _, rl := range p.Requests {
		for _, s := range rl.Path.Segments {
			if slices.ContainsFunc(s.Parts, is) {
				return true
			}
		}
		for _, q := range rl.Path.Query {
			if slices.ContainsFunc(q.Parts, is) || q.Param != "" && q.Param != name && spell(q.Param) == spell(row) {
				return true
			}
		}
	}
	return false
}

// placeholderParam types a placeholder from the page's table row of the same name, or as a
// String when the page has none.
func placeholderParam(p *Page, op *Operation, name string, alts []string, in ParamIn) Param {
	cands := append([]string{name}, alts...)
	for _, tp := range p.Params {
		// A function's parameters are often tabled under Path parameters (chart image:
		// width and height, Int32) or Request body.
		if tp.In != in && !(in == InFunction && (tp.In == InQuery || tp.In == InBody || tp.In == InPath)) && !(in == InQuery && tp.In == InFunction) {
			continue
		}
		for i, c := range cands {
			if i > 0 && writtenElsewhere(p, tp.Name, name) {
				// {id|userPrincipalName} has an alternative "id", and SameName reads the
				// row id_value as "id": the row is the other placeholder's, written so.
				break
			}
			if SameName(tp.Name, c) {
				tp.In = in
				tp.Name = name
				tp.Presence = Required
				return tp
			}
		}
	}
	desc := ""
	if len(alts) > 1 {
		desc = "The " + strings.Join(alts, " or ") + " of the addressed object."
	}
	return Param{Name: name, In: in, Presence: Required, Description: desc,
		Type: TypeRef{Kind: KindPrimitive, Primitive: String, Raw: "String", Pos: op.Pos}, Pos: op.Pos}
}

// SameName reports whether two parameter names are spellings of one another: case, dashes,
// underscores and a "-value"/"_value" suffix do not count.
func SameName(a, b string) bool {
	return normName(a) == normName(b)
}

func normName(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("-", "", "_", "", " ", "", "{", "", "}", "", "'", "").Replace(s)
	return strings.TrimSuffix(s, "value")
}
