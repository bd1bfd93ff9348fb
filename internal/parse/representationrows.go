package parse

import (
	"regexp"
	"slices"
	"strings"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Keys of a JSON representation and tables that are not the type's properties.

// propertyKey is what a property's name can be: an identifier; digitRuns finds the runs
// of digits in one.
var (
	propertyKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	digitRuns   = regexp.MustCompile(`[0-9]+`)
)

// dropForeignTables drops the rows of a later Properties table under a heading of its own
// ("Properties of a token issuance policy definition") when the JSON representation has
// none of them and has rows of the first table: they describe something else, here the
// JSON object a policy's definition strings hold, and setting them as fields would send
// keys the type does not have (properties-table-foreign).
func (st *state) dropForeignTables(t *model.ResourceType, tables []resTable, matched map[string]bool) {
	rows := func(rt resTable) []model.Pos {
		var out []model.Pos
		nc := rt.t.col(propNameHeaders...)
		for _, row := range rt.t.rows {
			if nc >= 0 && nc < len(row) {
				out = append(out, row[nc].pos)
			}
		}
		return out
	}
	has := func(ps []model.Pos) bool {
		return slices.ContainsFunc(t.Properties, func(p model.Property) bool { return matched[p.Name] && slices.Contains(ps, p.Pos) })
	}
	if len(tables) < 2 || !has(rows(tables[0])) {
		return
	}
	for _, rt := range tables[1:] {
		ps := rows(rt)
		if rt.sec == secRelationships || !strings.HasPrefix(normHeading(rt.heading), "properties of ") || len(ps) == 0 || has(ps) {
			continue
		}
		n := len(t.Properties)
		t.Properties = slices.DeleteFunc(t.Properties, func(p model.Property) bool { return slices.Contains(ps, p.Pos) })
		if n > len(t.Properties) {
			st.ds.Addf(rt.hpos, model.Warning, "properties-table-foreign",
				"the table under %q lists %d properties the JSON representation does not have, where it has the first table's: they describe something else, not %s", rt.heading, n-len(t.Properties), t.Name)
		}
	}
}
