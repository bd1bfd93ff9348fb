package model

import "strings"

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
		ct := headerValue(ex, "Content-Type")
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
