package model

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"
)

// Example requests and responses sometimes send a member that no table of its type lists:
// call-post's example sends "tenantId" in a call, educationschool-post's "fax" in an
// educationSchool, call-transfer's "clientContext" beside the documented transferTarget.
// The docs contradict themselves (the table says the member does not exist, the example
// that it does); the example is the evidence of what goes on the wire. propertiesFromExamples
// adds such a member to its type (or to the action's body parameters) with the type its
// example values show, and reports each one (property-from-example) at the first example
// that sends it. Without it the member is only reachable through AdditionalData, and a
// request struct without the field cannot send it by name.
//
// Only what the values settle is added: a string (a DateTimeOffset where the name says
// DateTime and every value is one), a Boolean, a whole number (Int64) or another number
// (Double), a collection of strings, or an object whose @odata.type names a documented
// type (or, without one, the type every table gives the member's name, or the one complex
// type whose members are exactly the object's: byConvention, byShape). A null, an empty
// collection or another object without @odata.type settles nothing; a
// member sent as two kinds of value is left out. Open types, enums, types no page
// documents, members that differ from a documented one only in case and members a derived
// type documents (the example left out its @odata.type) are never added to.

// exampleMember is what the examples show of one member a type's tables leave out.
type exampleMember struct {
	owner    *Type      // the type it is added to; nil for an action's body parameter
	op       *Operation // the action, for a body parameter
	name     string
	kinds    map[string]bool // JSON kinds seen: string, bool, int, number, strings, object
	dateTime bool            // every string seen parses as a DateTimeOffset
	object   *Type           // the type an object value's @odata.type names
	pos      Pos
	noTable  bool // an action's member where the page has no Request body table at all
}

// propertiesFromExamples adds the members example bodies send beyond their type's tables.
func propertiesFromExamples(api *API, g *typeGraph, ds *Diagnostics) {
	pf := &propFinder{g: g, found: map[string]*exampleMember{}, derivedNames: map[*Type]map[string]bool{}, spellings: map[*Property]*spelling{}, shapes: map[*Property]*shapeTally{}}
	pf.propertiesFromBodyTables(api, ds)
	pf.derivedNames = map[*Type]map[string]bool{} // the tables may have added to derived types
	for _, op := range api.Operations {
		pf.operation(op)
	}
	// before any property is added: both hold pointers into Properties
	pf.settleEnumShapes(ds)
	pf.wireNamesFromExamples(ds)
	for _, m := range pf.order {
		typ, ok := m.typeRef()
		if !ok {
			continue
		}
		if m.owner != nil {
			m.owner.Properties = append(m.owner.Properties, Property{Name: m.name, Type: typ, FromExample: true, Pos: m.pos,
				Description: "Sent in an example but listed in no table of " + m.owner.Name + "; typed from its example values."})
			ds.Addf(m.pos, Warning, "property-from-example",
				"%s has no row for %s, which this example sends; it is added as %s", m.owner.Name, m.name, typ)
			continue
		}
		where := "the Request body table has no row for %s"
		if m.noTable {
			where = "the page gives no Request body table, and no body type, for %s"
		}
		m.op.Params = append(m.op.Params, Param{Name: m.name, In: InBody, Type: typ, Presence: Optional, Pos: m.pos,
			Description: "Sent in an example but listed in no table of the page; typed from its example values."})
		ds.Addf(m.pos, Warning, "property-from-example",
			where+", which this example sends; it is added as an optional %s parameter", m.name, typ)
	}
}

// typeRef is the type the member's values settle, if they settle one.
func (m *exampleMember) typeRef() (TypeRef, bool) {
	if len(m.kinds) != 1 {
		return TypeRef{}, false
	}
	prim := func(p Primitive) (TypeRef, bool) { return TypeRef{Kind: KindPrimitive, Primitive: p, Pos: m.pos}, true }
	switch {
	case m.kinds["string"] && m.dateTime:
		return prim(DateTimeOffset)
	case m.kinds["string"]:
		return prim(String)
	case m.kinds["bool"]:
		return prim(Boolean)
	case m.kinds["int"]:
		return prim(Int64)
	case m.kinds["number"]:
		return prim(Double)
	case m.kinds["strings"]:
		r, _ := prim(String)
		r.Collection = true
		return r, true
	case m.kinds["object"] && m.object != nil:
		return TypeRef{Kind: KindNamed, Name: m.object.Name, Namespace: m.object.Namespace, Link: m.object.Page, Pos: m.pos}, true
	}
	return TypeRef{}, false
}

// propFinder walks example bodies against the types of their positions.
type propFinder struct {
	g            *typeGraph
	found        map[string]*exampleMember
	order        []*exampleMember
	derivedNames map[*Type]map[string]bool
	// named is, for a lower-cased property name, the named types the docs give it across
	// all types (lastModifiedBy: identitySet), and how many rows say so; built on first use.
	named map[string]map[*Type]int
	// byMembers is, for the sorted member names of a complex type (its own and inherited,
	// lower-cased, joined by commas), the types that have exactly those; built on first
	// use (byShape).
	byMembers map[string][]*Type
	// spellings is how example members spell each documented property they match, in
	// the order first seen (propnamecase.go)
	spellings  map[*Property]*spelling
	spellOrder []*Property
	uses       map[string]int // properties of all types by exact name; built on first use
	// shapes is the shapes of the example values of enum collection properties, in the
	// order first seen (enumshape.go)
	shapes     map[*Property]*shapeTally
	shapeOrder []*Property
}

// operation walks op's example requests of its method against its body, and the
// responses that follow them against its result.
func (pf *propFinder) operation(op *Operation) {
	last := ""
	var path *Path
	for i := range op.Examples {
		ex := &op.Examples[i]
		switch ex.Kind {
		case ExampleRequest:
			last, path = ex.Method, pf.pathOf(op, ex)
			if ex.Method != op.Method || path == nil {
				continue
			}
			obj, ok := jsonObject(ex.Body)
			if !ok {
				continue
			}
			if t := pf.bodyType(op, *path); t != nil {
				pf.object(obj, t, ex.Pos)
			} else if pf.takesParams(op, *path) {
				pf.params(op, obj, ex.Pos)
			}
		case ExampleResponse:
			if last != op.Method || path == nil || ex.Status < 200 || ex.Status > 299 {
				continue
			}
			res := op.Response.Type
			if path.Target != nil && path.Target.Result != nil {
				res = *path.Target.Result
			}
			t := pf.g.resolve(res)
			obj, ok := jsonObject(ex.Body)
			if t == nil || !ok {
				continue
			}
			if !res.Collection {
				pf.object(pf.unwrapValue(obj, t), t, ex.Pos)
				continue
			}
			var elems []json.RawMessage
			if json.Unmarshal(obj["value"], &elems) == nil {
				for _, e := range elems {
					if o, ok := jsonObject(string(e)); ok {
						pf.object(o, t, ex.Pos)
					}
				}
			}
		}
	}
}

// pathOf is the path of op an example request calls: the one of its shape. An example
// that calls none of them (a property's value, another page's path) says nothing of
// op's body or result.
func (pf *propFinder) pathOf(op *Operation, ex *Example) *Path {
	if ex.Path == nil {
		return nil
	}
	shape := ex.Path.Shape()
	for i := range op.Paths {
		if op.Paths[i].Shape() == shape {
			return &op.Paths[i]
		}
	}
	// A value the parser did not take for a key (/chats/19:...@thread.v2/tabs) where the
	// path has a placeholder: the one path whose literals the example repeats.
	var found *Path
	for i := range op.Paths {
		if fitsTemplate(*ex.Path, op.Paths[i]) {
			if found != nil {
				return nil
			}
			found = &op.Paths[i]
		}
	}
	return found
}

// unwrapValue takes one object out of {"value": {...}}, the envelope the Intune GET pages
// put around the one object they answer, unless t has a member named value.
func (pf *propFinder) unwrapValue(obj map[string]json.RawMessage, t *Type) map[string]json.RawMessage {
	inner, ok := jsonObject(string(obj["value"]))
	if !ok || slices.Contains(pf.names(t), "value") {
		return obj
	}
	for k := range obj {
		if k != "value" && !strings.Contains(k, "@") {
			return obj
		}
	}
	return inner
}

// bodyType is the type a request body of op is when it is a whole resource: the type the
// page or the endpoint map gives the body, or, for a create or update whose table (if
// any) lists that type's properties, the type it answers with.
func (pf *propFinder) bodyType(op *Operation, p Path) *Type {
	if p.Target != nil && p.Target.Body != nil {
		return pf.documented(*p.Target.Body)
	}
	if t := pf.documented(op.Body.Type); t != nil {
		return t
	}
	if !sendsResource(op, p) {
		return nil
	}
	t := pf.documented(op.ResultOf(p))
	if t == nil {
		return nil
	}
	params := op.ParamsIn(InBody)
	have := map[string]bool{}
	for _, n := range pf.names(t) {
		have[n] = true
	}
	n := 0
	for _, prm := range params {
		if have[strings.ToLower(prm.Name)] {
			n++
		}
	}
	if 5*n < 4*len(params) {
		return nil
	}
	return t
}

// takesParams reports whether op's body is an action's parameters: a POST to a bound
// action with a Request body table, or with none and no body type where the page does not
// say it takes no body (riskyUsers/dismiss, whose example alone shows userIds): the
// examples' members are then its parameters, and the method takes a struct, not any.
func (pf *propFinder) takesParams(op *Operation, p Path) bool {
	if op.Method != "POST" || p.Target == nil || p.Target.Kind != TargetOperation {
		return false
	}
	return len(op.ParamsIn(InBody)) > 0 || op.Body.Type.Kind == KindNone && !op.Body.None && (p.Target.Body == nil || p.Target.Body.Kind == KindNone)
}

// sendsResource reports whether op sends a resource rather than an action's parameters.
func sendsResource(op *Operation, p Path) bool {
	switch op.Method {
	case "PATCH", "PUT":
		return true
	case "POST":
		return p.Target != nil && p.Target.Kind == TargetCollection
	}
	return false
}

// documented resolves ref to a documented type that can take members: not an enum, not
// open, not a collection.
func (pf *propFinder) documented(ref TypeRef) *Type {
	if ref.Kind != KindNamed || ref.Collection {
		return nil
	}
	t := pf.g.resolve(ref)
	if t == nil || !t.Documented || t.IsEnum {
		return nil
	}
	return t
}

// params checks an action's example body against its body parameters.
func (pf *propFinder) params(op *Operation, obj map[string]json.RawMessage, at Pos) {
	byName := map[string]Param{}
	for _, prm := range op.ParamsIn(InBody) {
		byName[strings.ToLower(prm.Name)] = prm
	}
	flat := pf.flattenedParams(op, obj, byName)
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		if !memberName(k) {
			continue
		}
		if prm, ok := byName[strings.ToLower(k)]; ok {
			if t := pf.documented(prm.Type); t != nil && prm.Name == k {
				pf.value(obj[k], t, at)
			}
			continue
		}
		documented := map[string]string{}
		for n := range byName {
			documented[n] = n
		}
		if misspells(k, documented) || flat[strings.ToLower(k)] {
			continue
		}
		pf.note(nil, op, k, obj[k], at)
	}
}

// flattenedParams are the members of an action's example body that belong to the type of
// one of its body parameters, written one level up: workflow-createnewversion.md's second
// example sends the workflow's category, description and displayName beside no
// "workflow". Two or more such members, all of one parameter's type, are that parameter's,
// not parameters of their own.
func (pf *propFinder) flattenedParams(op *Operation, obj map[string]json.RawMessage, byName map[string]Param) map[string]bool {
	var unknown []string
	for k := range obj {
		if _, ok := byName[strings.ToLower(k)]; !ok && memberName(k) {
			unknown = append(unknown, strings.ToLower(k))
		}
	}
	if len(unknown) < 2 {
		return nil
	}
	for _, prm := range op.ParamsIn(InBody) {
		t := pf.documented(prm.Type)
		if t == nil {
			continue
		}
		has := map[string]bool{}
		for _, n := range pf.names(t) {
			has[n] = true
		}
		if !slices.ContainsFunc(unknown, func(k string) bool { return !has[k] }) {
			out := map[string]bool{}
			for _, k := range unknown {
				out[k] = true
			}
			return out
		}
	}
	return nil
}

// object checks one example object against t, the type of its position, and walks the
// values of its documented members.
func (pf *propFinder) object(obj map[string]json.RawMessage, t *Type, at Pos) {
	raw, ok := obj["@odata.type"]
	if !ok {
		raw, ok = obj["odata.type"] // a typo some examples make
	}
	if ok {
		var name string
		if json.Unmarshal(raw, &name) != nil {
			return
		}
		sent := pf.g.byName[key(name)]
		if sent == nil || sent != t && !pf.g.isAncestor(t, sent) {
			return // a type the docs do not relate to the position's: nothing to learn
		}
		t = sent
	}
	if t == nil || !t.Documented || t.IsEnum || pf.open(t) {
		return
	}
	names := map[string]string{} // lower-cased -> as documented
	for _, n := range pf.names(t) {
		names[n] = n
	}
	// A value with a member only a derived type documents is that derived type, its
	// @odata.type left out (a room listed as a place): its other members are not t's.
	derivedValue := false
	for k := range obj {
		_, own := names[strings.ToLower(k)]
		derivedValue = derivedValue || !own && pf.derived(t)[strings.ToLower(k)]
	}
	flat := pf.flattened(t, obj, names)
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		if !memberName(k) {
			continue
		}
		if _, ok := names[strings.ToLower(k)]; ok {
			pf.spelled(t, k, at)
			pf.enumShape(t, k, obj[k], at)
			if pt := pf.g.propertyType(t, k); pt != nil {
				pf.value(obj[k], pt, at)
			}
			continue
		}
		if derivedValue {
			continue
		}
		if misspells(k, names) {
			continue // atAprovedLocation beside atApprovedLocation: the example's typo
		}
		if flat[strings.ToLower(k)] {
			continue // an educationUser's birthDate: its student's, written one level up
		}
		pf.note(t, nil, k, obj[k], at)
	}
}

// value walks a member's value (an object or a collection of objects) against its type.
func (pf *propFinder) value(raw json.RawMessage, t *Type, at Pos) {
	if obj, ok := jsonObject(string(raw)); ok {
		pf.object(obj, t, at)
		return
	}
	var elems []json.RawMessage
	if json.Unmarshal(raw, &elems) == nil {
		for _, e := range elems {
			if obj, ok := jsonObject(string(e)); ok {
				pf.object(obj, t, at)
			}
		}
	}
}

// note records one value of a member its type (owner) or action (op) leaves out.
func (pf *propFinder) note(owner *Type, op *Operation, name string, raw json.RawMessage, at Pos) {
	k := "\x00" + strings.ToLower(name)
	if owner != nil {
		k = key(owner.QualifiedName()) + k
	} else {
		k = op.Page + "\x00" + op.Method + k
	}
	m := pf.found[k]
	if m == nil {
		m = &exampleMember{owner: owner, op: op, name: name, kinds: map[string]bool{}, dateTime: true, pos: at,
			noTable: op != nil && len(op.ParamsIn(InBody)) == 0}
		pf.found[k] = m
		pf.order = append(pf.order, m)
	}
	if m.name != name {
		m.kinds["case"] = true // two spellings: which one the service sends is unknown
	}
	kind, s, obj := jsonKind(raw)
	switch kind {
	case "":
		return
	case "string":
		_, err := time.Parse(time.RFC3339, s)
		m.dateTime = m.dateTime && err == nil && strings.HasSuffix(strings.ToLower(name), "datetime")
	case "object":
		t := pf.g.byName[key(obj)]
		if obj == "" {
			t = pf.byConvention(name, raw)
		}
		switch {
		case t == nil || !t.Documented || t.IsEnum:
			m.kinds["untyped"] = true
		case m.object == nil:
			m.object = t
		case m.object != t:
			m.kinds["untyped"] = true
		}
	}
	m.kinds[kind] = true
}
