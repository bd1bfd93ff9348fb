package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// simpleFrontMatter reads front matter that is only "key: value" lines (and blank or
// comment lines), each value a plain, single-quoted or double-quoted scalar that YAML
// reads as a string without escapes: what nearly every page has. ok is false for anything
// else (a list, a block scalar, an escape, a repeated key, a value YAML would read as a
// number, a boolean or null, ...), and the caller then asks the YAML parser, which is
// about ten times slower on these few lines. A key with an empty value maps to "", as
// the caller reads YAML's null.
func simpleFrontMatter(src []byte) (fm map[string]string, ok bool) {
	if !plainText(src) {
		return nil, false
	}
	fm = map[string]string{}
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if t := bytes.TrimRight(line, " "); len(t) == 0 || t[0] == '#' {
			continue
		}
		colon := bytes.IndexByte(line, ':')
		if colon <= 0 || !isKey(line[:colon]) || colon+1 < len(line) && line[colon+1] != ' ' {
			return nil, false
		}
		key := string(line[:colon])
		if _, dup := fm[key]; dup {
			return nil, false // YAML refuses a repeated key
		}
		v, ok := simpleScalar(strings.Trim(string(line[colon+1:]), " "))
		if !ok {
			return nil, false
		}
		fm[key] = v
	}
	return fm, true
}

// isKey reports whether k is a plain key: letters, digits, '_', '.' and '-', starting
// with a letter.
func isKey(k []byte) bool {
	for i, c := range k {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'):
		default:
			return false
		}
	}
	return len(k) > 0
}

// simpleScalar reads one value: "" (null), 'text' or "text" without quotes or escapes
// inside, or a plain scalar that is surely a string.
func simpleScalar(v string) (string, bool) {
	switch {
	case v == "":
		return "", true
	case len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"':
		in := v[1 : len(v)-1]
		return in, !strings.ContainsAny(in, "\"\\")
	case len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'':
		in := v[1 : len(v)-1]
		return in, !strings.Contains(in, "'")
	case strings.ContainsAny(v[:1], "-?:,[]{}#&*!|>'\"%@`+.0123456789~"):
		return "", false // an indicator, or what may be a number or null
	case strings.Contains(v, "#") || strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.ContainsAny(v, "\t\"'\\"):
		return "", false
	}
	switch strings.ToLower(v) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return "", false
	}
	return v, true
}

// plainText reports whether src is valid UTF-8 without the characters YAML treats
// specially or refuses: control characters (tab and a CR outside CRLF included), C1
// controls, byte-order marks,
// U+FFFE and U+FFFF, and the Unicode line and paragraph separators.
func plainText(src []byte) bool {
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		switch {
		case r == '\n':
		case r == '\r':
			if len(src) < 2 || src[1] != '\n' {
				return false // a lone CR breaks a line for YAML, not here
			}
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return false
		case r == utf8.RuneError && n == 1, r == 0xfeff, r == 0xfffe, r == 0xffff, r == 0x2028, r == 0x2029:
			return false
		}
		src = src[n:]
	}
	return true
}
