package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"
)

// genMethod emits one client method (two for a collection: an iterator over every item
// and a method for one page):
//
//	// GetDeviceAppManagementVppToken sends GET /deviceAppManagement/vppTokens/{vppTokenId}.
//	// ...
//	func (c *Client) GetDeviceAppManagementVppToken(ctx context.Context, vppTokenID string, opts *GetDeviceAppManagementVppTokenOptions) (*VppToken, error) {
//		r := Request{Method: "GET", Path: "/deviceAppManagement/vppTokens/" + PathValue(vppTokenID, false)}
//		opts.apply(&r)
//		var out VppToken
//		if err := c.Do(ctx, r, &out); err != nil {
//			return nil, err
//		}
//		return &out, nil
//	}
func genMethod(f *jen.File, v *view, m *goMethod) {
	switch {
	case m.Options == nil:
	case m.Options.Owner == m:
		genOptionsStruct(f, v, m.Options)
	default:
		for _, a := range m.Options.Aliases {
			if a.Method == m {
				genOptionsAlias(f, m.Options, a)
			}
		}
	}
	params := v.methodParams(m)
	build := requestStmts(v, m)
	r := m.Result
	results := v.methodResults(m, false) // the one switch on the result kind for signatures
	var stmts []jen.Code
	call := func(out jen.Code) *jen.Statement {
		return jen.Id("c").Dot("Do").Call(jen.Id("ctx"), jen.Id("r"), out)
	}
	switch m.Kind {
	case resultNone:
		stmts = append(stmts, jen.Return(call(jen.Nil())))
	case resultCount:
		stmts = append(stmts, jen.Return(jen.Id("c").Dot("Count").Call(jen.Id("ctx"), jen.Id("r"))))
	case resultStream:
		stmts = append(stmts, jen.Return(jen.Id("c").Dot("Stream").Call(jen.Id("ctx"), jen.Id("r"))))
	case resultMonitor:
		stmts = append(stmts, jen.Return(v.rt("StartMonitor").Call(jen.Id("ctx"), v.clientArg(), jen.Id("r"))))
	case resultPage:
		elem := r
		elem.Collection = false
		// The iterator first, then the one-page method.
		f.Add(methodDoc(m, m.Name, false))
		list := "List"
		if m.Op.Method != "GET" {
			list = "ListSent" // an action is sent when called, once, not when ranged over
		}
		iterStmts := append(requestStmts(v, m), jen.Return(v.rt(list).Types(v.goTypeOf(elem)).Call(jen.Id("ctx"), v.clientArg(), jen.Id("r"))))
		if m.Delta {
			iterStmts = append(requestStmts(v, m),
				jen.Var().Id("link").Op("*").String(),
				jen.If(jen.Id("opts").Op("!=").Nil()).Block(jen.Id("link").Op("=").Id("opts").Dot("DeltaLink")),
				jen.Return(v.rt("DeltaSync").Types(v.goTypeOf(elem)).Call(jen.Id("ctx"), v.clientArg(), jen.Id("r"), jen.Id("link"))))
		}
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(m.Name).Params(params...).
			Add(results).
			Block(iterStmts...)
		f.Add(methodDoc(m, m.PageName, true))
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(m.PageName).Params(v.methodParams(m)...).
			Add(v.methodResults(m, true)).
			Block(append(build, jen.Return(v.rt("GetPage").Types(v.goTypeOf(elem)).Call(jen.Id("ctx"), v.clientArg(), jen.Id("r"))))...)
		return
	case resultObject:
		typ := v.goTypeOf(r)
		// A response without a body (a 204 where the docs promise one, a body only on
		// request with Prefer: return=representation, or one the docs disagree on) is a
		// nil result, not an empty value that reads as one the service sent:
		//
		//	var out PlannerTask
		//	if ok, err := c.DoOptional(ctx, r, &out); !ok || err != nil {
		//		return nil, err
		//	}
		//	return &out, nil
		stmts = append(stmts,
			jen.Var().Id("out").Add(typ),
			jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("c").Dot("DoOptional").Call(jen.Id("ctx"), jen.Id("r"), jen.Op("&").Id("out")),
				jen.Op("!").Id("ok").Op("||").Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Op("&").Id("out"), jen.Nil()))
	case resultRaw:
		stmts = append(stmts, decodeInto(jen.Qual(jsonPkg, "RawMessage"), call, jen.Id("out"))...)
	default:
		// A primitive or an enum: Graph wraps it as {"value": ...}.
		typ := v.goTypeOf(r)
		stmts = append(stmts,
			jen.Var().Id("out").Add(v.rt("ValueOf")).Types(typ),
			jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out").Dot("Value"), jen.Err()),
		)
	}
	f.Add(methodDoc(m, m.Name, false))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(m.Name).Params(params...).Add(results).Block(append(build, stmts...)...)
	if m.UploadName != "" {
		genUploadMethod(f, v, m)
	}
	if m.MIMEName != "" {
		genMethod(f, v, m.mimeView())
	}
}

// uploadParams are the parameters of m's upload method: m's, with the content, its size,
// the result and the upload options before opts.
func (v *view) uploadParams(m *goMethod) []jen.Code {
	ps := v.methodParams(m)
	last := ps[len(ps)-1]
	return append(ps[:len(ps)-1:len(ps)-1], jen.Id("content").Qual(ioPkg, "Reader"), jen.Id("size").Int64(),
		jen.Id("out").Any(), jen.Id("upload").Op("*").Add(v.rt("UploadOptions")), last)
}

// genUploadMethod emits the method that creates an upload session with m and sends the
// content to it:
//
//	func (c *Client) UploadLargeMeMessageAttachments(ctx context.Context, messageID string, body ..., content io.Reader, size int64, out any, upload *UploadOptions, opts *...Options) (*UploadSession, error) {
//		s, err := c.CreateUploadSessionMeMessageAttachments(ctx, messageID, body, opts)
//		if err != nil {
//			return nil, err
//		}
//		if s.UploadURL == nil {
//			return s, errors.New("graph: the upload session has no uploadUrl")
//		}
//		return s, Upload(ctx, c, *s.UploadURL, content, size, out, upload)
//	}
func genUploadMethod(f *jen.File, v *view, m *goMethod) {
	var d doc
	d.para(fmt.Sprintf("%s creates an upload session with %s (%s %s) and sends size bytes of content to it with Upload: fragments of upload.FragmentSize (a multiple of 320 KiB), each sent again after a failure, resumed from the session's nextExpectedRanges after a 404 or 416, with upload.Progress called as they are accepted. out, when not nil, receives the resource the last fragment's answer carries.",
		m.UploadName, m.Name, m.Op.Method, m.Path))
	d.para("It returns the session even when the upload fails: its " + m.UploadField + " can be saved and passed to Upload with Resume set, in this process or another, while the session lasts.")
	d.verbatim(false, "Source: "+m.Op.Page)
	f.Add(d.code())
	var args []jen.Code
	args = append(args, jen.Id("ctx"))
	for _, a := range m.Args {
		args = append(args, jen.Id(a.Name))
	}
	if m.Body != nil {
		args = append(args, jen.Id("body"))
	}
	args = append(args, jen.Id("opts"))
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(m.UploadName).Params(v.uploadParams(m)...).Add(v.methodResults(m, false)).Block(
		jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("c").Dot(m.Name).Call(args...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Id("s").Dot(m.UploadField).Op("==").Nil()).Block(
			jen.Return(jen.Id("s"), jen.Qual("errors", "New").Call(jen.Lit("graph: the upload session has no uploadUrl")))),
		jen.Return(jen.Id("s"), jen.Qual(v.rtPath(), "Upload").Call(jen.Id("ctx"), v.clientArg(), jen.Op("*").Id("s").Dot(m.UploadField),
			jen.Id("content"), jen.Id("size"), jen.Id("out"), jen.Id("upload"))),
	)
}

// methodResults is a method's result list (for the one-page method of a collection when
// onePage is set).
func (v *view) methodResults(m *goMethod, onePage bool) jen.Code {
	elem := m.Result
	elem.Collection = false
	switch m.Kind {
	case resultCount:
		return jen.Parens(jen.List(jen.Int64(), jen.Error()))
	case resultStream:
		return jen.Parens(jen.List(jen.Qual(ioPkg, "ReadCloser"), jen.Error()))
	case resultPage:
		if onePage {
			return jen.Parens(jen.List(jen.Op("*").Add(v.rt("Page")).Types(v.goTypeOf(elem)), jen.Error()))
		}
		if m.Delta {
			return jen.Qual(iterPkg, "Seq2").Types(v.rt("DeltaItem").Types(v.goTypeOf(elem)), jen.Error())
		}
		return jen.Qual(iterPkg, "Seq2").Types(v.goTypeOf(elem), jen.Error())
	case resultObject:
		return jen.Parens(jen.List(jen.Op("*").Add(v.goTypeOf(m.Result)), jen.Error()))
	case resultRaw:
		return jen.Parens(jen.List(jen.Qual(jsonPkg, "RawMessage"), jen.Error()))
	case resultMonitor:
		return jen.Parens(jen.List(jen.Op("*").Add(v.rt("Monitor")), jen.Error()))
	case resultPrimitive:
		return jen.Parens(jen.List(v.goTypeOf(m.Result), jen.Error()))
	}
	return jen.Error()
}

// methodParams are a method's parameters: ctx, the path, function and query-template
// arguments, the body (or raw content), and the options.
func (v *view) methodParams(m *goMethod) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual(contextPkg, "Context")}
	for _, a := range m.Args {
		params = append(params, jen.Id(a.Name).Add(v.goTypeOf(a.Param.Type)))
	}
	switch {
	case m.mimeOf != nil:
		params = append(params, jen.Id("mime").Index().Byte())
	case m.Upload:
		params = append(params, jen.Id("content").Qual(ioPkg, "Reader"), jen.Id("contentType").String())
	case m.Body != nil && m.Body.Any:
		params = append(params, jen.Id("body").Any())
	case m.Body != nil && m.Body.Ref:
		params = append(params, jen.Id("body").Add(v.rt("Reference")))
	case m.Body != nil && m.Body.Whole != nil:
		params = append(params, jen.Id("body").Add(v.goTypeOf(*m.Body.Whole)))
	case m.Body != nil:
		params = append(params, jen.Id("body").Qual(v.methodPath(m.Body.Owner), m.Body.Name))
	}
	if m.Options != nil {
		of := m
		if m.mimeOf != nil {
			of = m.mimeOf // the MIME method takes the options of the method it varies
		}
		params = append(params, jen.Id("opts").Op("*").Qual(v.methodPath(m), m.Options.nameFor(of)))
	}
	return params
}

// requestStmts build the request r:
//
//	r := Request{Method: "GET", Path: "/users/" + PathValue(userID, false) + "/memberOf",
//		Query: url.Values{"startDateTime": {QueryValue(startDateTime, false)}}, Body: body}
//	opts.apply(&r)
func requestStmts(v *view, m *goMethod) []jen.Code {
	var stmts []jen.Code
	if b := m.Body; b != nil && b.ODataType != "" && m.mimeOf == nil && !m.Upload {
		// The docs send the type with the body:
		//
		//	if body.ODataType == nil {
		//		body.ODataType = Ptr("#microsoft.graph.emailAuthenticationMethodConfiguration")
		//	}
		stmts = append(stmts, jen.If(jen.Id("body").Dot("ODataType").Op("==").Nil()).Block(
			jen.Id("body").Dot("ODataType").Op("=").Add(v.rt("Ptr")).Call(jen.Lit(b.ODataType)),
		))
	}
	fields := jen.Dict{jen.Id("Method"): jen.Lit(m.Op.Method), jen.Id("Path"): pathExpr(v, m)}
	switch {
	case m.mimeOf != nil:
		// Content: strings.NewReader(base64.StdEncoding.EncodeToString(mime)), ContentType: "text/plain"
		fields[jen.Id("Content")] = jen.Qual(stringsPkg, "NewReader").Call(jen.Qual(base64Pkg, "StdEncoding").Dot("EncodeToString").Call(jen.Id("mime")))
		fields[jen.Id("ContentType")] = jen.Lit("text/plain")
	case m.Upload:
		fields[jen.Id("Content")] = jen.Id("content")
		fields[jen.Id("ContentType")] = jen.Id("contentType")
	case m.Body != nil:
		fields[jen.Id("Body")] = jen.Id("body")
	case m.EmptyBody:
		// Body: struct{}{}, which is sent as {}
		fields[jen.Id("Body")] = jen.Struct().Values()
	}
	if m.preferAsync {
		// Header: http.Header{"Prefer": {"respond-async"}}
		fields[jen.Id("Header")] = jen.Qual(httpPkg, "Header").Values(jen.Dict{jen.Lit("Prefer"): jen.Values(jen.Lit("respond-async"))})
	}
	if len(m.Path.Query) > 0 {
		q := jen.Dict{}
		for _, qp := range m.Path.Query {
			val := jen.Lit(qp.Value)
			switch {
			case len(qp.Parts) > 0:
				// A template value: its text with each argument written in, "id eq '" + ... + "'";
				// url.Values escapes the whole value.
				var e *jen.Statement
				for _, pt := range qp.Parts {
					part := jen.Lit(pt.Literal)
					if pt.IsParam() {
						part = v.rt("QueryValue").Call(jen.Id(argName(m, pt.Param)), jen.Lit(pt.Quoted))
					}
					if e == nil {
						e = part
					} else {
						e = e.Op("+").Add(part)
					}
				}
				val = e
			case qp.Param != "":
				val = v.rt("QueryValue").Call(jen.Id(argName(m, qp.Param)), jen.Lit(qp.Quoted))
			}
			q[jen.Lit(qp.Name)] = jen.Values(val)
		}
		fields[jen.Id("Query")] = jen.Qual(urlPkg, "Values").Values(q)
	}
	stmts = append(stmts, jen.Id("r").Op(":=").Add(v.rt("Request")).Values(fields))
	if m.Options != nil {
		stmts = append(stmts, jen.Id("opts").Dot("apply").Call(jen.Op("&").Id("r")))
	}
	return stmts
}

// decodeInto declares out, calls do with &out, and returns ret (or nil and the error).
func decodeInto(typ *jen.Statement, call func(jen.Code) *jen.Statement, ret jen.Code) []jen.Code {
	return []jen.Code{
		jen.Var().Id("out").Add(typ),
		jen.If(jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(ret, jen.Nil()),
	}
}

// argName is the Go name of the argument behind a placeholder.
func argName(m *goMethod, param string) string {
	for i, pt := range m.Path.Params() {
		if pt.Param == param {
			return m.Args[i].Name
		}
	}
	return unexported(param)
}

// pathExpr builds the path as a string expression: literals joined with escaped arguments.
func pathExpr(v *view, m *goMethod) jen.Code {
	var pieces []jen.Code
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			pieces = append(pieces, jen.Lit(lit.String()))
			lit.Reset()
		}
	}
	i := 0
	for _, s := range m.Path.Segments {
		lit.WriteByte('/')
		for _, pt := range s.Parts {
			if !pt.IsParam() {
				lit.WriteString(pt.Literal)
				continue
			}
			flush()
			if m.Args[i].Path {
				pieces = append(pieces, v.rt("PathSegments").Call(jen.Id(m.Args[i].Name)))
			} else {
				pieces = append(pieces, v.rt("PathValue").Call(jen.Id(m.Args[i].Name), jen.Lit(m.Args[i].Quoted)))
			}
			i++
		}
	}
	if len(m.Path.Segments) == 0 {
		lit.WriteByte('/')
	}
	flush()
	expr := jen.Add(pieces[0])
	for _, p := range pieces[1:] {
		expr = expr.Op("+").Add(p)
	}
	return expr
}

// genWorkloadClient emits a workload package's client, which embeds the core client:
//
//	// Client calls the deviceAppManagement operations through a graph.Client, whose
//	// settings (base URL, authentication, retries) it uses.
//	type Client struct {
//		*graph.Client
//	}
//
//	// New returns a Client that sends its requests through c.
//	func New(c *graph.Client) *Client { return &Client{Client: c} }
func genWorkloadClient(f *jen.File, v *view, pkg *goPackage) {
	for _, l := range wrap(fmt.Sprintf("Package %s calls the Microsoft Graph %s operations under /%s, and holds the models only they use; the others are in %s.",
		pkg.Name, v.version, pkg.Segment, v.corePath)) {
		f.PackageComment(l)
	}
	var d doc
	d.para(fmt.Sprintf("Client calls the /%s operations through a %s.Client, whose settings (base URL, authentication, retries) it uses, and whose methods (Do, Stream, Count) send requests these docs do not describe.", pkg.Segment, v.pkg))
	f.Add(d.code())
	f.Type().Id("Client").Struct(jen.Op("*").Add(v.rt("Client")))
	f.Comment("New returns a Client that sends its requests through c.")
	f.Func().Id("New").Params(jen.Id("c").Op("*").Add(v.rt("Client"))).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("Client"): jen.Id("c")})),
	)
}
