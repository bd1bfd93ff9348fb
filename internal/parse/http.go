package parse

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// onFence dispatches a fenced block by the section it sits in.
func (st *state) onFence(f *ast.FencedCodeBlock) {
	ann := st.pending
	st.pending = nil
	if st.current() == secBody {
		st.page.Body.Said = true
		if ann == nil && st.bodySample == nil {
			st.bodySample = f
		}
	}
	switch st.current() {
	case secHTTP:
		st.requestBlock(f, ann)
	case secExample, secResponse, secBody, secOther, secParams:
		if ex, ok := st.example(f, ann); ok {
			st.page.Examples = append(st.page.Examples, ex)
		}
	}
	if sec := st.current(); sec != secHTTP && sec != secExample && sec != secResponse && st.looksLikeTemplate(f, ann) {
		st.implicit = append(st.implicit, implicitBlock{f, ann})
	}
}

// anyRequestLine reports whether any line is METHOD /path.
func (st *state) anyRequestLine(lines []string) bool {
	for _, l := range lines {
		if methodRE.MatchString(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

// implicitBlock is a fence of request lines outside any HTTP request section: on a page
// that has no such section, these are the templates (a fence under Permissions, or
// scenario headings with bare fences).
type implicitBlock struct {
	f   *ast.FencedCodeBlock
	ann *model.Annotation
}

// looksLikeTemplate reports whether every non-blank line of a fence is METHOD /path and
// the fence is not an annotated example.
func (st *state) looksLikeTemplate(f *ast.FencedCodeBlock, ann *model.Annotation) bool {
	if ann != nil && ann.BlockType != "ignored" {
		return false
	}
	lines, _ := st.fenceLines(f)
	n := 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !methodRE.MatchString(l) || strings.Contains(l, " HTTP/1.1") {
			return false
		}
		n++
	}
	return n > 0
}

// fenceLines returns the block's content lines with the line number of the first.
func (st *state) fenceLines(f *ast.FencedCodeBlock) ([]string, []model.Pos) {
	l := f.Lines()
	out := make([]string, 0, l.Len())
	pos := make([]model.Pos, 0, l.Len())
	for i := 0; i < l.Len(); i++ {
		seg := l.At(i)
		out = append(out, strings.TrimRight(string(seg.Value(st.src)), "\r\n"))
		pos = append(pos, st.lines.pos(seg.Start))
	}
	return out, pos
}

var methodRE = regexp.MustCompile(`^(?i)(GET|POST|PATCH|PUT|DELETE)(\s+|/|$)`)

// requestBlock reads every line of a fence in the HTTP request section.
func (st *state) requestBlock(f *ast.FencedCodeBlock, ann *model.Annotation) {
	lines, pos := st.fenceLines(f)
	segs := f.Lines()
	info := strings.ToLower(strings.TrimSpace(string(f.Language(st.src))))
	if info != "" && info != "http" && info != "msgraph-interactive" && !st.anyRequestLine(lines) {
		// Code in another language (the base64 recipe beside a shares template): one
		// warning for the block, not one per line.
		if len(pos) > 0 {
			st.ds.Addf(pos[0], model.Warning, "request-block-skipped", "a %s block in the HTTP request section holds no request line; it is skipped", info)
		}
		return
	}
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		// The line's first non-blank byte in the source: the segment's value may start with
		// padding spaces that stand for part of a tab.
		start := segs.At(i).Start
		for start < len(st.src) && (st.src[start] == ' ' || st.src[start] == '\t') {
			start++
		}
		p := st.lines.pos(start)
		m := methodRE.FindStringSubmatch(line)
		if m == nil {
			code := "request-line-unparsed"
			msg := "line in the HTTP request section is not METHOD /path: %q"
			if info != "" && info != "http" && info != "msgraph-interactive" {
				msg = "line in a " + info + " block of the HTTP request section is not METHOD /path: %q"
			}
			st.ds.Addf(p, model.Warning, code, msg, clip(line, 100))
			continue
		}
		method := strings.ToUpper(m[1])
		rest := strings.TrimSpace(line[len(m[1]):])
		path, diags := scanPath(rest)
		from := 0 // diagnostics about segments come in path order
		for _, d := range diags {
			dp := p
			if i := strings.Index(line[from:], "/"+d.at); d.at != "" && i >= 0 {
				dp.Col += from + i + 1 // the column of the segment the diagnostic is about
				from += i + 1 + len(d.at)
			}
			st.ds.Addf(dp, d.sev, d.code, "%s", d.msg)
		}
		if path == nil {
			continue
		}
		st.page.Requests = append(st.page.Requests, model.RequestLine{
			Raw: line, Method: method, Path: *path, Label: st.label, Pos: p,
		})
	}
}
