package model

import (
	"fmt"
	"strings"
)

// linkedTargets gives a path that the type graph cannot follow, and that ends in a key,
// the type of the resource whose Methods table links its page: unifiedroledefinition.md's
// "Update unifiedRoleDefinition" row links unifiedroledefinition-update.md, whose PATCH
// /roleManagement/directory/roleDefinitions/{id} passes through /roleManagement, which
// no page of the set documents. The row is the docs' statement that the page works on one
// unifiedRoleDefinition; the PATCH then sends the resource, whose fields are optional,
// instead of a struct of its body table's rows, whose "Required" rows would be sent empty.
// It applies to GET, PATCH, PUT and DELETE, when no other operation documents the path,
// the row is on the resource's own page and returns that resource (or nothing), and the
// page's own types (its body, its response) and body rows agree.
func (m *endpointMap) linkedTargets(ops []*Operation) {
	pages := map[string]int{} // path shape -> how many operations document it
	for _, op := range ops {
		for _, p := range op.Paths {
			pages[p.Shape()]++
		}
	}
	for _, op := range ops {
		switch op.Method {
		case "GET", "PATCH", "PUT", "DELETE":
		default:
			continue
		}
		t, from, ok := m.linkedResource(op)
		if !ok {
			continue
		}
		for i := range op.Paths {
			p := &op.Paths[i]
			if p.Target == nil || p.Target.Kind != TargetUnknown || len(p.Query) > 0 || !endsInKey(*p) {
				continue
			}
			if pages[p.Shape()] > 1 {
				// Other pages document the path too (namedLocation's and its derived
				// types' get and update pages): their evidence together decides
				// (getTargets, familyTarget), not one row.
				continue
			}
			via := fmt.Sprintf("the type %s's Methods row gives its page", from)
			if v := strings.TrimSpace(p.Target.Via); v != "" {
				via = v + ", " + via
			}
			p.Target = &Target{Kind: TargetEntity, Type: t.ref(false), Parent: p.Target.Parent, Via: via}
		}
	}
}

// linkedResource is the resource a Methods row on its own page links op's page from, when
// op's page agrees with it.
func (m *endpointMap) linkedResource(op *Operation) (*Type, string, bool) {
	var t *Type
	var from string
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if !l.primary || l.ret.Collection {
			return nil, "", false
		}
		if r := m.g.resolve(l.ret); l.ret.Kind != KindNone && r != l.owner {
			return nil, "", false
		}
		if t != nil && t != l.owner {
			return nil, "", false // rows of two resources link the page
		}
		t, from = l.owner, l.pos.File
	}
	if t == nil || !t.Documented || t.IsEnum {
		return nil, "", false
	}
	for _, r := range []TypeRef{op.Body.Type, op.Response.Type} {
		if r.Kind == KindNamed && (r.Collection || m.g.resolve(r) != t) {
			return nil, "", false
		}
	}
	if rows := op.ParamsIn(InBody); len(rows) > 0 && !m.listsProperties(op, t) {
		return nil, "", false
	}
	return t, from, true
}
