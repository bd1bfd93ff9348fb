package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// What a path's shape says of an answer: whether an update's page that says 204 still
// returns its type, whether a path ends in a key or in $ref, and what a key addresses.

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

// keyedComplexRow corrects the result of a path that ends in a key where the row that
// types its navigation names a complex type. A key addresses an entity, so such a row is
// wrong (beta user's photos: [photo](photo.md), the driveItem facet, where group's row
// and user's Methods table say profilePhoto): the page's entity type is the result, or
// where the page names none (binary data of the photo) the entity type that a Methods row
// linking the page returns.
func (m *endpointMap) keyedComplexRow(op *Operation, p Path, addressed *Type, resp TypeRef) (TypeRef, note, bool) {
	tg := p.Target
	if !endsInKey(p) || m.isEntity(addressed) {
		return TypeRef{}, note{}, false
	}
	want, from := resp, "the page's"
	if m.g.resolve(want) == nil {
		for _, l := range m.links[strings.ToLower(op.Page)] {
			if t := m.g.resolve(l.ret); t != nil && !l.ret.Collection && m.isEntity(t) {
				want, from = l.ret, fmt.Sprintf("the Methods table of %s (%s) gives", l.owner.Name, l.pos)
				want.Pos = resp.Pos.Or(op.Pos)
				break
			}
		}
	}
	if t := m.g.resolve(want); t == nil || t == addressed || want.Collection || !m.isEntity(t) {
		return TypeRef{}, note{}, false
	}
	return want, note{want.Pos.Or(op.Pos), "response-type-mismatch",
		fmt.Sprintf("%s %s: the row that types %s says %s, a complex type, which no key addresses; %s entity type %s is the result", op.Method, p, tg.Via, tg.Type, from, want)}, true
}

// exampleOnlyResult settles a result that only an example's annotation gives (the
// Response section names no type) where every Methods row that links the page says
// None: ediscovery's resetToDefault, whose Response section says 200 OK and whose two
// rows say None, beside an example that answers the settings. One piece of evidence
// against another, so the method returns the type when a body comes, nil otherwise.
func (m *endpointMap) exampleOnlyResult(op *Operation, ds *Diagnostics) {
	r := &op.Response
	if !r.FromExample || r.Optional || r.Type.Kind != KindNamed {
		return
	}
	links := m.links[strings.ToLower(op.Page)]
	if len(links) == 0 || slices.ContainsFunc(links, func(l link) bool { return l.ret.Kind != KindNone }) {
		return
	}
	r.Optional = true
	ds.Addf(r.Type.Pos.Or(op.Pos), Warning, "response-body-contradiction",
		"the Response section names no type and the Methods table of %s (%s) says None; only the example's annotation gives %s: the method returns it when a body comes, nil otherwise",
		links[0].owner.Name, links[0].pos, r.Type)
}

// fitsTemplate reports whether an example's path fits template p segment by segment: a
// key of p takes any segment (a real ID the example gives), a literal must be the same
// text (case aside). The query is not compared.
func fitsTemplate(ex, p Path) bool {
	if len(ex.Segments) != len(p.Segments) {
		return false
	}
	for i, s := range p.Segments {
		if s.IsParam() {
			continue
		}
		if segmentShape(s) != segmentShape(ex.Segments[i]) {
			return false
		}
	}
	return true
}

// segmentShape is one segment as Path.Shape writes it: text lower-cased, each
// placeholder as {}.
func segmentShape(s Segment) string {
	p := Path{Segments: []Segment{s}}
	return p.Shape()
}

// answersObjects reports whether an example response body is an object that is not a
// {"value": ...} wrapper of a primitive: one entity, or a value array of objects.
func answersObjects(body string) bool {
	if arr, ok := valueArray(body); ok {
		return len(arr) > 0 && isObject(arr[0])
	}
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(strings.TrimSpace(body)), &m) != nil {
		return false
	}
	if _, ok := m["value"]; ok {
		return false // {"value": "a string"}: a wrapped primitive
	}
	for k := range m {
		if !strings.HasPrefix(k, "@odata.") {
			return true
		}
	}
	return false
}

// lastVia is the last step of a walk (responsibilities(user)).
func lastVia(via string) string {
	if i := strings.LastIndexByte(via, ' '); i >= 0 {
		return via[i+1:]
	}
	return via
}
