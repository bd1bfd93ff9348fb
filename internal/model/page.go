package model

import "strings"

// PageKind classifies a page by folder and structure.
type PageKind int

// The page kinds.
const (
	PageConceptual PageKind = iota
	PageAPI
	PageResource
	PageEnum
)

// String names the kind as the report does.
func (k PageKind) String() string {
	switch k {
	case PageAPI:
		return "api"
	case PageResource:
		return "resource"
	case PageEnum:
		return "enum"
	}
	return "conceptual"
}

// Page is what the parser read from one markdown page. Parse fills it; Build turns the
// pages of an API into operations and types.
type Page struct {
	File     string // slash-separated, relative to the input root
	Kind     PageKind
	Title    string
	TitlePos Pos
	// RequestsImplicit is set when the page has no HTTP request section and its request
	// lines are read from blocks elsewhere on it (http-request-implicit).
	RequestsImplicit bool
	// Deprecated is set when the page's title or H1 calls the API deprecated ("# Get
	// anonymousIpRiskEvent (deprecated)").
	Deprecated  bool
	Description string // front matter description
	DocType     string // front matter doc_type, normalised (quotes, spaces, trailing _ removed)
	Product     string // front matter ms.prod
	Namespace   string // the "Namespace:" line; microsoft.graph when absent
	Summary     string // the prose between the H1 and the first H2, without notes and includes

	Types []ResourceType // resource, complex and enum types the page defines
	// Methods are the rows of a resource page's Methods table: the docs' own statement
	// that an API page operates on the page's type, and what it returns.
	Methods []MethodLink

	// QueryOptions are the OData system query options ($select, $filter, ...) the
	// Optional query parameters section names, lower-cased, in page order;
	// ODataQueryGeneric is set when it only says the method supports them.
	QueryOptions      []string
	ODataQueryGeneric bool
	// ConsistencyLevelProse is the sentence of that section that names the
	// ConsistencyLevel header, which no table may list.
	ConsistencyLevelProse ProseMention
	// QueryOptionsRefused are the options the prose says the method does not support
	// ("$skip isn't supported"); "*" when it refuses them all ("does not currently
	// support the OData query parameters").
	QueryOptionsRefused []string

	Requests    []RequestLine
	Params      []Param // every parameter table row, in page order
	Body        Body
	Response    Response
	Permissions []Permission
	Examples    []Example
}

// ParamIn says where a parameter travels.
type ParamIn int

// Where parameters go.
const (
	InPath     ParamIn = iota // a {placeholder} in a path segment
	InFunction                // an argument of a function-call segment: f(name=value)
	InQuery                   // a query string parameter
	InHeader                  // a request header
	InBody                    // a property of the JSON request body
)

// String names the location.
func (in ParamIn) String() string {
	return [...]string{"path", "function", "query", "header", "body"}[in]
}

// Presence says whether the docs require a parameter.
type Presence int

// Presence cues.
const (
	PresenceUnknown Presence = iota // the docs say nothing
	Required
	Optional
)

// String names the cue.
func (p Presence) String() string {
	return [...]string{"unknown", "required", "optional"}[p]
}

// Param is one row of a parameter table, or a placeholder found in a request line.
type Param struct {
	Name        string // as written in the docs (notifyManagedDevices, ConsistencyLevel)
	In          ParamIn
	Type        TypeRef
	Description string
	Presence    Presence
	Pos         Pos
	// Or are the other types a body row's Type cell offers ("appHostedMediaConfig or
	// serviceHostedMediaConfig"); the model settles on their common base.
	Or []TypeRef
}

// Body is what the Request body section says.
type Body struct {
	Described bool // the page has a Request body section
	Said      bool // that section holds prose or a code block (it is not empty)
	None      bool // the page says not to supply a body
	// Empty: the page says to supply an empty JSON object ("supply an empty JSON object
	// `{}`"), or its examples send only {}: no argument, and {} is sent. None is set too.
	Empty bool
	Type  TypeRef // the body is a whole resource ("a JSON representation of a [vppToken]")
	// Or are the other types the prose offers instead of Type ("an [ipNamedLocation] or
	// [countryNamedLocation] object"); the model settles on their common base.
	Or []TypeRef
	// MIME is the sentence that offers a MIME message, base64-encoded, as the body
	// instead ("provide the MIME content ... encoded in base64 format"); zero when none.
	MIME Pos
	Pos  Pos
}

// Response is what the Response section says.
type Response struct {
	Status     int // 200, 201, 204, ...; 0 when the page names none
	StatusText string
	Type       TypeRef   // KindNone when the page says there is no body
	Or         []TypeRef // other types the prose offers instead of Type ("an A or B object")
	// OnRequest: the body (Type) comes back only when the request asks for it with
	// Prefer: return=representation; otherwise the answer is Status (204) without one.
	OnRequest bool
	// JSON is the type the answer holds when the request asks for JSON with
	// $format=application/json, where the default answer is another format (a report's
	// CSV, by a 302 redirect): the page's "### JSON" part.
	JSON TypeRef
	// Optional: the docs disagree whether the answer has a body (the Response section
	// names Type where every example answers 204, or says 204 and names Type in the
	// response body): the result is Type when a body comes and nothing otherwise.
	Optional bool
	// FromExample: the Response section names no type; Type is what an example response's
	// annotation says.
	FromExample bool
	// Accepted: besides Type, the docs show the call answered 202 Accepted with a
	// Location to poll and no body (beta POST /chats); Optional is set too.
	Accepted bool
	// Monitor is the header a 202 Accepted answer gives the monitor URL in, as the
	// Response section's prose names it ("a `202 Accepted` response code and an
	// `Operation-Location` header"): Location or Operation-Location; empty when it names none.
	Monitor string
	// Properties are the names a table in the Response section lists (Name | Type |
	// Description) where the section names no type: driveitem-preview.md's getUrl, postUrl
	// and postParameters. PropertiesPos is the table's.
	Properties    []string
	PropertiesPos Pos
	Pos           Pos
}

// Permission is one row of the permissions table.
type Permission struct {
	Kind   string   // Delegated (work or school account), Application, ...
	Scopes []string // least privileged first, as the table lists them
	// For is the resource a table under its own heading speaks of ("Permissions for
	// chat": chat; "Permissions for channel": channel); empty for a page's one table.
	For string
	Pos Pos
}

// ExampleKind says what an example block is.
type ExampleKind int

// The example kinds.
const (
	ExampleOther ExampleKind = iota
	ExampleRequest
	ExampleResponse
)

// String names the kind.
func (k ExampleKind) String() string {
	return [...]string{"other", "request", "response"}[k]
}

// Annotation is an HTML-comment annotation such as <!-- { "blockType": "request" } -->.
type Annotation struct {
	BlockType    string
	Names        []string // "name": a string or a list
	Truncated    bool
	ODataType    string // "@odata.type"
	IsCollection bool
	SampleKeys   []string // "sampleKeys": the real IDs an example request's URL uses as keys
	Raw          string   // the JSON text as written
	Pos          Pos
}

// Header is one header line of an example block.
type Header struct {
	Name, Value string
}

// Example is a fenced example block in the Example(s) section, kept raw so it can later
// be replayed against the generated client.
type Example struct {
	Kind       ExampleKind
	Heading    string      // the nearest heading above it (Request, Example 1: ...)
	Annotation *Annotation // nil when the block is not annotated
	Info       string      // the fence's info string (http, json)
	Method     string      // requests: the method
	URL        string      // requests: the URL as written
	Status     int         // responses: the status code
	Headers    []Header
	Body       string // everything after the headers, verbatim
	Pos        Pos    // the fence's first content line
	// Path is a request's URL read as a template (real IDs that look like IDs become
	// keys), without its query; nil when it is not a usable path.
	Path *Path
}

// OtherHost reports whether a request example calls a host other than Graph's: a
// download URL the service handed out (files.1drv.com), a callback. What it answers says
// nothing of the page's operation.
func (ex Example) OtherHost() bool {
	_, rest, ok := strings.Cut(strings.TrimSpace(ex.URL), "://")
	if !ok {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	h := strings.ToLower(host)
	return h != "" && !strings.HasPrefix(h, "graph.microsoft.") && !strings.HasSuffix(h, "graph.microsoft.us") &&
		h != "microsoftgraph.chinacloudapi.cn" && !strings.HasPrefix(h, "{")
}

// MethodLink is one row of a resource page's Methods table:
// | [List users](../api/user-list.md) | [user](user.md) collection | Get a list of users. |
type MethodLink struct {
	Title  string  // the link text: List users
	Page   string  // the linked API page, relative to the input root like TypeRef.Link
	Return TypeRef // the Return Type column; KindNone for "None", KindUnknown when unreadable
	Pos    Pos
}

// ProseMention is a sentence of a page that names something, and where it is.
type ProseMention struct {
	Text string
	Pos  Pos
}
