package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// genKnownField emits the switch that tells documented JSON names from others, as a
// function (a method value would allocate on every decode):
//
//	func knownUser(name []byte) bool {
//		switch string(name) {
//		case "@odata.type", "id", "displayName":
//			return true
//		}
//		return false
//	}
func genKnownField(f *jen.File, t *goType) {
	names := []jen.Code{jen.Lit("@odata.type")}
	for _, p := range t.Fields {
		names = append(names, jen.Lit(p.Prop.Name))
	}
	f.Comment(fmt.Sprintf("%s reports whether name is a property %s documents.", knownFunc(t), t.Name))
	f.Func().Id(knownFunc(t)).Params(jen.Id("name").Index().Byte()).Bool().Block(
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(jen.Case(names...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
}

// knownFunc names a struct's known-property function.
func knownFunc(t *goType) string { return "known" + t.Name }

// genUnmarshal emits UnmarshalJSON: one pass over the object that switches on each
// member's name and decodes its value straight into the field (ObjectDecoder), the
// documented nulls and the instance annotations kept in AdditionalData; an object the
// pass cannot read exactly (an undocumented property, say) is decoded again on the
// general path, DecodeObject, which keeps the others in AdditionalData too. For a
// polymorphic type, the value is decoded as its derived type as well. The decoded value
// replaces v's old one.
//
//	func (v *DirectoryObject) UnmarshalJSON(b []byte) error {
//		*v = DirectoryObject{}
//		dec := NewObjectDecoder(b)
//		for dec.Next() {
//			switch string(dec.Name()) {
//			case "@odata.type":
//				dec.String(0, "@odata.type", &v.ODataType)
//			case "deletedDateTime":
//				if raw := dec.Value(1, "deletedDateTime"); raw != nil {
//					v.DeletedDateTime = new(DateTimeOffset)
//					dec.Check(v.DeletedDateTime.UnmarshalJSON(raw))
//				}
//			default:
//				dec.Other()
//			}
//		}
//		if dec.Failed() {
//			*v = DirectoryObject{}
//			type plain DirectoryObject
//			extra, err := DecodeObject(b, knownDirectoryObject, (*plain)(v))
//			if err != nil {
//				return err
//			}
//			v.AdditionalData = extra
//		} else {
//			v.AdditionalData = dec.Kept()
//		}
//		switch ODataTypeOf(v.ODataType) {
//		case "microsoft.graph.user":
//			d := new(User)
//			if err := json.Unmarshal(b, d); err != nil {
//				return err
//			}
//			v.Derived = d
//		}
//		return nil
//	}
func genUnmarshal(f *jen.File, v *view, t *goType) {
	cases := []jen.Code{jen.Case(jen.Lit("@odata.type")).Block(jen.Id("dec").Dot("String").Call(jen.Lit(0), jen.Lit("@odata.type"), jen.Op("&").Id("v").Dot("ODataType")))}
	for i, p := range t.Fields {
		cases = append(cases, jen.Case(jen.Lit(p.Prop.Name)).Block(v.decodeField(p, i+1)))
	}
	cases = append(cases, jen.Default().Block(jen.Id("dec").Dot("Other").Call()))
	slow := []jen.Code{
		jen.Op("*").Id("v").Op("=").Id(t.Name).Values(),
		jen.Type().Id("plain").Id(t.Name),
		jen.List(jen.Id("extra"), jen.Err()).Op(":=").Add(v.rt("DecodeObject")).Call(jen.Id("b"), jen.Id(knownFunc(t)), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("v"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("v").Dot("AdditionalData").Op("=").Id("extra"),
	}
	for _, p := range t.Fields {
		if !p.Prop.Type.Collection && isSliceLike(p.Prop.Type) {
			// encoding/json decodes null into a json.RawMessage as the bytes null; the null
			// is kept in AdditionalData, so the field stays unset.
			slow = append(slow, jen.If(jen.String().Call(jen.Id("v").Dot(p.Name)).Op("==").Lit("null")).Block(
				jen.Id("v").Dot(p.Name).Op("=").Nil(),
			))
		}
	}
	body := []jen.Code{
		// A decoded value replaces what v held, rather than merging into it.
		jen.Op("*").Id("v").Op("=").Id(t.Name).Values(),
		jen.Id("dec").Op(":=").Add(v.rt("NewObjectDecoder")).Call(jen.Id("b")),
		jen.For(jen.Id("dec").Dot("Next").Call()).Block(
			jen.Switch(jen.String().Call(jen.Id("dec").Dot("Name").Call())).Block(cases...),
		),
		jen.If(jen.Id("dec").Dot("Failed").Call()).Block(slow...).Else().Block(
			jen.Id("v").Dot("AdditionalData").Op("=").Id("dec").Dot("Kept").Call(),
		),
	}
	if t.Iface != "" {
		var cases []jen.Code
		for _, d := range t.Descendants {
			cases = append(cases, jen.Case(jen.Lit(strings.ToLower(d.Model.QualifiedName()))).Block(
				jen.Id("d").Op(":=").New(jen.Id(d.Name)),
				jen.If(jen.Err().Op(":=").Qual(jsonPkg, "Unmarshal").Call(jen.Id("b"), jen.Id("d")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
				jen.Id("v").Dot("Derived").Op("=").Id("d"),
			))
		}
		body = append(body, jen.Switch(v.rt("ODataTypeOf").Call(jen.Id("v").Dot("ODataType"))).Block(cases...))
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("UnmarshalJSON decodes the documented properties and keeps the others in AdditionalData.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(body...)
}

// decodeField is the statement that decodes property p, field index i, in a generated
// UnmarshalJSON: the ObjectDecoder's reader for its Go type, encoding/json (dec.JSON)
// for a type without one.
func (v *view) decodeField(p goProp, i int) jen.Code {
	t := p.Prop.Type
	dst := jen.Op("&").Id("v").Dot(p.Name)
	method := func(name string) jen.Code {
		return jen.Id("dec").Dot(name).Call(jen.Lit(i), jen.Lit(p.Prop.Name), dst)
	}
	generic := func(name string) jen.Code {
		return v.rt(name).Call(jen.Op("&").Id("dec"), jen.Lit(i), jen.Lit(p.Prop.Name), dst)
	}
	if !t.Collection && isSliceLike(t) {
		return method("Raw")
	}
	kind := "json"
	switch t.Kind {
	case model.KindPrimitive:
		switch t.Primitive {
		case model.Boolean:
			kind = "bool"
		case model.Byte, model.SByte, model.Int16, model.Int32, model.Int64:
			kind = "int"
		case model.Single, model.Double:
			kind = "float"
		case model.DateTimeOffset, model.Date, model.TimeOfDay, model.Duration, model.Binary:
			kind = "model"
		case model.Decimal, model.Json, model.Stream:
		default:
			kind = "string"
			if !t.Collection {
				return method("String")
			}
		}
	case model.KindNamed:
		if gt := v.namedType(t); gt != nil {
			kind = "model"
			if gt.Model.IsEnum {
				kind = "string"
			}
		}
	}
	field := jen.Id("v").Dot(p.Name)
	if kind == "model" {
		// No generic helper here: one instantiation per model type would cost the whole
		// client's build time.
		elem := t
		elem.Collection = false
		typ := v.goTypeOf(elem)
		if t.Collection {
			return jen.If(jen.Id("dec").Dot("Array").Call(jen.Lit(i), jen.Lit(p.Prop.Name))).Block(
				field.Clone().Op("=").Index().Add(typ.Clone()).Values(),
				jen.For(
					jen.Id("raw").Op(":=").Id("dec").Dot("Element").Call(),
					jen.Id("raw").Op("!=").Nil(),
					jen.Id("raw").Op("=").Id("dec").Dot("Element").Call(),
				).Block(
					field.Clone().Op("=").Append(field.Clone(), typ.Clone().Values()),
					jen.Id("dec").Dot("Check").Call(field.Clone().Index(jen.Len(field.Clone()).Op("-").Lit(1)).Dot("UnmarshalJSON").Call(jen.Id("raw"))),
				),
			)
		}
		return jen.If(jen.Id("raw").Op(":=").Id("dec").Dot("Value").Call(jen.Lit(i), jen.Lit(p.Prop.Name)), jen.Id("raw").Op("!=").Nil()).Block(
			field.Clone().Op("=").New(typ.Clone()),
			jen.Id("dec").Dot("Check").Call(field.Clone().Dot("UnmarshalJSON").Call(jen.Id("raw"))),
		)
	}
	switch {
	case t.Collection && kind == "string":
		return generic("DecodeEnums")
	case t.Collection || kind == "json":
		return method("JSON")
	case kind == "bool":
		return method("Bool")
	case kind == "int":
		return generic("DecodeInt")
	case kind == "float":
		return generic("DecodeFloat")
	}
	return generic("DecodeEnum")
}

// genMarshal emits MarshalJSON: the documented properties set, then AdditionalData; a
// polymorphic value with Derived set encodes as that, with the derived type's
// @odata.type when the caller left ODataType empty (so a derived value can be sent
// through a method that takes the base type). Otherwise ODataType is written only when
// set, so decoding and encoding again gives the same object.
//
//	func (v DirectoryObject) MarshalJSON() ([]byte, error) {
//		if v.Derived != nil {
//			switch d := v.Derived.(type) {
//			case *User:
//				return MarshalDerived(d, d.ODataType, "#microsoft.graph.user")
//			}
//			return json.Marshal(v.Derived)
//		}
//		type plain DirectoryObject
//		return MarshalObject(plain(v), v.AdditionalData)
//	}
func genMarshal(f *jen.File, v *view, t *goType) {
	var body []jen.Code
	if t.Iface != "" {
		// A derived value carries its @odata.type even when the caller left it empty.
		var cases []jen.Code
		for _, d := range t.Descendants {
			cases = append(cases, jen.Case(jen.Op("*").Id(d.Name)).Block(
				jen.Return(v.rt("MarshalDerived").Call(jen.Id("d"), jen.Id("d").Dot("ODataType"), jen.Lit("#"+d.Model.QualifiedName()))),
			))
		}
		body = append(body, jen.If(jen.Id("v").Dot("Derived").Op("!=").Nil()).Block(
			jen.Switch(jen.Id("d").Op(":=").Id("v").Dot("Derived").Assert(jen.Type())).Block(cases...),
			jen.Return(jen.Qual(jsonPkg, "Marshal").Call(jen.Id("v").Dot("Derived"))),
		))
	}
	body = append(body,
		jen.Type().Id("plain").Id(t.Name),
		jen.Return(v.rt("MarshalObject").Call(jen.Id("plain").Call(jen.Id("v")), jen.Id("v").Dot("AdditionalData"))),
	)
	f.Comment("MarshalJSON encodes the properties that are set, then AdditionalData.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(body...)
}

// genBodyCodec emits a request body struct's known-member function, MarshalJSON and
// UnmarshalJSON, which merge AdditionalData into the object as models do:
//
//	func knownMoveMeMessageRequest(name []byte) bool { ... }
//
//	// MarshalJSON encodes the fields that are set, then AdditionalData.
//	func (v MoveMeMessageRequest) MarshalJSON() ([]byte, error) {
//		type plain MoveMeMessageRequest
//		return MarshalBody(plain(v), v.AdditionalData)
//	}
//
//	// UnmarshalJSON decodes the listed members and keeps the others in AdditionalData.
//	func (v *MoveMeMessageRequest) UnmarshalJSON(b []byte) error {
//		*v = MoveMeMessageRequest{}
//		type plain MoveMeMessageRequest
//		extra, err := DecodeBody(b, knownMoveMeMessageRequest, (*plain)(v))
//		if err != nil {
//			return err
//		}
//		v.AdditionalData = extra
//		return nil
//	}
func genBodyCodec(f *jen.File, v *view, b *goBody) {
	known := "known" + b.Name
	var names []jen.Code
	for _, fl := range b.Fields {
		names = append(names, jen.Lit(fl.Param.Name))
	}
	f.Comment(fmt.Sprintf("%s reports whether name is a member %s lists.", known, b.Name))
	body := []jen.Code{jen.Return(jen.False())}
	if len(names) > 0 {
		body = []jen.Code{
			jen.Switch(jen.String().Call(jen.Id("name"))).Block(jen.Case(names...).Block(jen.Return(jen.True()))),
			jen.Return(jen.False()),
		}
	}
	nameParam := jen.Id("name")
	if len(names) == 0 {
		nameParam = jen.Id("_")
	}
	f.Func().Id(known).Params(nameParam.Index().Byte()).Bool().Block(body...)
	f.Comment("MarshalJSON encodes the fields that are set, then AdditionalData.")
	f.Func().Params(jen.Id("v").Id(b.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Type().Id("plain").Id(b.Name),
		jen.Return(v.rt("MarshalBody").Call(jen.Id("plain").Call(jen.Id("v")), jen.Id("v").Dot("AdditionalData"))),
	)
	f.Comment("UnmarshalJSON decodes the listed members and keeps the others in AdditionalData.")
	f.Func().Params(jen.Id("v").Op("*").Id(b.Name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Op("*").Id("v").Op("=").Id(b.Name).Values(),
		jen.Type().Id("plain").Id(b.Name),
		jen.List(jen.Id("extra"), jen.Err()).Op(":=").Add(v.rt("DecodeBody")).Call(jen.Id("b"), jen.Id(known), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("v"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("v").Dot("AdditionalData").Op("=").Id("extra"),
		jen.Return(jen.Nil()),
	)
}
