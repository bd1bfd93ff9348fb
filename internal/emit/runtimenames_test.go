package emit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestRuntimeNamesReserved: every exported top-level name of the runtime is in
// runtimeNames, so that no generated type can take it.
func TestRuntimeNamesReserved(t *testing.T) {
	fset := token.NewFileSet()
	for _, name := range runtimeSources() {
		b, err := runtimeFS.ReadFile("runtime/" + name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, b, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			var names []*ast.Ident
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					names = append(names, d.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names = append(names, s.Name)
					case *ast.ValueSpec:
						names = append(names, s.Names...)
					}
				}
			}
			for _, n := range names {
				if n.IsExported() && !slices.Contains(runtimeNames, n.Name) {
					t.Errorf("%s: %s is not in runtimeNames: a generated type could take it", name, n.Name)
				}
			}
		}
	}
}
