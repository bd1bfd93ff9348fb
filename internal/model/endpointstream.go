package model

import (
	"slices"
	"strings"
)

// streamBody makes the body of an update path a stream when the page's example request of
// that very path sends binary content: organizationalbrandingproperties-update.md
// documents PATCH and PUT /organization/{id}/branding/{propertyName}, whose example sends
// the bannerLogo image as image/jpeg, beside /branding, whose example sends JSON. The
// method then takes the content and its type, not the branding object as JSON
// (request-body-stream).
func (m *endpointMap) streamBody(op *Operation, p Path, ds *Diagnostics) {
	if p.Target == nil || op.Method != "PATCH" && op.Method != "PUT" || op.Body.Type.Kind == KindPrimitive && op.Body.Type.Primitive == Stream {
		return
	}
	for _, ex := range op.Examples {
		// The page's PATCH and PUT of one path share its body: an example of either speaks
		// for both (the branding page shows the image with PATCH only).
		if ex.Kind != ExampleRequest || ex.Method != "PATCH" && ex.Method != "PUT" || ex.Path == nil || !fitsTemplate(*ex.Path, p) {
			continue
		}
		ct := ""
		for _, h := range ex.Headers {
			if strings.EqualFold(h.Name, "Content-Type") {
				ct = strings.ToLower(strings.TrimSpace(h.Value))
			}
		}
		if !binaryContent(ct) {
			continue
		}
		b := TypeRef{Kind: KindPrimitive, Primitive: Stream, Raw: ct, Pos: ex.Pos}
		p.Target.Body = &b
		ds.Addf(ex.Pos, Warning, "request-body-stream",
			"%s %s: the example sends %s content, not JSON: the method sends the content it is given", op.Method, p, ct)
		return
	}
}

// binaryContent reports whether a Content-Type is of content that is not text: an image,
// audio or video, or application/octet-stream.
func binaryContent(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	return strings.HasPrefix(ct, "image/") || strings.HasPrefix(ct, "audio/") || strings.HasPrefix(ct, "video/") || ct == "application/octet-stream"
}

// listedRow records a navigation row that a table gives as one value where a GET of the
// path that ends in it answers a collection of the row's type (the list page of
// chatMessage.hostedContents, of beta's educationUser.assignments): the table forgot
// "collection", and a response that expands the row would fail to decode
// (settleKeyedProperties).
func (m *endpointMap) listedRow(op *Operation, p Path, resp TypeRef) {
	tg := p.Target
	if tg == nil || tg.Kind != TargetEntity || tg.Type.Collection || !resp.Collection || len(p.Query) > 0 {
		return
	}
	pr, ok := m.lastRow(tg, p)
	parent := m.g.resolve(tg.Parent)
	// Graph names a collection in the plural: a singular row (educationSchool's
	// administrativeUnit, which v1.0 has a list page for) keeps its one value.
	if !ok || !pr.Navigation || pr.Type.Collection || !strings.HasSuffix(pr.Name, "s") || parent == nil || m.g.resolve(pr.Type) == nil || m.g.resolve(pr.Type) != m.g.resolve(resp) {
		return
	}
	if !slices.ContainsFunc(m.keyedProps, func(k keyedProp) bool { return k.owner == parent && k.name == pr.Name }) {
		m.keyedProps = append(m.keyedProps, keyedProp{owner: parent, name: pr.Name, path: p.String(), page: op.Page})
	}
}
