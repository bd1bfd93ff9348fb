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
// AdditionalData, and documented ones sent as null are recorded in Nulls; a type other
// types derive from decodes a value whose @odata.type names one of them into Derived as
// well.
//
//	// User is the microsoft.graph.user type. ...
//	type User struct {
//		// ODataType is the @odata.type annotation: the value's concrete type.
//		ODataType *string `json:"@odata.type,omitempty"`
//		// ID: ...
//		ID *string `json:"id,omitempty"`
//		// Nulls records the documented properties that arrived as null ...
//		Nulls Nulls `json:"-"`
//		// AdditionalData holds the properties the docs do not describe ...
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
		jen.Comment("Nulls records the documented properties that arrived as null, or are to be sent as null"),
		jen.Comment("(see IsNull and SetNull): a pointer cannot tell null from absent. A field set wins over its null."),
		jen.Id("Nulls").Add(v.rt("Nulls")).Tag(map[string]string{"json": "-"}),
		jen.Comment("AdditionalData holds the properties the docs do not describe and the instance annotations"),
		jen.Comment("(@odata.context, @odata.etag), so that decoding and encoding again loses nothing. Setting a"),
		jen.Comment("name to null here sends an explicit null too."),
		jen.Id("AdditionalData").Map(jen.String()).Qual(jsonPkg, "RawMessage").Tag(map[string]string{"json": "-"}),
	)
	if t.Iface != "" {
		fields = append(fields,
			jen.Comment(fmt.Sprintf("Derived is the value decoded as its own type when its @odata.type names a type derived from %s", t.Name)),
			jen.Comment("(nil otherwise). When set, it is what MarshalJSON encodes, with the fields above that it does not set."),
			jen.Id("Derived").Id(t.Iface).Tag(map[string]string{"json": "-"}),
		)
	}
	f.Type().Id(t.Name).Struct(fields...)
	genDerivedIface(f, t)
	genFieldIndex(f, t)
	genNullMethods(f, v, t)
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
