package model

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// What a page's examples add to the endpoint map: paths its example requests show, and
// whether its example responses answer with objects.

// adoptExamples adds to an operation the paths its example requests show when no request
// line of the page has their shape, and they address the same type, in the same shape, as
// one that does: site-get.md lists /sites/root and /sites/{hostname}:/{path} but shows
// GET /sites/{site-id} only in its example; driveitem-list-children.md shows
// /me/drive/root/children. A path with a segment the type graph cannot follow (a real ID
// that does not look like one) is not adopted: it would read as an action. An adopted path
// takes the query template that every request line to the same target writes
// (calendarView's required ?startDateTime={start}&endDateTime={end}): the example's own
// query values are a call's, not the template.
func (m *endpointMap) adoptExamples(op *Operation) {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil || ex.Method != op.Method || len(ex.Path.Segments) == 0 {
			continue
		}
		shape := ex.Path.Shape()
		if slices.ContainsFunc(op.Paths, func(p Path) bool { return p.Shape() == shape }) {
			continue
		}
		if refLeftOff(op, *ex.Path) || instantiatesTemplate(op, *ex.Path, ex.URL) {
			continue
		}
		if _, slip := m.singularCollection(op, *ex.Path); slip {
			continue // a collection named in the singular, as a line the map mended or dropped
		}
		p := ex.Path.clone()
		p.Target = m.resolveTarget(p)
		if p.Target.Kind == TargetOperation && m.sameOperation(op, p) && !m.documented(op.Method, p) {
			// /me/assignLicense where the page lists /users/{id}/assignLicense: the same
			// action bound to the same type, called through another path to it.
			p.Example = ex.Pos
			op.Paths = append(op.Paths, p)
			m.otherCallForms(op, p)
			continue
		}
		if q, ok := m.throughAnotherPath(op, p); ok && !m.documented(op.Method, q) {
			q.Target, q.Example = m.resolveTarget(q), ex.Pos
			if !slices.ContainsFunc(op.Paths, func(o Path) bool { return o.Shape() == q.Shape() }) {
				op.Paths = append(op.Paths, q)
				m.otherCallForms(op, q)
			}
			continue
		}
		if p.Target.Kind != TargetEntity && p.Target.Kind != TargetCollection {
			continue
		}
		same := slices.ContainsFunc(op.Paths, func(q Path) bool {
			return q.Target != nil && q.Target.Kind == p.Target.Kind && q.Target.Type.Equal(p.Target.Type)
		})
		if r, _, ok := m.evidenceType(op); ok && !same {
			t := m.g.resolve(r)
			same = t != nil && t == m.g.resolve(p.Target.Type) && r.Collection == (p.Target.Kind == TargetCollection)
		}
		if !same {
			continue
		}
		p.Query = sharedQuery(op.Paths, p.Target)
		if slices.ContainsFunc(op.Paths, func(q Path) bool { return q.Shape() == p.Shape() }) {
			continue
		}
		alignKeys(op.Paths, &p)
		p.Example = ex.Pos
		op.Paths = append(op.Paths, p)
	}
}

// otherCallForms adds, beside a function call an example made a path of op, the other
// forms of the call that op's request lines have: workbookrange-rowsbelow.md writes
// rowsBelow(count={count}) under /me/drive/items/{id} and root:/{item-path}:, its optional
// count gives each line a form without it, and an example calls rowsBelow(count=2) under
// /me/drive/root; that path takes the form without count too, so that its count is as
// optional there as under the lines, and the two forms are named alike under every path.
func (m *endpointMap) otherCallForms(op *Operation, p Path) {
	n := len(p.Segments)
	head, args, isCall := callOf(p.Segments[n-1])
	if head == "" {
		return
	}
	for _, q := range slices.Clone(op.Paths) {
		k := len(q.Segments)
		if q.Example.IsValid() || k == 0 {
			continue
		}
		qHead, qArgs, qCall := callOf(q.Segments[k-1])
		if !strings.EqualFold(qHead, head) || qCall == isCall && slices.EqualFunc(qArgs, args, strings.EqualFold) {
			continue
		}
		v := Path{Segments: append(slices.Clone(p.Segments[:n-1]), q.Segments[k-1]), Example: p.Example}
		if slices.ContainsFunc(op.Paths, func(o Path) bool { return sameCall(o, v) }) {
			continue
		}
		v.Target = m.resolveTarget(v)
		op.Paths = append(op.Paths, v)
	}
}

// refLeftOff reports whether an example path is one of op's request lines with its last
// $ref segment left off (POST /applications/{id}/tokenLifetimePolicies on a page that
// adds one by reference to .../tokenLifetimePolicies/$ref): the example's call of that line,
// not a create in the collection.
func refLeftOff(op *Operation, ex Path) bool {
	with := Path{Segments: append(slices.Clone(ex.Segments), Segment{Parts: []Part{{Literal: "$ref"}}})}
	shape := with.Shape()
	return slices.ContainsFunc(op.Paths, func(q Path) bool { return q.Shape() == shape })
}

// instantiatesTemplate reports whether an example path calls one of op's request lines
// that writes a query template: the same segments, and a value for every option the
// template writes a placeholder into (onlinemeeting-get.md's ?$filter=JoinWebUrl eq
// 'https://...' calls ?$filter=JoinWebUrl eq '{joinWebUrl}'): the example shows that
// method's call, not a plain list beside it.
func instantiatesTemplate(op *Operation, ex Path, url string) bool {
	_, query, _ := strings.Cut(url, "?")
	var names []string
	for _, kv := range strings.Split(query, "&") {
		name, _, _ := strings.Cut(kv, "=")
		names = append(names, strings.TrimSpace(name))
	}
	segs := Path{Segments: ex.Segments}.Shape()
	for _, q := range op.Paths {
		if (Path{Segments: q.Segments}).Shape() != segs {
			continue
		}
		templated := 0
		given := true
		for _, qp := range q.Query {
			if qp.Param == "" && len(qp.Parts) == 0 {
				continue
			}
			templated++
			given = given && slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, qp.Name) })
		}
		if templated > 0 && given {
			return true
		}
	}
	return false
}

// documented reports whether a request line of any page has the method and p's shape.
func (m *endpointMap) documented(method string, p Path) bool {
	shape := p.Shape()
	for _, o := range m.ops {
		if o.Method == method && slices.ContainsFunc(o.Paths, func(q Path) bool { return !q.Example.IsValid() && q.Shape() == shape }) {
			return true
		}
	}
	return false
}

// sameOperation reports whether an example path calls an action or function of one of
// op's request lines through a twin root: /me/assignLicense where the page lists
// /users/{id}/assignLicense, the same action bound to the same type, the rest of the path
// the same shape (a call with the same parameter placeholders, not the example's values).
func (m *endpointMap) sameOperation(op *Operation, p Path) bool {
	if len(p.Segments) < 2 || len(p.Query) > 0 {
		return false
	}
	rest := Path{Segments: p.Segments[1:]}.Shape()
	for _, twin := range m.twins[prefixShape(p.Segments[:1])] {
		n := len(twin.Segments)
		for _, q := range op.Paths {
			tg := q.Target
			if tg == nil || tg.Kind != TargetOperation || tg.Name != p.Target.Name || len(q.Query) > 0 || len(q.Segments) <= n {
				continue
			}
			if prefixShape(q.Segments[:n]) == twin.Shape() && (Path{Segments: q.Segments[n:]}).Shape() == rest {
				return true
			}
		}
	}
	return false
}

// AnswersNothing reports whether the operation has example responses and every one is a
// 2xx status with no body (keepAlive: "HTTP/1.1 200 OK" alone; forceDelete: 204).
func (op *Operation) AnswersNothing() bool {
	n := 0
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		if ex.Status < 200 || ex.Status > 299 || strings.TrimSpace(ex.Body) != "" {
			return false
		}
		n++
	}
	return n > 0
}

// examplesAnswerObjects reports whether an example response of the page answers with
// objects (a JSON object, or a value array of objects): evidence against a page that
// says it returns strings where its Methods row says resources.
func examplesAnswerObjects(op *Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		if arr, ok := valueArray(ex.Body); ok && len(arr) > 0 && isObject(arr[0]) {
			return true
		}
	}
	return false
}

// examplesAnswerCollection reports whether op has example responses with a body and
// every one is an object with a "value" array of objects (a page of a collection).
func examplesAnswerCollection(op *Operation) bool {
	n := 0
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		arr, ok := valueArray(ex.Body)
		if !ok || slices.ContainsFunc(arr, func(e json.RawMessage) bool { return !isObject(e) }) {
			return false
		}
		n++
	}
	return n > 0
}

// examplesAnswerOne reports whether the operation has example responses with a body and
// every one is one object: not {"value": [...]} nor a wrapped primitive.
func examplesAnswerOne(op *Operation) bool {
	n := 0
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		if _, ok := valueArray(ex.Body); ok || !answersObjects(ex.Body) {
			return false
		}
		n++
	}
	return n > 0
}

// valueArray is the "value" member of an example response body that is a JSON object
// holding an array there ({"value": [...]}), and whether it is one.
func valueArray(body string) ([]json.RawMessage, bool) {
	var v struct {
		Value []json.RawMessage `json:"value"`
	}
	if json.Unmarshal([]byte(strings.TrimSpace(body)), &v) != nil || v.Value == nil {
		return nil, false
	}
	return v.Value, true
}

// isObject reports whether a JSON value is an object.
func isObject(v json.RawMessage) bool {
	return strings.HasPrefix(strings.TrimSpace(string(v)), "{")
}

// exampleSendsTable reports whether one of the page's example requests of this endpoint
// (same method, same path shape or another of the page's paths to the same target) sends a JSON object whose every member, annotations
// aside, is a row of the page's body table: the page's table and its example agree about
// what the endpoint takes (post-post-attachments.md sends {"post": ...} to
// /groups/{id}/threads/{id}/reply, where the extended-property pages that also list the
// path give tables of extended properties and no example for it). It gives the example's
// position.
func exampleSendsTable(op *Operation, p Path) (Pos, bool) {
	rows := op.ParamsIn(InBody)
	if len(rows) == 0 {
		return Pos{}, false
	}
	// The example may show another of the page's paths to the same target (the thread
	// reply under /groups/{id}/threads rather than /groups/{id}/conversations/{id}/threads).
	sameTarget := func(shape string) bool {
		if shape == p.Shape() {
			return true
		}
		for _, q := range op.Paths {
			if q.Shape() == shape && q.Target != nil && p.Target != nil && q.Target.Kind == p.Target.Kind &&
				q.Target.Kind != TargetUnknown && q.Target.Name == p.Target.Name && q.Target.Type.Equal(p.Target.Type) {
				return true
			}
		}
		return false
	}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || ex.Path == nil || !sameTarget(sampleKeyShape(ex)) {
			continue
		}
		var keys map[string]json.RawMessage
		if json.Unmarshal([]byte(strings.TrimSpace(ex.Body)), &keys) != nil || len(keys) == 0 {
			continue
		}
		all, n := true, 0
		for k := range keys {
			if strings.Contains(k, "@") {
				continue
			}
			n++
			all = all && slices.ContainsFunc(rows, func(r Param) bool { return strings.EqualFold(r.Name, k) })
		}
		if all && n > 0 {
			return ex.Pos, true
		}
	}
	return Pos{}, false
}

// sampleKeyShape is the shape of an example request's path, with the segments that its
// annotation lists as sample keys ("sampleKeys": ["1848753d-...", "AAQkADJUdfolA=="])
// read as keys where the ID did not look like one. Only ownership evidence reads it: an
// example path is not adopted as an endpoint on the annotation's word alone.
func sampleKeyShape(ex Example) string {
	if ex.Annotation == nil || len(ex.Annotation.SampleKeys) == 0 {
		return ex.Path.Shape()
	}
	p := ex.Path.clone()
	for i, seg := range p.Segments {
		if lit, ok := seg.Literal(); ok && slices.Contains(ex.Annotation.SampleKeys, lit) {
			p.Segments[i] = Segment{Parts: []Part{{Param: "key" + strconv.Itoa(i)}}}
		}
	}
	return p.Shape()
}

// sharedQuery is the query template of the paths that address tg, when they all write the
// same one and it passes only named parameters; nil otherwise.
func sharedQuery(paths []Path, tg *Target) []QueryParam {
	var query []QueryParam
	shape, n := "", 0
	for _, q := range paths {
		if q.Target == nil || tg == nil || q.Target.Kind != tg.Kind || !q.Target.Type.Equal(tg.Type) {
			continue
		}
		for _, qp := range q.Query {
			if qp.Param == "" || strings.HasPrefix(qp.Name, "$") {
				// Only named parameters the call must pass (calendarView's range), not
				// a fixed value or an OData option the template fixes ($filter=...):
				// that one narrows the endpoint, which the example may call plain.
				return nil
			}
		}
		qs := Path{Query: q.Query}.Shape()
		if n > 0 && qs != shape {
			return nil
		}
		shape, query, n = qs, q.Query, n+1
	}
	return query
}

// alignKeys names an adopted example path's keys as the page's lines name the key at the
// same place: the branding page's example /organization/{organizationId}/branding beside
// its line /organization/{tenantId}/branding/{propertyName} takes tenantId, so that the
// two methods differ by the key only one has (propertyName), not by spelling.
func alignKeys(lines []Path, p *Path) {
	for i, s := range p.Segments {
		if !s.IsParam() {
			continue
		}
		for _, q := range lines {
			if q.Example.IsValid() || len(q.Segments) <= i || !q.Segments[i].IsParam() || prefixShape(q.Segments[:i]) != prefixShape(p.Segments[:i]) {
				continue
			}
			name := q.Segments[i].Parts[0].Param
			if slices.ContainsFunc(p.Params(), func(pt Part) bool { return pt.Param == name }) {
				break
			}
			seg := Segment{Parts: slices.Clone(s.Parts)}
			seg.Parts[0].Param = name
			p.Segments[i] = seg
			break
		}
	}
}
