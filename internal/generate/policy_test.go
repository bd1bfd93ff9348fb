package generate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// policyPage is an API page in the docs' format with the given request lines.
func policyPage(requests ...string) string {
	return "---\ntitle: \"Get widget\"\ndoc_type: apiPageType\n---\n\n# Get widget\n\nRead a widget.\n\n## HTTP request\n\n```http\n" +
		strings.Join(requests, "\n") + "\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.\n"
}

// writeDocs writes pages (relative names) below a fresh folder and returns it.
func writeDocs(t *testing.T, pages map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range pages {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runDocs(t *testing.T, sel model.Selection, paths ...string) *Result {
	t.Helper()
	inputs, err := Collect(paths)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(inputs, Config{Version: "v1.0", Package: "graph", ImportPath: "example.com/graph", Jobs: 2, Select: sel})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// find returns the diagnostics of one code on one page.
func find(ds model.Diagnostics, file, code string) model.Diagnostics {
	var out model.Diagnostics
	for _, d := range ds {
		if d.Pos.File == file && d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// TestFailOnPolicy: an error that only leaves a page out fails under warning but not
// under error; an error on a page an operation is emitted from fails under error.
func TestFailOnPolicy(t *testing.T) {
	dir := writeDocs(t, map[string]string{
		"api/widget-get.md":  policyPage("GET /widgets/{id}"),
		"api/broken-get.md":  policyPage("GET /** Entity URI for microsoft.graph.broken not found"),
		"api/partly-get.md":  policyPage("GET /gadgets/{id}", "GET /** Entity URI for microsoft.graph.gadget not found"),
		"api/warned-get.md":  policyPage("GET /things/{id}/.../x"),
		"resources/other.md": "# other resource type\n",
	})
	res := runDocs(t, model.Selection{}, dir)
	broken := find(res.Diags, "api/broken-get.md", "request-path-invalid")
	partly := find(res.Diags, "api/partly-get.md", "request-path-invalid")
	if len(broken) != 1 || len(partly) != 1 {
		t.Fatalf("want one request-path-invalid on broken-get.md and one on partly-get.md:\n%s", res.Diags)
	}
	for _, tt := range []struct {
		name string
		d    model.Diagnostic
		on   FailOn
		want bool
	}{
		{"a page left out, error", broken[0], FailOnError, false},
		{"a page left out, warning", broken[0], FailOnWarning, true},
		{"a page left out, never", broken[0], FailOnNever, false},
		{"an emitted page, error", partly[0], FailOnError, true},
		{"an emitted page, never", partly[0], FailOnNever, false},
		{"no page", model.Diagnostic{Severity: model.Error, Code: "x"}, FailOnError, true},
		{"a warning, error", model.Diagnostic{Pos: model.Pos{File: "api/widget-get.md"}, Severity: model.Warning, Code: "x"}, FailOnError, false},
		{"a warning, warning", model.Diagnostic{Pos: model.Pos{File: "api/widget-get.md"}, Severity: model.Warning, Code: "x"}, FailOnWarning, true},
	} {
		if got := res.Fails(tt.d, tt.on); got != tt.want {
			t.Errorf("%s: Fails(%s, --fail-on=%s) = %v, want %v", tt.name, tt.d, tt.on, got, tt.want)
		}
	}
	for _, s := range []string{"error", "warning", "never"} {
		if f, err := ParseFailOn(s); err != nil || f.String() != s {
			t.Errorf("ParseFailOn(%q) = %v, %v", s, f, err)
		}
	}
	if _, err := ParseFailOn("errors"); err == nil {
		t.Error("ParseFailOn(errors): no error")
	}
}

// TestReadFailures: a page that cannot be read, or is a loop of symbolic links, is a
// read-failed error at its first line that fails the run under every policy, and is kept
// whatever the selection (nobody knows what the page held).
func TestReadFailures(t *testing.T) {
	dir := writeDocs(t, map[string]string{"api/widget-get.md": policyPage("GET /widgets/{id}")})
	if err := os.Symlink("b.md", filepath.Join(dir, "api", "a.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "api", "b.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("gone.md", filepath.Join(dir, "api", "dangling.md")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"api/a.md": "symbolic link that leads back to itself", "api/b.md": "symbolic link that leads back to itself",
		"api/dangling.md": "symbolic link to gone.md, which does not exist"}
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "api", "locked.md")
		if err := os.WriteFile(locked, []byte(policyPage("GET /locks/{id}")), 0o000); err != nil {
			t.Fatal(err)
		}
		want["api/locked.md"] = "permission denied"
	}
	for _, sel := range []model.Selection{{}, {Include: []string{"/widgets"}}} {
		res := runDocs(t, sel, dir)
		for file, msg := range want {
			ds := find(res.Diags, file, CodeReadFailed)
			if len(ds) != 1 || ds[0].Severity != model.Error || ds[0].Pos.Line != 1 || ds[0].Pos.Col != 1 || !strings.Contains(ds[0].Message, msg) {
				t.Errorf("selection %+v: %s: want one read-failed error at 1:1 saying %q, got %v", sel, file, msg, ds)
				continue
			}
			if !res.Fails(ds[0], FailOnNever) {
				t.Errorf("%s: read-failed does not fail the run under --fail-on=never", file)
			}
		}
	}
}

// TestCollectFollowsSymlinkedRoot: a PATH that is a symbolic link to a folder is read
// through its target, and its pages are named as the user gave the path.
func TestCollectFollowsSymlinkedRoot(t *testing.T) {
	dir := writeDocs(t, map[string]string{"real/v1.0/api/widget-get.md": policyPage("GET /widgets/{id}")})
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	inputs, err := Collect([]string{link})
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 1 || inputs[0].Rel != "v1.0/api/widget-get.md" || inputs[0].Display != filepath.ToSlash(filepath.Join(link, "v1.0", "api", "widget-get.md")) {
		t.Errorf("Collect(link) = %+v, want v1.0/api/widget-get.md under %s", inputs, link)
	}
}

// TestSelectedPageKeepsDiagnostics: with a selection, a page that an Include glob names
// keeps its diagnostics even though nothing is emitted from it; a page left out does not.
func TestSelectedPageKeepsDiagnostics(t *testing.T) {
	dir := writeDocs(t, map[string]string{
		"api/widget-get.md": policyPage("GET /widgets/{id}"),
		"api/broken-get.md": policyPage("GET /** Entity URI for microsoft.graph.broken not found"),
		"api/other-get.md":  policyPage("GET /** Entity URI for microsoft.graph.other not found"),
	})
	res := runDocs(t, model.Selection{Include: []string{"widget-get.md", "broken-*.md"}}, dir)
	if len(find(res.Diags, "api/broken-get.md", "request-path-invalid")) != 1 {
		t.Errorf("the page --include broken-*.md names lost its diagnostic:\n%s", res.Diags)
	}
	if len(find(res.Diags, "api/other-get.md", "request-path-invalid")) != 0 {
		t.Errorf("a page the selection leaves out keeps its diagnostic:\n%s", res.Diags)
	}
}
