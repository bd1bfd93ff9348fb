package model

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
)

// Settling what a page leaves open or contradicts from its own example requests and
// responses: the body a POST takes, whether a result always comes back, and the shape of
// a body parameter.

// optionalFromExamples marks the result of a create, update or action optional when its
// Response section names one object but every example response is a 2xx without a body
// (identityUserFlowAttributeAssignment's update: "200 OK and an updated ... object",
// its example 204 No Content): the docs disagree whether a body comes, so the method
// returns it when it does and nothing otherwise, right on the wire either way.
func optionalFromExamples(op *Operation, ds *Diagnostics) {
	r := &op.Response
	if op.Method == "GET" || r.OnRequest || r.Optional || r.Type.Kind != KindNamed || r.Type.Collection || r.Status == 202 {
		return
	}
	n, withBody := 0, 0
	var at, noContent Pos
	sawNoContent := false
	var req *Example // the example request a response answers
	for i, ex := range op.Examples {
		if ex.Kind == ExampleRequest {
			req = &op.Examples[i]
		}
		if ex.Kind != ExampleResponse {
			continue
		}
		if !answersWithoutBody(ex) {
			withBody++
			continue
		}
		if n == 0 {
			at = ex.Pos
		}
		// a 204 that answers the operation's own call, not the page's next step (an
		// upload session's DELETE)
		if ex.Status == 204 && !sawNoContent && req != nil && req.Method == op.Method && req.Path != nil {
			sawNoContent = true
			noContent = ex.Pos
		}
		n++
	}
	switch {
	case n > 0 && withBody == 0:
		r.Optional = true
		ds.Addf(r.Type.Pos.Or(op.Pos), Warning, "response-body-contradiction",
			"the Response section names %s, but every example response (the first at %s) answers without a body: the method returns it when a body comes, nil otherwise", r.Type, at)
	case sawNoContent:
		// b2cidentityuserflow-put-languages.md: one example creates (201 and the
		// language), another replaces (204 No Content). Both are the method's answers.
		r.Optional = true
		ds.Addf(r.Type.Pos.Or(op.Pos), Warning, "response-body-contradiction",
			"the Response section names %s, and an example response (at %s) answers 204 No Content where another has a body: the method returns it when a body comes, nil otherwise", r.Type, noContent)
	}
}

// acceptedWithoutBody drops the result of an action whose Response section says 202
// Accepted and links a type, where every example answers 202 without a body and without a
// Location: accesspackageassignment-reprocess.md "returns a 202 Accepted response code and
// reevaluates ... the [accessPackageAssignment] object" names what the action works on,
// not what it answers, and the method returned an empty object.
func acceptedWithoutBody(op *Operation, ds *Diagnostics) {
	r := &op.Response
	if op.Method == "GET" || r.Status != 202 || r.Monitor != "" || r.Type.Kind != KindNamed {
		return
	}
	n := 0
	var at Pos
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		if ex.Status != 202 || strings.TrimSpace(ex.Body) != "" || hasHeader(ex, "Location") || hasHeader(ex, "Operation-Location") {
			return
		}
		if n == 0 {
			at = ex.Pos
		}
		n++
	}
	if n == 0 {
		return
	}
	ds.Addf(r.Type.Pos.Or(op.Pos), Warning, "response-body-contradiction",
		"the Response section links %s beside 202 Accepted, but every example response (the first at %s) is a 202 without a body or a Location: the method returns nothing", r.Type, at)
	r.Type = TypeRef{Pos: r.Type.Pos}
}

// acceptedAlternative settles a create or action whose examples answer both with the
// type the page names (201 and a chat) and with 202 Accepted, a Location and no body (a
// chat created in migration mode): the usual answer is the value, so the method returns
// it, and nil when the service accepts the request for later instead; the Location is in
// the response metadata. An operation whose examples only answer 202 is long-running.
func acceptedAlternative(op *Operation, ds *Diagnostics) {
	r := &op.Response
	if op.Method == "GET" || r.Type.Kind != KindNamed || r.Type.Collection {
		return
	}
	var body, accepted *Example
	for i, ex := range op.Examples {
		switch {
		case ex.Kind != ExampleResponse:
		case ex.Status == 202 && (strings.TrimSpace(ex.Body) == "" || strings.Join(strings.Fields(ex.Body), "") == "{}") && hasHeader(ex, "Location"):
			// workbook-createsession.md's 202 shows {} beside its Location: nothing either
			accepted = cmp.Or(accepted, &op.Examples[i])
		case ex.Status >= 200 && ex.Status < 300 && ex.Status != 202 && answersObjects(ex.Body):
			body = cmp.Or(body, &op.Examples[i])
		}
	}
	if body == nil || accepted == nil {
		return
	}
	r.Optional, r.Accepted = true, true
	ds.Addf(accepted.Pos, Warning, "response-accepted-alternative",
		"the example at line %d answers %d with %s, this one 202 Accepted with a Location and no body: the method returns the %s, or nil with the Location in the response metadata", body.Pos.Line, body.Status, r.Type, r.Type.Name)
}

// hasHeader reports whether an example carries the named header.
func hasHeader(ex Example, name string) bool {
	return slices.ContainsFunc(ex.Headers, func(h Header) bool { return strings.EqualFold(h.Name, name) })
}

// headerValue is the value of an example's named header, lower-cased and trimmed (the
// last one where it repeats); "" without one.
func headerValue(ex Example, name string) string {
	v := ""
	for _, h := range ex.Headers {
		if strings.EqualFold(h.Name, name) {
			v = strings.ToLower(strings.TrimSpace(h.Value))
		}
	}
	return v
}

// answersWithoutBody reports whether an example response is a success without a body: a
// 204 (whatever its fence holds: "HTTP/1.1 204 No Content" then "{ }"), or another 2xx
// but 202 with nothing after its headers. A 202 is a long-running operation's answer.
func answersWithoutBody(ex Example) bool {
	return ex.Kind == ExampleResponse && ex.Status >= 200 && ex.Status < 300 && ex.Status != 202 &&
		(ex.Status == 204 || strings.TrimSpace(ex.Body) == "")
}

// bodyParamShapesFromExamples settles a request-body parameter whose table row and example
// requests disagree on one value or a collection: group-evaluatedynamicmembership.md
// tables memberId as "String collection" where both its examples send one string. When
// every example request that sends the parameter sends the other shape (strings where
// the table says a String collection, arrays of strings where it says a String), the
// examples win, with a warning that names the first. Only String parameters are
// settled: their JSON shape is all the examples need to show.
func bodyParamShapesFromExamples(op *Operation, ds *Diagnostics) {
	for i := range op.Params {
		pm := &op.Params[i]
		if pm.In != InBody || pm.Type.Kind != KindPrimitive || pm.Type.Primitive != String {
			continue
		}
		n, other := 0, 0
		var at Pos
		for _, ex := range op.Examples {
			if ex.Kind != ExampleRequest || strings.TrimSpace(ex.Body) == "" {
				continue
			}
			var body map[string]json.RawMessage
			if json.Unmarshal([]byte(ex.Body), &body) != nil {
				continue
			}
			v, ok := body[pm.Name]
			if !ok {
				continue
			}
			n++
			var s string
			var ss []string
			switch {
			case pm.Type.Collection && json.Unmarshal(v, &s) == nil && !strings.HasPrefix(strings.TrimSpace(string(v)), "null"),
				!pm.Type.Collection && json.Unmarshal(v, &ss) == nil && strings.HasPrefix(strings.TrimSpace(string(v)), "["):
				if other == 0 {
					at = ex.Pos
				}
				other++
			}
		}
		if n == 0 || other != n {
			continue
		}
		was := pm.Type
		pm.Type.Collection = !pm.Type.Collection
		ds.Addf(pm.Pos, Warning, "param-shape-from-example",
			"the request body table gives %s as %s, but every example request that sends it (the first at %s) sends %s: it is sent as the examples show", pm.Name, was, at, pm.Type)
	}
}

// bodyFromExamples settles a POST whose page says nothing of its body (no Request body
// section, or an empty one: clear, dismissReminder, verify) from its example requests:
// when there is one and none sends a body, the method takes no body. Prose in the section
// ("you may optionally include shouldSetSpoSiteReadOnlyForMembers") keeps the body open.
func bodyFromExamples(op *Operation, ds *Diagnostics) {
	if op.Method != "POST" || op.Body.Type.Kind != KindNone || op.Body.None || op.Body.Said || len(op.ParamsIn(InBody)) > 0 {
		return
	}
	var at Pos
	empty := false // an example sends {}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method {
			continue
		}
		if b := strings.TrimSpace(ex.Body); b != "" {
			var obj map[string]json.RawMessage
			if json.Unmarshal([]byte(b), &obj) != nil || obj == nil || len(obj) > 0 {
				return
			}
			empty = true
		}
		if !at.IsValid() {
			at = ex.Pos
		}
	}
	switch {
	case empty:
		// clearUserPreferredPresence's example POSTs {}: no argument, and {} is sent.
		op.Body.None, op.Body.Empty = true, true
		ds.Addf(op.Body.Pos.Or(at), Warning, "request-body-from-example",
			"the page does not say what the request body holds; its example requests (the first at line %d) send an empty object, so the method takes no body and sends {}", at.Line)
	case at.IsValid():
		op.Body.None = true
		ds.Addf(op.Body.Pos.Or(at), Warning, "request-body-from-example",
			"the page does not say what the request body holds; no example request (first at line %d) sends one, so the method takes none", at.Line)
	}
}

// settleScalarAnswers corrects a Response section that names a resource where the page's
// examples answer a primitive: every example response with a body is {"value": x} with x
// a JSON string, number or Boolean, and an example's annotation names the primitive
// ("@odata.type": "String"). "a SAS URL for the [educationSynchronizationProfile] in the
// response body" links the resource the URL is for; a structured type (not an enum,
// whose members are strings too) cannot be a JSON scalar, so the method returns the
// annotated primitive.
func settleScalarAnswers(api *API, g *typeGraph, ds *Diagnostics) {
	for _, op := range api.Operations {
		r := op.Response.Type
		if t := g.resolve(r); t == nil || t.IsEnum || r.Collection {
			continue
		}
		var prim TypeRef
		scalar := false
		for _, ex := range op.Examples {
			if ex.Kind != ExampleResponse || strings.TrimSpace(ex.Body) == "" {
				continue
			}
			kind, ok := scalarValue(ex.Body)
			if !ok {
				scalar = false
				break
			}
			scalar = true
			if ex.Annotation == nil || prim.Kind != KindNone {
				continue
			}
			if a, ok := AnnotationType(ex.Annotation.ODataType, ex.Annotation.IsCollection); ok && a.Kind == KindPrimitive && !a.Collection && a.Primitive != Stream && a.Primitive != Json && jsonKindOf(a.Primitive) == kind {
				prim = a
				prim.Pos = ex.Annotation.Pos
			}
		}
		if !scalar || prim.Kind == KindNone {
			continue
		}
		ds.Addf(prim.Pos, Warning, "response-type-mismatch",
			"the Response section names %s, but every example answers {\"value\": a JSON %s} and this annotation says %s: the method returns %s", r, jsonKindOf(prim.Primitive), prim.Raw, prim)
		op.Response.Type = prim
	}
}

// scalarValue reports the JSON kind (string, number, boolean) of an example body that is
// an object whose only member besides @odata annotations is a scalar "value".
func scalarValue(body string) (string, bool) {
	var members map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &members) != nil {
		return "", false
	}
	kind := ""
	for k, v := range members {
		switch {
		case strings.HasPrefix(k, "@odata."):
		case k == "value":
			var x any
			if json.Unmarshal(v, &x) != nil {
				return "", false
			}
			switch x.(type) {
			case string:
				kind = "string"
			case float64:
				kind = "number"
			case bool:
				kind = "boolean"
			default:
				return "", false
			}
		default:
			return "", false
		}
	}
	return kind, kind != ""
}

// jsonKindOf is the JSON kind a primitive is written as.
func jsonKindOf(p Primitive) string {
	switch p {
	case Boolean:
		return "boolean"
	case Int16, Int32, Int64, Byte, SByte, Single, Double, Decimal:
		return "number"
	}
	return "string"
}

// jsonFormShape reads from the examples whether the JSON form of a report answers a
// collection: its "### JSON" part says "an [emailActivitySummary] object", while the
// example of the $format=application/json request answers {"value": [...]}, as every
// report does.
func jsonFormShape(op *Operation, ds *Diagnostics) {
	j := &op.Response.JSON
	if j.Kind != KindNamed || j.Collection {
		return
	}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || ex.Status < 200 || ex.Status > 299 {
			continue
		}
		if arr, ok := valueArray(ex.Body); ok && len(arr) > 0 && isObject(arr[0]) || valueArrayText(ex.Body) {
			j.Collection = true
			ds.Addf(ex.Pos, Warning, "response-shape-mismatch",
				"the JSON form of the answer is said to be one %s, but this example of it answers a collection (value): the JSON method returns a collection", j.Name)
			return
		}
	}
}

// valueArrayText reports whether an example body that is not valid JSON (a report's
// "audioDuration": 00:00:00) still opens as {"value": [{ ...: its text shows the shape.
func valueArrayText(body string) bool {
	var v any
	if json.Unmarshal([]byte(body), &v) == nil {
		return false // valid JSON: valueArray decides
	}
	s := strings.Join(strings.Fields(body), "")
	if i := strings.Index(s, `"@odata.context":`); i >= 0 && strings.HasPrefix(s, "{") {
		if j := strings.Index(s[i:], `,"value":[{`); j >= 0 {
			return true
		}
	}
	return strings.HasPrefix(s, `{"value":[{`)
}
