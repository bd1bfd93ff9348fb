package model

import "strings"

// An update page's Request body table can list a property its resource's page leaves out:
// message-update lists flag (a followupFlag), which the message page of today's corpus
// has no row for. The body is the resource (its table reads as the resource's
// properties, four names in five), so the row had nowhere to go and was dropped without a
// word. propertiesFromBodyTables adds such a row to the resource, typed and described as
// the table gives it, and reports it (property-from-body-table) at the row. Rows a derived
// type has (a page per derived kind posting to one collection) or that name a binding
// (owners@odata.bind) are left as they are.
func (pf *propFinder) propertiesFromBodyTables(api *API, ds *Diagnostics) {
	added := map[*Type]map[string]bool{}
	for _, op := range api.Operations {
		params := op.ParamsIn(InBody)
		if len(params) == 0 {
			continue
		}
		for _, p := range op.Paths {
			if !sendsResource(op, p) {
				continue
			}
			t := pf.bodyType(op, p)
			if t == nil || pf.open(t) {
				continue
			}
			have := map[string]bool{}
			for _, n := range pf.names(t) {
				have[n] = true
			}
			derived := pf.derived(t)
			var missing []Param
			for _, prm := range params {
				n := strings.ToLower(prm.Name)
				if !have[n] && !derived[n] && !added[t][n] && memberName(prm.Name) && !strings.Contains(prm.Name, "@") && prm.Type.Kind != KindUnknown && prm.Type.Kind != KindNone {
					missing = append(missing, prm)
				}
			}
			if len(missing) == 0 || 5*(len(params)-len(missing)) < 4*len(params) {
				continue // the table is not this resource's properties
			}
			if added[t] == nil {
				added[t] = map[string]bool{}
			}
			for _, prm := range missing {
				added[t][strings.ToLower(prm.Name)] = true
				typ := prm.Type
				t.Properties = append(t.Properties, Property{Name: prm.Name, Type: typ, Description: prm.Description, Pos: prm.Pos})
				ds.Addf(prm.Pos, Warning, "property-from-body-table",
					"%s has no row for %s, which this page's Request body table lists; it is added as %s", t.Name, prm.Name, typ)
			}
		}
	}
}
