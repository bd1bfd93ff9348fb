package parse

import (
	"bytes"
	"path"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// section is the kind of part of a page a block sits in.
type section int

const (
	secNone section = iota
	secIntro
	secPermissions
	secHTTP
	secPathParams
	secFunctionParams
	secQueryParams
	secHeaders
	secBody
	secResponse
	secExample
	secProperties
	secRelationships
	secJSON
	secMembers
	secMethods
	secOther
	secDerived // a resource page's "Derived types" list or table
	secParams  // a bare "Parameters" heading: the request body's or the call's, by the request lines
)

var headingNoise = strings.NewReplacer("\u00a0", " ", "*", "", "`", "", "&nbsp;", " ")
var htmlTag = regexp.MustCompile(`<[^>]*>`)

// normHeading lower-cases a heading, strips markup and a trailing colon.
func normHeading(s string) string {
	if strings.Contains(s, "<") {
		s = htmlTag.ReplaceAllString(s, "")
	}
	s = headingNoise.Replace(s)
	s = strings.ToLower(collapseSpace(s))
	return strings.TrimSpace(strings.TrimSuffix(s, ":"))
}

// classifyHeading maps a normalised heading to a section. Below H2 only headings that open
// a parameter or request section count; the rest (Request, Response, Example 1, scenario
// names) stay inside their parent.
func classifyHeading(level int, h string) (section, bool) {
	singular := strings.TrimSuffix(h, "s")
	switch {
	case strings.HasPrefix(h, "http request"):
		return secHTTP, true
	case singular == "path parameter":
		return secPathParams, true
	case singular == "function parameter":
		return secFunctionParams, true
	case singular == "query parameter" || singular == "optional query parameter":
		return secQueryParams, true
	case singular == "request header" || singular == "optional request header":
		return secHeaders, true
	case h == "request body":
		return secBody, true
	case h == "derived types" || h == "derived type":
		return secDerived, true
	case h == "parameters":
		return secParams, true
	}
	if level > 2 {
		return secNone, false
	}
	switch {
	case singular == "permission" || singular == "prerequisite":
		return secPermissions, true
	case singular == "response" || h == "response body":
		// "## Response body" (site-follow.md, domain-forcedelete.md) is the Response
		// section under another name.
		return secResponse, true
	case strings.HasPrefix(h, "example"):
		return secExample, true
	case h == "properties" || singular == "property":
		return secProperties, true
	case singular == "relationship":
		return secRelationships, true
	case h == "json representation":
		return secJSON, true
	case singular == "member":
		return secMembers, true
	case singular == "method":
		return secMethods, true
	}
	return secOther, true
}

// resourcePart reports whether a section is one of a resource page's own.
func resourcePart(s section) bool {
	return s == secProperties || s == secRelationships || s == secJSON || s == secMethods
}

// current is the innermost open section.
func (st *state) current() section {
	for i := len(st.stack) - 1; i >= 0; i-- {
		if st.stack[i].sec != secNone {
			return st.stack[i].sec
		}
	}
	if st.sawTitle {
		return secIntro
	}
	return secNone
}

// heading is the text of the innermost heading, for labelling examples.
func (st *state) heading() string {
	if len(st.stack) == 0 {
		return ""
	}
	return st.stack[len(st.stack)-1].text
}

var tabMarker = regexp.MustCompile(`^\s*\[[^\]]*\]\(#tab/[^)]*\)\s*$`)

// walk visits the document's blocks in order.
func (st *state) walk(doc ast.Node) {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		st.block(n)
	}
}

func (st *state) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		st.pending = nil
		st.onHeading(n)
	case *ast.HTMLBlock:
		st.onHTML(n)
		return
	case *ast.FencedCodeBlock:
		st.checkFence(n)
		st.resourceFence(n, st.pending)
		st.onFence(n)
	case *ast.Paragraph:
		st.onParagraph(n)
	case *east.Table:
		st.onTable(n)
	case *ast.List, *ast.ListItem, *ast.Blockquote:
		// Fences and annotations can sit in list items (indented); look inside.
		_, item := n.(*ast.ListItem)
		first := true
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.List, *ast.ListItem:
				st.block(c)
			case *ast.Paragraph, *ast.TextBlock:
				st.pending = nil // an annotation binds only across blank lines
				switch st.current() {
				case secDerived:
					st.res.derived = append(st.res.derived, st.inlines(c)...)
				case secResponse:
					if !st.respDone {
						st.respProse = append(st.respProse, st.inlines(c)...)
					}
					if st.jsonLevel > 0 {
						st.jsonProse = append(st.jsonProse, st.inlines(c)...)
					}
				case secQueryParams:
					st.onQueryProse(st.plain(c), st.nodePos(c)) // a bullet list of the options
				case secIntro:
					// sendMail's "When using MIME format:" and the steps listed under it; a
					// note's list (in a blockquote) stays out, as the note does
					if txt := strings.TrimSpace(st.plain(c)); item && first && txt != "" && !strings.HasPrefix(txt, "[!") && !inQuote(n) {
						st.addSummary("- " + strings.Join(strings.Fields(txt), " "))
					}
				case secHTTP:
					// "* For a user's default calendar:" above an indented fence: the item's
					// first paragraph labels it; notes below it and quoted text do not.
					if txt := strings.TrimSpace(st.plain(c)); item && first && txt != "" && !strings.HasPrefix(txt, "[!") {
						st.label = txt
					}
				}
				first = false
			}
		}
	}
	if _, ok := n.(*ast.FencedCodeBlock); !ok {
		st.pending = nil
	}
}

// inQuote reports whether n is inside a blockquote.
func inQuote(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.Blockquote); ok {
			return true
		}
	}
	return false
}

var swallowed = regexp.MustCompile(`^\s*(#{2,6} |<!-- ?\{)`)

// checkFence warns about a fence that is not closed where the author meant: one that runs
// to the end of the page, or one that holds markdown headings or annotations (a missing
// closing fence that swallowed what follows, up to the next opener).
func (st *state) checkFence(f *ast.FencedCodeBlock) {
	l := f.Lines()
	if l.Len() == 0 {
		return
	}
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		if line := string(seg.Value(st.src)); strings.ContainsAny(line, "#<") && swallowed.MatchString(line) {
			st.ds.Addf(st.lines.pos(seg.Start), model.Warning, "fence-swallows-markdown",
				"a code block holds a markdown heading or annotation: is its closing fence missing? %q", clip(strings.TrimSpace(line), 60))
			return
		}
	}
	end := l.At(l.Len() - 1).Stop
	// Bytes, not a string: a copy of the rest of the page for every fence is quadratic.
	rest := bytes.TrimLeft(st.src[min(end, len(st.src)):], " \t\r\n>")
	if !bytes.HasPrefix(rest, []byte("```")) && !bytes.HasPrefix(rest, []byte("~~~")) {
		st.ds.Addf(st.lines.pos(l.At(0).Start), model.Warning, "fence-unclosed", "a code block is not closed before the end of the page")
	}
}

// onHeading opens a section.
func (st *state) onHeading(h *ast.Heading) {
	st.proseParam = -1
	raw := st.rawLines(h)
	if strings.Contains(raw, "#tab/") && tabMarker.MatchString(raw) {
		return // a docfx tab: not a section boundary
	}
	txt := normHeading(st.plain(h))
	pos := st.nodePos(h)
	st.res.prose = strings.Builder{}
	if h.Level == 1 {
		for i := len(st.stack) - 1; i >= 0; i-- {
			st.closeSection(st.stack[i])
		}
		st.stack = st.stack[:0]
		if !st.sawTitle {
			st.sawTitle = true
			st.page.TitlePos = pos
			st.res.h1 = strings.TrimSpace(st.plain(h))
			st.page.Deprecated = st.page.Deprecated || strings.Contains(strings.ToLower(st.res.h1), "(deprecated)")
			if st.page.Title == "" {
				st.page.Title = strings.TrimSpace(st.plain(h))
			}
		}
		return
	}
	if st.jsonLevel > 0 && h.Level <= st.jsonLevel {
		st.readJSONResponse()
	}
	if st.current() == secResponse && !st.respDone && (h.Level <= 2 || len(st.respProse) > 0) {
		st.readResponse() // sub-headings without prose before them (### CSV, ### JSON) keep it open
	}
	for len(st.stack) > 0 && st.stack[len(st.stack)-1].level >= h.Level {
		st.closeSection(st.stack[len(st.stack)-1])
		st.stack = st.stack[:len(st.stack)-1]
	}
	sec, ok := classifyHeading(h.Level, txt)
	if ok && sec == secHTTP && h.Level > 2 && st.current() == secExample {
		ok = false // "### HTTP request" heading an example
	}
	if !ok && h.Level > 2 && st.current() != secExample {
		// Pages that lack the H2 put "### Response" or "### Example" under Request body;
		// inside the example zone the same headings only label examples.
		// Once the examples have begun ("## Example", then "## Searching for items a user
		// can access" with its own "### Response"), an H3 Response labels an example's.
		s2, _ := classifyHeading(2, txt)
		if (s2 == secResponse && !st.sections[secResponse] && !st.sections[secExample]) || s2 == secExample {
			sec, ok = s2, true
		}
		// Old resource pages, some without front matter, put their parts under H3
		// ("### Properties" on the old mailFolder page): in a resources folder these open
		// the section the H2 would, the first time.
		if resourcePart(s2) && !st.sections[s2] && path.Base(path.Dir(st.pageFile)) == "resources" {
			sec, ok = s2, true
		}
	}
	if !ok {
		sec = secNone
	}
	st.stack = append(st.stack, frame{level: h.Level, sec: sec, text: strings.TrimSpace(st.plain(h)), pos: pos, at: st.yieldNow()})
	if st.sections == nil {
		st.sections = map[section]bool{}
	}
	if sec != secNone {
		st.sections[sec] = true
	}
	switch sec {
	case secHTTP:
		st.sawHTTP = true
		st.label = ""
	case secResponse:
		st.respPos = pos
		if !st.page.Response.Pos.IsValid() {
			st.page.Response.Pos = pos
		}
	case secBody:
		st.page.Body.Described = true
		st.page.Body.Pos = pos
	}
	if st.current() == secResponse && h.Level > 2 && sec == secNone && strings.EqualFold(strings.TrimSpace(st.plain(h)), "JSON") {
		st.jsonLevel = h.Level // "### CSV" ... "### JSON": the answer $format=application/json asks for
	}
	if st.current() == secHTTP && h.Level > 2 && sec == secNone {
		st.label = strings.TrimSpace(st.plain(h))
	}
}

// onParagraph reads prose: the Namespace line and summary, labels in the HTTP request
// section, the Response and Request body sentences.
func (st *state) onParagraph(p *ast.Paragraph) {
	txt := strings.TrimSpace(st.plain(p))
	st.noteNothing(txt)
	if isInclude(txt) {
		st.onInclude(p)
		// An include with prose right under it, no blank line between, is one paragraph:
		// place-get.md's beta disclaimer over "Get the properties and relationships of a
		// place...". The prose after the include is the page's summary still.
		if _, rest, ok := strings.Cut(txt, "]"); ok && st.current() == secIntro { // the plain text reads [!INCLUDE label]
			if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "[!") && !strings.HasPrefix(rest, ">") {
				st.addSummary(rest)
			}
		}
		return
	}
	st.checkTODO(txt, st.nodePos(p))
	st.resourceProse(p, txt)
	switch st.current() {
	case secIntro:
		switch {
		case strings.HasPrefix(txt, "Namespace:"):
			ns, rest, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(txt, "Namespace:")), " ")
			st.page.Namespace = strings.TrimSuffix(ns, ".")
			if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "[!") {
				st.addSummary(rest)
			}
		case strings.HasPrefix(txt, "[!"), strings.HasPrefix(txt, ">"):
		default:
			st.addSummary(txt)
		}
	case secHTTP:
		if !strings.HasPrefix(txt, "[!") { // [!INCLUDE …] and [!NOTE] are not labels
			st.label = txt
		}
		// A page without a Request body heading that says under its request line "In the
		// request body, supply a JSON representation of a [schema] object".
		const cue = "in the request body"
		if len(txt) >= len(cue) && strings.EqualFold(txt[:len(cue)], cue) && !st.page.Body.Described {
			st.onBodyProse(p, txt)
			if b := &st.page.Body; b.Type.Kind != model.KindNone && !b.Pos.IsValid() {
				b.Pos = st.nodePos(p)
			}
		}
	case secResponse:
		if !st.respDone {
			st.respProse = append(st.respProse, st.inlines(p)...)
			st.respProse = append(st.respProse, inline{text: "\n"})
		}
		if st.jsonLevel > 0 {
			st.jsonProse = append(st.jsonProse, st.inlines(p)...)
			st.jsonProse = append(st.jsonProse, inline{text: "\n"})
		}
	case secBody:
		st.page.Body.Said = st.page.Body.Said || txt != ""
		if strings.Contains(txt, "MIME") && strings.Contains(strings.ToLower(txt), "base64") && !st.page.Body.MIME.IsValid() {
			st.page.Body.MIME = st.nodePos(p) // "provide the MIME content ... encoded in base64 format"
		}
		st.onBodyProse(p, txt)
	case secDerived:
		st.res.derived = append(st.res.derived, st.inlines(p)...)
	case secQueryParams:
		st.codeQueryParams(st.inlines(p), txt, st.nodePos(p))
		st.onQueryProse(txt, st.nodePos(p))
	case secFunctionParams, secPathParams:
		// "This method supports the $format, $top, and $skipToken OData query
		// parameters" under a report's Function parameters table.
		if hasFold(txt, "query parameter") {
			st.onQueryProse(txt, st.nodePos(p))
		}
	}
}

// addSummary adds a paragraph to the summary. The paragraphs are joined once, in finish:
// adding each to the string would copy it every time, quadratic in an intro of many.
func (st *state) addSummary(s string) {
	st.summary = append(st.summary, s)
}

// checkTODO reports the docs' stub placeholders.
func (st *state) checkTODO(txt string, pos model.Pos) {
	if strings.Contains(txt, "TODO:") || strings.Contains(txt, "TODO ") {
		st.ds.Addf(pos, model.Warning, "todo-placeholder", "placeholder text: %q", clip(txt, 80))
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// rawLines returns a block's source lines joined.
func (st *state) rawLines(n ast.Node) string {
	var b strings.Builder
	l := n.Lines()
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		b.Write(seg.Value(st.src))
	}
	return b.String()
}

// inline is a piece of prose: plain text, or a link with its destination.
type inline struct {
	text string
	dest string // set for links
	link bool
	bold bool
	code bool
	pos  model.Pos
}

// inlines flattens a node's inline content.
func (st *state) inlines(n ast.Node) []inline {
	var out []inline
	var rec func(n ast.Node, bold bool)
	rec = func(n ast.Node, bold bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := string(c.Segment.Value(st.src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					t += " "
				}
				out = append(out, inline{text: t, bold: bold, pos: st.lines.pos(c.Segment.Start)})
			case *ast.String:
				out = append(out, inline{text: string(c.Value), bold: bold})
			case *ast.CodeSpan:
				out = append(out, inline{text: st.plain(c), code: true, bold: bold, pos: st.nodePos(c)})
			case *ast.Link:
				out = append(out, inline{text: st.plain(c), dest: string(c.Destination), link: true, bold: bold, pos: st.nodePos(c)})
			case *ast.AutoLink:
				out = append(out, inline{text: string(c.URL(st.src))})
			case *ast.Emphasis:
				rec(c, bold || c.Level == 2)
			case *ast.RawHTML:
				if strings.HasPrefix(strings.ToLower(st.rawSegments(c.Segments)), "<br") {
					out = append(out, inline{text: " "})
				}
			default:
				rec(c, bold)
			}
		}
	}
	rec(n, false)
	return out
}

func (st *state) rawSegments(segs *text.Segments) string {
	var b strings.Builder
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b.Write(seg.Value(st.src))
	}
	return b.String()
}

// plain is a node's text with markup removed and entities decoded.
func (st *state) plain(n ast.Node) string {
	var b strings.Builder
	for _, in := range st.inlines(n) {
		b.WriteString(in.text)
	}
	return decodeEntities(b.String())
}

var entities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&#124;", "|", "&nbsp;", " ", "\u00a0", " ")

func decodeEntities(s string) string {
	if !strings.Contains(s, "&") && !strings.Contains(s, "\u00a0") {
		return s // the usual text: nothing to replace, and no copy
	}
	return entities.Replace(s)
}
