package model

import (
	"encoding/json"
	"slices"
	"strings"
)

// What a page's examples add to the endpoint map: paths its example requests show, and
// whether its example responses answer with objects.

// adoptExamples adds to an operation the paths its example requests show when no request
// line of the page has their shape, and they address the same type, in the same shape, as
// one that does: site-get.md lists /sites/root and /sites/{hostname}:/{path} but shows
// GET /sites/{site-id} only in its example; driveitem-list-children.md shows
// /me/drive/root/children. A path with a segment the type graph cannot follow (a real ID
// that does not look like one) is not adopted: it would read as an action.
func (m *endpointMap) adoptExamples(op *Operation) {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleRequest || ex.Path == nil || ex.Method != op.Method || len(ex.Path.Segments) == 0 {
			continue
		}
		shape := ex.Path.Shape()
		if slices.ContainsFunc(op.Paths, func(p Path) bool { return p.Shape() == shape }) {
			continue
		}
		p := ex.Path.clone()
		p.Target = m.resolveTarget(p)
		if p.Target.Kind != TargetEntity && p.Target.Kind != TargetCollection {
			continue
		}
		same := slices.ContainsFunc(op.Paths, func(q Path) bool {
			return q.Target != nil && q.Target.Kind == p.Target.Kind && q.Target.Type.Equal(p.Target.Type)
		})
		if r, _, ok := m.evidenceType(op); ok && !same {
			t := m.g.resolve(r)
			same = t != nil && t == m.g.resolve(p.Target.Type) && r.Collection == (p.Target.Kind == TargetCollection)
		}
		if !same {
			continue
		}
		p.Example = ex.Pos
		op.Paths = append(op.Paths, p)
	}
}

// examplesAnswerObjects reports whether an example response of the page answers with
// objects (a JSON object, or a value array of objects): evidence against a page that
// says it returns strings where its Methods row says resources.
func examplesAnswerObjects(op *Operation) bool {
	for _, ex := range op.Examples {
		if ex.Kind != ExampleResponse {
			continue
		}
		var v struct {
			Value []json.RawMessage `json:"value"`
		}
		body := strings.TrimSpace(ex.Body)
		if json.Unmarshal([]byte(body), &v) != nil {
			continue
		}
		if len(v.Value) > 0 && strings.HasPrefix(strings.TrimSpace(string(v.Value[0])), "{") {
			return true
		}
	}
	return false
}
