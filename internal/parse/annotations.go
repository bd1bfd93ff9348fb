package parse

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// onHTML reads an HTML block; an annotation comment waits for the fence it describes.
func (st *state) onHTML(n *ast.HTMLBlock) {
	raw := st.rawLines(n)
	if n.HasClosure() {
		raw += string(n.ClosureLine.Value(st.src))
	}
	st.pending = nil
	s := strings.TrimSpace(raw)
	if !strings.HasPrefix(s, "<!--") {
		return
	}
	s = strings.TrimLeft(strings.TrimPrefix(s, "<!--"), "-")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "-->"))
	if !strings.HasPrefix(s, "{") {
		return
	}
	pos := st.nodePos(n)
	ann, err := parseAnnotation(s)
	if err != nil {
		st.ds.Addf(pos, model.Warning, "annotation-invalid", "annotation is not JSON even read leniently: %v", err)
		return
	}
	if ann.BlockType == "" {
		return // the closing #page.annotation and other metadata
	}
	ann.Pos = pos
	st.pending = ann
}

var (
	trailingComma = regexp.MustCompile(`,(\s*[}\]])`)
	bareKey       = regexp.MustCompile(`([{,]\s*)([A-Za-z_@][\w.@-]*)\s*:`)
	lineComment   = regexp.MustCompile(`(?m)^\s*//.*$`)
	// endComment is a // comment after the JSON on the same line: `} // Note: ...`.
	endComment  = regexp.MustCompile(`(?m)([}\],]|"|true|false|null|\d)[ \t]+//[^\n]*$`)
	smartQuotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`)
)

// lenientJSON repairs the usual defects of hand-written JSON in the docs: trailing commas,
// // comments, bare keys and smart quotes.
func lenientJSON(s string) string {
	s = smartQuotes.Replace(s)
	s = lineComment.ReplaceAllString(s, "")
	if strings.Contains(s, "//") {
		s = endComment.ReplaceAllString(s, "$1")
	}
	// Raw newlines and tabs inside strings (multi-line "suppressions") are not JSON;
	// outside strings they are only white space, so a space serves both.
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	s = trailingComma.ReplaceAllString(s, "$1")
	return bareKey.ReplaceAllString(s, `$1"$2":`)
}

// parseAnnotation reads an annotation's JSON, strictly first, then leniently.
func parseAnnotation(s string) (*model.Annotation, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		if err2 := json.Unmarshal([]byte(lenientJSON(s)), &m); err2 != nil {
			return nil, err
		}
	}
	a := &model.Annotation{Raw: s}
	a.BlockType, _ = m["blockType"].(string)
	switch v := m["name"].(type) {
	case string:
		a.Names = []string{v}
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				a.Names = append(a.Names, s)
			}
		}
	}
	if v, ok := m["sampleKeys"].([]any); ok {
		for _, x := range v {
			if s, ok := x.(string); ok && s != "" {
				a.SampleKeys = append(a.SampleKeys, s)
			}
		}
	}
	a.Truncated = truthy(m["truncated"])
	a.IsCollection = truthy(m["isCollection"])
	a.ODataType, _ = m["@odata.type"].(string)
	if t, _ := m["@type"].(string); a.ODataType == "" && graphTypeName(t) {
		// Some pages write "@type" for "@odata.type" (site-get.md's response:
		// "@type": "microsoft.graph.site"); other "@type" values ("Article",
		// "requestBodyResourceFor.range_row") name no Graph type and are left alone.
		a.ODataType = t
	}
	return a, nil
}

// graphTypeName reports whether s names a Graph type: microsoft.graph.T, possibly in
// Collection(...).
func graphTypeName(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	l = strings.TrimPrefix(l, "collection(")
	return strings.HasPrefix(l, "microsoft.graph.")
}

// truthy coerces true and "true".
func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}
