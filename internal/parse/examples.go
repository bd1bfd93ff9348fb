package parse

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

var (
	statusLine = regexp.MustCompile(`^(?i)HTTP(/\d(\.\d)?)?\s+(\d{3})`)
	headerLine = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*:\s*\S?`)
)

// example reads a fenced block in the Example(s) section. Blocks that are neither an
// annotated example nor a request or response (SDK code, prose) are skipped.
func (st *state) example(f *ast.FencedCodeBlock, ann *model.Annotation) (model.Example, bool) {
	lines, pos := st.fenceLines(f)
	ex := model.Example{Annotation: ann, Info: strings.TrimSpace(string(f.Language(st.src))), Heading: st.heading()}
	first := 0
	for first < len(lines) && strings.TrimSpace(lines[first]) == "" {
		first++
	}
	if first == len(lines) {
		return ex, false
	}
	ex.Pos = pos[first]
	line := strings.TrimSpace(lines[first])
	rest := lines[first+1:]
	switch {
	case methodRE.MatchString(line):
		ex.Kind = model.ExampleRequest
		m := methodRE.FindStringSubmatch(line)
		ex.Method = strings.ToUpper(m[1])
		ex.URL = strings.TrimSpace(line[len(m[1]):])
		ex.Headers, ex.Body = splitHeaders(rest, true)
	case statusLine.MatchString(line):
		ex.Kind = model.ExampleResponse
		ex.Status, _ = strconv.Atoi(statusLine.FindStringSubmatch(line)[3])
		ex.Headers, ex.Body = splitHeaders(rest, false)
	default:
		if ann == nil {
			return ex, false
		}
		ex.Body = strings.Join(lines[first:], "\n")
		switch ann.BlockType {
		case "request":
			ex.Kind = model.ExampleRequest
		case "response":
			ex.Kind = model.ExampleResponse
		}
	}
	if ann != nil && ann.BlockType == "ignored" {
		return ex, false
	}
	if ex.Kind == model.ExampleRequest {
		st.checkPlaceholderBody(ex, lines, pos)
		if ex.URL != "" {
			// The URL read as a template, without its query: the endpoint map may adopt
			// it when no request line of the page has its shape (site-get.md shows
			// GET /sites/{site-id} only in its example). Its diagnostics are not the
			// page's: an example's real IDs are expected.
			if p, _ := scanPath(ex.URL); p != nil {
				p.Query = nil
				ex.Path = p
			}
		}
	}
	return ex, true
}

// splitHeaders reads Name: value lines up to the first blank line; what follows is the
// body. When lenient, a blank line right after the request line is skipped if headers
// follow it (an intune habit).
func splitHeaders(rest []string, lenient bool) ([]model.Header, string) {
	var hs []model.Header
	i := 0
	if lenient {
		j := i
		for j < len(rest) && strings.TrimSpace(rest[j]) == "" {
			j++
		}
		if j < len(rest) && headerLine.MatchString(strings.TrimSpace(rest[j])) && !strings.HasPrefix(strings.TrimSpace(rest[j]), "{") {
			i = j
		}
	}
	for ; i < len(rest); i++ {
		l := strings.TrimSpace(rest[i])
		if l == "" {
			i++
			break
		}
		if !headerLine.MatchString(l) {
			break
		}
		k, v, _ := strings.Cut(l, ":")
		hs = append(hs, model.Header{Name: strings.TrimSpace(k), Value: strings.TrimSpace(v)})
	}
	body := ""
	if i < len(rest) {
		body = strings.TrimSpace(strings.Join(rest[i:], "\n"))
	}
	return hs, body
}

// typeNameValues are the values stub pages put where an example should hold data.
var typeNameValues = map[string]bool{
	"Boolean": true, "String": true, "Int32": true, "Int64": true, "Guid": true, "Double": true,
	"DateTimeOffset": true, "Date": true, "Duration": true, "TimeOfDay": true, "Binary": true,
	"String (identifier)": true, "String (timestamp)": true, "Integer": true,
}

// checkPlaceholderBody warns when an example request body holds type names instead of
// values ("notifyManagedDevices": "Boolean"): such an example cannot serve as a test.
func (st *state) checkPlaceholderBody(ex model.Example, lines []string, pos []model.Pos) {
	if ex.Body == "" || !strings.HasPrefix(ex.Body, "{") {
		return
	}
	var v any
	if err := json.Unmarshal([]byte(ex.Body), &v); err != nil {
		if json.Unmarshal([]byte(lenientJSON(ex.Body)), &v) != nil {
			st.ds.Addf(ex.Pos, model.Warning, "example-json-invalid", "example request body is not valid JSON: %v", err)
			return
		}
		st.ds.Addf(ex.Pos, model.Warning, "example-json-lenient", "example request body is valid JSON only when read leniently: %v", err)
	}
	var found []string
	var walk func(k string, v any)
	walk = func(k string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k2, x := range v {
				walk(k2, x)
			}
		case []any:
			for _, x := range v {
				walk(k, x)
			}
		case string:
			if typeNameValues[v] || strings.HasPrefix(v, "@odata.type:") {
				found = append(found, k)
			}
		}
	}
	walk("", v)
	if len(found) == 0 {
		return
	}
	// Report at the first line that holds such a value.
	p := ex.Pos
	for i, l := range lines {
		for val := range typeNameValues {
			if strings.Contains(l, `: "`+val+`"`) {
				p = pos[i]
				goto report
			}
		}
	}
report:
	st.ds.Addf(p, model.Warning, "example-placeholder-value",
		"example request body holds type names instead of values (%d properties); it cannot be used as a test", len(found))
}
