package graphdocgen_test

import (
	"encoding/json"
	"slices"
	"strings"
)

// Repairs of docs examples (issue 10, item 6). Where an example contradicts its page in a
// way that has one exact repair, the suite checks the repaired example instead of giving
// up on it, and counts it apart. The repairs never guess a value: they drop comments,
// "..." elisions and trailing commas, put back a comma between two members on their own
// lines, take the one object out of {"value": {...}} for a method that returns one
// object, and give a placeholder that names an Edm type and cannot be a value
// ("datetime-value", "String (timestamp)") a value of that type: a strict decode succeeds or fails alike
// for every value of a type, so which one does not matter. Anything else, a placeholder
// that names a property ("displayName-value") among them, stays a docs miss.

// The repairs, as the report names them.
const (
	repairComment      = "comment removed"
	repairEllipsis     = "\"...\" elision removed"
	repairTrailing     = "trailing comma removed"
	repairMissingComma = "missing comma put back"
	repairUnwrapValue  = "one object taken out of {\"value\": {...}}"
	repairTypedHolder  = "placeholder naming an Edm type given a value of it"
)

// typedHolders maps a placeholder that names an Edm type, in lower case, to a JSON value
// of that type. Only forms that cannot be a value are here: a bare type name can
// ("type": "Integer" is a schema extension property's type, a string), so "Date",
// "Boolean" and "Int32" stay docs misses.
var typedHolders = map[string]string{
	"datetime-value":       `"2000-01-01T00:00:00Z"`,
	"datetimeoffset-value": `"2000-01-01T00:00:00Z"`,
	"string (timestamp)":   `"2000-01-01T00:00:00Z"`,
	"date-value":           `"2000-01-01"`,
	"timeofday-value":      `"00:00:00"`,
	"duration-value":       `"PT0S"`,
	"boolean-value":        "true",
	"int32-value":          "0",
	"int64-value":          "0",
	"double-value":         "0",
	"guid-value":           `"00000000-0000-0000-0000-000000000000"`,
}

// fillTypedHolders returns s, a valid JSON text, with every string value that only names
// an Edm type (see typedHolders) replaced by a value of that type; ok is false when s
// holds none. Member names are left alone.
func fillTypedHolders(s string) (string, bool) {
	if !json.Valid([]byte(s)) {
		return "", false
	}
	toks, _, ok := tokenizeJSONish(s)
	if !ok {
		return "", false
	}
	did := false
	var b strings.Builder
	for i, t := range toks {
		if t.kind == '"' && (i+1 == len(toks) || toks[i+1].kind != ':') {
			var v string
			if json.Unmarshal([]byte(t.text), &v) == nil {
				if value, ok := typedHolders[strings.ToLower(strings.TrimSpace(v))]; ok {
					b.WriteString(value)
					did = true
					continue
				}
			}
		}
		b.WriteString(t.text)
	}
	if !did {
		return "", false
	}
	return b.String(), true
}

// jsonToken is one token of a JSON-like text: a string (with its quotes), a bare word
// (number, true, false, null, or an elision), or one of {}[],:.
type jsonToken struct {
	text string
	kind byte // '"' string, 'w' bare word, or the punctuation itself
}

// tokenizeJSONish splits a JSON-like text into tokens, dropping whitespace and comments
// (// to the end of the line, /* ... */). It reports whether it dropped a comment; ok is
// false on a text it cannot read (an unterminated string or comment, a stray character).
func tokenizeJSONish(s string) (toks []jsonToken, comment, ok bool) {
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			i++
		case ch == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				if j < len(s) && s[j] == '\n' {
					return nil, false, false
				}
				j++
			}
			if j >= len(s) {
				return nil, false, false
			}
			toks = append(toks, jsonToken{s[i : j+1], '"'})
			i = j + 1
		case strings.HasPrefix(s[i:], "//"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			comment = true
			i += j
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return nil, false, false
			}
			comment = true
			i += j + 4
		case strings.IndexByte("{}[],:", ch) >= 0:
			toks = append(toks, jsonToken{string(ch), ch})
			i++
		default:
			j := i
			for j < len(s) && strings.IndexByte(" \t\r\n{}[],:\"", s[j]) < 0 && !strings.HasPrefix(s[j:], "//") {
				j++
			}
			if j == i {
				return nil, false, false
			}
			toks = append(toks, jsonToken{s[i:j], 'w'})
			i = j
		}
	}
	return toks, comment, true
}

// isElision reports whether a bare word is the docs' "more of the same here".
func isElision(w string) bool {
	return w == "..." || w == "…" || w == "...." || w == "…." || w == "......"
}

// isJSONWord reports whether a bare word is a JSON number or literal.
func isJSONWord(w string) bool {
	if w == "true" || w == "false" || w == "null" {
		return true
	}
	var n json.Number
	return json.Unmarshal([]byte(w), &n) == nil
}

// repairJSON returns an exact repair of an invalid JSON example and the repairs made; ok
// is false when the text is valid already, or when no repair of the kinds above makes it
// valid (a bare word that is not JSON, an unbalanced bracket, single quotes, ...).
func repairJSON(s string) (string, []string, bool) {
	if strings.TrimSpace(s) == "" || json.Valid([]byte(s)) {
		return "", nil, false
	}
	toks, comment, ok := tokenizeJSONish(s)
	if !ok || len(toks) == 0 {
		return "", nil, false
	}
	var did []string
	note := func(r string) {
		if !slices.Contains(did, r) {
			did = append(did, r)
		}
	}
	if comment {
		note(repairComment)
	}
	for _, t := range toks {
		if t.kind == 'w' && !isElision(t.text) && !isJSONWord(t.text) {
			return "", nil, false
		}
	}
	// One pass: drop elisions (an element "...", a member "key": ..., and the commas
	// around them), drop a comma before a closing bracket, and put one back between a
	// value's end and the next value or member.
	var out []jsonToken
	comma, elided := 0, false // commas and elisions seen since the last token written
	last := func() byte {
		if len(out) == 0 {
			return 0
		}
		return out[len(out)-1].kind
	}
	for _, t := range toks {
		switch {
		case t.kind == 'w' && isElision(t.text):
			note(repairEllipsis)
			if n := len(out); n >= 2 && out[n-1].kind == ':' && out[n-2].kind == '"' {
				out = out[:n-2] // the elided member's key and colon
				if last() == ',' {
					out = out[:len(out)-1]
				}
			}
			elided = true
			continue
		case t.kind == ',':
			comma++
			continue
		}
		l := last()
		needSep := (l == '"' || l == 'w' || l == '}' || l == ']') && (t.kind == '"' || t.kind == 'w' || t.kind == '{' || t.kind == '[')
		switch {
		case needSep:
			if comma > 1 && !elided {
				return "", nil, false
			}
			if comma == 0 && !elided {
				note(repairMissingComma)
			}
			out = append(out, jsonToken{",", ','})
		case comma > 0:
			// a comma where none belongs: before a closing bracket, after an opening one
			// or a colon
			if l == ':' || l == 0 {
				return "", nil, false
			}
			if !elided {
				if comma > 1 || (t.kind != '}' && t.kind != ']') {
					return "", nil, false
				}
				note(repairTrailing)
			}
		}
		out = append(out, t)
		comma, elided = 0, false
	}
	if comma > 0 {
		return "", nil, false
	}
	var b strings.Builder
	for _, t := range out {
		b.WriteString(t.text)
	}
	fixed := b.String()
	if len(did) == 0 || !json.Valid([]byte(fixed)) {
		return "", nil, false
	}
	return fixed, did, true
}

// unwrapValue returns the one object of a response written {"value": {...}} (annotations
// aside), for a method that returns one object of a type without a value property; ok is
// false for anything else.
func unwrapValue(body string, hasValueProperty bool) (string, bool) {
	if hasValueProperty {
		return "", false
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &obj) != nil {
		return "", false
	}
	var inner json.RawMessage
	for k, v := range obj {
		switch {
		case k == "value":
			inner = v
		case strings.Contains(k, "@"):
		default:
			return "", false
		}
	}
	var one map[string]json.RawMessage
	if inner == nil || json.Unmarshal(inner, &one) != nil {
		return "", false
	}
	return string(inner), true
}
