package parse

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

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
