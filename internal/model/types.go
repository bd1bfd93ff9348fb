package model

import "strings"

// Primitive is an Edm primitive type, named as the docs name it without the "Edm." prefix.
type Primitive string

// The Edm primitive types Graph documents. Json stands for an untyped JSON value.
const (
	Boolean        Primitive = "Boolean"
	String         Primitive = "String"
	Byte           Primitive = "Byte"
	SByte          Primitive = "SByte"
	Int16          Primitive = "Int16"
	Int32          Primitive = "Int32"
	Int64          Primitive = "Int64"
	Single         Primitive = "Single"
	Double         Primitive = "Double"
	Decimal        Primitive = "Decimal"
	DateTimeOffset Primitive = "DateTimeOffset"
	Date           Primitive = "Date"
	TimeOfDay      Primitive = "TimeOfDay"
	Duration       Primitive = "Duration"
	Guid           Primitive = "Guid"
	Binary         Primitive = "Binary"
	Stream         Primitive = "Stream"
	Json           Primitive = "Json"
)

// primitiveSpellings maps the lower-cased spellings found in Type columns to a primitive.
var primitiveSpellings = map[string]Primitive{
	"boolean": Boolean, "bool": Boolean,
	"string": String, "str": String, "url": String, "uri": String,
	"byte": Byte, "sbyte": SByte,
	"int16": Int16, "short": Int16,
	"int32": Int32, "int": Int32, "integer": Int32,
	"int64": Int64, "long": Int64,
	"single": Single, "float": Single,
	"double": Double, "number": Double, "numeric": Double,
	"decimal":        Decimal,
	"datetimeoffset": DateTimeOffset, "datetime": DateTimeOffset, "timestamp": DateTimeOffset,
	"date":      Date,
	"timeofday": TimeOfDay,
	"duration":  Duration, "timespan": Duration,
	"guid": Guid, "uuid": Guid,
	"binary": Binary,
	"stream": Stream,
	"json":   Json, "json object": Json, "untyped json object": Json, "object": Json,
}

// LookupPrimitive maps a Type-column spelling ("String", "string", "Edm.Int32",
// "`Int64`", "GUID") to a primitive. ok is false when the word is not a primitive.
func LookupPrimitive(s string) (p Primitive, ok bool) {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "`*"))
	s = strings.TrimPrefix(s, "edm.")
	p, ok = primitiveSpellings[s]
	return p, ok
}

// TypeKind tells what a TypeRef refers to.
type TypeKind int

// The kinds of type reference.
const (
	// KindNone means no type: an operation that returns no body.
	KindNone TypeKind = iota
	// KindPrimitive is an Edm primitive (TypeRef.Primitive).
	KindPrimitive
	// KindNamed is a resource, complex or enum type named by the docs (TypeRef.Name).
	KindNamed
	// KindUnknown is a type string the parser could not interpret; emit falls back to raw JSON.
	KindUnknown
	// KindReference is an entity reference ({"@odata.id": "..."}), what a GET of a $ref
	// path answers with instead of the entities themselves.
	KindReference
)

// TypeRef is a use of a type: in a Type column, a response sentence or an annotation.
type TypeRef struct {
	Kind       TypeKind
	Primitive  Primitive // for KindPrimitive
	Name       string    // for KindNamed: the type's name as the docs write it (vppToken)
	Namespace  string    // for KindNamed: microsoft.graph unless the docs say otherwise
	Link       string    // for KindNamed: the page the docs link to, relative to the input root, if any
	Collection bool      // a collection of the type
	Raw        string    // the text the reference was read from
	Pos        Pos
}

// Equal reports whether two references name the same type and shape, wherever they
// were read.
func (t TypeRef) Equal(u TypeRef) bool {
	return t.Kind == u.Kind && t.Primitive == u.Primitive && t.Name == u.Name && t.Namespace == u.Namespace && t.Collection == u.Collection
}

// IsNone reports whether the reference means "no type".
func (t TypeRef) IsNone() bool { return t.Kind == KindNone }

// String describes the reference in Graph terms: Collection(microsoft.graph.vppToken), Edm.Boolean.
func (t TypeRef) String() string {
	var s string
	switch t.Kind {
	case KindNone:
		return "none"
	case KindPrimitive:
		s = "Edm." + string(t.Primitive)
	case KindNamed:
		s = t.QualifiedName()
	case KindReference:
		s = "Reference"
	default:
		s = "unknown(" + t.Raw + ")"
	}
	if t.Collection {
		return "Collection(" + s + ")"
	}
	return s
}

// QualifiedName is the named type's namespace-qualified name.
func (t TypeRef) QualifiedName() string {
	if t.Namespace == "" {
		return t.Name
	}
	return t.Namespace + "." + t.Name
}

// Type is a named type that operations refer to, with what its resource or enum page
// says about it. A type no page documents keeps only its name (Documented is false).
type Type struct {
	Name       string // as its page names it: vppToken
	Namespace  string
	Page       string // the page that documents it (or that a link pointed to)
	IsEnum     bool
	Documented bool
	Base       string     // qualified name of the base type, "" when none
	Key        string     // key property: an entity
	Open       bool       // open type: undocumented properties are expected
	Abstract   bool       //
	Flags      bool       // a flags enum: values combine ("a,b")
	Properties []Property // its own, not inherited, in page order
	Members    []EnumMember
	Derived    []string // qualified names of the reachable types derived from it, sorted
	Pos        Pos      // its definition, or the first reference
}

// QualifiedName is the type's namespace-qualified name.
func (t *Type) QualifiedName() string {
	if t.Namespace == "" {
		return t.Name
	}
	return t.Namespace + "." + t.Name
}
