package parse

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// IncludeFunc returns the text of an include file, named by its slash-separated path
// relative to the input root (the way a page's file name is given to Parse). It is how
// the parser reads files other than the page without touching the disk itself: generate
// reads them from disk, tests from a map.
type IncludeFunc func(name string) ([]byte, error)

// maxIncludeDepth bounds includes within includes.
const maxIncludeDepth = 4

// includeSections are the sections whose includes the parser reads: their content (a
// permissions or parameter table, a response or properties table) is what it uses. An
// include elsewhere (a national-cloud note, an SDK snippet) is prose it does not need.
var includeSections = []section{secPermissions, secPathParams, secFunctionParams, secQueryParams,
	secHeaders, secBody, secResponse, secProperties, secRelationships, secJSON, secMembers}

// isInclude reports whether a paragraph is a docfx include: [!INCLUDE [label](path)].
func isInclude(txt string) bool {
	return len(txt) > 10 && strings.EqualFold(txt[:10], "[!include ")
}

// onInclude reads the file an include names as if its text stood in the page, when it is
// one whose content the parser uses: in a section listed in includeSections, or an HTTP
// example snippet (includes/snippets/http/...). A file that cannot be read is a warning.
func (st *state) onInclude(p *ast.Paragraph) {
	var dest string
	var pos model.Pos
	for _, in := range st.inlines(p) {
		if in.link {
			dest, pos = in.dest, in.pos
			break
		}
	}
	if !pos.IsValid() {
		pos = st.nodePos(p)
	}
	if dest == "" || strings.Contains(dest, "://") {
		return
	}
	dest, _, _ = strings.Cut(dest, "#")
	dest, _, _ = strings.Cut(dest, "?")
	lower := strings.ToLower(dest)
	http := strings.Contains(lower, "snippets/http/")
	if !http && (strings.Contains(lower, "/snippets") || !slices.Contains(includeSections, st.current())) {
		return // an SDK snippet in another language, or prose the parser does not use
	}
	name := path.Clean(path.Join(path.Dir(st.file), dest))
	if len(st.including) >= maxIncludeDepth || slices.Contains(st.including, name) || name == st.pageFile {
		st.ds.Addf(pos, model.Warning, "include-cycle", "include %s is not read: it includes itself, or includes nest deeper than %d", name, maxIncludeDepth)
		return
	}
	var src []byte
	err := fmt.Errorf("the page was read without access to other files")
	if st.inc != nil {
		src, err = st.inc(name)
	}
	if err != nil {
		st.ds.Addf(pos, model.Warning, "include-missing", "include %s cannot be read (%s); what it holds is not known", name, includeError(err))
		return
	}
	var ids model.Diagnostics
	clean, lines, ok := gate(name, src, &ids)
	if ok {
		savedSrc, savedLines, savedFile, savedDS := st.src, st.lines, st.file, st.ds
		st.src, st.lines, st.file, st.ds = blankFrontMatter(clean), lines, name, nil
		st.including = append(st.including, name)
		doc := st.md.Parser().Parse(text.NewReader(st.src))
		st.walk(doc)
		st.including = st.including[:len(st.including)-1]
		ids = append(ids, st.ds...)
		st.src, st.lines, st.file, st.ds = savedSrc, savedLines, savedFile, savedDS
	}
	for _, d := range ids {
		if !strings.Contains(d.Message, "(included by ") {
			d.Message += " (included by " + pos.String() + ")"
		}
		st.ds = append(st.ds, d)
	}
}

// includeError shortens a file error to its cause.
func includeError(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg[:i], "/") {
		return msg[i+2:]
	}
	return msg
}

// blankFrontMatter blanks an include's front matter, if it has one (newlines kept, so
// positions stay those of the file).
func blankFrontMatter(src []byte) []byte {
	s := string(src)
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "---\r\n") {
		return src
	}
	end := strings.Index(s[3:], "\n---")
	if end < 0 {
		return src
	}
	stop := end + 3 + 4
	if nl := strings.IndexByte(s[stop:], '\n'); nl >= 0 {
		stop += nl + 1
	} else {
		stop = len(s)
	}
	out := []byte(s)
	for i := 0; i < stop; i++ {
		if out[i] != '\n' {
			out[i] = ' '
		}
	}
	return out
}
