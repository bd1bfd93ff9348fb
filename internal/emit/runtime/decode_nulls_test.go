package graphrt

import (
	"reflect"
	"testing"
)

// TestNulls checks the bit set on low and high indexes, its Equal (trailing zero words do
// not count) and the allocations: none for the first 64 indexes.
func TestNulls(t *testing.T) {
	var n Nulls
	if !n.Empty() || n.Has(0) || n.Has(300) || n.Has(-1) || n.next(0) != -1 {
		t.Fatal("the zero Nulls has a null")
	}
	for _, i := range []int{0, 5, 63, 64, 130, 511} {
		n.Set(i)
	}
	var got []int
	for i := n.next(0); i >= 0; i = n.next(i + 1) {
		got = append(got, i)
		if !n.Has(i) {
			t.Errorf("Has(%d) = false", i)
		}
	}
	if want := []int{0, 5, 63, 64, 130, 511}; !reflect.DeepEqual(got, want) {
		t.Errorf("indexes = %v, want %v", got, want)
	}
	if n.Has(1) || n.Has(65) || n.Has(512) {
		t.Error("Has is true for an index not set")
	}
	for _, i := range []int{64, 130, 511} {
		n.Clear(i)
	}
	n.Clear(9999)
	low := Nulls{}
	for _, i := range []int{0, 5, 63} {
		low.Set(i)
	}
	if !n.Equal(low) || !low.Equal(n) || n.Equal(Nulls{}) || n.Empty() {
		t.Errorf("Equal: %+v and %+v", n, low)
	}
	if a := testing.AllocsPerRun(100, func() {
		var x Nulls
		x.Set(3)
		x.Set(63)
		if !x.Has(3) {
			t.Fatal("lost")
		}
	}); a != 0 {
		t.Errorf("%v allocations for low indexes", a)
	}
}

// TestDecoderNulls checks that a documented null is recorded by index (high ones too),
// not kept for AdditionalData, and that TakeNulls does the same for the general path.
func TestDecoderNulls(t *testing.T) {
	d := NewObjectDecoder([]byte(`{"a":null,"@odata.etag":"1","b":null}`))
	var s *string
	for d.Next() {
		switch string(d.Name()) {
		case "a":
			d.String(2, "a", &s)
		case "b":
			d.String(200, "b", &s)
		default:
			d.Other()
		}
	}
	n := d.Nulls()
	if d.Failed() || !n.Has(2) || !n.Has(200) || n.Has(0) || s != nil {
		t.Fatalf("failed %v, nulls %+v", d.Failed(), n)
	}
	if kept := d.Kept(); len(kept) != 1 || string(kept["@odata.etag"]) != `"1"` {
		t.Errorf("kept %v", kept)
	}
	index := func(b []byte) int {
		switch string(b) {
		case "a":
			return 2
		case "b":
			return 200
		}
		return -1
	}
	var into struct {
		A *string `json:"a"`
	}
	nulls, extra, err := DecodeObject([]byte(`{"a":null,"b":null,"c":null,"x@odata.etag":"2"}`), index, &into)
	if err != nil || !nulls.Equal(n) || len(extra) != 2 || string(extra["c"]) != "null" {
		t.Errorf("DecodeObject: %+v, %v, %v", nulls, extra, err)
	}
	if nulls, extra, err := DecodeObject([]byte(`{"a":null}`), index, &into); err != nil || !nulls.Has(2) || extra != nil {
		t.Errorf("DecodeObject, one null: %+v, %v, %v", nulls, extra, err)
	}
	var none Nulls
	extra = SetNull(&none, nil, -1, "zz")
	extra = SetNull(&none, extra, 7, "seven")
	if !IsNull(none, extra, 7, "seven") || !IsNull(none, extra, -1, "zz") || IsNull(none, extra, 8, "eight") || string(extra["zz"]) != "null" || len(extra) != 1 {
		t.Errorf("SetNull: %+v, %v", none, extra)
	}
}

// TestNullsCopies checks that a copy of a Nulls (of a model) is not changed by Set or
// Clear on the other.
func TestNullsCopies(t *testing.T) {
	var a Nulls
	a.Set(100)
	b := a
	b.Set(101)
	b.Clear(100)
	if !a.Has(100) || a.Has(101) || b.Has(100) || !b.Has(101) {
		t.Errorf("a %v %v, b %v %v", a.Has(100), a.Has(101), b.Has(100), b.Has(101))
	}
}
