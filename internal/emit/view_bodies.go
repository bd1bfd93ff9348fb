package emit

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// odataOptions are the OData system query options the generator knows, with their Go
// field names, in the order options structs list them.
var odataOptions = []struct{ option, field string }{
	{"$select", "Select"}, {"$filter", "Filter"}, {"$search", "Search"}, {"$orderby", "OrderBy"},
	{"$top", "Top"}, {"$skip", "Skip"}, {"$expand", "Expand"}, {"$count", "Count"},
	{"$skiptoken", "SkipToken"}, {"$deltatoken", "DeltaToken"}, {"$format", "Format"},
}

// collectionOptions are the OData options that shape a collection.
var collectionOptions = map[string]bool{"$filter": true, "$orderby": true, "$top": true, "$skip": true, "$count": true, "$search": true, "$skiptoken": true}

// skippedHeaders are request-table headers the client sets itself.
var skippedHeaders = map[string]bool{"authorization": true, "content-type": true, "content-length": true, "accept": true, "host": true}

// newOptions collects an operation's options. Every operation has options, if only the
// Header escape hatch, so that an option documented later never changes a method's
// arguments.
func (v *view) newOptions(op *model.Operation) *goOptions {
	o := &goOptions{}
	// The escape hatches, the response metadata and a delta function's state, which
	// genOptionsStruct adds; a documented option of one of those names takes a Param
	// suffix (bookingBusinesses' query parameter "query" is QueryParam).
	names := optionNames{uniquer{"Header": true, "Query": true, "Response": true, "DeltaLink": true}}
	// A GET whose every path addresses one entity takes no option that shapes a collection
	// (orgContact's manager: "supports the OData query parameters" beside one
	// directoryObject): $filter, $orderby, $top, $skip, $count, $search and $skiptoken
	// would ask the service for what it cannot do, unless an example of the docs sends
	// one (GET /me?$expand=manager...&$count=true).
	single := op.Method == "GET" && !slices.ContainsFunc(op.Paths, func(p model.Path) bool {
		r := op.ResultOf(p)
		// a function's answer is the page's word, which a list page may get wrong
		return r.Collection || r.Kind != model.KindNamed || p.Target == nil || p.Target.Kind != model.TargetEntity
	})
	has := func(opt string) bool {
		if single && collectionOptions[opt] && !slices.Contains(op.ExampleOptions, opt) {
			return false
		}
		return slices.Contains(op.QueryOptions, opt)
	}
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
			goName := p.Name
			if strings.HasPrefix(goName, "@") {
				// an annotation, @microsoft.graph.conflictBehavior: ConflictBehavior
				goName = goName[strings.LastIndexByte(goName, '.')+1:]
			}
			o.Fields = append(o.Fields, goOpt{Name: names.take(exported(goName)), Query: p.Name, Param: p})
		case model.InHeader:
			name := strings.TrimSuffix(strings.TrimSpace(p.Name), ":")
			if skippedHeaders[strings.ToLower(name)] || !jsonName(name) {
				continue
			}
			if strings.EqualFold(name, "ConsistencyLevel") {
				consistency = true
			}
			o.Fields = append(o.Fields, goOpt{Name: names.take(headerField(name)), Header: name, Param: p})
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
	params := op.ParamsIn(model.InBody)
	switch op.Method {
	case "POST", "PATCH", "PUT":
	case "GET":
		if len(params) == 0 {
			return nil // a GET carries a body only where its page documents one (see model's get-with-body)
		}
	default:
		return nil
	}
	bt := bodyType(op, owner.Path)
	if isRefPath(owner.Path) {
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
	if tg := owner.Path.Target; tg != nil && tg.Body != nil && bt.Kind == model.KindNamed && !bt.Collection {
		// The endpoint map read the table as the created or updated resource's
		// properties, counting the rows the examples send as bindings (a channel
		// member's user, sent user@odata.bind): the resource is the body.
		if t := v.namedType(bt); t != nil && t.Model.Documented && !t.Model.IsEnum {
			return &goBody{Whole: &bt, Owner: owner}
		}
	}
	if t := v.bodyResource(op, bt, owner.Result, params); t != nil {
		return &goBody{Whole: t, Owner: owner}
	}
	if t := v.selfRow(op, owner.Path, params); t != nil {
		return &goBody{Whole: t, Owner: owner}
	}
	b := &goBody{Owner: owner}
	names := uniquer{"AdditionalData": true} // genBodyStruct's field for the members the table leaves out
	// A PATCH changes the members it sends and leaves the rest: a row its table calls
	// "Required" (unifiedroledefinition-update.md's displayName and rolePermissions) is
	// still optional, or every partial update would send it empty.
	patch := op.Method == "PATCH"
	for _, p := range params {
		if !jsonName(p.Name) {
			v.diags.Addf(p.Pos, model.Warning, "body-param-unusable", "body parameter %q cannot be a JSON property name; it is left out", p.Name)
			continue
		}
		b.Fields = append(b.Fields, goField{
			Name:     names.take(exported(p.Name)),
			Param:    p,
			Optional: p.Presence != model.Required || patch,
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

// refBody is the body of a POST, PUT or PATCH to .../$ref: whatever type the page names (the
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
		family := append([]*goType{t}, t.Descendants...)
		for _, c := range family {
			if listsFields(c, params) {
				r := ref
				return &r
			}
		}
		// A page whose prose names several derived types and gives a table for each
		// (conditionalaccessroot-post-namedlocations.md: ipNamedLocation's and
		// countryNamedLocation's properties) lists the family's fields between them.
		if ref == body && len(op.Body.Or) > 0 && listsFields(&goType{Fields: familyFields(family)}, params) {
			r := ref
			return &r
		}
		// A body the prose names (agreement-post-agreements.md: "supply a JSON
		// representation of an agreement") whose table goes on to list the properties of
		// types nested in it (agreement.files' fileName, language, isDefault and their
		// fileData's data) is still that resource (model.markNestedTables).
		if ref == body && slices.Contains(op.WholeBodies, strings.ToLower(ref.QualifiedName())) {
			r := ref
			return &r
		}
	}
	return nil
}

// selfRow recognises an update whose body table has one row, named as the property the
// path ends in and typed as an object: PATCH .../hybridAgentUpdaterConfiguration with the
// row | hybridAgentUpdaterConfiguration | hybridAgentUpdaterConfiguration |. The row is the
// value the path addresses, not a member of it (the page's example sends updateWindow, a
// member of that type, at the top), so the body is that type.
func (v *view) selfRow(op *model.Operation, p model.Path, params []model.Param) *model.TypeRef {
	if len(params) != 1 || (op.Method != "PATCH" && op.Method != "PUT") || len(p.Segments) == 0 {
		return nil
	}
	last, ok := p.Segments[len(p.Segments)-1].Literal()
	row := params[0]
	if !ok || !strings.EqualFold(last, row.Name) || row.Type.Kind != model.KindNamed || row.Type.Collection {
		return nil
	}
	if gt := v.namedType(row.Type); gt == nil || !gt.Model.Documented || gt.Model.IsEnum {
		return nil
	}
	t := row.Type
	return &t
}

// familyFields gathers the fields of several types.
func familyFields(types []*goType) []goProp {
	var out []goProp
	for _, t := range types {
		out = append(out, t.Fields...)
	}
	return out
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

// optionNames hands out an options struct's field names; a name genOptionsStruct keeps for
// itself takes a Param suffix.
type optionNames struct{ uniquer }

func (n optionNames) take(name string) string {
	switch name {
	case "Header", "Query", "Response", "DeltaLink":
		name += "Param"
	}
	return n.uniquer.take(name)
}
