package parse

import "github.com/graphdocgen/graphdocgen/internal/model"

// untypedFunctionRows reads a Function parameters table without a Type column
// (| Parameter | Description |, a report's period): a function's arguments are written
// into its URL as text, so each is a String, with a warning at its row.
func (st *state) untypedFunctionRows(t *table, nc, dc int) {
	for _, row := range t.rows {
		if nc >= len(row) {
			continue
		}
		name := paramName(row[nc].text)
		if name == "" || st.badName("parameter", name, row[nc].pos) {
			continue
		}
		p := model.Param{Name: name, In: model.InFunction, Pos: row[nc].pos,
			Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.String, Raw: "String", Pos: row[nc].pos}}
		if dc >= 0 && dc < len(row) {
			p.Description = row[dc].text
		}
		p.Presence = presence(p.Description)
		st.ds.Addf(p.Pos, model.Warning, "param-type-assumed",
			"the function parameter table has no Type column: %s is taken as a String", name)
		st.page.Params = append(st.page.Params, p)
	}
}
