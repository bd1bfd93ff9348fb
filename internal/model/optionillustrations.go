package model

import (
	"slices"
	"strings"
)

// collapseOptionIllustrations reads request lines that are one path with $filter fixed to
// a different value each as illustrations of the option:
// directoryobject-delta.md lists "GET /directoryObjects/delta?$filter=isof('microsoft.graph.application')"
// and eight more lines that differ only in the type isof names. Kept apart, they were one
// method (they share a query shape) that always sent the first line's filter, and the
// other eight were lost. They become one line without the option, whose method takes it
// ($filter, as Filter): the page is evidence that the method supports the option, so it
// joins the page's named options. Lines whose values are placeholders are templates, and
// stay (see dropOptionTemplates); so do lines that fix $expand or $select, each a method of
// its own (GET /me?$expand=manager is not GET /me).
func collapseOptionIllustrations(p *Page, paths []Path) []Path {
	fixedOption := func(path Path) (string, bool) {
		if len(path.Query) != 1 {
			return "", false
		}
		q := path.Query[0]
		n := strings.ToLower(q.Name)
		return n, n == "$filter" && q.Param == "" && len(q.Parts) == 0 && q.Value != ""
	}
	var out []Path
	for _, path := range paths {
		opt, ok := fixedOption(path)
		if !ok {
			out = append(out, path)
			continue
		}
		plain := Path{Segments: path.Segments}
		values := 0
		for _, q := range paths {
			if o, ok := fixedOption(q); ok && o == opt && (Path{Segments: q.Segments}).String() == plain.String() && q.Query[0].Value != path.Query[0].Value {
				values++
			}
		}
		if values == 0 {
			out = append(out, path)
			continue
		}
		if !slices.ContainsFunc(paths, func(q Path) bool { return q.String() == plain.String() }) &&
			!slices.ContainsFunc(out, func(q Path) bool { return q.String() == plain.String() }) {
			out = append(out, plain)
		}
		if !slices.Contains(p.QueryOptions, opt) {
			p.QueryOptions = append(p.QueryOptions, opt)
		}
	}
	return out
}
