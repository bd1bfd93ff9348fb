package graphrt

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Encoder writes a model's JSON for its generated MarshalJSON, field by field with no
// reflection, byte for byte as encoding/json would write the same struct (HTML
// characters escaped, omitempty and omitzero honoured, the value of a json.Marshaler
// compacted), and falls back to encoding/json for a field type it has no path for.
//
// The generated code uses it so:
//
//	func (v User) MarshalJSON() ([]byte, error) {
//		var e Encoder
//		v.encodeJSON(&e)
//		return e.Result()
//	}
//
//	func (v *User) encodeJSON(e *Encoder) {
//		o := e.Object()
//		o.String(0, "@odata.type", v.ODataType)
//		o.String(1, "id", v.ID)
//		if v.Manager != nil {
//			o.Key(2, "manager")
//			v.Manager.encodeJSON(e)
//		}
//		o.End(v.Nulls, v.AdditionalData, fieldUser, nameUser)
//	}
type Encoder struct {
	b     []byte
	depth int // the objects being written
	err   error
}

// Result returns what e wrote, or the first error met.
//
//go:noinline
func (e *Encoder) Result() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// Fail records err, when it is the first error.
//
//go:noinline
func (e *Encoder) Fail(err error) {
	if e.err == nil && err != nil {
		e.err = err
	}
}

// Append writes b, the JSON output of a MarshalJSON method, or records err.
//
//go:noinline
func (e *Encoder) Append(b []byte, err error) {
	if err != nil {
		e.Fail(err)
		return
	}
	e.appendCompact(b)
}

// Elem starts element i of an array.
//
//go:noinline
func (e *Encoder) Elem(i int) {
	if i == 0 {
		e.b = append(e.b, '[')
	} else {
		e.b = append(e.b, ',')
	}
}

// EndArray ends an array of n elements.
//
//go:noinline
func (e *Encoder) EndArray(n int) {
	if n == 0 {
		e.b = append(e.b, '[')
	}
	e.b = append(e.b, ']')
}

// Object starts a JSON object, whose members the returned ObjectWriter writes.
//
//go:noinline
func (e *Encoder) Object() ObjectWriter {
	if e.b == nil {
		e.b = make([]byte, 0, 256) // one allocation for the usual request body
	}
	e.b = append(e.b, '{')
	e.depth++
	return ObjectWriter{e: e}
}

// ObjectWriter writes the members of one JSON object: each documented field that is set,
// in field order, then the documented nulls and the additional members (End).
type ObjectWriter struct {
	e       *Encoder
	n       int       // members written
	written [8]uint64 // the field indexes written
}

// Key writes the name of field f, property name, which the caller then writes the value
// of.
//
//go:noinline
func (o *ObjectWriter) Key(f int, name string) {
	if f >= 0 && f < len(o.written)*64 {
		o.written[f/64] |= 1 << (f % 64)
	}
	if o.n > 0 {
		o.e.b = append(o.e.b, ',')
	}
	o.n++
	o.e.b = appendString(o.e.b, name)
	o.e.b = append(o.e.b, ':')
}

// has reports whether field f was written.
func (o *ObjectWriter) has(f int) bool {
	return f >= 0 && f < len(o.written)*64 && o.written[f/64]&(1<<(f%64)) != 0
}

// String writes field f, a string, when it is set.
//
//go:noinline
func (o *ObjectWriter) String(f int, name string, v *string) {
	if v != nil {
		o.Key(f, name)
		o.e.b = appendString(o.e.b, *v)
	}
}

// Bool writes field f, a bool, when it is set.
//
//go:noinline
func (o *ObjectWriter) Bool(f int, name string, v *bool) {
	if v != nil {
		o.Key(f, name)
		o.e.b = strconv.AppendBool(o.e.b, *v)
	}
}

// Marshaler writes field f, whose type has a MarshalJSON method (an Edm type), when it
// is set (v is a non-nil pointer).
//
//go:noinline
func (o *ObjectWriter) Marshaler(f int, name string, v json.Marshaler) {
	o.Key(f, name)
	o.e.Append(v.MarshalJSON())
}

// Raw writes field f, JSON kept as it arrived, when it is set.
//
//go:noinline
func (o *ObjectWriter) Raw(f int, name string, v json.RawMessage) {
	if v != nil {
		o.Key(f, name)
		if len(v) == 0 {
			_, err := json.Marshal(v) // encoding/json's error for empty JSON
			o.e.Fail(err)
			return
		}
		o.e.appendCompact(v)
	}
}

// JSON writes field f with encoding/json, for a type with no path of its own; the caller
// checks that it is set.
//
//go:noinline
func (o *ObjectWriter) JSON(f int, name string, v any) {
	o.Key(f, name)
	o.e.Append(json.Marshal(v))
}

// EncodeEnum writes field f of o, a string or an enumeration, when it is set.
//
//go:noinline
func EncodeEnum[T ~string](o *ObjectWriter, f int, name string, v *T) {
	if v != nil {
		o.Key(f, name)
		o.e.b = appendString(o.e.b, string(*v))
	}
}

// EncodeEnums writes field f of o, a collection of strings or of an enumeration's
// members, when it is set.
//
//go:noinline
func EncodeEnums[T ~string](o *ObjectWriter, f int, name string, v []T) {
	if v == nil {
		return
	}
	o.Key(f, name)
	o.e.b = append(o.e.b, '[')
	for i, s := range v {
		if i > 0 {
			o.e.b = append(o.e.b, ',')
		}
		o.e.b = appendString(o.e.b, string(s))
	}
	o.e.b = append(o.e.b, ']')
}

// EncodeInt writes field f of o, an integer, when it is set.
//
//go:noinline
func EncodeInt[T int8 | int16 | int32 | int64 | uint8](o *ObjectWriter, f int, name string, v *T) {
	if v != nil {
		o.Key(f, name)
		if _, unsigned := any(*v).(uint8); unsigned {
			o.e.b = strconv.AppendUint(o.e.b, uint64(*v), 10)
		} else {
			o.e.b = strconv.AppendInt(o.e.b, int64(*v), 10)
		}
	}
}

// EncodeFloat writes field f of o, a floating-point number, when it is set, as
// encoding/json does; NaN and infinities are its error.
//
//go:noinline
func EncodeFloat[T float32 | float64](o *ObjectWriter, f int, name string, v *T) {
	if v == nil {
		return
	}
	o.Key(f, name)
	bits := 64
	if _, single := any(*v).(float32); single {
		bits = 32
	}
	x := float64(*v)
	if math.IsInf(x, 0) || math.IsNaN(x) {
		_, err := json.Marshal(*v)
		o.e.Fail(err)
		return
	}
	abs := math.Abs(x)
	format := byte('f')
	if abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	b := strconv.AppendFloat(o.e.b, x, format, -1, bits)
	if format == 'e' { // e-09 as e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	o.e.b = b
}

// End writes the documented properties marked null in nulls that no field set, then the
// members of extra (AdditionalData) that were not written already, in name order (index
// gives a documented name's field index, -1 for others, and name a field index's name),
// and ends the object. A nested
// object's extra values are compacted, as encoding/json does with a json.Marshaler's
// output; the outermost object's are written as they are.
//
//go:noinline
func (o *ObjectWriter) End(nulls Nulls, extra map[string]json.RawMessage, index func([]byte) int, name func(int) string) {
	e := o.e
	if !nulls.Empty() {
		for f := nulls.next(0); f >= 0; f = nulls.next(f + 1) {
			if o.has(f) {
				continue
			}
			if o.n > 0 {
				e.b = append(e.b, ',')
			}
			o.n++
			e.b = appendString(e.b, name(f))
			e.b = append(e.b, ":null"...)
			if f < len(o.written)*64 {
				o.written[f/64] |= 1 << (f % 64)
			}
		}
	}
	if len(extra) > 0 {
		o.extra(extra, index)
	}
	e.b = append(e.b, '}')
	e.depth--
}

// extra writes the members of extra not written already, in name order.
func (o *ObjectWriter) extra(extra map[string]json.RawMessage, index func([]byte) int) {
	e := o.e
	keys := make([]string, 0, 8)
	for k := range extra {
		if i := index([]byte(k)); i >= 0 && o.has(i) {
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if o.n > 0 {
			e.b = append(e.b, ',')
		}
		o.n++
		e.b = appendString(e.b, k)
		e.b = append(e.b, ':')
		switch x := extra[k]; {
		case len(x) == 0:
			e.b = append(e.b, "null"...)
		case e.depth > 1:
			e.appendCompact(x)
		default:
			e.b = append(e.b, x...)
		}
	}
}

// appendCompact writes the JSON b as encoding/json writes a json.Marshaler's output:
// compacted, with <, >, &, U+2028 and U+2029 escaped; malformed JSON is an error.
func (e *Encoder) appendCompact(b []byte) {
	plain := true
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '<', '>', '&', 0xE2: // 0xE2 starts U+2028 and U+2029
			plain = false
		}
	}
	if plain && json.Valid(b) {
		e.b = append(e.b, b...)
		return
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		e.Fail(err)
		return
	}
	var esc bytes.Buffer
	json.HTMLEscape(&esc, buf.Bytes())
	e.b = append(e.b, esc.Bytes()...)
}

// hexDigits are the hexadecimal digits escapes use.
const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string as encoding/json does: ", \ and control
// characters escaped (\b, \f, \n, \r, \t in short), <, > and & as \u003c, \u003e and
// \u0026, invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
