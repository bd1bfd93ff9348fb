package graphrt

import (
	"encoding/json"
	"math/bits"
)

// Nulls records which documented properties of a model arrived as JSON null, or are to be
// sent as null, by the property's field index in the generated code (0 for @odata.type,
// then the properties in declaration order). A pointer field cannot tell null from
// absent: Nulls does, so that decoding and encoding again gives back the same object. The
// zero value has no nulls; the first 64 indexes take no allocation, and it is 16 bytes.
//
// Models use it through their IsNull and SetNull methods; Equal lets
// github.com/google/go-cmp compare models without options.
type Nulls struct {
	low uint64 // indexes 0 to 63
	// high holds indexes 64 and up (word i: 64(i+1) to 64(i+1)+63). It is never changed
	// in place, since a copy of a model shares it: Set and Clear replace it.
	high *[]uint64
}

// words is high's words.
func (n Nulls) words() []uint64 {
	if n.high == nil {
		return nil
	}
	return *n.high
}

// Has reports whether index i is null.
func (n Nulls) Has(i int) bool {
	if i < 0 {
		return false
	}
	if i < 64 {
		return n.low&(1<<i) != 0
	}
	h, w := n.words(), i/64-1
	return w < len(h) && h[w]&(1<<(i%64)) != 0
}

// Set marks index i (not negative) as null.
func (n *Nulls) Set(i int) {
	if i < 64 {
		n.low |= 1 << i
		return
	}
	w := i/64 - 1
	h := make([]uint64, max(w+1, len(n.words())))
	copy(h, n.words())
	h[w] |= 1 << (i % 64)
	n.high = &h
}

// Clear marks index i as not null.
func (n *Nulls) Clear(i int) {
	switch {
	case i < 0:
	case i < 64:
		n.low &^= 1 << i
	case n.Has(i):
		h := append([]uint64(nil), n.words()...)
		h[i/64-1] &^= 1 << (i % 64)
		n.high = &h
	}
}

// Empty reports whether no index is null.
func (n Nulls) Empty() bool {
	if n.low != 0 {
		return false
	}
	for _, w := range n.words() {
		if w != 0 {
			return false
		}
	}
	return true
}

// Equal reports whether n and o mark the same indexes.
func (n Nulls) Equal(o Nulls) bool {
	if n.low != o.low {
		return false
	}
	a, b := n.words(), o.words()
	if len(a) < len(b) {
		a, b = b, a
	}
	for i, w := range a {
		if i < len(b) && w != b[i] || i >= len(b) && w != 0 {
			return false
		}
	}
	return true
}

// next returns the first null index at or after i; -1 when there is none.
func (n Nulls) next(i int) int {
	for i >= 0 {
		var w uint64
		switch {
		case i < 64:
			w = n.low >> i
		case i/64-1 < len(n.words()):
			w = n.words()[i/64-1] >> (i % 64)
		default:
			return -1
		}
		if w != 0 {
			return i + bits.TrailingZeros64(w)
		}
		i = (i/64 + 1) * 64
	}
	return -1
}

// Nulls returns the documented properties the decoder met as null.
//
//go:noinline
func (d *ObjectDecoder) Nulls() Nulls {
	n := Nulls{low: d.nulls[0]}
	for w := len(d.nulls) - 1; w > 0; w-- {
		if d.nulls[w] != 0 {
			h := append([]uint64(nil), d.nulls[1:w+1]...)
			n.high = &h
			break
		}
	}
	return n
}

// TakeNulls moves the documented properties that extra (from DecodeObject) holds as null
// into the Nulls it returns; index gives a name's field index, -1 for an undocumented
// one. The extra map returned is nil when nothing else is left in it.
func TakeNulls(extra map[string]json.RawMessage, index func([]byte) int) (Nulls, map[string]json.RawMessage) {
	var n Nulls
	for k, x := range extra {
		if i := index([]byte(k)); i >= 0 && string(x) == "null" {
			n.Set(i)
			delete(extra, k)
		}
	}
	if len(extra) == 0 {
		extra = nil
	}
	return n, extra
}

// IsNull reports whether property, field index i (-1 for an undocumented name), is null
// in a model: marked in nulls, or held as null in extra (AdditionalData).
func IsNull(nulls Nulls, extra map[string]json.RawMessage, i int, property string) bool {
	if nulls.Has(i) {
		return true
	}
	x, ok := extra[property]
	return ok && string(x) == "null"
}

// SetNull marks property, field index i, as null in a model: in nulls, or for an
// undocumented name (i < 0) in extra (AdditionalData), which it returns.
func SetNull(nulls *Nulls, extra map[string]json.RawMessage, i int, property string) map[string]json.RawMessage {
	if i >= 0 {
		nulls.Set(i)
		return extra
	}
	if extra == nil {
		extra = map[string]json.RawMessage{}
	}
	extra[property] = json.RawMessage("null")
	return extra
}
