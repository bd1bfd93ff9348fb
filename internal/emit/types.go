package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// Package paths the generated code imports.
const (
	contextPkg = "context"
	jsonPkg    = "encoding/json"
	ioPkg      = "io"
	iterPkg    = "iter"
	urlPkg     = "net/url"
	httpPkg    = "net/http"
	base64Pkg  = "encoding/base64"
	stringsPkg = "strings"
)

// goTypeOf is the Go type of a Type-column reference, without optionality.
//
//	Edm.Boolean -> bool, Edm.Int32 -> int32, Edm.DateTimeOffset -> DateTimeOffset,
//	Edm.Decimal -> json.Number, Edm.Binary -> Binary, microsoft.graph.vppToken -> VppToken,
//	Collection(X) -> []X, anything not understood -> json.RawMessage
func (v *view) goTypeOf(t model.TypeRef) *jen.Statement {
	var elem *jen.Statement
	switch t.Kind {
	case model.KindPrimitive:
		elem = v.primitiveType(t.Primitive)
	case model.KindNamed:
		if gt := v.namedType(t); gt != nil {
			elem = jen.Qual(v.typePath(gt), gt.Name)
		} else {
			elem = jen.Qual(jsonPkg, "RawMessage")
		}
	case model.KindReference:
		elem = v.rt("Reference")
	default:
		elem = jen.Qual(jsonPkg, "RawMessage")
	}
	if t.Collection {
		return jen.Index().Add(elem)
	}
	return elem
}

// primitiveType maps an Edm primitive to Go: the date and time primitives and Binary use
// the runtime's wire types (edm_gen.go), which round-trip Graph's text exactly.
func (v *view) primitiveType(p model.Primitive) *jen.Statement {
	switch p {
	case model.Boolean:
		return jen.Bool()
	case model.Byte:
		return jen.Uint8()
	case model.SByte:
		return jen.Int8()
	case model.Int16:
		return jen.Int16()
	case model.Int32:
		return jen.Int32()
	case model.Int64:
		return jen.Int64()
	case model.Single:
		return jen.Float32()
	case model.Double:
		return jen.Float64()
	case model.Decimal:
		return jen.Qual(jsonPkg, "Number")
	case model.DateTimeOffset:
		return v.rt("DateTimeOffset")
	case model.Date:
		return v.rt("Date")
	case model.TimeOfDay:
		return v.rt("TimeOfDay")
	case model.Duration:
		return v.rt("Duration")
	case model.Binary:
		return v.rt("Binary")
	case model.Json, model.Stream:
		return jen.Qual(jsonPkg, "RawMessage")
	}
	return jen.String()
}

// isSliceLike reports whether a type's zero value already means "absent" (nil slice or
// raw message), so an optional field needs no pointer.
func isSliceLike(t model.TypeRef) bool {
	if t.Collection {
		return true
	}
	switch {
	case t.Kind == model.KindUnknown:
		return true
	case t.Kind == model.KindPrimitive:
		return t.Primitive == model.Json || t.Primitive == model.Stream
	}
	return false
}

// genBodyStruct emits a request body struct. An optional field is a pointer (or a slice)
// so that false, 0 and "" can be sent on purpose:
//
//	// RevokeLicensesDeviceAppManagementVppTokenRequest is the request body of RevokeLicensesDeviceAppManagementVppToken.
//	type RevokeLicensesDeviceAppManagementVppTokenRequest struct {
//		// NotifyManagedDevices: ...
//		NotifyManagedDevices *bool `json:"notifyManagedDevices,omitempty"`
//		// IDs: ... Required.
//		IDs []string `json:"ids"`
//		// AdditionalData holds members the page's table does not list. ...
//		AdditionalData map[string]any `json:"-"`
//	}
//
// with MarshalJSON and UnmarshalJSON that merge AdditionalData into the object (see
// genBodyCodec).
func genBodyStruct(f *jen.File, v *view, b *goBody) {
	var d doc
	d.para(fmt.Sprintf("%s is the request body of %s. Set optional fields with Ptr; fields left nil are not sent.", b.Name, b.Owner.Name))
	d.para("AdditionalData sends members the page's table leaves out.")
	f.Add(d.code())
	var fields []jen.Code
	for _, fl := range b.Fields {
		if desc := cleanText(fl.Param.Description); desc != "" && !isPlaceholder(desc) {
			var fd doc
			fd.para(fl.Name + ": " + desc)
			fields = append(fields, fd.code())
		}
		typ := v.goTypeOf(fl.Param.Type)
		tag := fl.Param.Name
		switch {
		case !fl.Optional:
		case isSliceLike(fl.Param.Type):
			tag += ",omitzero"
		default:
			typ = jen.Op("*").Add(typ)
			tag += ",omitempty"
		}
		fields = append(fields, jen.Id(fl.Name).Add(typ).Tag(map[string]string{"json": tag}))
	}
	fields = append(fields,
		jen.Comment("AdditionalData holds members the page's table does not list, each encoded as JSON into"),
		jen.Comment("the object; a field above wins over a member of the same name. A nil value is sent as"),
		jen.Comment("null: to send null for an optional field above, leave it nil and set its JSON name here."),
		jen.Comment("Decoding keeps such members here as json.RawMessage."),
		jen.Id("AdditionalData").Map(jen.String()).Any().Tag(map[string]string{"json": "-"}),
	)
	f.Type().Id(b.Name).Struct(fields...)
	genBodyCodec(f, v, b)
}
