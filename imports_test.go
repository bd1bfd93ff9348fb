package graphdocgen_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/graphdocgen/graphdocgen"

// packageImports maps each package folder of the module to what its non-test files import.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(p))
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out[dir] = append(out[dir], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// TestImportDirection enforces the pipeline's one-way imports: parse -> model <- emit;
// only parse imports goldmark, only emit imports jennifer, model and the runtime (its
// source and its copy in generated/) import the standard library only, and the generated
// package that and its runtime; lint reads the model (it imports neither
// parse nor emit) and only the command imports lint.
func TestImportDirection(t *testing.T) {
	imports := packageImports(t)
	if len(imports["internal/model"]) == 0 {
		t.Fatal("found no imports for internal/model: is the test running at the module root?")
	}
	// The generated package imports its runtime, a package of its own that is a copy of
	// internal/emit/runtime.
	if !slices.Contains(imports["generated"], module+"/generated/internal/graphrt") {
		t.Errorf("generated does not import its runtime, generated/internal/graphrt: %v", imports["generated"])
	}
	if len(imports["generated/internal/graphrt"]) == 0 {
		t.Error("found no imports for generated/internal/graphrt: the runtime package is missing")
	}
	for dir, imps := range imports {
		for _, imp := range imps {
			switch {
			case strings.HasPrefix(imp, "github.com/yuin/goldmark") && dir != "internal/parse":
				t.Errorf("%s imports %s: only internal/parse may use goldmark", dir, imp)
			case strings.HasPrefix(imp, "github.com/dave/jennifer") && dir != "internal/emit":
				t.Errorf("%s imports %s: only internal/emit may use jennifer", dir, imp)
			case (dir == "internal/model" || dir == "internal/emit/runtime" || dir == "generated/internal/graphrt") && !isStd(imp):
				t.Errorf("%s imports %s: it may import the standard library only", dir, imp)
			case dir == "generated" && !isStd(imp) && imp != module+"/generated/internal/graphrt":
				t.Errorf("%s imports %s: it may import the standard library and its runtime (internal/graphrt) only", dir, imp)
			case dir == "internal/emit" && imp == module+"/internal/parse":
				t.Errorf("internal/emit imports internal/parse: emit must only see the model")
			case dir == "internal/parse" && strings.HasPrefix(imp, module+"/internal/emit"):
				t.Errorf("internal/parse imports %s: parse must only produce the model", imp)
			case dir == "internal/lint" && (strings.HasPrefix(imp, module+"/internal/emit") || imp == module+"/internal/parse"):
				t.Errorf("internal/lint imports %s: lint checks the model (through internal/generate's pipeline), it neither parses nor emits", imp)
			case strings.HasPrefix(imp, module+"/internal/lint") && dir != "cmd/graphdocgen":
				t.Errorf("%s imports %s: only the command runs the lint checks", dir, imp)
			}
		}
	}
}
