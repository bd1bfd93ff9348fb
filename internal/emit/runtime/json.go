package graphrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// DecodeObject decodes the JSON object b into into (a struct without methods) and returns
// the documented properties that are null (a pointer field cannot tell null from absent)
// and the members it must keep aside: those whose names index does not recognise (index
// gives a documented name's field index, -1 for others). Only exactly documented names
// reach into, since encoding/json would otherwise match "DISPLAYNAME" to DisplayName.
//
// The usual object, all of whose names are documented and none null, is decoded once,
// with no extra pass. An object whose only other members are documented nulls and
// instance annotations (@odata.context, @odata.etag, members@odata.nextLink: names with
// "@odata." in them) is decoded once as well, the members kept aside copied out of b in
// one scan. Only an object with an undocumented property takes the slow path (a map
// decode, an encode of the documented members and a second decode).
//
// A documented json.RawMessage property sent as null is decoded by encoding/json as the
// bytes null: the generated UnmarshalJSON sets it back to nil, since the null is recorded
// in Nulls.
func DecodeObject(b []byte, index func([]byte) int, into any) (Nulls, map[string]json.RawMessage, error) {
	extra, err := decodeObject(b, func(name []byte) bool { return index(name) >= 0 }, into)
	if err != nil || extra == nil {
		return Nulls{}, nil, err
	}
	nulls, extra := TakeNulls(extra, index)
	return nulls, extra, nil
}

// decodeObject is DecodeObject, the documented nulls left in the map it returns.
func decodeObject(b []byte, known func([]byte) bool, into any) (map[string]json.RawMessage, error) {
	if !needsExtra(b, known) {
		return nil, json.Unmarshal(b, into)
	}
	if extra, ok := keptAside(b, known); ok {
		if err := json.Unmarshal(b, into); err != nil {
			return nil, err
		}
		return extra, nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	var extra map[string]json.RawMessage
	kept := make(map[string]json.RawMessage, len(all))
	for k, v := range all {
		if known([]byte(k)) && string(v) != "null" {
			kept[k] = v
			continue
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[k] = v
	}
	doc, err := json.Marshal(kept)
	if err != nil {
		return nil, err
	}
	return extra, json.Unmarshal(doc, into)
}

// maxKept bounds the members keptAside handles in one scan; an object with more takes
// the slow path.
const maxKept = 64

// keptAside scans the members of the JSON object b and, when every member is either
// documented and not null, documented and null, or an instance annotation (a name with
// "@odata." in it: the only documented name with one is @odata.type, which must match
// exactly), returns the null and annotation
// members, copied, and true. It returns false for anything else (an undocumented
// property, a name with an escape, a repeated name, malformed input), which the slow path
// then reads. The names and values kept share two allocations.
func keptAside(b []byte, known func([]byte) bool) (map[string]json.RawMessage, bool) {
	type span struct{ name, val [2]int }
	var spans [maxKept]span
	n, nameLen, valLen := 0, 0, 0
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return nil, false
		}
		if b[i] == '}' {
			break
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '"' {
			return nil, false
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' || b[end] < 0x20 || b[end] >= 0x80 {
				return nil, false // an escaped or non-ASCII name: let the slow path read it
			}
			end++
		}
		if end >= len(b) {
			return nil, false
		}
		name := b[i+1 : end]
		isKnown := known(name)
		if !isKnown && (!bytes.Contains(name, []byte("@odata.")) || bytes.EqualFold(name, []byte("@odata.type"))) {
			return nil, false // encoding/json would fold "@odata.Type" into ODataType
		}
		i = skipSpace(b, end+1)
		if i >= len(b) || b[i] != ':' {
			return nil, false
		}
		i = skipSpace(b, i+1)
		start := i
		i = skipValue(b, i)
		if i > len(b) || i <= start {
			return nil, false
		}
		val := bytes.TrimRight(b[start:i], " \t\r\n")
		if isKnown && string(val) != "null" {
			continue
		}
		if n == maxKept {
			return nil, false
		}
		for _, s := range spans[:n] {
			if string(b[s.name[0]:s.name[1]]) == string(name) {
				return nil, false // a repeated name: the slow path keeps the last, as encoding/json does
			}
		}
		spans[n] = span{name: [2]int{end - len(name), end}, val: [2]int{start, start + len(val)}}
		n++
		nameLen += len(name)
		valLen += len(val)
	}
	if n == 0 {
		return nil, true
	}
	names := make([]byte, 0, nameLen)
	for _, s := range spans[:n] {
		names = append(names, b[s.name[0]:s.name[1]]...)
	}
	all := string(names)
	vals := make([]byte, 0, valLen)
	extra := make(map[string]json.RawMessage, n)
	off := 0
	for _, s := range spans[:n] {
		k := all[off : off+s.name[1]-s.name[0]]
		off += len(k)
		from := len(vals)
		vals = append(vals, b[s.val[0]:s.val[1]]...)
		extra[k] = vals[from:len(vals):len(vals)]
	}
	return extra, true
}

// needsExtra scans the members of the JSON object b, which json.Unmarshal has already
// accepted, and reports whether one has a name known does not recognise, a name with an
// escape, or a null value: whether DecodeObject has anything to keep aside. It does not
// allocate.
func needsExtra(b []byte, known func([]byte) bool) bool {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return true
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) || b[i] == '}' {
			return false
		}
		if b[i] == ',' {
			i++
			continue
		}
		if b[i] != '"' {
			return true
		}
		end := i + 1
		for end < len(b) && b[end] != '"' {
			if b[end] == '\\' {
				return true // an escaped name: let the slow path read it
			}
			end++
		}
		if end >= len(b) || !known(b[i+1:end]) {
			return true
		}
		i = skipSpace(b, end+1)
		if i >= len(b) || b[i] != ':' {
			return true
		}
		i = skipSpace(b, i+1)
		if i+4 <= len(b) && string(b[i:i+4]) == "null" {
			return true
		}
		i = skipValue(b, i)
	}
}

// skipSpace returns the index of the first byte at or after i that is not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index just after the JSON value that starts at i.
func skipValue(b []byte, i int) int {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			i++
			for i < len(b) && b[i] != '"' {
				if b[i] == '\\' {
					i++
				}
				i++
			}
			i++
			if depth == 0 {
				return i
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
}

// MarshalDerived encodes v, a value of a derived type sent where its base type is
// expected, with "@odata.type": name first when the caller left it out (odataType is v's
// ODataType), so that the service knows which type it receives.
func MarshalDerived(v any, odataType *string, name string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || odataType != nil && *odataType != "" {
		return b, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, err
	}
	if _, ok := top["@odata.type"]; ok {
		return b, nil
	}
	nb, err := json.Marshal(name)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+len(nb)+16)
	out = append(out, `{"@odata.type":`...)
	out = append(out, nb...)
	if len(top) > 0 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

// MarshalObject encodes v, a struct without methods whose encoding is a JSON object, and
// appends the members of extra that it does not already hold, in name order.
func MarshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
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
	first := len(b) == 2 // {}
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

// MarshalBody encodes a request body struct v (a struct without methods) with the members
// of extra that it does not already hold, each encoded as JSON, in name order: the
// documented fields win over a member of the same name.
func MarshalBody(v any, extra map[string]any) ([]byte, error) {
	if len(extra) == 0 {
		return json.Marshal(v)
	}
	raw := make(map[string]json.RawMessage, len(extra))
	for k, x := range extra {
		b, err := json.Marshal(x)
		if err != nil {
			return nil, fmt.Errorf("graph: AdditionalData[%q]: %w", k, err)
		}
		raw[k] = b
	}
	return MarshalObject(v, raw)
}

// DecodeBody is DecodeObject for a request body struct: the members it keeps aside are
// returned as json.RawMessage values, which MarshalBody writes back as they were.
func DecodeBody(b []byte, known func([]byte) bool, into any) (map[string]any, error) {
	extra, err := decodeObject(b, known, into)
	if err != nil || extra == nil {
		return nil, err
	}
	out := make(map[string]any, len(extra))
	for k, x := range extra {
		out[k] = x
	}
	return out, nil
}

// ODataTypeOf is the type an @odata.type annotation names, lower-cased, without its "#";
// "" for nil. Graph's types are in microsoft.graph and its sub-namespaces
// (microsoft.graph.callRecords); a name in any other namespace, or in none, is the
// microsoft.graph type of its last segment: some responses still write a service's own
// namespace (#Microsoft.OutlookServices.ItemAttachment,
// #microsoft.education.assignments.api.educationLinkResource), and examples write the bare
// name (educationLinkResource).
func ODataTypeOf(s *string) string {
	if s == nil {
		return ""
	}
	t := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(*s, "#")))
	if t == "" || strings.HasPrefix(t, "microsoft.graph.") {
		return t
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return "microsoft.graph." + t
}

// MarshalRaw writes a placeholder type's kept JSON back out (null when there is none).
// Placeholder types keep a resource's JSON object exactly as it arrived until their
// properties are typed.
func MarshalRaw(raw json.RawMessage) ([]byte, error) {
	if len(raw) == 0 {
		return []byte("null"), nil
	}
	return raw, nil
}

// UnmarshalRaw copies b, since the decoder reuses its buffer.
func UnmarshalRaw(dst *json.RawMessage, b []byte) error {
	if !json.Valid(b) { // b may come unchecked from an ObjectDecoder (see its span)
		var x json.RawMessage
		return json.Unmarshal(b, &x)
	}
	*dst = append((*dst)[:0], b...)
	return nil
}
