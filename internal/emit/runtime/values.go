package graphrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Ptr returns a pointer to v: the way to set an optional field, including to false or 0.
func Ptr[T any](v T) *T { return &v }

// ValueOf is the envelope Graph wraps primitive results in: {"value": ...}.
type ValueOf[T any] struct {
	Value T `json:"value"`
}

// PathValue formats a path or function argument, escaped for a path segment: an ID
// holding "/", "?" or "#" stays inside its segment.
func PathValue(v any, quoted bool) string {
	if z, ok := v.(interface{ IsZero() bool }); ok && z.IsZero() {
		// An Edm value left unset (a DateTimeOffset argument the call may omit) is OData's
		// null literal: getAllTranscripts(...,startDateTime=null), where an empty value
		// would not parse.
		return "null"
	}
	return url.PathEscape(formatValue(v, quoted))
}

// PathSegments escapes a path value (a drive item's folder/file.txt) segment by segment,
// keeping its slashes; leading and trailing slashes are dropped.
func PathSegments(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// QueryValue formats a query parameter's value (url.Values escapes it).
func QueryValue(v any, quoted bool) string {
	return formatValue(v, quoted)
}

// formatValue writes a value as an OData URL literal: as is, or as a string literal
// ('it”s', quotes doubled) when quoted is true. Raw JSON is written as JSON: a JSON
// string as its text (quoted as above), any other value as it is; a collection is a JSON
// array (["a","b"]), never quoted.
func formatValue(v any, quoted bool) string {
	var s string
	switch v := v.(type) {
	case json.RawMessage:
		return formatJSON(v, quoted)
	case string:
		s = v
	case bool:
		s = strconv.FormatBool(v)
	case int:
		s = strconv.Itoa(v)
	case int8:
		s = strconv.FormatInt(int64(v), 10)
	case int16:
		s = strconv.FormatInt(int64(v), 10)
	case int32:
		s = strconv.FormatInt(int64(v), 10)
	case int64:
		s = strconv.FormatInt(v, 10)
	case uint8:
		s = strconv.FormatUint(uint64(v), 10)
	case float32:
		s = formatFloat(float64(v), 32)
	case float64:
		s = formatFloat(v, 64)
	case time.Time:
		s = v.Format(time.RFC3339Nano)
	case fmt.Stringer:
		s = v.String()
	default:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
			b, err := json.Marshal(v)
			if err == nil {
				return string(b)
			}
		}
		s = fmt.Sprint(v)
	}
	if quoted {
		s = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

// formatJSON writes raw JSON as an OData URL literal: a JSON string as its text, quoted
// when quoted is true; a number, true or false as it is, quoted likewise; null, an object
// or an array as it is. Text that is not JSON is taken as the value's text.
func formatJSON(raw json.RawMessage, quoted bool) string {
	t := bytes.TrimSpace(raw)
	var s string
	switch {
	case len(t) == 0:
		s = ""
	case t[0] == '"':
		if err := json.Unmarshal(t, &s); err != nil {
			s = string(t)
		}
	case t[0] == '{' || t[0] == '[' || string(t) == "null":
		return string(t)
	default:
		s = string(t)
	}
	return formatValue(s, quoted)
}

// formatFloat writes a float as an OData literal: INF, -INF and NaN are spelled as OData
// spells them.
func formatFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, bits)
}

// checkPath refuses a path with an empty, "." or ".." segment. Literal segments never are,
// so such a segment comes from an argument (an empty ID, say), and sending it would
// address a different resource (GET /groups/ lists groups) or be rewritten by a proxy.
func checkPath(method, path string) error {
	n := 0
	for rest := path; rest != ""; n++ {
		seg, after, found := strings.Cut(rest, "/")
		if n > 0 && (seg == "" || seg == "." || seg == "..") {
			return fmt.Errorf("graph: %s %s: an argument makes path segment %d empty, \".\" or \"..\"", method, path, n)
		}
		if !found {
			break
		}
		if after == "" {
			return fmt.Errorf("graph: %s %s: an argument makes the last path segment empty", method, path)
		}
		rest = after
	}
	return nil
}
