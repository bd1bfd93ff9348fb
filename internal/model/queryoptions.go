package model

import (
	"net/url"
	"slices"
	"strings"
)

// queryOptions decides an operation's OData query options: those its page names, or, when
// the page only says that it supports them, $select and $expand for a single value and
// also $filter, $orderby, $top, $skip and $count for a collection. Only GET takes them.
func queryOptions(p *Page, op *Operation) []string {
	if op.Method != "GET" {
		return nil
	}
	var out []string
	refusedAll := slices.Contains(p.QueryOptionsRefused, "*")
	switch {
	case refusedAll:
	case p.ODataQueryGeneric && len(p.QueryOptions) > 0 && callsDelta(op):
		// A delta function's page that "supports OData query parameters" and then names
		// the ones it takes (application-delta.md: $select, and $filter by id) takes
		// those: delta refuses $orderby, $skip and the rest.
	case p.ODataQueryGeneric && op.Response.Type.Collection:
		out = []string{"$select", "$filter", "$orderby", "$top", "$skip", "$expand", "$count"}
	case p.ODataQueryGeneric:
		out = []string{"$select", "$expand"}
	}
	// The options the page names besides ("$filter and $orderby in the same query" after
	// "supports the OData query parameters"), less those it refuses ("$skip isn't
	// supported").
	for _, o := range p.QueryOptions {
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
	}
	// A request line that writes a count (GET /security/alerts?$top=1, left to the
	// plain line's options by dropPagingIllustrations) shows the option too.
	for _, rl := range p.Requests {
		for _, q := range rl.Path.Query {
			if n := strings.ToLower(q.Name); rl.Method == op.Method && (n == "$top" || n == "$skip") && !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
	}
	// A Query parameters table that lists them (| [\$filter](...) | Filters results. |).
	for _, tp := range p.Params {
		if n := strings.ToLower(strings.Trim(tp.Name, "\\`")); tp.In == InQuery && strings.HasPrefix(n, "$") && isODataOption(n) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	out = slices.DeleteFunc(out, func(o string) bool { return slices.Contains(p.QueryOptionsRefused, o) })
	// The page's own example requests are evidence too: list-get.md names no option but
	// its examples send ?select=...&expand=..., chatmessage-delta.md's ?$top=2.
	for _, o := range exampleQueryOptions(p, op) {
		if !slices.Contains(out, o) {
			out = append(out, o)
		}
		if !slices.Contains(op.ExampleOptions, o) {
			op.ExampleOptions = append(op.ExampleOptions, o)
		}
	}
	return out
}

// exampleQueryOptions lists the OData system query options ($ or not) that the page's
// GET example requests of op's paths send, lower-cased with their $, in page order. An
// example of another request on the page (driveitem-get-content.md's GET
// /drive/items/{id}?select=... beside its /content lines) says nothing of op.
func exampleQueryOptions(p *Page, op *Operation) []string {
	var out []string
	for _, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != "GET" || !examplesOp(ex, op) {
			continue
		}
		for _, name := range urlQueryOptions(ex.URL, op) {
			if !slices.Contains(out, name) && !callsTemplateOf(ex, op, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// callsTemplateOf reports whether an example calls a path of op whose query template
// writes the option name: onlinemeeting-get.md's $filter examples call its
// /me/onlineMeetings?$filter=JoinWebUrl eq '{joinWebUrl}' template, which says nothing of
// a $filter on its GET /me/onlineMeetings/{id}.
func callsTemplateOf(ex Example, op *Operation, name string) bool {
	if ex.Path == nil {
		return false
	}
	plain := Path{Segments: ex.Path.Segments}
	sent := exampleQuery(ex.URL)
	for _, p := range op.Paths {
		if !fitsTemplate(plain, Path{Segments: p.Segments}) {
			continue
		}
		for _, q := range p.Query {
			if !strings.EqualFold("$"+strings.TrimPrefix(q.Name, "$"), name) {
				continue
			}
			if q.Param != "" || len(q.Parts) > 0 {
				return true // a template with an argument: the example fills it in
			}
			// A fixed value: the example calls the template only when it sends that value
			// (list-get.md's ?expand=columns(select=...) is the plain GET's expand, not its
			// ?expand=columns,items(expand=fields) line's).
			if slices.ContainsFunc(sent, func(kv [2]string) bool {
				return strings.EqualFold("$"+strings.TrimPrefix(kv[0], "$"), name) && strings.EqualFold(unescapeQuery(kv[1]), q.Value)
			}) {
				return true
			}
		}
	}
	return false
}

// unescapeQuery is a query value with its %-escapes undone, or as it is when they do not
// parse.
func unescapeQuery(v string) string {
	if u, err := url.QueryUnescape(v); err == nil {
		return u
	}
	return v
}

// examplesOp reports whether an example request calls one of op's paths: it fits one, or
// ends in the same segment (a path written another way: /me/drive/root/children).
func examplesOp(ex Example, op *Operation) bool {
	if ex.Path == nil || len(ex.Path.Segments) == 0 {
		return true // nothing to tell it by
	}
	plain := Path{Segments: ex.Path.Segments}
	exLast := segmentShape(plain.Segments[len(plain.Segments)-1])
	for _, p := range op.Paths {
		if len(p.Segments) == 0 {
			continue
		}
		if fitsTemplate(plain, Path{Segments: p.Segments}) || segmentShape(p.Segments[len(p.Segments)-1]) == exLast && !p.Segments[len(p.Segments)-1].IsParam() {
			return true
		}
	}
	return false
}

// urlQueryOptions lists the OData system query options ($ or not) of a URL, lower-cased
// with their $, in the URL's order. A name written without $ that op's lines template
// (site-search.md's GET /sites?search={query}), or its tables list, as a parameter of its
// own is that parameter, not the option.
func urlQueryOptions(u string, op *Operation) []string {
	own := func(name string) bool {
		if op == nil {
			return false
		}
		for _, p := range op.Paths {
			if slices.ContainsFunc(p.Query, func(q QueryParam) bool { return strings.EqualFold(q.Name, name) && q.Param != "" }) {
				return true
			}
		}
		return slices.ContainsFunc(op.Params, func(pm Param) bool { return pm.In == InQuery && strings.EqualFold(pm.Name, name) })
	}
	var out []string
	for _, kv := range exampleQuery(u) {
		if !strings.HasPrefix(kv[0], "$") && own(kv[0]) {
			continue
		}
		name := "$" + strings.TrimPrefix(strings.ToLower(kv[0]), "$")
		switch name {
		case "$select", "$filter", "$search", "$orderby", "$top", "$skip", "$expand", "$count", "$format":
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// callsDelta reports whether every path of op calls the delta function.
func callsDelta(op *Operation) bool {
	for _, p := range op.Paths {
		n := len(p.Segments)
		if n == 0 || !strings.EqualFold(operationName(p.Segments[n-1]), "delta") {
			return false
		}
	}
	return len(op.Paths) > 0
}

// exampleQuery is the query of an example's URL as written, each member's name and value
// (example paths are read without theirs).
func exampleQuery(u string) [][2]string {
	_, q, ok := strings.Cut(u, "?")
	if !ok {
		return nil
	}
	var out [][2]string
	for _, kv := range strings.Split(q, "&") {
		k, v, _ := strings.Cut(kv, "=")
		out = append(out, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	return out
}
