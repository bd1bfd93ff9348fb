package graphrt

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestUnquoteLikeEncodingJSON checks that the ObjectDecoder reads a string value as
// encoding/json does, or fails where encoding/json gives an error, on strings with
// escapes, surrogates and invalid UTF-8.
func TestUnquoteLikeEncodingJSON(t *testing.T) {
	inputs := []string{
		`"plain"`, `""`, `"a\"b"`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"caf\u00e9"`, `"caf\u00E9"`,
		`"\ud83d\ude00"`, `"\uD83D\uDE00x"`, `"a\ud800"`, `"a\ud800b"`, `"\ud800\u0041"`,
		`"\udc00\ud800"`, `"\ud800\ud800\udc00"`, `"\ude00"`, `"\u0000"`, `"\u12"`, `"\u12g4"`,
		`"\ud800\u12"`, `"\x"`, `"\'"`, `"\`, `"a\"`, `"abc`, "\"a\tb\"", "\"a\x7fb\"",
		"\"bad \xff utf8\"", "\"\xe2\x82\"", "\"\xe2\x82\xac\\n\"", "\"\xed\xa0\x80\"",
		"\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\\t\"", "\"é\\u00e9\xff\"", `"\u00"`, `"\uffff"`,
	}
	for _, in := range inputs {
		var want string
		wantErr := json.Unmarshal([]byte(in), &want)
		d := ObjectDecoder{b: []byte(in)}
		got, ok := d.str()
		if ok && d.i != len(in) {
			ok = false // the decoder's Next would fail on what follows
		}
		if ok != (wantErr == nil) {
			t.Errorf("%q: ok %v, encoding/json's error %v", in, ok, wantErr)
			continue
		}
		if ok && string(got) != want {
			t.Errorf("%q: %q, encoding/json %q", in, got, want)
		}
	}
}

// TestSpanChecksNothingValueChecks checks that Value hands over a nested value unchecked
// (its own decoder checks it) and that a kept annotation is checked.
func TestSpanChecksNothingValueChecks(t *testing.T) {
	d := NewObjectDecoder([]byte(`{"a":{"x":tru} ,"b@odata.etag":tru}`))
	if !d.Next() {
		t.Fatal("no first member")
	}
	if v := d.Value(0, "a"); !bytes.Equal(v, []byte(`{"x":tru}`)) || d.Failed() {
		t.Fatalf("Value: %q, failed %v", v, d.Failed())
	}
	if !d.Next() {
		t.Fatal("no second member")
	}
	if d.Other(); !d.Failed() {
		t.Fatal("an invalid annotation was kept")
	}
}
