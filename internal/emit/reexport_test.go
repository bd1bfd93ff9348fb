package emit

import (
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/model"
)

// TestRuntimeListsCurrent: every name generatedOnly and wrapped hold is one the runtime
// exports, so neither list keeps a name the runtime dropped.
func TestRuntimeListsCurrent(t *testing.T) {
	decls, err := runtimeDecls()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range decls {
		names = append(names, d.Name)
	}
	for _, n := range append(slices.Clone(generatedOnly), wrapped...) {
		if !slices.Contains(names, n) {
			t.Errorf("%s is not exported by the runtime", n)
		}
	}
}

// TestModelWinsOverReexport: a model named like a re-export (Page, Date) keeps its name;
// the re-export is left out with a warning at the type, and generated code names the
// runtime's as graphrt.Name. A model named like a name only generated code uses (List)
// is not even warned about.
func TestModelWinsOverReexport(t *testing.T) {
	pos := model.Pos{File: "api-reference/beta/resources/page.md", Line: 3}
	api := &model.API{Version: "beta", Types: []*model.Type{
		{Name: "page", Namespace: "microsoft.graph", Documented: true, Pos: pos,
			Properties: []model.Property{{Name: "when", Type: model.TypeRef{Kind: model.KindPrimitive, Primitive: model.Date}}}},
		{Name: "date", Namespace: "microsoft.graph", Documented: true, Pos: pos},
		{Name: "list", Namespace: "microsoft.graph", Documented: true, Pos: pos},
	}}
	files, ds, err := Emit(api, Config{Package: "graph", ImportPath: "example.com/graph"})
	if err != nil {
		t.Fatal(err)
	}
	var shadowed []string
	for _, d := range ds {
		if d.Code == "reexport-shadowed" {
			if d.Pos != pos || d.Severity != model.Warning {
				t.Errorf("diagnostic %v: want a warning at %v", d, pos)
			}
			shadowed = append(shadowed, strings.Fields(d.Message)[0])
		}
	}
	if !slices.Equal(shadowed, []string{"Page", "Date"}) && !slices.Equal(shadowed, []string{"Date", "Page"}) {
		t.Errorf("shadowed re-exports %v, want Date and Page", shadowed)
	}
	text := map[string]string{}
	for _, f := range files {
		text[f.Name] = string(f.Data)
	}
	if rt := text["graphrt_gen.go"]; strings.Contains(rt, "type Page") || strings.Contains(rt, "type Date ") || !strings.Contains(rt, "type DateTimeOffset = graphrt.DateTimeOffset") {
		t.Errorf("graphrt_gen.go re-exports a shadowed name, or lost another:\n%s", rt)
	}
	for name, want := range map[string]string{"models_p_gen.go": "type Page struct", "models_d_gen.go": "type Date struct", "models_l_gen.go": "type List struct"} {
		if !strings.Contains(text[name], want) {
			t.Errorf("%s has no %q", name, want)
		}
	}
	if !strings.Contains(text["models_p_gen.go"], "*graphrt.Date") {
		t.Errorf("Page.When is not a *graphrt.Date:\n%s", text["models_p_gen.go"])
	}
	if strings.Contains(text["graphrt_gen.go"], "func DateOf(t time.Time) Date") || !strings.Contains(text["graphrt_gen.go"], "func DateOf(t time.Time) graphrt.Date") {
		t.Errorf("DateOf does not return the runtime's Date:\n%s", text["graphrt_gen.go"])
	}
}

// TestRuntimeImportNames: the runtime's imports are known by their package names, a
// major-version suffix dropped (math/rand/v2 is rand).
func TestRuntimeImportNames(t *testing.T) {
	decls, err := runtimeDecls()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range decls {
		for name, path := range d.imports {
			if path == "math/rand/v2" {
				found = true
				if name != "rand" {
					t.Errorf("%s: math/rand/v2 is known as %s", d.Name, name)
				}
			}
		}
	}
	if !found {
		t.Skip("the runtime no longer imports math/rand/v2")
	}
}
