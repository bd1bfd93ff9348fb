package parse

import (
	"bytes"
	"path"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Parser reads pages. It holds one configured goldmark instance and no per-page state, so
// one Parser may be used by several goroutines at once.
type Parser struct {
	md goldmark.Markdown
}

// New returns a Parser that reads GitHub-flavoured tables.
func New() *Parser {
	return &Parser{md: goldmark.New(goldmark.WithExtensions(extension.Table))}
}

// Parse reads one page. file is the page's slash-separated name relative to the input
// root (it decides the page's folder kind and appears in every position); src is its
// content. Parse never fails: what it cannot use becomes a diagnostic, and a page it
// refuses (over MaxPageSize, or a binary file) comes back empty beside its error.
func Parse(file string, src []byte) (*model.Page, model.Diagnostics) {
	return New().Parse(file, src)
}

// Parse reads one page; see the package function Parse.
func (p *Parser) Parse(file string, src []byte) (*model.Page, model.Diagnostics) {
	return p.ParseWith(file, src, nil)
}

// ParseWith reads one page as Parse does, reading the files its [!INCLUDE] links name
// through inc (nil: none can be read, and each include the parser needs is a warning).
func (p *Parser) ParseWith(file string, src []byte, inc IncludeFunc) (*model.Page, model.Diagnostics) {
	page := &model.Page{File: file, Namespace: "microsoft.graph"}
	var ds model.Diagnostics
	// The gate refuses what is not a page and cleans the rest: no byte that is not UTF-8,
	// no nesting goldmark would take minutes over (input.go).
	clean, lines, ok := gate(file, src, &ds)
	if !ok {
		return page, ds
	}
	st := &state{file: file, pageFile: file, src: clean, lines: lines, page: page, ds: ds, md: p.md, inc: inc, proseParam: -1}
	body := st.frontMatter()
	// goldmark sees the page with the front matter blanked out, so offsets stay those of src.
	doc := p.md.Parser().Parse(text.NewReader(body))
	st.walk(doc)
	st.finish()
	return st.page, st.ds
}

// state is everything known while one page is being read.
type state struct {
	// bodyRequired: the prose just before a Request body table says all its rows are
	// required ("The request body requires the following parameters:")
	bodyRequired bool
	// bodySample is the first bare JSON fence of the Request body section (no annotation),
	// and bodyOptional whether that section's prose calls the body optional: the body's
	// parameters when the page gives no table and no type (bodyFromSample).
	bodySample   *ast.FencedCodeBlock
	bodyOptional bool
	// respHeaderRow is a Location or Operation-Location row of a table in the Response
	// section: the header a 202's monitor is named in.
	respHeaderRow string
	// proseParam is the index in Page.Params of the query parameter the prose named last
	// (proseQueryParams), whose values a table may follow; -1 when none
	proseParam int
	// queryOnly: a sentence of the Optional query parameters section said the method
	// supports "only" the options it named; later sentences add none.
	queryOnly bool
	file      string // the file being read: the page, or an include it names
	pageFile  string
	md        goldmark.Markdown
	inc       IncludeFunc
	including []string // the includes being read, outermost first
	src       []byte   // the page as the gate cleaned it, with its front matter blanked
	lines     *lines
	page      *model.Page
	ds        model.Diagnostics

	stack     []frame // open headings, outermost first
	sawTitle  bool
	sawHTTP   bool
	sections  map[section]bool
	label     string            // prose or heading that introduces the next HTTP block
	pending   *model.Annotation // annotation waiting for its fence
	respDone  bool              // the Response prose has been read
	respProse []inline
	respPos   model.Pos
	// jsonLevel is the level of an open "### JSON" heading of the Response section (a
	// report that answers CSV unless asked for JSON), whose prose jsonProse collects;
	// 0 when none is open.
	jsonLevel int
	jsonProse []inline
	empties   []model.Diagnostic // known sections that yielded nothing (silent.go)
	implicit  []implicitBlock    // request-line fences outside an HTTP request section
	summary   []string           // the summary's paragraphs, joined into Page.Summary by finish
	res       resourceData       // what resource and enum pages say (resource.go)
}

type frame struct {
	level   int
	sec     section
	text    string
	pos     model.Pos
	at      yield // what the page had yielded when the section opened (silent.go)
	nothing bool  // its prose says it is empty on purpose ("None.")
}

// frontMatter reads the YAML front matter and returns src with it blanked out (newlines kept).
func (st *state) frontMatter() []byte {
	src := st.src
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		st.src = src
		return src
	}
	end := bytes.Index(src[3:], []byte("\n---"))
	if end < 0 {
		st.ds.Addf(st.lines.line(1), model.Warning, "front-matter-unclosed", "front matter is not closed by a --- line")
		return src
	}
	end += 3 + 1 // start of the closing ---
	stop := end + 3
	if nl := bytes.IndexByte(src[stop:], '\n'); nl >= 0 {
		stop += nl + 1
	} else {
		stop = len(src)
	}
	fm, simple := simpleFrontMatter(src[4:end])
	if !simple {
		var yfm map[string]any
		if err := yaml.Unmarshal(src[4:end], &yfm); err != nil {
			st.ds.Addf(st.lines.line(2), model.Warning, "front-matter-invalid", "front matter is not valid YAML: %v", firstLine(err.Error()))
		}
		fm = map[string]string{}
		for k, v := range yfm {
			if s, ok := v.(string); ok {
				fm[k] = s
			}
		}
	}
	get := func(k string) string { return strings.TrimSpace(fm[k]) }
	pg := st.page
	pg.Title = get("title")
	pg.Deprecated = strings.Contains(strings.ToLower(pg.Title), "(deprecated)")
	pg.Description = get("description")
	pg.Product = get("ms.prod")
	pg.DocType = strings.TrimRight(strings.Trim(get("doc_type"), `"' `), "_")
	for _, k := range []string{"title", "description", "author", "ms.prod"} {
		if strings.Contains(get(k), "TODO") {
			st.ds.Addf(st.keyPos(src[:end], k), model.Warning, "todo-placeholder", "front matter %s is a TODO placeholder", k)
		}
	}
	blank := bytes.Clone(src)
	for i := 0; i < stop; i++ {
		if blank[i] != '\n' {
			blank[i] = ' '
		}
	}
	st.src = blank
	return blank
}

// keyPos finds the line of a front matter key.
func (st *state) keyPos(fm []byte, key string) model.Pos {
	i := bytes.Index(fm, []byte("\n"+key+":"))
	if i < 0 {
		return st.lines.line(1)
	}
	return st.lines.pos(i + 1)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// finish classifies the page and reports what is missing.
func (st *state) finish() {
	pg := st.page
	pg.Summary = strings.Join(st.summary, "\n\n")
	pg.Kind = st.classify()
	if pg.Kind == model.PageResource || pg.Kind == model.PageEnum {
		st.resourceTypes()
	}
	if pg.Kind != model.PageAPI {
		return
	}
	st.apiPageEnums()
	switch {
	case !st.sawHTTP && len(st.implicit) > 0:
		first := st.implicit[0]
		st.ds.Addf(st.fencePos(first.f), model.Warning, "http-request-implicit",
			"the page has no HTTP request section; the request lines are taken from %d block(s) of METHOD /path lines elsewhere on it", len(st.implicit))
		pg.RequestsImplicit = true
		for _, b := range st.implicit {
			st.label = ""
			st.requestBlock(b.f, b.ann)
		}
	case !st.sawHTTP && st.requestsFromExamples():
	case !st.sawHTTP:
		st.ds.Addf(pg.TitlePos.Or(st.lines.line(1)), model.Error, "http-request-missing", "API page has no HTTP request section")
	case len(pg.Requests) == 0 && st.ds.Errors() == 0:
		st.ds.Addf(pg.TitlePos.Or(st.lines.line(1)), model.Error, "http-request-empty", "the HTTP request section holds no request line")
	}
	if st.respProse != nil && !st.respDone {
		st.readResponse()
	}
	st.readJSONResponse()
	st.bodyFromSample()
	if !st.respDone {
		// No Response prose at all: what comes back is not known (the model may still
		// learn it from an example's annotation); it is not "no body".
		pg.Response.Pos = pg.Response.Pos.Or(pg.TitlePos).Or(st.lines.line(1))
		pg.Response.Type = model.TypeRef{Kind: model.KindUnknown, Pos: pg.Response.Pos}
	}
	if !st.sections[secResponse] {
		st.ds.Addf(pg.TitlePos.Or(st.lines.line(1)), model.Warning, "response-missing", "API page has no Response section")
	}
	st.reportSilent()
}

// requestsFromExamples is the last resort for a page with no template at all: the URLs of
// its example requests, with the host and version removed, become its request lines.
// It reports whether there were any.
func (st *state) requestsFromExamples() bool {
	seen := map[string]bool{}
	for _, ex := range st.page.Examples {
		if ex.Kind != model.ExampleRequest || ex.Method == "" {
			continue
		}
		path, diags := scanPath(ex.URL)
		if path == nil || seen[ex.Method+" "+path.String()] {
			continue
		}
		seen[ex.Method+" "+path.String()] = true
		if len(seen) == 1 {
			st.ds.Addf(ex.Pos, model.Warning, "http-request-from-example",
				"the page has no HTTP request section and no template; the request lines are taken from its example requests")
		}
		for _, d := range diags {
			st.ds.Addf(ex.Pos, d.sev, d.code, "%s", d.msg)
		}
		st.page.Requests = append(st.page.Requests, model.RequestLine{
			Raw: ex.Method + " " + ex.URL, Method: ex.Method, Path: *path, Label: ex.Heading, Pos: ex.Pos,
		})
	}
	return len(seen) > 0
}

// hasExampleRequest reports whether the page has an example request.
func (st *state) hasExampleRequest() bool {
	for _, ex := range st.page.Examples {
		if ex.Kind == model.ExampleRequest && ex.Method != "" {
			return true
		}
	}
	return false
}

// classify decides the page kind by folder and structure, doc_type breaking ties.
func (st *state) classify() model.PageKind {
	dir := path.Base(path.Dir(st.file))
	base := strings.ToLower(path.Base(st.file))
	apiByName := dir == "api" || strings.EqualFold(st.page.DocType, "apiPageType")
	api := st.sawHTTP || len(st.page.Requests) > 0 || apiByName && (len(st.implicit) > 0 || st.hasExampleRequest())
	resource := st.sections[secProperties] || st.sections[secJSON]
	enum := st.sections[secMembers] || strings.HasSuffix(strings.ToLower(st.page.Title), "enum type") ||
		strings.HasPrefix(base, "enums")
	dt := strings.ToLower(st.page.DocType)
	switch {
	case dir == "resources" && enum && !resource:
		return model.PageEnum
	case dir == "resources" && (resource || !api):
		if dt == "enumpagetype" || dt == "enumtypes" {
			return model.PageEnum
		}
		if resource || dt == "resourcepagetype" || dt == "apipagetype" {
			return model.PageResource
		}
		return model.PageConceptual
	case api:
		return model.PageAPI
	case enum:
		return model.PageEnum
	case resource:
		return model.PageResource
	}
	switch dt {
	case "apipagetype":
		return model.PageAPI
	case "resourcepagetype":
		return model.PageResource
	case "enumpagetype", "enumtypes":
		return model.PageEnum
	}
	return model.PageConceptual
}

// fencePos is the position of a fence's first content line (or its opening line).
func (st *state) fencePos(f *ast.FencedCodeBlock) model.Pos {
	if l := f.Lines(); l.Len() > 0 {
		return st.lines.pos(l.At(0).Start)
	}
	return st.nodePos(f)
}

// nodePos is the position where a node starts.
func (st *state) nodePos(n ast.Node) model.Pos {
	if off := n.Pos(); off >= 0 {
		return st.lines.pos(off)
	}
	if t, ok := n.(*ast.Text); ok {
		return st.lines.pos(t.Segment.Start)
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l.Len() > 0 {
			return st.lines.pos(l.At(0).Start)
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if p := st.nodePos(c); p.File != "" {
			return p
		}
	}
	return model.Pos{}
}
