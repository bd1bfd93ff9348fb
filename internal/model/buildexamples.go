package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// What a page's examples say about its request lines and parameters where its tables and
// lines are silent or wrong.

// createLineFromExample corrects a request line its page's examples contradict: a GET line
// missing its key goes to getLineFromExample; the rest of this is about creates.
//
// It corrects a create's request line that ends in a key (POST
// /financials/companies/{id}/journals/{id} on "Create journals") when the page's example
// POSTs to the collection, the line without its key, and no other line of the page has
// that shape: a create names no key, and the example shows the call.
//
// A create whose line ends in a collection of another type than the page creates (POST
// .../agentGroups/{id}/agents on "Create onPremisesAgentGroup", whose Response section
// answers an onPremisesAgentGroup) takes, likewise, the shorter line its example POSTs to
// when that line ends in a collection of the page's type (.../agentGroups).
func createLineFromExample(p *Page, rl RequestLine, ds *Diagnostics) Path {
	n := len(rl.Path.Segments)
	if rl.Method == "GET" {
		return getLineFromExample(p, rl, ds)
	}
	if rl.Method == "PATCH" || rl.Method == "DELETE" {
		return writeLineFromExample(p, rl, ds)
	}
	if rl.Method == "POST" && n >= 2 && !rl.Path.Segments[n-1].IsParam() {
		return createLinePrefixFromExample(p, rl, ds)
	}
	if rl.Method != "POST" || n < 2 || !rl.Path.Segments[n-1].IsParam() || plainName(rl.Path.Segments[n-2]) == "" {
		return rl.Path
	}
	trimmed := Path{Segments: rl.Path.Segments[: n-1 : n-1], Query: rl.Path.Query}
	shape := trimmed.Shape()
	for _, other := range p.Requests {
		if other.Method == "POST" && other.Path.Shape() == shape {
			return rl.Path
		}
	}
	for _, ex := range p.Examples {
		if ex.Kind == ExampleRequest && ex.Method == "POST" && ex.Path != nil && ex.Path.Shape() == shape {
			ds.Addf(rl.Pos, Warning, "request-line-from-example",
				"POST %s ends in a key, which a create never names, and the example at line %d POSTs to %s: the method sends that", rl.Path, ex.Pos.Line, trimmed)
			return trimmed
		}
	}
	return rl.Path
}

// createLinePrefixFromExample is createLineFromExample's second case: the page's one POST
// line's last segment names a collection whose element the page's response type is not,
// and an example POSTs to a shorter line whose last segment names it.
func createLinePrefixFromExample(p *Page, rl RequestLine, ds *Diagnostics) Path {
	r := p.Response.Type
	segs := rl.Path.Segments
	names := func(s Segment) bool {
		lit := plainName(s)
		return lit != "" && r.Kind == KindNamed && strings.HasSuffix(strings.ToLower(r.Name), strings.ToLower(Singular(lit)))
	}
	posts := 0
	for _, other := range p.Requests {
		if other.Method == "POST" {
			posts++
		}
	}
	// A page with other POST lines documents several collections (a chat message's
	// /messages and /messages/{id}/replies, a term's /children and /terms/{id}/children):
	// its example shows one of them, not a correction.
	if posts != 1 || r.Kind != KindNamed || len(rl.Path.Query) > 0 || names(segs[len(segs)-1]) {
		return rl.Path
	}
	for _, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != "POST" || ex.Path == nil {
			continue
		}
		k := len(ex.Path.Segments)
		if k < 1 || k >= len(segs) || !names(segs[k-1]) {
			continue
		}
		prefix := Path{Segments: segs[:k:k]}
		if !fitsTemplate(*ex.Path, prefix) {
			continue
		}
		ds.Addf(rl.Pos, Warning, "request-line-from-example",
			"POST %s creates in %s, but the page answers %s and the example at line %d POSTs to %s: the method sends that", rl.Path, plainName(segs[len(segs)-1]), r.Name, ex.Pos.Line, prefix)
		return prefix
	}
	return rl.Path
}

// getLineFromExample corrects a GET line that ends in a collection on a page that answers
// one object, when the page's examples GET one element of it and none the collection:
// presence-get.md lists GET /communications/presences and its example gets
// /communications/presences/{id}. Without the key the method would return one presence from
// a path that lists them. No other GET line of the page may have the keyed shape.
func getLineFromExample(p *Page, rl RequestLine, ds *Diagnostics) Path {
	segs := rl.Path.Segments
	n := len(segs)
	lit := ""
	if n > 0 {
		lit = plainName(segs[n-1])
	}
	r := p.Response.Type
	if lit == "" || Singular(lit) == lit || len(rl.Path.Query) > 0 || r.Kind != KindNamed || r.Collection {
		return rl.Path
	}
	keyed := Path{Segments: append(slices.Clone(segs), Segment{Parts: []Part{{Param: CamelCase(Singular(lit)) + "Id"}}})}
	for _, other := range p.Requests {
		if other.Method == "GET" && other.Path.Shape() == keyed.Shape() {
			return rl.Path
		}
	}
	if slices.ContainsFunc(rl.Path.Params(), func(pt Part) bool { return strings.EqualFold(pt.Param, keyed.Segments[n].Parts[0].Param) }) {
		return rl.Path
	}
	var at *Example
	for i, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != "GET" || ex.Path == nil {
			continue
		}
		switch ex.Path.Shape() {
		case rl.Path.Shape():
			return rl.Path // an example lists the collection: the line is right
		case keyed.Shape():
			if at == nil {
				at = &p.Examples[i]
			}
		}
	}
	if at == nil {
		return rl.Path
	}
	ds.Addf(rl.Pos, Warning, "request-line-from-example",
		"GET %s lists %s, but the page answers one %s and the example at line %d gets one of them: the method sends %s", rl.Path, lit, r.Name, at.Pos.Line, keyed)
	return keyed
}

// writeLineFromExample corrects a PATCH or DELETE line that ends in a collection, which
// Graph never updates or deletes as a whole, when an example of the page sends the same
// method to one member of it: unifiedroleassignmentmultiple-update.md lists PATCH
// /roleManagement/deviceManagement/roleAssignments and its example patches
// .../roleAssignments/lAPpYvVpN0KRkAEhdxReEJC2sEqbR_9Hr48lds9SGHI-1. The member's segment
// is a key whatever it looks like, as it follows the collection the line names. An
// example of the collection itself keeps the line.
func writeLineFromExample(p *Page, rl RequestLine, ds *Diagnostics) Path {
	segs := rl.Path.Segments
	n := len(segs)
	lit := ""
	if n > 0 {
		lit = plainName(segs[n-1])
	}
	if lit == "" || Singular(lit) == lit || len(rl.Path.Query) > 0 {
		return rl.Path
	}
	keyed := Path{Segments: append(slices.Clone(segs), Segment{Parts: []Part{{Param: CamelCase(Singular(lit)) + "Id"}}})}
	for _, other := range p.Requests {
		if other.Method == rl.Method && other.Path.Shape() == keyed.Shape() {
			return rl.Path
		}
	}
	if slices.ContainsFunc(rl.Path.Params(), func(pt Part) bool { return strings.EqualFold(pt.Param, keyed.Segments[n].Parts[0].Param) }) {
		return rl.Path
	}
	var at, bind *Example
	for i, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Method != rl.Method || ex.Path == nil {
			continue
		}
		switch {
		case ex.Path.Shape() == rl.Path.Shape():
			return rl.Path // an example writes to the collection: the line is as meant
		case at == nil && len(ex.Path.Segments) == n+1 && fitsTemplate(Path{Segments: ex.Path.Segments[:n]}, rl.Path):
			at = &p.Examples[i]
		case bind == nil && rl.Method == "PATCH" && len(ex.Path.Segments) == n-1 && fitsTemplate(*ex.Path, Path{Segments: segs[:n-1]}) &&
			strings.Contains(ex.Body, `"`+lit+`@odata.bind"`):
			bind = &p.Examples[i]
		}
	}
	if at == nil && bind != nil {
		// group-post-members.md: PATCH /groups/{id}/members, and the example PATCHes
		// /groups/{id} with members@odata.bind: the collection is written through its
		// parent, which is what the method sends.
		parent := Path{Segments: segs[: n-1 : n-1]}
		ds.Addf(rl.Pos, Warning, "request-line-from-example",
			"%s %s ends in the collection %s, which is never written as a whole, and the example at line %d sends %s@odata.bind to %s: the method sends that", rl.Method, rl.Path, lit, bind.Pos.Line, lit, parent)
		return parent
	}
	if at == nil {
		return rl.Path
	}
	ds.Addf(rl.Pos, Warning, "request-line-from-example",
		"%s %s ends in the collection %s, which is never written as a whole, and the example at line %d sends %s to one member of it: the method sends %s", rl.Method, rl.Path, lit, at.Pos.Line, rl.Method, keyed)
	return keyed
}

// exampleQueryParams are the query parameters that the operation's example requests send
// and that neither its tables, its query templates nor OData name: bookingbusiness-list.md
// says in prose that it "also supports the `query` parameter", and its example sends
// ?query=Adventure. Each is an optional String, named as the example writes it. rows are
// the page's table rows, which the warning cites.
func exampleQueryParams(op *Operation, have, rows []Param, ds *Diagnostics) []Param {
	known := map[string]bool{}
	for _, pm := range have {
		if pm.In == InQuery {
			known[strings.ToLower(pm.Name)] = true
		}
	}
	for _, path := range op.Paths {
		for _, q := range path.Query {
			known[strings.ToLower(q.Name)] = true
		}
	}
	var out []Param
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || ex.Method != "GET" {
			continue
		}
		_, query, ok := strings.Cut(ex.URL, "?")
		if !ok {
			continue
		}
		for _, pair := range strings.Split(query, "&") {
			name, _, _ := strings.Cut(pair, "=")
			name = strings.TrimSpace(name)
			l := strings.ToLower(name)
			if !isIdent(name) || known[l] || known["$"+l] || isODataOption("$"+strings.TrimPrefix(l, "$")) {
				continue
			}
			known[l] = true
			where := "no table of the page lists"
			if slices.ContainsFunc(rows, func(pm Param) bool { return pm.In == InFunction && strings.EqualFold(pm.Name, name) }) {
				// driveitem-delta.md: token is a row of the Function parameters table, and
				// an example sends ?token=latest
				where = "the page lists as a function argument, not a query parameter,"
			}
			ds.Addf(ex.Pos, Warning, "query-param-from-example",
				"the example request sends the query parameter %q, which %s: the method takes it as an optional String", name, where)
			out = append(out, Param{Name: name, In: InQuery, Presence: Optional, Pos: ex.Pos,
				Description: "Sent by the page's example request (" + name + "=...); no table of the page lists it.",
				Type:        TypeRef{Kind: KindPrimitive, Primitive: String, Raw: "String", Pos: ex.Pos}})
		}
	}
	return out
}

// plainHeaders are the request headers every call sends or the client sets itself; an
// example that shows one says nothing about the operation.
var plainHeaders = map[string]bool{
	"authorization": true, "content-type": true, "content-length": true, "host": true,
	"accept": true, "accept-encoding": true, "connection": true, "user-agent": true,
	"transfer-encoding": true, "cache-control": true,
}

// exampleHeaderParams are the request headers that the operation's example requests send
// and that no table of the page lists: timeoff-put.md's example sends Prefer:
// return=representation, pages on directory objects send ConsistencyLevel: eventual. Each
// is an optional String header, so that the call the docs show can be made.
func exampleHeaderParams(op *Operation, have []Param, ds *Diagnostics) []Param {
	known := map[string]bool{}
	for _, pm := range have {
		if pm.In == InHeader {
			known[strings.ToLower(pm.Name)] = true
		}
	}
	var out []Param
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method {
			continue
		}
		for _, h := range ex.Headers {
			l := strings.ToLower(strings.TrimSpace(h.Name))
			if l == "" || known[l] || plainHeaders[l] || !isHeaderName(h.Name) {
				continue
			}
			known[l] = true
			ds.Addf(ex.Pos, Warning, "header-from-example",
				"the example request sends the header %s, which no table of the page lists: the method takes it as an optional String", h.Name)
			out = append(out, Param{Name: strings.TrimSpace(h.Name), In: InHeader, Presence: Optional, Pos: ex.Pos,
				Description: "Sent by the page's example request (" + strings.TrimSpace(h.Name) + ": " + strings.TrimSpace(h.Value) + "); no table of the page lists it.",
				Type:        TypeRef{Kind: KindPrimitive, Primitive: String, Raw: "String", Pos: ex.Pos}})
		}
	}
	return out
}

// isHeaderName reports whether s is an HTTP header name (RFC 9110 token characters).
func isHeaderName(s string) bool {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)) {
			return false
		}
	}
	return s != ""
}

// isODataOption reports whether a lower-cased name with its $ is an OData system query
// option.
func isODataOption(name string) bool {
	switch name {
	case "$select", "$filter", "$search", "$orderby", "$top", "$skip", "$expand", "$count", "$format", "$skiptoken", "$deltatoken", "$levels", "$apply", "$id", "$value":
		return true
	}
	return false
}

// examplesSendObject reports whether an example request of the operation's method sends
// a JSON object body.
func examplesSendObject(op *Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind == ExampleRequest && ex.Method == op.Method && strings.HasPrefix(strings.TrimSpace(ex.Body), "{") {
			return true
		}
	}
	return false
}

// mimeExample finds the example request that sends the operation a MIME message: a POST
// labelled text/plain whose body is base64 text, not JSON (user-sendmail.md: "provide
// the MIME content ... encoded in base64 format in the request body").
func mimeExample(op *Operation) Pos {
	if op.Method != "POST" {
		return Pos{}
	}
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method {
			continue
		}
		body := strings.TrimSpace(ex.Body)
		if strings.HasPrefix(headerValue(ex, "Content-Type"), "text/plain") && body != "" && isBase64Text(body) {
			return ex.Pos
		}
	}
	return Pos{}
}

// isBase64Text reports whether s is base64 text, lines of the base64 alphabet; an elision
// at the end ("...", message-reply.md's shortened MIME example) is left out.
func isBase64Text(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".…")
	if s == "" {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '+', r == '/', r == '=', r == '\n', r == '\r', r == ' ':
		default:
			return false
		}
	}
	return true
}

// unquoteKeysFromExamples drops the quotes of a key segment written '{id}' (beta's
// bitlocker recoveryKeys/'{bitlockeryRecoveryKeyId}') when the page's example requests
// that fit the request line all write the key bare: the calls the docs show are the
// evidence of what the service takes. The warning is at the request line.
func unquoteKeysFromExamples(pg *Page, rl RequestLine, p Path, ds *Diagnostics) Path {
	for si, s := range p.Segments {
		if len(s.Parts) != 1 || !s.Parts[0].IsParam() || !s.Parts[0].Quoted || s.Parts[0].Function {
			continue
		}
		bare, at := 0, Pos{}
		for _, ex := range pg.Examples {
			if ex.Kind != ExampleRequest || ex.Method != rl.Method || ex.Path == nil || !fitsTemplate(*ex.Path, p) {
				continue
			}
			es := ex.Path.Segments[si]
			lit, isLit := es.Literal()
			if isLit && strings.HasPrefix(lit, "'") || len(es.Parts) == 1 && es.Parts[0].Quoted {
				bare = -1
				break
			}
			bare++
			if !at.IsValid() {
				at = ex.Pos
			}
		}
		if bare > 0 {
			parts := slices.Clone(s.Parts) // the page's request line shares the parts
			parts[0].Quoted = false
			p.Segments = slices.Clone(p.Segments)
			p.Segments[si].Parts = parts
			ds.Addf(rl.Pos, Warning, "path-quotes-from-example",
				"the request line quotes the key {%s}; every example request that fits it (first at line %d) writes the key without quotes, which the method does", s.Parts[0].Param, at.Line)
		}
	}
	return p
}

// operationFromExample corrects a request line whose last segment names another
// operation than the page documents: nameditem-addformulalocal.md's lines end in /add,
// the page's file names addFormulaLocal and its example POSTs .../names/addFormulaLocal,
// the action whose body (name, formula, comment) the page's table lists; /add takes a
// reference. Every line of the page that ends in that segment, with no query, takes the
// example's when the page's file name ends in it, no line of the page does, an example of
// the line's method sends it after the other segments of one such line, and no example
// sends the lines' own segment.
func operationFromExample(p *Page, rl RequestLine, path Path, ds *Diagnostics) Path {
	n := len(path.Segments)
	if n < 2 {
		return path
	}
	last := plainName(path.Segments[n-1])
	stem := strings.TrimSuffix(p.File[strings.LastIndexByte(p.File, '/')+1:], ".md")
	named := strings.ToLower(stem[strings.LastIndexByte(stem, '-')+1:])
	if last == "" || strings.EqualFold(last, named) || len(path.Query) > 0 {
		return path
	}
	for _, other := range p.Requests {
		if segs := other.Path.Segments; len(segs) > 0 && strings.EqualFold(plainName(segs[len(segs)-1]), named) {
			return path // the page documents that segment on a line of its own
		}
	}
	var found *Example
	for i, ex := range p.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil || len(ex.Path.Segments) < 2 {
			continue
		}
		k := len(ex.Path.Segments)
		exLast, _ := ex.Path.Segments[k-1].Literal()
		if strings.EqualFold(exLast, last) {
			return path
		}
		if found != nil || ex.Method != rl.Method || !strings.EqualFold(exLast, named) {
			continue
		}
		for _, other := range p.Requests {
			segs := other.Path.Segments
			if other.Method == rl.Method && len(segs) == k && strings.EqualFold(plainName(segs[k-1]), last) &&
				fitsTemplate(Path{Segments: ex.Path.Segments[:k-1]}, Path{Segments: segs[:k-1]}) {
				found = &p.Examples[i]
				break
			}
		}
	}
	if found == nil {
		return path
	}
	seg, _ := found.Path.Segments[len(found.Path.Segments)-1].Literal()
	ds.Addf(rl.Pos, Warning, "request-line-from-example",
		"%s %s ends in %s, but the page is %s and its example at line %d calls %s: the method sends that", rl.Method, path, last, stem, found.Pos.Line, seg)
	return Path{Segments: append(slices.Clone(path.Segments[:n-1]), Segment{Parts: []Part{{Literal: seg}}}), Query: path.Query}
}

// bodyNamesFromExamples gives a body row the spelling of the key every example request
// sends for it, where the two differ only in case and the example's starts lower-case as
// Graph's names do (message-move.md: | DestinationId | beside "destinationId": ...): the
// example shows the name on the wire.
func bodyNamesFromExamples(op *Operation, ds *Diagnostics) {
	for i := range op.Params {
		pm := &op.Params[i]
		if pm.In != InBody || pm.Name == "" || pm.Name[0] < 'A' || pm.Name[0] > 'Z' {
			continue
		}
		sent := ""
		for _, ex := range op.Examples {
			if ex.Kind != ExampleRequest || ex.Method != op.Method || strings.TrimSpace(ex.Body) == "" {
				continue
			}
			var body map[string]json.RawMessage
			if json.Unmarshal([]byte(ex.Body), &body) != nil {
				continue
			}
			for k := range body {
				if k != pm.Name && strings.EqualFold(k, pm.Name) && k[0] >= 'a' && k[0] <= 'z' {
					sent = k
				}
			}
		}
		if sent != "" && !slices.ContainsFunc(op.Params, func(o Param) bool { return o.In == InBody && o.Name == sent }) {
			ds.Addf(pm.Pos, Warning, "property-name-case",
				"body parameter %s is sent as %s by the page's example: the method sends %s", pm.Name, sent, sent)
			pm.Name = sent
		}
	}
}
