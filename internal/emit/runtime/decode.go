package graphrt

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// ObjectDecoder reads the members of one JSON object in a single pass, for a model's
// generated UnmarshalJSON, which switches on each member's name and decodes the value
// straight into its field, with no reflection. A documented property sent as null leaves
// its field unset and is kept, with the instance annotations (names with "@odata." in
// them: @odata.context, @odata.etag, members@odata.nextLink), for AdditionalData.
//
// It reads only what it can read exactly as encoding/json would. On anything else (an
// undocumented property, a name with an escape, a repeated name, a value of another JSON
// type than its field's, malformed input) it stops and Failed reports true: the generated
// code then decodes the object again on the general path (DecodeObject), which gives the
// same result or error that it always did.
//
// The generated code uses it so:
//
//	d := NewObjectDecoder(b)
//	for d.Next() {
//		switch string(d.Name()) {
//		case "id":
//			d.String(1, "id", &v.ID)
//		default:
//			d.Other()
//		}
//	}
//	if d.Failed() { /* the general path */ }
//	v.AdditionalData = d.Kept()
type ObjectDecoder struct {
	b      []byte
	i      int       // the next byte to read
	name   [2]int    // the current member's name, without its quotes
	failed bool      // the general path must decode the object
	seen   [8]uint64 // the field indexes met so far, to catch a repeated name
	elems  int       // the elements Element has returned from the current array
	n      int       // members kept
	kept   [maxDecoderKept]keptMember
}

// maxDecoderKept bounds the members an ObjectDecoder keeps for AdditionalData; an object
// with more takes the general path.
const maxDecoderKept = 32

// keptMember is a member kept for AdditionalData: its name (the generated code's constant
// for a documented property, else empty and read from span) and the spans of its name and
// value.
type keptMember struct {
	name      string
	span, val [2]int
}

// NewObjectDecoder starts reading the JSON object b.
//
//go:noinline
func NewObjectDecoder(b []byte) ObjectDecoder {
	d := ObjectDecoder{b: b}
	d.i = skipSpace(b, 0)
	if d.i >= len(b) || b[d.i] != '{' {
		d.failed = true
	}
	d.i++
	return d
}

// Failed reports whether the object must be decoded on the general path.
//
//go:noinline
func (d *ObjectDecoder) Failed() bool { return d.failed }

// fail stops the decoder.
func (d *ObjectDecoder) fail() { d.failed = true }

// Next moves to the next member, reporting false at the end of the object (after which
// only white space may follow) or when the decoder has failed.
//
//go:noinline
func (d *ObjectDecoder) Next() bool {
	if d.failed {
		return false
	}
	b := d.b
	i := skipSpace(b, d.i)
	if i < len(b) && b[i] == '}' {
		if skipSpace(b, i+1) != len(b) {
			d.fail() // more after the object
		}
		d.i = len(b)
		return false
	}
	if d.name[1] > 0 { // after a member, a comma
		if i >= len(b) || b[i] != ',' {
			d.fail()
			return false
		}
		i = skipSpace(b, i+1)
	}
	if i >= len(b) || b[i] != '"' {
		d.fail()
		return false
	}
	end := i + 1
	for end < len(b) && b[end] != '"' {
		if c := b[end]; c == '\\' || c < 0x20 || c >= 0x80 {
			d.fail() // an escaped or non-ASCII name: the general path reads it
			return false
		}
		end++
	}
	j := skipSpace(b, end+1)
	if end >= len(b) || j >= len(b) || b[j] != ':' {
		d.fail()
		return false
	}
	d.name = [2]int{i + 1, end}
	d.i = skipSpace(b, j+1)
	return true
}

// Name is the current member's name; it is valid until Next is called again.
//
//go:noinline
func (d *ObjectDecoder) Name() []byte { return d.b[d.name[0]:d.name[1]] }

// field marks field index f, property name, as met and reports whether the value is to
// be read: false when the name was met before (the general path decides which one wins)
// or the value is null (kept for AdditionalData, the field left unset).
func (d *ObjectDecoder) field(f int, name string) bool {
	if f >= len(d.seen)*64 || d.seen[f/64]&(1<<(f%64)) != 0 {
		d.fail()
		return false
	}
	d.seen[f/64] |= 1 << (f % 64)
	if d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		d.keep(d.i-4, name)
		return false
	}
	return true
}

// keep records the current member, whose value starts at start and ends at d.i, for
// AdditionalData; name is its name when it is a constant, else empty.
func (d *ObjectDecoder) keep(start int, name string) {
	if d.n == len(d.kept) {
		d.fail()
		return
	}
	d.kept[d.n] = keptMember{name: name, span: d.name, val: [2]int{start, d.i}}
	d.n++
}

// Other reads a member no field holds: an instance annotation is kept for
// AdditionalData; anything else (an undocumented property) fails the decoder.
//
//go:noinline
func (d *ObjectDecoder) Other() {
	name := d.Name()
	if !bytes.Contains(name, []byte("@odata.")) || bytes.EqualFold(name, []byte("@odata.type")) {
		d.fail() // encoding/json would fold "@odata.Type" into ODataType
		return
	}
	start := d.i
	if d.value() == nil {
		return
	}
	d.keep(start, "")
}

// value returns the current member's value, checked, and moves past it; nil when it is
// malformed (the decoder has failed).
func (d *ObjectDecoder) value() []byte {
	start := d.i
	end := skipValue(d.b, start)
	if end > len(d.b) || end <= start {
		d.fail()
		return nil
	}
	v := bytes.TrimRight(d.b[start:end], " \t\r\n")
	if !json.Valid(v) {
		d.fail()
		return nil
	}
	d.i = start + len(v)
	return v
}

// str reads a JSON string value: the usual kind, without escapes and of valid UTF-8,
// with no copy; others with encoding/json. ok is false when it is not a string, and the
// decoder has failed.
func (d *ObjectDecoder) str() (s []byte, ok bool) {
	b := d.b
	if d.i >= len(b) || b[d.i] != '"' {
		d.fail()
		return nil, false
	}
	ascii := true
	end := d.i + 1
	for end < len(b) && b[end] != '"' {
		c := b[end]
		if c == '\\' {
			return d.unquote() // the rarer kind, with escapes
		}
		if c < 0x20 {
			d.fail()
			return nil, false
		}
		if c >= 0x80 {
			ascii = false
		}
		end++
	}
	if end >= len(b) {
		d.fail()
		return nil, false
	}
	s = b[d.i+1 : end]
	if !ascii && !utf8.Valid(s) {
		return d.unquote() // encoding/json replaces invalid UTF-8
	}
	d.i = end + 1
	return s, true
}

// unquote reads the JSON string value at d.i, which has escapes or invalid UTF-8, with
// encoding/json.
func (d *ObjectDecoder) unquote() (s []byte, ok bool) {
	raw := d.value()
	if raw == nil {
		return nil, false
	}
	var x string
	if json.Unmarshal(raw, &x) != nil {
		d.fail()
		return nil, false
	}
	return []byte(x), true
}

// number reads a JSON number value; integer reports that it has no fraction or exponent.
func (d *ObjectDecoder) number() (s []byte, integer, ok bool) {
	b, i := d.b, d.i
	start := i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		d.fail()
		return nil, false, false
	}
	integer = true
	if i < len(b) && b[i] == '.' {
		integer = false
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.fail()
			return nil, false, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		integer = false
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			d.fail()
			return nil, false, false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	d.i = i
	return b[start:i], integer, true
}

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
	if v := d.value(); v != nil && json.Unmarshal(v, dst) != nil {
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

// Value returns the value of field f, property name, checked, for the generated code to
// decode with the field type's own UnmarshalJSON (a model, an Edm type); nil when it is
// null (kept for AdditionalData) or the decoder has failed.
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
	return d.value()
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
// array, whose elements Element then returns: false when it is null (kept for
// AdditionalData) or the decoder has failed.
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

// Element returns the next element of the array Array started, checked; nil after the
// last one or when the decoder has failed.
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
	return d.value()
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

// Kept returns the members kept for AdditionalData (the documented nulls and the instance
// annotations), their values copied out of the object in one allocation (and the names of
// annotations in another); nil when there are none.
//
//go:noinline
func (d *ObjectDecoder) Kept() map[string]json.RawMessage {
	if d.n == 0 {
		return nil
	}
	nameLen, valLen := 0, 0
	for _, k := range d.kept[:d.n] {
		if k.name == "" {
			nameLen += k.span[1] - k.span[0]
		}
		valLen += k.val[1] - k.val[0]
	}
	var all string
	if nameLen > 0 {
		names := make([]byte, 0, nameLen)
		for _, k := range d.kept[:d.n] {
			if k.name == "" {
				names = append(names, d.b[k.span[0]:k.span[1]]...)
			}
		}
		all = string(names)
	}
	vals := make([]byte, 0, valLen)
	extra := make(map[string]json.RawMessage, d.n)
	off := 0
	for _, k := range d.kept[:d.n] {
		name := k.name
		if name == "" {
			name = all[off : off+k.span[1]-k.span[0]]
			off += len(name)
		}
		from := len(vals)
		vals = append(vals, d.b[k.val[0]:k.val[1]]...)
		extra[name] = vals[from:len(vals):len(vals)]
	}
	return extra
}

// UnmarshalJSON decodes a page in one pass: each element of value straight into T with
// T's own UnmarshalJSON (a model's one-pass decoder), the next and delta links and the
// count; other instance annotations (@odata.context) are skipped. A page with any other
// member, or a T without UnmarshalJSON, is decoded by encoding/json, as before. The
// header is kept.
func (p *Page[T]) UnmarshalJSON(b []byte) error {
	header := p.header
	*p = Page[T]{header: header}
	if _, ok := any(new(T)).(json.Unmarshaler); ok && json.Valid(b) {
		ok, sawValue := decodePage(b, &p.NextLink, &p.DeltaLink, &p.Count, func(v []byte) bool {
			p.Value = append(p.Value, *new(T))
			return any(&p.Value[len(p.Value)-1]).(json.Unmarshaler).UnmarshalJSON(v) == nil
		})
		if ok {
			if sawValue && p.Value == nil {
				p.Value = []T{}
			}
			return nil
		}
	}
	*p = Page[T]{header: header}
	type plain Page[T]
	return json.Unmarshal(b, (*plain)(p))
}

// decodePage reads the page b, valid JSON, on the fast path, passing each element of
// value to elem, which reports whether it decoded; ok is false when the page cannot be
// read exactly as encoding/json would, sawValue whether it has a value member. It is not
// generic, so that each Page[T] adds little to the build.
func decodePage(b []byte, next, delta *string, count **int64, elem func([]byte) bool) (ok, sawValue bool) {
	d := NewObjectDecoder(b)
	seen := 0
	for d.Next() {
		switch string(d.Name()) {
		case "value":
			if seen&1 != 0 {
				return false, false
			}
			seen |= 1
			if d.i >= len(d.b) || d.b[d.i] != '[' {
				return false, false
			}
			d.i++
			d.elems = 0
			for v := d.Element(); v != nil; v = d.Element() {
				if !elem(v) {
					return false, false
				}
			}
		case "@odata.nextLink":
			if seen&2 != 0 {
				return false, false
			}
			seen |= 2
			if s, ok := d.str(); ok {
				*next = string(s)
			}
		case "@odata.deltaLink":
			if seen&4 != 0 {
				return false, false
			}
			seen |= 4
			if s, ok := d.str(); ok {
				*delta = string(s)
			}
		case "@odata.count":
			if seen&8 != 0 {
				return false, false
			}
			seen |= 8
			DecodeInt(&d, 0, "@odata.count", count)
		default:
			name := d.Name()
			if !bytes.Contains(name, []byte("@odata.")) || bytes.EqualFold(name, []byte("@odata.nextLink")) ||
				bytes.EqualFold(name, []byte("@odata.deltaLink")) || bytes.EqualFold(name, []byte("@odata.count")) {
				return false, false // a name encoding/json would fold into a field, or another member
			}
			d.value()
		}
	}
	return !d.Failed(), seen&1 != 0
}
