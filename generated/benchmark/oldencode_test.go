package benchmark_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// This file is also the corpus example harness's (TestCorpusExamplesDecode reads it from
// the line below on): it may use only the packages that harness imports.
// OLD ENCODER

// oldJSON is what json.Marshal(x) wrote before the models had generated encoders, when a
// model's MarshalJSON was encoding/json over the struct without methods, with
// AdditionalData's members (which then held the documented nulls, which Nulls holds now)
// appended in name order, and a Derived value written through MarshalDerived. Every model
// in x is encoded so, with reflection: x is converted to a value whose models are
// json.RawMessage holding their old encoding.
func oldJSON(x any) ([]byte, error) {
	v, err := oldValue(reflect.ValueOf(x))
	if err != nil {
		return nil, err
	}
	return json.Marshal(v.Interface())
}

// isOldModel reports whether t is a generated model struct.
func isOldModel(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	_, extra := t.FieldByName("AdditionalData")
	_, nulls := t.FieldByName("Nulls")
	return extra && nulls
}

// hasOldModel reports whether t holds a model (as itself, a pointer or a slice).
func hasOldModel(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		return hasOldModel(t.Elem())
	}
	return isOldModel(t)
}

// oldValue is v with each model in it replaced by a json.RawMessage of its old encoding.
func oldValue(v reflect.Value) (reflect.Value, error) {
	t := v.Type()
	if !hasOldModel(t) {
		return v, nil
	}
	raw := reflect.TypeFor[json.RawMessage]()
	switch t.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(raw), nil
		}
		return oldValue(v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(raw), nil
		}
		out := []byte{'['}
		for i := range v.Len() {
			if i > 0 {
				out = append(out, ',')
			}
			e, err := oldValue(v.Index(i))
			if err != nil {
				return v, err
			}
			b, err := json.Marshal(e.Interface())
			if err != nil {
				return v, err
			}
			out = append(out, b...)
		}
		return reflect.ValueOf(json.RawMessage(append(out, ']'))), nil
	}
	b, err := oldModel(v)
	return reflect.ValueOf(json.RawMessage(b)), err
}

// oldModel is what a model's MarshalJSON returned before it had a generated encoder.
func oldModel(v reflect.Value) ([]byte, error) {
	t := v.Type()
	if d := v.FieldByName("Derived"); d.IsValid() && !d.IsNil() {
		return oldDerived(v, d.Elem())
	}
	var fields []reflect.StructField
	var vals []reflect.Value
	extra := map[string]json.RawMessage{}
	for k, x := range v.FieldByName("AdditionalData").Interface().(map[string]json.RawMessage) {
		extra[k] = x
	}
	nulls := v.FieldByName("Nulls").Interface().(interface{ Has(int) bool })
	index := 0
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "" || tag == "-" {
			continue
		}
		if nulls.Has(index) {
			extra[strings.Split(tag, ",")[0]] = json.RawMessage("null")
		}
		index++
		fv, err := oldValue(v.Field(i))
		if err != nil {
			return nil, err
		}
		f.Type = fv.Type()
		f.Index, f.Offset = nil, 0
		fields = append(fields, f)
		vals = append(vals, fv)
	}
	plain := reflect.New(reflect.StructOf(fields)).Elem()
	for i, fv := range vals {
		plain.Field(i).Set(fv)
	}
	return oldMarshalObject(plain.Interface(), extra)
}

// oldMarshalObject is the runtime's MarshalObject, as the old MarshalJSON called it.
func oldMarshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	var have map[string]json.RawMessage
	if err := json.Unmarshal(b, &have); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if _, set := have[k]; !set {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	out := bytes.NewBuffer(make([]byte, 0, len(b)+64*len(keys)))
	out.Write(b[:len(b)-1])
	first := len(b) == 2
	for _, k := range keys {
		if !first {
			out.WriteByte(',')
		}
		first = false
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		out.Write(kb)
		out.WriteByte(':')
		if len(extra[k]) == 0 {
			out.WriteString("null")
		} else {
			out.Write(extra[k])
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// oldDerived is the runtime's MarshalDerived for base's Derived value d (a pointer to a
// model), as the old MarshalJSON called it: the derived type's @odata.type, when needed,
// is the one the new encoder writes for a zero value of d's type.
func oldDerived(base, d reflect.Value) ([]byte, error) {
	own, err := oldModel(d.Elem())
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(json.RawMessage(own))
	if err != nil {
		return nil, err
	}
	if ot := d.Elem().FieldByName("ODataType"); !ot.IsNil() && ot.Elem().String() != "" {
		return b, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	if _, ok := top["@odata.type"]; ok {
		return b, nil
	}
	probe := reflect.New(base.Type()).Elem()
	probe.FieldByName("Derived").Set(reflect.New(d.Elem().Type()))
	pb, err := json.Marshal(probe.Interface())
	if err != nil {
		return nil, err
	}
	var named struct {
		Type string `json:"@odata.type"`
	}
	if err := json.Unmarshal(pb, &named); err != nil || named.Type == "" {
		return nil, fmt.Errorf("no @odata.type for %s in %s", d.Elem().Type(), pb)
	}
	nb, _ := json.Marshal(named.Type)
	out := append([]byte(`{"@odata.type":`), nb...)
	if len(top) > 0 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// withoutNulls is the JSON b with every object member whose value is null left out,
// compacted, member order kept: what an old and a new encoding have in common when the
// only difference is where the documented nulls go.
func withoutNulls(b []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out bytes.Buffer
	var walk func() error
	walk = func() error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{':
				out.WriteByte('{')
				n := 0
				for dec.More() {
					k, err := dec.Token()
					if err != nil {
						return err
					}
					var val json.RawMessage
					if err := dec.Decode(&val); err != nil {
						return err
					}
					if string(val) == "null" {
						continue
					}
					if n > 0 {
						out.WriteByte(',')
					}
					n++
					kb, _ := json.Marshal(k)
					out.Write(kb)
					out.WriteByte(':')
					sub, err := withoutNulls(val)
					if err != nil {
						return err
					}
					out.Write(sub)
				}
				if _, err := dec.Token(); err != nil {
					return err
				}
				out.WriteByte('}')
			case '[':
				out.WriteByte('[')
				for i := 0; dec.More(); i++ {
					if i > 0 {
						out.WriteByte(',')
					}
					if err := walk(); err != nil {
						return err
					}
				}
				if _, err := dec.Token(); err != nil {
					return err
				}
				out.WriteByte(']')
			}
		default:
			eb, err := json.Marshal(tok)
			if err != nil {
				return err
			}
			out.Write(eb)
		}
		return nil
	}
	if err := walk(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sameEncoding compares a new encoding with the old one: "exact" when they are the same
// bytes, "nulls" when they differ only in where null members go, else "" and why.
func sameEncoding(newb, oldb []byte) (string, string) {
	if bytes.Equal(newb, oldb) {
		return "exact", ""
	}
	var nv, ov any
	if json.Unmarshal(newb, &nv) != nil || json.Unmarshal(oldb, &ov) != nil || !reflect.DeepEqual(nv, ov) {
		return "", fmt.Sprintf("new %s\nold %s", newb, oldb)
	}
	nn, err1 := withoutNulls(newb)
	on, err2 := withoutNulls(oldb)
	if err1 != nil || err2 != nil || !bytes.Equal(nn, on) {
		return "", fmt.Sprintf("new %s\nold %s", newb, oldb)
	}
	return "nulls", ""
}
