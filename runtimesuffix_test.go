package graphdocgen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
)

// TestNoRuntimeSuffixes: no type of the whole v1.0 and beta clients got a numbered name
// (List2) because the runtime exports the name: the runtime is a package of its own, and
// a model named like one of its re-exports wins over it. It needs the corpus in
// ../shared/corpus and skips without it.
func TestNoRuntimeSuffixes(t *testing.T) {
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			_, res, _ := measure(t, version)
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
			for _, e := range versionListing(t, version) {
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
			t.Logf("%s: %d types, none numbered for one of the runtime's %d names", version, types, len(rtExported))
		})
	}
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
