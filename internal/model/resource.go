package model

// ResourceType is what a resource, complex-type or enum page says about one type. A page
// can define several (enums.md holds hundreds of enums; a resource page can hold
// "<name> values" tables for its enums).
type ResourceType struct {
	Name      string // as the page names it: vppToken
	Namespace string // the page's Namespace line, or the annotation's @odata.type namespace
	// Base is the namespace-qualified base type (microsoft.graph.entity), "" when none:
	// from the annotation's baseType, else "Inherits from [x](x.md)" prose.
	Base string
	// Derived are the namespace-qualified types a base type's page names as its derived
	// types ("This is a base class; the derived types are [x](x.md) and [y](y.md)"): a
	// derived type whose own page names no base takes this one.
	Derived    []string
	Key        string // the annotation's keyProperty: the type is an entity
	Open       bool   // the annotation's openType: properties beyond the documented ones
	Abstract   bool
	Properties []Property // Properties and Relationships rows, in page order
	Enum       bool
	Flags      bool         // an enum whose values combine (Int value column of powers of two, "flags")
	Members    []EnumMember // enum members, in page order
	Pos        Pos          // the H1 (or the "<name> values" heading)
}

// QualifiedName is the type's namespace-qualified name.
func (t *ResourceType) QualifiedName() string {
	if t.Namespace == "" {
		return t.Name
	}
	return t.Namespace + "." + t.Name
}

// Property is one row of a Properties or Relationships table, or a key of the JSON
// representation that no table documents.
type Property struct {
	Name        string // the JSON name
	Type        TypeRef
	Description string
	ReadOnly    bool // "Read-only."
	Required    bool // "Required."
	Nullable    bool // "Nullable." (not "Not nullable.")
	Navigation  bool // a Relationships row
	FromJSON    bool // only in the JSON representation block
	FromExample bool // in no table or representation, only in example bodies (propsfromexamples.go)
	// JSONScalar is set on a row the table gives as a collection of a primitive when the
	// page's JSON representation shows one value ("availability": "string").
	JSONScalar bool
	// Or are the other types the Type cell offers instead of Type ("[appHostedMediaConfig]
	// or [serviceHostedMediaConfig]"); the type graph settles on their common base.
	Or  []TypeRef
	Pos Pos
}

// EnumMember is one member of an enum type.
type EnumMember struct {
	Name        string
	Value       string // the documented value as written ("0", "4"), "" when the page gives none
	Description string
	Pos         Pos
}
