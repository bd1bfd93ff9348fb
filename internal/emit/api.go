package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// genAPI emits the interface that lists every method of Client, so that code using the
// client can take a fake in its tests:
//
//	// API is every operation of Client. ...
//	type API interface {
//		// GetGroup: see Client.GetGroup.
//		GetGroup(ctx context.Context, groupID string, opts *GetGroupOptions) (*Group, error)
//	}
//
//	var _ API = (*Client)(nil)
func genAPI(f *jen.File, v *view, name string, ms []*goMethod) {
	var d doc
	d.para(name + " is every operation of Client. Code that calls Microsoft Graph can depend on " + name +
		" instead of *Client, and take a fake in its tests: embed " + name + " in a struct and define the methods the test needs.")
	f.Add(d.code())
	var methods []jen.Code
	for _, m := range ms {
		methods = append(methods, jen.Comment(fmt.Sprintf("%s: see Client.%s.", m.Name, m.Name)),
			jen.Id(m.Name).Params(v.methodParams(m)...).Add(v.methodResults(m, false)))
		if m.Kind == resultPage {
			methods = append(methods, jen.Comment(fmt.Sprintf("%s: see Client.%s.", m.PageName, m.PageName)),
				jen.Id(m.PageName).Params(v.methodParams(m)...).Add(v.methodResults(m, true)))
		}
		if m.UploadName != "" {
			methods = append(methods, jen.Comment(fmt.Sprintf("%s: see Client.%s.", m.UploadName, m.UploadName)),
				jen.Id(m.UploadName).Params(v.uploadParams(m)...).Add(v.methodResults(m, false)))
		}
		if m.MIMEName != "" {
			methods = append(methods, jen.Comment(fmt.Sprintf("%s: see Client.%s.", m.MIMEName, m.MIMEName)),
				jen.Id(m.MIMEName).Params(v.methodParams(m.mimeView())...).Add(v.methodResults(m, false)))
		}
	}
	f.Type().Id(name).Interface(methods...)
	f.Var().Id("_").Id(name).Op("=").Parens(jen.Op("*").Id("Client")).Parens(jen.Nil())
}
