package graph

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
