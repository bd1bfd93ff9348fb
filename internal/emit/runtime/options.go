package graphrt

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// SetQuery sets a query parameter of the request.
func (r *Request) SetQuery(name, value string) {
	if r.Query == nil {
		r.Query = url.Values{}
	}
	r.Query.Set(name, value)
}

// SetHeader sets a header of the request.
func (r *Request) SetHeader(name, value string) {
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Header.Set(name, value)
}

// AddHeaders adds every value of h to the request's headers, after those already set. A
// method's options add their Header field with it, before their typed fields, which
// replace a header of the same name.
func (r *Request) AddHeaders(h http.Header) {
	for name, values := range h {
		for _, v := range values {
			if r.Header == nil {
				r.Header = http.Header{}
			}
			r.Header.Add(name, v)
		}
	}
}

// AddQuery adds every value of q to the request's query, after those already set (the
// template's own). A method's options add their Query field with it, before their typed
// fields, which replace a parameter of the same name.
func (r *Request) AddQuery(q url.Values) {
	for name, values := range q {
		for _, v := range values {
			if r.Query == nil {
				r.Query = url.Values{}
			}
			r.Query.Add(name, v)
		}
	}
}

// Reference is the body of a POST or PUT to a $ref: it names the object to add by its
// URL, as in
//
//	Reference{ODataID: "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}
//
// whatever the type of the relationship it is added to. A GET of a $ref path answers
// with References too: the URLs of the related objects, not the objects.
type Reference struct {
	// ODataID is the @odata.id annotation: the URL of the object the reference points to.
	// Left empty, the reference is sent as {}: a PUT of an empty reference clears a
	// one-valued one where the service allows it (a user flow's API connector for a step).
	ODataID string `json:"@odata.id,omitempty"`
}

// QuoteSearch puts a $search expression in the double quotes the service requires,
// unless it already is.
func QuoteSearch(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// encodeQuery writes a query string as Graph expects it: names in order, the $ of OData
// options kept as it is, spaces as %20 rather than + (a + in a $filter is a plus).
func encodeQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		for _, v := range q[k] {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(queryEscape(k))
			b.WriteByte('=')
			b.WriteString(queryEscape(v))
		}
	}
	return b.String()
}

// queryEscape escapes a query name or value: like url.QueryEscape, but a space is %20 and
// $ and the OData punctuation that is safe in a query ('(),:) are kept.
func queryEscape(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	for _, c := range []struct{ esc, lit string }{{"%24", "$"}, {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2C", ","}, {"%3A", ":"}} {
		e = strings.ReplaceAll(e, c.esc, c.lit)
	}
	return e
}
