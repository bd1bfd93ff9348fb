package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Settling an owner's signature: its body and response made to agree with what its path
// addresses, or, for a bound action or function, with the Methods row that links its page.

// settleSignature makes an owner's body and response agree with what its path addresses,
// with a warning that gives the evidence when the page said otherwise, and records them
// on the path's target: one page can document several endpoints that address different
// types (POST /me/messages and /me/contacts on a page about extended properties).
func (m *endpointMap) settleSignature(op *Operation, p Path, ds *Diagnostics) {
	defer m.streamBody(op, p, ds) // the example's content type outweighs what the walk gives
	tg := p.Target
	if tg != nil && tg.Kind == TargetRef && op.Method == "GET" {
		// GET .../members/$ref answers {"value": [{"@odata.id": ...}]}: references, not
		// the members, whatever type the page's Response section names.
		r := TypeRef{Kind: KindReference, Collection: tg.Type.Collection, Pos: op.Response.Type.Pos.Or(op.Pos)}
		if op.Response.Type.Kind != KindNone && op.Response.Type.Kind != KindReference {
			ds.Addf(r.Pos, Warning, "response-type-mismatch", "GET %s answers entity references (@odata.id); the page's response %s is replaced by them", p, op.Response.Type)
		}
		tg.Result = &r
		return
	}
	if tg != nil && op.Method != "GET" && endsInRef(p) && (op.Response.Optional || op.Response.Type.Kind == KindNamed) {
		// POST .../members/$ref answers 204 No Content: a page whose prose also names
		// the class or the member in "the response body", or says "201 Created and a
		// [directoryObject]" (featurerolloutpolicy-post-appliesto.md, whose example
		// answers {"directoryObject": {...}}), is mistaken; the method returns nothing.
		tg.Result = &TypeRef{Pos: op.Response.Type.Pos.Or(op.Pos)}
		ds.Addf(tg.Result.Pos, Warning, "response-type-mismatch", "%s %s adds or removes a reference, which answers 204 without a body; the page's %s is dropped", op.Method, p, op.Response.Type)
		return
	}
	if tg != nil && tg.Kind == TargetUnknown && op.Method == "GET" && op.Response.Type.Collection && endsInKey(p) {
		// GET /me/mailFolders/{id}/childFolders/{id}/messages/{id}/attachments/{id} on a
		// page that lists attachments: a key last addresses one value, whatever the
		// page's one Response section says of its other paths.
		r := op.Response.Type
		r.Collection = false
		r.Pos = op.Response.Type.Pos.Or(op.Pos)
		tg.Result = &r
		ds.Addf(r.Pos, Warning, "response-shape-mismatch", "GET %s ends in a key, which addresses one value; the page's %s is read as one %s", p, op.Response.Type, r)
		return
	}
	if tg != nil && tg.Kind == TargetUnknown && (op.Method == "PATCH" || op.Method == "PUT") && endsInKey(p) && op.Body.Type.Kind == KindNone && !op.Body.None && len(op.ParamsIn(InBody)) == 0 {
		// PATCH /drives/{id}/items/{id} on a page that only says "supply the new value for
		// the parentReference property", where no page documents what the path's root
		// holds: an update of one entity sends the entity, and the page answers with it.
		if t := m.g.resolve(op.Response.Type); t != nil && t.Documented && !op.Response.Type.Collection {
			b := op.Response.Type
			b.Pos = op.Body.Pos.Or(op.Pos)
			tg.Body = &b
			reported := false // one warning for the page, not one for each of its paths
			for _, q := range op.Paths {
				if q.Target == tg {
					break
				}
				reported = reported || q.Target != nil && q.Target.Body != nil
			}
			if !reported {
				ds.Addf(b.Pos, Warning, "request-body-from-response",
					"%s %s: the page gives no body table or type, and no page documents what the path addresses; an update of the one entity its key names sends the %s the page answers with", op.Method, p, op.Response.Type.Name)
			}
		}
	}
	if filterAnswersCollection(op, p, ds) {
		return
	}
	if tg == nil || tg.Kind != TargetEntity && tg.Kind != TargetCollection {
		m.settleOperationResult(op, p, ds)
		return
	}
	if op.Method == "GET" && tg.Kind == TargetEntity && !tg.Sure && !tg.Type.Collection && op.Response.Type.Kind == KindNamed && !op.Response.Type.Collection {
		last, ok := p.Segments[len(p.Segments)-1].Literal()
		if _, typed := m.lastRow(tg, p); typed {
			ok = false // a Relationships row that says one value outweighs the examples
		}
		// Graph names a collection in the plural: a singular name (addToReviewSetOperation)
		// keeps the page's one value.
		if ok && !strings.HasPrefix(last, "$") && strings.HasSuffix(last, "s") && examplesAnswerCollection(op) {
			// "a secureScores object" for GET /security/secureScores, a plural segment
			// that nothing keys and no table calls one value: every example answers a
			// collection.
			ds.Addf(op.Response.Type.Pos.Or(op.Pos), Warning, "response-shape-mismatch",
				"GET %s: the page says one %s, but nothing keys or types the segment %s as one value and every example response is a collection (value); it returns a collection",
				p, op.Response.Type.Name, last)
			tg.Kind, tg.Type.Collection = TargetCollection, true
		}
	}
	if op.Method == "GET" && tg.Kind == TargetEntity && !tg.Sure && !tg.Type.Collection && op.Response.Type.Collection && examplesAnswerOne(op) {
		// "collection of directoryObject" for GET /contacts/{id}/manager, where the
		// Relationships row says one value and every example answers one object: the row
		// and the examples outweigh the prose.
		if pr, typed := m.lastRow(tg, p); typed && !pr.Type.Collection {
			tg.Sure = true
		}
	}
	body, resp, notes := m.settle(op, p)
	for _, n := range notes {
		ds.Addf(n.pos, Warning, n.code, "%s", n.msg)
	}
	switch {
	case op.Method == "GET":
		if op.Response.Type.Kind != KindNone {
			tg.Result = &resp
		}
		m.listedRow(op, p, resp)
	default:
		if !body.Equal(op.Body.Type) {
			tg.Body = &body
		}
		if r, ok := m.updateReturnsFromRow(op, p, resp, ds); ok {
			resp = r
		}
		if !resp.Equal(op.Response.Type) {
			tg.Result = &resp
		}
	}
}

// lastRow is the row of the parent's tables for a path's last segment (manager on
// orgContact for /contacts/{id}/manager), and whether there is one.
func (m *endpointMap) lastRow(tg *Target, p Path) (Property, bool) {
	last, ok := p.Segments[len(p.Segments)-1].Literal()
	parent := m.g.resolve(tg.Parent)
	if !ok || parent == nil {
		return Property{}, false
	}
	return m.property(parent, last)
}

// note is a diagnostic that settle found, reported only for an endpoint's owner.
type note struct {
	pos       Pos
	code, msg string
}

// settle is the body and response an operation's page gives an endpoint, made to agree
// with what the path addresses. A page about one type derived from the addressed one
// (androidLobApp for /deviceAppManagement/mobileApps) gives way to the addressed type:
// derived pages contribute documentation, not signatures. A body the page gives only as
// a table of the addressed type's properties (PATCH /users/{id}) is that type.
func (m *endpointMap) settle(op *Operation, p Path) (body, resp TypeRef, notes []note) {
	body, resp = op.Body.Type, op.Response.Type
	tg := p.Target
	if tg == nil || tg.Kind != TargetEntity && tg.Kind != TargetCollection {
		return body, resp, nil
	}
	if op.Method == "GET" && tg.Kind == TargetEntity && tg.Type.Kind == KindPrimitive {
		// A GET of a primitive property returns its value: an Edm.Stream property (a
		// thumbnail's content) the content, a string (mailboxSettings/timeZone) the
		// string, whatever the page's one Response section says of its other paths;
		// unless the example of this very call answers with objects (a page about
		// profile responsibilities that writes /me/responsibilities, the user's string
		// collection): then the docs disagree and the page's type is kept.
		if tg.Type.Primitive != Stream {
			for _, q := range append([]Path{p}, op.Paths...) {
				if q.Target == nil || q.Target.Kind != TargetEntity || !q.Target.Type.Equal(tg.Type) || !strings.HasSuffix(q.Target.Via, lastVia(tg.Via)) {
					continue // another of the page's paths to the same property (/me and /users/{id})
				}
				if ex, ok := m.pairedResponse(op, q); ok && answersObjects(ex.Body) {
					return body, resp, notes
				}
			}
		}
		if !resp.Equal(tg.Type) {
			r := tg.Type
			r.Pos = op.Response.Type.Pos.Or(op.Pos)
			notes = append(notes, note{r.Pos, "response-type-mismatch",
				fmt.Sprintf("GET %s addresses a property of type %s (%s); the page's response %s is replaced by it", p, tg.Type, tg.Via, resp)})
			resp = r
		}
		return body, resp, notes
	}
	addressed := m.g.resolve(tg.Type)
	if addressed == nil || !addressed.Documented {
		return body, resp, nil
	}
	if r, n, ok := m.keyedComplexRow(op, p, addressed, resp); ok {
		return body, r, []note{n}
	}
	elem := tg.Type
	elem.Collection = false
	elem.Pos = op.Pos
	fix := func(r *TypeRef, what string, coll bool) {
		t := m.g.resolve(*r)
		want := elem
		want.Collection = coll
		switch {
		case t == addressed && r.Collection == coll:
			return
		case t != nil && !r.Collection && !coll && m.derives(t, addressed) && tg.LiteralKey:
			// A key written as a segment (authenticationMethodConfigurations/fido2)
			// always addresses the one element its page is about: the page's derived
			// type is what it holds, unless the Methods row that links the page names
			// another type derived from the element (the temporaryAccessPass page's
			// Response section names the fido2 type).
			for _, l := range m.links[strings.ToLower(op.Page)] {
				// The row on the resource's own page (temporaryAccessPass...'s table)
				// counts even when that page forgets to name its base.
				if row := m.g.resolve(l.ret); row != nil && !l.ret.Collection && row != t && row.Documented && (m.derives(row, addressed) || l.primary && row.Base == "") {
					notes = append(notes, note{r.Pos.Or(op.Pos), "response-type-mismatch",
						fmt.Sprintf("%s %s: the page's %s %s is replaced by %s, which the Methods table of %s (%s) gives", op.Method, p, what, *r, row.Name, l.owner.Name, l.pos)})
					pos, raw := r.Pos.Or(op.Pos), r.Raw
					*r = row.ref(false)
					r.Pos, r.Raw = pos, raw
					return
				}
			}
			return
		case t != nil && m.derives(t, addressed):
		case t == addressed && !tg.Sure:
			return
		case t != nil && r.Collection == coll && m.derives(addressed, t) && strings.HasPrefix(lastVia(tg.Via), "as("):
			// The path's cast narrows the page's type (protectionUnits/microsoft.graph.
			// driveProtectionUnit on a page that answers protectionUnitBase): the cast's
			// type, and nothing to say.
		case t == addressed:
			notes = append(notes, note{r.Pos.Or(op.Pos), "response-shape-mismatch",
				fmt.Sprintf("%s %s addresses %s (%s); the page's %s %s is corrected", op.Method, p, tg.Type, tg.Via, what, *r)})
		case r.Kind == KindNamed || r.Kind == KindUnknown:
			notes = append(notes, note{r.Pos.Or(op.Pos), "response-type-mismatch",
				fmt.Sprintf("%s %s addresses %s (%s); the page's %s %s is replaced by it", op.Method, p, tg.Type, tg.Via, what, *r)})
		default:
			return
		}
		want.Pos = r.Pos.Or(op.Pos)
		want.Raw = r.Raw
		*r = want
	}
	sends := false
	switch op.Method {
	case "GET":
		if resp.Kind != KindNone && !resp.Collection && tg.Kind == TargetCollection && (m.answersCollection(op, resp) || examplesAnswerCollection(op)) {
			// The Methods row that links the page says "Collection of" where its
			// Response prose says "object", and the path addresses a collection.
			resp.Collection = true
		}
		if resp.Kind != KindNone {
			fix(&resp, "response", tg.Kind == TargetCollection)
		}
		return body, resp, notes
	case "POST":
		sends = tg.Kind == TargetCollection
	case "PATCH", "PUT":
		sends = tg.Kind == TargetEntity
	}
	if !sends {
		return body, resp, notes
	}
	switch {
	case body.Kind != KindNone:
		fix(&body, "body", false)
	case m.listsFamilyProperties(op, addressed), !op.Body.None && len(op.ParamsIn(InBody)) == 0:
		// A table of the resource's properties (or of a type derived from it: the
		// ipNamedLocation page's PATCH of /namedLocations/{id}), or prose alone ("supply
		// the values for properties that should be updated"): a create or update sends
		// the resource, whose struct carries a derived value.
		body = elem
		body.Pos = op.Body.Pos.Or(op.Pos)
	}
	// A create or update whose Response section names no type and whose every example
	// answers without a body ("returns a 201 Created response code", then 201 alone:
	// accessreview-addreviewer.md) returns nothing: the addressed type would be decoded
	// from an empty body.
	switch {
	case resp.Kind == KindNone || resp.Kind == KindUnknown && op.AnswersNothing():
	case op.Method == "POST" && tg.Kind == TargetCollection && resp.Collection && m.g.resolve(resp) == addressed && !m.isEntity(addressed):
		// A POST to a collection of complex values (a security alert's comments) adds
		// one that has no identity of its own; the service answers the whole collection
		// as the page says.
	default:
		fix(&resp, "response", false)
	}
	return body, resp, notes
}

// settleOperationResult checks a bound action's or function's response against the
// Return Type of the Methods row that links its page.
func (m *endpointMap) settleOperationResult(op *Operation, p Path, ds *Diagnostics) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetOperation {
		return
	}
	// A page that documents creates or updates of several resources and also an action
	// on one of them (an extended property's page: POST /me/mailFolders, and also
	// .../posts/{id}/reply) wrote its one Response section for its resource paths; the
	// action answers as its own example response shows.
	mixed := slices.ContainsFunc(op.Paths, func(q Path) bool {
		return q.Target != nil && (q.Target.Kind == TargetEntity || q.Target.Kind == TargetCollection)
	})
	if mixed && (op.Response.Type.Kind == KindNamed || op.Response.Type.Kind == KindUnknown) {
		if ex, ok := m.pairedResponse(op, p); ok && ex.Status >= 200 && ex.Status < 300 && strings.TrimSpace(ex.Body) == "" {
			none := TypeRef{}
			tg.Result = &none
			ds.Addf(ex.Pos, Warning, "response-type-mismatch",
				"%s %s is an action on %s, where the page's other paths address resources: its response %s is theirs, and the action's example answers %d without a body, so it returns nothing",
				op.Method, p, tg.Type.Name, op.Response.Type, ex.Status)
			return
		}
	}
	bound := m.g.resolve(tg.Type)
	for _, l := range m.links[strings.ToLower(op.Page)] {
		if l.ret.Kind != KindNamed {
			continue
		}
		if mixed && (bound == nil || l.owner != bound && !m.derives(bound, l.owner)) {
			// On a page about several resources, another resource's row is about its
			// own paths (calendar's row for POST /me/calendars), not this action.
			continue
		}
		want := m.g.resolve(l.ret)
		got := m.g.resolve(op.Response.Type)
		if want == nil || got == want && op.Response.Type.Collection == l.ret.Collection {
			return
		}
		if got != nil && m.derives(got, want) {
			return
		}
		if got == want && op.Response.Type.Collection && !l.ret.Collection {
			// A row that names the type without "collection" where the page answers
			// a collection of it left the word out (as evidenceType reads it).
			return
		}
		if at, ok := exampleConfirms(op, m.settled(op.Response.Type)); ok && got != nil && op.Response.Type.Kind == KindNamed {
			// The page's response type, and its example response sends a value of it
			// (or, where its body names no type, the response annotation says it is
			// one): the page's evidence about its own answer outweighs a row on another
			// page (channel's Methods table says getAllMessages returns channels; the
			// page and its example answer chatMessages; range's says columnsAfter returns
			// a workbookRangeView, the page and its annotation a workbookRange).
			ds.Addf(at, Warning, "response-type-mismatch",
				"%s %s: the Methods table of %s (%s) says it returns %s, but the page's example response sends its %s; the page's type is kept",
				op.Method, p, l.owner.Name, l.pos, m.settled(l.ret), op.Response.Type)
			return
		}
		if op.Response.Type.Kind == KindNamed || op.Response.Type.Kind == KindUnknown || op.Response.Type.Kind == KindPrimitive && examplesAnswerObjects(op) {
			r := m.settled(l.ret)
			r.Pos = op.Response.Type.Pos.Or(op.Pos)
			also := ""
			if op.Response.Type.Kind == KindPrimitive {
				also = " and its example answers with objects"
			}
			ds.Addf(r.Pos, Warning, "response-type-mismatch",
				"%s %s: the Methods table of %s (%s) says it returns %s%s; the page's response %s is replaced by it",
				op.Method, p, l.owner.Name, l.pos, r, also, op.Response.Type)
			op.Response.Type = r
		}
		return
	}
}

// exampleConfirms reports whether an example response of the operation sends its
// response type resp (the page's, under the type's own name): the body's "@odata.type",
// or that of its first value, names it. It gives the example's position.
func exampleConfirms(op *Operation, resp TypeRef) (Pos, bool) {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		// Members one at a time: a "value" that is not a collection (a
		// stringKeyStringValuePair's string) must not hide the body's type.
		var body map[string]json.RawMessage
		if json.Unmarshal([]byte(strings.TrimSpace(ex.Body)), &body) != nil {
			continue
		}
		var sent string
		_ = json.Unmarshal(body["@odata.type"], &sent)
		var values []struct {
			Type string `json:"@odata.type"`
		}
		if sent == "" && json.Unmarshal(body["value"], &values) == nil && len(values) > 0 {
			sent = values[0].Type
		}
		if sent == "" && ex.Annotation != nil && strings.TrimSpace(ex.Body) != "" {
			// A body that names no type: the response annotation says what it is.
			if a, ok := AnnotationType(ex.Annotation.ODataType, ex.Annotation.IsCollection); ok && a.Kind == KindNamed && a.Collection == resp.Collection {
				sent = a.QualifiedName()
			}
		}
		if sent != "" && strings.EqualFold(strings.TrimPrefix(sent, "#"), resp.QualifiedName()) {
			return ex.Pos, true
		}
	}
	return Pos{}, false
}

// listsFamilyProperties reports whether an operation's body table lists the properties of
// t or of a type derived from it (depth first along the derivation tree, at most 32 deep).
func (m *endpointMap) listsFamilyProperties(op *Operation, t *Type) bool {
	var walk func(t *Type, depth int) bool
	walk = func(t *Type, depth int) bool {
		if m.listsProperties(op, t) {
			return true
		}
		if depth >= 32 {
			return false
		}
		for _, c := range m.g.children[key(t.QualifiedName())] {
			if c != t && walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	return walk(t, 0)
}

// pairedResponse is the example response that follows an example request of p's shape
// (its query aside) and op's method, on op's page or else on any other (the page that
// lost the endpoint to op shows the call). With none, an example of another of op's
// paths to the same action on the same type counts (reply on a post of a thread, and of
// a conversation's thread).
func (m *endpointMap) pairedResponse(op *Operation, p Path) (Example, bool) {
	paths := []Path{p}
	for _, q := range op.Paths {
		if q.Target != nil && p.Target != nil && q.Target.Kind == TargetOperation && q.Target.Name == p.Target.Name &&
			q.Target.Type.Equal(p.Target.Type) && q.Shape() != p.Shape() {
			paths = append(paths, q)
		}
	}
	for _, q := range paths {
		if ex, ok := pairedIn(op.Examples, op.Method, q); ok {
			return ex, true
		}
		for _, o := range m.ops {
			if ex, ok := pairedIn(o.Examples, op.Method, q); o != op && ok {
				return ex, true
			}
		}
	}
	return Example{}, false
}

// pairedIn is pairedResponse within one page's examples.
func pairedIn(exs []Example, method string, p Path) (Example, bool) {
	for i, ex := range exs {
		if ex.Kind != ExampleRequest || ex.Method != method || ex.Path == nil || !fitsTemplate(*ex.Path, p) {
			continue
		}
		for _, r := range exs[i+1:] {
			if r.Kind == ExampleRequest {
				break
			}
			if r.Kind == ExampleResponse {
				return r, true
			}
		}
	}
	return Example{}, false
}
