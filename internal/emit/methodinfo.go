package emit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// MethodInfo describes one client method as Emit writes it for the same API and Config:
// a read-only projection of the Go view, for tests that drive the generated client (the
// conformance suite replays the docs' example requests through it).
type MethodInfo struct {
	Name       string           // the Go method name
	HTTPMethod string           // GET, POST, ...
	Path       model.Path       // the path template the method sends
	Op         *model.Operation // the operation it comes from
	Package    string           // the Go package that declares it: the core's name, or a workload's
	Args       []ArgInfo        // path, function and query-template arguments, in order
	Body       BodyInfo
	Options    *OptionsInfo // nil when the method takes no options
	Result     ResultKind
	// ResultType is the Go type of what the method returns besides the error: the element
	// type for a collection (VppToken), int64 for a count, io.ReadCloser for a stream,
	// json.RawMessage for raw JSON, "" when it returns only an error.
	ResultType string
	// PageName is the method that returns one page of a collection ("" otherwise).
	PageName string
	// MIME is the method that sends a MIME message instead of the body, with the same
	// arguments, mime []byte in the body's place ("" when the page offers none).
	MIME string
	// Signature is the method's Go signature as a func type, without the receiver:
	// func(ctx context.Context, vppTokenID string, opts *GetVppTokenOptions) (*VppToken, error).
	Signature string
}

// ArgInfo is one argument of a method after ctx: a path, function or query-template value.
type ArgInfo struct {
	Name       string      // the Go parameter name
	Param      model.Param // what the docs say of it
	GoType     string      // its Go type, as source text
	Enum       bool        // GoType is a generated enum (a string type)
	Quoted     bool        // sent as an OData string literal: 'value'
	PathValued bool        // a path whose slashes separate segments
}

// BodyKind is how a method takes its request body.
type BodyKind string

// The body kinds.
const (
	BodyNone   BodyKind = "none"   // no body argument
	BodyStruct BodyKind = "struct" // a struct of the page's body parameters
	BodyWhole  BodyKind = "whole"  // a whole resource (or complex value)
	BodyAny    BodyKind = "any"    // any, encoded as JSON: the page does not say
	BodyUpload BodyKind = "upload" // raw content: an io.Reader and its content type
)

// BodyInfo is a method's request body.
type BodyInfo struct {
	Kind   BodyKind
	GoType string      // the body argument's Go type; "" for none, io.Reader for an upload
	Fields []FieldInfo // the struct's fields, for BodyStruct
}

// FieldInfo is one field of a request-body struct.
type FieldInfo struct {
	Name    string      // Go field name
	JSON    string      // the JSON property it encodes as
	Param   model.Param // the body-table row
	GoType  string      // the field's Go type, as source text (a pointer when Optional and not a slice)
	Pointer bool        // GoType is a pointer to the value's type
}

// OptionsInfo is a method's options struct.
type OptionsInfo struct {
	Name   string // the name in the method's signature: the struct, or an alias of it
	Struct string // the struct's Go name (shared by the methods of one operation)
	Fields []OptionInfo
}

// OptionInfo is one field of an options struct: exactly one of OData, Query and Header is
// set.
type OptionInfo struct {
	Name   string      // Go field name
	OData  string      // the OData system query option it sets ($select), lower-case
	Query  string      // the query parameter it sets, as the docs spell it
	Header string      // the header it sets
	Param  model.Param // the table row, when there is one
	GoType string      // the field's Go type, as source text
}

// ResultKind is how a method returns the response.
type ResultKind string

// The result kinds.
const (
	ResultNone      ResultKind = "none"      // error only
	ResultObject    ResultKind = "object"    // *T decoded from JSON
	ResultPage      ResultKind = "page"      // an iterator over T, and PageName returning *Page[T]
	ResultPrimitive ResultKind = "primitive" // T from {"value": T}
	ResultRaw       ResultKind = "raw"       // json.RawMessage
	ResultStream    ResultKind = "stream"    // io.ReadCloser
	ResultCount     ResultKind = "count"     // int64 from a text/plain $count
	ResultMonitor   ResultKind = "monitor"   // *Monitor of a long-running operation (202 Accepted, Location)
)

var resultKinds = map[resultKind]ResultKind{
	resultNone: ResultNone, resultObject: ResultObject, resultPage: ResultPage, resultPrimitive: ResultPrimitive,
	resultRaw: ResultRaw, resultStream: ResultStream, resultCount: ResultCount, resultMonitor: ResultMonitor,
}

// Methods lists the methods Emit writes for api and cfg, in the order Emit lists them,
// with their Go names and types as Emit resolves them.
func Methods(api *model.API, cfg Config) []MethodInfo {
	v := newView(api, cfg)
	r := &codeTexts{v: v, byPkg: map[string]*pendingTexts{}}
	out := make([]MethodInfo, len(v.methods))
	for i, m := range v.methods {
		mi := &out[i]
		pkgPath, pkgName := v.corePath, v.pkg
		if m.Pkg != nil {
			pkgPath, pkgName = m.Pkg.Path, m.Pkg.Name
		}
		*mi = MethodInfo{Name: m.Name, HTTPMethod: m.Op.Method, Path: m.Path, Op: m.Op, Package: pkgName,
			Result: resultKinds[m.Kind], PageName: m.PageName, MIME: m.MIMEName}
		mi.Args = make([]ArgInfo, len(m.Args))
		for j, a := range m.Args {
			gt := v.namedType(a.Param.Type)
			mi.Args[j] = ArgInfo{Name: a.Name, Param: a.Param, Quoted: a.Quoted, PathValued: a.Path,
				Enum: a.Param.Type.Kind == model.KindNamed && !a.Param.Type.Collection && gt != nil && gt.Model.IsEnum}
			r.add(pkgPath, pkgName, &mi.Args[j].GoType, v.goTypeOf(a.Param.Type))
		}
		switch {
		case m.Upload:
			mi.Body = BodyInfo{Kind: BodyUpload, GoType: "io.Reader"}
		case m.Body == nil:
			mi.Body = BodyInfo{Kind: BodyNone}
		case m.Body.Any:
			mi.Body = BodyInfo{Kind: BodyAny, GoType: "any"}
		case m.Body.Ref:
			// A $ref body: the runtime's Reference, {"@odata.id": ...}.
			mi.Body = BodyInfo{Kind: BodyWhole}
			r.add(pkgPath, pkgName, &mi.Body.GoType, v.rt("Reference"))
		case m.Body.Whole != nil:
			mi.Body = BodyInfo{Kind: BodyWhole}
			r.add(pkgPath, pkgName, &mi.Body.GoType, v.goTypeOf(*m.Body.Whole))
		default:
			mi.Body = BodyInfo{Kind: BodyStruct, Fields: make([]FieldInfo, len(m.Body.Fields))}
			r.add(pkgPath, pkgName, &mi.Body.GoType, jen.Qual(v.methodPath(m.Body.Owner), m.Body.Name))
			for j, f := range m.Body.Fields {
				ptr := f.Optional && !isSliceLike(f.Param.Type)
				mi.Body.Fields[j] = FieldInfo{Name: f.Name, JSON: f.Param.Name, Param: f.Param, Pointer: ptr}
				typ := v.goTypeOf(f.Param.Type)
				if ptr {
					typ = jen.Op("*").Add(typ)
				}
				r.add(pkgPath, pkgName, &mi.Body.Fields[j].GoType, typ)
			}
		}
		if m.Options != nil {
			o := &OptionsInfo{Fields: make([]OptionInfo, len(m.Options.Fields))}
			r.add(pkgPath, pkgName, &o.Name, jen.Qual(v.methodPath(m), m.Options.nameFor(m)))
			r.add(pkgPath, pkgName, &o.Struct, jen.Qual(v.methodPath(m.Options.Owner), m.Options.Name))
			for j, f := range m.Options.Fields {
				o.Fields[j] = OptionInfo{Name: f.Name, OData: f.OData, Query: f.Query, Header: f.Header, Param: f.Param}
				r.add(pkgPath, pkgName, &o.Fields[j].GoType, v.optionType(f))
			}
			mi.Options = o
		}
		elem := m.Result
		elem.Collection = false
		switch m.Kind {
		case resultObject, resultPage, resultPrimitive:
			r.add(pkgPath, pkgName, &mi.ResultType, v.goTypeOf(elem))
		case resultRaw:
			mi.ResultType = "json.RawMessage"
		case resultStream:
			mi.ResultType = "io.ReadCloser"
		case resultCount:
			mi.ResultType = "int64"
		case resultMonitor:
			r.add(pkgPath, pkgName, &mi.ResultType, v.rt("Monitor"))
		}
		r.add(pkgPath, pkgName, &mi.Signature, jen.Func().Params(v.methodParams(m)...).Add(v.methodResults(m, false)))
	}
	r.render()
	return out
}

// codeTexts renders pieces of Go code (types, signatures) as source text, qualified as in
// the file of a given package, all of one package's in one rendering.
type codeTexts struct {
	v     *view
	byPkg map[string]*pendingTexts
	order []string
}

// pendingTexts are the pieces of one package waiting to be rendered.
type pendingTexts struct {
	name  string
	dsts  []*string
	codes []jen.Code
}

// add asks for code's text, as written in package pkgPath (named name), to be stored in
// *dst by render.
func (r *codeTexts) add(pkgPath, name string, dst *string, code jen.Code) {
	p := r.byPkg[pkgPath]
	if p == nil {
		p = &pendingTexts{name: name}
		r.byPkg[pkgPath] = p
		r.order = append(r.order, pkgPath)
	}
	p.dsts = append(p.dsts, dst)
	p.codes = append(p.codes, code)
}

// render writes every piece as a declaration "var _N <code>" of one file per package and
// reads the texts back from the formatted file. A piece that does not render leaves its
// text empty.
func (r *codeTexts) render() {
	for _, pkgPath := range r.order {
		p := r.byPkg[pkgPath]
		f := jen.NewFilePathName(pkgPath, p.name)
		for i, c := range p.codes {
			f.Var().Id(fmt.Sprintf("_%d", i)).Add(c)
		}
		var buf bytes.Buffer
		if err := f.Render(&buf); err != nil {
			// One piece that does not render spoils the file: render each alone.
			for i, c := range p.codes {
				one := jen.NewFilePathName(pkgPath, p.name)
				one.Var().Id(fmt.Sprintf("_%d", i)).Add(c)
				var b bytes.Buffer
				if one.Render(&b) == nil {
					buf.Write(b.Bytes())
					buf.WriteByte('\n')
				}
			}
		}
		for line := range strings.Lines(buf.String()) {
			rest, ok := strings.CutPrefix(line, "var _")
			if !ok {
				continue
			}
			num, text, ok := strings.Cut(rest, " ")
			var i int
			if _, err := fmt.Sscanf(num, "%d", &i); !ok || err != nil || i < 0 || i >= len(p.dsts) {
				continue
			}
			*p.dsts[i] = strings.TrimSpace(text)
		}
	}
}
