package graphrt

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// Binary is an Edm.Binary: bytes written in base64. Decoding accepts the standard
// alphabet ("+/") and the URL-safe one ("-_", which OData JSON specifies), padded or
// not, but not both alphabets in one value nor whitespace; the text is kept and written
// back unchanged, in the alphabet it came in. A value made with NewBinary is written in
// the standard alphabet with padding, which Graph accepts and itself sends.
//
// The zero value was never set: it encodes as JSON null. An empty value, from "" or
// NewBinary([]byte{}), encodes as "".
type Binary struct {
	text string
	set  bool
}

// NewBinary returns b as a Binary in standard, padded base64. As with encoding/json, a
// nil b gives the zero value (null) and an empty non-nil b gives "".
func NewBinary(b []byte) Binary {
	if b == nil {
		return Binary{}
	}
	return Binary{text: base64.StdEncoding.EncodeToString(b), set: true}
}

// ParseBinary parses s as Binary's doc describes, keeping the text.
func ParseBinary(s string) (Binary, error) {
	if _, err := decodeBinary(s); err != nil {
		return Binary{}, err
	}
	return Binary{text: s, set: true}, nil
}

// Bytes returns a new copy of the bytes: nil for the zero value.
func (b Binary) Bytes() []byte {
	if !b.set {
		return nil
	}
	v, _ := decodeBinary(b.text) // the text was checked when b was made
	return v
}

// IsZero reports whether b was never set.
func (b Binary) IsZero() bool { return !b.set }

// String returns b's base64 text: as it arrived, or as NewBinary wrote it; "" for the
// zero value.
func (b Binary) String() string { return b.text }

// MarshalJSON writes b's text as a JSON string, or null for the zero value.
func (b Binary) MarshalJSON() ([]byte, error) { return marshalText(b.text, !b.set) }

// UnmarshalJSON reads a JSON string as ParseBinary does; null gives the zero value.
func (b *Binary) UnmarshalJSON(data []byte) error {
	s, null, err := unmarshalText("Binary", data)
	if err != nil || null {
		*b = Binary{}
		return err
	}
	v, err := ParseBinary(s)
	*b = v
	return err
}

// decodeBinary decodes base64 in either alphabet, padded or not.
func decodeBinary(s string) ([]byte, error) {
	std, url := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', isDigit(c), c == '=':
		case c == '+' || c == '/':
			std = true
		case c == '-' || c == '_':
			url = true
		default:
			return nil, edmError("Binary", s, fmt.Sprintf("%q at offset %d is not a base64 character", c, i))
		}
	}
	if std && url {
		return nil, edmError("Binary", s, "mixes the standard (+/) and URL-safe (-_) base64 alphabets")
	}
	enc := base64.StdEncoding
	if url {
		enc = base64.URLEncoding
	}
	if !strings.HasSuffix(s, "=") {
		enc = enc.WithPadding(base64.NoPadding)
	}
	v, err := enc.DecodeString(s)
	if err != nil {
		return nil, edmError("Binary", s, "invalid base64: "+err.Error())
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}
