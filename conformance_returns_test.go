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
	"github.com/graphdocgen/graphdocgen/internal/model"
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
	valueArrayRE  = regexp.MustCompile(`^\{\s*("@odata\.[A-Za-z]+"\s*:\s*("[^"]*"|\d+)\s*,\s*)*"value"\s*:\s*\[`)
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
	for _, ix := range respBlockRE.FindAllStringSubmatchIndex(text, -1) {
		m := []string{text[ix[0]:ix[1]], text[ix[2]:ix[3]]}
		if !blockRespRE.MatchString(m[1]) {
			continue
		}
		// The example's own JSON says a collection where the annotation forgot
		// isCollection: {"@odata.context": "...", "value": [ ... ]}.
		valueArray := false
		if open := strings.Index(text[ix[1]:], "```"); open >= 0 {
			body := text[ix[1]+open+3:]
			if end := strings.Index(body, "```"); end >= 0 {
				body = body[:end]
			}
			if brace := strings.IndexByte(body, '{'); brace >= 0 {
				valueArray = valueArrayRE.MatchString(body[brace:])
			}
		}
		r := docReturn{kind: "none"}
		if t := blockTypeRE.FindStringSubmatch(m[1]); t != nil && t[1] != "" {
			name := strings.ToLower(t[1])
			name = name[strings.LastIndexByte(name, '.')+1:]
			r = docReturn{kind: "one", typ: name}
			if p, ok := docPrimitives[name]; ok && strings.HasPrefix(strings.ToLower(t[1]), "edm.") {
				r = docReturn{kind: "primitive", typ: p}
			}
			if blockCollRE.MatchString(m[1]) || valueArray && r.kind == "one" {
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
	case doc.kind == got.kind && typeSame(doc.typ, got.typ):
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
// page and returns the report's section. Two figures: per row, whether some method of the
// linked page returns what the row says; per method, whether some row that links its page
// says what it returns (methods of $value and $count paths aside: a row speaks of the
// resource, not its content or count).
// endingIn narrows the methods of one page to those whose path ends (keys aside) in the
// segment a Methods row's type names, when some do and others do not: the row "Get mailboxSettings"
// describes GET /me/mailboxSettings, not the page's /me/mailboxSettings/language or
// /workingHours, whose results are other types.
func endingIn(list []*emit.MethodInfo, typ string) []*emit.MethodInfo {
	var out []*emit.MethodInfo
	for _, m := range list {
		// The last segment that is not a key: /me/events/{id} ends in events.
		segs := m.Path.Segments
		for len(segs) > 1 && segs[len(segs)-1].IsParam() {
			segs = segs[:len(segs)-1]
		}
		if len(segs) > 0 && strings.EqualFold(strings.TrimSuffix(segs[len(segs)-1].String(), "s"), strings.TrimSuffix(typ, "s")) {
			out = append(out, m)
		}
	}
	if len(out) == 0 || len(out) == len(list) {
		return list
	}
	return out
}

// belowAgreeing drops the methods whose path goes on below the path of another method of
// the list that returns what the row says: insights-list-used.md's row (usedInsight
// collection) is the list's, GET /me/insights/used, not GET /me/insights/used/{id}/resource's.
func belowAgreeing(list []*emit.MethodInfo, ret docReturn, isBase func(a, b string) bool) []*emit.MethodInfo {
	var out []*emit.MethodInfo
	for _, m := range list {
		below := false
		for _, o := range list {
			if o == m || len(o.Path.Segments) >= len(m.Path.Segments) {
				continue
			}
			prefix := model.Path{Segments: m.Path.Segments[:len(o.Path.Segments)]}
			if ok, _ := returnsAgree(ret, emittedReturn(o), isBase); ok && prefix.Shape() == (model.Path{Segments: o.Path.Segments}).Shape() {
				below = true
			}
		}
		if !below {
			out = append(out, m)
		}
	}
	return out
}

func returnTypeCheck(t *testing.T, version string, res *generate.Result, methods []emit.MethodInfo) (section string, agree, checked int) {
	t.Helper()
	pr := newPageReader(t, version, res.API)
	isBase := pr.isBaseFunc()
	onPage := map[string][]string{} // page -> the lower-cased names of the types whose page it is
	for name, pages := range pr.pages {
		for _, p := range pages {
			onPage[p] = append(onPage[p], name)
		}
	}
	// typeOf is the type a link names: the one of its page's types that the link's text
	// or the page's file name names, or the page's only type.
	typeOf := func(page, text string) string {
		names := onPage[page]
		text = strings.ToLower(strings.Trim(text, "*` "))
		text = text[strings.LastIndexByte(text, '.')+1:]
		switch base := strings.TrimSuffix(path.Base(page), ".md"); {
		case slices.Contains(names, text):
			return text
		case slices.Contains(names, base):
			return base
		case len(names) == 1:
			return names[0]
		}
		return ""
	}
	files, _ := filepath.Glob(filepath.Join(pr.root, "resources", "*.md"))
	slices.Sort(files)
	known := func(name string) bool { return len(pr.pages[name]) > 0 }
	var rows []methodsRow
	linking := map[string]map[string]bool{} // API page -> the resource pages whose Methods tables link it
	for _, f := range files {
		rel := "resources/" + filepath.Base(f)
		for _, r := range readMethodsTables(rel, pr.read(rel), known) {
			// A linked type is the type its page documents (formatprotection.md documents
			// workbookFormatProtection), not the link's text.
			if m := mdLinkRE.FindStringSubmatch(r.cell); m != nil && (r.ret.kind == "one" || r.ret.kind == "collection") {
				if name := typeOf(path.Clean(path.Join(path.Dir(rel), m[2])), m[1]); name != "" {
					r.ret.typ = name
					// A type of a namespace below microsoft.graph ([microsoft.graph.termStore.group])
					// keeps its namespace: the generator names it so where the name is taken
					// (termStoreGroup), else not (ediscovery's case); see typeSame.
					if q := strings.ToLower(strings.Trim(m[1], "*` ")); strings.HasPrefix(q, "microsoft.graph.") && strings.Count(q, ".") == 3 {
						ns := strings.Split(q, ".")[2]
						r.ret.typ = ns + "." + name
					}
				}
			}
			if pr.read(r.page) == "" && pr.read(strings.ToLower(r.page)) != "" {
				r.page = strings.ToLower(r.page) // the docs site's links ignore case
			}
			if i := strings.LastIndexByte(r.ret.typ, '.'); i >= 0 {
				if q := strings.Split(r.ret.typ, "."); len(q) == 4 && q[0] == "microsoft" && q[1] == "graph" {
					r.ret.typ = q[2] + "." + q[3]
				} else {
					r.ret.typ = r.ret.typ[i+1:]
				}
			}
			rows = append(rows, r)
			if linking[r.page] == nil {
				linking[r.page] = map[string]bool{}
			}
			linking[r.page][rel] = true
		}
	}
	own := map[string][]*emit.MethodInfo{}
	shared := map[string][]*emit.MethodInfo{}
	// A report's page gives a CSV download and a JSON twin ($format=application/json); its
	// Methods row names what the twin returns, not the download.
	jsonTwin := map[*model.Operation]bool{}
	for i := range methods {
		if m := &methods[i]; m.Op != nil && strings.Contains(m.Path.String(), "$format=application/json") {
			jsonTwin[m.Op] = true
		}
	}
	for i := range methods {
		m := &methods[i]
		if m.Op == nil {
			continue
		}
		if m.Result == emit.ResultStream && jsonTwin[m.Op] {
			continue
		}
		if segs := m.Path.Segments; len(segs) > 0 {
			if last := segs[len(segs)-1].String(); last == "$value" || last == "$count" {
				continue
			}
		}
		own[m.Op.Page] = append(own[m.Op.Page], m)
		for _, p := range m.Op.AlsoIn {
			shared[p] = append(shared[p], m)
		}
	}
	// pairs: a page that several resources' tables link (an extension's or an extended
	// property's, say) serves each of them, and a row pairs with the methods whose path
	// names its resource.
	pairs := func(r methodsRow, list []*emit.MethodInfo) []*emit.MethodInfo {
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
	var unreadable, absent, noMethod, unpaired, rowsChecked, rowsAgree int
	var noMethodRows []string
	type methodRows struct {
		m    *emit.MethodInfo
		rows []methodsRow
		own  bool
	}
	byMethod := map[*emit.MethodInfo]*methodRows{}
	var order []*emit.MethodInfo
	for _, r := range rows {
		if r.ret.kind == "unknown" {
			unreadable++
			continue
		}
		if pr.read(r.page) == "" {
			absent++
			continue
		}
		if len(own[r.page]) == 0 && len(shared[r.page]) == 0 {
			noMethod++
			if len(noMethodRows) < 12 {
				noMethodRows = append(noMethodRows, r.resource+" -> "+r.page)
			}
			continue
		}
		list := append(slices.Clone(pairs(r, own[r.page])), pairs(r, shared[r.page])...)
		list = endingIn(list, r.ret.typ)
		list = belowAgreeing(list, r.ret, isBase)
		if len(list) == 0 {
			unpaired++
			continue
		}
		rowsChecked++
		agree := false
		for _, m := range list {
			ok, _ := returnsAgree(r.ret, emittedReturn(m), isBase)
			agree = agree || ok
			mr := byMethod[m]
			if mr == nil {
				mr = &methodRows{m: m}
				byMethod[m] = mr
				order = append(order, m)
			}
			mr.rows = append(mr.rows, r)
			mr.own = mr.own || m.Op.Page == r.page
		}
		if agree {
			rowsAgree++
		}
	}
	type tally struct {
		methods, agree int
		causes         map[string][]string
	}
	tallies := map[bool]*tally{true: {causes: map[string][]string{}}, false: {causes: map[string][]string{}}}
	for _, m := range order {
		mr := byMethod[m]
		tl := tallies[mr.own]
		tl.methods++
		got := emittedReturn(m)
		var why string
		var first methodsRow
		for i, r := range mr.rows {
			ok, w := returnsAgree(r.ret, got, isBase)
			if ok {
				why = ""
				break
			}
			if i == 0 {
				why, first = w, r
			}
		}
		if why == "" {
			tl.agree++
			continue
		}
		if got.kind == "collection" && first.ret.kind == "one" && filterQuery(m) {
			// A $filter query (singleValueExtendedProperties/Any(...), JoinWebUrl eq '...')
			// answers a collection of what the row names, whatever the row says.
			if ok, _ := returnsAgree(docReturn{kind: "collection", typ: first.ret.typ}, got, isBase); ok {
				why = "docs: the table says one object for a $filter query, which answers a collection"
				tl.causes[why] = append(tl.causes[why], fmt.Sprintf("%s %s %s returns %s; %s -> %s: %q", m.Name, m.HTTPMethod, m.Path.String(), got, first.resource, first.page, first.cell))
				continue
			}
		}
		// Which of the two the page's own response metadata supports.
		pageTable, pageMethod := false, false
		for _, resp := range pageResponses(pr.read(first.page)) {
			pageTable = pageTable || resp == first.ret || (resp.kind == first.ret.kind && isBase(resp.typ, first.ret.typ))
			a, _ := returnsAgree(resp, got, isBase)
			pageMethod = pageMethod || a
		}
		switch {
		case pageTable && !pageMethod:
			why = "generator: " + why + "; the page's response metadata agrees with the table"
		case pageMethod && !pageTable:
			why = "docs: " + why + "; the page's response metadata agrees with the method (the table contradicts its page)"
		default:
			why = "unclear: " + why + "; the page's response metadata settles nothing"
		}
		tl.causes[why] = append(tl.causes[why], fmt.Sprintf("%s %s %s returns %s; %s -> %s: %q", m.Name, m.HTTPMethod, m.Path.String(), got, first.resource, first.page, first.cell))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  result types against the Methods tables' Return Type column (read from the pages' text, not the parser's; %d rows):\n", len(rows))
	fmt.Fprintf(&b, "    rows not checked: %d with a Return Type cell that is not a type, %d linking a page absent from the version, %d linking a page no method comes from, %d linking a page several resources share where no method's path names the row's resource\n", unreadable, absent, noMethod, unpaired)
	if len(noMethodRows) > 0 {
		fmt.Fprintf(&b, "      linking a page no method comes from, first %d: %s\n", len(noMethodRows), strings.Join(noMethodRows, "; "))
	}
	fmt.Fprintf(&b, "    rows whose page has a method returning what the row says: %d of %d (%.1f%%)\n", rowsAgree, rowsChecked, 100*share(rowsAgree, rowsChecked))
	show := confShow()
	for _, ownPage := range []bool{true, false} {
		tl := tallies[ownPage]
		what := "methods of a page a row links, whose result some such row gives"
		if !ownPage {
			what = "methods that took the endpoint of a page a row links (derived-type pages, ...), likewise"
		}
		fmt.Fprintf(&b, "    %s: %d of %d (%.1f%%); disagree %d:\n", what, tl.agree, tl.methods, 100*share(tl.agree, tl.methods), tl.methods-tl.agree)
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
			for _, ex := range tl.causes[c][:min(show, len(tl.causes[c]))] {
				fmt.Fprintf(&b, "               %.300s\n", ex)
			}
		}
	}
	if _, err := os.Stat(pr.root); err == nil && len(rows) == 0 {
		t.Errorf("%s: no Methods table rows read: the check reads nothing", version)
	}
	return b.String(), tallies[true].agree, tallies[true].methods
}

// filterQuery reports whether a method's path template sends $filter.
func filterQuery(m *emit.MethodInfo) bool {
	return slices.ContainsFunc(m.Path.Query, func(q model.QueryParam) bool { return strings.EqualFold(q.Name, "$filter") })
}

// typeSame reports whether a Methods row's type names the method's: the same name, or for
// a type of a namespace below microsoft.graph (termstore.group), its name alone or
// prefixed with the namespace (termstoregroup), as the generator names it where the plain
// name is taken.
func typeSame(doc, got string) bool {
	if doc == got {
		return true
	}
	ns, name, ok := strings.Cut(doc, ".")
	return ok && (got == name || got == ns+name)
}
