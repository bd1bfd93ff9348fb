package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// This file reads resource, complex-type and enum pages into model.ResourceType values:
// the page's own type (name, base, key, properties from the Properties and Relationships
// tables, checked against the JSON representation) and its enums (a Members table, or
// "<name> values" headings on aggregate and resource pages).
//
// While the page is walked, the hooks below only record tables, fences and prose; the
// types are assembled in resourceTypes, once the page's kind is known.

// resourceData is what the walk records for resource and enum pages.
type resourceData struct {
	h1     string          // the title heading's text
	tables []resTable      // every table outside the sections API pages read
	fences []resFence      // resource-annotated fences and fences under JSON representation
	intro  []inline        // the intro paragraphs, for "Inherits from [x](x.md)"
	prose  strings.Builder // the prose since the last heading ("Flag enum ...")
}

// resTable is a table with the context it was found in.
type resTable struct {
	t       *table
	sec     section
	heading string    // the innermost heading's text, "" directly under the title
	hpos    model.Pos // that heading's position
	prose   string    // prose between that heading and the table
}

// resFence is a fence that may hold the JSON representation.
type resFence struct {
	f   *ast.FencedCodeBlock
	ann *model.Annotation
	sec section
}

// resourceTable records a table that no API-page section claimed.
func (st *state) resourceTable(t *table, sec section) {
	// String does not copy: what is written later goes past this string's end.
	rt := resTable{t: t, sec: sec, prose: st.res.prose.String()}
	if n := len(st.stack); n > 0 {
		rt.heading, rt.hpos = st.stack[n-1].text, st.stack[n-1].pos
	}
	st.res.tables = append(st.res.tables, rt)
}

// resourceFence records a fence annotated as a resource, or one under JSON representation.
func (st *state) resourceFence(f *ast.FencedCodeBlock, ann *model.Annotation) {
	if ann != nil && ann.BlockType == "resource" || st.current() == secJSON {
		st.res.fences = append(st.res.fences, resFence{f: f, ann: ann, sec: st.current()})
	}
}

// resourceProse records a paragraph: intro paragraphs keep their links for the base type.
func (st *state) resourceProse(p *ast.Paragraph, txt string) {
	st.res.prose.WriteString(txt)
	st.res.prose.WriteByte('\n')
	if st.current() != secIntro || strings.HasPrefix(txt, "Namespace:") || strings.HasPrefix(txt, "[!") {
		return
	}
	st.res.intro = append(st.res.intro, st.inlines(p)...)
	st.res.intro = append(st.res.intro, inline{text: "\n"})
}

// resourceTypes fills Page.Types for resource and enum pages.
func (st *state) resourceTypes() {
	pg := st.page
	var enums []*model.ResourceType
	byName := map[string]*model.ResourceType{}
	byHeading := map[model.Pos]*model.ResourceType{}
	var main *model.ResourceType // the page's own type
	if pg.Kind == model.PageResource {
		main = st.mainType()
	}
	var mainEnum *model.ResourceType // an enum page's Members enum
	var propTables []resTable
	intValue := map[*model.ResourceType]bool{}        // enums whose value column says "Int value"
	have := map[*model.ResourceType]map[string]bool{} // each enum's member names
	for _, rt := range st.res.tables {
		if pg.Kind == model.PageResource && isMethodsTable(rt) {
			st.methodRows(rt.t)
			continue
		}
		if name, ok := valuesHeading(rt.heading); ok && isEnumTable(rt.t) {
			e := byHeading[rt.hpos]
			switch {
			case e != nil:
			case byName[name] != nil:
				e = byName[name]
				st.ds.Addf(rt.hpos, model.Warning, "enum-duplicate",
					"enum %s is defined again (first at line %d); new members are added to the first", name, e.Pos.Line)
			default:
				e = &model.ResourceType{Name: name, Namespace: pg.Namespace, Enum: true, Pos: rt.hpos}
				byName[name] = e
				enums = append(enums, e)
			}
			byHeading[rt.hpos] = e
			intValue[e] = st.enumRows(e, rt, have) || intValue[e]
			continue
		}
		switch {
		case isPropertyTable(rt.t) && main != nil && propertyContext(rt):
			propTables = append(propTables, rt)
		case pg.Kind == model.PageEnum && isEnumTable(rt.t) && (rt.sec == secMembers || rt.sec == secIntro):
			if mainEnum == nil {
				mainEnum = &model.ResourceType{Name: st.titleName(), Namespace: pg.Namespace, Enum: true, Pos: st.typePos()}
			}
			intValue[mainEnum] = st.enumRows(mainEnum, rt, have) || intValue[mainEnum]
		}
	}
	if main != nil {
		st.properties(main, propTables)
		st.jsonRepresentation(main, propTables)
		pg.Types = append(pg.Types, *main)
	}
	ix := st.proseIndex()
	if mainEnum != nil {
		mainEnum.Flags = isFlags(mainEnum, intValue[mainEnum], st.enumProse(ix, mainEnum, mainEnum))
		pg.Types = append(pg.Types, *mainEnum)
	}
	for _, e := range enums {
		e.Flags = isFlags(e, intValue[e], st.enumProse(ix, e, mainEnum))
		pg.Types = append(pg.Types, *e)
	}
}

// isMethodsTable reports whether a table lists the operations on the page's type: its
// first column is Method (or Common task) and it sits under Methods, or it has a Return
// type column and sits under no other section of the type.
func isMethodsTable(rt resTable) bool {
	t := rt.t
	if len(t.header) == 0 {
		return false
	}
	switch t.header[0] {
	case "method", "methods", "common task":
	default:
		return false
	}
	switch rt.sec {
	case secMethods:
		return true
	case secProperties, secRelationships, secJSON, secMembers:
		return false // a property table headed Method by mistake (agreementfiledata.md)
	}
	return t.col(returnHeaders...) >= 0
}

var returnHeaders = []string{"return type", "return types", "return value", "returns", "response type"}

// methodRows reads the rows of a Methods table into Page.Methods: the linked API page and
// what the Return type column says it returns.
func (st *state) methodRows(t *table) {
	rc := t.col(returnHeaders...)
	for _, row := range t.rows {
		if len(row) == 0 || row[0].text == "" || groupLabel(row) {
			continue
		}
		m := model.MethodLink{Title: row[0].text, Pos: row[0].pos}
		for _, it := range row[0].items {
			if it.link && it.dest != "" {
				m.Title = strings.TrimSpace(it.text)
				m.Page = st.resolveLink(it.dest)
				break
			}
		}
		if m.Title == "" {
			m.Title = row[0].text
		}
		if rc >= 0 && rc < len(row) {
			m.Return = st.methodReturn(row[rc])
		} else {
			m.Return = model.TypeRef{Kind: model.KindUnknown, Pos: row[0].pos} // a Method | REST Path table
		}
		st.page.Methods = append(st.page.Methods, m)
	}
}

// groupLabel reports whether a row only labels the rows below it: |**Owners**| | |.
func groupLabel(row []cell) bool {
	for _, c := range row[1:] {
		if c.text != "" {
			return false
		}
	}
	return len(row) > 1
}

var (
	collectionOfWords = regexp.MustCompile(`(?i)^(an?\s+)?collection\s+of\s+`)
	noneReturn        = map[string]bool{"none": true, "no content": true, "nothing": true, "n/a": true}
)

// methodReturn reads a Methods table's Return type cell with the Type-column reader:
// "[user](user.md) collection", "Boolean", "Collection of [x](x.md)"; "None" and "No
// Content" are KindNone. Prose it cannot read ("Location header") is KindUnknown and
// reported.
func (st *state) methodReturn(c cell) model.TypeRef {
	txt := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(c.text), "."))
	if noneReturn[strings.ToLower(strings.Trim(txt, "`*"))] {
		return model.TypeRef{Kind: model.KindNone, Raw: c.text, Pos: c.pos}
	}
	if txt == "" {
		return model.TypeRef{Kind: model.KindUnknown, Raw: c.text, Pos: c.pos}
	}
	coll := false
	if loc := collectionOfWords.FindStringIndex(txt); loc != nil {
		coll, txt = true, txt[loc[1]:]
	}
	items := c.items
	for i, it := range items {
		if loc := collectionOfWords.FindStringIndex(it.text); it.link && loc != nil {
			// [Collection of groupSettingTemplate](groupsettingtemplate.md)
			items = slices.Clone(items)
			items[i].text = it.text[loc[1]:]
			coll = true
			break
		}
	}
	ref := parseTypeText(txt, items, st.page.Namespace)
	ref.Raw, ref.Pos = c.text, c.pos
	ref.Collection = ref.Collection || coll
	if ref.Link != "" {
		ref.Link = st.resolveLink(ref.Link)
	}
	if ref.Kind == model.KindNamed && !typeName.MatchString(ref.Name) {
		ref = model.TypeRef{Kind: model.KindUnknown, Raw: c.text, Pos: c.pos} // a link to prose: [monitor the progress](...)
	}
	if ref.Kind == model.KindUnknown {
		st.ds.Addf(c.pos, model.Warning, "method-return-unread",
			"the Methods table's return type %q is not a type; the method's return is left unknown", clip(c.text, 80))
	}
	return ref
}

// typePos is the title's position, or the page's first line.
func (st *state) typePos() model.Pos { return st.page.TitlePos.Or(st.lines.line(1)) }

// proseIndex is the prose that comes before the tables, by what it may introduce: the
// tables under each "<name> values" heading, and those in a Members section. The prose
// before a table under a heading is a prefix of the prose before the next table under the
// same heading, so only the longest is kept: keeping each would be quadratic in a heading
// with many tables, and the words it holds are the same.
type proseIndex struct {
	byName  map[string][]headingProse
	members []headingProse
}

type headingProse struct {
	hpos  model.Pos
	prose string
}

func (st *state) proseIndex() proseIndex {
	ix := proseIndex{byName: map[string][]headingProse{}}
	add := func(list []headingProse, rt resTable) []headingProse {
		if n := len(list); n > 0 && list[n-1].hpos == rt.hpos {
			list[n-1].prose = rt.prose // the same heading's prose, grown
			return list
		}
		return append(list, headingProse{rt.hpos, rt.prose})
	}
	for _, rt := range st.res.tables {
		if name, ok := valuesHeading(rt.heading); ok {
			ix.byName[name] = add(ix.byName[name], rt)
		} else if rt.sec == secMembers {
			ix.members = add(ix.members, rt)
		}
	}
	return ix
}

// enumProse is the prose that introduces an enum: the page summary and Members prose for
// an enum page's own enum, the text under its heading for the others.
func (st *state) enumProse(ix proseIndex, t *model.ResourceType, mainEnum *model.ResourceType) string {
	var b strings.Builder
	if mainEnum != nil && t.Name == mainEnum.Name && t.Pos == mainEnum.Pos {
		b.WriteString(st.page.Summary + "\n")
	}
	for _, hp := range ix.byName[t.Name] {
		b.WriteString(hp.prose + "\n")
	}
	if t.Pos == st.typePos() {
		for _, hp := range ix.members {
			b.WriteString(hp.prose + "\n")
		}
	}
	return b.String()
}

// valuesHeading reads "<name> values" (any level, NBSP and a colon allowed).
func valuesHeading(h string) (string, bool) {
	// The hand-written form of valuesRE, which was among the parser's slowest steps.
	s := strings.TrimSuffix(strings.TrimSpace(h), ":")
	s = strings.TrimRight(s, asciiSpace)
	switch {
	case hasSuffixFold(s, "values"):
		s = s[:len(s)-len("values")]
	case hasSuffixFold(s, "value"):
		s = s[:len(s)-len("value")]
	default:
		return "", false
	}
	name := strings.TrimRight(s, asciiSpace)
	if len(name) == len(s) || !isWord(name) || name[0] >= '0' && name[0] <= '9' {
		return "", false
	}
	return name, true
}

// asciiSpace is what \s matches in a Go regexp.
const asciiSpace = "\t\n\f\r "

// hasSuffixFold reports whether s ends with suffix (lower case), ASCII letters compared
// case-insensitively.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && hasFold(s[len(s)-len(suffix):], suffix)
}

// isWord reports whether s is one or more of [0-9A-Za-z_] (\w).
func isWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return s != ""
}

// isEnumTable reports whether a table lists enum members: its first column is Member,
// Value or Name and it has no Type column.
func isEnumTable(t *table) bool {
	if len(t.header) == 0 || t.col("type") >= 0 {
		return false
	}
	switch t.header[0] {
	case "member", "members", "value", "values", "name", "enum value", "member name":
		return true
	}
	return false
}

// isPropertyTable reports whether a table has a name column and a Type column.
func isPropertyTable(t *table) bool {
	return t.col(propNameHeaders...) >= 0 && t.col("type") >= 0
}

var propNameHeaders = []string{"property", "property name", "name", "properties", "relationship", "relationship name", "relationships"}

// propertyContext reports whether a property-like table is one of the type's: it sits
// under Properties or Relationships (or a "... properties" heading), or right after the
// intro with no heading at all.
func propertyContext(rt resTable) bool {
	switch rt.sec {
	case secProperties, secRelationships, secIntro, secNone:
		return true
	}
	h := normHeading(rt.heading)
	return h == "properties" || strings.HasSuffix(h, " properties")
}

// enumRows adds a table's rows to an enum. It reports whether the value column is headed
// "Int value" (the docs' sign of a flags enum). have holds each enum's member names, kept
// across calls: an enum defined again and again is not read from the start each time.
func (st *state) enumRows(e *model.ResourceType, rt resTable, have map[*model.ResourceType]map[string]bool) bool {
	t := rt.t
	nc := t.col("member", "members", "name", "member name", "enum value")
	if nc < 0 {
		nc = 0
	}
	vc := -1
	for i, h := range t.header {
		if i != nc && (h == "value" || h == "int value" || h == "member" || h == "numeric value" || h == "values") {
			vc = i
			break
		}
	}
	dc := t.col("description")
	names := have[e]
	if names == nil {
		names = map[string]bool{}
		have[e] = names
	}
	for _, row := range t.rows {
		if nc >= len(row) {
			continue
		}
		name := memberName(row[nc].text)
		if name == "" || names[name] || st.badName("enum member", name, row[nc].pos) {
			continue
		}
		names[name] = true
		m := model.EnumMember{Name: name, Pos: row[nc].pos}
		if vc >= 0 && vc < len(row) {
			m.Value = strings.Trim(row[vc].text, "` ")
		}
		if dc >= 0 && dc < len(row) {
			m.Description = row[dc].text
		}
		e.Members = append(e.Members, m)
	}
	return vc >= 0 && t.header[vc] == "int value"
}

// memberName cleans a member cell: markup is gone; quotes and stray words go too.
func memberName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "`*\"'")
	if f := strings.Fields(s); len(f) > 0 {
		return strings.Trim(f[0], "`*\"',")
	}
	return ""
}

var flagWord = regexp.MustCompile(`(?i)\bflags?\b`)

// isFlags reports whether an enum's values combine: every value is 0 or a power of two,
// and the value column is headed "Int value", or the prose or a member description says
// "flag", or the values skip (1, 2, 4: no 3).
func isFlags(t *model.ResourceType, intValue bool, prose string) bool {
	var vals []int64
	for _, m := range t.Members {
		if m.Value == "" {
			continue
		}
		v, err := strconv.ParseInt(m.Value, 0, 64)
		if err != nil || v < 0 || v&(v-1) != 0 {
			return false
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return false
	}
	said := intValue || flagWord.MatchString(prose)
	for _, m := range t.Members {
		said = said || flagWord.MatchString(m.Description)
	}
	if said {
		return true
	}
	// Powers of two with a gap (1, 2, 4): a run 0..n would have 3.
	maxV := int64(0)
	for _, v := range vals {
		maxV = max(maxV, v)
	}
	return maxV >= 4
}

// mainType is a resource page's own type: named by its annotation or title.
func (st *state) mainType() *model.ResourceType {
	pg := st.page
	t := &model.ResourceType{Namespace: pg.Namespace, Pos: st.typePos()}
	title := st.titleName()
	annMap, _ := st.resourceAnnotation(title)
	if s, _ := annMap["@odata.type"].(string); strings.TrimSpace(s) != "" && !badRune(s) {
		t.Namespace, t.Name = splitQualified(strings.TrimSpace(s), pg.Namespace)
	}
	if t.Name == "" {
		t.Name = title
	}
	if b, _ := annMap["baseType"].(string); b != "" {
		t.Base = st.qualifyBase(b, "", t)
	}
	if t.Base == "" {
		t.Base = st.proseBase(t)
	}
	if k, _ := annMap["keyProperty"].(string); k != "" {
		t.Key = k
	}
	t.Open = truthy(annMap["openType"])
	t.Abstract = truthy(annMap["abstract"]) || truthy(annMap["isAbstract"])
	return t
}

// resourceAnnotation picks the resource annotation that describes the page's type: the
// one whose @odata.type matches the title, else the first. It returns the annotation's
// keys and the index of its fence.
func (st *state) resourceAnnotation(title string) (map[string]any, int) {
	best := -1
	var bestMap map[string]any
	for i, rf := range st.res.fences {
		if rf.ann == nil || rf.ann.BlockType != "resource" {
			continue
		}
		m := annotationMap(rf.ann.Raw)
		if best < 0 {
			best, bestMap = i, m
		}
		if s, _ := m["@odata.type"].(string); title != "" && strings.EqualFold(model.Unqualified(strings.TrimSpace(s)), title) {
			return m, i
		}
	}
	return bestMap, best
}

// annotationMap reads an annotation's JSON as a map, strictly, then leniently.
func annotationMap(raw string) map[string]any {
	var m map[string]any
	if json.Unmarshal([]byte(raw), &m) != nil {
		m = nil
		_ = json.Unmarshal([]byte(lenientJSON(raw)), &m)
	}
	return m
}

var (
	titleParen  = regexp.MustCompile(`\s*\([^)]*\)\s*$`)
	titleSuffix = regexp.MustCompile(`(?i)\s+(resource type|complex type|enum type|entity type|enumeration type|resource|complex|enumeration|enum|type|object|facet)$`)
)

// titleName derives the type's name from the title heading ("vppToken resource type"),
// else the front matter title, else the file name.
func (st *state) titleName() string {
	for _, s := range []string{st.res.h1, st.page.Title} {
		s = strings.TrimSpace(s)
		if strings.HasSuffix(s, ")") || strings.Contains(s, ") ") {
			s = strings.TrimSpace(titleParen.ReplaceAllString(s, ""))
		}
		s = strings.TrimSpace(titleSuffix.ReplaceAllString(s, ""))
		s = strings.Trim(s, "`*")
		if typeName.MatchString(s) {
			_, name := splitQualified(s, "")
			return name
		}
	}
	base := strings.TrimSuffix(path.Base(st.file), path.Ext(st.file))
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		base = base[i+1:]
	}
	return base
}

var (
	camelCase     = regexp.MustCompile(`^[a-z]+[A-Z]`)
	baseStopWords = map[string]bool{"the": true, "this": true, "that": true, "these": true, "its": true, "other": true, "another": true, "one": true}
	baseCue       = regexp.MustCompile(`(?i)\b(inherits from|inherited from|derived from|derives from|sub(class|type) of|extends)\s+(the\s+)?(abstract\s+)?(base\s+)?(type\s+|class\s+)?`)
)

// proseBase reads "Inherits from [x](x.md)" (or Derived from, subclass of) in the intro.
func (st *state) proseBase(t *model.ResourceType) string {
	var b strings.Builder
	type linkAt struct {
		off int
		in  inline
	}
	var links []linkAt
	for _, it := range st.res.intro {
		if it.link {
			links = append(links, linkAt{b.Len(), it})
		}
		b.WriteString(it.text)
	}
	text := b.String()
	if !anyFold(text, "inherit", "derive", "subclass of", "subtype of", "extends") {
		return ""
	}
	// Each cue looks only at the links right after it and at one word: text[end:] as a
	// whole, for every cue, is quadratic in an intro of many.
	for _, loc := range baseCue.FindAllStringIndex(text, -1) {
		end := loc[1]
		first := sort.Search(len(links), func(i int) bool { return links[i].off >= end })
		for _, l := range links[first:] {
			if strings.TrimSpace(text[end:l.off]) != "" {
				break // text between the cue and the link: so for every later link
			}
			if base := st.qualifyBase(l.in.text, l.in.dest, t); base != "" {
				return base
			}
		}
		// An unlinked name: "Inherits from entity." Prose such as "derived from a
		// machine learning process" must not give a base, so a word of its own has to look
		// like a type name.
		if f := firstField(text[end:]); f != "" {
			w := strings.TrimRight(strings.Trim(f, "`*\""), ".,;:)")
			inherits := len(text)-loc[0] >= len("inherits from") && strings.EqualFold(text[loc[0]:loc[0]+len("inherits from")], "inherits from")
			if len(w) >= 3 && !baseStopWords[strings.ToLower(w)] && (inherits || camelCase.MatchString(w)) {
				if base := st.qualifyBase(w, "", t); base != "" {
					return base
				}
			}
		}
	}
	return ""
}

// firstField is strings.Fields(s)[0], or "", without splitting the rest of s.
func firstField(s string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// qualifyBase turns a base type name into a qualified name. An unqualified name takes the
// type's namespace, except that a link from a sub-namespace page (microsoft.graph.ediscovery)
// to a page without that namespace's file prefix (entity.md, not ediscovery-*.md) names a
// microsoft.graph type. Primitives and the type itself are not bases.
func (st *state) qualifyBase(name, dest string, t *model.ResourceType) string {
	name = strings.Trim(strings.TrimSpace(name), "`*[]#")
	if name == "" || !typeName.MatchString(name) || strings.EqualFold(name, "null") {
		return ""
	}
	if _, ok := model.LookupPrimitive(name); ok {
		return ""
	}
	ns := t.Namespace
	if sub, ok := strings.CutPrefix(ns, "microsoft.graph."); ok && dest != "" && !strings.Contains(name, ".") {
		file := strings.ToLower(path.Base(dest))
		if !strings.HasPrefix(file, strings.ToLower(sub)+"-") {
			ns = "microsoft.graph"
		}
	}
	qns, n := splitQualified(name, ns)
	if n == "" || (n == t.Name && qns == t.Namespace) {
		return ""
	}
	return qns + "." + n
}

var (
	readOnlyRE = regexp.MustCompile(`(?i)\bread[- ]?only\b`)
	requiredRE = regexp.MustCompile(`(?i)(^|[.!?:;]\s+|\(\s*)required\s*(\.|\)|;|$)`)
	notReqRE   = regexp.MustCompile(`(?i)\bnot\s+required\b`)
	nullableRE = regexp.MustCompile(`(?i)\bnullable\b`)
	notNullRE  = regexp.MustCompile(`(?i)\b(not|non)[- ]?nullable\b`)
	typeMods   = regexp.MustCompile(`(?i)\s*\(\s*(read-?only|readonly|identifier|nullable|optional|required|key|url|uri|enum)\s*\)|,\s*max(imum)?\s+(size|length)\s+\d+`)
	collOfWord = regexp.MustCompile(`(?i)^collection\s+of\s+(\S+)$`)
)

// properties reads the rows of the type's Properties and Relationships tables.
func (st *state) properties(t *model.ResourceType, tables []resTable) {
	seen := map[string]bool{}
	var props []resTable // Properties tables that gave at least one row
	for _, rt := range tables {
		h := rt.t.header[max(rt.t.col(propNameHeaders...), 0)]
		nav := rt.sec == secRelationships || strings.HasPrefix(h, "relationship")
		n := len(t.Properties)
		st.propertyRows(t, rt.t, nav, seen)
		if !nav && len(t.Properties) > n {
			props = append(props, rt)
		}
	}
	if len(props) > 1 {
		st.ds.Addf(props[1].t.pos, model.Warning, "properties-several-tables",
			"the Properties section has %d tables; their rows are read as one list", len(props))
	}
}

func (st *state) propertyRows(t *model.ResourceType, tb *table, nav bool, seen map[string]bool) {
	nc, tc := tb.col(propNameHeaders...), tb.col("type")
	dc := tb.col("description", "notes", "remarks")
	for _, row := range tb.rows {
		if nc >= len(row) || tc >= len(row) {
			continue
		}
		name := paramName(row[nc].text)
		desc := ""
		if dc >= 0 && dc < len(row) {
			desc = row[dc].text
		}
		if name == "" || strings.HasPrefix(name, "@") || row[tc].text == "" || st.badName("property", name, row[nc].pos) || !isPropName(name) {
			continue // group labels (|**Open extensions**| | |), instance attributes, prose rows
		}
		// Type cells may carry modifiers the type grammar does not know: "string (readonly)",
		// "string, maximum size 20", "Collection of String".
		typeCell := row[tc]
		readOnly := false
		if strings.ContainsAny(typeCell.text, "(,") && typeMods.MatchString(typeCell.text) {
			readOnly = readOnlyRE.MatchString(typeCell.text)
			typeCell.text = strings.TrimSpace(typeMods.ReplaceAllString(typeCell.text, ""))
		}
		if !hasFold(typeCell.text, "collection") {
			// no "Collection of x"
		} else if m := collOfWord.FindStringSubmatch(typeCell.text); m != nil {
			typeCell.text = "Collection(" + m[1] + ")"
		}
		p := model.Property{
			Name:        name,
			Type:        st.typeRef(typeCell),
			Description: desc,
			ReadOnly:    readOnly || hasFold(desc, "read") && readOnlyRE.MatchString(desc),
			Required:    hasFold(desc, "required") && requiredRE.MatchString(desc) && !notReqRE.MatchString(desc),
			Nullable:    hasFold(desc, "nullable") && nullableRE.MatchString(desc) && !notNullRE.MatchString(desc),
			Navigation:  nav,
			Pos:         row[nc].pos,
		}
		p.Type.Raw = row[tc].text
		key := name // JSON names are case-sensitive: displayName and DisplayName are two
		if seen[key] {
			st.ds.Addf(p.Pos, model.Warning, "property-duplicate", "property %s is listed twice; the first row is kept", name)
			continue
		}
		seen[key] = true
		t.Properties = append(t.Properties, p)
	}
}

// jsonRepresentation compares the JSON representation's top-level keys with the table
// rows: keys the tables miss become properties of their own (typed from the placeholder
// value), rows the JSON misses are reported.
func (st *state) jsonRepresentation(t *model.ResourceType, tables []resTable) {
	rf := st.jsonFence(t)
	if rf == nil {
		return
	}
	lines, pos := st.fenceLines(rf.f)
	if len(lines) == 0 {
		return
	}
	text := strings.Join(lines, "\n")
	keys, err := jsonKeys(text)
	if err != nil {
		st.ds.Addf(pos[0], model.Warning, "json-representation-invalid",
			"the JSON representation is not JSON even read leniently (%v); its properties are not compared with the tables", err)
		return
	}
	offs := keyOffsets(text)
	starts := make([]int, len(lines)) // where each line of text starts
	for i := 1; i < len(lines); i++ {
		starts[i] = starts[i-1] + len(lines[i-1]) + 1
	}
	keyPos := func(k string) model.Pos {
		o, ok := offs[k]
		if !ok {
			return pos[0]
		}
		// A search, not a count of the newlines before o: that is quadratic in a JSON
		// representation of many keys the tables do not have.
		line, _ := slices.BinarySearch(starts, o+1)
		line--
		p := pos[line]
		p.Col += o - starts[line]
		return p
	}
	// Names match exactly; a row and a key that differ only in case match too, unless
	// each spelling has its own row or key.
	rows, foldRow := map[string]bool{}, map[string]string{}
	for _, p := range t.Properties {
		rows[p.Name] = true
		if _, ok := foldRow[strings.ToLower(p.Name)]; !ok {
			foldRow[strings.ToLower(p.Name)] = p.Name
		}
	}
	jsonKey := map[string]bool{}
	for _, kv := range keys {
		jsonKey[kv.key] = true
	}
	matched := map[string]bool{} // rows the JSON has
	only := make([]model.Property, 0, len(keys))
	for _, kv := range keys {
		if strings.HasPrefix(kv.key, "@") || strings.Contains(kv.key, "@odata.") || badRune(kv.key) && st.badName("JSON representation property", kv.key, keyPos(kv.key)) {
			continue
		}
		if rows[kv.key] {
			matched[kv.key] = true
			continue
		}
		if r, ok := foldRow[strings.ToLower(kv.key)]; ok && !jsonKey[r] && !matched[r] {
			matched[r] = true
			continue
		}
		p := model.Property{Name: kv.key, FromJSON: true, Pos: keyPos(kv.key)}
		p.Type = placeholderType(kv.val, t.Namespace)
		p.Type.Pos = p.Pos
		only = append(only, p)
	}
	if len(tables) == 0 && len(only) > 0 {
		st.ds.Addf(pos[0], model.Warning, "property-only-in-json",
			"the page has no Properties table; the %d properties of the JSON representation are typed from its placeholder values", len(only))
	} else {
		for _, p := range only {
			st.ds.Addf(p.Pos, model.Warning, "property-only-in-json",
				"property %s is in the JSON representation but in no table; its type %s is read from the placeholder value", p.Name, p.Type)
		}
	}
	for _, p := range t.Properties {
		if !p.Navigation && !matched[p.Name] {
			st.ds.Addf(p.Pos, model.Warning, "property-not-in-json", "property %s is not in the JSON representation", p.Name)
		}
	}
	t.Properties = append(t.Properties, only...)
}

// jsonFence picks the JSON representation: the fence of the chosen resource annotation,
// else the first object-shaped fence under JSON representation.
func (st *state) jsonFence(t *model.ResourceType) *resFence {
	if _, i := st.resourceAnnotation(t.Name); i >= 0 {
		return &st.res.fences[i]
	}
	for i, rf := range st.res.fences {
		if rf.sec != secJSON || rf.ann != nil && rf.ann.BlockType != "" && rf.ann.BlockType != "resource" {
			continue
		}
		if lines, _ := st.fenceLines(rf.f); strings.HasPrefix(strings.TrimSpace(strings.Join(lines, "\n")), "{") {
			return &st.res.fences[i]
		}
	}
	return nil
}

var (
	oddSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2007", " ", "\u200b", "", "\ufeff", "")
	bareValue = regexp.MustCompile(`(:\s*)([A-Za-z_][\w.]*)(\s*[,}\]])`)
)

type keyValue struct {
	key string
	val json.RawMessage
}

// jsonKeys reads the top-level keys of a JSON object in order, with comments removed,
// strictly first and then leniently.
func jsonKeys(text string) ([]keyValue, error) {
	clean := stripComments(text)
	kvs, err := orderedObject(clean)
	if err == nil {
		return kvs, nil
	}
	lenient := lenientJSON(oddSpaces.Replace(clean))
	if kvs, err2 := orderedObject(lenient); err2 == nil {
		return kvs, nil
	}
	// "address": NAV.PostalAddress: a bare type name where a placeholder string belongs.
	quoted := bareValue.ReplaceAllStringFunc(lenient, func(m string) string {
		g := bareValue.FindStringSubmatch(m)
		if g[2] == "true" || g[2] == "false" || g[2] == "null" {
			return m
		}
		return g[1] + `"` + g[2] + `"` + g[3]
	})
	if kvs, err2 := orderedObject(quoted); err2 == nil {
		return kvs, nil
	}
	return nil, err
}

func orderedObject(s string) ([]keyValue, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("not an object")
	}
	var out []keyValue
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, keyValue{k, v})
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("text after the object")
	}
	return out, nil
}

// stripComments blanks // and /* */ comments outside strings, keeping offsets and lines.
func stripComments(s string) string {
	b := []byte(s)
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' || c == '\n' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return string(b)
}

// keyOffsets finds where each top-level key of a JSON object is written (its first
// character, the opening quote), skipping strings and comments.
func keyOffsets(s string) map[string]int {
	s = stripComments(s)
	out := map[string]int{}
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' && s[j] != '\n' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if depth == 1 {
				rest := strings.TrimLeft(s[min(j+1, len(s)):], " \t\r\n")
				if strings.HasPrefix(rest, ":") {
					k := s[i+1 : min(j, len(s))]
					if _, ok := out[k]; !ok {
						out[k] = i
					}
				}
			}
			i = j
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case depth == 1 && (c == '_' || c == '@' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'):
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '@' || s[j] == '.' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			if rest := strings.TrimLeft(s[j:], " \t\r\n"); strings.HasPrefix(rest, ":") {
				if _, ok := out[s[i:j]]; !ok {
					out[s[i:j]] = i
				}
			}
			i = j - 1
		}
	}
	return out
}

var placeholderParen = regexp.MustCompile(`^(.*?)\s*\(([^)]*)\)\s*$`)

// placeholderType infers a type from a JSON representation's placeholder value: "String",
// "String (timestamp)", true, 0, {"@odata.type": "microsoft.graph.x"}, ["String"].
func placeholderType(v json.RawMessage, ns string) model.TypeRef {
	raw := strings.TrimSpace(string(v))
	ref := model.TypeRef{Raw: clip(raw, 80)}
	switch {
	case raw == "" || raw == "null":
		ref.Kind = model.KindUnknown
	case raw == "true" || raw == "false":
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Boolean
	case raw[0] == '"':
		var s string
		_ = json.Unmarshal(v, &s)
		return placeholderString(s, ref, ns)
	case raw[0] == '{':
		var m map[string]any
		_ = json.Unmarshal(v, &m)
		if s, _ := m["@odata.type"].(string); strings.TrimSpace(s) != "" {
			ref.Kind = model.KindNamed
			ref.Namespace, ref.Name = splitQualified(strings.TrimSpace(s), ns)
			if ref.Name == "" {
				ref.Kind = model.KindUnknown
			}
			if badRune(s) {
				ref.Kind, ref.Namespace, ref.Name = model.KindUnknown, "", ""
			}
			return ref
		}
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Json
	case raw[0] == '[':
		var items []json.RawMessage
		_ = json.Unmarshal(v, &items)
		if len(items) == 0 {
			ref.Kind, ref.Primitive = model.KindPrimitive, model.Json
		} else {
			ref = placeholderType(items[0], ns)
			ref.Raw = clip(raw, 80)
		}
		ref.Collection = true
	default: // a number
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Int32
		if strings.ContainsAny(raw, ".eE") {
			ref.Primitive = model.Double
		} else if n, err := strconv.ParseInt(raw, 10, 64); err == nil && (n > 1<<31-1 || n < -1<<31) {
			ref.Primitive = model.Int64
		}
	}
	return ref
}

func placeholderString(s string, ref model.TypeRef, ns string) model.TypeRef {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "@odata.type:"); ok {
		ref.Kind = model.KindNamed
		ref.Namespace, ref.Name = splitQualified(strings.TrimSpace(rest), ns)
		if badRune(rest) {
			ref.Kind, ref.Namespace, ref.Name = model.KindUnknown, "", ""
		}
		return ref
	}
	base, note := s, ""
	if m := placeholderParen.FindStringSubmatch(s); m != nil {
		base, note = m[1], strings.ToLower(m[2])
	}
	ref.Kind = model.KindPrimitive
	switch {
	case strings.Contains(note, "timestamp"):
		ref.Primitive = model.DateTimeOffset
		return ref
	}
	if p, ok := model.LookupPrimitive(base); ok {
		ref.Primitive = p
		return ref
	}
	if strings.HasPrefix(base, "microsoft.graph.") && typeName.MatchString(base) {
		ref.Kind = model.KindNamed
		ref.Namespace, ref.Name = splitQualified(base, ns)
		return ref
	}
	ref.Primitive = model.String // a sample string value
	return ref
}

// isPropName reports whether s reads as a property name: a letter, digit, '_' or '$',
// then those or '.' and '-' (^[\pL\pN_$][\pL\pN_$.-]*$, without a regexp).
func isPropName(s string) bool {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsNumber(r), r == '_', r == '$':
		case i > 0 && (r == '.' || r == '-'):
		default:
			return false
		}
	}
	return s != ""
}
