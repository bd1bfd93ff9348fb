package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lintPage is an API page with one finding of each severity the checks give: a warning
// (a placeholder value) and nothing that is an error.
const lintPage = "---\ntitle: \"thing: reset\"\ndoc_type: apiPageType\n---\n\n# thing: reset\n\nNamespace: microsoft.graph\n\nReset a thing.\n\n" +
	"## Permissions\n\n|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n|Application|Things.ReadWrite.All|\n\n" +
	"## HTTP request\n\n```http\nPOST /things/{id}/reset\n```\n\n## Request headers\n\n|Name|Description|\n|:---|:---|\n|Authorization|Bearer {token}. Required.|\n\n" +
	"## Request body\n\n|Parameter|Type|Description|\n|:---|:---|:---|\n|force|Boolean|Reset even when busy.|\n\n" +
	"## Response\n\nIf successful, this action returns a `204 No Content` response code.\n\n## Example\n\n### Request\n\n" +
	"```http\nPOST https://graph.microsoft.com/v1.0/things/t-1/reset\nContent-type: application/json\n\n{\n  \"force\": \"Boolean\"\n}\n```\n\n" +
	"### Response\n\n```http\nHTTP/1.1 204 No Content\n```\n"

func TestLintCommand(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "api", "thing-reset.md")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte(lintPage), 0o644); err != nil {
		t.Fatal(err)
	}
	lintRun := func(args ...string) (int, string, string) {
		var out, errs bytes.Buffer
		code := run(append([]string{"lint"}, args...), &out, &errs)
		return code, out.String(), errs.String()
	}
	code, out, errs := lintRun(dir)
	want := filepath.ToSlash(page) + `:49:12: warning: placeholder-value: example request value "Boolean" of "force"`
	if code != exitOK || !strings.Contains(out, want) {
		t.Errorf("lint %s: exit %d, want 0 (warnings do not fail without --strict); output lacks %q:\n%s%s", dir, code, want, out, errs)
	}
	if code, _, _ := lintRun("--strict", dir); code != exitFail {
		t.Errorf("lint --strict with a warning: exit %d, want 1", code)
	}
	code, out, _ = lintRun("--format", "json", page)
	var got []struct {
		File, Code string
		Line, Col  int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitOK || len(got) == 0 {
		t.Errorf("lint --format json: exit %d, %v:\n%s", code, err, out)
	}
	// Annotations name files relative to the working directory (the repository in a
	// workflow), however the PATH was given.
	t.Chdir(dir)
	code, out, _ = lintRun("--format", "github", page)
	if !strings.HasPrefix(out, "::warning file=api/thing-reset.md,") || !strings.Contains(out, ",line=49,col=12,title=placeholder-value::") || code != exitOK {
		t.Errorf("lint --format github: exit %d:\n%s", code, out)
	}
	for _, args := range [][]string{{"--format", "xml", dir}, {}, {filepath.Join(dir, "missing")}, {"--no-such-flag", dir}} {
		if code, _, _ := lintRun(args...); code != exitUsage {
			t.Errorf("lint %q: exit %d, want 2", args, code)
		}
	}
	// An error (a page that is not text) fails the run without --strict.
	bin := filepath.Join(dir, "api", "broken.md")
	if err := os.WriteFile(bin, []byte("\x00\x01\x02binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := lintRun(dir); code != exitFail || !strings.Contains(out, "error: binary-page") {
		t.Errorf("lint with a binary page: exit %d, want 1:\n%s", code, out)
	}
}
