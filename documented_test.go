package graphdocgen_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/graphdocgen/graphdocgen/internal/emit"
)

// undocumented lists the exported top-level names of the files that have no doc comment:
// functions and methods, types, and constants and variables (a comment on their group
// counts). Struct fields and interface methods are left to the type's comment.
func undocumented(t *testing.T, files emit.Files) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() && d.Doc == nil && (d.Recv == nil || receiverExported(d.Recv)) {
					out = append(out, fset.Position(d.Pos()).String()+": func "+d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() && s.Doc == nil && d.Doc == nil {
							out = append(out, fset.Position(s.Pos()).String()+": type "+s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() && s.Doc == nil && s.Comment == nil && d.Doc == nil {
								out = append(out, fset.Position(n.Pos()).String()+": "+n.Name)
							}
						}
					}
				}
			}
		}
	}
	return out
}

// receiverExported reports whether a method's receiver type is exported.
func receiverExported(recv *ast.FieldList) bool {
	if recv == nil || len(recv.List) == 0 {
		return false
	}
	typ := recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	switch x := typ.(type) {
	case *ast.Ident:
		return x.IsExported()
	case *ast.IndexExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.IsExported()
		}
	case *ast.IndexListExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.IsExported()
		}
	}
	return false
}

// checkDocumented fails for every exported name of the files without a doc comment.
func checkDocumented(t *testing.T, label string, files emit.Files) {
	t.Helper()
	missing := undocumented(t, files)
	for i, m := range missing {
		if i == 10 {
			t.Errorf("%s: ... and %d more", label, len(missing)-10)
			break
		}
		t.Errorf("%s: no doc comment: %s", label, m)
	}
}

// TestUndocumentedFinds: the check itself finds what it is for.
func TestUndocumentedFinds(t *testing.T) {
	src := "package p\n\n// A is.\ntype A struct{}\n\ntype B int\n\nfunc F() {}\n\n// G is.\nfunc G() {}\n\nfunc (A) M() {}\n\nfunc (b) n() {}\n\ntype b int\n\n// Group.\nconst (\n\tX = 1\n)\n\nvar Y = 2\n"
	got := undocumented(t, emit.Files{{Name: "p.go", Data: []byte(src)}})
	want := []string{"p.go:6:6: type B", "p.go:8:1: func F", "p.go:13:1: func M", "p.go:24:5: Y"}
	if len(got) != len(want) {
		t.Fatalf("undocumented = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("undocumented[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
