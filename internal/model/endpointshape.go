package model

import (
	"slices"
	"strings"
)

// What a path's shape says of an answer: whether an update's page that says 204 still
// returns its type, and whether a path ends in a key or in $ref.

// updateReturnsFromRow settles an update (PATCH or PUT of one entity) whose page says it
// answers without a body while the Methods row of the addressed type that links the page
// says it returns that type, and no example shows the answer: one piece of evidence
// against one, so the method returns the type, nil when no body comes (right on the wire
// either way, and what the table says). An example response without a body sides with
// the prose (team-update.md's 204 No Content against "Update team | team"): the method
// returns nothing.
func (m *endpointMap) updateReturnsFromRow(op *Operation, p Path, resp TypeRef, ds *Diagnostics) (TypeRef, bool) {
	tg := p.Target
	if op.Method != "PATCH" && op.Method != "PUT" || tg.Kind != TargetEntity || resp.Kind != KindNone || op.Response.OnRequest {
		return resp, false
	}
	addressed := m.g.resolve(tg.Type)
	if addressed == nil || !addressed.Documented {
		return resp, false
	}
	if slices.ContainsFunc(op.Examples, answersWithoutBody) {
		return resp, false // the page's example agrees with its prose: two against the row
	}
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if l.ret.Collection || m.g.resolve(l.ret) != addressed || l.owner != addressed && !m.derives(l.owner, addressed) {
			continue
		}
		r := addressed.ref(false)
		r.Pos = op.Response.Pos.Or(op.Pos)
		op.Response.Optional = true
		ds.Addf(r.Pos, Warning, "response-body-contradiction",
			"%s %s: the page says it answers without a body, but the Methods table of %s (%s) says it returns %s: the method returns it when a body comes, nil otherwise",
			op.Method, p, l.owner.Name, l.pos, addressed.Name)
		return r, true
	}
	return resp, false
}

// endsInKey reports whether a path's last segment is a key: a placeholder alone after a
// plain name (/attachments/{id}), not a path-valued one (root:/{item-path}).
func endsInKey(p Path) bool {
	n := len(p.Segments)
	if n < 2 || !p.Segments[n-1].IsParam() || p.Segments[n-1].Parts[0].PathValued {
		return false
	}
	return plainName(p.Segments[n-2]) != ""
}

// endsInRef reports whether a path's last segment is $ref.
func endsInRef(p Path) bool {
	if len(p.Segments) == 0 {
		return false
	}
	last, _ := p.Segments[len(p.Segments)-1].Literal()
	return strings.EqualFold(last, "$ref")
}
