package parse

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// fuzzSeeds are small pages that reach the scanner's corners: every request-line form,
// tables, annotations, examples and broken markup.
var fuzzSeeds = []string{
	"# T\n\n## HTTP request\n```http\nGET /groups/{id}/members/{id}/$ref\n```\n",
	"# T\n\n## HTTP request\n```http\nGET /users/{id | userPrincipalName}/reminderView(startDateTime=startDateTime-value,endDateTime=endDateTime-value)\n```\n",
	"# T\n\n## HTTP request\n```http\nGET /reports/getX(period='{period_value}')\nGET /reports/getX(date={date_value})\n```\n",
	"# T\n\n## HTTP request\n```http\nGET /a/worksheets('{id}')/range(address='{address}')/b(<key>)\n```\n",
	"# T\n\n## HTTP request\n```http\nGET ~/a/{x}/\nDELETE/identity/{y}\nPATCH https://graph.microsoft.com/beta/policies/p\nGET policies/p\n```\n",
	"# T\n\n## HTTP request\n```http\nGET /me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}&$select=key&$filter={p} eq '{v}'\n```\n",
	"# T\n\n## HTTP request\n```http\nGET ** Entity URI for x not found\nor\n\nGET /a/.../b/'{k}'\n```\n",
	"# T\n\n## HTTP request\n```http\nGET /x(a='{a}',b=ns.t'{b}',c=0)/{x2}/{x}/{x}\n```\n",
	"---\ntitle: \"**TODO: t**\"\ndoc_type: resourcePageType_\n---\n# T\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|[b](b.md) collection|c|\n|**g**| | |\n",
	"---\ntitle: x\n",
	"# T\n## Request body\n|Parameter|Type|Required?|Description|\n|-|-|-|-|\n|a|Collection(Edm.String)|Yes|x|\n|b|??|No|Optional.|\n",
	"# T\n## Response\nIf successful, this method returns a `200 OK` response code and a collection of [x](../resources/x.md) objects in the response body.\n",
	"# T\n## Example\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": [\"a\", \"b\"],\n  \"truncated\": \"true\",\n}-->\n```http\nPOST /a\n\nContent-Type: application/json\n\n{\"a\": \"Boolean\"}\n```\n<!-- { \"blockType\": \"response\" } -->\n```http\nHTTP/1.1 204 No Content\n```\n",
	"# [HTTP](#tab/http)\n## HTTP request\n### For a user\n```http\nGET /me\n```\n- ```http\n  GET /x\n  ```\n> ```\n> GET /y\n",
	"<!--\n{\n```\n# \x00\n|a|\n|-|\n|\xff|\n",
	"# T\n## HTTP request\n1. For a user\n\n    *Note*\n   ```http\n   GET /u/{id}\n\tGET /v\n   ```\n## Request body\n  | a | b |\n  |-|-|\n  | c | d |\n### Response\nReturns `200 OK` and a Boolean value `true` in the response body.\n### Example\n",
}

// seedPages returns the project's own pages: every golden case's input pages (at any
// depth under input/) and the docs tree, whichever exist.
func seedPages() [][]byte {
	roots, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "golden", "*", "input"))
	roots = append(roots, filepath.Join("..", "..", "docs", "api-reference"))
	var out [][]byte
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			if b, err := os.ReadFile(p); err == nil {
				out = append(out, b)
			}
			return nil
		})
	}
	return out
}

// FuzzParse checks what must hold for any input: Parse neither panics nor hangs, every
// position it reports lies inside the page, every request line's path is a fixed point of
// the scanner (see checkRescan) with unique placeholder names, and two parses agree.
func FuzzParse(f *testing.F) {
	for _, b := range seedPages() {
		f.Add(b)
	}
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "beta/api/fuzz.md"
		// A watchdog: a page that makes Parse loop fails with its input and every stack,
		// rather than as an anonymous hung worker.
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				panic(fmt.Sprintf("Parse hangs on %q\n%s", src, buf[:n]))
			}
		}()
		defer close(done)
		pg, ds := Parse(file, src)
		if pg == nil {
			t.Fatal("Parse returned a nil page")
		}
		nlines := bytes.Count(src, []byte("\n")) + 1
		checkPos := func(what string, p model.Pos) {
			t.Helper()
			if p.File != file || p.Line < 1 || p.Col < 1 || p.Line > nlines+1 {
				t.Errorf("%s: position %+v out of range (%d lines)", what, p, nlines)
			}
		}
		for _, d := range ds {
			checkPos("diagnostic "+d.String(), d.Pos)
		}
		for _, r := range pg.Requests {
			checkPos("request line "+r.Raw, r.Pos)
		}
		for _, p := range pg.Params {
			checkPos("param "+p.Name, p.Pos)
		}
		for _, r := range pg.Requests {
			checkRescan(t, r.Path)
		}
		// Parsing is deterministic: map order and goroutines play no part.
		pg2, ds2 := Parse(file, src)
		if a, b := strings.Join(facts(pg, ds), "\n"), strings.Join(facts(pg2, ds2), "\n"); a != b {
			t.Errorf("two parses differ:\n%s\n----\n%s", a, b)
		}
	})
}

// checkRescan asserts that a scanned path is a fixed point: its normal form, fed back as
// "GET <path>", scans to the same normal form and the same placeholders.
//
// One exception, for a good reason: a normal form that starts with a version segment
// (/beta/beta/x scans to /beta/x) loses that segment again, because a leading /v1.0 or
// /beta is always the service version. Fed back behind a host and version, it must still
// be a fixed point.
func checkRescan(t *testing.T, p model.Path) {
	t.Helper()
	want := p.String()
	line := "GET " + want
	if versionRE.MatchString(want) {
		line = "GET https://graph.microsoft.com/v1.0" + want
	}
	pg, ds := Parse("beta/api/rescan.md", []byte("# T\n\n## HTTP request\n```http\n"+line+"\n```\n"))
	if len(pg.Requests) != 1 {
		t.Fatalf("%q rescans to %d request lines; diagnostics:\n%s", line, len(pg.Requests), ds)
	}
	again := pg.Requests[0].Path
	if got := again.String(); got != want {
		t.Fatalf("%q rescans to %q", line, got)
	}
	if a, b := paramNames(p), paramNames(again); a != b {
		t.Fatalf("%q: placeholders %s rescan as %s", line, a, b)
	}
	seen := map[string]bool{}
	for _, pt := range p.Params() {
		if seen[pt.Param] {
			t.Fatalf("%q: placeholder name %q is not unique", want, pt.Param)
		}
		seen[pt.Param] = true
	}
}

func paramNames(p model.Path) string {
	var b strings.Builder
	for _, pt := range p.Params() {
		b.WriteString(pt.Param)
		if pt.Quoted {
			b.WriteString("'")
		}
		if pt.Function {
			b.WriteString("()")
		}
		b.WriteString(" ")
	}
	return b.String()
}
