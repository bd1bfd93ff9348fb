package parse

import (
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestAuthInferred: a page with no Authorization row whose Permissions table names scopes
// takes the header as required, at the table's row, and says so (auth-inferred); a table
// with no scope (Not supported. everywhere) infers nothing and auth-unknown stays.
func TestAuthInferred(t *testing.T) {
	page := func(perms string) string {
		return "---\ntitle: Get widget\ndoc_type: apiPageType\n---\n\n# Get widget\n\n## Permissions\n\n" +
			"|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n" + perms +
			"\n## HTTP request\n\n```http\nGET /widgets/{id}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code.\n"
	}
	codes := func(ds model.Diagnostics) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Pos.String()+" "+d.Code)
		}
		return out
	}
	p, ds := Parse("v1.0/api/widget-get.md", []byte(page("|Delegated (work or school account)|Not supported.|\n|Application|Widgets.Read.All|\n")))
	var auth *model.Param
	for i, q := range p.Params {
		if q.In == model.InHeader && q.Name == "Authorization" {
			auth = &p.Params[i]
		}
	}
	if auth == nil || auth.Presence != model.Required || auth.Pos.Line != 13 || !strings.Contains(auth.Description, "inferred from the Permissions table (line 13)") {
		t.Errorf("Authorization = %+v, want required, at the Application row (line 13), saying it is inferred", auth)
	}
	got := strings.Join(codes(ds), "\n")
	if !strings.Contains(got, "v1.0/api/widget-get.md:13:2 auth-inferred") || strings.Contains(got, "auth-unknown") {
		t.Errorf("diagnostics:\n%s\nwant auth-inferred at 13:2 and no auth-unknown", got)
	}
	p, ds = Parse("v1.0/api/widget-get.md", []byte(page("|Delegated (work or school account)|Not supported.|\n|Application|Not supported.|\n")))
	for _, q := range p.Params {
		if q.Name == "Authorization" {
			t.Errorf("no scope, yet Authorization was inferred: %+v", q)
		}
	}
	if got := strings.Join(codes(ds), "\n"); !strings.Contains(got, "auth-unknown") || strings.Contains(got, "auth-inferred") {
		t.Errorf("diagnostics:\n%s\nwant auth-unknown, no auth-inferred", got)
	}
}
