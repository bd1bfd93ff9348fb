package parse

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

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
		// A table under Properties whose first column says "Relationship" (beta presence)
		// still lists properties: the section decides, the header only elsewhere.
		nav := rt.sec == secRelationships || strings.HasPrefix(h, "relationship") && rt.sec != secProperties
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
		p.Or = st.cellAlternatives(typeCell, p.Type)
		key := name // JSON names are case-sensitive: displayName and DisplayName are two
		if seen[key] {
			st.ds.Addf(p.Pos, model.Warning, "property-duplicate", "property %s is listed twice; the first row is kept", name)
			continue
		}
		seen[key] = true
		t.Properties = append(t.Properties, p)
	}
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

// cellAlternatives reads the other types a Type cell offers after its first link,
// separated only by "or" and commas: "[appHostedMediaConfig](...) or
// [serviceHostedMediaConfig](...)". first is what typeRef read from the cell.
func (st *state) cellAlternatives(c cell, first model.TypeRef) []model.TypeRef {
	i := slices.IndexFunc(c.items, func(it inline) bool { return it.link })
	if first.Kind != model.KindNamed || i < 0 {
		return nil
	}
	out := st.orAlternatives(c.items, i)
	for j := range out {
		out[j].Collection = first.Collection
	}
	return out
}
