package parse

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// jsonRepresentation compares the JSON representation's top-level keys with the table
// rows: keys the tables miss become properties of their own (typed from the placeholder
// value), rows the JSON misses are reported.
func (st *state) jsonRepresentation(t *model.ResourceType, tables []resTable) {
	rf := st.jsonFence(t)
	if rf == nil {
		return
	}
	lines, pos := st.fenceLines(rf.f)
	if len(lines) == 0 {
		return
	}
	text := strings.Join(lines, "\n")
	keys, err := jsonKeys(text)
	if err != nil {
		st.ds.Addf(pos[0], model.Warning, "json-representation-invalid",
			"the JSON representation is not JSON even read leniently (%v); its properties are not compared with the tables", err)
		return
	}
	offs := keyOffsets(text)
	starts := make([]int, len(lines)) // where each line of text starts
	for i := 1; i < len(lines); i++ {
		starts[i] = starts[i-1] + len(lines[i-1]) + 1
	}
	keyPos := func(k string) model.Pos {
		o, ok := offs[k]
		if !ok {
			return pos[0]
		}
		// A search, not a count of the newlines before o: that is quadratic in a JSON
		// representation of many keys the tables do not have.
		line, _ := slices.BinarySearch(starts, o+1)
		line--
		p := pos[line]
		p.Col += o - starts[line]
		return p
	}
	// Names match exactly; a row and a key that differ only in case match too, unless
	// each spelling has its own row or key.
	rows, foldRow := map[string]bool{}, map[string]string{}
	for _, p := range t.Properties {
		rows[p.Name] = true
		if _, ok := foldRow[strings.ToLower(p.Name)]; !ok {
			foldRow[strings.ToLower(p.Name)] = p.Name
		}
	}
	jsonKey := map[string]bool{}
	for _, kv := range keys {
		jsonKey[kv.key] = true
	}
	matched := map[string]bool{} // rows the JSON has
	only := make([]model.Property, 0, len(keys))
	var examples []string // keys that show what a sender may send, not properties
	for _, kv := range keys {
		if strings.HasPrefix(kv.key, "@") || strings.Contains(kv.key, "@odata.") || badRune(kv.key) && st.badName("JSON representation property", kv.key, keyPos(kv.key)) {
			continue
		}
		if rows[kv.key] {
			matched[kv.key] = true
			st.representationKind(t, kv.key, kv.val, keyPos(kv.key))
			if v := bytes.TrimSpace(kv.val); len(v) > 0 && v[0] == '"' {
				for i := range t.Properties {
					if pr := &t.Properties[i]; pr.Name == kv.key && pr.Type.Kind == model.KindPrimitive && pr.Type.Collection {
						pr.JSONScalar = true
					}
				}
			}
			continue
		}
		if r, ok := foldRow[strings.ToLower(kv.key)]; ok && !jsonKey[r] && !matched[r] {
			matched[r] = true
			if camel(kv.key) && !camel(r) {
				// | DateTime | String | beside "dateTime": "string" (dateTimeTimeZone): the
				// representation writes the name the service sends, as Graph spells names.
				for i := range t.Properties {
					if t.Properties[i].Name == r {
						st.ds.Addf(t.Properties[i].Pos, model.Warning, "property-name-case",
							"property %s is written %s in the JSON representation: the wire name is %s", r, kv.key, kv.key)
						t.Properties[i].Name = kv.key
					}
				}
				matched[kv.key] = true
			}
			continue
		}
		if !propertyKey.MatchString(kv.key) || len(digitRuns.FindAllStringIndex(kv.key, 3)) == 3 || t.Open && unicode.IsUpper(rune(kv.key[0])) {
			// plannerUserIds' "String-value", plannerAssignments' user IDs and the plan IDs
			// of plannerRecentPlanReferenceCollection (jd8S5gOaFk2S8aWCIAJz42QAAxtD: digits
			// in three places, where a name has them in one or two, as in check32BitOn64System)
			// stand for keys the sender chooses, and so do an open type's capitalized names, where
			// Graph's own are camelCase: fieldValueSet's "Quantity": 350 shows one list's
			// columns. None is a property (a typed field would make a list whose Quantity
			// is 3.5 fail to decode); they stay in AdditionalData. An open type's camelCase
			// key is taken as a property (group's isAssignableRole).
			examples = append(examples, kv.key)
			continue
		}
		p := model.Property{Name: kv.key, FromJSON: true, Pos: keyPos(kv.key)}
		p.Type = placeholderType(kv.val, t.Namespace)
		p.Type.Pos = p.Pos
		only = append(only, p)
	}
	if len(examples) > 0 {
		why := "names no property can have"
		if t.Open {
			why = "shows members of an open type, which the sender chooses"
		}
		st.ds.Addf(keyPos(examples[0]), model.Warning, "representation-key-example",
			"the JSON representation %s (%s): no field is made of them, a value arrives in AdditionalData", why, strings.Join(examples, ", "))
	}
	if len(tables) == 0 && len(only) > 0 {
		st.ds.Addf(pos[0], model.Warning, "property-only-in-json",
			"the page has no Properties table; the %d properties of the JSON representation are typed from its placeholder values", len(only))
	}
	// A property only the JSON shows beside a table is reported by the model, which knows
	// whether a type this one derives from lists it (model.propertiesOnlyInJSON).
	st.dropForeignTables(t, tables, matched)
	for _, p := range t.Properties {
		if !p.Navigation && !matched[p.Name] {
			st.ds.Addf(p.Pos, model.Warning, "property-not-in-json", "property %s is not in the JSON representation", p.Name)
		}
	}
	t.Properties = append(t.Properties, only...)
}

// representationKind settles a property whose table row and JSON representation give
// values of different JSON kinds: textColumn's allowMultipleLines is "string" in the table
// and true in the representation (and in every example), riskyUserHistoryItem's
// initiatedBy "bool" in the table and "string" in the representation. The representation
// shows the value as the service sends it, so its kind wins, with a warning: a literal
// true or false or a number where the table gives a string type, or the placeholder
// "String" where it gives a Boolean or a number. Placeholder text of any other kind is
// not evidence enough.
func (st *state) representationKind(t *model.ResourceType, name string, val json.RawMessage, at model.Pos) {
	for i := range t.Properties {
		pr := &t.Properties[i]
		if pr.Name != name || pr.Type.Kind != model.KindPrimitive || pr.Type.Collection {
			continue
		}
		v := strings.TrimSpace(string(val))
		if v == "" {
			return
		}
		table := jsonKind(pr.Type.Primitive)
		var want model.TypeRef
		switch {
		case table == 's' && (v == "true" || v == "false" || v[0] == '-' || v[0] >= '0' && v[0] <= '9'):
			want = placeholderType(val, t.Namespace)
		case (table == 'b' || table == 'n') && v[0] == '"':
			var s string
			if json.Unmarshal(val, &s) != nil || !strings.EqualFold(s, "string") && !strings.HasPrefix(strings.ToLower(s), "string (") {
				return
			}
			want = placeholderType(val, t.Namespace)
		default:
			return
		}
		if want.Kind != model.KindPrimitive || jsonKind(want.Primitive) == table || jsonKind(want.Primitive) == 0 {
			return
		}
		st.ds.Addf(at, model.Warning, "property-type-from-json",
			"property %s is %s in its table but %s in the JSON representation: it is typed %s, as the representation shows the value", name, pr.Type, clip(v, 40), want)
		want.Pos = pr.Type.Pos
		pr.Type = want
		return
	}
}

// jsonKind is the kind of JSON value a primitive is sent as: 's' a string, 'b' true or
// false, 'n' a number; 0 for one that can be several (Decimal, Json, Stream).
func jsonKind(p model.Primitive) byte {
	switch p {
	case model.Boolean:
		return 'b'
	case model.Byte, model.SByte, model.Int16, model.Int32, model.Int64, model.Single, model.Double:
		return 'n'
	case model.String, model.Guid, model.Date, model.DateTimeOffset, model.TimeOfDay, model.Duration, model.Binary:
		return 's'
	}
	return 0
}

// jsonFence picks the JSON representation: the fence of the chosen resource annotation,
// else the first object-shaped fence under JSON representation.
func (st *state) jsonFence(t *model.ResourceType) *resFence {
	if _, i := st.resourceAnnotation(t.Name); i >= 0 {
		return &st.res.fences[i]
	}
	for i, rf := range st.res.fences {
		if rf.sec != secJSON || rf.ann != nil && rf.ann.BlockType != "" && rf.ann.BlockType != "resource" {
			continue
		}
		if lines, _ := st.fenceLines(rf.f); strings.HasPrefix(strings.TrimSpace(strings.Join(lines, "\n")), "{") {
			return &st.res.fences[i]
		}
	}
	return nil
}

var (
	oddSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2007", " ", "\u200b", "", "\ufeff", "")
	bareValue = regexp.MustCompile(`(:\s*)([A-Za-z_][\w.]*)(\s*[,}\]])`)
)

type keyValue struct {
	key string
	val json.RawMessage
}

// jsonKeys reads the top-level keys of a JSON object in order, with comments removed,
// strictly first and then leniently.
func jsonKeys(text string) ([]keyValue, error) {
	clean := stripComments(text)
	kvs, err := orderedObject(clean)
	if err == nil {
		return kvs, nil
	}
	lenient := lenientJSON(oddSpaces.Replace(clean))
	if kvs, err2 := orderedObject(lenient); err2 == nil {
		return kvs, nil
	}
	// "address": NAV.PostalAddress: a bare type name where a placeholder string belongs.
	quoted := bareValue.ReplaceAllStringFunc(lenient, func(m string) string {
		g := bareValue.FindStringSubmatch(m)
		if g[2] == "true" || g[2] == "false" || g[2] == "null" {
			return m
		}
		return g[1] + `"` + g[2] + `"` + g[3]
	})
	if kvs, err2 := orderedObject(quoted); err2 == nil {
		return kvs, nil
	}
	return nil, err
}

func orderedObject(s string) ([]keyValue, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("not an object")
	}
	var out []keyValue
	seen := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, keyValue{k, v})
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("text after the object")
	}
	return out, nil
}

// stripComments blanks // and /* */ comments outside strings, keeping offsets and lines.
func stripComments(s string) string {
	b := []byte(s)
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inStr:
			if c == '\\' {
				i++
			} else if c == '"' || c == '\n' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for ; i < len(b) && b[i] != '\n'; i++ {
				b[i] = ' '
			}
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for ; i < stop; i++ {
				if b[i] != '\n' {
					b[i] = ' '
				}
			}
			i--
		}
	}
	return string(b)
}

// keyOffsets finds where each top-level key of a JSON object is written (its first
// character, the opening quote), skipping strings and comments.
func keyOffsets(s string) map[string]int {
	s = stripComments(s)
	out := map[string]int{}
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' && s[j] != '\n' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if depth == 1 {
				rest := strings.TrimLeft(s[min(j+1, len(s)):], " \t\r\n")
				if strings.HasPrefix(rest, ":") {
					k := s[i+1 : min(j, len(s))]
					if _, ok := out[k]; !ok {
						out[k] = i
					}
				}
			}
			i = j
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case depth == 1 && (c == '_' || c == '@' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'):
			j := i
			for j < len(s) && (s[j] == '_' || s[j] == '@' || s[j] == '.' || s[j] >= '0' && s[j] <= '9' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				j++
			}
			if rest := strings.TrimLeft(s[j:], " \t\r\n"); strings.HasPrefix(rest, ":") {
				if _, ok := out[s[i:j]]; !ok {
					out[s[i:j]] = i
				}
			}
			i = j - 1
		}
	}
	return out
}

var placeholderParen = regexp.MustCompile(`^(.*?)\s*\(([^)]*)\)\s*$`)

// placeholderType infers a type from a JSON representation's placeholder value: "String",
// "String (timestamp)", true, 0, {"@odata.type": "microsoft.graph.x"}, ["String"].
func placeholderType(v json.RawMessage, ns string) model.TypeRef {
	raw := strings.TrimSpace(string(v))
	ref := model.TypeRef{Raw: clip(raw, 80)}
	switch {
	case raw == "" || raw == "null":
		ref.Kind = model.KindUnknown
	case raw == "true" || raw == "false":
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Boolean
	case raw[0] == '"':
		var s string
		_ = json.Unmarshal(v, &s)
		return placeholderString(s, ref, ns)
	case raw[0] == '{':
		var m map[string]any
		_ = json.Unmarshal(v, &m)
		if s, _ := m["@odata.type"].(string); strings.TrimSpace(s) != "" {
			ref.Kind = model.KindNamed
			ref.Namespace, ref.Name = splitQualified(strings.TrimSpace(s), ns)
			if ref.Name == "" {
				ref.Kind = model.KindUnknown
			}
			if badRune(s) {
				ref.Kind, ref.Namespace, ref.Name = model.KindUnknown, "", ""
			}
			return ref
		}
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Json
	case raw[0] == '[':
		var items []json.RawMessage
		_ = json.Unmarshal(v, &items)
		if len(items) == 0 {
			ref.Kind, ref.Primitive = model.KindPrimitive, model.Json
		} else {
			ref = placeholderType(items[0], ns)
			ref.Raw = clip(raw, 80)
		}
		ref.Collection = true
	default: // a number
		ref.Kind, ref.Primitive = model.KindPrimitive, model.Int32
		if strings.ContainsAny(raw, ".eE") {
			ref.Primitive = model.Double
		} else if n, err := strconv.ParseInt(raw, 10, 64); err == nil && (n > 1<<31-1 || n < -1<<31) {
			ref.Primitive = model.Int64
		}
	}
	return ref
}

func placeholderString(s string, ref model.TypeRef, ns string) model.TypeRef {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "@odata.type:"); ok {
		ref.Kind = model.KindNamed
		ref.Namespace, ref.Name = splitQualified(strings.TrimSpace(rest), ns)
		if badRune(rest) {
			ref.Kind, ref.Namespace, ref.Name = model.KindUnknown, "", ""
		}
		return ref
	}
	base, note := s, ""
	if m := placeholderParen.FindStringSubmatch(s); m != nil {
		base, note = m[1], strings.ToLower(m[2])
	}
	ref.Kind = model.KindPrimitive
	switch {
	case strings.Contains(note, "timestamp"):
		ref.Primitive = model.DateTimeOffset
		return ref
	}
	if p, ok := model.LookupPrimitive(base); ok {
		ref.Primitive = p
		return ref
	}
	if strings.HasPrefix(base, "microsoft.graph.") && typeName.MatchString(base) {
		ref.Kind = model.KindNamed
		ref.Namespace, ref.Name = splitQualified(base, ns)
		return ref
	}
	ref.Primitive = model.String // a sample string value
	return ref
}

// camel reports whether a property name starts with a lower-case letter, as Graph's do.
func camel(name string) bool {
	return name != "" && name[0] >= 'a' && name[0] <= 'z'
}
