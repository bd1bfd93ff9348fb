package graphrt

import (
	"encoding/json"
	"strconv"
)

// String decodes field f, a string.
//
//go:noinline
func (d *ObjectDecoder) String(f int, name string, dst **string) {
	if !d.field(f, name) {
		return
	}
	if s, ok := d.str(); ok {
		v := string(s)
		*dst = &v
	}
}

// Bool decodes field f, a bool.
//
//go:noinline
func (d *ObjectDecoder) Bool(f int, name string, dst **bool) {
	if !d.field(f, name) {
		return
	}
	b := d.b[d.i:]
	var v bool
	switch {
	case len(b) >= 4 && string(b[:4]) == "true":
		v, d.i = true, d.i+4
	case len(b) >= 5 && string(b[:5]) == "false":
		d.i += 5
	default:
		d.fail()
		return
	}
	*dst = &v
}

// Raw decodes field f, any JSON, kept as it arrived.
//
//go:noinline
func (d *ObjectDecoder) Raw(f int, name string, dst *json.RawMessage) {
	if !d.field(f, name) {
		return
	}
	if v := d.value(); v != nil {
		*dst = append(json.RawMessage(nil), v...)
	}
}

// JSON decodes field f with encoding/json, for a type with no path of its own.
//
//go:noinline
func (d *ObjectDecoder) JSON(f int, name string, dst any) {
	if !d.field(f, name) {
		return
	}
	if v := d.span(); v != nil && json.Unmarshal(v, dst) != nil { // json.Unmarshal checks v
		d.fail()
	}
}

// DecodeEnum decodes field f of d, a string or an enumeration.
//
//go:noinline
func DecodeEnum[T ~string](d *ObjectDecoder, f int, name string, dst **T) {
	if !d.field(f, name) {
		return
	}
	if s, ok := d.str(); ok {
		v := T(s)
		*dst = &v
	}
}

// DecodeEnums decodes field f of d, a collection of strings or of an enumeration's
// members.
//
//go:noinline
func DecodeEnums[T ~string](d *ObjectDecoder, f int, name string, dst *[]T) {
	if !d.field(f, name) {
		return
	}
	d.array(func() {
		if s, ok := d.str(); ok {
			*dst = append(*dst, T(s))
		}
	})
	if !d.failed && *dst == nil {
		*dst = []T{}
	}
}

// DecodeInt decodes field f of d, an integer.
//
//go:noinline
func DecodeInt[T int8 | int16 | int32 | int64 | uint8](d *ObjectDecoder, f int, name string, dst **T) {
	if !d.field(f, name) {
		return
	}
	s, integer, ok := d.number()
	if !ok {
		return
	}
	var bits int
	var zero T
	switch any(zero).(type) {
	case int8, uint8:
		bits = 8
	case int16:
		bits = 16
	case int32:
		bits = 32
	default:
		bits = 64
	}
	if !integer {
		d.fail()
		return
	}
	var v T
	if _, unsigned := any(zero).(uint8); unsigned {
		n, err := strconv.ParseUint(string(s), 10, bits)
		if err != nil {
			d.fail()
			return
		}
		v = T(n)
	} else {
		n, err := strconv.ParseInt(string(s), 10, bits)
		if err != nil {
			d.fail()
			return
		}
		v = T(n)
	}
	*dst = &v
}

// DecodeFloat decodes field f of d, a floating-point number.
//
//go:noinline
func DecodeFloat[T float32 | float64](d *ObjectDecoder, f int, name string, dst **T) {
	if !d.field(f, name) {
		return
	}
	s, _, ok := d.number()
	if !ok {
		return
	}
	bits := 64
	var zero T
	if _, single := any(zero).(float32); single {
		bits = 32
	}
	n, err := strconv.ParseFloat(string(s), bits)
	if err != nil {
		d.fail()
		return
	}
	v := T(n)
	*dst = &v
}

// Value returns the value of field f, property name, for the generated code to decode
// with the field type's own UnmarshalJSON (a model, an Edm type), which must check it:
// Value finds its end but does not check it (see span); nil when it is null (recorded
// in Nulls) or the decoder has failed.
//
//	if raw := dec.Value(1, "manager"); raw != nil {
//		v.Manager = new(DirectoryObject)
//		dec.Check(v.Manager.UnmarshalJSON(raw))
//	}
//
//go:noinline
func (d *ObjectDecoder) Value(f int, name string) []byte {
	if !d.field(f, name) {
		return nil
	}
	return d.span()
}

// Check fails the decoder when err, the error of decoding a value, is not nil: the
// general path then gives the error as encoding/json words it.
//
//go:noinline
func (d *ObjectDecoder) Check(err error) {
	if err != nil {
		d.fail()
	}
}

// Array starts reading field f, property name, a collection, reporting whether it is an
// array, whose elements Element then returns: false when it is null (recorded
// in Nulls) or the decoder has failed.
//
//	if dec.Array(2, "memberOf") {
//		v.MemberOf = []DirectoryObject{}
//		for raw := dec.Element(); raw != nil; raw = dec.Element() {
//			v.MemberOf = append(v.MemberOf, DirectoryObject{})
//			dec.Check(v.MemberOf[len(v.MemberOf)-1].UnmarshalJSON(raw))
//		}
//	}
//
//go:noinline
func (d *ObjectDecoder) Array(f int, name string) bool {
	if !d.field(f, name) {
		return false
	}
	if d.i >= len(d.b) || d.b[d.i] != '[' {
		d.fail()
		return false
	}
	d.i++
	d.elems = 0
	return true
}

// Element returns the next element of the array Array started, not checked, as Value;
// nil after the last one or when the decoder has failed.
//
//go:noinline
func (d *ObjectDecoder) Element() []byte {
	if d.failed {
		return nil
	}
	b := d.b
	d.i = skipSpace(b, d.i)
	if d.i < len(b) && b[d.i] == ']' {
		d.i++
		return nil
	}
	if d.elems > 0 {
		if d.i >= len(b) || b[d.i] != ',' {
			d.fail()
			return nil
		}
		d.i = skipSpace(b, d.i+1)
	}
	d.elems++
	return d.span()
}

// array calls elem for each element of the JSON array at d.i, which reads it.
func (d *ObjectDecoder) array(elem func()) {
	b := d.b
	if d.i >= len(b) || b[d.i] != '[' {
		d.fail()
		return
	}
	d.i = skipSpace(b, d.i+1)
	if d.i < len(b) && b[d.i] == ']' {
		d.i++
		return
	}
	for !d.failed {
		elem()
		if d.failed {
			return
		}
		d.i = skipSpace(b, d.i)
		switch {
		case d.i < len(b) && b[d.i] == ',':
			d.i = skipSpace(b, d.i+1)
		case d.i < len(b) && b[d.i] == ']':
			d.i++
			return
		default:
			d.fail()
		}
	}
}

// Kept returns the instance annotations kept for AdditionalData, their names copied out
// of the object in one allocation and their values in another; nil when there are none.
//
//go:noinline
func (d *ObjectDecoder) Kept() map[string]json.RawMessage {
	if d.n == 0 {
		return nil
	}
	nameLen, valLen := 0, 0
	for _, k := range d.kept[:d.n] {
		nameLen += k.span[1] - k.span[0]
		valLen += k.val[1] - k.val[0]
	}
	names := make([]byte, 0, nameLen)
	for _, k := range d.kept[:d.n] {
		names = append(names, d.b[k.span[0]:k.span[1]]...)
	}
	all := string(names)
	vals := make([]byte, 0, valLen)
	extra := make(map[string]json.RawMessage, d.n)
	off := 0
	for _, k := range d.kept[:d.n] {
		name := all[off : off+k.span[1]-k.span[0]]
		off += len(name)
		from := len(vals)
		vals = append(vals, d.b[k.val[0]:k.val[1]]...)
		extra[name] = vals[from:len(vals):len(vals)]
	}
	return extra
}
