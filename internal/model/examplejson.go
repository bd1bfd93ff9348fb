package model

import (
	"encoding/json"
	"strings"
)

// Reading the JSON of the docs' examples: their values' kinds, their members' names,
// and the trailing commas hand-written examples leave.

// jsonKind names the kind of a JSON value: "" for null and for what settles nothing (an
// empty or mixed collection); for a string, also the string; for an object, also its
// @odata.type ("" when it has none).
func jsonKind(raw json.RawMessage) (kind, s, odataType string) {
	text := strings.TrimSpace(string(raw))
	switch {
	case text == "" || text == "null":
		return "", "", ""
	case text == "true" || text == "false":
		return "bool", "", ""
	case text[0] == '"':
		if json.Unmarshal(raw, &s) != nil {
			return "", "", ""
		}
		return "string", s, ""
	case text[0] == '{':
		var obj struct {
			Type string `json:"@odata.type"`
		}
		if json.Unmarshal(raw, &obj) != nil {
			return "", "", ""
		}
		return "object", "", obj.Type
	case text[0] == '[':
		var elems []string
		if json.Unmarshal(raw, &elems) != nil || len(elems) == 0 {
			return "", "", ""
		}
		return "strings", "", ""
	}
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		return "", "", ""
	}
	if _, err := n.Int64(); err == nil {
		return "int", "", ""
	}
	return "number", "", ""
}

// memberName reports whether an example key can be a member the docs forgot: an
// identifier in Graph's camelCase, not an annotation (@odata.type, manager@odata.bind).
// A key that starts in upper case (feedbackTokenSet's "DistortedSound") is an open
// type's own, not a documented member's.
func memberName(k string) bool {
	if k == "" || strings.Contains(k, "@") || k[0] >= 'A' && k[0] <= 'Z' || strings.HasPrefix(k, "extension_") {
		return false // extension_{appId}_name: a directory extension, the tenant's own
	}
	for i, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// misspells reports whether name is one edit (a letter added, dropped, changed or two
// swapped) from a documented name of six letters or more: a typo, not another member.
func misspells(name string, documented map[string]string) bool {
	a := strings.ToLower(name)
	for d := range documented {
		if len(d) >= 6 && oneEdit(a, d) {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by exactly one edit.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) < len(b): // one letter more in b
		return a[i:] == b[i+1:]
	case i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i]: // two swapped
		return a[i+2:] == b[i+2:]
	default: // one changed
		return a[i+1:] == b[i+1:]
	}
}

// jsonObject parses text as one JSON object, also with the trailing commas hand-written
// examples leave before a closing brace or bracket (application-post-calls.md).
func jsonObject(text string) (map[string]json.RawMessage, bool) {
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(text), &obj) != nil {
		obj = nil
		if json.Unmarshal([]byte(withoutTrailingCommas(text)), &obj) != nil {
			return nil, false
		}
	}
	return obj, obj != nil
}

// withoutTrailingCommas drops each comma that only white space separates from a closing
// brace or bracket, outside strings.
func withoutTrailingCommas(text string) string {
	var b strings.Builder
	inString, escaped := false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			if c == '"' && !escaped {
				inString = false
			}
			escaped = !escaped && c == '\\'

		case c == '"':
			inString = true
		case c == ',':
			j := i + 1
			for j < len(text) && strings.IndexByte(" \t\r\n", text[j]) >= 0 {
				j++
			}
			if j < len(text) && (text[j] == '}' || text[j] == ']') {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}
