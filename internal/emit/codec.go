package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// genFieldIndex emits the switch that gives a documented JSON name's field index (0 for
// @odata.type, then the properties in field order; -1 for any other name), as a function
// (a method value would allocate on every decode), and the one that gives an index's
// name back:
//
//	func fieldUser(name []byte) int {
//		switch string(name) {
//		case "@odata.type":
//			return 0
//		case "id":
//			return 1
//		}
//		return -1
//	}
//
//	func nameUser(f int) string {
//		switch f {
//		case 1:
//			return "id"
//		}
//		return "@odata.type"
//	}
func genFieldIndex(f *jen.File, t *goType) {
	cases := []jen.Code{jen.Case(jen.Lit("@odata.type")).Block(jen.Return(jen.Lit(0)))}
	names := []jen.Code{}
	for i, p := range t.Fields {
		cases = append(cases, jen.Case(jen.Lit(p.Prop.Name)).Block(jen.Return(jen.Lit(i+1))))
		names = append(names, jen.Case(jen.Lit(i+1)).Block(jen.Return(jen.Lit(p.Prop.Name))))
	}
	f.Comment(fmt.Sprintf("%s is the field index of a property %s documents; -1 for another name.", fieldFunc(t), t.Name))
	f.Func().Id(fieldFunc(t)).Params(jen.Id("name").Index().Byte()).Int().Block(
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
		jen.Return(jen.Lit(-1)),
	)
	f.Comment(fmt.Sprintf("%s is the name of the property of %s at field index f.", nameFunc(t), t.Name))
	param := jen.Id("f")
	var body []jen.Code
	if len(names) > 0 {
		body = append(body, jen.Switch(jen.Id("f")).Block(names...))
	} else {
		param = jen.Id("_")
	}
	body = append(body, jen.Return(jen.Lit("@odata.type")))
	f.Func().Id(nameFunc(t)).Params(param.Int()).String().Block(body...)
}

// fieldFunc and nameFunc name a struct's field-index and field-name functions.
func fieldFunc(t *goType) string { return "field" + t.Name }

// nameFunc: see fieldFunc.
func nameFunc(t *goType) string { return "name" + t.Name }

// genNullMethods emits IsNull and SetNull, which read and set a model's nulls by
// property name:
//
//	// IsNull reports whether property (its JSON name) is null: ...
//	func (v *User) IsNull(property string) bool {
//		return graphrt.IsNull(v.Nulls, v.AdditionalData, fieldUser([]byte(property)), property)
//	}
func genNullMethods(f *jen.File, v *view, t *goType) {
	idx := jen.Id(fieldFunc(t)).Call(jen.Index().Byte().Parens(jen.Id("property")))
	f.Comment("IsNull reports whether property (its JSON name, as in \"mobilePhone\") arrived as null or is")
	f.Comment("marked to be sent as null: in Nulls for a documented property, in AdditionalData for another.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("IsNull").Params(jen.Id("property").String()).Bool().Block(
		jen.Return(v.rt("IsNull").Call(jen.Id("v").Dot("Nulls"), jen.Id("v").Dot("AdditionalData"), idx.Clone(), jen.Id("property"))),
	)
	f.Comment("SetNull marks property (its JSON name) to be sent as null, to clear it with PATCH: in Nulls")
	f.Comment("for a documented property, whose field, when set, is sent instead; in AdditionalData for another.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("SetNull").Params(jen.Id("property").String()).Block(
		jen.Id("v").Dot("AdditionalData").Op("=").Add(v.rt("SetNull")).Call(jen.Op("&").Id("v").Dot("Nulls"), jen.Id("v").Dot("AdditionalData"), idx.Clone(), jen.Id("property")),
	)
}

// genUnmarshal emits UnmarshalJSON: one pass over the object that switches on each
// member's name and decodes its value straight into the field (ObjectDecoder), the
// documented nulls recorded in Nulls and the instance annotations kept in AdditionalData;
// an object the
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
//			nulls, extra, err := DecodeObject(b, fieldDirectoryObject, (*plain)(v))
//			if err != nil {
//				return err
//			}
//			v.Nulls, v.AdditionalData = nulls, extra
//		} else {
//			v.Nulls, v.AdditionalData = dec.Nulls(), dec.Kept()
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
		jen.List(jen.Id("nulls"), jen.Id("extra"), jen.Err()).Op(":=").Add(v.rt("DecodeObject")).Call(jen.Id("b"), jen.Id(fieldFunc(t)), jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("v"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.List(jen.Id("v").Dot("Nulls"), jen.Id("v").Dot("AdditionalData")).Op("=").List(jen.Id("nulls"), jen.Id("extra")),
	}
	for _, p := range t.Fields {
		if !p.Prop.Type.Collection && isSliceLike(p.Prop.Type) {
			// encoding/json decodes null into a json.RawMessage as the bytes null; the null
			// is recorded in Nulls, so the field stays unset.
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
			jen.List(jen.Id("v").Dot("Nulls"), jen.Id("v").Dot("AdditionalData")).Op("=").List(jen.Id("dec").Dot("Nulls").Call(), jen.Id("dec").Dot("Kept").Call()),
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
	f.Comment("UnmarshalJSON decodes the documented properties, records those that are null in Nulls and keeps")
	f.Comment("the other members in AdditionalData.")
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
