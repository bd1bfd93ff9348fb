package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// settleSoleRowNames renames the one row of a body table to the member every example
// sends in its place. synchronization-serviceprincipal-put-synchronization.md's table
// lists credentials, a collection of synchronizationSecretKeyStringValuePair (copied from
// validateCredentials, whose useSavedCredentials it still mentions), while its example
// PUTs {"value": [{"key": ..., "value": ...}, ...]}: the service reads value. The rename
// needs every example request of the method to send one member, the same one, as an array
// of objects whose members the row's type documents; a page whose examples agree with its
// table, or send more than one member, is left alone. A warning says so
// (body-param-from-example).
func settleSoleRowNames(api *API, g *typeGraph, ds *Diagnostics) {
	for _, op := range api.Operations {
		rows := op.ParamsIn(InBody)
		if len(rows) != 1 || !rows[0].Type.Collection || rows[0].Type.Kind != KindNamed {
			continue
		}
		t := g.resolve(rows[0].Type)
		if t == nil || t.IsEnum {
			continue
		}
		sent, ok := soleMemberSent(op, g.allProperties(t))
		if !ok || strings.EqualFold(sent, rows[0].Name) {
			continue
		}
		i := slices.IndexFunc(op.Params, func(p Param) bool { return p.In == InBody })
		ds.Addf(op.Params[i].Pos.Or(op.Pos), Warning, "body-param-from-example",
			"the body table's one row is %s, a collection of %s, where every example request sends its elements as %s: the method sends %s",
			op.Params[i].Name, t.Name, sent, sent)
		op.Params[i].Name = sent
	}
}

// soleMemberSent is the one member every example request of op sends, when each sends
// that member alone, as an array of objects whose members are all among props.
func soleMemberSent(op *Operation, props []string) (string, bool) {
	sent := ""
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Method != op.Method || strings.TrimSpace(ex.Body) == "" {
			continue
		}
		var body map[string]json.RawMessage
		if json.Unmarshal([]byte(ex.Body), &body) != nil || len(body) != 1 {
			return "", false
		}
		for k, v := range body {
			var elems []map[string]json.RawMessage
			if sent != "" && k != sent || json.Unmarshal(v, &elems) != nil || len(elems) == 0 {
				return "", false
			}
			for _, e := range elems {
				for m := range e {
					if !slices.Contains(props, m) {
						return "", false
					}
				}
			}
			sent = k
		}
	}
	return sent, sent != ""
}
