// Package lint checks Graph API reference pages against themselves, for the people who
// write them: example requests that no request line of the page documents, example body
// keys and response properties the tables do not name, placeholder values where an
// example should show data, and links to pages that do not exist. It reads what the
// parser and the model record (examples with their positions, parameter and property
// tables, links); it does not parse markdown itself.
//
// The generator's own diagnostics (parse and model building, include resolution) are the
// rest of what `graphdocgen lint` prints; the codes here are not among them.
package lint

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// The lint-only codes. Each has a line in the README's table of diagnostic codes.
const (
	CodeRequestUnmatched     = "example-request-unmatched"
	CodeBodyKeyUndocumented  = "example-body-key-undocumented"
	CodeResponseUndocumented = "example-response-property-undocumented"
	CodePlaceholderValue     = "placeholder-value"
	CodeLinkBroken           = "link-broken"
)

// Codes lists the lint-only codes, sorted.
func Codes() []string {
	c := []string{CodeRequestUnmatched, CodeBodyKeyUndocumented, CodeResponseUndocumented, CodePlaceholderValue, CodeLinkBroken}
	slices.Sort(c)
	return c
}

// ReadFunc reads a file named as positions and links name it: slash-separated, relative to
// the input root. Check reads example pages again only to place a body's keys and values
// on their lines, and tries links with it.
type ReadFunc func(name string) ([]byte, error)

// Check runs the lint checks on every page of the API. read may be nil: then links are not
// checked and findings in example bodies point at the example's first line.
func Check(api *model.API, read ReadFunc) model.Diagnostics {
	c := &checker{api: api, read: read, types: map[string]*model.Type{}, files: map[string][]string{}, exists: map[string]bool{}}
	for _, t := range api.Types {
		c.types[strings.ToLower(t.QualifiedName())] = t
	}
	// Types no operation reaches (a derived type an example's @odata.type names) are
	// only on their pages.
	for _, p := range api.Pages {
		for _, rt := range p.Types {
			k := strings.ToLower(rt.QualifiedName())
			if _, ok := c.types[k]; !ok {
				c.types[k] = &model.Type{Name: rt.Name, Namespace: rt.Namespace, Page: p.File, IsEnum: rt.Enum, Documented: true,
					Base: rt.Base, Key: rt.Key, Open: rt.Open, Abstract: rt.Abstract, Properties: rt.Properties, Pos: rt.Pos}
			}
		}
	}
	c.ops = map[string][]*model.Operation{}
	for _, op := range api.Operations {
		c.ops[op.Page] = append(c.ops[op.Page], op)
	}
	for _, p := range api.Pages {
		c.page(p)
	}
	return c.ds.Sort()
}

type checker struct {
	api    *model.API
	read   ReadFunc
	types  map[string]*model.Type // by lower-cased qualified name
	ops    map[string][]*model.Operation
	files  map[string][]string // lines of the files read, by name
	exists map[string]bool     // links tried
	ds     model.Diagnostics
}

func (c *checker) page(p *model.Page) {
	c.links(p)
	if p.Kind != model.PageAPI {
		return
	}
	for _, ex := range p.Examples {
		switch ex.Kind {
		case model.ExampleRequest:
			c.request(p, ex)
		case model.ExampleResponse:
			c.response(p, ex)
		}
	}
}

// request checks one example request: its line, its body's keys and values.
func (c *checker) request(p *model.Page, ex model.Example) {
	if ex.Path != nil && len(p.Requests) > 0 && graphURL(ex.URL) && !slices.ContainsFunc(p.Requests, func(r model.RequestLine) bool {
		return r.Method == ex.Method && pathMatches(r.Path, *ex.Path)
	}) {
		var lines []string
		for _, r := range p.Requests {
			lines = append(lines, r.Method+" "+r.Path.String())
		}
		c.ds.Addf(ex.Pos, model.Warning, CodeRequestUnmatched,
			"example request %s %s matches no request line of the page (%s)", ex.Method, ex.Path.String(), clip(strings.Join(lines, "; "), 160))
	}
	if !strings.HasPrefix(ex.Body, "{") {
		return
	}
	// The body's documented keys: the request-body table's rows, or the properties of
	// the resource the body is.
	params := map[string]model.TypeRef{}
	var tableAt model.Pos
	for _, pa := range p.Params {
		if pa.In == model.InBody {
			params[strings.ToLower(pa.Name)] = pa.Type
			tableAt = tableAt.Or(pa.Pos)
		}
	}
	var bodyType *model.Type
	if len(params) == 0 && p.Body.Type.Kind == model.KindNamed {
		bodyType = c.typeOf(p.Body.Type)
		if bodyType != nil {
			for _, pr := range c.properties(bodyType) {
				params[strings.ToLower(pr.Name)] = pr.Type
			}
		}
	}
	at := c.bodyPositions(ex)
	for _, tok := range scanJSON(ex.Body) {
		top := len(tok.Path) == 0
		switch {
		case tok.Key && top && len(params) > 0 && bodyType == nil && !strings.Contains(tok.Text, "@"):
			if _, ok := params[strings.ToLower(tok.Text)]; !ok {
				c.ds.Addf(at(tok), model.Warning, CodeBodyKeyUndocumented,
					"example request body key %q is not in the page's request-body table (line %d)", tok.Text, tableAt.Line)
			}
		case !tok.Key:
			var due *model.TypeRef
			if t, ok := params[strings.ToLower(tok.Field)]; ok && top {
				due = &t
			}
			c.placeholder(at(tok), tok, due, "request")
		}
	}
}

// response checks one example response's properties and values against the resource
// the page returns.
func (c *checker) response(p *model.Page, ex model.Example) {
	if !strings.HasPrefix(ex.Body, "{") {
		return
	}
	var ref model.TypeRef
	for _, op := range c.ops[p.File] {
		if op.Response.Type.Kind == model.KindNamed {
			ref = op.Response.Type
			break
		}
	}
	if ref.Kind != model.KindNamed {
		ref = p.Response.Type
	}
	t := c.typeOf(ref)
	at := c.bodyPositions(ex)
	toks := scanJSON(ex.Body)
	// The object the properties belong to: the body, or each element of its value array.
	var elem []string
	if ref.Collection || slices.ContainsFunc(toks, func(t token) bool { return slices.Equal(t.Path, []string{"value", "[]"}) }) {
		elem = []string{"value", "[]"}
	}
	// A derived type named by @odata.type is checked against its own properties.
	props := map[string]model.TypeRef{}
	checkKeys := t != nil && t.Documented && !t.Open && !t.IsEnum && len(t.Properties) > 0
	if checkKeys {
		for _, pr := range c.properties(t) {
			props[strings.ToLower(pr.Name)] = pr.Type
		}
		// A type with derived types (directoryObject) may be answered by any of them:
		// its properties are checked only against one an @odata.type names.
		named := false
		for _, tok := range toks {
			if !tok.Key && tok.Field == "@odata.type" && slices.Equal(tok.Path, elem) {
				if d := c.types[strings.ToLower(strings.TrimPrefix(tok.Text, "#"))]; d != nil {
					named = true
					if d.Open {
						checkKeys = false
					}
					for _, pr := range c.properties(d) {
						props[strings.ToLower(pr.Name)] = pr.Type
					}
				}
			}
		}
		if !named && (len(t.Derived) > 0 || t.Abstract) {
			checkKeys = false
		}
	}
	for _, tok := range toks {
		mine := slices.Equal(tok.Path, elem)
		switch {
		case tok.Key && mine && checkKeys && !strings.Contains(tok.Text, "@"):
			if _, ok := props[strings.ToLower(tok.Text)]; !ok {
				c.ds.Addf(at(tok), model.Warning, CodeResponseUndocumented,
					"example response property %q is not a property of %s (%s)", tok.Text, t.Name, t.Page)
			}
		case !tok.Key:
			var due *model.TypeRef
			if pt, ok := props[strings.ToLower(tok.Field)]; ok && mine {
				due = &pt
			}
			c.placeholder(at(tok), tok, due, "response")
		}
	}
}

// graphURL reports whether an example request goes to Graph: a path, or a URL on a
// graph.microsoft host. Notifications that Graph sends to a bot's own URL
// (POST https://bot.contoso.com/api/calls) are examples of another API.
func graphURL(u string) bool {
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return true
	}
	host, _, _ := strings.Cut(rest, "/")
	return strings.Contains(strings.ToLower(host), "graph.microsoft") || strings.HasPrefix(host, "{")
}

// placeholderRE matches the "<type>-value" placeholders of stub pages: "datetime-value".
var placeholderRE = regexp.MustCompile(`^[a-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*-value$`)

// typeNames are the type names stub pages write where a value is due.
var typeNames = map[string]bool{
	"Boolean": true, "Int16": true, "Int32": true, "Int64": true, "Integer": true, "Double": true, "Single": true,
	"Decimal": true, "Guid": true, "DateTimeOffset": true, "Date": true, "Duration": true, "TimeOfDay": true,
	"Binary": true, "Byte": true,
}

// placeholder reports a string value that stands for a type rather than a value: "String"
// and "datetime-value" anywhere; a type name ("Boolean") where the table says the field
// is of a type other than String.
func (c *checker) placeholder(at model.Pos, tok token, due *model.TypeRef, what string) {
	v := tok.Text
	switch {
	case v == "String" || v == "String (identifier)" || v == "String (timestamp)" || placeholderRE.MatchString(v):
		c.ds.Addf(at, model.Warning, CodePlaceholderValue, "example %s value %q of %q is a placeholder, not a value", what, v, tok.Field)
	case typeNames[v] && due != nil && due.Kind == model.KindPrimitive && due.Primitive != model.String:
		c.ds.Addf(at, model.Warning, CodePlaceholderValue, "example %s value %q of %q is a placeholder: the table says %s (line %d), so the example should show such a value",
			what, v, tok.Field, strings.TrimPrefix(due.String(), "Edm."), due.Pos.Line)
	}
}

// links reports relative .md links of the page (in Type columns, Return Type columns and
// Methods tables) that name no file.
func (c *checker) links(p *model.Page) {
	if c.read == nil {
		return
	}
	try := func(link string, at model.Pos) {
		if link == "" || strings.Contains(link, "://") || strings.HasPrefix(link, "/") || !strings.HasSuffix(strings.ToLower(link), ".md") {
			return
		}
		ok, seen := c.exists[link]
		if !seen {
			_, err := c.read(link)
			ok = err == nil
			c.exists[link] = ok
		}
		if !ok {
			c.ds.Addf(at.Or(model.Pos{File: p.File}), model.Warning, CodeLinkBroken, "link %s names no file: there is no %s (names are case-sensitive)", relTo(link, p.File), link)
		}
	}
	ref := func(t model.TypeRef) { try(t.Link, t.Pos) }
	for _, pa := range p.Params {
		ref(pa.Type)
	}
	ref(p.Body.Type)
	ref(p.Response.Type)
	for _, t := range p.Types {
		for _, pr := range t.Properties {
			ref(pr.Type)
		}
	}
	for _, m := range p.Methods {
		try(m.Page, m.Pos)
		ref(m.Return)
	}
}

// relTo writes a root-relative name as a link from page would: ../resources/user.md.
func relTo(name, page string) string {
	dir := path.Dir(page)
	up := ""
	for dir != "." && dir != "/" && !strings.HasPrefix(name, dir+"/") {
		dir = path.Dir(dir)
		up += "../"
	}
	if dir == "." {
		return up + name
	}
	return up + strings.TrimPrefix(name, dir+"/")
}

// typeOf finds a named type.
func (c *checker) typeOf(r model.TypeRef) *model.Type {
	if r.Kind != model.KindNamed {
		return nil
	}
	ns := r.Namespace
	if ns == "" {
		ns = "microsoft.graph"
	}
	return c.types[strings.ToLower(ns+"."+r.Name)]
}

// properties lists a type's properties and those it inherits, as its pages document them:
// not those the generator took from the examples, which lint reports to the pages' authors.
func (c *checker) properties(t *model.Type) []model.Property {
	var out []model.Property
	seen := map[*model.Type]bool{}
	for t != nil && !seen[t] {
		seen[t] = true
		for _, p := range t.Properties {
			if !p.FromExample {
				out = append(out, p)
			}
		}
		if t.Base == "" {
			break
		}
		t = c.types[strings.ToLower(t.Base)]
	}
	return out
}

// bodyPositions places the tokens of an example body in the file it was read from. The
// example records the position of its first line and its body trimmed; the body's first
// line is found again below that position. Without the file, every token is placed at the
// example's first line.
func (c *checker) bodyPositions(ex model.Example) func(token) model.Pos {
	fallback := func(token) model.Pos { return ex.Pos }
	if c.read == nil || !ex.Pos.IsValid() || ex.Pos.Line == 0 {
		return fallback
	}
	lines, ok := c.files[ex.Pos.File]
	if !ok {
		b, err := c.read(ex.Pos.File)
		if err == nil {
			lines = strings.Split(string(b), "\n")
		}
		c.files[ex.Pos.File] = lines
	}
	body := strings.Split(ex.Body, "\n")
	first := strings.TrimSpace(body[0])
	start := -1
	for i := ex.Pos.Line - 1; i >= 0 && i < len(lines) && i < ex.Pos.Line+200; i++ {
		if strings.TrimSpace(strings.TrimSuffix(lines[i], "\r")) == first {
			start = i
			break
		}
	}
	if start < 0 || first == "" {
		return fallback
	}
	return func(t token) model.Pos {
		n := start + t.Line
		if t.Line >= len(body) || n >= len(lines) {
			return ex.Pos
		}
		src := strings.TrimSuffix(lines[n], "\r")
		b := body[t.Line]
		if t.Line == 0 {
			b = strings.TrimLeft(b, " \t")
		}
		indent := strings.Index(src, b)
		if indent < 0 {
			return model.Pos{File: ex.Pos.File, Line: n + 1, Col: 1}
		}
		return model.Pos{File: ex.Pos.File, Line: n + 1, Col: indent + t.Col + 1}
	}
}

// pathMatches reports whether an example's path is an instance of a request line's
// template: segment by segment, a placeholder matches any text, literals match without
// regard to case or the microsoft.graph. prefix, and a function call matches by name (its
// arguments are values). A path-valued placeholder (root:/{item-path}:) matches the rest.
func pathMatches(tmpl, ex model.Path) bool {
	ts, es := tmpl.Segments, ex.Segments
	for i, t := range ts {
		if slices.ContainsFunc(t.Parts, func(p model.Part) bool { return p.PathValued }) {
			return true
		}
		if i >= len(es) {
			return false
		}
		if !segmentMatches(t, es[i]) {
			return false
		}
	}
	if len(es) == len(ts)+1 {
		// A type cast after a documented path: /groups/{id}/memberOf/microsoft.graph.group.
		lit, ok := es[len(ts)].Literal()
		return ok && strings.HasPrefix(strings.ToLower(lit), "microsoft.graph.")
	}
	return len(ts) == len(es)
}

func segmentMatches(t, e model.Segment) bool {
	if t.IsParam() || e.IsParam() {
		return true
	}
	pattern, text := render(t, "\x00"), render(e, "\x00")
	// A function call matches by name: its arguments are values, and a template may
	// leave them out (the Request body rows are its arguments).
	_, tcall := strings.CutSuffix(pattern, ")")
	_, ecall := strings.CutSuffix(text, ")")
	if tcall || ecall {
		tn, _, _ := strings.Cut(pattern, "(")
		en, _, _ := strings.Cut(text, "(")
		return tn == en && !strings.Contains(tn, "\x00")
	}
	return wildcard(pattern, text)
}

// render writes a segment lower-cased, without the microsoft.graph. prefix, with its
// placeholders as hole.
func render(s model.Segment, hole string) string {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.IsParam() {
			b.WriteString(hole)
		} else {
			b.WriteString(strings.ToLower(p.Literal))
		}
	}
	return strings.ReplaceAll(b.String(), "microsoft.graph.", "")
}

// wildcard matches text against a pattern whose NUL bytes match any text.
func wildcard(pattern, text string) bool {
	parts := strings.Split(pattern, "\x00")
	text = strings.ReplaceAll(text, "\x00", "")
	if len(parts) == 1 {
		return pattern == text
	}
	if !strings.HasPrefix(text, parts[0]) {
		return false
	}
	text = text[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(text, p)
		if i < 0 {
			return false
		}
		text = text[i+len(p):]
	}
	return strings.HasSuffix(text, parts[len(parts)-1])
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// Format is an output format of Write.
type Format int

// The output formats.
const (
	Text   Format = iota // file:line:col: severity: code: message
	JSON                 // one JSON array of findings
	GitHub               // GitHub Actions workflow commands: ::warning file=...,line=...,col=...,title=code::message
)

// ParseFormat reads --format's value.
func ParseFormat(s string) (Format, error) {
	switch s {
	case "text":
		return Text, nil
	case "json":
		return JSON, nil
	case "github":
		return GitHub, nil
	}
	return 0, fmt.Errorf("--format must be text, json or github, not %q", s)
}
