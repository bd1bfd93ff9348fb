package model

import (
	"slices"
	"strings"
)

// unkeyCollectionCalls reads a request line that calls an action or function on a member
// of a collection (…/tables/{table-id}/add) as the collection's call (…/tables/add) when
// the docs bind that call to the collection: another page documents the keyless call, a
// Methods table links that page, and no Methods table links this one. v1.0's
// workbook-post-tables.md writes /workbook/tables/{table-id}/add, while table.md's Methods
// table links tablecollection-add.md, which posts to /workbook/tables/add: Excel's add
// creates a table in the collection, and no member has an add. The line then joins the
// collection's endpoint, whose owner the evidence settles, and is reported at the line
// (request-path-stray-key). A page that writes both forms itself (beta's
// group-evaluatedynamicmembership.md, on a group and on the groups) is left alone.
func (m *endpointMap) unkeyCollectionCalls(pages []*Page, ops []*Operation, ds *Diagnostics) {
	owners := map[string]*Operation{} // method + shape of a linked page's keyless call -> its operation
	for _, op := range ops {
		if len(m.links[strings.ToLower(op.Page)]) == 0 {
			continue
		}
		for _, p := range op.Paths {
			if n := len(p.Segments); n >= 2 && len(p.Query) == 0 && plainName(p.Segments[n-1]) != "" && plainName(p.Segments[n-2]) != "" {
				k := op.Method + " " + p.Shape()
				if owners[k] == nil {
					owners[k] = op
				}
			}
		}
	}
	lines := map[string][]RequestLine{}
	for _, pg := range pages {
		lines[pg.File] = pg.Requests
	}
	for _, op := range ops {
		if len(m.links[strings.ToLower(op.Page)]) > 0 {
			continue
		}
		for i, p := range op.Paths {
			n := len(p.Segments)
			if n < 3 || len(p.Query) > 0 || plainName(p.Segments[n-1]) == "" || !p.Segments[n-2].IsParam() || plainName(p.Segments[n-3]) == "" {
				continue
			}
			keyless := Path{Segments: append(slices.Clone(p.Segments[:n-2]), p.Segments[n-1])}
			owner := owners[op.Method+" "+keyless.Shape()]
			if owner == nil || owner.Page == op.Page {
				continue
			}
			at := op.Pos
			if j := slices.IndexFunc(lines[op.Page], func(rl RequestLine) bool { return rl.Method == op.Method && rl.Path.String() == p.String() }); j >= 0 {
				at = lines[op.Page][j].Pos
			}
			l := m.links[strings.ToLower(owner.Page)][0]
			ds.Addf(at, Warning, "request-path-stray-key",
				"%s %s keys %s, but %s is the collection's: %s, which the Methods table at %s links, calls %s, and no Methods table links this page; the line is read as %s",
				op.Method, p, plainName(p.Segments[n-3]), plainName(p.Segments[n-1]), owner.Page, l.pos, keyless, keyless)
			op.Paths[i] = keyless
		}
		var kept []Path
		for _, p := range op.Paths {
			if !slices.ContainsFunc(kept, func(q Path) bool { return q.String() == p.String() }) {
				kept = append(kept, p)
			}
		}
		op.Paths = kept
	}
}
