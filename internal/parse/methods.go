package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

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
