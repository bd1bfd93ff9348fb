package parse

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// mapIncludes serves include files from a map, as generate serves them from disk.
func mapIncludes(files map[string]string) IncludeFunc {
	return func(name string) ([]byte, error) {
		s, ok := files[name]
		if !ok {
			return nil, fmt.Errorf("open %s: %w", name, fs.ErrNotExist)
		}
		return src(s), nil
	}
}

// includePage is modelled on today's application-get page: an annotation, then the
// permissions table given as an include, then an HTTP example given as a snippet include.
const includePage = `
# Get application

## Permissions
<!-- { "blockType": "permissions", "name": "application_get" } -->
[!INCLUDE [permissions-table](../includes/permissions/application-get-permissions.md)]

## HTTP request

~~~http
GET /applications/{id}
~~~

## Request headers
| Name | Description |
|:---|:---|
| Authorization | Bearer {token}. Required. Learn more about [authentication and authorization](/graph/auth/auth-concepts). |

## Response
If successful, this method returns a ´200 OK´ response code and an [application](../resources/application.md) object in the response body.
`

func TestIncludes(t *testing.T) {
	perms := `
|Permission type|Least privileged permissions|Higher privileged permissions|
|:---|:---|:---|
|Delegated (work or school account)|Widget.Read.All|Widget.ReadWrite.All, Directory.Read.All|
|Application|Widget.Read.All|Not available.|
`
	t.Run("resolved", func(t *testing.T) {
		pg, ds := New().ParseWith("api/application-get.md", src(includePage), mapIncludes(map[string]string{
			"includes/permissions/application-get-permissions.md": perms,
		}))
		if len(ds) != 0 {
			t.Fatalf("diagnostics:\n%s", ds)
		}
		var got []string
		for _, p := range pg.Permissions {
			got = append(got, fmt.Sprintf("%s %s %s", p.Kind, strings.Join(p.Scopes, ","), p.Pos))
		}
		want := []string{
			"Delegated (work or school account) Widget.Read.All,Widget.ReadWrite.All,Directory.Read.All includes/permissions/application-get-permissions.md:3:2",
			"Application Widget.Read.All includes/permissions/application-get-permissions.md:4:2",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("permissions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
	t.Run("missing", func(t *testing.T) {
		pg, ds := New().ParseWith("api/application-get.md", src(includePage), mapIncludes(nil))
		if len(pg.Permissions) != 0 {
			t.Errorf("permissions from nowhere: %v", pg.Permissions)
		}
		want := "api/application-get.md:5:11: warning: include-missing: include includes/permissions/application-get-permissions.md cannot be read (file does not exist); what it holds is not known"
		if got := strings.TrimSpace(ds.String()); got != want {
			t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("diagnostics in the include", func(t *testing.T) {
		_, ds := New().ParseWith("api/application-get.md", src(includePage), mapIncludes(map[string]string{
			"includes/permissions/application-get-permissions.md": "\n| Scope | Kind |\n|---|---|\n| a | b |\n",
		}))
		want := "includes/permissions/application-get-permissions.md:1:1: warning: permissions-unread: " +
			`permissions table with columns "scope | kind" is not read (only Permission type | Permissions tables are, and tables with a row per resource and a column per permission type) (included by api/application-get.md:5:11)`
		if got := strings.TrimSpace(ds.String()); got != want {
			t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
		}
	})
	t.Run("cycle", func(t *testing.T) {
		_, ds := New().ParseWith("api/application-get.md", src(includePage), mapIncludes(map[string]string{
			"includes/permissions/application-get-permissions.md": "[!INCLUDE [again](application-get-permissions.md)]\n",
		}))
		if !strings.Contains(ds.String(), "include-cycle") {
			t.Errorf("no include-cycle:\n%s", ds)
		}
	})
	t.Run("not needed", func(t *testing.T) {
		// An SDK snippet in another language, a national-cloud note: not read, no warning.
		page := includePage + "\n## Examples\n\n[!INCLUDE [sample-code](../includes/snippets/csharp/get-app-csharp-snippets.md)]\n"
		_, ds := New().ParseWith("api/application-get.md", src(page), mapIncludes(map[string]string{
			"includes/permissions/application-get-permissions.md": perms,
		}))
		if strings.Contains(ds.String(), "include-") {
			t.Errorf("diagnostics:\n%s", ds)
		}
	})
}
