package emit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	pathpkg "path"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The runtime is a package of its own in the output, <ImportPath>/internal/graphrt (see
// runtime/client.go). The generated package re-exports what applications use: every
// exported top-level name of the runtime but those only generated code calls
// (generatedOnly) and those it wraps (wrapped). A model or another generated name that
// equals a re-export's name wins: the re-export is left out (warning reexport-shadowed),
// and generated code names the runtime's as graphrt.Name.

// RuntimeDir is where the runtime goes, relative to the output directory, and rtName its
// package name. internal/ keeps it out of reach of other modules' code: only the
// generated packages (the core one and, split, the workload packages below it) import it.
const (
	RuntimeDir = "internal/graphrt"
	rtName     = "graphrt"
)

// generatedOnly are the runtime's exported names that only generated code uses: request
// building, decoding and encoding, the functions behind each result kind. They are not
// re-exported; generated code names them graphrt.Name.
var generatedOnly = []string{
	"DecodeBody", "DecodeEnum", "DecodeEnums", "DecodeFloat", "DecodeInt", "DecodeObject",
	"DeltaSync", "EncodeEnum", "EncodeEnums", "EncodeFloat", "EncodeInt", "Encoder", "GetPage",
	"IsNull", "List", "ListDelta", "ListSent", "MarshalBody", "MarshalDerived", "MarshalObject", "MergeBase",
	"MarshalRaw", "NewObjectDecoder", "ODataTypeOf", "ObjectDecoder", "ObjectWriter",
	"PathSegments", "PathValue", "QueryValue", "QuoteSearch", "SetNull", "StartMonitor",
	"TakeNulls", "UnmarshalRaw", "ValueOf",
}

// wrapped are the runtime's names the generated package declares types or functions of
// its own for (genClient): the operations are methods of its Client, which Go only
// allows on a type declared in the same package.
var wrapped = []string{"Batch", "Client", "NewBatch", "NewClient"}

// rtDecl is one exported top-level declaration of the runtime.
type rtDecl struct {
	Name    string
	Doc     *ast.CommentGroup
	Type    *ast.TypeSpec     // a type
	Const   bool              // a constant
	Func    *ast.FuncDecl     // a function
	imports map[string]string // the file's imports: package name -> path
}

// runtimeDecls parses the embedded runtime and lists its exported top-level declarations
// (not methods), in file and source order.
func runtimeDecls() ([]rtDecl, error) {
	fset := token.NewFileSet()
	var out []rtDecl
	for _, name := range runtimeSources() {
		b, err := runtimeFS.ReadFile("runtime/" + name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, b, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		imports := map[string]string{}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			n := pathpkg.Base(p)
			if major := strings.TrimPrefix(n, "v"); major != n && major != "" && strings.Trim(major, "0123456789") == "" {
				n = pathpkg.Base(pathpkg.Dir(p)) // math/rand/v2 is package rand
			}
			if im.Name != nil {
				n = im.Name.Name
			}
			imports[n] = p
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					out = append(out, rtDecl{Name: d.Name.Name, Doc: d.Doc, Func: d, imports: imports})
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							out = append(out, rtDecl{Name: s.Name.Name, Doc: docOf(s.Doc, d), Type: s, imports: imports})
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							if d.Tok != token.CONST {
								return nil, fmt.Errorf("runtime/%s: %s: the runtime may not export a variable (package state)", name, n.Name)
							}
							out = append(out, rtDecl{Name: n.Name, Doc: docOf(s.Doc, d), Const: true, imports: imports})
						}
					}
				}
			}
		}
	}
	return out, nil
}

// docOf is a spec's doc comment, or its declaration's when it is the only spec.
func docOf(spec *ast.CommentGroup, d *ast.GenDecl) *ast.CommentGroup {
	if spec == nil && len(d.Specs) == 1 {
		return d.Doc
	}
	return spec
}

// settleReexports decides which runtime names the core package re-exports: each public
// one whose name no generated identifier took (typeNames holds every one by now). A
// shadowed one gets a warning at the declaration that took its name.
func (v *view) settleReexports(typeNames uniquer) {
	decls, err := runtimeDecls()
	if err != nil {
		v.rtErr = err
		return
	}
	v.reexported = map[string]bool{}
	v.rtTypes = map[string]bool{}
	v.wrappedDocs = map[string]*ast.CommentGroup{}
	// By name: the order the runtime's files hold them in is no concern of the output.
	slices.SortFunc(decls, func(a, b rtDecl) int { return strings.Compare(a.Name, b.Name) })
	for _, d := range decls {
		if d.Type != nil {
			v.rtTypes[d.Name] = true
		}
		if slices.Contains(wrapped, d.Name) {
			v.wrappedDocs[d.Name] = d.Doc
			continue
		}
		if slices.Contains(generatedOnly, d.Name) {
			continue
		}
		if typeNames[d.Name] {
			v.diags.Addf(v.namePos(d.Name), model.Warning, "reexport-shadowed",
				"%s names a generated declaration, so the runtime's %s is not re-exported: generated code names it %s.%s",
				d.Name, d.Name, rtName, d.Name)
			v.shadowed = append(v.shadowed, d.Name)
			continue
		}
		typeNames[d.Name] = true
		v.reexported[d.Name] = true
		v.reexports = append(v.reexports, d)
	}
}

// namePos is the position of what took a package-level name: a model type (or one of its
// enum constants), or the operation of a body or options struct.
func (v *view) namePos(name string) model.Pos {
	for _, t := range v.types {
		if t.Name == name || t.Iface == name || slices.ContainsFunc(t.Consts, func(c goConst) bool { return c.Name == name }) {
			return t.Model.Pos
		}
	}
	for _, m := range v.methods {
		if m.Body != nil && m.Body.Name == name || m.Options != nil && m.Options.nameFor(m) == name {
			return m.Op.Pos
		}
	}
	return model.Pos{}
}

// rt refers to a name the runtime exports: the core package's re-export when there is
// one (rendered unqualified in the core package and as graph.Name elsewhere), else the
// runtime's own, graphrt.Name.
func (v *view) rt(name string) *jen.Statement {
	if v.reexported[name] || slices.Contains(wrapped, name) {
		return jen.Qual(v.corePath, name)
	}
	return jen.Qual(v.rtPath(), name)
}

// rtPath is the runtime package's import path.
func (v *view) rtPath() string { return v.corePath + "/" + RuntimeDir }

// genReexports emits the core package's re-exports of the runtime, each with the
// runtime's doc comment: an alias for a type, a constant for a constant, a function that
// calls the runtime's for a function (passing the runtime client a *Client embeds):
//
//	// Page is one page of a collection ...
//	type Page[T any] = graphrt.Page[T]
//
//	// DefaultTimeout is ...
//	const DefaultTimeout = graphrt.DefaultTimeout
//
//	// NextPage fetches the page after p ...
//	func NextPage[T any](ctx context.Context, c *Client, p *Page[T]) (*Page[T], error) {
//		return graphrt.NextPage(ctx, c.Client, p)
//	}
func genReexports(f *jen.File, v *view) error {
	for _, d := range v.reexports {
		if d.Doc != nil {
			f.Add(rawDoc(d.Doc))
		} else {
			f.Commentf("%s is the runtime's %s.", d.Name, d.Name)
		}
		switch {
		case d.Const:
			f.Const().Id(d.Name).Op("=").Qual(v.rtPath(), d.Name)
		case d.Type != nil:
			params, args, err := v.typeParams(d.Type.TypeParams, d.imports)
			if err != nil {
				return fmt.Errorf("runtime %s: %v", d.Name, err)
			}
			f.Type().Id(d.Name).Types(params...).Op("=").Qual(v.rtPath(), d.Name).Types(args...)
		default:
			code, err := v.genForward(d)
			if err != nil {
				return fmt.Errorf("runtime %s: %v", d.Name, err)
			}
			f.Add(code)
		}
		f.Line()
	}
	return nil
}

// rawDoc is a runtime doc comment as it is written.
func rawDoc(cg *ast.CommentGroup) jen.Code {
	var lines []string
	for _, c := range cg.List {
		lines = append(lines, c.Text)
	}
	return jen.Comment(strings.Join(lines, "\n"))
}

// typeParams converts a type parameter list: the parameters with their constraints, and
// the parameters as arguments.
func (v *view) typeParams(fl *ast.FieldList, imports map[string]string) (params, args []jen.Code, err error) {
	if fl == nil {
		return nil, nil, nil
	}
	for _, fd := range fl.List {
		c, err := v.rtExpr(fd.Type, imports)
		if err != nil {
			return nil, nil, err
		}
		for _, n := range fd.Names {
			params = append(params, jen.Id(n.Name).Add(c))
			args = append(args, jen.Id(n.Name))
		}
	}
	return params, args, nil
}

// genForward emits a function that calls the runtime's function of the same name. A
// *Client parameter is the generated Client, whose embedded runtime client is passed on.
func (v *view) genForward(d rtDecl) (jen.Code, error) {
	ft := d.Func.Type
	tparams, _, err := v.typeParams(ft.TypeParams, d.imports)
	if err != nil {
		return nil, err
	}
	var params, args []jen.Code
	for i, fd := range ft.Params.List {
		typ, err := v.rtExpr(fd.Type, d.imports)
		if err != nil {
			return nil, err
		}
		names := fd.Names
		if len(names) == 0 {
			names = []*ast.Ident{ast.NewIdent("p" + strconv.Itoa(i))}
		}
		var ids []jen.Code
		for _, n := range names {
			ids = append(ids, jen.Id(n.Name))
		}
		params = append(params, jen.List(ids...).Add(typ))
		for _, n := range names {
			switch {
			case isClientPtr(fd.Type):
				args = append(args, jen.Id(n.Name).Dot("Client"))
			case isEllipsis(fd.Type):
				args = append(args, jen.Id(n.Name).Op("..."))
			default:
				args = append(args, jen.Id(n.Name))
			}
		}
	}
	var results []jen.Code
	if ft.Results != nil {
		for _, fd := range ft.Results.List {
			if mentionsWrapped(fd.Type) {
				return nil, fmt.Errorf("a function that returns a %s must be wrapped by hand (see genClient)", types.ExprString(fd.Type))
			}
			typ, err := v.rtExpr(fd.Type, d.imports)
			if err != nil {
				return nil, err
			}
			for range max(1, len(fd.Names)) {
				results = append(results, typ.Clone())
			}
		}
	}
	call := jen.Qual(v.rtPath(), d.Name).Call(args...)
	body := call
	if len(results) > 0 {
		body = jen.Return(call)
	}
	fn := jen.Func().Id(d.Name).Types(tparams...).Params(params...)
	switch len(results) {
	case 0:
	case 1:
		fn.Add(results[0])
	default:
		fn.Parens(jen.List(results...))
	}
	return fn.Block(body), nil
}

// isClientPtr reports *Client.
func isClientPtr(e ast.Expr) bool {
	s, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == "Client"
}

// isEllipsis reports a variadic parameter's type.
func isEllipsis(e ast.Expr) bool {
	_, ok := e.(*ast.Ellipsis)
	return ok
}

// mentionsWrapped reports a type expression that names one of the wrapped types.
func mentionsWrapped(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && slices.Contains(wrapped, id.Name) {
			found = true
		}
		return !found
	})
	return found
}

// rtExpr converts a type expression of the runtime's source to code in the core package:
// a runtime type is its re-export (or the generated Client), else graphrt.Name; a
// package-qualified name is imported from the runtime file's imports.
func (v *view) rtExpr(e ast.Expr, imports map[string]string) (*jen.Statement, error) {
	switch e := e.(type) {
	case *ast.Ident:
		if v.rtTypes[e.Name] {
			return v.rt(e.Name), nil
		}
		return jen.Id(e.Name), nil // a predeclared type or a type parameter
	case *ast.SelectorExpr:
		pkg, ok := e.X.(*ast.Ident)
		if !ok || imports[pkg.Name] == "" {
			return nil, fmt.Errorf("unknown package in %s", types.ExprString(e))
		}
		return jen.Qual(imports[pkg.Name], e.Sel.Name), nil
	case *ast.StarExpr:
		x, err := v.rtExpr(e.X, imports)
		return jen.Op("*").Add(x), err
	case *ast.Ellipsis:
		x, err := v.rtExpr(e.Elt, imports)
		return jen.Op("...").Add(x), err
	case *ast.ArrayType:
		if e.Len != nil {
			return nil, fmt.Errorf("an array type")
		}
		x, err := v.rtExpr(e.Elt, imports)
		return jen.Index().Add(x), err
	case *ast.MapType:
		k, err := v.rtExpr(e.Key, imports)
		if err != nil {
			return nil, err
		}
		x, err := v.rtExpr(e.Value, imports)
		return jen.Map(k).Add(x), err
	case *ast.IndexExpr:
		return v.rtIndex(e.X, []ast.Expr{e.Index}, imports)
	case *ast.IndexListExpr:
		return v.rtIndex(e.X, e.Indices, imports)
	case *ast.UnaryExpr:
		x, err := v.rtExpr(e.X, imports)
		return jen.Op(e.Op.String()).Add(x), err
	case *ast.BinaryExpr:
		x, err := v.rtExpr(e.X, imports)
		if err != nil {
			return nil, err
		}
		y, err := v.rtExpr(e.Y, imports)
		return x.Op(e.Op.String()).Add(y), err
	}
	return nil, fmt.Errorf("a type the re-exports cannot write: %s", types.ExprString(e))
}

// rtIndex converts an instantiated generic type.
func (v *view) rtIndex(x ast.Expr, indices []ast.Expr, imports map[string]string) (*jen.Statement, error) {
	base, err := v.rtExpr(x, imports)
	if err != nil {
		return nil, err
	}
	var args []jen.Code
	for _, i := range indices {
		a, err := v.rtExpr(i, imports)
		if err != nil {
			return nil, err
		}
		args = append(args, a)
	}
	return base.Types(args...), nil
}
