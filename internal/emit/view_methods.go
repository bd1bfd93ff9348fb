package emit

import (
	pathpkg "path"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// bodyType is the body a path's method sends: what the endpoint map settled for the path
// (model.Target.Body), else the page's.
func bodyType(op *model.Operation, p model.Path) model.TypeRef {
	if p.Target != nil && p.Target.Body != nil {
		return *p.Target.Body
	}
	return op.Body.Type
}

// addMethods makes one method for each distinct path shape of an operation; the methods
// share the operation's body struct, or one for each body type the endpoint map settled
// for the paths.
func (v *view) addMethods(op *model.Operation) {
	bodies := map[string]*goBody{}
	first := len(v.methods)
	opts := v.newOptions(op)
	variants := map[string]*goOptions{} // options less those a query template fixes
	seen := map[string]model.Path{}
	for _, path := range op.Paths {
		if prev, ok := seen[path.Shape()]; ok {
			if queryText(prev) != queryText(path) {
				// GET /sites/{id}/lists/{id}/items?expand=fields(select=Column1) beside
				// ?expand=fields: one call, its fixed query values aside.
				v.diags.Addf(op.Pos, model.Warning, "request-line-shadowed",
					"%s %s differs from %s %s only in fixed query values: it has no method of its own, and the values it writes are the caller's to send through opts", op.Method, path, op.Method, prev)
			}
			continue
		}
		seen[path.Shape()] = path
		m := &goMethod{Op: op, Path: path, Result: op.Response.Type, Group: group(path)}
		if path.Target != nil && path.Target.Result != nil {
			m.Result = *path.Target.Result // what this path addresses (see model/endpoints.go)
		}
		m.base = methodName(op, path, m.Result, v.spell)
		m.Name = m.base
		argNames := uniquer{}
		if v.split {
			argNames[v.pkg] = true // the core package's name qualifies runtime names in a workload
		}
		written := map[string]bool{}
		for _, pt := range path.Params() {
			if written[pt.Param] {
				continue // one value written twice (an extension's ID in $filter and $expand)
			}
			written[pt.Param] = true
			in := model.InPath
			if pt.Function {
				in = model.InFunction
			}
			p, ok := op.Param(in, pt.Param)
			if !ok {
				if p, ok = queryTemplateParam(op, path, pt.Param); !ok {
					p = model.Param{Name: pt.Param, In: in, Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String}}
				}
			}
			if t := v.namedType(p.Type); p.Type.Kind == model.KindNamed && (t == nil || !t.Model.IsEnum) {
				// A URL holds text: an argument of a type no page documents as an enum
				// (filterByCurrentUser's "on", whose values only its row lists) is sent as
				// the String the caller writes.
				v.diags.Addf(p.Pos.Or(op.Pos), model.Warning, "argument-type-text",
					"%s %s: argument %s is typed %s, which no page documents as an enum; it is taken as a String", op.Method, path, pt.Param, p.Type)
				p.Type = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Collection: p.Type.Collection, Raw: p.Type.Raw, Pos: p.Type.Pos}
			}
			// A String function argument is an OData string literal even where the
			// template leaves out the quotes (reminderView(startDateTime=startDateTime-value)).
			quoted := pt.Quoted || pt.Function && p.Type.Kind == model.KindPrimitive && p.Type.Primitive == model.String && !p.Type.Collection
			m.Args = append(m.Args, goArg{Name: argNames.take(unexported(v.spell.param(pt.Param))), Param: p, Quoted: quoted, Path: pt.PathValued})
		}
		v.classifyResult(m)
		if opts != nil {
			o := optionsFor(opts, path, variants)
			if m.Delta {
				o.Delta = true
			}
			if o.Owner == nil {
				o.Owner = m
			}
			m.Options = o
		}
		if m.Upload {
			v.methods = append(v.methods, m)
			continue
		}
		bk := bodyType(op, path).String()
		if isRefPath(path) {
			// a $ref line's Reference is not the body of the page's other lines (an
			// administrative unit's POST .../members creates a member)
			bk += " $ref"
		}
		if _, ok := bodies[bk]; !ok {
			bodies[bk] = v.newBody(op, m)
		}
		m.Body = bodies[bk]
		m.EmptyBody = m.Body == nil && op.Body.Empty && op.Method != "GET" && op.Method != "DELETE"
		if b := m.Body; b != nil && b.Whole != nil {
			// A derived type's @odata.type tells the service which of its base's kinds the
			// body is (an authentication method's, a device configuration's); a type that
			// only derives from entity needs none.
			if t := v.namedType(*b.Whole); t != nil && !t.Model.IsEnum && t.Model.Base != "" && !strings.EqualFold(t.Model.Base, "microsoft.graph.entity") {
				b.ODataType = op.ExampleODataType(*b.Whole)
			}
		}
		v.methods = append(v.methods, m)
		if j := v.jsonTwin(m); j != nil {
			v.methods = append(v.methods, j)
		}
	}
	// The structs the methods share are named after the method whose path addresses the
	// type the page is named after (directoryobject-getmembergroups.md: the one bound to
	// directoryObject, not /me/getMemberGroups, which the page lists first).
	prefix, _, ok := strings.Cut(strings.ToLower(pathpkg.Base(op.Page)), "-")
	if !ok {
		return
	}
	// A plain path comes before a query template of it (GetX before GetXWithSelect).
	for _, templates := range []bool{false, true} {
		for _, m := range v.methods[first:] {
			tg := m.Path.Target
			if tg == nil || !strings.EqualFold(tg.Type.Name, prefix) || (len(m.Path.Query) > 0) != templates {
				continue
			}
			if m.Options == opts { // not a copy without the options its template fixes
				opts.Owner = m // newOptions never returns nil
			}
			if m.Body != nil && !m.Upload {
				m.Body.Owner = m
			}
			return
		}
	}
}

// jsonTwin is, for a GET whose answer is a stream by default (a report's CSV, by a 302
// redirect) and whose page says what the JSON form holds (its "### JSON" part), the
// method that asks for that form: m's arguments and options, the path with
// $format=application/json, named m's name + JSON, returning the JSON type. nil otherwise.
//
//	func (c *Client) GetEmailActivityCountsReportsJSON(ctx context.Context, period string, opts *GetEmailActivityCountsReportsOptions) iter.Seq2[EmailActivitySummary, error]
func (v *view) jsonTwin(m *goMethod) *goMethod {
	op := m.Op
	if op.Method != "GET" || m.Kind != resultStream || op.Response.JSON.Kind != model.KindNamed || v.namedType(op.Response.JSON) == nil {
		return nil
	}
	p := m.Path
	p.Query = append(slices.Clone(p.Query), model.QueryParam{Name: "$format", Value: "application/json"})
	j := &goMethod{Op: op, Path: p, Args: m.Args, Options: m.Options, Body: m.Body, Result: op.Response.JSON, Group: m.Group, jsonOf: m}
	if m.Options != nil {
		// Its $format is fixed: Format would replace it (see optionsFor).
		if o := optionsFor(m.Options, p, map[string]*goOptions{}); o != m.Options {
			o.Owner = j
			j.Options = o
		}
	}
	j.base = m.base + "JSON"
	j.Name = j.base
	v.classifyResult(j)
	return j
}

// mimeView is m as the method that sends a MIME message instead of m's body: named
// m.MIMEName, with m's path arguments, options and result.
func (m *goMethod) mimeView() *goMethod {
	c := *m
	c.Name, c.Body, c.MIMEName, c.UploadName, c.mimeOf = m.MIMEName, nil, "", "", m
	return &c
}

// classifyResult decides how a method returns its response, and whether it uploads raw
// content: GET $count is a text/plain number; GET $value, a Stream and a 302 redirect to a
// download are streams; PUT/POST/PATCH of $value or content (or a Stream body) send raw
// content.
func (v *view) classifyResult(m *goMethod) {
	op, r := m.Op, m.Result
	bt := bodyType(op, m.Path)
	last, call := "", ""
	if n := len(m.Path.Segments); n > 0 {
		last, _ = m.Path.Segments[n-1].Literal()
		// the function a call names: delta(token='{token}') is delta
		call, _, _ = strings.Cut(m.Path.Segments[n-1].String(), "(")
	}
	stream := r.Kind == model.KindPrimitive && r.Primitive == model.Stream && !r.Collection
	// A page that names a JSON body for a content property (OneNote's page update takes
	// an array of patchContentCommand) sends that, not raw content; $value is raw always.
	streamed := bt.Kind == model.KindPrimitive && bt.Primitive == model.Stream
	if op.Method != "GET" && len(op.ParamsIn(model.InBody)) == 0 && (last == "$value" || last == "content" && bt.Kind != model.KindNamed || streamed) {
		m.Upload = true
	}
	if op.Method != "GET" && streamed && m.Path.Target != nil && m.Path.Target.Body != nil {
		// The endpoint map read this path's example as content (the branding page's
		// bannerLogo image), whatever the page's body table says of its other paths.
		m.Upload = true
	}
	switch {
	case op.Method == "GET" && last == "$count":
		m.Kind = resultCount
		m.Result = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Int64}
	case stream || op.Method == "GET" && (last == "$value" || op.Response.Status == 302) && m.jsonOf == nil:
		m.Kind = resultStream
		m.Result = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream}
	case op.Method != "GET" && longRunning(op) && !op.Response.Accepted:
		m.Kind = resultMonitor
		m.preferAsync = asksAsync(op)
	case op.Method == "GET" && call == "delta" && !r.Collection && r.Kind == model.KindNamed && v.namedType(r) != nil && !v.namedType(r).Model.IsEnum,
		op.Method == "GET" && call == "delta" && r.Collection:
		// A delta function answers pages of changes, also where its page says "an object".
		m.Kind, m.Delta = resultPage, true
		m.Result.Collection = true
	case r.Kind == model.KindNone:
		m.Kind = resultNone
	case r.Kind == model.KindUnknown && op.AnswersNothing():
		// The Response section names no type ("returns a 200 OK response code") and
		// every example response is a success without a body: nothing to return.
		m.Kind = resultNone
		m.Result = model.TypeRef{}
	case r.Collection:
		m.Kind = resultPage
	case r.Kind == model.KindReference:
		m.Kind = resultObject
	case r.Kind == model.KindNamed && v.namedType(r) != nil && !v.namedType(r).Model.IsEnum:
		m.Kind = resultObject
		m.OnRequest = op.Response.OnRequest
		m.Optional = op.Response.Optional
	case r.Kind == model.KindUnknown || r.Kind == model.KindNamed && v.namedType(r) == nil || r.Primitive == model.Json:
		m.Kind = resultRaw
	default:
		m.Kind = resultPrimitive
	}
}

// longRunning reports whether the docs say op starts a long-running operation: the
// service answers 202 Accepted, and the example response gives a Location (or
// Operation-Location) header, the monitor URL, and no body (copying a driveItem, cloning a
// team), or the Response section says 202 and names the header (OneNote's copies, whose
// examples show no headers; registering a printer). driveItem copy's Response section
// names no status: its example decides. A 202 whose example has a body (assignLicense
// answers with the group; beta's configureMixer, whose prose says 202 and a Location, shows
// 200 with the commsOperation) keeps its typed result.
func longRunning(op *model.Operation) bool {
	if op.Response.Status == 202 && op.Response.Monitor != "" && !slices.ContainsFunc(op.Examples, func(ex model.Example) bool {
		return ex.Kind == model.ExampleResponse && strings.TrimSpace(ex.Body) != ""
	}) {
		return true
	}
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleResponse || ex.Status != 202 || strings.TrimSpace(ex.Body) != "" {
			continue
		}
		for _, h := range ex.Headers {
			if strings.EqualFold(h.Name, "Location") || strings.EqualFold(h.Name, "Operation-Location") {
				return true
			}
		}
	}
	return false
}

// monitorHeader is the header the monitor URL of a long-running op comes in.
func monitorHeader(op *model.Operation) string {
	if op.Response.Monitor != "" {
		return op.Response.Monitor
	}
	for _, ex := range op.Examples {
		for _, h := range ex.Headers {
			if ex.Kind == model.ExampleResponse && ex.Status == 202 && strings.EqualFold(h.Name, "Operation-Location") {
				return "Operation-Location"
			}
		}
	}
	return "Location"
}

// optionsFor is the options struct a method of path uses: the operation's, or, where the
// path's query template fixes an option the struct offers
// ($expand=singleValueExtendedProperties($filter=...)), a copy without it, shared by the
// methods that fix the same options: setting Expand would replace the template's value
// and drop what the method is for.
func optionsFor(opts *goOptions, path model.Path, variants map[string]*goOptions) *goOptions {
	var fixed []string
	for _, q := range path.Query {
		n := strings.ToLower(q.Name)
		if slices.ContainsFunc(opts.Fields, func(f goOpt) bool { return f.OData == n }) && !slices.Contains(fixed, n) {
			fixed = append(fixed, n)
		}
	}
	if len(fixed) == 0 {
		return opts
	}
	slices.Sort(fixed)
	key := strings.Join(fixed, ",")
	if o := variants[key]; o != nil {
		return o
	}
	o := &goOptions{
		Fields: slices.DeleteFunc(slices.Clone(opts.Fields), func(f goOpt) bool { return slices.Contains(fixed, f.OData) }),
		Delta:  opts.Delta,
	}
	// ConsistencyLevel: eventual goes with Count or Search, if the copy still has one.
	o.ConsistencyEventual = opts.ConsistencyEventual && slices.ContainsFunc(o.Fields, func(f goOpt) bool { return f.OData == "$count" || f.OData == "$search" })
	variants[key] = o
	return o
}

// asksAsync reports whether the request example before a 202 Accepted response with a
// Location sends Prefer: respond-async (externalconnectors-schema-create.md: without it
// the service answers 201 Created with the schema, which a Monitor would not return).
func asksAsync(op *model.Operation) bool {
	var req *model.Example
	for i, ex := range op.Examples {
		switch {
		case ex.Kind == model.ExampleRequest:
			req = &op.Examples[i]
		case ex.Kind == model.ExampleResponse && ex.Status == 202 && req != nil:
			for _, h := range req.Headers {
				if strings.EqualFold(h.Name, "Prefer") && strings.Contains(strings.ToLower(h.Value), "respond-async") {
					return true
				}
			}
		}
	}
	return false
}

// uploadURLField is, for a createUploadSession method whose result type has an uploadUrl
// property, that property's Go field; "" otherwise.
func (v *view) uploadURLField(m *goMethod) string {
	n := len(m.Path.Segments)
	if m.Kind != resultObject || n == 0 || m.Upload {
		return ""
	}
	for _, a := range m.Args {
		switch a.Name {
		case "content", "size", "out", "upload", "s", "err":
			return "" // the upload method's own names
		}
	}
	if last, _ := m.Path.Segments[n-1].Literal(); last != "createUploadSession" {
		return ""
	}
	gt := v.namedType(m.Result)
	if gt == nil {
		return ""
	}
	for _, f := range gt.Fields {
		if f.Prop.Name == "uploadUrl" && f.Prop.Type.Kind == model.KindPrimitive && f.Prop.Type.Primitive == model.String && !f.Prop.Type.Collection {
			return f.Name
		}
	}
	return ""
}

// queryText is the query string a path template writes, "" for none.
func queryText(p model.Path) string {
	_, q, _ := strings.Cut(p.String(), "?")
	return q
}
