package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// odataDocs describe the OData system query options in options structs.
var odataDocs = map[string]string{
	"$select":     "Select lists the properties to return ($select).",
	"$filter":     "Filter is an OData expression that items must match ($filter), such as \"startswith(displayName,'a')\".",
	"$search":     "Search is a search expression ($search), such as \"displayName:finance\"; the client adds the quotes.",
	"$orderby":    "OrderBy orders the items ($orderby): each entry a property, optionally followed by \" desc\".",
	"$top":        "Top is the number of items to return per page ($top); 0 leaves it to the service.",
	"$skip":       "Skip is the number of items to skip ($skip).",
	"$expand":     "Expand lists the relationships to return with each item ($expand).",
	"$count":      "Count asks for the total number of items in @odata.count ($count=true).",
	"$skiptoken":  "SkipToken is a paging token ($skiptoken).",
	"$deltatoken": "DeltaToken is the state token of a previous delta query ($deltatoken).",
	"$format":     "Format is the response format ($format).",
}

// optKind is the shape of an option field, which decides both its Go type and how it is
// added to a request.
type optKind int

const (
	optList    optKind = iota // []string, joined with commas: $select, $orderby, $expand
	optBool                   // bool: $count
	optInt                    // int, 0 unset: $top, $skip
	optString                 // string, "" unset: other OData options, string parameters, headers
	optPointer                // *T, nil unset: other typed parameters
	optSlice                  // a slice or raw JSON, nil unset
)

// optionKind decides an option field's shape.
func optionKind(o goOpt) optKind {
	switch o.OData {
	case "$select", "$orderby", "$expand":
		return optList
	case "$count":
		return optBool
	case "$top", "$skip":
		return optInt
	case "":
	default:
		return optString
	}
	t := o.Param.Type
	switch {
	case t.Kind == model.KindPrimitive && t.Primitive == model.String && !t.Collection, t.Kind == model.KindNone, o.Header != "":
		return optString
	case isSliceLike(t):
		return optSlice
	}
	return optPointer
}

// optionType is an option field's Go type (see optKind).
func (v *view) optionType(o goOpt) *jen.Statement {
	switch optionKind(o) {
	case optList:
		return jen.Index().String()
	case optBool:
		return jen.Bool()
	case optInt:
		return jen.Int()
	case optString:
		return jen.String()
	case optSlice:
		return v.goTypeOf(o.Param.Type)
	}
	return jen.Op("*").Add(v.goTypeOf(o.Param.Type))
}

// genOptionsStruct emits an operation's options and the method that adds them to a
// request. Every operation has one, if only with the Header and Query escape hatches:
//
//	// ListMeMemberOfOptions are the optional query parameters and headers of ListMeMemberOf.
//	type ListMeMemberOfOptions struct {
//		// Select lists the properties to return ($select).
//		Select []string
//		// ConsistencyLevel is the ConsistencyLevel header. ...
//		ConsistencyLevel string
//		// Header holds request headers beyond the fields above. ...
//		Header http.Header
//		// Query holds query parameters beyond the fields above. ...
//		Query url.Values
//		// Response, when not nil, receives the status and headers ...
//		Response *Response
//	}
//
//	func (o *ListMeMemberOfOptions) apply(r *Request) {
//		if o == nil {
//			return
//		}
//		r.AddHeaders(o.Header)
//		r.AddQuery(o.Query)
//		r.Response = o.Response
//		if len(o.Select) > 0 {
//			r.SetQuery("$select", strings.Join(o.Select, ","))
//		}
//		...
//	}
func genOptionsStruct(f *jen.File, v *view, o *goOptions) {
	var d doc
	d.para(fmt.Sprintf("%s are the optional query parameters and headers of %s; the zero value sends none.", o.Name, o.Owner.Name))
	if o.ConsistencyEventual {
		d.para("Setting Count or Search also sends ConsistencyLevel: eventual, which the service requires for them, unless ConsistencyLevel is set.")
	}
	f.Add(d.code())
	var fields []jen.Code
	for _, fl := range o.Fields {
		var fd doc
		switch {
		case fl.OData != "":
			fd.para(odataDocs[fl.OData])
		case fl.Header != "":
			fd.para(fmt.Sprintf("%s is the %s header. %s", fl.Name, fl.Header, descOf(fl.Param)))
			if strings.EqualFold(fl.Header, "Prefer") {
				fd.para(`It is sent as given: write each preference whole (outlook.timezone="Pacific Standard Time", odata.maxpagesize=50) and separate several with commas.`)
			}
		default:
			fd.para(fmt.Sprintf("%s is the %s query parameter. %s", fl.Name, fl.Query, descOf(fl.Param)))
		}
		fields = append(fields, fd.code(), jen.Id(fl.Name).Add(v.optionType(fl)))
	}
	var hd doc
	if len(o.Fields) == 0 {
		hd.para("Header holds request headers to send, such as one the docs do not list; its values are added to the request.")
	} else {
		hd.para("Header holds request headers beyond the fields above, such as one the docs do not list here; its values are added to the request, and a field above replaces a header of the same name.")
	}
	fields = append(fields, hd.code(), jen.Id("Header").Qual(httpPkg, "Header"))
	var qd doc
	if len(o.Fields) == 0 {
		qd.para("Query holds query parameters to send, such as one the docs do not list; its values are added to the request.")
	} else {
		qd.para("Query holds query parameters beyond the fields above, such as one the docs do not list here; its values are added to the request, and a field above replaces a parameter of the same name.")
	}
	fields = append(fields, qd.code(), jen.Id("Query").Qual("net/url", "Values"))
	if o.Delta {
		var dd doc
		dd.para("DeltaLink, when not nil, holds the delta round's state: a saved @odata.deltaLink to resume from (empty for a first, full round), replaced once the iterator has yielded every item with the new deltaLink, to save for the next round. A resumed round sends the query the link holds, not the options above.")
		fields = append(fields, dd.code(), jen.Id("DeltaLink").Op("*").String())
	}
	var rd doc
	rd.para("Response, when not nil, receives the status and headers of the successful response (of the last page fetched, for a collection).")
	fields = append(fields, rd.code(), jen.Id("Response").Op("*").Add(v.rt("Response")))
	f.Type().Id(o.Name).Struct(fields...)

	body := []jen.Code{
		jen.If(jen.Id("o").Op("==").Nil()).Block(jen.Return()),
		jen.Id("r").Dot("AddHeaders").Call(jen.Id("o").Dot("Header")),
		jen.Id("r").Dot("AddQuery").Call(jen.Id("o").Dot("Query")),
		jen.Id("r").Dot("Response").Op("=").Id("o").Dot("Response"),
	}
	for _, fl := range o.Fields {
		body = append(body, applyField(v, fl))
	}
	if o.ConsistencyEventual {
		cond := jen.Id("r").Dot("Header").Dot("Get").Call(jen.Lit("ConsistencyLevel")).Op("==").Lit("")
		var uses []jen.Code
		for _, fl := range o.Fields {
			switch fl.OData {
			case "$count":
				uses = append(uses, jen.Id("o").Dot(fl.Name))
			case "$search":
				uses = append(uses, jen.Id("o").Dot(fl.Name).Op("!=").Lit(""))
			}
		}
		either := jen.Add(uses[0])
		for _, u := range uses[1:] {
			either = either.Op("||").Add(u)
		}
		body = append(body, jen.If(jen.Parens(either).Op("&&").Add(cond)).Block(
			jen.Id("r").Dot("SetHeader").Call(jen.Lit("ConsistencyLevel"), jen.Lit("eventual")),
		))
	}
	f.Comment("apply adds the options that are set to r.")
	f.Func().Params(jen.Id("o").Op("*").Id(o.Name)).Id("apply").Params(jen.Id("r").Op("*").Add(v.rt("Request"))).Block(body...)
}

// genOptionsAlias emits a path variant's name for its operation's options struct:
//
//	// ListUserMemberOfOptions are the options of ListUserMemberOf, which it shares with
//	// ListMeMemberOf: one page documents both (api/user-list-memberof.md).
//	type ListUserMemberOfOptions = ListMeMemberOfOptions
func genOptionsAlias(f *jen.File, o *goOptions, a goAlias) {
	var d doc
	d.para(fmt.Sprintf("%s are the optional query parameters and headers of %s, which it shares with %s: one page documents both (%s).",
		a.Name, a.Method.Name, o.Owner.Name, a.Method.Op.Page))
	f.Add(d.code())
	f.Type().Id(a.Name).Op("=").Id(o.Name)
}

// descOf is a parameter's description without placeholders.
func descOf(p model.Param) string {
	d := cleanText(p.Description)
	if isPlaceholder(d) {
		return ""
	}
	return d
}

// applyField is the statement that adds one option to the request when it is set.
func applyField(v *view, fl goOpt) jen.Code {
	field := jen.Id("o").Dot(fl.Name)
	name := fl.Query
	if fl.OData != "" {
		name = fl.OData
	}
	set := func(val jen.Code) jen.Code {
		if fl.Header != "" {
			return jen.Id("r").Dot("SetHeader").Call(jen.Lit(fl.Header), val)
		}
		return jen.Id("r").Dot("SetQuery").Call(jen.Lit(name), val)
	}
	switch optionKind(fl) {
	case optList:
		return jen.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(set(jen.Qual("strings", "Join").Call(field.Clone(), jen.Lit(","))))
	case optBool:
		return jen.If(field.Clone()).Block(set(jen.Lit("true")))
	case optInt:
		return jen.If(field.Clone().Op(">").Lit(0)).Block(set(jen.Qual("strconv", "Itoa").Call(field.Clone())))
	case optString:
		val := jen.Add(field.Clone())
		if fl.OData == "$search" {
			val = v.rt("QuoteSearch").Call(field.Clone())
		}
		return jen.If(field.Clone().Op("!=").Lit("")).Block(set(val))
	case optPointer:
		return jen.If(field.Clone().Op("!=").Nil()).Block(set(v.rt("QueryValue").Call(jen.Op("*").Add(field.Clone()), jen.False())))
	}
	return jen.If(field.Clone().Op("!=").Nil()).Block(set(v.rt("QueryValue").Call(field.Clone(), jen.False())))
}
