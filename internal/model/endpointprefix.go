package model

import (
	"slices"
	"strings"
)

// throughAnotherPath reads an example path as one of op's request lines reached through
// another path to the same entity: workbookrange-rowsabove.md lists
// /me/drive/items/{id}/workbook/worksheets/{id}/range/rowsAbove(count={count}) and its
// example calls /me/drive/root/workbook/worksheets/{id}/range/rowsAbove(count=2), the
// root being a driveItem as items/{id} is. What follows the prefix must be the line's rest,
// segment by segment (a key for a key, a call of the same function for a call), and the
// prefixes must address one entity type, the example's by names and placeholders, not by
// a real ID. The path returned is the example's prefix and the line's rest, placeholders
// and all, with the query every line to the same target writes (see sharedQuery).
func (m *endpointMap) throughAnotherPath(op *Operation, ex Path) (Path, bool) {
	for _, q := range op.Paths {
		if q.Example.IsValid() {
			continue
		}
		for rest := 1; rest < len(q.Segments) && rest < len(ex.Segments); rest++ {
			a, b := q.Segments[:len(q.Segments)-rest], ex.Segments[:len(ex.Segments)-rest]
			if !restMatches(q.Segments[len(q.Segments)-rest:], ex.Segments[len(ex.Segments)-rest:]) {
				break // a longer rest holds this one
			}
			if (Path{Segments: a}).Shape() == (Path{Segments: b}).Shape() {
				continue
			}
			ta, tb := m.resolveTarget(Path{Segments: a}), m.resolveTarget(Path{Segments: b})
			if ta.Kind != TargetEntity || tb.Kind != TargetEntity || tb.LiteralKey || !ta.Type.Equal(tb.Type) || ta.Type.Collection || guessed(tb.Via) {
				continue
			}
			p := Path{Segments: append(slices.Clone(b), q.Segments[len(q.Segments)-rest:]...), Query: sharedQuery(op.Paths, q.Target)}
			if repeatsPlaceholder(p) {
				continue // the example's key names one of the line's: two values, one name
			}
			if slices.ContainsFunc(op.Paths, func(o Path) bool { return slices.Equal(nameWords(o), nameWords(p)) }) {
				// /me/drive/root/workbook/... beside /me/drive/root:/{item-path}:/workbook/...:
				// the same words would name both, and the line's method would lose its name.
				return Path{}, false
			}
			return p, true
		}
	}
	return Path{}, false
}

// restMatches reports whether an example's segments call what a line's do: the same
// names, a value where the line has a placeholder, and the same function where the line
// calls one (rowsAbove(count=2) for rowsAbove(count={count})).
func restMatches(line, ex []Segment) bool {
	for i, s := range line {
		e := ex[i]
		switch {
		case s.IsParam():
			if _, ok := e.Literal(); !ok && !e.IsParam() {
				return false
			}
		case len(s.Parts) > 0 && !s.Parts[0].IsParam():
			head, _, _ := strings.Cut(s.Parts[0].Literal, "(")
			if len(e.Parts) == 0 || e.Parts[0].IsParam() {
				return false
			}
			eh, _, _ := strings.Cut(e.Parts[0].Literal, "(")
			if !strings.EqualFold(head, eh) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// nameWords are the names a path's literal segments give, lower-cased, without the colons
// of a path-valued segment, and "bypath" for the path-valued value: what a method is
// named from.
func nameWords(p Path) []string {
	var out []string
	for _, s := range p.Segments {
		if len(s.Parts) > 0 && s.Parts[0].PathValued {
			out = append(out, "bypath") // root:/{item-path}: is named apart from root
			continue
		}
		if len(s.Parts) == 0 || s.Parts[0].IsParam() {
			continue
		}
		head, _, _ := strings.Cut(s.Parts[0].Literal, "(")
		out = append(out, strings.ToLower(strings.Trim(head, ":")))
	}
	return out
}

// guessed reports whether a walk took a step on no table's word: a segment read by the
// type it is named after, a root no page reads, or a vote.
func guessed(via string) bool {
	return strings.Contains(via, "(named)") || strings.Contains(via, "(?)") || strings.Contains(via, "(voted)")
}

// repeatsPlaceholder reports whether two placeholders of a path's segments share a name.
func repeatsPlaceholder(p Path) bool {
	seen := map[string]bool{}
	for _, s := range p.Segments {
		for _, pt := range s.Parts {
			if pt.IsParam() {
				if seen[strings.ToLower(pt.Param)] {
					return true
				}
				seen[strings.ToLower(pt.Param)] = true
			}
		}
	}
	return false
}

// callsThroughUnknownRoot gives a path the walk cannot follow (its root is no entity set
// or singleton the pages document: /groups where no group page is in the set) the
// operation another path of the same page calls, when both end in the same segments from
// a named one on: /groups/{id}/drive/items/{id}/createLink beside
// /drives/{id}/items/{id}/createLink calls the createLink of the same driveItem, and is
// named so, not as a create of something under /groups.
func callsThroughUnknownRoot(op *Operation) {
	for i := range op.Paths {
		p := &op.Paths[i]
		if p.Target == nil || p.Target.Kind != TargetUnknown || len(p.Query) > 0 {
			continue
		}
		for _, q := range op.Paths {
			tg := q.Target
			if tg == nil || tg.Kind != TargetOperation || len(q.Query) > 0 || !sameTail(*p, q) {
				continue
			}
			t := *tg
			t.Via = "as " + q.String()
			t.Sure = false
			p.Target = &t
			break
		}
	}
}

// sameTail reports whether two paths end alike from a named segment on, over two segments
// or more: /groups/{id}/drive/items/{id}/createLink and /me/drive/items/{id}/createLink
// share drive/items/{}/createLink.
func sameTail(a, b Path) bool {
	n, m := len(a.Segments), len(b.Segments)
	k := 0
	for k < n && k < m && (Path{Segments: a.Segments[n-1-k : n-k]}).Shape() == (Path{Segments: b.Segments[m-1-k : m-k]}).Shape() {
		k++
	}
	for ; k >= 2; k-- {
		if lit, ok := a.Segments[n-k].Literal(); ok && isIdent(lit) {
			return true
		}
	}
	return false
}
