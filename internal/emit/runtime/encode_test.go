package graphrt

import (
	"encoding/json"
	"math"
	"testing"
)

// kinds has a field of each kind a generated encoder writes, with the tags models use.
type kinds struct {
	S   *string          `json:"s,omitempty"`
	B   *bool            `json:"b,omitempty"`
	I8  *int8            `json:"i8,omitempty"`
	U8  *uint8           `json:"u8,omitempty"`
	I16 *int16           `json:"i16,omitempty"`
	I32 *int32           `json:"i32,omitempty"`
	I64 *int64           `json:"i64,omitempty"`
	F32 *float32         `json:"f32,omitempty"`
	F64 *float64         `json:"f64,omitempty"`
	E   *testEnum        `json:"e,omitempty"`
	Es  []testEnum       `json:"es,omitzero"`
	D   *DateTimeOffset  `json:"d,omitempty"`
	R   json.RawMessage  `json:"r,omitzero"`
	N   *json.Number     `json:"n,omitempty"`
	Is  []int32          `json:"is,omitzero"`
	Dec *json.Number     `json:"dec,omitempty"`
	M   *json.RawMessage `json:"m,omitempty"`
}

// testEnum is an enumeration.
type testEnum string

// encode writes k as a generated encodeJSON would.
func (k *kinds) encode(e *Encoder) {
	o := e.Object()
	o.String(0, "s", k.S)
	o.Bool(1, "b", k.B)
	EncodeInt(&o, 2, "i8", k.I8)
	EncodeInt(&o, 3, "u8", k.U8)
	EncodeInt(&o, 4, "i16", k.I16)
	EncodeInt(&o, 5, "i32", k.I32)
	EncodeInt(&o, 6, "i64", k.I64)
	EncodeFloat(&o, 7, "f32", k.F32)
	EncodeFloat(&o, 8, "f64", k.F64)
	EncodeEnum(&o, 9, "e", k.E)
	EncodeEnums(&o, 10, "es", k.Es)
	if k.D != nil {
		o.Marshaler(11, "d", k.D)
	}
	o.Raw(12, "r", k.R)
	if k.N != nil {
		o.JSON(13, "n", k.N)
	}
	if k.Is != nil {
		o.JSON(14, "is", k.Is)
	}
	if k.Dec != nil {
		o.JSON(15, "dec", k.Dec)
	}
	if k.M != nil {
		o.JSON(16, "m", k.M)
	}
	o.End(Nulls{}, nil, func([]byte) int { return -1 }, func(int) string { return "" })
}

// TestEncoderLikeEncodingJSON compares the Encoder with encoding/json on tricky values of
// every field kind.
func TestEncoderLikeEncodingJSON(t *testing.T) {
	var cases []kinds
	for _, s := range []string{"", "a", "<>&", "\"\\/", "\b\f\n\r\t\x00\x01\x1f\x7f", "é😀", "\u2028\u2029", "\xff", "a\xc3", "\xed\xa0\x80", "\U0010ffff"} {
		s := s
		e := testEnum(s)
		cases = append(cases, kinds{S: &s, E: &e, Es: []testEnum{e, ""}})
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1.5, 1e20, 1e21, 1e-6, 1e-7, 123456789.123, 1.0000001e-7, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1, 1e100, -2.5e-300} {
		f := f
		f32 := float32(f)
		cases = append(cases, kinds{F64: &f, F32: &f32})
	}
	for _, n := range []int64{0, 1, -1, 127, -128, 255, 32767, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64} {
		i8, u8, i16, i32, i64 := int8(n), uint8(n), int16(n), int32(n), n
		cases = append(cases, kinds{I8: &i8, U8: &u8, I16: &i16, I32: &i32, I64: &i64, Is: []int32{i32, 0}})
	}
	tr, fa := true, false
	d, _ := ParseDateTimeOffset("2021-01-02T03:04:05.1234567Z")
	num, dec := json.Number("12.50"), json.Number("")
	m := json.RawMessage(` { "a" : [ 1 , "<" ] } `)
	cases = append(cases,
		kinds{},
		kinds{B: &tr}, kinds{B: &fa},
		kinds{D: &d},
		kinds{D: &DateTimeOffset{}},
		kinds{R: json.RawMessage(` [ 1, {"x" : "&"} ] `), N: &num, Dec: &dec, M: &m},
		kinds{R: json.RawMessage("null"), Is: []int32{}, Es: []testEnum{}},
	)
	for _, k := range cases {
		want, wantErr := json.Marshal(k)
		var e Encoder
		k.encode(&e)
		got, err := e.Result()
		if (err == nil) != (wantErr == nil) || string(got) != string(want) {
			t.Errorf("%+v:\n got %s, %v\nwant %s, %v", k, got, err, want, wantErr)
		}
	}
	for _, bad := range []kinds{{F64: ptrTo(math.NaN())}, {F32: ptrTo(float32(math.Inf(1)))}, {R: json.RawMessage{}}, {R: json.RawMessage(`{`)}} {
		var e Encoder
		bad.encode(&e)
		if _, err := e.Result(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
		if _, err := json.Marshal(bad); err == nil {
			t.Errorf("%+v: no error from encoding/json either", bad)
		}
	}
}

// ptrTo returns a pointer to x.
func ptrTo[T any](x T) *T { return &x }
