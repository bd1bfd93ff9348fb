package model

import (
	"slices"
	"strings"
)

// Build turns parsed pages into an API: one operation per HTTP method of each API page,
// parameters typed from the page's tables, and the named types the operations use.
// It reports what it had to guess or drop; it never fails.
func Build(version string, pages []*Page) (*API, Diagnostics) {
	return BuildSelected(version, pages, Selection{})
}

// BuildSelected is Build keeping only the operations sel picks, and the types they reach.
func BuildSelected(version string, pages []*Page, sel Selection) (*API, Diagnostics) {
	var ds Diagnostics
	pages = relativeLines(pages, &ds)
	api := &API{Version: version, Pages: pages}
	byFile := map[string]*Page{}
	for _, p := range pages {
		byFile[strings.ToLower(p.File)] = p
	}
	for _, p := range pages {
		if p.Kind != PageAPI {
			continue
		}
		// A page without request lines has been reported by the parser (http-request-missing,
		// http-request-empty, request-path-invalid).
		api.Operations = append(api.Operations, buildOperations(p, &ds)...)
	}
	Canonicalize(api)
	g := newTypeGraph(api.Pages, &ds)
	settleScalarRows(api.Pages, g, &ds)
	settleAlternatives(api, g, &ds)
	settleScalarAnswers(api, g, &ds)
	settleResponsesFromKeys(api, g, &ds)
	assignEndpoints(api, g, &ds)
	settleArrayBodies(api, g, &ds)
	settleSoleRowNames(api, g, &ds)
	settleWrappedBodies(api, g, &ds)
	propertiesFromExamples(api, g, &ds)
	markNestedTables(api, g)
	sel.apply(api)
	resolveTypes(api, g, &ds)
	Canonicalize(api)
	return api, ds
}

// buildOperations makes one operation per method of the page's request lines.
func buildOperations(p *Page, ds *Diagnostics) []*Operation {
	var ops []*Operation
	byMethod := map[string]*Operation{}
	linePos := map[string]Pos{} // a path's request line
	for _, rl := range p.Requests {
		op := byMethod[rl.Method]
		if op == nil {
			op = &Operation{
				Method: rl.Method, Body: p.Body, Response: p.Response, Permissions: p.Permissions,
				Title: p.Title, Summary: p.Summary, Page: p.File, Examples: p.Examples, Pos: rl.Pos,
				Deprecated: p.Deprecated, Implicit: p.RequestsImplicit,
			}
			byMethod[rl.Method] = op
			ops = append(ops, op)
		}
		path := unquoteKeysFromExamples(p, rl, operationFromExample(p, rl, createLineFromExample(p, rl, ds), ds), ds)
		if !slices.ContainsFunc(op.Paths, func(q Path) bool { return q.String() == path.String() }) {
			op.Paths = append(op.Paths, path)
			linePos[path.String()] = rl.Pos
		}
	}
	for _, op := range ops {
		op.Paths = dropStrayKeys(op, linePos, ds)
		op.Paths = dropLinesWithoutCall(p, op, linePos, ds)
		op.Paths = dropOptionTemplates(p, op.Paths)
		functionArgsFromBody(p, op, ds)
		callVariantsFromExamples(p, op, ds)
		op.Params = operationParams(p, op, ds)
		inferResponse(op, ds)
		bodyFromContentType(op)
		bodyFromExamples(op, ds)
		bodyParamShapesFromExamples(op, ds)
		bodyNamesFromExamples(op, ds)
		optionalFromExamples(op, ds)
		acceptedWithoutBody(op, ds)
		acceptedAlternative(op, ds)
		jsonFormShape(op, ds)
		op.MIME = mimeExample(op)
		if !op.MIME.IsValid() && op.Method == "POST" {
			op.MIME = op.Body.MIME
		}
		op.QueryOptions = queryOptions(p, op)
		if op.Response.Status == 0 {
			if st := exampleStatus(op); st != 0 {
				op.Response.Status = st
				ds.Addf(op.Response.Pos.Or(op.Pos), Warning, "response-status-missing",
					"the Response section names no status code; its example responses answer %d", st)
			} else {
				op.Response.Status = defaultStatus(op)
				ds.Addf(op.Response.Pos.Or(op.Pos), Warning, "response-status-missing",
					"the Response section names no status code; assuming %d", op.Response.Status)
			}
		}
	}
	return ops
}

// functionArgsFromBody handles a habit of the intune pages: a function's template leaves
// out its parameter list (GET /deviceManagement/intents/{id}/compare) and the parameters
// are rows of the Request body table instead. For a GET page titled as a function whose
// paths end in a plain name, the rows become the function's arguments:
// compare(templateId='{templateId}'). A Function parameters table whose rows the template
// leaves out (GET /reports/getUserArchivedPrintJobs beside rows userId, startDateTime,
// endDateTime) gives them likewise, whatever the title, when one of them is required.
func functionArgsFromBody(p *Page, op *Operation, ds *Diagnostics) {
	if op.Method != "GET" {
		return
	}
	var args []Param
	seen := map[string]bool{}
	for _, path := range op.Paths {
		for _, s := range path.Segments {
			for _, pt := range s.Parts {
				if pt.IsParam() {
					seen[strings.ToLower(pt.Param)] = true
				}
			}
		}
	}
	table := "Function parameters"
	required := false
	for _, tp := range p.Params {
		if tp.In == InFunction && !seen[strings.ToLower(tp.Name)] && isIdent(tp.Name) {
			seen[strings.ToLower(tp.Name)] = true
			args = append(args, tp)
			required = required || tp.Presence != Optional // a function's parameters are required unless said otherwise
		}
	}
	if !required {
		// Optional rows only (usedRange's valuesOnly): the plain call is the main one.
		args = nil
	}
	if len(args) == 0 {
		// Query parameters rows that the examples pass inside the call
		// (filterByCurrentUser(on='...') beside a table that says on is a query parameter):
		// the calls the docs show are the evidence; a function takes its parameters in
		// the parentheses.
		called := exampleCallArgs(p, op)
		for _, tp := range p.Params {
			if tp.In == InQuery && called[strings.ToLower(tp.Name)] && !seen[strings.ToLower(tp.Name)] && isIdent(tp.Name) {
				seen[strings.ToLower(tp.Name)] = true
				args = append(args, tp)
				table = "Query parameters (which the examples pass in the call)"
			}
		}
	}
	if len(args) == 0 && strings.Contains(strings.ToLower(p.Title), "function") {
		table = "Request body"
		for _, tp := range p.Params {
			if tp.In == InBody && !seen[tp.Name] && isIdent(tp.Name) {
				seen[tp.Name] = true
				args = append(args, tp)
			}
		}
	}
	if len(args) == 0 {
		return
	}
	for _, path := range op.Paths {
		n := len(path.Segments)
		if n == 0 {
			return
		}
		if _, ok := path.Segments[n-1].Literal(); !ok {
			return // the template already has a call or a key
		}
	}
	for i := range op.Paths {
		op.Paths[i] = op.Paths[i].clone() // the page's request lines keep the template as written
		last := &op.Paths[i].Segments[len(op.Paths[i].Segments)-1]
		lit, _ := last.Literal()
		parts := []Part{{Literal: lit + "("}}
		for j, a := range args {
			sep := ""
			if j > 0 {
				sep = ","
			}
			parts = append(parts, Part{Literal: sep + a.Name + "="},
				// A string, or an enum member ('target'), is an OData string literal.
				Part{Param: a.Name, Function: true, Quoted: !a.Type.Collection && (a.Type.Kind == KindPrimitive && a.Type.Primitive == String || a.Type.Kind == KindNamed)})
		}
		last.Parts = append(parts, Part{Literal: ")"})
	}
	ds.Addf(op.Pos, Warning, "function-params-from-body",
		"the function's template has no parameter list; its %d %s rows are used as its arguments: %s", len(args), table, op.Paths[0])
}

// exampleCallArgs are the argument names, lower-cased, that op's example requests pass in a
// call on the last segment of one of op's paths that ends in a plain name:
// filterByCurrentUser(on='d6e4...') for .../filterByCurrentUser.
func exampleCallArgs(p *Page, op *Operation) map[string]bool {
	names := map[string]bool{}
	for _, path := range op.Paths {
		if n := len(path.Segments); n > 0 {
			if lit := plainName(path.Segments[n-1]); lit != "" {
				names[strings.ToLower(lit)] = true
			}
		}
	}
	args := map[string]bool{}
	for _, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || ex.Path == nil || len(ex.Path.Segments) == 0 {
			continue
		}
		name, list, ok := strings.Cut(ex.Path.Segments[len(ex.Path.Segments)-1].String(), "(")
		if !ok || !names[strings.ToLower(name)] || !strings.HasSuffix(list, ")") {
			continue
		}
		for _, a := range strings.Split(strings.TrimSuffix(list, ")"), ",") {
			if k, _, ok := strings.Cut(a, "="); ok && isIdent(strings.TrimSpace(k)) {
				args[strings.ToLower(strings.TrimSpace(k))] = true
			}
		}
	}
	return args
}

// isIdent reports whether s can be an OData parameter name.
func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// inferResponse settles a response type the Response section left unknown: from an
// example response's annotation ("@odata.type": "microsoft.graph.permission",
// "isCollection": true), else no body for a DELETE or a 204, else it stays unknown (raw JSON).
func inferResponse(op *Operation, ds *Diagnostics) {
	r := &op.Response
	if r.Type.Kind != KindUnknown {
		return
	}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || ex.Annotation == nil || ex.Annotation.ODataType == "" {
			continue
		}
		if t, ok := AnnotationType(ex.Annotation.ODataType, ex.Annotation.IsCollection); ok {
			t.Pos = ex.Annotation.Pos
			if pos, ok := examplesAnswerBoolean(op); ok && t.Kind == KindPrimitive && t.Primitive != Boolean && !t.Collection {
				// user-revokesigninsessions.md annotates "@odata.type": "string" above
				// {"value": true}: the JSON the service sends decides.
				r.Type, r.FromExample = TypeRef{Kind: KindPrimitive, Primitive: Boolean, Raw: "Boolean", Pos: pos}, true
				ds.Addf(t.Pos, Warning, "response-type-from-example", "the Response section names no type; the example's annotation says %s, but every example response is {\"value\": true or false}: Edm.Boolean", t)
				return
			}
			r.Type, r.FromExample = t, true
			ds.Addf(t.Pos, Warning, "response-type-from-example", "the Response section names no type; the example's annotation says %s", t)
			return
		}
	}
	if op.Method == "DELETE" || r.Status == 204 {
		r.Type = TypeRef{}
		return
	}
	// "a true value is returned in the response body", and every example answers
	// {"value": true}: a Boolean, as Graph wraps one.
	if pos, ok := examplesAnswerBoolean(op); ok {
		r.Type = TypeRef{Kind: KindPrimitive, Primitive: Boolean, Raw: "Boolean", Pos: pos}
		ds.Addf(pos, Warning, "response-type-from-example", "the Response section names no type; every example response is {\"value\": true or false}: Edm.Boolean")
	}
}

// examplesAnswerBoolean reports whether op has example responses with a body and every
// such body is an object whose only member (besides @odata annotations) is a Boolean
// "value"; pos is the first one's.
func examplesAnswerBoolean(op *Operation) (Pos, bool) {
	var pos Pos
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		if kind, ok := scalarValue(ex.Body); !ok || kind != "boolean" {
			return Pos{}, false
		}
		if !pos.IsValid() {
			pos = ex.Pos
		}
	}
	return pos, pos.IsValid()
}

// AnnotationType reads an annotation's "@odata.type": microsoft.graph.x,
// Collection(microsoft.graph.x), #microsoft.graph.x or a primitive name (stream, Edm.String).
func AnnotationType(s string, isCollection bool) (TypeRef, bool) {
	t := TypeRef{Raw: s, Collection: isCollection}
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if l := strings.ToLower(s); strings.HasPrefix(l, "collection(") && strings.HasSuffix(l, ")") {
		t.Collection, s = true, s[len("collection("):len(s)-1]
	}
	if p, ok := LookupPrimitive(s); ok {
		t.Kind, t.Primitive = KindPrimitive, p
		return t, true
	}
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i == len(s)-1 || strings.ContainsAny(s, " (){}") {
		return TypeRef{}, false
	}
	t.Kind, t.Namespace, t.Name = KindNamed, s[:i], s[i+1:]
	return t, true
}

// exampleStatus is the one success status every example response of op's method gives
// (driveitem-put-content.md's two examples answer 201 Created), or 0.
func exampleStatus(op *Operation) int {
	st := 0
	var req *Example
	for i, ex := range op.Examples {
		switch {
		case ex.Kind == ExampleRequest:
			req = &op.Examples[i]
		case ex.Kind == ExampleResponse && req != nil && req.Method == op.Method && callsOperation(op, req):
			// a download answers 302 Found with the URL of the content
			download := ex.Status == 302 && op.Response.Type.Kind == KindPrimitive && op.Response.Type.Primitive == Stream
			if (ex.Status < 200 || ex.Status > 299) && !download || st != 0 && ex.Status != st {
				return 0
			}
			st = ex.Status
		}
	}
	return st
}

// callsOperation reports whether a request example calls op: Graph's host, and a path of
// op's shape (driveitem-get-content's example of getting the download URL first calls
// the item, not its content).
func callsOperation(op *Operation, ex *Example) bool {
	if ex.OtherHost() {
		return false
	}
	if ex.Path == nil {
		return true
	}
	shape := ex.Path.Shape()
	for _, p := range op.Paths {
		if p.Shape() == shape || fitsTemplate(*ex.Path, p) {
			return true
		}
	}
	return false
}

// defaultStatus is the status assumed when a page names none.
func defaultStatus(op *Operation) int {
	if op.Response.Type.IsNone() && (op.Method == "DELETE" || op.Method == "PATCH") {
		return 204
	}
	return 200
}

// operationParams collects the placeholders of every path (typed from the page's path and
// function tables) and the page's query, header and body tables.
func operationParams(p *Page, op *Operation, ds *Diagnostics) []Param {
	var out []Param
	seen := map[string]bool{}
	for _, path := range op.Paths {
		for _, s := range path.Segments {
			for _, pt := range s.Parts {
				if !pt.IsParam() {
					continue
				}
				in := InPath
				if pt.Function {
					in = InFunction
				}
				key := in.String() + ":" + pt.Param
				if seen[key] {
					continue
				}
				seen[key] = true
				alts := pt.Alternatives
				if pt.Written != "" {
					alts = append(slices.Clone(alts), pt.Written) // column={func}: the func row types it
				}
				out = append(out, placeholderParam(p, op, pt.Param, alts, in))
			}
		}
		for _, q := range path.Query {
			// A placeholder inside a query template ($filter=... eq '{id_value}') is an
			// argument of the URL as a path key is, typed and described by its row.
			for _, pt := range q.Parts {
				if pt.IsParam() && !seen["path:"+pt.Param] {
					seen["path:"+pt.Param] = true
					out = append(out, placeholderParam(p, op, pt.Param, nil, InPath))
				}
			}
			if q.Param == "" || seen["query:"+q.Param] {
				continue
			}
			seen["query:"+q.Param] = true
			pp := placeholderParam(p, op, q.Param, nil, InQuery)
			pp.Name = q.Name
			out = append(out, pp)
		}
	}
	first := map[string]Param{}
	getBody := false
	params := p.Params
	if m := p.ConsistencyLevelProse; m.Text != "" && !slices.ContainsFunc(params, func(tp Param) bool { return tp.In == InHeader && strings.EqualFold(tp.Name, "ConsistencyLevel") }) {
		// "$search ... requires the ConsistencyLevel header set to eventual", in prose only.
		params = append(slices.Clip(params), Param{Name: "ConsistencyLevel", In: InHeader, Presence: Optional,
			Type: TypeRef{Kind: KindPrimitive, Primitive: String, Pos: m.Pos}, Description: m.Text, Pos: m.Pos})
	}
	for _, tp := range params {
		if tp.In == InHeader || tp.In == InQuery || tp.In == InBody {
			key := tp.In.String() + ":" + tp.Name
			if prev, dup := first[key]; dup {
				if tp.In == InHeader && tp.Description != "" && !strings.Contains(prev.Description, tp.Description) {
					// | Prefer | odata.maxpagesize={x} | beside | Prefer | outlook.timezone=... |:
					// one header, several values the docs describe; the field says them all.
					prev.Description = strings.TrimSpace(prev.Description + " " + tp.Description)
					first[key] = prev
					for i := range out {
						if out[i].In == InHeader && out[i].Name == tp.Name {
							out[i].Description = prev.Description
						}
					}
				}
				// Pages that cover several derived types repeat rows across tables.
				if prev.Type.String() != tp.Type.String() {
					ds.Addf(tp.Pos, Warning, "duplicate-param", "%s parameter %q is documented again with type %s; the first row's %s (line %d) is kept",
						tp.In, tp.Name, tp.Type, prev.Type, prev.Pos.Line)
				}
				continue
			}
			first[key] = tp
		}
		switch tp.In {
		case InFunction:
			if op.Method == "GET" && !written(p, tp.Name) && !slices.ContainsFunc(out, func(pm Param) bool { return pm.In == InFunction && SameName(pm.Name, tp.Name) }) {
				// A row the call never names (usedRange's optional valuesOnly): said, not
				// sent.
				ds.Addf(tp.Pos, Warning, "function-param-unused",
					"function parameter %q is documented, but no request line of the page passes it: the method does not send it", tp.Name)
			}
		case InHeader:
			out = append(out, tp)
		case InQuery:
			// A row that names a function argument is that argument (see
			// functionArgsFromBody): it is not sent twice.
			if !seen["query:"+tp.Name] && !seen["function:"+tp.Name] {
				out = append(out, tp)
			}
		case InBody:
			if seen["function:"+tp.Name] {
				continue // an argument of the function (see functionArgsFromBody)
			}
			if op.Method == "GET" && examplesSendObject(op) {
				// The workbook range functions (range/intersection, boundingRect) are
				// documented as a GET whose example sends its body table as JSON: the
				// method sends what the docs send.
				if !getBody {
					getBody = true
					ds.Addf(tp.Pos, Warning, "get-with-body",
						"GET %s documents a request body, and its example sends one: the method sends the body table as JSON, as documented", op.Paths[0])
				}
			} else if op.Method == "GET" || op.Method == "DELETE" {
				ds.Addf(tp.Pos, Warning, "body-param-ignored",
					"request body parameter %q ignored: %s requests carry no body", tp.Name, op.Method)
				continue
			}
			out = append(out, tp)
		}
	}
	out = append(out, exampleQueryParams(op, out, p.Params, ds)...)
	// A body that comes back only on request (Prefer: return=representation) is asked for
	// with the Prefer header: an option of its own where the page's table forgot the row.
	if op.Response.OnRequest && !slices.ContainsFunc(out, func(pm Param) bool { return pm.In == InHeader && strings.EqualFold(pm.Name, "Prefer") }) {
		out = append(out, Param{Name: "Prefer", In: InHeader, Presence: Optional, Pos: op.Response.Pos,
			Description: "return=representation asks for the " + op.Response.Type.Name + " in the response body; without it the service sends no body and the result is nil.",
			Type:        TypeRef{Kind: KindPrimitive, Primitive: String, Raw: "String", Pos: op.Response.Pos}})
	}
	return append(out, exampleHeaderParams(op, out, ds)...)
}
