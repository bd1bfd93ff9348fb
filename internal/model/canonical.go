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
	slices.SortStableFunc(api.Operations, func(a, b *Operation) int {
		return cmp.Or(
			strings.Compare(strings.ToLower(firstPath(a)), strings.ToLower(firstPath(b))),
			strings.Compare(firstPath(a), firstPath(b)),
			strings.Compare(a.Method, b.Method),
			strings.Compare(a.Page, b.Page),
			a.Pos.Compare(b.Pos),
		)
	})
	slices.SortStableFunc(api.Types, func(a, b *Type) int {
		return cmp.Or(
			strings.Compare(strings.ToLower(a.QualifiedName()), strings.ToLower(b.QualifiedName())),
			strings.Compare(a.QualifiedName(), b.QualifiedName()),
		)
	})
}

func firstPath(op *Operation) string {
	if len(op.Paths) == 0 {
		return ""
	}
	return op.Paths[0].String()
}
