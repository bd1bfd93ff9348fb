package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// genMethod emits one client method:
//
//	// GetDeviceAppManagementVppToken sends GET /deviceAppManagement/vppTokens/{vppTokenId}.
//	// ...
//	func (c *Client) GetDeviceAppManagementVppToken(ctx context.Context, vppTokenID string) (*VppToken, error) {
//		p := "/deviceAppManagement/vppTokens/" + pathValue(vppTokenID, false)
//		var out VppToken
//		if err := c.do(ctx, "GET", p, nil, nil, &out); err != nil {
//			return nil, err
//		}
//		return &out, nil
//	}
func genMethod(f *jen.File, v *view, m *goMethod) {
	f.Add(methodDoc(m))
	params := []jen.Code{jen.Id("ctx").Qual(contextPkg, "Context")}
	for _, a := range m.Args {
		params = append(params, jen.Id(a.Name).Add(v.goTypeOf(a.Param.Type)))
	}
	in := jen.Nil()
	switch {
	case m.Upload:
		params = append(params, jen.Id("content").Qual(ioPkg, "Reader"), jen.Id("contentType").String())
	case m.Body != nil && m.Body.Any:
		params = append(params, jen.Id("body").Any())
		in = jen.Id("body")
	case m.Body != nil && m.Body.Whole != nil:
		params = append(params, jen.Id("body").Add(v.goTypeOf(*m.Body.Whole)))
		in = jen.Id("body")
	case m.Body != nil:
		params = append(params, jen.Id("body").Id(m.Body.Name))
		in = jen.Id("body")
	}
	var stmts []jen.Code
	stmts = append(stmts, jen.Id("p").Op(":=").Add(pathExpr(m)))
	query := jen.Nil()
	if len(m.Path.Query) > 0 {
		stmts = append(stmts, jen.Id("q").Op(":=").Qual(urlPkg, "Values").Values())
		for _, q := range m.Path.Query {
			val := jen.Lit(q.Value)
			if q.Param != "" {
				val = jen.Id("queryValue").Call(jen.Id(argName(m, q.Param)), jen.Lit(q.Quoted))
			}
			stmts = append(stmts, jen.Id("q").Dot("Set").Call(jen.Lit(q.Name), val))
		}
		query = jen.Id("q")
	}
	method := jen.Lit(m.Op.Method)
	call := func(out jen.Code) *jen.Statement {
		if m.Upload {
			return jen.Id("c").Dot("upload").Call(jen.Id("ctx"), method, jen.Id("p"), query, jen.Id("content"), jen.Id("contentType"), out)
		}
		return jen.Id("c").Dot("do").Call(jen.Id("ctx"), method, jen.Id("p"), query, in, out)
	}
	var results jen.Code = jen.Error()
	r := m.Result
	switch m.Kind {
	case resultNone:
		stmts = append(stmts, jen.Return(call(jen.Nil())))
	case resultCount:
		results = jen.Parens(jen.List(jen.Int64(), jen.Error()))
		stmts = append(stmts, jen.Return(jen.Id("c").Dot("count").Call(jen.Id("ctx"), jen.Id("p"), query)))
	case resultStream:
		results = jen.Parens(jen.List(jen.Qual(ioPkg, "ReadCloser"), jen.Error()))
		stmts = append(stmts, jen.Return(jen.Id("c").Dot("stream").Call(jen.Id("ctx"), method, jen.Id("p"), query, in)))
	case resultPage:
		elem := r
		elem.Collection = false
		typ := jen.Id("Page").Types(v.goTypeOf(elem))
		results = jen.Parens(jen.List(jen.Op("*").Add(typ.Clone()), jen.Error()))
		stmts = append(stmts, decodeInto(typ, call, jen.Nil(), jen.Op("&").Id("out"))...)
	case resultObject:
		typ := v.goTypeOf(r)
		results = jen.Parens(jen.List(jen.Op("*").Add(typ.Clone()), jen.Error()))
		stmts = append(stmts, decodeInto(typ, call, jen.Nil(), jen.Op("&").Id("out"))...)
	case resultRaw:
		results = jen.Parens(jen.List(jen.Qual(jsonPkg, "RawMessage"), jen.Error()))
		stmts = append(stmts, decodeInto(jen.Qual(jsonPkg, "RawMessage"), call, jen.Nil(), jen.Id("out"))...)
	default:
		// A primitive or an enum: Graph wraps it as {"value": ...}.
		typ := v.goTypeOf(r)
		results = jen.Parens(jen.List(typ.Clone(), jen.Error()))
		stmts = append(stmts,
			jen.Var().Id("out").Id("valueOf").Types(typ),
			jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))),
			jen.Return(jen.Id("out").Dot("Value"), jen.Err()),
		)
	}
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(m.Name).Params(params...).Add(results).Block(stmts...)
}

// decodeInto declares out, calls do with &out, and returns it (or zero and the error).
func decodeInto(typ *jen.Statement, call func(jen.Code) *jen.Statement, zero, ret jen.Code) []jen.Code {
	return []jen.Code{
		jen.Var().Id("out").Add(typ),
		jen.If(jen.Err().Op(":=").Add(call(jen.Op("&").Id("out"))), jen.Err().Op("!=").Nil()).Block(
			jen.Return(zero, jen.Err()),
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
func pathExpr(m *goMethod) jen.Code {
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
				pieces = append(pieces, jen.Id("pathSegments").Call(jen.Id(m.Args[i].Name)))
			} else {
				pieces = append(pieces, jen.Id("pathValue").Call(jen.Id(m.Args[i].Name), jen.Lit(m.Args[i].Quoted)))
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

// methodDoc is a method's doc comment: the request line, the page's summary, the
// arguments, the response, the least-privileged permissions and the source page.
func methodDoc(m *goMethod) jen.Code {
	var d doc
	op := m.Op
	d.verbatim(false, fmt.Sprintf("%s sends %s %s.", m.Name, op.Method, m.Path))
	summary := op.Summary
	if summary == "" || isPlaceholder(summary) {
		summary = op.Title
	}
	d.para(summary)
	var args []string
	for _, a := range m.Args {
		desc := cleanText(a.Param.Description)
		if desc == "" || isPlaceholder(desc) {
			continue
		}
		args = append(args, a.Name+": "+desc)
	}
	for _, a := range args {
		d.para(a)
	}
	if m.Body != nil && m.Body.Any {
		d.para("The page does not describe the request body: body is encoded as JSON as it is, and nil sends no body.")
	}
	d.para(responseDoc(m))
	perms := []string{"Least privileged permissions:"}
	for _, p := range op.Permissions {
		if len(p.Scopes) > 0 {
			perms = append(perms, "  - "+p.Kind+": "+p.Scopes[0])
		}
	}
	if len(perms) > 1 {
		d.verbatim(false, perms...)
	}
	d.verbatim(false, "Source: "+op.Page)
	return d.code()
}

// responseDoc says what a successful call returns.
func responseDoc(m *goMethod) string {
	r := m.Op.Response
	status := fmt.Sprintf("%d", r.Status)
	if r.StatusText != "" {
		status += " " + r.StatusText
	}
	var what string
	switch {
	case m.Kind == resultCount:
		return "On success the service answers " + status + " with the count as plain text, returned as a number."
	case m.Kind == resultStream && r.Status == 302:
		return "The service answers 302 Found with a download URL; the client follows it and returns the content. Close it when done."
	case m.Kind == resultStream:
		what = "the content, returned unread: close it when done"
	case r.Type.Kind == model.KindNone:
		what = "no body"
	case r.Type.Kind == model.KindUnknown:
		return "On success the service answers " + status + "; the page does not say with what, so the body is returned as raw JSON."
	default:
		name := r.Type.Name
		if r.Type.Kind == model.KindPrimitive {
			name = string(r.Type.Primitive)
		}
		if r.Type.Collection {
			what = "a collection of " + name
		} else {
			what = article(name) + " " + name
		}
	}
	s := "On success the service answers " + status + " with " + what + "."
	if m.Upload {
		s = "The content is sent as it is, labelled with contentType (application/octet-stream when empty). " + s
	}
	return s
}

// article is "an" before a vowel, "a" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiouAEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}
