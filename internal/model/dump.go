package model

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a deterministic, line-oriented description of the API's operations and
// types: what --dump-model prints and what golden model.txt files hold.
func Dump(w io.Writer, api *API) error {
	var b strings.Builder
	fmt.Fprintf(&b, "api %s: %d pages, %d operations, %d types\n", api.Version, len(api.Pages), len(api.Operations), len(api.Types))
	for _, op := range api.Operations {
		fmt.Fprintf(&b, "\noperation %s %s (%s)\n", op.Method, op.Page, op.Pos)
		for _, p := range op.Paths {
			fmt.Fprintf(&b, "  path %s\n", p)
			if p.Example.IsValid() {
				fmt.Fprintf(&b, "    from the example at line %d\n", p.Example.Line)
			}
			if t := p.Target; t != nil {
				fmt.Fprintf(&b, "    addresses %s", t.Kind)
				if t.Type.Kind != KindNone {
					fmt.Fprintf(&b, " %s", t.Type)
				}
				if t.Name != "" {
					fmt.Fprintf(&b, " %s", t.Name)
				}
				if t.Via != "" {
					fmt.Fprintf(&b, " via %s", t.Via)
				}
				b.WriteByte('\n')
				if t.Body != nil {
					fmt.Fprintf(&b, "    body %s\n", *t.Body)
				}
				if t.Result != nil {
					fmt.Fprintf(&b, "    result %s\n", *t.Result)
				}
			}
		}
		for _, p := range op.AlsoIn {
			fmt.Fprintf(&b, "  also in %s\n", p)
		}
		if op.MIME.IsValid() {
			fmt.Fprintf(&b, "  also sends a MIME message, as the example at line %d does\n", op.MIME.Line)
		}
		for _, p := range op.Params {
			fmt.Fprintf(&b, "  param %s %s %s %s\n", p.In, p.Name, p.Type, p.Presence)
		}
		if len(op.QueryOptions) > 0 {
			fmt.Fprintf(&b, "  query options %s\n", strings.Join(op.QueryOptions, " "))
		}
		if op.Body.Type.Kind != KindNone {
			fmt.Fprintf(&b, "  body %s\n", op.Body.Type)
		}
		switch {
		case op.Response.OnRequest:
			fmt.Fprintf(&b, "  response %d, %s on request (Prefer: return=representation)\n", op.Response.Status, op.Response.Type)
		case op.Response.Optional:
			fmt.Fprintf(&b, "  response %d %s or no body (the docs disagree)\n", op.Response.Status, op.Response.Type)
		default:
			fmt.Fprintf(&b, "  response %d %s\n", op.Response.Status, op.Response.Type)
		}
		if op.Response.Monitor != "" {
			fmt.Fprintf(&b, "  response monitor URL in the %s header\n", op.Response.Monitor)
		}
		if op.Response.JSON.Kind != KindNone {
			fmt.Fprintf(&b, "  response with $format=application/json: %s\n", op.Response.JSON)
		}
		for _, pm := range op.Permissions {
			kind := pm.Kind
			if pm.For != "" {
				kind += " (for " + pm.For + ")"
			}
			fmt.Fprintf(&b, "  permission %s: %s\n", kind, strings.Join(pm.Scopes, ", "))
		}
		for _, ex := range op.Examples {
			name := ""
			if ex.Annotation != nil && len(ex.Annotation.Names) > 0 {
				name = " " + strings.Join(ex.Annotation.Names, ",")
			}
			switch ex.Kind {
			case ExampleRequest:
				fmt.Fprintf(&b, "  example request%s %s %s (%d headers, %d body bytes)\n", name, ex.Method, ex.URL, len(ex.Headers), len(ex.Body))
			case ExampleResponse:
				fmt.Fprintf(&b, "  example response%s %d (%d headers, %d body bytes)\n", name, ex.Status, len(ex.Headers), len(ex.Body))
			default:
				fmt.Fprintf(&b, "  example other%s (%d body bytes)\n", name, len(ex.Body))
			}
		}
	}
	for _, t := range api.Types {
		kind := "type"
		if t.IsEnum {
			kind = "enum"
		}
		fmt.Fprintf(&b, "\n%s %s (%s)\n", kind, t.QualifiedName(), t.Page)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
