package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// genType emits a named type: a struct for a documented resource or complex type, a
// string type with constants for an enum, and a raw-JSON placeholder for a type no page
// documents.
func genType(f *jen.File, v *view, t *goType) {
	switch {
	case t.Model.IsEnum:
		genEnum(f, t)
	case t.Model.Documented:
		genStruct(f, v, t)
	default:
		genPlaceholder(f, v, t)
	}
}

// typeDoc is the first paragraph of a type's doc comment.
func typeDoc(t *goType, what string) string {
	s := fmt.Sprintf("%s is the %s %s.", t.Name, t.Model.QualifiedName(), what)
	if t.Model.Page != "" {
		s += " Documented in " + t.Model.Page + "."
	}
	return s
}

// genEnum emits an enum as a named string with one constant per documented member.
// Members the service adds later still decode: the value is kept as it is.
//
//	// VppTokenState is the microsoft.graph.vppTokenState enumeration. ...
//	type VppTokenState string
//
//	// The VppTokenState values.
//	const (
//		// VppTokenStateValid: Valid.
//		VppTokenStateValid VppTokenState = "valid"
//	)
func genEnum(f *jen.File, t *goType) {
	var d doc
	d.para(typeDoc(t, "enumeration"))
	if t.Model.Flags {
		d.para("It is a flags enumeration: a value combines members, comma separated (\"a,b\").")
	}
	d.para("A value the service adds after these docs were written decodes as it is.")
	f.Add(d.code())
	f.Type().Id(t.Name).String()
	if len(t.Consts) == 0 {
		return
	}
	var defs []jen.Code
	for _, c := range t.Consts {
		desc := cleanText(c.Member.Description)
		if desc != "" && !isPlaceholder(desc) {
			var cd doc
			cd.para(c.Name + ": " + desc)
			defs = append(defs, cd.code())
		}
		defs = append(defs, jen.Id(c.Name).Id(t.Name).Op("=").Lit(c.Member.Name))
	}
	f.Comment(fmt.Sprintf("The %s values.", t.Name))
	f.Const().Defs(defs...)
}

// genPlaceholder emits a type no page documents: its JSON is kept as it arrived.
//
//	// Thing is the microsoft.graph.thing type. No page documents its properties: Raw ...
//	type Thing struct {
//		// Raw is the object's JSON, exactly as it arrived.
//		Raw json.RawMessage
//	}
//
//	// MarshalJSON writes Raw (null when it is empty).
//	func (v Thing) MarshalJSON() ([]byte, error) { return graphrt.MarshalRaw(v.Raw) }
//
//	// UnmarshalJSON keeps a copy of b in Raw.
//	func (v *Thing) UnmarshalJSON(b []byte) error { return graphrt.UnmarshalRaw(&v.Raw, b) }
func genPlaceholder(f *jen.File, v *view, t *goType) {
	var d doc
	d.para(typeDoc(t, "type") + " No page in the input documents its properties: Raw holds the JSON object as it arrived, and is sent back as it is.")
	f.Add(d.code())
	f.Type().Id(t.Name).Struct(
		jen.Comment("Raw is the object's JSON, exactly as it arrived."),
		jen.Id("Raw").Qual(jsonPkg, "RawMessage"),
	)
	f.Comment("MarshalJSON writes Raw (null when it is empty).")
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(v.rt("MarshalRaw").Call(jen.Id("v").Dot("Raw"))),
	)
	f.Comment("UnmarshalJSON keeps a copy of b in Raw.")
	f.Func().Params(jen.Id("v").Op("*").Id(t.Name)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Return(v.rt("UnmarshalRaw").Call(jen.Op("&").Id("v").Dot("Raw"), jen.Id("b"))),
	)
}

// propType is a property's Go type: a pointer for a single value (absent and zero differ),
// a slice or raw JSON as they are.
func (v *view) propType(t model.TypeRef) *jen.Statement {
	typ := v.goTypeOf(t)
	if isSliceLike(t) {
		return typ
	}
	return jen.Op("*").Add(typ)
}

// propTag is the json tag of a property.
func propTag(name string, t model.TypeRef) map[string]string {
	if isSliceLike(t) {
		return map[string]string{"json": name + ",omitzero"}
	}
	return map[string]string{"json": name + ",omitempty"}
}

// genStruct emits a documented resource or complex type. Every property is optional (a
// PATCH sends only what is set); properties the docs do not describe are kept in
// AdditionalData; a type other types derive from decodes a value whose @odata.type names
// one of them into Derived as well.
//
//	// User is the microsoft.graph.user type. ...
//	type User struct {
//		// ODataType is the @odata.type annotation: the value's concrete type.
//		ODataType *string `json:"@odata.type,omitempty"`
//		// ID: ...
//		ID *string `json:"id,omitempty"`
//		// AdditionalData holds the properties the docs do not describe.
//		AdditionalData map[string]json.RawMessage `json:"-"`
//	}
func genStruct(f *jen.File, v *view, t *goType) {
	var d doc
	d.para(typeDoc(t, "type"))
	if t.Base != nil {
		d.para(fmt.Sprintf("It derives from %s and has its properties.", t.Base.Name))
	}
	if t.Model.Open {
		d.para("It is an open type: AdditionalData holds the properties set beyond the documented ones.")
	}
	f.Add(d.code())
	fields := []jen.Code{
		jen.Comment("ODataType is the @odata.type annotation: the value's concrete type."),
		jen.Id("ODataType").Op("*").String().Tag(map[string]string{"json": "@odata.type,omitempty"}),
	}
	for _, p := range t.Fields {
		if desc := fieldDoc(p); desc != "" {
			var fd doc
			fd.para(p.Name + ": " + desc)
			fields = append(fields, fd.code())
		}
		fields = append(fields, jen.Id(p.Name).Add(v.propType(p.Prop.Type)).Tag(propTag(p.Prop.Name, p.Prop.Type)))
	}
	fields = append(fields,
		jen.Comment("AdditionalData holds the properties the docs do not describe, and documented ones sent"),
		jen.Comment("as null, so that decoding and encoding again loses nothing. Setting a name to null here"),
		jen.Comment("sends an explicit null (to clear a property with PATCH)."),
		jen.Id("AdditionalData").Map(jen.String()).Qual(jsonPkg, "RawMessage").Tag(map[string]string{"json": "-"}),
	)
	if t.Iface != "" {
		fields = append(fields,
			jen.Comment(fmt.Sprintf("Derived is the value decoded as its own type when its @odata.type names a type derived from %s", t.Name)),
			jen.Comment("(nil otherwise). When set, it is what MarshalJSON encodes."),
			jen.Id("Derived").Id(t.Iface).Tag(map[string]string{"json": "-"}),
		)
	}
	f.Type().Id(t.Name).Struct(fields...)
	genDerivedIface(f, t)
	genKnownField(f, t)
	genUnmarshal(f, v, t)
	genMarshal(f, v, t)
}

// fieldDoc is a field's description with its read-only and required cues.
func fieldDoc(p goProp) string {
	desc := cleanText(p.Prop.Description)
	if isPlaceholder(desc) {
		desc = ""
	}
	switch {
	case desc != "":
	case p.Prop.Navigation:
		desc = "A relationship, present when requested with $expand."
	case p.Prop.FromJSON:
		desc = "Shown in the JSON representation but in no table; typed from its example value."
	}
	return desc
}

// genDerivedIface emits the interface a polymorphic type's Derived field holds, and the
// marker methods that put each derived type in the interfaces of its ancestors.
//
//	// DirectoryObjectDerived is a type derived from DirectoryObject: *User, *Group.
//	type DirectoryObjectDerived interface{ isDirectoryObject() }
//
//	func (*User) isDirectoryObject() {}
func genDerivedIface(f *jen.File, t *goType) {
	if t.Iface != "" {
		var names []string
		for _, d := range t.Descendants {
			names = append(names, "*"+d.Name)
		}
		var d doc
		d.para(fmt.Sprintf("%s is a type derived from %s: %s.", t.Iface, t.Name, strings.Join(names, ", ")))
		f.Add(d.code())
		f.Type().Id(t.Iface).Interface(jen.Id("is" + t.Name).Params())
	}
	for _, a := range t.Ancestors {
		f.Func().Params(jen.Op("*").Id(t.Name)).Id("is" + a.Name).Params().Block()
	}
}

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
