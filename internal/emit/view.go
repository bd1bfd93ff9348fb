package emit

import (
	"go/ast"
	pathpkg "path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The Go view: every identifier resolved and every collision settled before any code is
// rendered. Slices keep the model's canonical order; maps are used for lookup only.

// view is the whole package to emit.
type view struct {
	pkg      string
	corePath string // the import path of the package holding the runtime (and, split, the shared models)
	split    bool   // workloads go to packages of their own (see split.go)
	version  string
	types    []*goType
	methods  []*goMethod
	diags    model.Diagnostics

	typeByKey map[string]*goType // lower-cased qualified Graph name -> type
	apiName   string             // the interface of every method

	// The runtime (see reexport.go): the declarations the core package re-exports, by
	// name; the public names left out because a generated declaration
	// has them; the re-exports by name; the runtime's exported types; the doc comments
	// of the names the core package wraps; a failure to read the runtime.
	reexports   []rtDecl
	shadowed    []string
	reexported  map[string]bool
	rtTypes     map[string]bool
	wrappedDocs map[string]*ast.CommentGroup
	rtErr       error
}

// goType is a named type the operations refer to.
type goType struct {
	Name  string
	Model *model.Type
	Pkg   *goPackage // nil: the core package

	Fields      []goProp  // structs: the base chain's properties, then its own
	Consts      []goConst // enums: one constant per member
	Descendants []*goType // every emitted type derived from it, directly or not
	Ancestors   []*goType // every emitted type it derives from that has descendants
	Iface       string    // the interface its Derived field holds, when it has descendants
	Base        *goType   // its base type, when emitted
}

// goProp is a property of a struct type.
type goProp struct {
	Name string
	Prop model.Property
	From *goType // the type that declares it (itself or an ancestor)
}

// goConst is an enum member.
type goConst struct {
	Name   string
	Member model.EnumMember
}

// goMethod is one client method: one path of one operation.
type goMethod struct {
	Name     string
	Op       *model.Operation
	Path     model.Path
	Args     []goArg
	Body     *goBody    // nil when the request has no JSON body
	Options  *goOptions // every method has options (newOptions never returns nil)
	Result   model.TypeRef
	PageName string // for a collection: the name of the one-page method
	Kind     resultKind
	Upload   bool // the request body is raw content (an io.Reader and its content type)
	Delta    bool // a delta function: the iterator is a DeltaSync, opts.DeltaLink its state
	// UploadName, for a createUploadSession whose result has an uploadUrl, is the method
	// that creates the session and uploads the content (UploadField: the URL's field).
	UploadName  string
	UploadField string
	Group       string     // the output file it goes to
	Pkg         *goPackage // nil: the core package
	base        string     // the name before collisions were settled
}

// resultKind is how a method returns the response.
type resultKind int

const (
	resultNone      resultKind = iota // error only
	resultObject                      // *T decoded from JSON
	resultPage                        // *Page[T]
	resultPrimitive                   // T from {"value": T}
	resultRaw                         // json.RawMessage: the page does not say
	resultStream                      // io.ReadCloser: $value, Stream, a 302 to a download
	resultCount                       // int64 from a text/plain $count
	resultMonitor                     // *Monitor: 202 Accepted with a Location to poll
)

// goArg is a path, function or query-template parameter of a method.
type goArg struct {
	Name   string
	Param  model.Param
	Quoted bool
	Path   bool // a path value: each of its segments is escaped, its slashes kept
}

// goBody is a request body: a struct of the page's body parameters (which also keeps
// members the table leaves out in AdditionalData), a whole resource, or the runtime's
// Reference for a $ref.
type goBody struct {
	Name   string    // the struct's name; empty when Whole, Any or Ref is set
	Fields []goField // the struct's fields
	Whole  *model.TypeRef
	Any    bool      // the page does not say: body any, encoded as JSON
	Ref    bool      // POST or PUT of a $ref: the runtime's Reference ({"@odata.id": ...})
	Owner  *goMethod // the method whose file holds the struct
}

// isStruct reports whether the body is a struct of its own, <Method>Request.
func (b *goBody) isStruct() bool { return b.Whole == nil && !b.Any && !b.Ref }

// goOptions is the options struct of an operation: its OData query options, the
// optional query parameters and headers of its page's tables, and the Header escape
// hatch. Every method has one: the struct is named after the operation's first method
// (Owner), and each other path variant names it with an alias of its own.
type goOptions struct {
	Name    string
	Fields  []goOpt
	Aliases []goAlias // the other methods' names for the struct, in method order
	// ConsistencyEventual: the page documents the ConsistencyLevel header and $count or
	// $search, so setting those sends ConsistencyLevel: eventual unless set otherwise.
	ConsistencyEventual bool
	// Delta: the operation is a delta function, whose options gain DeltaLink.
	Delta bool
	Owner *goMethod
}

// goAlias is a path variant's name for its operation's options struct:
// type ListUserMemberOfOptions = ListMeMemberOfOptions.
type goAlias struct {
	Name   string
	Method *goMethod
}

// nameFor is the options type name method m uses: the struct's own name for its owner,
// an alias for the other path variants.
func (o *goOptions) nameFor(m *goMethod) string {
	for _, a := range o.Aliases {
		if a.Method == m {
			return a.Name
		}
	}
	return o.Name
}

// goOpt is one option: an OData system query option, a query parameter or a header.
type goOpt struct {
	Name   string // Go field name
	OData  string // $select, ... when an OData option
	Query  string // query parameter name, when one from a table
	Header string // header name, when one from a table
	Param  model.Param
}

// goField is a field of a body struct.
type goField struct {
	Name     string
	Param    model.Param
	Optional bool
}

// newView resolves every Go name for the API.
func newView(api *model.API, cfg Config) *view {
	v := &view{pkg: cfg.Package, corePath: cfg.ImportPath, split: cfg.Split, version: api.Version, typeByKey: map[string]*goType{}}
	if v.corePath == "" {
		v.corePath = "graphdocgen.invalid/" + cfg.Package // never printed: every file is in it
	}
	typeNames := uniquer{}
	for _, n := range wrapped {
		typeNames[n] = true // the generated package's own Client, NewClient, Batch, NewBatch
	}
	if v.split {
		typeNames["New"] = true // a workload package's constructor
	}
	for _, t := range api.Types {
		name := exported(t.Name)
		if typeNames[name] && t.Namespace != "microsoft.graph" && t.Namespace != "" {
			name = exported(lastDot(t.Namespace)) + name
		}
		gt := &goType{Name: typeNames.take(name), Model: t}
		if gt.Name != exported(t.Name) {
			v.diags.Addf(t.Pos, model.Warning, "name-collision", "type %s is emitted as %s: the name %s is taken",
				t.QualifiedName(), gt.Name, exported(t.Name))
		}
		v.types = append(v.types, gt)
		v.typeByKey[strings.ToLower(t.QualifiedName())] = gt
	}
	v.resolveTypeMembers(typeNames, v.valueTypes(api))
	for _, op := range api.Operations {
		v.addMethods(op)
	}
	v.settleMethodNames()
	v.apiName = typeNames.take("API")
	v.assignPackages()
	methodNames := uniquer{}
	for _, m := range v.methods {
		methodNames[m.Name] = true
	}
	for _, m := range v.methods {
		if m.Body != nil && m.Body.Owner == m && m.Body.isStruct() {
			m.Body.Name = typeNames.take(m.Name + "Request")
		}
		if m.Options != nil {
			if name := typeNames.take(m.Name + "Options"); m.Options.Owner == m {
				m.Options.Name = name
			} else {
				m.Options.Aliases = append(m.Options.Aliases, goAlias{Name: name, Method: m})
			}
		}
		if m.Kind == resultPage {
			m.PageName = methodNames.take(m.Name + "Page")
		}
		if f := v.uploadURLField(m); f != "" {
			name := "UploadLarge" + m.Name
			if strings.Contains(m.Name, "CreateUploadSession") {
				name = strings.Replace(m.Name, "CreateUploadSession", "UploadLarge", 1)
			}
			m.UploadName, m.UploadField = methodNames.take(name), f
		}
	}
	v.settleReexports(typeNames)
	return v
}

// valueTypes lists the types something is declared as: a property, or an operation's
// parameter, body or response. Only such a type can receive a value of a type derived
// from it.
func (v *view) valueTypes(api *model.API) map[*goType]bool {
	used := map[*goType]bool{}
	mark := func(r model.TypeRef) {
		if gt := v.namedType(r); r.Kind == model.KindNamed && gt != nil {
			used[gt] = true
		}
	}
	for _, op := range api.Operations {
		mark(op.Body.Type)
		mark(op.Response.Type)
		for _, p := range op.Paths {
			mark(bodyType(op, p))
			if p.Target != nil && p.Target.Result != nil {
				mark(*p.Target.Result)
			}
		}
		for _, p := range op.Params {
			mark(p.Type)
		}
	}
	for _, t := range api.Types {
		for _, p := range t.Properties {
			mark(p.Type)
		}
	}
	return used
}

// resolveTypeMembers gives structs their fields (flattened along the base chain), enums
// their constants, and polymorphic types their descendants and, when some property or
// operation is declared as the type (values), a Derived interface: a type that is only a
// base (entity, say) never receives a derived value, so it needs none.
func (v *view) resolveTypeMembers(names uniquer, values map[*goType]bool) {
	for _, t := range v.types {
		if t.Model.Base != "" {
			t.Base = v.typeByKey[strings.ToLower(t.Model.Base)]
		}
	}
	for _, t := range v.types {
		for a := t.Base; a != nil; a = a.Base {
			if slices.Contains(a.Descendants, t) || a == t {
				break // a cycle in the docs' base types
			}
			a.Descendants = append(a.Descendants, t)
		}
	}
	for _, t := range v.types {
		if len(t.Descendants) > 0 && values[t] {
			t.Iface = names.take(t.Name + "Derived")
		}
	}
	for _, t := range v.types {
		for a := t.Base; a != nil && a != t; a = a.Base {
			if a.Iface != "" && !slices.Contains(t.Ancestors, a) {
				t.Ancestors = append(t.Ancestors, a)
			}
			if len(t.Ancestors) > 32 {
				break
			}
		}
		switch {
		case t.Model.IsEnum:
			for _, m := range t.Model.Members {
				t.Consts = append(t.Consts, goConst{Name: names.take(t.Name + exported(m.Name)), Member: m})
			}
		case t.Model.Documented:
			t.Fields = v.structFields(t)
		}
	}
}

// structFields lists a struct's fields: the base chain's properties first (the root's
// first), then its own; a name already present is skipped (intune pages repeat inherited
// properties).
func (v *view) structFields(t *goType) []goProp {
	var chain []*goType
	for a := t; a != nil && !slices.Contains(chain, a); a = a.Base {
		chain = append(chain, a)
	}
	fieldNames := uniquer{"ODataType": true, "AdditionalData": true, "Derived": true}
	seen := map[string]bool{"@odata.type": true}
	var out []goProp
	for i := len(chain) - 1; i >= 0; i-- {
		for _, p := range chain[i].Model.Properties {
			if seen[p.Name] || !jsonName(p.Name) {
				continue
			}
			seen[p.Name] = true
			out = append(out, goProp{Name: fieldNames.take(exported(p.Name)), Prop: p, From: chain[i]})
		}
	}
	return out
}

func lastDot(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

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
	seen := map[string]bool{}
	for _, path := range op.Paths {
		if seen[path.Shape()] {
			continue
		}
		seen[path.Shape()] = true
		m := &goMethod{Op: op, Path: path, Result: op.Response.Type, Group: group(path)}
		if path.Target != nil && path.Target.Result != nil {
			m.Result = *path.Target.Result // what this path addresses (see model/endpoints.go)
		}
		m.base = methodName(op, path, m.Result)
		m.Name = m.base
		argNames := uniquer{}
		if v.split {
			argNames[v.pkg] = true // the core package's name qualifies runtime names in a workload
		}
		for _, pt := range path.Params() {
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
			// A String function argument is an OData string literal even where the
			// template leaves out the quotes (reminderView(startDateTime=startDateTime-value)).
			quoted := pt.Quoted || pt.Function && p.Type.Kind == model.KindPrimitive && p.Type.Primitive == model.String && !p.Type.Collection
			m.Args = append(m.Args, goArg{Name: argNames.take(unexported(pt.Param)), Param: p, Quoted: quoted, Path: pt.PathValued})
		}
		v.classifyResult(m)
		if opts != nil && m.Delta {
			opts.Delta = true
		}
		if opts != nil {
			if opts.Owner == nil {
				opts.Owner = m
			}
			m.Options = opts
		}
		if m.Upload {
			v.methods = append(v.methods, m)
			continue
		}
		bk := bodyType(op, path).String()
		if _, ok := bodies[bk]; !ok {
			bodies[bk] = v.newBody(op, m)
		}
		m.Body = bodies[bk]
		v.methods = append(v.methods, m)
	}
	// The structs the methods share are named after the method whose path addresses the
	// type the page is named after (directoryobject-getmembergroups.md: the one bound to
	// directoryObject, not /me/getMemberGroups, which the page lists first).
	prefix, _, ok := strings.Cut(strings.ToLower(pathpkg.Base(op.Page)), "-")
	if !ok {
		return
	}
	for _, m := range v.methods[first:] {
		tg := m.Path.Target
		if tg == nil || !strings.EqualFold(tg.Type.Name, prefix) {
			continue
		}
		opts.Owner = m // newOptions never returns nil
		if m.Body != nil && !m.Upload {
			m.Body.Owner = m
		}
		break
	}
}

// classifyResult decides how a method returns its response, and whether it uploads raw
// content: GET $count is a text/plain number; GET $value, a Stream and a 302 redirect to a
// download are streams; PUT/POST/PATCH of $value or content (or a Stream body) send raw
// content.
func (v *view) classifyResult(m *goMethod) {
	op, r := m.Op, m.Result
	bt := bodyType(op, m.Path)
	last := ""
	if n := len(m.Path.Segments); n > 0 {
		last, _ = m.Path.Segments[n-1].Literal()
	}
	stream := r.Kind == model.KindPrimitive && r.Primitive == model.Stream && !r.Collection
	if op.Method != "GET" && len(op.ParamsIn(model.InBody)) == 0 &&
		(last == "$value" || last == "content" || bt.Kind == model.KindPrimitive && bt.Primitive == model.Stream) {
		m.Upload = true
	}
	switch {
	case op.Method == "GET" && last == "$count":
		m.Kind = resultCount
		m.Result = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Int64}
	case stream || op.Method == "GET" && (last == "$value" || op.Response.Status == 302):
		m.Kind = resultStream
		m.Result = model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Stream}
	case op.Method != "GET" && longRunning(op):
		m.Kind = resultMonitor
	case op.Method == "GET" && strings.TrimSuffix(last, "()") == "delta" && !r.Collection && r.Kind == model.KindNamed && v.namedType(r) != nil && !v.namedType(r).Model.IsEnum,
		op.Method == "GET" && strings.TrimSuffix(last, "()") == "delta" && r.Collection:
		// A delta function answers pages of changes, also where its page says "an object".
		m.Kind, m.Delta = resultPage, true
		m.Result.Collection = true
	case r.Kind == model.KindNone:
		m.Kind = resultNone
	case r.Collection:
		m.Kind = resultPage
	case r.Kind == model.KindNamed && v.namedType(r) != nil && !v.namedType(r).Model.IsEnum:
		m.Kind = resultObject
	case r.Kind == model.KindUnknown || r.Kind == model.KindNamed && v.namedType(r) == nil || r.Primitive == model.Json:
		m.Kind = resultRaw
	default:
		m.Kind = resultPrimitive
	}
}

// odataOptions are the OData system query options the generator knows, with their Go
// field names, in the order options structs list them.
var odataOptions = []struct{ option, field string }{
	{"$select", "Select"}, {"$filter", "Filter"}, {"$search", "Search"}, {"$orderby", "OrderBy"},
	{"$top", "Top"}, {"$skip", "Skip"}, {"$expand", "Expand"}, {"$count", "Count"},
	{"$skiptoken", "SkipToken"}, {"$deltatoken", "DeltaToken"}, {"$format", "Format"},
}

// skippedHeaders are request-table headers the client sets itself.
var skippedHeaders = map[string]bool{"authorization": true, "content-type": true, "content-length": true, "accept": true, "host": true}

// newOptions collects an operation's options. Every operation has options, if only the
// Header escape hatch, so that an option documented later never changes a method's
// arguments.
func (v *view) newOptions(op *model.Operation) *goOptions {
	o := &goOptions{}
	names := uniquer{"Header": true, "Response": true, "DeltaLink": true} // the escape hatch, the response metadata and a delta function's state, which genOptionsStruct adds
	has := func(opt string) bool { return slices.Contains(op.QueryOptions, opt) }
	for _, od := range odataOptions {
		if has(od.option) {
			o.Fields = append(o.Fields, goOpt{Name: names.take(od.field), OData: od.option})
		}
	}
	templated := map[string]bool{}
	for _, path := range op.Paths {
		for _, q := range path.Query {
			templated[strings.ToLower(q.Name)] = true
		}
	}
	consistency := false
	for _, p := range op.Params {
		switch p.In {
		case model.InQuery:
			l := strings.ToLower(p.Name)
			if templated[l] || slices.ContainsFunc(o.Fields, func(f goOpt) bool { return f.OData == l }) || !jsonName(p.Name) {
				continue
			}
			if strings.HasPrefix(l, "$") && slices.ContainsFunc(odataOptions, func(od struct{ option, field string }) bool { return od.option == l }) {
				field := ""
				for _, od := range odataOptions {
					if od.option == l {
						field = od.field
					}
				}
				o.Fields = append(o.Fields, goOpt{Name: names.take(field), OData: l, Param: p})
				continue
			}
			o.Fields = append(o.Fields, goOpt{Name: names.take(exported(p.Name)), Query: p.Name, Param: p})
		case model.InHeader:
			name := strings.TrimSuffix(strings.TrimSpace(p.Name), ":")
			if skippedHeaders[strings.ToLower(name)] || !jsonName(name) {
				continue
			}
			if strings.EqualFold(name, "ConsistencyLevel") {
				consistency = true
			}
			o.Fields = append(o.Fields, goOpt{Name: names.take(exported(name)), Header: name, Param: p})
		}
	}
	o.ConsistencyEventual = consistency && (has("$count") || has("$search"))
	return o
}

// queryTemplateParam finds the parameter behind a query-string placeholder.
func queryTemplateParam(op *model.Operation, path model.Path, name string) (model.Param, bool) {
	for _, q := range path.Query {
		if q.Param == name {
			return op.Param(model.InQuery, q.Name)
		}
	}
	return model.Param{}, false
}

// newBody describes the operation's request body, or returns nil when it has none.
func (v *view) newBody(op *model.Operation, owner *goMethod) *goBody {
	switch op.Method {
	case "POST", "PATCH", "PUT":
	default:
		return nil
	}
	params := op.ParamsIn(model.InBody)
	bt := bodyType(op, owner.Path)
	if op.Method != "PATCH" && isRefPath(owner.Path) {
		return v.refBody(op, owner, params)
	}
	if len(params) == 0 {
		switch {
		case bt.Kind == model.KindNamed:
			return &goBody{Whole: &bt, Owner: owner}
		case op.Body.None:
			return nil
		}
		// The page neither describes the body nor says there is none: let the caller
		// send whatever the docs' prose or examples ask for.
		v.diags.Addf(op.Body.Pos.Or(op.Pos), model.Warning, "request-body-untyped",
			"%s %s: the page gives neither body parameters, a body type, nor \"no request body\"; the method takes body any (nil sends none)",
			op.Method, owner.Path)
		return &goBody{Any: true, Owner: owner}
	}
	if t := v.bodyResource(op, bt, owner.Result, params); t != nil {
		return &goBody{Whole: t, Owner: owner}
	}
	b := &goBody{Owner: owner}
	names := uniquer{"AdditionalData": true} // genBodyStruct's field for the members the table leaves out
	for _, p := range params {
		if !jsonName(p.Name) {
			v.diags.Addf(p.Pos, model.Warning, "body-param-unusable", "body parameter %q cannot be a JSON property name; it is left out", p.Name)
			continue
		}
		b.Fields = append(b.Fields, goField{
			Name:     names.take(exported(p.Name)),
			Param:    p,
			Optional: p.Presence != model.Required,
		})
	}
	return b
}

// isRefPath reports whether a path addresses a reference: its last segment is $ref.
func isRefPath(p model.Path) bool {
	if n := len(p.Segments); n > 0 {
		lit, ok := p.Segments[n-1].Literal()
		return ok && strings.EqualFold(lit, "$ref")
	}
	return false
}

// refBody is the body of a POST or PUT to .../$ref: whatever type the page names (the
// docs name the target entity, a directoryObject, say), the service takes a reference
// to it, {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}. A body
// table listing other members contradicts that, and is reported.
func (v *view) refBody(op *model.Operation, owner *goMethod, params []model.Param) *goBody {
	var other []string
	for _, p := range params {
		if !strings.EqualFold(p.Name, "@odata.id") {
			other = append(other, p.Name)
		}
	}
	if len(other) > 0 {
		v.diags.Addf(params[0].Pos.Or(op.Body.Pos.Or(op.Pos)), model.Warning, "ref-body-ignored",
			"%s %s: the body of a $ref is {\"@odata.id\": ...}, but the page's body table lists %s; the method takes a Reference",
			op.Method, owner.Path, strings.Join(other, ", "))
	}
	return &goBody{Ref: true, Owner: owner}
}

// bodyResource recognises a create or update page whose body table lists the properties
// of a resource (the type of the body or of the response): the body is that resource, so
// PATCH sends only the fields that are set, and POST the object to create. Four in five
// of the table's names must be properties of the type.
func (v *view) bodyResource(op *model.Operation, body, result model.TypeRef, params []model.Param) *model.TypeRef {
	refs := []model.TypeRef{body}
	if createsOrUpdates(op) {
		// An action's parameters are not its result: call-mute answers with a
		// muteParticipantOperation but takes clientContext.
		refs = append(refs, result)
	}
	for _, ref := range refs {
		if ref.Kind != model.KindNamed || ref.Collection {
			continue
		}
		t := v.namedType(ref)
		if t == nil || !t.Model.Documented || t.Model.IsEnum {
			continue
		}
		// The table may list a derived type's properties (a page per intune
		// deviceConfiguration kind, all posting to one collection): the base type's
		// struct sends any of them through its Derived field.
		for _, c := range append([]*goType{t}, t.Descendants...) {
			if listsFields(c, params) {
				r := ref
				return &r
			}
		}
	}
	return nil
}

// listsFields reports whether a body table reads as the properties of t: at least four
// names in five are t's fields.
func listsFields(t *goType, params []model.Param) bool {
	have := map[string]bool{}
	for _, f := range t.Fields {
		have[f.Prop.Name] = true
	}
	n := 0
	for _, p := range params {
		if have[p.Name] {
			n++
		}
	}
	return 5*n >= 4*len(params)
}

// createsOrUpdates reports whether an operation sends a resource rather than an action's
// parameters: PATCH and PUT, and a POST to a collection (or, where the endpoint map could
// not follow the path, one whose page reads as a create).
func createsOrUpdates(op *model.Operation) bool {
	switch op.Method {
	case "PATCH", "PUT":
		return true
	case "POST":
		if len(op.Paths) == 0 || op.Paths[0].Target == nil {
			return op.LooksCreate()
		}
		switch op.Paths[0].Target.Kind {
		case model.TargetCollection:
			return true
		case model.TargetUnknown:
			return op.LooksCreate()
		}
	}
	return false
}

// jsonName reports whether a name can be a json struct tag's name: no quotes, backslash,
// comma, space, control or format characters.
func jsonName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if strings.ContainsRune("\"\\,` ", r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// group is the output file a path's method goes to: its first segment, with /me filed
// with /users.
func group(p model.Path) string {
	if len(p.Segments) == 0 {
		return "root"
	}
	lit, ok := p.Segments[0].Literal()
	if !ok {
		return "root"
	}
	g := strings.ToLower(lastDot(strings.TrimPrefix(lit, "$")))
	if g == "me" {
		return "users"
	}
	var b strings.Builder
	for _, r := range g {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "root"
	}
	return b.String()
}

// methodName derives a method's name from its HTTP method and path (see the README):
//
//	GET    /deviceAppManagement/vppTokens              ListDeviceAppManagementVppTokens (collection response)
//	GET    /deviceAppManagement/vppTokens/{id}         GetDeviceAppManagementVppToken
//	POST   /deviceAppManagement/vppTokens              CreateDeviceAppManagementVppToken (201, or a "Create" title)
//	PATCH  /deviceAppManagement/vppTokens/{id}         UpdateDeviceAppManagementVppToken
//	DELETE /deviceAppManagement/vppTokens/{id}         DeleteDeviceAppManagementVppToken
//	POST   /deviceAppManagement/vppTokens/{id}/revokeLicenses   RevokeLicensesDeviceAppManagementVppToken (an action)
//	GET    /reports/getOffice365ActiveUserDetail(...)  GetOffice365ActiveUserDetailReports (a function)
//
// A segment followed by a key is singular (vppTokens/{id} -> VppToken); casts read
// As<Type>; $ref, $value and $count read Ref, Value and Count.
func methodName(op *model.Operation, p model.Path, result model.TypeRef) string {
	var words []string
	segs := p.Segments
	lastIsCall := false
	for i, s := range segs {
		if s.IsParam() {
			continue
		}
		keyed := i+1 < len(segs) && segs[i+1].IsParam()
		lit, ok := s.Literal()
		if !ok {
			// A function call or a key in parentheses: the text before "(" names it.
			head := s.Parts[0].Literal
			if s.Parts[0].IsParam() {
				continue
			}
			head, _, _ = strings.Cut(head, "(")
			head = strings.TrimSuffix(strings.TrimSuffix(head, "'"), ":")
			words = append(words, exported(head))
			lastIsCall = i == len(segs)-1 && strings.Contains(s.Parts[0].Literal, "(")
			continue
		}
		lastIsCall = false
		switch {
		case strings.HasPrefix(lit, "$"):
			words = append(words, exported(lit[1:]))
		case isCast(lit):
			words = append(words, "As"+exported(lastDot(lit)))
		default:
			w := strings.TrimSuffix(lit, ":")
			if keyed {
				w = model.Singular(w)
			}
			words = append(words, exported(w))
		}
	}
	name := strings.Join(words, "")
	if name == "" {
		name = "Root"
	}
	tg := p.Target
	if tg == nil {
		tg = &model.Target{}
	}
	if tg.Kind == model.TargetOperation && len(words) > 0 {
		// A bound action or function reads verb first: POST /me/messages/{id}/move is
		// MoveMeMessage, GET /users/delta() DeltaUsers.
		return exported(tg.Name) + strings.Join(words[:len(words)-1], "")
	}
	if tg.Kind == model.TargetRef && op.Method == "POST" && len(segs) >= 2 {
		// POST /groups/{id}/members/$ref adds a member by reference: AddGroupMemberRef.
		if lit, ok := segs[len(segs)-2].Literal(); ok && len(words) >= 2 && !isCast(lit) {
			words[len(words)-2] = exported(model.Singular(strings.TrimSuffix(lit, ":")))
		}
		return "Add" + strings.Join(words, "")
	}
	var last []model.Segment
	if len(segs) > 0 {
		last = segs[len(segs)-1:]
	}
	lastLit := len(last) == 1 && !last[0].IsParam()
	switch op.Method {
	case "GET":
		if lastIsCall {
			return name
		}
		if result.Collection && lastLit {
			return "List" + name
		}
		return "Get" + name
	case "POST":
		if tg.Kind == model.TargetCollection && lastLit || tg.Kind == model.TargetUnknown && op.LooksCreate() && lastLit && !lastIsCall {
			return "Create" + singularLast(name, last)
		}
		return name
	case "PATCH":
		return "Update" + name
	case "PUT":
		return "Put" + name
	case "DELETE":
		return "Delete" + name
	}
	return exported(strings.ToLower(op.Method)) + name
}

// isCast reports whether a segment is an OData cast (microsoft.graph.user), not a
// dotted name such as a host (contoso.sharepoint.com).
func isCast(seg string) bool {
	return strings.HasPrefix(strings.ToLower(seg), "microsoft.")
}

// singularLast singularises the last word of a name built from a plain last segment.
func singularLast(name string, last []model.Segment) string {
	lit, _ := last[0].Literal()
	if strings.HasPrefix(lit, "$") || isCast(lit) {
		return name
	}
	w := exported(lit)
	return strings.TrimSuffix(name, w) + exported(model.Singular(lit))
}

// settleMethodNames makes method names unique. Within a group of methods that share a
// name, in canonical order, each strategy applies to the members still sharing it:
//
//  1. overloads that differ in their function arguments get By<Args>
//     (GetOffice365ActiveUserDetailReportsByPeriod, ...ByDate);
//  2. a member with key parameters no other member has gets By<Key>
//     (/me/calendars/{calendarId} beside /me/calendar: GetMeCalendarByCalendarID);
//  3. a member whose template fixes query options gets With<Options>
//     (/me?$expand=manager beside /me: GetMeWithExpand);
//  4. query templates still sharing a name get a word only their template has
//     (byTemplateWord);
//
// and any repeat that is left gets a number, with a warning. Before all that, a method
// whose template writes arguments into a query gets With<Options> (see withTemplate).
func (v *view) settleMethodNames() {
	// A template that writes arguments into a query ($filter=JoinWebUrl eq '{joinWebUrl}')
	// is a method of its own beside the plain endpoint, whether or not a page documents
	// that: ListUserOnlineMeetingsWithFilter. So the name does not move to another
	// endpoint when the plain one is documented later.
	for _, m := range v.methods {
		m.Name += withTemplate(m)
	}
	for _, strategy := range []func(m *goMethod, group []*goMethod) string{byFunctionArgs, byExtraKeys, withQuery, byTemplateWord} {
		for _, group := range v.collisions() {
			suffixes := make([]string, len(group))
			for i, m := range group {
				suffixes[i] = strategy(m, group)
			}
			for i, m := range group {
				m.Name += suffixes[i]
			}
		}
	}
	// The Client's own methods, and in a workload package the core client it embeds.
	used := uniquer{"Do": true, "Stream": true, "Count": true, "Client": true}
	for _, m := range v.methods {
		name := used.take(m.Name)
		if name != m.Name {
			v.diags.Addf(m.Op.Pos, model.Warning, "name-collision", "%s %s is emitted as %s: %s is taken by another operation",
				m.Op.Method, m.Path, name, m.Name)
		}
		m.Name = name
	}
}

// collisions lists the groups of methods that share a name, in canonical order.
func (v *view) collisions() [][]*goMethod {
	byName := map[string][]*goMethod{}
	var order []string
	for _, m := range v.methods {
		if byName[m.Name] == nil {
			order = append(order, m.Name)
		}
		byName[m.Name] = append(byName[m.Name], m)
	}
	var out [][]*goMethod
	for _, name := range order {
		if len(byName[name]) > 1 {
			out = append(out, byName[name])
		}
	}
	return out
}

// byFunctionArgs is By<Args> for a function call's arguments.
func byFunctionArgs(m *goMethod, _ []*goMethod) string {
	var fn []string
	for _, a := range m.Args {
		if a.Param.In == model.InFunction {
			fn = append(fn, exported(a.Param.Name))
		}
	}
	if len(fn) == 0 {
		return ""
	}
	return "By" + strings.Join(fn, "And")
}

// byExtraKeys is By<Key> for the first path key that no other member of the group has.
func byExtraKeys(m *goMethod, group []*goMethod) string {
	for _, a := range m.Args {
		if a.Param.In != model.InPath {
			continue
		}
		shared := false
		for _, o := range group {
			if o == m {
				continue
			}
			for _, b := range o.Args {
				if b.Param.In == model.InPath && strings.EqualFold(b.Param.Name, a.Param.Name) {
					shared = true
				}
			}
		}
		if !shared {
			return "By" + exported(a.Param.Name)
		}
	}
	return ""
}

// withQuery is With<Options> for the query options a template fixes.
func withQuery(m *goMethod, _ []*goMethod) string {
	var names []string
	for _, q := range m.Path.Query {
		if q.Param == "" && len(q.Parts) == 0 {
			names = append(names, exported(strings.TrimPrefix(q.Name, "$")))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "With" + strings.Join(names, "And")
}

// byTemplateWord tells query templates of one endpoint apart by the first word of a
// template that no other member of the group has: ListMeMessagesWithFilter becomes
// ...Contains, ...Ne and ...Startswith for three filters on extended properties, and
// GetMeMessageWithExpand ...SingleValueExtendedProperties beside
// ...MultiValueExtendedProperties.
func byTemplateWord(m *goMethod, group []*goMethod) string {
	mine := templateWords(m)
	for _, w := range mine {
		shared := false
		for _, o := range group {
			if o != m && slices.Contains(templateWords(o), w) {
				shared = true
				break
			}
		}
		if !shared {
			return exported(w)
		}
	}
	return ""
}

// templateWords are the words of the literal text of a method's query templates, in order.
func templateWords(m *goMethod) []string {
	var words []string
	for _, q := range m.Path.Query {
		for _, pt := range q.Parts {
			if pt.IsParam() {
				continue
			}
			words = append(words, strings.FieldsFunc(pt.Literal, func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r)
			})...)
		}
	}
	return words
}

// withTemplate is With<Options> for the query options whose value is a template with
// arguments written in.
func withTemplate(m *goMethod) string {
	var names []string
	for _, q := range m.Path.Query {
		if len(q.Parts) > 0 {
			names = append(names, exported(strings.TrimPrefix(q.Name, "$")))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "With" + strings.Join(names, "And")
}

// namedType finds the Go type for a named reference.
func (v *view) namedType(t model.TypeRef) *goType {
	return v.typeByKey[strings.ToLower(t.QualifiedName())]
}

// typePath is the import path of the package that declares t.
func (v *view) typePath(t *goType) string {
	if t.Pkg == nil {
		return v.corePath
	}
	return t.Pkg.Path
}

// methodPath is the import path of the package that declares m and its structs.
func (v *view) methodPath(m *goMethod) string {
	if m.Pkg == nil {
		return v.corePath
	}
	return m.Pkg.Path
}

// clientArg is the runtime client a method passes to the runtime's functions: the one the
// receiver embeds, or in a workload package the one its embedded core client embeds.
func (v *view) clientArg() *jen.Statement {
	if v.split {
		return jen.Id("c").Dot("Client").Dot("Client")
	}
	return jen.Id("c").Dot("Client")
}

// longRunning reports whether the docs say op starts a long-running operation: the
// service answers 202 Accepted, and the example response gives a Location header, the
// monitor URL, and no body (copying a driveItem, cloning a team). The example decides:
// driveItem copy's Response section names no status. A 202 whose example
// has a body (assignLicense answers with the group) keeps its typed result.
func longRunning(op *model.Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind != model.ExampleResponse || ex.Status != 202 || strings.TrimSpace(ex.Body) != "" {
			continue
		}
		for _, h := range ex.Headers {
			if strings.EqualFold(h.Name, "Location") {
				return true
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
