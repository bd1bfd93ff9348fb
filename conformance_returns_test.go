package graphdocgen_test

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
)

// The return-type check: the result type of every method, against the Return Type column
// of the Methods tables that link its page, read again from the resource pages' Markdown
// (not from the parser's Page.Methods). Where they disagree, the page's own response
// metadata (the <!-- {"blockType": "response", "@odata.type": ...} --> comment before an
// example response) says which of the two the page itself supports.

// methodsRow is one row of a Methods table.
type methodsRow struct {
	resource string // the resource page, relative to the version's folder
	page     string // the linked API page, relative to the version's folder
	cell     string // the Return Type cell as written
	ret      docReturn
}

// docReturn is what a page says an operation returns.
type docReturn struct {
	kind string // "none", "one", "collection", "primitive", "stream", "unknown"
	typ  string // lower-cased type name (one, collection) or primitive name
}

func (r docReturn) String() string {
	switch r.kind {
	case "none", "unknown", "stream":
		return r.kind
	case "collection":
		return "collection of " + r.typ
	}
	return r.typ
}

var (
	mdLinkRE      = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s#]+)`)
	returnHeadRE  = regexp.MustCompile(`(?i)^\s*(return types?|return value|returns|response type)\s*$`)
	tableSepRE    = regexp.MustCompile(`^\s*\|?\s*:?-{2,}`)
	respBlockRE   = regexp.MustCompile(`(?s)<!--\s*(\{.*?\})\s*-->`)
	blockRespRE   = regexp.MustCompile(`"blockType"\s*:\s*"response"`)
	blockTypeRE   = regexp.MustCompile(`"@odata\.type"\s*:\s*"([^"]*)"`)
	blockCollRE   = regexp.MustCompile(`"isCollection"\s*:\s*true`)
	wordsRE       = regexp.MustCompile(`[A-Za-z][A-Za-z0-9.]*`)
	docPrimitives = map[string]string{"string": "string", "boolean": "bool", "int32": "int32", "int64": "int64", "int16": "int16",
		"double": "float64", "single": "float32", "decimal": "float64", "guid": "string", "datetimeoffset": "DateTimeOffset",
		"date": "Date", "duration": "Duration", "timeofday": "TimeOfDay", "binary": "Binary", "byte": "uint8", "integer": "int32", "int": "int32"}
)

// splitRow splits a Markdown table row into trimmed cells.
func splitRow(line string) []string {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	s = strings.TrimSuffix(s, "|")
	cells := strings.Split(s, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// parseReturnCell reads a Return Type cell; known reports whether a bare (unlinked) word
// names a type, so that "Location header" is not read as one.
func parseReturnCell(cell string, known func(string) bool) docReturn {
	text := strings.TrimSpace(mdLinkRE.ReplaceAllString(cell, "$1"))
	text = strings.Trim(strings.NewReplacer("**", "", "`", "", "*", "").Replace(text), " .")
	low := strings.ToLower(text)
	switch low {
	case "", "n/a", "-":
		return docReturn{kind: "unknown"}
	case "none", "no content", "nocontent", "204 no content":
		return docReturn{kind: "none"}
	case "stream":
		return docReturn{kind: "stream"}
	}
	name, linked := "", false
	if m := mdLinkRE.FindStringSubmatch(cell); m != nil {
		linked = true
		name = strings.TrimSpace(strings.Trim(m[1], "*` "))
	} else {
		for _, w := range wordsRE.FindAllString(text, -1) {
			if lw := strings.ToLower(w); lw != "collection" && lw != "of" && lw != "a" && lw != "an" {
				name = w
				break
			}
		}
	}
	name = strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "microsoft.graph."), "Microsoft.Graph."))
	if name == "" || strings.ContainsAny(name, " ,/") {
		return docReturn{kind: "unknown"}
	}
	kind := "one"
	if strings.Contains(low, "collection") || strings.HasSuffix(low, "[]") {
		kind = "collection"
	}
	if p, ok := docPrimitives[strings.TrimPrefix(name, "edm.")]; ok && kind == "one" {
		return docReturn{kind: "primitive", typ: p}
	}
	if !linked && (known == nil || !known(name)) {
		return docReturn{kind: "unknown"}
	}
	return docReturn{kind: kind, typ: name}
}

// readMethodsTables reads the rows of the Methods tables (a first column of links to API
// pages and a Return Type column) of one resource page.
func readMethodsTables(resource, text string, known func(string) bool) []methodsRow {
	var rows []methodsRow
	lines := strings.Split(text, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(strings.TrimSpace(lines[i]), "|") || !tableSepRE.MatchString(lines[i+1]) {
			continue
		}
		head := splitRow(lines[i])
		col := slices.IndexFunc(head, func(h string) bool { return returnHeadRE.MatchString(h) })
		if col < 1 {
			continue
		}
		for j := i + 2; j < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[j]), "|"); j++ {
			cells := splitRow(lines[j])
			if col >= len(cells) {
				continue
			}
			m := mdLinkRE.FindStringSubmatch(cells[0])
			if m == nil || !strings.HasSuffix(strings.ToLower(m[2]), ".md") {
				continue
			}
			page := path.Clean(path.Join(path.Dir(resource), m[2]))
			rows = append(rows, methodsRow{resource: resource, page: page, cell: cells[col], ret: parseReturnCell(cells[col], known)})
		}
		i++
	}
	return rows
}

// pageResponses is what a page's response metadata comments say its examples return.
func pageResponses(text string) []docReturn {
	var out []docReturn
	for _, m := range respBlockRE.FindAllStringSubmatch(text, -1) {
		if !blockRespRE.MatchString(m[1]) {
			continue
		}
		r := docReturn{kind: "none"}
		if t := blockTypeRE.FindStringSubmatch(m[1]); t != nil && t[1] != "" {
			name := strings.ToLower(t[1])
			name = name[strings.LastIndexByte(name, '.')+1:]
			r = docReturn{kind: "one", typ: name}
			if p, ok := docPrimitives[name]; ok && strings.HasPrefix(strings.ToLower(t[1]), "edm.") {
				r = docReturn{kind: "primitive", typ: p}
			}
			if blockCollRE.MatchString(m[1]) {
				r.kind = "collection"
			}
		}
		out = append(out, r)
	}
	return out
}

// emittedReturn is what a method returns, in the terms of docReturn.
func emittedReturn(m *emit.MethodInfo) docReturn {
	switch m.Result {
	case emit.ResultNone:
		return docReturn{kind: "none"}
	case emit.ResultObject:
		return docReturn{kind: "one", typ: strings.ToLower(m.ResultType)}
	case emit.ResultPage:
		return docReturn{kind: "collection", typ: strings.ToLower(m.ResultType)}
	case emit.ResultStream:
		return docReturn{kind: "stream"}
	case emit.ResultPrimitive, emit.ResultCount:
		return docReturn{kind: "primitive", typ: m.ResultType}
	}
	return docReturn{kind: string(m.Result), typ: strings.ToLower(m.ResultType)}
}

// returnsAgree compares what a page says with what a method returns: the same kind and
// type, or a result that is a base of the page's type (a derived type's page, whose value
// the base carries). isBase(base, derived) is read from the pages.
func returnsAgree(doc, got docReturn, isBase func(base, derived string) bool) (bool, string) {
	switch {
	case doc.kind == got.kind && doc.typ == got.typ:
		return true, ""
	case doc.kind == got.kind && (doc.kind == "one" || doc.kind == "collection") && isBase(got.typ, doc.typ):
		return true, ""
	case doc.kind == got.kind && doc.kind == "primitive":
		return false, "another primitive type"
	case doc.kind == got.kind && (doc.kind == "one" || doc.kind == "collection") && isBase(doc.typ, got.typ):
		return false, "a type derived from the table's (narrower)"
	case doc.kind == got.kind:
		return false, "another type"
	case doc.kind == "none":
		return false, "the table says None, the method returns a value"
	case got.kind == "none":
		return false, "the table gives a type, the method returns nothing"
	}
	return false, fmt.Sprintf("the table says %s, the method returns %s", kindWords(doc.kind), kindWords(got.kind))
}

func kindWords(k string) string {
	switch k {
	case "one":
		return "one object"
	case "collection":
		return "a collection"
	}
	return k
}

// isBaseFunc reports whether base is a base type of derived, following the "Inherits from"
// links of the pages (pageReader).
func (pr *pageReader) isBaseFunc() func(base, derived string) bool {
	typeOf := map[string]string{} // page -> lower-cased type name
	for name, pages := range pr.pages {
		for _, p := range pages {
			if _, ok := typeOf[p]; !ok {
				typeOf[p] = name
			}
		}
	}
	return func(base, derived string) bool {
		for _, page := range pr.pages[derived] {
			seen := map[string]bool{}
			for p := pageBase(page, pr.read(page)); p != "" && !seen[p] && len(seen) < 12; p = pageBase(p, pr.read(p)) {
				seen[p] = true
				if typeOf[p] == base || strings.TrimSuffix(path.Base(p), ".md") == base {
					return true
				}
			}
		}
		return false
	}
}

// returnTypeCheck compares every method's result with the Methods tables that link its
// page and returns the report's section.
func returnTypeCheck(t *testing.T, version string, res *generate.Result, methods []emit.MethodInfo) string {
	t.Helper()
	pr := newPageReader(t, version, res.API)
	isBase := pr.isBaseFunc()
	files, _ := filepath.Glob(filepath.Join(pr.root, "resources", "*.md"))
	slices.Sort(files)
	known := func(name string) bool { return len(pr.pages[name]) > 0 }
	var rows []methodsRow
	linking := map[string]map[string]bool{} // API page -> the resource pages whose Methods tables link it
	for _, f := range files {
		rel := "resources/" + filepath.Base(f)
		for _, r := range readMethodsTables(rel, pr.read(rel), known) {
			rows = append(rows, r)
			if linking[r.page] == nil {
				linking[r.page] = map[string]bool{}
			}
			linking[r.page][rel] = true
		}
	}
	own := map[string][]*emit.MethodInfo{}
	shared := map[string][]*emit.MethodInfo{}
	for i := range methods {
		m := &methods[i]
		if m.Op == nil {
			continue
		}
		own[m.Op.Page] = append(own[m.Op.Page], m)
		for _, p := range m.Op.AlsoIn {
			shared[p] = append(shared[p], m)
		}
	}
	type tally struct {
		pairs, agree int
		causes       map[string][]string
	}
	var unreadable, noMethod, unpaired int
	var noMethodRows []string
	tallies := map[string]*tally{"own": {causes: map[string][]string{}}, "shared": {causes: map[string][]string{}}}
	methodsSeen, methodsWrong := map[string]bool{}, map[string]bool{}
	for _, r := range rows {
		if r.ret.kind == "unknown" {
			unreadable++
			continue
		}
		if len(own[r.page]) == 0 && len(shared[r.page]) == 0 {
			noMethod++
			if len(noMethodRows) < 12 {
				noMethodRows = append(noMethodRows, r.resource+" -> "+r.page)
			}
			continue
		}
		responses := pageResponses(pr.read(r.page))
		// A page that several resources' tables link (an extension's or an extended
		// property's, say) serves each of them: a row pairs with the methods whose path
		// names its resource.
		pairs := func(list []*emit.MethodInfo) []*emit.MethodInfo {
			if len(linking[r.page]) < 2 {
				return list
			}
			res := strings.TrimSuffix(path.Base(r.resource), ".md")
			var out []*emit.MethodInfo
			for _, m := range list {
				if strings.Contains(strings.ToLower(m.Path.String()), "/"+res) {
					out = append(out, m)
				}
			}
			return out
		}
		if len(pairs(own[r.page])) == 0 && len(pairs(shared[r.page])) == 0 {
			unpaired++
			continue
		}
		for _, which := range []string{"own", "shared"} {
			list := pairs(own[r.page])
			if which == "shared" {
				list = pairs(shared[r.page])
			}
			tl := tallies[which]
			for _, m := range list {
				tl.pairs++
				got := emittedReturn(m)
				if which == "own" {
					methodsSeen[m.Name] = true
				}
				ok, why := returnsAgree(r.ret, got, isBase)
				if ok {
					tl.agree++
					continue
				}
				if which == "own" {
					methodsWrong[m.Name] = true
				}
				// Which of the two the page's own response metadata supports.
				pageTable, pageMethod := false, false
				for _, pr := range responses {
					pageTable = pageTable || pr == r.ret || (pr.kind == r.ret.kind && isBase(pr.typ, r.ret.typ))
					a, _ := returnsAgree(pr, got, isBase)
					pageMethod = pageMethod || a
				}
				switch {
				case pageTable && !pageMethod:
					why = "generator: " + why + "; the page's response agrees with the table"
				case pageMethod && !pageTable:
					why = "docs: " + why + "; the page's response agrees with the method (the table contradicts its page)"
				default:
					why = "unclear: " + why + "; the page's response metadata settles nothing"
				}
				tl.causes[why] = append(tl.causes[why], fmt.Sprintf("%s -> %s: table %q (%s), %s returns %s", r.resource, r.page, r.cell, r.ret, m.Name, got))
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  result types against the Methods tables' Return Type column (read from the pages' text; %d rows):\n", len(rows))
	fmt.Fprintf(&b, "    rows not checked: %d with a Return Type cell that is not a type, %d linking a page no method comes from, %d linking a page that several resources share whose methods' paths do not name the row's\n", unreadable, noMethod, unpaired)
	if len(noMethodRows) > 0 {
		fmt.Fprintf(&b, "      linking a page no method comes from, first %d: %s\n", len(noMethodRows), strings.Join(noMethodRows, "; "))
	}
	fmt.Fprintf(&b, "    methods of the linked page: %d distinct, %d disagree with some row that links their page (%.1f%%)\n",
		len(methodsSeen), len(methodsWrong), 100*share(len(methodsWrong), len(methodsSeen)))
	show := confShow()
	for _, which := range []string{"own", "shared"} {
		tl := tallies[which]
		what := "(row, method of the linked page)"
		if which == "shared" {
			what = "(row, method that took the linked page's endpoint)"
		}
		fmt.Fprintf(&b, "    %s pairs %d: agree %d (%.1f%%), disagree %d\n", what, tl.pairs, tl.agree, 100*share(tl.agree, tl.pairs), tl.pairs-tl.agree)
		var causes []string
		for c := range tl.causes {
			causes = append(causes, c)
		}
		slices.SortFunc(causes, func(a, b string) int {
			if d := len(tl.causes[b]) - len(tl.causes[a]); d != 0 {
				return d
			}
			return strings.Compare(a, b)
		})
		for _, c := range causes {
			fmt.Fprintf(&b, "      %5d  %s\n", len(tl.causes[c]), c)
			if which == "own" {
				for _, ex := range tl.causes[c][:min(show, len(tl.causes[c]))] {
					fmt.Fprintf(&b, "               %.300s\n", ex)
				}
			}
		}
	}
	if _, err := os.Stat(pr.root); err == nil && len(rows) == 0 {
		t.Errorf("%s: no Methods table rows read: the check reads nothing", version)
	}
	return b.String()
}
