package graphrt

import (
	"bytes"
	"encoding/json"
	"unicode/utf16"
	"unicode/utf8"
)

// ObjectDecoder reads the members of one JSON object in a single pass, for a model's
// generated UnmarshalJSON, which switches on each member's name and decodes the value
// straight into its field, with no reflection. A documented property sent as null leaves
// its field unset and is recorded in Nulls (a bit, no allocation); the instance
// annotations (names with "@odata." in them: @odata.context, @odata.etag,
// members@odata.nextLink) are kept for AdditionalData.
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
//	v.Nulls, v.AdditionalData = d.Nulls(), d.Kept()
type ObjectDecoder struct {
	b      []byte
	i      int       // the next byte to read
	name   [2]int    // the current member's name, without its quotes
	failed bool      // the general path must decode the object
	seen   [8]uint64 // the field indexes met so far, to catch a repeated name
	nulls  [8]uint64 // the field indexes met as null
	elems  int       // the elements Element has returned from the current array
	n      int       // members kept
	kept   [maxDecoderKept]keptMember
}

// maxDecoderKept bounds the members an ObjectDecoder keeps for AdditionalData; an object
// with more takes the general path.
const maxDecoderKept = 32

// keptMember is a member kept for AdditionalData: the spans of its name and value.
type keptMember struct {
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
// or the value is null (recorded in nulls, the field left unset).
func (d *ObjectDecoder) field(f int, _ string) bool {
	if f >= len(d.seen)*64 || d.seen[f/64]&(1<<(f%64)) != 0 {
		d.fail()
		return false
	}
	d.seen[f/64] |= 1 << (f % 64)
	if d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		d.nulls[f/64] |= 1 << (f % 64)
		return false
	}
	return true
}

// keep records the current member, whose value starts at start and ends at d.i, for
// AdditionalData.
func (d *ObjectDecoder) keep(start int) {
	if d.n == len(d.kept) {
		d.fail()
		return
	}
	d.kept[d.n] = keptMember{span: d.name, val: [2]int{start, d.i}}
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
	d.keep(start)
}

// value returns the current member's value, checked, and moves past it; nil when it is
// malformed (the decoder has failed). It is for a value kept as it arrived (an
// annotation, a Raw field), which nothing else checks.
func (d *ObjectDecoder) value() []byte {
	start := d.i
	v := d.span()
	if v != nil && !json.Valid(v) {
		d.i = start
		d.fail()
		return nil
	}
	return v
}

// span returns the current member's value, found but not checked, and moves past it; nil
// when it has no end (the decoder has failed). It is for a value handed to a decoder
// that checks every byte it reads: a model's one-pass UnmarshalJSON (or the general
// path, encoding/json, it falls back to), an Edm type's, UnmarshalRaw. So each byte of a
// document is checked once, by the decoder that reads it, and not again by each
// enclosing one: a bad byte fails the value's decoder, and so, through Check, this one,
// which then gives encoding/json's error for the whole object.
func (d *ObjectDecoder) span() []byte {
	start := d.i
	end := skipValue(d.b, start)
	if end > len(d.b) || end <= start {
		d.fail()
		return nil
	}
	v := bytes.TrimRight(d.b[start:end], " \t\r\n")
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

// unquote reads the JSON string value at d.i, which has escapes or invalid UTF-8, as
// encoding/json does: an escaped UTF-16 surrogate pair is one rune, and a lone surrogate
// or an invalid UTF-8 byte is U+FFFD; a control character, a bad escape or no closing
// quote fails the decoder.
func (d *ObjectDecoder) unquote() (s []byte, ok bool) {
	b := d.b
	i := d.i + 1
	out := make([]byte, 0, 32)
	for i < len(b) {
		switch c := b[i]; {
		case c == '"':
			d.i = i + 1
			return out, true
		case c < 0x20:
			d.fail()
			return nil, false
		case c == '\\':
			if i+1 >= len(b) {
				d.fail()
				return nil, false
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r := hex4(b, i+2)
				if r < 0 {
					d.fail()
					return nil, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						r2 = hex4(b, i+2)
					}
					if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
						out = utf8.AppendRune(out, pair)
						i += 6
						continue
					}
					r = utf8.RuneError
				}
				out = utf8.AppendRune(out, r)
				continue
			default:
				d.fail()
				return nil, false
			}
			i += 2
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, b[i:i+size]...)
			}
			i += size
		}
	}
	d.fail() // no closing quote
	return nil, false
}

// hex4 is the rune the four hexadecimal digits at b[i:] write; -1 when they are not.
func hex4(b []byte, i int) rune {
	if i+4 > len(b) {
		return -1
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
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
