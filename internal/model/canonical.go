package model

import (
	"cmp"
	"slices"
	"strings"
)

// Canonicalize puts the API in its one deterministic order: pages by file, operations by
// first path (case folded, then as written), method and page, types by qualified name. Nothing else sorts.
func Canonicalize(api *API) {
	slices.SortStableFunc(api.Pages, func(a, b *Page) int { return strings.Compare(a.File, b.File) })
	// The sort keys are computed once: rendering a path is the costly part of comparing.
	type opKey struct {
		op          *Operation
		path, lower string
	}
	keys := make([]opKey, len(api.Operations))
	for i, op := range api.Operations {
		p := firstPath(op)
		keys[i] = opKey{op, p, strings.ToLower(p)}
	}
	slices.SortStableFunc(keys, func(a, b opKey) int {
		return cmp.Or(
			strings.Compare(a.lower, b.lower),
			strings.Compare(a.path, b.path),
			strings.Compare(a.op.Method, b.op.Method),
			strings.Compare(a.op.Page, b.op.Page),
			a.op.Pos.Compare(b.op.Pos),
		)
	})
	for i, k := range keys {
		api.Operations[i] = k.op
	}
	type typeKey struct {
		t           *Type
		name, lower string
	}
	tkeys := make([]typeKey, len(api.Types))
	for i, t := range api.Types {
		n := t.QualifiedName()
		tkeys[i] = typeKey{t, n, strings.ToLower(n)}
	}
	slices.SortStableFunc(tkeys, func(a, b typeKey) int {
		return cmp.Or(strings.Compare(a.lower, b.lower), strings.Compare(a.name, b.name))
	})
	for i, k := range tkeys {
		api.Types[i] = k.t
	}
}

func firstPath(op *Operation) string {
	if len(op.Paths) == 0 {
		return ""
	}
	return op.Paths[0].String()
}
