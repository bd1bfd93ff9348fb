package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// settleArrayBodies corrects the body of an action on a collection whose page lists the
// fields of one element ("supply an array of JSON objects with the id parameter", a table
// of id) while every example request sends {"value": [{"id": ...}, ...]}: the body is one
// member, value, a collection of the elements the collection holds, which the GET of the
// collection's path answers (POST /users/{id}/followedSites/add sends sites; GET
// /users/{id}/followedSites lists them). The element type must document every row, so the
// rows stay typed; otherwise the body stays as the table gives it.
func settleArrayBodies(api *API, g *typeGraph, ds *Diagnostics) {
	lists := map[string]TypeRef{} // path shape -> element type of what its GET answers
	for _, op := range api.Operations {
		if op.Method != "GET" {
			continue
		}
		for _, p := range op.Paths {
			if r := op.ResultOf(p); r.Kind == KindNamed && r.Collection && len(p.Query) == 0 {
				if _, ok := lists[p.Shape()]; !ok {
					lists[p.Shape()] = r
				}
			}
		}
	}
	for _, op := range api.Operations {
		rows := op.ParamsIn(InBody)
		if op.Method != "POST" || len(rows) == 0 || !examplesSendArrayOf(op, rows) {
			continue
		}
		var elem TypeRef
		var list Path // the collection's path, whose GET answers elem
		for _, p := range op.Paths {
			if len(p.Segments) < 2 || len(p.Query) > 0 {
				continue
			}
			parent := Path{Segments: p.Segments[:len(p.Segments)-1]}
			if r, ok := lists[parent.Shape()]; ok {
				elem, list = r, parent
				break
			}
		}
		t := g.resolve(elem)
		if t == nil {
			continue
		}
		if !documentsRows(g, t, rows) {
			continue
		}
		pos := rows[0].Pos
		elem.Pos = pos
		var names []string
		for _, r := range rows {
			names = append(names, r.Name)
		}
		op.Params = slices.DeleteFunc(op.Params, func(p Param) bool { return p.In == InBody })
		op.Params = append(op.Params, Param{Name: "value", In: InBody, Type: elem, Presence: Required, Pos: pos,
			Description: fmt.Sprintf("The %s objects to act on, each with %s.", t.Name, strings.Join(names, ", "))})
		ds.Addf(pos, Warning, "request-body-from-example",
			"the body table lists %s of one element, and every example request sends {\"value\": [...]} of such objects: the body is value, a collection of %s (what GET %s lists)",
			strings.Join(names, ", "), t.Name, list)
	}
}

// examplesSendArrayOf reports whether op has example requests with a body and every one
// is {"value": [objects]}, each object's keys among the rows' names.
func examplesSendArrayOf(op *Operation, rows []Param) bool {
	n := 0
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		var body map[string]json.RawMessage
		var items []map[string]json.RawMessage
		if json.Unmarshal([]byte(ex.Body), &body) != nil || len(body) != 1 || json.Unmarshal(body["value"], &items) != nil || len(items) == 0 {
			return false
		}
		for _, it := range items {
			for k := range it {
				if !slices.ContainsFunc(rows, func(r Param) bool { return strings.EqualFold(r.Name, k) }) {
					return false
				}
			}
		}
		n++
	}
	return n > 0
}

// settleWrappedBodies corrects the body of an action whose page lists the properties of
// one object ("provide an optional passwordCredential object with the following
// properties", a table of displayName, endDateTime, startDateTime) while every example
// request wraps them in that object ({"passwordCredential": {"displayName": ...}}): the
// body is one member named as the examples write it, of the type of that name, which must
// document every row. Otherwise the body stays as the table gives it.
func settleWrappedBodies(api *API, g *typeGraph, ds *Diagnostics) {
	for _, op := range api.Operations {
		rows := op.ParamsIn(InBody)
		if op.Method == "GET" || op.Method == "DELETE" || len(rows) == 0 {
			continue
		}
		key, ex := exampleWrapper(op, rows)
		if key == "" || slices.ContainsFunc(rows, func(r Param) bool { return strings.EqualFold(r.Name, key) }) {
			continue
		}
		ref, ok := AnnotationType("microsoft.graph."+key, false)
		t := g.resolve(ref)
		if !ok || t == nil {
			continue
		}
		if !documentsRows(g, t, rows) {
			continue
		}
		pos := rows[0].Pos
		ref = TypeRef{Kind: KindNamed, Namespace: t.Namespace, Name: t.Name, Raw: t.Name, Pos: pos}
		presence := Optional
		var names []string
		for _, r := range rows {
			names = append(names, r.Name)
			if r.Presence == Required {
				presence = Required
			}
		}
		op.Params = slices.DeleteFunc(op.Params, func(p Param) bool { return p.In == InBody })
		op.Params = append(op.Params, Param{Name: key, In: InBody, Type: ref, Presence: presence, Pos: pos,
			Description: fmt.Sprintf("The %s to send, with %s.", t.Name, strings.Join(names, ", "))})
		ds.Addf(pos, Warning, "request-body-from-example",
			"the body table lists %s, properties of %s, and every example request sends them inside {%q: {...}} (first at line %d): the body is %s, a %s",
			strings.Join(names, ", "), t.Name, key, ex.Line, key, t.Name)
	}
}

// exampleWrapper returns the one key that every example request body of op has, when its
// value is an object whose keys are among the rows' names, and the first such example's
// position; "" otherwise.
func exampleWrapper(op *Operation, rows []Param) (string, Pos) {
	key, first := "", Pos{}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		var body map[string]json.RawMessage
		var inner map[string]json.RawMessage
		if json.Unmarshal([]byte(ex.Body), &body) != nil || len(body) != 1 {
			return "", Pos{}
		}
		for k, v := range body {
			if key != "" && k != key || json.Unmarshal(v, &inner) != nil || len(inner) == 0 {
				return "", Pos{}
			}
			if key == "" {
				key, first = k, ex.Pos
			}
		}
		for k := range inner {
			if !slices.ContainsFunc(rows, func(r Param) bool { return strings.EqualFold(r.Name, k) }) {
				return "", Pos{}
			}
		}
	}
	return key, first
}

// documentsRows reports whether t (or a base of it) has a property for every row.
func documentsRows(g *typeGraph, t *Type, rows []Param) bool {
	props := g.allProperties(t)
	return !slices.ContainsFunc(rows, func(r Param) bool {
		return !slices.ContainsFunc(props, func(n string) bool { return strings.EqualFold(n, r.Name) })
	})
}
