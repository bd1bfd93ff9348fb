package parse

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// wantDiag is a diagnostic a page must give: its code, severity and position.
type wantDiag struct {
	code      string
	sev       model.Severity
	line, col int
}

// TestOddInput feeds Parse what is not an ordinary page: each gets its diagnostic, with a
// position, and no byte that is not UTF-8 text reaches the model.
func TestOddInput(t *testing.T) {
	const api = "v1.0/api/odd.md"
	const res = "v1.0/resources/odd.md"
	big := bytes.Repeat([]byte("x\n"), MaxPageSize/2+8)
	for _, tt := range []struct {
		name, file string
		src        string
		want       []wantDiag
		wantMsg    string // a part of the first wanted diagnostic's message
		check      func(*testing.T, *model.Page)
	}{
		{name: "empty", file: api, src: "", want: []wantDiag{{"empty-page", model.Warning, 1, 1}}, wantMsg: "is empty"},
		{name: "white space", file: api, src: " \n\n\t\r\n", want: []wantDiag{{"empty-page", model.Warning, 1, 1}}, wantMsg: "only white space"},
		{name: "png", file: api, src: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x05\x00", want: []wantDiag{{"binary-page", model.Error, 1, 1}}, wantMsg: "9 of its first 20 bytes"},
		{name: "utf-16", file: api, src: "\xff\xfe#\x00 \x00T\x00\n\x00", want: []wantDiag{{"binary-page", model.Error, 1, 1}}, wantMsg: "UTF-16"},
		{name: "zip", file: api, src: "PK\x03\x04\x14\x00\x00\x00\x08\x00" + strings.Repeat("\x8a\x00\x13", 3000), want: []wantDiag{{"binary-page", model.Error, 1, 3}}, wantMsg: "binary file"},
		{name: "too large", file: api, src: string(big), want: []wantDiag{{"page-too-large", model.Error, MaxPageSize/2 + 1, 1}}, wantMsg: "32 MiB"},
		{
			name: "invalid in prose", file: res,
			src:  "# thing resource type\n\nA th\xffing \xc3 that\xe2\x82 is.\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|Desc \xfe.|\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 3, 5}}, wantMsg: "5 byte(s)",
			check: func(t *testing.T, pg *model.Page) {
				if want := "A th\uFFFDing \uFFFD that\uFFFD\uFFFD is."; pg.Summary != want {
					t.Errorf("summary %q, want %q", pg.Summary, want)
				}
				if len(pg.Types) != 1 || len(pg.Types[0].Properties) != 1 || pg.Types[0].Properties[0].Description != "Desc \uFFFD." {
					t.Errorf("types %+v: want one property a, described with U+FFFD", pg.Types)
				}
			},
		},
		{
			name: "invalid in a request path", file: api,
			src:  "# T\n\n## HTTP request\n```http\nGET /users/\xff/x\nGET /me\n```\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 5, 12}, {"request-path-invalid", model.Error, 5, 1}},
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Requests) != 1 || pg.Requests[0].Path.String() != "/me" {
					t.Errorf("requests %v: want only GET /me", pg.Requests)
				}
			},
		},
		{
			name: "control character in a request path", file: api,
			src:  "# T\n\n## HTTP request\n```http\nGET /users/a\x01b\n```\n",
			want: []wantDiag{{"request-path-invalid", model.Error, 5, 1}}, wantMsg: `\x01`,
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Requests) != 0 {
					t.Errorf("requests %v: want none", pg.Requests)
				}
			},
		},
		{
			name: "invalid in an example URL", file: api,
			src:  "# T\n\n## HTTP request\n```http\nGET /me\n```\n## Example\n```http\nGET https://graph.microsoft.com/v1.0/m\xffe\n```\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 9, 39}},
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Examples) != 1 || pg.Examples[0].Path != nil {
					t.Errorf("examples %+v: want one, its path not read", pg.Examples)
				}
			},
		},
		{
			name: "invalid in a parameter name", file: api,
			src:  "# T\n\n## HTTP request\n```http\nGET /me\n```\n## Path parameters\n|Parameter|Type|Description|\n|-|-|-|\n|i\xffd|String|x|\n|ok|String|y|\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 10, 3}, {"name-invalid-utf8", model.Warning, 10, 2}},
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Params) != 1 || pg.Params[0].Name != "ok" {
					t.Errorf("params %+v: want only ok", pg.Params)
				}
			},
		},
		{
			name: "invalid in property and member names", file: res,
			src:  "# thing resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|na\xffme|String|x|\n|ok|String|y|\n\n### kind values\n|Member|Value|\n|-|-|\n|m\xff|1|\n|fine|2|\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 6, 4}, {"name-invalid-utf8", model.Warning, 6, 2}, {"name-invalid-utf8", model.Warning, 12, 2}},
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Types) != 2 || len(pg.Types[0].Properties) != 1 || len(pg.Types[1].Members) != 1 {
					t.Errorf("types %+v: want thing with property ok and kind with member fine", pg.Types)
				}
			},
		},
		{
			name: "invalid in a JSON representation key", file: res,
			src:  "# thing resource type\n\n## JSON representation\n```json\n{\n  \"ok\": \"String\",\n  \"b\xffd\": \"String\"\n}\n```\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 7, 5}, {"name-invalid-utf8", model.Warning, 7, 3}},
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Types) != 1 || len(pg.Types[0].Properties) != 1 || pg.Types[0].Properties[0].Name != "ok" {
					t.Errorf("types %+v: want thing with property ok only", pg.Types)
				}
			},
		},
		{
			name: "invalid in a linked type name", file: res,
			src:  "# thing resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|[us\xffer](user.md)|x|\n",
			want: []wantDiag{{"invalid-utf8", model.Warning, 6, 7}, {"unknown-type", model.Warning, 6, 4}},
		},
		{
			name: "byte-order mark", file: api,
			src: "\ufeff---\ntitle: Get me\n---\n# T\n\n## HTTP request\n```http\nGET /me\n```\n",
			check: func(t *testing.T, pg *model.Page) {
				if pg.Title != "Get me" || len(pg.Requests) != 1 || pg.Requests[0].Pos.Line != 8 || pg.Requests[0].Pos.Col != 1 {
					t.Errorf("title %q, requests %+v: want the front matter's title and GET /me at 8:1", pg.Title, pg.Requests)
				}
			},
		},
		{
			name: "a stray NUL in text", file: res,
			src: "# thing resource type\n\nA \x00 and a \x0c here.\n",
			check: func(t *testing.T, pg *model.Page) {
				if pg.Summary != "A \x00 and a \x0c here." {
					t.Errorf("summary %q: want the NUL and form feed kept, for emit to escape", pg.Summary)
				}
			},
		},
		{
			name: "deep nesting", file: api,
			src:  "# T\n\n## HTTP request\n" + strings.Repeat("> ", 40) + "text\n" + strings.Repeat("- ", 5000) + "x\n```http\nGET /me\n```\n",
			want: []wantDiag{{"nesting-too-deep", model.Warning, 4, 2*maxNestMarkers + 1}}, wantMsg: "(2 line(s))",
			check: func(t *testing.T, pg *model.Page) {
				if len(pg.Requests) != 1 {
					t.Errorf("requests %v: want GET /me, read after the deep lines", pg.Requests)
				}
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pg, ds := Parse(tt.file, []byte(tt.src))
			if pg == nil {
				t.Fatal("nil page")
			}
			for i, w := range tt.want {
				found := false
				for _, d := range ds {
					if d.Code == w.code && d.Severity == w.sev && d.Pos == (model.Pos{File: tt.file, Line: w.line, Col: w.col}) {
						found = true
						if i == 0 && !strings.Contains(d.Message, tt.wantMsg) {
							t.Errorf("%s: message %q does not say %q", d.Code, d.Message, tt.wantMsg)
						}
					}
				}
				if !found {
					t.Errorf("no %s %s at %d:%d; got:\n%s", w.sev, w.code, w.line, w.col, ds)
				}
			}
			checkText(t, reflect.ValueOf(pg), "page")
			for _, d := range ds {
				if !utf8.ValidString(d.Message) {
					t.Errorf("diagnostic %q is not UTF-8", d.Message)
				}
			}
			if tt.check != nil {
				tt.check(t, pg)
			}
		})
	}
}

// checkText fails when a string anywhere in v is not UTF-8, or a name or path holds
// U+FFFD.
func checkText(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkText(t, v.Elem(), path)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				checkText(t, v.Field(i), path+"."+v.Type().Field(i).Name)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			checkText(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			checkText(t, v.MapIndex(k), fmt.Sprintf("%s[%v]", path, k))
		}
	case reflect.String:
		s := v.String()
		if !utf8.ValidString(s) {
			t.Errorf("%s = %q is not UTF-8", path, s)
		}
		name := strings.HasSuffix(path, ".Name") || strings.HasSuffix(path, ".Param") || strings.HasSuffix(path, ".Literal") || strings.HasSuffix(path, ".Namespace")
		if name && strings.ContainsRune(s, utf8.RuneError) {
			t.Errorf("%s = %q holds U+FFFD", path, s)
		}
	}
}

// TestGatePositions checks that positions in a cleaned page are those of the page as
// written: after bytes replaced by U+FFFD and after a flattened container prefix.
func TestGatePositions(t *testing.T) {
	for _, src := range []string{
		"MARK",
		"a\xffb MARK",
		"\ufeffab MARK",
		"\xff\xfe\xfd\n\xc3MARK\n",
		"x\n" + strings.Repeat("- ", 100) + "MARK\n",
		strings.Repeat(" ", 1000) + "\xffMARK",
		strings.Repeat("> ", 50) + "\xff\xff MARK",
		"\xff\n" + strings.Repeat("1. ", 60) + "x\n" + strings.Repeat("\t", 100) + "y \xfe MARK\n",
	} {
		var ds model.Diagnostics
		clean, l, ok := gate("f.md", []byte(src), &ds)
		if !ok {
			t.Fatalf("%q refused: %s", src, ds)
		}
		if !utf8.Valid(clean) {
			t.Errorf("%q cleans to %q, not UTF-8", src, clean)
		}
		got := l.pos(bytes.Index(clean, []byte("MARK")))
		want := offsetPos("f.md", []byte(src), strings.Index(src, "MARK"))
		if got != want {
			t.Errorf("%q: MARK at %v, want %v", src, got, want)
		}
		if bytes.Count(clean, []byte("\n")) != strings.Count(src, "\n") {
			t.Errorf("%q: the cleaned page has other lines: %q", src, clean)
		}
	}
}

// TestNestCut checks what a line keeps of its container prefix.
func TestNestCut(t *testing.T) {
	for _, tt := range []struct {
		line, want string
	}{
		{"- - - x", "- - - x"},
		{strings.Repeat("- ", 32) + "x", strings.Repeat("- ", 32) + "x"},
		{strings.Repeat("- ", 33) + "x", strings.Repeat("- ", 32) + "x"},
		{strings.Repeat("> ", 40) + "x\n", strings.Repeat("> ", 32) + "x\n"},
		{strings.Repeat(">", 40) + "x", strings.Repeat(">", 32) + "x"},
		{strings.Repeat("12. ", 40) + "x", strings.Repeat("12. ", 32) + "x"},
		{strings.Repeat(" ", 300) + "- item", strings.Repeat(" ", maxNestIndent) + "item"}, // the marker goes too
		{strings.Repeat("\t", 70) + "x", strings.Repeat("\t", maxNestIndent/4) + "x"},
		{strings.Repeat(" ", 300) + "\n", strings.Repeat(" ", 300) + "\n"}, // blank: left alone
		{strings.Repeat("-", 300) + "\n", strings.Repeat("-", 300) + "\n"}, // a rule, not markers
		{strings.Repeat("- ", 40), strings.Repeat("- ", 32)},
	} {
		c := nestCut([]byte(tt.line))
		got := tt.line
		if c.cut {
			got = tt.line[:c.from] + tt.line[c.to:]
		}
		if got != tt.want {
			t.Errorf("nestCut(%q) keeps %q, want %q", clip(tt.line, 40), clip(got, 80), clip(tt.want, 80))
		}
	}
}

// TestDeepNesting parses 5,000 nested levels of lists and block quotes, in each way
// markdown writes them: each gives nesting-too-deep, and the cost grows only with the
// page's size. Levels written a line each are a thousand (already 1 MB, where 5,000 are
// 25 MB); the one-line forms are twenty lines of them, so that the times are not noise.
func TestDeepNesting(t *testing.T) {
	p := New()
	pages := func(oneLine, lines int) []nested {
		var out []nested
		for _, n := range nestedShapes(oneLine) {
			if !strings.HasSuffix(n.name, "lines") {
				out = append(out, nested{n.name, bytes.Repeat(n.src, 20)})
			}
		}
		for _, n := range nestedShapes(lines) {
			if strings.HasSuffix(n.name, "lines") {
				out = append(out, n)
			}
		}
		return out
	}
	small, large := pages(500, 250), pages(5000, 1000)
	for i := range large {
		_, ds := p.Parse("v1.0/api/nested.md", large[i].src)
		found := false
		for _, d := range ds {
			found = found || d.Code == "nesting-too-deep" && d.Pos.Line >= 1 && d.Pos.Col > 1
		}
		if !found {
			t.Errorf("%s: no nesting-too-deep; got:\n%s", large[i].name, ds)
		}
		if testing.Short() {
			continue
		}
		checkGrowth(t, p, large[i].name, "v1.0/api/nested.md", [][]byte{small[i].src, large[i].src})
	}
}
