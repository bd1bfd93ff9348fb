package benchmark_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/generated"
	"github.com/graphdocgen/graphdocgen/generated/internal/graphrt"
)

// knownOf is the field-index function of a generated struct type, from its json tags
// (@odata.type first, 0, then the properties in field order).
func knownOf(typ reflect.Type) func([]byte) int {
	names := map[string]int{}
	for f := range typ.Fields() {
		if tag := f.Tag.Get("json"); tag != "" && tag != "-" {
			names[strings.Split(tag, ",")[0]] = len(names)
		}
	}
	return func(b []byte) int {
		if i, ok := names[string(b)]; ok {
			return i
		}
		return -1
	}
}

// TestFastDecodeExact checks that a generated UnmarshalJSON gives the same value, the same
// Nulls, AdditionalData and the same error as the general path (DecodeObject, encoding/json), on
// objects the one-pass decoder reads and on ones it hands over.
func TestFastDecodeExact(t *testing.T) {
	inputs := []string{
		`{}`,
		` { "id" : "a" , "displayName":"B" } `,
		`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users/$entity","@odata.type":"#microsoft.graph.user","id":"x","mail":null,"deletedDateTime":null,"accountEnabled":false}`,
		`{"businessPhones":[],"memberOf":[]}`,
		`{"businessPhones":["1","2"],"memberOf":[{"id":"g"},{"@odata.type":"#microsoft.graph.group","id":"h","x@odata.bind":"y"}]}`,
		`{"manager":{"id":"m","deletedDateTime":"2021-01-02T03:04:05Z"},"createdDateTime":"2021-01-02T03:04:05.1234567Z"}`,
		`{"manager":null,"memberOf":null,"businessPhones":null}`,
		`{"displayName":"caf\u00e9"}`,
		`{"displayName":"café"}`,
		`{"displayName":"a\tb"}`,
		`{"businessPhones":["a\"b","\u00e9\ud83d\ude00"],"@odata.type":"x\u0000"}`,
		`{"displayName":"a\ud800"}`,
		`{"displayName":"a\x"}`,
		"{\"displayName\":\"bad \xff utf8\"}",
		`{"id":"a","id":null}`,
		`{"id":null,"id":"a"}`,
		`{"unknown":1,"id":"a","mail":null}`,
		`{"ID":"a"}`,
		`{"@odata.Type":"x"}`,
		`{"accountEnabled":"true"}`,
		`{"accountEnabled":tru}`,
		`{"id":1}`,
		`{"businessPhones":[1]}`,
		`{"id":"a",}`,
		`{"id":"a"} x`,
		`{"id":"a"`,
		`[]`,
		`null`,
		`{"createdDateTime":"not a date"}`,
		`{"@odata.etag":"W/\"1\"","@odata.etag":"W/\"2\""}`,
		`{"@odata.etag":tru}`,
		`{"manager":{"id":"m",}}`,
		`{"manager":{"id":"m"]}`,
		`{"manager":{"id":"m\x"}}`,
		`{"manager":{"id":"m"} {"id":"n"}}`,
		`{"manager":[}`,
		`{"manager":tru}`,
		`{"manager":{"id":"m","deletedDateTime":"2021-01-02T03:04:05Z"`,
		`{"memberOf":[{"id":"g"},{"id":tru}]}`,
		`{"memberOf":[{"id":"g"} {"id":"h"}]}`,
		`{"memberOf":[{"id":"g"},]}`,
		"{\"createdDateTime\":\"2021-01-02\x01T03:04:05Z\"}",
		"{\"createdDateTime\":\"2021-01-02T03:04:05Z\xff\"}",
		"{\"manager\":{\"deletedDateTime\":\"2021-01-02T03:04:05\nZ\"}}",
		`{"createdDateTime":"2021-01-02T03:04:05\u005a"}`,
		`{"displayName":"\ud83d\ude00 \u00e9\n\/"}`,
		"{\"displayName\":\"\\ud800\xff\\t\"}",
	}
	known := knownOf(reflect.TypeFor[generated.User]())
	for _, in := range inputs {
		var fast generated.User
		fastErr := fast.UnmarshalJSON([]byte(in))
		// The general path: what UnmarshalJSON did before it had a one-pass decoder.
		var slow generated.User
		type nomethods generated.User
		var slowErr error
		if !json.Valid([]byte(in)) {
			slowErr = json.Unmarshal([]byte(in), new(nomethods))
		} else {
			slow.Nulls, slow.AdditionalData, slowErr = graphrt.DecodeObject([]byte(in), known, (*nomethods)(&slow))
		}
		if (fastErr == nil) != (slowErr == nil) {
			t.Errorf("%s: error %v, the general path's %v", in, fastErr, slowErr)
			continue
		}
		if fastErr == nil && !reflect.DeepEqual(fast, slow) {
			fb, _ := json.Marshal(fast)
			sb, _ := json.Marshal(slow)
			t.Errorf("%s: decoded %+v (%s),\nthe general path %+v (%s)", in, fast, fb, slow, sb)
		}
	}
}

// TestPageDecodeRawExact checks a page of a type whose UnmarshalJSON is not the client's
// and checks nothing (json.RawMessage): the page decoder checks its elements for it.
func TestPageDecodeRawExact(t *testing.T) {
	inputs := []string{
		`{"value":[{"id":"a"},[1,2],"s",null]}`,
		`{"value":[{"id":"a",}]}`,
		`{"value":[{"id":"a"},[1,}]}`,
		`{"value":[tru]}`,
		`{"value":[{"id":"a"} "x"]}`,
	}
	type plain generated.Page[json.RawMessage]
	for _, in := range inputs {
		direct := new(generated.Page[json.RawMessage])
		directErr := direct.UnmarshalJSON([]byte(in))
		var slow plain
		slowErr := json.Unmarshal([]byte(in), &slow)
		if (directErr == nil) != (slowErr == nil) {
			t.Errorf("%s: error %v, encoding/json's %v", in, directErr, slowErr)
			continue
		}
		if directErr == nil && !reflect.DeepEqual(*direct, generated.Page[json.RawMessage](slow)) {
			t.Errorf("%s: decoded %+v,\nencoding/json %+v", in, *direct, slow)
		}
	}
}

// TestPageDecodeExact checks that a page decodes as encoding/json decodes it without the
// page's own UnmarshalJSON.
func TestPageDecodeExact(t *testing.T) {
	inputs := []string{
		`{"value":[]}`,
		`{"value":[],"@odata.nextLink":"https:\/\/n"}`,
		`{"@odata.context":"c","value":[{"id":"a","mail":null},{"id":"b","x@odata.etag":"1"}],"@odata.nextLink":"https://n","@odata.count":2}`,
		`{"value":[{"id":"a"}],"@odata.deltaLink":"https://d"}`,
		`{"value":null}`,
		`{"value":[null]}`,
		`{"VALUE":[{"id":"a"}]}`,
		`{"value":[{"id":"a"}],"value":[{"id":"b"}]}`,
		`{"value":[{"id":"a"}],"@odata.NextLink":"x"}`,
		`{"value":[{"id":"a"}],"@odata.count":1.5}`,
		`{"value":[{"id":"a"}],"@odata.count":null}`,
		`{"value":[{"id":1}]}`,
		`{"value":[{"id":"a"},]}`,
		`{"value":[{"id":"a"}]} x`,
		`{"value":[ {"id":"a"} , {"id":"b"} ] , "@odata.nextLink" : "n" }`,
		`{"value":[{"id":"a","manager":{"id":"m",}}]}`,
		`{"value":[{"id":"a","manager":{"id":"m"}]}`,
		`{"value":[{"id":"a"} {"id":"b"}]}`,
		"{\"value\":[{\"id\":\"a\",\"createdDateTime\":\"2021-01-02\x01T03:04:05Z\"}]}",
		// No page-wide scan checks these: each byte is checked by the decoder that reads it.
		`{"value":[{"id":"a","manager":{"id":"m","@odata.etag":tru}}]}`,
		`{"value":[{"id":"a","memberOf":[{"id":"m"},{"id":"n",}]}]}`,
		`{"value":[{"id":"a","businessPhones":["1",2]}]}`,
		`{"value":[{"id":"a","accountEnabled":nul}]}`,
		`{"value":[{"id":"a","deletedDateTime":"2021-01-02T03:04:05Z" "x":1}]}`,
		`{"value":[{"id":"a"}],"@odata.context":{"a":[1,}}`,
		`{"value":[{"id":"a"}],"@odata.nextLink":"n\x"}`,
		`{"value":[{"id":"a"}],"@odata.count":01}`,
		`{"value":[{"id":"a"}]`,
		`{"value":[{"id":"a"}`,
		`{"value":[{"id":"a\ud800"}]}`,
		"{\"value\":[{\"id\":\"a\xff\"}]}",
	}
	type plain generated.Page[generated.User]
	for _, in := range inputs {
		var fast generated.Page[generated.User]
		fastErr := json.Unmarshal([]byte(in), &fast)
		direct := new(generated.Page[generated.User])
		directErr := direct.UnmarshalJSON([]byte(in))
		var slow plain
		slowErr := json.Unmarshal([]byte(in), &slow)
		if (fastErr == nil) != (slowErr == nil) || (directErr == nil) != (slowErr == nil) {
			t.Errorf("%s: error %v (directly %v), encoding/json's %v", in, fastErr, directErr, slowErr)
			continue
		}
		if fastErr == nil && (!reflect.DeepEqual(fast, generated.Page[generated.User](slow)) || !reflect.DeepEqual(*direct, fast)) {
			t.Errorf("%s: decoded %+v,\nencoding/json %+v", in, fast, slow)
		}
	}
}
