package generate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncludesFromDisk: the includes folder beside the pages is not a page, but the parser
// reads from it, whether the input is the folder or a single page named on its own.
func TestIncludesFromDisk(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("v1.0/api/widget-get.md", "# Get widget\n\n## Permissions\n"+
		"[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]\n\n"+
		"## HTTP request\n```http\nGET /widgets/{id}\n```\n\n## Response\nIf successful, this method returns a `204 No Content` response code.\n")
	write("v1.0/includes/permissions/widget-get-permissions.md",
		"|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n|Application|Widgets.Read.All|Widgets.ReadWrite.All|\n")
	for _, path := range []string{filepath.Join(root, "v1.0"), filepath.Join(root, "v1.0", "api", "widget-get.md")} {
		inputs, err := Collect([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		if len(inputs) != 1 || !strings.HasSuffix(inputs[0].Rel, "widget-get.md") {
			t.Fatalf("%s: inputs %v, want the one page (an includes folder holds no pages)", path, inputs)
		}
		pages, ds := ParseAll(inputs, 1)
		if len(pages[0].Permissions) != 1 || strings.Join(pages[0].Permissions[0].Scopes, ",") != "Widgets.Read.All,Widgets.ReadWrite.All" {
			t.Errorf("%s: permissions %+v; diagnostics:\n%s", path, pages[0].Permissions, ds)
		}
	}
	// The include gone: a warning naming it.
	if err := os.Remove(filepath.Join(root, "v1.0", "includes", "permissions", "widget-get-permissions.md")); err != nil {
		t.Fatal(err)
	}
	inputs, _ := Collect([]string{filepath.Join(root, "v1.0")})
	_, ds := ParseAll(inputs, 1)
	if s := ds.String(); !strings.Contains(s, "include-missing: include includes/permissions/widget-get-permissions.md") {
		t.Errorf("no include-missing:\n%s", s)
	}
}
