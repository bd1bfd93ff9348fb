package model

import (
	"encoding/json"
	"strings"
)

// API is one API version's worth of pages, turned into operations and the types they use.
type API struct {
	Version    string // v1.0 or beta
	Pages      []*Page
	Operations []*Operation
	Types      []*Type
	// TypeRefs counts the distinct named types the emitted operations and types refer
	// to, and how many of them a resource or enum page documents.
	TypeRefs struct{ Referenced, Resolved int }
	// UnmatchedIncludes are the Selection's Include patterns that matched no operation:
	// a typo, or an endpoint the docs no longer have.
	UnmatchedIncludes []string
}

// Operation is one HTTP method of one API page, reachable through one or more paths.
type Operation struct {
	Method      string
	Paths       []Path  // distinct templates, in page order until Canonicalize
	Params      []Param // path, function, query, header and body parameters
	Body        Body
	Response    Response
	Permissions []Permission
	Title       string
	Summary     string
	// QueryOptions are the OData system query options the operation takes ($select,
	// $filter, ...): those its page names, or a usual set when the page only says it
	// supports them.
	QueryOptions []string
	// ExampleOptions are those of QueryOptions that an example request sends to the
	// operation's endpoint (its page's, or another page's): the docs' own calls.
	ExampleOptions []string
	Page           string   // the page it comes from
	AlsoIn         []string // other pages that document the same method and path, sorted
	// Deprecated is set when the page's title or H1 calls the API deprecated (Page.Deprecated).
	Deprecated bool
	// Implicit is set when the page's request lines come from blocks outside an HTTP
	// request section (Page.RequestsImplicit): weaker evidence for owning an endpoint.
	Implicit bool
	// WholeBodies are the body types (qualified, lower-cased) whose properties the page's
	// body table lists together with those of the types nested in them: the body is that
	// resource, not a struct of the table's rows (see nestedTable).
	WholeBodies []string
	Examples    []Example
	// MIME is the example request that sends a MIME message, base64-encoded as
	// text/plain, instead of the JSON body (sendMail, reply, createForward); zero when
	// the page shows none.
	MIME Pos
	Pos  Pos // the first request line
}

// ParamsIn returns the operation's parameters of one kind, in order.
func (op *Operation) ParamsIn(in ParamIn) []Param {
	var ps []Param
	for _, p := range op.Params {
		if p.In == in {
			ps = append(ps, p)
		}
	}
	return ps
}

// ResultOf is what the operation returns for one of its paths: the path's settled result
// where the endpoint map gave one (what the path addresses), else the page's response.
func (op *Operation) ResultOf(p Path) TypeRef {
	if p.Target != nil && p.Target.Result != nil {
		return *p.Target.Result
	}
	return op.Response.Type
}

// Param finds a parameter by kind and name.
func (op *Operation) Param(in ParamIn, name string) (Param, bool) {
	for _, p := range op.Params {
		if p.In == in && p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ExampleODataType is the @odata.type that every example request of the operation writes
// at the top of its JSON object body, when it names t itself: the docs send the type
// with the body (emailauthenticationmethodconfiguration-update.md: "must be included"),
// so the method sends it where the caller leaves it out. "" when an example body leaves
// it out, names another type, or no example sends an object.
func (op *Operation) ExampleODataType(t TypeRef) string {
	if t.Kind != KindNamed || t.Collection {
		return ""
	}
	n := 0
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || !strings.HasPrefix(strings.TrimSpace(ex.Body), "{") {
			continue
		}
		obj, ok := jsonObject(ex.Body)
		var typ string
		if !ok || json.Unmarshal(obj["@odata.type"], &typ) != nil {
			return ""
		}
		name := strings.TrimPrefix(strings.TrimSpace(typ), "#")
		if !strings.EqualFold(name, t.QualifiedName()) && !strings.EqualFold(name, t.Name) {
			return ""
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return "#" + t.QualifiedName()
}
