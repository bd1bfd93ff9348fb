package graphdocgen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
	"github.com/graphdocgen/graphdocgen/internal/generate"
)

// TestNoRuntimeSuffixes: no type of a generated client got a numbered name (List2)
// because the runtime exports the name: the runtime is a package of its own, and a model
// named like one of its re-exports wins over it. Plain go test checks the golden case
// model-named-like-runtime (a model named List); the whole v1.0 and beta clients of
// ../shared/corpus are corpus-scale (GRAPHDOCGEN_CORPUS=1, make corpus).
func TestNoRuntimeSuffixes(t *testing.T) {
	t.Run("model-named-like-runtime", func(t *testing.T) {
		res := runCase(t, filepath.Join("testdata", "golden", "model-named-like-runtime"))
		entries, err := apiListing(res.Files)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(entries, func(e apiEntry) bool { return e.Kind == "type" && !e.Runtime && e.Name == "List" }) {
			t.Errorf("the case's model List is not emitted as List")
		}
		checkNoRuntimeSuffixes(t, "model-named-like-runtime", res, entries)
	})
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			corpusSuite(t, "checks the names of the whole v1.0 and beta clients")
			_, res, _ := measure(t, version)
			checkNoRuntimeSuffixes(t, version, res, versionListing(t, version))
		})
	}
}

// checkNoRuntimeSuffixes fails for a type of res (listed in entries) numbered because the
// runtime exports its name, and for a name-collision diagnostic that says so.
func checkNoRuntimeSuffixes(t *testing.T, label string, res *generate.Result, entries []apiEntry) {
	t.Helper()
	rtExported := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range res.Files {
		if !strings.HasPrefix(f.Name, emit.RuntimeDir+"/") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Data, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for name := range exportedDecls(file) {
			rtExported[name] = true
		}
	}
	if len(rtExported) < 50 {
		t.Fatalf("only %d exported runtime names found under %s", len(rtExported), emit.RuntimeDir)
	}
	types := 0
	for _, e := range entries {
		if e.Kind != "type" || e.Runtime {
			continue
		}
		types++
		base := strings.TrimRight(e.Name, "0123456789")
		if base != e.Name && rtExported[base] {
			t.Errorf("type %s: numbered because the runtime exports %s", e.Name, base)
		}
	}
	for _, d := range res.Diags {
		if d.Code != "name-collision" {
			continue
		}
		// "type microsoft.graph.list is emitted as List2: the name List is taken"
		if i := strings.LastIndex(d.Message, "the name "); i >= 0 {
			if name := strings.Fields(d.Message[i+len("the name "):])[0]; rtExported[name] {
				t.Errorf("%v: the runtime's name %s still takes a model's", d, name)
			}
		}
	}
	t.Logf("%s: %d types, none numbered for one of the runtime's %d names", label, types, len(rtExported))
}

// exportedDecls lists a file's exported top-level names but methods.
func exportedDecls(f *ast.File) map[string]bool {
	out := map[string]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.IsExported() {
				out[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					if s.Name.IsExported() {
						out[s.Name.Name] = true
					}
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.IsExported() {
							out[n.Name] = true
						}
					}
				}
			}
		}
	}
	return out
}
