package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// genMarshal emits MarshalJSON and the encodeJSON method behind it, which writes the
// object field by field with the runtime's Encoder, with no reflection: the documented
// properties set, in field order, then those marked null in Nulls that no field sets,
// then AdditionalData's members in name order (ObjectWriter.End), byte for byte as
// encoding/json wrote the struct before. A polymorphic value with Derived set encodes as
// that, with the derived type's @odata.type when the caller left ODataType empty (so a
// derived value can be sent through a method that takes the base type), and with the
// fields set on the outer struct that the derived value does not set (MergeBase).
// Otherwise ODataType is written only when set, so decoding and encoding again gives the
// same object.
//
//	func (v DirectoryObject) MarshalJSON() ([]byte, error) {
//		var e Encoder
//		v.encodeJSON(&e)
//		return e.Result()
//	}
//
//	func (v *DirectoryObject) encodeJSON(e *Encoder) {
//		if v.Derived != nil {
//			var b []byte
//			var err error
//			switch d := v.Derived.(type) {
//			case *User:
//				b, err = MarshalDerived(d, d.ODataType, "#microsoft.graph.user")
//			default:
//				b, err = json.Marshal(v.Derived)
//			}
//			e.Append(MergeBase(b, err, func() ([]byte, error) {
//				base := *v
//				base.Derived = nil
//				return base.MarshalJSON()
//			}))
//			return
//		}
//		o := e.Object()
//		o.String(0, "@odata.type", v.ODataType)
//		if v.DeletedDateTime != nil {
//			o.Marshaler(1, "deletedDateTime", v.DeletedDateTime)
//		}
//		o.End(v.Nulls, v.AdditionalData, fieldDirectoryObject, nameDirectoryObject)
//	}
func genMarshal(f *jen.File, v *view, t *goType) {
	var body []jen.Code
	if t.Iface != "" {
		// A derived value carries its @odata.type even when the caller left it empty, and
		// the fields set beside Derived are merged in (MergeBase).
		var cases []jen.Code
		for _, d := range t.Descendants {
			cases = append(cases, jen.Case(jen.Op("*").Id(d.Name)).Block(
				jen.List(jen.Id("b"), jen.Err()).Op("=").Add(v.rt("MarshalDerived").Call(jen.Id("d"), jen.Id("d").Dot("ODataType"), jen.Lit("#"+d.Model.QualifiedName()))),
			))
		}
		cases = append(cases, jen.Default().Block(
			jen.List(jen.Id("b"), jen.Err()).Op("=").Qual(jsonPkg, "Marshal").Call(jen.Id("v").Dot("Derived")),
		))
		body = append(body, jen.If(jen.Id("v").Dot("Derived").Op("!=").Nil()).Block(
			jen.Var().Id("b").Index().Byte(),
			jen.Var().Err().Error(),
			jen.Switch(jen.Id("d").Op(":=").Id("v").Dot("Derived").Assert(jen.Type())).Block(cases...),
			jen.Id("e").Dot("Append").Call(v.rt("MergeBase").Call(jen.Id("b"), jen.Err(), jen.Func().Params().Params(jen.Index().Byte(), jen.Error()).Block(
				jen.Id("base").Op(":=").Op("*").Id("v"),
				jen.Id("base").Dot("Derived").Op("=").Nil(),
				jen.Return(jen.Id("base").Dot("MarshalJSON").Call()),
			))),
			jen.Return(),
		))
	}
	body = append(body, jen.Id("o").Op(":=").Id("e").Dot("Object").Call(),
		jen.Id("o").Dot("String").Call(jen.Lit(0), jen.Lit("@odata.type"), jen.Id("v").Dot("ODataType")))
	for i, p := range t.Fields {
		body = append(body, v.encodeField(t, p, i+1))
	}
	body = append(body, jen.Id("o").Dot("End").Call(jen.Id("v").Dot("Nulls"), jen.Id("v").Dot("AdditionalData"), jen.Id(fieldFunc(t)), jen.Id(nameFunc(t))))
	f.Comment("MarshalJSON encodes the properties that are set, then those marked null in Nulls, then")
	f.Comment("AdditionalData.")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("e").Add(v.rt("Encoder")),
		jen.Id("v").Dot("encodeJSON").Call(jen.Op("&").Id("e")),
		jen.Return(jen.Id("e").Dot("Result").Call()),
	)
	f.Comment("encodeJSON writes v's JSON to e (see MarshalJSON).")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("encodeJSON").Params(jen.Id("e").Op("*").Add(v.rt("Encoder"))).Block(body...)
}

// encodeField is the statement that writes property p, field index i, of struct t in a
// generated encodeJSON: the ObjectWriter's writer for its Go type, a nested model's own
// encodeJSON, a MarshalJSON method's output, or encoding/json (o.JSON) for a type with
// none of these.
func (v *view) encodeField(t *goType, p goProp, i int) jen.Code {
	typ := p.Prop.Type
	field := jen.Id("v").Dot(p.Name)
	call := func(name string) jen.Code {
		return jen.Id("o").Dot(name).Call(jen.Lit(i), jen.Lit(p.Prop.Name), field.Clone())
	}
	generic := func(name string) jen.Code {
		return v.rt(name).Call(jen.Op("&").Id("o"), jen.Lit(i), jen.Lit(p.Prop.Name), field.Clone())
	}
	ifSet := func(code ...jen.Code) jen.Code {
		return jen.If(field.Clone().Op("!=").Nil()).Block(code...)
	}
	key := jen.Id("o").Dot("Key").Call(jen.Lit(i), jen.Lit(p.Prop.Name))
	fallback := ifSet(call("JSON"))
	if !typ.Collection && isSliceLike(typ) {
		return call("Raw")
	}
	switch typ.Kind {
	case model.KindPrimitive:
		switch typ.Primitive {
		case model.Boolean:
			if !typ.Collection {
				return call("Bool")
			}
		case model.Byte, model.SByte, model.Int16, model.Int32, model.Int64:
			if !typ.Collection {
				return generic("EncodeInt")
			}
		case model.Single, model.Double:
			if !typ.Collection {
				return generic("EncodeFloat")
			}
		case model.DateTimeOffset, model.Date, model.TimeOfDay, model.Duration, model.Binary:
			if !typ.Collection {
				return ifSet(call("Marshaler"))
			}
		case model.Decimal, model.Json, model.Stream:
		default:
			if typ.Collection {
				return generic("EncodeEnums")
			}
			return call("String")
		}
		return fallback
	case model.KindNamed:
		gt := v.namedType(typ)
		switch {
		case gt == nil:
			return fallback
		case gt.Model.IsEnum && typ.Collection:
			return generic("EncodeEnums")
		case gt.Model.IsEnum:
			return generic("EncodeEnum")
		}
		// A struct of this package is written into the same buffer; another package's
		// (a split client's core) or a placeholder through its MarshalJSON.
		direct := gt.Model.Documented && v.typePath(gt) == v.typePath(t)
		write := func(x *jen.Statement) jen.Code {
			if direct {
				return x.Dot("encodeJSON").Call(jen.Id("e"))
			}
			return jen.Id("e").Dot("Append").Call(x.Dot("MarshalJSON").Call())
		}
		if !typ.Collection {
			return ifSet(key, write(field.Clone()))
		}
		return ifSet(key,
			jen.For(jen.Id("i").Op(":=").Range().Add(field.Clone())).Block(
				jen.Id("e").Dot("Elem").Call(jen.Id("i")),
				write(field.Clone().Index(jen.Id("i"))),
			),
			jen.Id("e").Dot("EndArray").Call(jen.Len(field.Clone())),
		)
	}
	return fallback
}
