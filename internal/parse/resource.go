package parse

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"sort"
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
// types are assembled in resourceTypes, once the page's kind is known. The tables are read
// in properties.go, enums.go and methods.go, the JSON representation in representation.go.

// resourceData is what the walk records for resource and enum pages.
type resourceData struct {
	h1     string     // the title heading's text
	tables []resTable // every table outside the sections API pages read
	fences []resFence // resource-annotated fences and fences under JSON representation
	intro  []inline   // the intro paragraphs, for "Inherits from [x](x.md)"
	// derived holds the inlines of a "Derived types" section (its list items, paragraphs
	// and the first cells of its table): each link there names a derived type.
	derived []inline
	prose   strings.Builder // the prose since the last heading ("Flag enum ...")
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
	var main *model.ResourceType // the page's own type
	if pg.Kind == model.PageResource {
		main = st.mainType()
	}
	var propTables []resTable
	es := newEnumSet()
	for _, rt := range st.res.tables {
		if pg.Kind == model.PageResource && isMethodsTable(rt) {
			st.methodRows(rt.t)
			continue
		}
		if es.valuesTable(st, rt) {
			continue
		}
		switch {
		case isPropertyTable(rt.t) && main != nil && propertyContext(rt):
			propTables = append(propTables, rt)
		case pg.Kind == model.PageEnum && isEnumTable(rt.t) && (rt.sec == secMembers || rt.sec == secIntro):
			if es.main == nil {
				es.main = &model.ResourceType{Name: st.titleName(), Namespace: pg.Namespace, Enum: true, Pos: st.typePos()}
			}
			es.intValue[es.main] = st.enumRows(es.main, rt, es.have) || es.intValue[es.main]
		}
	}
	if main != nil {
		st.properties(main, propTables)
		st.jsonRepresentation(main, propTables)
		pg.Types = append(pg.Types, *main)
	}
	es.addTo(st)
}

// apiPageEnums fills Page.Types of an API page with the enums it defines itself, under
// "<name> values" headings its parameter types link to (cloudpc-reprovision.md's
// cloudPcOperatingSystem values beside its Request body table).
func (st *state) apiPageEnums() {
	es := newEnumSet()
	for _, rt := range st.res.tables {
		es.valuesTable(st, rt)
	}
	es.addTo(st)
}

// enumSet gathers a page's enums as its tables define them.
type enumSet struct {
	main      *model.ResourceType // an enum page's Members enum
	enums     []*model.ResourceType
	byName    map[string]*model.ResourceType
	byHeading map[model.Pos]*model.ResourceType
	intValue  map[*model.ResourceType]bool            // enums whose value column says "Int value"
	have      map[*model.ResourceType]map[string]bool // each enum's member names
}

func newEnumSet() *enumSet {
	return &enumSet{byName: map[string]*model.ResourceType{}, byHeading: map[model.Pos]*model.ResourceType{},
		intValue: map[*model.ResourceType]bool{}, have: map[*model.ResourceType]map[string]bool{}}
}

// valuesTable reads a table under a "<name> values" heading into that enum, and reports
// whether the table was one.
func (es *enumSet) valuesTable(st *state, rt resTable) bool {
	name, ok := valuesHeading(rt.heading)
	if !ok || !isEnumTable(rt.t) {
		return false
	}
	e := es.byHeading[rt.hpos]
	switch {
	case e != nil:
	case es.byName[name] != nil:
		e = es.byName[name]
		st.ds.Addf(rt.hpos, model.Warning, "enum-duplicate",
			"enum %s is defined again (first at line %d); new members are added to the first", name, e.Pos.Line)
	default:
		e = &model.ResourceType{Name: name, Namespace: st.page.Namespace, Enum: true, Pos: rt.hpos}
		es.byName[name] = e
		es.enums = append(es.enums, e)
	}
	es.byHeading[rt.hpos] = e
	es.intValue[e] = st.enumRows(e, rt, es.have) || es.intValue[e]
	return true
}

// addTo settles whether each enum is a flags enum and adds them to the page's types.
func (es *enumSet) addTo(st *state) {
	ix := st.proseIndex()
	if es.main != nil {
		es.main.Flags = isFlags(es.main, es.intValue[es.main], st.enumProse(ix, es.main, es.main))
		st.page.Types = append(st.page.Types, *es.main)
	}
	for _, e := range es.enums {
		e.Flags = isFlags(e, es.intValue[e], st.enumProse(ix, e, es.main))
		st.page.Types = append(st.page.Types, *e)
	}
}

// typePos is the title's position, or the page's first line.
func (st *state) typePos() model.Pos { return st.page.TitlePos.Or(st.lines.line(1)) }

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
	t.Derived = st.proseDerived(t)
	for _, it := range st.res.derived {
		if !it.link || !isTypeLink(it.dest) || st.linksToAPIPage(it.dest) {
			continue
		}
		if d := st.qualifyBase(it.text, it.dest, t); d != "" && !slices.Contains(t.Derived, d) {
			t.Derived = append(t.Derived, d)
		}
	}
	if k, _ := annMap["keyProperty"].(string); k != "" {
		t.Key = k
	}
	t.Open = truthy(annMap["openType"]) || saysOpen(pg.Title) || saysOpen(pg.Summary)
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

// derivedCue is the intro prose that names a base type's derived types: "the derived
// types are", "derived types include", "has the following derived types:".
var derivedCue = regexp.MustCompile(`(?i)\b(derived|sub) ?(types|classes)\s*(are|is|include|includes)?\s*:?\s*`)

// proseDerived reads the links that follow "the derived types are" in the intro: the
// links separated only by commas and "and"/"or", each a type name.
func (st *state) proseDerived(t *model.ResourceType) []string {
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
	if !anyFold(text, "derived type", "derived class", "subtypes", "subclasses", "sub types", "sub classes") {
		return nil
	}
	var out []string
	for _, loc := range derivedCue.FindAllStringIndex(text, -1) {
		end := loc[1]
		first := sort.Search(len(links), func(i int) bool { return links[i].off >= end })
		for _, l := range links[first:] {
			if !listGlue(text[end:l.off]) {
				break
			}
			if d := st.qualifyBase(l.in.text, l.in.dest, t); d != "" && !slices.Contains(out, d) {
				out = append(out, d)
			}
			end = l.off + len(l.in.text)
		}
	}
	return out
}

// listGlue reports whether s only separates the items of a list: commas, "and", "or".
func listGlue(s string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		if f != "and" && f != "or" {
			return false
		}
	}
	return true
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

// saysOpen reports whether a resource page's title or introduction calls its type open:
// "This is an _open type_" (feedbackTokenSet), "This is an OData open type",
// "teamsTabConfiguration resource type (Open Type)", "A property bag that can contain any
// information" (detailsInfo), "add untyped properties to a resource" (beta's
// openTypeExtension, whose annotation leaves openType out). A page that names another type so ("used in the open type
// plannerAssignments", "to support the OData v4 open type openTypeExtension") does not.
// The members of an open type are the sender's to choose; none is missing from its table.
func saysOpen(text string) bool {
	t := strings.ToLower(strings.NewReplacer("_", "", "*", "").Replace(text))
	return strings.Contains(t, "an open type") || strings.Contains(t, "an odata open type") ||
		strings.Contains(t, "(open type)") || strings.Contains(t, "a property bag") ||
		strings.Contains(t, "untyped properties") // openTypeExtension: "add untyped properties to a resource"
}
