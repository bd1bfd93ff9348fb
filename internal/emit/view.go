package emit

import (
	"go/ast"
	"strings"

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
	spell     spellings          // the docs' usual spelling of each path segment, for names
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
	Name string
	Op   *model.Operation
	Path model.Path
	Args []goArg
	Body *goBody // nil when the request has no JSON body
	// EmptyBody: the method takes no body, and sends {} (its page asks for an empty
	// JSON object).
	EmptyBody bool
	Options   *goOptions // every method has options (newOptions never returns nil)
	Result    model.TypeRef
	PageName  string // for a collection: the name of the one-page method
	Kind      resultKind
	Upload    bool // the request body is raw content (an io.Reader and its content type)
	Delta     bool // a delta function: the iterator is a DeltaSync, opts.DeltaLink its state
	// OnRequest: the result comes back only when the request asks for it (Prefer:
	// return=representation); without it the service answers 204 and the result is nil.
	OnRequest bool
	// Optional: the docs disagree whether the answer has a body; the result is nil when
	// it has none.
	Optional bool
	// UploadName, for a createUploadSession whose result has an uploadUrl, is the method
	// that creates the session and uploads the content (UploadField: the URL's field).
	UploadName  string
	UploadField string
	// MIMEName, for a POST whose page also takes a MIME message (sendMail, reply), is
	// the method that sends one.
	MIMEName string
	// mimeOf, in the MIME method's view (see mimeView), is the method it varies.
	mimeOf *goMethod
	// jsonOf, for the method that asks with $format=application/json for the JSON form of
	// an answer whose default is a stream (a report's CSV), is that stream method.
	jsonOf *goMethod
	// preferAsync, for a Monitor method whose example asks for the 202 with Prefer:
	// respond-async, sends that header: without it the service may answer 201 at once.
	preferAsync bool
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
	// ODataType is the @odata.type every example body writes for Whole, which the method
	// sends when the caller leaves ODataType nil ("" when the examples do not).
	ODataType string
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
	// The microsoft.graph types name themselves first, so that a type of a sub-namespace
	// (callRecords.endpoint, managedTenants.riskyUser) never takes the plain name from
	// the main namespace's type of that name, whichever sorts first: it is the one that
	// gets its namespace as a prefix (CallRecordsEndpoint).
	main := func(t *model.Type) bool { return t.Namespace == "microsoft.graph" || t.Namespace == "" }
	goTypes := make([]*goType, len(api.Types))
	for _, pass := range []bool{true, false} {
		for i, t := range api.Types {
			if main(t) != pass {
				continue
			}
			name := exported(t.Name)
			if typeNames[name] && !main(t) {
				name = exported(model.Unqualified(t.Namespace)) + name
			}
			gt := &goType{Name: typeNames.take(name), Model: t}
			if gt.Name != exported(t.Name) {
				v.diags.Addf(t.Pos, model.Warning, "name-collision", "type %s is emitted as %s: the name %s is taken",
					t.QualifiedName(), gt.Name, exported(t.Name))
			}
			goTypes[i] = gt
		}
	}
	for _, gt := range goTypes {
		v.types = append(v.types, gt)
		v.typeByKey[strings.ToLower(gt.Model.QualifiedName())] = gt
	}
	v.resolveTypeMembers(typeNames, v.valueTypes(api))
	v.spell = newSpellings(api)
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
		if m.Op.MIME.IsValid() && !m.Upload && m.Kind != resultPage && m.Kind != resultMonitor {
			m.MIMEName = methodNames.take(m.Name + "MIME")
		}
	}
	v.settleReexports(typeNames)
	return v
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
