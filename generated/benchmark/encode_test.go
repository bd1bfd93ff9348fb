package benchmark_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphdocgen/graphdocgen/generated"
	"github.com/graphdocgen/graphdocgen/generated/internal/graphrt"
)

// TestEncodeLikeBefore checks that the generated MarshalJSON writes what the old one
// (encoding/json over the struct, see oldJSON) wrote for the same values, byte for byte,
// but for where the documented nulls go (now after the fields set, in field order, before
// AdditionalData; before, among AdditionalData's members in name order): on tricky values
// built here and on decoded documents, called directly and through json.Marshal.
func TestEncodeLikeBefore(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	dto := generated.NewDateTimeOffset(time.Date(2026, 3, 1, 12, 0, 0, 5e8, time.FixedZone("x", 3600)))
	nulled := generated.User{ID: generated.Ptr("n"), Mail: generated.Ptr("set wins")}
	for _, p := range []string{"mail", "deletedDateTime", "userType", "memberOf", "@odata.type", "zUnknown"} {
		nulled.SetNull(p)
	}
	values := []any{
		generated.User{},
		generated.User{DisplayName: generated.Ptr("")},
		generated.User{DisplayName: generated.Ptr("Tom & <Jerry> \"q\" \\ \b\f\n\r\t\x00\x1f\x7f é 😀 \u2028\u2029 \xff\xfe end")},
		generated.User{ID: generated.Ptr("a"), BusinessPhones: []string{}, MemberOf: []generated.DirectoryObject{}},
		generated.User{BusinessPhones: []string{"<1>", "", "\xc3"}, AccountEnabled: generated.Ptr(false), CreatedDateTime: &dto},
		generated.User{Manager: &generated.DirectoryObject{ID: generated.Ptr("m"), AdditionalData: map[string]json.RawMessage{"x": raw(" { \"a\" : \"<b>\" } "), "empty": nil}}},
		generated.User{ID: generated.Ptr("top"), AdditionalData: map[string]json.RawMessage{"x": raw(" { \"a\" : \"<b>\" } "), "id": raw(`"hidden"`), "displayName": raw(`"shown"`), "@odata.etag": raw(`"W/\"1\""`), "b": nil}},
		generated.User{MemberOf: []generated.DirectoryObject{
			{ID: generated.Ptr("g1")},
			{Derived: &generated.Group{ID: generated.Ptr("g2"), GroupTypes: []string{"Unified"}}},
			{Derived: &generated.Group{ODataType: generated.Ptr("#microsoft.graph.group"), ID: generated.Ptr("g3")}},
			{Derived: &generated.Group{AdditionalData: map[string]json.RawMessage{"@odata.type": raw(`"#custom"`)}}},
			{Derived: &generated.User{ID: generated.Ptr("u"), Manager: &generated.DirectoryObject{Derived: &generated.User{DisplayName: generated.Ptr("boss")}}}},
		}},
		generated.DirectoryObject{Derived: &generated.User{ID: generated.Ptr("d")}},
		generated.DirectoryObject{ODataType: generated.Ptr(""), ID: generated.Ptr("e")},
		nulled,
		&nulled,
		[]generated.User{nulled, {}},
		generated.Group{AdditionalData: map[string]json.RawMessage{"description": raw("null"), "groupTypes": raw("null")}, GroupTypes: []string{"x"}},
		generated.VppToken{State: generated.Ptr(generated.VppTokenStateInvalid), LastSyncStatus: generated.Ptr(generated.VppTokenSyncStatus("new<")), ExpirationDateTime: &dto},
		generated.Message{Body: &generated.ItemBody{Content: generated.Ptr("<p>a&amp;b</p>\r\n")}, ToRecipients: []generated.Recipient{{EmailAddress: &generated.EmailAddress{Address: generated.Ptr("a@b")}}}, CcRecipients: []generated.Recipient{}},
	}
	// Decoded documents, nulls and annotations included.
	for _, doc := range []string{
		`{"@odata.context":"c","@odata.type":"#microsoft.graph.user","id":"x","mail":null,"deletedDateTime":null,"accountEnabled":false,"zzz":{"a" : 1},"aaa":[1, 2]}`,
		`{"memberOf":[{"@odata.type":"#microsoft.graph.group","id":"h","description":null,"x@odata.bind":"y"},{"id":"g"}],"manager":{"id":"m","deletedDateTime":"2021-01-02T03:04:05Z"}}`,
		`{"manager":null,"memberOf":null,"businessPhones":null,"displayName":"\u003c\u2028"}`,
	} {
		var u generated.User
		if err := json.Unmarshal([]byte(doc), &u); err != nil {
			t.Fatal(err)
		}
		values = append(values, u)
		// Decoding the encoding gives the same value, which go-cmp compares with no option
		// for Nulls (it has an Equal method); the Edm types, whose text is unexported,
		// need a Comparer.
		b, err := u.MarshalJSON() // json.Marshal would compact AdditionalData
		var again generated.User
		if err == nil {
			err = json.Unmarshal(b, &again)
		}
		if diff := cmp.Diff(u, again, cmp.Comparer(func(a, b generated.DateTimeOffset) bool { return a.String() == b.String() })); err != nil || diff != "" {
			t.Errorf("%s: round trip: %v\n%s", doc, err, diff)
		}
	}
	for _, v := range values {
		oldb, oldErr := oldJSON(v)
		newb, newErr := json.Marshal(v)
		if (oldErr == nil) != (newErr == nil) {
			t.Errorf("%+v: error %v, before %v", v, newErr, oldErr)
			continue
		}
		if how, diff := sameEncoding(newb, oldb); how == "" {
			t.Errorf("json.Marshal differs from before:\n%s", diff)
		} else if how == "nulls" && !hasNulls(reflect.ValueOf(v)) {
			t.Errorf("json.Marshal differs from before in the nulls of a value without any:\nnew %s\nold %s", newb, oldb)
		}
		// Called directly, AdditionalData is written as it is, not compacted.
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Struct {
			continue
		}
		direct, err := v.(json.Marshaler).MarshalJSON()
		oldDirect, oldErr := oldModel(rv)
		if err != nil || oldErr != nil {
			t.Errorf("MarshalJSON: %v, before %v", err, oldErr)
			continue
		}
		if how, diff := sameEncoding(direct, oldDirect); how == "" || how == "nulls" && !hasNulls(rv) {
			t.Errorf("MarshalJSON differs from before (%s):\n%s\nnew %s\nold %s", how, diff, direct, oldDirect)
		}
	}
	// The nulls come back as nulls, set fields win, and nothing is written twice.
	b, err := json.Marshal(nulled)
	if want := `{"id":"n","mail":"set wins","@odata.type":null,"deletedDateTime":null,"userType":null,"memberOf":null,"zUnknown":null}`; err != nil || string(b) != want {
		t.Errorf("nulls: %s, %v\nwant   %s", b, err, want)
	}
}

// hasNulls reports whether a model in v has documented nulls or AdditionalData members
// that are null.
func hasNulls(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && hasNulls(v.Elem())
	case reflect.Slice:
		for i := range v.Len() {
			if hasNulls(v.Index(i)) {
				return true
			}
		}
	case reflect.Struct:
		if isOldModel(v.Type()) {
			if !v.FieldByName("Nulls").Interface().(interface{ Empty() bool }).Empty() {
				return true
			}
			for _, x := range v.FieldByName("AdditionalData").Interface().(map[string]json.RawMessage) {
				if string(x) == "null" || len(x) == 0 {
					return true
				}
			}
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && hasNulls(v.Field(i)) {
				return true
			}
		}
	}
	return false
}

// BenchmarkEncodeUser encodes a user of a page (ten members, two of them documented nulls,
// one an annotation) with the generated MarshalJSON and with the old path, encoding/json over
// the struct and the runtime's MarshalObject for AdditionalData and the nulls (the user
// has no nested model, so that is exactly what MarshalJSON did before).
func BenchmarkEncodeUser(b *testing.B) {
	const doc = `{"@odata.etag":"W/\"1\"","id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","deletedDateTime":null,"accountEnabled":true,"businessPhones":["+1 425 555 0109"],"createdDateTime":"2021-01-02T03:04:05Z","displayName":"Adele Vance","mail":null,"userPrincipalName":"AdeleV@contoso.com","userType":"Member"}`
	var u generated.User
	if err := json.Unmarshal([]byte(doc), &u); err != nil {
		b.Fatal(err)
	}
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := u.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		type nomethods generated.User
		extra := map[string]json.RawMessage{"deletedDateTime": json.RawMessage("null"), "mail": json.RawMessage("null")}
		for k, v := range u.AdditionalData {
			extra[k] = v
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := graphrt.MarshalObject(nomethods(u), extra); err != nil {
				b.Fatal(err)
			}
		}
	})
}
